/* gad-cli-route.c — gadiba-cli route (a day's, or a file's), and bench route
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gad-cli.h"
#include "gad-route-sheet.h"
#include "gad-remote.h"
#include "gad-route-stops.h"
#include "gad-schedule.h"
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

static gboolean
write_sheet (const GadRouteSheet  *sheet,
             const char           *out,
             GError              **error)
{
  g_autoptr(GBytes) pdf = gad_route_sheet_to_pdf (sheet, error);

  return pdf && g_file_set_contents (out, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                     error);
}

static void
print_route (const GadRouteSheet *sheet,
             const double        *at)
{
  const GadRoute *route = sheet->route;
  g_autofree char *total = gad_text_format_decimal (route->total_km, 1);

  g_print ("%3u  %s\n", 0, sheet->office->name);
  for (guint i = 0; i <= route->n_stops; i++)
    {
      GadRouteStop *stop = i < route->n_stops ? g_ptr_array_index (sheet->stops, route->order[i])
                                              : (GadRouteStop *) sheet->office;
      g_autofree char *name = padded (stop->name, 40);
      g_autofree char *km = gad_text_format_decimal (route->legs_km[i], 1);
      g_autofree char *time = at ? gad_minute_format ((int) at[i]) : g_strdup ("");
      char number[16] = "";

      if (i < route->n_stops)
        g_snprintf (number, sizeof number, "%u", i + 1);
      /* TRANSLATORS: a route's stop: its number, name, and the kilometres to it */
      g_print (_("%3s  %s %8s km"), number, name, km);
      if (*time)
        g_print ("  %s", time);
      if (stop->estimated)
        g_print ("  %s", _("(placed at the parish centre)"));
      if (stop->status && !g_str_equal (stop->status, "planned"))
        g_print ("  %s", g_str_equal (stop->status, "done") ? _("visited") : _("not visited"));
      g_print ("\n");
    }
  g_print (_("Total: %s km\n"), total);
  if (route->exact)
    g_print (_("The shortest order there is.\n"));
  else
    {
      g_autofree char *bound = gad_text_format_decimal (route->bound_km, 1);
      g_autofree char *over = gad_text_format_decimal ((route->total_km / route->bound_km - 1)
                                                       * 100, 1);

      g_print (_("Lower bound: %s km (no order is shorter; this one is at most %s %% longer)\n"),
               bound, over);
    }
}

/* route order: the visiting order of a CSV of places; the first is the
 * office, where the drive starts and ends. */
static int
route_order (const char  *path,
             double       road,
             const char  *format,
             const char  *out,
             int          start,
             GError     **error)
{
  g_autofree char *data = NULL, *title = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GadRoute) route = NULL;
  g_autoptr(GadRouteStop) office = NULL;
  GadRouteSheet sheet = { .start_minutes = start, .speed_kmh = GAD_ROUTE_SPEED_KMH,
                          .stop_minutes = GAD_ROUTE_STOP_MINUTES };
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error)
      || (places = gad_route_stops_parse (data, length, error)) == NULL)
    return 1;
  /* The stops as the route counts them: without the office. */
  office = g_ptr_array_steal_index (places, 0);
  route = gad_route_plan_stops (office, places, NULL, road);
  title = g_strdup_printf (_("Visits from %s"), office->name);
  sheet.title = title;
  sheet.office = office;
  sheet.stops = places;
  sheet.route = route;
  if (format && g_str_equal (format, "pdf"))
    return write_sheet (&sheet, out, error) ? 0 : 1;
  print_route (&sheet, NULL);
  return 0;
}

/* route --staff --date: the day's route in the schedule or, if there is
 * none, one made of the register's persons due by then (--save puts it in
 * the schedule). */
static int
route_day (gint64       staff,
           const char  *date,
           const char  *format,
           const char  *out,
           int          start,
           gboolean     save,
           const char  *override_reason,
           GError     **error)
{
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GadRouteStop) office = NULL;
  g_autoptr(GPtrArray) stops = NULL, parishes = NULL, centres = NULL;
  g_autoptr(GadRoute) route = NULL;
  g_autofree double *at = NULL;
  g_autofree char *iso = NULL, *title = NULL, *day = NULL;
  GadRouteSheet sheet = { .stop_minutes = GAD_ROUTE_STOP_MINUTES, .start_minutes = start };
  double road;
  GDate d;

  if (!gad_text_parse_date (date, &d))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Write the day as DD.MM.YYYY."));
      return 2;
    }
  iso = gad_text_iso_date (&d);
  if ((store = gad_cli_open_store (error)) == NULL
      || (office = gad_store_route_office (store, staff, error)) == NULL
      || (stops = gad_store_route_day (store, staff, iso, error)) == NULL)
    return 1;
  gad_store_route_settings (store, &road, &sheet.speed_kmh);
  if (stops->len > 0 && !save)
    {
      g_autofree guint *order = g_new (guint, stops->len);

      for (guint i = 0; i < stops->len; i++)
        order[i] = i;
      route = gad_route_plan_stops (office, stops, order, road);
      /* Leaving so as to be at the first stop on its time. */
      sheet.start_minutes = ((GadRouteStop *) g_ptr_array_index (stops, 0))->minute
                            - (int) ceil (route->legs_km[0] / sheet.speed_kmh * 60);
    }
  else
    {
      g_autoptr(GPtrArray) due = gad_store_remote_list (store, iso, error);
      guint n_left = 0;

      if (due == NULL)
        return 1;
      g_ptr_array_set_size (stops, 0);
      for (guint i = 0; i < due->len; i++)
        {
          GadRouteStop *stop = gad_remote_stop_new (g_ptr_array_index (due, i));

          if (stop)
            g_ptr_array_add (stops, stop);
          else
            n_left++;
        }
      if (n_left)
        g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                 "%u person due has no place and no parish centre: left out\n",
                                 "%u persons due have no place and no parish centre: left out\n",
                                 n_left), n_left);
      route = gad_route_plan_stops (office, stops, NULL, road);
    }
  day = gad_text_format_date (iso);
  /* TRANSLATORS: a route sheet's title: the day, and where it starts */
  title = g_strdup_printf (_("Visits on %s from %s"), day, office->name);
  sheet.title = title;
  sheet.office = office;
  sheet.stops = stops;
  sheet.route = route;
  parishes = gad_store_list_territories (store);
  centres = gad_route_sheet_centres (parishes);
  sheet.centres = centres;
  at = gad_route_arrivals (route, sheet.start_minutes, sheet.speed_kmh, sheet.stop_minutes);
  if (save)
    {
      g_autofree int *minutes = g_new (int, MAX (route->n_stops, 1));
      g_autoptr(GPtrArray) ordered = g_ptr_array_new ();

      for (guint i = 0; i < route->n_stops; i++)
        {
          g_ptr_array_add (ordered, g_ptr_array_index (stops, route->order[i]));
          minutes[i] = (int) at[i];
        }
      if (!gad_store_route_schedule (store, staff, iso, ordered, minutes, sheet.stop_minutes,
                                     override_reason, error))
        return 1;
    }
  if (format && g_str_equal (format, "pdf"))
    return write_sheet (&sheet, out, error) ? 0 : 1;
  print_route (&sheet, at);
  return 0;
}

int
gad_cli_route (int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *path = NULL, *format = NULL, *out = NULL, *start = NULL, *date = NULL;
  g_autofree char *reason = NULL;
  double road = GAD_ROUTE_ROAD_FACTOR;
  int minute = 8 * 60 + 30;
  gint64 staff = 0;
  gboolean save = FALSE;
  GOptionEntry entries[] = {
    { "stops", 0, 0, G_OPTION_ARG_FILENAME, &path,
      N_("A CSV of places: name with lat and lon, or with LKS-92 x and y; the first is the "
         "office, where the drive starts and ends"), N_("FILE") },
    { "road-factor", 0, 0, G_OPTION_ARG_DOUBLE, &road,
      N_("Roads are longer than the straight line by this (default 1.3)"), N_("F") },
    { "staff", 0, 0, G_OPTION_ARG_INT64, &staff, N_("Whose day: the staff member’s id"),
      N_("ID") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day"), N_("DATE") },
    { "save", 0, 0, G_OPTION_ARG_NONE, &save,
      N_("Put the route in the schedule, in place of the day’s visits not yet made"), NULL },
    { "override-reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the route is kept though it clashes with other entries"), N_("TEXT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("text (default), or pdf: the sheet for the car, with a map"), "text|pdf" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write the sheet to this file"), N_("FILE") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("Leaving the office at (default 08:30)"),
      N_("HH:MM") },
    { NULL }
  };
  gboolean order;

  if (!gad_cli_parse (entries, "[order]", _("A day’s visits in the order of the shortest drive: "
                                            "from the register and the schedule, or a file."),
                      &argc, &argv, error))
    return 2;
  order = argc == 2 && g_str_equal (argv[1], "order");
  if (argc > 2 || (argc == 2 && !order) || (order ? path == NULL : staff <= 0 || date == NULL)
      || road < 1 || road > 3)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Say route --staff ID --date DATE [--save], or route order --stops "
                             "FILE.csv, with a road factor from 1 to 3 if not 1.3."));
      return 2;
    }
  if ((format && !g_str_equal (format, "text") && !g_str_equal (format, "pdf"))
      || (format && g_str_equal (format, "pdf") && out == NULL)
      || (start && !gad_minute_parse (start, &minute)))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--format is text or pdf (pdf with --out FILE), --start a time such "
                             "as 08:30."));
      return 2;
    }
  if (order)
    return route_order (path, road, format, out, minute, error);
  return route_day (staff, date, format, out, minute, save, reason, error);
}

/* The map of a day in a window's size, drawn again and again (goal: 16 ms,
 * a frame). */
static void
bench_map (GadGeoPoint        office,
           const GadGeoPoint *points,
           const GadRoute    *route)
{
  g_autoptr(GPtrArray) stops = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_route_stop_free);
  g_autoptr(GPtrArray) centres = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_route_stop_free);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GadRouteStop home = { .name = (char *) "office", .point = office };
  GadRouteSheet sheet = { .title = "", .office = &home, .stops = stops, .centres = centres,
                          .route = route, .start_minutes = 8 * 60,
                          .speed_kmh = GAD_ROUTE_SPEED_KMH, .stop_minutes = GAD_ROUTE_STOP_MINUTES };

  /* A county's dozen parish centres, named, as the window draws them. */
  for (guint i = 0; i < 12; i++)
    {
      GadRouteStop *centre = g_new0 (GadRouteStop, 1);

      centre->name = g_strdup_printf ("Pagasts %u", i + 1);
      centre->point = (GadGeoPoint) { 56.3 + 0.05 * (i % 4 * 3 % 4) + 0.15 * (i / 4),
                                      25.0 + 0.3 * (i % 4) };
      g_ptr_array_add (centres, centre);
    }
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
  g_print ("  map of %u stops and 12 parish centres, 800 × 600  median %7.2f ms   p95 %7.2f ms   "
           "(goal ≤ 16 ms)\n",
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
