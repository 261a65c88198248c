/* gad-cli-route.c — gadiba-cli route order, and bench route
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gad-cli.h"
#include "gad-route-sheet.h"
#include "gad-route-stops.h"
#include "gad-text.h"

/* @name and spaces to @width characters (not bytes: "Bērzkalni"). */
static char *
padded (const char *name,
        guint       width)
{
  GString *text = g_string_new (name);
  glong length = g_utf8_strlen (name, -1);

  for (glong i = length; i < width; i++)
    g_string_append_c (text, ' ');
  return g_string_free (text, FALSE);
}

/* route order: the visiting order of a CSV of places; the first is the
 * office, where the drive starts and ends. */
int
gad_cli_route (int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *path = NULL, *data = NULL, *format = NULL, *out = NULL, *start = NULL;
  double road = GAD_ROUTE_ROAD_FACTOR;
  int hours = 8, minutes = 30;
  GOptionEntry entries[] = {
    { "stops", 0, 0, G_OPTION_ARG_FILENAME, &path,
      N_("A CSV of places: name with lat and lon, or with LKS-92 x and y; the first is the "
         "office, where the drive starts and ends"), N_("FILE") },
    { "road-factor", 0, 0, G_OPTION_ARG_DOUBLE, &road,
      N_("Roads are longer than the straight line by this (default 1.3)"), N_("F") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("text (default), or pdf: the sheet for the car, with a map"), "text|pdf" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write the sheet to this file"), N_("FILE") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("Leaving the office at (default 08:30)"),
      N_("HH:MM") },
    { NULL }
  };
  g_autoptr(GPtrArray) places = NULL;
  g_autofree GadGeoPoint *stops = NULL;
  g_autoptr(GadRoute) route = NULL;
  GadRouteStop *office;
  gsize length;

  if (!gad_cli_parse (entries, "order", _("Order a day’s visits for the shortest drive."), &argc,
                      &argv, error))
    return 2;
  if (argc != 2 || !g_str_equal (argv[1], "order") || path == NULL || road < 1 || road > 3)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Say route order --stops FILE.csv, with a road factor from 1 to 3 "
                             "if not 1.3."));
      return 2;
    }
  if ((format && !g_str_equal (format, "text") && !g_str_equal (format, "pdf"))
      || (format && g_str_equal (format, "pdf") && out == NULL)
      || (start && (sscanf (start, "%d:%d", &hours, &minutes) != 2 || hours < 0 || hours > 23
                    || minutes < 0 || minutes > 59)))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--format is text or pdf (pdf with --out FILE), --start a time such "
                             "as 08:30."));
      return 2;
    }
  if (!g_file_get_contents (path, &data, &length, error)
      || (places = gad_route_stops_parse (data, length, error)) == NULL)
    return 1;
  office = g_ptr_array_index (places, 0);
  stops = g_new (GadGeoPoint, places->len);
  for (guint i = 1; i < places->len; i++)
    stops[i - 1] = ((GadRouteStop *) g_ptr_array_index (places, i))->point;
  route = gad_route_plan (office->point, office->point, stops, places->len - 1, road);
  if (format && g_str_equal (format, "pdf"))
    {
      g_autofree char *title = g_strdup_printf (_("Visits from %s"), office->name);
      g_autoptr(GBytes) pdf = NULL;
      GadRouteSheet sheet = { title, office, places, route, hours * 60 + minutes,
                              GAD_ROUTE_SPEED_KMH, GAD_ROUTE_STOP_MINUTES };

      /* The stops as the route counts them: without the office. */
      g_ptr_array_steal_index (places, 0);
      sheet.stops = places;
      pdf = gad_route_sheet_to_pdf (&sheet, error);
      gad_route_stop_free (office);
      if (pdf == NULL || !g_file_set_contents (out, g_bytes_get_data (pdf, NULL),
                                               g_bytes_get_size (pdf), error))
        return 1;
      return 0;
    }
  g_print ("%3u  %s\n", 0, office->name);
  for (guint i = 0; i <= route->n_stops; i++)
    {
      GadRouteStop *stop = i < route->n_stops ? g_ptr_array_index (places, route->order[i] + 1)
                                              : office;
      g_autofree char *name = padded (stop->name, 40);
      g_autofree char *km = gad_text_format_decimal (route->legs_km[i], 1);
      char number[16] = "";

      if (i < route->n_stops)
        g_snprintf (number, sizeof number, "%u", i + 1);
      /* TRANSLATORS: a route's stop: its number, name, and the kilometres to it */
      g_print (_("%3s  %s %8s km\n"), number, name, km);
    }
  {
    g_autofree char *total = gad_text_format_decimal (route->total_km, 1);
    g_autofree char *bound = gad_text_format_decimal (route->bound_km, 1);
    g_autofree char *over = gad_text_format_decimal ((route->total_km / route->bound_km - 1) * 100,
                                                     1);

    g_print (_("Total: %s km\n"), total);
    if (route->exact)
      g_print (_("The shortest order there is.\n"));
    else
      g_print (_("Lower bound: %s km (no order is shorter; this one is at most %s %% longer)\n"),
               bound, over);
  }
  return 0;
}

/* The map of a day in a window's size, drawn again and again (goal: 16 ms,
 * a frame). */
static void
bench_map (GadGeoPoint        office,
           const GadGeoPoint *points,
           const GadRoute    *route)
{
  g_autoptr(GPtrArray) stops = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_route_stop_free);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GadRouteStop home = { (char *) "office", NULL, NULL, office };
  GadRouteSheet sheet = { "", &home, stops, route, 8 * 60, GAD_ROUTE_SPEED_KMH,
                          GAD_ROUTE_STOP_MINUTES };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);

  for (guint i = 0; i < route->n_stops; i++)
    {
      GadRouteStop *stop = g_new0 (GadRouteStop, 1);

      stop->name = g_strdup_printf ("%u", i);
      stop->point = points[i];
      g_ptr_array_add (stops, stop);
    }
  for (guint round = 0; round < 50; round++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double ms;

      gad_route_map_draw (cr, 800, 600, &sheet);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  cairo_surface_destroy (surface);
  g_array_sort (times, gad_cli_compare_double);
  g_print ("  map of %u stops, 800 × 600  median %7.2f ms   p95 %7.2f ms   (goal ≤ 16 ms)\n",
           route->n_stops, gad_cli_percentile (times, 0.5), gad_cli_percentile (times, 0.95));
}

/* Random days of farmsteads scattered over a county, the office in its
 * middle: ten stops ordered exactly, sixty by the heuristic (goals: 50 and
 * 200 ms, within 10 % of the lower bound). */
int
gad_cli_bench_route (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  GadGeoPoint office = { 56.6, 25.6 };
  static const guint sizes[] = { 10, 60 };

  g_print ("route benchmark: farmsteads scattered over a county of 70 × 70 km\n");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n = sizes[s], days = n <= GAD_ROUTE_EXACT_STOPS ? 100 : 30;
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree GadGeoPoint *stops = g_new (GadGeoPoint, n);
      double worst_gap = 0;

      for (guint day = 0; day < days; day++)
        {
          g_autoptr(GadRoute) route = NULL;
          gint64 start;
          double ms;

          for (guint i = 0; i < n; i++)
            stops[i] = (GadGeoPoint) { g_rand_double_range (rand, 56.3, 56.9),
                                       g_rand_double_range (rand, 25.0, 26.2) };
          start = g_get_monotonic_time ();
          route = gad_route_plan (office, office, stops, n, GAD_ROUTE_ROAD_FACTOR);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (times, ms);
          worst_gap = MAX (worst_gap, route->total_km / route->bound_km - 1);
          if (n > GAD_ROUTE_EXACT_STOPS && day == 0)
            bench_map (office, stops, route);
        }
      g_array_sort (times, gad_cli_compare_double);
      g_print ("  %2u stops, %-9s median %7.2f ms   p95 %7.2f ms   worst %5.2f %% over the "
               "bound   (goal ≤ %u ms%s)\n", n,
               n <= GAD_ROUTE_EXACT_STOPS ? "exact" : "heuristic", gad_cli_percentile (times, 0.5),
               gad_cli_percentile (times, 0.95), worst_gap * 100,
               n <= GAD_ROUTE_EXACT_STOPS ? 50 : 200,
               n <= GAD_ROUTE_EXACT_STOPS ? "" : ", ≤ 10 %");
    }
  return 0;
}
