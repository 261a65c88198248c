/* gad-store-audit.c — the audit log: one row a write, chained by hash, and
 * the walk that verifies the chain
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-password.h"
#include "gad-store-private.h"

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

#define CHANGES_AT_ONCE 16

/* INSERT of @n changes (the store keeps one prepared for each @n). */
static GadStmt *
changes_statement (GadStore  *self,
                   guint      n,
                   GError   **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO audit_changes (audit_id, field, old_value,"
                                         " new_value, salt, hash) VALUES ");

  for (guint k = 0; k < n; k++)
    g_string_append (sql, k ? ", (?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?)");
  return gad_store_statement (self, sql->str, error);
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

  /* Nobody else appends in between: the file is the transaction's; on a
   * server the lock on the chain's end is, until the transaction ends
   * (gad_audit_last() takes it before it reads the end: one round trip). */
  stmt = gad_store_statement (self, gad_store_is_server (self)
                                      ? "SELECT id, hash FROM gad_audit_last ()"
                                      : "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
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

  if (!gad_store_note_save (self, audit_id, entity, entity_id, person_id, action, error))
    {
      if (changes)
        g_array_unref (changes);
      return FALSE;
    }
  stmt = gad_store_statement (self,
                              "INSERT INTO audit_log (id, at, actor_id, actor, entity, entity_id,"
                              " person_id, action, hash, save_id)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
      if (self->save.id)
        gad_stmt_bind_text (stmt, 10, self->save.id);
      ok = gad_store_step_done (self, stmt, error);
    }

  /* The changes in statements of up to CHANGES_AT_ONCE rows, in their
   * order: on a server every statement is a round trip made while the
   * chain's end is held, and everyone's saves wait for it. */
  for (guint i = 0; ok && changes && i < changes->len; i += CHANGES_AT_ONCE)
    {
      guint n = MIN (CHANGES_AT_ONCE, changes->len - i);

      if ((stmt = changes_statement (self, n, error)) == NULL)
        {
          ok = FALSE;
          break;
        }
      for (guint k = 0; k < n; k++)
        {
          GadFieldChange *c = &g_array_index (changes, GadFieldChange, i + k);
          int at = 6 * (int) k;

          gad_stmt_bind_int64 (stmt, at + 1, audit_id);
          gad_stmt_bind_text (stmt, at + 2, c->field);
          gad_stmt_bind_text (stmt, at + 3, c->old_value);
          gad_stmt_bind_text (stmt, at + 4, c->new_value);
          bind_hex (stmt, at + 5, g_ptr_array_index (salts, i + k), SALT_BYTES);
          bind_hex (stmt, at + 6, g_ptr_array_index (parts, 3 * (i + k) + 1), HASH_BYTES);
        }
      ok = gad_store_step_done (self, stmt, error);
    }

  if (changes)
    g_array_unref (changes);
  return ok;
}

/* A row read for the chain: the log's 9 columns or a change's 7, any of
 * them NULL (so not a GStrv: g_strfreev() would stop at the first NULL). */
#define LOG_COLUMNS    9
#define CHANGE_COLUMNS 7

static void
free_log_row (char **row)
{
  for (guint c = 0; c < LOG_COLUMNS; c++)
    g_free (row[c]);
  g_free (row);
}

static void
free_change_row (char **row)
{
  for (guint c = 0; c < CHANGE_COLUMNS; c++)
    g_free (row[c]);
  g_free (row);
}

/* Every row of @stmt as a vector of its @n_columns texts; the columns from
 * @first_blob on are BLOBs, given in lower-case hex. */
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
      char **row = g_new0 (char *, n_columns);

      for (int c = 0; c < n_columns; c++)
        if (c < first_blob)
          row[c] = gad_store_column_dup (stmt, c);
        else if (!gad_stmt_column_is_null (stmt, c))
          {
            static const char digits[] = "0123456789abcdef";
            gsize size;
            const guint8 *bytes = gad_stmt_column_blob (stmt, c, &size);
            char *hex = g_malloc (2 * size + 1);

            for (gsize k = 0; k < size; k++)
              {
                hex[2 * k] = digits[bytes[k] >> 4];
                hex[2 * k + 1] = digits[bytes[k] & 0xf];
              }
            hex[2 * size] = '\0';
            row[c] = hex;
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

/* The chain is walked in batches of log rows with their changes: two
 * queries a batch, and memory for one batch, however long the log. */
#define CHAIN_BATCH 2000

/* A row's changes as the chain covers them (@changes[*at…] while their
 * audit id is @audit_id): field, old and new value before migration 12;
 * field and the hash of its values after it. Values are checked against
 * their hash unless erased (values and salt gone). With CHAIN_REHASH every
 * change gets its salt and hash now. */
static gboolean
chain_parts (GadStore   *self,
             GPtrArray  *changes,
             guint      *at,
             gint64      audit_id,
             ChainMode   mode,
             gboolean    by_value,
             GPtrArray  *parts,
             gboolean   *intact,
             GError    **error)
{
  for (; *at < changes->len; (*at)++)
    {
      /* audit_id, rowid, field, old_value, new_value, salt, hash */
      char **row = g_ptr_array_index (changes, *at);
      gint64 of = g_ascii_strtoll (row[0], NULL, 10);

      if (of < audit_id) /* a change whose row is gone: the gap is found there */
        continue;
      if (of > audit_id)
        break;
      if (mode == CHAIN_REHASH)
        {
          GadStmt *stmt = gad_store_statement (self, "UPDATE audit_changes SET salt = ?2,"
                                                     " hash = ?3 WHERE rowid = ?1", error);

          g_free (row[5]), g_free (row[6]);
          row[5] = gad_random_hex (SALT_BYTES);
          row[6] = change_hash (row[5], row[3], row[4]);
          if (stmt == NULL)
            return FALSE;
          gad_stmt_bind_int64 (stmt, 1, g_ascii_strtoll (row[1], NULL, 10));
          bind_hex (stmt, 2, row[5], SALT_BYTES);
          bind_hex (stmt, 3, row[6], HASH_BYTES);
          if (!gad_store_step_done (self, stmt, error))
            return FALSE;
        }
      else if (!by_value)
        {
          g_autofree char *expected = row[5] && *row[5] ? change_hash (row[5], row[3], row[4])
                                                        : NULL;

          if (expected ? g_strcmp0 (expected, row[6]) != 0 : row[3] != NULL || row[4] != NULL)
            *intact = FALSE;
        }
      g_ptr_array_add (parts, g_strdup (row[2]));
      g_ptr_array_add (parts, g_strdup (row[by_value ? 3 : 6]));
      g_ptr_array_add (parts, by_value ? g_strdup (row[4]) : NULL);
    }
  return TRUE;
}

/* One batch of the log from the row after @after_id, with its changes. */
static gboolean
read_chain_batch (GadStore   *self,
                  gint64      after_id,
                  ChainMode   mode,
                  gboolean    by_value,
                  GPtrArray  *rows,
                  GPtrArray  *changes,
                  GError    **error)
{
  GadStmt *stmt = gad_store_statement (self,
                                       "SELECT id, at, coalesce (actor_id, 0), actor, entity,"
                                       " entity_id, coalesce (person_id, 0), action, hash"
                                       " FROM audit_log WHERE id > ?1 ORDER BY id LIMIT ?2",
                                       error);

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, after_id);
  gad_stmt_bind_int64 (stmt, 2, CHAIN_BATCH);
  if (!read_rows (self, stmt, LOG_COLUMNS, LOG_COLUMNS, rows, error))
    return FALSE;
  if (rows->len == 0)
    return TRUE;
  /* Before migration 12 the salt and hash columns do not exist. */
  stmt = gad_store_statement (self, by_value && mode != CHAIN_REHASH
                                      ? "SELECT audit_id, rowid, field, old_value, new_value,"
                                        " NULL, NULL FROM audit_changes"
                                        " WHERE audit_id BETWEEN ?1 AND ?2"
                                        " ORDER BY audit_id, rowid"
                                      : "SELECT audit_id, rowid, field, old_value, new_value,"
                                        " salt, hash FROM audit_changes"
                                        " WHERE audit_id BETWEEN ?1 AND ?2"
                                        " ORDER BY audit_id, rowid",
                              error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, g_ascii_strtoll (((char **) rows->pdata[0])[0], NULL, 10));
  gad_stmt_bind_int64 (stmt, 2, g_ascii_strtoll (((char **) rows->pdata[rows->len - 1])[0],
                                                 NULL, 10));
  return read_rows (self, stmt, CHANGE_COLUMNS, 5, changes, error);
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
  g_autofree char *prev = NULL;
  gint64 last_id = 0;

  *broken_id = 0;
  *n_rows = 0;
  for (;;)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) free_log_row);
      g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                     free_change_row);
      guint at = 0;

      if (!read_chain_batch (self, last_id, mode, by_value, rows, changes, error))
        return FALSE;
      if (rows->len == 0)
        return TRUE;
      for (guint i = 0; i < rows->len; i++)
        {
          char **row = g_ptr_array_index (rows, i);
          gint64 id = g_ascii_strtoll (row[0], NULL, 10);
          g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *expected = NULL;
          gboolean intact = TRUE;

          if (!chain_parts (self, changes, &at, id, mode, by_value, parts, &intact, error))
            return FALSE;
          expected = row_hash (prev, id, row[1], g_ascii_strtoll (row[2], NULL, 10), row[3],
                               row[4], g_ascii_strtoll (row[5], NULL, 10),
                               g_ascii_strtoll (row[6], NULL, 10), row[7], parts->len / 3,
                               strv_change, parts);
          if ((mode == CHAIN_SEAL && row[8] == NULL) || mode == CHAIN_REHASH)
            {
              GadStmt *stmt = gad_store_statement (self, "UPDATE audit_log SET hash = ?"
                                                         " WHERE id = ?", error);

              if (stmt == NULL)
                return FALSE;
              gad_stmt_bind_text (stmt, 1, expected);
              gad_stmt_bind_int64 (stmt, 2, id);
              if (!gad_store_step_done (self, stmt, error))
                return FALSE;
              g_free (row[8]);
              row[8] = g_strdup (expected);
            }
          (*n_rows)++;
          if (!intact || g_strcmp0 (expected, row[8]) != 0 || (last_id > 0 && id != last_id + 1))
            {
              *broken_id = id;
              return TRUE;
            }
          g_free (prev);
          prev = g_strdup (row[8]);
          last_id = id;
        }
    }
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
