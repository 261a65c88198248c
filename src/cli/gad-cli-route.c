/* gad-cli-route.c — gadiba-cli route order, and bench route
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-cli.h"
#include "gad-route.h"
#include "gad-route-stops.h"

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
  g_autofree char *path = NULL, *data = NULL;
  double road = GAD_ROUTE_ROAD_FACTOR;
  GOptionEntry entries[] = {
    { "stops", 0, 0, G_OPTION_ARG_FILENAME, &path,
      N_("A CSV of places: name with lat and lon, or with LKS-92 x and y; the first is the "
         "office, where the drive starts and ends"), N_("FILE") },
    { "road-factor", 0, 0, G_OPTION_ARG_DOUBLE, &road,
      N_("Roads are longer than the straight line by this (default 1.3)"), N_("F") },
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
  if (!g_file_get_contents (path, &data, &length, error)
      || (places = gad_route_stops_parse (data, length, error)) == NULL)
    return 1;
  office = g_ptr_array_index (places, 0);
  stops = g_new (GadGeoPoint, places->len);
  for (guint i = 1; i < places->len; i++)
    stops[i - 1] = ((GadRouteStop *) g_ptr_array_index (places, i))->point;
  route = gad_route_plan (office->point, office->point, stops, places->len - 1, road);
  g_print ("%3u  %s\n", 0, office->name);
  for (guint i = 0; i <= route->n_stops; i++)
    {
      GadRouteStop *stop = i < route->n_stops ? g_ptr_array_index (places, route->order[i] + 1)
                                              : office;
      g_autofree char *name = padded (stop->name, 40);
      char number[16] = "";

      if (i < route->n_stops)
        g_snprintf (number, sizeof number, "%u", i + 1);
      /* TRANSLATORS: a route's stop: its number, name, and the kilometres to it */
      g_print (_("%3s  %s %8.1f km\n"), number, name, route->legs_km[i]);
    }
  g_print (_("Total: %.1f km\n"), route->total_km);
  if (route->exact)
    g_print (_("The shortest order there is.\n"));
  else
    g_print (_("Lower bound: %.1f km (no order is shorter; this one is at most %.1f %% longer)\n"),
             route->bound_km, (route->total_km / route->bound_km - 1) * 100);
  return 0;
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
