/* gad-db-postgresql-connect.c — connection strings, and why one did not
 * connect
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <stdarg.h>

#include <glib/gi18n-lib.h>

#include "gad-db-postgresql-private.h"
#include "gad-store.h"

/* @conninfo (a URI or key-value string) with the keys and values that
 * follow, up to a NULL key, set in it (the others kept): another database
 * on the same server, or a staff member's own server account. */
char *
gad_db_conninfo_set (const char *conninfo,
                     ...)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  GString *out = g_string_new (NULL);
  const char *key;
  va_list args;

  va_start (args, conninfo);
  while ((key = va_arg (args, const char *)))
    g_hash_table_insert (set, (gpointer) key, va_arg (args, char *));
  va_end (args);
  for (PQconninfoOption *o = options; o && o->keyword; o++)
    {
      const char *value = g_hash_table_contains (set, o->keyword)
                            ? g_hash_table_lookup (set, o->keyword) : o->val;
      g_autoptr(GString) quoted = NULL;

      if (value == NULL || *value == '\0')
        continue;
      quoted = g_string_new (value);
      g_string_replace (quoted, "\\", "\\\\", 0);
      g_string_replace (quoted, "'", "\\'", 0);
      g_string_append_printf (out, "%s%s='%s'", out->len ? " " : "", o->keyword, quoted->str);
    }
  PQconninfoFree (options);
  return g_string_free (out, FALSE);
}

/* The database @conninfo names, also where a service file or the
 * environment names it: libpq resolves it before it connects. */
char *
gad_db_conninfo_database (const char *conninfo)
{
  const char *keys[] = { "dbname", NULL };
  const char *values[] = { conninfo, NULL };
  PGconn *conn = PQconnectStartParams (keys, values, 1);
  char *name = conn && PQdb (conn) ? g_strdup (PQdb (conn)) : NULL;

  PQfinish (conn);
  return name;
}

/* Why @conninfo did not connect, in words a clerk can pass on: libpq's
 * own message names the cause only in prose, so the cause is found by
 * asking the server step by step — is it there, does it know us. */
void
gad_db_postgresql_explain (const char  *conninfo,
                           PGconn      *conn,
                           GError     **error)
{
  g_auto(GStrv) words = g_strsplit_set (PQerrorMessage (conn), " \t\n", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;
  g_autofree char *detail = NULL;
  const char *database = PQdb (conn) ? PQdb (conn) : "";
  const char *host = PQhost (conn) && *PQhost (conn) != '/' ? PQhost (conn) : "localhost";
  PGPing ping = PQping (conninfo);

  /* libpq's own words, on one line. */
  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_strv_builder_add (kept, words[i]);
  joined = g_strv_builder_end (kept);
  detail = g_strjoinv (" ", joined);

  if (ping == PQPING_NO_ATTEMPT)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                 _("“%s” is not a valid server address. Ask your administrator for the right "
                   "one. (%s)"),
                 conninfo, detail);
  else if (ping == PQPING_NO_RESPONSE || ping == PQPING_REJECT)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_UNREACHABLE,
                 _("The database server at %s does not answer. Check the network connection, "
                   "or tell your administrator that the server is not reachable. (%s)"),
                 host, detail);
  else if (PQconnectionNeedsPassword (conn))
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN,
                 _("The database server at %s asks for a password that was not given. Ask your "
                   "administrator how this workstation signs in. (%s)"),
                 host, detail);
  else
    {
      /* The server answers: either the database is not there, or it does
       * not let us in at all. The maintenance database tells which. */
      const char *keys[] = { "dbname", "dbname", NULL };
      const char *values[] = { conninfo, "postgres", NULL };
      PGconn *probe = PQconnectdbParams (keys, values, 1);
      gboolean known = PQstatus (probe) == CONNECTION_OK;

      PQfinish (probe);
      if (known)
        g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_A_DATABASE,
                     _("The database server at %s has no database “%s” that you may open. Ask "
                       "your administrator for the right database name. (%s)"),
                     host, database, detail);
      /* The server asked for the password, was given one, and refused:
       * the same words for a wrong name, a wrong password and a closed
       * account, as on a file. */
      else if (PQconnectionUsedPassword (conn))
        g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN,
                     _("The name or the password is wrong."));
      else
        g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN,
                     _("The database server at %s refused to sign you in (name, password or "
                       "allowed address). Tell your administrator. (%s)"),
                     host, detail);
    }
}
