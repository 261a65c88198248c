/* gad-cli-letters.c — gadiba-cli letter, letters and assess
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <unistd.h>

#include "gad-assessment.h"
#include "gad-cli.h"
#include "gad-text.h"

static volatile sig_atomic_t interrupted;

static void
on_sigint (int signum)
{
  interrupted = 1;
}

/* The file appears whole or not at all: it is written beside and renamed. */
static gboolean
write_pdf (GadStore    *store,
           gint64       decision_id,
           const char  *path,
           GError     **error)
{
  g_autoptr(GBytes) pdf = gad_store_get_decision_pdf (store, decision_id, error);
  gsize size;
  gconstpointer data;

  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &size);
  return g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                   error);
}

int
gad_cli_letter (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *number = NULL;
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "decision", 0, 0, G_OPTION_ARG_STRING, &number, N_("The decision’s number"), N_("NUMBER") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Where to write the PDF"), N_("FILE.pdf") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  gint64 id;

  if (!gad_cli_parse (entries, NULL, _("Write the letter of one decision, exactly as issued."),
                      &argc, &argv, error))
    return 2;
  if (number == NULL || out == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli letter --db FILE --decision NUMBER --out FILE.pdf"));
      return 2;
    }
  if ((store = gad_cli_open_store (error)) == NULL)
    return 1;
  if ((id = gad_store_find_decision (store, number)) == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("There is no decision number %s."), number);
      return 1;
    }
  {
    g_autoptr(GadDecision) d = gad_store_get_decision (store, id, error);
    g_autofree char *what = NULL;

    if (d == NULL || !write_pdf (store, id, out, error))
      return 1;
    what = g_strdup_printf ("letter %s", d->number);
    return gad_store_record_read (store, d->person_id, what, 1, error) ? 0 : 1;
  }
}

int
gad_cli_letters (int      argc,
                 char   **argv,
                 GError **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (DD.MM.YYYY or YYYY-MM-DD)"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day"), N_("DATE") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The folder for the PDF files"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  g_autoptr(GHashTable) persons = NULL;
  g_autofree char *what = NULL;
  struct sigaction action = { 0 };
  GDate a, b;
  guint written = 0;

  if (!gad_cli_parse (entries, NULL, _("Write the letters of every decision issued in a period."),
                      &argc, &argv, error))
    return 2;
  if (!gad_text_parse_date (from, &a) || !gad_text_parse_date (to, &b) || out == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli letters --db FILE --from DATE --to DATE --out DIR"));
      return 2;
    }
  from_iso = gad_text_iso_date (&a);
  to_iso = gad_text_iso_date (&b);
  if (g_mkdir_with_parents (out, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not create the folder “%s”."), out);
      return 1;
    }
  if ((store = gad_cli_open_store (error)) == NULL
      || (ids = gad_store_decisions_between (store, from_iso, to_iso, error)) == NULL)
    return 1;

  persons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  action.sa_handler = on_sigint;
  sigaction (SIGINT, &action, NULL);
  for (guint i = 0; i < ids->len && !interrupted; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GadDecision) d = gad_store_get_decision (store, id, error);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (d == NULL)
        return 1;
      name = g_strdelimit (g_strconcat (d->number, ".pdf", NULL), "/\\", '_');
      path = g_build_filename (out, name, NULL);
      if (!write_pdf (store, id, path, error))
        return 1;
      g_hash_table_add (persons, g_memdup2 (&d->person_id, sizeof d->person_id));
      written++;
      g_printerr ("\r");
      /* TRANSLATORS: progress of writing letters: done / all */
      g_printerr (_("Letters: %u / %u"), written, ids->len);
    }
  g_printerr ("\n");
  /* One row in the log for the batch, with how many clients' letters left. */
  what = g_strdup_printf ("letters %s – %s", from_iso, to_iso);
  if (written > 0 && !gad_store_record_read (store, 0, what, g_hash_table_size (persons), error))
    return 1;
  if (interrupted)
    {
      g_printerr (ngettext ("Cancelled: %u letter was written whole, none half.\n",
                            "Cancelled: %u letters were written whole, none half.\n", written),
                  written);
      return 130;
    }
  g_print (ngettext ("%u letter written to %s\n", "%u letters written to %s\n", written), written,
           out);
  return 0;
}

int
gad_cli_assess (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *code = NULL;
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &code, N_("The person’s personal code"), N_("CODE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day to assess (default: today)"),
      N_("DATE") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GadAssessmentInput) input = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *what = NULL;
  GadAssessment result;
  gint64 person, request = 0;
  GDate day;

  if (!gad_cli_parse (entries, NULL, _("Print a household’s status and benefit calculation."),
                      &argc, &argv, error))
    return 2;
  if (code == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli assess --db FILE --person CODE [--date DATE]"));
      return 2;
    }
  if (date == NULL)
    iso = gad_text_today_iso ();
  else if (gad_text_parse_date (date, &day))
    iso = gad_text_iso_date (&day);
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a date. Write it as DD.MM.YYYY."), date);
      return 2;
    }
  if ((store = gad_cli_open_store (error)) == NULL)
    return 1;
  if ((person = gad_store_find_person_by_code (store, code)) == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("Nobody in the registry has the personal code %s."), code);
      return 1;
    }
  /* The incomes declared in the latest application received by that day count. */
  if ((requests = gad_store_list_requests (store, person, error)) == NULL)
    return 1;
  for (guint i = 0; i < requests->len && request == 0; i++)
    {
      GadRequest *r = g_ptr_array_index (requests, i);
      if (g_strcmp0 (r->received_on, iso) <= 0)
        request = r->id;
    }
  if ((input = gad_store_load_assessment (store, person, request, iso, error)) == NULL)
    return 1;
  gad_assess (input, &result);
  lines = gad_assessment_lines (input, &result);
  what = g_strdup_printf ("assessment %s", iso);
  if (!gad_store_record_read (store, person, what, 1, error))
    return 1;
  for (guint i = 0; i + 1 < lines->len; i += 2)
    g_print ("%s\t%s\n", (char *) g_ptr_array_index (lines, i),
             (char *) g_ptr_array_index (lines, i + 1));
  return 0;
}
