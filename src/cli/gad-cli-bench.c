/* gad-cli-bench.c — gadiba-cli bench: figures for the hot paths
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
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

static void
remove_database (const char *path,
                 const char *dir)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (dir);
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

  remove_database (path, dir);
  return 0;

fail:
  g_printerr ("gadiba-cli bench: %s\n", error->message);
  return 1;
}

/* Where the window program is: beside this one when installed, in the build tree otherwise. */
static char *
find_gadiba (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self ? g_path_get_dirname (self) : g_get_current_dir ();
  char *beside = g_build_filename (dir, "gadiba", NULL);
  char *built = g_build_filename (dir, "..", "app", "gadiba", NULL);

  if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
    return g_free (built), beside;
  g_free (beside);
  if (g_file_test (built, G_FILE_TEST_IS_EXECUTABLE))
    return built;
  g_free (built);
  return g_find_program_in_path ("gadiba");
}

/* Wall time from starting `gadiba --db FILE` to its first drawn frame. */
static double
time_startup (const char  *gadiba,
              const char  *path,
              GError     **error)
{
  const char *argv[] = { gadiba, "--db", path, NULL };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  g_subprocess_launcher_setenv (launcher, "GADIBA_BENCH_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return -1;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, error)))
    {
      if (g_str_equal (line, "first-frame"))
        break;
      g_clear_pointer (&line, g_free);
    }
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (!g_subprocess_wait_check (process, NULL, error) || line == NULL)
    {
      if (error && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "gadiba drew no frame");
      return -1;
    }
  return ms;
}

static int
bench_startup (int persons)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gadiba = find_gadiba ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("gadiba-cli bench startup needs a display: run it under xvfb-run -a.\n");
      return 2;
    }
  if (gadiba == NULL)
    {
      g_printerr ("gadiba-cli bench startup: the gadiba program was not found.\n");
      return 1;
    }
  if ((dir = g_dir_make_tmp ("gadiba-bench-XXXXXX", &error)) == NULL)
    goto fail;
  path = g_build_filename (dir, "bench.db", NULL);
  if ((store = gad_store_open (path, &error)) == NULL
      || !gad_demo_build (store, persons, 1, NULL, NULL, NULL, &error))
    goto fail;
  g_clear_object (&store);

  for (guint i = 0; i < 6; i++)
    {
      double ms = time_startup (gadiba, path, &error);
      if (ms < 0)
        goto fail;
      if (i > 0) /* the first run warms the disk cache */
        g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_double);
  g_print ("startup benchmark: %d persons\n", persons);
  g_print ("  start to first frame of the registry   median %6.1f ms   max %6.1f ms   (%u runs)\n",
           percentile (times, 0.5), percentile (times, 1.0), times->len);
  remove_database (path, dir);
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
  g_autoptr(GOptionContext) context = g_option_context_new (_("registry|startup"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (argc == 2 && persons > 0 && g_str_equal (argv[1], "registry"))
    return bench_registry (persons);
  if (argc == 2 && persons > 0 && g_str_equal (argv[1], "startup"))
    return bench_startup (persons);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("Usage: gadiba-cli bench registry|startup [--persons N]"));
  return 2;
}
