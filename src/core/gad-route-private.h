/* gad-route-private.h — what the route's files share: the distances
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gad-route.c orders the stops; gad-route-bound.c bounds how short any
 * order can be.
 */
#pragma once

#include "gad-route.h"

G_BEGIN_DECLS

/* Distances in km between the route's places: 0 the start, 1..n the
 * stops, n + 1 the end. */
typedef struct
{
  guint n;
  double *d;
} GadRouteMatrix;

#define GAD_ROUTE_D(m, i, j) ((m)->d[(gsize) (i) * (m)->n + (j)])

double gad_route_bound (const GadRouteMatrix *m,
                        double                upper);

G_END_DECLS
