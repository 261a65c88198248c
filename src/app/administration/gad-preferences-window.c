/* gad-preferences-window.c — Preferences
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-app-util.h"
#include "gad-accounts-page.h"
#include "gad-catalogues-page.h"
#include "gad-preferences-window.h"
#include "gad-rates-page.h"
#include "gad-settings-page.h"
#include "gad-templates-page.h"
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
  AdwActionRow *backups_row;
  GtkSpinButton *backups_spin;
  AdwPreferencesPage *budget_page;
  GtkSpinButton *budget_year;
  GtkWidget *budget_rows[4];
};

G_DEFINE_FINAL_TYPE (GadPreferencesWindow, gad_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *budget_sources[] = { "municipal", "state", "project", "client" };
static const char *budget_categories[] = { "municipal", "state", "project", "client_payments" };
#define BUDGET_PROGRAMME "Sociālais dienests"

/* What the window reads and saves, on the worker's thread. */
typedef enum { BUDGET, READ_BUDGET, PASSWORD } Op;

typedef struct
{
  GadPreferencesWindow *self;
  Op op;
  int year;                     /* BUDGET, READ_BUDGET */
  const char *source;           /* BUDGET */
  gint64 cents;
  char *password;               /* PASSWORD */
  gint64 budget[G_N_ELEMENTS (budget_sources)];
} Job;

static void
job_free (Job *j)
{
  g_object_unref (j->self);
  if (j->password)
    memset (j->password, 0, strlen (j->password));
  g_free (j->password);
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
    }
  else if (self->context == NULL)
    ;   /* closed meanwhile */
  else
    switch (j->op)
      {
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
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, backups_row);
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, backups_spin);
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, budget_page);
  gtk_widget_class_bind_template_callback (widget_class, on_password_apply);
}

static void
gad_preferences_window_init (GadPreferencesWindow *self)
{
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
    {
      AdwPreferencesWindow *window = ADW_PREFERENCES_WINDOW (self);

      adw_preferences_window_add (window, ADW_PREFERENCES_PAGE (gad_settings_page_new (context,
                                                                                       NULL)));
      adw_preferences_window_add (window, ADW_PREFERENCES_PAGE (gad_rates_page_new (context)));
      adw_preferences_window_add (window, ADW_PREFERENCES_PAGE (gad_templates_page_new (context)));
      adw_preferences_window_add (window, ADW_PREFERENCES_PAGE (gad_catalogues_page_new (context,
                                                                                         FALSE)));
      adw_preferences_window_add (window, ADW_PREFERENCES_PAGE (gad_accounts_page_new (context)));
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
  if (self->budget_page)
    load_budget (self);
  return self;
}
