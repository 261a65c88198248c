/* gad-personal-code.c — Latvian personal codes (personas kods)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-personal-code"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-personal-code.h"

G_DEFINE_QUARK (gad-code-error-quark, gad_code_error)

static const int weights[10] = { 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

/**
 * gad_personal_code_parse:
 * @text: what the user typed, with or without the hyphen after the 6th digit
 * @digits: (out): the 11 digits, NUL-terminated
 * @birth_date: (out) (optional): set for old-format codes, cleared otherwise
 *
 * Validates a personal code as domain.md describes it: the old format carries
 * an existing birth date and a check digit; the new one (3, then 2–9) has
 * neither and must never yield a birth date.
 *
 * Returns: the kind of code, or 0 with @error set
 */
GadCodeKind
gad_personal_code_parse (const char  *text,
                         char         digits[12],
                         GDate       *birth_date,
                         GError     **error)
{
  g_autofree char *trimmed = NULL;
  guint n = 0;
  int d[11];

  g_return_val_if_fail (text != NULL, 0);

  if (birth_date)
    g_date_clear (birth_date, 1);

  trimmed = g_strstrip (g_strdup (text));
  for (const char *p = trimmed; *p; p++)
    {
      if (g_ascii_isdigit (*p) && n < 11)
        d[n] = *p - '0', digits[n++] = *p;
      else if (*p == '-' && p - trimmed == 6 && n == 6)
        continue;
      else
        {
          n = 0;
          break;
        }
    }
  digits[n] = '\0';

  if (n != 11)
    {
      g_set_error (error, GAD_CODE_ERROR, GAD_CODE_ERROR_FORMAT,
                   _("A personal code has 11 digits, optionally with a hyphen after the sixth, "
                     "e.g. 161175-19997."));
      digits[0] = '\0';
      return 0;
    }

  if (d[0] == 3 && d[1] >= 2)
    return GAD_CODE_NEW;

  {
    int day = d[0] * 10 + d[1];
    int month = d[2] * 10 + d[3];
    int year = d[4] * 10 + d[5];
    int sum = 0;

    if (d[6] > 2)
      {
        g_set_error (error, GAD_CODE_ERROR, GAD_CODE_ERROR_DATE,
                     _("The seventh digit gives the century of birth and must be 0, 1 or 2."));
        digits[0] = '\0';
        return 0;
      }
    year += 1800 + 100 * d[6];
    if (month < 1 || month > 12 || day < 1 || !g_date_valid_dmy (day, month, year))
      {
        g_set_error (error, GAD_CODE_ERROR, GAD_CODE_ERROR_DATE,
                     _("The first six digits are not a real birth date (day %02d, month %02d)."),
                     day, month);
        digits[0] = '\0';
        return 0;
      }

    /* Nobody is born tomorrow: a future date is a typing slip in the century
     * digit or the year. */
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      int today = g_date_time_get_year (now) * 10000 + g_date_time_get_month (now) * 100
                  + g_date_time_get_day_of_month (now);

      if (year * 10000 + month * 100 + day > today)
        {
          g_set_error (error, GAD_CODE_ERROR, GAD_CODE_ERROR_DATE,
                       _("The first six digits give a birth date in the future (%02d.%02d.%d): "
                         "check the seventh digit and the year."),
                       day, month, year);
          digits[0] = '\0';
          return 0;
        }
    }

    for (guint i = 0; i < 10; i++)
      sum += weights[i] * d[i];
    if ((1101 - sum) % 11 % 10 != d[10])
      {
        g_set_error (error, GAD_CODE_ERROR, GAD_CODE_ERROR_CHECK_DIGIT,
                     _("The last digit does not match the others: check the code for a typing "
                       "mistake."));
        digits[0] = '\0';
        return 0;
      }

    if (birth_date)
      g_date_set_dmy (birth_date, day, month, year);
  }

  return GAD_CODE_OLD;
}

/* Codes are stored as 11 digits; people read them as DDMMYY-NNNNN. */
char *
gad_personal_code_format (const char *digits)
{
  g_return_val_if_fail (digits != NULL, NULL);

  if (strlen (digits) != 11)
    return g_strdup (digits);
  return g_strdup_printf ("%.6s-%s", digits, digits + 6);
}

/* TRUE when @text looks like the beginning of a code: digits, at most one hyphen. */
gboolean
gad_personal_code_is_partial (const char *text)
{
  gboolean any = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        any = TRUE;
      else if (*p != '-' && *p != ' ')
        return FALSE;
    }
  return any;
}
