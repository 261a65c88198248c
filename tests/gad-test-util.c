/* gad-test-util.c — a fresh database per test
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gad-test-util.h"

/* A path in a new temporary folder; the file does not exist yet. */
char *
gad_test_db_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gadiba-test-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "test.db", NULL);
}

GadStore *
gad_test_store (char **path_out)
{
  g_autofree char *path = gad_test_db_path ();
  g_autoptr(GError) error = NULL;
  GadStore *store = gad_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  gad_store_set_actor (store, 0, "test");
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return store;
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
