/* gad-test-util.c — a fresh database per test
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gad-route-stops.h"
#include "gad-test-util.h"
#include "gad-db.h"
#include "gad-demo.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static GPtrArray *made_dirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
remove_made_dirs (void)
{
  for (guint i = 0; i < made_dirs->len; i++)
    remove_tree (g_ptr_array_index (made_dirs, i));
  g_ptr_array_unref (made_dirs);
}

/* The throw-away server the suite runs against ($GADIBA_TEST_SERVER, a
 * libpq connection string to its maintenance database), or NULL when the
 * tests use SQLite files. */
const char *
gad_test_server (void)
{
  const char *server = g_getenv ("GADIBA_TEST_SERVER");

  return server && *server ? server : NULL;
}

/* Runs @sql on @target (a file or a connection string) beside the store,
 * as a tamperer or an old version would; the engine's verdict. */
GadDbError
gad_test_sql (const char *target,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GadDb) db = gad_db_open (target, &error);

  g_assert_no_error (error);
  return gad_db_exec (db, sql) ? GAD_DB_OK : gad_db_error (db);
}

/* The first column of the first row of @sql on @target, or NULL. */
char *
gad_test_sql_text (const char *target,
                   const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GadDb) db = gad_db_open (target, &error);
  g_autoptr(GadStmt) stmt = NULL;
  char *text = NULL;

  g_assert_no_error (error);
  stmt = gad_db_prepare (db, sql);
  g_assert_nonnull (stmt);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    text = g_strdup (gad_stmt_column_text (stmt, 0));
  g_clear_pointer (&stmt, gad_stmt_free);
  return text;
}

static GPtrArray *made_databases;

static void
drop_made_databases (void)
{
  for (guint i = 0; i < made_databases->len; i++)
    {
      const char *name = g_ptr_array_index (made_databases, i);
      g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
      g_autofree char *roles = g_strdup_printf (
        "DO $$ DECLARE r text; BEGIN"
        "  FOR r IN SELECT rolname FROM pg_roles WHERE rolname LIKE '%%@%s' LOOP"
        "   EXECUTE format ('DROP ROLE %%I', r); END LOOP; END $$",
        name);

      gad_test_sql (gad_test_server (), drop);
      gad_test_sql (gad_test_server (), roles);
    }
  g_ptr_array_unref (made_databases);
}

/* A new database on the test server, a copy of @template if given; its
 * connection string. Dropped, with its staff's roles, when the test program
 * ends. */
static char *
new_database (const char *template)
{
  static guint n;
  char *name = g_strdup_printf ("gadiba_test_%d_%u", (int) getpid (), ++n);
  g_autofree char *sql = template
                           ? g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", name, template)
                           : g_strdup_printf ("CREATE DATABASE %s", name);

  g_assert_cmpint (gad_test_sql (gad_test_server (), sql), ==, GAD_DB_OK);
  if (made_databases == NULL)
    {
      made_databases = g_ptr_array_new_with_free_func (g_free);
      atexit (drop_made_databases);
    }
  g_ptr_array_add (made_databases, name);
  return g_strdup_printf ("dbname=%s", name);
}

/* A path in a new temporary folder, removed when the test program ends;
 * the file does not exist yet. */
char *
gad_test_db_path (void)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  if (gad_test_server ())
    return new_database (NULL);
  dir = g_dir_make_tmp ("gadiba-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (made_dirs == NULL)
    {
      made_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_made_dirs);
    }
  g_ptr_array_add (made_dirs, dir);
  return g_build_filename (dir, "test.db", NULL);
}

static const char *logins[] = {
  [GAD_ROLE_ADMINISTRATOR] = "admin", [GAD_ROLE_HEAD] = "head",
  [GAD_ROLE_SOCIAL_WORKER] = "worker", [GAD_ROLE_CLERK] = "clerk",
  [GAD_ROLE_AUDITOR] = "auditor",
};

static void
add_accounts (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) store = gad_store_open (path, &error);

  g_assert_no_error (error);
  gad_store_create_administrator (store, "Anna Admine", logins[GAD_ROLE_ADMINISTRATOR],
                                  GAD_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  for (GadRole r = GAD_ROLE_HEAD; r <= GAD_ROLE_AUDITOR; r++)
    {
      static const char *names[] = {
        [GAD_ROLE_HEAD] = "Helēna Vadītāja", [GAD_ROLE_SOCIAL_WORKER] = "Sarmīte Darbiniece",
        [GAD_ROLE_CLERK] = "Klāvs Lietvedis", [GAD_ROLE_AUDITOR] = "Ojārs Revidents",
      };
      GadStaff s = { 0, (char *) names[r], (char *) "", (char *) GAD_TEST_DEPARTMENT, 0,
                     (char *) logins[r], r, TRUE };

      gad_store_add_account (store, &s, GAD_TEST_PASSWORD, &error);
      g_assert_no_error (error);
    }
  /* A second social worker of the same department: the colleague at the
   * next desk. */
  {
    GadStaff s = { 0, (char *) "Inese Ozola", (char *) "", (char *) GAD_TEST_DEPARTMENT, 0,
                   (char *) "colleague", GAD_ROLE_SOCIAL_WORKER, TRUE };

    gad_store_add_account (store, &s, GAD_TEST_PASSWORD, &error);
    g_assert_no_error (error);
  }
}

/* A database with one account for every role, made once per test program
 * (Argon2id takes a while on a file, making a server database too) and
 * copied for each test. */
static const char *
template_path (void)
{
  static char *path;

  if (path == NULL)
    {
      path = gad_test_db_path ();
      add_accounts (path);
    }
  return path;
}

const char *
gad_test_login (GadRole role)
{
  g_assert (role >= GAD_ROLE_ADMINISTRATOR && role <= GAD_ROLE_AUDITOR);
  return logins[role];
}

/* Another connection to @path, signed in as @login. */
GadStore *
gad_test_open_login (const char *path,
                     const char *login)
{
  g_autoptr(GError) error = NULL;
  GadStore *store = gad_store_open (path, &error);

  g_assert_no_error (error);
  gad_store_sign_in (store, login, GAD_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  return store;
}

/**
 * gad_test_open_as:
 *
 * Another connection to @path, signed in as the account of @role, as a
 * person at another desk would be.
 */
GadStore *
gad_test_open_as (const char *path,
                  GadRole     role)
{
  GadStore *store = gad_test_open_login (path, gad_test_login (role));

  g_assert_cmpint (gad_store_get_role (store), ==, role);
  return store;
}

/**
 * gad_test_store_as:
 * @path: (out) (optional): the database file
 *
 * A fresh database with an account for every role, signed in as @role.
 */
GadStore *
gad_test_store_as (GadRole   role,
                   char    **path_out)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  /* A server's accounts are its roles, named after the database: a copy's
   * are made as a server's administrator would after cloning one, with the
   * same SCRAM verifiers (they do not depend on the role's name). */
  if (gad_test_server ())
    {
      const char *template = template_path () + strlen ("dbname=");
      g_autofree char *roles = NULL;
      g_autofree char *copy = NULL;

      path = new_database (template);
      roles = g_strdup_printf (
        "DO $$ DECLARE s record; BEGIN"
        " FOR s IN SELECT username, role FROM staff WHERE username IS NOT NULL LOOP"
        "  EXECUTE format ('CREATE ROLE %%I LOGIN PASSWORD %%L IN ROLE %%I',"
        "   s.username || '@' || current_database (),"
        "   (SELECT rolpassword FROM pg_authid WHERE rolname = s.username || '@%s'),"
        "   'gadiba_' || replace (s.role, '-', '_'));"
        " END LOOP; END $$",
        template);
      copy = gad_db_conninfo_set (gad_test_server (), "dbname", path + strlen ("dbname="), NULL);
      g_assert_cmpint (gad_test_sql (copy, roles), ==, GAD_DB_OK);
    }
  else
    {
      g_autoptr(GFile) from = g_file_new_for_path (template_path ());
      g_autoptr(GFile) to = NULL;

      path = gad_test_db_path ();
      to = g_file_new_for_path (path);
      g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  if (path_out)
    *path_out = g_strdup (path);
  return gad_test_open_as (path, role);
}

/**
 * gad_test_demo:
 * @path: (out) (optional): the database file
 *
 * A demo county of @persons built into a fresh database (the one place the
 * system actor writes), signed in with the demo account of @role.
 */
GadStore *
gad_test_demo (guint     persons,
               guint32   seed,
               GadRole   role,
               char    **path_out)
{
  g_autofree char *path = gad_test_db_path ();
  g_autoptr(GError) error = NULL;
  GadStore *store = gad_store_open (path, &error);

  g_assert_no_error (error);
  gad_demo_build (store, persons, seed, GAD_DEMO_DAY, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gad_store_get_role (store), ==, GAD_ROLE_NONE);
  g_assert_true (gad_store_sign_in (store, gad_test_login (role), GAD_DEMO_PASSWORD, &error));
  g_assert_no_error (error);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return store;
}

/* Another connection to a demo database, signed in with the demo account of @role. */
GadStore *
gad_test_demo_open (const char *path,
                    GadRole     role)
{
  g_autoptr(GError) error = NULL;
  GadStore *store = gad_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (gad_store_sign_in (store, gad_test_login (role), GAD_DEMO_PASSWORD, &error));
  g_assert_no_error (error);
  return store;
}

/* The social worker: most tests are about what a social worker does. */
GadStore *
gad_test_store (char **path_out)
{
  return gad_test_store_as (GAD_ROLE_SOCIAL_WORKER, path_out);
}

GadStore *
gad_test_open (const char *path)
{
  return gad_test_open_as (path, GAD_ROLE_SOCIAL_WORKER);
}

/* The staff id of the account @login. */
gint64
gad_test_staff_id (GadStore   *store,
                   const char *login)
{
  g_autoptr(GPtrArray) staff = gad_store_list_staff (store);

  for (guint i = 0; i < staff->len; i++)
    {
      GadStaff *s = g_ptr_array_index (staff, i);

      if (g_strcmp0 (s->username, login) == 0)
        return s->id;
    }
  g_assert_not_reached ();
}

gint64
gad_test_person (GadStore   *store,
                 const char *code,
                 const char *last,
                 const char *first)
{
  g_autoptr(GadPerson) p = g_object_new (GAD_TYPE_PERSON, "code", code, "last-name", last,
                                         "first-name", first, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = gad_store_insert_person (store, p, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A file of places from tests/data, as gad_route_stops_parse() reads it. */
GPtrArray *
gad_test_read_places (const char  *name,
                      GError     **error)
{
  g_autofree char *path = g_build_filename (g_getenv ("GADIBA_TEST_DATA"), name, NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return gad_route_stops_parse (data, length, error);
}

/* A PDF's text as pdftotext reads it row by row (-raw), its words by
 * single spaces: what the tests look for in letters, documents, reports. */
char *
gad_test_pdf_text (GBytes *pdf)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "gadiba-pdf-XXXXXX", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_auto(GStrv) words = NULL;
  GString *all = g_string_new (NULL);
  int fd = g_mkstemp (path);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                      NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, NULL, &error));
  g_assert_no_error (error);
  g_unlink (path);
  words = g_strsplit_set (out, " \n\t\f", -1);
  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_string_append_printf (all, all->len ? " %s" : "%s", words[i]);
  return g_string_free (all, FALSE);
}
