/* gad-store-route.c — a day's route to remote farmsteads, in the schedule
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A route is a staff member's day of visits to persons on the register
 * (gad-store-remote.c), each an appointment in the schedule marked as a
 * stop of the route (on_route), in the order of their times. It starts and
 * ends at the staff member's parish centre, their office. A visit recorded
 * on the register marks the stop done or missed (gad-store-remote-visits.c).
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-route-sheet.h"
#include "gad-store-private.h"

/**
 * gad_store_route_settings:
 *
 * How much longer the roads are than the straight line, and the average
 * speed on them, as an administrator set them (Preferences → Settings).
 */
void
gad_store_route_settings (GadStore *self,
                          double   *road_factor,
                          double   *speed_kmh)
{
  g_autofree char *factor = gad_store_get_setting (self, "route_road_factor");
  g_autofree char *speed = gad_store_get_setting (self, "route_speed_kmh");

  *road_factor = *factor ? g_ascii_strtod (factor, NULL) : GAD_ROUTE_ROAD_FACTOR;
  *speed_kmh = *speed ? g_ascii_strtod (speed, NULL) : GAD_ROUTE_SPEED_KMH;
  if (!(*road_factor >= 1 && *road_factor <= 3))
    *road_factor = GAD_ROUTE_ROAD_FACTOR;
  if (!(*speed_kmh >= 1 && *speed_kmh <= 240))
    *speed_kmh = GAD_ROUTE_SPEED_KMH;
}

/**
 * gad_store_route_office:
 *
 * Returns: (transfer full): where the staff member's day starts and ends:
 *   their parish's centre; %NULL with @error saying what to set when it
 *   has none
 */
GadRouteStop *
gad_store_route_office (GadStore  *self,
                        gint64     staff_id,
                        GError   **error)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT t.name, t.lat, t.lon, s.name FROM staff s"
                                             " LEFT JOIN territories t ON t.id = s.territory_id"
                                             " WHERE s.id = ?1", error);
  GadRouteStop *office = NULL;
  g_autofree char *parish = NULL, *name = NULL;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, staff_id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    {
      parish = gad_store_column_dup (stmt, 0);
      name = gad_store_column_dup (stmt, 3);
      if (!gad_stmt_column_is_null (stmt, 1))
        {
          office = g_new0 (GadRouteStop, 1);
          office->name = g_strdup (parish);
          office->point = (GadGeoPoint) { gad_stmt_column_double (stmt, 1),
                                          gad_stmt_column_double (stmt, 2) };
        }
    }
  gad_stmt_reset (stmt);
  if (office == NULL && name == NULL)
    g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                         _("There is no such staff member."));
  else if (office == NULL && parish == NULL)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                 _("%s belongs to no parish, so the route has no office to start from. Ask "
                   "an administrator to give them one."), name);
  else if (office == NULL)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                 _("Where the centre of %s is, is not known, so the route has no office to "
                   "start from. An administrator sets it in Preferences → Catalogues → "
                   "Parishes."), parish);
  return office;
}

static gpointer
stop_from_row (GadStmt *stmt)
{
  GadRouteStop *s = g_new0 (GadRouteStop, 1);

  s->entry_id = gad_stmt_column_int64 (stmt, 0);
  s->person_id = gad_stmt_column_int64 (stmt, 1);
  s->name = gad_store_column_dup (stmt, 2);
  s->address = gad_store_column_dup (stmt, 3);
  s->phone = *gad_stmt_column_text (stmt, 4) ? gad_store_column_dup (stmt, 4) : NULL;
  s->estimated = gad_stmt_column_is_null (stmt, 5);
  s->point = s->estimated ? (GadGeoPoint) { gad_stmt_column_double (stmt, 7),
                                            gad_stmt_column_double (stmt, 8) }
                          : (GadGeoPoint) { gad_stmt_column_double (stmt, 5),
                                            gad_stmt_column_double (stmt, 6) };
  s->status = gad_store_column_dup (stmt, 9);
  s->risks = gad_store_column_dup (stmt, 10);
  gad_minute_parse (gad_stmt_column_text (stmt, 11), &s->minute);
  return s;
}

/**
 * gad_store_route_day:
 * @date: the day, ISO 8601
 *
 * Returns: (transfer full) (element-type GadRouteStop): the staff member's
 *   route that day as the schedule has it, in the order of its times, each
 *   stop with its person, entry, status and last risks; empty when there is
 *   none. A stop without a place of its own is at its parish's centre,
 *   marked estimated.
 */
GPtrArray *
gad_store_route_day (GadStore    *self,
                     gint64       staff_id,
                     const char  *date,
                     GError     **error)
{
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, 0, error)
      || !gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return NULL;
  stmt = gad_store_statement (self, "SELECT e.id, e.person_id, p.last_name || ' ' || p.first_name,"
                                    " p.address, p.phone, p.lat, p.lon, t.lat, t.lon,"
                                    " coalesce (o.status, 'planned'), r.risks, e.start_time"
                                    " FROM schedule_entries e JOIN persons p ON p.id = e.person_id"
                                    " LEFT JOIN territories t ON t.id = p.territory_id"
                                    " LEFT JOIN schedule_occurrences o"
                                    "  ON o.entry_id = e.id AND o.date = e.start_date"
                                    " LEFT JOIN remote_register r ON r.person_id = e.person_id"
                                    " WHERE e.on_route = 1 AND e.staff_id = ?1"
                                    " AND e.start_date = ?2 AND e.weekdays = 0"
                                    " AND coalesce (o.status, 'planned') <> 'cancelled'"
                                    " ORDER BY e.start_time, e.id", error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, staff_id);
  gad_stmt_bind_text (stmt, 2, date);
  return gad_store_collect (self, stmt, stop_from_row, (GDestroyNotify) gad_route_stop_free,
                            error);
}

/* The day's stops not yet visited are cancelled: the route is planned
 * again. */
static gboolean
cancel_planned (GadStore    *self,
                gint64       staff_id,
                const char  *date,
                GError     **error)
{
  g_autoptr(GPtrArray) day = gad_store_route_day (self, staff_id, date, error);

  if (day == NULL)
    return FALSE;
  for (guint i = 0; i < day->len; i++)
    {
      GadRouteStop *stop = g_ptr_array_index (day, i);

      if (g_str_equal (stop->status, "planned")
          && !gad_store_cancel_occurrence (self, stop->entry_id, date,
                                           _("The route was planned again."), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
schedule (GadStore          *self,
          gint64             staff_id,
          const char        *date,
          GPtrArray         *stops,
          const int         *minutes,
          int                stop_minutes,
          const char        *override_reason,
          GError           **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return FALSE;
  if (!gad_store_begin (self, error))
    return FALSE;
  if (!cancel_planned (self, staff_id, date, error))
    goto fail;
  for (guint i = 0; i < stops->len; i++)
    {
      GadRouteStop *stop = g_ptr_array_index (stops, i);
      /* TRANSLATORS: a schedule entry's note: the stop's number on the day's route */
      g_autofree char *note = g_strdup_printf (_("Remote farmstead visit, stop %u of %u"), i + 1,
                                               stops->len);
      GadEntry entry = { .kind = (char *) "appointment", .staff_id = staff_id,
                         .person_id = stop->person_id, .start_date = (char *) date,
                         .start_minute = minutes[i], .minutes = stop_minutes, .note = note,
                         .override_reason = (char *) override_reason };
      GadStmt *stmt;
      gint64 id;

      if ((id = gad_store_save_entry (self, &entry, error)) == 0)
        goto fail;
      stmt = gad_store_statement (self, "UPDATE schedule_entries SET on_route = 1 WHERE id = ?1",
                                  error);
      if (stmt == NULL)
        goto fail;
      gad_stmt_bind_int64 (stmt, 1, id);
      if (!gad_store_step_done (self, stmt, error))
        goto fail;
    }
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/**
 * gad_store_route_schedule:
 * @stops: (element-type GadRouteStop): the persons to visit, in order
 * @minutes: the time of arrival at each, minutes after midnight
 * @override_reason: (nullable): why the route is kept though it clashes
 *   with other entries
 *
 * Puts the route in the staff member's schedule for @date, a visit of
 * @stop_minutes for each stop, in place of the stops of the day's route
 * not yet visited. Clashes are refused as for any entry
 * (%GAD_STORE_ERROR_CONFLICT naming them) unless @override_reason gives a
 * reason. All or nothing.
 */
gboolean
gad_store_route_schedule (GadStore          *self,
                          gint64             staff_id,
                          const char        *date,
                          GPtrArray         *stops,
                          const int         *minutes,
                          int                stop_minutes,
                          const char        *override_reason,
                          GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  GAD_STORE_RETRYING (self, error, ok, schedule (self, staff_id, date, stops, minutes,
                                                 stop_minutes, override_reason, error));
  return ok;
}
