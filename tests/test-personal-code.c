/* test-personal-code.c — personal codes: both formats, dates, check digits
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gad-personal-code.h"

static void
test_old_valid (void)
{
  char digits[12];
  GDate birth;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gad_personal_code_parse ("161175-19997", digits, &birth, &error), ==,
                   GAD_CODE_OLD);
  g_assert_no_error (error);
  g_assert_cmpstr (digits, ==, "16117519997");
  g_assert_cmpint (g_date_get_day (&birth), ==, 16);
  g_assert_cmpint (g_date_get_month (&birth), ==, 11);
  g_assert_cmpint (g_date_get_year (&birth), ==, 1975);

  /* Without the hyphen, with blanks around it: the same code. */
  g_assert_cmpint (gad_personal_code_parse (" 16117519997 ", digits, &birth, NULL), ==,
                   GAD_CODE_OLD);
  g_assert_cmpstr (digits, ==, "16117519997");
}

static void
test_centuries (void)
{
  char digits[12];
  GDate birth;

  /* 01.01.2000, century digit 2; check digit computed by the rule. */
  g_assert_cmpint (gad_personal_code_parse ("010100-23666", digits, &birth, NULL), ==,
                   GAD_CODE_OLD);
  g_assert_cmpint (g_date_get_year (&birth), ==, 2000);
  /* 29 February exists in 2000 but not in 1900. */
  g_assert_cmpint (gad_personal_code_parse ("290200-21239", digits, &birth, NULL), ==,
                   GAD_CODE_OLD);
  g_assert_cmpint (g_date_get_year (&birth), ==, 2000);
  g_assert_cmpint (gad_personal_code_parse ("290200-11233", digits, &birth, NULL), ==, 0);
  /* Century 0: the 1800s. */
  g_assert_cmpint (gad_personal_code_parse ("311299-00002", digits, &birth, NULL), ==,
                   GAD_CODE_OLD);
  g_assert_cmpint (g_date_get_year (&birth), ==, 1899);
}

static void
assert_invalid (const char *code,
                int         expected)
{
  char digits[12] = "x";
  GDate birth;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gad_personal_code_parse (code, digits, &birth, &error), ==, 0);
  g_assert_error (error, GAD_CODE_ERROR, expected);
  g_assert_cmpstr (digits, ==, "");
  g_assert_false (g_date_valid (&birth));
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_old_invalid (void)
{
  assert_invalid ("161375-19997", GAD_CODE_ERROR_DATE);        /* month 13 */
  assert_invalid ("111112-11111", GAD_CODE_ERROR_CHECK_DIGIT);
  assert_invalid ("310475-19990", GAD_CODE_ERROR_DATE);        /* 31 April */
  assert_invalid ("290201-10000", GAD_CODE_ERROR_DATE);        /* 29 Feb 1901 */
  assert_invalid ("000175-19997", GAD_CODE_ERROR_DATE);        /* day 0 */
  assert_invalid ("161175-59997", GAD_CODE_ERROR_DATE);        /* century 5 */
  assert_invalid ("161175-19996", GAD_CODE_ERROR_CHECK_DIGIT);
}

/* An old-format code for @date with serial 000 and the right check digit. */
static char *
code_born_on (GDateTime *date)
{
  static const int weights[10] = { 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int year = g_date_time_get_year (date);
  g_autofree char *head = g_strdup_printf ("%02d%02d%02d%d000", g_date_time_get_day_of_month (date),
                                           g_date_time_get_month (date), year % 100,
                                           (year - 1800) / 100);
  int sum = 0;

  for (guint i = 0; i < 10; i++)
    sum += weights[i] * (head[i] - '0');
  return g_strdup_printf ("%.6s-%s%d", head, head + 6, (1101 - sum) % 11 % 10);
}

/* Nobody is born in the future: 2030 and 2099 are slips of the century digit. */
static void
test_future (void)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  g_autofree char *born_today = code_born_on (today);
  g_autofree char *born_tomorrow = code_born_on (tomorrow);
  char digits[12];
  GDate birth;

  assert_invalid ("010130-21236", GAD_CODE_ERROR_DATE);
  assert_invalid ("311299-20003", GAD_CODE_ERROR_DATE);
  assert_invalid (born_tomorrow, GAD_CODE_ERROR_DATE);
  g_assert_cmpint (gad_personal_code_parse (born_today, digits, &birth, NULL), ==, GAD_CODE_OLD);
  g_assert_cmpint (g_date_get_year (&birth), ==, g_date_time_get_year (today));
  /* The same digits a century back are a real date. */
  g_assert_cmpint (gad_personal_code_parse ("311299-10008", digits, &birth, NULL), ==,
                   GAD_CODE_OLD);
}

static void
test_format_errors (void)
{
  assert_invalid ("", GAD_CODE_ERROR_FORMAT);
  assert_invalid ("1611751999", GAD_CODE_ERROR_FORMAT);        /* 10 digits */
  assert_invalid ("161175199970", GAD_CODE_ERROR_FORMAT);      /* 12 digits */
  assert_invalid ("16117-519997", GAD_CODE_ERROR_FORMAT);      /* hyphen misplaced */
  assert_invalid ("161175--19997", GAD_CODE_ERROR_FORMAT);
  assert_invalid ("16117a-19997", GAD_CODE_ERROR_FORMAT);
}

static void
test_new_format (void)
{
  char digits[12];
  GDate birth;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gad_personal_code_parse ("328673-00679", digits, &birth, &error), ==,
                   GAD_CODE_NEW);
  g_assert_no_error (error);
  g_assert_cmpstr (digits, ==, "32867300679");
  /* Never a birth date from a new code, although "32 86 73" looks like none anyway. */
  g_assert_false (g_date_valid (&birth));
  g_assert_cmpint (gad_personal_code_parse ("39999999999", digits, &birth, NULL), ==,
                   GAD_CODE_NEW);
  /* 31…: an old-format code of someone born on the 31st, checked as such. */
  g_assert_cmpint (gad_personal_code_parse ("311299-00000", digits, &birth, NULL), ==, 0);
  g_assert_cmpint (gad_personal_code_parse ("311299-00002", digits, &birth, NULL), ==,
                   GAD_CODE_OLD);
}

static void
test_format (void)
{
  g_autofree char *a = gad_personal_code_format ("16117519997");
  g_autofree char *b = gad_personal_code_format ("123");

  g_assert_cmpstr (a, ==, "161175-19997");
  g_assert_cmpstr (b, ==, "123");
  g_assert_true (gad_personal_code_is_partial ("1611"));
  g_assert_true (gad_personal_code_is_partial ("161175-1"));
  g_assert_false (gad_personal_code_is_partial ("berz"));
  g_assert_false (gad_personal_code_is_partial ("-"));
}

/* Anything typed or imported: a code is accepted only as eleven digits that
 * read back the same; everything else is refused with a message. */
static void
test_random_input (void)
{
  const char alphabet[] = "0123456789012345678901234567890123456789- xā\xff";
  guint accepted = 0;

  for (guint round = 0; round < 20000; round++)
    {
      char text[16] = { 0 };
      guint len = g_test_rand_int_range (0, sizeof text);
      char digits[12];
      GDate birth;
      g_autoptr(GError) error = NULL;
      GadCodeKind kind;

      for (guint i = 0; i < len; i++)
        text[i] = alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      /* Mostly code-shaped: six digits, a hyphen, five digits. */
      if (round % 2 && len >= 12)
        text[6] = '-';

      g_date_clear (&birth, 1);
      kind = gad_personal_code_parse (text, digits, &birth, &error);
      if (kind == 0)
        {
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, !=, "");
          continue;
        }
      g_assert_no_error (error);
      accepted++;
      g_assert_cmpuint (strlen (digits), ==, 11);
      g_assert_cmpuint (strspn (digits, "0123456789"), ==, 11);
      {
        g_autofree char *shown = gad_personal_code_format (digits);
        char again[12];
        GDate birth_again;

        g_date_clear (&birth_again, 1);
        g_assert_cmpint (gad_personal_code_parse (shown, again, &birth_again, NULL), ==, kind);
        g_assert_cmpstr (again, ==, digits);
        g_assert_true (kind == GAD_CODE_NEW || g_date_valid (&birth));
        if (kind == GAD_CODE_OLD)
          g_assert_cmpint (g_date_compare (&birth, &birth_again), ==, 0);
      }
    }
  g_test_message ("%u of 20000 random inputs were valid codes", accepted);
  g_assert_cmpuint (accepted, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/personal-code/old-valid", test_old_valid);
  g_test_add_func ("/personal-code/centuries", test_centuries);
  g_test_add_func ("/personal-code/old-invalid", test_old_invalid);
  g_test_add_func ("/personal-code/future", test_future);
  g_test_add_func ("/personal-code/format-errors", test_format_errors);
  g_test_add_func ("/personal-code/new-format", test_new_format);
  g_test_add_func ("/personal-code/format", test_format);
  g_test_add_func ("/personal-code/random-input", test_random_input);
  return g_test_run ();
}
