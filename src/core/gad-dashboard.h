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
                                         const GadStatsFilter *filter,
                                         GError     **error);

enum { GAD_DASHBOARD_RECIPIENTS, GAD_DASHBOARD_BUDGET_YEAR, GAD_DASHBOARD_BUDGET_YEARS,
       GAD_DASHBOARD_SPENDING, GAD_DASHBOARD_CASELOAD, GAD_DASHBOARD_BY_BENEFIT,
       GAD_DASHBOARD_BY_PARISH, GAD_DASHBOARD_BY_GROUP, GAD_DASHBOARD_N_CHARTS };

/* Everything the Dashboards view shows, computed in one go. */
typedef struct
{
  GadHeadline headline;
  GadChartData *charts[GAD_DASHBOARD_N_CHARTS];
} GadDashboard;

GadDashboard *gad_dashboard_refresh     (GadStore    *store,
                                         int          from_year,
                                         int          to_year,
                                         const char  *today,
                                         const char  *service,
                                         const GadStatsFilter *filter,
                                         GCancellable *cancellable,
                                         GError     **error);
void          gad_dashboard_free        (GadDashboard *dashboard);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadDashboard, gad_dashboard_free)

GadChartData *gad_dashboard_chart_by_year (GPtrArray    *stats,
                                          GadChartKind  kind,
                                          const char   *title,
                                          gboolean      money,
                                          int           from,
                                          int           to,
                                          GHashTable   *names);

G_END_DECLS
