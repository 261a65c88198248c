/* gadiba-cli.c — Gādība without a window: demo data, search, import, export, benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gad-cli.h"
#include "gad-demo.h"
#include "gad-import.h"
#include "gad-my-work.h"
#include "gad-personal-code.h"
#include "gad-store.h"
#include "gad-text.h"

static char *db_path;
static char *user;

/* Another database than --db names (migrate's --from). */
void
gad_cli_set_database (const char *path)
{
  g_free (db_path);
  db_path = g_strdup (path);
}

/* The database without signing in: for the demo builder, the audit chain
 * check and the first administrator. */
GadStore *
gad_cli_open_database (GError **error)
{
  g_autofree char *path = db_path ? g_strdup (db_path) : gad_store_default_path ();

  return gad_store_open (path, error);
}

/* A password from $GADIBA_PASSWORD, or asked for without echo on a terminal,
 * or the first line of standard input. */
char *
gad_cli_read_password (const char *variable,
                       const char *prompt)
{
  const char *env = g_getenv (variable);
  struct termios saved, quiet;
  gboolean tty = isatty (0) && tcgetattr (0, &saved) == 0;
  char line[1024];

  if (env)
    return g_strdup (env);
  if (tty)
    {
      g_printerr ("%s", prompt);
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (0, TCSAFLUSH, &quiet);
    }
  if (fgets (line, sizeof line, stdin) == NULL)
    line[0] = '\0';
  if (tty)
    {
      tcsetattr (0, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

/* The CLI goes through the same rights as the window: it signs in as
 * --user (or $GADIBA_USER). */
static char *password;

/* Whether the command was told whom to sign in as. */
gboolean
gad_cli_signed_in (void)
{
  return user || g_getenv ("GADIBA_USER");
}

/* The password the command signed in with (a move to a server gives it to
 * the administrator's server account). */
const char *
gad_cli_password (void)
{
  return password;
}

GadStore *
gad_cli_open_store (GError **error)
{
  const char *name = user ? user : g_getenv ("GADIBA_USER");
  g_autofree char *path = db_path ? g_strdup (db_path) : gad_store_default_path ();

  if (name == NULL)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                   _("Sign in with --user NAME (the password is asked for, or read from "
                     "$GADIBA_PASSWORD)."));
      return NULL;
    }
  g_free (password);
  password = gad_cli_read_password ("GADIBA_PASSWORD", _("Password: "));
  return gad_store_sign_in_to (path, name, password, error);
}

gboolean
gad_cli_parse (GOptionEntry  *extra,
               const char    *parameters,
               const char    *summary,
               int           *argc,
               char        ***argv,
               GError       **error)
{
  GOptionEntry common[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The database: a file, or a server’s postgresql:// address or service=NAME (default: "
         "$GADIBA_DB or the file in the user data folder)"), N_("DATABASE") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user,
      N_("Sign in as this staff member (default: $GADIBA_USER)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (extra)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

static void
print_progress (double   fraction,
                gpointer user_data)
{
  g_printerr ("\r%s %3.0f %%", (const char *) user_data, fraction * 100);
}

/* The demo county for a server: built in a temporary file and moved there
 * as `migrate` moves a service (checked on the server, refused into a
 * database in use); written row by row over the network it takes twenty
 * times longer. */
static gboolean
demo_on_server (const char  *address,
                int          persons,
                int          seed,
                const char  *today,
                GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("gadiba-demo-XXXXXX", error);
  g_autofree char *file = NULL;
  g_autoptr(GadStore) local = NULL;
  g_autoptr(GDir) leftovers = NULL;
  GadMoveReport report;
  gboolean ok;
  const char *name;

  if (dir == NULL)
    return FALSE;
  file = g_build_filename (dir, "demo.db", NULL);
  ok = (local = gad_store_open (file, error)) != NULL
       && gad_demo_build (local, persons, seed, today, isatty (2) ? print_progress : NULL,
                          _("Building the demo county…"), NULL, error)
       && gad_store_sign_in (local, "admin", GAD_DEMO_PASSWORD, error);
  if (ok && isatty (2))
    g_printerr ("\n");
  ok = ok && gad_store_move_to_server (local, address, GAD_DEMO_PASSWORD,
                                       isatty (2) ? print_progress : NULL,
                                       _("Moving it to the server…"), NULL, &report, error);
  g_clear_object (&local);
  leftovers = g_dir_open (dir, 0, NULL);
  while (leftovers && (name = g_dir_read_name (leftovers)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
  return ok;
}

static int
cmd_demo (int argc, char **argv, GError **error)
{
  int persons = 20000, seed = 1;
  g_autofree char *today = NULL;
  GOptionEntry entries[] = {
    { "persons", 0, 0, G_OPTION_ARG_INT, &persons, N_("How many persons (default 20 000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the random choices (default 1)"), "S" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("The day the county is carried on to (default: today; 22.11.2026, its own day, "
         "gives it as the tests know it)"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *today_iso = NULL;
  GDate day;

  if (!gad_cli_parse (entries, NULL, _("Fill an empty database with a fictional county."), &argc, &argv,
              error))
    return 2;
  if (persons < 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--persons must be at least 1."));
      return 2;
    }
  if (today && !gad_text_parse_date (today, &day))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--today is a date: DD.MM.YYYY or YYYY-MM-DD."));
      return 2;
    }
  if (today)
    today_iso = gad_text_iso_date (&day);
  if ((store = gad_cli_open_database (error)) == NULL)
    return 1;
  if (gad_store_is_server (store))
    {
      g_autofree char *address = g_strdup (gad_store_get_path (store));

      if (!gad_demo_check_empty (store, error))
        return 1;
      g_clear_object (&store);
      if (!demo_on_server (address, persons, seed, today_iso, error)
          || (store = gad_store_sign_in_to (address, "admin", GAD_DEMO_PASSWORD, error)) == NULL)
        return 1;
      if (!gad_demo_give_passwords (store, error))
        return 1;
    }
  else if (!gad_demo_build (store, persons, seed, today_iso, isatty (2) ? print_progress : NULL,
                            _("Building the demo county…"), NULL, error))
    return 1;
  if (isatty (2))
    g_printerr ("\n");
  if (!gad_store_sign_in (store, "admin", GAD_DEMO_PASSWORD, error)
      || !gad_store_search (store, "", GAD_SORT_NAME, FALSE, 0, ids, error))
    return 1;
  g_print (ngettext ("Demo county with %u person written to %s\n",
                     "Demo county with %u persons written to %s\n", ids->len),
           ids->len, gad_store_get_path (store));
  /* TRANSLATORS: after building the demo database; the password follows */
  g_print (_("Sign in as admin, head, worker, clerk or auditor, password %s\n"),
           GAD_DEMO_PASSWORD);
  return 0;
}

static int
cmd_search (int argc, char **argv, GError **error)
{
  int limit = 50;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many rows (default 50, 0 for all)"),
      "N" },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *text = NULL;

  if (!gad_cli_parse (entries, _("TEXT"), _("Find persons by name or personal code, best match first."),
              &argc, &argv, error))
    return 2;
  text = g_strjoinv (" ", argv + 1);
  if ((store = gad_cli_open_store (error)) == NULL
      || !gad_store_search (store, text, GAD_SORT_RELEVANCE, FALSE, MAX (limit, 0), ids, error))
    return 1;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GadPerson) p = gad_store_get_person (store, g_array_index (ids, gint64, i), error);
      g_autofree char *code = NULL;
      g_autofree char *birth = NULL;

      if (p == NULL)
        return 1;
      code = gad_person_dup_code_display (p);
      birth = gad_text_format_date (gad_person_get_birth_date (p));
      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%u\n", code, gad_person_get_last_name (p),
               gad_person_get_first_name (p), birth, gad_person_get_territory (p),
               gad_person_get_worker (p), gad_person_get_open_cases (p));
    }
  return 0;
}

/* "persons|households|…": the kinds the usage lists. */
static char *
import_kinds (void)
{
  GString *kinds = g_string_new (NULL);

  for (guint k = 0; k < GAD_IMPORT_N_KINDS; k++)
    g_string_append_printf (kinds, "%s%s", k ? "|" : "", gad_import_kind_name (k));
  return g_string_free (kinds, FALSE);
}

static int
cmd_import (int argc, char **argv, GError **error)
{
  gboolean skip_bad = FALSE, dry_run = FALSE;
  g_autofree char *template = NULL;
  GOptionEntry entries[] = {
    { "skip-bad", 0, 0, G_OPTION_ARG_NONE, &skip_bad,
      N_("Import the good rows even when some are bad"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check every row and write nothing"), NULL },
    { "template", 0, 0, G_OPTION_ARG_FILENAME, &template,
      N_("Write a file with the kind’s columns and one example row, and import nothing"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GadImportReport) report = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *kinds = import_kinds ();
  g_autofree char *usage = g_strdup_printf ("%s FILE.csv", kinds);
  g_autofree char *data = NULL;
  GadImportKind kind;
  gsize length;
  gboolean ok;

  if (!gad_cli_parse (entries, usage, _("Import a service’s records from a CSV file."), &argc,
                      &argv, error))
    return 2;
  if (argc < 2 || !gad_import_kind_parse (argv[1], &kind) || argc != (template ? 2 : 3))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli import %s --db FILE FILE.csv"), kinds);
      return 2;
    }
  if (template)
    {
      g_autofree char *text = gad_import_template (kind);

      if (!g_file_set_contents (template, text, -1, error))
        return 1;
      g_print (_("Template written to %s\n"), template);
      return 0;
    }
  if (!g_file_get_contents (argv[2], &data, &length, error) || (store = gad_cli_open_store (error)) == NULL)
    return 1;

  ok = gad_import (store, kind, argv[2], data, length,
                   (skip_bad ? GAD_IMPORT_SKIP_BAD : 0) | (dry_run ? GAD_IMPORT_DRY_RUN : 0),
                   NULL, NULL, NULL, &report, &local);
  for (guint i = 0; report && i < report->problems->len; i++)
    {
      GadImportProblem *p = g_ptr_array_index (report->problems, i);
      /* TRANSLATORS: a bad row of an import: file, line, column, what is wrong */
      g_printerr (_("%s:%u: column “%s”: %s\n"), argv[2], p->line, p->column, p->message);
    }
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return 1;
    }
  for (guint i = 0; i < report->new_parishes->len; i++)
    g_print (_("New parish added: %s\n"), (char *) g_ptr_array_index (report->new_parishes, i));
  if (dry_run)
    g_print (ngettext ("%u row can be imported; nothing was written",
                       "%u rows can be imported; nothing was written", report->imported),
             report->imported);
  else if (kind == GAD_IMPORT_PERSONS)
    g_print (ngettext ("%u person imported", "%u persons imported", report->imported),
             report->imported);
  else
    g_print (ngettext ("%u row imported", "%u rows imported", report->imported),
             report->imported);
  if (report->problems->len > 0)
    g_print (ngettext ("; %u bad row skipped", "; %u bad rows skipped", report->problems->len),
             report->problems->len);
  g_print ("\n");
  if (report->duplicates > 0)
    g_print (ngettext ("%u possible duplicate in the registry: gadiba-cli duplicates lists it\n",
                       "%u possible duplicates in the registry: gadiba-cli duplicates lists them\n",
                       report->duplicates),
             report->duplicates);
  return 0;
}

/* The likely duplicate pairs, one a line: both codes and names, and why. */
static int
cmd_duplicates (int argc, char **argv, GError **error)
{
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GPtrArray) pairs = NULL;

  if (!gad_cli_parse (NULL, NULL, _("List the persons who look registered twice: the same name "
                                    "and birth date, or the same name and address."),
                      &argc, &argv, error))
    return 2;
  if ((store = gad_cli_open_store (error)) == NULL
      || (pairs = gad_store_find_duplicates (store, 0, error)) == NULL)
    return 1;
  for (guint i = 0; i < pairs->len; i++)
    {
      GadDuplicate *d = g_ptr_array_index (pairs, i);
      g_autofree char *a = gad_personal_code_format (d->code[0]);
      g_autofree char *b = gad_personal_code_format (d->code[1]);

      g_print ("%s\t%s\t%s\t%s\t%s\n", a, d->name[0], b, d->name[1],
               d->same_birth_date ? _("the same name and birth date")
                                  : _("the same name and address"));
    }
  g_printerr (ngettext ("%u possible duplicate\n", "%u possible duplicates\n", pairs->len),
              pairs->len);
  return 0;
}

static int
cmd_due (int argc, char **argv, GError **error)
{
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *today = gad_text_today_iso ();
  g_autofree char *text = NULL;
  guint overdue = 0;

  if (!gad_cli_parse (NULL, NULL, _("Print what is due for the signed-in staff member, overdue "
                                    "first: co-operation duties, cases with no record for 60 "
                                    "days, today's visits, decisions waiting for approval."),
                      &argc, &argv, error))
    return 2;
  if ((store = gad_cli_open_store (error)) == NULL
      || (items = gad_my_work (store, today, error)) == NULL)
    return 1;
  text = gad_my_work_text (items);
  g_print ("%s", text);
  for (guint i = 0; i < items->len; i++)
    overdue += ((GadDueItem *) g_ptr_array_index (items, i))->overdue;
  /* TRANSLATORS: the end of gadiba-cli due: items, of them overdue */
  g_printerr (ngettext ("%u item due, %u overdue\n", "%u items due, %u overdue\n", items->len),
              items->len, overdue);
  return 0;
}

static int
cmd_export (int argc, char **argv, GError **error)
{
  g_autoptr(GadStore) store = NULL;
  guint n = 0;

  if (!gad_cli_parse (NULL, _("persons FILE.csv"), _("Export all persons to a CSV file."), &argc, &argv,
              error))
    return 2;
  if (argc != 3 || !g_str_equal (argv[1], "persons"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli export persons --db FILE FILE.csv"));
      return 2;
    }
  if ((store = gad_cli_open_store (error)) == NULL || !gad_export_persons (store, argv[2], &n, error))
    return 1;
  g_print (ngettext ("%u person exported to %s\n", "%u persons exported to %s\n", n), n, argv[2]);
  return 0;
}

static const struct
{
  const char *name;
  int (*run) (int argc, char **argv, GError **error);
  const char *summary;
} commands[] = {
  { "demo", cmd_demo, N_("Fill an empty database with a fictional county") },
  { "search", cmd_search, N_("Find persons by name or personal code") },
  { "import", cmd_import, N_("Import persons, households, cases, services, decisions or payments from CSV") },
  { "export", cmd_export, N_("Export persons to CSV") },
  { "duplicates", cmd_duplicates, N_("List persons who look registered twice") },
  { "due", cmd_due, N_("Print what is due for the signed-in staff member") },
  { "attach", gad_cli_attach, N_("Keep files in a client’s open case") },
  { "case-summary", gad_cli_case_summary, N_("Write a summary of a client’s file as PDF") },
  { "assess", gad_cli_assess, N_("Print a household’s status and benefit calculation") },
  { "letter", gad_cli_letter, N_("Write one decision’s letter as PDF") },
  { "letters", gad_cli_letters, N_("Write every letter of a period as PDF") },
  { "document", gad_cli_document,
    N_("Issue a certificate, contract, referral or co-operation agreement as PDF") },
  { "documents", gad_cli_documents,
    N_("Write the certificate of every household whose status starts in a period") },
  { "template", gad_cli_template, N_("Export or import a document template: template export|import --kind KIND FILE") },
  { "stats", gad_cli_stats, N_("Print yearly figures as CSV") },
  { "ministry", gad_cli_ministry, N_("Print a month’s figures for the Ministry of Welfare") },
  { "report", gad_cli_report, N_("Write the yearly progress report as PDF") },
  { "chart", gad_cli_chart, N_("Draw a dashboard chart as PNG, SVG or PDF") },
  { "audit", gad_cli_audit, N_("Check the audit log's hash chain: audit verify") },
  { "backup", gad_cli_backup, N_("Copy the database safely while it is in use") },
  { "restore", gad_cli_restore, N_("Replace the database with a backup, keeping what it replaces") },
  { "retention", gad_cli_retention,
    N_("List, and with --anonymise --yes anonymise, clients past the retention period") },
  { "person-export", gad_cli_person_export,
    N_("Export everything stored about one person as JSON and PDF") },
  { "schedule", gad_cli_schedule, N_("Print a week’s schedule as text, iCalendar or PDF") },
  { "conflicts", gad_cli_conflicts, N_("List every schedule conflict of a period") },
  { "copayments", gad_cli_copayments, N_("Compute a month’s home-care co-payments") },
  { "reception", gad_cli_reception, N_("Print an office’s day list and free slots") },
  { "remote", gad_cli_remote, N_("The register of remote farmsteads: remote [--due] | add | visit | end | place | places | centre") },
  { "groups", gad_cli_groups, N_("Group work in a year, or one group’s sessions: groups [--year YEAR | --group ID]") },
  { "strategy", gad_cli_strategy, N_("The strategy’s result indicators in a year: strategy --year YEAR") },
  { "survey", gad_cli_survey, N_("Client surveys: survey | import --survey ID FILE.csv | results --survey ID [--by QUESTION] [--format csv|pdf]") },
  { "route", gad_cli_route, N_("A day’s route: route --staff ID --date DATE [--save], or route order --stops FILE.csv") },
  { "account", gad_cli_account, N_("Staff accounts: account init|add|list|set|password") },
  { "server", gad_cli_server, N_("Make a server database ready: server init") },
  { "migrate", gad_cli_migrate, N_("Move a database file to the service’s server") },
  { "bench", gad_cli_bench, N_("Measure speed: bench registry|startup|letters|documents|dashboard|schedule|import|casefile|search|route|remote|survey|server") },
};

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Whatever it writes holds client data: the owner's alone. */
  umask (077);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GADIBA_LOCALEDIR") ? g_getenv ("GADIBA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_print ("%s\n\n", _("Usage: gadiba-cli COMMAND [OPTIONS…]"));
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        g_print ("  %-8s %s\n", commands[i].name, _(commands[i].summary));
      return argc < 2 ? 2 : 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        status = commands[i].run (argc - 1, argv + 1, &error);
        if (error)
          g_printerr ("gadiba-cli %s: %s\n", commands[i].name, error->message);
        return status;
      }

  g_printerr (_("gadiba-cli: unknown command “%s”. Run gadiba-cli --help.\n"), argv[1]);
  return 2;
}
