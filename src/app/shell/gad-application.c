/* gad-application.c — the Gādība application
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <stdio.h>

#include "gad-application.h"
#include "gad-context.h"
#include "gad-person-list.h"
#include "gad-preferences-window.h"
#include "gad-registry-view.h"
#include "gad-session.h"
#include "gad-sign-in-window.h"
#include "gad-text.h"
#include "gad-window.h"

struct _GadApplication
{
  AdwApplication parent_instance;

  char *db_path;
  GadContext *context;
  GadSession *session;
  gboolean opening;   /* the database is being opened in a thread */
};

G_DEFINE_FINAL_TYPE (GadApplication, gad_application, ADW_TYPE_APPLICATION)

static void
show_open_error (GadApplication *self,
                 const char     *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Could Not Open the Database"),
                                                       message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (gtk_window_destroy), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* For `gadiba-cli bench startup`: prints "first-frame" when the first window
 * has drawn; with $GADIBA_BENCH_USER, signs in there as that account (the
 * password in $GADIBA_BENCH_PASSWORD) and prints "main-frame" when the main
 * window has drawn its registry with the rows of its first search; then
 * quits. */
static void bench_watch (GtkWindow *window);

static void
on_bench_searched (GadPersonList *rows,
                   const GError  *error,
                   GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (rows, on_bench_searched, window);
  bench_watch (window);
}

/* Once the window is made (it is added to the application before its
 * views have their context): the registry's first search is on its way. */
static void
bench_wait_for_rows (gpointer data)
{
  GtkWindow *window = data;
  GListModel *rows = gad_registry_view_get_results (GAD_REGISTRY_VIEW (
                       gad_window_get_registry_view (GAD_WINDOW (window))));

  if (gad_person_list_is_searching (GAD_PERSON_LIST (rows)))
    g_signal_connect (rows, "searched", G_CALLBACK (on_bench_searched), window);
  else
    bench_watch (window);
}

static void
on_bench_window_added (GApplication *app,
                       GtkWindow    *window)
{
  if (!GAD_IS_WINDOW (window))
    return;
  g_signal_handlers_disconnect_by_func (app, on_bench_window_added, NULL);
  g_idle_add_once (bench_wait_for_rows, window);
}

static void
on_bench_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));
  const char *user = g_getenv ("GADIBA_BENCH_USER");

  g_signal_handlers_disconnect_by_func (clock, on_bench_paint, window);
  g_print (GAD_IS_WINDOW (window) ? "main-frame\n" : "first-frame\n");
  fflush (stdout);
  if (GAD_IS_SIGN_IN_WINDOW (window) && user != NULL)
    {
      g_signal_connect (app, "window-added", G_CALLBACK (on_bench_window_added), NULL);
      gad_sign_in_window_sign_in (GAD_SIGN_IN_WINDOW (window), user,
                                  g_getenv ("GADIBA_BENCH_PASSWORD"));
    }
  else
    g_application_quit (app);
}

static void
on_bench_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_bench_paint), window);
}

static void
bench_watch (GtkWindow *window)
{
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_bench_realize (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_bench_realize), NULL);
}

/* The day's copy of the database, in a thread with its own connection (a
 * large database takes longer than a frame); only a failure is shown. */
static void
daily_backup_thread (GTask        *task,
                     gpointer      source,
                     gpointer      data,
                     GCancellable *cancellable)
{
  char **args = data;   /* database, kept */
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) store = gad_store_open (args[0], &error);
  g_autofree char *base = g_path_get_dirname (args[0]);
  g_autofree char *dir = g_build_filename (base, "backups", NULL);
  g_autofree char *today = gad_text_today_iso ();

  if (store == NULL
      || !gad_store_daily_backup (store, dir, (guint) atoi (args[1]), today, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
daily_backup_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (source));

  if (!g_task_propagate_boolean (G_TASK (result), &error) && GAD_IS_WINDOW (window))
    {
      /* TRANSLATORS: the daily automatic backup failed; the reason follows */
      g_autofree char *message = g_strdup_printf (_("Today’s backup could not be made: %s"),
                                                  error->message);

      gad_window_add_toast (GAD_WINDOW (window), message);
    }
}

static void
start_daily_backup (GadApplication *self)
{
  int kept = g_settings_get_int (gad_context_get_settings (self->context), "backups-kept");
  g_autoptr(GTask) task = NULL;
  char **args;

  /* A server's copies are its administrator's (docs/server.md). */
  if (kept <= 0 || gad_store_is_server (gad_context_get_store (self->context)))
    return;
  args = g_new0 (char *, 3);
  args[0] = g_strdup (gad_store_get_path (gad_context_get_store (self->context)));
  args[1] = g_strdup_printf ("%d", kept);
  task = g_task_new (self, NULL, daily_backup_done, NULL);
  g_task_set_task_data (task, args, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, daily_backup_thread);
}

/* The first window: the sign-in window on a database with accounts (the
 * others wait hidden until someone signs in). */
static void
present (GadApplication *self)
{
  GList *windows;

  gad_session_present (self->session);
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  while (windows && !gtk_widget_get_visible (windows->data))
    windows = windows->next;
  if (windows && g_getenv ("GADIBA_BENCH_FIRST_FRAME"))
    bench_watch (windows->data);
}

/* Opening a file and checking its schema take their time off the UI
 * thread (a server is connected to when someone signs in). */
static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      path,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GadStore *store = gad_store_open_signed_out (path, &error);

  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GadApplication *self = GAD_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) store = g_task_propagate_pointer (G_TASK (result), &error);

  self->opening = FALSE;
  if (store == NULL)
    show_open_error (self, error->message);
  else
    {
      self->context = gad_context_new (store);
      self->session = gad_session_new (GTK_APPLICATION (self), self->context);
      start_daily_backup (self);
      present (self);
    }
  g_application_release (G_APPLICATION (self));
}

static void
gad_application_activate (GApplication *app)
{
  GadApplication *self = GAD_APPLICATION (app);

  if (self->context != NULL)
    present (self);
  else if (!self->opening)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *chosen = g_settings_get_string (settings, "database");
      /* --db, then $GADIBA_DB, then the server chosen in Preferences, then the file. */
      char *path = self->db_path ? g_strdup (self->db_path)
                   : *chosen && !g_getenv ("GADIBA_DB") ? g_strdup (chosen)
                                                        : gad_store_default_path ();
      g_autoptr(GTask) task = g_task_new (self, NULL, on_opened, NULL);

      self->opening = TRUE;
      g_application_hold (app);
      g_task_set_task_data (task, path, g_free);
      g_task_run_in_thread (task, open_thread);
    }
}

static int
gad_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  GadApplication *self = GAD_APPLICATION (app);
  g_autofree char *db = NULL;

  /* A server's address stays as it is; a file name becomes absolute. */
  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    self->db_path = gad_store_is_address (db) ? g_strdup (db) : g_canonicalize_filename (db, NULL);
  return G_APPLICATION_CLASS (gad_application_parent_class)->handle_local_options (app, options);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Gādība developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Gādība"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Gādība developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("The registry, schedules and dashboards of a municipal "
                                       "social service"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GadApplication *self = GAD_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->context == NULL
      || gad_store_get_role (gad_context_get_store (self->context)) == GAD_ROLE_NONE)
    return;
  gtk_window_present (GTK_WINDOW (gad_preferences_window_new (parent, self->context)));
}

/* The guide in the UI's language: installed, or beside the sources when run from the build. */
static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  const char *lang = g_str_has_prefix (g_get_language_names ()[0], "lv") ? "lv" : "en";
  g_autofree char *path = g_build_filename (PKGDATADIR, "help", lang, "index.html", NULL);
  g_autofree char *uri = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = g_build_filename (SOURCE_DATADIR, "help", lang, "index.html", NULL);
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (user_data)), uri,
                GDK_CURRENT_TIME);
}

static void
lock_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GadApplication *self = GAD_APPLICATION (user_data);

  if (self->session)
    gad_session_lock (self->session);
}

static void
sign_out_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GadApplication *self = GAD_APPLICATION (user_data);

  if (self->session)
    gad_session_sign_out (self->session);
}

/* The My Work notification's click: the window, on My Work. */
static void
my_work_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));

  if (GAD_IS_WINDOW (window))
    {
      gad_window_show_view (GAD_WINDOW (window), "my-work");
      gtk_window_present (window);
    }
}

static const GActionEntry app_actions[] = {
  { "my-work", my_work_action },
  { "lock", lock_action },
  { "sign-out", sign_out_action },
  { "help", help_action },
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void
gad_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (gad_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
}

static void
gad_application_finalize (GObject *object)
{
  GadApplication *self = GAD_APPLICATION (object);

  g_clear_object (&self->session);
  g_clear_object (&self->context);
  g_free (self->db_path);
  G_OBJECT_CLASS (gad_application_parent_class)->finalize (object);
}

static void
gad_application_class_init (GadApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = gad_application_finalize;
  app_class->activate = gad_application_activate;
  app_class->startup = gad_application_startup;
  app_class->handle_local_options = gad_application_handle_local_options;
}

static void
gad_application_init (GadApplication *self)
{
  const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this database file instead of the default (also $GADIBA_DB)"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

/* Not unique: two windows on two databases, or two staff at one desk, are
 * separate processes with their own connections. */
GadApplication *
gad_application_new (void)
{
  return g_object_new (GAD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/lv/gadiba/Gadiba",
                       NULL);
}
