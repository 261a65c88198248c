/* gad-store-rights.c — who may do what: a role's rights, and a social
 * worker's clients
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"

void
gad_store_bind_scope (GadStore     *self,
                      GadStmt *stmt)
{
  gad_stmt_bind_int64 (stmt, 91, self->role == GAD_ROLE_SOCIAL_WORKER);
  gad_stmt_bind_int64 (stmt, 92, self->actor_id);
  gad_stmt_bind_int64 (stmt, 93, self->territory_id);
  gad_stmt_bind_text (stmt, 94, self->department);
}

/**
 * gad_store_person_of:
 * @table: "applications", "cases", "decisions", "duties", "household_members",
 *   "plan_tasks", "case_documents" or "issued_documents"
 *
 * Whose file the record @id of @table belongs to, 0 if there is none: what
 * the rights are checked against before the record is read. On a server the
 * record itself may be hidden from the staff member (row security); the
 * server tells whose it is, so that they learn why they may not see it.
 */
gint64
gad_store_person_of (GadStore   *self,
                     const char *table,
                     gint64      id)
{
  static const char *const sql[][2] = {
    { "applications", "SELECT person_id FROM applications WHERE id = ?" },
    { "cases", "SELECT person_id FROM cases WHERE id = ?" },
    { "decisions", "SELECT person_id FROM decisions WHERE id = ?" },
    { "duties", "SELECT person_id FROM duties WHERE id = ?" },
    { "household_members", "SELECT person_id FROM household_members WHERE id = ?" },
    { "plan_tasks", "SELECT person_id FROM plan_tasks WHERE id = ?" },
    { "case_documents", "SELECT person_id FROM case_documents WHERE id = ?" },
    { "issued_documents", "SELECT person_id FROM issued_documents WHERE id = ?" },
  };
  GadStmt *stmt;
  gint64 person_id = 0;

  if (!gad_store_is_server (self))
    {
      for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
        if (g_str_equal (table, sql[i][0]))
          return gad_store_lookup_id (self, sql[i][1], id);
      g_return_val_if_reached (0);
    }
  if ((stmt = gad_store_statement (self, "SELECT gad_person_of (?1, ?2)", NULL)) == NULL)
    return 0;
  gad_stmt_bind_text (stmt, 1, table);
  gad_stmt_bind_int64 (stmt, 2, id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    person_id = gad_stmt_column_int64 (stmt, 0);
  gad_stmt_reset (stmt);
  return person_id;
}

/* @person_id 0 asks whether the worker has such a right for any client at
 * all (what the window asks to show a view); every list of many clients
 * then keeps only those in scope, with GAD_SCOPE_WHERE. Answers -1 when the
 * database could not be asked, 2 when the client is not registered. */
static int
scope_of (GadStore  *self,
          gint64     person_id,
          GError   **error)
{
  GadStmt *stmt;
  GadDbStep step;
  int scope;

  if (person_id <= 0)
    return 1;
  stmt = gad_store_statement (self,
                              "SELECT CASE WHEN " GAD_SCOPE_WHERE " THEN 1 ELSE 0 END"
                              " FROM persons p" GAD_SCOPE_JOIN " WHERE p.id = ?1",
                              error);
  if (stmt == NULL)
    return -1;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  gad_store_bind_scope (self, stmt);
  step = gad_stmt_step (stmt);
  scope = step == GAD_DB_ROW ? gad_stmt_column_int (stmt, 0) : step == GAD_DB_DONE ? 2 : -1;
  gad_stmt_reset (stmt);
  if (scope < 0)
    gad_store_fail (self, error);
  return scope;
}

/* Whether @person_id is in the care of the signed-in worker's own department
 * (their own client, or a colleague's of the department), or in nobody's care
 * and no parish's yet. Being in the worker's parish is not enough here: moving
 * a client to another parish or worker is the department's decision. -1
 * when the database could not be asked. */
static int
in_department (GadStore  *self,
               gint64     person_id,
               GError   **error)
{
  GadStmt *stmt;
  GadDbStep step;

  stmt = gad_store_statement (self,
                              "SELECT 1 FROM persons p LEFT JOIN staff w ON w.id = p.worker_id"
                              " WHERE p.id = ?1 AND (p.worker_id = ?2"
                              "  OR (?3 <> '' AND w.department = ?3)"
                              "  OR (p.worker_id IS NULL AND p.territory_id IS NULL))",
                              error);
  if (stmt == NULL)
    return -1;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  gad_stmt_bind_int64 (stmt, 2, self->actor_id);
  gad_stmt_bind_text (stmt, 3, self->department);
  step = gad_stmt_step (stmt);
  if (step == GAD_DB_FAILED)
    gad_store_fail (self, error);
  gad_stmt_reset (stmt);
  return step == GAD_DB_FAILED ? -1 : step == GAD_DB_ROW;
}

/**
 * gad_store_require_reassign:
 *
 * Moving a client to another parish or another responsible worker hands
 * their file to other staff: a head may, and a social worker of the
 * department in whose care the client is. A clerk may not.
 */
gboolean
gad_store_require_reassign (GadStore  *self,
                            gint64     person_id,
                            GError   **error)
{
  int in = 0;

  if (self->role == GAD_ROLE_SOCIAL_WORKER && (in = in_department (self, person_id, error)) < 0)
    return FALSE;
  if (self->role == GAD_ROLE_HEAD || self->role == GAD_ROLE_SYSTEM || in)
    return TRUE;
  if (self->role == GAD_ROLE_NONE)
    return gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error);
  g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
               _("Only a head, or a social worker of the department in whose care the client "
                 "is, can move the client to another parish or worker."));
  return FALSE;
}

/**
 * gad_store_can:
 * @person_id: the client concerned, for the rights that depend on whose
 *   client it is; 0 for none (or a client not registered yet)
 *
 * Whether the signed-in staff member may do @right — what the window asks
 * to show or hide a control. The store asks the same before every read of a
 * client's file and every write.
 */
gboolean
gad_store_can (GadStore *self,
               GadRight  right,
               gint64    person_id)
{
  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  if (self->role == GAD_ROLE_SOCIAL_WORKER && gad_right_is_scoped (right))
    return gad_role_allows (self->role, right, scope_of (self, person_id, NULL) == 1);
  return gad_role_allows (self->role, right, TRUE);
}

gboolean
gad_store_require (GadStore    *self,
                   GadRight     right,
                   gint64       person_id,
                   GError     **error)
{
  int scope = 1;

  /* Whether the database could not be asked is not a refusal. */
  if (self->role == GAD_ROLE_SOCIAL_WORKER && gad_right_is_scoped (right)
      && (scope = scope_of (self, person_id, error)) < 0)
    return FALSE;
  if (gad_role_allows (self->role, right, scope == 1))
    return TRUE;

  if (self->role == GAD_ROLE_NONE)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED, _("Sign in first."));
  else if (scope == 2)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                 _("This client is no longer in the registry."));
  else if (self->role == GAD_ROLE_SOCIAL_WORKER && right == GAD_RIGHT_READ_CLIENT)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                 _("This client is in the care of another department or parish: "
                   "you can see their basic data only."));
  else if (self->role == GAD_ROLE_SOCIAL_WORKER && right == GAD_RIGHT_WRITE_CLIENT)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                 _("This client is in the care of another department or parish: "
                   "their own social worker can change the file."));
  else
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                 /* TRANSLATORS: %s is a role, such as “Clerk” */
                 _("Your role (%s) does not allow this. An administrator can change roles."),
                 gad_role_label (self->role));
  return FALSE;
}
