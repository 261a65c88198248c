/* gad-cli-server.c — gadiba-cli server init and migrate: a service's shared database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>

#include "gad-cli.h"

static volatile sig_atomic_t interrupted;

static void
on_sigint (int signum)
{
  interrupted = 1;
}

/* gadiba-cli server init --db ADDRESS [--name NAME --login LOGIN]: the
 * schema, the roles and their rights in a server database, and its first
 * administrator. */
int
gad_cli_server (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *name = NULL, *login = NULL, *password = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The first administrator’s full name"),
      N_("NAME") },
    { "login", 0, 0, G_OPTION_ARG_STRING, &login, N_("The first administrator’s sign-in name"),
      N_("LOGIN") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;

  if (!gad_cli_parse (entries, "init",
                      _("Make a server database ready for Gādība, as the server’s superuser: its "
                        "tables, the owner and group roles and what the server lets each do, "
                        "and the first administrator’s account (password from "
                        "$GADIBA_NEW_PASSWORD, or asked for). Run it again after an upgrade."),
                      &argc, &argv, error))
    return 2;
  if (argc != 2 || !g_str_equal (argv[1], "init") || (name == NULL) != (login == NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli server init --db ADDRESS [--name NAME --login LOGIN]"));
      return 2;
    }
  if ((store = gad_cli_open_database (error)) == NULL)
    return 1;
  if (!gad_store_is_server (store))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Give the server database with --db (a postgresql:// address or "
                     "service=NAME)."));
      return 2;
    }
  if (!gad_store_server_init (store, error))
    return 1;
  g_print (_("The server database is ready (schema %d).\n"), gad_store_schema_version ());
  if (login)
    {
      password = gad_cli_read_password ("GADIBA_NEW_PASSWORD", _("New password: "));
      if (gad_store_create_administrator (store, name, login, password, error) == 0)
        return 1;
      g_print (_("Administrator “%s” created.\n"), gad_store_get_username (store));
    }
  else if (!gad_store_has_accounts (store))
    g_print (_("Next: gadiba-cli server init --db ADDRESS --name NAME --login LOGIN\n"));
  return 0;
}

typedef struct
{
  GCancellable *cancellable;
  int shown;
} Progress;

static void
show_progress (double   fraction,
               gpointer user_data)
{
  Progress *p = user_data;
  int percent = (int) (fraction * 100);

  if (interrupted)
    g_cancellable_cancel (p->cancellable);
  if (percent != p->shown)
    {
      p->shown = percent;
      g_printerr ("\r");
      /* TRANSLATORS: progress of moving a database to the server */
      g_printerr (_("Moving to the server: %3d %%"), percent);
    }
}

/* gadiba-cli migrate --from FILE --to ADDRESS --user ADMIN */
int
gad_cli_migrate (int      argc,
                 char   **argv,
                 GError **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The workstation’s database file"),
      N_("FILE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The server database, empty"), N_("ADDRESS") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { cancellable, -1 };
  struct sigaction action = { 0 };
  GadMoveReport report;
  g_autofree char *rows = NULL;
  g_autofree char *audit_rows = NULL;
  gboolean ok;

  if (!gad_cli_parse (entries, NULL,
                      _("Copy a whole database file into the service’s empty server database, "
                        "and check the copy there before it counts."),
                      &argc, &argv, error))
    return 2;
  if (from == NULL || to == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli migrate --from FILE --to ADDRESS --user ADMINISTRATOR"));
      return 2;
    }
  if (!g_file_test (from, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("There is no database file “%s”. Nothing was changed."), from);
      return 1;
    }
  gad_cli_set_database (from);
  if ((store = gad_cli_open_store (error)) == NULL)
    return 1;

  action.sa_handler = on_sigint;
  sigaction (SIGINT, &action, NULL);
  ok = gad_store_move_to_server (store, to, gad_cli_password (), show_progress, &progress, cancellable, &report,
                                 error);
  g_printerr ("\n");
  if (!ok)
    {
      if (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (error);
          g_printerr (_("Cancelled: the server database is as empty as it was.\n"));
          return 130;
        }
      return 1;
    }
  rows = g_strdup_printf ("%" G_GINT64_FORMAT, report.rows);
  audit_rows = g_strdup_printf ("%" G_GINT64_FORMAT, report.audit_rows);
  g_print (ngettext ("Moved %s rows in %u table to %s.\n", "Moved %s rows in %u tables to %s.\n",
                     report.tables),
           rows, report.tables, to);
  g_print (ngettext ("Checked on the server: every table’s row count, %u letter’s SHA-256, ",
                     "Checked on the server: every table’s row count, %u letters’ SHA-256, ",
                     report.letters),
           report.letters);
  g_print (ngettext ("and the audit chain of %s entry.\n", "and the audit chain of %s entries.\n",
                     (gulong) report.audit_rows),
           audit_rows);
  return 0;
}
