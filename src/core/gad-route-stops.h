/* gad-route-stops.h — a list of places to visit, read from CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-route.h"

G_BEGIN_DECLS

typedef struct
{
  char *name;
  char *address;      /* or NULL */
  char *phone;        /* or NULL */
  GadGeoPoint point;
  gboolean estimated; /* at the parish's centre: where they live is not known */
  /* A person's home on a day's route: */
  gint64 person_id;   /* or 0 */
  gint64 entry_id;    /* its visit in the schedule, or 0 */
  int minute;         /* the visit's time, minutes after midnight (entry_id set) */
  char *status;       /* the visit's ("planned", "done", "missed"), or NULL */
  char *risks;        /* what the last visit found, to check again; or NULL */
} GadRouteStop;

GPtrArray *gad_route_stops_parse (const char  *data,
                                  gsize        length,
                                  GError     **error);
void       gad_route_stop_free   (GadRouteStop *stop);
GadRoute  *gad_route_plan_stops  (const GadRouteStop *office,
                                  GPtrArray          *stops,
                                  const guint        *order,
                                  double              road_factor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadRouteStop, gad_route_stop_free)

G_END_DECLS
