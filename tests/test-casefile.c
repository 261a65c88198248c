/* test-casefile.c — the case file: records with their 24-hour lock and
 * corrections, the assessment and plan, written and read by each role as
 * itself
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "gad-case-pdf.h"
#include "gad-my-work.h"
#include "gad-pdf.h"
#include "gad-stats.h"
#include "gad-test-util.h"
#include "gad-text.h"

typedef struct
{
  char *path;
  GadStore *worker;
  gint64 person;
  gint64 case_id;
} File;

static void
file_open (File *f)
{
  g_autoptr(GError) error = NULL;
  GadCase c = { 0 };

  f->worker = gad_test_store_as (GAD_ROLE_SOCIAL_WORKER, &f->path);
  f->person = gad_test_person (f->worker, "161175-19997", "Bērziņš", "Jānis");
  c.person_id = f->person;
  c.worker_id = gad_store_actor_id (f->worker);
  c.target_groups = (char *) "pensioner";
  c.opened_on = (char *) "2026-01-05";
  f->case_id = gad_store_insert_case (f->worker, &c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->case_id, >, 0);
}

static void
file_close (File *f)
{
  g_clear_object (&f->worker);
  g_free (f->path);
}

static gint64
write_record (GadStore   *store,
       gint64      case_id,
       const char *kind,
       const char *day,
       const char *text,
       gint64      corrects,
       GError    **error)
{
  GadCaseRecord r = { .case_id = case_id, .kind = (char *) kind, .occurred_on = (char *) day,
                      .participants = (char *) "Jānis Bērziņš, meita Anna",
                      .text = (char *) text, .corrects_id = corrects };

  return gad_store_add_record (store, &r, error);
}

static gint64
count (const char *path,
       const char *sql)
{
  g_autofree char *text = gad_test_sql_text (path, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

/* Bad records are refused with a reason; good ones list newest first, by kind too. */
static void
test_records (void)
{
  File f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  GadCaseRecord *newest;

  file_open (&f);
  g_assert_cmpint (write_record (f.worker, f.case_id, "seance", "2026-02-01", "Runājām.", 0, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (write_record (f.worker, f.case_id, "phone-call", "2099-01-01", "Runājām.", 0, &error),
                   ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (write_record (f.worker, f.case_id, "phone-call", "2026-02-01", "  ", 0, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM case_records"), ==, 0);

  g_assert_cmpint (write_record (f.worker, f.case_id, "home-visit", "2026-02-03",
                          "Mājas apsekošana: malka ir, ledusskapis tukšs.", 0, &error), >, 0);
  g_assert_cmpint (write_record (f.worker, f.case_id, "phone-call", "2026-02-10",
                          "Meita apsolīja atvest pārtiku.", 0, &error), >, 0);
  g_assert_cmpint (write_record (f.worker, f.case_id, "phone-call", "2026-01-20",
                          "Pirmais zvans.", 0, &error), >, 0);
  g_assert_no_error (error);

  all = gad_store_list_records (f.worker, f.case_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  newest = g_ptr_array_index (all, 0);
  g_assert_cmpstr (newest->occurred_on, ==, "2026-02-10");
  g_assert_cmpstr (newest->author, ==, "Sarmīte Darbiniece");
  g_assert_true (newest->editable);
  g_assert_cmpstr (((GadCaseRecord *) g_ptr_array_index (all, 2))->occurred_on, ==, "2026-01-20");
  calls = gad_store_list_records (f.worker, f.case_id, "phone-call", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM audit_log WHERE entity = 'case-record'"
                                  " AND action = 'create'"), ==, 3);
  file_close (&f);
}

/* The author corrects a record for a day, the change in the log; a
 * colleague may not; a day later it is locked and a correction is a new
 * record that names it, in the same case. */
static void
test_lock (void)
{
  File f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) colleague = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *old = NULL;
  GadCaseRecord *r;
  gint64 id, version;

  file_open (&f);
  id = write_record (f.worker, f.case_id, "office-visit", "2026-03-02", "Atnāca uz pieņemšanu.", 0,
              &error);
  g_assert_no_error (error);
  list = gad_store_list_records (f.worker, f.case_id, NULL, &error);
  r = g_ptr_array_index (list, 0);
  version = r->version;
  g_free (r->text);
  r->text = g_strdup ("Atnāca uz pieņemšanu ar meitu.");
  g_assert_true (gad_store_correct_record (f.worker, r, &error));
  g_assert_no_error (error);
  /* What was read before the correction is out of date now. */
  g_assert_false (gad_store_correct_record (f.worker, r, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gad_store_list_records (f.worker, f.case_id, NULL, &error);
  r = g_ptr_array_index (list, 0);
  g_assert_cmpstr (r->text, ==, "Atnāca uz pieņemšanu ar meitu.");
  g_assert_cmpint (r->version, ==, version + 1);
  old = gad_test_sql_text (f.path, "SELECT c.old_value FROM audit_changes c JOIN audit_log l"
                                   " ON l.id = c.audit_id WHERE l.entity = 'case-record'"
                                   " AND l.action = 'update' AND c.field = 'text'");
  g_assert_cmpstr (old, ==, "Atnāca uz pieņemšanu.");

  /* The colleague at the next desk reads it, and may not correct it. */
  colleague = gad_test_open_login (f.path, "colleague");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gad_store_list_records (colleague, f.case_id, NULL, &error);
  g_assert_no_error (error);
  r = g_ptr_array_index (list, 0);
  g_assert_false (r->editable);
  r->text = (g_free (r->text), g_strdup ("Cits teksts."));
  g_assert_false (gad_store_correct_record (colleague, r, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* A day and an hour later. */
  sql = g_strdup_printf ("UPDATE case_records SET written_at = '2026-03-02T08:00:00Z'"
                         " WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (gad_test_sql (f.path, sql), ==, GAD_DB_OK);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gad_store_list_records (f.worker, f.case_id, NULL, &error);
  r = g_ptr_array_index (list, 0);
  g_assert_false (r->editable);
  r->text = (g_free (r->text), g_strdup ("Labots vēlāk."));
  g_assert_false (gad_store_correct_record (f.worker, r, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM case_records"
                                  " WHERE text = 'Labots vēlāk.'"), ==, 0);
  g_assert_cmpint (write_record (f.worker, f.case_id, "other", "2026-03-04",
                          "Labojums: pieņemšanā bija arī znots.", id, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gad_store_list_records (f.worker, f.case_id, NULL, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((GadCaseRecord *) g_ptr_array_index (list, 0))->corrects_id, ==, id);

  /* A correction names a record of its own case. */
  {
    GadCase other = { 0, f.person, gad_store_actor_id (f.worker), NULL, (char *) "",
                      (char *) "2026-03-01" };
    gint64 other_id = gad_store_insert_case (f.worker, &other, &error);

    g_assert_no_error (error);
    g_assert_cmpint (write_record (f.worker, other_id, "other", "2026-03-04", "Labojums.", id, &error),
                     ==, 0);
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  }
  file_close (&f);
}

/* A clerk neither reads nor writes records, nor does an auditor; a head
 * reads them and writes none; an administrator reads no client's file. */
static void
test_rights (void)
{
  File f = { 0 };
  g_autoptr(GError) error = NULL;
  const GadRole readers[] = { GAD_ROLE_HEAD };
  const GadRole others[] = { GAD_ROLE_CLERK, GAD_ROLE_AUDITOR, GAD_ROLE_ADMINISTRATOR };

  file_open (&f);
  g_assert_cmpint (write_record (f.worker, f.case_id, "home-visit", "2026-02-03", "Apsekots.", 0,
                          &error), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr(GadStore) store = gad_test_open_as (f.path, readers[i]);
      g_autoptr(GPtrArray) list = gad_store_list_records (store, f.case_id, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, 1);
      g_assert_false (((GadCaseRecord *) g_ptr_array_index (list, 0))->editable);
      g_assert_cmpint (write_record (store, f.case_id, "other", "2026-02-04", "Vadītāja.", 0, &error),
                       ==, 0);
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(GadStore) store = gad_test_open_as (f.path, others[i]);
      g_autoptr(GPtrArray) list = gad_store_list_records (store, f.case_id, NULL, &error);

      g_assert_null (list);
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
      g_clear_error (&error);
      g_assert_cmpint (write_record (store, f.case_id, "other", "2026-02-04", "Svešs.", 0, &error), ==, 0);
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
      g_clear_error (&error);
    }
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM case_records"), ==, 1);
  file_close (&f);
}

/* The cases closed a year, by reason; a case reopened with its reason in
 * the log leaves the count; a clerk reopens nothing. */
static void
test_closure (void)
{
  File f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) head = NULL;
  g_autoptr(GadStore) clerk = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *why = NULL;

  file_open (&f);
  head = gad_test_open_as (f.path, GAD_ROLE_HEAD);
  clerk = gad_test_open_as (f.path, GAD_ROLE_CLERK);
  g_assert_false (gad_store_reopen_case (f.worker, f.case_id, "Atkal.", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gad_store_close_case (f.worker, f.case_id, "2026-06-30", "moved-away", &error));
  g_assert_no_error (error);
  before = gad_stats_query (head, "cases_closed", 2026, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 6);
  for (guint i = 0; i < before->len; i++)
    {
      GadStat *s = g_ptr_array_index (before, i);

      g_assert_cmpint (s->year, ==, 2026);
      g_assert_cmpint (s->value, ==, g_str_equal (s->category, "moved-away") ? 1 : 0);
    }

  g_assert_false (gad_store_reopen_case (f.worker, f.case_id, "  ", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gad_store_reopen_case (clerk, f.case_id, "Atgriezās.", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (gad_store_reopen_case (f.worker, f.case_id, "Atgriezās novadā.", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM cases WHERE closed_on IS NULL"), ==, 1);
  why = gad_test_sql_text (f.path, "SELECT c.new_value FROM audit_changes c JOIN audit_log l"
                                   " ON l.id = c.audit_id WHERE l.action = 'reopen'"
                                   " AND c.field = 'reason'");
  g_assert_cmpstr (why, ==, "Atgriezās novadā.");
  after = gad_stats_query (head, "cases_closed", 2026, 2026, &error);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpint (((GadStat *) g_ptr_array_index (after, i))->value, ==, 0);
  /* Records go on in the reopened case. */
  g_assert_cmpint (write_record (f.worker, f.case_id, "office-visit", "2026-07-02",
                                 "Atgriezās.", 0, &error), >, 0);
  file_close (&f);
}

/* A case moves to another worker with the reason, which the log keeps;
 * without one it stays. */
static void
test_transfer (void)
{
  File f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) head = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *why = NULL;
  GadCase *c;
  gint64 colleague;

  file_open (&f);
  head = gad_test_open_as (f.path, GAD_ROLE_HEAD);
  colleague = gad_test_staff_id (head, "colleague");
  cases = gad_store_list_cases (head, f.person, &error);
  c = g_ptr_array_index (cases, 0);
  c->worker_id = colleague;
  g_assert_false (gad_store_update_case (head, c, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  c->transfer_reason = g_strdup ("Sarmīte dodas atvaļinājumā uz pusgadu.");
  g_assert_true (gad_store_update_case (head, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f.path, "SELECT worker_id FROM cases"), ==, colleague);
  why = gad_test_sql_text (f.path, "SELECT c.new_value FROM audit_changes c JOIN audit_log l"
                                   " ON l.id = c.audit_id WHERE l.entity = 'case'"
                                   " AND l.action = 'update' AND c.field = 'reason'");
  g_assert_cmpstr (why, ==, "Sarmīte dodas atvaļinājumā uz pusgadu.");

  /* Both see it in their day's work, with the reason; not as overdue. */
  {
    g_autoptr(GadStore) taker = gad_test_open_login (f.path, "colleague");
    g_autofree char *today = gad_text_today_iso ();
    g_autoptr(GPtrArray) gave = gad_my_work (f.worker, today, &error);
    g_autoptr(GPtrArray) took = gad_my_work (taker, today, &error);
    g_autoptr(GPtrArray) later = NULL;
    g_autofree char *gave_text = NULL;
    g_autofree char *took_text = NULL;
    g_autofree char *in_a_month = NULL;
    GDate date;

    g_assert_no_error (error);
    gave_text = gad_my_work_text (gave);
    took_text = gad_my_work_text (took);
    g_assert_nonnull (strstr (gave_text, "Case passed to "));
    g_assert_nonnull (strstr (gave_text, ": Sarmīte dodas atvaļinājumā uz pusgadu."));
    g_assert_nonnull (strstr (took_text, "Case received from "));
    g_assert_nonnull (strstr (took_text, "Bērziņš Jānis"));
    for (guint i = 0; i < took->len; i++)
      {
        GadDueItem *item = g_ptr_array_index (took, i);

        if (item->kind == GAD_DUE_TRANSFER)
          g_assert_false (item->overdue);
      }
    /* The client's data export has it. */
    {
      g_autofree char *json = NULL;
      g_autoptr(GBytes) export_pdf = NULL;

      g_assert_true (gad_store_export_person (taker, f.person, &json, &export_pdf, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (json, "\"transfers\""));
      g_assert_nonnull (strstr (json, "Sarmīte dodas atvaļinājumā uz pusgadu."));
    }
    /* Two weeks later it is old news. */
    gad_text_parse_date (today, &date);
    g_date_add_days (&date, 30);
    in_a_month = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                                  g_date_get_month (&date), g_date_get_day (&date));
    later = gad_my_work (taker, in_a_month, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < later->len; i++)
      g_assert_cmpint (((GadDueItem *) g_ptr_array_index (later, i))->kind, !=,
                       GAD_DUE_TRANSFER);
  }
  file_close (&f);
}

/* My Work: a case with no record for 60 days is due 60 days after its last
 * record (or its opening), overdue once that day is past; a record ends it.
 * A clerk has no My Work. */
static void
test_my_work (void)
{
  File f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) clerk = NULL;
  g_autoptr(GPtrArray) due = NULL;
  GadDueItem *item;

  file_open (&f);
  /* Opened on 05.01.2026, nothing written: due on 06.03.2026. */
  due = gad_my_work (f.worker, "2026-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = gad_my_work (f.worker, "2026-03-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  item = g_ptr_array_index (due, 0);
  g_assert_cmpint (item->kind, ==, GAD_DUE_QUIET_CASE);
  g_assert_cmpint (item->case_id, ==, f.case_id);
  g_assert_cmpstr (item->due_on, ==, "2026-03-06");
  g_assert_true (item->overdue);
  g_assert_cmpstr (item->person, ==, "Bērziņš Jānis");

  g_assert_cmpint (write_record (f.worker, f.case_id, "phone-call", "2026-03-09", "Zvans.", 0,
                                 &error), >, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = gad_my_work (f.worker, "2026-03-10", &error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = gad_my_work (f.worker, "2026-05-10", &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpstr (((GadDueItem *) g_ptr_array_index (due, 0))->due_on, ==, "2026-05-08");

  clerk = gad_test_open_as (f.path, GAD_ROLE_CLERK);
  g_assert_null (gad_my_work (clerk, "2026-05-10", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  file_close (&f);
}

static void
set (char      **field,
     const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* A plan of two goals: Jānis's tasks (a co-operation duty), the worker's
 * and the pension fund's. */
static GadCasePlan *
plan_new (gint64 case_id)
{
  GadCasePlan *p = gad_case_plan_new ();
  GadPlanGoal *warm = gad_plan_goal_new ("Mājā silts visu ziemu");
  GadPlanGoal *money = gad_plan_goal_new ("Rēķini samaksāti laikā");

  p->case_id = case_id;
  p->assessed_on = g_strdup ("2026-02-01");
  p->review_on = g_strdup ("2026-03-15");
  gad_case_plan_add_need (p, "safety", "Krāsns plaisa, dūmi istabā.");
  gad_case_plan_add_need (p, "housing", "Malka līdz janvārim.");
  g_ptr_array_add (warm->tasks, gad_plan_task_new ("Pieteikt krāsns remontu", "client", NULL,
                                                   "2026-03-05"));
  g_ptr_array_add (warm->tasks, gad_plan_task_new ("Sarunāt malkas piegādi", "worker", NULL,
                                                   "2026-03-12"));
  g_ptr_array_add (money->tasks, gad_plan_task_new ("Pārrēķināt pensiju", "institution",
                                                    "VSAA", "2026-04-30"));
  g_ptr_array_add (p->goals, warm);
  g_ptr_array_add (p->goals, money);
  return p;
}

/* Each broken plan is refused with its reason and nothing is written; a
 * whole one reads back as it was written, the areas in the catalogue's
 * order; a revision over a newer one is refused; every version is in the
 * log. */
static void
test_plan (void)
{
  File f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadCasePlan) p = NULL;
  g_autoptr(GadCasePlan) read = NULL;
  g_autoptr(GadCasePlan) again = NULL;
  GadPlanGoal *g;
  GadPlanTask *t;
  gint64 id;

  file_open (&f);
  read = gad_store_get_case_plan (f.worker, f.case_id, &error);
  g_assert_no_error (error);
  g_assert_null (read);
  for (guint broken = 0; broken < 6; broken++)
    {
      g_autoptr(GadCasePlan) bad = plan_new (f.case_id);
      GadPlanGoal *first = g_ptr_array_index (bad->goals, 0);
      GadPlanGoal *second = g_ptr_array_index (bad->goals, 1);

      if (broken == 0)
        g_ptr_array_set_size (bad->needs, 0);
      else if (broken == 1)
        set (&bad->assessed_on, "2099-01-01");
      else if (broken == 2)
        set (&bad->review_on, "2026-01-31");
      else if (broken == 3)
        g_ptr_array_set_size (first->tasks, 0);
      else if (broken == 4)
        set (&((GadPlanTask *) g_ptr_array_index (second->tasks, 0))->institution, " ");
      else
        gad_case_plan_add_need (bad, "housing", "Otrreiz.");
      g_assert_cmpint (gad_store_save_case_plan (f.worker, bad, &error), ==, 0);
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM case_plans"), ==, 0);
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM plan_tasks"), ==, 0);

  p = plan_new (f.case_id);
  id = gad_store_save_case_plan (f.worker, p, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_clear_pointer (&read, gad_case_plan_free);
  read = gad_store_get_case_plan (f.worker, f.case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->id, ==, id);
  g_assert_cmpint (read->person_id, ==, f.person);
  g_assert_cmpstr (read->review_on, ==, "2026-03-15");
  g_assert_cmpstr (read->author, ==, "Sarmīte Darbiniece");
  g_assert_cmpuint (read->needs->len, ==, 2);
  g_assert_cmpstr (((GadNeed *) g_ptr_array_index (read->needs, 0))->area, ==, "housing");
  g_assert_cmpstr (((GadNeed *) g_ptr_array_index (read->needs, 1))->area, ==, "safety");
  g_assert_cmpuint (read->goals->len, ==, 2);
  g = g_ptr_array_index (read->goals, 1);
  g_assert_cmpstr (g->text, ==, "Rēķini samaksāti laikā");
  t = g_ptr_array_index (g->tasks, 0);
  g_assert_cmpstr (t->institution, ==, "VSAA");
  g_assert_cmpstr (t->status, ==, "open");

  /* A revision: the worker's task done, the review later. */
  t = g_ptr_array_index (((GadPlanGoal *) g_ptr_array_index (read->goals, 0))->tasks, 1);
  set (&t->status, "fulfilled");
  set (&read->review_on, "2026-06-15");
  g_assert_cmpint (gad_store_save_case_plan (f.worker, read, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (gad_store_save_case_plan (f.worker, read, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  again = gad_store_get_case_plan (f.worker, f.case_id, &error);
  g_assert_cmpint (again->version, ==, 2);
  g_assert_cmpstr (again->review_on, ==, "2026-06-15");
  t = g_ptr_array_index (((GadPlanGoal *) g_ptr_array_index (again->goals, 0))->tasks, 1);
  g_assert_cmpstr (t->status, ==, "fulfilled");
  g_assert_nonnull (t->recorded_on);
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM audit_log WHERE entity = 'case-plan'"),
                   ==, 2);
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM audit_changes c JOIN audit_log l"
                                  " ON l.id = c.audit_id WHERE l.entity = 'case-plan'"
                                  " AND l.action = 'update' AND c.field = 'goals'"
                                  " AND c.new_value LIKE '%worker, 2026-03-12, fulfilled%'"), ==, 1);

  /* A closed case's plan is kept as it was. */
  g_assert_true (gad_store_close_case (f.worker, f.case_id, "2026-07-01", "goals-reached", &error));
  g_assert_cmpint (gad_store_save_case_plan (f.worker, again, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  file_close (&f);
}

/* The client's tasks are co-operation duties: they list with the
 * decisions' duties, are recorded from there, and leave My Work when the
 * case closes; the worker's own tasks and the review come in My Work two
 * weeks ahead. */
static void
test_plan_duties (void)
{
  File f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadCasePlan) p = plan_new (f.case_id);
  g_autoptr(GPtrArray) duties = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) due = NULL;
  GadDuty *d;

  file_open (&f);
  p->case_id = f.case_id;
  g_assert_cmpint (gad_store_save_case_plan (f.worker, p, &error), >, 0);
  duties = gad_store_list_duties (f.worker, f.person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (duties->len, ==, 1);
  d = g_ptr_array_index (duties, 0);
  g_assert_cmpstr (d->text, ==, "Pieteikt krāsns remontu");
  g_assert_cmpint (d->task_id, >, 0);
  g_assert_cmpint (d->decision_id, ==, 0);
  open = gad_store_list_open_duties (f.worker, gad_store_actor_id (f.worker), &error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpstr (((GadDuty *) g_ptr_array_index (open, 0))->person_name, ==, "Bērziņš Jānis");

  /* 01.03: the client's duty (05.03), the worker's task (12.03) and the
   * review (15.03) are within two weeks; the pension fund's (30.04) not. */
  g_assert_cmpint (write_record (f.worker, f.case_id, "phone-call", "2026-02-28", "Zvans.", 0,
                                 &error), >, 0);
  due = gad_my_work (f.worker, "2026-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 3);
  g_assert_cmpint (((GadDueItem *) g_ptr_array_index (due, 0))->kind, ==, GAD_DUE_DUTY);
  g_assert_cmpint (((GadDueItem *) g_ptr_array_index (due, 1))->kind, ==, GAD_DUE_TASK);
  g_assert_cmpstr (((GadDueItem *) g_ptr_array_index (due, 1))->what, ==, "Sarunāt malkas piegādi");
  g_assert_cmpint (((GadDueItem *) g_ptr_array_index (due, 1))->case_id, ==, f.case_id);
  g_assert_cmpint (((GadDueItem *) g_ptr_array_index (due, 2))->kind, ==, GAD_DUE_REVIEW);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = gad_my_work (f.worker, "2026-04-20", &error);
  g_assert_cmpuint (due->len, ==, 4);
  g_assert_true (((GadDueItem *) g_ptr_array_index (due, 0))->overdue);
  g_assert_cmpstr (((GadDueItem *) g_ptr_array_index (due, 3))->what, ==,
                   "Pārrēķināt pensiju (VSAA)");

  g_assert_true (gad_store_record_task (f.worker, d->task_id, "fulfilled", "2026-03-04", &error));
  g_assert_false (gad_store_record_task (f.worker, d->task_id, "failed", "2026-03-05", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&open, g_ptr_array_unref);
  open = gad_store_list_open_duties (f.worker, 0, &error);
  g_assert_cmpuint (open->len, ==, 0);
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM audit_log WHERE entity = 'plan-task'"
                                  " AND action = 'record'"), ==, 1);

  /* Another open duty, then the case closes: it leaves the open lists. */
  {
    g_autoptr(GadCasePlan) read = gad_store_get_case_plan (f.worker, f.case_id, &error);
    GadPlanGoal *g = g_ptr_array_index (read->goals, 0);

    g_ptr_array_add (g->tasks, gad_plan_task_new ("Nākt uz pārrunām", "client", NULL,
                                                  "2026-05-01"));
    g_assert_cmpint (gad_store_save_case_plan (f.worker, read, &error), >, 0);
  }
  g_clear_pointer (&open, g_ptr_array_unref);
  open = gad_store_list_open_duties (f.worker, 0, &error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_true (gad_store_close_case (f.worker, f.case_id, "2026-04-30", "client-refused", &error));
  g_clear_pointer (&open, g_ptr_array_unref);
  open = gad_store_list_open_duties (f.worker, 0, &error);
  g_assert_cmpuint (open->len, ==, 0);
  file_close (&f);
}

/* A head reads a plan and writes none; a clerk, an auditor and an
 * administrator neither read nor write it, nor record its tasks. */
static void
test_plan_rights (void)
{
  File f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadCasePlan) p = NULL;
  g_autoptr(GadStore) head = NULL;
  const GadRole others[] = { GAD_ROLE_CLERK, GAD_ROLE_AUDITOR, GAD_ROLE_ADMINISTRATOR };
  gint64 task;

  file_open (&f);
  p = plan_new (f.case_id);
  g_assert_cmpint (gad_store_save_case_plan (f.worker, p, &error), >, 0);
  task = count (f.path, "SELECT id FROM plan_tasks WHERE doer = 'client'");
  head = gad_test_open_as (f.path, GAD_ROLE_HEAD);
  {
    g_autoptr(GadCasePlan) read = gad_store_get_case_plan (head, f.case_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (read->goals->len, ==, 2);
    g_assert_cmpint (gad_store_save_case_plan (head, read, &error), ==, 0);
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
    g_clear_error (&error);
  }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(GadStore) store = gad_test_open_as (f.path, others[i]);

      g_assert_null (gad_store_get_case_plan (store, f.case_id, &error));
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
      g_clear_error (&error);
      g_assert_false (gad_store_record_task (store, task, "failed", "2026-03-06", &error));
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
      g_clear_error (&error);
    }
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM plan_tasks WHERE status = 'open'"), ==, 3);
  file_close (&f);
}

/* A one-page PDF and a small PNG, drawn here. */
static GBytes *
small_pdf (void)
{
  GadPdfFlow *flow = gad_pdf_flow_new (NULL);

  gad_pdf_flow_text (flow, "Izziņa no skolas", 12, TRUE, 0);
  return gad_pdf_flow_finish (flow, NULL, NULL);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
small_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 30);
  GByteArray *bytes = g_byte_array_new ();

  cairo_surface_write_to_png_stream (surface, append_png, bytes);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* A document round trip with its checksum; bad files refused with nothing
 * kept; stored bytes that no longer match reported; the opening logged;
 * the export lists them and anonymisation removes them. */
static void
test_documents (void)
{
  File f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = small_pdf ();
  g_autoptr(GBytes) png = small_png ();
  g_autoptr(GBytes) damaged = g_bytes_new_static ("%PDF-1.4\nbojāts", 15);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) big = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GBytes) shown = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GadCaseDocument) about = NULL;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  gint64 letter, picture, sheet;

  file_open (&f);
  big = g_bytes_new_take (g_malloc0 (GAD_DOCUMENT_MAX_BYTES + 1), GAD_DOCUMENT_MAX_BYTES + 1);
  g_assert_cmpint (gad_store_attach_document (f.worker, f.case_id, "liels.docx", big, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gad_store_attach_document (f.worker, f.case_id, "skola.pdf", damaged, &error),
                   ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gad_store_attach_document (f.worker, f.case_id, "tukšs.txt", empty, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM case_documents"), ==, 0);

  letter = gad_store_attach_document (f.worker, f.case_id, "/tmp/skola.pdf", pdf, &error);
  g_assert_no_error (error);
  picture = gad_store_attach_document (f.worker, f.case_id, "foto.png", png, &error);
  g_assert_no_error (error);
  sheet = gad_store_attach_document (f.worker, f.case_id, "budžets.ods",
                                     g_bytes_new_static ("PK\3\4 izklājlapa", 16), &error);
  g_assert_no_error (error);
  list = gad_store_list_documents (f.worker, f.case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  {
    GadCaseDocument *d = g_ptr_array_index (list, 2);

    g_assert_cmpint (d->id, ==, letter);
    g_assert_cmpstr (d->name, ==, "skola.pdf");
    g_assert_cmpstr (d->media_type, ==, "application/pdf");
    g_assert_cmpint (d->size, ==, (gint64) g_bytes_get_size (pdf));
    g_assert_cmpstr (d->sha256, ==, sha);
    g_assert_cmpstr (d->added_by, ==, "Sarmīte Darbiniece");
    g_assert_cmpstr (((GadCaseDocument *) g_ptr_array_index (list, 1))->media_type, ==, "image/png");
    g_assert_cmpstr (((GadCaseDocument *) g_ptr_array_index (list, 0))->media_type, ==,
                     "application/vnd.oasis.opendocument.spreadsheet");
  }
  read = gad_store_open_document (f.worker, letter, &about, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, pdf));
  g_assert_cmpstr (about->name, ==, "skola.pdf");
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM audit_log WHERE entity = 'document'"
                                  " AND action = 'open'"), ==, 1);
  /* A picture is viewed as a page of a PDF; an office file is not viewed here. */
  g_clear_pointer (&read, g_bytes_unref);
  read = gad_store_open_document (f.worker, picture, NULL, &error);
  shown = gad_case_document_to_pdf (read, "image/png", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (shown, NULL), "%PDF-"));
  g_assert_false (gad_case_document_viewable ("application/vnd.oasis.opendocument.spreadsheet"));

  /* Bytes changed under Gādība: reported, and the opening not logged. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE document_contents SET bytes ="
                                            " substr (bytes, 1, 1) WHERE document_id = %"
                                            G_GINT64_FORMAT, sheet);

    g_assert_cmpint (gad_test_sql (f.path, sql), ==, GAD_DB_OK);
  }
  g_clear_pointer (&read, g_bytes_unref);
  read = gad_store_open_document (f.worker, sheet, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM audit_log WHERE entity = 'document'"
                                  " AND action = 'open'"), ==, 2);

  /* The export lists them; anonymisation removes them. */
  {
    g_autofree char *json = NULL;
    g_autoptr(GBytes) export_pdf = NULL;
    g_autoptr(GadStore) admin = gad_test_open_as (f.path, GAD_ROLE_ADMINISTRATOR);

    g_assert_true (gad_store_export_person (f.worker, f.person, &json, &export_pdf, &error));
    g_assert_nonnull (strstr (json, "skola.pdf"));
    g_assert_nonnull (strstr (json, sha));
    g_assert_true (gad_store_close_case (f.worker, f.case_id, "2026-02-01", "moved-away", &error));
    g_assert_cmpint (gad_store_attach_document (f.worker, f.case_id, "vēl.pdf", pdf, &error), ==, 0);
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (gad_store_anonymise_person (admin, f.person, "2040-01-01", &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM case_documents"), ==, 0);
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM document_contents"), ==, 0);
  file_close (&f);
}

/* A clerk and an administrator see that documents exist, never what they
 * say; an auditor sees neither; a head reads them and adds none. */
static void
test_document_rights (void)
{
  File f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = small_pdf ();
  g_autoptr(GadStore) head = NULL;
  g_autoptr(GadStore) auditor = NULL;
  const GadRole outsiders[] = { GAD_ROLE_CLERK, GAD_ROLE_ADMINISTRATOR };
  gint64 id;

  file_open (&f);
  id = gad_store_attach_document (f.worker, f.case_id, "izziņa.pdf", pdf, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (outsiders); i++)
    {
      g_autoptr(GadStore) store = gad_test_open_as (f.path, outsiders[i]);
      g_autoptr(GPtrArray) list = gad_store_list_documents (store, f.case_id, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, 1);
      g_assert_null (gad_store_open_document (store, id, NULL, &error));
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
      g_clear_error (&error);
      g_assert_cmpint (gad_store_attach_document (store, f.case_id, "cits.pdf", pdf, &error), ==, 0);
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
      g_clear_error (&error);
    }
  auditor = gad_test_open_as (f.path, GAD_ROLE_AUDITOR);
  g_assert_null (gad_store_list_documents (auditor, f.case_id, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  head = gad_test_open_as (f.path, GAD_ROLE_HEAD);
  {
    g_autoptr(GBytes) read = gad_store_open_document (head, id, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (read, pdf));
  }
  g_assert_cmpint (gad_store_attach_document (head, f.case_id, "cits.pdf", pdf, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM case_documents"), ==, 1);
  file_close (&f);
}

/* Everything a PDF says, its pages' text one after another. */
static char *
pdf_text (GBytes *pdf,
          guint  *n_pages)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (doc);
  for (guint i = 0; i < *n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);

      g_string_append (text, t);
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (text, FALSE);
}

/* The plan for signing, and the summary of the file for a period: the
 * records of the period only, the plan, the documents' list, the mark on
 * each page, and the summary's leaving in the log; a clerk makes neither. */
static void
test_case_pdfs (void)
{
  File f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadCasePlan) p = NULL;
  g_autoptr(GBytes) pdf = small_pdf ();
  g_autoptr(GBytes) plan = NULL;
  g_autoptr(GBytes) summary = NULL;
  g_autoptr(GadStore) clerk = NULL;
  g_autofree char *plan_text = NULL, *text = NULL;
  guint pages = 0;

  file_open (&f);
  g_assert_null (gad_case_plan_pdf (f.worker, f.case_id, NULL, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  p = plan_new (f.case_id);
  g_assert_cmpint (gad_store_save_case_plan (f.worker, p, &error), >, 0);
  g_assert_cmpint (write_record (f.worker, f.case_id, "home-visit", "2026-01-20", "Agrs apmeklējums.",
                                 0, &error), >, 0);
  g_assert_cmpint (write_record (f.worker, f.case_id, "phone-call", "2026-02-10", "Zvans meitai.",
                                 0, &error), >, 0);
  g_assert_cmpint (gad_store_attach_document (f.worker, f.case_id, "skola.pdf", pdf, &error), >, 0);

  plan = gad_case_plan_pdf (f.worker, f.case_id, &pages, &error);
  g_assert_no_error (error);
  plan_text = pdf_text (plan, &pages);
  g_assert_cmpuint (pages, ==, 1);
  g_assert_nonnull (strstr (plan_text, "Sociālās rehabilitācijas plāns"));
  g_assert_nonnull (strstr (plan_text, "Ierobežotas pieejamības informācija"));
  g_assert_nonnull (strstr (plan_text, "Pārrēķināt pensiju"));
  g_assert_nonnull (strstr (plan_text, "VSAA"));
  g_assert_nonnull (strstr (plan_text, "15.03.2026"));

  summary = gad_case_summary_pdf (f.worker, f.person, "2026-02-01", NULL, &pages, &error);
  g_assert_no_error (error);
  text = pdf_text (summary, &pages);
  g_assert_nonnull (strstr (text, "Klienta lietas kopsavilkums"));
  g_assert_nonnull (strstr (text, "Zvans meitai."));
  g_assert_null (strstr (text, "Agrs apmeklējums."));
  g_assert_nonnull (strstr (text, "Mājā silts visu ziemu"));
  g_assert_nonnull (strstr (text, "skola.pdf"));
  g_assert_cmpint (count (f.path, "SELECT count (*) FROM audit_log WHERE action = 'read'"),
                   ==, 1);

  clerk = gad_test_open_as (f.path, GAD_ROLE_CLERK);
  g_assert_null (gad_case_summary_pdf (clerk, f.person, NULL, NULL, NULL, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (gad_case_plan_pdf (clerk, f.case_id, NULL, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  file_close (&f);
}

static guint
n_found (GadStore   *store,
         const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = gad_store_search_records (store, text, 50, &error);

  g_assert_no_error (error);
  return hits->len;
}

/* Searching the records of one's own cases: every word begins a word of a
 * record, diacritics and case folded; a correction is found by its new
 * words; a transferred case's records by its new worker only; a clerk, who
 * keeps no cases, is refused. */
static void
test_search (void)
{
  File f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) colleague = NULL;
  g_autoptr(GadStore) clerk = NULL;
  g_autoptr(GadStore) head = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  GadCaseRecord *hit;
  GadCase other = { 0 };
  gint64 visit;

  file_open (&f);
  visit = write_record (f.worker, f.case_id, "home-visit", "2026-02-03",
                        "Mājās auksts: apkure nedarbojas kopš svētdienas.", 0, &error);
  g_assert_no_error (error);
  write_record (f.worker, f.case_id, "phone-call", "2026-02-05",
                "Zvans uz NVA par darba meklēšanu.", 0, &error);
  g_assert_no_error (error);

  /* A colleague's client with the same words. */
  colleague = gad_test_open_login (f.path, "colleague");
  other.person_id = gad_test_person (colleague, "290200-21239", "Kalniņa", "Ilze");
  other.worker_id = gad_store_actor_id (colleague);
  other.target_groups = (char *) "pensioner";
  other.opened_on = (char *) "2026-01-10";
  other.id = gad_store_insert_case (colleague, &other, &error);
  g_assert_no_error (error);
  write_record (colleague, other.id, "home-visit", "2026-02-04", "Apkure salabota.", 0, &error);
  g_assert_no_error (error);

  hits = gad_store_search_records (f.worker, "APKU", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->id, ==, visit);
  g_assert_cmpstr (hit->client, ==, "Bērziņš Jānis");
  g_assert_cmpstr (hit->kind, ==, "home-visit");
  g_assert_cmpuint (n_found (f.worker, "majas  auksts"), ==, 1);
  g_assert_cmpuint (n_found (f.worker, "berz"), ==, 2);          /* the participants */
  g_assert_cmpuint (n_found (f.worker, "anna nva"), ==, 1);
  g_assert_cmpuint (n_found (f.worker, "auksts nva"), ==, 0);    /* every word, one record */
  g_assert_cmpuint (n_found (f.worker, "pastkaste"), ==, 0);
  g_assert_cmpuint (n_found (f.worker, "  ,.  "), ==, 0);
  g_assert_cmpuint (n_found (f.worker, "svētd: \"*"), ==, 1);    /* no query syntax gets through */
  g_assert_cmpuint (n_found (colleague, "apkure"), ==, 1);

  /* Corrected within the day: found by what it says now. */
  {
    g_autoptr(GPtrArray) list = gad_store_list_records (f.worker, f.case_id, "home-visit", &error);
    GadCaseRecord *r = g_ptr_array_index (list, 0);

    g_free (r->text);
    r->text = g_strdup ("Mājās silts: krāsns izkurināta.");
    g_assert_true (gad_store_correct_record (f.worker, r, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (n_found (f.worker, "apkure"), ==, 0);
  g_assert_cmpuint (n_found (f.worker, "krasns"), ==, 1);

  /* Transferred: the colleague finds its records, the worker no longer. */
  head = gad_test_open_as (f.path, GAD_ROLE_HEAD);
  cases = gad_store_list_cases (head, f.person, &error);
  g_assert_no_error (error);
  {
    GadCase *c = g_ptr_array_index (cases, 0);

    c->worker_id = gad_store_actor_id (colleague);
    c->transfer_reason = g_strdup ("Atvaļinājums.");
    g_assert_true (gad_store_update_case (head, c, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (n_found (f.worker, "krasns"), ==, 0);
  g_assert_cmpuint (n_found (colleague, "krasns"), ==, 1);
  g_assert_cmpuint (n_found (colleague, "berz"), ==, 3);    /* theirs too */

  clerk = gad_test_open_as (f.path, GAD_ROLE_CLERK);
  g_assert_null (gad_store_search_records (clerk, "berz", 50, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  file_close (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/casefile/records", test_records);
  g_test_add_func ("/casefile/lock", test_lock);
  g_test_add_func ("/casefile/rights", test_rights);
  g_test_add_func ("/casefile/closure", test_closure);
  g_test_add_func ("/casefile/transfer", test_transfer);
  g_test_add_func ("/casefile/my-work", test_my_work);
  g_test_add_func ("/casefile/plan", test_plan);
  g_test_add_func ("/casefile/plan-duties", test_plan_duties);
  g_test_add_func ("/casefile/plan-rights", test_plan_rights);
  g_test_add_func ("/casefile/documents", test_documents);
  g_test_add_func ("/casefile/document-rights", test_document_rights);
  g_test_add_func ("/casefile/pdfs", test_case_pdfs);
  g_test_add_func ("/casefile/search", test_search);
  return g_test_run ();
}
