/* gad-demo-today.c — the demo county carried on to the day it is made
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The county's history is written up to its own day (GAD_DEMO_DAY), the
 * same on every machine, so that its figures can be checked. Made later,
 * the county goes on to today as it would have: households whose needy
 * status was current apply again as it ends and most are granted it for
 * another half year (with their benefit paid month by month), home care
 * goes on into each new year with the same clients, and the carers' visits
 * up to yesterday are marked done or missed and charged. A new user finds
 * households with a valid status, this month's rounds and this month's
 * payments around the day they look.
 */
#define G_LOG_DOMAIN "gad-demo"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gad-demo-private.h"
#include "gad-schedule.h"

typedef struct
{
  gint64 person;
  char end[11];
} Status;

static int
by_person (gconstpointer a,
           gconstpointer b)
{
  const Status *x = a, *y = b;

  return x->person < y->person ? -1 : x->person > y->person;
}

/* The households whose needy status was current in the half year up to the
 * demo's day, with the day it ended or ends. */
static GArray *
current_statuses (Demo    *demo,
                  GError **error)
{
  g_autofree char *from = gad_demo_add_months (GAD_DEMO_DAY, -12);
  g_autofree char *ended = gad_demo_add_months (GAD_DEMO_DAY, -6);
  g_autoptr(GArray) ids = gad_store_statuses_starting (demo->store, from, GAD_DEMO_DAY, error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) statuses = g_array_new (FALSE, TRUE, sizeof (Status));

  if (ids == NULL)
    return NULL;
  for (guint i = 0; i + 2 < ids->len; i += 3)
    {
      g_autoptr(GadDecision) d = gad_store_get_decision (demo->store,
                                                         g_array_index (ids, gint64, i), error);
      Status *s;

      if (d == NULL)
        return NULL;
      if (!g_str_equal (d->type_code, "gmi") || d->period_to == NULL
          || strcmp (d->period_to, ended) < 0)
        continue;
      s = g_hash_table_lookup (seen, &d->person_id);
      if (s == NULL)
        {
          g_array_set_size (statuses, statuses->len + 1);
          s = &g_array_index (statuses, Status, statuses->len - 1);
          s->person = d->person_id;
        }
      else if (strcmp (s->end, d->period_to) >= 0)
        continue;
      g_strlcpy (s->end, d->period_to, sizeof s->end);
    }
  /* In the order of the clients, whatever order the store gave. */
  g_array_sort (statuses, by_person);
  return g_steal_pointer (&statuses);
}

/* Half a year more, again and again, until today is covered. */
static gboolean
renew_statuses (Demo          *demo,
                GRand         *rand,
                const char    *today,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GArray) statuses = current_statuses (demo, error);
  g_autofree char *next_month = gad_demo_add_months (GAD_DEMO_DAY, 1);
  g_autofree char *first = g_strdup_printf ("%.8s01", next_month);

  if (statuses == NULL)
    return FALSE;
  for (guint i = 0; i < statuses->len; i++)
    {
      Status *s = &g_array_index (statuses, Status, i);
      g_autofree char *end = g_strdup (s->end);

      /* Some households do not apply again. */
      if (g_rand_int_range (rand, 0, 100) < 15)
        continue;
      while (strcmp (end, today) < 0)
        {
          /* Applied again as it ended, or, ended before, after the demo's day. */
          g_autofree char *after = gad_date_add_days (end, 1);
          g_autofree char *from = g_strdup (strcmp (after, first) > 0 ? after : first);
          g_autofree char *date = gad_date_add_days (from, g_rand_int_range (rand, 0, 3));
          g_autofree char *next = gad_demo_add_months (from, 6);
          /* A benefit as a household's, not as the yearly totals scaled them. */
          Planned p = { s->person, "", "gmi", FALSE, 6, g_rand_int_range (rand, 30, 300) * 100 };

          g_strlcpy (p.date, strcmp (date, today) > 0 ? today : date, sizeof p.date);
          if (g_cancellable_set_error_if_cancelled (cancellable, error)
              || !gad_demo_issue_planned (demo, &p, error))
            return FALSE;
          g_free (end);
          end = gad_date_add_days (next, -1);
        }
    }
  return TRUE;
}

/* Home care into every new year up to today's, most clients staying. */
static gboolean
continue_home_care (Demo        *demo,
                    GRand       *rand,
                    const char  *today,
                    GError     **error)
{
  int last_year = atoi (today);

  for (int year = 2027; year <= last_year; year++)
    {
      g_autoptr(GPtrArray) plans = gad_store_list_service_plans (demo->store, 0, error);
      g_autofree char *before = g_strdup_printf ("%04d-12-31", year - 1);
      g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
      g_autofree char *to = g_strdup_printf ("%04d-12-31", year);

      if (plans == NULL)
        return FALSE;
      for (guint i = 0; i < plans->len; i++)
        {
          GadServicePlan *old = g_ptr_array_index (plans, i);
          GadServicePlan plan = { .person_id = old->person_id, .service_code = old->service_code,
                                  .level = old->level, .period_from = from, .period_to = to };

          if (!g_str_equal (old->service_code, "home-care")
              || g_strcmp0 (old->period_to, before) != 0
              || g_rand_int_range (rand, 0, 100) < 10)
            continue;
          if (gad_store_save_service_plan (demo->store, &plan, error) == 0)
            return FALSE;
        }
    }
  return last_year < 2027 || gad_demo_add_home_care_rounds (demo, "2027", error);
}

/**
 * gad_demo_add_today:
 * @today: (ISO) the day the demo is made
 *
 * Carries the county from its own day on to @today; nothing when @today is
 * not later. Its random numbers are its own: the county's history is the
 * same whatever day it is made.
 */
gboolean
gad_demo_add_today (Demo          *demo,
                    const char    *today,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autofree char *yesterday = NULL;

  if (strcmp (today, GAD_DEMO_DAY) <= 0)
    return TRUE;
  rand = g_rand_new_with_seed (g_rand_int (demo->rand));
  yesterday = gad_date_add_days (today, -1);
  return renew_statuses (demo, rand, today, cancellable, error)
         && continue_home_care (demo, rand, today, error)
         && gad_demo_record_visits (demo, "2026-11-01", yesterday, cancellable, error);
}
