/* gad-survey-pdf.c — a survey's results: each question's chart, and the summary as PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The summary is Latvian or English whatever the UI's language: its own
 * words come from the table below, the questions as the survey has them.
 * For each question, its answers' counts and percentages in every series
 * (everyone, a cross-tab's groups, or two runs), a bar chart of the
 * percentages for choices and scales, the mean for scales and numbers, and
 * the free text answers listed. A question nobody answered says so.
 */
#define G_LOG_DOMAIN "gad-survey"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-pdf.h"
#include "gad-survey-pdf.h"
#include "gad-text.h"

#define MAX_CHART_SERIES 6

enum { T_RESULTS, T_PERIOD, T_RESPONSES, T_BY, T_COMPARED, T_ANSWER, T_ANSWERED, T_MEAN,
       T_NO_RESPONSES, T_RESPONDENT, T_TEXTS, T_ALL, T_PREPARED, T_NOTE, T_PERCENT, N_WORDS };

static const char *words[N_WORDS][2] = {
  [T_RESULTS] = { "Survey results", "Aptaujas rezultāti" },
  [T_PERIOD] = { "Period:", "Periods:" },
  [T_RESPONSES] = { "Questionnaires filled in:", "Aizpildītas anketas:" },
  [T_BY] = { "Grouped by:", "Grupēts pēc jautājuma:" },
  [T_COMPARED] = { "Compared with:", "Salīdzināts ar:" },
  [T_ANSWER] = { "Answer", "Atbilde" },
  [T_ANSWERED] = { "Answered", "Atbildējuši" },
  [T_MEAN] = { "Mean", "Vidēji" },
  [T_NO_RESPONSES] = { "No responses.", "Nav atbilžu." },
  [T_RESPONDENT] = { "about the respondent", "par respondentu" },
  [T_TEXTS] = { "Answers in their own words:", "Atbildes brīvā formā:" },
  [T_ALL] = { "All", "Visi" },
  [T_PREPARED] = { "Prepared with Gādība on", "Sagatavots ar Gādību" },
  [T_NOTE] = { "Percentages are of those who answered the question; where several choices may "
               "be given, they can add up to more than 100%.",
               "Procenti ir no tiem, kas atbildējuši uz jautājumu; kur var izvēlēties vairākas "
               "atbildes, kopā tie var pārsniegt 100 %." },
  [T_PERCENT] = { "Percent of those who answered", "Procenti no atbildējušajiem" },
};

static gboolean
latvian (const char *language)
{
  return language ? g_str_equal (language, "lv") : gad_text_ui_is_latvian ();
}

/* "66,7 %" in Latvian, "66.7%" in English. */
char *
gad_survey_format_percent (double      percent,
                           const char *language)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", percent);
  if (!latvian (language))
    return g_strconcat (buffer, "%", NULL);
  g_strdelimit (buffer, ".", ',');
  return g_strconcat (buffer, "\u00a0%", NULL);
}

char *
gad_survey_format_mean (double      mean,
                        const char *language)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", mean);
  if (latvian (language))
    g_strdelimit (buffer, ".", ',');
  return g_strdup (buffer);
}

/* The percentages of a question's answers in each series, as bars; %NULL
 * for free text. Its words are @language's ("lv", "en"; %NULL: the UI's). */
GadChartData *
gad_question_result_chart (const GadSurveyResults *results,
                           guint                   question,
                           const char             *language)
{
  const GadQuestionResult *r = g_ptr_array_index (results->questions, question);
  GadChartData *data;

  if (r->labels->len == 0)
    return NULL;
  data = gad_chart_data_new (GAD_CHART_GROUPED_BARS, words[T_PERCENT][latvian (language)], FALSE);
  data->language = language;
  for (guint l = 0; l < r->labels->len; l++)
    gad_chart_data_add_category (data, g_ptr_array_index (r->labels, l));
  for (guint s = 0; s < results->series->len; s++)
    {
      GadChartSeries *series = gad_chart_data_add_series (data,
                                                          results->by < 0 && results->series->len == 1
                                                          ? words[T_ALL][latvian (language)]
                                                          : g_ptr_array_index (results->series, s));

      for (guint l = 0; l < r->labels->len; l++)
        gad_chart_series_set (series, l, gad_question_result_percent (r, l, s));
    }
  return data;
}

typedef struct
{
  const GadSurveyResults *results;
  guint question;
  const char *language;
} Chart;

static void
draw_chart (cairo_t *cr,
            double   x,
            double   y,
            double   width,
            double   height,
            gpointer user_data)
{
  Chart *c = user_data;
  g_autoptr(GadChartData) data = gad_question_result_chart (c->results, c->question, c->language);
  g_autoptr(GadChartLayout) layout = gad_chart_layout_new ();

  cairo_translate (cr, x, y);
  gad_chart_render (cr, data, width, height, layout);
}

static char *
day (const char *iso)
{
  GDate d;

  if (iso == NULL || !gad_text_parse_date (iso, &d))
    return g_strdup ("…");
  return g_strdup_printf ("%02d.%02d.%04d", g_date_get_day (&d), g_date_get_month (&d),
                          g_date_get_year (&d));
}

static void
question_table (GadPdfFlow             *flow,
                const GadSurveyResults *results,
                const GadQuestionResult *r,
                int                     lang)
{
  const char *code = lang ? "lv" : "en";
  guint n = results->series->len;
  g_autofree double *widths = g_new (double, n + 1);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gboolean numeric = r->question->kind == GAD_QUESTION_SCALE
                     || r->question->kind == GAD_QUESTION_NUMBER;

  widths[0] = n > 1 ? 0.34 : 0.6;
  for (guint s = 0; s < n; s++)
    widths[s + 1] = (1 - widths[0]) / n;
  g_ptr_array_add (cells, g_strdup (words[T_ANSWER][lang]));
  for (guint s = 0; s < n; s++)
    g_ptr_array_add (cells, g_strdup (n == 1 && results->by < 0 ? "" : results->series->pdata[s]));
  gad_pdf_flow_row (flow, (const char *const *) cells->pdata, widths, n + 1, TRUE);
  for (guint l = 0; l < r->labels->len; l++)
    {
      g_ptr_array_set_size (cells, 0);
      g_ptr_array_add (cells, g_strdup (g_ptr_array_index (r->labels, l)));
      for (guint s = 0; s < n; s++)
        {
          g_autofree char *p = gad_survey_format_percent (gad_question_result_percent (r, l, s),
                                                          code);

          g_ptr_array_add (cells, g_array_index (r->answered, int, s) == 0
                                  ? g_strdup ("—")
                                  : g_strdup_printf ("%d (%s)",
                                                     gad_question_result_count (r, l, s), p));
        }
      gad_pdf_flow_row (flow, (const char *const *) cells->pdata, widths, n + 1, FALSE);
    }
  g_ptr_array_set_size (cells, 0);
  g_ptr_array_add (cells, g_strdup (words[T_ANSWERED][lang]));
  for (guint s = 0; s < n; s++)
    g_ptr_array_add (cells, g_strdup_printf ("%d", g_array_index (r->answered, int, s)));
  gad_pdf_flow_row (flow, (const char *const *) cells->pdata, widths, n + 1, TRUE);
  if (!numeric)
    return;
  g_ptr_array_set_size (cells, 0);
  g_ptr_array_add (cells, g_strdup (words[T_MEAN][lang]));
  for (guint s = 0; s < n; s++)
    g_ptr_array_add (cells, g_array_index (r->answered, int, s) == 0
                            ? g_strdup ("—")
                            : gad_survey_format_mean (g_array_index (r->means, double, s), code));
  gad_pdf_flow_row (flow, (const char *const *) cells->pdata, widths, n + 1, TRUE);
}

static void
question (GadPdfFlow             *flow,
          const GadSurveyResults *results,
          guint                   index,
          int                     lang)
{
  const GadQuestionResult *r = g_ptr_array_index (results->questions, index);
  g_autofree char *heading = g_strdup_printf ("%u. %s%s%s%s", index + 1, r->question->text,
                                              r->question->respondent ? " (" : "",
                                              r->question->respondent ? words[T_RESPONDENT][lang] : "",
                                              r->question->respondent ? ")" : "");
  gboolean any = FALSE;
  Chart chart = { results, index, lang ? "lv" : "en" };

  for (guint s = 0; s < results->series->len; s++)
    any = any || g_array_index (r->answered, int, s) > 0;
  /* The heading with its table, where a page holds them. */
  gad_pdf_flow_need (flow, MIN (40 + 19 * (r->labels->len + 3), 600));
  gad_pdf_flow_text (flow, heading, 11, TRUE, 6);
  if (!any)
    {
      gad_pdf_flow_text (flow, words[T_NO_RESPONSES][lang], 10, FALSE, 14);
      return;
    }
  if (r->question->kind == GAD_QUESTION_TEXT)
    {
      gad_pdf_flow_text (flow, words[T_TEXTS][lang], 10, FALSE, 4);
      for (guint i = 0; i < r->texts->len; i++)
        {
          g_autofree char *line = g_strdup_printf ("— %s", (char *) r->texts->pdata[i]);

          gad_pdf_flow_text (flow, line, 9, FALSE, 2);
        }
      gad_pdf_flow_text (flow, "", 6, FALSE, 10);
      return;
    }
  question_table (flow, results, r, lang);
  if (r->question->kind != GAD_QUESTION_NUMBER && results->series->len <= MAX_CHART_SERIES)
    {
      gad_pdf_flow_text (flow, "", 4, FALSE, 4);
      gad_pdf_flow_draw (flow, 150 + 8 * r->labels->len, draw_chart, &chart);
    }
  gad_pdf_flow_text (flow, "", 6, FALSE, 12);
}

/**
 * gad_survey_pdf:
 * @comparison: the earlier run's name when @results compare two, or %NULL
 * @lang: "lv" (the default when %NULL) or "en"
 *
 * Returns: the results' summary as PDF, or %NULL with @error
 */
GBytes *
gad_survey_pdf (const GadSurvey        *survey,
                const GadSurveyResults *results,
                const char             *comparison,
                const char             *lang,
                guint                  *n_pages,
                GError                **error)
{
  int l;
  g_autofree char *from = day (survey->period_from), *to = day (survey->period_to);
  g_autofree char *today_iso = gad_text_today_iso (), *today = day (today_iso);
  g_autofree char *period = NULL, *responses = NULL, *prepared = NULL, *by = NULL;
  g_autofree char *compared = NULL;
  GadPdfFlow *flow;

  if (lang && !g_str_equal (lang, "lv") && !g_str_equal (lang, "en"))
    {
      g_set_error_literal (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_LANGUAGE,
                           _("The summary is written in Latvian (lv) or English (en)."));
      return NULL;
    }
  l = lang == NULL || g_str_equal (lang, "lv");
  period = g_strdup_printf ("%s %s – %s", words[T_PERIOD][l], from, survey->period_to ? to : "");
  if (comparison)
    responses = g_strdup_printf ("%s %d (%s: %d)", words[T_RESPONSES][l],
                                 g_array_index (results->series_responses, int, 0), comparison,
                                 g_array_index (results->series_responses, int, 1));
  else
    responses = g_strdup_printf ("%s %d", words[T_RESPONSES][l], results->n_responses);
  prepared = g_strdup_printf ("%s %s", words[T_PREPARED][l], today);
  flow = gad_pdf_flow_new (NULL);
  gad_pdf_flow_text (flow, words[T_RESULTS][l], 10, FALSE, 4);
  gad_pdf_flow_text (flow, survey->title, 16, TRUE, 8);
  gad_pdf_flow_text (flow, period, 10, FALSE, 2);
  gad_pdf_flow_text (flow, responses, 10, FALSE, 2);
  if (results->by >= 0)
    {
      by = g_strdup_printf ("%s %s", words[T_BY][l], ((GadQuestionResult *) g_ptr_array_index (
                                                results->questions, results->by))->question->text);
      gad_pdf_flow_text (flow, by, 10, FALSE, 2);
    }
  if (comparison)
    {
      compared = g_strdup_printf ("%s %s", words[T_COMPARED][l], comparison);
      gad_pdf_flow_text (flow, compared, 10, FALSE, 2);
    }
  gad_pdf_flow_text (flow, prepared, 9, FALSE, 6);
  gad_pdf_flow_text (flow, words[T_NOTE][l], 8, FALSE, 16);
  for (guint q = 0; q < results->questions->len; q++)
    if ((int) q != results->by)
      question (flow, results, q, l);
  return gad_pdf_flow_finish (flow, n_pages, error);
}
