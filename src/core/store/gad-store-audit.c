/* gad-store-audit.c — the audit log: one row a write, chained by hash; reading it back
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-audit-text.h"
#include "gad-password.h"
#include "gad-store-private.h"
#include "gad-text.h"

/* The text a row's hash covers: the previous hash, the row, its changes,
 * fields apart by a unit separator, NULL as a record separator. */
static void
hash_field (GChecksum  *sum,
            const char *value)
{
  g_checksum_update (sum, (const guchar *) (value ? value : "\x1e"), -1);
  g_checksum_update (sum, (const guchar *) "\x1f", 1);
}

static char *
row_hash (const char *prev,
          gint64      id,
          const char *at,
          gint64      actor_id,
          const char *actor,
          const char *entity,
          gint64      entity_id,
          gint64      person_id,
          const char *action,
          guint       n_changes,
          const char *(*change) (gpointer data, guint i, guint part),
          gpointer    data)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *numbers = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %"
                                              G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                              id, actor_id, entity_id, person_id);

  hash_field (sum, prev);
  hash_field (sum, numbers);
  hash_field (sum, at);
  hash_field (sum, actor);
  hash_field (sum, entity);
  hash_field (sum, action);
  for (guint i = 0; i < n_changes; i++)
    for (guint part = 0; part < 3; part++)
      hash_field (sum, change (data, i, part));
  return g_strdup (g_checksum_get_string (sum));
}

/* How a change's values enter the chain: SHA-256 over a random salt (hex)
 * and the old and new value. Anonymisation erases the values with their salt
 * and keeps the hash, so the chain still verifies and the values cannot be
 * guessed back from it. The salt is 8 random bytes and the hash the first
 * 16 bytes of the SHA-256: a log of millions of changes stays small, and
 * forging a value to match is still a 2¹²⁸ search. */
#define SALT_BYTES 8
#define HASH_BYTES 16

static char *
change_hash (const char *salt,
             const char *old_value,
             const char *new_value)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  hash_field (sum, salt);
  hash_field (sum, old_value);
  hash_field (sum, new_value);
  return g_strndup (g_checksum_get_string (sum), 2 * HASH_BYTES);
}

/* Binds @hex (2 × @size digits) as a BLOB of @size bytes. */
static void
bind_hex (GadStmt    *stmt,
          int         column,
          const char *hex,
          gsize       size)
{
  guint8 bytes[32];

  g_assert (size <= sizeof bytes);
  for (gsize i = 0; i < size; i++)
    bytes[i] = g_ascii_xdigit_value (hex[2 * i]) << 4 | g_ascii_xdigit_value (hex[2 * i + 1]);
  gad_stmt_bind_blob (stmt, column, bytes, size);
}

static const char *
strv_change (gpointer data,
             guint    i,
             guint    part)
{
  GPtrArray *parts = data;

  return g_ptr_array_index (parts, 3 * i + part);
}

/* Called inside the write's own transaction, so the row and its audit entry
 * are committed together or not at all. Takes @changes. */
gboolean
gad_store_audit (GadStore    *self,
                 const char  *entity,
                 gint64       entity_id,
                 gint64       person_id,
                 const char  *action,
                 GArray      *changes,
                 GError     **error)
{
  g_autofree char *now = gad_store_now ();
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GPtrArray) salts = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  GadStmt *stmt;
  gint64 audit_id;
  gboolean ok = TRUE;
  int rc;

  g_assert (self->depth > 0);

  /* The transaction holds the write lock: nobody else appends in between. */
  stmt = gad_store_statement (self, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    {
      if (changes)
        g_array_unref (changes);
      return FALSE;
    }
  audit_id = 1;
  rc = gad_stmt_step (stmt);
  if (rc == GAD_DB_ROW)
    {
      audit_id = gad_stmt_column_int64 (stmt, 0) + 1;
      prev = gad_store_column_dup (stmt, 1);
    }
  gad_stmt_reset (stmt);
  if (rc != GAD_DB_ROW && rc != GAD_DB_DONE)
    {
      if (changes)
        g_array_unref (changes);
      return gad_store_fail (self, error);
    }
  /* The chain covers each change's field and the hash of its values. */
  salts = g_ptr_array_new_with_free_func (g_free);
  parts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; changes && i < changes->len; i++)
    {
      GadFieldChange *c = &g_array_index (changes, GadFieldChange, i);
      char *salt = gad_random_hex (SALT_BYTES);

      g_ptr_array_add (salts, salt);
      g_ptr_array_add (parts, g_strdup (c->field));
      g_ptr_array_add (parts, change_hash (salt, c->old_value, c->new_value));
      g_ptr_array_add (parts, NULL);
    }
  hash = row_hash (prev, audit_id, now, self->actor_id, self->actor, entity, entity_id,
                   MAX (person_id, 0), action, salts->len, strv_change, parts);

  stmt = gad_store_statement (self,
                              "INSERT INTO audit_log (id, at, actor_id, actor, entity, entity_id,"
                              " person_id, action, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    ok = FALSE;
  else
    {
      gad_stmt_bind_int64 (stmt, 1, audit_id);
      gad_stmt_bind_text (stmt, 2, now);
      if (self->actor_id > 0)
        gad_stmt_bind_int64 (stmt, 3, self->actor_id);
      gad_stmt_bind_text (stmt, 4, self->actor);
      gad_stmt_bind_text (stmt, 5, entity);
      gad_stmt_bind_int64 (stmt, 6, entity_id);
      if (person_id > 0)
        gad_stmt_bind_int64 (stmt, 7, person_id);
      gad_stmt_bind_text (stmt, 8, action);
      gad_stmt_bind_text (stmt, 9, hash);
      ok = gad_store_step_done (self, stmt, error);
    }

  for (guint i = 0; ok && changes && i < changes->len; i++)
    {
      GadFieldChange *c = &g_array_index (changes, GadFieldChange, i);

      stmt = gad_store_statement (self,
                                  "INSERT INTO audit_changes (audit_id, field, old_value,"
                                  " new_value, salt, hash) VALUES (?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      gad_stmt_bind_int64 (stmt, 1, audit_id);
      gad_stmt_bind_text (stmt, 2, c->field);
      gad_stmt_bind_text (stmt, 3, c->old_value);
      gad_stmt_bind_text (stmt, 4, c->new_value);
      bind_hex (stmt, 5, g_ptr_array_index (salts, i), SALT_BYTES);
      bind_hex (stmt, 6, g_ptr_array_index (parts, 3 * i + 1), HASH_BYTES);
      ok = gad_store_step_done (self, stmt, error);
    }

  if (changes)
    g_array_unref (changes);
  return ok;
}

/* Every row of @stmt as a NULL-terminated vector of its @n_columns texts;
 * the columns from @first_blob on are BLOBs, given in lower-case hex. */
static gboolean
read_rows (GadStore   *self,
           GadStmt    *stmt,
           int         n_columns,
           int         first_blob,
           GPtrArray  *rows,
           GError    **error)
{
  GadDbStep rc;

  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      char **row = g_new0 (char *, n_columns + 1);

      for (int c = 0; c < n_columns; c++)
        if (c < first_blob)
          row[c] = gad_store_column_dup (stmt, c);
        else if (!gad_stmt_column_is_null (stmt, c))
          {
            gsize size;
            const guint8 *bytes = gad_stmt_column_blob (stmt, c, &size);
            GString *hex = g_string_sized_new (2 * size + 1);

            for (gsize k = 0; k < size; k++)
              g_string_append_printf (hex, "%02x", bytes[k]);
            row[c] = g_string_free (hex, FALSE);
          }
      g_ptr_array_add (rows, row);
    }
  gad_stmt_reset (stmt);
  return rc == GAD_DB_DONE || gad_store_fail (self, error);
}

typedef enum
{
  CHAIN_VERIFY,   /* find the first row that does not match */
  CHAIN_SEAL,     /* migration 4: hash the rows written before the chain */
  CHAIN_REHASH,   /* migration 12: chain over value hashes instead of values */
} ChainMode;

/* A row's changes as the chain covers them: field, old and new value
 * before migration 12; field and the hash of its values after it. Values are
 * checked against their hash unless erased (values and salt gone). With
 * CHAIN_REHASH every change gets its salt and hash now. */
static gboolean
load_chain_parts (GadStore   *self,
                  gint64      audit_id,
                  ChainMode   mode,
                  gboolean    by_value,
                  GPtrArray  *parts,
                  gboolean   *intact,
                  GError    **error)
{
  /* Before migration 12 the salt and hash columns do not exist. */
  GadStmt *stmt = gad_store_statement (self, by_value && mode != CHAIN_REHASH
                                            ? "SELECT rowid, field, old_value, new_value, NULL,"
                                              " NULL FROM audit_changes"
                                              " WHERE audit_id = ? ORDER BY rowid"
                                            : "SELECT rowid, field, old_value, new_value,"
                                              " salt, hash FROM audit_changes"
                                              " WHERE audit_id = ? ORDER BY rowid",
                                            error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, audit_id);
  if (!read_rows (self, stmt, 6, 4, rows, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (mode == CHAIN_REHASH)
        {
          g_free (row[4]), g_free (row[5]);
          row[4] = gad_random_hex (SALT_BYTES);
          row[5] = change_hash (row[4], row[2], row[3]);
          stmt = gad_store_statement (self, "UPDATE audit_changes SET salt = ?2, hash = ?3"
                                            " WHERE rowid = ?1", error);
          if (stmt == NULL)
            return FALSE;
          gad_stmt_bind_int64 (stmt, 1, g_ascii_strtoll (row[0], NULL, 10));
          bind_hex (stmt, 2, row[4], SALT_BYTES);
          bind_hex (stmt, 3, row[5], HASH_BYTES);
          if (!gad_store_step_done (self, stmt, error))
            return FALSE;
        }
      else if (!by_value)
        {
          g_autofree char *expected = row[4] && *row[4] ? change_hash (row[4], row[2], row[3])
                                                        : NULL;

          if (expected ? g_strcmp0 (expected, row[5]) != 0 : row[2] != NULL || row[3] != NULL)
            *intact = FALSE;
        }
      g_ptr_array_add (parts, g_strdup (row[1]));
      g_ptr_array_add (parts, g_strdup (row[by_value ? 2 : 5]));
      g_ptr_array_add (parts, by_value ? g_strdup (row[3]) : NULL);
    }
  return TRUE;
}

/* Recomputes the chain from the first row; the first row that does not
 * match, or whose id leaves a gap, is returned in @broken_id. @by_value: the
 * chain as it was before migration 12. */
static gboolean
walk_audit_chain (GadStore  *self,
                  ChainMode  mode,
                  gboolean   by_value,
                  gint64    *broken_id,
                  gint64    *n_rows,
                  GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *prev = NULL;
  GadStmt *stmt;

  *broken_id = 0;
  *n_rows = 0;
  stmt = gad_store_statement (self,
                              "SELECT id, at, coalesce (actor_id, 0), actor, entity, entity_id,"
                              " coalesce (person_id, 0), action, hash FROM audit_log ORDER BY id",
                              error);
  if (stmt == NULL || !read_rows (self, stmt, 9, 9, rows, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      gint64 id = g_ascii_strtoll (row[0], NULL, 10);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *expected = NULL;
      gboolean intact = TRUE;

      if (!load_chain_parts (self, id, mode, by_value, parts, &intact, error))
        return FALSE;
      expected = row_hash (prev, id, row[1], g_ascii_strtoll (row[2], NULL, 10), row[3], row[4],
                           g_ascii_strtoll (row[5], NULL, 10), g_ascii_strtoll (row[6], NULL, 10),
                           row[7], parts->len / 3, strv_change, parts);
      (*n_rows)++;
      if ((mode == CHAIN_SEAL && row[8] == NULL) || mode == CHAIN_REHASH)
        {
          stmt = gad_store_statement (self, "UPDATE audit_log SET hash = ? WHERE id = ?", error);
          if (stmt == NULL)
            return FALSE;
          gad_stmt_bind_text (stmt, 1, expected);
          gad_stmt_bind_int64 (stmt, 2, id);
          if (!gad_store_step_done (self, stmt, error))
            return FALSE;
          g_free (row[8]);
          row[8] = g_strdup (expected);
        }
      if (!intact || g_strcmp0 (expected, row[8]) != 0
          || (i > 0 && id != g_ascii_strtoll (((char **) g_ptr_array_index (rows, i - 1))[0],
                                              NULL, 10) + 1))
        {
          *broken_id = id;
          return TRUE;
        }
      g_free (prev);
      prev = g_strdup (row[8]);
    }
  return TRUE;
}

/* Run by migration 4, before the log becomes append-only. */
gboolean
gad_store_seal_audit_chain (GadStore  *self,
                  GError   **error)
{
  gint64 broken_id, n_rows;

  return walk_audit_chain (self, CHAIN_SEAL, TRUE, &broken_id, &n_rows, error);
}

/* Run by migration 12: the chain as it stands must hold; then every value
 * gets its salt and hash and the chain is computed again over the hashes. */
gboolean
gad_store_rehash_audit_chain (GadStore  *self,
                    GError   **error)
{
  gint64 broken_id, n_rows;

  if (!walk_audit_chain (self, CHAIN_VERIFY, TRUE, &broken_id, &n_rows, error))
    return FALSE;
  if (broken_id != 0)
    {
      g_autofree char *entry = g_strdup_printf ("%" G_GINT64_FORMAT, broken_id);

      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("The audit log was changed at entry %s, so this database is not brought up "
                     "to date. Restore it from a backup."),
                   entry);
      return FALSE;
    }
  return walk_audit_chain (self, CHAIN_REHASH, FALSE, &broken_id, &n_rows, error);
}

/**
 * gad_store_verify_audit:
 * @broken_id: (out): the first row whose hash does not match, or 0
 * @n_rows: (out): how many rows were checked
 *
 * Recomputes the audit log's hash chain from the first row.
 *
 * Returns: %TRUE when it could be read; then @broken_id says whether it holds
 */
gboolean
gad_store_verify_audit (GadStore  *self,
                        gint64    *broken_id,
                        gint64    *n_rows,
                        GError   **error)
{
  return walk_audit_chain (self, CHAIN_VERIFY, FALSE, broken_id, n_rows, error);
}

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

static gpointer
audit_change_from_row (GadStmt *stmt)
{
  GadAuditChange *c = g_new0 (GadAuditChange, 1);

  c->field = gad_store_column_dup (stmt, 0);
  c->old_value = gad_store_column_dup (stmt, 1);
  c->new_value = gad_store_column_dup (stmt, 2);
  return c;
}

static gboolean
load_changes (GadStore   *self,
              GPtrArray  *entries,
              GError    **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      GadAuditEntry *e = g_ptr_array_index (entries, i);
      GadStmt *stmt = gad_store_statement (self,
                                                "SELECT field, old_value, new_value FROM audit_changes"
                                                " WHERE audit_id = ? ORDER BY rowid",
                                                error);

      if (stmt == NULL)
        return FALSE;
      gad_stmt_bind_int64 (stmt, 1, e->id);
      e->changes = gad_store_collect (self, stmt, audit_change_from_row,
                                      (GDestroyNotify) gad_audit_change_free, error);
      if (e->changes == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The log, newest first; a client's part of it is what concerns them and the
 * households they belong or belonged to. The two texts are two statements,
 * so each keeps its own index plan. */
#define AUDIT_SELECT \
  "SELECT l.id, l.at, l.actor, l.entity, l.entity_id, l.action," \
  " coalesce (l.person_id, 0), p.last_name || ' ' || p.first_name" \
  " FROM audit_log l LEFT JOIN persons p ON p.id = l.person_id" \
  " WHERE (?1 IS NULL OR l.actor = ?1)" \
  " AND (?2 IS NULL OR l.at >= ?2)" \
  " AND (?3 IS NULL OR l.at < ?3)"
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

gboolean
gad_store_record_access (GadStore    *self,
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
gboolean
gad_store_record_read (GadStore    *self,
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
