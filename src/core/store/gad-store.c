/* gad-store.c — opening a database, and its statements
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "gad-store-private.h"

G_DEFINE_QUARK (gad-store-error-quark, gad_store_error)
G_DEFINE_FINAL_TYPE (GadStore, gad_store, G_TYPE_OBJECT)

enum { SIGNED_OUT, N_SIGNALS };
static guint signals[N_SIGNALS];


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
  g_free (self->conninfo);
  g_free (self->actor);
  g_free (self->username);
  g_free (self->department);
  g_free (self->save.id);
  g_free (self->save.entity);
  g_free (self->save.action);
  g_free (self->unconfirmed.id);
  g_free (self->unconfirmed.entity);
  g_free (self->unconfirmed.action);
  G_OBJECT_CLASS (gad_store_parent_class)->finalize (object);
}

static void
gad_store_class_init (GadStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gad_store_finalize;
  /**
   * GadStore::signed-out:
   *
   * The server refused the signed-in account: an administrator closed it or
   * changed its role. Emitted where the refusal is found, in the middle of
   * a store call.
   */
  signals[SIGNED_OUT] = g_signal_new ("signed-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gad_store_init (GadStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->actor = g_strdup ("gadiba");
  self->department = g_strdup ("");
}

gboolean
gad_store_fail (GadStore  *self,
                GError   **error)
{
  self->failure = gad_db_error (self->db);
  switch (self->failure)
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
      if (!gad_store_server_account_holds (self))
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGNED_OUT,
                       _("An administrator has closed your account or changed its role, so you "
                         "have been signed out. Nothing was changed. Sign in again, or ask your "
                         "administrator."));
          gad_store_act_as (self, 0, "gadiba", NULL, GAD_ROLE_NONE, NULL, 0);
          g_signal_emit (self, signals[SIGNED_OUT], 0);
          break;
        }
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

/* Statements are prepared once per connection and kept, by their text (a
 * copy: some texts are made for the call, a list's placeholders, say). */
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
  if (self->db == NULL)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED, _("Sign in first."));
      return NULL;
    }
  stmt = gad_db_prepare (self->db, sql);
  if (stmt == NULL)
    {
      gad_store_fail (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
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

gboolean
gad_store_exec (GadStore    *self,
                const char  *sql,
                GError     **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED, _("Sign in first."));
      return FALSE;
    }
  if (!gad_db_exec (self->db, sql))
    return gad_store_fail (self, error);
  return TRUE;
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
  if (self->db == NULL || !gad_store_migrate_to (self, target, error))
    return NULL;
  return g_steal_pointer (&self);
}


/**
 * gad_store_open_signed_out:
 *
 * The database @path before anyone signs in: a file is opened (and its
 * schema brought up to date); a server is only named — connecting to it
 * is signing in (gad_store_sign_in()), as there is no other way in.
 */
GadStore *
gad_store_open_signed_out (const char  *path,
                           GError     **error)
{
  GadStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  if (!gad_db_is_uri (path))
    return gad_store_open (path, error);
  self = g_object_new (GAD_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  return self;
}

/**
 * gad_store_sign_in_to:
 *
 * Opens the database @path signed in as @username: a file is opened, then
 * the password checked; a server is connected to as the staff member's own
 * server account — there is no other way in.
 */
GadStore *
gad_store_sign_in_to (const char  *path,
                      const char  *username,
                      const char  *password,
                      GError     **error)
{
  g_autoptr(GadStore) self = gad_store_open_signed_out (path, error);

  if (self == NULL || !gad_store_sign_in (self, username, password, error))
    return NULL;
  return g_steal_pointer (&self);
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
  return gad_db_conninfo_set (server, "dbname", name, NULL);
}

gboolean
gad_store_drop_server_database (const char  *server,
                                const char  *name,
                                GError     **error)
{
  return server_exec (server, "DROP DATABASE IF EXISTS ", name, " WITH (FORCE)", error);
}

/* The server process of this store's connection (a watch's "changed" names
 * the writer's), 0 on a file. */
int
gad_store_server_process (GadStore *self)
{
  g_return_val_if_fail (GAD_IS_STORE (self), 0);
  return self->db ? gad_db_server_process (self->db) : 0;
}

gboolean
gad_store_is_server (GadStore *self)
{
  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  return self->db ? gad_db_engine (self->db) == GAD_DB_POSTGRESQL : gad_db_is_uri (self->path);
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
