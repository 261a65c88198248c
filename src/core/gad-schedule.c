/* gad-schedule.c — recurrence, service hours, allowances and conflicts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain functions over records the store hands out, so the rules are tested
 * without a database and the same checks serve the view, the CLI and the
 * store's check on save.
 */
#define G_LOG_DOMAIN "gad-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "gad-schedule.h"
#include "gad-text.h"

void
gad_service_plan_free (GadServicePlan *p)
{
  if (p == NULL)
    return;
  g_free (p->service_code);
  g_free (p->client_group);
  g_free (p->period_from);
  g_free (p->period_to);
  g_free (p->override_reason);
  g_free (p->person_name);
  g_free (p->staff_name);
  g_free (p);
}

GadServicePlan *
gad_service_plan_copy (const GadServicePlan *p)
{
  GadServicePlan *copy = g_memdup2 (p, sizeof *p);

  copy->service_code = g_strdup (p->service_code);
  copy->client_group = g_strdup (p->client_group);
  copy->period_from = g_strdup (p->period_from);
  copy->period_to = g_strdup (p->period_to);
  copy->override_reason = g_strdup (p->override_reason);
  copy->person_name = g_strdup (p->person_name);
  copy->staff_name = g_strdup (p->staff_name);
  return copy;
}

/* Frees what @e holds, not @e: for an entry on the stack. */
void
gad_entry_clear (GadEntry *e)
{
  g_clear_pointer (&e->kind, g_free);
  g_clear_pointer (&e->title, g_free);
  g_clear_pointer (&e->start_date, g_free);
  g_clear_pointer (&e->until_date, g_free);
  g_clear_pointer (&e->note, g_free);
  g_clear_pointer (&e->override_reason, g_free);
}

void
gad_entry_free (GadEntry *e)
{
  if (e == NULL)
    return;
  gad_entry_clear (e);
  g_free (e);
}

GadEntry *
gad_entry_copy (const GadEntry *e)
{
  GadEntry *copy = g_memdup2 (e, sizeof *e);

  copy->kind = g_strdup (e->kind);
  copy->title = g_strdup (e->title);
  copy->start_date = g_strdup (e->start_date);
  copy->until_date = g_strdup (e->until_date);
  copy->note = g_strdup (e->note);
  copy->override_reason = g_strdup (e->override_reason);
  return copy;
}

void
gad_occurrence_free (GadOccurrence *o)
{
  if (o == NULL)
    return;
  g_free (o->kind);
  g_free (o->rule_date);
  g_free (o->date);
  g_free (o->service_code);
  g_free (o->service_name);
  g_free (o->status);
  g_free (o->reason);
  g_free (o->override_reason);
  g_free (o->title);
  g_free (o->note);
  g_free (o->staff_name);
  g_free (o->person_name);
  g_free (o->address);
  g_free (o->phone);
  g_free (o->office);
  g_free (o);
}

GadOccurrence *
gad_occurrence_copy (const GadOccurrence *o)
{
  GadOccurrence *copy = g_memdup2 (o, sizeof *o);
  char **strings[] = { &copy->kind, &copy->rule_date, &copy->date, &copy->service_code,
                       &copy->service_name, &copy->status, &copy->reason,
                       &copy->override_reason, &copy->title, &copy->note, &copy->staff_name,
                       &copy->person_name, &copy->address, &copy->phone, &copy->office };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    *strings[i] = g_strdup (*strings[i]);
  return copy;
}

void
gad_conflict_free (GadConflict *c)
{
  if (c == NULL)
    return;
  g_free (c->date);
  g_free (c->rule_date);
  g_free (c->other_rule_date);
  g_free (c->message);
  g_free (c->override_reason);
  g_free (c);
}

void
gad_attendance_free (GadAttendance *a)
{
  if (a == NULL)
    return;
  g_free (a->name);
  g_free (a);
}

void
gad_copayment_free (GadCopayment *c)
{
  if (c == NULL)
    return;
  g_free (c->name);
  g_free (c);
}

/* Care levels: hours a week and a month (domain rules). */
gboolean
gad_home_care_allowance (int  level,
                         int *week_minutes,
                         int *month_minutes)
{
  static const int hours[4][2] = { { 2, 8 }, { 5, 20 }, { 9, 36 }, { 12, 48 } };

  if (level < 1 || level > 4)
    return FALSE;
  *week_minutes = hours[level - 1][0] * 60;
  *month_minutes = hours[level - 1][1] * 60;
  return TRUE;
}

static const struct
{
  const char *service;
  gboolean weekends;
  int open, close;
  const char *description;
} service_hours[] = {
  { "home-care", FALSE, 9 * 60, 18 * 60, N_("workdays 09:00–18:00") },
  { "nanny", TRUE, 7 * 60, 22 * 60, N_("every day 07:00–22:00") },
};

gboolean
gad_service_hours (const char *service_code,
                   int         weekday,
                   int        *open_minute,
                   int        *close_minute)
{
  for (guint i = 0; i < G_N_ELEMENTS (service_hours); i++)
    if (g_strcmp0 (service_code, service_hours[i].service) == 0)
      {
        gboolean open = service_hours[i].weekends || weekday <= 5;

        *open_minute = open ? service_hours[i].open : 0;
        *close_minute = open ? service_hours[i].close : 0;
        return TRUE;
      }
  return FALSE;
}

static const char *
service_hours_text (const char *service_code)
{
  for (guint i = 0; i < G_N_ELEMENTS (service_hours); i++)
    if (g_strcmp0 (service_code, service_hours[i].service) == 0)
      return _(service_hours[i].description);
  return "";
}

static GTimeZone *
riga (void)
{
  static GTimeZone *zone;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      GTimeZone *tz = g_time_zone_new_identifier ("Europe/Riga");

      /* Without tzdata GLib knows no zones; the schedule would be an hour
       * off half the year, so say so loudly (tzdata is a dependency). */
      if (tz == NULL)
        {
          g_critical ("The time zone Europe/Riga is not installed (package tzdata)");
          tz = g_time_zone_new_offset (2 * 3600);
        }
      zone = tz;
      g_once_init_leave (&once, 1);
    }
  return zone;
}

static guint32
julian (const char *iso_date)
{
  GDate d;

  if (!gad_text_parse_date (iso_date, &d))
    return 0;
  return g_date_get_julian (&d);
}

static char *
iso (guint32 day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  return gad_text_iso_date (&d);
}

#define UNIX_EPOCH_JULIAN 719163 /* GDate's Julian day of 1970-01-01 */

gint64
gad_riga_to_unix (const char *iso_date,
                  int         minute)
{
  gint64 local = ((gint64) julian (iso_date) - UNIX_EPOCH_JULIAN) * 86400 + minute * 60;
  gint interval = g_time_zone_adjust_time (riga (), G_TIME_TYPE_STANDARD, &local);

  return local - g_time_zone_get_offset (riga (), interval);
}

char *
gad_date_add_days (const char *iso_date,
                   int         days)
{
  guint32 day = julian (iso_date);

  return day ? iso (day + days) : NULL;
}

int
gad_date_weekday (const char *iso_date)
{
  guint32 day = julian (iso_date);

  /* Julian day 1 (1 January of year 1) was a Monday. */
  return day ? (int) ((day - 1) % 7) + 1 : 0;
}

char *
gad_iso_week_monday (const char *week)
{
  int year, number;
  char tail;
  GDate d;

  if (week == NULL || sscanf (week, "%d-W%d%c", &year, &number, &tail) != 2
      || year < 1900 || year > 9999 || number < 1 || number > 53)
    return NULL;
  /* Week 1 holds 4 January. */
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 4, G_DATE_JANUARY, year);
  g_date_subtract_days (&d, g_date_get_weekday (&d) - 1);
  g_date_add_days (&d, 7 * (number - 1));
  if (number == 53 && g_date_get_iso8601_week_of_year (&d) != 53)
    return NULL;
  return gad_text_iso_date (&d);
}

char *
gad_minute_format (int minute)
{
  return g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
}

gboolean
gad_minute_parse (const char *text,
                  int        *minute)
{
  int h, m;
  char tail;

  if (text == NULL || sscanf (text, " %d:%d %c", &h, &m, &tail) != 2
      || h < 0 || h > 23 || m < 0 || m > 59)
    return FALSE;
  *minute = h * 60 + m;
  return TRUE;
}

GPtrArray *
gad_entry_days (const GadEntry *entry,
                const char     *from,
                const char     *to)
{
  GPtrArray *days = g_ptr_array_new_with_free_func (g_free);
  guint32 first = julian (entry->start_date), last = julian (to);
  guint32 start = MAX (first, julian (from));

  if (entry->until_date && julian (entry->until_date) < last)
    last = julian (entry->until_date);
  if (first == 0)
    return days;
  if (entry->weekdays == 0)
    {
      if (first >= start && first <= last)
        g_ptr_array_add (days, iso (first));
      return days;
    }
  for (guint32 day = start; day <= last; day++)
    {
      /* Julian day 1 (1 January of year 1) was a Monday. */
      guint weekday = (day - 1) % 7;

      if (entry->weekdays & (1u << weekday))
        g_ptr_array_add (days, iso (day));
    }
  return days;
}

/* Conflicts */

static char *
hours_text (int minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf (_("%d h"), minutes / 60);
  return g_strdup_printf (_("%d h %d min"), minutes / 60, minutes % 60);
}

static const char *
who (const GadOccurrence *o)
{
  if (o->person_name && *o->person_name)
    return o->person_name;
  if (o->title && *o->title)
    return o->title;
  if (g_strcmp0 (o->kind, "reception") == 0)
    return _("reception hours");
  return "";
}

static int
by_staff_and_start (gconstpointer a,
                    gconstpointer b)
{
  const GadOccurrence *x = *(GadOccurrence **) a, *y = *(GadOccurrence **) b;

  if (x->staff_id != y->staff_id)
    return x->staff_id < y->staff_id ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

static gboolean
in_range (const char *date,
          const char *from,
          const char *to)
{
  return g_strcmp0 (date, from) >= 0 && g_strcmp0 (date, to) <= 0;
}

static gboolean
counts (const GadOccurrence *o)
{
  return g_strcmp0 (o->status, "cancelled") != 0;
}

static GadConflict *
conflict_new (GadConflictKind      kind,
              const char          *date,
              const GadOccurrence *o,
              char                *message)
{
  GadConflict *c = g_new0 (GadConflict, 1);

  c->kind = kind;
  c->date = g_strdup (date);
  if (o)
    {
      c->entry_id = o->entry_id;
      c->rule_date = g_strdup (o->rule_date);
      c->staff_id = o->staff_id;
      c->person_id = o->person_id;
      c->override_reason = g_strdup (o->override_reason);
    }
  c->message = message;
  return c;
}

/* An appointment inside its worker's reception hours is what they are for. */
static gboolean
booked_in_reception (const GadOccurrence *a,
                     const GadOccurrence *b)
{
  const GadOccurrence *r = g_str_equal (a->kind, "reception") ? a : b;
  const GadOccurrence *other = r == a ? b : a;

  return g_str_equal (r->kind, "reception") && g_str_equal (other->kind, "appointment")
         && other->start >= r->start
         && other->start + other->minutes * 60 <= r->start + r->minutes * 60;
}

static void
find_double_bookings (GPtrArray  *sorted,
                      const char *from,
                      const char *to,
                      GPtrArray  *out)
{
  for (guint i = 0; i < sorted->len; i++)
    {
      GadOccurrence *a = g_ptr_array_index (sorted, i);
      gint64 end = a->start + a->minutes * 60;

      for (guint j = i + 1; j < sorted->len; j++)
        {
          GadOccurrence *b = g_ptr_array_index (sorted, j);
          g_autofree char *a_from = NULL, *a_to = NULL, *b_from = NULL, *b_to = NULL;
          g_autofree char *day = NULL;
          GadConflict *c;

          if (b->staff_id != a->staff_id || b->start >= end)
            break;
          if (booked_in_reception (a, b) || !in_range (b->date, from, to))
            continue;
          a_from = gad_minute_format (a->start_minute);
          a_to = gad_minute_format (a->start_minute + a->minutes);
          b_from = gad_minute_format (b->start_minute);
          b_to = gad_minute_format (b->start_minute + b->minutes);
          day = gad_text_format_date (b->date);
          c = conflict_new (GAD_CONFLICT_DOUBLE_BOOKED, b->date, b,
                            g_strdup_printf (_("%s is booked twice on %s: %s–%s %s and %s–%s %s."),
                                             a->staff_name ? a->staff_name : "", day,
                                             a_from, a_to, who (a), b_from, b_to, who (b)));
          c->other_entry_id = a->entry_id;
          c->other_rule_date = g_strdup (a->rule_date);
          if (c->override_reason == NULL)
            c->override_reason = g_strdup (a->override_reason);
          g_ptr_array_add (out, c);
        }
    }
}

static GadServicePlan *
plan_of (GHashTable          *plans,
         const GadOccurrence *o)
{
  return g_hash_table_lookup (plans, &o->plan_id);
}

static void
find_outside_hours (GPtrArray  *occurrences,
                    GHashTable *plans,
                    const char *from,
                    const char *to,
                    GPtrArray  *out)
{
  for (guint i = 0; i < occurrences->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (occurrences, i);
      GadServicePlan *plan;
      int open, close;
      g_autofree char *day = NULL, *start = NULL, *end = NULL;

      if (!g_str_equal (o->kind, "visit") || !in_range (o->date, from, to))
        continue;
      plan = plan_of (plans, o);
      if (plan == NULL || g_strcmp0 (o->date, plan->period_from) < 0
          || (plan->period_to && g_strcmp0 (o->date, plan->period_to) > 0))
        {
          day = gad_text_format_date (o->date);
          g_ptr_array_add (out, conflict_new (GAD_CONFLICT_NO_PLAN, o->date, o,
                                              g_strdup_printf (_("The visit to %s on %s is outside the period of the client’s service plan."),
                                                               who (o), day)));
        }
      if (!gad_service_hours (o->service_code, gad_date_weekday (o->date), &open, &close))
        continue;
      if (o->start_minute >= open && o->start_minute + o->minutes <= close)
        continue;
      if (day == NULL)
        day = gad_text_format_date (o->date);
      start = gad_minute_format (o->start_minute);
      end = gad_minute_format (o->start_minute + o->minutes);
      g_ptr_array_add (out, conflict_new (GAD_CONFLICT_OUTSIDE_HOURS, o->date, o,
                                          g_strdup_printf (_("The visit to %s on %s at %s–%s is outside the service’s hours (%s)."),
                                                           who (o), day, start, end,
                                                           service_hours_text (o->service_code))));
    }
}

typedef struct
{
  gint64 key;
  const GadOccurrence *first;   /* the visit that went over, once it has */
  int minutes;
  int allowance;
  int level;
  char *period;                 /* the first day of the week or month */
  gboolean overruled;
  const char *reason;
} Tally;

static void
tally_free (gpointer data)
{
  Tally *t = data;

  g_free (t->period);
  g_free (t);
}

/* Keyed by client and period (a Monday's or a month's number), no strings. */
static void
tally_add (GHashTable          *tallies,
           const GadOccurrence *o,
           gint64               period_key,
           const char          *period,
           int                  level,
           int                  allowance)
{
  gint64 key = (o->person_id << 24) | period_key;
  Tally *t = g_hash_table_lookup (tallies, &key);

  if (t == NULL)
    {
      t = g_new0 (Tally, 1);
      t->key = key;
      t->period = g_strdup (period);
      t->allowance = allowance;
      g_hash_table_insert (tallies, &t->key, t);
    }
  if (level > t->level)
    {
      t->level = level;
      t->allowance = allowance;
    }
  t->minutes += o->minutes;
  if (o->override_reason && t->reason == NULL)
    t->reason = o->override_reason;
  if (t->minutes > t->allowance && t->first == NULL)
    t->first = o;
}

static int
by_start (gconstpointer a,
          gconstpointer b)
{
  const GadOccurrence *x = *(GadOccurrence **) a, *y = *(GadOccurrence **) b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static void
find_allowances (GPtrArray  *occurrences,
                 GHashTable *plans,
                 const char *from,
                 const char *to,
                 GPtrArray  *out)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new ();
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, tally_free);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, tally_free);
  GHashTableIter iter;
  Tally *t;

  for (guint i = 0; i < occurrences->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (occurrences, i);

      if (g_str_equal (o->kind, "visit") && g_strcmp0 (o->service_code, "home-care") == 0
          && counts (o))
        g_ptr_array_add (visits, o);
    }
  g_ptr_array_sort (visits, by_start);

  for (guint i = 0; i < visits->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (visits, i);
      GadServicePlan *plan = plan_of (plans, o);
      int week = 0, month = 0, level = plan ? plan->level : 0;
      guint32 day = julian (o->date);
      guint32 monday = day - (day - 1) % 7;
      char first[11], monday_text[11] = "";

      g_snprintf (first, sizeof first, "%.8s01", o->date);
      gad_home_care_allowance (level, &week, &month);
      if (!g_hash_table_contains (weeks, &(gint64) { (o->person_id << 24) | monday }))
        {
          g_autofree char *text = iso (monday);

          g_strlcpy (monday_text, text, sizeof monday_text);
        }
      tally_add (weeks, o, monday, monday_text, level, week);
      tally_add (months, o, (gint64) (g_ascii_strtoll (o->date, NULL, 10) * 12
                                      + g_ascii_strtoll (o->date + 5, NULL, 10)),
                 first, level, month);
    }

  for (int pass = 0; pass < 2; pass++)
    {
      g_hash_table_iter_init (&iter, pass == 0 ? weeks : months);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &t))
        {
          g_autofree char *last = NULL, *planned = NULL, *allowed = NULL, *day = NULL;
          GadConflict *c;

          if (t->first == NULL)
            continue;
          if (pass == 0)
            last = gad_date_add_days (t->period, 6);
          if (pass == 1)
            {
              int y, m;

              sscanf (t->period, "%d-%d", &y, &m);
              last = g_strdup_printf ("%04d-%02d-%02d", y, m, g_date_get_days_in_month (m, y));
            }
          if (g_strcmp0 (last, from) < 0 || g_strcmp0 (t->period, to) > 0)
            continue;
          planned = hours_text (t->minutes);
          allowed = hours_text (t->allowance);
          day = gad_text_format_date (t->period);
          c = conflict_new (pass == 0 ? GAD_CONFLICT_WEEK_ALLOWANCE : GAD_CONFLICT_MONTH_ALLOWANCE,
                            t->period, t->first,
                            pass == 0
                              ? g_strdup_printf (_("%s has %s of home care planned in the week from %s; care level %d allows %s a week."),
                                                 who (t->first), planned, day, t->level, allowed)
                              : g_strdup_printf (_("%s has %s of home care planned in the month from %s; care level %d allows %s a month."),
                                                 who (t->first), planned, day, t->level, allowed));
          g_free (c->override_reason);
          c->override_reason = g_strdup (t->reason);
          g_ptr_array_add (out, c);
        }
    }
}

static void
find_caseloads (GPtrArray               *plans,
                const GadCaseloadLimits *limits,
                const char              *from,
                const char              *to,
                GPtrArray               *out)
{
  for (guint i = 0; i < plans->len; i++)
    {
      GadServicePlan *p = g_ptr_array_index (plans, i);
      const char *day = g_strcmp0 (p->period_from, from) > 0 ? p->period_from : from;
      int n[3] = { 0 }, limit[3] = { limits->families, limits->mental, limits->young_adults };
      gint64 load = 0, full = (gint64) limit[0] * limit[1] * limit[2];
      g_autofree char *when = NULL;

      /* Checked on the days a plan begins (and the first day asked about):
       * the caseload only grows then. */
      if (!g_str_equal (p->service_code, "family-assistant") || p->staff_id == 0
          || g_strcmp0 (day, to) > 0 || (p->period_to && g_strcmp0 (p->period_to, day) < 0))
        continue;
      for (guint j = 0; j < plans->len; j++)
        {
          GadServicePlan *q = g_ptr_array_index (plans, j);
          int group = g_strcmp0 (q->client_group, "mental") == 0 ? 1
                      : g_strcmp0 (q->client_group, "young-adults") == 0 ? 2 : 0;

          if (q->staff_id == p->staff_id && g_str_equal (q->service_code, "family-assistant")
              && g_strcmp0 (q->period_from, day) <= 0
              && (q->period_to == NULL || g_strcmp0 (q->period_to, day) >= 0))
            n[group]++;
        }
      if (full == 0)
        continue;
      /* Each group's share of a full caseload, summed: over one is over. */
      load = (gint64) n[0] * limit[1] * limit[2] + (gint64) n[1] * limit[0] * limit[2]
             + (gint64) n[2] * limit[0] * limit[1];
      if (load <= full)
        continue;
      /* Report it once per staff member and day. */
      {
        gboolean seen = FALSE;

        for (guint k = 0; k < out->len && !seen; k++)
          {
            GadConflict *c = g_ptr_array_index (out, k);

            seen = c->kind == GAD_CONFLICT_CASELOAD && c->staff_id == p->staff_id
                   && g_str_equal (c->date, day);
          }
        if (seen)
          continue;
      }
      when = gad_text_format_date (day);
      {
        GadConflict *c = conflict_new (GAD_CONFLICT_CASELOAD, day, NULL,
                                       g_strdup_printf (_("%s’s caseload on %s is over one full caseload: %d families with children (full: %d), %d persons with mental disorders (full: %d), %d young adults after care (full: %d)."),
                                                        p->staff_name ? p->staff_name : "", when,
                                                        n[0], limit[0], n[1], limit[1], n[2],
                                                        limit[2]));
        c->staff_id = p->staff_id;
        c->person_id = p->person_id;
        c->override_reason = g_strdup (p->override_reason);
        g_ptr_array_add (out, c);
      }
    }
}

static int
by_date_and_kind (gconstpointer a,
                  gconstpointer b)
{
  const GadConflict *x = *(GadConflict **) a, *y = *(GadConflict **) b;
  int c = g_strcmp0 (x->date, y->date);

  return c ? c : (int) x->kind - (int) y->kind;
}

GPtrArray *
gad_conflicts_find (GPtrArray               *occurrences,
                    GPtrArray               *plans,
                    const GadCaseloadLimits *limits,
                    const char              *from,
                    const char              *to)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_conflict_free);
  g_autoptr(GPtrArray) live = g_ptr_array_new ();
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < plans->len; i++)
    {
      GadServicePlan *p = g_ptr_array_index (plans, i);

      g_hash_table_insert (by_id, &p->id, p);
    }
  for (guint i = 0; i < occurrences->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (occurrences, i);

      if (counts (o))
        g_ptr_array_add (live, o);
    }
  g_ptr_array_sort (live, by_staff_and_start);

  find_double_bookings (live, from, to, out);
  find_outside_hours (live, by_id, from, to, out);
  find_allowances (live, by_id, from, to, out);
  find_caseloads (plans, limits, from, to, out);
  g_ptr_array_sort (out, by_date_and_kind);
  return out;
}

/* Week layout */

static int
by_day_and_start (gconstpointer a,
                  gconstpointer b)
{
  const GadBlock *x = a, *y = b;

  if (x->day != y->day)
    return x->day - y->day;
  if (x->occurrence->start_minute != y->occurrence->start_minute)
    return x->occurrence->start_minute - y->occurrence->start_minute;
  return y->occurrence->minutes - x->occurrence->minutes;
}

/**
 * gad_week_layout:
 * @occurrences: of #GadOccurrence, any order
 * @monday: the week's first day
 *
 * Overlapping occurrences of a day share its width: each cluster of
 * overlaps gets as many columns as it needs at most, each occurrence the
 * first column free at its start.
 * Returns: (transfer full): #GadBlock for the occurrences in that week
 */
GArray *
gad_week_layout (GPtrArray  *occurrences,
                 const char *monday)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (GadBlock));
  guint32 first = julian (monday);
  guint cluster = 0;
  int cluster_end = -1, day = -1;
  g_autoptr(GArray) column_ends = g_array_new (FALSE, TRUE, sizeof (int));

  for (guint i = 0; i < occurrences->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (occurrences, i);
      guint32 d = julian (o->date);
      GadBlock b = { o, (int) (d - first), 0, 1 };

      if (d >= first && d < first + 7)
        g_array_append_val (blocks, b);
    }
  g_array_sort (blocks, by_day_and_start);

  for (guint i = 0; i <= blocks->len; i++)
    {
      GadBlock *b = i < blocks->len ? &g_array_index (blocks, GadBlock, i) : NULL;
      int start = b ? b->occurrence->start_minute : 0;
      guint c;

      /* A cluster ends where nothing overlaps: its blocks learn its width. */
      if (b == NULL || b->day != day || start >= cluster_end)
        {
          for (guint k = cluster; k < i; k++)
            g_array_index (blocks, GadBlock, k).columns = column_ends->len;
          if (b == NULL)
            break;
          g_array_set_size (column_ends, 0);
          cluster = i;
          cluster_end = -1;
          day = b->day;
        }
      for (c = 0; c < column_ends->len && g_array_index (column_ends, int, c) > start; c++)
        ;
      if (c == column_ends->len)
        g_array_set_size (column_ends, c + 1);
      g_array_index (column_ends, int, c) = start + b->occurrence->minutes;
      b->column = c;
      cluster_end = MAX (cluster_end, start + b->occurrence->minutes);
    }
  return blocks;
}
