/* gad-db.c — the engine layer's dispatch: a file path opens SQLite, a connection string PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <libpq-fe.h>

#include "gad-db-private.h"

/* A libpq connection URI ("postgresql://…", "postgres://…") or key-value
 * string whose keys libpq knows ("service=gadiba", "host=… dbname=…");
 * anything else is a file, and a URI is never taken for one. */
gboolean
gad_db_is_uri (const char *target)
{
  PQconninfoOption *options;
  const char *p;

  if (target == NULL)
    return FALSE;
  if (g_str_has_prefix (target, "postgresql:") || g_str_has_prefix (target, "postgres:"))
    return TRUE;
  for (p = target; g_ascii_isalnum (*p) || *p == '_'; p++)
    ;
  while (*p == ' ')
    p++;
  if (p == target || *p != '=')
    return FALSE;
  options = PQconninfoParse (target, NULL);
  PQconninfoFree (options);
  return options != NULL;
}

GadDb *
gad_db_open (const char  *target,
             GError     **error)
{
  g_return_val_if_fail (target != NULL, NULL);

  if (gad_db_is_uri (target))
    return gad_db_postgresql_open (target, error);
  return gad_db_sqlite_open (target, error);
}

void
gad_db_close (GadDb *db)
{
  char *message;

  if (db == NULL)
    return;
  message = db->message;
  db->ops->close (db);
  g_free (message);
}

GadDbEngine
gad_db_engine (GadDb *db)
{
  return db->engine;
}

void
gad_db_set_error (GadDb      *db,
                  GadDbError  error,
                  const char *message)
{
  db->error = error;
  g_free (db->message);
  db->message = g_strdup (message ? message : "");
  g_strchomp (db->message);
}

GadDbError
gad_db_error (GadDb *db)
{
  return db->error;
}

const char *
gad_db_message (GadDb *db)
{
  return db->message ? db->message : "";
}

gboolean
gad_db_exec (GadDb      *db,
             const char *sql)
{
  return db->ops->exec (db, sql);
}

gint64
gad_db_changes (GadDb *db)
{
  return db->ops->changes (db);
}

GadStmt *
gad_db_prepare (GadDb      *db,
                const char *sql)
{
  return db->ops->prepare (db, sql);
}

void
gad_stmt_free (GadStmt *stmt)
{
  if (stmt)
    stmt->db->ops->stmt_free (stmt);
}

void
gad_stmt_reset (GadStmt *stmt)
{
  stmt->db->ops->reset (stmt);
}

void
gad_stmt_clear (GadStmt *stmt)
{
  stmt->db->ops->clear (stmt);
}

void
gad_stmt_bind_int64 (GadStmt *stmt,
                     int      index,
                     gint64   value)
{
  stmt->db->ops->bind_int64 (stmt, index, value);
}

void
gad_stmt_bind_double (GadStmt *stmt,
                      int      index,
                      double   value)
{
  stmt->db->ops->bind_double (stmt, index, value);
}

void
gad_stmt_bind_text (GadStmt    *stmt,
                    int         index,
                    const char *value)
{
  if (value == NULL)
    stmt->db->ops->bind_null (stmt, index);
  else
    stmt->db->ops->bind_text (stmt, index, value);
}

void
gad_stmt_bind_blob (GadStmt       *stmt,
                    int            index,
                    gconstpointer  data,
                    gsize          size)
{
  if (data == NULL)
    stmt->db->ops->bind_null (stmt, index);
  else
    stmt->db->ops->bind_blob (stmt, index, data, size);
}

void
gad_stmt_bind_null (GadStmt *stmt,
                    int      index)
{
  stmt->db->ops->bind_null (stmt, index);
}

GadDbStep
gad_stmt_step (GadStmt *stmt)
{
  return stmt->db->ops->step (stmt);
}

int
gad_stmt_column_count (GadStmt *stmt)
{
  return stmt->db->ops->column_count (stmt);
}

const char *
gad_stmt_column_name (GadStmt *stmt,
                      int      column)
{
  return stmt->db->ops->column_name (stmt, column);
}

gboolean
gad_stmt_column_is_null (GadStmt *stmt,
                         int      column)
{
  return stmt->db->ops->column_is_null (stmt, column);
}

GadDbType
gad_stmt_column_type (GadStmt *stmt,
                      int      column)
{
  return stmt->db->ops->column_type (stmt, column);
}

gint64
gad_stmt_column_int64 (GadStmt *stmt,
                       int      column)
{
  return stmt->db->ops->column_int64 (stmt, column);
}

int
gad_stmt_column_int (GadStmt *stmt,
                     int      column)
{
  return (int) stmt->db->ops->column_int64 (stmt, column);
}

double
gad_stmt_column_double (GadStmt *stmt,
                        int      column)
{
  return stmt->db->ops->column_double (stmt, column);
}

const char *
gad_stmt_column_text (GadStmt *stmt,
                      int      column)
{
  return stmt->db->ops->column_text (stmt, column);
}

gconstpointer
gad_stmt_column_blob (GadStmt *stmt,
                      int      column,
                      gsize   *size)
{
  return stmt->db->ops->column_blob (stmt, column, size);
}
