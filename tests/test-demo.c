/* test-demo.c — the demo county: deterministic, realistic enough to try the app on
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gad-remote.h"


#include "gad-demo.h"
#include "gad-document.h"
#include "gad-import.h"
#include "gad-personal-code.h"
#include "gad-stats.h"
#include "gad-test-util.h"

static char *
build_and_export (guint   persons,
                  guint32 seed,
                  GadStore **store_out)
{
  g_autoptr(GadStore) store = gad_test_demo (persons, seed, GAD_ROLE_HEAD, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_strconcat (gad_store_get_path (store), ".csv", NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  char *data = NULL;

  g_assert_true (gad_export_persons (store, csv, NULL, &error));
  g_assert_true (g_file_get_contents (csv, &data, NULL, NULL));
  g_string_append (all, data);
  g_free (data);

  /* Cases and households belong to the county too. */
  g_assert_true (gad_store_search (store, "", GAD_SORT_NAME, FALSE, 0, ids, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GPtrArray) cases = gad_store_list_cases (store, id, &error);
      g_autoptr(GPtrArray) members = NULL;

      g_assert_no_error (error);
      members = gad_store_list_household (store, id, &error);
      g_assert_no_error (error);

      for (guint k = 0; k < cases->len; k++)
        {
          GadCase *c = g_ptr_array_index (cases, k);
          g_string_append_printf (all, "case %s %s %s %s %s\n", c->worker, c->target_groups,
                                  c->opened_on, c->closed_on ? c->closed_on : "-",
                                  c->closing_reason ? c->closing_reason : "-");
        }
      for (guint k = 0; k < members->len; k++)
        {
          GadMember *m = g_ptr_array_index (members, k);
          g_string_append_printf (all, "member %s %s\n", m->person_code, m->relation);
        }
    }
  if (store_out)
    *store_out = g_steal_pointer (&store);
  return g_string_free (g_steal_pointer (&all), FALSE);
}

static void
test_deterministic (void)
{
  g_autofree char *a = build_and_export (600, 42, NULL);
  g_autofree char *b = build_and_export (600, 42, NULL);
  g_autofree char *c = build_and_export (600, 43, NULL);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_nonnull (strstr (a, "case "));
  g_assert_nonnull (strstr (a, "member "));
}

static void
test_county (void)
{
  g_autoptr(GadStore) store = NULL;
  g_autofree char *csv = build_and_export (3000, 1, &store);
  g_autoptr(GPtrArray) territories = gad_store_list_territories (store);
  g_autoptr(GPtrArray) staff = gad_store_list_staff (store);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
  guint persons = 0, old = 0, fresh = 0, pensioners = 0, children = 0;
  gboolean berzins = FALSE, berzina = FALSE;

  g_assert_cmpuint (territories->len, >=, 10);
  /* Each parish has its centre, and the farmsteads theirs around it. */
  for (guint i = 0; i < territories->len; i++)
    g_assert_true (((GadTerritory *) g_ptr_array_index (territories, i))->has_centre);
  {
    g_autoptr(GPtrArray) on = gad_store_remote_list (store, NULL, NULL);

    g_assert_cmpuint (on->len, >, 20);
    for (guint i = 0; i < on->len; i++)
      {
        GadRemotePerson *r = g_ptr_array_index (on, i);
        GadTerritory *t = NULL;

        g_assert_cmpstr (r->place_source, ==, "imported");
        for (guint k = 0; k < territories->len; k++)
          if (g_str_equal (((GadTerritory *) g_ptr_array_index (territories, k))->name, r->parish))
            t = g_ptr_array_index (territories, k);
        g_assert_nonnull (t);
        g_assert_cmpfloat (gad_geo_distance_km (r->place, t->centre), >, 1.4);
        g_assert_cmpfloat (gad_geo_distance_km (r->place, t->centre), <, 9.1);
      }
  }
  /* 40 employees, 22 carers in all, 4 nannies, 2 family assistants, an administrator, an
   * auditor and the mobile care unit; one account for each role */
  g_assert_cmpuint (staff->len, ==, 63);
  {
    guint roles[GAD_ROLE_SYSTEM + 1] = { 0 };

    for (guint i = 0; i < staff->len; i++)
      roles[((GadStaff *) g_ptr_array_index (staff, i))->role]++;
    g_assert_cmpuint (roles[GAD_ROLE_NONE], ==, 58);
    for (GadRole r = GAD_ROLE_ADMINISTRATOR; r <= GAD_ROLE_AUDITOR; r++)
      g_assert_cmpuint (roles[r], ==, 1);
  }

  for (guint i = 1; lines[i] && g_str_has_prefix (lines[i], "") && strchr (lines[i], ';'); i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], ";", -1);
      char digits[12];
      GDate birth;
      int year;

      persons++;
      switch (gad_personal_code_parse (f[0], digits, &birth, NULL))
        {
        case GAD_CODE_OLD: old++; break;
        case GAD_CODE_NEW: fresh++; break;
        default: g_assert_not_reached ();
        }
      berzins |= g_str_equal (f[1], "Bērziņš") && g_str_equal (f[3], "M");
      berzina |= g_str_equal (f[1], "Bērziņa") && g_str_equal (f[3], "F");
      year = atoi (f[4] + 6);
      pensioners += year <= 2026 - 65;
      children += year > 2026 - 18;
    }

  g_assert_cmpuint (persons, >=, 3000);
  g_assert_cmpuint (persons, <, 3010);
  g_assert_cmpuint (old, >, persons / 2);
  g_assert_cmpuint (fresh, >, persons / 50);
  g_assert_true (berzins && berzina);
  /* A rural county: many pensioners, fewer children. */
  g_assert_cmpuint (pensioners * 100 / persons, >=, 20);
  g_assert_cmpuint (children * 100 / persons, >=, 10);
  g_assert_cmpuint (children, <, pensioners);
}

/* Every published table comes back from the demo database, row for row. */
static void
test_published_tables (void)
{
  g_autofree char *db = NULL;
  g_autoptr(GadStore) store = gad_test_demo (800, 5, GAD_ROLE_HEAD, &db);
  g_autofree char *path = g_build_filename (g_getenv ("GADIBA_TEST_DATA"),
                                            "bauska-2012-2014.csv", NULL);
  g_autofree char *reference = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) ours = g_string_new (NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  const char *tables[] = { "home_care_recipients", "institution_placements_adults",
                           "funding_eur", "social_assistance_spent_eur" };

  g_assert_true (g_file_get_contents (path, &reference, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = gad_stats_query (store, tables[i], 2012, 2014, &error);
      g_autofree char *csv = NULL;

      g_assert_no_error (error);
      csv = gad_stats_to_csv (gad_stats_table (tables[i]), rows);
      g_string_append (ours, strchr (csv, '\n') + 1);
    }

  /* Same rows, whatever their order. */
  lines = g_strsplit (reference, "\n", -1);
  for (guint i = 1; lines[i]; i++)
    if (*g_strstrip (lines[i]))
      {
        g_autofree char *row = g_strconcat (lines[i], "\n", NULL);
        g_assert_nonnull (strstr (ours->str, row));
        g_ptr_array_add (expected, g_strdup (lines[i]));
      }
  g_assert_cmpuint (expected->len, ==, 27);

  /* The demo's grants over the threshold went through four eyes: each
   * application paying more than 1 000 € has an approval of at least that
   * much by someone other than who asked. */
  {
    static const char *paid = " FROM (SELECT d.application_id AS app,"
                              "  sum (y.amount_cents) AS paid FROM payments y"
                              "  JOIN decisions d ON d.id = y.decision_id"
                              "  GROUP BY d.application_id) t WHERE t.paid > 100000";
    g_autofree char *all = g_strconcat ("SELECT count (*)", paid, NULL);
    g_autofree char *unapproved = g_strconcat ("SELECT count (*)", paid,
                                               " AND NOT EXISTS (SELECT 1 FROM approvals a"
                                               "  WHERE a.application_id = t.app"
                                               "  AND a.status = 'approved'"
                                               "  AND a.amount_cents >= t.paid"
                                               "  AND a.decided_by <> a.requested_by)", NULL);
    g_autofree char *n_all = gad_test_sql_text (db, all);
    g_autofree char *n_unapproved = gad_test_sql_text (db, unapproved);

    g_assert_cmpint (atoi (n_all), >, 0);
    g_assert_cmpstr (n_unapproved, ==, "0");
  }
  {
    guint n = 0;
    for (const char *p = ours->str; *p; p++)
      n += *p == '\n';
    g_assert_cmpuint (n, ==, expected->len);
  }
}

/* A county of 2000 in a file of its own, carried on to @today. Both
 * engines' runs build it in a file: the continuation is the store's API
 * either way (the certificate's store calls run on both in test-document),
 * and two counties on the test server would take minutes. */
static GadStore *
county_on (const char  *today,
           char       **path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gadiba-demo-XXXXXX", &error);
  GadStore *store;

  g_assert_no_error (error);
  *path = g_build_filename (dir, "county.db", NULL);
  store = gad_store_open (*path, &error);
  g_assert_no_error (error);
  g_assert_true (gad_demo_build (store, 2000, 3, today, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gad_store_sign_in (store, "head", GAD_DEMO_PASSWORD, &error));
  return store;
}

static void
remove_county (char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) files = g_dir_open (dir, 0, NULL);
  const char *name;

  while (files && (name = g_dir_read_name (files)))
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_remove (file);
    }
  g_rmdir (dir);
  g_free (path);
}

/* Made on 10 March 2027, the county has gone on from its own day: needy
 * households with a valid status (a social worker issues the certificate),
 * benefits paid that month, carers' rounds that week, the visits before it
 * recorded; and its history up to its own day is the same as ever. */
static void
test_today (void)
{
  const char *today = "2027-03-10";
  char *path = NULL, *pinned_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) store = county_on (today, &path);
  g_autoptr(GadStore) worker = NULL;
  g_autoptr(GadStore) pinned = county_on (GAD_DEMO_DAY, &pinned_path);
  g_autoptr(GArray) statuses = NULL;
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GPtrArray) before = NULL;
  GadScheduleFilter visits = { .kind = "visit" };
  guint done = 0;

  worker = gad_test_demo_open (path, GAD_ROLE_SOCIAL_WORKER);

  /* The statuses granted again since the demo's day. */
  statuses = gad_store_statuses_starting (store, "2026-11-23", today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statuses->len / 3, >=, 3);
  /* The head hands the first of them to the worker's parish; the worker
   * issues the certificate. */
  {
    gint64 client = 0;
    g_autoptr(GadPerson) p = NULL;
    g_autoptr(GPtrArray) staff = gad_store_list_staff (store);
    GadDocumentDraft draft = { GAD_DOCUMENT_CERTIFICATE };
    g_autoptr(GadIssuedDocument) d = NULL;
    gint64 id;

    for (guint i = 0; client == 0 && i + 2 < statuses->len; i += 3)
      {
        g_autoptr(GadDecision) status = gad_store_get_decision (store,
                                                                g_array_index (statuses, gint64, i),
                                                                &error);

        if (g_strcmp0 (status->period_to, today) >= 0)
          client = status->person_id;
      }
    g_assert_cmpint (client, >, 0);
    draft.person_id = client;
    p = gad_store_get_person (store, client, &error);
    for (guint i = 0; i < staff->len; i++)
      if (g_strcmp0 (((GadStaff *) g_ptr_array_index (staff, i))->username, "worker") == 0)
        g_object_set (p, "territory-id", ((GadStaff *) g_ptr_array_index (staff, i))->territory_id,
                      NULL);
    g_assert_true (gad_store_update_person (store, p, &error));
    g_assert_no_error (error);
    draft.issued_on = today;
    id = gad_document_issue (worker, &draft, &error);
    g_assert_no_error (error);
    d = gad_store_get_issued (worker, id, &error);
    g_assert_cmpstr (d->number, ==, "2027/IZ-000001");
  }

  /* This month's benefits, this week's rounds, last week's visits recorded. */
  g_assert_cmpint (gad_store_sum_payments (store, "2027-03", "2027-03"), >, 0);
  week = gad_store_list_occurrences (store, &visits, "2027-03-08", "2027-03-12", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week->len, >, 10);
  before = gad_store_list_occurrences (store, &visits, "2027-03-01", "2027-03-05", &error);
  for (guint i = 0; i < before->len; i++)
    done += g_strcmp0 (((GadOccurrence *) g_ptr_array_index (before, i))->status, "done") == 0;
  g_assert_cmpuint (done, >, before->len / 2);

  /* Up to its own day, the same county. */
  g_assert_cmpint (gad_store_sum_payments (store, "2012-01", "2026-11"), ==,
                   gad_store_sum_payments (pinned, "2012-01", "2026-11"));
  g_assert_cmpint (gad_store_sum_payments (pinned, "2027-01", "2027-12"), ==, 0);
  g_clear_object (&worker);
  g_clear_object (&store);
  g_clear_object (&pinned);
  remove_county (path);
  remove_county (pinned_path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/county", test_county);
  g_test_add_func ("/demo/published-tables", test_published_tables);
  g_test_add_func ("/demo/today", test_today);
  return g_test_run ();
}
