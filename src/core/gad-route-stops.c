/* gad-route-stops.c — a list of places to visit, read from CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A header row names the columns: the name ("name" or "nosaukums"), and
 * either WGS 84 "lat" and "lon" (or "platums" and "garums") in degrees or
 * LKS-92 "x" (the northing) and "y" (the easting) in metres, as the state
 * address register publishes them; "address" ("adrese") and "phone"
 * ("tālrunis") if there are. The state address register's open data
 * (its full address STD, KOORD_X and KOORD_Y, DD_N and DD_E, every field
 * between '#') reads as such a list, the address as the name. Commas or
 * semicolons; a decimal point or comma. A file with a bad row gives no list: the error names every bad
 * row and what is wrong with it.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "gad-csv.h"
#include "gad-route-stops.h"

enum { NAME, LAT, LON, X, Y, ADDRESS, PHONE, N_COLUMNS };

void
gad_route_stop_free (GadRouteStop *stop)
{
  g_free (stop->name);
  g_free (stop->address);
  g_free (stop->phone);
  g_free (stop->status);
  g_free (stop->risks);
  g_free (stop);
}

static int
column_of (const char *header)
{
  static const char *names[][3] = {
    { "name", "nosaukums", "std" }, { "lat", "platums", "dd_n" }, { "lon", "garums", "dd_e" },
    { "x", "x", "koord_x" }, { "y", "y", "koord_y" }, { "address", "adrese", "adrese" },
    { "phone", "tālrunis", "tālrunis" },
  };
  g_autofree char *text = g_utf8_strdown (g_strstrip (g_strdup (header)), -1);

  for (int c = 0; c < N_COLUMNS; c++)
    for (int k = 0; k < 3; k++)
      if (g_str_equal (text, names[c][k]))
        return c;
  return -1;
}

static gboolean
number (const char *text,
        double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdelimit (g_strdup (text), ",", '.'));
  char *end = NULL;

  *value = g_ascii_strtod (copy, &end);
  return *copy && end && *end == '\0' && isfinite (*value);
}

GPtrArray *
gad_route_stops_parse (const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(GadCsv) csv = gad_csv_parse (data, length, error);
  g_autoptr(GPtrArray) stops = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_route_stop_free);
  g_autoptr(GString) bad = g_string_new (NULL);
  int at[N_COLUMNS] = { -1, -1, -1, -1, -1, -1, -1 };
  gboolean lks;
  guint n_bad = 0;
  GStrv header;

  if (csv == NULL)
    return NULL;
  if (csv->rows->len < 2)
    {
      g_set_error_literal (error, GAD_GEO_ERROR, GAD_GEO_ERROR_FILE,
                           _("The file has no places: a header row (name, lat, lon or name, x, "
                             "y) and a row for each place are needed."));
      return NULL;
    }
  header = g_ptr_array_index (csv->rows, 0);
  for (int i = 0; header[i]; i++)
    if (column_of (header[i]) >= 0)
      at[column_of (header[i])] = i;
  lks = at[LAT] < 0 && at[LON] < 0 && at[X] >= 0 && at[Y] >= 0;
  if (at[NAME] < 0 || (!lks && (at[LAT] < 0 || at[LON] < 0)))
    {
      g_set_error_literal (error, GAD_GEO_ERROR, GAD_GEO_ERROR_FILE,
                           _("The header row must name the columns name, lat and lon (WGS 84 "
                             "degrees) or name, x and y (LKS-92 metres)."));
      return NULL;
    }
  for (guint r = 1; r < csv->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (csv->rows, r);
      guint line = g_array_index (csv->lines, guint, r), width = g_strv_length (row);
      int first = lks ? at[X] : at[LAT], second = lks ? at[Y] : at[LON];
      g_autoptr(GError) wrong = NULL;
      double a, b;
      GadRouteStop *stop;

      if ((guint) MAX (MAX (first, second), at[NAME]) >= width
          || !*g_strstrip (row[at[NAME]]) || !number (row[first], &a) || !number (row[second], &b))
        g_set_error_literal (&wrong, GAD_GEO_ERROR, GAD_GEO_ERROR_FILE,
                             _("a name and two numbers are needed"));
      else if (lks ? !gad_geo_check_lks92 (a, b, &wrong)
                   : !gad_geo_check ((GadGeoPoint) { a, b }, &wrong))
        ;
      else
        {
          stop = g_new0 (GadRouteStop, 1);
          stop->name = g_strdup (row[at[NAME]]);
          if (at[ADDRESS] >= 0 && (guint) at[ADDRESS] < width && *row[at[ADDRESS]])
            stop->address = g_strdup (row[at[ADDRESS]]);
          if (at[PHONE] >= 0 && (guint) at[PHONE] < width && *row[at[PHONE]])
            stop->phone = g_strdup (row[at[PHONE]]);
          stop->point = lks ? gad_geo_from_lks92 (a, b) : (GadGeoPoint) { a, b };
          g_ptr_array_add (stops, stop);
          continue;
        }
      n_bad++;
      /* TRANSLATORS: a bad row of a file of places: its line, and what is wrong */
      g_string_append_printf (bad, _("\nline %u: %s"), line, wrong->message);
    }
  if (n_bad > 0)
    {
      g_set_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_FILE,
                   g_dngettext (GETTEXT_PACKAGE, "%u row is wrong; nothing was read:%s",
                                "%u rows are wrong; nothing was read:%s", n_bad),
                   n_bad, bad->str);
      return NULL;
    }
  return g_steal_pointer (&stops);
}

/**
 * gad_route_plan_stops:
 * @stops: (element-type GadRouteStop): the stops, as the route counts them
 * @order: (nullable): the visiting order to measure; %NULL finds the best
 *
 * Returns: (transfer full): a round trip from @office through @stops
 */
GadRoute *
gad_route_plan_stops (const GadRouteStop *office,
                      GPtrArray          *stops,
                      const guint        *order,
                      double              road_factor)
{
  g_autofree GadGeoPoint *points = g_new (GadGeoPoint, MAX (stops->len, 1));

  for (guint i = 0; i < stops->len; i++)
    points[i] = ((GadRouteStop *) g_ptr_array_index (stops, i))->point;
  if (order)
    return gad_route_measure (office->point, office->point, points, order, stops->len,
                              road_factor);
  return gad_route_plan (office->point, office->point, points, stops->len, road_factor);
}
