/* gad-store-strategy-save.c — a task of the action plan saved, with its year
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The task, its indicators in order (one no longer listed goes with its
 * values), and for the year given each indicator's target, hand-entered
 * value and note, and the head's comment: one transaction, one audit row.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"
#include "gad-strategy.h"

static gboolean
remove_dropped (GadStore         *self,
                GadStrategyTask  *task,
                GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GadStmt *stmt = gad_store_statement (self, "SELECT id FROM strategy_indicators"
                                             " WHERE task_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, task->id);
  while (gad_stmt_step (stmt) == GAD_DB_ROW)
    {
      gint64 id = gad_stmt_column_int64 (stmt, 0);
      gboolean kept = FALSE;

      for (guint i = 0; i < task->indicators->len; i++)
        kept = kept || ((GadIndicator *) task->indicators->pdata[i])->id == id;
      if (!kept)
        g_array_append_val (ids, id);
    }
  gad_stmt_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *sql[] = { "DELETE FROM strategy_values WHERE indicator_id = ?1",
                            "DELETE FROM strategy_indicators WHERE id = ?1" };

      for (guint s = 0; s < G_N_ELEMENTS (sql); s++)
        {
          if ((stmt = gad_store_statement (self, sql[s], error)) == NULL)
            return FALSE;
          gad_stmt_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
          if (!gad_store_step_done (self, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
save_indicator (GadStore      *self,
                gint64         task_id,
                guint          position,
                GadIndicator  *ind,
                GError       **error)
{
  GadStmt *stmt = gad_store_statement (self, ind->id
                                       ? "UPDATE strategy_indicators SET position = ?2, text = ?3,"
                                         " source = ?4, survey_id = nullif (?5, 0),"
                                         " question_code = ?6, lower_is_better = ?7"
                                         " WHERE id = ?8 AND task_id = ?1"
                                       : "INSERT INTO strategy_indicators (task_id, position,"
                                         " text, source, survey_id, question_code,"
                                         " lower_is_better) VALUES (?1, ?2, ?3, ?4,"
                                         " nullif (?5, 0), ?6, ?7) RETURNING id", error);

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, task_id);
  gad_stmt_bind_int64 (stmt, 2, position);
  gad_stmt_bind_text (stmt, 3, ind->text);
  gad_stmt_bind_text (stmt, 4, ind->source);
  gad_stmt_bind_int64 (stmt, 5, ind->survey_id);
  gad_stmt_bind_text (stmt, 6, ind->question_code);
  gad_stmt_bind_int64 (stmt, 7, ind->lower_is_better);
  if (ind->id)
    {
      gad_stmt_bind_int64 (stmt, 8, ind->id);
      return gad_store_step_done (self, stmt, error);
    }
  return (ind->id = gad_store_insert_id (self, stmt, error)) != 0;
}

/* The year's target, value by hand and note; none of them, no row. */
static gboolean
save_year (GadStore            *self,
           const GadIndicator  *ind,
           int                  year,
           GError             **error)
{
  gboolean manual = g_str_equal (ind->source, "manual");
  gboolean empty = !ind->has_target && !(manual && ind->has_value)
                   && (ind->note == NULL || *ind->note == '\0');
  GadStmt *stmt = gad_store_statement (self, empty
                                       ? "DELETE FROM strategy_values WHERE indicator_id = ?1"
                                         " AND year = ?2"
                                       : "INSERT INTO strategy_values (indicator_id, year, target,"
                                         " value, note) VALUES (?1, ?2, ?3, ?4, ?5)"
                                         " ON CONFLICT (indicator_id, year) DO UPDATE SET"
                                         " target = excluded.target, value = excluded.value,"
                                         " note = excluded.note", error);

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, ind->id);
  gad_stmt_bind_int64 (stmt, 2, year);
  if (!empty)
    {
      if (ind->has_target)
        gad_stmt_bind_double (stmt, 3, ind->target);
      else
        gad_stmt_bind_null (stmt, 3);
      if (manual && ind->has_value)
        gad_stmt_bind_double (stmt, 4, ind->value);
      else
        gad_stmt_bind_null (stmt, 4);
      gad_stmt_bind_text (stmt, 5, ind->note ? ind->note : "");
    }
  return gad_store_step_done (self, stmt, error);
}

static gboolean
save_review (GadStore               *self,
             const GadStrategyTask  *task,
             int                     year,
             GError                **error)
{
  GadStmt *stmt = gad_store_statement (self, "INSERT INTO strategy_reviews (task_id, year, done,"
                                             " comment) VALUES (?1, ?2, ?3, ?4)"
                                             " ON CONFLICT (task_id, year) DO UPDATE SET"
                                             " done = excluded.done, comment = excluded.comment",
                                       error);

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, task->id);
  gad_stmt_bind_int64 (stmt, 2, year);
  gad_stmt_bind_int64 (stmt, 3, task->done);
  gad_stmt_bind_text (stmt, 4, task->comment ? task->comment : "");
  return gad_store_step_done (self, stmt, error);
}

static gboolean
save_task (GadStore         *self,
           GadStrategyTask  *task,
           int               year,
           GError          **error)
{
  gint64 id_before = task->id, taken;
  g_autofree gboolean *was_new = g_new0 (gboolean, task->indicators->len + 1);
  g_autofree char *year_text = g_strdup_printf ("%d", year);
  g_autofree char *named = g_strdup_printf ("%s %s", task->code, task->text);
  GArray *changes;
  GadStmt *stmt;

  for (guint i = 0; i < task->indicators->len; i++)
    was_new[i] = ((GadIndicator *) task->indicators->pdata[i])->id == 0;
  if (!gad_store_require (self, GAD_RIGHT_DASHBOARDS, 0, error)
      || !gad_strategy_task_check (task, error) || !gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self, "SELECT id FROM strategy_tasks WHERE code = ?1", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, task->code);
  taken = gad_stmt_step (stmt) == GAD_DB_ROW ? gad_stmt_column_int64 (stmt, 0) : 0;
  gad_stmt_reset (stmt);
  if (taken && taken != task->id)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Task %s is in the plan already."), task->code);
      goto fail;
    }
  stmt = gad_store_statement (self, task->id
                              ? "UPDATE strategy_tasks SET code = ?1, aim = ?2, text = ?3,"
                                " responsible = ?4, year_from = ?5, year_to = ?6 WHERE id = ?7"
                              : "INSERT INTO strategy_tasks (code, aim, text, responsible,"
                                " year_from, year_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, task->code);
  gad_stmt_bind_text (stmt, 2, task->aim);
  gad_stmt_bind_text (stmt, 3, task->text);
  gad_stmt_bind_text (stmt, 4, task->responsible ? task->responsible : "");
  gad_stmt_bind_int64 (stmt, 5, task->year_from);
  gad_stmt_bind_int64 (stmt, 6, task->year_to);
  if (task->id)
    {
      gad_stmt_bind_int64 (stmt, 7, task->id);
      if (!gad_store_step_done (self, stmt, error))
        goto fail;
    }
  else if ((task->id = gad_store_insert_id (self, stmt, error)) == 0)
    goto fail;
  if (!remove_dropped (self, task, error))
    goto fail;
  for (guint i = 0; i < task->indicators->len; i++)
    if (!save_indicator (self, task->id, i, task->indicators->pdata[i], error)
        || (year && !save_year (self, task->indicators->pdata[i], year, error)))
      goto fail;
  if (year && !save_review (self, task, year, error))
    goto fail;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "task", NULL, named);
  if (year)
    gad_field_changes_add (changes, "year", NULL, year_text);
  if (!gad_store_audit (self, "strategy-task", task->id, 0, id_before ? "update" : "create",
                        changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  task->id = id_before;
  for (guint i = 0; i < task->indicators->len; i++)
    if (was_new[i])
      ((GadIndicator *) task->indicators->pdata[i])->id = 0;
  return FALSE;
}

/**
 * gad_store_save_strategy_task:
 * @task: new (id 0) or as read; its indicators' ids are set when saved
 * @year: the year whose targets, values, comment and "done" @task holds,
 *   or 0 for the task alone
 *
 * A head's.
 */
gboolean
gad_store_save_strategy_task (GadStore         *self,
                              GadStrategyTask  *task,
                              int               year,
                              GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  GAD_STORE_RETRYING (self, error, ok, save_task (self, task, year, error));
  return ok;
}
