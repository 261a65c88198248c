/* test-report.c — the yearly report read back with poppler
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <poppler.h>

#include "gad-csv.h"
#include "gad-demo.h"
#include "gad-import.h"
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
  g_assert_cmpuint (n, ==, 11);

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
  g_assert_nonnull (strstr (home_care, "3 (11)"));

  spending = flat (pages, 4);
  g_assert_nonnull (strstr (spending, "Kopā 227 099 245 857 314 258"));
  funding = flat (pages, 5);
  g_assert_nonnull (strstr (funding, "Pašvaldības budžets 554 291 446 885 506 141"));
  g_assert_nonnull (strstr (funding, "Maksas pakalpojumi 1 622 0 104"));

  /* The remote farmsteads' register: nobody on it in those years. */
  {
    g_autofree char *remote = flat (pages, 9);

    g_assert_nonnull (strstr (remote, "Vientuļie pensionāri attālās viensētās"));
    g_assert_nonnull (strstr (remote, "Reģistrā gada beigās 0 0 0"));
    g_assert_nonnull (strstr (remote, "Piedāvāta aprūpe mājās 0 0 0"));
    g_assert_null (strstr (remote, "Kopā"));
  }
  /* Group work: no group met in those years, and no feedback: a dash. */
  {
    g_autofree char *groups = flat (pages, 10);

    g_assert_nonnull (strstr (groups, "Grupu darbs"));
    g_assert_nonnull (strstr (groups, "Grupas, kas sanāca 0 0 0"));
    g_assert_nonnull (strstr (groups, "(1–5): 2012 —, 2013 —, 2014 —"));
  }
}

/* One published table row as records: a person each, a service or a
 * payment in the year. */
typedef struct
{
  GString *persons, *services, *payments;
  guint next;
} Records;

static void
add_persons (Records    *rec,
             const char *service,
             int         year,
             const char *category,
             gint64      n)
{
  gboolean child = g_str_has_prefix (category, "child_");
  const char *gender = g_str_has_suffix (category, "female") ? "S" : "V";

  for (gint64 i = 0; i < n; i++)
    {
      guint k = rec->next++;

      g_string_append_printf (rec->persons, "32%09u;Persona;Nr. %u;%s;%s\n", k, k, gender,
                              child ? "01.06.2005" : "01.06.1960");
      g_string_append_printf (rec->services, "32%09u;%s;01.02.%d;30.11.%d\n", k, service, year,
                              year);
    }
}

/* The figures test: person-level records built from published tables
 * (tests/data), imported by the administrator, give the head the same
 * tables and the same report rows. */
static void
test_imported_figures (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) admin = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, &path);
  g_autoptr(GadStore) head = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) ours = g_string_new (NULL);
  Records rec = { g_string_new ("personas kods;uzvārds;vārds;dzimums;dzimšanas datums\n"),
                  g_string_new ("personal_code;service;from;to\n"),
                  g_string_new ("personal_code;benefit;month;amount;source\n"), 0 };
  const char *files[] = { "bauska-2012-2014.csv", "psychologist-camps-2014.csv" };
  const char *tables[] = { "home_care_recipients", "institution_placements_adults",
                           "social_assistance_spent_eur", "service_recipients:psychologist",
                           "service_recipients:camp" };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home_care = NULL;
  g_autofree char *spending = NULL;
  g_autofree char *services = NULL;

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *file = g_build_filename (g_getenv ("GADIBA_TEST_DATA"), files[f], NULL);
      g_autofree char *text = NULL;
      g_autoptr(GadCsv) csv = NULL;

      g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
      csv = gad_csv_parse (text, strlen (text), &error);
      g_assert_no_error (error);
      for (guint r = 1; r < csv->rows->len; r++)
        {
          GStrv row = g_ptr_array_index (csv->rows, r);
          int year = atoi (row[1]);
          gint64 value = g_ascii_strtoll (row[3], NULL, 10);

          if (g_str_equal (row[0], "home_care_recipients"))
            add_persons (&rec, "home-care", year, row[2], value);
          else if (g_str_equal (row[0], "institution_placements_adults"))
            add_persons (&rec, "long-term-care", year, row[2], value);
          else if (g_str_equal (row[0], "social_assistance_spent_eur"))
            /* The year's total as one payee's twelve months. */
            for (int m = 1; m <= 12; m++)
              g_string_append_printf (rec.payments, "329999%02d999;gmi;%02d.%d;%" G_GINT64_FORMAT
                                      ",%02d;municipal\n", year % 100, m, year,
                                      m < 12 ? value / 12 : value - value / 12 * 11, 0);
          else if (g_str_has_prefix (row[0], "service_recipients:"))
            add_persons (&rec, strchr (row[0], ':') + 1, year, row[2], value);
          else
            continue;
          g_string_append_printf (expected, "%s,%s,%s,%s\n", row[0], row[1], row[2], row[3]);
        }
    }
  for (int y = 2012; y <= 2014; y++)
    g_string_append_printf (rec.persons, "329999%02d999;Maksājumu;Saņēmējs;;\n", y % 100);

  {
    struct { GadImportKind kind; GString *data; } imports[] = {
      { GAD_IMPORT_PERSONS, rec.persons }, { GAD_IMPORT_SERVICES, rec.services },
      { GAD_IMPORT_PAYMENTS, rec.payments },
    };
    for (guint i = 0; i < G_N_ELEMENTS (imports); i++)
      {
        g_assert_true (gad_import (admin, imports[i].kind, "records.csv", imports[i].data->str,
                                   imports[i].data->len, 0, NULL, NULL, NULL, NULL, &error));
        g_assert_no_error (error);
        g_string_free (imports[i].data, TRUE);
      }
  }

  head = gad_test_open_as (path, GAD_ROLE_HEAD);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_auto(GStrv) name = g_strsplit (tables[t], ":", 2);
      GadStatsFilter filter = { .service = name[1] };
      g_autoptr(GPtrArray) rows = gad_stats_query_filtered (head, name[0], 2012, 2014, &filter,
                                                            &error);

      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        {
          GadStat *s = g_ptr_array_index (rows, i);

          /* The service tables list their age groups where anybody was in them. */
          if (name[1] != NULL && (s->value == 0 || strchr (s->category, '_') == NULL))
            continue;
          g_string_append_printf (ours, "%s,%d,%s,%" G_GINT64_FORMAT "\n", tables[t], s->year,
                                  s->category, g_str_has_suffix (name[0], "_eur")
                                  ? s->value / 100 : s->value);
        }
    }
  {
    g_auto(GStrv) want = g_strsplit (expected->str, "\n", -1);
    g_auto(GStrv) got = g_strsplit (ours->str, "\n", -1);

    g_assert_cmpuint (g_strv_length (got), ==, g_strv_length (want));
    for (guint i = 0; want[i]; i++)
      g_assert_true (g_strv_contains ((const char * const *) got, want[i]));
  }

  /* The report's rows are the published ones. */
  pdf = gad_report_render (head, 2014, NULL, NULL, &error);
  g_assert_no_error (error);
  pages = pages_of (pdf);
  home_care = flat (pages, 2);
  g_assert_nonnull (strstr (home_care, "Vīrieši 18 10 16"));
  g_assert_nonnull (strstr (home_care, "Sievietes 64 62 70"));
  spending = flat (pages, 4);
  g_assert_nonnull (strstr (spending, "Kopā 227 099 245 857 314 258"));
  services = flat (pages, 8);
  g_assert_nonnull (strstr (services, "Zēni Meitenes Vīrieši Sievietes Kopā"));
  g_assert_nonnull (strstr (services, "Psihologa konsultācijas 12 15 8 31 66"));
  g_assert_nonnull (strstr (services, "Nometnes 17 21 0 0 38"));
  g_assert_nonnull (strstr (services, "Aprūpe mājās 0 0 16 70 86"));
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
  g_test_add_func ("/report/imported-figures", test_imported_figures);
  status = g_test_run ();
  g_object_unref (store);
  return status;
}
