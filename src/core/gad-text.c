/* gad-text.c — Latvian text folding, sort keys and formats
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "gad-text.h"

#include <string.h>

/* Lower case, diacritics removed, runs of white space made one space:
 * "  Bērziņš  Jānis" → "berzins janis". Search compares these. */
char *
gad_text_fold (const char *text)
{
  g_autofree char *nfd = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (nfd));
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

/* The words of @text as search compares them: folded, and only letters and
 * digits, one space between ("Zvans meitai (Inta)" → "zvans meitai inta"),
 * so that SQLite's and PostgreSQL's full-text indexes see the same words. */
char *
gad_text_search_words (const char *text)
{
  g_autofree char *folded = gad_text_fold (text);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean gap = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          gap = out->len > 0;
          continue;
        }
      if (gap)
        g_string_append_c (out, ' ');
      gap = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A byte-comparable key in Latvian alphabetical order: the long vowels sort
 * with their short ones, while č ģ ķ ļ ņ š ž are letters of their own that
 * follow c g k l n s z. lv_LV is not generated on these machines and SQLite
 * has no ICU, so the order is made here rather than borrowed from the locale. */
char *
gad_text_sort_key (const char *text)
{
  g_autofree char *nfd = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (nfd) + 4);
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x030C || c == 0x0327) /* caron, cedilla: a letter of its own */
        g_string_append_c (out, '\x7f');
      else if (g_unichar_ismark (c))
        continue;
      else
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

gboolean
gad_text_parse_date (const char *text,
                     GDate      *date)
{
  int a, b, c;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;

  /* The store's own form, YYYY-MM-DD, without sscanf: schedules read many. */
  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    {
      int digits[8], k = 0;

      for (int i = 0; i < 10 && k <= 8; i++)
        if (i != 4 && i != 7)
          digits[k++] = g_ascii_digit_value (text[i]);
      if (k == 8 && digits[0] >= 0 && digits[1] >= 0 && digits[2] >= 0 && digits[3] >= 0
          && digits[4] >= 0 && digits[5] >= 0 && digits[6] >= 0 && digits[7] >= 0)
        {
          a = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
          b = digits[4] * 10 + digits[5];
          c = digits[6] * 10 + digits[7];
          if (a <= 1800 || !g_date_valid_dmy (c, b, a))
            return FALSE;
          g_date_set_dmy (date, c, b, a);
          return TRUE;
        }
    }

  /* Four-digit years only: GDate would wrap a longer one ("16.11.197502")
   * into another date. */
  if (sscanf (text, " %d.%d.%d %c", &a, &b, &c, &tail) == 3 && c > 1800 && c <= 9999)
    {
      if (!g_date_valid_dmy (a, b, c))
        return FALSE;
      g_date_set_dmy (date, a, b, c);
      return TRUE;
    }
  if (sscanf (text, " %d-%d-%d %c", &a, &b, &c, &tail) == 3 && a > 1800 && a <= 9999)
    {
      if (!g_date_valid_dmy (c, b, a))
        return FALSE;
      g_date_set_dmy (date, c, b, a);
      return TRUE;
    }
  return FALSE;
}

char *
gad_text_iso_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* @iso_date moved by @years; 29 February becomes the 28th in a common year. */
char *
gad_text_iso_add_years (const char *iso_date,
                        int         years)
{
  GDate date;

  if (!gad_text_parse_date (iso_date, &date))
    return NULL;
  if (years < 0)
    g_date_subtract_years (&date, -years);
  else
    g_date_add_years (&date, years);
  return gad_text_iso_date (&date);
}

char *
gad_text_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Whether the user interface speaks Latvian (LANGUAGE, then the locale). */
gboolean
gad_text_ui_is_latvian (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] && g_str_has_prefix (languages[0], "lv");
}

/* "1 234,56", "1234.56", "12" → cents; FALSE for anything else or a negative amount. */
gboolean
gad_text_parse_money (const char *text,
                      gint64     *cents)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  gint64 whole = 0, frac = 0;
  int digits = 0;
  gboolean after = FALSE, any = FALSE;

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x20ac)
        continue;
      if ((c == ',' || c == '.') && !after)
        after = TRUE;
      else if (c >= '0' && c <= '9' && !after)
        whole = whole * 10 + (c - '0'), any = TRUE;
      else if (c >= '0' && c <= '9' && digits < 2)
        frac = frac * 10 + (c - '0'), digits++, any = TRUE;
      else
        return FALSE;
      if (whole > G_MAXINT64 / 1000)
        return FALSE;
    }
  if (!any)
    return FALSE;
  if (digits == 1)
    frac *= 10;
  *cents = whole * 100 + frac;
  return TRUE;
}

/* ISO 8601 in the store, DD.MM.YYYY on screen and paper. */
char *
gad_text_format_date (const char *iso_date)
{
  GDate date;

  if (iso_date == NULL || *iso_date == '\0' || !gad_text_parse_date (iso_date, &date))
    return g_strdup ("");
  return g_strdup_printf ("%02d.%02d.%04d", g_date_get_day (&date), g_date_get_month (&date),
                          g_date_get_year (&date));
}

/**
 * gad_text_local_time:
 * @iso_utc: a moment as the store keeps it, ISO 8601 in UTC
 * @format: a g_date_time_format() pattern, e.g. "%d.%m.%Y %H:%M"
 *
 * The moment in the workstation's time zone (Europe/Riga), as people read it;
 * the text itself when it is not a moment.
 */
char *
gad_text_local_time (const char *iso_utc,
                     const char *format)
{
  g_autoptr(GDateTime) utc = iso_utc ? g_date_time_new_from_iso8601 (iso_utc, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, format) : g_strdup (iso_utc ? iso_utc : "");
}

static char *
format_money (gint64      cents,
              const char *thousands,
              const char *decimal,
              const char *pattern)
{
  gboolean with_cents = decimal != NULL;
  guint64 abs_cents = cents < 0 ? (guint64) -(cents + 1) + 1 : (guint64) cents;
  g_autofree char *whole = g_strdup_printf ("%" G_GUINT64_FORMAT, abs_cents / 100);
  g_autoptr(GString) number = g_string_new (cents < 0 ? "−" : "");
  gsize len = strlen (whole);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (number, thousands);
      g_string_append_c (number, whole[i]);
    }
  if (with_cents)
    g_string_append_printf (number, "%s%02u", decimal, (guint) (abs_cents % 100));

  /* The pattern comes from a translation: substitute rather than printf it. */
  {
    const char *at = strstr (pattern, "%s");
    if (at == NULL)
      return g_strdup (number->str);
    return g_strdup_printf ("%.*s%s%s", (int) (at - pattern), pattern, number->str, at + 2);
  }
}

/* In the UI's language: "€1,234.56" in English, "1 234,56 €" in Latvian. */
char *
gad_text_format_money (gint64 cents)
{
  /* TRANSLATORS: the separator between thousands in amounts of money */
  return format_money (cents, C_("money", ","),
                       /* TRANSLATORS: the separator before the cents in amounts of money */
                       C_("money", "."),
                       /* TRANSLATORS: an amount of money in euro; %s is the number */
                       C_("money", "€%s"));
}

/* Whole euros, rounded, for chart axes and headline figures; @lang "lv" or
 * "en" for documents in a set language, NULL for the UI's. */
char *
gad_text_format_euros_in (gint64      cents,
                          const char *lang)
{
  gint64 rounded = (cents >= 0 ? cents + 50 : cents - 50) / 100 * 100;

  if (g_strcmp0 (lang, "lv") == 0)
    return format_money (rounded, "\u00a0", NULL, "%s\u00a0€");
  if (g_strcmp0 (lang, "en") == 0)
    return format_money (rounded, ",", NULL, "€%s");
  return format_money (rounded, C_("money", ","), NULL, C_("money", "€%s"));
}

/* A count with the thousands grouped as @lang (or the UI) writes them. */
char *
gad_text_format_number_in (gint64      n,
                           const char *lang)
{
  if (g_strcmp0 (lang, "lv") == 0)
    return format_money (n * 100, "\u00a0", NULL, "%s");
  if (g_strcmp0 (lang, "en") == 0)
    return format_money (n * 100, ",", NULL, "%s");
  return format_money (n * 100, C_("money", ","), NULL, "%s");
}

char *
gad_text_format_euros (gint64 cents)
{
  return gad_text_format_euros_in (cents, NULL);
}

char *
gad_text_format_number (gint64 n)
{
  return gad_text_format_number_in (n, NULL);
}

/* A fraction with @digits decimals and the UI's decimal separator
 * ("5,6" in Latvian), whatever LC_NUMERIC says. */
char *
gad_text_format_decimal (double value,
                         guint  digits)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  const char *dot;

  g_snprintf (format, sizeof format, "%%.%uf", MIN (digits, 9));
  g_ascii_formatd (buf, sizeof buf, format, value);
  dot = strchr (buf, '.');
  if (dot == NULL)
    return g_strdup (buf);
  return g_strdup_printf ("%.*s%s%s", (int) (dot - buf), buf, C_("money", "."), dot + 1);
}

/* Always Latvian, for letters: "1 234,56 €" with no-break spaces. */
char *
gad_text_format_money_lv (gint64 cents)
{
  return format_money (cents, "\u00a0", ",", "%s\u00a0€");
}
