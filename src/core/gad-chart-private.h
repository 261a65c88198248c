/* gad-chart-private.h — what the chart kinds share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "gad-chart.h"

G_BEGIN_DECLS

typedef struct
{
  double first;
  double step;
  int n_ticks;
  double low;              /* the axis range */
  double high;
} GadAxis;

void         gad_chart_ink          (cairo_t            *cr,
                                     double              strength);
void         gad_chart_color        (cairo_t            *cr,
                                     guint               index);
PangoLayout *gad_chart_text         (cairo_t            *cr,
                                     const char         *text,
                                     double              size,
                                     gboolean            bold,
                                     double              width);
void         gad_chart_show_text    (cairo_t            *cr,
                                     PangoLayout        *layout,
                                     double              x,
                                     double              y,
                                     GadChartLayout     *out);
double       gad_chart_title        (cairo_t            *cr,
                                     const GadChartData *data,
                                     double              width,
                                     GadChartLayout     *out);
double       gad_chart_legend       (cairo_t            *cr,
                                     GPtrArray          *names,
                                     double              x,
                                     double              bottom,
                                     double              width,
                                     gboolean            draw,
                                     GadChartLayout     *out);
gboolean     gad_chart_empty        (cairo_t            *cr,
                                     const GadChartData *data,
                                     double              width,
                                     double              height,
                                     GadChartLayout     *out);
GadRect      gad_chart_axes         (cairo_t            *cr,
                                     const GadChartData *data,
                                     GadRect             area,
                                     double              low,
                                     double              high,
                                     GadAxis            *axis,
                                     GadChartLayout     *out);
double       gad_axis_y             (const GadAxis      *axis,
                                     const GadRect      *plot,
                                     double              value);
GPtrArray   *gad_chart_series_names (const GadChartData *data);

G_END_DECLS
