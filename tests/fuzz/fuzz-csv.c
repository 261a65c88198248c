/* fuzz-csv.c — arbitrary bytes as an import's CSV file, of every kind
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One store for the run, signed in as its administrator, whose imports are,
 * with two persons and a staff member for the history's rows to name;
 * every import happens inside a transaction that is rolled back, so each
 * input meets the same registry. An input refused for the role never
 * reached the parser: that fails the run.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gad-import.h"
#include "gad-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

guint gad_fuzz_reached;

static GadStore *
store (void)
{
  static GadStore *store;

  if (store == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("gadiba-fuzz-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "fuzz.db", NULL);
      const char *persons = "personal_code;surname;first_name\n161175-19997;Bērziņš;Jānis\n"
                            "32867300679;Ozoliņa;Līga\n";

      store = gad_store_open (path, NULL);
      g_assert (store != NULL);
      g_assert (gad_store_create_administrator (store, "Fuzz Admin", "fuzz", "fuzz-password-1",
                                                NULL) > 0);
      g_assert (gad_store_add_staff (store, &(GadStaff) { .name = "Ieva Jansone" }, NULL) > 0);
      g_assert (gad_import (store, GAD_IMPORT_PERSONS, "persons.csv", persons, strlen (persons),
                            0, NULL, NULL, NULL, NULL, NULL));
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
  /* Every kind of file, with and without skipping bad rows, by the input's length. */
  ok = gad_import (s, (size / 2) % GAD_IMPORT_N_KINDS, "fuzz.csv", (const char *) data, size,
                   size % 2 ? GAD_IMPORT_SKIP_BAD : 0, NULL, NULL, NULL, &report, &error);
  /* Refused imports say why; accepted ones report what they did; none is
   * refused for the role, or the parser was never reached. */
  g_assert (ok ? report != NULL : error != NULL && error->message[0] != '\0');
  g_assert (!g_error_matches (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED));
  gad_fuzz_reached++;
  gad_store_rollback (s);
  return 0;
}
