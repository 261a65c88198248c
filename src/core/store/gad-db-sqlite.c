/* gad-db-sqlite.c — the engine layer over an embedded SQLite file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "gad-db-private.h"
#include "gad-store.h"

typedef struct
{
  GadDb parent;
  sqlite3 *db;
} SqliteDb;

typedef struct
{
  GadStmt parent;
  sqlite3_stmt *stmt;
} SqliteStmt;

#define DB(d) (((SqliteDb *) (d))->db)
#define STMT(s) (((SqliteStmt *) (s))->stmt)

static GadDbError
classify (int code)
{
  switch (code)
    {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
      return GAD_DB_OK;
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return GAD_DB_ERROR_UNIQUE;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return GAD_DB_ERROR_FOREIGN_KEY;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return GAD_DB_ERROR_CHECK;
    case SQLITE_CONSTRAINT_TRIGGER:
      return GAD_DB_ERROR_REFUSED;
    case SQLITE_AUTH:
      return GAD_DB_ERROR_PRIVILEGE;
    case SQLITE_NOTADB:
      return GAD_DB_ERROR_NOT_A_DATABASE;
    default:
      if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
        return GAD_DB_ERROR_BUSY;
      return GAD_DB_ERROR_OTHER;
    }
}

static gboolean
fail (GadDb *db)
{
  int code = sqlite3_extended_errcode (DB (db));

  gad_db_set_error (db, classify (code) == GAD_DB_OK ? GAD_DB_ERROR_OTHER : classify (code),
                    sqlite3_errmsg (DB (db)));
  return FALSE;
}

static void
sqlite_close (GadDb *db)
{
  sqlite3_close (DB (db));
  g_free (db);
}

static gboolean
sqlite_exec (GadDb      *db,
             const char *sql)
{
  if (sqlite3_exec (DB (db), sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail (db);
  return TRUE;
}

static gint64
sqlite_changes (GadDb *db)
{
  return sqlite3_changes64 (DB (db));
}

static GadStmt *
sqlite_prepare (GadDb      *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  SqliteStmt *s;

  if (sqlite3_prepare_v3 (DB (db), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      fail (db);
      return NULL;
    }
  s = g_new0 (SqliteStmt, 1);
  s->parent.db = db;
  s->stmt = stmt;
  return &s->parent;
}

static void
sqlite_stmt_free (GadStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static void
sqlite_reset (GadStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
}

static void
sqlite_clear (GadStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
  sqlite3_clear_bindings (STMT (stmt));
}

static void
sqlite_bind_int64 (GadStmt *stmt, int index, gint64 value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

static void
sqlite_bind_double (GadStmt *stmt, int index, double value)
{
  sqlite3_bind_double (STMT (stmt), index, value);
}

static void
sqlite_bind_text (GadStmt *stmt, int index, const char *value)
{
  sqlite3_bind_text (STMT (stmt), index, value, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_blob (GadStmt *stmt, int index, gconstpointer data, gsize size)
{
  sqlite3_bind_blob64 (STMT (stmt), index, data, size, SQLITE_TRANSIENT);
}

static void
sqlite_bind_null (GadStmt *stmt, int index)
{
  sqlite3_bind_null (STMT (stmt), index);
}

static GadDbStep
sqlite_step (GadStmt *stmt)
{
  int rc = sqlite3_step (STMT (stmt));

  if (rc == SQLITE_ROW)
    return GAD_DB_ROW;
  if (rc == SQLITE_DONE)
    return GAD_DB_DONE;
  fail (stmt->db);
  return GAD_DB_FAILED;
}

static int
sqlite_column_count (GadStmt *stmt)
{
  return sqlite3_column_count (STMT (stmt));
}

static const char *
sqlite_column_name (GadStmt *stmt, int column)
{
  return sqlite3_column_name (STMT (stmt), column);
}

static gboolean
sqlite_column_is_null (GadStmt *stmt, int column)
{
  return sqlite3_column_type (STMT (stmt), column) == SQLITE_NULL;
}

static GadDbType
sqlite_column_type (GadStmt *stmt, int column)
{
  switch (sqlite3_column_type (STMT (stmt), column))
    {
    case SQLITE_INTEGER:
      return GAD_DB_INTEGER;
    case SQLITE_FLOAT:
      return GAD_DB_FLOAT;
    case SQLITE_BLOB:
      return GAD_DB_BLOB;
    case SQLITE_NULL:
      return GAD_DB_NULL;
    default:
      return GAD_DB_TEXT;
    }
}

static gint64
sqlite_column_int64 (GadStmt *stmt, int column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static double
sqlite_column_double (GadStmt *stmt, int column)
{
  return sqlite3_column_double (STMT (stmt), column);
}

static const char *
sqlite_column_text (GadStmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (STMT (stmt), column);
}

static gconstpointer
sqlite_column_blob (GadStmt *stmt, int column, gsize *size)
{
  gconstpointer data = sqlite3_column_blob (STMT (stmt), column);

  *size = sqlite3_column_bytes (STMT (stmt), column);
  return data;
}

static const GadDbOps sqlite_ops = {
  sqlite_close, sqlite_exec, sqlite_changes, sqlite_prepare,
  sqlite_stmt_free, sqlite_reset, sqlite_clear,
  sqlite_bind_int64, sqlite_bind_double, sqlite_bind_text, sqlite_bind_blob, sqlite_bind_null,
  sqlite_step, sqlite_column_count, sqlite_column_name, sqlite_column_is_null,
  sqlite_column_type, sqlite_column_int64, sqlite_column_double, sqlite_column_text,
  sqlite_column_blob,
};

/* Opens (creating it, with its folder, if need be) the file at @path, with
 * the settings data people must not lose needs. */
GadDb *
gad_db_sqlite_open (const char  *path,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  SqliteDb *self;
  sqlite3_stmt *stmt = NULL;
  gboolean is_db;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }
  /* Client files are special-category data: a new database is the owner's alone. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      int fd = g_open (path, O_CREAT | O_WRONLY, 0600);
      if (fd >= 0)
        close (fd);
    }

  self = g_new0 (SqliteDb, 1);
  self->parent.ops = &sqlite_ops;
  self->parent.engine = GAD_DB_SQLITE;
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("Could not open the database “%s”: %s"), path, sqlite3_errmsg (self->db));
      gad_db_close (&self->parent);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* The first read tells whether the file is a database at all. */
  is_db = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (!is_db)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Gādība database. Choose another file."), path);
      gad_db_close (&self->parent);
      return NULL;
    }
  if (sqlite3_exec (self->db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768;", NULL, NULL,
                    NULL) != SQLITE_OK)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("Could not open the database “%s”: %s"), path, sqlite3_errmsg (self->db));
      gad_db_close (&self->parent);
      return NULL;
    }
  return &self->parent;
}

/* The integrity check's verdict on @db: TRUE when it says "ok". */
static gboolean
sound (sqlite3 *db)
{
  sqlite3_stmt *check = NULL;
  gboolean ok = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &check, NULL) == SQLITE_OK
                && sqlite3_step (check) == SQLITE_ROW
                && g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") == 0;

  sqlite3_finalize (check);
  return ok;
}

/**
 * gad_db_copy_file:
 * @path: an empty file to copy into
 *
 * Copies @db's file with SQLite's online backup, while others keep writing,
 * and checks the copy's integrity. On failure, @problem says what SQLite
 * said.
 */
gboolean
gad_db_copy_file (GadDb       *db,
                  const char  *path,
                  char       **problem)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup = NULL;
  gboolean ok;

  g_return_val_if_fail (db->engine == GAD_DB_SQLITE, FALSE);
  ok = sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK
       && (backup = sqlite3_backup_init (copy, "main", DB (db), "main")) != NULL;
  while (ok && sqlite3_backup_step (backup, 256) == SQLITE_OK)
    ;
  ok = ok && sqlite3_backup_finish (backup) == SQLITE_OK && sound (copy);
  if (!ok)
    *problem = g_strdup (copy ? sqlite3_errmsg (copy) : "open");
  sqlite3_close (copy);
  return ok;
}

/**
 * gad_db_file_version:
 *
 * The schema version of the database file @path, opened read-only and
 * checked whole; -1 when it is damaged or no database at all.
 */
int
gad_db_file_version (const char *path)
{
  sqlite3 *file = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_open_v2 (path, &file, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK && sound (file)
      && sqlite3_prepare_v2 (file, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (file);
  return version;
}

/**
 * gad_db_replace_file:
 * @path: a sound database file (gad_db_file_version())
 *
 * Replaces @db's whole database with @path's. One step copies every page in
 * a single write transaction: other connections see the old database or the
 * new one, never a mix. On failure, @problem says what SQLite said.
 */
gboolean
gad_db_replace_file (GadDb       *db,
                     const char  *path,
                     char       **problem)
{
  sqlite3 *source = NULL;
  sqlite3_backup *copy = NULL;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (db->engine == GAD_DB_SQLITE, FALSE);
  if (sqlite3_open_v2 (path, &source, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && (copy = sqlite3_backup_init (DB (db), "main", source, "main")) != NULL)
    {
      rc = sqlite3_backup_step (copy, -1);
      sqlite3_backup_finish (copy);
    }
  sqlite3_close (source);
  if (rc != SQLITE_DONE)
    *problem = g_strdup (sqlite3_errmsg (DB (db)));
  return rc == SQLITE_DONE;
}
