/* gad-donut-chart.c — shares of a whole: the first series over the categories
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "gad-chart-private.h"

#define PAD 8.0

void
gad_donut_chart_render (cairo_t            *cr,
                        const GadChartData *data,
                        double              width,
                        double              height,
                        GadChartLayout     *out)
{
  GadChartSeries *series = data->series->len ? g_ptr_array_index (data->series, 0) : NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  double title, legend, total = 0, angle = -G_PI / 2, side;
  GadRect area;

  g_array_set_size (out->texts, 0);
  g_array_set_size (out->hits, 0);
  if (series == NULL || gad_chart_empty (cr, data, width, height, out))
    {
      if (series == NULL)
        gad_chart_title (cr, data, width, out);
      return;
    }

  /* Negative parts have no place in a whole: they count as zero. */
  for (guint c = 0; c < series->values->len; c++)
    total += MAX (0, g_array_index (series->values, double, c));
  for (guint c = 0; c < data->categories->len; c++)
    {
      double v = c < series->values->len ? MAX (0, g_array_index (series->values, double, c)) : 0;
      g_autofree char *value = gad_chart_format_value (data, v);

      /* TRANSLATORS: a slice in a legend: name, value, percent of the whole */
      g_ptr_array_add (labels, g_strdup_printf (_("%s: %s (%.0f %%)"),
                                                (char *) g_ptr_array_index (data->categories, c),
                                                value, total > 0 ? 100 * v / total : 0));
    }

  title = gad_chart_title (cr, data, width, out);
  legend = gad_chart_legend (cr, labels, PAD, height - PAD, width - 2 * PAD, FALSE, out);
  if (labels->len == 1)
    legend = 0;
  gad_chart_legend (cr, labels, PAD, height - PAD, width - 2 * PAD, TRUE, out);
  area = (GadRect) { PAD, title, width - 2 * PAD, height - title - legend - 2 * PAD };
  side = MAX (10, MIN (area.width, area.height));
  out->cx = area.x + area.width / 2;
  out->cy = area.y + area.height / 2;
  out->outer = side / 2;
  out->inner = side / 4;
  out->plot = (GadRect) { out->cx - side / 2, out->cy - side / 2, side, side };

  for (guint c = 0; c < data->categories->len && c < series->values->len; c++)
    {
      double v = MAX (0, g_array_index (series->values, double, c));
      GadChartHit hit = { 0 };

      if (v <= 0 || total <= 0)
        continue;
      hit.angle_from = angle;
      hit.angle_to = angle + 2 * G_PI * v / total;
      hit.category = c;
      hit.value = v;
      hit.rect = out->plot;
      gad_chart_color (cr, c);
      cairo_new_path (cr);
      cairo_arc (cr, out->cx, out->cy, out->outer, hit.angle_from, hit.angle_to);
      cairo_arc_negative (cr, out->cx, out->cy, out->inner, hit.angle_to, hit.angle_from);
      cairo_close_path (cr);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      g_array_append_val (out->hits, hit);
      angle = hit.angle_to;
    }

  /* The whole, in the middle, when it fits. */
  {
    g_autofree char *text = gad_chart_format_value (data, total);
    g_autoptr(PangoLayout) l = gad_chart_text (cr, text, 12, TRUE, -1);
    int w, h;

    pango_layout_get_pixel_size (l, &w, &h);
    if (w < out->inner * 1.8)
      {
        gad_chart_ink (cr, 0.9);
        gad_chart_show_text (cr, l, out->cx - w / 2.0, out->cy - h / 2.0, out);
      }
  }
}
