/* test-ics.c — Gādība's iCalendar output read back by libical
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A parser we did not write checks the escaping, line folding and UTC times
 * across the Riga clock changes.
 */
#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "gad-schedule.h"
#include "gad-schedule-export.h"

static GadOccurrence *
occurrence (gint64      entry_id,
            const char *date,
            int         minute,
            int         minutes,
            const char *name,
            const char *note,
            const char *status)
{
  GadOccurrence *o = g_new0 (GadOccurrence, 1);

  o->entry_id = entry_id;
  o->kind = g_strdup ("visit");
  o->rule_date = g_strdup (date);
  o->date = g_strdup (date);
  o->start_minute = minute;
  o->minutes = minutes;
  o->start = gad_riga_to_unix (date, minute);
  o->person_name = g_strdup (name);
  o->service_name = g_strdup ("Aprūpe mājās");
  o->staff_name = g_strdup ("Anna Kalniņa");
  o->address = g_strdup ("“Ozollejas”, Codes pagasts, Bauskas novads");
  o->phone = g_strdup ("+371 26000000");
  o->note = g_strdup (note);
  o->status = g_strdup (status);
  return o;
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_occurrence_free);
  g_autofree char *ics = NULL;
  g_autofree char *long_note = g_strnfill (120, 'a');
  icalcomponent *calendar, *event;
  struct { const char *date; int minute; const char *utc_start; const char *utc_end; } expect[] = {
    { "2026-03-27", 10 * 60, "20260327T080000Z", "20260327T093000Z" },  /* UTC+2 */
    { "2026-03-30", 10 * 60, "20260330T070000Z", "20260330T083000Z" },  /* UTC+3 */
    { "2026-10-26", 9 * 60, "20261026T070000Z", "20261026T083000Z" },   /* UTC+2 again */
  };
  guint n = 0;

  g_ptr_array_add (list, occurrence (7, expect[0].date, expect[0].minute, 90,
                                     "Jānis Bērziņš", "Zvanīt; durvis, kas\nlabajā pusē", "planned"));
  g_ptr_array_add (list, occurrence (7, expect[1].date, expect[1].minute, 90, "Jānis Bērziņš",
                                     long_note, "cancelled"));
  g_ptr_array_add (list, occurrence (8, expect[2].date, expect[2].minute, 90, "Anna Ozola", NULL,
                                     "planned"));
  ics = gad_schedule_to_ics (list);

  /* Lines end in CRLF and none is longer than 75 octets. */
  {
    g_auto(GStrv) lines = g_strsplit (ics, "\r\n", -1);

    for (guint i = 0; lines[i]; i++)
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
  }

  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  if (!icalrestriction_check (calendar))
    g_error ("%s", icalcomponent_as_ical_string (calendar));
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); event;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT), n++)
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      struct icaltimetype end = icalcomponent_get_dtend (event);
      g_autofree char *uid = g_strdup_printf ("%d-%s@gadiba.lv", n < 2 ? 7 : 8, expect[n].date);

      g_assert_true (icaltime_is_utc (start));
      g_assert_cmpstr (icaltime_as_ical_string (start), ==, expect[n].utc_start);
      g_assert_cmpstr (icaltime_as_ical_string (end), ==, expect[n].utc_end);
      g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
      g_assert_cmpstr (icalcomponent_get_location (event), ==,
                       "“Ozollejas”, Codes pagasts, Bauskas novads");
      if (n == 0)
        {
          g_assert_cmpstr (icalcomponent_get_summary (event), ==,
                           "Jānis Bērziņš — Aprūpe mājās");
          g_assert_cmpstr (icalcomponent_get_description (event), ==,
                           "Anna Kalniņa\n+371 26000000\nZvanīt; durvis, kas\nlabajā pusē");
          g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
        }
      if (n == 1)
        {
          /* The long note survives folding. */
          g_assert_nonnull (strstr (icalcomponent_get_description (event), long_note));
          g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
        }
    }
  g_assert_cmpuint (n, ==, 3);
  icalcomponent_free (calendar);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ics/round-trip", test_round_trip);
  return g_test_run ();
}
