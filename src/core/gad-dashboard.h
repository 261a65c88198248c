/* gad-dashboard.h — the dashboard's charts, built from the stats, for screen, report and CLI
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-chart.h"
#include "gad-stats.h"

G_BEGIN_DECLS

#define GAD_DASHBOARD_ERROR (gad_dashboard_error_quark ())

typedef enum
{
  GAD_DASHBOARD_ERROR_UNKNOWN_KIND,
} GadDashboardError;

GQuark        gad_dashboard_error_quark (void);
const char * const *gad_dashboard_kinds (void);
GadChartData *gad_dashboard_chart       (GadStore    *store,
                                         const char  *kind,
                                         int          from_year,
                                         int          to_year,
                                         const char  *service,
                                         GError     **error);

GadChartData *gad_dashboard_chart_by_year (GPtrArray    *stats,
                                          GadChartKind  kind,
                                          const char   *title,
                                          gboolean      money,
                                          int           from,
                                          int           to,
                                          GHashTable   *names);

G_END_DECLS
