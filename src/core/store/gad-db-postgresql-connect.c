/* gad-db-postgresql-connect.c — connection strings, and why one did not
 * connect
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-db-postgresql-private.h"
#include "gad-store.h"

/* @conninfo (a URI or key-value string) with another database: the same
 * server, port and user. */
char *
gad_db_with_dbname (const char *conninfo,
                    const char *dbname)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  GString *out = g_string_new (NULL);

  for (PQconninfoOption *o = options; o && o->keyword; o++)
    if (o->val && *o->val && !g_str_equal (o->keyword, "dbname"))
      {
        g_autoptr(GString) value = g_string_new (o->val);

        g_string_replace (value, "\\", "\\\\", 0);
        g_string_replace (value, "'", "\\'", 0);
        g_string_append_printf (out, "%s='%s' ", o->keyword, value->str);
      }
  PQconninfoFree (options);
  g_string_append_printf (out, "dbname='%s'", dbname);
  return g_string_free (out, FALSE);
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
      else
        g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN,
                     _("The database server at %s refused to sign you in (name, password or "
                       "allowed address). Tell your administrator. (%s)"),
                     host, detail);
    }
}
