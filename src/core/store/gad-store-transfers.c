/* gad-store-transfers.c — cases handed from one social worker to another
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case's transfer is kept with who had it, who has it, why and when
 * (written with the case's update, in its transaction), so that both
 * workers see it in My Work; on a server row security shows it to both,
 * whoever's client the person is now.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include "gad-store-private.h"
#include "gad-text.h"

/* In update_case()'s transaction (gad-store-cases.c). */
gboolean
gad_store_note_transfer (GadStore    *self,
                         gint64       case_id,
                         gint64       person_id,
                         gint64       from_worker,
                         gint64       to_worker,
                         const char  *reason,
                         GError     **error)
{
  g_autofree char *today = gad_text_today_iso ();
  GadStmt *stmt = gad_store_statement (self, "INSERT INTO case_transfers (case_id, person_id,"
                                             " from_worker, to_worker, reason, moved_on)"
                                             " VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, case_id);
  gad_stmt_bind_int64 (stmt, 2, person_id);
  if (from_worker > 0)
    gad_stmt_bind_int64 (stmt, 3, from_worker);
  if (to_worker > 0)
    gad_stmt_bind_int64 (stmt, 4, to_worker);
  gad_stmt_bind_text (stmt, 5, reason);
  gad_stmt_bind_text (stmt, 6, today);
  return gad_store_step_done (self, stmt, error);
}

static gpointer
transfer_from_row (GadStmt *stmt)
{
  GadCaseTransfer *t = g_new0 (GadCaseTransfer, 1);

  t->case_id = gad_stmt_column_int64 (stmt, 0);
  t->person_id = gad_stmt_column_int64 (stmt, 1);
  t->person = gad_store_column_dup (stmt, 2);
  t->from_worker = gad_stmt_column_int64 (stmt, 3);
  t->from_name = gad_store_column_dup (stmt, 4);
  t->to_worker = gad_stmt_column_int64 (stmt, 5);
  t->to_name = gad_store_column_dup (stmt, 6);
  t->reason = gad_store_column_dup (stmt, 7);
  t->moved_on = gad_store_column_dup (stmt, 8);
  return t;
}

/**
 * gad_store_list_transfers:
 * @worker_id: the social worker who gave or took the cases
 * @since: the first day (ISO 8601)
 *
 * Returns: (transfer full) (element-type GadCaseTransfer): the newest first
 */
GPtrArray *
gad_store_list_transfers (GadStore    *self,
                          gint64       worker_id,
                          const char  *since,
                          GError     **error)
{
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, 0, error))
    return NULL;
  stmt = gad_store_statement (self,
                              "SELECT t.case_id, t.person_id, p.last_name || ' ' || p.first_name,"
                              " coalesce (t.from_worker, 0), coalesce (f.name, ''),"
                              " coalesce (t.to_worker, 0), coalesce (w.name, ''), t.reason,"
                              " t.moved_on FROM case_transfers t"
                              " JOIN persons p ON p.id = t.person_id"
                              " LEFT JOIN staff f ON f.id = t.from_worker"
                              " LEFT JOIN staff w ON w.id = t.to_worker"
                              " WHERE (t.from_worker = ?1 OR t.to_worker = ?1) AND t.moved_on >= ?2"
                              " ORDER BY t.moved_on DESC, t.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, worker_id);
  gad_stmt_bind_text (stmt, 2, since);
  return gad_store_collect (self, stmt, transfer_from_row,
                            (GDestroyNotify) gad_case_transfer_free, error);
}
