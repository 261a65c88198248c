/* gad-route-stops.h — a list of places to visit, read from CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-geo.h"

G_BEGIN_DECLS

typedef struct
{
  char *name;
  char *address;   /* or NULL */
  char *phone;     /* or NULL */
  GadGeoPoint point;
} GadRouteStop;

GPtrArray *gad_route_stops_parse (const char  *data,
                                  gsize        length,
                                  GError     **error);
void       gad_route_stop_free   (GadRouteStop *stop);

G_END_DECLS
