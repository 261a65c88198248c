/* gad-cli-bench.c — gadiba-cli bench: figures for the hot paths
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "gad-cli.h"
#include "gad-decision.h"
#include "gad-dashboard.h"
#include "gad-demo.h"
#include "gad-report.h"
#include "gad-store.h"
#include "gad-store-private.h"

int
gad_cli_compare_double (gconstpointer a,
                        gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

double
gad_cli_percentile (GArray *sorted,
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
  g_array_sort (times, gad_cli_compare_double);
}

/* The benchmark's own temporary folder, with whatever the tools left in it. */
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

static char *engine;          /* --db-engine: sqlite, postgresql or a server's address */
static char *server_made;     /* the server database a bench made, dropped at its end */

/* The server --db-engine names: "postgresql" is the one libpq's environment names. */
static const char *
bench_server (void)
{
  return g_str_equal (engine, "postgresql") ? "dbname=postgres" : engine;
}

/* The bench's database: a file in @dir, or a new database on the server
 * (--db-engine postgresql: the one libpq's environment names). */
char *
gad_cli_bench_database (const char  *dir,
                        GError     **error)
{
  g_autofree char *name = NULL;
  const char *server;

  if (engine == NULL || g_str_equal (engine, "sqlite"))
    return g_build_filename (dir, "bench.db", NULL);
  server = bench_server ();
  name = g_strdup_printf ("gadiba_bench_%d", (int) getpid ());
  gad_store_drop_server_database (server, name, NULL);
  g_free (server_made);
  server_made = g_strdup (name);
  return gad_store_create_server_database (server, name, error);
}

void
gad_cli_bench_done (const char *dir)
{
  if (server_made)
    gad_store_drop_server_database (bench_server (), server_made, NULL);
  g_clear_pointer (&server_made, g_free);
  remove_tree (dir);
}

static double move_s;   /* the last demo's move to the server */

/* A demo county of @persons in the bench's database. On a server it is
 * built in a file and moved there as gadiba-cli migrate does (timed): the
 * server is for reading here, the demo builder writes row by row. */
GadStore *
gad_cli_bench_demo (const char  *dir,
            int          persons,
            GError     **error)
{
  g_autofree char *target = gad_cli_bench_database (dir, error);
  g_autofree char *file = NULL;
  g_autoptr(GadStore) store = NULL;
  GadMoveReport report;
  gint64 start;

  if (target == NULL)
    return NULL;
  if (!gad_store_is_address (target))
    {
      store = gad_store_open (target, error);
      if (store == NULL || !gad_demo_build (store, persons, 1, GAD_DEMO_DAY, NULL, NULL, NULL, error))
        return NULL;
      return g_steal_pointer (&store);
    }
  file = g_build_filename (dir, "demo.db", NULL);
  if ((store = gad_store_open (file, error)) == NULL
      || !gad_demo_build (store, persons, 1, GAD_DEMO_DAY, NULL, NULL, NULL, error)
      || !gad_store_sign_in (store, "admin", GAD_DEMO_PASSWORD, error))
    return NULL;
  start = g_get_monotonic_time ();
  if (!gad_store_move_to_server (store, target, GAD_DEMO_PASSWORD, NULL, NULL, NULL, &report, error))
    return NULL;
  move_s = (g_get_monotonic_time () - start) / 1e6;
  g_print ("  moved to the server     %8.2f s   (%" G_GINT64_FORMAT " rows, checked)\n", move_s,
           report.rows);
  g_clear_object (&store);
  if ((store = gad_store_sign_in_to (target, "admin", GAD_DEMO_PASSWORD, error)) == NULL
      || !gad_demo_give_passwords (store, error))
    return NULL;
  /* The benches sign in as the role they time; the letters act as the
   * system, on the server's own connection. */
  g_clear_object (&store);
  return gad_store_open (target, error);
}

const char *
gad_cli_bench_engine (void)
{
  return engine && !g_str_equal (engine, "sqlite") ? "PostgreSQL" : "SQLite";
}

static int
bench_registry (int persons)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gadiba-bench-XXXXXX", &error);
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) page = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint64 page_rows = 0, full_rows = 0;
  gint64 size;
  struct rusage usage;
  gint64 start;
  double build_s;

  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  start = g_get_monotonic_time ();
  if ((store = gad_cli_bench_demo (dir, persons, &error)) == NULL)
    goto fail;
  build_s = (g_get_monotonic_time () - start) / 1e6;
  /* Searched as a social worker signs in, rights checks included. */
  if (!gad_store_sign_in (store, "worker", GAD_DEMO_PASSWORD, &error))
    goto fail;

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

  size = gad_store_size (store);
  g_clear_object (&store);
  getrusage (RUSAGE_SELF, &usage);

  g_print ("registry benchmark: %d persons, %s\n", persons, gad_cli_bench_engine ());
  g_print ("  build demo database     %8.2f s\n", build_s);
  g_print ("  database size           %8.1f MB\n", size / 1e6);
  g_print ("  queries                 %8u (prefixes of 1-8 characters of surnames and codes)\n",
           queries->len);
  g_print ("  search, first 50 rows   median %6.3f ms   p95 %6.3f ms\n", gad_cli_percentile (page, 0.5),
           gad_cli_percentile (page, 0.95));
  g_print ("  search, all ids         median %6.3f ms   p95 %6.3f ms   (%.0f rows a query)\n",
           gad_cli_percentile (full, 0.5), gad_cli_percentile (full, 0.95), (double) full_rows / queries->len);
  g_print ("  peak RSS                %8.1f MB\n", usage.ru_maxrss / 1024.0);

  gad_cli_bench_done (dir);
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

/* Wall times from starting `gadiba --db DATABASE` to the sign-in window's
 * first frame (@first) and from there, signed in as a desk clerk, to the main
 * window's first frame with the registry (@main). */
static gboolean
time_startup (const char  *gadiba,
              const char  *database,
              double      *first,
              double      *main,
              GError     **error)
{
  const char *argv[] = { gadiba, "--db", database, NULL };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  gint64 start = g_get_monotonic_time (), signed_in = 0;
  char *line;

  *first = *main = -1;
  g_subprocess_launcher_setenv (launcher, "GADIBA_BENCH_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GADIBA_BENCH_USER", "clerk", TRUE);
  g_subprocess_launcher_setenv (launcher, "GADIBA_BENCH_PASSWORD", GAD_DEMO_PASSWORD, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return FALSE;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, error)))
    {
      gint64 now = g_get_monotonic_time ();

      if (g_str_equal (line, "first-frame"))
        {
          *first = (now - start) / 1000.0;
          signed_in = now;
        }
      else if (g_str_equal (line, "main-frame") && signed_in > 0)
        *main = (now - signed_in) / 1000.0;
      g_free (line);
    }
  if (!g_subprocess_wait_check (process, NULL, error))
    return FALSE;
  if (*first < 0 || *main < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   *first < 0 ? "gadiba drew no sign-in window"
                              : "gadiba drew no main window after signing in");
      return FALSE;
    }
  return TRUE;
}

static int
bench_startup (int persons)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gadiba = find_gadiba ();
  g_autofree char *dir = NULL;
  g_autoptr(GadStore) store = NULL;
  g_autofree char *database = NULL;
  g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) mains = g_array_new (FALSE, FALSE, sizeof (double));

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
  if ((store = gad_cli_bench_demo (dir, persons, &error)) == NULL)
    goto fail;
  database = g_strdup (gad_store_get_path (store));
  g_clear_object (&store);

  for (guint i = 0; i < 6; i++)
    {
      double first, main;

      if (!time_startup (gadiba, database, &first, &main, &error))
        goto fail;
      if (i > 0) /* the first run warms the disk cache */
        {
          g_array_append_val (firsts, first);
          g_array_append_val (mains, main);
        }
    }
  g_array_sort (firsts, gad_cli_compare_double);
  g_array_sort (mains, gad_cli_compare_double);
  g_print ("startup benchmark: %d persons, %s\n", persons, gad_cli_bench_engine ());
  g_print ("  start to sign-in window (first frame)   median %6.1f ms   max %6.1f ms   (%u runs)\n",
           gad_cli_percentile (firsts, 0.5), gad_cli_percentile (firsts, 1.0), firsts->len);
  g_print ("  sign-in to registry (its rows drawn)    median %6.1f ms   max %6.1f ms\n",
           gad_cli_percentile (mains, 0.5), gad_cli_percentile (mains, 1.0));
  gad_cli_bench_done (dir);
  return 0;

fail:
  g_printerr ("gadiba-cli bench: %s\n", error->message);
  return 1;
}

/* An HTML file with the letter's text, for the office suite to convert. */
static char *
office_letter (GadStore   *store,
               gint64      decision_id,
               const char *dir,
               guint       index)
{
  g_autoptr(GadDecision) d = gad_store_get_decision (store, decision_id, NULL);
  g_autofree char *html = NULL;
  g_autofree char *name = g_strdup_printf ("letter-%03u.html", index);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  const char *parts[] = { d->facts, d->legal_basis, d->reasoning, d->decision_text };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *escaped = g_markup_escape_text (parts[i], -1);
      g_string_append_printf (body, "<p>%s</p>\n", escaped);
    }
  html = g_strdup_printf ("<html><head><meta charset=\"utf-8\"></head><body>"
                          "<p style=\"text-align:right\">Ierobežotas pieejamības informācija</p>"
                          "<h2 style=\"text-align:center\">Bauskas novada Sociālais dienests</h2>"
                          "<h3 style=\"text-align:center\">LĒMUMS</h3><p>Nr. %s</p>%s"
                          "<p>Lēmumu var apstrīdēt Bauskas novada domē viena mēneša laikā.</p>"
                          "</body></html>", d->number, body->str);
  g_file_set_contents (path, html, -1, NULL);
  return path;
}

static double
convert_with_office (const char  *office,
                     GPtrArray   *files,
                     const char  *dir)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);
  gint64 start = g_get_monotonic_time ();
  int status = -1;

  g_ptr_array_add (argv, (char *) office);
  g_ptr_array_add (argv, profile);
  g_ptr_array_add (argv, "--headless");
  g_ptr_array_add (argv, "--convert-to");
  g_ptr_array_add (argv, "pdf:writer_pdf_Export");
  g_ptr_array_add (argv, "--outdir");
  g_ptr_array_add (argv, (char *) dir);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (files, i));
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) || status != 0)
    return -1;
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Issues @count decisions on a small demo county and times them: each one
 * reads its application, person, household and rates, takes a number,
 * renders the letter and writes everything in one transaction. */
static int
bench_letters (int      count,
               gboolean compare_office)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gadiba-bench-XXXXXX", &error);
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) decisions = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 start;
  double issue_ms, render_ms;

  if (dir == NULL)
    goto fail;
  if ((store = gad_cli_bench_demo (dir, 2000, &error)) == NULL)
    goto fail;
  /* Decisions for clients all over the county: no one role may, the bench's
   * own database acts as the system. */
  gad_store_act_as_system (store, "bench");
  if (!gad_store_search (store, "", GAD_SORT_NAME, FALSE, 0, ids, &error))
    goto fail;

  start = g_get_monotonic_time ();
  for (int i = 0; i < count; i++)
    {
      GadRequest r = { 0 };
      GadDecisionDraft d = { 0 };
      gint64 request, id;

      r.person_id = g_array_index (ids, gint64, (guint) i % ids->len);
      r.type_code = "gmi";
      r.received_on = "2026-03-02";
      r.incoming_no = "B-1";
      if ((request = gad_store_insert_request (store, &r, &error)) == 0)
        goto fail;
      d.request_id = request;
      d.outcome = "grant";
      d.amount_cents = 8000;
      d.period_from = "2026-03-01";
      d.period_to = "2026-08-31";
      d.facts = "Mājsaimniecības materiālā situācija izvērtēta.";
      d.legal_basis = "Sociālo pakalpojumu un sociālās palīdzības likuma 33. panta pirmā daļa";
      d.reasoning = "Iesniedzējs atbilst pabalsta saņemšanas nosacījumiem.";
      d.issued_on = "2026-03-10";
      if ((id = gad_decision_issue (store, &d, &error)) == 0)
        goto fail;
      g_array_append_val (decisions, id);
    }
  issue_ms = (g_get_monotonic_time () - start) / 1000.0 / count;

  start = g_get_monotonic_time ();
  for (int i = 0; i < count; i++)
    {
      g_autoptr(GBytes) pdf = gad_store_get_decision_pdf (store, g_array_index (decisions, gint64,
                                                                                 i), &error);
      if (pdf == NULL)
        goto fail;
    }
  render_ms = (g_get_monotonic_time () - start) / 1000.0 / count;

  g_print ("letters benchmark: %d decisions, %s\n", count, gad_cli_bench_engine ());
  g_print ("  issue (reads, number, letter, write)   %7.2f ms a letter   %7.0f letters/s\n",
           issue_ms, 1000.0 / issue_ms);
  g_print ("  reprint a stored letter                 %7.3f ms a letter\n", render_ms);

  if (compare_office)
    {
      g_autofree char *office = g_find_program_in_path ("libreoffice");

      if (office == NULL)
        g_print ("  office suite: libreoffice is not installed; comparison skipped\n");
      else
        {
          g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_free);
          double single, many;

          g_ptr_array_add (one, office_letter (store, g_array_index (decisions, gint64, 0), dir,
                                               0));
          for (guint i = 1; i <= 20; i++)
            g_ptr_array_add (batch, office_letter (store, g_array_index (decisions, gint64,
                                                                         i % decisions->len),
                                                   dir, i));
          convert_with_office (office, one, dir); /* the first start sets up a profile */
          single = convert_with_office (office, one, dir);
          many = convert_with_office (office, batch, dir);
          if (single < 0 || many < 0)
            g_print ("  office suite: the conversion failed; comparison skipped\n");
          else
            {
              g_print ("  libreoffice, one letter                 %7.1f ms   (%.0f× Gādība)\n",
                       single, single / issue_ms);
              g_print ("  libreoffice, batch of 20                %7.1f ms a letter   (%.0f×)\n",
                       many / 20, many / 20 / issue_ms);
            }
        }
    }
  g_clear_object (&store);
  gad_cli_bench_done (dir);
  return 0;

fail:
  g_printerr ("gadiba-cli bench: %s\n", error ? error->message : "?");
  return 1;
}

/* A full dashboard refresh (headline figures and every chart) and the yearly
 * report, on a demo county of @persons. */
static int
bench_dashboard (int persons,
                 int years)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gadiba-bench-XXXXXX", &error);
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GArray) refresh = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) report = g_array_new (FALSE, FALSE, sizeof (double));
  int to = 2026, from = MAX (2012, to - years + 1);
  gint64 start;
  double build_s;

  if (dir == NULL)
    goto fail;
  start = g_get_monotonic_time ();
  if ((store = gad_cli_bench_demo (dir, persons, &error)) == NULL)
    goto fail;
  build_s = (g_get_monotonic_time () - start) / 1e6;
  /* The dashboards as the head sees them. */
  if (!gad_store_sign_in (store, "head", GAD_DEMO_PASSWORD, &error))
    goto fail;

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GadDashboard) d = NULL;
      g_autoptr(GBytes) pdf = NULL;
      double ms;

      start = g_get_monotonic_time ();
      if ((d = gad_dashboard_refresh (store, from, to, "2026-11-22", NULL, NULL, NULL, &error)) == NULL)
        goto fail;
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (refresh, ms);
      start = g_get_monotonic_time ();
      if ((pdf = gad_report_render (store, to, "lv", NULL, &error)) == NULL)
        goto fail;
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (report, ms);
    }
  g_array_sort (refresh, gad_cli_compare_double);
  g_array_sort (report, gad_cli_compare_double);
  g_print ("dashboard benchmark: %d persons, years %d-%d, %s\n", persons, from, to,
           gad_cli_bench_engine ());
  g_print ("  build demo database          %8.2f s\n", build_s);
  g_print ("  dashboard refresh            median %7.1f ms   max %7.1f ms\n",
           gad_cli_percentile (refresh, 0.5), gad_cli_percentile (refresh, 1.0));
  g_print ("  yearly report (PDF)          median %7.1f ms   max %7.1f ms\n",
           gad_cli_percentile (report, 0.5), gad_cli_percentile (report, 1.0));
  g_clear_object (&store);
  gad_cli_bench_done (dir);
  return 0;

fail:
  g_printerr ("gadiba-cli bench: %s\n", error ? error->message : "?");
  return 1;
}

static double
median_ms (GArray *times)
{
  g_array_sort (times, gad_cli_compare_double);
  return gad_cli_percentile (times, 0.5);
}

/* A year of weekly home-care visits for @clients clients, five to a carer
 * and packed into three visits a day: expanding it, checking it for
 * conflicts, laying out a week of a team of 40 carers, and saving one more
 * entry (with its check). */
static int
bench_schedule (int clients)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gadiba-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GArray) staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) expand = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) check = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_occurrences = 0, n_conflicts = 0, n_blocks = 0;
  g_autofree guint8 *busy = NULL;
  gint64 start;
  double setup_s;

  if (dir == NULL)
    goto fail;
  if ((path = gad_cli_bench_database (dir, &error)) == NULL)
    goto fail;
  if ((store = gad_store_open (path, &error)) == NULL)
    goto fail;
  /* The bench builds its own staff, clients and plans: it acts as the system. */
  gad_store_act_as_system (store, "bench");
  start = g_get_monotonic_time ();
  if (!gad_store_begin (store, &error))
    goto fail;
  for (int i = 0; i < MAX (clients / 5, 40) + 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("Aprūpētāja %d", i + 1);
      GadStaff s = { 0, name, (char *) "Aprūpētājs",
                     (char *) (i < 40 ? "Aprūpes nodaļa" : "Aprūpes nodaļa, Bauska"), 0 };
      gint64 id = gad_store_add_staff (store, &s, &error);

      if (id == 0)
        goto fail;
      g_array_append_val (staff, id);
    }
  busy = g_new0 (guint8, staff->len * 15);
  for (int i = 0; i < clients; i++)
    {
      gint64 carer = i / 5;
      guint8 *row = NULL;
      guint days = 0;
      g_autofree char *code = g_strdup_printf ("33%04d-%05d", i / 100000, i % 100000);
      g_autoptr(GadPerson) p = g_object_new (GAD_TYPE_PERSON, "code", code, "last-name", "Bērziņš",
                                             "first-name", "Jānis", "address", "Rīgas iela 1",
                                             NULL);
      GadServicePlan plan = { 0 };
      GadEntry e = { 0 };
      int level = 1 + i % 4;

      plan.person_id = gad_store_insert_person (store, p, &error);
      plan.service_code = (char *) "home-care";
      plan.level = level;
      plan.period_from = (char *) "2026-01-01";
      plan.period_to = (char *) "2026-12-31";
      plan.staff_id = g_array_index (staff, gint64, carer);
      if (plan.person_id == 0 || gad_store_save_service_plan (store, &plan, &error) == 0)
        goto fail;
      e.kind = (char *) "visit";
      e.staff_id = plan.staff_id;
      e.person_id = plan.person_id;
      e.plan_id = plan.id;
      e.start_date = (char *) "2026-01-05";
      e.until_date = (char *) "2026-12-31";
      /* The first of the carer's three daily slots with enough free days. */
      for (int slot = 0; slot < 3 && days == 0; slot++)
        {
          guint found = 0, mask = 0;

          row = busy + (carer * 3 + slot) * 5;
          for (int d = 0; d < 5; d++)
            if (!row[d] && found < (guint) level)
              mask |= 1u << d, found++;
          if (found == (guint) level)
            {
              days = mask;
              e.start_minute = 9 * 60 + slot * 165;
            }
        }
      for (int d = 0; d < 5; d++)
        if (days & (1u << d))
          row[d] = 1;
      e.minutes = (int[]) { 90, 120, 140, 150 }[level - 1];
      e.weekdays = days;
      if (gad_store_save_entry (store, &e, &error) == 0)
        goto fail;
    }
  if (!gad_store_commit (store, &error))
    goto fail;
  setup_s = (g_get_monotonic_time () - start) / 1e6;

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(GPtrArray) year = NULL, conflicts = NULL;
      double ms;

      start = g_get_monotonic_time ();
      if ((year = gad_store_list_occurrences (store, NULL, "2026-01-01", "2026-12-31", &error)) == NULL)
        goto fail;
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (expand, ms);
      n_occurrences = year->len;
      start = g_get_monotonic_time ();
      if ((conflicts = gad_store_find_conflicts (store, "2026-01-01", "2026-12-31", &error)) == NULL)
        goto fail;
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (check, ms);
      n_conflicts = conflicts->len;
    }
  for (int i = 0; i < 20; i++)
    {
      GadScheduleFilter team = { .department = "Aprūpes nodaļa" };
      g_autoptr(GPtrArray) week = NULL;
      g_autoptr(GArray) blocks = NULL;
      double ms;

      start = g_get_monotonic_time ();
      if ((week = gad_store_list_occurrences (store, &team, "2026-03-02", "2026-03-08", &error)) == NULL)
        goto fail;
      blocks = gad_week_layout (week, "2026-03-02");
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (layout, ms);
      n_blocks = blocks->len;
    }
  for (int i = 0; i < 20; i++)
    {
      GadEntry e = { 0 };
      g_autofree char *day = g_strdup_printf ("2026-06-%02d", 1 + i);
      double ms;

      /* A staff member without clients: appointments, one a day, no conflicts. */
      e.kind = (char *) "appointment";
      e.staff_id = g_array_index (staff, gint64, staff->len - 1);
      e.person_id = 1 + i;
      e.start_date = day;
      e.start_minute = 10 * 60;
      e.minutes = 30;
      start = g_get_monotonic_time ();
      if (gad_store_save_entry (store, &e, &error) == 0)
        goto fail;
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (save, ms);
    }

  g_print ("schedule benchmark (%s): %d clients with weekly home-care visits in 2026, %u carers\n",
           gad_cli_bench_engine (),
           clients, staff->len - 1);
  g_print ("  set up (plans, entries, checks)  %8.2f s\n", setup_s);
  g_print ("  expand the year                  median %7.1f ms   (%u visits)\n",
           median_ms (expand), n_occurrences);
  g_print ("  check the year for conflicts     median %7.1f ms   (%u conflicts)\n",
           median_ms (check), n_conflicts);
  g_print ("  lay out a week of 40 staff       median %7.2f ms   (%u blocks)\n",
           median_ms (layout), n_blocks);
  g_print ("  save an entry with its check     median %7.2f ms\n", median_ms (save));
  g_clear_object (&store);
  gad_cli_bench_done (dir);
  return 0;

fail:
  g_printerr ("gadiba-cli bench: %s\n", error ? error->message : "?");
  return 1;
}

int
gad_cli_bench (int      argc,
               char   **argv,
               GError **error)
{
  int persons = 100000, count = 0, years = 15, clients = 0, seconds = 60, pause = -1;
  gboolean compare_office = FALSE;
  GOptionEntry entries[] = {
    { "persons", 0, 0, G_OPTION_ARG_INT, &persons, N_("How many persons (default 100 000)"), "N" },
    { "count", 0, 0, G_OPTION_ARG_INT, &count,
      N_("How many letters (default 200), certificates (default 500), or records in the case "
         "(default 2 000)"), "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("How many years the dashboard shows (default 15)"),
      "Y" },
    { "clients", 0, 0, G_OPTION_ARG_INT, &clients,
      N_("How many home-care clients the schedule has (default 500), or how many sessions work "
         "at once on the server (default 40)"), "N" },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds,
      N_("How long the sessions work on the server (default 60)"), "S" },
    { "pause", 0, 0, G_OPTION_ARG_INT, &pause,
      N_("How long a session pauses between operations on the server, on average, as a person "
         "does; 0 for none (default: a phase pausing 1 s, then one without pauses)"), "MS" },
    { "db-engine", 0, 0, G_OPTION_ARG_STRING, &engine,
      N_("sqlite (default), postgresql (the server libpq's environment names) or a server’s "
         "address: where the bench builds its database"), N_("ENGINE") },
    { "compare-office", 0, 0, G_OPTION_ARG_NONE, &compare_office,
      N_("Also time LibreOffice converting equivalent letters"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("registry|startup|letters|documents|dashboard|schedule|import|casefile|search|route|remote|survey|server"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (argc == 2 && persons > 0 && g_str_equal (argv[1], "registry"))
    return bench_registry (persons);
  if (argc == 2 && persons > 0 && g_str_equal (argv[1], "startup"))
    return bench_startup (persons);
  if (argc == 2 && count >= 0 && g_str_equal (argv[1], "letters"))
    return bench_letters (count ? count : 200, compare_office);
  if (argc == 2 && persons > 0 && years > 0 && g_str_equal (argv[1], "dashboard"))
    return bench_dashboard (persons, years);
  if (argc == 2 && clients >= 0 && g_str_equal (argv[1], "schedule"))
    return bench_schedule (clients ? clients : 500);
  if (argc == 2 && persons > 0 && g_str_equal (argv[1], "import"))
    return gad_cli_bench_import (persons);
  if (argc == 2 && count >= 0 && g_str_equal (argv[1], "casefile"))
    return gad_cli_bench_casefile (count ? count : 2000);
  if (argc == 2 && persons > 0 && g_str_equal (argv[1], "remote"))
    return gad_cli_bench_remote (persons);
  if (argc == 2 && g_str_equal (argv[1], "route"))
    return gad_cli_bench_route ();
  if (argc == 2 && count >= 0 && g_str_equal (argv[1], "documents"))
    return gad_cli_bench_documents (count ? count : 500);
  if (argc == 2 && count >= 0 && g_str_equal (argv[1], "survey"))
    return gad_cli_bench_survey (count ? count : 10000);
  if (argc == 2 && count >= 0 && g_str_equal (argv[1], "search"))
    return gad_cli_bench_search (count ? count : 1000000);
  if (argc == 2 && persons > 0 && clients >= 0 && seconds > 0 && pause >= -1
      && g_str_equal (argv[1], "server"))
    {
      if (engine == NULL || g_str_equal (engine, "sqlite"))
        engine = g_strdup ("postgresql");
      return gad_cli_bench_server (persons, clients ? clients : 40, seconds, pause);
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("Usage: gadiba-cli bench registry|startup [--persons N] | letters [--count N] "
                 "[--compare-office] | documents [--count N] | dashboard [--persons N] [--years Y] | schedule [--clients N] "
                 "| import [--persons N] | casefile [--count N] | search [--count N] | route | remote [--persons N] "
                 "| survey [--count N] | server [--clients N] "
                 "[--seconds S] [--persons N] [--pause MS]"));
  return 2;
}
