/* gad-dashboard-view.h — the department head's figures and charts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_DASHBOARD_VIEW (gad_dashboard_view_get_type ())
G_DECLARE_FINAL_TYPE (GadDashboardView, gad_dashboard_view, GAD, DASHBOARD_VIEW, AdwBin)

gboolean gad_dashboard_view_is_loaded (GadDashboardView *self);

G_END_DECLS
