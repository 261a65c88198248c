/* gad-db-postgresql-copy.c — COPY … FROM STDIN, for moving a service's file
 * to its server in one statement a table
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-db-postgresql-private.h"
#include "gad-store.h"

gboolean
gad_db_copy_begin (GadDb      *db,
                   const char *table,
                   const char *columns)
{
  g_autofree char *sql = g_strdup_printf ("COPY %s (%s) FROM STDIN", table, columns);
  PGresult *result;
  gboolean ok;

  g_return_val_if_fail (db->engine == GAD_DB_POSTGRESQL, FALSE);
  result = PQexec (PG (db)->conn, sql);
  ok = PQresultStatus (result) == PGRES_COPY_IN;
  if (!ok)
    gad_db_postgresql_fail (db, result);
  PQclear (result);
  return ok;
}

static void
append_escaped (GString    *line,
                const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (line, "\\\\");
        break;
      case '\t':
        g_string_append (line, "\\t");
        break;
      case '\n':
        g_string_append (line, "\\n");
        break;
      case '\r':
        g_string_append (line, "\\r");
        break;
      default:
        g_string_append_c (line, *p);
      }
}

/* The current row of @source as one line of COPY's text format. */
gboolean
gad_db_copy_row (GadDb   *db,
                 GadStmt *source)
{
  static const char digits[] = "0123456789abcdef";
  g_autoptr(GString) line = g_string_sized_new (256);
  int n = gad_stmt_column_count (source);

  for (int c = 0; c < n; c++)
    {
      gsize size;
      const guint8 *bytes;

      if (c > 0)
        g_string_append_c (line, '\t');
      switch (gad_stmt_column_type (source, c))
        {
        case GAD_DB_NULL:
          g_string_append (line, "\\N");
          break;
        case GAD_DB_INTEGER:
          g_string_append_printf (line, "%" G_GINT64_FORMAT, gad_stmt_column_int64 (source, c));
          break;
        case GAD_DB_BLOB:
          bytes = gad_stmt_column_blob (source, c, &size);
          g_string_append (line, "\\\\x");
          for (gsize k = 0; k < size; k++)
            {
              g_string_append_c (line, digits[bytes[k] >> 4]);
              g_string_append_c (line, digits[bytes[k] & 0xf]);
            }
          break;
        default:
          append_escaped (line, gad_stmt_column_text (source, c));
        }
    }
  g_string_append_c (line, '\n');
  if (PQputCopyData (PG (db)->conn, line->str, (int) line->len) != 1)
    return gad_db_postgresql_fail (db, NULL);
  return TRUE;
}

gboolean
gad_db_copy_end (GadDb *db)
{
  PGresult *result;
  gboolean ok;

  if (PQputCopyEnd (PG (db)->conn, NULL) != 1)
    return gad_db_postgresql_fail (db, NULL);
  result = PQgetResult (PG (db)->conn);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK;
  if (!ok)
    gad_db_postgresql_fail (db, result);
  PQclear (result);
  while ((result = PQgetResult (PG (db)->conn)))
    PQclear (result);
  return ok;
}
