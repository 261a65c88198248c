/* gad-route-window.h — a day's drive to remote farmsteads: its stops and map
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_ROUTE_WINDOW (gad_route_window_get_type ())
G_DECLARE_FINAL_TYPE (GadRouteWindow, gad_route_window, GAD, ROUTE_WINDOW, AdwWindow)

GadRouteWindow *gad_route_window_new (GtkWindow  *parent,
                                      GadContext *context,
                                      gint64      staff_id);

G_END_DECLS
