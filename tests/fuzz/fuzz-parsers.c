/* fuzz-parsers.c — arbitrary text as dates, times, weeks, amounts, names
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gad-schedule.h"
#include "gad-text.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

guint gad_fuzz_reached;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *monday = gad_iso_week_monday (text);
  GDate date;
  gint64 cents;
  int minute;

  if (gad_text_parse_date (text, &date))
    {
      /* A date read is a valid date, and reads back from the store's form. */
      g_autofree char *iso = gad_text_iso_date (&date);
      GDate again;

      g_assert (g_date_valid (&date));
      g_assert (gad_text_parse_date (iso, &again) && g_date_compare (&date, &again) == 0);
      g_free (gad_text_format_date (iso));
      g_assert (gad_date_weekday (iso) >= 1 && gad_date_weekday (iso) <= 7);
    }
  if (gad_text_parse_money (text, &cents))
    g_assert (cents >= 0);
  if (gad_minute_parse (text, &minute))
    g_assert (minute >= 0 && minute < 24 * 60);
  if (monday)
    g_assert (gad_date_weekday (monday) == 1);
  g_free (gad_text_fold (valid));
  g_free (gad_text_sort_key (valid));
  gad_fuzz_reached++;
  return 0;
}
