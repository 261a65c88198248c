/* gad-route-row.h — the rows of the route window's lists
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-remote.h"

G_BEGIN_DECLS

typedef void (*GadRouteMoved)  (gpointer data,
                                guint    from,
                                guint    to);
typedef void (*GadRouteRecord) (gpointer data,
                                gint64   person_id);
typedef void (*GadRouteRemove) (gpointer data,
                                guint    position);

GtkWidget *gad_route_row_new     (const GadRouteStop    *stop,
                                  guint                  position,
                                  double                 km,
                                  double                 at,
                                  const char            *date,
                                  GadRouteMoved          moved,
                                  GadRouteRecord         record,
                                  GadRouteRemove         remove,
                                  gpointer               data);
GtkWidget *gad_route_row_addable (const GadRemotePerson *person);

G_END_DECLS
