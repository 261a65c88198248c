/* gad-db-postgresql.c — the engine layer over libpq, for a service's shared server
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "gad-db-postgresql-private.h"
#include "gad-store.h"

/* Type OIDs from PostgreSQL's pg_type.dat; they never change. */
#define BOOLOID 16
#define BYTEAOID 17
#define INT8OID 20
#define INT2OID 21
#define INT4OID 23
#define TEXTOID 25
#define FLOAT4OID 700
#define FLOAT8OID 701
#define NUMERICOID 1700

#define OLDEST_SERVER 150000


typedef struct
{
  GadStmt parent;
  char *sql;           /* with $N placeholders */
  int n_params;
  char name[16];       /* the server-side prepared statement, "" before the first step */
  guint generation;
  gboolean *unused;    /* parameters the SQL does not mention (SQLite allows that) */
  Oid *prepared_types;
  Oid *types;
  char **values;
  int *lengths;
  int *formats;
  PGresult *result;
  int row;
  GByteArray *blob;    /* the last bytea column read, unescaped */
} PgStmt;

#define PGS(s) ((PgStmt *) (s))

static GadDbError
classify (const char *state)
{
  if (state == NULL)
    return GAD_DB_ERROR_OTHER;
  if (g_str_equal (state, "23505"))
    return GAD_DB_ERROR_UNIQUE;
  if (g_str_equal (state, "23503"))
    return GAD_DB_ERROR_FOREIGN_KEY;
  if (g_str_equal (state, "23514") || g_str_equal (state, "23502"))
    return GAD_DB_ERROR_CHECK;
  if (g_str_equal (state, "P0001"))
    return GAD_DB_ERROR_REFUSED;
  if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") || g_str_equal (state, "55P03"))
    return GAD_DB_ERROR_BUSY;
  if (g_str_equal (state, "42501"))
    return GAD_DB_ERROR_PRIVILEGE;
  if (g_str_has_prefix (state, "08") || g_str_equal (state, "57P01"))
    return GAD_DB_ERROR_CONNECTION;
  return GAD_DB_ERROR_OTHER;
}

/* Records the failure in @result (or, without one, the connection's). */
gboolean
gad_db_postgresql_fail (GadDb    *db,
                        PGresult *result)
{
  PGconn *conn = PG (db)->conn;

  if (PQstatus (conn) != CONNECTION_OK)
    gad_db_set_error (db, GAD_DB_ERROR_CONNECTION, PQerrorMessage (conn));
  else if (result)
    {
      const char *primary = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
      gad_db_set_error (db, classify (PQresultErrorField (result, PG_DIAG_SQLSTATE)),
                        primary ? primary : PQresultErrorMessage (result));
    }
  else
    gad_db_set_error (db, GAD_DB_ERROR_OTHER, PQerrorMessage (conn));
  return FALSE;
}

static void
note_transaction (PgDb *self)
{
  switch (PQtransactionStatus (self->conn))
    {
    case PQTRANS_IDLE:
      self->in_transaction = FALSE;
      break;
    case PQTRANS_INTRANS:
    case PQTRANS_INERROR:
      self->in_transaction = TRUE;
      break;
    default:   /* lost: what was known still holds */
      break;
    }
}

/* A lost connection is made again before the next statement, and what was
 * prepared on the old one is prepared again — but not in the middle of a
 * transaction: the server has rolled it back, and the statements after
 * the loss must fail too, not commit one by one on a new connection. Only
 * the ROLLBACK that ends it (@rollback) connects again. */
static gboolean
ensure_connected (GadDb    *db,
                  gboolean  rollback)
{
  PgDb *self = PG (db);

  if (PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;
  if (self->in_transaction && !rollback)
    {
      gad_db_set_error (db, GAD_DB_ERROR_CONNECTION, PQerrorMessage (self->conn));
      return FALSE;
    }
  PQreset (self->conn);
  self->in_transaction = FALSE;
  if (PQstatus (self->conn) != CONNECTION_OK)
    return gad_db_postgresql_fail (db, NULL);
  self->generation++;
  return TRUE;
}

static void
pg_close (GadDb *db)
{
  PQfinish (PG (db)->conn);
  g_free (db);
}

static gboolean
pg_exec (GadDb      *db,
         const char *sql)
{
  gboolean rollback = g_str_equal (sql, "ROLLBACK");
  guint generation = PG (db)->generation;
  PGresult *result;
  gboolean ok;

  if (!ensure_connected (db, rollback))
    return FALSE;
  if (rollback && generation != PG (db)->generation)
    return TRUE;   /* the server rolled back when the connection was lost */
  result = PQexec (PG (db)->conn, sql);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK;
  if (!ok)
    gad_db_postgresql_fail (db, result);
  PQclear (result);
  note_transaction (PG (db));
  return ok;
}

static gint64
pg_changes (GadDb *db)
{
  return PG (db)->changes;
}

/* SQLite's parameters as PostgreSQL's: "?NNN" becomes "$NNN" and a bare "?"
 * the next number after the largest so far, outside quotes and comments. */
static char *
rewrite_parameters (const char *sql,
                    int        *n_params,
                    GArray     *used)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int largest = 0;
  const char *p = sql;

  while (*p)
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          const char *end = p + 1;

          while (*end && !(*end == quote && end[1] != quote))
            end += *end == quote ? 2 : 1;
          if (*end)
            end++;
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');
          end = end ? end : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == '?')
        {
          int number;

          p++;
          if (g_ascii_isdigit (*p))
            {
              number = (int) strtol (p, (char **) &p, 10);
            }
          else
            number = largest + 1;
          largest = MAX (largest, number);
          g_array_append_val (used, number);
          g_string_append_printf (out, "$%d", number);
        }
      else
        g_string_append_c (out, *p++);
    }
  *n_params = largest;
  return g_string_free (out, FALSE);
}

static GadStmt *
pg_prepare (GadDb      *db,
            const char *sql)
{
  PgStmt *s = g_new0 (PgStmt, 1);
  g_autoptr(GArray) used = g_array_new (FALSE, FALSE, sizeof (int));

  s->parent.db = db;
  s->sql = rewrite_parameters (sql, &s->n_params, used);
  s->unused = g_new0 (gboolean, s->n_params + 1);
  for (int i = 0; i < s->n_params; i++)
    s->unused[i] = TRUE;
  for (guint i = 0; i < used->len; i++)
    s->unused[g_array_index (used, int, i) - 1] = FALSE;
  s->prepared_types = g_new0 (Oid, s->n_params + 1);
  s->types = g_new0 (Oid, s->n_params + 1);
  s->values = g_new0 (char *, s->n_params + 1);
  s->lengths = g_new0 (int, s->n_params + 1);
  s->formats = g_new0 (int, s->n_params + 1);
  s->row = -1;
  return &s->parent;
}

static void
pg_reset (GadStmt *stmt)
{
  PgStmt *s = PGS (stmt);

  g_clear_pointer (&s->result, PQclear);
  s->row = -1;
}

static void
pg_clear (GadStmt *stmt)
{
  PgStmt *s = PGS (stmt);

  pg_reset (stmt);
  for (int i = 0; i < s->n_params; i++)
    {
      g_clear_pointer (&s->values[i], g_free);
      s->types[i] = 0;
      s->formats[i] = 0;
      s->lengths[i] = 0;
    }
}

static void
pg_stmt_free (GadStmt *stmt)
{
  PgStmt *s = PGS (stmt);
  PgDb *db = PG (stmt->db);

  pg_clear (stmt);
  if (s->name[0] && s->generation == db->generation && PQstatus (db->conn) == CONNECTION_OK)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", s->name);
      PQclear (PQexec (db->conn, sql));
    }
  g_free (s->sql);
  g_free (s->unused);
  g_free (s->prepared_types);
  g_free (s->types);
  g_free (s->values);
  g_free (s->lengths);
  g_free (s->formats);
  if (s->blob)
    g_byte_array_unref (s->blob);
  g_free (s);
}

static void
bind (GadStmt *stmt,
      int      index,
      Oid      type,
      char    *value,
      int      length,
      int      format)
{
  PgStmt *s = PGS (stmt);

  if (index < 1 || index > s->n_params)
    {
      g_free (value);
      return;
    }
  g_free (s->values[index - 1]);
  s->values[index - 1] = value;
  s->types[index - 1] = type;
  s->lengths[index - 1] = length;
  s->formats[index - 1] = format;
}

static void
pg_bind_int64 (GadStmt *stmt, int index, gint64 value)
{
  bind (stmt, index, INT8OID, g_strdup_printf ("%" G_GINT64_FORMAT, value), 0, 0);
}

static void
pg_bind_double (GadStmt *stmt, int index, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  bind (stmt, index, FLOAT8OID, g_strdup (g_ascii_dtostr (buf, sizeof buf, value)), 0, 0);
}

static void
pg_bind_text (GadStmt *stmt, int index, const char *value)
{
  bind (stmt, index, TEXTOID, g_strdup (value), 0, 0);
}

static void
pg_bind_blob (GadStmt *stmt, int index, gconstpointer data, gsize size)
{
  bind (stmt, index, BYTEAOID, g_memdup2 (data, MAX (size, 1)), (int) size, 1);
}

static void
pg_bind_null (GadStmt *stmt, int index)
{
  bind (stmt, index, 0, NULL, 0, 0);
}

/* Prepares on the server the first time, and again when a parameter comes
 * with another type than it was prepared with. */
static gboolean
ensure_prepared (GadStmt *stmt)
{
  PgStmt *s = PGS (stmt);
  PgDb *db = PG (stmt->db);
  gboolean again = s->name[0] == '\0' || s->generation != db->generation;
  gboolean untyped = FALSE, savepoint;
  PGresult *result;

  for (int i = 0; i < s->n_params && !again; i++)
    again = s->types[i] != 0 && s->prepared_types[i] != 0 && s->types[i] != s->prepared_types[i];
  if (!again)
    return TRUE;

  if (s->name[0] && s->generation == db->generation)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", s->name);
      PQclear (PQexec (db->conn, sql));
    }
  g_snprintf (s->name, sizeof s->name, "g%u", ++db->next_name);
  memcpy (s->prepared_types, s->types, sizeof (Oid) * s->n_params);
  for (int i = 0; i < s->n_params; i++)
    if (s->unused[i] && s->prepared_types[i] == 0)
      s->prepared_types[i] = TEXTOID;
  for (int i = 0; i < s->n_params; i++)
    untyped |= s->prepared_types[i] == 0;
  /* A NULL where nothing else tells the parameter's type ("?1 IS NULL")
   * is taken as text, as SQLite would not care either (a later number
   * prepares again). Inside a transaction the first try needs a savepoint:
   * a failed PREPARE would end the transaction. */
  savepoint = untyped && PQtransactionStatus (db->conn) == PQTRANS_INTRANS;
  if (savepoint)
    PQclear (PQexec (db->conn, "SAVEPOINT gad_prepare"));
  result = PQprepare (db->conn, s->name, s->sql, s->n_params, s->prepared_types);
  if (savepoint)
    PQclear (PQexec (db->conn, PQresultStatus (result) == PGRES_COMMAND_OK
                                 ? "RELEASE gad_prepare"
                                 : "ROLLBACK TO gad_prepare; RELEASE gad_prepare"));
  if (PQresultStatus (result) != PGRES_COMMAND_OK
      && (g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "42P08") == 0
          || g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "42P18") == 0))
    {
      PQclear (result);
      for (int i = 0; i < s->n_params; i++)
        if (s->prepared_types[i] == 0)
          s->prepared_types[i] = TEXTOID;
      result = PQprepare (db->conn, s->name, s->sql, s->n_params, s->prepared_types);
    }
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      gad_db_postgresql_fail (stmt->db, result);
      PQclear (result);
      s->name[0] = '\0';
      return FALSE;
    }
  PQclear (result);
  s->generation = db->generation;
  return TRUE;
}

static GadDbStep
pg_step (GadStmt *stmt)
{
  PgStmt *s = PGS (stmt);
  PgDb *db = PG (stmt->db);
  ExecStatusType status;

  if (s->result)
    {
      if (++s->row < PQntuples (s->result))
        return GAD_DB_ROW;
      return GAD_DB_DONE;
    }
  if (s->row >= 0)
    return GAD_DB_DONE;

  /* A read outside a transaction that finds the connection lost (the
   * server restarted, say) is asked again on a new one; anything else
   * fails, for the store to tell what became of it. */
  for (guint attempt = 0;; attempt++)
    {
      if (!ensure_connected (stmt->db, FALSE))
        return GAD_DB_FAILED;
      if (ensure_prepared (stmt))
        {
          s->result = PQexecPrepared (db->conn, s->name, s->n_params,
                                      (const char *const *) s->values, s->lengths, s->formats, 0);
          note_transaction (db);
          status = PQresultStatus (s->result);
          if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
            break;
          gad_db_postgresql_fail (stmt->db, s->result);
          g_clear_pointer (&s->result, PQclear);
        }
      if (attempt > 0 || db->in_transaction || PQstatus (db->conn) == CONNECTION_OK
          || g_ascii_strncasecmp (s->sql, "SELECT ", 7) != 0)
        return GAD_DB_FAILED;
    }
  db->changes = g_ascii_strtoll (PQcmdTuples (s->result), NULL, 10);
  s->row = 0;
  return PQntuples (s->result) > 0 ? GAD_DB_ROW : GAD_DB_DONE;
}

static int
pg_column_count (GadStmt *stmt)
{
  return PGS (stmt)->result ? PQnfields (PGS (stmt)->result) : 0;
}

static const char *
pg_column_name (GadStmt *stmt, int column)
{
  return PQfname (PGS (stmt)->result, column);
}

static gboolean
pg_column_is_null (GadStmt *stmt, int column)
{
  PgStmt *s = PGS (stmt);

  return PQgetisnull (s->result, s->row, column);
}

static GadDbType
pg_column_type (GadStmt *stmt, int column)
{
  PgStmt *s = PGS (stmt);

  if (PQgetisnull (s->result, s->row, column))
    return GAD_DB_NULL;
  switch (PQftype (s->result, column))
    {
    case INT8OID:
    case INT4OID:
    case INT2OID:
    case BOOLOID:
      return GAD_DB_INTEGER;
    case FLOAT4OID:
    case FLOAT8OID:
    case NUMERICOID:
      return GAD_DB_FLOAT;
    case BYTEAOID:
      return GAD_DB_BLOB;
    default:
      return GAD_DB_TEXT;
    }
}

static const char *
pg_column_text (GadStmt *stmt, int column)
{
  PgStmt *s = PGS (stmt);

  if (s->result == NULL || s->row < 0 || s->row >= PQntuples (s->result)
      || PQgetisnull (s->result, s->row, column))
    return NULL;
  return PQgetvalue (s->result, s->row, column);
}

static gint64
pg_column_int64 (GadStmt *stmt, int column)
{
  const char *text = pg_column_text (stmt, column);

  if (text == NULL)
    return 0;
  if (PQftype (PGS (stmt)->result, column) == BOOLOID)
    return text[0] == 't';
  if (PQftype (PGS (stmt)->result, column) == NUMERICOID
      || PQftype (PGS (stmt)->result, column) == FLOAT8OID)
    return (gint64) g_ascii_strtod (text, NULL);
  return g_ascii_strtoll (text, NULL, 10);
}

static double
pg_column_double (GadStmt *stmt, int column)
{
  const char *text = pg_column_text (stmt, column);

  return text ? g_ascii_strtod (text, NULL) : 0.0;
}

static gconstpointer
pg_column_blob (GadStmt *stmt, int column, gsize *size)
{
  PgStmt *s = PGS (stmt);
  const char *text = pg_column_text (stmt, column);
  size_t length = 0;
  unsigned char *bytes;

  *size = 0;
  if (text == NULL)
    return NULL;
  if (PQftype (s->result, column) != BYTEAOID)
    {
      *size = strlen (text);
      return text;
    }
  bytes = PQunescapeBytea ((const unsigned char *) text, &length);
  if (s->blob)
    g_byte_array_unref (s->blob);
  s->blob = g_byte_array_new_take (g_memdup2 (bytes, MAX (length, 1)), length);
  PQfreemem (bytes);
  *size = length;
  return s->blob->data;
}

static const GadDbOps pg_ops = {
  pg_close, pg_exec, pg_changes, pg_prepare,
  pg_stmt_free, pg_reset, pg_clear,
  pg_bind_int64, pg_bind_double, pg_bind_text, pg_bind_blob, pg_bind_null,
  pg_step, pg_column_count, pg_column_name, pg_column_is_null,
  pg_column_type, pg_column_int64, pg_column_double, pg_column_text,
  pg_column_blob,
};

GadDb *
gad_db_postgresql_open (const char  *conninfo,
                        GError     **error)
{
  /* What the session is set to is in the connection's parameters, so that
   * a connection made again (PQreset()) is set the same. Dates and numbers
   * are text we parse: the server must not localise them. */
  const char *keys[] = { "dbname", "application_name", "connect_timeout", "client_encoding",
                         "options", NULL };
  const char *values[] = { conninfo, "Gādība", "10", "UTF8",
                           "-c DateStyle=ISO -c client_min_messages=warning", NULL };
  PGconn *conn = PQconnectdbParams (keys, values, 1);
  PgDb *self;

  if (conn == NULL)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("Out of memory while connecting to the database server."));
      return NULL;
    }
  if (PQstatus (conn) != CONNECTION_OK)
    {
      gad_db_postgresql_explain (conninfo, conn, error);
      PQfinish (conn);
      return NULL;
    }
  if (PQserverVersion (conn) < OLDEST_SERVER)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_TOO_NEW,
                   _("The database server runs PostgreSQL %d; Gādība needs version 15 or newer. "
                     "Tell your administrator."),
                   PQserverVersion (conn) / 10000);
      PQfinish (conn);
      return NULL;
    }
  self = g_new0 (PgDb, 1);
  self->parent.ops = &pg_ops;
  self->parent.engine = GAD_DB_POSTGRESQL;
  self->conn = conn;
  return &self->parent;
}

/* The SCRAM-SHA-256 verifier of @password for the server role @role, made
 * here so that the password itself never reaches the server (nor its log);
 * NULL on a file. */
char *
gad_db_password_verifier (GadDb      *db,
                          const char *role,
                          const char *password)
{
  char *made;
  char *verifier;

  if (db->engine != GAD_DB_POSTGRESQL
      || (made = PQencryptPasswordConn (PG (db)->conn, password, role, "scram-sha-256")) == NULL)
    return NULL;
  verifier = g_strdup (made);
  PQfreemem (made);
  return verifier;
}

/* The socket to watch for the server's notices (LISTEN), -1 on a file. */
int
gad_db_socket (GadDb *db)
{
  return db->engine == GAD_DB_POSTGRESQL ? PQsocket (PG (db)->conn) : -1;
}

/* Reads what arrived on the socket and appends the payload of every notice
 * to @payloads; FALSE when the connection is lost. */
gboolean
gad_db_take_notices (GadDb     *db,
                     GPtrArray *payloads)
{
  PGconn *conn = PG (db)->conn;
  PGnotify *notice;

  if (!PQconsumeInput (conn) || PQstatus (conn) != CONNECTION_OK)
    return FALSE;
  while ((notice = PQnotifies (conn)))
    {
      g_ptr_array_add (payloads, g_strdup (notice->extra));
      PQfreemem (notice);
    }
  return TRUE;
}

/* The server process of the connection, 0 on a file or none. */
int
gad_db_server_process (GadDb *db)
{
  return db->engine == GAD_DB_POSTGRESQL ? PQbackendPID (PG (db)->conn) : 0;
}

/* Whether the connection stands (as far as is known without asking); a
 * file's always does. */
gboolean
gad_db_connected (GadDb *db)
{
  return db->engine != GAD_DB_POSTGRESQL || PQstatus (PG (db)->conn) == CONNECTION_OK;
}
