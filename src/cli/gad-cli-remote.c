/* gad-cli-remote.c — gadiba-cli remote: the register of remote farmsteads
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   remote [--due] [--proposed]     the register (or the rules' proposal)
 *   remote add --person CODE [--reason TEXT] [--every MONTHS]
 *   remote visit --person CODE --outcome visited|not-home|refused
 *                [--date DATE] [--risks LIST] [--home-care-proposed]
 *   remote end --person CODE
 *   remote place --person CODE --at "LAT, LON"|"X Y"|parish
 *   remote places --file ADDRESSES.csv   (the state address register's layout)
 *   remote centre --parish NAME --at "LAT, LON"|"X Y"
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-cli.h"
#include "gad-demo.h"
#include "gad-personal-code.h"
#include "gad-remote.h"
#include "gad-route-stops.h"
#include "gad-text.h"

static void
print_people (GPtrArray *people,
              gboolean   proposed)
{
  g_autoptr(GHashTable) parishes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) names = NULL;

  for (guint i = 0; i < people->len; i++)
    {
      GadRemotePerson *r = g_ptr_array_index (people, i);
      g_autofree char *code = gad_personal_code_format (r->code);
      g_autofree char *last = gad_text_format_date (r->last_visit);
      g_autofree char *due = proposed ? g_strdup ("") : gad_text_format_date (r->next_due);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (parishes, r->parish));

      g_hash_table_insert (parishes, r->parish, GUINT_TO_POINTER (n + 1));
      /* code; name; parish; address; due; last visit; risks; home care */
      g_print ("%s;%s;%s;%s;%s;%s;%s;%s\n", code, r->name, r->parish, r->address, due,
               last ? last : "", r->risks,
               gad_remote_needs_home_care (r->risks)
               ? (r->home_care_proposed ? _("home care proposed") : _("needs home care"))
               : "");
    }
  names = g_list_sort (g_hash_table_get_keys (parishes), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l; l = l->next)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (parishes, l->data));

      g_printerr (proposed ? g_dngettext (GETTEXT_PACKAGE, "%s: %u person proposed\n",
                                          "%s: %u persons proposed\n", n)
                           : g_dngettext (GETTEXT_PACKAGE, "%s: %u person\n", "%s: %u persons\n",
                                          n),
                  *(char *) l->data ? (char *) l->data : _("no parish"), n);
    }
}

/* remote place: typed, or the parish's centre as an estimate. */
static gboolean
place (GadStore    *store,
       gint64       person,
       const char  *at,
       GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GadGeoPoint point;

  if (!g_str_equal (at, "parish"))
    return gad_geo_parse (at, &point, error)
           && gad_store_set_place (store, person, &point, "typed", error);
  {
    g_autoptr(GadPerson) p = gad_store_get_person (store, person, error);
    gint64 territory = p ? gad_person_get_territory_id (p) : 0;

    if (p == NULL)
      return FALSE;
    rows = gad_store_list_territories (store);
    for (guint i = 0; i < rows->len; i++)
      {
        GadTerritory *t = g_ptr_array_index (rows, i);

        if (t->id == territory && t->has_centre)
          return gad_store_set_place (store, person, &t->centre, "estimate", error);
      }
  }
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The person’s parish has no centre set: type where they live."));
  return FALSE;
}

/* remote places, remote centre: what an office brings in or sets once. */
static int
places (const char  *action,
        const char  *file,
        const char  *parish,
        const char  *at,
        GError     **error)
{
  g_autoptr(GadStore) store = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GadGeoPoint point;
  gsize length;
  guint n;

  if (g_str_equal (action, "places"))
    {
      if (file == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("Say remote places --file ADDRESSES.csv."));
          return 2;
        }
      if (!g_file_get_contents (file, &data, &length, error)
          || (rows = gad_route_stops_parse (data, length, error)) == NULL
          || (store = gad_cli_open_store (error)) == NULL
          || (n = gad_store_import_places (store, rows, NULL, NULL, NULL, error)) == G_MAXUINT)
        return 1;
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u person placed from %u addresses\n",
                            "%u persons placed from %u addresses\n", n), n, rows->len);
      return 0;
    }
  if (parish == NULL || at == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Say remote centre --parish NAME --at PLACE."));
      return 2;
    }
  if (!gad_geo_parse (at, &point, error) || (store = gad_cli_open_store (error)) == NULL)
    return 1;
  rows = gad_store_list_territories (store);
  for (guint i = 0; i < rows->len; i++)
    {
      GadTerritory *t = g_ptr_array_index (rows, i);

      if (g_str_equal (t->name, parish))
        return gad_store_set_parish_centre (store, t->id, &point, error) ? 0 : 1;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("There is no parish “%s”."),
               parish);
  return 1;
}

int
gad_cli_remote (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *code = NULL, *reason = NULL, *outcome = NULL, *date = NULL, *risks = NULL;
  g_autofree char *at = NULL, *file = NULL, *parish = NULL;
  gboolean due = FALSE, proposed = FALSE, home_care = FALSE;
  int every = GAD_REMOTE_INTERVAL_MONTHS;
  GOptionEntry entries[] = {
    { "due", 0, 0, G_OPTION_ARG_NONE, &due, N_("Only those due today or overdue"), NULL },
    { "proposed", 0, 0, G_OPTION_ARG_NONE, &proposed,
      N_("Those the rules propose who are not on the register"), NULL },
    { "person", 0, 0, G_OPTION_ARG_STRING, &code, N_("The person’s personal code"), N_("CODE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the person is added, when the rules do not propose them"), N_("TEXT") },
    { "every", 0, 0, G_OPTION_ARG_INT, &every, N_("Months between visits (default 3)"),
      N_("MONTHS") },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome, N_("visited, not-home or refused"),
      N_("OUTCOME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the visit (default today)"),
      N_("DATE") },
    { "risks", 0, 0, G_OPTION_ARG_STRING, &risks,
      N_("What the visit found: heating,food,medicines,mobility,isolation,home-care"),
      N_("LIST") },
    { "home-care-proposed", 0, 0, G_OPTION_ARG_NONE, &home_care,
      N_("Home care was proposed to the person"), NULL },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at,
      N_("Where: latitude and longitude, LKS-92 x and y, or “parish” for the parish centre"),
      N_("PLACE") },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file,
      N_("Addresses and their coordinates, as the state address register publishes them"),
      N_("FILE") },
    { "parish", 0, 0, G_OPTION_ARG_STRING, &parish, N_("The parish’s name"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  const char *action;
  gint64 person = 0;

  if (!gad_cli_parse (entries, "[add|visit|end|place|places|centre]",
                      _("The register of lone pensioners on remote farmsteads: list it, add to "
                        "it, record visits."), &argc, &argv, error))
    return 2;
  action = argc >= 2 ? argv[1] : "";
  if (g_str_equal (action, "places") || g_str_equal (action, "centre"))
    {
      if (argc == 2)
        return places (action, file, parish, at, error);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unexpected argument: %s"), argv[2]);
      return 2;
    }
  if (argc > 2 || (*action && !g_str_equal (action, "add") && !g_str_equal (action, "visit")
                   && !g_str_equal (action, "end") && !g_str_equal (action, "place"))
      || (*action && code == NULL) || (g_str_equal (action, "visit") && outcome == NULL)
      || (g_str_equal (action, "place") && at == NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Usage: gadiba-cli remote [--due] [--proposed] | add --person CODE "
                             "[--reason TEXT] [--every MONTHS] | visit --person CODE --outcome "
                             "OUTCOME [--date DATE] [--risks LIST] [--home-care-proposed] | end "
                             "--person CODE | place --person CODE --at PLACE | places --file FILE "
                             "| centre --parish NAME --at PLACE"));
      return 2;
    }
  if ((store = gad_cli_open_store (error)) == NULL)
    return 1;
  if (code && (person = gad_store_find_person_by_code (store, code)) == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("No person has the personal code %s."), code);
      return 1;
    }
  if (g_str_equal (action, "add"))
    return gad_store_remote_add (store, person, reason, every, error) ? 0 : 1;
  if (g_str_equal (action, "end"))
    return gad_store_remote_end (store, person, error) ? 0 : 1;
  if (g_str_equal (action, "place"))
    return place (store, person, at, error) ? 0 : 1;
  if (g_str_equal (action, "visit"))
    {
      g_autofree char *today = gad_text_today_iso ();

      return gad_store_remote_visit (store, person, date ? date : today, outcome, risks,
                                     home_care, error) ? 0 : 1;
    }
  {
    g_autofree char *today = gad_text_today_iso ();
    g_autoptr(GPtrArray) people = proposed ? gad_store_remote_proposals (store, error)
                                           : gad_store_remote_list (store, due ? today : NULL,
                                                                    error);

    if (people == NULL)
      return 1;
    print_people (people, proposed);
  }
  return 0;
}

static gboolean
collect_address (GadPerson *person,
                 gpointer   data)
{
  GHashTable *addresses = data;

  if (gad_remote_is_farmstead (gad_person_get_address (person)))
    g_hash_table_add (addresses, g_strdup (gad_person_get_address (person)));
  return TRUE;
}

/* The county's farmsteads placed again from the address register's open
 * data, as an administrator imports it: every farmstead a row, each found
 * among all the persons' addresses (no goal in the issue; a county's file
 * should take seconds, not minutes). */
static gboolean
bench_places (GadStore  *store,
              GError   **error)
{
  g_autoptr(GHashTable) addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_route_stop_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GHashTableIter iter;
  gpointer address;
  gint64 start;
  guint n;

  gad_store_sign_out (store);
  if (!gad_store_sign_in (store, "admin", GAD_DEMO_PASSWORD, error)
      || !gad_store_foreach_person (store, collect_address, addresses, error))
    return FALSE;
  g_hash_table_iter_init (&iter, addresses);
  while (g_hash_table_iter_next (&iter, &address, NULL))
    {
      GadRouteStop *place = g_new0 (GadRouteStop, 1);

      place->name = g_strdup (address);
      place->point = (GadGeoPoint) { g_rand_double_range (rand, 56.25, 56.55),
                                     g_rand_double_range (rand, 23.80, 24.60) };
      g_ptr_array_add (places, place);
    }
  start = g_get_monotonic_time ();
  if ((n = gad_store_import_places (store, places, NULL, NULL, NULL, error)) == G_MAXUINT)
    return FALSE;
  g_print ("  places imported, %u addresses, %u persons placed   %8.1f ms\n", places->len, n,
           (g_get_monotonic_time () - start) / 1000.0);
  return TRUE;
}

/* The rules' proposal over a county's registry, as a head asks it (goal:
 * 1 s at 100 000 persons). */
int
gad_cli_bench_remote (int persons)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gadiba-bench-XXXXXX", &error);
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint found = 0;

  if (dir == NULL)
    goto fail;
  g_print ("remote register benchmark: the rules' proposal over %d persons, %s\n", persons,
           gad_cli_bench_engine ());
  if ((store = gad_cli_bench_demo (dir, persons, &error)) == NULL
      || !gad_store_sign_in (store, "head", GAD_DEMO_PASSWORD, &error))
    goto fail;
  for (guint round = 0; round < 5; round++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) people = gad_store_remote_proposals (store, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      if (people == NULL)
        goto fail;
      found = people->len;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, gad_cli_compare_double);
  g_print ("  proposal, %u persons found   median %8.1f ms   slowest %8.1f ms   (goal ≤ 1000 ms)\n",
           found, gad_cli_percentile (times, 0.5), gad_cli_percentile (times, 1.0));
  if (!bench_places (store, &error))
    goto fail;
  g_clear_object (&store);
  gad_cli_bench_done (dir);
  return 0;

fail:
  g_printerr ("%s\n", error->message);
  if (dir)
    gad_cli_bench_done (dir);
  return 1;
}
