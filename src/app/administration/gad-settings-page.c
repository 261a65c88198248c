/* gad-settings-page.c — the settings every letter and rule reads, kept in
 * the database and shared by all staff
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row a setting, in groups (the letterhead, the appeal clause, …); a
 * row saves with its apply button, or all typed rows at once when the
 * first set-up goes on to its next step. Preferences shows every group,
 * the first set-up one or two at a time.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-settings-page.h"
#include "gad-text.h"

struct _GadSettingsPage
{
  AdwPreferencesPage parent_instance;

  GadContext *context;
  GStrv groups;           /* the groups shown; NULL: all */
  GPtrArray *rows;        /* AdwEntryRow, one a setting shown */
};

G_DEFINE_FINAL_TYPE (GadSettingsPage, gad_settings_page, ADW_TYPE_PREFERENCES_PAGE)

static const struct
{
  const char *group;
  const char *key;
  const char *title;
  gboolean money;   /* stored in cents, shown and typed in euro */
} settings[] = {
  { N_("Letterhead"), "institution", N_("Institution") },
  { N_("Letterhead"), "institution_reg_no", N_("Registration number") },
  { N_("Letterhead"), "institution_address", N_("Address") },
  { N_("Letterhead"), "institution_phone", N_("Phone") },
  { N_("Letterhead"), "institution_email", N_("E-mail") },
  { N_("Letterhead"), "institution_e_address", N_("Official e-address") },
  { N_("Letterhead"), "coat_of_arms", N_("Coat of arms (PNG file)") },
  { N_("Letterhead"), "place", N_("Place of issue (e.g. Bauskā)") },
  { N_("Appeal Clause"), "appeal_body", N_("Contested at (e.g. Bauskas novada domē)") },
  { N_("Appeal Clause"), "appeal_address", N_("Its address") },
  { N_("Signature"), "signer_position", N_("Signer’s position") },
  { N_("Signature"), "signer_name", N_("Signer (initial and surname)") },
  { N_("Signature"), "number_pattern", N_("Decision numbers ({year}, {seq:6})") },
  { N_("Approval"), "approval_threshold_cents",
    N_("A head approves decisions granting more than this in all (0: none)"), TRUE },
  { N_("Approval"), "open_ended_months",
    N_("A grant without an end date counts as this many months") },
  { N_("Schedules"), "family_assistant_families",
    N_("Family assistant’s full caseload: families with children") },
  { N_("Schedules"), "family_assistant_mental",
    N_("… or persons with mental disorders") },
  { N_("Schedules"), "family_assistant_young_adults",
    N_("… or young adults after out-of-family care") },
  { N_("Schedules"), "reception_slot_minutes", N_("Reception slot, minutes") },
  { N_("Routes"), "route_road_factor",
    N_("Roads are longer than the straight line by (1,3 if not set)") },
  { N_("Routes"), "route_speed_kmh", N_("Average speed on country roads, km/h (50 if not set)") },
  { N_("Dashboards"), "inhabitants",
    N_("Inhabitants of the municipality (for social workers per 1 000)") },
  { N_("Data Protection"), "retention_years",
    N_("Anonymise clients this many years after their last case closed") },
  { N_("Data Protection"), "idle_lock_minutes",
    N_("Lock Gādība after this many minutes without use (0: never)") },
};

/* Read all (@key NULL), or save one. */
typedef struct
{
  GadSettingsPage *self;
  const char *key;
  char *value;
  GtkWidget *row;
  char *values[G_N_ELEMENTS (settings)];
  char *e_signed;
} Job;

static void
job_free (Job *j)
{
  g_object_unref (j->self);
  g_free (j->value);
  g_clear_object (&j->row);
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    g_free (j->values[i]);
  g_free (j->e_signed);
  g_free (j);
}

static gpointer
run_job (GadStore      *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *j = data;

  if (j->key)
    return GINT_TO_POINTER (gad_store_set_setting (store, j->key, j->value, error));
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    j->values[i] = gad_store_get_setting (store, settings[i].key);
  j->e_signed = gad_store_get_setting (store, "e_signed");
  return GINT_TO_POINTER (TRUE);
}

static void build (GadSettingsPage *self, Job *j);

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *j = user_data;
  GadSettingsPage *self = j->self;
  g_autoptr(GError) error = NULL;

  if (!gad_worker_run_finish (result, &error))
    {
      if (self->context)
        gad_window_toast (GTK_WIDGET (self), error->message);
      if (self->context && j->row)
        gad_row_set_error (j->row, TRUE);   /* what was typed stays, marked */
    }
  else if (self->context == NULL)
    ;   /* closed meanwhile */
  else if (j->key == NULL)
    build (self, j);
  else
    {
      if (j->row)
        {
          gad_row_set_error (j->row, FALSE);
          g_object_set_data_full (G_OBJECT (j->row), "saved",
                                  g_strdup (gtk_editable_get_text (GTK_EDITABLE (j->row))),
                                  g_free);
        }
      /* The idle lock's minutes are among the lists the context keeps. */
      gad_context_read_directory (self->context, NULL, NULL);
    }
  job_free (j);
}

static void
save (GadSettingsPage *self,
      const char      *key,
      char            *value,
      GtkWidget       *row)
{
  Job *j = g_new0 (Job, 1);

  j->self = g_object_ref (self);
  j->key = key;
  j->value = value;
  j->row = row ? g_object_ref (row) : NULL;
  gad_worker_run (gad_context_get_worker (self->context), run_job, j, NULL, NULL, NULL,
                  on_job_done, j);
}

static void
on_setting_apply (AdwEntryRow     *row,
                  GadSettingsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gint64 cents;

  if (!g_object_get_data (G_OBJECT (row), "money"))
    save (self, g_object_get_data (G_OBJECT (row), "key"), g_strdup (text), GTK_WIDGET (row));
  else if (gad_text_parse_money (text, &cents) && cents >= 0)
    save (self, g_object_get_data (G_OBJECT (row), "key"),
          g_strdup_printf ("%" G_GINT64_FORMAT, cents), GTK_WIDGET (row));
  else
    {
      gad_row_set_error (row, TRUE);
      gad_window_toast (GTK_WIDGET (self), _("Type an amount in euro, such as 1 000,00."));
    }
}

static void
on_e_signed (GtkSwitch       *toggle,
             GParamSpec      *pspec,
             GadSettingsPage *self)
{
  save (self, "e_signed", g_strdup (gtk_switch_get_active (toggle) ? "1" : "0"), NULL);
}

static gboolean
shown (GadSettingsPage *self,
       const char      *group)
{
  return self->groups == NULL || g_strv_contains ((const char * const *) self->groups, group);
}

static void
add_e_signed (GadSettingsPage     *self,
              AdwPreferencesGroup *group,
              const char          *e_signed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Signed electronically"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Letters carry the secure e-signature footer instead of a "
                                 "signature line"));
  gtk_switch_set_active (GTK_SWITCH (toggle), g_str_equal (e_signed, "1"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Signed electronically"), -1);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_e_signed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
}

static void
build (GadSettingsPage *self,
       Job             *j)
{
  AdwPreferencesGroup *group = NULL;
  const char *current = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      const char *value = j->values[i];
      g_autofree char *text = NULL;
      GtkWidget *row;

      if (!shown (self, settings[i].group))
        continue;
      if (current != settings[i].group)
        {
          if (group && g_str_equal (current, "Signature"))
            add_e_signed (self, group, j->e_signed);
          current = settings[i].group;
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, _(current));
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);
        }
      text = settings[i].money ? gad_text_format_money (value ? g_ascii_strtoll (value, NULL, 10)
                                                              : 0)
                               : g_strdup (value);
      row = gad_entry_row_new (_(settings[i].title), text);
      g_object_set_data (G_OBJECT (row), "money", GINT_TO_POINTER (settings[i].money));
      g_object_set_data_full (G_OBJECT (row), "saved", g_strdup (text ? text : ""), g_free);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "key", (gpointer) settings[i].key);
      g_signal_connect (row, "apply", G_CALLBACK (on_setting_apply), self);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rows, row);
    }
  if (group && g_str_equal (current, "Signature"))
    add_e_signed (self, group, j->e_signed);
}

/**
 * gad_settings_page_save_typed:
 *
 * Saves every row whose text was changed and not applied yet.
 */
void
gad_settings_page_save_typed (GadSettingsPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)),
                     g_object_get_data (G_OBJECT (row), "saved")) != 0)
        on_setting_apply (ADW_ENTRY_ROW (row), self);
    }
}

static void
gad_settings_page_dispose (GObject *object)
{
  GadSettingsPage *self = GAD_SETTINGS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_SETTINGS_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->groups, g_strfreev);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (gad_settings_page_parent_class)->dispose (object);
}

static void
gad_settings_page_class_init (GadSettingsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_settings_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-settings-page.ui");
}

static void
gad_settings_page_init (GadSettingsPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gad_settings_page_new:
 * @groups: (nullable): the groups to show, by their English titles
 *   ("Letterhead", "Appeal Clause", …); %NULL for all
 *
 * The rows come from the worker a moment later.
 */
GadSettingsPage *
gad_settings_page_new (GadContext         *context,
                       const char * const *groups)
{
  GadSettingsPage *self = g_object_new (GAD_TYPE_SETTINGS_PAGE, NULL);
  Job *j = g_new0 (Job, 1);

  self->context = g_object_ref (context);
  self->groups = g_strdupv ((char **) groups);
  j->self = g_object_ref (self);
  gad_worker_run (gad_context_get_worker (context), run_job, j, NULL, NULL, NULL, on_job_done, j);
  return self;
}
