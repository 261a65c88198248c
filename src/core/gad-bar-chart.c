/* gad-bar-chart.c — grouped and stacked bars
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-chart"

#include "config.h"

#include <math.h>

#include "gad-chart-private.h"

#define PAD 8.0

static double
value_at (const GadChartData *d,
          guint               s,
          guint               c)
{
  GadChartSeries *series = g_ptr_array_index (d->series, s);

  return c < series->values->len ? g_array_index (series->values, double, c) : 0;
}

/* The value range the bars need: stacks add positive and negative parts apart. */
static void
range (const GadChartData *d,
       gboolean            stacked,
       double             *low,
       double             *high)
{
  *low = 0;
  *high = 0;
  for (guint c = 0; c < d->categories->len; c++)
    {
      double up = 0, down = 0;

      for (guint s = 0; s < d->series->len; s++)
        {
          double v = value_at (d, s, c);
          if (stacked)
            v >= 0 ? (up += v) : (down += v);
          else
            {
              up = MAX (up, v);
              down = MIN (down, v);
            }
        }
      *high = MAX (*high, up);
      *low = MIN (*low, down);
    }
}

void
gad_bar_chart_render (cairo_t            *cr,
                      const GadChartData *data,
                      double              width,
                      double              height,
                      GadChartLayout     *out)
{
  gboolean stacked = data->kind == GAD_CHART_STACKED_BARS;
  g_autoptr(GPtrArray) names = gad_chart_series_names (data);
  double title, legend, low, high, slot;
  GadRect area, plot;
  GadAxis axis;
  guint n_series = MAX (data->series->len, 1);

  g_array_set_size (out->texts, 0);
  g_array_set_size (out->hits, 0);
  if (gad_chart_empty (cr, data, width, height, out))
    return;

  title = gad_chart_title (cr, data, width, out);
  legend = gad_chart_legend (cr, names, PAD, height - PAD, width - 2 * PAD, FALSE, out);
  gad_chart_legend (cr, names, PAD, height - PAD, width - 2 * PAD, TRUE, out);
  area = (GadRect) { PAD, title, width - 2 * PAD, height - title - legend - 2 * PAD };
  range (data, stacked, &low, &high);
  plot = gad_chart_axes (cr, data, area, low, high, &axis, out);

  slot = plot.width / MAX (data->categories->len, 1);
  for (guint c = 0; c < data->categories->len; c++)
    {
      double up = 0, down = 0;

      for (guint s = 0; s < data->series->len; s++)
        {
          double v = value_at (data, s, c);
          double from, to, x, w;
          GadChartHit hit = { 0 };

          if (stacked)
            {
              w = slot * 0.6;
              x = plot.x + slot * c + (slot - w) / 2;
              from = v >= 0 ? up : down;
              to = from + v;
              v >= 0 ? (up = to) : (down = to);
            }
          else
            {
              w = slot * 0.8 / n_series;
              x = plot.x + slot * c + slot * 0.1 + w * s;
              from = 0;
              to = v;
            }
          hit.rect.x = x;
          hit.rect.width = MAX (w - 1, 1);
          hit.rect.y = MIN (gad_axis_y (&axis, &plot, from), gad_axis_y (&axis, &plot, to));
          hit.rect.height = fabs (gad_axis_y (&axis, &plot, to) - gad_axis_y (&axis, &plot, from));
          hit.series = s;
          hit.category = c;
          hit.value = v;
          gad_chart_color (cr, s);
          cairo_rectangle (cr, hit.rect.x, hit.rect.y, hit.rect.width, hit.rect.height);
          cairo_fill (cr);
          g_array_append_val (out->hits, hit);
        }
    }
}
