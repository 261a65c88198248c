/* gad-route-day.h — a day's route as the route window reads, changes and saves it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"
#include "gad-remote.h"
#include "gad-route-sheet.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 staff_id;
  char *date;              /* the day, ISO 8601 */
  GadRouteStop *office;
  GPtrArray *stops;        /* GadRouteStop: read, and added since */
  GPtrArray *people;       /* GadRemotePerson: the register in the reader's scope */
  gboolean scheduled;      /* the stops are the schedule's, in its order */
  char *note;              /* stops at parish centres, persons left out; or NULL */
  double road_factor;
  double speed_kmh;
  /* The stops shown, as they are moved, left out and added: */
  GArray *order;           /* guint: indices into stops, in visiting order */
  GPtrArray *shown;        /* GadRouteStop: those stops, in that order */
  GadRoute *route;         /* measured in that order */
  double *at;              /* the times of arrival */
  GadRoute *best;          /* the shortest order of the stops shown */
  GArray *best_order;      /* guint: indices into stops, in that order */
} GadRouteDay;

void        gad_route_day_free     (GadRouteDay       *day);
void        gad_route_day_load     (GadContext        *context,
                                    gint64             staff_id,
                                    const char        *date,
                                    GCancellable      *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer           user_data);
void        gad_route_day_schedule (GadContext        *context,
                                    const GadRouteDay *day,
                                    const char        *override_reason,
                                    GAsyncReadyCallback callback,
                                    gpointer           user_data);
int         gad_route_day_leave    (const GadRouteDay *day);
void        gad_route_day_shortest (GadRouteDay       *day);
gboolean    gad_route_day_move     (GadRouteDay       *day,
                                    guint              from,
                                    guint              to);
void        gad_route_day_remove   (GadRouteDay       *day,
                                    guint              position);
void        gad_route_day_add      (GadRouteDay       *day,
                                    const GadRemotePerson *person);
const GadRemotePerson *gad_route_day_person (const GadRouteDay *day,
                                             gint64             person_id);
GPtrArray  *gad_route_day_addable  (const GadRouteDay *day);
char       *gad_route_day_totals   (const GadRouteDay *day);

G_END_DECLS
