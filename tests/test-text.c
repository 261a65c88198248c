/* test-text.c — Latvian folding, sort keys, dates and money
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gad-text.h"

static void
test_fold (void)
{
  static const char *cases[][2] = {
    { "Bērziņš", "berzins" }, { "ĀBELE", "abele" }, { "  Ģērmanis   Jānis ", "germanis janis" },
    { "Ķiploka Ļuba", "kiploka luba" }, { "Žagare Ņina Čakste Šmits", "zagare nina cakste smits" },
    { "Ivanovs", "ivanovs" }, { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = gad_text_fold (cases[i][0]);
      g_assert_cmpstr (folded, ==, cases[i][1]);
    }
}

static int
cmp_keys (const char *a,
          const char *b)
{
  g_autofree char *ka = gad_text_sort_key (a);
  g_autofree char *kb = gad_text_sort_key (b);
  return strcmp (ka, kb);
}

static void
test_sort_key (void)
{
  /* Latvian order: č after all c…, š after all s…, ā with a. */
  g_assert_cmpint (cmp_keys ("Cz", "Čakste"), <, 0);
  g_assert_cmpint (cmp_keys ("Celmiņš", "Čakste"), <, 0);
  g_assert_cmpint (cmp_keys ("Sz", "Šmits"), <, 0);
  g_assert_cmpint (cmp_keys ("Šmits", "Tālis"), <, 0);
  g_assert_cmpint (cmp_keys ("Ābele", "Auziņš"), <, 0);
  g_assert_cmpint (cmp_keys ("Ozola", "Ozoliņa"), <, 0);
  g_assert_cmpint (cmp_keys ("Lapiņš", "Ļuba"), <, 0);
  g_assert_cmpint (cmp_keys ("Gz", "Ģērmanis"), <, 0);
}

static void
test_dates (void)
{
  GDate d;
  g_autofree char *a = gad_text_format_date ("2026-03-05");
  g_autofree char *b = gad_text_format_date (NULL);
  g_autofree char *iso = NULL;

  g_assert_cmpstr (a, ==, "05.03.2026");
  g_assert_cmpstr (b, ==, "");
  g_assert_true (gad_text_parse_date ("5.3.2026", &d));
  iso = gad_text_iso_date (&d);
  g_assert_cmpstr (iso, ==, "2026-03-05");
  g_assert_true (gad_text_parse_date ("2024-02-29", &d));
  g_assert_false (gad_text_parse_date ("2023-02-29", &d));
  g_assert_false (gad_text_parse_date ("31.04.2026", &d));
  g_assert_false (gad_text_parse_date ("5.3.26", &d));
  g_assert_false (gad_text_parse_date ("05.03.2026x", &d));
  g_assert_false (gad_text_parse_date ("", &d));
  /* Found by fuzzing: a year typed with extra digits was wrapped by GDate
   * into another year instead of being refused. */
  g_assert_false (gad_text_parse_date ("16.11.197502", &d));
  g_assert_false (gad_text_parse_date ("197502-11-16", &d));
  g_assert_true (gad_text_parse_date ("31.12.9999", &d));
  /* The store's form is read without sscanf; it must agree with the rest. */
  g_assert_false (gad_text_parse_date ("2x26-03-05", &d));
  g_assert_false (gad_text_parse_date ("1700-03-05", &d));
  g_assert_false (gad_text_parse_date ("2026-02-30", &d));
  g_assert_true (gad_text_parse_date ("2026-3-5", &d));
  g_assert_cmpint (g_date_get_day (&d), ==, 5);
}

static void
test_money (void)
{
  g_autofree char *a = gad_text_format_money (123456);
  g_autofree char *b = gad_text_format_money (5);
  g_autofree char *c = gad_text_format_money (-284574);

  /* Untranslated: English separators. The Latvian "1 234,56 €" comes from lv.po. */
  g_assert_cmpstr (a, ==, "€1,234.56");
  g_assert_cmpstr (b, ==, "€0.05");
  g_assert_cmpstr (c, ==, "€−2,845.74");
}

/* Untranslated (English): a point, rounded half away from zero as printf does. */
static void
test_decimal (void)
{
  g_autofree char *a = gad_text_format_decimal (5.64, 1);
  g_autofree char *b = gad_text_format_decimal (10.987, 2);
  g_autofree char *c = gad_text_format_decimal (3, 0);

  g_assert_cmpstr (a, ==, "5.6");
  g_assert_cmpstr (b, ==, "10.99");
  g_assert_cmpstr (c, ==, "3");
}

static void
test_parse_money (void)
{
  struct { const char *text; gboolean ok; gint64 cents; } cases[] = {
    { "1 234,56", TRUE, 123456 }, { "1234.5", TRUE, 123450 }, { "12", TRUE, 1200 },
    { "3,80 €", TRUE, 380 }, { "0,05", TRUE, 5 }, { "\u00a0100", TRUE, 10000 },
    { "", FALSE, 0 }, { "-5", FALSE, 0 }, { "1,2,3", FALSE, 0 }, { "1,234", FALSE, 0 },
    { "abc", FALSE, 0 }, { "99999999999999999999", FALSE, 0 }, { NULL, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 cents = -1;

      g_assert_cmpint (gad_text_parse_money (cases[i].text, &cents), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (cents, ==, cases[i].cents);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/sort-key", test_sort_key);
  g_test_add_func ("/text/dates", test_dates);
  g_test_add_func ("/text/money", test_money);
  g_test_add_func ("/text/decimal", test_decimal);
  g_test_add_func ("/text/parse-money", test_parse_money);
  return g_test_run ();
}
