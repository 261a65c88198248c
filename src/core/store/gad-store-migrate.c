/* gad-store-migrate.c — the schema's numbered migrations, per engine
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "gad-store-private.h"
#include "gad-store-resources.h"

/* Migrations are numbered SQL files per engine, bundled as resources:
 * "NNNN.sql" brings the schema from the previous file's number to NNNN
 * (PostgreSQL's first file builds the whole schema of its version at
 * once), and "NNNN-after.sql", where there is one, runs after the C step
 * of migration NNNN. Never edit one that has shipped; add the next. */
#define MIGRATIONS "/lv/gadiba/Gadiba/migrations/"

static const char *
engine_folder (GadDbEngine engine)
{
  return engine == GAD_DB_POSTGRESQL ? "postgresql" : "sqlite";
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The numbers of @engine's migrations, ascending. */
static GArray *
migration_numbers (GadDbEngine engine)
{
  g_autofree char *folder = g_strconcat (MIGRATIONS, engine_folder (engine), "/", NULL);
  g_auto(GStrv) names = g_resource_enumerate_children (gad_store_get_resource (), folder, 0, NULL);
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; names && names[i]; i++)
    {
      char *end = NULL;
      int n = (int) strtol (names[i], &end, 10);

      if (n > 0 && g_str_equal (end, ".sql"))
        g_array_append_val (numbers, n);
    }
  g_array_sort (numbers, compare_numbers);
  return numbers;
}

static GBytes *
migration_sql (GadDbEngine engine,
               int         number,
               const char *suffix)
{
  g_autofree char *path = g_strdup_printf (MIGRATIONS "%s/%04d%s.sql", engine_folder (engine),
                                           number, suffix);

  return g_resource_lookup_data (gad_store_get_resource (), path, 0, NULL);
}

/* The number of SQLite's last migration (both engines reach it); the
 * bundled files do not change while the program runs. */
int
gad_store_schema_version (void)
{
  static gsize version;

  if (g_once_init_enter (&version))
    {
      g_autoptr(GArray) numbers = migration_numbers (GAD_DB_SQLITE);

      g_once_init_leave (&version, numbers->len ? g_array_index (numbers, int, numbers->len - 1)
                                                : 0);
    }
  return (int) version;
}

/* The schema version the database has, 0 for an empty one. */
static gboolean
read_version (GadStore  *self,
              int       *version,
              GError   **error)
{
  GadStmt *stmt;

  *version = 0;
  if (gad_db_engine (self->db) == GAD_DB_POSTGRESQL)
    {
      stmt = gad_store_statement (self, "SELECT to_regclass ('gadiba_schema') IS NOT NULL", error);
      if (stmt == NULL || gad_stmt_step (stmt) != GAD_DB_ROW)
        return stmt ? gad_store_fail (self, error) : FALSE;
      if (!gad_stmt_column_int (stmt, 0))
        {
          gad_stmt_reset (stmt);
          return TRUE;
        }
      gad_stmt_reset (stmt);
      stmt = gad_store_statement (self, "SELECT version FROM gadiba_schema", error);
    }
  else
    stmt = gad_store_statement (self, "PRAGMA user_version", error);
  if (stmt == NULL)
    return FALSE;
  if (gad_stmt_step (stmt) != GAD_DB_ROW)
    return gad_store_fail (self, error);
  *version = gad_stmt_column_int (stmt, 0);
  gad_stmt_reset (stmt);
  return TRUE;
}

static gboolean
run_migration (GadStore  *self,
               int        number,
               GError   **error)
{
  GadDbEngine engine = gad_db_engine (self->db);
  g_autoptr(GBytes) sql = migration_sql (engine, number, "");
  g_autoptr(GBytes) after = migration_sql (engine, number, "-after");
  g_autofree char *bump = engine == GAD_DB_POSTGRESQL
                            ? g_strdup_printf ("UPDATE gadiba_schema SET version = %d", number)
                            : g_strdup_printf ("PRAGMA user_version = %d", number);

  g_assert (sql != NULL);
  return gad_store_exec (self, g_bytes_get_data (sql, NULL), error)
         && (number != 4 || gad_store_seal_audit_chain (self, error))
         && (number != 12 || gad_store_rehash_audit_chain (self, error))
         && (number != 19 || gad_store_fill_record_words (self, error))
         && (after == NULL || gad_store_exec (self, g_bytes_get_data (after, NULL), error))
         && gad_store_exec (self, bump, error);
}

gboolean
gad_store_migrate_to (GadStore  *self,
                      int        target,
                      GError   **error)
{
  g_autoptr(GArray) numbers = migration_numbers (gad_db_engine (self->db));
  int version;

  if (!read_version (self, &version, error))
    return FALSE;
  if (version > gad_store_schema_version ())
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_TOO_NEW,
                   _("This database was written by a newer version of Gādība (schema %d; this "
                     "version knows up to %d). Install the newer version to open it."),
                   version, gad_store_schema_version ());
      return FALSE;
    }
  if (version >= target)
    return TRUE;

  if (!gad_store_begin (self, error))
    return FALSE;
  /* Two workstations starting on a new server database take turns. */
  if (gad_db_engine (self->db) == GAD_DB_POSTGRESQL
      && !gad_store_exec (self, "SELECT pg_advisory_xact_lock (4242)", error))
    goto failed;
  if (!read_version (self, &version, error))
    goto failed;
  for (guint i = 0; i < numbers->len; i++)
    {
      int number = g_array_index (numbers, int, i);

      if (number <= version || number > target)
        continue;
      if (!run_migration (self, number, error))
        goto failed;
      version = number;
    }
  if (gad_db_engine (self->db) == GAD_DB_POSTGRESQL && !gad_store_server_secure (self, error))
    goto failed;
  return gad_store_commit (self, error);

failed:
  gad_store_rollback (self);
  return FALSE;
}

/* Brings an open database (a restored one, say) up to this version's schema. */
gboolean
gad_store_migrate (GadStore  *self,
                   GError   **error)
{
  return gad_store_migrate_to (self, gad_store_schema_version (), error);
}
