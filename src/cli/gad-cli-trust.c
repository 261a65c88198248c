/* gad-cli-trust.c — gadiba-cli audit verify, backup and restore
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-cli.h"
#include "gad-text.h"

static int
audit_list (GadStore   *store,
            const char *client,
            const char *staff,
            const char *from,
            const char *to,
            const char *csv_path,
            GError    **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *csv = NULL;
  gint64 person_id = 0;

  if (client && (person_id = gad_store_find_person_by_code (store, client)) == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("No person has the personal code %s."), client);
      return 1;
    }
  entries = gad_store_query_audit (store, person_id, staff, from, to, 0, error);
  if (entries == NULL)
    return 1;
  csv = gad_audit_entries_to_csv (entries);
  if (csv_path)
    return g_file_set_contents_full (csv_path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                     error) ? 0 : 1;
  g_print ("%s", csv + 3);   /* without the BOM on a terminal */
  return 0;
}

int
gad_cli_audit (int      argc,
               char   **argv,
               GError **error)
{
  g_autoptr(GadStore) store = NULL;
  g_autofree char *client = NULL, *staff = NULL, *from = NULL, *to = NULL, *csv = NULL;
  GOptionEntry entries[] = {
    { "client", 0, 0, G_OPTION_ARG_STRING, &client,
      N_("list: only what concerns the client with this personal code"), N_("CODE") },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("list: only what this staff member did"),
      N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("list: the first day, YYYY-MM-DD"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("list: the last day, YYYY-MM-DD"), N_("DATE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("list: write CSV to this file"), N_("FILE") },
    { NULL }
  };
  gint64 broken, rows;

  if (!gad_cli_parse (entries, _("verify | list"),
                      _("Check the audit log's hash chain and name the first row that was "
                        "changed, or list the log."),
                      &argc, &argv, error))
    return 2;
  if (argc != 2 || !(g_str_equal (argv[1], "verify") || g_str_equal (argv[1], "list")))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli audit verify --db FILE | audit list --db FILE [--client CODE] [--staff NAME] [--from DATE] [--to DATE] [--csv FILE]"));
      return 2;
    }
  if (g_str_equal (argv[1], "list"))
    return (store = gad_cli_open_store (error)) != NULL
             ? audit_list (store, client, staff, from, to, csv, error) : 1;
  /* Checking the chain shows no one's data: it needs the file (or, on a
   * server, an auditor's or a head's account), not a sign-in to a file. */
  if ((store = gad_cli_signed_in () ? gad_cli_open_store (error)
                                    : gad_cli_open_database (error)) == NULL)
    return 1;
  if (!gad_store_verify_audit (store, &broken, &rows, error))
    return 1;
  if (broken)
    {
      g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, broken);
      g_print (_("The audit log was changed: row %s does not match its hash chain.\n"), row);
      return 1;
    }
  g_print (ngettext ("The audit log is intact: %u row checked.\n",
                     "The audit log is intact: %u rows checked.\n", (guint) rows),
           (guint) rows);
  return 0;
}

int
gad_cli_backup (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The backup file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;

  if (!gad_cli_parse (entries, NULL, _("Copy the database while others keep working."), &argc,
                      &argv, error))
    return 2;
  if (out == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli backup --db FILE --out FILE"));
      return 2;
    }
  if ((store = gad_cli_open_store (error)) == NULL || !gad_store_backup (store, out, error))
    return 1;
  g_print (_("Backup written to %s\n"), out);
  return 0;
}

int
gad_cli_restore (int      argc,
                 char   **argv,
                 GError **error)
{
  g_autofree char *from = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The backup file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autofree char *path = NULL;

  if (!gad_cli_parse (entries, NULL,
                      _("Replace the whole database with a backup. What it replaces is kept "
                        "next to it as “.before-restore”."),
                      &argc, &argv, error))
    return 2;
  if (from == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli restore --db FILE --from FILE"));
      return 2;
    }
  if ((store = gad_cli_open_store (error)) == NULL || !gad_store_restore (store, from, error))
    return 1;
  path = g_strconcat (gad_store_get_path (store), ".before-restore", NULL);
  g_print (_("Restored from %s. The database as it was is in %s\n"), from, path);
  return 0;
}

int
gad_cli_person_export (int      argc,
                       char   **argv,
                       GError **error)
{
  g_autofree char *code = NULL, *json_path = NULL, *pdf_path = NULL;
  GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &code, N_("The person’s personal code"), N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, N_("Write the JSON file here"), N_("FILE") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path, N_("Write the PDF for the person here"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gint64 id;

  if (!gad_cli_parse (entries, NULL,
                      _("Export everything stored about one person, as JSON and as a PDF."),
                      &argc, &argv, error))
    return 2;
  if (code == NULL || json_path == NULL || pdf_path == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli person-export --db FILE --person CODE --json FILE --pdf FILE"));
      return 2;
    }
  if ((store = gad_cli_open_store (error)) == NULL)
    return 1;
  if ((id = gad_store_find_person_by_code (store, code)) == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("No person has the personal code %s."), code);
      return 1;
    }
  if (!gad_store_export_person (store, id, &json, &pdf, error)
      || !g_file_set_contents_full (json_path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                    error)
      || !g_file_set_contents_full (pdf_path, g_bytes_get_data (pdf, NULL),
                                    g_bytes_get_size (pdf), G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                    error))
    return 1;
  return 0;
}

int
gad_cli_retention (int      argc,
                   char   **argv,
                   GError **error)
{
  int years = 0;
  gboolean anonymise = FALSE, yes = FALSE;
  GOptionEntry entries[] = {
    { "years", 0, 0, G_OPTION_ARG_INT, &years,
      N_("Years since the last case closed (default: the setting)"), "N" },
    { "anonymise", 0, 0, G_OPTION_ARG_NONE, &anonymise, N_("Anonymise the persons listed"), NULL },
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_("Confirm the anonymisation"), NULL },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *today = gad_text_today_iso ();

  if (!gad_cli_parse (entries, NULL,
                      _("List the persons whose cases closed longer ago than the retention period; "
                        "with --anonymise --yes, anonymise them."),
                      &argc, &argv, error))
    return 2;
  if (anonymise && years)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Anonymisation uses the retention period in the settings; --years only lists."));
      return 2;
    }
  if ((store = gad_cli_open_store (error)) == NULL
      || (list = gad_store_list_retention (store, today, years, error)) == NULL)
    return 1;
  for (guint i = 0; i < list->len; i++)
    {
      GadRetentionCandidate *c = g_ptr_array_index (list, i);

      g_print ("%s\t%s\t%s\n", c->code, c->name, c->last_closed_on);
    }
  if (!anonymise)
    {
      g_printerr (ngettext ("%u person to anonymise\n", "%u persons to anonymise\n", list->len),
                  list->len);
      return 0;
    }
  if (!yes)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Anonymising cannot be undone: add --yes to confirm."));
      return 2;
    }
  for (guint i = 0; i < list->len; i++)
    if (!gad_store_anonymise_person (store, ((GadRetentionCandidate *) g_ptr_array_index (list, i))->person_id,
                                     today, error))
      return 1;
  g_printerr (ngettext ("%u person anonymised\n", "%u persons anonymised\n", list->len), list->len);
  return 0;
}
