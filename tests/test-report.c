/* test-report.c — the yearly report read back with poppler
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <poppler.h>

#include "gad-csv.h"
#include "gad-demo.h"
#include "gad-stats.h"
#include "gad-report.h"
#include "gad-test-util.h"

static GadStore *store;

typedef struct
{
  double y, x, right;
  gunichar c;
} Glyph;

static int
by_line (gconstpointer a,
         gconstpointer b)
{
  const Glyph *g = a, *h = b;
  int ly = (int) (g->y / 4), lh = (int) (h->y / 4);

  if (ly != lh)
    return ly - lh;
  return (g->x > h->x) - (g->x < h->x);
}

/* A page's text as a person reads it: glyphs sorted into lines top to bottom,
 * left to right, a space where there is a gap. Table rows then read as rows. */
static char *
page_text (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  GString *out = g_string_new (NULL);
  guint i = 0;

  poppler_page_get_text_layout (page, &rects, &n_rects);
  for (const char *p = text; *p && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      Glyph g = { rects[i].y2, rects[i].x1, rects[i].x2, g_utf8_get_char (p) };
      if (!g_unichar_isspace (g.c))
        g_array_append_val (glyphs, g);
    }
  g_free (rects);
  g_array_sort (glyphs, by_line);
  for (guint k = 0; k < glyphs->len; k++)
    {
      Glyph *g = &g_array_index (glyphs, Glyph, k);
      if (k > 0)
        {
          Glyph *prev = &g_array_index (glyphs, Glyph, k - 1);
          if ((int) (prev->y / 4) != (int) (g->y / 4))
            g_string_append_c (out, '\n');
          else if (g->x - prev->right > 1.5)
            g_string_append_c (out, ' ');
        }
      g_string_append_unichar (out, g->c);
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
pages_of (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_ptr_array_add (pages, page_text (page));
      g_object_unref (page);
    }
  g_object_unref (doc);
  return pages;
}

/* The text of a page with its lines joined by single spaces. */
static char *
flat (GPtrArray *pages,
      guint      i)
{
  g_auto(GStrv) words = g_strsplit_set (g_ptr_array_index (pages, i), " \n\t", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint k = 0; words[k]; k++)
    if (*words[k])
      g_strv_builder_add (kept, words[k]);
  result = g_strv_builder_end (kept);
  return g_strjoinv (" ", result);
}

static void
test_latvian (void)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;
  g_autoptr(GBytes) pdf = gad_report_render (store, 2014, NULL, &n, &error);
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *home_care = NULL;
  g_autofree char *spending = NULL;
  g_autofree char *funding = NULL;

  g_assert_no_error (error);
  pages = pages_of (pdf);
  g_assert_cmpuint (pages->len, ==, n);
  g_assert_cmpuint (n, ==, 8);

  {
    g_autofree char *title = flat (pages, 0);
    g_assert_nonnull (strstr (title, "Sociālā dienesta progresa pārskats"));
  }
  contents = flat (pages, 1);
  g_assert_nonnull (strstr (contents, "Saturs"));
  g_assert_nonnull (strstr (contents, "Aprūpes mājās saņēmēji lpp. 3"));

  /* The published table: men, women, total for 2012–2014, and a page number. */
  home_care = flat (pages, 2);
  g_assert_nonnull (strstr (home_care, "2012 2013 2014"));
  g_assert_nonnull (strstr (home_care, "Vīrieši 18 10 16"));
  g_assert_nonnull (strstr (home_care, "Sievietes 64 62 70"));
  g_assert_nonnull (strstr (home_care, "Kopā 82 72 86"));
  g_assert_nonnull (strstr (home_care, "3 (8)"));

  spending = flat (pages, 4);
  g_assert_nonnull (strstr (spending, "Kopā 227 099 245 857 314 258"));
  funding = flat (pages, 5);
  g_assert_nonnull (strstr (funding, "Pašvaldības budžets 554 291 446 885 506 141"));
  g_assert_nonnull (strstr (funding, "Maksas pakalpojumi 1 622 0 104"));
}

static void
test_english (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = gad_report_render (store, 2014, "en", NULL, &error);
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *home_care = NULL;

  g_assert_no_error (error);
  pages = pages_of (pdf);
  home_care = flat (pages, 2);
  g_assert_nonnull (strstr (home_care, "Home care recipients"));
  g_assert_nonnull (strstr (home_care, "Men 18 10 16"));
  g_assert_nonnull (strstr (home_care, "Total 82 72 86"));
  g_assert_null (gad_report_render (store, 2014, "de", NULL, &error));
  g_assert_error (error, GAD_REPORT_ERROR, GAD_REPORT_ERROR_LANGUAGE);
}

/* A table exported for a Latvian spreadsheet reads back with the CSV reader. */
static void
test_spreadsheet_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stats = gad_stats_query (store, "social_assistance_spent_eur", 2012, 2014,
                                                &error);
  g_autofree char *csv = gad_stats_to_spreadsheet_csv (gad_stats_table (
                                                         "social_assistance_spent_eur"), stats);
  g_autoptr(GadCsv) parsed = gad_csv_parse (csv, strlen (csv), &error);
  GStrv row;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf"));
  g_assert_cmpint (parsed->separator, ==, ';');
  g_assert_cmpuint (parsed->rows->len, ==, 4);
  row = g_ptr_array_index (parsed->rows, 0);
  g_assert_cmpstr (row[0], ==, "table");
  row = g_ptr_array_index (parsed->rows, 1);
  g_assert_cmpstr (row[1], ==, "2012");
  g_assert_cmpstr (row[2], ==, "total");
  g_assert_cmpstr (row[3], ==, "227099,00");
}

static gint64
stat_value (const char *table,
            int         year,
            const char *category)
{
  g_autoptr(GPtrArray) rows = gad_stats_query (store, table, year, year, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      GadStat *s = g_ptr_array_index (rows, i);
      if (g_str_equal (s->category, category))
        return s->value;
    }
  return 0;
}

/* A bar's records add up to the bar. */
static void
test_drill (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) men = gad_stats_drill (store, "recipients-per-year", 2012, "male", NULL, NULL,
                                              &error);
  g_autoptr(GPtrArray) gmi = gad_stats_drill (store, "spending-by-benefit", 2014, "gmi", NULL, NULL,
                                              &error);
  g_autoptr(GPtrArray) caseload = gad_stats_query (store, "caseload", 2025, 2025, &error);
  g_autoptr(GPtrArray) cases = NULL;
  GadStat *busiest;
  gint64 sum = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (men->len, ==, 18);
  g_assert_cmpint (((GadDrillRow *) g_ptr_array_index (men, 0))->amount_cents, ==, -1);
  for (guint i = 0; i < gmi->len; i++)
    sum += ((GadDrillRow *) g_ptr_array_index (gmi, i))->amount_cents;
  g_assert_cmpint (sum, ==, stat_value ("spending_by_benefit", 2014, "gmi"));
  g_assert_cmpint (sum, >, 0);

  /* The target-group count splits each case's comma list and counts a client
   * once a year: every group's bar of every year agrees with its drill. */
  {
    g_autoptr(GPtrArray) groups = gad_stats_query (store, "recipients_by_target_group", 2019, 2026,
                                                   &error);
    g_autoptr(GPtrArray) pensioners = gad_stats_drill (store, "recipients-by-target-group", 2025,
                                                       "pensioner", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (pensioners->len, >, 0);
    g_assert_cmpuint (groups->len, >, 10);
    for (guint i = 0; i < groups->len; i++)
      {
        GadStat *s = g_ptr_array_index (groups, i);
        g_autoptr(GPtrArray) drilled = gad_stats_drill (store, "recipients-by-target-group",
                                                        s->year, s->category, NULL, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpint (drilled->len, ==, s->value);
        if (i > 0 && ((GadStat *) g_ptr_array_index (groups, i - 1))->year == s->year)
          g_assert_cmpint (((GadStat *) g_ptr_array_index (groups, i - 1))->value, >=, s->value);
      }
  }
  g_assert_cmpuint (caseload->len, >, 0);
  busiest = g_ptr_array_index (caseload, 0);
  cases = gad_stats_drill (store, "caseload", 2025, busiest->category, NULL, NULL, &error);
  /* Persons, not cases: a client with two open cases counts once. */
  g_assert_cmpuint (cases->len, <=, busiest->value);
  g_assert_cmpuint (cases->len, >, 0);
}

static gint64
sum_of (GPtrArray *rows)
{
  gint64 sum = 0;

  for (guint i = 0; i < rows->len; i++)
    sum += ((GadStat *) g_ptr_array_index (rows, i))->value;
  return sum;
}

/* Parishes and departments split the figures: the parts add up to the whole. */
static void
test_filters (void)
{
  g_autoptr(GPtrArray) territories = gad_store_list_territories (store);
  g_autoptr(GPtrArray) staff = gad_store_list_staff (store);
  g_autoptr(GPtrArray) all_home = gad_stats_query (store, "home_care_recipients", 2012, 2014, NULL);
  g_autoptr(GPtrArray) all_paid = gad_stats_query (store, "social_assistance_spent_eur", 2012,
                                                   2014, NULL);
  g_autoptr(GPtrArray) all_cases = gad_stats_query (store, "caseload", 2025, 2025, NULL);
  g_autoptr(GHashTable) departments = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 home = 0, paid = 0, cases = 0;
  GHashTableIter iter;
  gpointer department;

  for (guint i = 0; i < territories->len; i++)
    {
      GadStatsFilter f = { ((GadTerritory *) g_ptr_array_index (territories, i))->id, NULL };
      g_autoptr(GPtrArray) h = gad_stats_query_filtered (store, "home_care_recipients", 2012, 2014,
                                                         &f, NULL);
      g_autoptr(GPtrArray) p = gad_stats_query_filtered (store, "social_assistance_spent_eur",
                                                         2012, 2014, &f, NULL);
      home += sum_of (h);
      paid += sum_of (p);
      g_assert_cmpint (sum_of (h), <, sum_of (all_home));
    }
  g_assert_cmpint (home, ==, sum_of (all_home));
  g_assert_cmpint (paid, ==, sum_of (all_paid));

  for (guint i = 0; i < staff->len; i++)
    g_hash_table_add (departments, ((GadStaff *) g_ptr_array_index (staff, i))->department);
  g_hash_table_iter_init (&iter, departments);
  while (g_hash_table_iter_next (&iter, &department, NULL))
    {
      GadStatsFilter f = { 0, department };
      g_autoptr(GPtrArray) c = gad_stats_query_filtered (store, "caseload", 2025, 2025, &f, NULL);
      cases += sum_of (c);
    }
  g_assert_cmpint (cases, ==, sum_of (all_cases));
  g_assert_cmpint (cases, >, 0);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The yearly report is the head's. */
  store = gad_test_demo (800, 3, GAD_ROLE_HEAD, NULL);
  g_test_add_func ("/report/latvian", test_latvian);
  g_test_add_func ("/report/english", test_english);
  g_test_add_func ("/report/spreadsheet-csv", test_spreadsheet_csv);
  g_test_add_func ("/report/drill", test_drill);
  g_test_add_func ("/report/filters", test_filters);
  status = g_test_run ();
  g_object_unref (store);
  return status;
}
