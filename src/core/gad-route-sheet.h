/* gad-route-sheet.h — a day's route: its map, and the sheet for the car
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "gad-route.h"
#include "gad-route-stops.h"

G_BEGIN_DECLS

#define GAD_ROUTE_SPEED_KMH 50     /* the average speed on country roads */
#define GAD_ROUTE_STOP_MINUTES 30  /* a visit */

typedef struct
{
  const char *title;
  const GadRouteStop *office;   /* where the drive starts and ends */
  GPtrArray *stops;             /* GadRouteStop, as the route's indices count them */
  GPtrArray *centres;           /* GadRouteStop: the parishes' centres, named; or NULL */
  const GadRoute *route;
  int start_minutes;            /* leaving the office, minutes after midnight */
  double speed_kmh;
  int stop_minutes;
} GadRouteSheet;

void    gad_route_map_draw     (cairo_t             *cr,
                                double               width,
                                double               height,
                                const GadRouteSheet *sheet);
GBytes *gad_route_sheet_to_pdf (const GadRouteSheet *sheet,
                                GError             **error);
GPtrArray *gad_route_sheet_centres (GPtrArray        *territories);

G_END_DECLS
