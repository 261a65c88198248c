/* gad-cli-bench.c — gadiba-cli bench: figures for the hot paths
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "gad-cli.h"
#include "gad-demo.h"
#include "gad-store.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, i);
}

/* Every prefix of 1–8 characters of @word, as a person types it. */
static void
add_prefixes (GPtrArray  *queries,
              const char *word)
{
  for (glong n = 1; n <= 8 && n <= g_utf8_strlen (word, -1); n++)
    g_ptr_array_add (queries, g_utf8_substring (word, 0, n));
}

static void
time_queries (GadStore  *store,
              GPtrArray *queries,
              guint      limit,
              GArray    *times,
              guint64   *rows)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < queries->len; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      gad_store_search (store, g_ptr_array_index (queries, i), GAD_SORT_RELEVANCE, FALSE, limit,
                        ids, NULL);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      *rows += ids->len;
    }
  g_array_sort (times, compare_double);
}

static int
bench_registry (int persons)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gadiba-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) page = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint64 page_rows = 0, full_rows = 0;
  GStatBuf st;
  struct rusage usage;
  gint64 start;
  double build_s;

  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "bench.db", NULL);
  store = gad_store_open (path, &error);
  if (store == NULL)
    goto fail;

  start = g_get_monotonic_time ();
  if (!gad_demo_build (store, persons, 1, NULL, NULL, NULL, &error))
    goto fail;
  build_s = (g_get_monotonic_time () - start) / 1e6;

  /* Real surnames (typed with and without diacritics) and real codes. */
  if (!gad_store_search (store, "", GAD_SORT_NAME, FALSE, 0, ids, &error))
    goto fail;
  for (guint i = 0; i < 60; i++)
    {
      gint64 id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));
      g_autoptr(GadPerson) p = gad_store_get_person (store, id, NULL);
      g_autofree char *folded = g_str_to_ascii (gad_person_get_last_name (p), "C");

      add_prefixes (queries, i % 2 ? folded : gad_person_get_last_name (p));
      if (i % 3 == 0)
        add_prefixes (queries, gad_person_get_code (p));
    }

  time_queries (store, queries, 50, page, &page_rows);
  time_queries (store, queries, 0, full, &full_rows);

  g_clear_object (&store);
  g_stat (path, &st);
  getrusage (RUSAGE_SELF, &usage);

  g_print ("registry benchmark: %d persons\n", persons);
  g_print ("  build demo database     %8.2f s\n", build_s);
  g_print ("  database size           %8.1f MB\n", st.st_size / 1e6);
  g_print ("  queries                 %8u (prefixes of 1-8 characters of surnames and codes)\n",
           queries->len);
  g_print ("  search, first 50 rows   median %6.3f ms   p95 %6.3f ms\n", percentile (page, 0.5),
           percentile (page, 0.95));
  g_print ("  search, all ids         median %6.3f ms   p95 %6.3f ms   (%.0f rows a query)\n",
           percentile (full, 0.5), percentile (full, 0.95), (double) full_rows / queries->len);
  g_print ("  peak RSS                %8.1f MB\n", usage.ru_maxrss / 1024.0);

  g_remove (path);
  for (const char *suffix = "-wal"; suffix; suffix = g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *extra = g_strconcat (path, suffix, NULL);
      g_remove (extra);
    }
  g_rmdir (dir);
  return 0;

fail:
  g_printerr ("gadiba-cli bench: %s\n", error->message);
  return 1;
}

int
gad_cli_bench (int      argc,
               char   **argv,
               GError **error)
{
  int persons = 100000;
  GOptionEntry entries[] = {
    { "persons", 0, 0, G_OPTION_ARG_INT, &persons, N_("How many persons (default 100 000)"), "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("registry"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (argc != 2 || !g_str_equal (argv[1], "registry") || persons < 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli bench registry [--persons N]"));
      return 2;
    }
  return bench_registry (persons);
}
