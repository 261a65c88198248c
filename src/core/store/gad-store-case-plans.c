/* gad-store-case-plans.c — a case's needs assessment and rehabilitation plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One plan a case. It is written whole at each revision, in one audited
 * transaction whose changes are the findings and the goals as text, so the
 * log holds every version. A client's task's outcome is recorded on its own
 * too, from the duties lists, as a decision's duty is (gad-store-decisions.c).
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-case-plan.h"
#include "gad-catalog.h"
#include "gad-store-private.h"
#include "gad-text.h"

static gboolean
read_parts (GadStore     *self,
            GadCasePlan  *p,
            GError      **error)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT area, finding FROM plan_needs"
                                             " WHERE plan_id = ?", error);
  const GadCatalogEntry *areas;
  GadPlanGoal *goal = NULL;
  gint64 goal_id = 0;
  guint n_areas;
  int rc;

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, p->id);
  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      g_autofree char *area = gad_store_column_dup (stmt, 0);
      g_autofree char *finding = gad_store_column_dup (stmt, 1);

      gad_case_plan_add_need (p, area, finding);
    }
  gad_stmt_reset (stmt);
  if (rc != GAD_DB_DONE)
    return gad_store_fail (self, error);
  /* The areas in the catalogue's order. */
  areas = gad_catalog_entries (GAD_CATALOG_NEED_AREA, &n_areas);
  for (guint n = 0, k = 0; n < n_areas; n++)
    for (guint i = k; i < p->needs->len; i++)
      if (g_str_equal (((GadNeed *) g_ptr_array_index (p->needs, i))->area, areas[n].code))
        {
          g_ptr_array_insert (p->needs, k++, g_ptr_array_steal_index (p->needs, i));
          break;
        }
  stmt = gad_store_statement (self, "SELECT g.id, g.text, t.id, t.text, t.doer, t.institution,"
                                    " t.due_on, t.status, t.recorded_on FROM plan_goals g"
                                    " JOIN plan_tasks t ON t.goal_id = g.id WHERE g.plan_id = ?"
                                    " ORDER BY g.position, t.position",
                              error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, p->id);
  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      GadPlanTask *t = g_new0 (GadPlanTask, 1);

      if (goal == NULL || gad_stmt_column_int64 (stmt, 0) != goal_id)
        {
          g_autofree char *text = gad_store_column_dup (stmt, 1);

          goal_id = gad_stmt_column_int64 (stmt, 0);
          goal = gad_plan_goal_new (text);
          g_ptr_array_add (p->goals, goal);
        }
      t->id = gad_stmt_column_int64 (stmt, 2);
      t->text = gad_store_column_dup (stmt, 3);
      t->doer = gad_store_column_dup (stmt, 4);
      t->institution = gad_store_column_dup (stmt, 5);
      t->due_on = gad_store_column_dup (stmt, 6);
      t->status = gad_store_column_dup (stmt, 7);
      t->recorded_on = gad_store_column_dup (stmt, 8);
      g_ptr_array_add (goal->tasks, t);
    }
  gad_stmt_reset (stmt);
  return rc == GAD_DB_DONE || gad_store_fail (self, error);
}

static GadCasePlan *
read_plan (GadStore  *self,
           gint64     case_id,
           GError   **error)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT p.id, p.person_id, p.assessed_on,"
                                             " p.review_on, s.name, p.written_at, p.version"
                                             " FROM case_plans p JOIN staff s ON s.id = p.author_id"
                                             " WHERE p.case_id = ?",
                                       error);
  g_autoptr(GadCasePlan) p = NULL;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, case_id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    {
      p = gad_case_plan_new ();
      p->id = gad_stmt_column_int64 (stmt, 0);
      p->case_id = case_id;
      p->person_id = gad_stmt_column_int64 (stmt, 1);
      p->assessed_on = gad_store_column_dup (stmt, 2);
      p->review_on = gad_store_column_dup (stmt, 3);
      p->author = gad_store_column_dup (stmt, 4);
      p->written_at = gad_store_column_dup (stmt, 5);
      p->version = gad_stmt_column_int64 (stmt, 6);
    }
  gad_stmt_reset (stmt);
  if (p != NULL && !read_parts (self, p, error))
    return NULL;
  return g_steal_pointer (&p);
}

/**
 * gad_store_get_case_plan:
 *
 * Returns: (transfer full) (nullable): the case's plan; %NULL with no
 *   @error set when it has none yet
 */
GadCasePlan *
gad_store_get_case_plan (GadStore  *self,
                         gint64     case_id,
                         GError   **error)
{
  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT,
                          gad_store_person_of (self, "cases", case_id), error))
    return NULL;
  return read_plan (self, case_id, error);
}

static gboolean
write_parts (GadStore           *self,
             gint64              plan_id,
             gint64              person,
             const GadCasePlan  *p,
             GError            **error)
{
  GadStmt *stmt;

  for (guint i = 0; i < p->needs->len; i++)
    {
      GadNeed *n = g_ptr_array_index (p->needs, i);
      g_autofree char *finding = g_strstrip (g_strdup (n->finding));

      stmt = gad_store_statement (self, "INSERT INTO plan_needs (plan_id, person_id, area, finding)"
                                        " VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      gad_stmt_bind_int64 (stmt, 1, plan_id);
      gad_stmt_bind_int64 (stmt, 2, person);
      gad_stmt_bind_text (stmt, 3, n->area);
      gad_stmt_bind_text (stmt, 4, finding);
      if (!gad_store_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < p->goals->len; i++)
    {
      GadPlanGoal *g = g_ptr_array_index (p->goals, i);
      g_autofree char *text = g_strstrip (g_strdup (g->text));
      gint64 goal_id;

      stmt = gad_store_statement (self, "INSERT INTO plan_goals (plan_id, person_id, position, text)"
                                        " VALUES (?, ?, ?, ?) RETURNING id", error);
      if (stmt == NULL)
        return FALSE;
      gad_stmt_bind_int64 (stmt, 1, plan_id);
      gad_stmt_bind_int64 (stmt, 2, person);
      gad_stmt_bind_int64 (stmt, 3, i);
      gad_stmt_bind_text (stmt, 4, text);
      if ((goal_id = gad_store_insert_id (self, stmt, error)) == 0)
        return FALSE;
      for (guint k = 0; k < g->tasks->len; k++)
        {
          GadPlanTask *t = g_ptr_array_index (g->tasks, k);
          g_autofree char *task = g_strstrip (g_strdup (t->text));
          gboolean open = g_str_equal (t->status, "open");
          g_autofree char *today = open || t->recorded_on ? NULL : gad_text_today_iso ();

          stmt = gad_store_statement (self, "INSERT INTO plan_tasks (goal_id, person_id, position,"
                                            " text, doer, institution, due_on, status, recorded_on)"
                                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          gad_stmt_bind_int64 (stmt, 1, goal_id);
          gad_stmt_bind_int64 (stmt, 2, person);
          gad_stmt_bind_int64 (stmt, 3, k);
          gad_stmt_bind_text (stmt, 4, task);
          gad_stmt_bind_text (stmt, 5, t->doer);
          gad_stmt_bind_text (stmt, 6, g_str_equal (t->doer, "institution") ? t->institution : "");
          gad_stmt_bind_text (stmt, 7, t->due_on);
          gad_stmt_bind_text (stmt, 8, t->status);
          if (!open)
            gad_stmt_bind_text (stmt, 9, t->recorded_on ? t->recorded_on : today);
          if (!gad_store_step_done (self, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
clear_parts (GadStore  *self,
             gint64     plan_id,
             GError   **error)
{
  static const char *const sql[] = {
    "DELETE FROM plan_tasks WHERE goal_id IN (SELECT id FROM plan_goals WHERE plan_id = ?)",
    "DELETE FROM plan_goals WHERE plan_id = ?",
    "DELETE FROM plan_needs WHERE plan_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      GadStmt *stmt = gad_store_statement (self, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      gad_stmt_bind_int64 (stmt, 1, plan_id);
      if (!gad_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
save_plan (GadStore           *self,
           const GadCasePlan  *p,
           GError            **error)
{
  gint64 person = gad_store_person_of (self, "cases", p->case_id);
  g_autoptr(GadCasePlan) old = NULL;
  g_autofree char *now = gad_store_now ();
  g_autofree char *old_needs = NULL, *old_goals = NULL, *needs = NULL, *goals = NULL;
  g_autofree char *closed = NULL;
  GArray *changes;
  GadStmt *stmt;
  gint64 id;

  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, person, error)
      || !gad_case_plan_check (p, error) || !gad_store_begin (self, error))
    return 0;
  closed = gad_store_lookup_text (self, "SELECT closed_on FROM cases WHERE id = ?", p->case_id);
  if (closed != NULL)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                           _("The case is closed. Reopen it to change its plan."));
      goto fail;
    }
  old = read_plan (self, p->case_id, error);
  if (old == NULL && error && *error)
    goto fail;
  if ((old == NULL) != (p->id == 0) || (old && p->version && old->version != p->version))
    {
      gad_store_refuse_stale (self, "case-plan", old ? old->id : p->id, error);
      goto fail;
    }
  if (old == NULL)
    stmt = gad_store_statement (self, "INSERT INTO case_plans (assessed_on, review_on, author_id,"
                                      " written_at, case_id, person_id) VALUES (?, ?, ?, ?, ?, ?)"
                                      " RETURNING id", error);
  else
    stmt = gad_store_statement (self, "UPDATE case_plans SET assessed_on = ?, review_on = ?,"
                                      " author_id = ?, written_at = ?, version = version + 1"
                                      " WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, p->assessed_on);
  gad_stmt_bind_text (stmt, 2, p->review_on);
  gad_stmt_bind_int64 (stmt, 3, gad_store_actor_id (self));
  gad_stmt_bind_text (stmt, 4, now);
  if (old == NULL)
    {
      gad_stmt_bind_int64 (stmt, 5, p->case_id);
      gad_stmt_bind_int64 (stmt, 6, person);
      if ((id = gad_store_insert_id (self, stmt, error)) == 0)
        goto fail;
    }
  else
    {
      id = old->id;
      gad_stmt_bind_int64 (stmt, 5, id);
      if (!gad_store_step_done (self, stmt, error) || !clear_parts (self, id, error))
        goto fail;
    }
  if (!write_parts (self, id, person, p, error))
    goto fail;
  needs = gad_case_plan_needs_text (p);
  goals = gad_case_plan_goals_text (p);
  old_needs = old ? gad_case_plan_needs_text (old) : NULL;
  old_goals = old ? gad_case_plan_goals_text (old) : NULL;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "assessed_on", old ? old->assessed_on : NULL, p->assessed_on);
  gad_field_changes_add (changes, "review_on", old ? old->review_on : NULL, p->review_on);
  gad_field_changes_add (changes, "needs", old_needs, needs);
  gad_field_changes_add (changes, "goals", old_goals, goals);
  if (!gad_store_audit (self, "case-plan", id, person, old ? "update" : "create", changes, error)
      || !gad_store_commit (self, error))
    goto fail;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

/**
 * gad_store_save_case_plan:
 * @p: the whole plan: a new one (@id 0) or a revision of the one read
 *   (@id, @version)
 *
 * Returns: the plan's id, or 0 with @error
 */
gint64
gad_store_save_case_plan (GadStore           *self,
                          const GadCasePlan  *p,
                          GError            **error)
{
  gint64 id;

  g_return_val_if_fail (GAD_IS_STORE (self), 0);
  GAD_STORE_RETRYING (self, error, id, save_plan (self, p, error));
  return id;
}

static gpointer
due_from_row (GadStmt *stmt)
{
  GadPlanDue *d = g_new0 (GadPlanDue, 1);

  d->case_id = gad_stmt_column_int64 (stmt, 0);
  d->person_id = gad_stmt_column_int64 (stmt, 1);
  d->person = gad_store_column_dup (stmt, 2);
  d->due_on = gad_store_column_dup (stmt, 3);
  d->task = gad_store_column_dup (stmt, 4);
  d->institution = gad_store_column_dup (stmt, 5);
  return d;
}

/**
 * gad_store_list_plan_work:
 * @worker_id: whose open cases
 * @until: an ISO date
 *
 * The open tasks of the worker's and other institutions' in the plans of
 * @worker_id's open cases, and the plans' reviews, due by @until (the
 * overdue ones too), the earliest first. Returns: (element-type GadPlanDue)
 */
GPtrArray *
gad_store_list_plan_work (GadStore    *self,
                          gint64       worker_id,
                          const char  *until,
                          GError     **error)
{
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, 0, error))
    return NULL;
  stmt = gad_store_statement (self,
                              "SELECT * FROM (SELECT c.id, c.person_id, p.last_name || ' ' ||"
                              " p.first_name AS name, t.due_on AS due, t.text, t.institution"
                              " FROM plan_tasks t JOIN plan_goals g ON g.id = t.goal_id"
                              " JOIN case_plans cp ON cp.id = g.plan_id"
                              " JOIN cases c ON c.id = cp.case_id"
                              " JOIN persons p ON p.id = c.person_id"
                              " WHERE t.status = 'open' AND t.doer <> 'client'"
                              " AND c.closed_on IS NULL AND c.worker_id = ?1 AND t.due_on <= ?2"
                              " UNION ALL SELECT c.id, c.person_id, p.last_name || ' ' ||"
                              " p.first_name, cp.review_on, NULL, NULL FROM case_plans cp"
                              " JOIN cases c ON c.id = cp.case_id"
                              " JOIN persons p ON p.id = c.person_id"
                              " WHERE c.closed_on IS NULL AND c.worker_id = ?1"
                              " AND cp.review_on <= ?2) w ORDER BY w.due, w.name",
                              error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, worker_id);
  gad_stmt_bind_text (stmt, 2, until);
  return gad_store_collect (self, stmt, due_from_row, (GDestroyNotify) gad_plan_due_free, error);
}
