/* gad-route-sheet.c — a day's route: its map, and the sheet for the car
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map is drawn without tiles (the offices may be offline): the stops
 * numbered in the visiting order on the plane of LKS-92 (which keeps
 * shapes), the drive as straight lines, the office, the parishes' centres
 * nearby, a scale bar and north. A stop placed at its parish's centre, for
 * want of its own place, is drawn dashed.
 * The sheet is that map, then a row a stop: its number, name, address,
 * phone, the kilometres from the stop before, the time of arrival and the
 * risks to check there, and the totals.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "gad-pdf.h"
#include "gad-records.h"
#include "gad-remote.h"
#include "gad-route-sheet.h"
#include "gad-text.h"

#define MAP_MARGIN 24.0

typedef struct
{
  double x0, y0, scale;   /* page = (easting − x0, y0 − northing) · scale */
  double left, top;
} Frame;

static void
place (const Frame *f,
       GadGeoPoint  p,
       double      *px,
       double      *py)
{
  double north, east;

  gad_geo_to_lks92 (p, &north, &east);
  *px = f->left + (east - f->x0) * f->scale;
  *py = f->top + (f->y0 - north) * f->scale;
}

static GadGeoPoint
stop_point (const GadRouteSheet *sheet,
            guint                i)
{
  return ((GadRouteStop *) g_ptr_array_index (sheet->stops, sheet->route->order[i]))->point;
}

/* The box of every place, centred in the map at one scale. */
static Frame
frame_for (const GadRouteSheet *sheet,
           double               width,
           double               height)
{
  double min_e = INFINITY, max_e = -INFINITY, min_n = INFINITY, max_n = -INFINITY, span_e, span_n;
  Frame f;

  for (guint i = 0; i <= sheet->route->n_stops; i++)
    {
      double north, east;

      gad_geo_to_lks92 (i < sheet->route->n_stops ? stop_point (sheet, i) : sheet->office->point,
                        &north, &east);
      min_e = MIN (min_e, east);
      max_e = MAX (max_e, east);
      min_n = MIN (min_n, north);
      max_n = MAX (max_n, north);
    }
  span_e = MAX (max_e - min_e, 1000);
  span_n = MAX (max_n - min_n, 1000);
  f.scale = MIN ((width - 2 * MAP_MARGIN) / span_e, (height - 2 * MAP_MARGIN) / span_n);
  f.x0 = (min_e + max_e) / 2 - (width / 2) / f.scale;
  f.y0 = (min_n + max_n) / 2 + (height / 2) / f.scale;
  f.left = f.top = 0;
  return f;
}

/* A round length of road about a quarter of the map wide. */
static void
draw_scale (cairo_t *cr,
            double   scale,
            double   width,
            double   height)
{
  static const double lengths[] = { 0.5, 1, 2, 5, 10, 20, 50, 100 };
  double km = lengths[0], bar;
  g_autofree char *label = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    if (lengths[i] * 1000 * scale <= width / 4)
      km = lengths[i];
  bar = km * 1000 * scale;
  cairo_set_source_rgb (cr, 0.24, 0.22, 0.27);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, 12, height - 18);
  cairo_rel_line_to (cr, 0, 6);
  cairo_rel_line_to (cr, bar, 0);
  cairo_rel_line_to (cr, 0, -6);
  cairo_stroke (cr);
  /* TRANSLATORS: the length of a map's scale bar */
  label = g_strdup_printf (_("%g km"), km);
  gad_pdf_text (cr, label, 12, height - 32, bar + 40, 7, FALSE, PANGO_ALIGN_LEFT, TRUE);
  /* North, up. */
  cairo_move_to (cr, width - 18, 14);
  cairo_line_to (cr, width - 23, 28);
  cairo_line_to (cr, width - 13, 28);
  cairo_close_path (cr);
  cairo_fill (cr);
  gad_pdf_text (cr, "N", width - 28, 30, 20, 7, TRUE, PANGO_ALIGN_CENTER, TRUE);
}

void
gad_route_map_draw (cairo_t             *cr,
                    double               width,
                    double               height,
                    const GadRouteSheet *sheet)
{
  Frame f = frame_for (sheet, width, height);
  const GadRoute *route = sheet->route;
  double x, y;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, 0.97, 0.97, 0.96);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.75, 0.74, 0.73);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);

  /* The parishes' centres on the map, small and grey, named. */
  for (guint i = 0; sheet->centres && i < sheet->centres->len; i++)
    {
      const GadRouteStop *centre = g_ptr_array_index (sheet->centres, i);

      place (&f, centre->point, &x, &y);
      if (x < 0 || y < 0 || x > width || y > height)
        continue;
      cairo_set_source_rgb (cr, 0.55, 0.54, 0.52);
      cairo_move_to (cr, x, y - 4);
      cairo_line_to (cr, x + 4, y);
      cairo_line_to (cr, x, y + 4);
      cairo_line_to (cr, x - 4, y);
      cairo_close_path (cr);
      cairo_fill (cr);
      gad_pdf_text (cr, centre->name, x - 60, y + 5, 120, 6.5, FALSE, PANGO_ALIGN_CENTER, TRUE);
    }

  /* The drive: office, the stops in order, office. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  place (&f, sheet->office->point, &x, &y);
  cairo_move_to (cr, x, y);
  for (guint i = 0; i < route->n_stops; i++)
    {
      place (&f, stop_point (sheet, i), &x, &y);
      cairo_line_to (cr, x, y);
    }
  place (&f, sheet->office->point, &x, &y);
  cairo_line_to (cr, x, y);
  cairo_stroke (cr);

  /* The office, a dark square; each stop a numbered circle. */
  cairo_set_source_rgb (cr, 0.24, 0.22, 0.27);
  cairo_rectangle (cr, x - 7, y - 7, 14, 14);
  cairo_fill (cr);
  for (guint i = 0; i < route->n_stops; i++)
    {
      const GadRouteStop *stop = g_ptr_array_index (sheet->stops, route->order[i]);
      static const double dash[] = { 2.5, 2 };
      char number[16];

      place (&f, stop->point, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, 8, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      if (stop->estimated)
        cairo_set_source_rgb (cr, 0.90, 0.38, 0.0);
      else
        cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, stop->estimated ? 2 : 0, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      g_snprintf (number, sizeof number, "%u", i + 1);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      gad_pdf_text (cr, number, x - 10, y - 5, 20, 6.5, TRUE, PANGO_ALIGN_CENTER, TRUE);
    }
  draw_scale (cr, f.scale, width, height);
  cairo_restore (cr);
}

static void
draw_map (cairo_t  *cr,
          double    x,
          double    y,
          double    width,
          double    height,
          gpointer  data)
{
  cairo_translate (cr, x, y + 4);
  gad_route_map_draw (cr, width, height - 16, data);
}

static char *
clock_text (double minutes)
{
  int m = (int) lround (minutes);

  return g_strdup_printf ("%02d:%02d", (m / 60) % 24, m % 60);
}

static char *
duration_text (double minutes)
{
  int m = (int) lround (minutes);

  /* TRANSLATORS: a duration in hours and minutes */
  return g_strdup_printf (_("%d h %02d min"), m / 60, m % 60);
}

GBytes *
gad_route_sheet_to_pdf (const GadRouteSheet *sheet,
                        GError             **error)
{
  const GadRoute *route = sheet->route;
  static const double widths[] = { 0.05, 0.26, 0.19, 0.07, 0.09, 0.34 };
  g_autofree char *driving = duration_text (route->total_km / sheet->speed_kmh * 60);
  g_autofree char *total = gad_text_format_decimal (route->total_km, 1);
  g_autofree char *summary = NULL;
  GadPdfFlow *flow = gad_pdf_flow_new (NULL);
  const char *heads[] = { "", _("Whom"), _("Phone"), _("km"), _("Arrive"), _("Check") };
  /* Each box with its word, unbroken (no-break spaces). */
  const char *checks = _("☐ heating ☐ food ☐ medicines ☐ mobility ☐ isolation ☐ home care");
  g_autofree double *at = gad_route_arrivals (route, sheet->start_minutes, sheet->speed_kmh,
                                              sheet->stop_minutes);

  /* TRANSLATORS: a route's summary: how many visits, the kilometres, the driving time */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit · %s km · %s driving",
                                          "%u visits · %s km · %s driving", route->n_stops),
                             route->n_stops, total, driving);
  gad_pdf_flow_text (flow, sheet->title, 15, TRUE, 2);
  gad_pdf_flow_text (flow, summary, 10, FALSE, 6);
  gad_pdf_flow_draw (flow, 310, draw_map, (gpointer) sheet);
  gad_pdf_flow_row (flow, heads, widths, G_N_ELEMENTS (widths), TRUE);
  {
    g_autofree char *leave = clock_text (sheet->start_minutes);
    const char *cells[] = { "0", sheet->office->name, sheet->office->phone ? sheet->office->phone
                                                                           : "", "", leave, "" };

    gad_pdf_flow_row (flow, cells, widths, G_N_ELEMENTS (widths), FALSE);
  }
  for (guint i = 0; i <= route->n_stops; i++)
    {
      gboolean back = i == route->n_stops;
      const GadRouteStop *stop = back ? sheet->office
                                      : g_ptr_array_index (sheet->stops, route->order[i]);
      g_autofree char *number = back ? g_strdup ("") : g_strdup_printf ("%u", i + 1);
      g_autoptr(GString) whom = g_string_new (stop->name);
      g_autoptr(GString) check = g_string_new (back ? "" : checks);
      g_autofree char *km = gad_text_format_decimal (route->legs_km[i], 1);
      g_autofree char *arrive = NULL;
      /* A number is not broken between lines. */
      g_auto(GStrv) words = g_strsplit (stop->phone ? stop->phone : "", " ", -1);
      g_autofree char *phone = g_strjoinv ("\u00a0", words);
      const char *cells[6];

      arrive = clock_text (at[i]);
      if (stop->address)
        g_string_append_printf (whom, "\n%s", stop->address);
      if (stop->estimated)
        g_string_append_printf (whom, "\n%s", _("(placed at the parish centre: find the way)"));
      if (stop->risks && *stop->risks)
        {
          g_auto(GStrv) codes = g_strsplit (stop->risks, ",", -1);

          g_string_append_printf (check, "\n%s", _("Last time:"));
          for (guint k = 0; codes[k]; k++)
            g_string_append_printf (check, "%s %s", k ? "," : "", gad_remote_risk_name (codes[k]));
        }
      cells[0] = number;
      cells[1] = whom->str;
      cells[2] = phone;
      cells[3] = km;
      cells[4] = arrive;
      cells[5] = check->str;
      gad_pdf_flow_row (flow, cells, widths, G_N_ELEMENTS (widths), FALSE);
    }
  {
    g_autofree char *visits = duration_text ((double) route->n_stops * sheet->stop_minutes);
    g_autofree char *home = clock_text (at[route->n_stops]);
    /* TRANSLATORS: a route's totals: kilometres, driving, time at the stops, back at the office */
    g_autofree char *totals = g_strdup_printf (_("Total %s km: %s driving at %.0f km/h, %s at "
                                                 "the visits; back at %s."),
                                               total, driving, sheet->speed_kmh, visits, home);

    gad_pdf_flow_text (flow, "", 6, FALSE, 0);
    gad_pdf_flow_text (flow, totals, 10, TRUE, 0);
  }
  return gad_pdf_flow_finish (flow, NULL, error);
}

/**
 * gad_route_sheet_centres:
 * @territories: (element-type GadTerritory)
 *
 * Returns: (transfer full) (element-type GadRouteStop): the parishes'
 *   centres that are known, named, for the map
 */
GPtrArray *
gad_route_sheet_centres (GPtrArray *territories)
{
  GPtrArray *centres = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_route_stop_free);

  for (guint i = 0; i < territories->len; i++)
    {
      GadTerritory *t = g_ptr_array_index (territories, i);
      GadRouteStop *centre;

      if (!t->has_centre)
        continue;
      centre = g_new0 (GadRouteStop, 1);
      centre->name = g_strdup (t->name);
      centre->point = t->centre;
      g_ptr_array_add (centres, centre);
    }
  return centres;
}
