/* gad-cli-survey.c — gadiba-cli survey: client surveys' responses and results
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   survey                                   the surveys, the latest first
 *   survey import --survey ID FILE.csv       responses, all or none
 *   survey results --survey ID [--by QUESTION] [--compare ID]
 *                  [--format csv|pdf] [--lang lv|en] [--out FILE]
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gad-cli.h"
#include "gad-survey-pdf.h"
#include "gad-text.h"

static int
list (GadStore  *store,
      GError   **error)
{
  g_autoptr(GPtrArray) surveys = gad_store_list_surveys (store, error);

  if (surveys == NULL)
    return 1;
  /* id;title;from;until;version;responses */
  for (guint i = 0; i < surveys->len; i++)
    {
      GadSurvey *s = g_ptr_array_index (surveys, i);

      g_print ("%" G_GINT64_FORMAT ";%s;%s;%s;%d;%d\n", s->id, s->title, s->period_from,
               s->period_to ? s->period_to : "", s->version, s->n_responses);
    }
  return 0;
}

static int
import (GadStore    *store,
        gint64       id,
        const char  *file,
        GError     **error)
{
  g_autoptr(GadSurvey) survey = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  g_auto(GStrv) unused = NULL;
  g_autofree char *data = NULL;
  gsize length;
  guint n;

  if ((survey = gad_store_get_survey (store, id, error)) == NULL
      || !g_file_get_contents (file, &data, &length, error)
      || (responses = gad_survey_read_csv (survey, data, length, &unused, error)) == NULL
      || (n = gad_store_import_survey_responses (store, survey, responses, NULL, NULL, NULL,
                                                 error)) == G_MAXUINT)
    return 1;
  for (guint i = 0; unused[i]; i++)
    g_printerr (_("Column “%s” is none of the questions: left out.\n"), unused[i]);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u response imported\n", "%u responses imported\n", n),
           n);
  return 0;
}

/* --by: the question's code, number or text. */
static int
find_by (const GadSurvey *survey,
         const char      *by)
{
  g_autofree char *folded = gad_text_fold (by);
  char *end;
  guint64 n = g_ascii_strtoull (by, &end, 10);

  if (end != by && *end == '\0')
    return n >= 1 && n <= survey->questions->len ? (int) n - 1 : -1;
  for (guint i = 0; i < survey->questions->len; i++)
    {
      GadSurveyQuestion *q = g_ptr_array_index (survey->questions, i);
      g_autofree char *text = gad_text_fold (q->text);

      if (g_str_equal (q->code, by) || g_str_equal (text, folded))
        return i;
    }
  return -1;
}

static int
results (GadStore    *store,
         gint64       id,
         const char  *by,
         gint64       compare,
         const char  *format,
         const char  *lang,
         const char  *out,
         GError     **error)
{
  g_autoptr(GadSurveyTable) table = NULL, earlier = NULL;
  g_autoptr(GadSurveyResults) counted = NULL;
  g_autofree char *name = NULL, *earlier_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const GadSurvey *survey;
  int by_index = -1;

  if ((table = gad_store_survey_table (store, id, error)) == NULL)
    return 1;
  survey = gad_survey_table_survey (table);
  if (by && (by_index = find_by (survey, by)) < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The survey has no question “%s”: give its code, number or text."), by);
      return 1;
    }
  if (compare)
    {
      if (by || (earlier = gad_store_survey_table (store, compare, error)) == NULL)
        {
          if (by)
            g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                 _("Compare two runs, or group by a question: not both."));
          return 1;
        }
      gad_survey_run_names (survey, gad_survey_table_survey (earlier), &name, &earlier_name);
      counted = gad_survey_results_compare (table, name, earlier, earlier_name);
    }
  else if ((counted = gad_survey_results_new (table, by_index, error)) == NULL)
    return 1;
  if (g_str_equal (format, "pdf"))
    bytes = gad_survey_pdf (survey, counted, earlier_name, lang, NULL, error);
  else
    {
      GString *csv = gad_survey_results_csv (counted);
      gsize size = csv->len;

      bytes = g_bytes_new_take (g_string_free (csv, FALSE), size);
    }
  if (bytes == NULL)
    return 1;
  if (out == NULL)
    {
      fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
      return 0;
    }
  return g_file_set_contents (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error)
         ? 0 : 1;
}

int
gad_cli_survey (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *by = NULL, *format = NULL, *lang = NULL, *out = NULL;
  gint64 id = 0, compare = 0;
  GOptionEntry entries[] = {
    { "survey", 0, 0, G_OPTION_ARG_INT64, &id, N_("The survey’s number"), N_("ID") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Group the answers by a question about the respondent: its code, number or text"),
      N_("QUESTION") },
    { "compare", 0, 0, G_OPTION_ARG_INT64, &compare,
      N_("Beside an earlier run of the same questionnaire"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv (default) or pdf"), N_("FORMAT") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("The summary’s language: lv (default) or en"),
      N_("LANG") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write to this file, not the output"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  const char *action;

  if (!gad_cli_parse (entries, "[import FILE.csv|results]",
                      _("Client surveys: list them, import responses, count the results."),
                      &argc, &argv, error))
    return 2;
  action = argc >= 2 ? argv[1] : "";
  if (format == NULL)
    format = g_strdup ("csv");
  if ((g_str_equal (action, "import") && (argc != 3 || id == 0))
      || (g_str_equal (action, "results") && (argc != 2 || id == 0))
      || (*action && !g_str_equal (action, "import") && !g_str_equal (action, "results"))
      || (!*action && argc > 1) || (!g_str_equal (format, "csv") && !g_str_equal (format, "pdf")))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Usage: gadiba-cli survey | import --survey ID FILE.csv | results "
                             "--survey ID [--by QUESTION] [--compare ID] [--format csv|pdf] "
                             "[--lang lv|en] [--out FILE]"));
      return 2;
    }
  if ((store = gad_cli_open_store (error)) == NULL)
    return 1;
  if (g_str_equal (action, "import"))
    return import (store, id, argv[2], error);
  if (g_str_equal (action, "results"))
    return results (store, id, by, compare, format, lang, out, error);
  return list (store, error);
}
