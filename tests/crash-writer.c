/* crash-writer.c — signs in as the clerk argv[3] (password in
 * $GADIBA_PASSWORD), says "ready", then writes persons one committed
 * transaction at a time and says so on stdout after each commit; test-trust
 * kills it at random.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "gad-store.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) store = NULL;
  guint64 next;

  if (argc != 4)
    return 2;
  store = gad_store_open (argv[1], &error);
  if (store == NULL || !gad_store_sign_in (store, argv[3], g_getenv ("GADIBA_PASSWORD"), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("ready\n");
  fflush (stdout);
  next = g_ascii_strtoull (argv[2], NULL, 10);
  for (;; next++)
    {
      g_autofree char *code = g_strdup_printf ("32%09" G_GUINT64_FORMAT, next % 1000000000);
      g_autoptr(GadPerson) p = g_object_new (GAD_TYPE_PERSON, "code", code, "last-name", "Ozols",
                                             "first-name", "Tests", NULL);

      if (gad_store_insert_person (store, p, &error) == 0)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* Only now, after COMMIT, is the write reported. */
      printf ("%s\n", code);
      fflush (stdout);
    }
}
