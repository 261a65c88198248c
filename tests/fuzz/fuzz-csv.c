/* fuzz-csv.c — arbitrary bytes as a persons CSV file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One store for the run; every import happens inside a transaction that is
 * rolled back, so each input meets the same empty registry.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gad-import.h"
#include "gad-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static GadStore *
store (void)
{
  static GadStore *store;

  if (store == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("gadiba-fuzz-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "fuzz.db", NULL);

      store = gad_store_open (path, NULL);
      g_assert (store != NULL);
      /* The file stays open; its name can go now. */
      g_unlink (path);
      g_rmdir (dir);
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  GadStore *s = store ();
  g_autoptr(GadImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert (gad_store_begin (s, NULL));
  ok = gad_import_persons (s, (const char *) data, size, size % 2, NULL, &report, &error);
  /* Refused imports say why; accepted ones report what they did. */
  g_assert (ok ? report != NULL : error != NULL && error->message[0] != '\0');
  gad_store_rollback (s);
  return 0;
}
