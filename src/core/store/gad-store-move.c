/* gad-store-move.c — moving a workstation's database to the service's server
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is copied in one transaction on the server, table by table
 * with COPY, and checked before it commits: the row count of every table,
 * every letter's SHA-256, and the audit chain walked on the server. A
 * failure or a cancel anywhere leaves the server database as it was: empty.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"

/* In the order the foreign keys need; "rowid" orders those whose order
 * the server keeps in a rowid column of its own. */
static const struct
{
  const char *table;
  const char *order;
} tables[] = {
  { "territories", "id" }, { "departments", "id" }, { "staff", "id" }, { "imports", "id" }, { "persons", "id" },
  { "person_codes", "code" }, { "not_duplicates", "person_id, other_id" }, { "households", "id" }, { "household_members", "id" },
  { "cases", "id" }, { "case_records", "id" }, { "case_plans", "id" },
  { "plan_needs", "plan_id, area" }, { "plan_goals", "id" }, { "plan_tasks", "id" },
  { "case_documents", "id" }, { "document_contents", "document_id" }, { "case_transfers", "id" },
  { "remote_register", "person_id" }, { "remote_visits", "id" },
  { "benefit_types", "rowid" }, { "service_types", "rowid" },
  { "audit_log", "id" }, { "audit_changes", "rowid" }, { "settings", "key" },
  { "rates", "kind, valid_from" }, { "legal_clauses", "id" }, { "applications", "id" },
  { "application_documents", "id" }, { "incomes", "id" }, { "housing_costs", "id" },
  { "decision_counters", "year" }, { "decisions", "id" },
  { "document_templates", "id" }, { "issued_document_counters", "kind, year" },
  { "issued_documents", "id" },
  { "past_decisions", "id" }, { "payments", "id" },
  { "duties", "id" }, { "service_plans", "id" }, { "budget", "year, source, programme" },
  { "expenditures", "id" }, { "schedule_entries", "id" },
  { "schedule_occurrences", "entry_id, date" }, { "group_participants", "entry_id, person_id" },
  { "group_attendance", "entry_id, date, person_id" }, { "group_work", "entry_id" },
  { "group_sessions", "entry_id, date" }, { "group_others", "entry_id, gender, age_group" },
  { "client_payments", "person_id, month, service_code" },
  { "sign_in_failures", "username" }, { "approvals", "id" },
  { "surveys", "id" }, { "survey_questions", "id" }, { "survey_responses", "id" },
  { "survey_answers", "response_id, question_id" },
  { "strategy_tasks", "id" }, { "strategy_indicators", "id" },
  { "strategy_values", "indicator_id, year" }, { "strategy_reviews", "task_id, year" },
};
/* Tables of PDFs as issued, each checked against its SHA-256 once moved. */
static const char *const pdf_tables[] = { "decisions", "issued_documents" };


static gint64
count_rows (GadDb      *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
  g_autoptr(GadStmt) stmt = gad_db_prepare (db, sql);
  gint64 n = -1;

  if (stmt && gad_stmt_step (stmt) == GAD_DB_ROW)
    n = gad_stmt_column_int64 (stmt, 0);
  return n;
}

static gboolean
check_target_empty (GadStore  *target,
                    GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      const char *t = tables[i].table;

      /* The catalogues and settings a new schema starts with are replaced. */
      if (g_str_equal (t, "benefit_types") || g_str_equal (t, "service_types")
          || g_str_equal (t, "settings") || g_str_equal (t, "rates")
          || g_str_equal (t, "legal_clauses"))
        continue;
      if (count_rows (target->db, t) != 0)
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                       _("The server database is not empty (table %s has rows). A database is "
                         "moved only into an empty one; nothing was changed."),
                       t);
          return FALSE;
        }
    }
  return TRUE;
}

/* The source's column names, in its order (SQLite's rowid is not among them: the
 * server numbers its own rowid columns in the order the rows come). */
static char *
column_list (GadStmt *stmt)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (int c = 0; c < gad_stmt_column_count (stmt); c++)
    g_string_append_printf (list, "%s%s", c ? ", " : "", gad_stmt_column_name (stmt, c));
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
copy_tables (GadStore         *self,
             GadStore         *target,
             GadStoreProgress  progress,
             gpointer          progress_data,
             GCancellable     *cancellable,
             GadMoveReport    *report,
             GError          **error)
{
  gint64 total = 0, done = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    total += MAX (count_rows (self->db, tables[i].table), 0);

  if (!gad_db_exec (target->db, "DELETE FROM settings; DELETE FROM rates;"
                                " DELETE FROM legal_clauses; DELETE FROM benefit_types;"
                                " DELETE FROM service_types"))
    return gad_store_fail (target, error);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", tables[i].table,
                                              tables[i].order);
      g_autoptr(GadStmt) stmt = gad_db_prepare (self->db, sql);
      g_autofree char *columns = NULL;
      GadDbStep rc;

      if (stmt == NULL)
        return gad_store_fail (self, error);
      columns = column_list (stmt);
      if (!gad_db_copy_begin (target->db, tables[i].table, columns))
        return gad_store_fail (target, error);
      while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
        {
          if (!gad_db_copy_row (target->db, stmt))
            {
              gad_db_copy_end (target->db);
              return gad_store_fail (target, error);
            }
          if (++done % 4096 == 0)
            {
              if (progress)
                progress ((double) done / MAX (total, 1), progress_data);
              if (g_cancellable_set_error_if_cancelled (cancellable, error))
                {
                  gad_db_copy_end (target->db);
                  return FALSE;
                }
            }
        }
      if (!gad_db_copy_end (target->db))
        return gad_store_fail (target, error);
      if (rc != GAD_DB_DONE)
        return gad_store_fail (self, error);
      report->tables++;
    }
  report->rows = done;
  if (progress)
    progress (1.0, progress_data);
  return TRUE;
}

/* New rows on the server continue after the copied ids. */
static gboolean
continue_ids (GadStore  *target,
              GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].order, "id"))
      {
        g_autofree char *sql = g_strdup_printf (
          "SELECT setval (pg_get_serial_sequence ('%s', 'id'), coalesce (max (id), 0) + 1,"
          " false) FROM %s", tables[i].table, tables[i].table);

        if (!gad_db_exec (target->db, sql))
          return gad_store_fail (target, error);
      }
  return TRUE;
}

static gboolean
check_copy (GadStore       *self,
            GadStore       *target,
            GadMoveReport  *report,
            GError        **error)
{
  g_autoptr(GadStmt) letters = NULL;
  gint64 broken_id = -1, n_rows = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gint64 here = count_rows (self->db, tables[i].table);
      gint64 there = count_rows (target->db, tables[i].table);

      if (here != there)
        {
          g_autofree char *n_here = g_strdup_printf ("%" G_GINT64_FORMAT, here);
          g_autofree char *n_there = g_strdup_printf ("%" G_GINT64_FORMAT, there);

          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                       _("The server has %s rows in table %s where the file has %s; nothing was "
                         "moved."),
                       n_there, tables[i].table, n_here);
          return FALSE;
        }
    }

  /* A few hundred letters at a time: all of them at once would not fit. */
  for (guint t = 0; t < G_N_ELEMENTS (pdf_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id, number, pdf, pdf_sha256 FROM %s"
                                              " WHERE anonymised = 0 AND id > ?1 ORDER BY id"
                                              " LIMIT 256", pdf_tables[t]);

      g_clear_pointer (&letters, gad_stmt_free);
      if ((letters = gad_db_prepare (target->db, sql)) == NULL)
        return gad_store_fail (target, error);
      for (gint64 last = 0, seen = 1; seen > 0;)
        {
          seen = 0;
          gad_stmt_clear (letters);
          gad_stmt_bind_int64 (letters, 1, last);
          while (gad_stmt_step (letters) == GAD_DB_ROW)
            {
              gsize size;
              gconstpointer pdf = gad_stmt_column_blob (letters, 2, &size);
              g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, pdf, size);

              if (g_strcmp0 (sha, gad_stmt_column_text (letters, 3)) != 0)
                {
                  g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                               _("The PDF of %s differs on the server; nothing was moved."),
                               gad_stmt_column_text (letters, 1));
                  return FALSE;
                }
              last = gad_stmt_column_int64 (letters, 0);
              seen++;
              report->letters++;
            }
        }
    }

  if (!gad_store_verify_audit (target, &broken_id, &n_rows, error))
    return FALSE;
  if (broken_id != 0 || n_rows != count_rows (self->db, "audit_log"))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("The audit log does not verify on the server; nothing was moved."));
      return FALSE;
    }
  report->audit_rows = n_rows;
  return TRUE;
}

/* On the server every account is a server role (gad_store_server_account()):
 * made for each account the file has. */
static gboolean
make_accounts (GadStore    *self,
               GadStore    *target,
               const char  *password,
               GError     **error)
{
  g_autoptr(GPtrArray) staff = gad_store_list_staff (self);

  /* The file's Argon2id hashes stay behind: the server checks passwords. */
  if (!gad_store_exec (target, "UPDATE staff SET password_hash = NULL", error))
    return FALSE;
  for (guint i = 0; i < staff->len; i++)
    {
      GadStaff *s = g_ptr_array_index (staff, i);

      if (s->username
          && !gad_store_server_account (target, s->username,
                                        g_strcmp0 (s->username, self->username) == 0 ? password
                                                                                     : NULL,
                                        s->role, s->active, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * gad_store_move_to_server:
 * @target: a server's connection string; its database must be empty
 * @password: the moving administrator's password, which their server
 *   account gets; the others' accounts get none, and sign in once an
 *   administrator has given them one
 * @report: (out caller-allocates): what was copied and checked
 *
 * Copies this database, whole, into the server database @target and
 * checks the copy there before it commits. Administrators only.
 */
gboolean
gad_store_move_to_server (GadStore         *self,
                          const char       *target_name,
                          const char       *password,
                          GadStoreProgress  progress,
                          gpointer          progress_data,
                          GCancellable     *cancellable,
                          GadMoveReport    *report,
                          GError          **error)
{
  g_autoptr(GadStore) target = NULL;
  gboolean ok;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  *report = (GadMoveReport) { 0 };

  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  if (gad_store_is_server (self) || !gad_db_is_uri (target_name))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("A database file is moved to a server: give the file with --from and the "
                     "server’s address with --to."));
      return FALSE;
    }
  if ((target = gad_store_open (target_name, error)) == NULL
      || !check_target_empty (target, error))
    return FALSE;

  /* The file is held still while it is read: nobody writes to it meanwhile. */
  if (!gad_store_begin (self, error))
    return FALSE;
  if (!gad_store_begin (target, error))
    {
      gad_store_rollback (self);
      return FALSE;
    }
  ok = copy_tables (self, target, progress, progress_data, cancellable, report, error)
       && continue_ids (target, error)
       && make_accounts (self, target, password, error)
       && check_copy (self, target, report, error);
  if (ok)
    ok = gad_store_commit (target, error);
  else
    gad_store_rollback (target);
  gad_store_rollback (self);
  /* The planner's statistics for the new rows, and their visibility set
   * once (hint bits, the visibility map), before anyone searches: else the
   * first readers of each table pay for it. */
  if (ok && !gad_db_exec (target->db, "VACUUM (ANALYZE)"))
    return gad_store_fail (target, error);
  return ok;
}
