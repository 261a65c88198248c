/* gad-db-postgresql-private.h — what the libpq engine's files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>

#include "gad-db-private.h"

G_BEGIN_DECLS

typedef struct
{
  GadDb parent;
  PGconn *conn;
  gint64 changes;
  guint next_name;
  guint generation; /* bumped when the connection is re-established */
  gboolean in_transaction; /* as the server last said; kept when the connection is lost */
} PgDb;

#define PG(d) ((PgDb *) (d))

gboolean gad_db_postgresql_fail    (GadDb       *db,
                                    PGresult    *result);
void     gad_db_postgresql_explain (const char  *conninfo,
                                    PGconn      *conn,
                                    GError     **error);

G_END_DECLS
