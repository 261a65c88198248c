/* gad-store-cases.c — households, memberships and case files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-catalog.h"
#include "gad-store-private.h"
#include "gad-schedule.h"
#include "gad-text.h"

static gboolean
check_date (const char  *iso,
            gboolean     required,
            const char  *message,
            GError     **error)
{
  GDate date;

  if ((iso == NULL || *iso == '\0') && !required)
    return TRUE;
  if (iso && gad_text_parse_date (iso, &date))
    return TRUE;
  g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gint64
create_household (GadStore    *self,
                  const char  *address,
                  gint64       territory_id,
                  GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_REGISTER, 0, error))
    return 0;
  GadStmt *stmt;
  GArray *changes;
  gint64 id;

  g_return_val_if_fail (GAD_IS_STORE (self), 0);

  if (!gad_store_begin (self, error))
    return 0;
  stmt = gad_store_statement (self, "INSERT INTO households (address, territory_id) VALUES (?, ?) RETURNING id",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, address ? address : "");
  if (territory_id > 0)
    gad_stmt_bind_int64 (stmt, 2, territory_id);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    goto fail;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "address", NULL, address);
  if (!gad_store_audit (self, "household", id, 0, "create", changes, error))
    goto fail;
  if (!gad_store_commit (self, error))
    return 0;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

gint64
gad_store_create_household (GadStore    *self,
                            const char  *address,
                            gint64       territory_id,
                            GError     **error)
{
  gint64 id;

  GAD_STORE_RETRYING (self, error, id, create_household (self, address, territory_id, error));
  return id;
}

/* A person belongs to one household at a time: joining a new one ends the
 * current membership the day before, so the history stays continuous. */
static gint64
add_member (GadStore    *self,
            gint64       household_id,
            gint64       person_id,
            const char  *relation,
            const char  *from_date,
            GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_REGISTER, 0, error))
    return 0;
  g_autofree char *today = gad_text_today_iso ();
  GadStmt *stmt;
  GArray *changes;
  g_autofree char *day_before = NULL;
  gint64 id;

  g_return_val_if_fail (GAD_IS_STORE (self), 0);

  if (!gad_catalog_has (GAD_CATALOG_RELATION, relation))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Choose the person’s relation in the household."));
      return 0;
    }
  if (from_date == NULL || *from_date == '\0')
    from_date = today;
  if (!check_date (from_date, TRUE, _("The membership start is not a real date."), error))
    return 0;
  day_before = gad_date_add_days (from_date, -1);
  if (!gad_store_begin (self, error))
    return 0;

  stmt = gad_store_statement (self,
                              "UPDATE household_members SET to_date = CASE WHEN from_date > ?2"
                              " THEN from_date ELSE ?2 END WHERE person_id = ?1"
                              " AND to_date IS NULL AND household_id <> ?3",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  gad_stmt_bind_text (stmt, 2, day_before);
  gad_stmt_bind_int64 (stmt, 3, household_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;

  stmt = gad_store_statement (self,
                              "INSERT INTO household_members (household_id, person_id, relation,"
                              " from_date) VALUES (?, ?, ?, ?) RETURNING id",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, household_id);
  gad_stmt_bind_int64 (stmt, 2, person_id);
  gad_stmt_bind_text (stmt, 3, relation);
  gad_stmt_bind_text (stmt, 4, from_date);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    goto fail;

  changes = gad_field_changes_new ();
  {
    g_autofree char *household = g_strdup_printf ("%" G_GINT64_FORMAT, household_id);
    gad_field_changes_add (changes, "household", NULL, household);
  }
  gad_field_changes_add (changes, "relation", NULL, relation);
  gad_field_changes_add (changes, "from_date", NULL, from_date);
  if (!gad_store_audit (self, "membership", id, person_id, "create", changes, error))
    goto fail;
  if (!gad_store_commit (self, error))
    return 0;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

gint64
gad_store_add_member (GadStore    *self,
                      gint64       household_id,
                      gint64       person_id,
                      const char  *relation,
                      const char  *from_date,
                      GError     **error)
{
  gint64 id;

  GAD_STORE_RETRYING (self, error, id, add_member (self, household_id, person_id, relation, from_date, error));
  return id;
}

static gboolean
end_membership (GadStore    *self,
                gint64       membership_id,
                const char  *to_date,
                GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_REGISTER, 0, error))
    return FALSE;
  GadStmt *stmt;
  GArray *changes;
  gint64 person_id;

  if (!check_date (to_date, TRUE, _("The membership end is not a real date."), error)
      || !gad_store_begin (self, error))
    return FALSE;
  person_id = gad_store_person_of (self, "household_members", membership_id);
  stmt = gad_store_statement (self,
                              "UPDATE household_members SET to_date = ? WHERE id = ?"
                              " AND to_date IS NULL",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, to_date);
  gad_stmt_bind_int64 (stmt, 2, membership_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (gad_db_changes (self->db) != 1)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("This membership has already ended."));
      goto fail;
    }
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "to_date", NULL, to_date);
  if (!gad_store_audit (self, "membership", membership_id, person_id, "close", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

gboolean
gad_store_end_membership (GadStore    *self,
                          gint64       membership_id,
                          const char  *to_date,
                          GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, end_membership (self, membership_id, to_date, error));
  return ok;
}

/* The members of every household the person belongs or belonged to, the
 * current one first, the person themself included. */
static gpointer
member_from_row (GadStmt *stmt)
{
  GadMember *m = g_new0 (GadMember, 1);

  m->id = gad_stmt_column_int64 (stmt, 0);
  m->household_id = gad_stmt_column_int64 (stmt, 1);
  m->person_id = gad_stmt_column_int64 (stmt, 2);
  m->person_name = gad_store_column_dup (stmt, 3);
  m->person_code = gad_store_column_dup (stmt, 4);
  m->relation = gad_store_column_dup (stmt, 5);
  m->from_date = gad_store_column_dup (stmt, 6);
  m->to_date = gad_store_column_dup (stmt, 7);
  return m;
}

GPtrArray *
gad_store_list_household (GadStore  *self,
                          gint64     person_id,
                          GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error))
    return NULL;
  GadStmt *stmt;

  stmt = gad_store_statement (self,
                              "SELECT m.id, m.household_id, m.person_id,"
                              " p.last_name || ' ' || p.first_name, p.code, m.relation,"
                              " m.from_date, m.to_date"
                              " FROM household_members m JOIN persons p ON p.id = m.person_id"
                              " JOIN (SELECT household_id, max (CASE WHEN to_date IS NULL THEN 1 ELSE 0 END) AS current,"
                              "       max (from_date) AS since FROM household_members"
                              "       WHERE person_id = ?1 GROUP BY household_id) mine"
                              "   ON mine.household_id = m.household_id"
                              " ORDER BY mine.current DESC, mine.since DESC, m.household_id,"
                              "  m.person_id <> ?1, m.to_date IS NOT NULL, p.sort_key",
                              error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  return gad_store_collect (self, stmt, member_from_row, (GDestroyNotify) gad_member_free, error);
}

static gboolean
check_case (const GadCase  *c,
            GError        **error)
{
  g_auto(GStrv) groups = g_strsplit (c->target_groups ? c->target_groups : "", ",", -1);

  if (c->worker_id <= 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Choose the responsible social worker."));
      return FALSE;
    }
  for (guint i = 0; groups[i]; i++)
    if (*groups[i] && !gad_catalog_has (GAD_CATALOG_TARGET_GROUP, groups[i]))
      {
        g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                     _("“%s” is not a known target group."), groups[i]);
        return FALSE;
      }
  return check_date (c->opened_on, TRUE,
                     _("The opening date is not a real date. Write it as DD.MM.YYYY."), error);
}

static char *
staff_name (GadStore *self,
            gint64    id)
{
  return gad_store_lookup_text (self, "SELECT name FROM staff WHERE id = ?", id);
}

static GadCase *
get_case (GadStore  *self,
          gint64     id,
          GError   **error)
{
  g_autoptr(GPtrArray) list = NULL;
  GadCase *c = NULL;
  gint64 person_id;

  person_id = gad_store_person_of (self, "cases", id);
  if (person_id > 0)
    list = gad_store_list_cases (self, person_id, error);

  for (guint i = 0; list && i < list->len; i++)
    if (((GadCase *) g_ptr_array_index (list, i))->id == id)
      c = gad_case_copy (g_ptr_array_index (list, i));
  if (c == NULL && error && *error == NULL)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                 _("This case file no longer exists."));
  return c;
}

static gint64
insert_case (GadStore       *self,
             const GadCase  *c,
             GError        **error)
{
  /* Opening a case for a colleague hands them the file: the department's decision. */
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, c->person_id, error)
      || (c->worker_id != self->actor_id
          && !gad_store_require_reassign (self, c->person_id, error)))
    return 0;
  g_autofree char *worker = NULL;
  GadStmt *stmt;
  GArray *changes;
  gint64 id;

  g_return_val_if_fail (GAD_IS_STORE (self), 0);

  if (!check_case (c, error) || !gad_store_begin (self, error))
    return 0;
  stmt = gad_store_statement (self,
                              "INSERT INTO cases (person_id, worker_id, target_groups, opened_on,"
                              " notes) VALUES (?, ?, ?, ?, ?) RETURNING id",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, c->person_id);
  gad_stmt_bind_int64 (stmt, 2, c->worker_id);
  gad_stmt_bind_text (stmt, 3, c->target_groups ? c->target_groups : "");
  gad_stmt_bind_text (stmt, 4, c->opened_on);
  gad_stmt_bind_text (stmt, 5, c->notes ? c->notes : "");
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    goto fail;

  worker = staff_name (self, c->worker_id);
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "worker", NULL, worker);
  gad_field_changes_add (changes, "target_groups", NULL, c->target_groups);
  gad_field_changes_add (changes, "opened_on", NULL, c->opened_on);
  gad_field_changes_add (changes, "notes", NULL, c->notes);
  if (!gad_store_audit (self, "case", id, c->person_id, "create", changes, error))
    goto fail;
  if (!gad_store_commit (self, error))
    return 0;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

gint64
gad_store_insert_case (GadStore       *self,
                       const GadCase  *c,
                       GError        **error)
{
  gint64 id;

  GAD_STORE_RETRYING (self, error, id, insert_case (self, c, error));
  return id;
}

/* Edits the worker, target groups, opening date and notes of a case. */
static gboolean
update_case (GadStore       *self,
             const GadCase  *c,
             GError        **error)
{
  g_autoptr(GadCase) old = NULL;
  g_autofree char *worker = NULL;
  GadStmt *stmt;
  GArray *changes;
  gboolean only_worker;

  if (!check_case (c, error) || !gad_store_begin (self, error))
    return FALSE;
  old = get_case (self, c->id, error);
  if (old == NULL)
    goto fail;
  /* A head hands a case to another worker without writing in the file; a
   * new worker is the department's decision for a social worker too. */
  only_worker = g_strcmp0 (old->target_groups, c->target_groups ? c->target_groups : "") == 0
                && g_strcmp0 (old->opened_on, c->opened_on) == 0
                && g_strcmp0 (old->notes, c->notes ? c->notes : "") == 0;
  if ((old->worker_id != c->worker_id
       && !gad_store_require_reassign (self, old->person_id, error))
      || ((!only_worker || self->role != GAD_ROLE_HEAD)
          && !gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, old->person_id, error)))
    goto fail;
  if (c->version && old->version != c->version)
    {
      gad_store_refuse_stale (self, "case", c->id, error);
      goto fail;
    }
  /* A case moves to another worker with the reason, which the log keeps. */
  if (old->worker_id != c->worker_id)
    {
      g_autofree char *why = g_strstrip (g_strdup (c->transfer_reason ? c->transfer_reason : ""));

      if (why[0] == '\0')
        {
          g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                               _("Say why the case moves to another social worker."));
          goto fail;
        }
    }
  if (old->closed_on && g_strcmp0 (c->opened_on, old->closed_on) > 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("A case cannot open after it closed."));
      goto fail;
    }
  /* Handing over writes the worker only: a head's server account may
   * write no other column of a case. */
  stmt = gad_store_statement (self, only_worker
                                      ? "UPDATE cases SET worker_id = ?1, version = version + 1"
                                        " WHERE id = ?5"
                                      : "UPDATE cases SET worker_id = ?1, target_groups = ?2,"
                                        " opened_on = ?3, notes = ?4, version = version + 1"
                                        " WHERE id = ?5",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, c->worker_id);
  gad_stmt_bind_text (stmt, 2, c->target_groups ? c->target_groups : "");
  gad_stmt_bind_text (stmt, 3, c->opened_on);
  gad_stmt_bind_text (stmt, 4, c->notes ? c->notes : "");
  gad_stmt_bind_int64 (stmt, 5, c->id);
  if (!gad_store_step_done (self, stmt, error)
      || (old->worker_id != c->worker_id
          && !gad_store_note_transfer (self, c->id, old->person_id, old->worker_id, c->worker_id,
                                       c->transfer_reason, error)))
    goto fail;

  worker = staff_name (self, c->worker_id);
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "worker", old->worker, worker);
  gad_field_changes_add (changes, "target_groups", old->target_groups, c->target_groups);
  gad_field_changes_add (changes, "opened_on", old->opened_on, c->opened_on);
  gad_field_changes_add (changes, "notes", old->notes, c->notes);
  if (old->worker_id != c->worker_id)
    gad_field_changes_add (changes, "reason", NULL, c->transfer_reason);
  if (!gad_store_audit (self, "case", c->id, old->person_id, "update", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

gboolean
gad_store_update_case (GadStore       *self,
                       const GadCase  *c,
                       GError        **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, update_case (self, c, error));
  return ok;
}

static gboolean
close_case (GadStore    *self,
            gint64       case_id,
            const char  *closed_on,
            const char  *reason,
            GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, gad_store_person_of (self, "cases", case_id), error))
    return FALSE;
  g_autoptr(GadCase) old = NULL;
  GadStmt *stmt;
  GArray *changes;

  if (!gad_catalog_has (GAD_CATALOG_CLOSING_REASON, reason))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Choose why the case is closed."));
      return FALSE;
    }
  if (!check_date (closed_on, TRUE, _("The closing date is not a real date."), error)
      || !gad_store_begin (self, error))
    return FALSE;
  old = get_case (self, case_id, error);
  if (old == NULL)
    goto fail;
  if (old->closed_on)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("This case is already closed."));
      goto fail;
    }
  if (g_strcmp0 (closed_on, old->opened_on) < 0)
    {
      g_autofree char *opened = gad_text_format_date (old->opened_on);
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("A case cannot close before it opened (%s)."), opened);
      goto fail;
    }
  stmt = gad_store_statement (self,
                              "UPDATE cases SET closed_on = ?, closing_reason = ?,"
                              " version = version + 1 WHERE id = ?",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, closed_on);
  gad_stmt_bind_text (stmt, 2, reason);
  gad_stmt_bind_int64 (stmt, 3, case_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "closed_on", NULL, closed_on);
  gad_field_changes_add (changes, "closing_reason", NULL, reason);
  if (!gad_store_audit (self, "case", case_id, old->person_id, "close", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

gboolean
gad_store_close_case (GadStore    *self,
                      gint64       case_id,
                      const char  *closed_on,
                      const char  *reason,
                      GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, close_case (self, case_id, closed_on, reason, error));
  return ok;
}

static gboolean
reopen_case (GadStore    *self,
             gint64       case_id,
             const char  *reason,
             GError     **error)
{
  g_autoptr(GadCase) old = NULL;
  GadStmt *stmt;
  GArray *changes;

  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT,
                          gad_store_person_of (self, "cases", case_id), error)
      || !gad_store_begin (self, error))
    return FALSE;
  if ((old = get_case (self, case_id, error)) == NULL)
    goto fail;
  if (old->closed_on == NULL)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID, _("This case is open."));
      goto fail;
    }
  stmt = gad_store_statement (self, "UPDATE cases SET closed_on = NULL, closing_reason = NULL,"
                                    " version = version + 1 WHERE id = ?",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, case_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "closed_on", old->closed_on, NULL);
  gad_field_changes_add (changes, "closing_reason", old->closing_reason, NULL);
  gad_field_changes_add (changes, "reason", NULL, reason);
  if (!gad_store_audit (self, "case", case_id, old->person_id, "reopen", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/**
 * gad_store_reopen_case:
 * @reason: why the case is opened again, for the log
 *
 * A closed case opened again; its closing stays in the log with the reason.
 */
gboolean
gad_store_reopen_case (GadStore    *self,
                       gint64       case_id,
                       const char  *reason,
                       GError     **error)
{
  g_autofree char *why = g_strstrip (g_strdup (reason ? reason : ""));
  gboolean ok;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  if (why[0] == '\0')
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                           _("Say why the case is opened again."));
      return FALSE;
    }
  GAD_STORE_RETRYING (self, error, ok, reopen_case (self, case_id, why, error));
  return ok;
}

/* Open cases first, newest first. */
static gpointer
case_from_row (GadStmt *stmt)
{
  GadCase *c = g_new0 (GadCase, 1);

  c->id = gad_stmt_column_int64 (stmt, 0);
  c->person_id = gad_stmt_column_int64 (stmt, 1);
  c->worker_id = gad_stmt_column_int64 (stmt, 2);
  c->worker = gad_store_column_dup (stmt, 3);
  c->target_groups = gad_store_column_dup (stmt, 4);
  c->opened_on = gad_store_column_dup (stmt, 5);
  c->closed_on = gad_store_column_dup (stmt, 6);
  c->closing_reason = gad_store_column_dup (stmt, 7);
  c->notes = gad_store_column_dup (stmt, 8);
  c->version = gad_stmt_column_int64 (stmt, 9);
  c->n_documents = gad_stmt_column_int64 (stmt, 10);
  return c;
}

GPtrArray *
gad_store_list_cases (GadStore  *self,
                      gint64     person_id,
                      GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return NULL;
  GadStmt *stmt;

  stmt = gad_store_statement (self,
                              "SELECT c.id, c.person_id, c.worker_id, s.name, c.target_groups,"
                              " c.opened_on, c.closed_on, c.closing_reason, c.notes, c.version,"
                              " (SELECT count (*) FROM case_documents d WHERE d.case_id = c.id)"
                              " FROM cases c JOIN staff s ON s.id = c.worker_id"
                              " WHERE c.person_id = ?"
                              " ORDER BY c.closed_on IS NOT NULL, c.opened_on DESC, c.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  return gad_store_collect (self, stmt, case_from_row, (GDestroyNotify) gad_case_free, error);
}

static gint64
current_household (GadStore *self,
                   gint64    person_id)
{
  return gad_store_lookup_id (self,
                              "SELECT household_id FROM household_members"
                              " WHERE person_id = ? AND to_date IS NULL"
                              " ORDER BY from_date DESC LIMIT 1",
                              person_id);
}

/**
 * gad_store_place_in_household:
 * @with_person_id: join this person's current household (made for them, with
 *   them as applicant, if they have none), or 0 for a new household at @address
 *
 * All in one transaction: either the person is in the household or nothing changed.
 *
 * Returns: the household's id, or 0 with @error set
 */
static gint64
place_in_household (GadStore    *self,
                    gint64       person_id,
                    gint64       with_person_id,
                    const char  *relation,
                    const char  *from_date,
                    const char  *address,
                    gint64       territory_id,
                    GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_REGISTER, 0, error))
    return 0;
  gint64 household = 0;

  g_return_val_if_fail (GAD_IS_STORE (self), 0);

  if (with_person_id == person_id)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Choose another person’s household."));
      return 0;
    }
  if (!gad_store_begin (self, error))
    return 0;

  if (with_person_id > 0)
    {
      household = current_household (self, with_person_id);
      if (household == 0)
        {
          g_autoptr(GadPerson) other = gad_store_get_person (self, with_person_id, error);

          if (other == NULL)
            goto fail;
          household = gad_store_create_household (self, gad_person_get_address (other),
                                                  gad_person_get_territory_id (other), error);
          if (household == 0
              || !gad_store_add_member (self, household, with_person_id, "applicant", from_date,
                                        error))
            goto fail;
        }
    }
  else if ((household = gad_store_create_household (self, address, territory_id, error)) == 0)
    goto fail;

  if (!gad_store_add_member (self, household, person_id, relation, from_date, error))
    goto fail;
  if (!gad_store_commit (self, error))
    return 0;
  return household;

fail:
  gad_store_rollback (self);
  return 0;
}

gint64
gad_store_place_in_household (GadStore    *self,
                              gint64       person_id,
                              gint64       with_person_id,
                              const char  *relation,
                              const char  *from_date,
                              const char  *address,
                              gint64       territory_id,
                              GError     **error)
{
  gint64 id;

  GAD_STORE_RETRYING (self, error, id, place_in_household (self, person_id, with_person_id, relation, from_date, address, territory_id, error));
  return id;
}
