/* gad-store.c — opening, migrations, transactions and the audit log
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "gad-audit-text.h"
#include "gad-password.h"
#include "gad-store-resources.h"
#include "gad-store-private.h"
#include "gad-text.h"

G_DEFINE_QUARK (gad-store-error-quark, gad_store_error)
G_DEFINE_FINAL_TYPE (GadStore, gad_store, G_TYPE_OBJECT)

/* Migrations are numbered SQL files per engine, bundled as resources:
 * "NNNN.sql" brings the schema from the previous file's number to NNNN
 * (PostgreSQL's first file builds the whole schema of its version at
 * once), and "NNNN-after.sql", where there is one, runs after the C step
 * of migration NNNN. Never edit one that has shipped; add the next. */
#define MIGRATIONS "/lv/gadiba/Gadiba/migrations/"

static const char *
engine_folder (GadDbEngine engine)
{
  return engine == GAD_DB_POSTGRESQL ? "postgresql" : "sqlite";
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The numbers of @engine's migrations, ascending. */
static GArray *
migration_numbers (GadDbEngine engine)
{
  g_autofree char *folder = g_strconcat (MIGRATIONS, engine_folder (engine), "/", NULL);
  g_auto(GStrv) names = g_resource_enumerate_children (gad_store_get_resource (), folder, 0, NULL);
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; names && names[i]; i++)
    {
      char *end = NULL;
      int n = (int) strtol (names[i], &end, 10);

      if (n > 0 && g_str_equal (end, ".sql"))
        g_array_append_val (numbers, n);
    }
  g_array_sort (numbers, compare_numbers);
  return numbers;
}

static GBytes *
migration_sql (GadDbEngine engine,
               int         number,
               const char *suffix)
{
  g_autofree char *path = g_strdup_printf (MIGRATIONS "%s/%04d%s.sql", engine_folder (engine),
                                           number, suffix);

  return g_resource_lookup_data (gad_store_get_resource (), path, 0, NULL);
}

int
gad_store_schema_version (void)
{
  g_autoptr(GArray) numbers = migration_numbers (GAD_DB_SQLITE);

  return numbers->len ? g_array_index (numbers, int, numbers->len - 1) : 0;
}

static void
finalize_statement (gpointer stmt)
{
  gad_stmt_free (stmt);
}

static void
gad_store_finalize (GObject *object)
{
  GadStore *self = GAD_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, gad_db_close);
  g_free (self->path);
  g_free (self->actor);
  g_free (self->username);
  g_free (self->department);
  G_OBJECT_CLASS (gad_store_parent_class)->finalize (object);
}

static void
gad_store_class_init (GadStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gad_store_finalize;
}

static void
gad_store_init (GadStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            finalize_statement);
  self->actor = g_strdup ("gadiba");
  self->department = g_strdup ("");
}

gboolean
gad_store_fail (GadStore  *self,
                GError   **error)
{
  switch (gad_db_error (self->db))
    {
    case GAD_DB_ERROR_FOREIGN_KEY:
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("The record refers to something that no longer exists. Reload and try again."));
      break;
    case GAD_DB_ERROR_BUSY:
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("The database is busy in another window. Try again in a moment."));
      break;
    case GAD_DB_ERROR_CONNECTION:
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_UNREACHABLE,
                   _("The connection to the database server was lost. Nothing was saved; what "
                     "you typed is still here. Try again when the network is back."));
      break;
    case GAD_DB_ERROR_PRIVILEGE:
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                   _("The database server does not let your account do this (%s). Nothing was "
                     "changed."),
                   gad_db_message (self->db));
      break;
    default:
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("The database could not be read or written (%s). Nothing was changed."),
                   gad_db_message (self->db));
    }
  return FALSE;
}

GadDbError
gad_store_error_kind (GadStore *self)
{
  return gad_db_error (self->db);
}

/* Statements are prepared once per connection and kept: SQL text is always a
 * literal in this module, so its address is a stable key. */
GadStmt *
gad_store_statement (GadStore    *self,
                     const char  *sql,
                     GError     **error)
{
  GadStmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt)
    {
      gad_stmt_clear (stmt);
      return stmt;
    }
  stmt = gad_db_prepare (self->db, sql);
  if (stmt == NULL)
    {
      gad_store_fail (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
gad_store_step_done (GadStore  *self,
                     GadStmt   *stmt,
                     GError   **error)
{
  GadDbStep rc = gad_stmt_step (stmt);

  gad_stmt_reset (stmt);
  if (rc == GAD_DB_FAILED)
    return gad_store_fail (self, error);
  return TRUE;
}

/* Steps an INSERT … RETURNING id and gives the new row's id, or 0 with @error set. */
gint64
gad_store_insert_id (GadStore  *self,
                     GadStmt   *stmt,
                     GError   **error)
{
  GadDbStep rc = gad_stmt_step (stmt);
  gint64 id = rc == GAD_DB_ROW ? gad_stmt_column_int64 (stmt, 0) : 0;

  gad_stmt_reset (stmt);
  if (rc != GAD_DB_ROW)
    {
      gad_store_fail (self, error);
      return 0;
    }
  return id;
}

char *
gad_store_column_dup (GadStmt *stmt,
                      int      column)
{
  return g_strdup (gad_stmt_column_text (stmt, column));
}

/* Steps @stmt to the end, turning each row into a record with @row. */
GPtrArray *
gad_store_collect (GadStore       *self,
                   GadStmt        *stmt,
                   gpointer      (*row) (GadStmt *stmt),
                   GDestroyNotify  free_func,
                   GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (free_func);
  GadDbStep rc;

  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    g_ptr_array_add (records, row (stmt));
  gad_stmt_reset (stmt);
  if (rc != GAD_DB_DONE)
    {
      gad_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

/* The first column of the first row of @sql with @key bound to ?1, or 0. */
gint64
gad_store_lookup_id (GadStore   *self,
                     const char *sql,
                     gint64      key)
{
  GadStmt *stmt = gad_store_statement (self, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  gad_stmt_bind_int64 (stmt, 1, key);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    id = gad_stmt_column_int64 (stmt, 0);
  gad_stmt_reset (stmt);
  return id;
}

/* Like gad_store_lookup_id() for a text column; NULL when there is no row. */
char *
gad_store_lookup_text (GadStore   *self,
                       const char *sql,
                       gint64      key)
{
  GadStmt *stmt = gad_store_statement (self, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, key);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    text = gad_store_column_dup (stmt, 0);
  gad_stmt_reset (stmt);
  return text;
}

char *
gad_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
exec (GadStore    *self,
      const char  *sql,
      GError     **error)
{
  if (!gad_db_exec (self->db, sql))
    return gad_store_fail (self, error);
  return TRUE;
}

/* Nested calls become savepoints, so one bad record in a batch can be undone
 * without losing the rest of the batch's transaction. */
gboolean
gad_store_begin (GadStore  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  /* One writer at a time, as SQLite's BEGIN IMMEDIATE has it on a file:
   * the audit chain appends to the row it has just read. */
  if (self->depth > 0)
    sql = g_strdup_printf ("SAVEPOINT gad_%u", self->depth);
  else if (gad_db_engine (self->db) == GAD_DB_POSTGRESQL)
    sql = g_strdup ("BEGIN; SELECT pg_advisory_xact_lock (4243)");
  else
    sql = g_strdup ("BEGIN IMMEDIATE");
  if (!exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
gad_store_commit (GadStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE gad_%u", self->depth - 1);
  if (!exec (self, sql, error))
    {
      gad_store_rollback (self);
      return FALSE;
    }
  if (--self->depth < self->import_depth)
    self->import_depth = 0;
  return TRUE;
}

void
gad_store_rollback (GadStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->depth > 0);

  sql = self->depth == 1
          ? g_strdup ("ROLLBACK")
          : g_strdup_printf ("ROLLBACK TO gad_%u; RELEASE gad_%u", self->depth - 1,
                             self->depth - 1);
  gad_db_exec (self->db, sql);
  if (--self->depth < self->import_depth)
    self->import_depth = 0;
}

static gboolean seal_audit_chain (GadStore *self, GError **error);
static gboolean rehash_audit_chain (GadStore *self, GError **error);

/* The schema version the database has, 0 for an empty one. */
static gboolean
read_version (GadStore  *self,
              int       *version,
              GError   **error)
{
  GadStmt *stmt;

  *version = 0;
  if (gad_db_engine (self->db) == GAD_DB_POSTGRESQL)
    {
      stmt = gad_store_statement (self, "SELECT to_regclass ('gadiba_schema') IS NOT NULL", error);
      if (stmt == NULL || gad_stmt_step (stmt) != GAD_DB_ROW)
        return stmt ? gad_store_fail (self, error) : FALSE;
      if (!gad_stmt_column_int (stmt, 0))
        {
          gad_stmt_reset (stmt);
          return TRUE;
        }
      gad_stmt_reset (stmt);
      stmt = gad_store_statement (self, "SELECT version FROM gadiba_schema", error);
    }
  else
    stmt = gad_store_statement (self, "PRAGMA user_version", error);
  if (stmt == NULL)
    return FALSE;
  if (gad_stmt_step (stmt) != GAD_DB_ROW)
    return gad_store_fail (self, error);
  *version = gad_stmt_column_int (stmt, 0);
  gad_stmt_reset (stmt);
  return TRUE;
}

static gboolean
run_migration (GadStore  *self,
               int        number,
               GError   **error)
{
  GadDbEngine engine = gad_db_engine (self->db);
  g_autoptr(GBytes) sql = migration_sql (engine, number, "");
  g_autoptr(GBytes) after = migration_sql (engine, number, "-after");
  g_autofree char *bump = engine == GAD_DB_POSTGRESQL
                            ? g_strdup_printf ("UPDATE gadiba_schema SET version = %d", number)
                            : g_strdup_printf ("PRAGMA user_version = %d", number);

  g_assert (sql != NULL);
  return exec (self, g_bytes_get_data (sql, NULL), error)
         && (number != 4 || seal_audit_chain (self, error))
         && (number != 12 || rehash_audit_chain (self, error))
         && (after == NULL || exec (self, g_bytes_get_data (after, NULL), error))
         && exec (self, bump, error);
}

static gboolean
migrate (GadStore  *self,
         int        target,
         GError   **error)
{
  g_autoptr(GArray) numbers = migration_numbers (gad_db_engine (self->db));
  int version;

  if (!read_version (self, &version, error))
    return FALSE;
  if (version > gad_store_schema_version ())
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_TOO_NEW,
                   _("This database was written by a newer version of Gādība (schema %d; this "
                     "version knows up to %d). Install the newer version to open it."),
                   version, gad_store_schema_version ());
      return FALSE;
    }
  if (version >= target)
    return TRUE;

  if (!gad_store_begin (self, error))
    return FALSE;
  /* Two workstations starting on a new server database take turns. */
  if (gad_db_engine (self->db) == GAD_DB_POSTGRESQL
      && !exec (self, "SELECT pg_advisory_xact_lock (4242)", error))
    goto failed;
  if (!read_version (self, &version, error))
    goto failed;
  for (guint i = 0; i < numbers->len; i++)
    {
      int number = g_array_index (numbers, int, i);

      if (number <= version || number > target)
        continue;
      if (!run_migration (self, number, error))
        goto failed;
      version = number;
    }
  return gad_store_commit (self, error);

failed:
  gad_store_rollback (self);
  return FALSE;
}

/* The database to open when none is named: $GADIBA_DB (a file or a server's
 * connection string), else the file in the user's data folder. */
char *
gad_store_default_path (void)
{
  const char *env = g_getenv ("GADIBA_DB");

  if (env && *env)
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "gadiba", "gadiba.db", NULL);
}

/**
 * gad_store_open:
 * @path: the database file, created empty (with its folder) if it does not
 *   exist; or a PostgreSQL connection string ("postgresql://…", "service=…")
 *
 * Opens a connection and brings the schema up to date. Each thread that
 * works with the data opens its own store.
 */
GadStore *
gad_store_open (const char  *path,
                GError     **error)
{
  return gad_store_open_upto (path, gad_store_schema_version (), error);
}

/* gad_store_open(), bringing the schema up to @target only: for the tests
 * of an upgrade from an older version. */
GadStore *
gad_store_open_upto (const char  *path,
                     int          target,
                     GError     **error)
{
  g_autoptr(GadStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (GAD_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->db = gad_db_open (path, error);
  if (self->db == NULL || !migrate (self, target, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Brings an open database (a restored one, say) up to this version's schema. */
gboolean
gad_store_migrate (GadStore  *self,
                   GError   **error)
{
  return migrate (self, gad_store_schema_version (), error);
}

/* Whether @target names a server (a postgresql:// address, service=NAME)
 * rather than a file. */
gboolean
gad_store_is_address (const char *target)
{
  return gad_db_is_uri (target);
}

/* How many bytes the database takes: the file's pages, or the server's. */
gint64
gad_store_size (GadStore *self)
{
  return gad_store_lookup_id (self, gad_db_engine (self->db) == GAD_DB_POSTGRESQL
                                      ? "SELECT pg_database_size (current_database ()) + ?1"
                                      : "SELECT page_count * page_size + ?1"
                                        " FROM pragma_page_count (), pragma_page_size ()",
                              0);
}

static gboolean
server_exec (const char  *server,
             const char  *verb,
             const char  *name,
             const char  *tail,
             GError     **error)
{
  g_autoptr(GadDb) db = NULL;
  g_autofree char *sql = NULL;

  if (!gad_db_is_uri (server) || name[strspn (name, "abcdefghijklmnopqrstuvwxyz0123456789_")])
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("A server database is named with small Latin letters, digits and “_” on a "
                     "server given by its postgresql:// address or service=NAME."));
      return FALSE;
    }
  if ((db = gad_db_open (server, error)) == NULL)
    return FALSE;
  sql = g_strconcat (verb, name, tail, NULL);
  if (!gad_db_exec (db, sql))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED, "%s", gad_db_message (db));
      return FALSE;
    }
  return TRUE;
}

/* A new, empty database @name on @server (a connection to an existing
 * database there, such as "dbname=postgres"); its address. For benchmarks
 * and tests: a service's database is its administrator's to make. */
char *
gad_store_create_server_database (const char  *server,
                                  const char  *name,
                                  GError     **error)
{
  if (!server_exec (server, "CREATE DATABASE ", name, "", error))
    return NULL;
  return gad_db_with_dbname (server, name);
}

gboolean
gad_store_drop_server_database (const char  *server,
                                const char  *name,
                                GError     **error)
{
  return server_exec (server, "DROP DATABASE IF EXISTS ", name, " WITH (FORCE)", error);
}

gboolean
gad_store_is_server (GadStore *self)
{
  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  return gad_db_engine (self->db) == GAD_DB_POSTGRESQL;
}

const char *
gad_store_get_path (GadStore *self)
{
  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  return self->path;
}

/* Who writes now: a staff member's name, or the fallback. */
const char *
gad_store_actor_name (GadStore *self)
{
  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  return self->actor;
}

static void
field_change_clear (GadFieldChange *c)
{
  g_clear_pointer (&c->old_value, g_free);
  g_clear_pointer (&c->new_value, g_free);
}

/* A list of field changes; g_array_unref() frees it with its values. */
GArray *
gad_field_changes_new (void)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (GadFieldChange));

  g_array_set_clear_func (changes, (GDestroyNotify) field_change_clear);
  return changes;
}

/* Records a field only when it really changed; NULL and "" are the same. */
void
gad_field_changes_add (GArray     *changes,
                       const char *field,
                       const char *old_value,
                       const char *new_value)
{
  GadFieldChange change = { field, NULL, NULL };

  if (g_strcmp0 (old_value && *old_value ? old_value : NULL,
                 new_value && *new_value ? new_value : NULL) == 0)
    return;
  change.old_value = old_value && *old_value ? g_strdup (old_value) : NULL;
  change.new_value = new_value && *new_value ? g_strdup (new_value) : NULL;
  g_array_append_val (changes, change);
}

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
static gboolean
seal_audit_chain (GadStore  *self,
                  GError   **error)
{
  gint64 broken_id, n_rows;

  return walk_audit_chain (self, CHAIN_SEAL, TRUE, &broken_id, &n_rows, error);
}

/* Run by migration 12: the chain as it stands must hold; then every value
 * gets its salt and hash and the chain is computed again over the hashes. */
static gboolean
rehash_audit_chain (GadStore  *self,
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

gint64
gad_store_add_territory (GadStore    *self,
                         const char  *name,
                         GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return 0;
  GadStmt *stmt;
  gint64 id;

  if (!gad_store_begin (self, error))
    return 0;
  stmt = gad_store_statement (self, "INSERT INTO territories (name) VALUES (?) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, name);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    goto fail;
  {
    GArray *changes = gad_field_changes_new ();
    gad_field_changes_add (changes, "name", NULL, name);
    if (!gad_store_audit (self, "territory", id, 0, "create", changes, error))
      goto fail;
  }
  if (!gad_store_commit (self, error))
    return 0;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

static gpointer
territory_from_row (GadStmt *stmt)
{
  GadTerritory *t = g_new0 (GadTerritory, 1);

  t->id = gad_stmt_column_int64 (stmt, 0);
  t->name = gad_store_column_dup (stmt, 1);
  return t;
}

/* Never NULL: a list that cannot be read is shown empty. */
GPtrArray *
gad_store_list_territories (GadStore *self)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT id, name FROM territories ORDER BY name",
                                            NULL);
  GPtrArray *list = stmt ? gad_store_collect (self, stmt, territory_from_row,
                                              (GDestroyNotify) gad_territory_free, NULL)
                         : NULL;

  return list ? list : g_ptr_array_new ();
}

gint64
gad_store_add_staff (GadStore        *self,
                     const GadStaff  *staff,
                     GError         **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return 0;
  GadStmt *stmt;
  gint64 id;

  if (!gad_store_begin (self, error))
    return 0;
  stmt = gad_store_statement (self,
                              "INSERT INTO staff (name, position, department, territory_id)"
                              " VALUES (?, ?, ?, ?) RETURNING id",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, staff->name);
  gad_stmt_bind_text (stmt, 2, staff->position ? staff->position : "");
  gad_stmt_bind_text (stmt, 3, staff->department ? staff->department : "");
  if (staff->territory_id > 0)
    gad_stmt_bind_int64 (stmt, 4, staff->territory_id);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    goto fail;
  {
    GArray *changes = gad_field_changes_new ();
    gad_field_changes_add (changes, "name", NULL, staff->name);
    gad_field_changes_add (changes, "position", NULL, staff->position);
    gad_field_changes_add (changes, "department", NULL, staff->department);
    if (!gad_store_audit (self, "staff", id, 0, "create", changes, error))
      goto fail;
  }
  if (!gad_store_commit (self, error))
    return 0;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

static gpointer
staff_from_row (GadStmt *stmt)
{
  GadStaff *s = g_new0 (GadStaff, 1);

  s->id = gad_stmt_column_int64 (stmt, 0);
  s->name = gad_store_column_dup (stmt, 1);
  s->position = gad_store_column_dup (stmt, 2);
  s->department = gad_store_column_dup (stmt, 3);
  s->territory_id = gad_stmt_column_int64 (stmt, 4);
  s->username = gad_store_column_dup (stmt, 5);
  s->role = gad_role_from_string (gad_stmt_column_text (stmt, 6));
  s->active = gad_stmt_column_int (stmt, 7);
  return s;
}

/* Never NULL: a list that cannot be read is shown empty. */
GPtrArray *
gad_store_list_staff (GadStore *self)
{
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT id, name, position, department, territory_id,"
                                            " username, role, active"
                                            " FROM staff ORDER BY name",
                                            NULL);
  GPtrArray *list = stmt ? gad_store_collect (self, stmt, staff_from_row,
                                              (GDestroyNotify) gad_staff_free, NULL)
                         : NULL;

  return list ? list : g_ptr_array_new ();
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
