/* test-decision.c — assessment formulas, the number register, immutable decisions, the letter
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <poppler.h>
#include <sqlite3.h>

#include "gad-assessment.h"
#include "gad-decision.h"
#include "gad-stats.h"
#include "gad-test-util.h"

/* ---- formulas, without a database --------------------------------------- */

static GadAssessmentInput *
input_2026 (void)
{
  GadAssessmentInput *in = gad_assessment_input_new ();

  in->date = g_strdup ("2026-03-01");
  in->gmi = (GadRate) { 18700, 13100 };
  in->needy = (GadRate) { 42500, 29800 };
  in->low_income = (GadRate) { 68000, 47600 };
  in->k_alone = (GadRate) { 250, 0 };
  in->k_pensioners = (GadRate) { 200, 0 };
  in->k_other = (GadRate) { 150, 0 };
  return in;
}

static void
add_member (GadAssessmentInput *in,
            gboolean            child,
            gboolean            pensioner,
            gint64              income)
{
  GadAssessMember *m = g_new0 (GadAssessMember, 1);

  m->name = g_strdup ("X");
  m->child = child;
  m->pensioner_or_disabled = pensioner;
  m->income_cents = income;
  g_ptr_array_add (in->members, m);
}

static void
test_alone_pensioner (void)
{
  g_autoptr(GadAssessmentInput) in = input_2026 ();
  GadAssessment r;

  add_member (in, FALSE, TRUE, 50000);
  in->housing_costs_cents = 15000;
  gad_assess (in, &r);
  /* 500 € is above the needy 425 € and within the low-income 680 €. */
  g_assert_cmpint (r.status, ==, GAD_HOUSEHOLD_LOW_INCOME);
  g_assert_cmpint (r.gmi_benefit_cents, ==, 0);
  g_assert_cmpint (r.k_hundredths, ==, 250);
  /* 2.5 × 187 + 150 − 500 = 117.50 € */
  g_assert_cmpint (r.housing_benefit_cents, ==, 11750);
}

static void
test_family_of_four (void)
{
  g_autoptr(GadAssessmentInput) in = input_2026 ();
  GadAssessment r;

  add_member (in, FALSE, FALSE, 50000);
  add_member (in, FALSE, FALSE, 0);
  add_member (in, TRUE, FALSE, 0);
  add_member (in, TRUE, FALSE, 0);
  in->housing_costs_cents = 30000;
  gad_assess (in, &r);
  /* GMI level 187 + 3 × 131 = 580 €; benefit 580 − 500 = 80 €. */
  g_assert_cmpint (r.gmi_level_cents, ==, 58000);
  g_assert_cmpint (r.gmi_benefit_cents, ==, 8000);
  g_assert_cmpint (r.needy_threshold_cents, ==, 42500 + 3 * 29800);
  g_assert_cmpint (r.status, ==, GAD_HOUSEHOLD_NEEDY);
  g_assert_cmpint (r.k_hundredths, ==, 150);
  /* 1.5 × 580 + 300 − 580 = 590 €, never above the actual 300 € of costs. */
  g_assert_cmpint (r.housing_benefit_cents, ==, 30000);
}

static void
test_pensioner_couple_with_grandchild (void)
{
  g_autoptr(GadAssessmentInput) in = input_2026 ();
  GadAssessment r;

  add_member (in, FALSE, TRUE, 40000);
  add_member (in, FALSE, TRUE, 38000);
  add_member (in, TRUE, FALSE, 0);
  in->housing_costs_cents = 50000;
  gad_assess (in, &r);
  /* Only pensioners and a child: K = 2. 2 × (187 + 2 × 131) + 500 − 780 = 618 → 500. */
  g_assert_cmpint (r.k_hundredths, ==, 200);
  g_assert_cmpint (r.housing_benefit_cents, ==, 50000);
  g_assert_cmpint (r.status, ==, GAD_HOUSEHOLD_NEEDY);
}

static void
test_income_above_threshold (void)
{
  g_autoptr(GadAssessmentInput) in = input_2026 ();
  GadAssessment r;

  add_member (in, FALSE, FALSE, 100000);
  in->housing_costs_cents = 10000;
  gad_assess (in, &r);
  g_assert_cmpint (r.status, ==, GAD_HOUSEHOLD_NEITHER);
  g_assert_cmpint (r.gmi_benefit_cents, ==, 0);
  g_assert_cmpint (r.housing_benefit_cents, ==, 0);
}

static void
test_thresholds_switch (void)
{
  /* Rates are the administrator's to set. */
  g_autoptr(GadStore) store = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, NULL);
  GadRate before = { 0 }, after = { 0 }, first = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (gad_store_rate_at (store, "gmi", "2023-06-30", &before, &error));
  g_assert_true (gad_store_rate_at (store, "gmi", "2023-07-01", &after, &error));
  g_assert_cmpint (before.first, ==, 10900);
  g_assert_cmpint (after.first, ==, 12500);
  g_assert_cmpint (after.other, ==, 8750);
  g_assert_cmpstr (after.valid_from, ==, "2023-07-01");
  g_assert_false (gad_store_rate_at (store, "gmi", "2020-12-31", &first, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The municipality lowers its own low-income threshold from a date. */
  g_assert_true (gad_store_set_rate (store, "low-income", "2026-07-01", 60000, 40000, &error));
  g_assert_true (gad_store_rate_at (store, "low-income", "2026-06-30", &first, NULL));
  g_assert_cmpint (first.first, ==, 68000);
  g_assert_true (gad_store_rate_at (store, "low-income", "2026-07-01", &first, NULL));
  g_assert_cmpint (first.first, ==, 60000);
  /* … but never above the national ceiling. */
  g_assert_false (gad_store_set_rate (store, "low-income", "2026-08-01", 70000, 40000, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (before.valid_from);
  g_free (after.valid_from);
  g_free (first.valid_from);
}

/* ---- decisions in the store --------------------------------------------- */

static gint64
add_request (GadStore   *store,
             gint64      person,
             const char *type,
             const char *received_on)
{
  GadRequest r = { 0, person, 0, (char *) type, NULL, (char *) received_on, "IN-7" };
  g_autoptr(GError) error = NULL;
  gint64 id = gad_store_insert_request (store, &r, &error);

  g_assert_no_error (error);
  return id;
}

/* A grant on application @request. */
static gint64
issue_on (GadStore   *store,
          gint64      request,
          const char *date,
          const char *reasoning,
          GError    **error)
{
  GadDecisionDraft d = { 0 };

  d.request_id = request;
  d.outcome = "grant";
  d.amount_cents = 12345;
  d.period_from = "2026-03-01";
  d.period_to = "2026-05-31";
  d.status_granted = "needy";
  d.facts = "Iesniedzēja dzīvo viena; ienākumi — vecuma pensija.";
  d.legal_basis = "Sociālo pakalpojumu un sociālās palīdzības likuma 33. panta pirmā daļa";
  d.reasoning = reasoning;
  d.issued_on = date;
  d.drafter = "Inese Ozola";
  return gad_decision_issue (store, &d, error);
}

/* A grant like application @request's, on an application of its own: four
 * eyes count the decisions on one application together. */
static gint64
issue (GadStore   *store,
       gint64      request,
       const char *date,
       const char *reasoning,
       GError    **error)
{
  g_autoptr(GadRequest) like = gad_store_get_request (store, request, error);

  if (like == NULL)
    return 0;
  return issue_on (store, add_request (store, like->person_id, like->type_code,
                                       like->received_on),
                   date, reasoning, error);
}

static void
test_register (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  gint64 person = gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  gint64 request = add_request (store, person, "gmi", "2026-02-10");
  const char *dates[] = { "2026-03-01", "2026-12-31", "2027-01-02", "2027-01-03" };
  const char *numbers[] = { "2026/SD-000001", "2026/SD-000002", "2027/SD-000001",
                            "2027/SD-000002" };
  g_autoptr(GError) error = NULL;
  g_autofree char *custom = gad_decision_format_number ("SD/{year}/{seq}", 2026, 42);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GadDecision) d = NULL;
      gint64 id = issue (store, request, dates[i], "Ienākumi zem sliekšņa.", &error);

      g_assert_no_error (error);
      d = gad_store_get_decision (store, id, &error);
      g_assert_cmpstr (d->number, ==, numbers[i]);
      /* The household status granted carries the decision's period. */
      g_assert_cmpstr (d->status_granted, ==, "needy");
      g_assert_cmpstr (d->period_from, ==, "2026-03-01");
      g_assert_cmpstr (d->period_to, ==, "2026-05-31");
      g_assert_cmpint (gad_store_find_decision (store, numbers[i]), ==, id);
    }

  /* A failed issue (no legal basis) uses no number. */
  {
    GadDecisionDraft d = { 0 };
    d.request_id = request;
    d.outcome = "refuse";
    d.reasoning = "x";
    d.issued_on = "2027-02-01";
    g_assert_cmpint (gad_decision_issue (store, &d, &error), ==, 0);
    g_assert_error (error, GAD_DECISION_ERROR, GAD_DECISION_ERROR_INVALID);
    g_clear_error (&error);
    d.legal_basis = "x";
    d.reasoning = NULL;
    g_assert_cmpint (gad_decision_issue (store, &d, &error), ==, 0);
    g_assert_error (error, GAD_DECISION_ERROR, GAD_DECISION_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (issue (store, request, "2027-02-01", "x", &error), >, 0);
  g_assert_cmpint (gad_store_find_decision (store, "2027/SD-000003"), >, 0);
  g_assert_cmpstr (custom, ==, "SD/2026/42");
}

typedef struct
{
  char *path;
  gint64 request;
  guint issued;
} Worker;

static gpointer
issue_many (gpointer data)
{
  Worker *w = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) store = gad_test_open (w->path);

  g_assert_no_error (error);
  for (guint i = 0; i < 15; i++)
    {
      gint64 id = issue (store, w->request, "2026-04-01", "x", &error);
      g_assert_no_error (error);
      w->issued += id > 0;
    }
  return NULL;
}

/* ---- the letter, read back with poppler ---------------------------------- */

static char *
pdf_text (GBytes *pdf,
          int    *n_pages)
{
  g_autoptr(GError) error = NULL;
  /* Poppler 22 has no autoptr declarations: unref by hand. */
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < *n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);
      g_string_append_printf (text, "\f%s", t);
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (text, FALSE);
}

static void
test_register_two_connections (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  gint64 person = gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  gint64 request = add_request (store, person, "gmi", "2026-02-10");
  Worker a = { path, request }, b = { path, request };
  GThread *ta = g_thread_new ("a", issue_many, &a);
  GThread *tb = g_thread_new ("b", issue_many, &b);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GadStore) head = NULL;
  g_autoptr(GError) error = NULL;

  g_thread_join (ta);
  g_thread_join (tb);
  g_assert_cmpuint (a.issued + b.issued, ==, 30);

  /* Numbers 1 … 30 exactly once each: no gap, no duplicate (the head's register). */
  head = gad_test_open_as (path, GAD_ROLE_HEAD);
  ids = gad_store_decisions_between (head, "2026-01-01", "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 30);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GadDecision) d = gad_store_get_decision (head, g_array_index (ids, gint64, i),
                                                         &error);

      g_assert_no_error (error);
      g_autofree char *expected = g_strdup_printf ("2026/SD-%06u", i + 1);
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *text = NULL;
      int pages;

      g_assert_cmpstr (d->number, ==, expected);
      /* Each letter carries its own number. */
      pdf = gad_store_get_decision_pdf (head, d->id, &error);
      g_assert_no_error (error);
      text = pdf_text (pdf, &pages);
      g_assert_nonnull (strstr (text, expected));
    }
}

typedef struct
{
  GadStore *store;
  gint64 request;
  gint64 id;
} Issuer;

static gpointer
issue_one (gpointer data)
{
  Issuer *w = data;
  g_autoptr(GError) error = NULL;

  w->id = issue_on (w->store, w->request, "2026-04-01", "x", &error);
  g_assert_no_error (error);
  return NULL;
}

/* When a colleague takes the year's next number while this decision is
 * being issued, it waits for the colleague and gets the number after, in
 * its letter too. */
static void
test_number_taken_meanwhile (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  gint64 person = gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  gint64 request = add_request (store, person, "gmi", "2026-02-10");
  g_autoptr(GadStore) colleague = gad_test_open (path);
  g_autoptr(GadStore) worker = gad_test_open (path);
  g_autoptr(GadStore) head = NULL;
  g_autoptr(GadDecision) d = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Issuer w = { worker, request, 0 };
  GThread *thread;
  int seq = 0, pages;

  /* The colleague holds number 1 while this decision is issued. */
  g_assert_true (gad_store_begin (colleague, &error));
  g_assert_true (gad_store_next_decision_number (colleague, 2026, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seq, ==, 1);
  thread = g_thread_new ("issuer", issue_one, &w);
  g_usleep (G_USEC_PER_SEC / 2);
  g_assert_true (gad_store_commit (colleague, &error));
  g_thread_join (thread);

  head = gad_test_open_as (path, GAD_ROLE_HEAD);
  d = gad_store_get_decision (head, w.id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d->number, ==, "2026/SD-000002");
  pdf = gad_store_get_decision_pdf (head, w.id, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf, &pages);
  g_assert_nonnull (strstr (text, "2026/SD-000002"));
  g_assert_null (strstr (text, "2026/SD-000001"));
}

static void
test_immutable_and_frozen (void)
{
  if (gad_test_server ())
    {
      g_test_skip ("SQLite files only");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  gint64 person = gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  gint64 request = add_request (store, person, "gmi", "2026-02-10");
  g_autoptr(GError) error = NULL;
  gint64 id = issue (store, request, "2026-03-01", "Ienākumi zem sliekšņa.", &error);
  g_autoptr(GBytes) before = gad_store_get_decision_pdf (store, id, &error);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *snapshot_before = gad_store_get_decision_snapshot (store, id);
  g_autofree char *snapshot_after = NULL;
  g_autoptr(GadPerson) p = gad_store_get_person (store, person, NULL);
  g_autoptr(GPtrArray) payments_check = NULL;
  sqlite3 *db;
  char *message = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (snapshot_before, "\"last_name\":\"Bērziņš\""));

  /* The store itself refuses to change an issued decision. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE decisions SET amount_cents = 1", NULL, NULL, &message),
                   ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (message, "cannot be changed"));
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM decisions", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT);
  sqlite3_close (db);

  /* Editing the client later changes neither the letter nor the frozen data. */
  g_object_set (p, "last-name", "Bērziņš-Ozols", "address", "Jaunā iela 9", NULL);
  g_assert_true (gad_store_update_person (store, p, &error));
  after = gad_store_get_decision_pdf (store, id, &error);
  g_assert_true (g_bytes_equal (before, after));
  snapshot_after = gad_store_get_decision_snapshot (store, id);
  g_assert_cmpstr (snapshot_after, ==, snapshot_before);

  /* Three months of 123,45 € were paid, as the head's dashboards count them. */
  {
    g_autoptr(GadStore) head = gad_test_open_as (path, GAD_ROLE_HEAD);

    g_assert_cmpint (gad_store_sum_payments (head, "2026-01", "2026-12"), ==, 3 * 12345);
  }

  /* Assessment data of a decided application is frozen too. */
  {
    g_autoptr(GadDecision) issued = gad_store_get_decision (store, id, &error);

    g_assert_no_error (error);
    g_assert_false (gad_store_set_means (store, issued->application_id, 0, NULL, NULL, &error));
  }
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
}

static void
test_supersede (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  gint64 person = gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  gint64 request = add_request (store, person, "gmi", "2026-02-10");
  g_autoptr(GError) error = NULL;
  gint64 first = issue (store, request, "2026-03-01", "x", &error);
  GadDecisionDraft d = { 0 };
  g_autoptr(GPtrArray) all = NULL;
  gint64 second;

  d.request_id = request;
  d.outcome = "partial";
  d.amount_cents = 5000;
  d.period_from = "2026-03-01";
  d.period_to = "2026-03-31";
  d.legal_basis = "x";
  d.reasoning = "Labots aprēķins.";
  d.issued_on = "2026-03-05";
  d.supersedes_id = first;
  second = gad_decision_issue (store, &d, &error);
  g_assert_no_error (error);
  all = gad_store_list_decisions (store, person, NULL);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((GadDecision *) g_ptr_array_index (all, 0))->id, ==, second);
  g_assert_cmpint (((GadDecision *) g_ptr_array_index (all, 0))->supersedes_id, ==, first);
  g_assert_nonnull (strstr (((GadDecision *) g_ptr_array_index (all, 0))->decision_text,
                            "aizstāj"));
}

static void
test_duties (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  gint64 person = gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  gint64 request = add_request (store, person, "gmi", "2026-02-10");
  g_autoptr(GPtrArray) duties = g_ptr_array_new ();
  GadDuty register_duty = { .text = (char *) "Reģistrēties NVA kā bezdarbniekam",
                            .due_on = (char *) "2026-03-15" };
  GadDuty consult = { .text = (char *) "Apmeklēt konsultāciju", .due_on = (char *) "2026-04-01" };
  GadDecisionDraft d = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  GadDuty *first;

  g_ptr_array_add (duties, &register_duty);
  g_ptr_array_add (duties, &consult);
  d.request_id = request;
  d.outcome = "grant";
  d.amount_cents = 8000;
  d.period_from = "2026-03-01";
  d.period_to = "2026-08-31";
  d.legal_basis = "x";
  d.reasoning = "Persona ir darbspējīga.";
  d.issued_on = "2026-03-01";
  d.duties = duties;
  g_assert_cmpint (gad_decision_issue (store, &d, &error), >, 0);
  g_assert_no_error (error);

  listed = gad_store_list_duties (store, person, NULL);
  g_assert_cmpuint (listed->len, ==, 2);
  first = g_ptr_array_index (listed, 0);
  g_assert_cmpstr (first->text, ==, "Reģistrēties NVA kā bezdarbniekam");
  g_assert_cmpstr (first->status, ==, "open");
  {
    g_autoptr(GPtrArray) open = gad_store_list_open_duties (store, 0, NULL);
    g_assert_cmpuint (open->len, ==, 2);
    g_assert_cmpstr (((GadDuty *) g_ptr_array_index (open, 0))->person_name, ==, "Bērziņš Jānis");
  }
  g_assert_true (gad_store_record_duty (store, first->id, "failed", "2026-03-20", &error));
  g_assert_false (gad_store_record_duty (store, first->id, "fulfilled", "2026-03-21", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = gad_store_list_duties (store, person, NULL);
  g_assert_cmpstr (((GadDuty *) g_ptr_array_index (listed, 1))->status, ==, "failed");
  {
    g_autoptr(GPtrArray) open = gad_store_list_open_duties (store, 0, NULL);
    g_assert_cmpuint (open->len, ==, 1);
  }
}

static void
test_ministry (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) worker = gad_test_store (&path);
  g_autoptr(GadStore) store = NULL;   /* the head reports to the ministry */
  gint64 mother = gad_test_person (worker, "010100-23666", "Kalniņa", "Laura");
  gint64 child = gad_test_person (worker, "328673-00679", "Kalniņš", "Markuss");
  gint64 request;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  GadMinistryMonth f;

  g_assert_cmpint (gad_store_place_in_household (worker, child, mother, "child", "2024-01-01", NULL,
                                                 0, &error), >, 0);
  request = add_request (worker, mother, "gmi", "2026-02-10");
  g_assert_cmpint (issue (worker, request, "2026-03-01", "x", &error), >, 0);
  store = gad_test_open_as (path, GAD_ROLE_HEAD);
  g_assert_false (gad_stats_ministry (worker, "2026-04", &f, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_true (gad_stats_ministry (store, "2026-04", &f, &error));
  /* Mother and child live in the needy household. */
  g_assert_cmpint (f.needy_persons, ==, 2);
  g_assert_cmpint (f.gmi_cents, ==, 12345);
  g_assert_cmpint (f.housing_cents + f.health_cents + f.other_cents, ==, 0);
  g_assert_true (gad_stats_ministry (store, "2026-07", &f, NULL));
  g_assert_cmpint (f.needy_persons, ==, 0);
  g_assert_cmpint (f.gmi_cents, ==, 0);
  g_assert_false (gad_stats_ministry (store, "2026-13", &f, &error));
  g_assert_error (error, GAD_STATS_ERROR, GAD_STATS_ERROR_INVALID);
  g_clear_error (&error);

  gad_stats_ministry (store, "2026-04", &f, NULL);
  csv = gad_stats_ministry_csv ("2026-04", &f);
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbfmonth;needy_persons;"));
  g_assert_nonnull (strstr (csv, "\r\n2026-04;2;123,45;0,00;0,00;0,00\r\n"));
}

static void
test_letter (void)
{
  if (gad_test_server ())
    {
      g_test_skip ("SQLite files only");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  gint64 person = gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  gint64 request = add_request (store, person, "gmi", "2026-02-10");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_reasoning = g_string_new (NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  int pages;
  gint64 id;
  const char *requisites[] = {
    "Bauskas novada Sociālais dienests", "Reģ. Nr. 90009999999", "Slimnīcas iela 7",
    "e-pasts", "e-adrese", "LĒMUMS", "Bauskā", "01.03.2026", "Nr. 2026/SD-000001",
    "Jānis Bērziņš", "Par sociālās palīdzības pabalsta piešķiršanu", "10.02.2026",
    "Nr. IN-7", "Konstatētie fakti", "Tiesiskais pamatojums", "Lēmuma pamatojums", "Nolemj:",
    "123,45", "Lēmumu var apstrīdēt Bauskas novada domē", "viena mēneša laikā",
    "Administratīvajā rajona tiesā", "DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU",
    "Sagatavoja: Inese Ozola", "Ierobežotas pieejamības informācija", "trūcīgu",
  };

  for (guint i = 0; i < 40; i++)
    g_string_append (long_reasoning, "Mājsaimniecības ienākumi ir zem trūcīgas mājsaimniecības "
                     "ienākumu sliekšņa, un īpašumā nav nekustamā īpašuma, ko varētu izīrēt. ");
  id = issue (store, request, "2026-03-01", long_reasoning->str, &error);
  g_assert_no_error (error);
  pdf = gad_store_get_decision_pdf (store, id, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf, &pages);

  for (guint i = 0; i < G_N_ELEMENTS (requisites); i++)
    if (strstr (text, requisites[i]) == NULL)
      g_error ("the letter lacks “%s”:\n%s", requisites[i], text);

  /* The long reasoning flows onto page 2, which is numbered; page 1 is not. */
  g_assert_cmpint (pages, >=, 2);
  {
    g_autofree char *number = g_strdup_printf ("2 (%d)", pages);
    g_auto(GStrv) page_texts = g_strsplit (text, "\f", -1);
    g_assert_nonnull (strstr (page_texts[2], number));
    g_assert_null (strstr (page_texts[1], "1 ("));
  }

  /* The letter is the same bytes when rendered again from the same data:
   * the same decision issued in another database of the same service. */
  {
    g_autoptr(GadStore) elsewhere = gad_test_store (NULL);
    gint64 same_person = gad_test_person (elsewhere, "161175-19997", "Bērziņš", "Jānis");
    gint64 same_request = add_request (elsewhere, same_person, "gmi", "2026-02-10");
    gint64 again_id = issue (elsewhere, same_request, "2026-03-01", long_reasoning->str, &error);
    g_autoptr(GBytes) again = NULL;

    g_assert_no_error (error);
    again = gad_store_get_decision_pdf (elsewhere, again_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (again), ==, g_bytes_get_size (pdf));
    g_assert_true (g_bytes_equal (pdf, again));
  }

  /* A stored letter whose bytes no longer match their SHA-256 is not handed
   * out as the decision. */
  {
    g_autoptr(GBytes) tampered = NULL;
    g_autofree guint8 *bytes = g_memdup2 (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
    sqlite3 *db;
    sqlite3_stmt *stmt;

    bytes[g_bytes_get_size (pdf) / 2] ^= 0x01;   /* one bit, in the middle */
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER decisions_immutable", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE decisions SET pdf = ?1 WHERE id = ?2", -1,
                                         &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_blob (stmt, 1, bytes, g_bytes_get_size (pdf), SQLITE_STATIC);
    sqlite3_bind_int64 (stmt, 2, id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    g_assert_cmpint (sqlite3_changes (db), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    tampered = gad_store_get_decision_pdf (store, id, &error);
    g_assert_null (tampered);
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, "checksum"));
    g_clear_error (&error);
  }
}

static void
test_letter_deterministic (void)
{
  g_autoptr(GadLetter) l = gad_letter_new ();
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  guint pages;

  l->institution = g_strdup ("Iestāde");
  l->date = g_strdup ("2026-03-01");
  l->dated = g_strdup ("01.03.2026. Nr. 1");
  l->title = g_strdup ("Par");
  gad_letter_add_paragraph (l, "Nolemj:", "Piešķirt.", TRUE);
  gad_letter_add_paragraph (l, NULL, "Lēmumu var apstrīdēt.", TRUE);
  a = gad_letter_render (l, &pages, NULL);
  b = gad_letter_render (l, NULL, NULL);
  g_assert_cmpuint (pages, ==, 1);
  g_assert_true (g_bytes_equal (a, b));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/assessment/alone-pensioner", test_alone_pensioner);
  g_test_add_func ("/assessment/family-of-four", test_family_of_four);
  g_test_add_func ("/assessment/pensioner-couple-with-grandchild",
                   test_pensioner_couple_with_grandchild);
  g_test_add_func ("/assessment/income-above-threshold", test_income_above_threshold);
  g_test_add_func ("/assessment/thresholds-switch", test_thresholds_switch);
  g_test_add_func ("/decision/register", test_register);
  g_test_add_func ("/decision/register-two-connections", test_register_two_connections);
  g_test_add_func ("/decision/number-taken-meanwhile", test_number_taken_meanwhile);
  g_test_add_func ("/decision/immutable-and-frozen", test_immutable_and_frozen);
  g_test_add_func ("/decision/supersede", test_supersede);
  g_test_add_func ("/decision/duties", test_duties);
  g_test_add_func ("/decision/ministry", test_ministry);
  g_test_add_func ("/decision/letter", test_letter);
  g_test_add_func ("/decision/letter-deterministic", test_letter_deterministic);
  return g_test_run ();
}
