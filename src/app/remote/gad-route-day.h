/* gad-route-day.h — a day's route as the route window reads, shows and saves it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"
#include "gad-remote.h"
#include "gad-remote-visit-dialog.h"
#include "gad-route-sheet.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 staff_id;
  char *date;              /* the day, ISO 8601 */
  GadRouteStop *office;
  GPtrArray *stops;        /* GadRouteStop */
  GPtrArray *people;       /* GadRemotePerson: the register in the reader's scope */
  GadRoute *best;          /* the shortest order found, with its bound */
  guint *first_order;      /* shown first: as scheduled, or the best */
  gboolean scheduled;      /* the stops are the schedule's */
  char *note;              /* stops at parish centres, persons left out; or NULL */
  double road_factor;
  double speed_kmh;
} GadRouteDay;

typedef void (*GadRouteMoved)  (gpointer data,
                                guint    from,
                                guint    to);
typedef void (*GadRouteRecord) (gpointer data,
                                gint64   person_id);

void        gad_route_day_free     (GadRouteDay       *day);
void        gad_route_day_load     (GadContext        *context,
                                    gint64             staff_id,
                                    const char        *date,
                                    GCancellable      *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer           user_data);
void        gad_route_day_schedule (GadContext        *context,
                                    const GadRouteDay *day,
                                    const guint       *order,
                                    const double      *at,
                                    const char        *override_reason,
                                    GAsyncReadyCallback callback,
                                    gpointer           user_data);
int         gad_route_day_leave    (const GadRouteDay *day,
                                    const GadRoute    *route,
                                    int                otherwise);
const GadRemotePerson *gad_route_day_person (const GadRouteDay *day,
                                             gint64             person_id);
GtkWidget  *gad_route_day_row      (const GadRouteDay *day,
                                    guint              stop,
                                    guint              position,
                                    double             km,
                                    double             at,
                                    GadRouteMoved      moved,
                                    GadRouteRecord     record,
                                    gpointer           data);
char       *gad_route_day_totals   (const GadRouteDay *day,
                                    const GadRoute    *route,
                                    const double      *at);

G_END_DECLS
