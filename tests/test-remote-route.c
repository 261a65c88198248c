/* test-remote-route.c — where people live, and a day's route in the schedule
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On both engines (a server with GADIBA_TEST_SERVER), signed in as the
 * roles that do the work: coordinates typed and imported from the state
 * address register's open data (all or nothing), parish centres; a route
 * from the register into the schedule, its clashes, and visits that mark
 * its stops.
 */
#include "config.h"

#include <math.h>

#include "gad-personal-code.h"
#include "gad-remote.h"
#include "gad-test-util.h"
#include "gad-text.h"

static gint64
person (GadStore   *store,
        const char *prefix,
        const char *last,
        const char *address)
{
  for (int z = 0; z <= 9; z++)
    {
      g_autofree char *code = g_strdup_printf ("%.6s-%.4s%d", prefix, prefix + 6, z);
      char digits[12];
      GDate birth;

      if (gad_personal_code_parse (code, digits, &birth, NULL))
        {
          g_autoptr(GadPerson) p = g_object_new (GAD_TYPE_PERSON, "code", code, "last-name", last,
                                                 "first-name", "Anna", "address", address, NULL);
          g_autoptr(GError) error = NULL;
          gint64 id = gad_store_insert_person (store, p, &error);

          g_assert_no_error (error);
          return id;
        }
    }
  g_assert_not_reached ();
}


static char *
place_of (const char *path,
          gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (place_source, 'none') || ' '"
                                          " || coalesce (CAST (round (lat * 1e6) AS BIGINT), 0) || ' '"
                                          " || coalesce (CAST (round (lon * 1e6) AS BIGINT), 0)"
                                          " FROM persons WHERE id = %" G_GINT64_FORMAT, id);

  return gad_test_sql_text (path, sql);
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL;
  GadGeoPoint p;

  g_assert_true (gad_geo_parse ("56.9496, 24.1052", &p, &error));
  g_assert_cmpfloat_with_epsilon (p.lat, 56.9496, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.lon, 24.1052, 1e-9);
  g_assert_true (gad_geo_parse ("56,9496 24,1052", &p, &error));
  g_assert_cmpfloat_with_epsilon (p.lon, 24.1052, 1e-9);
  g_assert_true (gad_geo_parse ("56.9496,24.1052", &p, &error));
  g_assert_true (gad_geo_parse ("312345.67 506789.01", &p, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (p.lat, >, 56.5);
  g_assert_cmpfloat (p.lat, <, 57.5);
  g_assert_false (gad_geo_parse ("24.1052, 56.9496", &p, &error));
  g_assert_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_SWAPPED);
  g_clear_error (&error);
  g_assert_false (gad_geo_parse ("59.9, 30.3", &p, &error));
  g_assert_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_OUTSIDE);
  g_clear_error (&error);
  g_assert_false (gad_geo_parse ("Ozoliņi", &p, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (gad_geo_parse ("56.9 24.1 3", &p, &error));
  g_clear_error (&error);

  /* The registry's short address is the register's without the county. */
  a = gad_geo_address_key ("„Ozoliņi“,  Ābeļu pagasts");
  b = gad_geo_address_key ("\"Ozoliņi\", Ābeļu pag., Bauskas nov., LV-3901");
  g_assert_cmpstr (a, ==, "ozoliņi, ābeļu pag.");
  g_assert_cmpstr (b, ==, "ozoliņi, ābeļu pag., bauskas nov.");
}

static void
test_places (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) worker = gad_test_store_as (GAD_ROLE_SOCIAL_WORKER, &path);
  g_autoptr(GPtrArray) places = gad_test_read_places ("vzd-addresses.csv", NULL);
  g_autoptr(GError) error = NULL;
  GadGeoPoint typed = { 56.41, 24.31 };
  gint64 ozolini, kalniesi, lejas, skola, unknown;
  char *text;

  g_assert_nonnull (places);
  g_assert_cmpuint (places->len, ==, 5);
  ozolini = person (worker, "0303401234", "Kalniņa", "„Ozoliņi”, Ābeļu pagasts");
  kalniesi = person (worker, "0404401234", "Ozola", "\"Kalnieši\", Ābeļu pag., Bauskas nov.");
  lejas = person (worker, "0505401234", "Priede", "„Lejas”, Ābeļu pagasts");
  skola = person (worker, "0606401234", "Liepa", "Skolas iela 2, Ābeļi, Ābeļu pagasts");
  unknown = person (worker, "0707401234", "Egle", "„Sili”, Ābeļu pagasts");

  /* Typed in by hand: kept over the import. */
  g_assert_true (gad_store_set_place (worker, kalniesi, &typed, "typed", &error));
  g_assert_no_error (error);

  /* A bad file names its bad rows and places nobody. */
  {
    g_autoptr(GPtrArray) bad = gad_test_read_places ("vzd-addresses-bad.csv", &error);

    g_assert_null (bad);
    g_assert_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_FILE);
    g_assert_nonnull (strstr (error->message, "line 4:"));
    g_assert_nonnull (strstr (error->message, "swapped"));
    g_assert_nonnull (strstr (error->message, "line 5:"));
    g_clear_error (&error);
  }

  /* The auditor may not; the worker places the persons in scope. */
  {
    g_autoptr(GadStore) auditor = gad_test_open_as (path, GAD_ROLE_AUDITOR);

    g_assert_cmpuint (gad_store_import_places (auditor, places, NULL, NULL, NULL, &error), ==,
                      G_MAXUINT);
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
    g_clear_error (&error);
  }
  g_assert_cmpuint (gad_store_import_places (worker, places, NULL, NULL, NULL, &error), ==, 2);
  g_assert_no_error (error);
  /* One audit row for the whole import, as for the registry's. */
  text = gad_test_sql_text (path, "SELECT count (*) FROM audit_log"
                                  " WHERE entity = 'places' AND action = 'import'");
  g_assert_cmpstr (text, ==, "1");
  g_free (text);
  text = place_of (path, ozolini);
  g_assert_cmpstr (text, ==, "imported 56412345 24301234");
  g_free (text);
  text = place_of (path, skola);
  g_assert_cmpstr (text, ==, "imported 56400000 24320000");
  g_free (text);
  text = place_of (path, kalniesi);
  g_assert_cmpstr (text, ==, "typed 56410000 24310000");
  g_free (text);
  /* Two counties have a "Lejas" in an Ābeļu parish: which is meant is not
   * known, so neither. */
  text = place_of (path, lejas);
  g_assert_cmpstr (text, ==, "none 0 0");
  g_free (text);
  text = place_of (path, unknown);
  g_assert_cmpstr (text, ==, "none 0 0");
  g_free (text);

  /* A new address forgets the old one's place; the same address keeps it. */
  {
    g_autoptr(GadPerson) p = gad_store_get_person (worker, skola, &error);

    g_object_set (p, "phone", "+371 20000000", NULL);
    g_assert_true (gad_store_update_person (worker, p, &error));
    g_assert_no_error (error);
    text = place_of (path, skola);
    g_assert_cmpstr (text, ==, "imported 56400000 24320000");
    g_free (text);
    g_clear_object (&p);
    p = gad_store_get_person (worker, skola, &error);
    g_object_set (p, "address", "Skolas iela 4, Ābeļi, Ābeļu pagasts", NULL);
    g_assert_true (gad_store_update_person (worker, p, &error));
    text = place_of (path, skola);
    g_assert_cmpstr (text, ==, "none 0 0");
    g_free (text);
  }
  /* Outside Latvia: refused, nothing changed. */
  {
    GadGeoPoint away = { 59.9, 30.3 };

    g_assert_false (gad_store_set_place (worker, ozolini, &away, "typed", &error));
    g_assert_error (error, GAD_GEO_ERROR, GAD_GEO_ERROR_OUTSIDE);
    g_clear_error (&error);
    text = place_of (path, ozolini);
    g_assert_cmpstr (text, ==, "imported 56412345 24301234");
    g_free (text);
  }
}

/* The status of @person's stop on @day in @stops. */
static const char *
status_of (GPtrArray *stops,
           gint64     person_id)
{
  for (guint i = 0; i < stops->len; i++)
    if (((GadRouteStop *) g_ptr_array_index (stops, i))->person_id == person_id)
      return ((GadRouteStop *) g_ptr_array_index (stops, i))->status;
  return NULL;
}

static void
test_route_day (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) worker = gad_test_store_as (GAD_ROLE_SOCIAL_WORKER, &path);
  g_autoptr(GadStore) admin = gad_test_open_as (path, GAD_ROLE_ADMINISTRATOR);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = gad_text_today_iso ();
  g_autoptr(GPtrArray) due = NULL, stops = NULL, day = NULL;
  g_autoptr(GadRoute) route = NULL;
  g_autoptr(GadRouteStop) office = NULL;
  g_autofree double *at = NULL;
  g_autofree int *minutes = NULL;
  gint64 staff = gad_store_actor_id (worker), parish, far, near, unplaced, id[3];
  GadGeoPoint centre = { 56.4079, 24.1934 }, p1 = { 56.45, 24.30 }, p2 = { 56.36, 24.10 };
  double road, speed;

  /* No office to start from: the staff member has no parish, then the
   * parish no centre; an administrator sets it. */
  parish = gad_store_add_territory (admin, "Ābeļu pagasts", &error);
  g_assert_no_error (error);
  office = gad_store_route_office (worker, staff, &error);
  g_assert_null (office);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE staff SET territory_id = %" G_GINT64_FORMAT
                                            " WHERE id = %" G_GINT64_FORMAT, parish, staff);

    g_assert_cmpint (gad_test_sql (path, sql), ==, GAD_DB_OK);
    /* Signed in again, the worker's scope is the parish. */
    g_clear_object (&worker);
    worker = gad_test_open_as (path, GAD_ROLE_SOCIAL_WORKER);
  }

  /* Pensioners alone on farmsteads of the parish, on the register. */
  far = id[0] = person (worker, "0303401234", "Kalniņa", "„Ozoliņi”, Ābeļu pagasts");
  near = id[1] = person (worker, "0404401234", "Ozola", "„Kalnieši”, Ābeļu pagasts");
  unplaced = id[2] = person (worker, "0505401234", "Priede", "„Lejas”, Ābeļu pagasts");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE persons SET territory_id = %" G_GINT64_FORMAT
                                              " WHERE id = %" G_GINT64_FORMAT, parish, id[i]);

      g_assert_cmpint (gad_test_sql (path, sql), ==, GAD_DB_OK);
      g_assert_true (gad_store_remote_add (worker, id[i], NULL, 3, &error));
      g_assert_no_error (error);
    }
  g_assert_true (gad_store_set_place (worker, far, &p1, "typed", &error));
  g_assert_true (gad_store_set_place (worker, near, &p2, "imported", &error));

  office = gad_store_route_office (worker, staff, &error);
  g_assert_null (office);
  g_assert_nonnull (strstr (error->message, "Ābeļu pagasts"));
  g_clear_error (&error);
  g_assert_false (gad_store_set_parish_centre (worker, parish, &centre, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (gad_store_set_parish_centre (admin, parish, &centre, &error));
  g_assert_no_error (error);
  office = gad_store_route_office (worker, staff, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (office->point.lat, centre.lat, 1e-9);

  /* The register's due, as stops: one not placed is at the parish centre. */
  due = gad_store_remote_list (worker, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 3);
  stops = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_route_stop_free);
  for (guint i = 0; i < due->len; i++)
    g_ptr_array_add (stops, gad_remote_stop_new (g_ptr_array_index (due, i)));
  for (guint i = 0; i < stops->len; i++)
    {
      GadRouteStop *s = g_ptr_array_index (stops, i);

      g_assert_cmpint (s->estimated, ==, s->person_id == unplaced);
      if (s->person_id == unplaced)
        g_assert_cmpfloat_with_epsilon (s->point.lon, centre.lon, 1e-9);
    }
  gad_store_route_settings (worker, &road, &speed);
  g_assert_cmpfloat (road, ==, GAD_ROUTE_ROAD_FACTOR);
  g_assert_true (gad_store_set_setting (admin, "route_road_factor", "1,4", &error));
  g_assert_false (gad_store_set_setting (admin, "route_road_factor", "0,5", &error));
  g_clear_error (&error);
  gad_store_route_settings (worker, &road, &speed);
  g_assert_cmpfloat (road, ==, 1.4);
  route = gad_route_plan_stops (office, stops, NULL, road);
  at = gad_route_arrivals (route, 8 * 60, speed, 30);
  minutes = g_new (int, 3);
  {
    g_autoptr(GPtrArray) ordered = g_ptr_array_new ();

    for (guint i = 0; i < 3; i++)
      {
        g_ptr_array_add (ordered, g_ptr_array_index (stops, route->order[i]));
        minutes[i] = (int) at[i];
        g_assert_cmpint (minutes[i] % 5, ==, 0);
      }

    /* Another appointment at the second stop's time: refused, nothing
     * written; with a reason, kept. */
    {
      GadEntry other = { .kind = (char *) "appointment", .staff_id = staff, .person_id = far,
                         .start_date = today, .start_minute = minutes[1], .minutes = 20 };

      g_assert_cmpint (gad_store_save_entry (worker, &other, &error), >, 0);
      g_assert_no_error (error);
    }
    g_assert_false (gad_store_route_schedule (worker, staff, today, ordered, minutes, 30, NULL,
                                              &error));
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
    day = gad_store_route_day (worker, staff, today, &error);
    g_assert_cmpuint (day->len, ==, 0);
    g_clear_pointer (&day, g_ptr_array_unref);
    g_assert_true (gad_store_route_schedule (worker, staff, today, ordered, minutes, 30,
                                             "Arranged with the client", &error));
    g_assert_no_error (error);
    /* Planned again: the stops not yet visited are replaced, not doubled. */
    g_assert_true (gad_store_route_schedule (worker, staff, today, ordered, minutes, 30,
                                             "Arranged with the client", &error));
    g_assert_no_error (error);
  }
  day = gad_store_route_day (worker, staff, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      GadRouteStop *s = g_ptr_array_index (day, i);
      GadRouteStop *planned = g_ptr_array_index (stops, route->order[i]);

      g_assert_cmpint (s->person_id, ==, planned->person_id);
      g_assert_cmpint (s->minute, ==, minutes[i]);
      g_assert_cmpstr (s->status, ==, "planned");
      g_assert_cmpint (s->estimated, ==, s->person_id == unplaced);
    }
  g_clear_pointer (&day, g_ptr_array_unref);

  /* Visits recorded mark the stops: visited done, nobody at home missed. */
  g_assert_true (gad_store_remote_visit (worker, near, today, "visited", "heating", FALSE, &error));
  g_assert_true (gad_store_remote_visit (worker, unplaced, today, "not-home", "", FALSE, &error));
  g_assert_no_error (error);
  day = gad_store_route_day (worker, staff, today, &error);
  g_assert_cmpstr (status_of (day, near), ==, "done");
  g_assert_cmpstr (status_of (day, unplaced), ==, "missed");
  g_assert_cmpstr (status_of (day, far), ==, "planned");

  /* The person's own data lists where they live and their visits. */
  {
    g_autofree char *json = NULL;
    g_autoptr(GBytes) pdf = NULL;

    g_assert_true (gad_store_export_person (worker, near, &json, &pdf, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (json, "\"place_source\""));
    g_assert_nonnull (strstr (json, "\"remote_visits\""));
    g_assert_nonnull (strstr (json, "\"heating\""));
  }

  /* A clerk keeps no client files: no route. */
  {
    g_autoptr(GadStore) clerk = gad_test_open_as (path, GAD_ROLE_CLERK);
    g_autoptr(GPtrArray) none = gad_store_route_day (clerk, staff, today, &error);

    g_assert_null (none);
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/remote-route/parse", test_parse);
  g_test_add_func ("/remote-route/places", test_places);
  g_test_add_func ("/remote-route/day", test_route_day);
  return g_test_run ();
}
