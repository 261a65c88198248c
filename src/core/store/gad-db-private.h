/* gad-db-private.h — what an engine implements under gad-db.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-db.h"

G_BEGIN_DECLS

typedef struct
{
  void          (*close)         (GadDb *db);
  gboolean      (*exec)          (GadDb *db, const char *sql);
  gint64        (*changes)       (GadDb *db);
  GadStmt      *(*prepare)       (GadDb *db, const char *sql);
  void          (*stmt_free)     (GadStmt *stmt);
  void          (*reset)         (GadStmt *stmt);
  void          (*clear)         (GadStmt *stmt);
  void          (*bind_int64)    (GadStmt *stmt, int index, gint64 value);
  void          (*bind_double)   (GadStmt *stmt, int index, double value);
  void          (*bind_text)     (GadStmt *stmt, int index, const char *value);
  void          (*bind_blob)     (GadStmt *stmt, int index, gconstpointer data, gsize size);
  void          (*bind_null)     (GadStmt *stmt, int index);
  GadDbStep     (*step)          (GadStmt *stmt);
  int           (*column_count)  (GadStmt *stmt);
  const char   *(*column_name)   (GadStmt *stmt, int column);
  gboolean      (*column_is_null) (GadStmt *stmt, int column);
  GadDbType     (*column_type)   (GadStmt *stmt, int column);
  gint64        (*column_int64)  (GadStmt *stmt, int column);
  double        (*column_double) (GadStmt *stmt, int column);
  const char   *(*column_text)   (GadStmt *stmt, int column);
  gconstpointer (*column_blob)   (GadStmt *stmt, int column, gsize *size);
} GadDbOps;

struct _GadDb
{
  const GadDbOps *ops;
  GadDbEngine engine;
  GadDbError error;
  char *message;
};

struct _GadStmt
{
  GadDb *db;
};

void   gad_db_set_error     (GadDb       *db,
                             GadDbError   error,
                             const char  *message);
GadDb *gad_db_sqlite_open   (const char  *path,
                             GError     **error);
GadDb *gad_db_postgresql_open (const char *conninfo,
                             GError     **error);

G_END_DECLS
