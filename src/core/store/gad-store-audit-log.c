/* gad-store-audit-log.c — reading the audit log back (a client's history, the
 * auditor's queries), the stale-version check, and the rows that record who
 * opened what
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-audit-text.h"
#include "gad-store-private.h"
#include "gad-text.h"

static gpointer
audit_entry_from_row (GadStmt *stmt)
{
  GadAuditEntry *e = g_new0 (GadAuditEntry, 1);

  e->id = gad_stmt_column_int64 (stmt, 0);
  e->at = gad_store_column_dup (stmt, 1);
  e->actor = gad_store_column_dup (stmt, 2);
  e->entity = gad_store_column_dup (stmt, 3);
  e->entity_id = gad_stmt_column_int64 (stmt, 4);
  e->action = gad_store_column_dup (stmt, 5);
  e->person_id = gad_stmt_column_int64 (stmt, 6);
  e->person_name = gad_store_column_dup (stmt, 7);
  return e;
}

/* Each entry's changes (the entries come newest first). Runs of entries whose
 * ids lie close together, as in the whole log, are read with one query a
 * run; scattered ones, as in a client's history, one query an entry. */
#define CHANGES_RUN 500

static gboolean
load_changes (GadStore   *self,
              GPtrArray  *entries,
              GError    **error)
{
  for (guint i = 0; i < entries->len;)
    {
      guint n = MIN (CHANGES_RUN, entries->len - i);
      GadAuditEntry *newest = g_ptr_array_index (entries, i);
      GadAuditEntry *oldest = g_ptr_array_index (entries, i + n - 1);
      gboolean dense = newest->id - oldest->id < 2 * (gint64) n;
      GadStmt *stmt = gad_store_statement (self,
                                           "SELECT audit_id, field, old_value, new_value"
                                           " FROM audit_changes WHERE audit_id BETWEEN ?1 AND ?2"
                                           " ORDER BY audit_id DESC, rowid",
                                           error);
      GadDbStep rc;
      guint at = i;

      if (stmt == NULL)
        return FALSE;
      if (!dense)
        n = 1;
      for (guint k = i; k < i + n; k++)
        {
          GadAuditEntry *e = g_ptr_array_index (entries, k);
          e->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_audit_change_free);
        }
      gad_stmt_bind_int64 (stmt, 1, ((GadAuditEntry *) g_ptr_array_index (entries, i + n - 1))->id);
      gad_stmt_bind_int64 (stmt, 2, ((GadAuditEntry *) g_ptr_array_index (entries, i))->id);
      while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
        {
          gint64 of = gad_stmt_column_int64 (stmt, 0);
          GadAuditChange *c = g_new0 (GadAuditChange, 1);

          /* Both newest first: step on to the change's entry (ids not listed
           * in a run, a filtered-out row's, are passed over). */
          while (at < i + n && ((GadAuditEntry *) g_ptr_array_index (entries, at))->id > of)
            at++;
          if (at == i + n || ((GadAuditEntry *) g_ptr_array_index (entries, at))->id != of)
            {
              g_free (c);
              continue;
            }
          c->field = gad_store_column_dup (stmt, 1);
          c->old_value = gad_store_column_dup (stmt, 2);
          c->new_value = gad_store_column_dup (stmt, 3);
          g_ptr_array_add (((GadAuditEntry *) g_ptr_array_index (entries, at))->changes, c);
        }
      gad_stmt_reset (stmt);
      if (rc != GAD_DB_DONE)
        return gad_store_fail (self, error);
      i += n;
    }
  return TRUE;
}

/* The log, newest first; a client's part of it is what concerns them and the
 * households they belong or belonged to. The two texts are two statements,
 * so each keeps its own index plan. A filter left out is a NULL, typed by
 * its cast: PostgreSQL cannot tell the type of a bare "?1 IS NULL". */
#define AUDIT_SELECT \
  "SELECT l.id, l.at, l.actor, l.entity, l.entity_id, l.action," \
  " coalesce (l.person_id, 0), p.last_name || ' ' || p.first_name" \
  " FROM audit_log l LEFT JOIN persons p ON p.id = l.person_id" \
  " WHERE (CAST (?1 AS TEXT) IS NULL OR l.actor = ?1)" \
  " AND (CAST (?2 AS TEXT) IS NULL OR l.at >= ?2)" \
  " AND (CAST (?3 AS TEXT) IS NULL OR l.at < ?3)"
#define AUDIT_ORDER " ORDER BY l.id DESC LIMIT ?4"

/* The start of a local day (the workstation's time zone) as the log's UTC
 * timestamps read, @days after @iso_date; NULL for no date. */
static char *
local_day_start_utc (const char *iso_date,
                     int         days)
{
  GDate d;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (iso_date == NULL || !gad_text_parse_date (iso_date, &d))
    return NULL;
  g_date_add_days (&d, days);
  local = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d),
                                 g_date_get_day (&d), 0, 0, 0);
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GPtrArray *
query_audit (GadStore    *self,
             gint64       person_id,
             const char  *actor,
             const char  *from,
             const char  *to,
             guint        limit,
             GError     **error)
{
  static const char *everyone = AUDIT_SELECT AUDIT_ORDER;
  static const char *one_client =
    AUDIT_SELECT
    " AND (l.person_id = ?5"
    "      OR (l.entity = 'household' AND l.entity_id IN"
    "          (SELECT household_id FROM household_members WHERE person_id = ?5)))"
    AUDIT_ORDER;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *since = local_day_start_utc (from, 0);
  g_autofree char *before = local_day_start_utc (to, 1);
  GadStmt *stmt;

  stmt = gad_store_statement (self, person_id ? one_client : everyone, error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_text (stmt, 1, actor);
  gad_stmt_bind_text (stmt, 2, since);
  gad_stmt_bind_text (stmt, 3, before);
  gad_stmt_bind_int64 (stmt, 4, limit ? (gint64) limit : G_MAXINT64);
  if (person_id)
    gad_stmt_bind_int64 (stmt, 5, person_id);
  entries = gad_store_collect (self, stmt, audit_entry_from_row,
                               (GDestroyNotify) gad_audit_entry_free, error);
  if (entries == NULL || !load_changes (self, entries, error))
    return NULL;
  return g_steal_pointer (&entries);
}

/**
 * gad_store_list_audit:
 *
 * A client's history, as their file shows it: every change to the client,
 * their cases, memberships and households, and every opening of the file.
 */
GPtrArray *
gad_store_list_audit (GadStore  *self,
                      gint64     person_id,
                      GError   **error)
{
  /* A client's history goes with their file; the whole log with the audit right. */
  if (!gad_store_can (self, GAD_RIGHT_AUDIT, 0)
      && !gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return NULL;
  return query_audit (self, person_id, NULL, NULL, NULL, 0, error);
}

/**
 * gad_store_query_audit:
 * @person_id: only what concerns this client; 0 for the whole service
 * @actor: (nullable): only what this staff member did (as the log names them)
 * @from: (nullable): the first day, ISO 8601, in the workstation's time zone
 * @to: (nullable): the last day
 * @limit: at most this many, newest first; 0 for all
 *
 * The service's audit log, filtered: every change and every opening of a
 * client's file, with the client it concerns. Needs the audit right.
 */
GPtrArray *
gad_store_query_audit (GadStore    *self,
                       gint64       person_id,
                       const char  *actor,
                       const char  *from,
                       const char  *to,
                       guint        limit,
                       GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_AUDIT, 0, error))
    return NULL;
  return query_audit (self, person_id, actor, from, to, limit, error);
}

/**
 * gad_store_refuse_stale:
 * @entity: the audit log's name for the record ("person", "case", ...)
 *
 * Someone saved the record after the caller read it: fails with
 * %GAD_STORE_ERROR_CONFLICT saying who, when and what they changed, from the
 * newest change in the log. Always returns %FALSE.
 */
gboolean
gad_store_refuse_stale (GadStore    *self,
                        const char  *entity,
                        gint64       entity_id,
                        GError     **error)
{
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT id, at, actor, entity, entity_id, action,"
                                            " person_id, NULL FROM audit_log l"
                                            " WHERE entity = ? AND entity_id = ?"
                                            " AND EXISTS (SELECT 1 FROM audit_changes"
                                            "             WHERE audit_id = l.id)"
                                            " ORDER BY id DESC LIMIT 1",
                                            NULL);
  g_autoptr(GPtrArray) last = NULL;
  g_autoptr(GString) what = g_string_new (NULL);
  g_autofree char *day = NULL, *time = NULL;
  GadAuditEntry *e;

  if (stmt)
    {
      gad_stmt_bind_text (stmt, 1, entity);
      gad_stmt_bind_int64 (stmt, 2, entity_id);
      last = gad_store_collect (self, stmt, audit_entry_from_row,
                                (GDestroyNotify) gad_audit_entry_free, NULL);
    }
  if (last == NULL || last->len == 0 || !load_changes (self, last, NULL))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT,
                   _("Someone changed this after you opened it. Nothing was saved: open it "
                     "again to see their change, then make yours."));
      return FALSE;
    }
  e = g_ptr_array_index (last, 0);
  for (guint i = 0; i < e->changes->len && i < 3; i++)
    {
      GadAuditChange *c = g_ptr_array_index (e->changes, i);
      g_autofree char *old_value = gad_audit_value (c->field, c->old_value);
      g_autofree char *new_value = gad_audit_value (c->field, c->new_value);

      if (i > 0)
        g_string_append (what, "; ");
      /* TRANSLATORS: a changed field in a refused save: field, old value, new value */
      g_string_append_printf (what, _("%s: %s → %s"), gad_audit_field_label (c->field),
                              old_value, new_value);
    }
  if (e->changes->len > 3)
    g_string_append (what, "; …");
  day = gad_text_local_time (e->at, "%d.%m.%Y");
  time = gad_text_local_time (e->at, "%H:%M");
  /* TRANSLATORS: who, the day, the time, what they changed */
  g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT,
               _("%s changed this on %s at %s, after you opened it — %s. Nothing was saved: "
                 "open it again to see their change, then make yours."),
               e->actor, day, time, what->str);
  return FALSE;
}

/* Who appears in the audit log, by name. */
GStrv
gad_store_list_audit_actors (GadStore *self)
{
  if (!gad_store_can (self, GAD_RIGHT_AUDIT, 0))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT DISTINCT actor FROM audit_log ORDER BY actor",
                                            NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  while (stmt && gad_stmt_step (stmt) == GAD_DB_ROW)
    g_strv_builder_add (names, gad_stmt_column_text (stmt, 0));
  if (stmt)
    gad_stmt_reset (stmt);
  return g_strv_builder_end (names);
}

static gboolean
record_access (GadStore    *self,
               gint64       person_id,
               GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error))
    return FALSE;
  if (!gad_store_begin (self, error))
    return FALSE;
  if (!gad_store_audit (self, "person", person_id, person_id, "open", NULL, error))
    {
      gad_store_rollback (self);
      return FALSE;
    }
  return gad_store_commit (self, error);
}

gboolean
gad_store_record_access (GadStore    *self,
                         gint64       person_id,
                         GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, record_access (self, person_id, error));
  return ok;
}

/**
 * gad_store_record_read:
 * @person_id: the client whose data was read, or 0 for many
 * @what: what was read, as the log shows it ("assessment", "letter 2026/SD-000001")
 * @persons: with @person_id 0, how many persons' data it held
 *
 * Client data left Gādība's screens — printed, written to a file, shown by
 * the command line: who, when, what and for how many, in the audit log. A
 * bulk read is one row.
 */
static gboolean
record_read (GadStore    *self,
             gint64       person_id,
             const char  *what,
             guint        persons,
             GError     **error)
{
  g_autofree char *count = g_strdup_printf ("%u", persons);
  GArray *changes;

  if (!gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error) || !gad_store_begin (self, error))
    return FALSE;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "read", NULL, what);
  if (person_id <= 0)
    gad_field_changes_add (changes, "persons", NULL, count);
  if (!gad_store_audit (self, person_id > 0 ? "person" : "registry", MAX (person_id, 0),
                        person_id, "read", changes, error))
    {
      gad_store_rollback (self);
      return FALSE;
    }
  return gad_store_commit (self, error);
}

gboolean
gad_store_record_read (GadStore    *self,
                       gint64       person_id,
                       const char  *what,
                       guint        persons,
                       GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, record_read (self, person_id, what, persons, error));
  return ok;
}
