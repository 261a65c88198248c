/* gad-cli-bench-import.c — gadiba-cli bench import: a service's records brought in
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Into an empty database with accounts, as its administrator, the way a new
 * service starts: the registry (persons, then their households), a million
 * payment rows, and the window's preview of a 100 MB file. The files are
 * made here, as a state system's export would have them.
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gad-cli.h"
#include "gad-demo.h"
#include "gad-import.h"

#define PAYMENTS 1000000

static const char *surnames[] = { "Bērziņš", "Kalniņa", "Ozols", "Jansone", "Liepa", "Kļaviņa",
                                  "Krūmiņš", "Eglīte", "Zariņš", "Šmite", "Vītols", "Ģērmane" };
static const char *first_names[] = { "Jānis", "Anna", "Pēteris", "Līga", "Andris", "Ilze",
                                     "Ģirts", "Žanna", "Uldis", "Māra", "Ēriks", "Inese" };

/* A new-format personal code, one a person. */
static void
code_of (guint n,
         char  code[13])
{
  g_snprintf (code, 13, "32%09u", n);
}

static void
make_files (guint     persons,
            GString  *registry,
            GString  *households,
            GString  *payments)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  guint household = 0, left = 0;
  char code[13];

  g_string_append (registry, "Personas kods;Uzvārds;Vārds;Dzimums;Dzimšanas datums;Adrese;"
                             "Pagasts\n");
  g_string_append (households, "household;personal_code;relation;from\n");
  for (guint i = 0; i < persons; i++)
    {
      gboolean male = g_rand_boolean (rand);

      code_of (i, code);
      g_string_append_printf (registry, "%s;%s;%s;%s;%02d.%02d.%d;Skolas iela %u, Bauska;%s\n",
                              code, surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                              first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                              male ? "V" : "S", g_rand_int_range (rand, 1, 29),
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1930, 2024),
                              i / 3, i % 7 ? "Codes pagasts" : "Bauskas pilsēta");
      /* Households of one to four, the first member its applicant. */
      const char *relation = g_rand_int_range (rand, 0, 3) ? "child" : "spouse";

      if (left == 0)
        {
          left = g_rand_int_range (rand, 1, 5);
          household++;
          relation = "applicant";
        }
      left--;
      g_string_append_printf (households, "%u;%s;%s;01.01.2020\n", household, code, relation);
    }
  g_string_append (payments, "personal_code;benefit;month;amount;source\n");
  for (guint i = 0; i < PAYMENTS; i++)
    {
      code_of (g_rand_int_range (rand, 0, persons), code);
      g_string_append_printf (payments, "%s;%s;%02d.%d;%d,%02d;%s\n", code,
                              i % 3 ? "gmi" : "housing", g_rand_int_range (rand, 1, 13),
                              g_rand_int_range (rand, 2019, 2027), g_rand_int_range (rand, 5, 300),
                              g_rand_int_range (rand, 0, 100), i % 5 ? "municipal" : "state");
    }
}

static gboolean
timed_import (GadStore      *store,
              GadImportKind  kind,
              GString       *data,
              double        *seconds,
              GError       **error)
{
  g_autoptr(GadImportReport) report = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autofree char *name = g_strdup_printf ("%s.csv", gad_import_kind_name (kind));

  if (!gad_import (store, kind, name, data->str, data->len, 0, NULL, NULL, NULL, &report, error))
    return FALSE;
  *seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("  %-22s %8.2f s   (%u rows, %.0f a second)\n", gad_import_kind_name (kind), *seconds,
           report->imported, report->imported / *seconds);
  return TRUE;
}

int
gad_cli_bench_import (int persons)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gadiba-bench-XXXXXX", &error);
  g_autofree char *target = NULL;
  g_autofree char *big_path = NULL;
  g_autoptr(GString) registry = g_string_new (NULL);
  g_autoptr(GString) households = g_string_new (NULL);
  g_autoptr(GString) payments = g_string_new (NULL);
  g_autoptr(GadStore) store = NULL;
  double persons_s, households_s, payments_s, peek_ms;

  if (dir == NULL || (target = gad_cli_bench_database (dir, &error)) == NULL)
    goto fail;
  g_print ("import benchmark: %d persons with households, %d payments, %s\n", persons, PAYMENTS,
           gad_cli_bench_engine ());
  make_files ((guint) persons, registry, households, payments);
  {
    g_autoptr(GadStore) owner = gad_store_open (target, &error);

    if (owner == NULL
        || gad_store_create_administrator (owner, "Jānis Kalniņš", "admin", GAD_DEMO_PASSWORD,
                                           &error) == 0)
      goto fail;
  }
  if ((store = gad_store_sign_in_to (target, "admin", GAD_DEMO_PASSWORD, &error)) == NULL
      || !timed_import (store, GAD_IMPORT_PERSONS, registry, &persons_s, &error)
      || !timed_import (store, GAD_IMPORT_HOUSEHOLDS, households, &households_s, &error))
    goto fail;
  g_print ("  registry in all          %8.2f s   (goal ≤ 30 s)\n", persons_s + households_s);
  {
    gint64 start = g_get_monotonic_time ();
    g_autoptr(GPtrArray) pairs = gad_store_find_duplicates (store, 0, &error);

    if (pairs == NULL)
      goto fail;
    g_print ("  possible duplicates      %8.2f s   (%u pairs; goal ≤ 5 s)\n",
             (g_get_monotonic_time () - start) / 1e6, pairs->len);
  }
  if (!timed_import (store, GAD_IMPORT_PAYMENTS, payments, &payments_s, &error))
    goto fail;
  g_print ("  (goal for payments ≤ 60 s)\n");

  /* The window's preview of a 100 MB file: read from the disk, its start shown. */
  big_path = g_build_filename (dir, "big.csv", NULL);
  {
    g_autoptr(GString) big = g_string_new (payments->str);
    g_autofree char *data = NULL;
    g_autoptr(GadImportReport) report = NULL;
    gsize length;
    gint64 start;

    while (big->len < 100 * 1000 * 1000)
      g_string_append (big, strchr (payments->str, '\n') + 1);
    if (!g_file_set_contents (big_path, big->str, big->len, &error))
      goto fail;
    start = g_get_monotonic_time ();
    if (!g_file_get_contents (big_path, &data, &length, &error)
        || !gad_import_peek (GAD_IMPORT_PAYMENTS, data, length, &report, &error))
      goto fail;
    peek_ms = (g_get_monotonic_time () - start) / 1000.0;
    g_print ("  preview of %.0f MB        %8.1f ms  (read and shown; goal ≤ 1 000 ms)\n",
             length / 1e6, peek_ms);
  }
  g_clear_object (&store);
  gad_cli_bench_done (dir);
  return 0;

fail:
  g_printerr ("gadiba-cli bench: %s\n", error ? error->message : "?");
  g_clear_object (&store);
  if (dir)
    gad_cli_bench_done (dir);
  return 1;
}
