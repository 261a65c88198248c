/* gad-test-util.c — a fresh database per test
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gad-test-util.h"
#include "gad-store-private.h"

#include <glib/gstdio.h>
#include <stdlib.h>

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

/* A path in a new temporary folder, removed when the test program ends;
 * the file does not exist yet. */
char *
gad_test_db_path (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gadiba-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (made_dirs == NULL)
    {
      made_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_made_dirs);
    }
  g_ptr_array_add (made_dirs, dir);
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
  gad_store_act_as_system (store, "test");
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return store;
}

/* Another connection to @path, acting as the system like gad_test_store(). */
GadStore *
gad_test_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  GadStore *store = gad_store_open (path, &error);

  g_assert_no_error (error);
  gad_store_act_as_system (store, "test");
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
