/* gad-geo.c — where people live: LKS-92 and WGS 84, distances, Latvia's bounds
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LKS-92 / Latvia TM (EPSG:3059) is a transverse Mercator projection of the
 * GRS 80 ellipsoid: central meridian 24° E, scale 0.9996, false easting
 * 500 000 m, false northing −6 000 000 m. Latvian registers write x for the
 * northing and y for the easting, as here. The projection is computed with
 * Krüger's series to the sixth order in n (as Karney, "Transverse Mercator
 * with an accuracy of a few nanometers", 2011): well under a millimetre
 * anywhere in Latvia, both ways.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gad-geo.h"

G_DEFINE_QUARK (gad-geo-error-quark, gad_geo_error)

#define GRS80_A 6378137.0
#define GRS80_F (1 / 298.257222101)
#define K0 0.9996
#define LON0 24.0
#define FALSE_EASTING 500000.0
#define FALSE_NORTHING (-6000000.0)
#define EARTH_RADIUS_KM 6371.0088   /* the mean radius, IUGG */

/* Latvia and a margin: the state border lies within these. */
#define LAT_MIN 55.6
#define LAT_MAX 58.1
#define LON_MIN 20.9
#define LON_MAX 28.3

typedef struct
{
  double e;          /* the eccentricity */
  double scale;      /* k0 · A, the rectifying radius scaled */
  double alpha[7];   /* forward series, 1..6 */
  double beta[7];    /* reverse series, 1..6 */
} Series;

static const Series *
series (void)
{
  static Series s;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      double n = GRS80_F / (2 - GRS80_F), n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n;
      double n6 = n5 * n;

      s.e = sqrt (GRS80_F * (2 - GRS80_F));
      s.scale = K0 * GRS80_A / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
      s.alpha[1] = n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288
                   + 7891 * n6 / 37800;
      s.alpha[2] = 13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630
                   - 1983433 * n6 / 1935360;
      s.alpha[3] = 61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440;
      s.alpha[4] = 49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600;
      s.alpha[5] = 34729 * n5 / 80640 - 3418889 * n6 / 1995840;
      s.alpha[6] = 212378941 * n6 / 319334400;
      s.beta[1] = n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512
                  + 96199 * n6 / 604800;
      s.beta[2] = n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1118711 * n6 / 3870720;
      s.beta[3] = 17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720;
      s.beta[4] = 4397 * n4 / 161280 - 11 * n5 / 504 - 830251 * n6 / 7257600;
      s.beta[5] = 4583 * n5 / 161280 - 108847 * n6 / 3991680;
      s.beta[6] = 20648693 * n6 / 638668800;
      g_once_init_leave (&done, 1);
    }
  return &s;
}

static double
radians (double degrees)
{
  return degrees * G_PI / 180;
}

static double
degrees (double radians)
{
  return radians * 180 / G_PI;
}

/* @x northing and @y easting, in metres, of @point. */
void
gad_geo_to_lks92 (GadGeoPoint  point,
                  double      *x,
                  double      *y)
{
  const Series *s = series ();
  double phi = radians (point.lat), lambda = radians (point.lon - LON0);
  /* The conformal latitude's tangent. */
  double t = sinh (atanh (sin (phi)) - s->e * atanh (s->e * sin (phi)));
  double xi1 = atan2 (t, cos (lambda));
  double eta1 = atanh (sin (lambda) / sqrt (1 + t * t));
  double xi = xi1, eta = eta1;

  for (int j = 1; j <= 6; j++)
    {
      xi += s->alpha[j] * sin (2 * j * xi1) * cosh (2 * j * eta1);
      eta += s->alpha[j] * cos (2 * j * xi1) * sinh (2 * j * eta1);
    }
  *x = FALSE_NORTHING + s->scale * xi;
  *y = FALSE_EASTING + s->scale * eta;
}

/* The point whose LKS-92 northing is @x and easting @y. */
GadGeoPoint
gad_geo_from_lks92 (double x,
                    double y)
{
  const Series *s = series ();
  double xi = (x - FALSE_NORTHING) / s->scale, eta = (y - FALSE_EASTING) / s->scale;
  double xi1 = xi, eta1 = eta, tau1, tau, e2 = s->e * s->e;

  for (int j = 1; j <= 6; j++)
    {
      xi1 -= s->beta[j] * sin (2 * j * xi) * cosh (2 * j * eta);
      eta1 -= s->beta[j] * cos (2 * j * xi) * sinh (2 * j * eta);
    }
  /* The conformal latitude's tangent, then the latitude's by Newton's method. */
  tau1 = sin (xi1) / sqrt (sinh (eta1) * sinh (eta1) + cos (xi1) * cos (xi1));
  tau = tau1;
  for (int i = 0; i < 10; i++)
    {
      double sigma = sinh (s->e * atanh (s->e * tau / sqrt (1 + tau * tau)));
      double taui = tau * sqrt (1 + sigma * sigma) - sigma * sqrt (1 + tau * tau);
      double step = (tau1 - taui) / sqrt (1 + taui * taui)
                    * (1 + (1 - e2) * tau * tau) / ((1 - e2) * sqrt (1 + tau * tau));

      tau += step;
      if (fabs (step) < 1e-14)
        break;
    }
  return (GadGeoPoint) { degrees (atan (tau)), LON0 + degrees (atan2 (sinh (eta1), cos (xi1))) };
}

/* Along the ground (a great circle on a sphere of the Earth's mean radius). */
double
gad_geo_distance_km (GadGeoPoint a,
                     GadGeoPoint b)
{
  double dlat = radians (b.lat - a.lat), dlon = radians (b.lon - a.lon);
  double h = sin (dlat / 2) * sin (dlat / 2)
             + cos (radians (a.lat)) * cos (radians (b.lat)) * sin (dlon / 2) * sin (dlon / 2);

  return 2 * EARTH_RADIUS_KM * asin (MIN (1.0, sqrt (h)));
}

static gboolean
inside (double lat,
        double lon)
{
  return lat >= LAT_MIN && lat <= LAT_MAX && lon >= LON_MIN && lon <= LON_MAX;
}

/* A place in Latvia, or an error that says what is wrong: swapped latitude
 * and longitude (Latvia's ranges do not overlap), or somewhere else. */
gboolean
gad_geo_check (GadGeoPoint   point,
               GError      **error)
{
  if (inside (point.lat, point.lon))
    return TRUE;
  if (inside (point.lon, point.lat))
    g_set_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_SWAPPED,
                 _("Latitude %.6f and longitude %.6f look swapped: in Latvia the latitude is "
                   "55.6–58.1 and the longitude 20.9–28.3. Write them the other way round."),
                 point.lat, point.lon);
  else if (isfinite (point.lat) && isfinite (point.lon))
    g_set_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_OUTSIDE,
                 _("Latitude %.6f, longitude %.6f is not in Latvia. Check the coordinates."),
                 point.lat, point.lon);
  else
    g_set_error_literal (error, GAD_GEO_ERROR, GAD_GEO_ERROR_OUTSIDE,
                         _("The coordinates are not numbers. Check them."));
  return FALSE;
}

/* LKS-92 x (northing) and y (easting) of a place in Latvia: x and y the
 * wrong way round are caught where the swapped pair falls outside. */
gboolean
gad_geo_check_lks92 (double   x,
                     double   y,
                     GError **error)
{
  GadGeoPoint p = gad_geo_from_lks92 (x, y), q = gad_geo_from_lks92 (y, x);

  if (isfinite (x) && isfinite (y) && inside (p.lat, p.lon))
    return TRUE;
  if (isfinite (x) && isfinite (y) && inside (q.lat, q.lon))
    g_set_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_SWAPPED,
                 _("LKS-92 x %.2f and y %.2f look swapped: x is the northing (about 160 000 to "
                   "450 000 in Latvia) and y the easting (about 300 000 to 770 000)."),
                 x, y);
  else
    g_set_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_OUTSIDE,
                 _("LKS-92 x %.2f, y %.2f is not in Latvia. Check the coordinates."), x, y);
  return FALSE;
}

/**
 * gad_geo_parse:
 * @text: two numbers as a person types them: latitude and longitude in
 *   degrees ("56.9496, 24.1052"), or LKS-92 x and y in metres
 *   ("312345.67 506789.01"), a decimal comma allowed when a space or a
 *   semicolon parts them
 *
 * Returns: whether @text is a place in Latvia; @error says what is wrong
 */
gboolean
gad_geo_parse (const char   *text,
               GadGeoPoint  *point,
               GError      **error)
{
  g_autofree char *copy = g_strdelimit (g_strstrip (g_strdup (text)), ";\t", ' ');
  g_auto(GStrv) parts = NULL;
  double v[2];
  guint n = 0;

  /* "56.9, 24.1" and "56,9 24,1" part at the space, "56.9,24.1" at the comma. */
  parts = g_strsplit (copy, strchr (copy, ' ') ? " " : ",", -1);
  for (guint i = 0; parts[i] && n < 3; i++)
    {
      char *part = g_strstrip (parts[i]), *end = NULL;
      gsize len = strlen (part);

      if (len > 0 && part[len - 1] == ',')
        part[--len] = '\0';
      if (len == 0)
        continue;
      g_strdelimit (part, ",", '.');
      if (n < 2 && (v[n] = g_ascii_strtod (part, &end), end != part && *end == '\0')
          && isfinite (v[n]))
        n++;
      else
        n = 3;
    }
  if (n != 2 || (fabs (v[0]) > 180) != (fabs (v[1]) > 180))
    {
      g_set_error_literal (error, GAD_GEO_ERROR, GAD_GEO_ERROR_OUTSIDE,
                           _("Type the latitude and longitude in degrees (56.9496, 24.1052) or "
                             "the LKS-92 x and y in metres (312345.67 506789.01)."));
      return FALSE;
    }
  if (fabs (v[0]) <= 180 && fabs (v[1]) <= 180)
    {
      *point = (GadGeoPoint) { v[0], v[1] };
      return gad_geo_check (*point, error);
    }
  if (!gad_geo_check_lks92 (v[0], v[1], error))
    return FALSE;
  *point = gad_geo_from_lks92 (v[0], v[1]);
  return TRUE;
}

/**
 * gad_geo_address_key:
 *
 * An address as a key that matches the same address however it is written:
 * letters in one case, no quotation marks, no postal code, "pagasts" and
 * "novads" as the register abbreviates them, single spaces between words.
 * "„Ozoliņi“, Codes pagasts" and "\"Ozoliņi\", Codes pag., Bauskas nov.,
 * LV-3901" differ only in the county; the caller matches either way.
 */
char *
gad_geo_address_key (const char *address)
{
  g_autofree char *folded = g_utf8_casefold (address, -1);
  g_auto(GStrv) parts = g_strsplit (folded, ",", -1);
  GString *key = g_string_new (NULL);

  for (guint i = 0; parts[i]; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (parts[i], " \t\u00a0", -1);
      g_autoptr(GString) part = g_string_new (NULL);

      for (guint w = 0; words[w]; w++)
        {
          GString *word = g_string_new (NULL);

          for (const char *p = words[w]; *p; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);

              if (!g_utf8_strchr ("\"'„“”«»#", -1, c))
                g_string_append_unichar (word, c);
            }
          if (g_str_equal (word->str, "pagasts"))
            g_string_assign (word, "pag.");
          else if (g_str_equal (word->str, "novads"))
            g_string_assign (word, "nov.");
          if (word->len > 0)
            g_string_append_printf (part, "%s%s", part->len ? " " : "", word->str);
          g_string_free (word, TRUE);
        }
      if (part->len == 0 || (g_str_has_prefix (part->str, "lv-") && part->len == 7))
        continue;
      g_string_append_printf (key, "%s%s", key->len ? ", " : "", part->str);
    }
  return g_string_free (key, FALSE);
}
