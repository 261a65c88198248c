/* gad-chart.c — chart data, nice ticks, text, legend and axes the kinds share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every render function measures its text with pango on the cairo context it
 * is given, lays out title, legend, axes and plot so nothing is cut or
 * overlaps, and records each text rectangle and each bar or slice in the
 * layout: the widget hit-tests with it, the tests check it.
 */
#define G_LOG_DOMAIN "gad-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>

#include "gad-chart-private.h"
#include "gad-text.h"

#define FONT "Cantarell, DejaVu Sans"
#define PAD 8.0

GadChartData *
gad_chart_data_new (GadChartKind  kind,
                    const char   *title,
                    gboolean      money)
{
  GadChartData *d = g_new0 (GadChartData, 1);

  d->kind = kind;
  d->title = g_strdup (title);
  d->money = money;
  d->categories = g_ptr_array_new_with_free_func (g_free);
  d->category_keys = g_ptr_array_new_with_free_func (g_free);
  d->series = g_ptr_array_new ();
  return d;
}

void
gad_chart_data_free (GadChartData *d)
{
  if (d == NULL)
    return;
  for (guint i = 0; i < d->series->len; i++)
    {
      GadChartSeries *s = g_ptr_array_index (d->series, i);
      g_free (s->name);
      g_free (s->key);
      g_array_unref (s->values);
      g_free (s);
    }
  g_ptr_array_unref (d->series);
  g_ptr_array_unref (d->categories);
  g_ptr_array_unref (d->category_keys);
  g_free (d->title);
  g_free (d);
}

GadChartSeries *
gad_chart_data_add_series (GadChartData *d,
                           const char   *name)
{
  GadChartSeries *s = g_new0 (GadChartSeries, 1);

  s->name = g_strdup (name);
  s->values = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (s->values, d->categories->len);
  g_ptr_array_add (d->series, s);
  return s;
}

void
gad_chart_data_add_category (GadChartData *d,
                             const char   *name)
{
  gad_chart_data_add_keyed_category (d, name, name);
}

void
gad_chart_data_add_keyed_category (GadChartData *d,
                                   const char   *name,
                                   const char   *key)
{
  g_ptr_array_add (d->categories, g_strdup (name));
  g_ptr_array_add (d->category_keys, g_strdup (key));
  for (guint i = 0; i < d->series->len; i++)
    g_array_set_size (((GadChartSeries *) g_ptr_array_index (d->series, i))->values,
                      d->categories->len);
}

static double
series_total (GadChartSeries *s)
{
  double total = 0;

  for (guint i = 0; i < s->values->len; i++)
    total += g_array_index (s->values, double, i);
  return total;
}

static int
by_total (gconstpointer a,
          gconstpointer b)
{
  double x = series_total (*(GadChartSeries **) a), y = series_total (*(GadChartSeries **) b);
  return (x < y) - (x > y);
}

/**
 * gad_chart_data_limit_series:
 *
 * Keeps the @max_series - 1 largest series and adds the rest up in one named
 * @other_name: the palette has eight colours, and a reader no more.
 */
void
gad_chart_data_limit_series (GadChartData *d,
                             guint         max_series,
                             const char   *other_name)
{
  GadChartSeries *other;

  if (d->series->len <= max_series || max_series < 2)
    return;
  g_ptr_array_sort (d->series, by_total);
  other = g_new0 (GadChartSeries, 1);
  other->name = g_strdup (other_name);
  other->values = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (other->values, d->categories->len);
  while (d->series->len > max_series - 1)
    {
      GadChartSeries *s = g_ptr_array_steal_index (d->series, d->series->len - 1);

      for (guint i = 0; i < s->values->len && i < other->values->len; i++)
        g_array_index (other->values, double, i) += g_array_index (s->values, double, i);
      g_free (s->name);
      g_free (s->key);
      g_array_unref (s->values);
      g_free (s);
    }
  g_ptr_array_add (d->series, other);
}

const char *
gad_chart_data_category_key (const GadChartData *d,
                             guint               category)
{
  return category < d->category_keys->len ? g_ptr_array_index (d->category_keys, category) : NULL;
}

void
gad_chart_series_set (GadChartSeries *s,
                      guint           category,
                      double          value)
{
  if (category >= s->values->len)
    g_array_set_size (s->values, category + 1);
  g_array_index (s->values, double, category) = value;
}

GadChartLayout *
gad_chart_layout_new (void)
{
  GadChartLayout *l = g_new0 (GadChartLayout, 1);

  l->texts = g_array_new (FALSE, FALSE, sizeof (GadRect));
  l->hits = g_array_new (FALSE, FALSE, sizeof (GadChartHit));
  return l;
}

void
gad_chart_layout_free (GadChartLayout *l)
{
  if (l == NULL)
    return;
  g_array_unref (l->texts);
  g_array_unref (l->hits);
  g_free (l);
}

/**
 * gad_chart_nice_ticks:
 *
 * Ticks at 1, 2 or 5 × 10ⁿ that cover @low … @high with at most @max_ticks.
 */
gboolean
gad_chart_nice_ticks (double  low,
                      double  high,
                      int     max_ticks,
                      double *first,
                      double *step,
                      int    *n_ticks)
{
  static const double mantissas[] = { 1, 2, 5, 10 };
  double range, raw, magnitude;

  if (!isfinite (low) || !isfinite (high) || max_ticks < 2)
    return FALSE;
  if (high < low)
    {
      double t = low;
      low = high;
      high = t;
    }
  if (high == low)
    high = low + (low == 0 ? 1 : fabs (low) * 0.1);
  range = high - low;
  raw = range / (max_ticks - 1);
  magnitude = pow (10, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    {
      double s = mantissas[i] * magnitude;
      double f = floor (low / s) * s;
      int n = (int) ceil ((high - f) / s - 1e-9) + 1;

      if (n <= max_ticks)
        {
          *step = s;
          *first = f;
          *n_ticks = n;
          return TRUE;
        }
    }
  *step = 10 * magnitude;
  *first = floor (low / *step) * *step;
  *n_ticks = (int) ceil ((high - *first) / *step - 1e-9) + 1;
  return TRUE;
}

/* Money in whole euros, counts grouped, as the UI's language writes them. */
char *
gad_chart_format_value (const GadChartData *d,
                        double              value)
{
  return d->money ? gad_text_format_euros_in ((gint64) llround (value), d->language)
                  : gad_text_format_number_in ((gint64) llround (value), d->language);
}

/* Okabe–Ito: safe for colour blindness, and ordered so neighbours differ in
 * lightness when printed grey. */
void
gad_chart_color (cairo_t *cr,
                 guint    index)
{
  static const double colors[][3] = {
    { 0.000, 0.447, 0.698 },  /* blue */
    { 0.902, 0.624, 0.000 },  /* orange */
    { 0.000, 0.620, 0.451 },  /* green */
    { 0.800, 0.475, 0.655 },  /* purple */
    { 0.337, 0.706, 0.914 },  /* sky */
    { 0.835, 0.369, 0.000 },  /* vermillion */
    { 0.941, 0.894, 0.259 },  /* yellow */
    { 0.300, 0.300, 0.300 },  /* grey */
  };
  const double *c = colors[index % G_N_ELEMENTS (colors)];

  cairo_set_source_rgb (cr, c[0], c[1], c[2]);
}

PangoLayout *
gad_chart_text (cairo_t    *cr,
                const char *text,
                double      size,
                gboolean    bold,
                double      width)
{
  PangoLayout *l = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (l, font);
  if (width > 0)
    {
      pango_layout_set_width (l, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (l, text ? text : "", -1);
  return l;
}

void
gad_chart_show_text (cairo_t        *cr,
                     PangoLayout    *layout,
                     double          x,
                     double          y,
                     GadChartLayout *out)
{
  PangoRectangle ink, logical;
  GadRect r;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  r = (GadRect) { x + logical.x, y + logical.y, logical.width, logical.height };
  if (out && r.width > 0)
    g_array_append_val (out->texts, r);
}

static double
text_height (PangoLayout *l)
{
  int h;

  pango_layout_get_pixel_size (l, NULL, &h);
  return h;
}

/* Draws the title across the top; returns the height it took. */
double
gad_chart_title (cairo_t            *cr,
                 const GadChartData *data,
                 double              width,
                 GadChartLayout     *out)
{
  g_autoptr(PangoLayout) l = NULL;
  double h;

  if (data->title == NULL || *data->title == '\0')
    return 0;
  l = gad_chart_text (cr, data->title, 14, TRUE, width - 2 * PAD);
  h = text_height (l);
  gad_chart_ink (cr, 0.9);
  gad_chart_show_text (cr, l, PAD, PAD, out);
  return h + 2 * PAD;
}

/* Legend items in rows that wrap; with @draw FALSE, only measures.
 * Returns the height, drawn so that it ends at @bottom. */
double
gad_chart_legend (cairo_t        *cr,
                  GPtrArray      *names,
                  double          x,
                  double          bottom,
                  double          width,
                  gboolean        draw,
                  GadChartLayout *out)
{
  const double swatch = 10, gap = 14;
  double row_height = 0, height = 0, cx = 0, total;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (double) * 3);

  if (names->len < 2)
    return 0;
  /* First pass: where every item goes. */
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(PangoLayout) l = gad_chart_text (cr, g_ptr_array_index (names, i), 11, FALSE,
                                                 width - swatch - 6);
      int w, h;
      double item[3];

      pango_layout_get_pixel_size (l, &w, &h);
      if (cx > 0 && cx + swatch + 6 + w > width)
        {
          height += row_height + 4;
          cx = 0;
          row_height = 0;
        }
      item[0] = cx;
      item[1] = height;
      item[2] = h;
      g_array_append_vals (placed, item, 1);
      cx += swatch + 6 + w + gap;
      row_height = MAX (row_height, h);
    }
  total = height + row_height;
  if (!draw)
    return total;

  for (guint i = 0; i < names->len; i++)
    {
      double *item = (double *) placed->data + 3 * i;
      double top = bottom - total + item[1];
      g_autoptr(PangoLayout) l = gad_chart_text (cr, g_ptr_array_index (names, i), 11, FALSE,
                                                 width - swatch - 6);

      gad_chart_color (cr, i);
      cairo_rectangle (cr, x + item[0], top + (item[2] - swatch) / 2, swatch, swatch);
      cairo_fill (cr);
      gad_chart_ink (cr, 0.85);
      gad_chart_show_text (cr, l, x + item[0] + swatch + 6, top, out);
    }
  return total;
}

static const cairo_user_data_key_t ink_key;

/**
 * gad_chart_set_ink:
 *
 * The colour of the chart's text and lines on @cr: the window's foreground,
 * so a chart reads in the dark style too. Black unless set (paper).
 */
void
gad_chart_set_ink (cairo_t *cr,
                   double   red,
                   double   green,
                   double   blue)
{
  double *ink = g_new (double, 3);

  ink[0] = red;
  ink[1] = green;
  ink[2] = blue;
  cairo_set_user_data (cr, &ink_key, ink, g_free);
}

/* The ink at @strength (0 none – 1 full), for text, axes and grid lines. */
void
gad_chart_ink (cairo_t *cr,
               double   strength)
{
  const double *ink = cairo_get_user_data (cr, &ink_key);

  if (ink)
    cairo_set_source_rgba (cr, ink[0], ink[1], ink[2], strength);
  else
    cairo_set_source_rgba (cr, 0, 0, 0, strength);
}

/* With no values to show, says so under the title and returns TRUE. */
gboolean
gad_chart_empty (cairo_t            *cr,
                 const GadChartData *data,
                 double              width,
                 double              height,
                 GadChartLayout     *out)
{
  g_autoptr(PangoLayout) l = NULL;
  double title;

  for (guint s = 0; s < data->series->len; s++)
    {
      GadChartSeries *series = g_ptr_array_index (data->series, s);
      for (guint i = 0; i < series->values->len; i++)
        if (g_array_index (series->values, double, i) != 0)
          return FALSE;
    }
  title = gad_chart_title (cr, data, width, out);
  l = gad_chart_text (cr, _("No data for these filters"), 12, FALSE, width - 2 * PAD);
  pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
  gad_chart_ink (cr, 0.55);
  gad_chart_show_text (cr, l, PAD, title + (height - title) / 2 - text_height (l) / 2, out);
  return TRUE;
}

double
gad_axis_y (const GadAxis *axis,
            const GadRect *plot,
            double         value)
{
  return plot->y + plot->height * (1 - (value - axis->low) / (axis->high - axis->low));
}

GPtrArray *
gad_chart_series_names (const GadChartData *data)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < data->series->len; i++)
    g_ptr_array_add (names, ((GadChartSeries *) g_ptr_array_index (data->series, i))->name);
  return names;
}

/**
 * gad_chart_axes:
 * @area: what is left after title and legend
 *
 * Draws value ticks with grid lines on the left and the category labels
 * under the plot, wrapped to their slot; returns the plot rectangle.
 */
GadRect
gad_chart_axes (cairo_t            *cr,
                const GadChartData *data,
                GadRect             area,
                double              low,
                double              high,
                GadAxis            *axis,
                GadChartLayout     *out)
{
  guint n = MAX (data->categories->len, 1);
  double label_width = 0, label_height = 0, slot, tick_height = 0;
  GadRect plot;

  gad_chart_nice_ticks (MIN (low, 0), MAX (high, 0), MAX (2, (int) (area.height / 40)),
                        &axis->first, &axis->step, &axis->n_ticks);
  /* Persons come whole, euros are shown whole: no ticks between them. */
  if (axis->step < (data->money ? 100 : 1))
    {
      double top = MAX (high, 0);
      axis->step = data->money ? 100 : 1;
      axis->first = floor (MIN (low, 0) / axis->step) * axis->step;
      axis->n_ticks = (int) ceil ((top - axis->first) / axis->step - 1e-9) + 1;
      axis->n_ticks = MAX (axis->n_ticks, 2);
    }
  axis->low = axis->first;
  axis->high = axis->first + axis->step * (axis->n_ticks - 1);

  for (int t = 0; t < axis->n_ticks; t++)
    {
      g_autofree char *text = gad_chart_format_value (data, axis->first + t * axis->step);
      g_autoptr(PangoLayout) l = gad_chart_text (cr, text, 10, FALSE, -1);
      int w, h;

      pango_layout_get_pixel_size (l, &w, &h);
      label_width = MAX (label_width, w);
      tick_height = MAX (tick_height, h);
    }

  slot = (area.width - label_width - PAD) / n;
  for (guint i = 0; i < data->categories->len; i++)
    {
      g_autoptr(PangoLayout) l = gad_chart_text (cr, g_ptr_array_index (data->categories, i), 10,
                                                 FALSE, MAX (slot - 4, 10));
      label_height = MAX (label_height, text_height (l));
    }

  plot.x = area.x + label_width + PAD;
  plot.y = area.y + tick_height / 2;
  plot.width = area.width - label_width - PAD;
  plot.height = MAX (10, area.height - label_height - PAD - tick_height / 2);
  out->plot = plot;

  cairo_set_line_width (cr, 1);
  for (int t = 0; t < axis->n_ticks; t++)
    {
      double value = axis->first + t * axis->step;
      double y = round (gad_axis_y (axis, &plot, value)) + 0.5;
      g_autofree char *text = gad_chart_format_value (data, value);
      g_autoptr(PangoLayout) l = gad_chart_text (cr, text, 10, FALSE, -1);
      int w, h;

      gad_chart_ink (cr, fabs (value) < axis->step / 2 ? 0.5 : 0.12);
      cairo_move_to (cr, plot.x, y);
      cairo_line_to (cr, plot.x + plot.width, y);
      cairo_stroke (cr);
      pango_layout_get_pixel_size (l, &w, &h);
      gad_chart_ink (cr, 0.7);
      gad_chart_show_text (cr, l, plot.x - PAD - w, y - h / 2.0, out);
    }

  slot = plot.width / n;
  for (guint i = 0; i < data->categories->len; i++)
    {
      g_autoptr(PangoLayout) l = gad_chart_text (cr, g_ptr_array_index (data->categories, i), 10,
                                                 FALSE, MAX (slot - 4, 10));
      int w;

      pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (l, &w, NULL);
      gad_chart_ink (cr, 0.8);
      gad_chart_show_text (cr, l, plot.x + slot * i + 2, plot.y + plot.height + PAD / 2, out);
    }
  return plot;
}

/* Dispatches on the kind, so callers need not. */
void
gad_chart_render (cairo_t            *cr,
                  const GadChartData *data,
                  double              width,
                  double              height,
                  GadChartLayout     *layout)
{
  switch (data->kind)
    {
    case GAD_CHART_GROUPED_BARS:
    case GAD_CHART_STACKED_BARS:
      gad_bar_chart_render (cr, data, width, height, layout);
      break;
    case GAD_CHART_LINES:
      gad_line_chart_render (cr, data, width, height, layout);
      break;
    case GAD_CHART_DONUT:
      gad_donut_chart_render (cr, data, width, height, layout);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The bar or slice under (@x, @y), from the layout the last render made. */
const GadChartHit *
gad_chart_hit_test (const GadChartLayout *layout,
                    double                x,
                    double                y)
{
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const GadChartHit *h = &g_array_index (layout->hits, GadChartHit, i);

      if (h->angle_to > h->angle_from)
        {
          double dx = x - layout->cx, dy = y - layout->cy;
          double r = sqrt (dx * dx + dy * dy);
          double a = atan2 (dy, dx);

          if (a < -G_PI / 2)
            a += 2 * G_PI;
          if (r >= layout->inner && r <= layout->outer && a >= h->angle_from && a < h->angle_to)
            return h;
        }
      else if (x >= h->rect.x && x <= h->rect.x + h->rect.width && y >= h->rect.y
               && y <= h->rect.y + h->rect.height)
        return h;
    }
  return NULL;
}

/**
 * gad_chart_export:
 * @path: ends in .png, .svg or .pdf, which chooses the format
 *
 * Draws the chart into a file with the same render function as the screen.
 */
gboolean
gad_chart_export (const GadChartData  *data,
                  const char          *path,
                  double               width,
                  double               height,
                  GError             **error)
{
  g_autoptr(GadChartLayout) layout = gad_chart_layout_new ();
  g_autofree char *lower = g_ascii_strdown (path, -1);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (path, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create (path, width, height);
  else if (g_str_has_suffix (lower, ".png"))
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Save the chart as .png, .svg or .pdf."));
      return FALSE;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gad_chart_render (cr, data, width, height, layout);
  cairo_destroy (cr);
  if (g_str_has_suffix (lower, ".png"))
    cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
