/* gad-db.h — the store's engine layer: one connection API over SQLite and PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the store (and tests that tamper with a database on purpose) use
 * this. SQL numbers its parameters "?NNN" (or "?" for the next one, as
 * SQLite does); the PostgreSQL engine rewrites them to "$NNN". Functions
 * report failure by their return value; gad_db_error() and
 * gad_db_message() tell what the last failure was.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GadDb GadDb;
typedef struct _GadStmt GadStmt;

typedef enum
{
  GAD_DB_SQLITE,
  GAD_DB_POSTGRESQL,
} GadDbEngine;

typedef enum
{
  GAD_DB_NULL,
  GAD_DB_INTEGER,
  GAD_DB_FLOAT,
  GAD_DB_TEXT,
  GAD_DB_BLOB,
} GadDbType;

typedef enum
{
  GAD_DB_ROW,
  GAD_DB_DONE,
  GAD_DB_FAILED,
} GadDbStep;

/* What went wrong, from the SQLite result code or the SQLSTATE. */
typedef enum
{
  GAD_DB_OK,
  GAD_DB_ERROR_OTHER,
  GAD_DB_ERROR_UNIQUE,        /* 23505, SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY */
  GAD_DB_ERROR_FOREIGN_KEY,   /* 23503, SQLITE_CONSTRAINT_FOREIGNKEY */
  GAD_DB_ERROR_CHECK,         /* 23514 / 23502, SQLITE_CONSTRAINT_CHECK / _NOTNULL */
  GAD_DB_ERROR_REFUSED,       /* a trigger refused the change: P0001, SQLITE_CONSTRAINT_TRIGGER */
  GAD_DB_ERROR_BUSY,          /* 40001, 40P01, 55P03, SQLITE_BUSY / _LOCKED */
  GAD_DB_ERROR_PRIVILEGE,     /* 42501, SQLITE_AUTH */
  GAD_DB_ERROR_CONNECTION,    /* class 08, a closed connection */
  GAD_DB_ERROR_NOT_A_DATABASE,/* SQLITE_NOTADB */
} GadDbError;

gboolean    gad_db_is_uri        (const char  *target);
GadDb      *gad_db_open          (const char  *target,
                                  GError     **error);
void        gad_db_close         (GadDb       *db);
GadDbEngine gad_db_engine        (GadDb       *db);
GadDbError  gad_db_error         (GadDb       *db);
const char *gad_db_message       (GadDb       *db);
gboolean    gad_db_exec          (GadDb       *db,
                                  const char  *sql);
gint64      gad_db_changes       (GadDb       *db);
GadStmt    *gad_db_prepare       (GadDb       *db,
                                  const char  *sql);
char       *gad_db_conninfo_set  (const char  *conninfo,
                                  ...) G_GNUC_NULL_TERMINATED;
char       *gad_db_conninfo_database (const char *conninfo);
char       *gad_db_password_verifier (GadDb   *db,
                                  const char  *role,
                                  const char  *password);
/* A server's notices (LISTEN): the socket to watch, and what arrived. */
int         gad_db_socket        (GadDb       *db);
int         gad_db_server_process (GadDb      *db);
gboolean    gad_db_connected     (GadDb       *db);
gboolean    gad_db_take_notices  (GadDb       *db,
                                  GPtrArray   *payloads);
/* SQLite's files: an online copy, a file's schema version, a whole replacement. */
gboolean    gad_db_copy_file     (GadDb       *db,
                                  const char  *path,
                                  char       **problem);
int         gad_db_file_version  (const char  *path);
gboolean    gad_db_replace_file  (GadDb       *db,
                                  const char  *path,
                                  char       **problem);

void        gad_stmt_free        (GadStmt     *stmt);
void        gad_stmt_reset       (GadStmt     *stmt);
void        gad_stmt_clear       (GadStmt     *stmt);
void        gad_stmt_bind_int64  (GadStmt     *stmt,
                                  int          index,
                                  gint64       value);
void        gad_stmt_bind_double (GadStmt     *stmt,
                                  int          index,
                                  double       value);
void        gad_stmt_bind_text   (GadStmt     *stmt,
                                  int          index,
                                  const char  *value);
void        gad_stmt_bind_blob   (GadStmt     *stmt,
                                  int          index,
                                  gconstpointer data,
                                  gsize        size);
void        gad_stmt_bind_null   (GadStmt     *stmt,
                                  int          index);
GadDbStep   gad_stmt_step        (GadStmt     *stmt);
int         gad_stmt_column_count (GadStmt    *stmt);
const char *gad_stmt_column_name (GadStmt     *stmt,
                                  int          column);
gboolean    gad_stmt_column_is_null (GadStmt  *stmt,
                                  int          column);
GadDbType   gad_stmt_column_type (GadStmt     *stmt,
                                  int          column);
gint64      gad_stmt_column_int64 (GadStmt    *stmt,
                                  int          column);
int         gad_stmt_column_int  (GadStmt     *stmt,
                                  int          column);
double      gad_stmt_column_double (GadStmt   *stmt,
                                  int          column);
const char *gad_stmt_column_text (GadStmt     *stmt,
                                  int          column);
gconstpointer gad_stmt_column_blob (GadStmt   *stmt,
                                  int          column,
                                  gsize       *size);

/* Bulk loading into a server table (COPY), row by row from any statement
 * whose columns are the table's @columns in order. */
gboolean    gad_db_copy_begin    (GadDb       *db,
                                  const char  *table,
                                  const char  *columns);
gboolean    gad_db_copy_row      (GadDb       *db,
                                  GadStmt     *source);
gboolean    gad_db_copy_end      (GadDb       *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadDb, gad_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadStmt, gad_stmt_free)

G_END_DECLS
