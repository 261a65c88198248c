/* gad-route-day.c — a day's route as the route window reads, changes and saves it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read on the worker's thread: where the day starts (the staff member's
 * parish centre), the register, and the day's stops in the schedule (in
 * its order) or, when there are none, the register's persons due by then
 * in the shortest order found. Then the stops shown are moved, left out
 * and added to; each time the drive is measured again, and the shortest
 * order of those stops found again when they are others.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gad-route-day.h"
#include "gad-text.h"

#define LEAVE_MINUTE (8 * 60 + 30)   /* from the office, on a day not yet scheduled */

void
gad_route_day_free (GadRouteDay *day)
{
  if (day == NULL)
    return;
  g_free (day->date);
  g_clear_pointer (&day->office, gad_route_stop_free);
  g_clear_pointer (&day->stops, g_ptr_array_unref);
  g_clear_pointer (&day->people, g_ptr_array_unref);
  g_free (day->note);
  g_clear_pointer (&day->order, g_array_unref);
  g_clear_pointer (&day->shown, g_ptr_array_unref);
  g_clear_pointer (&day->route, gad_route_free);
  g_clear_pointer (&day->best, gad_route_free);
  g_clear_pointer (&day->best_order, g_array_unref);
  g_free (day->at);
  g_free (day);
}

/* When to leave the office: so as to be at the day's first visit on its
 * time when it is scheduled, at half past eight when not. */
int
gad_route_day_leave (const GadRouteDay *day)
{
  if (!day->scheduled || day->route->n_stops == 0)
    return LEAVE_MINUTE;
  return ((GadRouteStop *) g_ptr_array_index (day->stops, 0))->minute
         - (int) ceil (day->route->legs_km[0] / day->speed_kmh * 60);
}

/* The stops shown, measured in their order. */
static void
measure (GadRouteDay *day)
{
  g_autofree guint *in_order = g_new (guint, day->order->len + 1);

  g_ptr_array_set_size (day->shown, 0);
  for (guint i = 0; i < day->order->len; i++)
    {
      g_ptr_array_add (day->shown, g_ptr_array_index (day->stops,
                                                      g_array_index (day->order, guint, i)));
      in_order[i] = i;
    }
  g_clear_pointer (&day->route, gad_route_free);
  g_clear_pointer (&day->at, g_free);
  day->route = gad_route_plan_stops (day->office, day->shown, in_order, day->road_factor);
  day->at = gad_route_arrivals (day->route, gad_route_day_leave (day), day->speed_kmh,
                                GAD_ROUTE_STOP_MINUTES);
}

/* The stops shown are others now: their shortest order is found again. */
static void
plan_best (GadRouteDay *day)
{
  measure (day);
  g_clear_pointer (&day->best, gad_route_free);
  day->best = gad_route_plan_stops (day->office, day->shown, NULL, day->road_factor);
  g_array_set_size (day->best_order, 0);
  for (guint i = 0; i < day->order->len; i++)
    g_array_append_val (day->best_order, g_array_index (day->order, guint, day->best->order[i]));
}

/* The stops shown in the shortest order. */
void
gad_route_day_shortest (GadRouteDay *day)
{
  g_array_set_size (day->order, 0);
  g_array_append_vals (day->order, day->best_order->data, day->best_order->len);
  measure (day);
}

/* The stop shown at @from, shown at @to; FALSE if there is no such move. */
gboolean
gad_route_day_move (GadRouteDay *day,
                    guint        from,
                    guint        to)
{
  guint stop;

  if (from == to || from >= day->order->len || to >= day->order->len)
    return FALSE;
  stop = g_array_index (day->order, guint, from);
  g_array_remove_index (day->order, from);
  g_array_insert_val (day->order, to, stop);
  measure (day);
  return TRUE;
}

/* The stop shown at @position, left out of the route. */
void
gad_route_day_remove (GadRouteDay *day,
                      guint        position)
{
  if (position >= day->order->len)
    return;
  g_array_remove_index (day->order, position);
  plan_best (day);
}

/* @person, visited last on the route. */
void
gad_route_day_add (GadRouteDay           *day,
                   const GadRemotePerson *person)
{
  GadRouteStop *stop = gad_remote_stop_new (person);
  guint at = day->stops->len;

  g_return_if_fail (stop != NULL);
  g_ptr_array_add (day->stops, stop);
  g_array_append_val (day->order, at);
  plan_best (day);
}

typedef struct
{
  gint64 staff_id;
  char *date;
} Ask;

static void
ask_free (Ask *ask)
{
  g_free (ask->date);
  g_free (ask);
}

/* What the day's stops need saying: estimated places, persons left out. */
static char *
note_for (GPtrArray *stops,
          guint      n_left)
{
  GString *note = g_string_new (NULL);
  guint n_estimated = 0;

  for (guint i = 0; i < stops->len; i++)
    n_estimated += ((GadRouteStop *) g_ptr_array_index (stops, i))->estimated;
  if (n_estimated)
    g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                               "%u stop is at its parish centre: where the person "
                                               "lives is not known. Set the place in the register.",
                                               "%u stops are at their parish centres: where the "
                                               "persons live is not known. Set the places in the "
                                               "register.", n_estimated), n_estimated);
  if (n_left && note->len)
    g_string_append_c (note, ' ');
  if (n_left)
    g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                               "%u person due is left out: neither where they "
                                               "live nor their parish centre is known.",
                                               "%u persons due are left out: neither where they "
                                               "live nor their parish centre is known.", n_left),
                            n_left);
  return g_string_free (note, note->len == 0);
}

static gpointer
read_day (GadStore      *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Ask *ask = data;
  GadRouteDay *day = g_new0 (GadRouteDay, 1);
  guint n_left = 0;

  day->staff_id = ask->staff_id;
  day->date = g_strdup (ask->date);
  gad_store_route_settings (store, &day->road_factor, &day->speed_kmh);
  if ((day->office = gad_store_route_office (store, ask->staff_id, error)) == NULL
      || (day->people = gad_store_remote_list (store, NULL, error)) == NULL
      || (day->stops = gad_store_route_day (store, ask->staff_id, ask->date, error)) == NULL)
    {
      gad_route_day_free (day);
      return NULL;
    }
  day->scheduled = day->stops->len > 0;
  for (guint i = 0; !day->scheduled && i < day->people->len; i++)
    {
      GadRemotePerson *r = g_ptr_array_index (day->people, i);
      GadRouteStop *stop;

      if (strcmp (r->next_due, ask->date) > 0)
        continue;
      if ((stop = gad_remote_stop_new (r)) != NULL)
        g_ptr_array_add (day->stops, stop);
      else
        n_left++;
    }
  day->note = note_for (day->stops, n_left);
  day->order = g_array_new (FALSE, FALSE, sizeof (guint));
  day->best_order = g_array_new (FALSE, FALSE, sizeof (guint));
  day->shown = g_ptr_array_new ();
  for (guint i = 0; i < day->stops->len; i++)
    g_array_append_val (day->order, i);
  plan_best (day);
  if (!day->scheduled)
    gad_route_day_shortest (day);
  return day;
}

void
gad_route_day_load (GadContext          *context,
                    gint64               staff_id,
                    const char          *date,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  Ask *ask = g_new0 (Ask, 1);

  ask->staff_id = staff_id;
  ask->date = g_strdup (date);
  gad_worker_run (gad_context_get_worker (context), read_day, ask, (GDestroyNotify) ask_free,
                  (GDestroyNotify) gad_route_day_free, cancellable, callback, user_data);
}

typedef struct
{
  gint64 staff_id;
  char *date;
  GPtrArray *stops;   /* GadRouteStop: person_id only, in order */
  int *minutes;
  char *reason;
} Save;

static void
save_free (Save *save)
{
  g_free (save->date);
  g_ptr_array_unref (save->stops);
  g_free (save->minutes);
  g_free (save->reason);
  g_free (save);
}

static gpointer
save_day (GadStore      *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Save *s = data;

  return GINT_TO_POINTER (gad_store_route_schedule (store, s->staff_id, s->date, s->stops,
                                                    s->minutes, GAD_ROUTE_STOP_MINUTES, s->reason,
                                                    error));
}

/* The stops shown, each at its time, into the schedule. */
void
gad_route_day_schedule (GadContext          *context,
                        const GadRouteDay   *day,
                        const char          *override_reason,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Save *s = g_new0 (Save, 1);

  s->staff_id = day->staff_id;
  s->date = g_strdup (day->date);
  s->reason = g_strdup (override_reason);
  s->stops = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_route_stop_free);
  s->minutes = g_new (int, MAX (day->shown->len, 1));
  for (guint i = 0; i < day->shown->len; i++)
    {
      GadRouteStop *stop = g_new0 (GadRouteStop, 1);

      stop->person_id = ((GadRouteStop *) g_ptr_array_index (day->shown, i))->person_id;
      g_ptr_array_add (s->stops, stop);
      s->minutes[i] = (int) day->at[i];
    }
  gad_worker_run (gad_context_get_worker (context), save_day, s, (GDestroyNotify) save_free,
                  NULL, NULL, callback, user_data);
}

const GadRemotePerson *
gad_route_day_person (const GadRouteDay *day,
                      gint64             person_id)
{
  for (guint i = 0; i < day->people->len; i++)
    if (((GadRemotePerson *) g_ptr_array_index (day->people, i))->person_id == person_id)
      return g_ptr_array_index (day->people, i);
  return NULL;
}

/* The totals of the drive shown, compared with the shortest order of its
 * stops when it is another. */
char *
gad_route_day_totals (const GadRouteDay *day)
{
  const GadRoute *route = day->route, *best = day->best;
  const double *at = day->at;
  g_autofree char *km = gad_text_format_decimal (route->total_km, 1);
  g_autofree char *driving = NULL, *back = NULL, *visits = NULL;
  int minutes = (int) lround (route->total_km / day->speed_kmh * 60);
  GString *text = g_string_new (NULL);

  /* TRANSLATORS: a duration in hours and minutes */
  driving = g_strdup_printf (_("%d h %02d min"), minutes / 60, minutes % 60);
  back = gad_minute_format ((int) lround (at[route->n_stops]));
  visits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit", "%u visits",
                                         route->n_stops), route->n_stops);
  /* TRANSLATORS: a route's totals: visits, kilometres, driving time, back at the office */
  g_string_append_printf (text, _("%s · %s km · %s driving · back at %s"), visits, km, driving,
                          back);
  if (route->total_km > best->total_km + 0.05)
    {
      g_autofree char *longer = gad_text_format_decimal (route->total_km - best->total_km, 1);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s km longer than the shortest order found"), longer);
    }
  else if (best->exact)
    g_string_append_printf (text, "\n%s", _("The shortest order there is."));
  else
    {
      g_autofree char *over = gad_text_format_decimal ((best->total_km / best->bound_km - 1) * 100,
                                                       1);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("At most %s %% longer than the shortest possible."), over);
    }
  return g_string_free (text, FALSE);
}

/**
 * gad_route_day_addable:
 *
 * Returns: (transfer container) (element-type GadRemotePerson): whom on the
 *   register the route could visit too: not on it, and placed or with a
 *   parish centre; the soonest due first
 */
GPtrArray *
gad_route_day_addable (const GadRouteDay *day)
{
  GPtrArray *shown = day->shown;
  g_autoptr(GHashTable) on = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *addable = g_ptr_array_new ();

  for (guint i = 0; i < shown->len; i++)
    g_hash_table_add (on, &((GadRouteStop *) g_ptr_array_index (shown, i))->person_id);
  for (guint i = 0; i < day->people->len; i++)
    {
      GadRemotePerson *r = g_ptr_array_index (day->people, i);

      if (!g_hash_table_contains (on, &r->person_id)
          && (r->place_source != NULL || r->has_parish_centre))
        g_ptr_array_add (addable, r);
    }
  return addable;
}

