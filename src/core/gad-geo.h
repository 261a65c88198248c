/* gad-geo.h — where people live: LKS-92 and WGS 84, distances, Latvia's bounds
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GAD_GEO_ERROR (gad_geo_error_quark ())

typedef enum
{
  GAD_GEO_ERROR_OUTSIDE,   /* not in Latvia */
  GAD_GEO_ERROR_SWAPPED,   /* latitude and longitude (or x and y) the wrong way round */
  GAD_GEO_ERROR_FILE,      /* a list of places that cannot be read */
} GadGeoError;

/* A place on the ground, WGS 84 (= LKS-92's ETRS89 to a few centimetres). */
typedef struct
{
  double lat;
  double lon;
} GadGeoPoint;

GQuark   gad_geo_error_quark    (void);
void     gad_geo_to_lks92       (GadGeoPoint  point,
                                 double      *x,
                                 double      *y);
GadGeoPoint gad_geo_from_lks92  (double       x,
                                 double       y);
double   gad_geo_distance_km    (GadGeoPoint  a,
                                 GadGeoPoint  b);
gboolean gad_geo_check          (GadGeoPoint  point,
                                 GError     **error);
gboolean gad_geo_check_lks92    (double       x,
                                 double       y,
                                 GError     **error);
gboolean gad_geo_parse          (const char  *text,
                                 GadGeoPoint *point,
                                 GError     **error);
char    *gad_geo_address_key    (const char  *address);

G_END_DECLS
