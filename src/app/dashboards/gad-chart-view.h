/* gad-chart-view.h — a chart on screen, with the exact value on hover
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gad-chart.h"

G_BEGIN_DECLS

#define GAD_TYPE_CHART_VIEW (gad_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (GadChartView, gad_chart_view, GAD, CHART_VIEW, GtkWidget)

GtkWidget *gad_chart_view_new      (void);
void       gad_chart_view_set_data (GadChartView *self,
                                    GadChartData *data);
GadChartData *gad_chart_view_get_data (GadChartView *self);

G_END_DECLS
