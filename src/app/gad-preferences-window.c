/* gad-preferences-window.c — Preferences
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-app-util.h"
#include "gad-accounts-page.h"
#include "gad-preferences-window.h"
#include "gad-server-dialog.h"
#include "gad-stats.h"
#include "gad-text.h"

struct _GadPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GadContext *context;

  AdwActionRow *account_row;
  AdwEntryRow *new_password_row;
  AdwEntryRow *repeat_password_row;
  GtkLabel *database_label;
  AdwActionRow *server_row;
  GtkWidget *use_file_button;
  AdwPreferencesPage *municipality_page;
  AdwPreferencesPage *rates_page;
  AdwActionRow *backups_row;
  GtkSpinButton *backups_spin;
  AdwPreferencesPage *budget_page;
  GtkSpinButton *budget_year;
  GtkWidget *budget_rows[4];
  GPtrArray *rate_groups;  /* AdwPreferencesGroup, rebuilt after a change */
};

/* Settings every letter prints; kept in the database, shared by all staff. */
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
  { N_("Dashboards"), "inhabitants",
    N_("Inhabitants of the municipality (for social workers per 1 000)") },
  { N_("Data Protection"), "retention_years",
    N_("Anonymise clients this many years after their last case closed") },
  { N_("Data Protection"), "idle_lock_minutes",
    N_("Lock Gādība after this many minutes without use (0: never)") },
};

/* Per person: euro a month for the first and each other person; a
 * coefficient: one number; hourly: euro an hour. */
enum { PER_PERSON, COEFFICIENT, HOURLY };

static const struct { const char *kind; const char *title; int unit; } rate_kinds[] = {
  { "gmi", N_("Guaranteed minimum income level"), PER_PERSON },
  { "needy", N_("Needy household threshold"), PER_PERSON },
  { "low-income", N_("Municipal low-income threshold"), PER_PERSON },
  { "low-income-ceiling", N_("National low-income ceiling"), PER_PERSON },
  { "housing-k-alone", N_("Housing coefficient: pensioner or disabled person alone"), COEFFICIENT },
  { "housing-k-pensioners", N_("Housing coefficient: only pensioners or disabled"), COEFFICIENT },
  { "housing-k-other", N_("Housing coefficient: other households"), COEFFICIENT },
  { "home-care-hour", N_("Home-care co-payment"), HOURLY },
};

G_DEFINE_FINAL_TYPE (GadPreferencesWindow, gad_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *budget_sources[] = { "municipal", "state", "project", "client" };
static const char *budget_categories[] = { "municipal", "state", "project", "client_payments" };
#define BUDGET_PROGRAMME "Sociālais dienests"

/* What the window reads and saves, on the worker's thread: all it shows
 * when it opens, or one change (then what it changed is read again). */
typedef enum { READ, SETTING, RATE, BUDGET, READ_BUDGET, PASSWORD } Op;

typedef struct
{
  GadPreferencesWindow *self;
  Op op;
  gboolean municipality;        /* READ: the settings and rates too */
  const char *key;              /* SETTING */
  char *value;
  GtkWidget *row;               /* SETTING: its row */
  const char *kind;             /* RATE */
  char *from;
  gint64 first, other;
  int year;                     /* BUDGET, READ, READ_BUDGET */
  const char *source;           /* BUDGET */
  gint64 cents;
  char *password;               /* PASSWORD */
  /* read */
  char *values[G_N_ELEMENTS (settings)];
  char *e_signed;
  GPtrArray *rates[G_N_ELEMENTS (rate_kinds)];
  gint64 budget[G_N_ELEMENTS (budget_sources)];
} Job;

static void
job_free (Job *j)
{
  g_object_unref (j->self);
  g_free (j->value);
  g_clear_object (&j->row);
  g_free (j->from);
  if (j->password)
    memset (j->password, 0, strlen (j->password));
  g_free (j->password);
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    g_free (j->values[i]);
  g_free (j->e_signed);
  for (guint i = 0; i < G_N_ELEMENTS (rate_kinds); i++)
    g_clear_pointer (&j->rates[i], g_ptr_array_unref);
  g_free (j);
}

static void
read_budget (GadStore *store,
             Job      *j)
{
  g_autoptr(GPtrArray) rows = gad_stats_query (store, "budget_planned_eur", j->year, j->year,
                                               NULL);

  for (guint i = 0; i < G_N_ELEMENTS (budget_sources); i++)
    for (guint k = 0; rows && k < rows->len; k++)
      {
        GadStat *stat = g_ptr_array_index (rows, k);
        if (g_str_equal (stat->category, budget_categories[i]))
          j->budget[i] = stat->value;
      }
}

static void
read_rates (GadStore *store,
            Job      *j)
{
  for (guint k = 0; k < G_N_ELEMENTS (rate_kinds); k++)
    j->rates[k] = gad_store_list_rates (store, rate_kinds[k].kind);
}

static gpointer
run_job (GadStore      *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *j = data;
  gboolean ok = TRUE;

  switch (j->op)
    {
    case READ:
      if (j->municipality)
        {
          for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
            j->values[i] = gad_store_get_setting (store, settings[i].key);
          j->e_signed = gad_store_get_setting (store, "e_signed");
          read_rates (store, j);
        }
      if (j->year > 0)
        read_budget (store, j);
      break;
    case SETTING:
      ok = gad_store_set_setting (store, j->key, j->value, error);
      break;
    case RATE:
      if ((ok = gad_store_set_rate (store, j->kind, j->from, j->first, j->other, error)))
        read_rates (store, j);
      break;
    case BUDGET:
      ok = gad_store_set_budget (store, j->year, j->source, BUDGET_PROGRAMME, j->cents, error);
      break;
    case READ_BUDGET:
      read_budget (store, j);
      break;
    case PASSWORD:
      ok = gad_store_set_password (store, gad_store_actor_id (store), j->password, error);
      break;
    }
  return GINT_TO_POINTER (ok);
}

static void on_job_done (GObject *source, GAsyncResult *result, gpointer user_data);

static Job *
job_new (GadPreferencesWindow *self,
         Op                    op)
{
  Job *j = g_new0 (Job, 1);

  j->self = g_object_ref (self);
  j->op = op;
  return j;
}

/* Takes @j. */
static void
run (Job *j)
{
  gad_worker_run (gad_context_get_worker (j->self->context), run_job, j, NULL, NULL, NULL,
                  on_job_done, j);
}

static void
add_toast (GadPreferencesWindow *self,
           const char           *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/* One's own password; the old one was given when signing in. */
static void
on_password_apply (GadPreferencesWindow *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->new_password_row));
  Job *j;

  if (!g_str_equal (password, gtk_editable_get_text (GTK_EDITABLE (self->repeat_password_row))))
    {
      add_toast (self, _("The two passwords differ. Type the same password twice."));
      return;
    }
  j = job_new (self, PASSWORD);
  j->password = g_strdup (password);
  run (j);
}

static void
on_setting_apply (AdwEntryRow          *row,
                  GadPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "key");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *value = NULL;

  if (g_object_get_data (G_OBJECT (row), "money"))
    {
      gint64 cents;

      if (!gad_text_parse_money (text, &cents) || cents < 0)
        {
          gad_row_set_error (row, TRUE);
          add_toast (self, _("Type an amount in euro, such as 1 000,00."));
          return;
        }
      value = g_strdup_printf ("%" G_GINT64_FORMAT, cents);
    }
  {
    Job *j = job_new (self, SETTING);

    j->key = key;
    j->value = value ? g_steal_pointer (&value) : g_strdup (text);
    j->row = g_object_ref (GTK_WIDGET (row));
    run (j);
  }
}

static void
on_e_signed (GtkSwitch            *toggle,
             GParamSpec           *pspec,
             GadPreferencesWindow *self)
{
  Job *j = job_new (self, SETTING);

  j->key = "e_signed";
  j->value = g_strdup (gtk_switch_get_active (toggle) ? "1" : "0");
  run (j);
}

static void
build_municipality (GadPreferencesWindow *self,
                    Job                  *j)
{
  AdwPreferencesGroup *group = NULL;
  const char *current = NULL;
  const char *e_signed = j->e_signed;
  GtkWidget *row, *toggle;

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      const char *value = j->values[i];

      if (current != settings[i].group)
        {
          current = settings[i].group;
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, _(current));
          adw_preferences_page_add (self->municipality_page, group);
        }
      if (settings[i].money)
        {
          g_autofree char *euros = gad_text_format_money (value ? g_ascii_strtoll (value, NULL, 10)
                                                                : 0);
          row = gad_entry_row_new (_(settings[i].title), euros);
          g_object_set_data (G_OBJECT (row), "money", GINT_TO_POINTER (TRUE));
        }
      else
        row = gad_entry_row_new (_(settings[i].title), value);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "key", (gpointer) settings[i].key);
      g_signal_connect (row, "apply", G_CALLBACK (on_setting_apply), self);
      adw_preferences_group_add (group, row);
    }

  row = adw_action_row_new ();
  toggle = gtk_switch_new ();
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

static void build_rates (GadPreferencesWindow *self, Job *j);

static char *
rate_text (gint64   value,
           gboolean coefficient)
{
  if (coefficient)
    return g_strdup_printf ("%" G_GINT64_FORMAT ",%02d", value / 100, (int) (value % 100));
  return gad_text_format_money (value);
}

static void
on_rate_add (GtkButton            *button,
             GadPreferencesWindow *self)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_PREFERENCES_GROUP);
  const char *kind = g_object_get_data (G_OBJECT (group), "kind");
  AdwEntryRow *from_row = g_object_get_data (G_OBJECT (group), "from-row");
  AdwEntryRow *first_row = g_object_get_data (G_OBJECT (group), "first-row");
  AdwEntryRow *other_row = g_object_get_data (G_OBJECT (group), "other-row");
  g_autofree char *from = gad_date_row_get_iso (from_row);
  gint64 first = -1, other = 0;
  Job *j;

  gad_row_set_error (from_row, from == NULL);
  gad_row_set_error (first_row, !gad_text_parse_money (gtk_editable_get_text (GTK_EDITABLE (first_row)),
                                                  &first));
  if (other_row)
    gad_row_set_error (other_row,
                       !gad_text_parse_money (gtk_editable_get_text (GTK_EDITABLE (other_row)),
                                         &other));
  if (from == NULL || first < 0)
    return;
  j = job_new (self, RATE);
  j->kind = kind;
  j->from = g_steal_pointer (&from);
  j->first = first;
  j->other = other;
  run (j);
}

/* One group a rate kind: its rows by effective date, newest first, and a row to add one. */
static void
build_rates (GadPreferencesWindow *self,
             Job                  *j)
{
  for (guint i = 0; i < self->rate_groups->len; i++)
    adw_preferences_page_remove (self->rates_page, g_ptr_array_index (self->rate_groups, i));
  g_ptr_array_set_size (self->rate_groups, 0);

  for (guint k = 0; k < G_N_ELEMENTS (rate_kinds); k++)
    {
      GPtrArray *rates = j->rates[k];
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      gboolean coefficient = rate_kinds[k].unit == COEFFICIENT;
      gboolean per_person = rate_kinds[k].unit == PER_PERSON;
      GtkWidget *from_row, *first_row, *other_row = NULL, *button;

      adw_preferences_group_set_title (group, _(rate_kinds[k].title));
      if (per_person)
        adw_preferences_group_set_description (group, _("Euro a month: the first or only person "
                                                        "/ each other person"));
      else if (!coefficient)
        adw_preferences_group_set_description (group, _("Euro an hour; free for a needy household"));
      for (guint i = 0; i < rates->len; i++)
        {
          GadRate *r = g_ptr_array_index (rates, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *date = gad_text_format_date (r->valid_from);
          g_autofree char *first = rate_text (r->first, coefficient);
          g_autofree char *other = rate_text (r->other, coefficient);
          /* TRANSLATORS: a rate in force from a date */
          g_autofree char *title = g_strdup_printf (_("From %s"), date);
          g_autofree char *value = per_person ? g_strdup_printf ("%s / %s", first, other)
                                              : g_strdup (first);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
          adw_preferences_group_add (group, row);
        }
      from_row = gad_entry_row_new (_("New rate from (DD.MM.YYYY)"), NULL);
      first_row = gad_entry_row_new (coefficient ? _("Coefficient (e.g. 2,5)")
                                     : per_person ? _("First or only person (€)")
                                                  : _("An hour (€)"), NULL);
      adw_preferences_group_add (group, from_row);
      adw_preferences_group_add (group, first_row);
      if (per_person)
        {
          other_row = gad_entry_row_new (_("Each other person (€)"), NULL);
          adw_preferences_group_add (group, other_row);
        }
      button = gtk_button_new_with_mnemonic (_("_Add Rate"));
      gtk_widget_set_halign (button, GTK_ALIGN_END);
      gtk_widget_set_margin_top (button, 6);
      g_signal_connect (button, "clicked", G_CALLBACK (on_rate_add), self);
      adw_preferences_group_add (group, button);

      g_object_set_data (G_OBJECT (group), "kind", (gpointer) rate_kinds[k].kind);
      g_object_set_data (G_OBJECT (group), "from-row", from_row);
      g_object_set_data (G_OBJECT (group), "first-row", first_row);
      g_object_set_data (G_OBJECT (group), "other-row", other_row);
      adw_preferences_page_add (self->rates_page, group);
      g_ptr_array_add (self->rate_groups, group);
    }
}

static void
show_budget (GadPreferencesWindow *self,
             Job                  *j)
{
  /* Another year was chosen meanwhile: its own reading comes. */
  if (self->budget_page == NULL || j->year != gtk_spin_button_get_value_as_int (self->budget_year))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (budget_sources); i++)
    {
      g_autofree char *text = gad_money_for_entry (j->budget[i]);

      gtk_editable_set_text (GTK_EDITABLE (self->budget_rows[i]), text);
    }
}

static void
load_budget (GadPreferencesWindow *self)
{
  Job *j = job_new (self, READ_BUDGET);

  j->year = gtk_spin_button_get_value_as_int (self->budget_year);
  run (j);
}

static void
on_budget_apply (AdwEntryRow          *row,
                 GadPreferencesWindow *self)
{
  const char *source = g_object_get_data (G_OBJECT (row), "source");
  gint64 cents;
  Job *j;

  if (!gad_text_parse_money (gtk_editable_get_text (GTK_EDITABLE (row)), &cents))
    {
      gad_row_set_error (row, TRUE);
      return;
    }
  gad_row_set_error (row, FALSE);
  j = job_new (self, BUDGET);
  j->year = gtk_spin_button_get_value_as_int (self->budget_year);
  j->source = source;
  j->cents = cents;
  run (j);
}

/* The planned amounts of a year by funding source, as the head enters them. */
static void
build_budget (GadPreferencesWindow *self)
{
  const char *titles[] = { _("Municipal budget (€)"), _("State budget (€)"), _("Projects (€)"),
                           _("Client payments (€)") };
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *year_row = adw_action_row_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  adw_preferences_group_set_title (group, _("Planned Budget"));
  adw_preferences_group_set_description (group, _("The dashboards set payments against it."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (year_row), _("Year"));
  self->budget_year = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2000, 2100, 1));
  gtk_spin_button_set_value (self->budget_year, g_date_time_get_year (now));
  gtk_widget_set_valign (GTK_WIDGET (self->budget_year), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->budget_year),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year"), -1);
  g_signal_connect_swapped (self->budget_year, "value-changed", G_CALLBACK (load_budget), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (year_row), GTK_WIDGET (self->budget_year));
  adw_preferences_group_add (group, year_row);
  for (guint i = 0; i < G_N_ELEMENTS (budget_sources); i++)
    {
      self->budget_rows[i] = gad_entry_row_new (titles[i], NULL);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->budget_rows[i]), TRUE);
      g_object_set_data (G_OBJECT (self->budget_rows[i]), "source",
                         (gpointer) budget_sources[i]);
      g_signal_connect (self->budget_rows[i], "apply", G_CALLBACK (on_budget_apply), self);
      adw_preferences_group_add (group, self->budget_rows[i]);
    }
  adw_preferences_page_add (self->budget_page, group);
}

/* A job's end: what it read is shown, what it saved said. */
static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *j = user_data;
  GadPreferencesWindow *self = j->self;
  g_autoptr(GError) error = NULL;

  if (!gad_worker_run_finish (result, &error))
    {
      if (self->context)
        add_toast (self, error->message);
      if (self->context && j->row)
        gad_row_set_error (j->row, TRUE);   /* what was typed stays, marked */
    }
  else if (self->context == NULL)
    ;   /* closed meanwhile */
  else
    switch (j->op)
      {
      case READ:
        if (j->municipality && self->municipality_page)
          {
            build_municipality (self, j);
            build_rates (self, j);
          }
        show_budget (self, j);
        break;
      case SETTING:
        if (j->row)
          gad_row_set_error (j->row, FALSE);
        /* The idle lock's minutes are among the lists the context keeps. */
        gad_context_read_directory (self->context, NULL, NULL);
        break;
      case RATE:
        add_toast (self, _("Rate saved"));
        build_rates (self, j);
        break;
      case BUDGET:
        add_toast (self, _("Budget saved"));
        gad_context_changed (self->context);
        break;
      case READ_BUDGET:
        show_budget (self, j);
        break;
      case PASSWORD:
        gtk_editable_set_text (GTK_EDITABLE (self->new_password_row), "");
        gtk_editable_set_text (GTK_EDITABLE (self->repeat_password_row), "");
        add_toast (self, _("Your password was changed."));
        break;
      }
  job_free (j);
}

/* Which database the next start opens: the server chosen here, or the file. */
static void
show_next_database (GadPreferencesWindow *self,
                    const char           *key,
                    GSettings            *app_settings)
{
  g_autofree char *database = g_settings_get_string (app_settings, "database");

  adw_action_row_set_subtitle (self->server_row,
                               *database ? database : _("This workstation’s own file"));
  gtk_widget_set_visible (self->use_file_button, *database != '\0');
}

static void
on_connected (GadPreferencesWindow *self,
              const char           *address)
{
  g_settings_set_string (gad_context_get_settings (self->context), "database", address);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Connected. Gādība opens the server’s "
                                                     "database from its next start.")));
}

static void
on_connect_server (GadPreferencesWindow *self)
{
  GadServerDialog *dialog = gad_server_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_connected), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_use_file (GadPreferencesWindow *self)
{
  g_settings_reset (gad_context_get_settings (self->context), "database");
}

static void
gad_preferences_window_dispose (GObject *object)
{
  GadPreferencesWindow *self = GAD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rate_groups, g_ptr_array_unref);
  G_OBJECT_CLASS (gad_preferences_window_parent_class)->dispose (object);
}

static void
gad_preferences_window_class_init (GadPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, account_row);
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, new_password_row);
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, repeat_password_row);
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, database_label);
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, use_file_button);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_server);
  gtk_widget_class_bind_template_callback (widget_class, on_use_file);
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, municipality_page);
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, rates_page);
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, backups_row);
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, backups_spin);
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, budget_page);
  gtk_widget_class_bind_template_callback (widget_class, on_password_apply);
}

static void
gad_preferences_window_init (GadPreferencesWindow *self)
{
  self->rate_groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GadPreferencesWindow *
gad_preferences_window_new (GtkWindow  *parent,
                            GadContext *context)
{
  GadPreferencesWindow *self = g_object_new (GAD_TYPE_PREFERENCES_WINDOW, "transient-for", parent,
                                             NULL);
  GadStore *store = gad_context_get_store (context);
  /* TRANSLATORS: the signed-in account in Preferences: role and sign-in name */
  g_autofree char *role = g_strdup_printf (_("%s — signs in as “%s”"),
                                           gad_role_label (gad_store_get_role (store)),
                                           gad_store_get_username (store));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row),
                                 gad_store_actor_name (store));
  gad_password_row_name_peek (GTK_WIDGET (self->new_password_row));
  gad_password_row_name_peek (GTK_WIDGET (self->repeat_password_row));
  adw_action_row_set_subtitle (self->account_row, role);
  /* Shared settings are the administrator's, the budget the head's. */
  if (gad_store_can (store, GAD_RIGHT_ADMINISTER, 0))
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (gad_accounts_page_new (context)));
  else
    {
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->municipality_page);
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->rates_page);
      self->municipality_page = self->rates_page = NULL;
    }
  if (!gad_store_can (store, GAD_RIGHT_DASHBOARDS, 0))
    {
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->budget_page);
      self->budget_page = NULL;
    }
  gtk_label_set_label (self->database_label, gad_store_get_path (store));
  g_signal_connect_object (gad_context_get_settings (context), "changed::database",
                           G_CALLBACK (show_next_database), self, G_CONNECT_SWAPPED);
  show_next_database (self, NULL, gad_context_get_settings (context));
  g_settings_bind (gad_context_get_settings (context), "backups-kept",
                   gtk_spin_button_get_adjustment (self->backups_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  if (gad_store_is_server (store))
    {
      /* The daily copy is of a workstation's file (docs/server.md). */
      adw_action_row_set_subtitle (self->backups_row,
                                   _("The server’s administrator keeps its backups; this "
                                     "workstation makes none of its own."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->backups_row), FALSE);
    }
  /* Set last, so filling the row does not write the setting. */
  self->context = g_object_ref (context);
  if (self->budget_page)
    build_budget (self);
  /* What the pages show comes from the worker a moment later. */
  {
    Job *j = job_new (self, READ);

    j->municipality = self->municipality_page != NULL;
    j->year = self->budget_year ? gtk_spin_button_get_value_as_int (self->budget_year) : 0;
    run (j);
  }
  return self;
}
