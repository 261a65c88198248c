/* test-route.c — coordinates (LKS-92 and WGS 84) and the order of a day's visits
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <poppler.h>

#include "gad-geo.h"
#include "gad-route.h"
#include "gad-route-sheet.h"
#include "gad-route-stops.h"
#include "gad-test-util.h"
#include "gad-text.h"

/* Reference points: WGS 84 degrees and their LKS-92 x (northing) and y
 * (easting) in metres, as PROJ 9.1 converts them (EPSG:4326 → EPSG:3059):
 * Riga, Daugavpils, Liepāja, Ventspils, Rēzekne, Valka, the east border,
 * the south border and the north of Latvia. */
static const struct
{
  double lat, lon, x, y;
} references[] = {
  { 56.949600, 24.105200, 311780.5749, 506399.3118 },
  { 55.874700, 26.536200, 195042.0303, 658669.4500 },
  { 56.504700, 21.010800, 266256.9183, 316039.5643 },
  { 57.394200, 21.564700, 363888.5450, 353646.8945 },
  { 56.510000, 27.330000, 267811.5462, 704896.4733 },
  { 57.775800, 26.015800, 405534.0957, 619885.4992 },
  { 56.160000, 28.240000, 231983.9585, 763254.6699 },
  { 55.675000, 26.600000, 172973.3419, 663494.0568 },
  { 58.085000, 25.000000, 438610.3548, 558967.7554 },
};

static void
test_lks92 (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      GadGeoPoint p = { references[i].lat, references[i].lon }, back;
      double x, y;

      gad_geo_to_lks92 (p, &x, &y);
      /* PROJ's figures are rounded to 0.1 mm. */
      g_assert_cmpfloat_with_epsilon (x, references[i].x, 1e-4);
      g_assert_cmpfloat_with_epsilon (y, references[i].y, 1e-4);
      back = gad_geo_from_lks92 (references[i].x, references[i].y);
      /* 1e-9° is about 0.1 mm. */
      g_assert_cmpfloat_with_epsilon (back.lat, p.lat, 1e-9);
      g_assert_cmpfloat_with_epsilon (back.lon, p.lon, 1e-9);
    }
}

/* Random places in Latvia there and back: the same place within 0.01 mm. */
static void
test_lks92_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 10000; i++)
    {
      GadGeoPoint p = { g_rand_double_range (rand, 55.6, 58.1),
                        g_rand_double_range (rand, 20.9, 28.3) }, back;
      double x, y;

      gad_geo_to_lks92 (p, &x, &y);
      back = gad_geo_from_lks92 (x, y);
      g_assert_cmpfloat (gad_geo_distance_km (p, back), <, 1e-8);
    }
}

static void
test_distance (void)
{
  GadGeoPoint riga = { 56.9496, 24.1052 }, daugavpils = { 55.8747, 26.5362 };
  double x1, y1, x2, y2, km = gad_geo_distance_km (riga, daugavpils);

  /* Along the ground about the same as on the plane of the projection
   * (its scale is within 0.04 % of 1 in Latvia). */
  gad_geo_to_lks92 (riga, &x1, &y1);
  gad_geo_to_lks92 (daugavpils, &x2, &y2);
  g_assert_cmpfloat_with_epsilon (km, hypot (x2 - x1, y2 - y1) / 1000, km * 0.004);
  /* A degree of a meridian on the sphere of the mean radius is 111.195 km. */
  g_assert_cmpfloat_with_epsilon (gad_geo_distance_km ((GadGeoPoint) { 56.0, 24.0 },
                                                       (GadGeoPoint) { 57.0, 24.0 }),
                                  6371.0088 * G_PI / 180, 1e-9);
  g_assert_cmpfloat (gad_geo_distance_km (riga, riga), ==, 0);
}

static void
test_check (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gad_geo_check ((GadGeoPoint) { 56.9496, 24.1052 }, NULL));
  g_assert_false (gad_geo_check ((GadGeoPoint) { 24.1052, 56.9496 }, &error));
  g_assert_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_SWAPPED);
  g_clear_error (&error);
  /* Vilnius, and nothing at all. */
  g_assert_false (gad_geo_check ((GadGeoPoint) { 54.6872, 25.2797 }, &error));
  g_assert_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_OUTSIDE);
  g_clear_error (&error);
  g_assert_false (gad_geo_check ((GadGeoPoint) { NAN, 24.0 }, &error));
  g_assert_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_OUTSIDE);
  g_clear_error (&error);

  g_assert_true (gad_geo_check_lks92 (311780.57, 506399.31, NULL));
  /* Liepāja's x and y swapped falls outside: said as swapped. */
  g_assert_false (gad_geo_check_lks92 (316039.56, 266256.92, &error));
  g_assert_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_SWAPPED);
  g_clear_error (&error);
  g_assert_false (gad_geo_check_lks92 (6311780.57, 506399.31, &error));
  g_assert_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_OUTSIDE);
}

/* Farmsteads scattered around a parish (as the demo's). */
static GadGeoPoint *
scatter (GRand *rand,
         guint  n)
{
  GadGeoPoint *p = g_new (GadGeoPoint, n);

  for (guint i = 0; i < n; i++)
    p[i] = (GadGeoPoint) { g_rand_double_range (rand, 56.3, 56.9),
                           g_rand_double_range (rand, 25.0, 26.2) };
  return p;
}

/* The shortest of all orders, tried one by one over distances of its own:
 * @d holds them between the start (0), the stops (1..n) and the end (n + 1). */
static double
brute_force (const double *d,
             guint        *order,
             guint         n,
             guint         at)
{
  double best = INFINITY;

  if (at == n)
    {
      double total = d[0 * (n + 2) + (n ? order[0] + 1 : n + 1)];

      for (guint i = 0; i + 1 < n; i++)
        total += d[(order[i] + 1) * (n + 2) + order[i + 1] + 1];
      if (n)
        total += d[(order[n - 1] + 1) * (n + 2) + n + 1];
      return total;
    }
  for (guint i = at; i < n; i++)
    {
      guint t = order[at];

      order[at] = order[i];
      order[i] = t;
      best = MIN (best, brute_force (d, order, n, at + 1));
      order[i] = order[at];
      order[at] = t;
    }
  return best;
}

static double *
distances (GadGeoPoint        start,
           GadGeoPoint        end,
           const GadGeoPoint *stops,
           guint              n,
           double             road)
{
  double *d = g_new (double, (n + 2) * (n + 2));

  for (guint i = 0; i < n + 2; i++)
    for (guint j = 0; j < n + 2; j++)
      d[i * (n + 2) + j] = road * gad_geo_distance_km (i == 0 ? start : i == n + 1 ? end
                                                                        : stops[i - 1],
                                                      j == 0 ? start : j == n + 1 ? end
                                                                        : stops[j - 1]);
  return d;
}

/* Up to the exact size the order is the best of all orders, on random
 * days; the lower bound is never above it. */
static void
test_exact (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);

  for (guint n = 0; n <= 8; n++)
    for (guint day = 0; day < (n < 8 ? 6 : 2); day++)
      {
        g_autofree GadGeoPoint *stops = scatter (rand, n);
        g_autofree GadGeoPoint *ends = scatter (rand, 2);
        g_autofree guint *order = g_new (guint, MAX (n, 1));
        GadGeoPoint end = day % 2 ? ends[1] : ends[0];
        g_autoptr(GadRoute) route = gad_route_plan (ends[0], end, stops, n, 1.3);
        g_autofree double *d = distances (ends[0], end, stops, n, 1.3);
        g_autofree gboolean *seen = g_new0 (gboolean, MAX (n, 1));
        double best;

        for (guint i = 0; i < n; i++)
          order[i] = i;
        best = brute_force (d, order, n, 0);
        g_assert_true (route->exact);
        g_assert_cmpuint (route->n_stops, ==, n);
        g_assert_cmpfloat_with_epsilon (route->total_km, best, 1e-6);
        /* Every stop once. */
        for (guint i = 0; i < n; i++)
          {
            g_assert_false (seen[route->order[i]]);
            seen[route->order[i]] = TRUE;
          }
        /* The legs add up, and measuring the order gives the same. */
        {
          g_autoptr(GadRoute) again = gad_route_measure (ends[0], end, stops, route->order, n,
                                                         1.3);
          double sum = 0;

          for (guint i = 0; i <= n; i++)
            sum += route->legs_km[i];
          g_assert_cmpfloat_with_epsilon (sum, route->total_km, 1e-9);
          g_assert_cmpfloat_with_epsilon (again->total_km, route->total_km, 1e-9);
        }
      }
}

/* Beyond the exact size: within 10 % of the lower bound. */
static void
test_heuristic (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (guint n = 11; n <= 80; n += 23)
    {
      g_autofree GadGeoPoint *stops = scatter (rand, n);
      GadGeoPoint office = { 56.6, 25.6 };
      g_autoptr(GadRoute) route = gad_route_plan (office, office, stops, n, 1.3);

      g_assert_false (route->exact);
      g_assert_cmpfloat (route->bound_km, >, 0);
      g_assert_cmpfloat (route->bound_km, <=, route->total_km + 1e-9);
      g_assert_cmpfloat (route->total_km, <=, 1.10 * route->bound_km);
    }
}

/* The bound is a bound: never above the optimum, on days whose optimum is
 * known — ten stops and an eleventh where the route ends. The heuristic
 * finds no shorter order than the exact one either. */
static void
test_bound_below_optimum (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint day = 0; day < 20; day++)
    {
      g_autofree GadGeoPoint *stops = scatter (rand, 10);
      g_autofree GadGeoPoint *ends = scatter (rand, 2);
      g_autoptr(GadRoute) best = gad_route_plan (ends[0], ends[day % 2], stops, 10, 1.3);
      g_autofree GadGeoPoint *more = g_new (GadGeoPoint, 11);
      g_autoptr(GadRoute) heuristic = NULL;

      /* Eleven stops, the eleventh at the end itself: the same optimum. */
      memcpy (more, stops, 10 * sizeof (GadGeoPoint));
      more[10] = ends[day % 2];
      heuristic = gad_route_plan (ends[0], ends[day % 2], more, 11, 1.3);
      g_assert_cmpfloat (heuristic->bound_km, <=, best->total_km + 1e-6);
      g_assert_cmpfloat (heuristic->total_km, >=, best->total_km - 1e-6);
    }
}

static GPtrArray *
read_stops (const char *name)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *stops = gad_test_read_places (name, &error);

  g_assert_no_error (error);
  return stops;
}

/* A parish's farmsteads in LKS-92 from a CSV with semicolons and decimal
 * commas; a file with bad rows names each and gives nothing. */
static void
test_stops_file (void)
{
  g_autoptr(GPtrArray) stops = read_stops ("route-stops.csv");
  g_autofree char *path = g_build_filename (g_getenv ("GADIBA_TEST_DATA"), "route-stops-bad.csv",
                                            NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  GadRouteStop *office;
  gsize length;

  g_assert_cmpuint (stops->len, ==, 13);
  office = g_ptr_array_index (stops, 0);
  g_assert_cmpstr (office->name, ==, "Pagasta pārvalde");
  /* PROJ's point for 56.6° N 25.6° E, converted back. */
  g_assert_cmpfloat_with_epsilon (office->point.lat, 56.6, 1e-7);
  g_assert_cmpfloat_with_epsilon (office->point.lon, 25.6, 1e-7);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_null (gad_route_stops_parse (data, length, &error));
  g_assert_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "line 4: "));
  g_assert_nonnull (strstr (error->message, "line 5: "));
  g_assert_nonnull (strstr (error->message, "line 6: "));
  g_assert_null (strstr (error->message, "line 3: "));
}

/* The sheet for the car read back: every stop in the visiting order with
 * its distance and arrival, the totals; the map drawn where the stops are. */
static void
test_sheet (void)
{
  g_autoptr(GPtrArray) stops = read_stops ("route-stops.csv");
  GadRouteStop *office = g_ptr_array_steal_index (stops, 0);
  g_autofree GadGeoPoint *points = g_new (GadGeoPoint, stops->len);
  g_autoptr(GadRoute) route = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  PopplerDocument *doc;
  GadRouteSheet sheet = { .title = "Apsekojumi", .office = office, .stops = stops,
                          .start_minutes = 8 * 60 + 30, .speed_kmh = 50, .stop_minutes = 30 };
  const char *last = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  for (guint i = 0; i < stops->len; i++)
    points[i] = ((GadRouteStop *) g_ptr_array_index (stops, i))->point;
  route = gad_route_plan (office->point, office->point, points, stops->len, 1.3);
  sheet.route = route;
  pdf = gad_route_sheet_to_pdf (&sheet, &error);
  g_assert_no_error (error);
  doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);

      g_string_append (text, t);
      g_object_unref (page);
    }
  g_object_unref (doc);
  /* The stops in the route's order, each after the one before. */
  for (guint i = 0; i < route->n_stops; i++)
    {
      const char *name = ((GadRouteStop *) g_ptr_array_index (stops, route->order[i]))->name;
      const char *at = strstr (last ? last : text->str, name);
      g_autofree char *km = gad_text_format_decimal (route->legs_km[i], 1);

      g_assert_nonnull (at);
      g_assert_nonnull (strstr (at, km));
      last = at;
    }
  {
    g_autofree char *km = gad_text_format_decimal (route->total_km, 1);
    g_autofree char *total = g_strdup_printf ("Total %s km", km);
    g_assert_nonnull (strstr (text->str, total));
    g_assert_nonnull (strstr (text->str, "08:30"));
  }

  /* The map: the office's square dark in the middle of where it belongs,
   * the corners empty. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 400);
  cr = cairo_create (surface);
  gad_route_map_draw (cr, 600, 400, &sheet);
  cairo_surface_flush (surface);
  {
    guint32 *pixels = (guint32 *) cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface) / 4;
    guint dark = 0;

    for (int y = 0; y < 400; y++)
      for (int x = 0; x < 600; x++)
        dark += (pixels[y * stride + x] & 0xff) < 0x60;
    /* The office square (14 × 14) and the scale bar and north at least. */
    g_assert_cmpuint (dark, >, 196);
    /* Near a corner: the map's light ground, nothing drawn. */
    g_assert_cmpuint (pixels[5 * stride + 5] & 0xff, >, 0xe0);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  gad_route_stop_free (office);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/geo/lks92", test_lks92);
  g_test_add_func ("/geo/lks92-round-trip", test_lks92_round_trip);
  g_test_add_func ("/geo/distance", test_distance);
  g_test_add_func ("/geo/check", test_check);
  g_test_add_func ("/route/exact", test_exact);
  g_test_add_func ("/route/heuristic", test_heuristic);
  g_test_add_func ("/route/bound", test_bound_below_optimum);
  g_test_add_func ("/route/stops-file", test_stops_file);
  g_test_add_func ("/route/sheet", test_sheet);
  return g_test_run ();
}
