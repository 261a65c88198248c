/* gad-store-decisions.c — decisions with their letters, payments and duties
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"
#include "gad-text.h"

/* The next number of @year's register. Called inside the transaction that
 * inserts the decision, so a failed issue leaves no gap and two windows
 * issuing at once never share a number. */
gboolean
gad_store_next_decision_number (GadStore  *self,
                                int        year,
                                int       *seq,
                                GError   **error)
{
  GadStmt *stmt;

  g_assert (self->depth > 0);

  stmt = gad_store_statement (self,
                              "INSERT INTO decision_counters (year, last) VALUES (?1, 1)"
                              " ON CONFLICT (year) DO UPDATE SET last = decision_counters.last + 1"
                              " RETURNING last",
                              error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, year);
  return gad_store_step_seq (self, stmt, seq, error);
}

/* Steps a register's counter statement (bound, ending "RETURNING last"):
 * the number it took in @seq. */
gboolean
gad_store_step_seq (GadStore  *self,
                    GadStmt   *stmt,
                    int       *seq,
                    GError   **error)
{
  if (gad_stmt_step (stmt) != GAD_DB_ROW)
    {
      gad_stmt_reset (stmt);
      return gad_store_fail (self, error);
    }
  *seq = gad_stmt_column_int (stmt, 0);
  gad_stmt_reset (stmt);
  return TRUE;
}

gint64
gad_store_insert_decision (GadStore           *self,
                           const GadDecision  *d,
                           int                 year,
                           int                 seq,
                           const char         *snapshot,
                           GBytes             *pdf,
                           GError            **error)
{
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, d->person_id, error))
    return 0;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  GadStmt *stmt;
  GArray *changes;
  gint64 id;
  gsize size;
  gconstpointer data = g_bytes_get_data (pdf, &size);

  g_assert (self->depth > 0);

  stmt = gad_store_statement (self,
                              "INSERT INTO decisions (application_id, person_id, number, year,"
                              " seq, issued_on, outcome, type_code, amount_cents, period_from,"
                              " period_to, status_granted, facts, legal_basis, reasoning,"
                              " decision_text, snapshot, drafter, supersedes_id, pdf, pdf_sha256,"
                              " template_version)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                              " ?, ?, ?) RETURNING id",
                              error);
  if (stmt == NULL)
    return 0;
  gad_stmt_bind_int64 (stmt, 1, d->application_id);
  gad_stmt_bind_int64 (stmt, 2, d->person_id);
  gad_stmt_bind_text (stmt, 3, d->number);
  gad_stmt_bind_int64 (stmt, 4, year);
  gad_stmt_bind_int64 (stmt, 5, seq);
  gad_stmt_bind_text (stmt, 6, d->issued_on);
  gad_stmt_bind_text (stmt, 7, d->outcome);
  gad_stmt_bind_text (stmt, 8, d->type_code);
  gad_stmt_bind_int64 (stmt, 9, d->amount_cents);
  gad_stmt_bind_text (stmt, 10, d->period_from);
  gad_stmt_bind_text (stmt, 11, d->period_to);
  gad_stmt_bind_text (stmt, 12, d->status_granted);
  gad_stmt_bind_text (stmt, 13, d->facts ? d->facts : "");
  gad_stmt_bind_text (stmt, 14, d->legal_basis ? d->legal_basis : "");
  gad_stmt_bind_text (stmt, 15, d->reasoning ? d->reasoning : "");
  gad_stmt_bind_text (stmt, 16, d->decision_text ? d->decision_text : "");
  gad_stmt_bind_text (stmt, 17, snapshot);
  gad_stmt_bind_text (stmt, 18, d->drafter ? d->drafter : "");
  if (d->supersedes_id > 0)
    gad_stmt_bind_int64 (stmt, 19, d->supersedes_id);
  gad_stmt_bind_blob (stmt, 20, data, size);
  gad_stmt_bind_text (stmt, 21, sha);
  gad_stmt_bind_int64 (stmt, 22, d->template_version);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    return 0;

  stmt = gad_store_statement (self,
                              "UPDATE applications SET status = 'decided', version = version + 1"
                              " WHERE id = ?",
                              error);
  if (stmt == NULL)
    return 0;
  gad_stmt_bind_int64 (stmt, 1, d->application_id);
  if (!gad_store_step_done (self, stmt, error))
    return 0;

  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "number", NULL, d->number);
  gad_field_changes_add (changes, "outcome", NULL, d->outcome);
  gad_field_changes_add (changes, "pdf_sha256", NULL, sha);
  if (!gad_store_audit (self, "decision", id, d->person_id, "issue", changes, error))
    return 0;
  return id;
}

/* One payment row a month of the decision's period, all in @funding. */
gboolean
gad_store_add_payments (GadStore           *self,
                        const GadDecision  *d,
                        const GDate        *first_month,
                        guint               months,
                        const char         *funding,
                        GError            **error)
{
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, d->person_id, error))
    return FALSE;
  GDate month = *first_month;

  g_assert (self->depth > 0);

  for (guint k = 0; k < months && d->amount_cents > 0; k++, g_date_add_months (&month, 1))
    {
      g_autofree char *text = g_strdup_printf ("%04d-%02d", g_date_get_year (&month),
                                               g_date_get_month (&month));
      GadStmt *stmt = gad_store_statement (self,
                                                "INSERT INTO payments (decision_id, person_id,"
                                                " type_code, month, amount_cents, funding)"
                                                " VALUES (?, ?, ?, ?, ?, ?)",
                                                error);
      if (stmt == NULL)
        return FALSE;
      gad_stmt_bind_int64 (stmt, 1, d->id);
      gad_stmt_bind_int64 (stmt, 2, d->person_id);
      gad_stmt_bind_text (stmt, 3, d->type_code);
      gad_stmt_bind_text (stmt, 4, text);
      gad_stmt_bind_int64 (stmt, 5, d->amount_cents);
      gad_stmt_bind_text (stmt, 6, funding);
      if (!gad_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* What the decisions issued on an application pay in all, but for one. */
gint64
gad_store_application_paid (GadStore *self,
                            gint64    application_id,
                            gint64    except_decision_id)
{
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT coalesce (sum (y.amount_cents), 0)"
                                            " FROM payments y JOIN decisions d"
                                            " ON d.id = y.decision_id"
                                            " WHERE d.application_id = ?1 AND d.id <> ?2",
                                            NULL);
  gint64 sum = 0;

  if (stmt == NULL
      || !gad_store_can (self, GAD_RIGHT_READ_CLIENT,
                         gad_store_person_of (self, "applications", application_id)))
    return 0;
  gad_stmt_bind_int64 (stmt, 1, application_id);
  gad_stmt_bind_int64 (stmt, 2, except_decision_id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    sum = gad_stmt_column_int64 (stmt, 0);
  gad_stmt_reset (stmt);
  return sum;
}

gint64
gad_store_add_duty (GadStore       *self,
                    const GadDuty  *duty,
                    GError        **error)
{
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, duty->person_id, error))
    return 0;
  GadStmt *stmt;
  GDate due;

  g_assert (self->depth > 0);

  if (duty->text == NULL || *duty->text == '\0' || !gad_text_parse_date (duty->due_on, &due))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Every co-operation duty needs a text and a real due date."));
      return 0;
    }
  stmt = gad_store_statement (self,
                              "INSERT INTO duties (decision_id, person_id, text, due_on)"
                              " VALUES (?, ?, ?, ?) RETURNING id",
                              error);
  if (stmt == NULL)
    return 0;
  gad_stmt_bind_int64 (stmt, 1, duty->decision_id);
  gad_stmt_bind_int64 (stmt, 2, duty->person_id);
  gad_stmt_bind_text (stmt, 3, duty->text);
  gad_stmt_bind_text (stmt, 4, duty->due_on);
  return gad_store_insert_id (self, stmt, error);
}

#define DECISION_SELECT \
  "SELECT id, application_id, person_id, number, issued_on, outcome, type_code, amount_cents," \
  " period_from, period_to, status_granted, facts, legal_basis, reasoning, decision_text," \
  " drafter, coalesce (supersedes_id, 0), pdf_sha256 FROM decisions"

static gpointer
decision_from_row (GadStmt *stmt)
{
  GadDecision *d = g_new0 (GadDecision, 1);

  d->id = gad_stmt_column_int64 (stmt, 0);
  d->application_id = gad_stmt_column_int64 (stmt, 1);
  d->person_id = gad_stmt_column_int64 (stmt, 2);
  d->number = gad_store_column_dup (stmt, 3);
  d->issued_on = gad_store_column_dup (stmt, 4);
  d->outcome = gad_store_column_dup (stmt, 5);
  d->type_code = gad_store_column_dup (stmt, 6);
  d->amount_cents = gad_stmt_column_int64 (stmt, 7);
  d->period_from = gad_store_column_dup (stmt, 8);
  d->period_to = gad_store_column_dup (stmt, 9);
  d->status_granted = gad_store_column_dup (stmt, 10);
  d->facts = gad_store_column_dup (stmt, 11);
  d->legal_basis = gad_store_column_dup (stmt, 12);
  d->reasoning = gad_store_column_dup (stmt, 13);
  d->decision_text = gad_store_column_dup (stmt, 14);
  d->drafter = gad_store_column_dup (stmt, 15);
  d->supersedes_id = gad_stmt_column_int64 (stmt, 16);
  d->pdf_sha256 = gad_store_column_dup (stmt, 17);
  return d;
}

GadDecision *
gad_store_get_decision (GadStore  *self,
                        gint64     id,
                        GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, gad_store_person_of (self, "decisions", id), error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self, DECISION_SELECT " WHERE id = ?", error);
  GadDecision *d = NULL;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    d = decision_from_row (stmt);
  gad_stmt_reset (stmt);
  if (d == NULL)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                 _("There is no such decision."));
  return d;
}

gint64
gad_store_find_decision (GadStore   *self,
                         const char *number)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT id FROM decisions WHERE number = ?",
                                            NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  gad_stmt_bind_text (stmt, 1, number);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    id = gad_stmt_column_int64 (stmt, 0);
  gad_stmt_reset (stmt);
  return id;
}

/* A PDF exactly as issued, read by @sql (its pdf, pdf_sha256 and
 * anonymised for row @id); its checksum is verified on the way out. */
GBytes *
gad_store_read_pdf (GadStore    *self,
                    const char  *sql,
                    gint64       id,
                    GError     **error)
{
  GadStmt *stmt = gad_store_statement (self, sql, error);
  GBytes *pdf = NULL;
  gboolean found;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, id);
  found = gad_stmt_step (stmt) == GAD_DB_ROW;
  if (found && gad_stmt_column_int (stmt, 2))
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                 _("The letter was removed when the client was anonymised; its number, date "
                   "and what it was about remain."));
  else if (found)
    {
      gsize size;
      gconstpointer data = gad_stmt_column_blob (stmt, 0, &size);
      g_autoptr(GBytes) bytes = g_bytes_new (data, size);
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

      if (g_strcmp0 (sha, gad_stmt_column_text (stmt, 1)) == 0)
        pdf = g_steal_pointer (&bytes);
      else
        g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                     _("The stored letter does not match its checksum: the database has been "
                       "damaged or tampered with."));
    }
  else
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                 _("There is no such letter."));
  gad_stmt_reset (stmt);
  return pdf;
}

/* The letter exactly as issued. */
GBytes *
gad_store_get_decision_pdf (GadStore  *self,
                            gint64     id,
                            GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, gad_store_person_of (self, "decisions", id),
                          error))
    return NULL;
  return gad_store_read_pdf (self, "SELECT pdf, pdf_sha256, anonymised FROM decisions WHERE id = ?",
                             id, error);
}

char *
gad_store_get_decision_snapshot (GadStore *self,
                                 gint64    id)
{
  if (!gad_store_can (self, GAD_RIGHT_READ_CLIENT, gad_store_person_of (self, "decisions", id)))
    return NULL;
  return gad_store_lookup_text (self, "SELECT snapshot FROM decisions WHERE id = ?", id);
}

/* Newest first. */
GPtrArray *
gad_store_list_decisions (GadStore  *self,
                          gint64     person_id,
                          GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            DECISION_SELECT " WHERE person_id = ?"
                                            " ORDER BY issued_on DESC, id DESC",
                                            error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  return gad_store_collect (self, stmt, decision_from_row, (GDestroyNotify) gad_decision_free,
                            error);
}

/* Ids of the decisions issued from @from to @to inclusive, in number order. */
GArray *
gad_store_decisions_between (GadStore    *self,
                             const char  *from,
                             const char  *to,
                             GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_DASHBOARDS, 0, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT id FROM decisions WHERE issued_on >= ?"
                                            " AND issued_on <= ? ORDER BY year, seq",
                                            error);
  GArray *ids;
  int rc;

  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gad_stmt_bind_text (stmt, 1, from);
  gad_stmt_bind_text (stmt, 2, to);
  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      gint64 id = gad_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  gad_stmt_reset (stmt);
  if (rc != GAD_DB_DONE)
    {
      g_array_unref (ids);
      gad_store_fail (self, error);
      return NULL;
    }
  return ids;
}

static gpointer
duty_from_row (GadStmt *stmt)
{
  GadDuty *d = g_new0 (GadDuty, 1);

  d->id = gad_stmt_column_int64 (stmt, 0);
  d->decision_id = gad_stmt_column_int64 (stmt, 1);
  d->task_id = gad_stmt_column_int64 (stmt, 2);
  d->person_id = gad_stmt_column_int64 (stmt, 3);
  d->text = gad_store_column_dup (stmt, 4);
  d->due_on = gad_store_column_dup (stmt, 5);
  d->status = gad_store_column_dup (stmt, 6);
  d->recorded_on = gad_store_column_dup (stmt, 7);
  return d;
}

/* A client's co-operation duties: those decisions set, and the client's
 * tasks in their cases' plans. */
#define DUTIES(where, task_where) \
  "SELECT d.id, d.decision_id, 0 AS task_id, d.person_id, d.text, d.due_on, d.status," \
  " d.recorded_on FROM duties d WHERE " where \
  " UNION ALL SELECT 0, 0, t.id, t.person_id, t.text, t.due_on, t.status, t.recorded_on" \
  " FROM plan_tasks t WHERE t.doer = 'client' AND " task_where

/* Open duties first by due date, then the recorded ones. */
GPtrArray *
gad_store_list_duties (GadStore  *self,
                       gint64     person_id,
                       GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                       "SELECT * FROM (" DUTIES ("d.person_id = ?1",
                                                                 "t.person_id = ?1") ") u"
                                       " ORDER BY u.status <> 'open', u.due_on",
                                       error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  return gad_store_collect (self, stmt, duty_from_row, (GDestroyNotify) gad_duty_free, error);
}

static gpointer
open_duty_from_row (GadStmt *stmt)
{
  GadDuty *d = duty_from_row (stmt);

  d->person_name = gad_store_column_dup (stmt, 8);
  return d;
}

/* The open duties of the clients @worker_id is responsible for (all clients
 * for 0), the earliest due first: what a social worker checks each morning.
 * A plan's tasks count while its case is open. */
GPtrArray *
gad_store_list_open_duties (GadStore  *self,
                            gint64     worker_id,
                            GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, 0, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                       "SELECT u.*, p.last_name || ' ' || p.first_name FROM ("
                                       DUTIES ("d.status = 'open'",
                                               "t.status = 'open' AND EXISTS (SELECT 1 FROM"
                                               " plan_goals g JOIN case_plans cp ON cp.id ="
                                               " g.plan_id JOIN cases c ON c.id = cp.case_id"
                                               " WHERE g.id = t.goal_id AND c.closed_on IS NULL)")
                                       ") u JOIN persons p ON p.id = u.person_id"
                                       GAD_SCOPE_JOIN
                                       " WHERE (?1 = 0 OR p.worker_id = ?1)"
                                       " AND " GAD_SCOPE_WHERE
                                       " ORDER BY u.due_on, p.sort_key",
                                       error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, worker_id);
  gad_store_bind_scope (self, stmt);
  return gad_store_collect (self, stmt, open_duty_from_row, (GDestroyNotify) gad_duty_free, error);
}

/* Records a duty as fulfilled or failed: the ground a later refusal cites.
 * @table is "duties" for a decision's duty, "plan_tasks" for a plan's. */
static gboolean
record_duty (GadStore    *self,
             const char  *table,
             gint64       id,
             const char  *status,
             const char  *date,
             GError     **error)
{
  gboolean task = g_str_equal (table, "plan_tasks");
  gint64 person_id = gad_store_person_of (self, table, id);
  GadStmt *stmt;
  GArray *changes;
  GDate d;

  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, person_id, error))
    return FALSE;
  if (g_strcmp0 (status, "fulfilled") != 0 && g_strcmp0 (status, "failed") != 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("A duty is recorded as fulfilled or as failed."));
      return FALSE;
    }
  if (!gad_text_parse_date (date, &d))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("The date is not a real date. Write it as DD.MM.YYYY."));
      return FALSE;
    }
  if (!gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self, task ? "UPDATE plan_tasks SET status = ?, recorded_on = ?"
                                           " WHERE id = ? AND status = 'open'"
                                         : "UPDATE duties SET status = ?, recorded_on = ?"
                                           " WHERE id = ? AND status = 'open'",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, status);
  gad_stmt_bind_text (stmt, 2, date);
  gad_stmt_bind_int64 (stmt, 3, id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (gad_db_changes (self->db) != 1)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("This duty has already been recorded."));
      goto fail;
    }
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "status", "open", status);
  gad_field_changes_add (changes, "recorded_on", NULL, date);
  if (!gad_store_audit (self, task ? "plan-task" : "duty", id, person_id, "record", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

gboolean
gad_store_record_duty (GadStore    *self,
                       gint64       duty_id,
                       const char  *status,
                       const char  *date,
                       GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, record_duty (self, "duties", duty_id, status, date, error));
  return ok;
}

/**
 * gad_store_record_task:
 * @status: "fulfilled" or "failed"
 * @date: ISO 8601
 *
 * Records the outcome of an open task of a case's plan: a client's
 * co-operation duty from the duties lists.
 */
gboolean
gad_store_record_task (GadStore    *self,
                       gint64       task_id,
                       const char  *status,
                       const char  *date,
                       GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, record_duty (self, "plan_tasks", task_id, status, date,
                                                    error));
  return ok;
}

/* Payments from @from_month to @to_month inclusive ("YYYY-MM"), in cents. */
gint64
gad_store_sum_payments (GadStore   *self,
                        const char *from_month,
                        const char *to_month)
{
  if (!gad_store_can (self, GAD_RIGHT_DASHBOARDS, 0))
    return 0;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT coalesce (sum (amount_cents), 0) FROM payments"
                                            " WHERE month >= ? AND month <= ?",
                                            NULL);
  gint64 sum = 0;

  if (stmt == NULL)
    return 0;
  gad_stmt_bind_text (stmt, 1, from_month);
  gad_stmt_bind_text (stmt, 2, to_month);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    sum = gad_stmt_column_int64 (stmt, 0);
  gad_stmt_reset (stmt);
  return sum;
}
