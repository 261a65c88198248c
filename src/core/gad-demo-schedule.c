/* gad-demo-schedule.c — the demo county's schedules
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every home-care plan of 2012–2026 gets a carer and weekly visits that keep
 * within its level's hours a week and a month, packed into the carers' days
 * (09:00, 11:45 and 14:30) so nobody is booked twice. 2026's visits up to
 * the end of October are marked done or missed and charged. Social workers
 * keep reception hours in their parish offices with some appointments
 * booked, two groups meet weekly, nannies and family assistants have their
 * clients, and lone pensioners with care level 3 or 4 have a safety button.
 * Everything goes through the store's API, so every rule is checked.
 */
#define G_LOG_DOMAIN "gad-demo"

#include "config.h"

#include <string.h>

#include "gad-demo-private.h"
#include "gad-text.h"

#define CARE_DEPARTMENT "Aprūpes un sociālās rehabilitācijas nodaļa"
#define FAMILY_DEPARTMENT "Ģimenes atbalsta nodaļa"
#define RECORDED_UNTIL "2026-10-31"   /* visits before this are done or missed */

static const int slot_starts[] = { 9 * 60, 11 * 60 + 45, 14 * 60 + 30 };

/* Minutes a visit by care level: the week's visits keep within the week's
 * hours, and a month's (up to five of a weekday) within the month's. */
static const int visit_minutes[] = { 90, 120, 140, 150 };

static GArray *
staff_with (GadStore   *store,
            const char *position)
{
  g_autoptr(GPtrArray) staff = gad_store_list_staff (store);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (GadStaff));

  for (guint i = 0; i < staff->len; i++)
    {
      GadStaff *s = g_ptr_array_index (staff, i);

      if (g_str_equal (s->position, position))
        g_array_append_val (ids, *s);
    }
  return ids;
}

static gboolean
add_staff (Demo        *demo,
           const char  *position,
           const char  *department,
           guint        count,
           GError     **error)
{
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *name = gad_demo_staff_name (demo);
      GadStaff s = { 0, name, (char *) position, (char *) department,
                     g_array_index (demo->territories, gint64, i % demo->territories->len) };

      if (gad_store_add_staff (demo->store, &s, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static GadEntry
entry (const char *kind,
       gint64      staff_id,
       gint64      person_id,
       gint64      plan_id,
       const char *start_date,
       int         start_minute,
       int         minutes,
       guint       weekdays,
       const char *until)
{
  GadEntry e = { 0 };

  e.kind = (char *) kind;
  e.staff_id = staff_id;
  e.person_id = person_id;
  e.plan_id = plan_id;
  e.start_date = (char *) start_date;
  e.start_minute = start_minute;
  e.minutes = minutes;
  e.weekdays = weekdays;
  e.until_date = (char *) until;
  e.note = (char *) "";
  e.title = (char *) "";
  return e;
}

static int
by_year_and_level (gconstpointer a,
                   gconstpointer b)
{
  const GadServicePlan *x = *(GadServicePlan **) a, *y = *(GadServicePlan **) b;
  int c = strncmp (x->period_from, y->period_from, 4);

  if (c)
    return c;
  if (x->level != y->level)
    return y->level - x->level;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Home care: a carer and weekly visits for every plan, year by year, of
 * @first_year ("YYYY") and later. */
gboolean
gad_demo_add_home_care_rounds (Demo        *demo,
                               const char  *first_year,
                               GError     **error)
{
  g_autoptr(GArray) carers = staff_with (demo->store, "Aprūpētājs");
  g_autoptr(GPtrArray) plans = gad_store_list_service_plans (demo->store, 0, error);
  guint n_carers = carers->len;
  g_autofree guint8 *busy = g_new0 (guint8, n_carers * 5 * G_N_ELEMENTS (slot_starts));
  g_autofree char *monday = NULL;
  char year[5] = "";

  if (plans == NULL)
    return FALSE;
  /* Year by year, the most care first: it needs the most free days. */
  g_ptr_array_sort (plans, by_year_and_level);
  for (guint i = 0; i < plans->len; i++)
    {
      GadServicePlan *plan = g_ptr_array_index (plans, i);
      int level = plan->level, days = plan->level;
      gboolean placed = FALSE;

      if (!g_str_equal (plan->service_code, "home-care") || level < 1 || level > 4
          || strncmp (plan->period_from, first_year, 4) < 0)
        continue;
      if (strncmp (year, plan->period_from, 4) != 0)
        {
          memcpy (year, plan->period_from, 4);
          memset (busy, 0, n_carers * 5 * G_N_ELEMENTS (slot_starts));
        }
      for (guint c = g_rand_int_range (demo->rand, 0, n_carers), tries = 0;
           !placed && tries < n_carers; c = (c + 1) % n_carers, tries++)
        for (guint s = 0; !placed && s < G_N_ELEMENTS (slot_starts); s++)
          {
            guint8 *row = busy + (c * G_N_ELEMENTS (slot_starts) + s) * 5;
            guint weekdays = 0, found = 0;
            GadEntry e;

            /* Spread the days over the week: Monday, Wednesday, Friday first. */
            for (guint k = 0; k < 5 && found < (guint) days; k++)
              {
                guint d = (guint[]) { 0, 2, 4, 1, 3 }[k];

                if (!row[d])
                  weekdays |= 1u << d, found++;
              }
            if (found < (guint) days)
              continue;
            for (guint d = 0; d < 5; d++)
              if (weekdays & (1u << d))
                row[d] = 1;
            plan->staff_id = g_array_index (carers, GadStaff, c).id;
            if (gad_store_save_service_plan (demo->store, plan, error) == 0)
              return FALSE;
            /* From the first Monday: a week never holds two years' visits. */
            g_free (monday);
            monday = gad_date_add_days (plan->period_from,
                                        (8 - gad_date_weekday (plan->period_from)) % 7);
            e = entry ("visit", plan->staff_id, plan->person_id, plan->id, monday,
                       slot_starts[s], visit_minutes[level - 1], weekdays, plan->period_to);
            if (gad_store_save_entry (demo->store, &e, error) == 0)
              return FALSE;
            placed = TRUE;
          }
      if (!placed)
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                       "No carer is free for a home-care client in %s", year);
          return FALSE;
        }
    }
  return TRUE;
}

/* Visits from @from to @to: done, or now and then missed; the co-payments
 * of every whole month among them charged. */
gboolean
gad_demo_record_visits (Demo          *demo,
                        const char    *from,
                        const char    *to,
                        GCancellable  *cancellable,
                        GError       **error)
{
  static const char *reasons[] = { "Klients slimnīcā", "Klients nebija mājās",
                                   "Klients atteicās no vizītes" };
  GadScheduleFilter visits = { .kind = "visit" };
  g_autoptr(GPtrArray) list = gad_store_list_occurrences (demo->store, &visits, from, to, error);
  g_autofree char *month = g_strndup (from, 7);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (list, i);
      gboolean done = g_rand_int_range (demo->rand, 0, 100) >= 6;

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !gad_store_record_visit (demo->store, o->entry_id, o->rule_date, done,
                                      o->minutes - 5 * g_rand_int_range (demo->rand, 0, 4),
                                      reasons[g_rand_int_range (demo->rand, 0, 3)], error))
        return FALSE;
    }
  /* Month by month while the month's last day is within @to. */
  for (;;)
    {
      g_autofree char *first = g_strconcat (month, "-01", NULL);
      g_autofree char *next = gad_demo_add_months (first, 1);
      g_autofree char *last = gad_date_add_days (next, -1);
      g_autoptr(GPtrArray) charged = NULL;

      if (strcmp (last, to) > 0)
        return TRUE;
      if ((charged = gad_store_compute_copayments (demo->store, month, error)) == NULL)
        return FALSE;
      g_free (month);
      month = g_strndup (next, 7);
    }
}

/* Reception hours in every social worker's parish office, and bookings. */
static gboolean
add_reception (Demo     *demo,
               GError  **error)
{
  g_autoptr(GArray) workers = staff_with (demo->store, "Sociālais darbinieks");

  for (guint i = 0; i < workers->len; i++)
    {
      GadStaff *w = &g_array_index (workers, GadStaff, i);
      /* Tuesday mornings or Thursday afternoons, three hours. */
      gboolean tuesday = i % 2 == 0;
      GadEntry r = entry ("reception", w->id, 0, 0, tuesday ? "2025-01-07" : "2025-01-09",
                          tuesday ? 9 * 60 : 13 * 60, 180, tuesday ? 1u << 1 : 1u << 3, NULL);

      r.territory_id = w->territory_id;
      if (gad_store_save_entry (demo->store, &r, error) == 0)
        return FALSE;
      /* Two clients booked in each of the weeks from 9 November. */
      for (int week = 0; week < 4; week++)
        {
          g_autofree char *monday = gad_date_add_days ("2026-11-09", 7 * week);
          g_autofree char *day = gad_date_add_days (monday, tuesday ? 1 : 3);
          int first = g_rand_int_range (demo->rand, 0, 3);

          for (int k = 0; k < 2; k++)
            {
              Adult *a = &g_array_index (demo->adults, Adult,
                                         g_rand_int_range (demo->rand, 0, demo->adults->len));
              GadEntry b = entry ("appointment", w->id, a->id, 0, day,
                                  r.start_minute + 30 * (first + 2 * k), 30, 0, NULL);

              b.territory_id = w->territory_id;
              b.note = (char *) (k == 0 ? "Iesniegums mājokļa pabalstam" : "Konsultācija");
              if (gad_store_save_entry (demo->store, &b, error) == 0)
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* A random adult of that age, or NULL in a county too small to have one. */
static const Adult *
adult_aged (Demo *demo,
            int   min_age,
            int   max_age)
{
  for (int tries = 0; tries < 10000 && demo->adults->len > 0; tries++)
    {
      const Adult *a = &g_array_index (demo->adults, Adult,
                                       g_rand_int_range (demo->rand, 0, demo->adults->len));
      int age = 2026 - a->birth_year;

      if (age >= min_age && age <= max_age)
        return a;
    }
  return NULL;
}

/* Weekly group sessions with participants and attendance so far. */
static gboolean
add_groups (Demo     *demo,
            GError  **error)
{
  g_autoptr(GArray) psychologists = staff_with (demo->store, "Psihologs");
  g_autoptr(GArray) workers = staff_with (demo->store, "Sociālais darbinieks");
  struct { const char *title; gint64 staff; const char *from, *until; int minute; guint day;
           int min_age, max_age, size; } groups[] = {
    { "Atbalsta grupa senioriem", g_array_index (psychologists, GadStaff, 0).id,
      "2026-09-02", "2026-12-16", 15 * 60, 1u << 2, 65, 90, 8 },
    { "Vecāku skola", g_array_index (workers, GadStaff, 0).id,
      "2026-09-03", "2026-11-26", 17 * 60, 1u << 3, 25, 45, 10 },
  };

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      GadEntry e = entry ("group", groups[g].staff, 0, 0, groups[g].from, groups[g].minute, 90,
                          groups[g].day, groups[g].until);
      g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) days = NULL;

      e.title = (char *) groups[g].title;
      if (gad_store_save_entry (demo->store, &e, error) == 0)
        return FALSE;
      for (int tries = 0; (int) members->len < groups[g].size && tries < 1000; tries++)
        {
          const Adult *a = adult_aged (demo, groups[g].min_age, groups[g].max_age);
          gboolean seen = FALSE;

          if (a == NULL)
            break;
          for (guint k = 0; k < members->len; k++)
            seen |= g_array_index (members, gint64, k) == a->id;
          if (seen)
            continue;
          g_array_append_val (members, a->id);
          if (!gad_store_add_participant (demo->store, e.id, a->id, error))
            return FALSE;
        }
      days = gad_entry_days (&e, groups[g].from, GAD_DEMO_DAY);
      for (guint d = 0; d < days->len; d++)
        for (guint k = 0; k < members->len; k++)
          if (!gad_store_record_attendance (demo->store, e.id, g_ptr_array_index (days, d),
                                            g_array_index (members, gint64, k),
                                            g_rand_int_range (demo->rand, 0, 5) > 0, error))
            return FALSE;
    }
  return TRUE;
}

static gboolean
add_plan (Demo        *demo,
          gint64       person_id,
          const char  *service,
          const char  *group,
          gint64       staff_id,
          const char  *from,
          const char  *to,
          gint64      *plan_id,
          GError     **error)
{
  GadServicePlan p = { 0 };

  p.person_id = person_id;
  p.service_code = g_strdup (service);
  p.client_group = g_strdup (group);
  p.staff_id = staff_id;
  p.period_from = g_strdup (from);
  p.period_to = g_strdup (to);
  *plan_id = gad_store_save_service_plan (demo->store, &p, error);
  g_free (p.service_code);
  g_free (p.client_group);
  g_free (p.period_from);
  g_free (p.period_to);
  return *plan_id != 0;
}

/* Nanny bookings and family assistants' caseloads in 2026. */
static gboolean
add_family_services (Demo     *demo,
                     GError  **error)
{
  g_autoptr(GArray) nannies = staff_with (demo->store, "Aukle");
  g_autoptr(GArray) assistants = staff_with (demo->store, "Ģimenes asistents");
  const char *groups[] = { "families", "families", "families", "mental",
                           "young-adults", "young-adults", "young-adults", "young-adults",
                           "young-adults" };

  for (guint i = 0; i < 8; i++)
    {
      const Adult *parent = adult_aged (demo, 22, 40);
      gboolean saturday = i < 4;   /* each nanny: a Saturday and a weekday evening */
      gint64 plan_id;
      GadEntry e;

      if (parent == NULL)
        continue;
      if (!add_plan (demo, parent->id, "nanny", NULL,
                     g_array_index (nannies, GadStaff, i % nannies->len).id, "2026-01-05",
                     "2026-12-31", &plan_id, error))
        return FALSE;
      e = entry ("visit", g_array_index (nannies, GadStaff, i % nannies->len).id, parent->id,
                 plan_id, "2026-01-05", saturday ? 10 * 60 : 17 * 60 + 30, 240,
                 saturday ? 1u << 5 : 1u << (i - 4), "2026-12-31");
      if (gad_store_save_entry (demo->store, &e, error) == 0)
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      gint64 assistant = g_array_index (assistants, GadStaff, i < 4 ? 0 : 1).id;
      const Adult *client = g_str_equal (groups[i], "young-adults") ? adult_aged (demo, 18, 24)
                                                                     : adult_aged (demo, 25, 50);
      gint64 plan_id;
      GadEntry e;

      if (client == NULL)
        continue;
      if (!add_plan (demo, client->id, "family-assistant", groups[i], assistant, "2026-03-02",
                     NULL, &plan_id, error))
        return FALSE;
      e = entry ("visit", assistant, client->id, plan_id, "2026-03-02",
                 (i % 2 ? 13 : 9) * 60, 180, 1u << (i % 5), NULL);
      if (gad_store_save_entry (demo->store, &e, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* A safety button for every 2026 home-care client the rule allows. */
static gboolean
add_safety_buttons (Demo     *demo,
                    GError  **error)
{
  g_autoptr(GPtrArray) plans = gad_store_list_service_plans (demo->store, 0, error);

  if (plans == NULL)
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    {
      GadServicePlan *p = g_ptr_array_index (plans, i);
      gint64 id;

      if (!g_str_equal (p->service_code, "home-care") || p->level < 3
          || !g_str_has_prefix (p->period_from, "2026")
          || !gad_store_check_safety_button (demo->store, p->person_id, p->period_from, NULL))
        continue;
      if (!add_plan (demo, p->person_id, "safety-button", NULL, 0, p->period_from,
                     p->period_to, &id, error))
        return FALSE;
    }
  return TRUE;
}

/* One visit a carer takes over from a colleague on sick leave, overlapping
 * her own: a double booking someone overruled, as happens. */
static gboolean
add_overruled_conflict (Demo     *demo,
                        GError  **error)
{
  GadScheduleFilter filter = { .kind = "visit" };
  g_autoptr(GPtrArray) week = gad_store_list_occurrences (demo->store, &filter, "2026-11-23",
                                                          "2026-11-23", error);
  GadOccurrence *a = NULL, *b = NULL;

  if (week == NULL)
    return FALSE;
  for (guint i = 0; i < week->len && b == NULL; i++)
    {
      GadOccurrence *o = g_ptr_array_index (week, i);

      if (g_strcmp0 (o->service_code, "home-care") != 0)
        continue;
      if (a == NULL)
        a = o;
      else if (o->staff_id != a->staff_id && o->start_minute != a->start_minute)
        b = o;
    }
  if (b == NULL)
    return TRUE;
  return gad_store_move_occurrence (demo->store, b->entry_id, b->rule_date, b->date,
                                    a->start_minute + 30, a->staff_id,
                                    "Aizvieto slimo kolēģi; klients piekrita vēlākam laikam",
                                    error);
}

gboolean
gad_demo_add_schedules (Demo          *demo,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return add_staff (demo, "Aprūpētājs", CARE_DEPARTMENT, 14, error)
         && add_staff (demo, "Aukle", FAMILY_DEPARTMENT, 4, error)
         && add_staff (demo, "Ģimenes asistents", FAMILY_DEPARTMENT, 2, error)
         && gad_demo_add_home_care_rounds (demo, "2012", error)
         && gad_demo_record_visits (demo, "2026-01-01", RECORDED_UNTIL, cancellable, error)
         && add_reception (demo, error)
         && add_groups (demo, error)
         && add_family_services (demo, error)
         && add_safety_buttons (demo, error)
         && add_overruled_conflict (demo, error);
}
