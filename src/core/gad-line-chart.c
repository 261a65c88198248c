/* gad-line-chart.c — lines over the categories (years)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-chart"

#include "config.h"

#include <math.h>

#include "gad-chart-private.h"

#define PAD 8.0
#define MARK 4.0

void
gad_line_chart_render (cairo_t            *cr,
                       const GadChartData *data,
                       double              width,
                       double              height,
                       GadChartLayout     *out)
{
  g_autoptr(GPtrArray) names = gad_chart_series_names (data);
  double title, legend, low = 0, high = 0, slot;
  GadRect area, plot;
  GadAxis axis;

  g_array_set_size (out->texts, 0);
  g_array_set_size (out->hits, 0);
  if (gad_chart_empty (cr, data, width, height, out))
    return;

  for (guint s = 0; s < data->series->len; s++)
    {
      GadChartSeries *series = g_ptr_array_index (data->series, s);
      for (guint c = 0; c < series->values->len; c++)
        {
          low = MIN (low, g_array_index (series->values, double, c));
          high = MAX (high, g_array_index (series->values, double, c));
        }
    }
  title = gad_chart_title (cr, data, width, out);
  legend = gad_chart_legend (cr, names, PAD, height - PAD, width - 2 * PAD, FALSE, out);
  gad_chart_legend (cr, names, PAD, height - PAD, width - 2 * PAD, TRUE, out);
  area = (GadRect) { PAD, title, width - 2 * PAD, height - title - legend - 2 * PAD };
  plot = gad_chart_axes (cr, data, area, low, high, &axis, out);
  slot = plot.width / MAX (data->categories->len, 1);

  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint s = 0; s < data->series->len; s++)
    {
      GadChartSeries *series = g_ptr_array_index (data->series, s);

      gad_chart_color (cr, s);
      /* Dashes differ too, so the lines tell apart in grey print. */
      {
        double dash[] = { 6.0 + 2 * s, 3.0 };
        cairo_set_dash (cr, dash, s == 0 ? 0 : 2, 0);
      }
      for (guint c = 0; c < data->categories->len && c < series->values->len; c++)
        {
          double x = plot.x + slot * (c + 0.5);
          double y = gad_axis_y (&axis, &plot, g_array_index (series->values, double, c));
          c == 0 ? cairo_move_to (cr, x, y) : cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint c = 0; c < data->categories->len && c < series->values->len; c++)
        {
          double v = g_array_index (series->values, double, c);
          GadChartHit hit = { 0 };

          hit.rect = (GadRect) { plot.x + slot * (c + 0.5) - MARK,
                                 gad_axis_y (&axis, &plot, v) - MARK, 2 * MARK, 2 * MARK };
          hit.series = s;
          hit.category = c;
          hit.value = v;
          cairo_arc (cr, hit.rect.x + MARK, hit.rect.y + MARK, MARK, 0, 2 * G_PI);
          cairo_fill (cr);
          g_array_append_val (out->hits, hit);
        }
    }
}
