/* gad-demo-remote.c — the demo county's farmsteads on the map, and its
 * register of lone pensioners there
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parishes' centres are about where the real ones are; a farmstead is
 * 1.5 to 9 km from its parish's centre in any direction, and its name is
 * the parish's own. The places and names come from their own random
 * numbers, so the rest of the county stays as it was. Some of those the rules propose are on the register, some visited.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <math.h>

#include "gad-demo-private.h"
#include "gad-remote.h"
#include "gad-schedule.h"
#include "gad-store-private.h"
#include "gad-text.h"

#define REGISTERED 120   /* at most, on the register */

/* Where each demo parish's centre is, as gad-demo.c lists them. */
static const GadGeoPoint centres[] = {
  { 56.3397, 24.4731 }, { 56.3820, 24.1586 }, { 56.4567, 24.1372 }, { 56.4960, 24.3060 },
  { 56.3036, 24.0500 }, { 56.3886, 24.2560 }, { 56.4440, 24.0510 }, { 56.4145, 24.0240 },
  { 56.3380, 23.9790 }, { 56.5220, 24.4820 }, { 56.3100, 23.8700 }, { 56.4079, 24.1934 },
};

/* A farmstead's name: @stem, or a younger, older, lower … farm of it
 * ("Jaunkalnieši", "Mazie Kalnieši"), as farms were divided. */
static char *
farm_name (const char *stem,
           guint       prefix)
{
  static const char *prefixes[] = {
    "", "Jaun", "Vec", "Lejas", "Augš", "Mazie ", "Lielie ", "Vidus", "Ziemeļ", "Rīt", "Riet",
    "Kalna",
  };
  const char *p = prefixes[prefix % G_N_ELEMENTS (prefixes)];
  g_autofree char *first = NULL;

  if (*p == '\0' || g_str_has_suffix (p, " "))
    return g_strconcat (p, stem, NULL);
  first = g_utf8_strdown (stem, g_utf8_next_char (stem) - stem);
  return g_strconcat (p, first, g_utf8_next_char (stem), NULL);
}

/**
 * gad_demo_place_farmstead:
 * @stem: the farm's name as the county's random numbers chose it
 *
 * Returns: (transfer full): the address of a farmstead in the parish, one
 *   not yet used there if a few tries find one, placed 1.5 to 9 km from
 *   the parish's centre the first time it is seen
 */
char *
gad_demo_place_farmstead (Demo       *demo,
                          guint       territory_index,
                          const char *stem,
                          const char *parish)
{
  GadGeoPoint c = centres[territory_index % G_N_ELEMENTS (centres)];
  char *address = NULL;
  double km, bearing;
  GadRouteStop *place;

  for (guint tries = 0; tries < 8; tries++)
    {
      g_autofree char *name = farm_name (stem, g_rand_int (demo->places_rand));

      g_free (address);
      address = g_strdup_printf ("„%s“, %s", name, parish);
      if (!g_hash_table_contains (demo->placed, address))
        break;
    }
  if (g_hash_table_contains (demo->placed, address))
    return address;
  km = g_rand_double_range (demo->places_rand, 1.5, 9);
  bearing = g_rand_double_range (demo->places_rand, 0, 2 * G_PI);
  place = g_new0 (GadRouteStop, 1);
  place->name = g_strdup (address);
  place->point = (GadGeoPoint) { c.lat + km * cos (bearing) / 111.2,
                                 c.lon + km * sin (bearing) / (111.2 * cos (c.lat * G_PI / 180)) };
  g_hash_table_insert (demo->placed, place->name, place);
  return address;
}

static gboolean
add_register (Demo    *demo,
              GError **error)
{
  g_autoptr(GPtrArray) proposed = gad_store_remote_proposals (demo->store, error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);
  const char *const *risks = gad_remote_risks ();
  g_autofree char *today = gad_text_today_iso ();

  if (proposed == NULL)
    return FALSE;
  /* Every few of them, by parish: the register spans the county. */
  for (guint i = 0, n = 0; i < proposed->len && n < REGISTERED;
       i += MAX (2, proposed->len / REGISTERED), n++)
    {
      GadRemotePerson *r = g_ptr_array_index (proposed, i);
      g_autoptr(GString) found = g_string_new (NULL);
      g_autofree char *day = gad_date_add_days (today, -g_rand_int_range (rand, 20, 130));
      int roll = g_rand_int_range (rand, 0, 10);

      if (!gad_store_remote_add (demo->store, r->person_id, NULL, GAD_REMOTE_INTERVAL_MONTHS,
                                 error))
        return FALSE;
      if (roll >= 7)
        continue;   /* not visited yet: due now */
      for (guint k = 0; risks[k]; k++)
        if (g_rand_int_range (rand, 0, 6) == 0)
          g_string_append_printf (found, "%s%s", found->len ? "," : "", risks[k]);
      if (!gad_store_remote_visit (demo->store, r->person_id, day,
                                   roll == 6 ? "not-home" : "visited", found->str,
                                   FALSE, error))
        return FALSE;
    }
  return TRUE;
}

/* The parishes' centres, the farmsteads' places, the register and a
 * mobile care unit to drive to them. */
gboolean
gad_demo_add_remote (Demo    *demo,
                     GError **error)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer place;
  gboolean ok;
  GadStaff unit = { 0, (char *) "Mobilā aprūpes vienība", (char *) "Mobilā aprūpes vienība",
                    (char *) "Aprūpes un sociālās rehabilitācijas nodaļa",
                    g_array_index (demo->territories, gint64, demo->territories->len - 1) };

  g_hash_table_iter_init (&iter, demo->placed);
  while (g_hash_table_iter_next (&iter, NULL, &place))
    g_ptr_array_add (places, place);
  for (guint i = 0; i < demo->territories->len; i++)
    if (!gad_store_set_parish_centre (demo->store, g_array_index (demo->territories, gint64, i),
                                      &centres[i % G_N_ELEMENTS (centres)], error))
      return FALSE;
  if (gad_store_import_places (demo->store, places, NULL, NULL, NULL, error) == G_MAXUINT)
    return FALSE;
  /* A social worker keeps the register and makes the visits. */
  gad_store_act_for_staff (demo->store, demo->worker);
  ok = add_register (demo, error);
  gad_store_act_as_system (demo->store, "demo");
  return ok && gad_store_add_staff (demo->store, &unit, error) > 0;
}
