/* gad-store-strategy.c — the strategy's action plan, and a year's progress on it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The head's: the tasks with their indicators, and for a year each
 * indicator's target and value (by hand, or computed: the yearly table's
 * figure, or a survey question's mean in that year's run), and the head's
 * comment. A task is saved whole with its year in one transaction and one
 * audit row.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "gad-stats.h"
#include "gad-store-private.h"
#include "gad-strategy.h"

static gpointer
task_from_row (GadStmt *stmt)
{
  GadStrategyTask *t = gad_strategy_task_new (gad_stmt_column_text (stmt, 1),
                                              gad_stmt_column_text (stmt, 2),
                                              gad_stmt_column_text (stmt, 3),
                                              gad_stmt_column_int (stmt, 5),
                                              gad_stmt_column_int (stmt, 6));

  t->id = gad_stmt_column_int64 (stmt, 0);
  g_free (t->responsible);
  t->responsible = g_strdup (gad_stmt_column_text (stmt, 4));
  t->done = gad_stmt_column_int (stmt, 7);
  g_free (t->comment);
  t->comment = g_strdup (gad_stmt_column_text (stmt, 8) ? gad_stmt_column_text (stmt, 8) : "");
  return t;
}

/* "1.10.2" after "1.9": the numbers compared, not the text. */
static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  const char *x = (*(GadStrategyTask **) a)->code, *y = (*(GadStrategyTask **) b)->code;

  while (*x && *y)
    {
      long m = strtol (x, (char **) &x, 10), n = strtol (y, (char **) &y, 10);

      if (m != n)
        return m < n ? -1 : 1;
      x += *x == '.';
      y += *y == '.';
    }
  return (*x != '\0') - (*y != '\0');
}

static gboolean
read_indicators (GadStore   *self,
                 GPtrArray  *tasks,
                 int         year,
                 GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  GadStmt *stmt = gad_store_statement (self, "SELECT i.task_id, i.id, i.text, i.source,"
                                             " coalesce (i.survey_id, 0), i.question_code,"
                                             " i.lower_is_better, v.target, v.value,"
                                             " coalesce (v.note, '')"
                                             " FROM strategy_indicators i"
                                             " LEFT JOIN strategy_values v"
                                             "  ON v.indicator_id = i.id AND v.year = ?1"
                                             " ORDER BY i.task_id, i.position", error);
  GadDbStep rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < tasks->len; i++)
    g_hash_table_insert (by_id, &((GadStrategyTask *) tasks->pdata[i])->id, tasks->pdata[i]);
  gad_stmt_bind_int64 (stmt, 1, year);
  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      gint64 task_id = gad_stmt_column_int64 (stmt, 0);
      GadStrategyTask *t = g_hash_table_lookup (by_id, &task_id);
      GadIndicator *ind;

      if (t == NULL)
        continue;
      ind = gad_indicator_new (gad_stmt_column_text (stmt, 2), gad_stmt_column_text (stmt, 3));
      ind->id = gad_stmt_column_int64 (stmt, 1);
      ind->survey_id = gad_stmt_column_int64 (stmt, 4);
      ind->question_code = gad_store_column_dup (stmt, 5);
      ind->lower_is_better = gad_stmt_column_int (stmt, 6);
      ind->has_target = !gad_stmt_column_is_null (stmt, 7);
      ind->target = gad_stmt_column_double (stmt, 7);
      ind->has_value = !gad_stmt_column_is_null (stmt, 8) && g_str_equal (ind->source, "manual");
      ind->value = ind->has_value ? gad_stmt_column_double (stmt, 8) : 0;
      g_free (ind->note);
      ind->note = g_strdup (gad_stmt_column_text (stmt, 9));
      g_ptr_array_add (t->indicators, ind);
    }
  gad_stmt_reset (stmt);
  return rc == GAD_DB_DONE || gad_store_fail (self, error);
}

/* A yearly table's figure for a source: a sum of its categories, the
 * caseload's mean a worker, group feedback's points over its answers (none
 * without answers). */
typedef struct
{
  gboolean has_value;
  double value;
} Figure;

static gboolean
table_value (GadStore    *self,
             const char  *source,
             int          year,
             Figure      *figure,
             GError     **error)
{
  g_autoptr(GPtrArray) stats = gad_stats_query (self, gad_strategy_source_table (source), year,
                                                year, error);
  const char *category = g_str_equal (source, "remote-registered") ? "registered"
                         : g_str_equal (source, "remote-visited") ? "visited"
                         : g_str_equal (source, "appointments") ? "booked"
                         : g_str_equal (source, "group-participants") ? "participants"
                         : NULL;
  double sum = 0, answers = 0, points = 0;

  if (stats == NULL)
    return FALSE;
  for (guint i = 0; i < stats->len; i++)
    {
      GadStat *s = g_ptr_array_index (stats, i);

      if (category == NULL || g_str_equal (s->category, category))
        sum += s->value;
      answers += g_str_equal (s->category, "feedback_answers") ? s->value : 0;
      points += g_str_equal (s->category, "feedback_points") ? s->value : 0;
    }
  figure->has_value = !g_str_equal (source, "group-feedback") || answers > 0;
  figure->value = g_str_equal (source, "cases-per-worker") ? (stats->len ? sum / stats->len : 0)
                  : g_str_equal (source, "group-feedback") ? (answers ? points / answers : 0)
                  : sum;
  return TRUE;
}

/* The mean of a survey question in the run of the survey's questionnaire
 * asked in @year: none when there is no such run or nobody answered. */
static gboolean
survey_value (GadStore            *self,
              const GadIndicator  *ind,
              int                  year,
              gboolean            *has_value,
              double              *value,
              GError             **error)
{
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  g_autoptr(GadSurveyTable) table = NULL;
  g_autoptr(GadSurveyResults) results = NULL;
  GadStmt *stmt = gad_store_statement (self, "SELECT s.id FROM surveys s, surveys o"
                                             " WHERE o.id = ?1 AND coalesce (s.series_id, s.id)"
                                             " = coalesce (o.series_id, o.id)"
                                             " AND s.period_from >= ?2 AND s.period_from <= ?3"
                                             " ORDER BY s.period_from DESC LIMIT 1", error);
  gint64 run = 0;
  int q;

  *has_value = FALSE;
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, ind->survey_id);
  gad_stmt_bind_text (stmt, 2, first);
  gad_stmt_bind_text (stmt, 3, last);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    run = gad_stmt_column_int64 (stmt, 0);
  gad_stmt_reset (stmt);
  if (run == 0)
    return TRUE;
  if ((table = gad_store_survey_table (self, run, error)) == NULL
      || (results = gad_survey_results_new (table, -1, error)) == NULL)
    return FALSE;
  q = gad_survey_find_question (gad_survey_table_survey (table), ind->question_code);
  if (q >= 0)
    {
      const GadQuestionResult *r = g_ptr_array_index (results->questions, q);

      *has_value = g_array_index (r->answered, int, 0) > 0;
      *value = g_array_index (r->means, double, 0);
    }
  return TRUE;
}

static gboolean
compute (GadStore   *self,
         GPtrArray  *tasks,
         int         year,
         GError    **error)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint t = 0; t < tasks->len; t++)
    {
      GadStrategyTask *task = g_ptr_array_index (tasks, t);

      for (guint i = 0; i < task->indicators->len; i++)
        {
          GadIndicator *ind = g_ptr_array_index (task->indicators, i);
          Figure *known;

          if (g_str_equal (ind->source, "manual"))
            continue;
          if (g_str_equal (ind->source, "survey-mean"))
            {
              if (!survey_value (self, ind, year, &ind->has_value, &ind->value, error))
                return FALSE;
              continue;
            }
          if ((known = g_hash_table_lookup (done, ind->source)) == NULL)
            {
              known = g_new (Figure, 1);
              if (!table_value (self, ind->source, year, known, error))
                {
                  g_free (known);
                  return FALSE;
                }
              g_hash_table_insert (done, ind->source, known);
            }
          ind->has_value = known->has_value;
          ind->value = known->value;
        }
    }
  return TRUE;
}

/**
 * gad_store_strategy:
 *
 * The action plan's tasks of @year in the order of their codes, each with
 * its indicators' targets and values in @year (computed ones computed) and
 * the head's word on it; with @year 0, every task and no values. A head's.
 */
GPtrArray *
gad_store_strategy (GadStore  *self,
                    int        year,
                    GError   **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  if (!gad_store_require (self, GAD_RIGHT_DASHBOARDS, 0, error))
    return NULL;
  stmt = gad_store_statement (self, "SELECT t.id, t.code, t.aim, t.text, t.responsible,"
                                    " t.year_from, t.year_to, coalesce (r.done, 0), r.comment"
                                    " FROM strategy_tasks t LEFT JOIN strategy_reviews r"
                                    "  ON r.task_id = t.id AND r.year = ?1"
                                    " WHERE ?1 = 0 OR ?1 BETWEEN t.year_from AND t.year_to",
                              error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, year);
  if ((tasks = gad_store_collect (self, stmt, task_from_row,
                                  (GDestroyNotify) gad_strategy_task_free, error)) == NULL
      || !read_indicators (self, tasks, year, error)
      || (year && !compute (self, tasks, year, error)))
    return NULL;
  g_ptr_array_sort (tasks, compare_codes);
  return g_steal_pointer (&tasks);
}
