/* gad-survey-compare.c — two runs of a questionnaire side by side, and results as CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-survey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-csv.h"
#include "gad-survey-private.h"
#include "gad-text.h"

/* The survey's results beside an earlier run's of the same questionnaire:
 * two series, @name's and @earlier_name's. */
GadSurveyResults *
gad_survey_results_compare (GadSurveyTable *table,
                            const char     *name,
                            GadSurveyTable *earlier,
                            const char     *earlier_name)
{
  guint n_q = table->survey->questions->len, n_e = earlier->survey->questions->len;
  g_autoptr(GadSurveyTable) both = gad_survey_table_new (g_memdup2 (table->survey,
                                                                    sizeof (GadSurvey)),
                                                         table->n_rows + earlier->n_rows);
  g_autofree guint32 *row_series = g_new (guint32, MAX (both->n_rows, 1));
  GPtrArray *series = g_ptr_array_new_with_free_func (g_free);
  GadSurveyResults *results;

  /* The survey is borrowed: the copy's own fields are not freed with it. */
  both->survey->questions = g_ptr_array_ref (table->survey->questions);
  both->survey->title = both->survey->period_from = both->survey->period_to = NULL;
  both->survey->service_code = NULL;
  memcpy (both->cells, table->cells, sizeof (GadSurveyCell) * table->n_rows * n_q);
  for (guint q = 0; q < n_q; q++)
    {
      GPtrArray *labels = g_ptr_array_index (table->labels, q);

      g_ptr_array_set_size (g_ptr_array_index (both->labels, q), 0);
      for (guint l = 0; l < labels->len; l++)
        g_ptr_array_add (g_ptr_array_index (both->labels, q), g_strdup (labels->pdata[l]));
    }
  for (guint e = 0; e < n_e; e++)
    {
      const GadSurveyQuestion *qe = g_ptr_array_index (earlier->survey->questions, e);
      GPtrArray *labels = g_ptr_array_index (earlier->labels, e);
      int q = gad_survey_find_question (table->survey, qe->code);
      guint8 map[GAD_SURVEY_MAX_CHOICES];

      if (q < 0 || ((GadSurveyQuestion *) g_ptr_array_index (table->survey->questions, q))->kind
                   != qe->kind)
        continue;
      for (guint l = 0; l < labels->len; l++)
        map[l] = gad_survey_table_label (both, q, g_ptr_array_index (labels, l));
      for (guint r = 0; r < earlier->n_rows; r++)
        {
          const GadSurveyCell *from = &earlier->cells[(gsize) r * n_e + e];
          GadSurveyCell *to = &both->cells[(gsize) (table->n_rows + r) * n_q + q];

          *to = *from;
          to->mask = 0;
          to->text = from->text ? g_string_chunk_insert (both->texts, from->text) : NULL;
          for (guint l = 0; l < labels->len; l++)
            if (from->mask & (1u << l) && map[l] != 0xff)
              to->mask |= 1u << map[l];
          if (qe->kind == GAD_QUESTION_NUMBER || qe->kind == GAD_QUESTION_TEXT)
            to->mask = from->mask;
        }
    }
  for (guint row = 0; row < both->n_rows; row++)
    row_series[row] = row < table->n_rows ? 1 : 2;
  g_ptr_array_add (series, g_strdup (name));
  g_ptr_array_add (series, g_strdup (earlier_name));
  results = gad_survey_table_count (both, row_series, series, -1);
  /* The results point at the questions, which the table keeps. */
  return results;
}

/* question,answer,group,count,percent: a row an answer and group; free
 * text is left to the summary. */
GString *
gad_survey_results_csv (const GadSurveyResults *results)
{
  GString *out = g_string_new (NULL);
  const char *header[] = { "question", "answer", "group", "count", "percent", NULL };

  gad_csv_append_row (out, header, ',');
  for (guint q = 0; q < results->questions->len; q++)
    {
      const GadQuestionResult *r = g_ptr_array_index (results->questions, q);

      for (guint l = 0; l < r->labels->len; l++)
        for (guint s = 0; s < results->series->len; s++)
          {
            char count[24], percent[G_ASCII_DTOSTR_BUF_SIZE];
            const char *row[] = { r->question->text, g_ptr_array_index (r->labels, l),
                                  g_ptr_array_index (results->series, s), count, percent, NULL };

            g_snprintf (count, sizeof count, "%d", gad_question_result_count (r, l, s));
            g_ascii_formatd (percent, sizeof percent, "%.1f",
                             gad_question_result_percent (r, l, s));
            gad_csv_append_row (out, row, ',');
          }
    }
  return out;
}

static char *
period_name (const GadSurvey *survey)
{
  GDate d;

  if (!gad_text_parse_date (survey->period_from, &d))
    return g_strdup (survey->title);
  return g_strdup_printf ("%02d.%04d", g_date_get_month (&d), g_date_get_year (&d));
}

/* What two runs compared are called: their titles, or when those are the
 * same, the months they began. */
void
gad_survey_run_names (const GadSurvey  *survey,
                      const GadSurvey  *earlier,
                      char            **name,
                      char            **earlier_name)
{
  gboolean same = g_strcmp0 (survey->title, earlier->title) == 0;

  *name = same ? period_name (survey) : g_strdup (survey->title);
  *earlier_name = same ? period_name (earlier) : g_strdup (earlier->title);
}
