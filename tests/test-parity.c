/* test-parity.c — one county on both engines: the same answers from SQLite and PostgreSQL
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A demo county is built into a file and moved to a server database (which
 * checks itself: row counts, letters' SHA-256, audit chain); then both are
 * asked the same questions as the same people and must answer alike. Runs
 * only against a test server (build-aux/run-tests starts one).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "gad-demo.h"
#include "gad-report.h"
#include "gad-stats.h"
#include "gad-test-util.h"

typedef struct
{
  char *file;
  char *server;
} County;

static County county;

static void
build_county (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) file = NULL;
  g_autoptr(GadStore) server = NULL;
  GadMoveReport report;

  county.server = gad_test_db_path ();   /* an empty server database */
  {
    g_autofree char *dir = g_dir_make_tmp ("gadiba-parity-XXXXXX", &error);

    g_assert_no_error (error);
    county.file = g_build_filename (dir, "county.db", NULL);
  }
  file = gad_store_open (county.file, &error);
  g_assert_no_error (error);
  g_assert_true (gad_demo_build (file, 1500, 11, GAD_DEMO_DAY, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&file);

  /* The clerk may not move a database; the administrator may. */
  file = gad_test_demo_open (county.file, GAD_ROLE_CLERK);
  g_assert_false (gad_store_move_to_server (file, county.server, GAD_TEST_PASSWORD, NULL, NULL, NULL, &report,
                                            &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_clear_object (&file);

  file = gad_test_demo_open (county.file, GAD_ROLE_ADMINISTRATOR);
  gad_store_move_to_server (file, county.server, GAD_DEMO_PASSWORD, NULL, NULL, NULL, &report,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.tables, ==, 60);
  g_assert_cmpint (report.rows, >, 10000);
  g_assert_cmpuint (report.letters, >, 10);
  g_assert_cmpint (report.audit_rows, >, 1000);

  /* Every account is a server account now: the administrator who moved the
   * file signs in with their password; the others have none until an
   * administrator gives them one. */
  {
    g_autoptr(GadStore) clerk = gad_store_sign_in_to (county.server, "clerk", GAD_DEMO_PASSWORD,
                                                      &error);
    g_autoptr(GadStore) admin = NULL;

    g_assert_null (clerk);
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN);
    g_clear_error (&error);
    admin = gad_store_sign_in_to (county.server, "admin", GAD_DEMO_PASSWORD, &error);
    g_assert_no_error (error);
    g_assert_true (gad_demo_give_passwords (admin, &error));
    g_assert_no_error (error);
    clerk = gad_store_sign_in_to (county.server, "clerk", GAD_DEMO_PASSWORD, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gad_store_get_role (clerk), ==, GAD_ROLE_CLERK);
  }
}

static void
test_move_refused_when_not_empty (void)
{
  g_autoptr(GadStore) file = gad_test_demo_open (county.file, GAD_ROLE_ADMINISTRATOR);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = gad_test_sql_text (county.server, "SELECT count (*) FROM persons");
  g_autofree char *after = NULL;
  GadMoveReport report;

  g_assert_false (gad_store_move_to_server (file, county.server, GAD_TEST_PASSWORD, NULL, NULL, NULL, &report,
                                            &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  after = gad_test_sql_text (county.server, "SELECT count (*) FROM persons");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (before, !=, "0");
}

/* A move that fails half-way (here: cancelled) leaves the server empty. */
static void
test_move_cancelled_leaves_nothing (void)
{
  g_autoptr(GadStore) file = gad_test_demo_open (county.file, GAD_ROLE_ADMINISTRATOR);
  g_autofree char *target = gad_test_db_path ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *persons = NULL, *audit = NULL;
  GadMoveReport report;

  g_cancellable_cancel (cancellable);
  g_assert_false (gad_store_move_to_server (file, target, GAD_TEST_PASSWORD, NULL, NULL, cancellable, &report,
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  persons = gad_test_sql_text (target, "SELECT count (*) FROM persons");
  audit = gad_test_sql_text (target, "SELECT count (*) FROM audit_log");
  g_assert_cmpstr (persons, ==, "0");
  g_assert_cmpstr (audit, ==, "0");
}

static GArray *
search (GadStore   *store,
        const char *text,
        GadSort     sort,
        gboolean    descending)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (gad_store_search (store, text, sort, descending, 0, ids, &error));
  g_assert_no_error (error);
  return ids;
}

static void
test_search (void)
{
  g_autoptr(GadStore) a = gad_test_demo_open (county.file, GAD_ROLE_CLERK);
  g_autoptr(GadStore) b = gad_test_demo_open (county.server, GAD_ROLE_CLERK);
  const char *texts[] = { "", "b", "bērz", "BERZ", "ozol", "an", "ž", "č", "01", "0101", "1201-" };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (GadSort sort = GAD_SORT_RELEVANCE; sort <= GAD_SORT_OPEN_CASES; sort++)
      for (int descending = 0; descending < 2; descending++)
        {
          g_autoptr(GArray) x = search (a, texts[t], sort, descending);
          g_autoptr(GArray) y = search (b, texts[t], sort, descending);

          g_assert_cmpuint (x->len, ==, y->len);
          g_assert_cmpmem (x->data, x->len * sizeof (gint64), y->data, y->len * sizeof (gint64));
        }
}

static void
test_stats (void)
{
  g_autoptr(GadStore) a = gad_test_demo_open (county.file, GAD_ROLE_HEAD);
  g_autoptr(GadStore) b = gad_test_demo_open (county.server, GAD_ROLE_HEAD);
  g_autoptr(GError) error = NULL;
  GadHeadline ha, hb;
  GadMinistryMonth ma, mb;
  guint n_tables;
  const GadStatTable *tables = gad_stats_tables (&n_tables);

  for (guint i = 0; i < n_tables; i++)
    {
      GadStatsFilter home_care = { .service = "home-care" };
      g_autoptr(GPtrArray) x = gad_stats_query_filtered (a, tables[i].name, 2012, 2026,
                                                         &home_care, &error);
      g_autoptr(GPtrArray) y = gad_stats_query_filtered (b, tables[i].name, 2012, 2026,
                                                         &home_care, &error);
      g_autofree char *cx = NULL, *cy = NULL;

      g_assert_no_error (error);
      cx = gad_stats_to_csv (&tables[i], x);
      cy = gad_stats_to_csv (&tables[i], y);
      g_assert_cmpstr (cx, ==, cy);
    }
  g_assert_true (gad_stats_headline (a, "2026-10-15", &ha, &error));
  g_assert_true (gad_stats_headline (b, "2026-10-15", &hb, &error));
  g_assert_cmpmem (&ha, sizeof ha, &hb, sizeof hb);
  g_assert_true (gad_stats_ministry (a, "2026-04", &ma, &error));
  g_assert_true (gad_stats_ministry (b, "2026-04", &mb, &error));
  g_assert_cmpmem (&ma, sizeof ma, &mb, sizeof mb);
}

static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);

      g_string_append (text, t);
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (text, FALSE);
}

static void
test_report_and_letters (void)
{
  g_autoptr(GadStore) a = gad_test_demo_open (county.file, GAD_ROLE_HEAD);
  g_autoptr(GadStore) b = gad_test_demo_open (county.server, GAD_ROLE_HEAD);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ra = gad_report_render (a, 2025, "lv", NULL, &error);
  g_autoptr(GBytes) rb = gad_report_render (b, 2025, "lv", NULL, &error);
  g_autofree char *ta = pdf_text (ra), *tb = pdf_text (rb);
  g_autoptr(GArray) ids = gad_store_decisions_between (a, "2000-01-01", "2100-12-31", &error);
  guint compared = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (ta, ==, tb);
  g_assert_cmpuint (strlen (ta), >, 1000);
  for (guint i = 0; i < ids->len; i += 7)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GBytes) x = gad_store_get_decision_pdf (a, id, &error);
      g_autoptr(GBytes) y = gad_store_get_decision_pdf (b, id, &error);

      if (x == NULL)   /* an anonymised client's letter is gone on both */
        {
          g_assert_null (y);
          g_clear_error (&error);
          continue;
        }
      g_assert_true (g_bytes_equal (x, y));
      compared++;
    }
  g_assert_cmpuint (compared, >, 5);
}

static void
test_audit_chain (void)
{
  g_autoptr(GadStore) a = gad_test_demo_open (county.file, GAD_ROLE_AUDITOR);
  g_autoptr(GadStore) b = gad_test_demo_open (county.server, GAD_ROLE_AUDITOR);
  g_autoptr(GError) error = NULL;
  gint64 broken_a = -1, broken_b = -1, rows_a = 0, rows_b = 0;
  g_autoptr(GPtrArray) la = NULL, lb = NULL;

  /* Both sign-ins above were logged on each: the chains go on alike. */
  g_assert_true (gad_store_verify_audit (a, &broken_a, &rows_a, &error));
  g_assert_true (gad_store_verify_audit (b, &broken_b, &rows_b, &error));
  g_assert_cmpint (broken_a, ==, 0);
  g_assert_cmpint (broken_b, ==, 0);
  g_assert_cmpint (rows_a, >, 1000);
  la = gad_store_query_audit (a, 0, NULL, NULL, NULL, 200, &error);
  lb = gad_store_query_audit (b, 0, NULL, NULL, NULL, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (la->len, ==, lb->len);
}

static void
no_server (void)
{
  g_test_skip ("needs a test server: build-aux/run-tests starts one");
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (gad_test_server () == NULL)
    {
      g_test_add_func ("/parity/needs-a-server", no_server);
      return g_test_run ();
    }
  build_county ();
  g_test_add_func ("/parity/move-refused-when-not-empty", test_move_refused_when_not_empty);
  g_test_add_func ("/parity/move-cancelled-leaves-nothing", test_move_cancelled_leaves_nothing);
  g_test_add_func ("/parity/search", test_search);
  g_test_add_func ("/parity/stats", test_stats);
  g_test_add_func ("/parity/report-and-letters", test_report_and_letters);
  g_test_add_func ("/parity/audit-chain", test_audit_chain);
  status = g_test_run ();
  g_remove (county.file);
  g_autofree char *dir = g_path_get_dirname (county.file);
  g_rmdir (dir);
  return status;
}
