/* test-remote.c — the register of lone pensioners on remote farmsteads
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On both engines (a server with GADIBA_TEST_SERVER), signed in as the
 * roles that do the work: the rules' proposal both ways, confirming and
 * adding by hand, visits and what they move, and the roles refused.
 */
#include "config.h"

#include <stdlib.h>

#include "gad-my-work.h"
#include "gad-personal-code.h"
#include "gad-remote.h"
#include "gad-stats.h"
#include "gad-test-util.h"
#include "gad-text.h"

/* A valid code: @prefix (ten digits) and the check digit that fits. */
static char *
code_for (const char *prefix)
{
  for (int z = 0; z <= 9; z++)
    {
      g_autofree char *code = g_strdup_printf ("%.6s-%.4s%d", prefix, prefix + 6, z);
      char digits[12];
      GDate birth;

      if (gad_personal_code_parse (code, digits, &birth, NULL))
        return g_steal_pointer (&code);
    }
  g_assert_not_reached ();
}

static gint64
person (GadStore   *store,
        const char *prefix,
        const char *last,
        const char *address,
        int         disability)
{
  g_autofree char *code = code_for (prefix);
  g_autoptr(GadPerson) p = g_object_new (GAD_TYPE_PERSON, "code", code, "last-name", last,
                                         "first-name", "Anna", "address", address,
                                         "disability-group", disability, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = gad_store_insert_person (store, p, &error);

  g_assert_no_error (error);
  return id;
}

static gboolean
listed (GPtrArray *people,
        gint64     id)
{
  for (guint i = 0; i < people->len; i++)
    if (((GadRemotePerson *) g_ptr_array_index (people, i))->person_id == id)
      return TRUE;
  return FALSE;
}

static GadRemotePerson *
find (GPtrArray *people,
      gint64     id)
{
  for (guint i = 0; i < people->len; i++)
    if (((GadRemotePerson *) g_ptr_array_index (people, i))->person_id == id)
      return g_ptr_array_index (people, i);
  return NULL;
}

static void
test_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *later = gad_remote_next_due ("2026-11-30", "visited", 3);
  g_autofree char *soon = gad_remote_next_due ("2026-11-30", "not-home", 3);
  g_autofree char *refused = gad_remote_next_due ("2026-12-04", "refused", 6);

  /* Three months on from the last day of November is the last of February. */
  g_assert_cmpstr (later, ==, "2027-02-28");
  g_assert_cmpstr (soon, ==, "2026-12-14");
  g_assert_cmpstr (refused, ==, "2027-06-04");
  g_assert_true (gad_remote_check_risks ("", NULL));
  g_assert_true (gad_remote_check_risks ("heating,home-care", NULL));
  g_assert_false (gad_remote_check_risks ("heating,heating", NULL));
  g_assert_false (gad_remote_check_risks ("wolves", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_assert_true (gad_remote_needs_home_care ("home-care"));
  g_assert_true (gad_remote_needs_home_care ("food,mobility"));
  g_assert_false (gad_remote_needs_home_care ("mobility,isolation"));
  g_assert_false (gad_remote_needs_home_care ("food,medicines"));
  g_assert_true (gad_remote_is_farmstead ("„Bērzkalni”, Ābeļu pagasts"));
  g_assert_false (gad_remote_is_farmstead ("Skolas iela 2, Ābeļi"));
}

static void
test_register (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) worker = gad_test_store_as (GAD_ROLE_SOCIAL_WORKER, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) proposed = NULL, due = NULL, none = NULL, after = NULL;
  g_autofree char *today = gad_text_today_iso ();
  g_autofree char *yesterday = NULL;
  gint64 alone, village, young, disabled, together, partner, pensioner_case;
  GadCase c = { 0 };
  GDate d;

  g_date_set_time_t (&d, time (NULL));
  g_date_subtract_days (&d, 1);
  yesterday = gad_text_iso_date (&d);

  alone = person (worker, "0303401234", "Kalniņa", "„Bērzkalni”, Ābeļu pagasts", 0);
  village = person (worker, "0404401234", "Ozola", "Skolas iela 2, Ābeļi", 0);
  young = person (worker, "3212345678", "Liepa", "„Priedes”, Ābeļu pagasts", 0);
  disabled = person (worker, "3287654321", "Egle", "\"Sili\", Ābeļu pagasts", 2);
  together = person (worker, "0505401234", "Priede", "„Lejas”, Ābeļu pagasts", 0);
  partner = person (worker, "0606401234", "Priedis", "„Lejas”, Ābeļu pagasts", 0);
  pensioner_case = person (worker, "3299887766", "Vītola", "„Upmaļi”, Ābeļu pagasts", 0);
  g_assert_cmpint (gad_store_place_in_household (worker, together, 0, "applicant", "2020-01-01",
                                                 "„Lejas”, Ābeļu pagasts", 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (gad_store_place_in_household (worker, partner, together, "spouse",
                                                 "2020-01-01", NULL, 0, &error), >, 0);
  g_assert_no_error (error);
  c.person_id = pensioner_case;
  c.worker_id = gad_store_actor_id (worker);
  c.target_groups = (char *) "pensioner";
  c.opened_on = (char *) "2026-01-05";
  g_assert_cmpint (gad_store_insert_case (worker, &c, &error), >, 0);
  g_assert_no_error (error);

  /* The rules both ways. */
  proposed = gad_store_remote_proposals (worker, &error);
  g_assert_no_error (error);
  g_assert_true (listed (proposed, alone));
  g_assert_true (listed (proposed, disabled));
  g_assert_true (listed (proposed, pensioner_case));
  g_assert_false (listed (proposed, village));
  g_assert_false (listed (proposed, young));
  g_assert_false (listed (proposed, together));
  g_assert_false (listed (proposed, partner));
  g_assert_null (find (proposed, alone)->next_due);

  /* Confirmed as proposed; one not proposed only with a reason. */
  g_assert_true (gad_store_remote_add (worker, alone, NULL, 3, &error));
  g_assert_no_error (error);
  g_assert_false (gad_store_remote_add (worker, alone, NULL, 3, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gad_store_remote_add (worker, village, NULL, 3, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gad_store_remote_add (worker, village, "   ", 3, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gad_store_remote_add (worker, village, "Ziemā ceļš aizputināts.", 0, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gad_store_remote_add (worker, village, "Ziemā ceļš aizputināts.", 6, &error));
  g_assert_no_error (error);

  /* Both due today; nobody by yesterday; the proposal has them no more. */
  due = gad_store_remote_list (worker, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (find (due, village)->reason, ==, "Ziemā ceļš aizputināts.");
  g_assert_null (find (due, alone)->reason);
  g_assert_cmpint (find (due, village)->interval_months, ==, 6);
  none = gad_store_remote_list (worker, yesterday, &error);
  g_assert_cmpuint (none->len, ==, 0);
  g_clear_pointer (&proposed, g_ptr_array_unref);
  proposed = gad_store_remote_proposals (worker, &error);
  g_assert_false (listed (proposed, alone));

  /* A visit: its risks kept, the next in three months; a bad risk, a day
   * to come and someone not on the register change nothing. */
  g_assert_false (gad_store_remote_visit (worker, alone, today, "visited", "wolves", FALSE,
                                          &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gad_store_remote_visit (worker, alone, "2099-01-01", "visited", "", FALSE,
                                          &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gad_store_remote_visit (worker, young, today, "visited", "", FALSE, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (gad_store_remote_visit (worker, alone, today, "visited", "mobility,food", TRUE,
                                         &error));
  g_assert_no_error (error);
  g_assert_true (gad_store_remote_visit (worker, village, today, "not-home", "heating", FALSE,
                                         &error));
  g_assert_no_error (error);
  after = gad_store_remote_list (worker, NULL, &error);
  {
    GadRemotePerson *a = find (after, alone), *v = find (after, village);
    g_autofree char *in_3 = gad_remote_next_due (today, "visited", 3);
    g_autofree char *in_14 = gad_remote_next_due (today, "not-home", 6);

    g_assert_cmpstr (a->next_due, ==, in_3);
    g_assert_cmpstr (a->risks, ==, "mobility,food");
    g_assert_cmpstr (a->last_outcome, ==, "visited");
    g_assert_true (a->home_care_proposed);
    g_assert_true (gad_remote_needs_home_care (a->risks));
    /* Nobody at home: no risks seen, back within two weeks. */
    g_assert_cmpstr (v->next_due, ==, in_14);
    g_assert_cmpstr (v->risks, ==, "");
    g_assert_false (v->home_care_proposed);
  }

  /* Someone with an open case: the visit is a record in it. */
  g_assert_true (gad_store_remote_add (worker, pensioner_case, NULL, 3, &error));
  g_assert_true (gad_store_remote_visit (worker, pensioner_case, today, "visited",
                                         "heating,isolation", FALSE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *kind = gad_test_sql_text (path, "SELECT kind FROM case_records");
    g_autofree char *text = gad_test_sql_text (path, "SELECT text FROM case_records");
    g_autofree char *day = gad_test_sql_text (path, "SELECT occurred_on FROM case_records");

    g_assert_cmpstr (kind, ==, "home-visit");
    g_assert_cmpstr (text, ==, "A visit to the remote farmstead. Risks found: Heating, "
                               "Isolation.");
    g_assert_cmpstr (day, ==, today);
  }

  /* Each change in the audit log, with the client. */
  {
    g_autofree char *n = gad_test_sql_text (path, "SELECT count (*) FROM audit_log"
                                                  " WHERE entity = 'remote'");
    g_assert_cmpstr (n, ==, "6");
  }

  /* A clerk neither reads nor keeps the register; a head reads it all. */
  {
    g_autoptr(GadStore) clerk = gad_test_open_as (path, GAD_ROLE_CLERK);
    g_autoptr(GadStore) head = gad_test_open_as (path, GAD_ROLE_HEAD);
    g_autoptr(GPtrArray) seen = NULL;

    g_assert_null (gad_store_remote_list (clerk, NULL, &error));
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
    g_clear_error (&error);
    g_assert_false (gad_store_remote_add (clerk, disabled, NULL, 3, &error));
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
    g_clear_error (&error);
    seen = gad_store_remote_list (head, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (seen->len, ==, 3);
  }

  /* Taken off, and back on again with a reason. */
  g_assert_true (gad_store_remote_end (worker, village, &error));
  g_assert_no_error (error);
  g_assert_false (gad_store_remote_end (worker, village, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = gad_store_remote_list (worker, NULL, &error);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_true (gad_store_remote_add (worker, village, "Atkal viena.", 3, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = gad_store_remote_list (worker, NULL, &error);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_cmpstr (find (after, village)->reason, ==, "Atkal viena.");
  g_assert_cmpstr (find (after, village)->next_due, ==, today);

  /* Timely word: the head's My Work has the one whose visit found a need
   * for home care and who was not proposed it yet; not the one who was
   * (alone), nor one without the need (pensioner_case). */
  g_assert_true (gad_store_remote_add (worker, disabled, NULL, 3, &error));
  g_assert_true (gad_store_remote_visit (worker, disabled, today, "visited", "home-care,heating",
                                         FALSE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GadStore) head = gad_test_open_as (path, GAD_ROLE_HEAD);
    g_autoptr(GPtrArray) work = gad_my_work (head, today, &error);
    g_autoptr(GPtrArray) own = gad_my_work (worker, today, &error);
    GadDueItem *told = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < work->len; i++)
      if (((GadDueItem *) g_ptr_array_index (work, i))->kind == GAD_DUE_HOME_CARE)
        {
          g_assert_null (told);
          told = g_ptr_array_index (work, i);
        }
    g_assert_nonnull (told);
    g_assert_cmpint (told->person_id, ==, disabled);
    g_assert_false (told->overdue);
    g_assert_cmpstr (told->what, ==, "A visit found: Needs home care, Heating");
    /* The head's word, not the worker's list. */
    for (guint i = 0; i < own->len; i++)
      g_assert_cmpint (((GadDueItem *) g_ptr_array_index (own, i))->kind, !=, GAD_DUE_HOME_CARE);

    /* The dashboard's headline: four on the register, none overdue (the
     * one back is due today), one in need of home care not proposed it. */
    {
      GadHeadline h = { 0 };

      g_assert_true (gad_stats_headline (head, today, &h, &error));
      g_assert_no_error (error);
      g_assert_cmpint (h.remote_registered, ==, 4);
      g_assert_cmpint (h.remote_overdue, ==, 0);
      g_assert_cmpint (h.remote_home_care, ==, 1);
      /* Tomorrow, the one due today is overdue. */
      g_date_add_days (&d, 2);
      {
        g_autofree char *tomorrow = gad_text_iso_date (&d);

        g_assert_true (gad_stats_headline (head, tomorrow, &h, &error));
        g_assert_cmpint (h.remote_overdue, ==, 1);
      }
      g_date_subtract_days (&d, 2);
    }

    /* The year's figures: on the register at its end (the three left on
     * and the one back), visited (alone, pensioner_case, disabled), not at
     * home (village), proposed home care (alone); none the year before. */
    {
      int year = atoi (today);
      g_autoptr(GPtrArray) stats = gad_stats_query (head, "remote_farmsteads", year - 1, year,
                                                    &error);
      static const struct { const char *c; gint64 before, now; } wanted[] = {
        { "registered", 0, 4 }, { "visited", 0, 3 }, { "not_at_home", 0, 1 },
        { "refused", 0, 0 }, { "home_care_proposed", 0, 1 },
      };

      g_assert_no_error (error);
      g_assert_cmpuint (stats->len, ==, 10);
      for (guint i = 0; i < stats->len; i++)
        {
          GadStat *st = g_ptr_array_index (stats, i);

          g_assert_cmpstr (st->category, ==, wanted[i % 5].c);
          g_assert_cmpint (st->value, ==, st->year == year ? wanted[i % 5].now
                                                          : wanted[i % 5].before);
        }
    }
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/remote/rules", test_rules);
  g_test_add_func ("/remote/register", test_register);
  return g_test_run ();
}
