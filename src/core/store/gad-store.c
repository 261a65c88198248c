/* gad-store.c — opening a database, its migrations, statements and transactions, staff
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "gad-store-resources.h"
#include "gad-store-private.h"

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

/* The number of SQLite's last migration (both engines reach it); the
 * bundled files do not change while the program runs. */
int
gad_store_schema_version (void)
{
  static gsize version;

  if (g_once_init_enter (&version))
    {
      g_autoptr(GArray) numbers = migration_numbers (GAD_DB_SQLITE);

      g_once_init_leave (&version, numbers->len ? g_array_index (numbers, int, numbers->len - 1)
                                                : 0);
    }
  return (int) version;
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
         && (number != 4 || gad_store_seal_audit_chain (self, error))
         && (number != 12 || gad_store_rehash_audit_chain (self, error))
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
