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
#include "gad-demo.h"
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

/* bench survey: 10 000 questionnaires of the nanny-service survey's 15
 * questions, counted for everyone and by each respondent question. */
int
gad_cli_bench_survey (int responses)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gadiba-bench-XXXXXX", &error);
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GadSurvey) survey = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
  const char *paper[] = { "1", "2", "1", "3", "4", "1", "2", "2", "1", "1,4", "10", "3", "4", "5",
                          "", NULL };
  guint tabs = 0;
  gint64 start;
  double ms;

  if (dir == NULL)
    goto fail;
  g_print ("survey benchmark: %d questionnaires of 15 questions, %s\n", responses,
           gad_cli_bench_engine ());
  if ((store = gad_cli_bench_demo (dir, 1000, &error)) == NULL
      || !gad_store_sign_in (store, "head", GAD_DEMO_PASSWORD, &error)
      || (survey = gad_store_get_survey (store, 1, &error)) == NULL)
    goto fail;
  start = g_get_monotonic_time ();
  if (responses > survey->n_responses
      && gad_demo_add_survey_responses (store, survey, responses - survey->n_responses, 7,
                                        &error) == G_MAXUINT)
    goto fail;
  g_print ("  import of %d questionnaires      %8.1f ms\n", responses - survey->n_responses,
           (g_get_monotonic_time () - start) / 1000.0);
  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(GadSurveyTable) table = NULL;

      start = g_get_monotonic_time ();
      if ((table = gad_store_survey_table (store, survey->id, &error)) == NULL)
        goto fail;
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (reads, ms);
      tabs = 0;
      for (int by = -1; by < (int) survey->questions->len; by++)
        {
          g_autoptr(GadSurveyResults) results = NULL;

          if (by >= 0 && !((GadSurveyQuestion *) survey->questions->pdata[by])->respondent)
            continue;
          if ((by < 0 || ((GadSurveyQuestion *) survey->questions->pdata[by])->kind
                         <= GAD_QUESTION_SCALE)
              && (results = gad_survey_results_new (table, by, &error)) == NULL)
            goto fail;
          tabs++;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  for (guint i = 0; i < 20; i++)
    {
      start = g_get_monotonic_time ();
      if (!gad_store_add_survey_response (store, survey, paper, 0, &error))
        goto fail;
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (saves, ms);
    }
  g_array_sort (times, gad_cli_compare_double);
  g_array_sort (reads, gad_cli_compare_double);
  g_array_sort (saves, gad_cli_compare_double);
  g_print ("  read every answer                median %8.1f ms   slowest %8.1f ms\n",
           gad_cli_percentile (reads, 0.5), gad_cli_percentile (reads, 1.0));
  g_print ("  results, everyone + %u cross-tabs  median %8.1f ms   slowest %8.1f ms   (goal ≤ 200 ms)\n",
           tabs - 1, gad_cli_percentile (times, 0.5), gad_cli_percentile (times, 1.0));
  g_print ("  one paper questionnaire saved    median %8.2f ms   slowest %8.2f ms\n",
           gad_cli_percentile (saves, 0.5), gad_cli_percentile (saves, 1.0));
  g_clear_object (&store);
  gad_cli_bench_done (dir);
  return 0;

fail:
  g_printerr ("%s\n", error->message);
  if (dir)
    gad_cli_bench_done (dir);
  return 1;
}
