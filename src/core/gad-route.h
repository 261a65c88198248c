/* gad-route.h — the order of a day's visits that makes the drive short
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-geo.h"

G_BEGIN_DECLS

#define GAD_ROUTE_EXACT_STOPS 10   /* up to this many stops the order is the best there is */
#define GAD_ROUTE_ROAD_FACTOR 1.3  /* roads are longer than the straight line by this */

typedef struct
{
  guint n_stops;
  guint *order;       /* the stops' indices, in visiting order */
  double *legs_km;    /* n_stops + 1: start → first stop, …, last stop → end */
  double total_km;
  double bound_km;    /* no order is shorter than this; the total itself when exact */
  gboolean exact;
} GadRoute;

GadRoute *gad_route_plan   (GadGeoPoint        start,
                            GadGeoPoint        end,
                            const GadGeoPoint *stops,
                            guint              n_stops,
                            double             road_factor);
GadRoute *gad_route_measure (GadGeoPoint        start,
                             GadGeoPoint        end,
                             const GadGeoPoint *stops,
                             const guint       *order,
                             guint              n_stops,
                             double             road_factor);
void      gad_route_free   (GadRoute          *route);
double   *gad_route_arrivals (const GadRoute   *route,
                              double            start_minute,
                              double            speed_kmh,
                              int               stop_minutes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadRoute, gad_route_free)

G_END_DECLS
