/* gad-store-issued.c — certificates, contracts, referrals and co-operation
 * agreements, kept as issued, and the household status a certificate states
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"

/* The next number of @kind's register in @year, inside the transaction
 * that inserts the document: a failed issue uses up no number. */
gboolean
gad_store_next_issued_number (GadStore    *self,
                              const char  *kind,
                              int          year,
                              int         *seq,
                              GError     **error)
{
  GadStmt *stmt;

  g_assert (self->depth > 0);
  stmt = gad_store_statement (self,
                              "INSERT INTO issued_document_counters (kind, year, last)"
                              " VALUES (?1, ?2, 1) ON CONFLICT (kind, year)"
                              " DO UPDATE SET last = issued_document_counters.last + 1"
                              " RETURNING last", error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, kind);
  gad_stmt_bind_int64 (stmt, 2, year);
  return gad_store_step_seq (self, stmt, seq, error);
}

/* Inside the issuing transaction: the document, its PDF and audit row. */
gint64
gad_store_insert_issued (GadStore                 *self,
                         const GadIssuedDocument  *d,
                         int                       year,
                         int                       seq,
                         const char               *snapshot,
                         GBytes                   *pdf,
                         GError                  **error)
{
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, d->template_version);
  gsize size;
  gconstpointer data = g_bytes_get_data (pdf, &size);
  GadStmt *stmt;
  GArray *changes;
  gint64 id;

  g_assert (self->depth > 0);
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, d->person_id, error))
    return 0;
  stmt = gad_store_statement (self,
                              "INSERT INTO issued_documents (kind, person_id, number, year, seq,"
                              " issued_on, template_version, subject, decision_id, plan_id,"
                              " snapshot, issued_by, pdf, pdf_sha256)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                              error);
  if (stmt == NULL)
    return 0;
  gad_stmt_bind_text (stmt, 1, d->kind);
  gad_stmt_bind_int64 (stmt, 2, d->person_id);
  gad_stmt_bind_text (stmt, 3, d->number);
  gad_stmt_bind_int64 (stmt, 4, year);
  gad_stmt_bind_int64 (stmt, 5, seq);
  gad_stmt_bind_text (stmt, 6, d->issued_on);
  gad_stmt_bind_int64 (stmt, 7, d->template_version);
  gad_stmt_bind_text (stmt, 8, d->subject);
  if (d->decision_id > 0)
    gad_stmt_bind_int64 (stmt, 9, d->decision_id);
  if (d->plan_id > 0)
    gad_stmt_bind_int64 (stmt, 10, d->plan_id);
  gad_stmt_bind_text (stmt, 11, snapshot);
  if (gad_store_actor_id (self) > 0)
    gad_stmt_bind_int64 (stmt, 12, gad_store_actor_id (self));
  gad_stmt_bind_blob (stmt, 13, data, size);
  gad_stmt_bind_text (stmt, 14, sha);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    return 0;

  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "document_kind", NULL, d->kind);
  gad_field_changes_add (changes, "number", NULL, d->number);
  gad_field_changes_add (changes, "subject", NULL, d->subject);
  gad_field_changes_add (changes, "template_version", NULL, version);
  gad_field_changes_add (changes, "pdf_sha256", NULL, sha);
  return gad_store_audit (self, "issued_document", id, d->person_id, "issue", changes, error)
           ? id : 0;
}

#define DOCUMENT_SELECT \
  "SELECT d.id, d.kind, d.person_id, d.number, d.issued_on, d.template_version, d.subject," \
  " coalesce (d.decision_id, 0), coalesce (d.plan_id, 0), coalesce (s.name, ''), d.pdf_sha256" \
  " FROM issued_documents d LEFT JOIN staff s ON s.id = d.issued_by"

static gpointer
document_from_row (GadStmt *stmt)
{
  GadIssuedDocument *d = g_new0 (GadIssuedDocument, 1);

  d->id = gad_stmt_column_int64 (stmt, 0);
  d->kind = gad_store_column_dup (stmt, 1);
  d->person_id = gad_stmt_column_int64 (stmt, 2);
  d->number = gad_store_column_dup (stmt, 3);
  d->issued_on = gad_store_column_dup (stmt, 4);
  d->template_version = gad_stmt_column_int64 (stmt, 5);
  d->subject = gad_store_column_dup (stmt, 6);
  d->decision_id = gad_stmt_column_int64 (stmt, 7);
  d->plan_id = gad_stmt_column_int64 (stmt, 8);
  d->issued_by = gad_store_column_dup (stmt, 9);
  d->pdf_sha256 = gad_store_column_dup (stmt, 10);
  return d;
}

GadIssuedDocument *
gad_store_get_issued (GadStore  *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GadStmt *stmt;

  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT,
                          gad_store_person_of (self, "issued_documents", id), error)
      || (stmt = gad_store_statement (self, DOCUMENT_SELECT " WHERE d.id = ?", error)) == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, id);
  rows = gad_store_collect (self, stmt, document_from_row,
                            (GDestroyNotify) gad_issued_document_free, error);
  if (rows && rows->len == 0)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND, _("There is no such document."));
  return rows && rows->len ? g_ptr_array_steal_index (rows, 0) : NULL;
}

/* The id of the document numbered @number, 0 for none. */
gint64
gad_store_find_issued (GadStore   *self,
                         const char *number)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT id FROM issued_documents WHERE number = ?",
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

/* The PDF exactly as issued. */
GBytes *
gad_store_get_issued_pdf (GadStore  *self,
                            gint64     id,
                            GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT,
                          gad_store_person_of (self, "issued_documents", id), error))
    return NULL;
  return gad_store_read_pdf (self, "SELECT pdf, pdf_sha256, anonymised FROM issued_documents"
                                   " WHERE id = ?", id, error);
}

/* A client's documents, newest first. */
GPtrArray *
gad_store_list_issued (GadStore  *self,
                          gint64     person_id,
                          GError   **error)
{
  GadStmt *stmt;

  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error)
      || (stmt = gad_store_statement (self, DOCUMENT_SELECT " WHERE d.person_id = ?"
                                            " ORDER BY d.issued_on DESC, d.id DESC", error)) == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  return gad_store_collect (self, stmt, document_from_row,
                            (GDestroyNotify) gad_issued_document_free, error);
}

/* The decisions that grant a household status from a day of @from to
 * @to (of clients in the worker's care), each with its client and the
 * certificate issued on it since, if any: decision id, person id,
 * certificate id or 0, three a status, in the decisions' order. */
GArray *
gad_store_statuses_starting (GadStore    *self,
                             const char  *from,
                             const char  *to,
                             GError     **error)
{
  GadStmt *stmt;
  GArray *ids;
  int rc;

  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, 0, error)
      || (stmt = gad_store_statement (self,
            "SELECT d.id, d.person_id, coalesce ((SELECT max (c.id) FROM issued_documents c"
            "  WHERE c.decision_id = d.id AND c.kind = 'certificate'), 0)"
            " FROM decisions d JOIN persons p ON p.id = d.person_id" GAD_SCOPE_JOIN
            " WHERE d.status_granted IS NOT NULL AND d.outcome <> 'refuse'"
            " AND d.period_from >= ?1 AND d.period_from <= ?2 AND " GAD_SCOPE_WHERE
            " AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.supersedes_id = d.id)"
            " ORDER BY d.year, d.seq", error)) == NULL)
    return NULL;
  gad_stmt_bind_text (stmt, 1, from);
  gad_stmt_bind_text (stmt, 2, to);
  gad_store_bind_scope (self, stmt);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      gint64 row[3] = { gad_stmt_column_int64 (stmt, 0), gad_stmt_column_int64 (stmt, 1),
                        gad_stmt_column_int64 (stmt, 2) };

      g_array_append_vals (ids, row, 3);
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
status_from_row (GadStmt *stmt)
{
  GadStatusGrant *s = g_new0 (GadStatusGrant, 1);

  s->decision_id = gad_stmt_column_int64 (stmt, 0);
  s->status = gad_store_column_dup (stmt, 1);
  s->period_from = gad_store_column_dup (stmt, 2);
  s->period_to = gad_store_column_dup (stmt, 3);
  s->number = gad_store_column_dup (stmt, 4);
  s->issued_on = gad_store_column_dup (stmt, 5);
  s->snapshot = gad_store_column_dup (stmt, 6);
  return s;
}

/**
 * gad_store_household_status:
 *
 * The household status of @person_id's household on @date as the newest
 * decision in force on one of its members (on @date) gave it, or, when none
 * covers @date, the one that ends last: the caller says it has lapsed, or
 * that it has not begun.
 *
 * Returns: (transfer full): the status, or %NULL with @error set
 *   (%GAD_STORE_ERROR_NOT_FOUND: the household never had one)
 */
GadStatusGrant *
gad_store_household_status (GadStore    *self,
                            gint64       person_id,
                            const char  *date,
                            GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GadStmt *stmt;

  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return NULL;
  stmt = gad_store_statement (self,
    "SELECT d.id, d.status_granted, d.period_from, d.period_to, d.number, d.issued_on, d.snapshot"
    " FROM decisions d WHERE d.status_granted IS NOT NULL AND d.outcome <> 'refuse'"
    " AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.supersedes_id = d.id)"
    " AND d.person_id IN (SELECT ?1 UNION SELECT m.person_id FROM household_members me"
    "      JOIN household_members m ON m.household_id = me.household_id"
    "      WHERE me.person_id = ?1 AND me.from_date <= ?2"
    "      AND (me.to_date IS NULL OR me.to_date >= ?2) AND m.from_date <= ?2"
    "      AND (m.to_date IS NULL OR m.to_date >= ?2))"
    " ORDER BY d.period_from <= ?2 AND d.period_to >= ?2 DESC, d.period_to DESC,"
    " d.issued_on DESC, d.id DESC LIMIT 1",
    error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  gad_stmt_bind_text (stmt, 2, date);
  rows = gad_store_collect (self, stmt, status_from_row,
                            (GDestroyNotify) gad_status_grant_free, error);
  if (rows && rows->len == 0)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                 _("No decision has granted this household a needy or low-income status."));
  return rows && rows->len ? g_ptr_array_steal_index (rows, 0) : NULL;
}
