/* gad-store-records.c — case records: what a social worker writes in a case
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record tells of a day: a home visit, a talk at the office, a call, a
 * meeting with another institution, a letter. Its author may correct it
 * for 24 hours; then it is locked, and a correction is a new record naming
 * the one it corrects. Each write is one audited transaction, so every
 * version is in the log. On a server the same lock is the server's (a row
 * security policy in access.sql).
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-catalog.h"
#include "gad-store-private.h"
#include "gad-text.h"

#define COLUMNS "SELECT " GAD_RECORD_COLUMNS " FROM case_records r JOIN staff s ON s.id = r.author_id"

/* What was written before this moment is locked: 24 hours ago, as the
 * store writes times (ISO 8601 UTC, which sort as they compare). */
static char *
lock_time (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_hours (now, -24);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

/* A record from the columns GAD_RECORD_COLUMNS names. */
gpointer
gad_store_record_from_row (GadStmt *stmt)
{
  GadCaseRecord *r = g_new0 (GadCaseRecord, 1);

  r->id = gad_stmt_column_int64 (stmt, 0);
  r->case_id = gad_stmt_column_int64 (stmt, 1);
  r->person_id = gad_stmt_column_int64 (stmt, 2);
  r->kind = gad_store_column_dup (stmt, 3);
  r->occurred_on = gad_store_column_dup (stmt, 4);
  r->participants = gad_store_column_dup (stmt, 5);
  r->text = gad_store_column_dup (stmt, 6);
  r->author_id = gad_stmt_column_int64 (stmt, 7);
  r->author = gad_store_column_dup (stmt, 8);
  r->written_at = gad_store_column_dup (stmt, 9);
  r->corrects_id = gad_stmt_column_int64 (stmt, 10);
  r->version = gad_stmt_column_int64 (stmt, 11);
  return r;
}

/* Whether the signed-in staff member may still correct @r. */
static void
mark_editable (GadStore      *self,
               GadCaseRecord *r,
               const char    *since)
{
  r->editable = r->author_id == gad_store_actor_id (self) && g_strcmp0 (r->written_at, since) > 0;
}

/* What search finds a record by: its participants and text (gad-store-search-records.c). */
static char *
record_words (const char *participants,
              const char *text)
{
  g_autofree char *all = g_strconcat (participants ? participants : "", " ", text, NULL);

  return gad_text_search_words (all);
}

/* Migration 19: the words of the records written before it, a thousand
 * at a time (a server's connection answers one statement at a time). */
gboolean
gad_store_fill_record_words (GadStore  *self,
                             GError   **error)
{
  gint64 last = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      GadStmt *read = gad_store_statement (self, "SELECT id, participants, text FROM case_records"
                                                 " WHERE id > ? ORDER BY id LIMIT 1000", error);
      GadStmt *write;
      int rc;

      if (read == NULL)
        return FALSE;
      gad_stmt_bind_int64 (read, 1, last);
      while ((rc = gad_stmt_step (read)) == GAD_DB_ROW)
        {
          last = gad_stmt_column_int64 (read, 0);
          g_array_append_val (ids, last);
          g_ptr_array_add (batch, record_words (gad_stmt_column_text (read, 1),
                                                gad_stmt_column_text (read, 2)));
        }
      gad_stmt_reset (read);
      if (rc != GAD_DB_DONE)
        return gad_store_fail (self, error);
      if (ids->len == 0)
        return TRUE;
      write = gad_store_statement (self, "UPDATE case_records SET words = ? WHERE id = ?", error);
      if (write == NULL)
        return FALSE;
      for (guint i = 0; i < ids->len; i++)
        {
          gad_stmt_bind_text (write, 1, g_ptr_array_index (batch, i));
          gad_stmt_bind_int64 (write, 2, g_array_index (ids, gint64, i));
          if (!gad_store_step_done (self, write, error))
            return FALSE;
        }
    }
}

static gboolean
check_record (const GadCaseRecord  *r,
              GError              **error)
{
  g_autofree char *text = g_strstrip (g_strdup (r->text ? r->text : ""));
  g_autofree char *today = gad_text_today_iso ();
  GDate date;

  if (!gad_catalog_has (GAD_CATALOG_RECORD_KIND, r->kind))
    g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                         _("Choose what the record tells of: a home visit, a call, …"));
  else if (r->occurred_on == NULL || !gad_text_parse_date (r->occurred_on, &date))
    g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                         _("The record’s date is not a real date."));
  else if (strcmp (r->occurred_on, today) > 0)
    g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                         _("A record tells of what happened: its date cannot be in the future."));
  else if (text[0] == '\0')
    g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                         _("Write what happened."));
  else
    return TRUE;
  return FALSE;
}

static GadCaseRecord *
get_record (GadStore  *self,
            gint64     id,
            GError   **error)
{
  GadStmt *stmt = gad_store_statement (self, COLUMNS " WHERE r.id = ?", error);
  GadCaseRecord *r = NULL;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    r = gad_store_record_from_row (stmt);
  gad_stmt_reset (stmt);
  if (r == NULL)
    g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                         _("This record is not in the case."));
  return r;
}

static void
add_changes (GArray              *changes,
             const GadCaseRecord *old,
             const GadCaseRecord *r)
{
  gad_field_changes_add (changes, "kind", old ? old->kind : NULL, r->kind);
  gad_field_changes_add (changes, "occurred_on", old ? old->occurred_on : NULL, r->occurred_on);
  gad_field_changes_add (changes, "participants", old ? old->participants : NULL,
                         r->participants);
  gad_field_changes_add (changes, "text", old ? old->text : NULL, r->text);
}

static gint64
add_record (GadStore             *self,
            const GadCaseRecord  *r,
            GError              **error)
{
  gint64 person = gad_store_person_of (self, "cases", r->case_id);
  g_autofree char *now = gad_store_now ();
  g_autofree char *words = record_words (r->participants, r->text);
  GadStmt *stmt;
  GArray *changes;
  gint64 id;

  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, person, error)
      || !check_record (r, error) || !gad_store_begin (self, error))
    return 0;
  /* A correction names a record of the same case. */
  if (r->corrects_id > 0
      && gad_store_lookup_id (self, "SELECT case_id FROM case_records WHERE id = ?1",
                              r->corrects_id) != r->case_id)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                           _("A correction refers to a record of the same case."));
      goto fail;
    }
  stmt = gad_store_statement (self, "INSERT INTO case_records (case_id, person_id, kind,"
                                    " occurred_on, participants, text, author_id, written_at,"
                                    " corrects_id, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                    " RETURNING id",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, r->case_id);
  gad_stmt_bind_int64 (stmt, 2, person);
  gad_stmt_bind_text (stmt, 3, r->kind);
  gad_stmt_bind_text (stmt, 4, r->occurred_on);
  gad_stmt_bind_text (stmt, 5, r->participants ? r->participants : "");
  gad_stmt_bind_text (stmt, 6, r->text);
  gad_stmt_bind_int64 (stmt, 7, gad_store_actor_id (self));
  gad_stmt_bind_text (stmt, 8, now);
  if (r->corrects_id > 0)
    gad_stmt_bind_int64 (stmt, 9, r->corrects_id);
  gad_stmt_bind_text (stmt, 10, words);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    goto fail;
  changes = gad_field_changes_new ();
  add_changes (changes, NULL, r);
  if (r->corrects_id > 0)
    {
      g_autofree char *corrects = g_strdup_printf ("%" G_GINT64_FORMAT, r->corrects_id);
      gad_field_changes_add (changes, "corrects", NULL, corrects);
    }
  if (!gad_store_audit (self, "case-record", id, person, "create", changes, error)
      || !gad_store_commit (self, error))
    goto fail;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

/**
 * gad_store_add_record:
 * @r: its case, kind, day, participants and text; @corrects_id for a
 *   correction of a locked record
 *
 * Returns: the new record's id, or 0
 */
gint64
gad_store_add_record (GadStore             *self,
                      const GadCaseRecord  *r,
                      GError              **error)
{
  gint64 id;

  g_return_val_if_fail (GAD_IS_STORE (self), 0);
  GAD_STORE_RETRYING (self, error, id, add_record (self, r, error));
  return id;
}

static gboolean
correct_record (GadStore             *self,
                const GadCaseRecord  *r,
                GError              **error)
{
  g_autoptr(GadCaseRecord) old = NULL;
  GadStmt *stmt;
  GArray *changes;

  if (!check_record (r, error) || !gad_store_begin (self, error))
    return FALSE;
  if ((old = get_record (self, r->id, error)) == NULL
      || !gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, old->person_id, error))
    goto fail;
  if (old->author_id != gad_store_actor_id (self))
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                           _("Only its author corrects a record. Write a new record that refers "
                             "to it."));
      goto fail;
    }
  if (r->version && old->version != r->version)
    {
      gad_store_refuse_stale (self, "case-record", r->id, error);
      goto fail;
    }
  stmt = gad_store_statement (self, "UPDATE case_records SET kind = ?, occurred_on = ?,"
                                    " participants = ?, text = ?, version = version + 1,"
                                    " words = ? WHERE id = ? AND written_at > ?",
                              error);
  if (stmt == NULL)
    goto fail;
  {
    g_autofree char *since = lock_time ();
    g_autofree char *words = record_words (r->participants, r->text);

    gad_stmt_bind_text (stmt, 1, r->kind);
    gad_stmt_bind_text (stmt, 2, r->occurred_on);
    gad_stmt_bind_text (stmt, 3, r->participants ? r->participants : "");
    gad_stmt_bind_text (stmt, 4, r->text);
    gad_stmt_bind_text (stmt, 5, words);
    gad_stmt_bind_int64 (stmt, 6, r->id);
    gad_stmt_bind_text (stmt, 7, since);
    if (!gad_store_step_done (self, stmt, error))
      goto fail;
  }
  /* Past the day (by this clock, or by the server's row security). */
  if (gad_db_changes (self->db) == 0)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                           _("This record was written more than 24 hours ago and is locked. "
                             "Write a correction: a new record that refers to it."));
      goto fail;
    }
  changes = gad_field_changes_new ();
  add_changes (changes, old, r);
  if (!gad_store_audit (self, "case-record", r->id, old->person_id, "update", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/**
 * gad_store_correct_record:
 * @r: the record as read (@id, @version) with its new kind, day,
 *   participants and text
 *
 * Its author corrects a record within 24 hours of writing it.
 */
gboolean
gad_store_correct_record (GadStore             *self,
                          const GadCaseRecord  *r,
                          GError              **error)
{
  gboolean ok;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  GAD_STORE_RETRYING (self, error, ok, correct_record (self, r, error));
  return ok;
}

/**
 * gad_store_list_records:
 * @kind: (nullable): only records of this kind
 *
 * A case's records, newest first. Returns: (element-type GadCaseRecord),
 * or %NULL with @error
 */
GPtrArray *
gad_store_list_records (GadStore    *self,
                        gint64       case_id,
                        const char  *kind,
                        GError     **error)
{
  g_autofree char *since = lock_time ();
  GPtrArray *list;
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT,
                          gad_store_person_of (self, "cases", case_id), error))
    return NULL;
  stmt = gad_store_statement (self, COLUMNS " WHERE r.case_id = ?1 AND (?2 = '' OR r.kind = ?2)"
                                    " ORDER BY r.occurred_on DESC, r.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, case_id);
  gad_stmt_bind_text (stmt, 2, kind ? kind : "");
  list = gad_store_collect (self, stmt, gad_store_record_from_row, (GDestroyNotify) gad_case_record_free,
                            error);
  for (guint i = 0; list && i < list->len; i++)
    mark_editable (self, g_ptr_array_index (list, i), since);
  return list;
}

static gpointer
quiet_from_row (GadStmt *stmt)
{
  GadQuietCase *q = g_new0 (GadQuietCase, 1);

  q->case_id = gad_stmt_column_int64 (stmt, 0);
  q->person_id = gad_stmt_column_int64 (stmt, 1);
  q->person = gad_store_column_dup (stmt, 2);
  q->last_on = gad_store_column_dup (stmt, 3);
  return q;
}

/**
 * gad_store_list_quiet_cases:
 * @worker_id: whose open cases; 0 for every open case the reader may read
 * @before: an ISO date
 *
 * Open cases whose last record (or, without one, the opening) is before
 * @before, the quietest first. Returns: (element-type GadQuietCase)
 */
GPtrArray *
gad_store_list_quiet_cases (GadStore    *self,
                            gint64       worker_id,
                            const char  *before,
                            GError     **error)
{
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, 0, error))
    return NULL;
  stmt = gad_store_statement (self,
                              "SELECT * FROM (SELECT c.id, c.person_id,"
                              " p.last_name || ' ' || p.first_name AS name,"
                              " coalesce ((SELECT max (r.occurred_on) FROM case_records r"
                              " WHERE r.case_id = c.id), c.opened_on) AS last"
                              " FROM cases c JOIN persons p ON p.id = c.person_id"
                              GAD_SCOPE_JOIN
                              " WHERE c.closed_on IS NULL AND (?1 = 0 OR c.worker_id = ?1)"
                              " AND " GAD_SCOPE_WHERE ") q WHERE q.last < ?2"
                              " ORDER BY q.last, q.id",
                              error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, worker_id);
  gad_stmt_bind_text (stmt, 2, before);
  gad_store_bind_scope (self, stmt);
  return gad_store_collect (self, stmt, quiet_from_row, (GDestroyNotify) gad_quiet_case_free,
                            error);
}
