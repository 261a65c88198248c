/* fuzz-main.c — runs a fuzz target over kept inputs, without libFuzzer
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the normal build every harness is linked with this and run over its
 * seed corpus and the inputs that once crashed it (tests/fuzz/regressions),
 * so they stay fixed.
 */
#include "config.h"

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Each target counts the inputs that reached the code it fuzzes (past the
 * sign-in, the size limit, …): every kept input must. */
extern guint gad_fuzz_reached;

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  for (int a = 1; a < argc; a++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[a], 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (argv[a], name, NULL);
          g_autofree char *data = NULL;
          gsize size;

          if (name[0] == '.' || !g_file_get_contents (path, &data, &size, NULL))
            continue;
          LLVMFuzzerTestOneInput ((const guint8 *) data, size);
          n++;
        }
    }
  g_print ("%u inputs ran, %u reached the code under test\n", n, gad_fuzz_reached);
  return n > 0 && gad_fuzz_reached == n ? 0 : 1;
}
