/* test-schedule.c — recurrence, Riga time, conflicts and limits, eligibility, co-payments
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "gad-decision.h"
#include "gad-schedule-export.h"
#include "gad-store.h"
#include "gad-test-util.h"

/* ---- helpers ------------------------------------------------------------ */

static gint64
person (GadStore   *store,
        const char *code,
        const char *last,
        const char *first,
        const char *birth_date,
        guint       disability_group)
{
  /* Each client's own address and phone, from the code's last digits, so a
   * printout can be checked to put them by the right name. */
  g_autofree char *address = g_strdup_printf ("Rīgas iela %s, Bauska", code + strlen (code) - 2);
  g_autofree char *phone = g_strdup_printf ("+371 2000%s", code + strlen (code) - 4);
  g_autoptr(GadPerson) p = g_object_new (GAD_TYPE_PERSON, "code", code, "last-name", last,
                                         "first-name", first, "birth-date", birth_date,
                                         "address", address, "phone", phone,
                                         "disability-group", disability_group, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = gad_store_insert_person (store, p, &error);

  g_assert_no_error (error);
  return id;
}

/* The administrator adds a carer to the staff list. */
static gint64
staff (GadStore   *store,
       const char *name)
{
  GadStaff s = { 0, (char *) name, "Aprūpētājs", "Aprūpes nodaļa", 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) admin = gad_test_open_as (gad_store_get_path (store),
                                                GAD_ROLE_ADMINISTRATOR);
  gint64 id = gad_store_add_staff (admin, &s, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
plan (GadStore   *store,
      gint64      person_id,
      const char *service,
      int         level,
      const char *from,
      const char *to,
      gint64      staff_id,
      GError    **error)
{
  GadServicePlan p = { 0 };
  gint64 id;

  p.person_id = person_id;
  p.service_code = g_strdup (service);
  p.level = level;
  p.period_from = g_strdup (from);
  p.period_to = g_strdup (to);
  p.staff_id = staff_id;
  id = gad_store_save_service_plan (store, &p, error);
  g_free (p.service_code);
  g_free (p.client_group);
  g_free (p.period_from);
  g_free (p.period_to);
  return id;
}

static GadEntry *
entry_new (const char *kind,
           gint64      staff_id,
           gint64      person_id,
           gint64      plan_id,
           const char *start_date,
           const char *time,
           int         minutes,
           guint       weekdays,
           const char *until)
{
  GadEntry *e = g_new0 (GadEntry, 1);

  e->kind = g_strdup (kind);
  e->staff_id = staff_id;
  e->person_id = person_id;
  e->plan_id = plan_id;
  e->start_date = g_strdup (start_date);
  g_assert_true (gad_minute_parse (time, &e->start_minute));
  e->minutes = minutes;
  e->weekdays = weekdays;
  e->until_date = g_strdup (until);
  return e;
}

enum { MON = 1, TUE = 2, WED = 4, THU = 8, FRI = 16, SAT = 32, SUN = 64 };

/* An occurrence for the pure rule checks. */
static GadOccurrence *
occ (const char *kind,
     gint64      entry_id,
     gint64      staff_id,
     gint64      person_id,
     gint64      plan_id,
     const char *service,
     const char *date,
     const char *time,
     int         minutes)
{
  GadOccurrence *o = g_new0 (GadOccurrence, 1);

  o->kind = g_strdup (kind);
  o->entry_id = entry_id;
  o->rule_date = g_strdup (date);
  o->date = g_strdup (date);
  g_assert_true (gad_minute_parse (time, &o->start_minute));
  o->minutes = minutes;
  o->start = gad_riga_to_unix (date, o->start_minute);
  o->staff_id = staff_id;
  o->person_id = person_id;
  o->plan_id = plan_id;
  o->service_code = g_strdup (service);
  o->status = g_strdup ("planned");
  o->actual_minutes = -1;
  o->staff_name = g_strdup ("Anna Kalniņa");
  o->person_name = g_strdup ("Jānis Bērziņš");
  return o;
}

static void
set_status (GadOccurrence *o,
            const char    *status)
{
  g_free (o->status);
  o->status = g_strdup (status);
}

static GadServicePlan *
plan_record (gint64      id,
             gint64      person_id,
             const char *service,
             int         level,
             const char *group,
             gint64      staff_id)
{
  GadServicePlan *p = g_new0 (GadServicePlan, 1);

  p->id = id;
  p->person_id = person_id;
  p->service_code = g_strdup (service);
  p->level = level;
  p->client_group = g_strdup (group);
  p->period_from = g_strdup ("2026-01-01");
  p->period_to = g_strdup ("2026-12-31");
  p->staff_id = staff_id;
  p->staff_name = g_strdup ("Ilze Liepa");
  return p;
}

static guint
count_kind (GPtrArray       *conflicts,
            GadConflictKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < conflicts->len; i++)
    n += ((GadConflict *) g_ptr_array_index (conflicts, i))->kind == kind;
  return n;
}

static const GadCaseloadLimits limits = { 4, 4, 6 };

static GPtrArray *
find (GPtrArray  *occurrences,
      GPtrArray  *plans,
      const char *from,
      const char *to)
{
  return gad_conflicts_find (occurrences, plans, &limits, from, to);
}

#define NEW_OCCURRENCES() g_ptr_array_new_with_free_func ((GDestroyNotify) gad_occurrence_free)
#define NEW_PLANS() g_ptr_array_new_with_free_func ((GDestroyNotify) gad_service_plan_free)

/* ---- recurrence and Riga time ------------------------------------------- */

static void
test_weekly_days (void)
{
  g_autoptr(GadEntry) e = entry_new ("appointment", 1, 1, 0, "2026-03-02", "10:00", 90,
                                     MON | THU, "2026-04-02");
  g_autoptr(GPtrArray) days = gad_entry_days (e, "2026-03-01", "2026-04-30");
  g_autoptr(GPtrArray) part = gad_entry_days (e, "2026-03-10", "2026-03-16");
  g_autoptr(GadEntry) once = entry_new ("appointment", 1, 1, 0, "2026-03-04", "10:00", 30, 0,
                                        NULL);
  g_autoptr(GPtrArray) one = gad_entry_days (once, "2026-03-01", "2026-03-31");
  g_autoptr(GPtrArray) none = gad_entry_days (once, "2026-03-05", "2026-03-31");

  /* Mondays 2, 9, 16, 23, 30 March; Thursdays 5, 12, 19, 26 March and 2 April —
   * the end date is the last day. */
  g_assert_cmpuint (days->len, ==, 10);
  g_assert_cmpstr (g_ptr_array_index (days, 0), ==, "2026-03-02");
  g_assert_cmpstr (g_ptr_array_index (days, 1), ==, "2026-03-05");
  g_assert_cmpstr (g_ptr_array_index (days, 9), ==, "2026-04-02");
  g_assert_cmpuint (part->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (part, 0), ==, "2026-03-12");
  g_assert_cmpstr (g_ptr_array_index (part, 1), ==, "2026-03-16");
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_cmpint (gad_date_weekday ("2026-03-02"), ==, 1);
  g_assert_cmpint (gad_date_weekday ("2026-03-08"), ==, 7);
  {
    g_autofree char *monday = gad_iso_week_monday ("2026-W10");

    g_assert_cmpstr (monday, ==, "2026-03-02");
  }
}

static void
test_iso_weeks (void)
{
  g_autofree char *a = gad_iso_week_monday ("2026-W01");
  g_autofree char *b = gad_iso_week_monday ("2020-W53");
  g_autofree char *c = gad_iso_week_monday ("2025-W53");
  g_autofree char *e = gad_iso_week_monday ("2026-W53");
  g_autofree char *d = gad_iso_week_monday ("2026-10");

  g_assert_cmpstr (a, ==, "2025-12-29");
  g_assert_cmpstr (b, ==, "2020-12-28");
  g_assert_null (c);   /* 2025 has 52 weeks, 2026 (from a Thursday) 53 */
  g_assert_cmpstr (e, ==, "2026-12-28");
  g_assert_null (d);
}

static void
test_riga_time (void)
{
  /* Winter is UTC+2, summer UTC+3; the clocks change on the last Sundays of
   * March (03:00 → 04:00) and October (04:00 → 03:00). */
  g_assert_cmpint (gad_riga_to_unix ("2026-03-23", 10 * 60), ==, 1774252800);  /* 08:00Z */
  g_assert_cmpint (gad_riga_to_unix ("2026-03-30", 10 * 60), ==, 1774854000);  /* 07:00Z */
  g_assert_cmpint (gad_riga_to_unix ("2026-03-29", 2 * 60 + 30), ==, 1774744200); /* 00:30Z */
  g_assert_cmpint (gad_riga_to_unix ("2026-03-29", 4 * 60 + 30), ==, 1774747800); /* 01:30Z */
  g_assert_cmpint (gad_riga_to_unix ("2026-10-22", 10 * 60), ==, 1792652400);  /* 07:00Z */
  g_assert_cmpint (gad_riga_to_unix ("2026-10-26", 10 * 60), ==, 1793001600);  /* 08:00Z */
}

static GPtrArray *
week (GadStore   *store,
      gint64      staff_id,
      const char *from,
      const char *to,
      gboolean    with_cancelled)
{
  GadScheduleFilter f = { .staff_id = staff_id, .with_cancelled = with_cancelled };
  g_autoptr(GError) error = NULL;
  GPtrArray *list = gad_store_list_occurrences (store, &f, from, to, &error);

  g_assert_no_error (error);
  return list;
}

static void
test_series_across_clock_changes (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  gint64 client = person (store, "321111-11111", "Bērziņš", "Jānis", "1941-05-04", 0);
  gint64 carer = staff (store, "Anna Kalniņa");
  g_autoptr(GError) error = NULL;
  gint64 p = plan (store, client, "home-care", 2, "2026-01-01", NULL, carer, &error);
  g_autoptr(GadEntry) e = entry_new ("visit", carer, client, p, "2026-03-02", "10:00", 120,
                                     MON | THU, "2026-11-30");
  g_autoptr(GPtrArray) march = NULL, october = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (gad_store_save_entry (store, e, &error), >, 0);
  g_assert_no_error (error);

  march = week (store, carer, "2026-03-23", "2026-04-05", FALSE);
  g_assert_cmpuint (march->len, ==, 4);
  for (guint i = 0; i < march->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (march, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (o->start);

      /* Always 10:00 on the wall clock: 08:00Z before 29 March, 07:00Z after. */
      g_assert_cmpint (o->start_minute, ==, 600);
      g_assert_cmpint (g_date_time_get_hour (utc), ==, g_strcmp0 (o->date, "2026-03-29") < 0 ? 8 : 7);
      g_assert_cmpstr (o->service_code, ==, "home-care");
      g_assert_cmpstr (o->address, ==, "Rīgas iela 11, Bauska");
    }
  october = week (store, carer, "2026-10-19", "2026-10-30", FALSE);
  g_assert_cmpuint (october->len, ==, 4);
  for (guint i = 0; i < october->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (october, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (o->start);

      g_assert_cmpint (g_date_time_get_hour (utc), ==, g_strcmp0 (o->date, "2026-10-25") < 0 ? 7 : 8);
    }
  /* Nothing after the end date. */
  g_clear_pointer (&march, g_ptr_array_unref);
  march = week (store, carer, "2026-12-01", "2026-12-31", TRUE);
  g_assert_cmpuint (march->len, ==, 0);
}

static void
test_exceptions (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  gint64 client = person (store, "321111-11111", "Bērziņš", "Jānis", "1941-05-04", 0);
  gint64 carer = staff (store, "Anna Kalniņa");
  gint64 other = staff (store, "Ilze Liepa");
  g_autoptr(GError) error = NULL;
  gint64 p = plan (store, client, "home-care", 2, "2026-01-01", NULL, carer, &error);
  g_autoptr(GadEntry) e = entry_new ("visit", carer, client, p, "2026-03-02", "10:00", 120,
                                     MON | THU, NULL);
  g_autoptr(GPtrArray) list = NULL, with = NULL, theirs = NULL, next = NULL;
  gint64 id;

  id = gad_store_save_entry (store, e, &error);
  g_assert_no_error (error);

  /* Cancel Thursday 5 March; move Monday 9 March to Tuesday 10 March 13:00. */
  g_assert_true (gad_store_cancel_occurrence (store, id, "2026-03-05", "Klients slimnīcā", &error));
  g_assert_true (gad_store_move_occurrence (store, id, "2026-03-09", "2026-03-10", 13 * 60, 0,
                                            NULL, &error));
  g_assert_no_error (error);
  /* A day the rule does not give is refused. */
  g_assert_false (gad_store_cancel_occurrence (store, id, "2026-03-04", "x", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = week (store, carer, "2026-03-02", "2026-03-15", FALSE);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((GadOccurrence *) g_ptr_array_index (list, 0))->date, ==, "2026-03-02");
  g_assert_cmpstr (((GadOccurrence *) g_ptr_array_index (list, 1))->date, ==, "2026-03-10");
  g_assert_cmpstr (((GadOccurrence *) g_ptr_array_index (list, 1))->rule_date, ==, "2026-03-09");
  g_assert_cmpint (((GadOccurrence *) g_ptr_array_index (list, 1))->start_minute, ==, 780);
  g_assert_cmpstr (((GadOccurrence *) g_ptr_array_index (list, 2))->date, ==, "2026-03-12");
  with = week (store, carer, "2026-03-02", "2026-03-15", TRUE);
  g_assert_cmpuint (with->len, ==, 4);
  g_assert_cmpstr (((GadOccurrence *) g_ptr_array_index (with, 1))->status, ==, "cancelled");
  g_assert_cmpstr (((GadOccurrence *) g_ptr_array_index (with, 1))->reason, ==, "Klients slimnīcā");

  /* Moved across a week and handed to a colleague: it leaves one week and
   * shows in the other, in the colleague's schedule. */
  g_assert_false (gad_store_move_occurrence (store, id, "2026-03-12", "2026-03-17", -1, other,
                                             NULL, &error));
  /* Three visits in the week from 16 March: 6 h over level 2's 5 h. */
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "16.03.2026"));
  g_clear_error (&error);
  g_assert_true (gad_store_move_occurrence (store, id, "2026-03-12", "2026-03-17", -1, other,
                                            "Klients slimnīcā līdz 16.03.", &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = week (store, carer, "2026-03-09", "2026-03-15", FALSE);
  g_assert_cmpuint (list->len, ==, 1);
  theirs = week (store, other, "2026-03-16", "2026-03-22", FALSE);
  g_assert_cmpuint (theirs->len, ==, 1);
  g_assert_cmpstr (((GadOccurrence *) g_ptr_array_index (theirs, 0))->rule_date, ==, "2026-03-12");
  g_assert_cmpint (((GadOccurrence *) g_ptr_array_index (theirs, 0))->start_minute, ==, 600);
  next = week (store, carer, "2026-03-16", "2026-03-22", FALSE);
  g_assert_cmpuint (next->len, ==, 2);

  /* Ending the series: the entry gets an end date, later weeks are empty. */
  g_free (e->until_date);
  e->until_date = g_strdup ("2026-03-31");
  g_assert_cmpint (gad_store_save_entry (store, e, &error), ==, id);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = week (store, carer, "2026-04-01", "2026-04-30", TRUE);
  g_assert_cmpuint (list->len, ==, 0);
}

/* ---- conflict rules at and over their edges ----------------------------- */

static void
test_double_booking (void)
{
  g_autoptr(GPtrArray) o = NEW_OCCURRENCES ();
  g_autoptr(GPtrArray) plans = NEW_PLANS ();
  g_autoptr(GPtrArray) c = NULL;

  /* Back to back is fine; one minute of overlap is not. */
  g_ptr_array_add (o, occ ("appointment", 1, 7, 1, 0, NULL, "2026-03-02", "09:00", 60));
  g_ptr_array_add (o, occ ("appointment", 2, 7, 2, 0, NULL, "2026-03-02", "10:00", 30));
  c = find (o, plans, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (c->len, ==, 0);
  g_clear_pointer (&c, g_ptr_array_unref);

  g_ptr_array_add (o, occ ("appointment", 3, 7, 3, 0, NULL, "2026-03-02", "10:29", 30));
  c = find (o, plans, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (count_kind (c, GAD_CONFLICT_DOUBLE_BOOKED), ==, 1);
  g_assert_cmpint (((GadConflict *) g_ptr_array_index (c, 0))->entry_id, ==, 3);
  g_assert_cmpint (((GadConflict *) g_ptr_array_index (c, 0))->other_entry_id, ==, 2);
  g_assert_nonnull (strstr (((GadConflict *) g_ptr_array_index (c, 0))->message, "Anna Kalniņa"));
  g_clear_pointer (&c, g_ptr_array_unref);

  /* Another staff member at the same time is no conflict; a cancelled one neither. */
  g_ptr_array_add (o, occ ("appointment", 4, 8, 4, 0, NULL, "2026-03-02", "10:00", 30));
  set_status (g_ptr_array_index (o, 2), "cancelled");
  c = find (o, plans, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (c->len, ==, 0);
  g_clear_pointer (&c, g_ptr_array_unref);

  /* Appointments inside reception hours are what they are for; one running
   * past their end is a double booking. */
  g_ptr_array_add (o, occ ("reception", 5, 8, 0, 0, NULL, "2026-03-03", "09:00", 180));
  g_ptr_array_add (o, occ ("appointment", 6, 8, 5, 0, NULL, "2026-03-03", "09:00", 30));
  g_ptr_array_add (o, occ ("appointment", 7, 8, 6, 0, NULL, "2026-03-03", "11:00", 30));
  c = find (o, plans, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (c->len, ==, 0);
  g_clear_pointer (&c, g_ptr_array_unref);
  g_ptr_array_add (o, occ ("appointment", 8, 8, 7, 0, NULL, "2026-03-03", "11:45", 30));
  c = find (o, plans, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (count_kind (c, GAD_CONFLICT_DOUBLE_BOOKED), ==, 1);
  g_clear_pointer (&c, g_ptr_array_unref);

  /* Only conflicts inside the period asked about. */
  c = find (o, plans, "2026-03-04", "2026-03-31");
  g_assert_cmpuint (c->len, ==, 0);
}

static void
test_service_hours (void)
{
  g_autoptr(GPtrArray) plans = NEW_PLANS ();
  struct { const char *service; const char *date; const char *time; int minutes; gboolean ok; } cases[] = {
    { "home-care", "2026-03-02", "09:00", 540, TRUE },    /* Monday 09:00–18:00 */
    { "home-care", "2026-03-02", "08:59", 60, FALSE },
    { "home-care", "2026-03-02", "17:00", 61, FALSE },   /* ends 18:01 */
    { "home-care", "2026-03-07", "10:00", 60, FALSE },   /* Saturday */
    { "nanny", "2026-03-07", "07:00", 900, TRUE },        /* Saturday 07:00–22:00 */
    { "nanny", "2026-03-08", "06:59", 60, FALSE },
    { "nanny", "2026-03-08", "21:30", 31, FALSE },
    { "psychologist", "2026-03-08", "20:00", 60, TRUE },  /* no set hours */
  };

  g_ptr_array_add (plans, plan_record (1, 1, "home-care", 4, NULL, 7));
  g_ptr_array_add (plans, plan_record (2, 1, "nanny", 0, NULL, 7));
  g_ptr_array_add (plans, plan_record (3, 1, "psychologist", 0, NULL, 7));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) o = NEW_OCCURRENCES ();
      g_autoptr(GPtrArray) c = NULL;
      gint64 plan_id = g_str_equal (cases[i].service, "home-care") ? 1
                       : g_str_equal (cases[i].service, "nanny") ? 2 : 3;

      g_ptr_array_add (o, occ ("visit", 1, 7, 1, plan_id, cases[i].service, cases[i].date,
                               cases[i].time, cases[i].minutes));
      c = find (o, plans, "2026-03-01", "2026-03-31");
      g_assert_cmpuint (count_kind (c, GAD_CONFLICT_OUTSIDE_HOURS), ==, cases[i].ok ? 0 : 1);
    }
}

static void
test_allowances (void)
{
  g_autoptr(GPtrArray) plans = NEW_PLANS ();
  g_autoptr(GPtrArray) o = NEW_OCCURRENCES ();
  g_autoptr(GPtrArray) c = NULL;
  int week, month;

  g_assert_true (gad_home_care_allowance (1, &week, &month));
  g_assert_cmpint (week, ==, 120);
  g_assert_cmpint (month, ==, 480);
  g_assert_true (gad_home_care_allowance (4, &week, &month));
  g_assert_cmpint (week, ==, 720);
  g_assert_cmpint (month, ==, 2880);
  g_assert_false (gad_home_care_allowance (5, &week, &month));

  /* Level 1: 2 h a week, 8 h a month. February 2026 has four Mondays: 4 × 2 h
   * is exactly the month's 8 h. */
  g_ptr_array_add (plans, plan_record (1, 1, "home-care", 1, NULL, 7));
  for (const char *const *d = (const char *[]) { "2026-02-02", "2026-02-09", "2026-02-16",
                                                 "2026-02-23", NULL }; *d; d++)
    g_ptr_array_add (o, occ ("visit", 1, 7, 1, 1, "home-care", *d, "10:00", 120));
  c = find (o, plans, "2026-02-01", "2026-02-28");
  g_assert_cmpuint (c->len, ==, 0);
  g_clear_pointer (&c, g_ptr_array_unref);

  /* Five minutes more in one week: over the week's 2 h, and the month's 8 h. */
  g_ptr_array_add (o, occ ("visit", 2, 8, 1, 1, "home-care", "2026-02-05", "10:00", 5));
  c = find (o, plans, "2026-02-01", "2026-02-28");
  g_assert_cmpuint (count_kind (c, GAD_CONFLICT_WEEK_ALLOWANCE), ==, 1);
  g_assert_cmpuint (count_kind (c, GAD_CONFLICT_MONTH_ALLOWANCE), ==, 1);
  for (guint i = 0; i < c->len; i++)
    {
      GadConflict *k = g_ptr_array_index (c, i);

      if (k->kind == GAD_CONFLICT_WEEK_ALLOWANCE)
        {
          g_assert_cmpstr (k->date, ==, "2026-02-02");
          g_assert_cmpint (k->entry_id, ==, 2);   /* the visit that went over */
        }
    }
  g_clear_pointer (&c, g_ptr_array_unref);

  /* A cancelled visit does not count. */
  set_status (g_ptr_array_index (o, 4), "cancelled");
  c = find (o, plans, "2026-02-01", "2026-02-28");
  g_assert_cmpuint (c->len, ==, 0);
  g_clear_pointer (&c, g_ptr_array_unref);

  /* March has five Mondays: 10 h a month over level 1's 8 h, though no week is over. */
  g_ptr_array_set_size (o, 0);
  for (const char *const *d = (const char *[]) { "2026-03-02", "2026-03-09", "2026-03-16",
                                                 "2026-03-23", "2026-03-30", NULL }; *d; d++)
    g_ptr_array_add (o, occ ("visit", 1, 7, 1, 1, "home-care", *d, "10:00", 120));
  c = find (o, plans, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (count_kind (c, GAD_CONFLICT_WEEK_ALLOWANCE), ==, 0);
  g_assert_cmpuint (count_kind (c, GAD_CONFLICT_MONTH_ALLOWANCE), ==, 1);
  g_assert_cmpstr (((GadConflict *) g_ptr_array_index (c, 0))->date, ==, "2026-03-01");
  g_clear_pointer (&c, g_ptr_array_unref);

  /* A visit outside its plan's period. */
  g_free (((GadServicePlan *) g_ptr_array_index (plans, 0))->period_to);
  ((GadServicePlan *) g_ptr_array_index (plans, 0))->period_to = g_strdup ("2026-03-29");
  c = find (o, plans, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (count_kind (c, GAD_CONFLICT_NO_PLAN), ==, 1);
}

static void
test_caseload (void)
{
  struct { int families, mental, young; gboolean over; } cases[] = {
    { 4, 0, 0, FALSE }, { 5, 0, 0, TRUE },
    { 0, 4, 0, FALSE }, { 0, 5, 0, TRUE },
    { 0, 0, 6, FALSE }, { 0, 0, 7, TRUE },
    { 2, 0, 3, FALSE }, { 2, 0, 4, TRUE },   /* half a caseload each, then more */
    { 2, 2, 0, FALSE }, { 2, 2, 1, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) plans = NEW_PLANS ();
      g_autoptr(GPtrArray) none = NEW_OCCURRENCES ();
      g_autoptr(GPtrArray) c = NULL;
      gint64 id = 1;

      for (int k = 0; k < cases[i].families; k++, id++)
        g_ptr_array_add (plans, plan_record (id, id, "family-assistant", 0, "families", 9));
      for (int k = 0; k < cases[i].mental; k++, id++)
        g_ptr_array_add (plans, plan_record (id, id, "family-assistant", 0, "mental", 9));
      for (int k = 0; k < cases[i].young; k++, id++)
        g_ptr_array_add (plans, plan_record (id, id, "family-assistant", 0, "young-adults", 9));
      /* Another assistant's clients do not count. */
      g_ptr_array_add (plans, plan_record (id, id, "family-assistant", 0, "families", 10));
      c = find (none, plans, "2026-01-01", "2026-12-31");
      g_assert_cmpuint (count_kind (c, GAD_CONFLICT_CASELOAD), ==, cases[i].over ? 1 : 0);
      if (cases[i].over)
        g_assert_cmpint (((GadConflict *) g_ptr_array_index (c, 0))->staff_id, ==, 9);
    }
}

static void
test_week_layout (void)
{
  g_autoptr(GPtrArray) o = NEW_OCCURRENCES ();
  g_autoptr(GArray) blocks = NULL;
  GadBlock *b;

  /* Monday: A 09–11, B 10–12, C 11–13 overlap in a chain of two columns;
   * D 14–15 stands alone. Tuesday: E. Next Monday is outside the week. */
  g_ptr_array_add (o, occ ("visit", 1, 7, 1, 1, "home-care", "2026-03-02", "09:00", 120));
  g_ptr_array_add (o, occ ("visit", 2, 7, 1, 1, "home-care", "2026-03-02", "10:00", 120));
  g_ptr_array_add (o, occ ("visit", 3, 7, 1, 1, "home-care", "2026-03-02", "11:00", 120));
  g_ptr_array_add (o, occ ("visit", 4, 7, 1, 1, "home-care", "2026-03-02", "14:00", 60));
  g_ptr_array_add (o, occ ("visit", 5, 7, 1, 1, "home-care", "2026-03-03", "10:00", 60));
  g_ptr_array_add (o, occ ("visit", 6, 7, 1, 1, "home-care", "2026-03-09", "10:00", 60));
  blocks = gad_week_layout (o, "2026-03-02");
  g_assert_cmpuint (blocks->len, ==, 5);
  b = &g_array_index (blocks, GadBlock, 0);
  g_assert_cmpint (b->occurrence->entry_id, ==, 1);
  g_assert_cmpint (b->column, ==, 0);
  g_assert_cmpint (b->columns, ==, 2);
  b = &g_array_index (blocks, GadBlock, 1);
  g_assert_cmpint (b->column, ==, 1);
  g_assert_cmpint (b->columns, ==, 2);
  b = &g_array_index (blocks, GadBlock, 2);   /* C takes A's column once A has ended */
  g_assert_cmpint (b->column, ==, 0);
  g_assert_cmpint (b->columns, ==, 2);
  b = &g_array_index (blocks, GadBlock, 3);
  g_assert_cmpint (b->column, ==, 0);
  g_assert_cmpint (b->columns, ==, 1);
  b = &g_array_index (blocks, GadBlock, 4);
  g_assert_cmpint (b->day, ==, 1);
  g_assert_cmpint (b->columns, ==, 1);
}

/* ---- the store checks on save ------------------------------------------- */

static void
test_save_refused_then_overruled (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  gint64 client = person (store, "321111-11111", "Bērziņš", "Jānis", "1941-05-04", 0);
  gint64 other = person (store, "322222-22222", "Ozola", "Anna", "1944-02-01", 0);
  gint64 carer = staff (store, "Anna Kalniņa");
  g_autoptr(GError) error = NULL;
  gint64 p = plan (store, client, "home-care", 2, "2026-01-01", NULL, carer, &error);
  g_autoptr(GadEntry) visit = entry_new ("visit", carer, client, p, "2026-03-02", "09:00", 120,
                                         MON, "2026-03-31");
  g_autoptr(GadEntry) clash = entry_new ("appointment", carer, other, 0, "2026-03-09", "10:00",
                                         60, 0, NULL);
  g_autoptr(GadEntry) late = entry_new ("visit", carer, client, p, "2026-03-03", "17:00", 90, 0,
                                        NULL);
  g_autoptr(GPtrArray) list = NULL, conflicts = NULL, audit = NULL;
  gboolean audited = FALSE;

  g_assert_cmpint (gad_store_save_entry (store, visit, &error), >, 0);
  g_assert_no_error (error);

  /* What the dialog shows while typing: the conflict, nothing written. */
  {
    g_autoptr(GPtrArray) preview = gad_store_entry_conflicts (store, clash, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (preview->len, ==, 1);
    g_assert_cmpint (((GadConflict *) g_ptr_array_index (preview, 0))->kind, ==,
                     GAD_CONFLICT_DOUBLE_BOOKED);
  }

  /* Double booked: refused, naming the staff member, and nothing saved. */
  g_assert_cmpint (gad_store_save_entry (store, clash, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Anna Kalniņa"));
  g_assert_nonnull (strstr (error->message, "09.03.2026"));
  g_clear_error (&error);
  g_assert_cmpint (clash->id, ==, 0);
  list = week (store, carer, "2026-03-09", "2026-03-09", TRUE);
  g_assert_cmpuint (list->len, ==, 1);

  /* Outside home-care hours: refused too. */
  g_assert_cmpint (gad_store_save_entry (store, late, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "17:00–18:30"));
  g_clear_error (&error);

  /* With a reason it is saved, listed as overruled, and audited. */
  clash->override_reason = g_strdup ("Steidzama tikšanās ar ārstu");
  g_assert_cmpint (gad_store_save_entry (store, clash, &error), >, 0);
  g_assert_no_error (error);
  conflicts = gad_store_find_conflicts (store, "2026-03-01", "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((GadConflict *) g_ptr_array_index (conflicts, 0))->override_reason, ==,
                   "Steidzama tikšanās ar ārstu");
  audit = gad_store_list_audit (store, other, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      GadAuditEntry *a = g_ptr_array_index (audit, i);

      for (guint k = 0; k < a->changes->len; k++)
        {
          GadAuditChange *ch = g_ptr_array_index (a->changes, k);

          audited |= g_str_equal (a->entity, "schedule-entry")
                     && g_str_equal (ch->field, "override_reason")
                     && g_strcmp0 (ch->new_value, "Steidzama tikšanās ar ārstu") == 0;
        }
    }
  g_assert_true (audited);

  /* Moving a visit onto the appointment is refused; with a reason, done. */
  g_assert_false (gad_store_move_occurrence (store, visit->id, "2026-03-16", "2026-03-09",
                                             11 * 60 - 30, 0, NULL, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (gad_store_move_occurrence (store, visit->id, "2026-03-16", "2026-03-09",
                                            11 * 60 - 30, 0, "Klienta lūgums", &error));
  g_assert_no_error (error);

  /* A copy read before another save is refused. */
  visit->version = 1;
  g_free (visit->note);
  visit->note = g_strdup ("Atslēga pie kaimiņiem");
  g_assert_cmpint (gad_store_save_entry (store, visit, &error), >, 0);
  g_assert_no_error (error);
  visit->version = 1;
  g_assert_cmpint (gad_store_save_entry (store, visit, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
}

static void
test_plan_rules (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  gint64 assistant = staff (store, "Ilze Liepa");
  gint64 ids[6];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *code = g_strdup_printf ("32%04u-%05u", i, i);

      ids[i] = person (store, code, "Kalniņš", "Pēteris", "1990-01-01", 0);
    }
  /* Four families fill a caseload; the fifth is refused without a reason. */
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpint (plan (store, ids[i], "family-assistant", 0, "2026-02-01", NULL, assistant,
                             &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_cmpint (plan (store, ids[4], "family-assistant", 0, "2026-03-01", NULL, assistant,
                         &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Ilze Liepa"));
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) plans = gad_store_list_service_plans (store, ids[4], &error);

    g_assert_cmpuint (plans->len, ==, 0);
  }
  /* Home care needs a level 1–4. */
  g_assert_cmpint (plan (store, ids[5], "home-care", 5, "2026-01-01", NULL, 0, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plan (store, ids[5], "home-care", 3, "2026-02-01", "2026-01-01", 0, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
}

static void
test_safety_button (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  gint64 alone = person (store, "321111-11111", "Bērziņš", "Jānis", "1941-05-04", 0);
  gint64 young = person (store, "322222-22222", "Ozols", "Kārlis", "1990-02-01", 0);
  gint64 disabled = person (store, "323333-33333", "Liepa", "Ilze", "1985-07-07", 2);
  gint64 group3 = person (store, "324444-44444", "Kalns", "Rūta", "1985-07-07", 3);
  gint64 married = person (store, "325555-55555", "Zariņa", "Vera", "1940-01-01", 0);
  gint64 spouse = person (store, "326666-66666", "Zariņš", "Jānis", "1939-01-01", 0);
  g_autoptr(GError) error = NULL;

  /* A pensioner living alone, home care level 2: refused for the level. */
  plan (store, alone, "home-care", 2, "2026-01-01", "2026-05-31", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan (store, alone, "safety-button", 0, "2026-03-01", NULL, 0, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "level 3 or 4"));
  g_assert_null (strstr (error->message, "pensioner"));
  g_clear_error (&error);
  /* Level 3 from June: granted from June, still refused in March. */
  plan (store, alone, "home-care", 3, "2026-06-01", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan (store, alone, "safety-button", 0, "2026-06-01", NULL, 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (gad_store_check_safety_button (store, alone, "2026-05-31", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* 36 years old, no disability group: refused for that (and the level). */
  plan (store, young, "home-care", 4, "2026-01-01", NULL, 0, &error);
  g_assert_cmpint (plan (store, young, "safety-button", 0, "2026-03-01", NULL, 0, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "neither a pensioner nor a person with disability group I or II"));
  g_assert_null (strstr (error->message, "level 3 or 4"));
  g_clear_error (&error);

  /* Disability group II counts; group III does not. */
  plan (store, disabled, "home-care", 3, "2026-01-01", NULL, 0, &error);
  plan (store, group3, "home-care", 3, "2026-01-01", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (gad_store_check_safety_button (store, disabled, "2026-03-01", &error));
  g_assert_no_error (error);
  g_assert_false (gad_store_check_safety_button (store, group3, "2026-03-01", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A pensioner living with her husband has a legal provider. */
  plan (store, married, "home-care", 4, "2026-01-01", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gad_store_place_in_household (store, spouse, married, "spouse", "2020-01-01",
                                                 "Upes iela 3", 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (gad_store_check_safety_button (store, married, "2026-03-01", &error));
  g_assert_nonnull (strstr (error->message, "legal provider"));
  g_assert_nonnull (strstr (error->message, "Jānis Zariņš"));
}

/* ---- co-payments ---------------------------------------------------------- */

static gint64
issue_needy (GadStore   *store,
             gint64      person_id,
             const char *from,
             const char *to)
{
  GadRequest r = { 0, person_id, 0, (char *) "gmi", NULL, (char *) from, (char *) "IN-1" };
  GadDecisionDraft d = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  d.request_id = gad_store_insert_request (store, &r, &error);
  g_assert_no_error (error);
  d.outcome = "grant";
  d.amount_cents = 10000;
  d.period_from = from;
  d.period_to = to;
  d.status_granted = "needy";
  d.facts = "Ienākumi zem trūcīgas mājsaimniecības sliekšņa.";
  d.legal_basis = "Sociālo pakalpojumu un sociālās palīdzības likuma 33. panta pirmā daļa";
  d.reasoning = "Atbilst.";
  d.issued_on = from;
  d.drafter = "Inese Ozola";
  id = gad_decision_issue (store, &d, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_copayments (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  gint64 paying = person (store, "321111-11111", "Bērziņš", "Jānis", "1941-05-04", 0);
  gint64 needy = person (store, "322222-22222", "Ozola", "Anna", "1944-02-01", 0);
  gint64 carer = staff (store, "Anna Kalniņa");
  g_autoptr(GError) error = NULL;
  gint64 p1 = plan (store, paying, "home-care", 2, "2026-01-01", NULL, carer, &error);
  gint64 p2 = plan (store, needy, "home-care", 2, "2026-01-01", NULL, carer, &error);
  g_autoptr(GadEntry) a = entry_new ("visit", carer, paying, p1, "2026-03-02", "09:00", 60, MON,
                                     "2026-03-31");
  g_autoptr(GadEntry) b = entry_new ("visit", carer, needy, p2, "2026-03-02", "11:00", 90, MON,
                                     "2026-03-31");
  g_autoptr(GPtrArray) payments = NULL, again = NULL;

  g_assert_no_error (error);
  gad_store_save_entry (store, a, &error);
  g_assert_no_error (error);
  gad_store_save_entry (store, b, &error);
  g_assert_no_error (error);

  /* The hourly rate rises from 3.80 to 4.00 on 16 March. */
  {
    g_autoptr(GadStore) admin = gad_test_open_as (gad_store_get_path (store),
                                                  GAD_ROLE_ADMINISTRATOR);

    g_assert_true (gad_store_set_rate (admin, "home-care-hour", "2026-03-16", 400, 0, &error));
  }
  g_assert_no_error (error);
  /* Anna is needy until 10 March. */
  issue_needy (store, needy, "2026-03-01", "2026-03-10");

  /* Done: 2 March 55 min and 23 March 75 min for Jānis; missed on 9 March. */
  g_assert_true (gad_store_record_visit (store, a->id, "2026-03-02", TRUE, 55, NULL, &error));
  g_assert_true (gad_store_record_visit (store, a->id, "2026-03-23", TRUE, 75, NULL, &error));
  g_assert_true (gad_store_record_visit (store, a->id, "2026-03-09", FALSE, -1, "Nebija mājās",
                                         &error));
  /* Anna: 9 March (needy, free) and 16 March (not needy, new rate), 90 min each. */
  g_assert_true (gad_store_record_visit (store, b->id, "2026-03-09", TRUE, 90, NULL, &error));
  g_assert_true (gad_store_record_visit (store, b->id, "2026-03-16", TRUE, 90, NULL, &error));
  g_assert_no_error (error);
  /* A missed visit needs its reason, a done one its minutes. */
  g_assert_false (gad_store_record_visit (store, a->id, "2026-03-16", FALSE, -1, "", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gad_store_record_visit (store, a->id, "2026-03-16", TRUE, 0, NULL, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  payments = gad_store_compute_copayments (store, "2026-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 2);
  {
    GadCopayment *j = g_ptr_array_index (payments, 0), *n = g_ptr_array_index (payments, 1);

    /* 55 min × 3.80 + 75 min × 4.00 = 3.4833 + 5.00 = 8.48 */
    g_assert_cmpint (j->person_id, ==, paying);
    g_assert_cmpint (j->minutes, ==, 130);
    g_assert_cmpint (j->free_minutes, ==, 0);
    g_assert_cmpint (j->amount_cents, ==, 848);
    /* 90 min free, then 90 min × 4.00 = 6.00 */
    g_assert_cmpint (n->person_id, ==, needy);
    g_assert_cmpint (n->minutes, ==, 180);
    g_assert_cmpint (n->free_minutes, ==, 90);
    g_assert_cmpint (n->amount_cents, ==, 600);
  }
  /* Recorded on the client. */
  {
    g_autoptr(GPtrArray) recorded = gad_store_list_copayments (store, needy, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (recorded->len, ==, 1);
    g_assert_cmpstr (((GadCopayment *) g_ptr_array_index (recorded, 0))->name, ==, "2026-03");
    g_assert_cmpint (((GadCopayment *) g_ptr_array_index (recorded, 0))->amount_cents, ==, 600);
    g_assert_cmpint (((GadCopayment *) g_ptr_array_index (recorded, 0))->free_minutes, ==, 90);
  }
  /* Computing again changes nothing; a bad month is refused. */
  again = gad_store_compute_copayments (store, "2026-03", &error);
  g_assert_cmpint (((GadCopayment *) g_ptr_array_index (again, 0))->amount_cents, ==, 848);
  g_assert_null (gad_store_compute_copayments (store, "2026-13", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
}

/* ---- reception slots and groups ----------------------------------------- */

static void
test_slots_and_groups (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) admin = gad_test_open_as (gad_store_get_path (store), GAD_ROLE_ADMINISTRATOR);
  gint64 office = gad_store_add_territory (admin, "Vecsaules pagasts", &error);
  gint64 worker = staff (store, "Laura Priede");
  gint64 client = person (store, "321111-11111", "Bērziņš", "Jānis", "1941-05-04", 0);
  gint64 other = person (store, "322222-22222", "Ozola", "Anna", "1944-02-01", 0);
  g_autoptr(GadEntry) reception = entry_new ("reception", worker, 0, 0, "2026-03-03", "09:00",
                                             180, TUE, NULL);
  g_autoptr(GadEntry) booked = entry_new ("appointment", worker, client, 0, "2026-03-10",
                                          "10:00", 30, 0, NULL);
  g_autoptr(GadEntry) group = entry_new ("group", worker, 0, 0, "2026-03-04", "15:00", 90, WED,
                                         "2026-05-27");
  g_autoptr(GPtrArray) slots = NULL, after = NULL, list = NULL, day = NULL;

  reception->territory_id = office;
  booked->territory_id = office;
  group->title = g_strdup ("Atbalsta grupa senioriem");
  gad_store_save_entry (store, reception, &error);
  g_assert_no_error (error);

  slots = gad_store_free_slots (store, office, "2026-03-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 6);   /* 09:00–12:00 in 30 minutes */
  gad_store_save_entry (store, booked, &error);
  g_assert_no_error (error);
  after = gad_store_free_slots (store, office, "2026-03-10", &error);
  g_assert_cmpuint (after->len, ==, 5);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpint (((GadOccurrence *) g_ptr_array_index (after, i))->start_minute, !=, 600);
  day = gad_store_list_occurrences (store, &(GadScheduleFilter) { .territory_id = office,
                                                                   .kind = "appointment" },
                                    "2026-03-10", "2026-03-10", &error);
  g_assert_cmpuint (day->len, ==, 1);
  g_assert_cmpstr (((GadOccurrence *) g_ptr_array_index (day, 0))->person_name, ==, "Jānis Bērziņš");

  /* A group needs a name; then participants and attendance per session. */
  g_free (group->title);
  group->title = g_strdup ("");
  g_assert_cmpint (gad_store_save_entry (store, group, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (group->title);
  group->title = g_strdup ("Atbalsta grupa senioriem");
  gad_store_save_entry (store, group, &error);
  g_assert_no_error (error);
  g_assert_true (gad_store_add_participant (store, group->id, client, &error));
  g_assert_true (gad_store_add_participant (store, group->id, other, &error));
  g_assert_false (gad_store_add_participant (store, group->id, other, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (gad_store_record_attendance (store, group->id, "2026-03-11", client, TRUE, &error));
  g_assert_true (gad_store_record_attendance (store, group->id, "2026-03-11", other, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (gad_store_record_attendance (store, group->id, "2026-03-12", client, TRUE, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  list = gad_store_list_attendance (store, group->id, "2026-03-11", &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((GadAttendance *) g_ptr_array_index (list, 0))->name, ==, "Jānis Bērziņš");
  g_assert_cmpint (((GadAttendance *) g_ptr_array_index (list, 0))->present, ==, 1);
  g_assert_cmpint (((GadAttendance *) g_ptr_array_index (list, 1))->present, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gad_store_list_attendance (store, group->id, "2026-03-18", &error);
  g_assert_cmpint (((GadAttendance *) g_ptr_array_index (list, 0))->present, ==, -1);
}

/* ---- the printed round ---------------------------------------------------- */

/* The top of the first place @text stands on @page. */
static double
row_of (PopplerPage *page,
        const char  *text)
{
  GList *found = poppler_page_find_text (page, text);
  double y;

  if (found == NULL)
    g_error ("“%s” is not on the page", text);
  y = ((PopplerRectangle *) found->data)->y2;
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return y;
}

static void
test_round_pdf (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  gint64 first = person (store, "321111-11111", "Bērziņš", "Jānis", "1941-05-04", 0);
  gint64 second = person (store, "322222-22222", "Ozola", "Anna", "1944-02-01", 0);
  gint64 carer = staff (store, "Anna Kalniņa");
  g_autoptr(GError) error = NULL;
  gint64 p1 = plan (store, first, "home-care", 2, "2026-01-01", NULL, carer, &error);
  gint64 p2 = plan (store, second, "home-care", 2, "2026-01-01", NULL, carer, &error);
  g_autoptr(GadEntry) late = entry_new ("visit", carer, first, p1, "2026-03-02", "13:00", 60, MON,
                                        NULL);
  g_autoptr(GadEntry) early = entry_new ("visit", carer, second, p2, "2026-03-02", "09:30", 60,
                                         MON, NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GObject) doc = NULL;
  g_autoptr(GObject) page = NULL;
  g_autofree char *text = NULL;

  early->note = g_strdup ("Atslēga pie kaimiņiem");
  gad_store_save_entry (store, late, &error);
  gad_store_save_entry (store, early, &error);
  g_assert_no_error (error);
  list = week (store, carer, "2026-03-02", "2026-03-08", FALSE);
  pdf = gad_schedule_to_pdf (list, "Weekly round: Anna Kalniņa", "Week 10", &error);
  g_assert_no_error (error);
  doc = G_OBJECT (poppler_document_new_from_bytes (pdf, NULL, &error));
  g_assert_no_error (error);
  page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (doc), 0));
  text = poppler_page_get_text (POPPLER_PAGE (page));
  /* In visit order; each visit's address, phone and note on its own row. */
  {
    const char *rows[][4] = { { "Ozola", "Rīgas iela 22, Bauska", "+371 20002222",
                                "Atslēga pie kaimiņiem" },
                              { "Bērziņš", "Rīgas iela 11, Bauska", "+371 20001111", NULL } };

    g_assert_nonnull (strstr (text, "Anna Kalniņa"));
    g_assert_nonnull (strstr (text, "09:30–10:30"));
    g_assert_nonnull (strstr (text, "13:00–14:00"));
    g_assert_true (strstr (text, "09:30–10:30") < strstr (text, "13:00–14:00"));
    g_assert_true (row_of (POPPLER_PAGE (page), "Ozola") != row_of (POPPLER_PAGE (page), "Bērziņš"));
    for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
      for (guint c = 1; c < 4 && rows[r][c]; c++)
        g_assert_cmpfloat_with_epsilon (row_of (POPPLER_PAGE (page), rows[r][c]),
                                        row_of (POPPLER_PAGE (page), rows[r][0]), 1.0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schedule/weekly-days", test_weekly_days);
  g_test_add_func ("/schedule/iso-weeks", test_iso_weeks);
  g_test_add_func ("/schedule/riga-time", test_riga_time);
  g_test_add_func ("/schedule/series-across-clock-changes", test_series_across_clock_changes);
  g_test_add_func ("/schedule/exceptions", test_exceptions);
  g_test_add_func ("/schedule/double-booking", test_double_booking);
  g_test_add_func ("/schedule/service-hours", test_service_hours);
  g_test_add_func ("/schedule/allowances", test_allowances);
  g_test_add_func ("/schedule/caseload", test_caseload);
  g_test_add_func ("/schedule/week-layout", test_week_layout);
  g_test_add_func ("/schedule/save-refused-then-overruled", test_save_refused_then_overruled);
  g_test_add_func ("/schedule/plan-rules", test_plan_rules);
  g_test_add_func ("/schedule/safety-button", test_safety_button);
  g_test_add_func ("/schedule/copayments", test_copayments);
  g_test_add_func ("/schedule/slots-and-groups", test_slots_and_groups);
  g_test_add_func ("/schedule/round-pdf", test_round_pdf);
  return g_test_run ();
}
