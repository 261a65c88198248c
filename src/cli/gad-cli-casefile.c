/* gad-cli-casefile.c — the case file from the command line: attach, case-summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-case-pdf.h"
#include "gad-cli.h"
#include "gad-text.h"

/* The client's open case: the signed-in worker's if they have one there,
 * else the newest. */
static gint64
open_case (GadStore    *store,
           const char  *code,
           GError     **error)
{
  gint64 person = gad_store_find_person_by_code (store, code);
  g_autoptr(GPtrArray) cases = NULL;
  GadCase *found = NULL;

  if (person == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("No person has the personal code %s."), code);
      return 0;
    }
  if ((cases = gad_store_list_cases (store, person, error)) == NULL)
    return 0;
  for (guint i = 0; i < cases->len; i++)
    {
      GadCase *c = g_ptr_array_index (cases, i);

      if (c->closed_on == NULL
          && (found == NULL || c->worker_id == gad_store_actor_id (store)
              || (found->worker_id != gad_store_actor_id (store)
                  && g_strcmp0 (c->opened_on, found->opened_on) > 0)))
        found = c;
    }
  if (found == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s has no open case. Open one first."), code);
      return 0;
    }
  return found->id;
}

/* Every file is checked before any is kept: a damaged one, or one over
 * the limit, adds none. */
int
gad_cli_attach (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *code = NULL;
  GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &code, N_("The client’s personal code"), N_("CODE") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  gint64 case_id;

  if (!gad_cli_parse (entries, _("FILE…"),
                      _("Keep files in the client’s open case: scans, PDFs, pictures, office "
                        "files, at most 25 MB each."), &argc, &argv, error))
    return 2;
  if (code == NULL || argc < 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli attach --db FILE --person CODE FILE…"));
      return 2;
    }
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GMappedFile) file = g_mapped_file_new (argv[i], FALSE, error);

      if (file == NULL)
        return 1;
      g_ptr_array_add (files, g_mapped_file_get_bytes (file));
    }
  if ((store = gad_cli_open_store (error)) == NULL
      || (case_id = open_case (store, code, error)) == 0
      || gad_store_attach_documents (store, case_id, (const char *const *) argv + 1,
                                     (GBytes *const *) files->pdata, files->len, error)
           < files->len)
    return 1;
  for (int i = 1; i < argc; i++)
    g_print ("%s\n", argv[i]);
  return 0;
}

/* A client's file as a PDF for a court or another institution. */
int
gad_cli_case_summary (int      argc,
                      char   **argv,
                      GError **error)
{
  g_autofree char *code = NULL, *from = NULL, *to = NULL, *out = NULL;
  g_autofree char *from_iso = NULL, *to_iso = NULL;
  GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &code, N_("The client’s personal code"), N_("CODE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day of the records (DD.MM.YYYY)"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day of the records (DD.MM.YYYY)"),
      N_("DATE") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write the PDF here"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gint64 person;
  guint pages = 0;
  GDate date;

  if (!gad_cli_parse (entries, NULL,
                      _("Write a summary of a client’s file as PDF: the person, the household, "
                        "each case’s records in the period, its plan and its documents."),
                      &argc, &argv, error))
    return 2;
  if (code == NULL || out == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli case-summary --db FILE --person CODE [--from DATE --to "
                     "DATE] --out FILE.pdf"));
      return 2;
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *text = i ? to : from;

      if (text == NULL)
        continue;
      if (!gad_text_parse_date (text, &date))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a date. Write it as DD.MM.YYYY."), text);
          return 2;
        }
      *(i ? &to_iso : &from_iso) = gad_text_iso_date (&date);
    }
  if ((store = gad_cli_open_store (error)) == NULL)
    return 1;
  if ((person = gad_store_find_person_by_code (store, code)) == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("No person has the personal code %s."), code);
      return 1;
    }
  if ((pdf = gad_case_summary_pdf (store, person, from_iso, to_iso, &pages, error)) == NULL
      || !g_file_set_contents_full (out, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return 1;
  g_printerr (ngettext ("%u page written\n", "%u pages written\n", pages), pages);
  return 0;
}
