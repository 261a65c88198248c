/* gad-survey-results.c — a survey's answers as a table, counted
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table holds a cell a response and question of the survey's version:
 * the answer's labels as bits (choices and scales), a number, or a text.
 * Answers to an earlier version count under the question of the same code
 * and the label of the same text; a choice it no longer has is a label
 * of its own. Counting a table for everyone, by the groups of a
 * respondent question, or for two runs side by side is one loop.
 */
#define G_LOG_DOMAIN "gad-survey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "gad-survey-private.h"
#include "gad-text.h"

/**
 * gad_survey_table_new:
 * @survey: (transfer full): its questions are the table's
 */
GadSurveyTable *
gad_survey_table_new (GadSurvey *survey,
                      guint      n_responses)
{
  GadSurveyTable *t = g_new0 (GadSurveyTable, 1);
  guint n = survey->questions->len;

  t->survey = survey;
  t->n_rows = n_responses;
  t->cells = g_new0 (GadSurveyCell, (gsize) MAX (n_responses, 1) * MAX (n, 1));
  t->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  t->asked = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  t->texts = g_string_chunk_new (4096);
  for (guint i = 0; i < n; i++)
    {
      const GadSurveyQuestion *q = g_ptr_array_index (survey->questions, i);
      GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; q->choices && q->choices[c]; c++)
        g_ptr_array_add (labels, g_strdup (q->choices[c]));
      for (int s = 1; q->kind == GAD_QUESTION_SCALE && s <= GAD_SURVEY_SCALE_MAX; s++)
        g_ptr_array_add (labels, g_strdup_printf ("%d", s));
      g_ptr_array_add (t->labels, labels);
    }
  return t;
}

void
gad_survey_table_free (GadSurveyTable *table)
{
  if (table == NULL)
    return;
  gad_survey_free (table->survey);
  g_free (table->cells);
  g_ptr_array_unref (table->labels);
  g_hash_table_unref (table->asked);
  g_string_chunk_free (table->texts);
  g_free (table);
}

const GadSurvey *
gad_survey_table_survey (GadSurveyTable *table)
{
  return table->survey;
}

/* The label of @text in question @index's labels, added when new. */
guint8
gad_survey_table_label (GadSurveyTable *t,
             guint           index,
             const char     *text)
{
  GPtrArray *labels = g_ptr_array_index (t->labels, index);
  g_autofree char *folded = gad_text_fold (text);

  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *l = gad_text_fold (g_ptr_array_index (labels, i));

      if (g_str_equal (l, folded))
        return i;
    }
  if (labels->len >= GAD_SURVEY_MAX_CHOICES)
    return 0xff;
  g_ptr_array_add (labels, g_strdup (text));
  return labels->len - 1;
}

static GadSurveyAsked *
asked_for (GadSurveyTable          *t,
           const GadSurveyQuestion *q)
{
  GadSurveyAsked *a = g_hash_table_lookup (t->asked, q);

  if (a == NULL)
    {
      const GadSurveyQuestion *now;

      a = g_new0 (GadSurveyAsked, 1);
      a->index = gad_survey_find_question (t->survey, q->code);
      now = a->index >= 0 ? g_ptr_array_index (t->survey->questions, a->index) : NULL;
      if (now && now->kind != q->kind)
        a->index = -1;   /* the same code asking another kind: not the same question */
      for (guint c = 0; a->index >= 0 && q->choices && q->choices[c]; c++)
        a->label[c] = gad_survey_table_label (t, a->index, q->choices[c]);
      g_hash_table_insert (t->asked, (gpointer) q, a);
    }
  return a;
}

/**
 * gad_survey_table_add:
 * @asked: the question answered: the survey's, or one of an earlier version
 *   that the caller keeps while adding
 * @value: as kept (gad_survey_check_answer ())
 */
void
gad_survey_table_add (GadSurveyTable          *table,
                      guint                    response,
                      const GadSurveyQuestion *asked,
                      const char              *value)
{
  GadSurveyAsked *a = asked_for (table, asked);
  GadSurveyCell *cell;
  const char *p = value;

  if (a->index < 0 || response >= table->n_rows || *value == '\0')
    return;
  cell = &table->cells[(gsize) response * table->survey->questions->len + a->index];
  switch (asked->kind)
    {
    case GAD_QUESTION_SINGLE:
    case GAD_QUESTION_MULTIPLE:
      while (*p)
        {
          guint64 n = g_ascii_strtoull (p, (char **) &p, 10);

          if (n >= 1 && n <= GAD_SURVEY_MAX_CHOICES && a->label[n - 1] != 0xff)
            cell->mask |= 1u << a->label[n - 1];
          if (*p == ',')
            p++;
          else if (*p)
            break;
        }
      break;
    case GAD_QUESTION_SCALE:
      cell->number = g_ascii_strtod (value, NULL);
      if (cell->number >= 1 && cell->number <= GAD_SURVEY_SCALE_MAX)
        cell->mask = 1u << ((int) cell->number - 1);
      break;
    case GAD_QUESTION_NUMBER:
      cell->number = g_ascii_strtod (value, NULL);
      cell->mask = 1;
      break;
    case GAD_QUESTION_TEXT:
      cell->text = g_string_chunk_insert (table->texts, value);
      cell->mask = 1;
      break;
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* A number question's labels: the numbers given, in order. */
static GArray *
distinct_numbers (GadSurveyTable *t,
                  guint           q)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_q = t->survey->questions->len, kept = 0;

  for (guint r = 0; r < t->n_rows; r++)
    if (t->cells[(gsize) r * n_q + q].mask)
      g_array_append_val (values, t->cells[(gsize) r * n_q + q].number);
  g_array_sort (values, compare_doubles);
  for (guint i = 0; i < values->len; i++)
    if (kept == 0 || g_array_index (values, double, i) != g_array_index (values, double, kept - 1))
      g_array_index (values, double, kept++) = g_array_index (values, double, i);
  g_array_set_size (values, kept);
  return values;
}

static GadQuestionResult *
result_new (const GadSurveyQuestion *question,
            guint                    n_series)
{
  GadQuestionResult *r = g_new0 (GadQuestionResult, 1);

  r->question = question;
  r->labels = g_ptr_array_new_with_free_func (g_free);
  r->counts = g_array_new (FALSE, TRUE, sizeof (int));
  r->answered = g_array_sized_new (FALSE, TRUE, sizeof (int), n_series);
  g_array_set_size (r->answered, n_series);
  r->means = g_array_sized_new (FALSE, TRUE, sizeof (double), n_series);
  g_array_set_size (r->means, n_series);
  r->texts = g_ptr_array_new_with_free_func (g_free);
  return r;
}

static void
result_free (GadQuestionResult *r)
{
  g_ptr_array_unref (r->labels);
  g_array_unref (r->counts);
  g_array_unref (r->answered);
  g_array_unref (r->means);
  g_ptr_array_unref (r->texts);
  g_free (r);
}

/* Counts question @q of every row into the series @row_series gives it. */
static GadQuestionResult *
count_question (GadSurveyTable *t,
                guint           q,
                const guint32  *row_series,
                guint           n_series)
{
  const GadSurveyQuestion *question = g_ptr_array_index (t->survey->questions, q);
  GadQuestionResult *r = result_new (question, n_series);
  guint n_q = t->survey->questions->len;
  g_autoptr(GArray) numbers = NULL;
  g_autoptr(GHashTable) number_label = NULL;
  GPtrArray *labels = g_ptr_array_index (t->labels, q);

  if (question->kind == GAD_QUESTION_NUMBER)
    {
      numbers = distinct_numbers (t, q);
      for (guint i = 0; i < numbers->len; i++)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_ptr_array_add (r->labels, g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g",
                                                g_array_index (numbers, double, i))));
        }
    }
  else
    for (guint i = 0; i < labels->len; i++)
      g_ptr_array_add (r->labels, g_strdup (g_ptr_array_index (labels, i)));
  g_array_set_size (r->counts, r->labels->len * n_series);
  for (guint row = 0; row < t->n_rows; row++)
    {
      const GadSurveyCell *cell = &t->cells[(gsize) row * n_q + q];
      guint label = 0;

      if (cell->mask == 0 || row_series[row] == 0)
        continue;
      if (question->kind == GAD_QUESTION_TEXT)
        {
          g_ptr_array_add (r->texts, g_strdup (cell->text));
          label = G_MAXUINT;
        }
      else if (numbers)
        label = (double *) bsearch (&cell->number, numbers->data, numbers->len, sizeof (double),
                                    compare_doubles) - (double *) numbers->data;
      for (guint s = 0; s < n_series; s++)
        {
          if (!(row_series[row] & (1u << s)))
            continue;
          g_array_index (r->answered, int, s)++;
          g_array_index (r->means, double, s) += cell->number;
          if (numbers)
            g_array_index (r->counts, int, label * n_series + s)++;
          else if (label != G_MAXUINT)
            for (guint l = 0; l < r->labels->len; l++)
              if (cell->mask & (1u << l))
                g_array_index (r->counts, int, l * n_series + s)++;
        }
    }
  for (guint s = 0; s < n_series; s++)
    if (g_array_index (r->answered, int, s) > 0)
      g_array_index (r->means, double, s) /= g_array_index (r->answered, int, s);
  return r;
}

GadSurveyResults *
gad_survey_table_count (GadSurveyTable *t,
           const guint32  *row_series,
           GPtrArray      *series,
           int             by)
{
  GadSurveyResults *results = g_new0 (GadSurveyResults, 1);

  results->n_responses = t->n_rows;
  results->by = by;
  results->series = series;
  results->series_responses = g_array_new (FALSE, TRUE, sizeof (int));
  g_array_set_size (results->series_responses, series->len);
  for (guint row = 0; row < t->n_rows; row++)
    for (guint s = 0; s < series->len; s++)
      if (row_series[row] & (1u << s))
        g_array_index (results->series_responses, int, s)++;
  results->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  for (guint q = 0; q < t->survey->questions->len; q++)
    g_ptr_array_add (results->questions, count_question (t, q, row_series, series->len));
  return results;
}

/**
 * gad_survey_results_new:
 * @by: a respondent question of choices or a scale to cross-tabulate by,
 *   or -1 for everyone together
 */
GadSurveyResults *
gad_survey_results_new (GadSurveyTable  *table,
                        int              by,
                        GError         **error)
{
  g_autofree guint32 *row_series = g_new (guint32, MAX (table->n_rows, 1));
  guint n_q = table->survey->questions->len;
  GPtrArray *series = g_ptr_array_new_with_free_func (g_free);

  if (by >= (int) n_q || (by >= 0 && ((GadSurveyQuestion *) g_ptr_array_index (
                                          table->survey->questions, by))->kind
                                     > GAD_QUESTION_SCALE))
    {
      g_ptr_array_unref (series);
      g_set_error_literal (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_QUESTIONNAIRE,
                           _("Answers can be grouped by a question of choices or a scale only."));
      return NULL;
    }
  if (by < 0)
    g_ptr_array_add (series, g_strdup (_("All")));
  else
    {
      GPtrArray *labels = g_ptr_array_index (table->labels, by);

      for (guint i = 0; i < labels->len; i++)
        g_ptr_array_add (series, g_strdup (g_ptr_array_index (labels, i)));
    }
  for (guint row = 0; row < table->n_rows; row++)
    row_series[row] = by < 0 ? 1 : table->cells[(gsize) row * n_q + by].mask;
  return gad_survey_table_count (table, row_series, series, by);
}

void
gad_survey_results_free (GadSurveyResults *results)
{
  if (results == NULL)
    return;
  g_ptr_array_unref (results->series);
  g_array_unref (results->series_responses);
  g_ptr_array_unref (results->questions);
  g_free (results);
}

int
gad_question_result_count (const GadQuestionResult *result,
                           guint                    label,
                           guint                    series)
{
  return g_array_index (result->counts, int, label * result->answered->len + series);
}

/* Of those in the series who answered the question; 0 when nobody did
 * (say "no responses" for it: answered is 0). */
double
gad_question_result_percent (const GadQuestionResult *result,
                             guint                    label,
                             guint                    series)
{
  int answered = g_array_index (result->answered, int, series);

  return answered ? 100.0 * gad_question_result_count (result, label, series) / answered : 0;
}

