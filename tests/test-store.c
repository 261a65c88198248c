/* test-store.c — migrations, writes with their audit rows, households and cases
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>

#include "gad-personal-code.h"
#include "gad-schedule.h"
#include "gad-store.h"
#include "gad-store-private.h"
#include "gad-store-watch.h"
#include "gad-test-proxy.h"
#include "gad-test-util.h"
#include "gad-text.h"

static int
sql_int (const char *path,
         const char *sql)
{
  g_autofree char *text = gad_test_sql_text (path, sql);

  return text ? atoi (text) : -1;
}

static void
sql_exec (const char *path,
          const char *sql)
{
  g_assert_cmpint (gad_test_sql (path, sql), ==, GAD_DB_OK);
}

static void
test_migrate_empty (void)
{
  if (gad_test_server ())
    {
      g_test_skip ("SQLite files only");
      return;
    }
  g_autofree char *path = gad_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) store = NULL;

  /* A path in a folder that does not exist yet. */
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *nested = g_build_filename (dir, "a", "b", "c.db", NULL);

  store = gad_store_open (nested, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  /* Readable by its owner only. */
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (nested, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  g_assert_cmpint (sql_int (nested, "PRAGMA user_version"), ==, gad_store_schema_version ());
  g_assert_cmpint (sql_int (nested, "PRAGMA journal_mode = WAL"), !=, -1);
  g_assert_cmpint (sql_int (nested, "SELECT count(*) FROM benefit_types"), ==, 13);
  g_assert_cmpint (sql_int (nested, "SELECT count(*) FROM service_types"), >=, 10);

  /* Opening again is a no-op: the migrations do not run twice. */
  store = gad_store_open (nested, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (nested, "SELECT count(*) FROM benefit_types"), ==, 13);
}

static void
test_refuse_newer (void)
{
  if (gad_test_server ())
    {
      g_test_skip ("SQLite files only");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          gad_store_schema_version () + 1);

  g_clear_object (&store);
  sql_exec (path, sql);
  store = gad_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));
  /* Refused, not touched. */
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, gad_store_schema_version () + 1);
}

static void
test_not_a_database (void)
{
  if (gad_test_server ())
    {
      g_test_skip ("SQLite files only");
      return;
    }
  g_autofree char *path = gad_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "personal_code;surname\nthis is a CSV file, not a "
                                      "database, but long enough to have a header page……", -1,
                                      NULL));
  store = gad_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_A_DATABASE);
}

static GadAuditChange *
find_change (GadAuditEntry *e,
             const char    *field)
{
  for (guint i = 0; i < e->changes->len; i++)
    {
      GadAuditChange *c = g_ptr_array_index (e->changes, i);
      if (g_str_equal (c->field, field))
        return c;
    }
  return NULL;
}

static void
test_person_audit (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  g_autoptr(GError) error = NULL;
  gint64 id;
  g_autoptr(GadPerson) p = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  GadAuditEntry *e;

  g_assert_cmpint (gad_store_actor_id (store), ==, gad_test_staff_id (store, "worker"));

  id = gad_test_person (store, "16117519997", "Bērziņš", "Jānis");
  p = gad_store_get_person (store, id, &error);
  g_assert_no_error (error);
  /* Birth date from the code; code stored without the hyphen. */
  g_assert_cmpstr (gad_person_get_birth_date (p), ==, "1975-11-16");
  g_assert_cmpstr (gad_person_get_code (p), ==, "16117519997");

  g_object_set (p, "address", "Skolas iela 1, Bauska", "first-name", "Jānis Pēteris", NULL);
  g_assert_true (gad_store_update_person (store, p, &error));
  g_assert_no_error (error);

  audit = gad_store_list_audit (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  e = g_ptr_array_index (audit, 0); /* newest first */
  g_assert_cmpstr (e->action, ==, "update");
  g_assert_cmpstr (e->entity, ==, "person");
  g_assert_cmpstr (e->actor, ==, "Sarmīte Darbiniece");
  g_assert_cmpuint (e->changes->len, ==, 2);
  g_assert_cmpstr (find_change (e, "first_name")->old_value, ==, "Jānis");
  g_assert_cmpstr (find_change (e, "first_name")->new_value, ==, "Jānis Pēteris");
  g_assert_null (find_change (e, "address")->old_value);
  g_assert_cmpstr (find_change (e, "address")->new_value, ==, "Skolas iela 1, Bauska");
  e = g_ptr_array_index (audit, 1);
  g_assert_cmpstr (e->action, ==, "create");
  g_assert_cmpstr (find_change (e, "last_name")->new_value, ==, "Bērziņš");

  /* Saving unchanged data writes no audit row. */
  g_assert_true (gad_store_update_person (store, p, &error));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = gad_store_list_audit (store, id, NULL);
  g_assert_cmpuint (audit->len, ==, 2);
}

static void
test_invalid_changes_nothing (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GadPerson) dup = NULL;
  g_autoptr(GadPerson) bad = NULL;
  int audit_rows;

  gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  audit_rows = sql_int (path, "SELECT count(*) FROM audit_log");

  /* A duplicate names the client who has the code. */
  dup = g_object_new (GAD_TYPE_PERSON, "code", "16117519997", "last-name", "Ozols",
                      "first-name", "Andris", NULL);
  g_assert_cmpint (gad_store_insert_person (store, dup, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "Bērziņš"));
  g_assert_nonnull (strstr (error->message, "161175-19997"));
  g_clear_error (&error);

  bad = g_object_new (GAD_TYPE_PERSON, "code", "161375-19997", "last-name", "Ozols",
                      "first-name", "Andris", NULL);
  g_assert_cmpint (gad_store_insert_person (store, bad, &error), ==, 0);
  g_assert_error (error, GAD_CODE_ERROR, GAD_CODE_ERROR_DATE);
  g_clear_error (&error);

  g_object_set (bad, "code", "328673-00679", "last-name", "  ", NULL);
  g_assert_cmpint (gad_store_insert_person (store, bad, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_object_set (bad, "last-name", "Ozols", "birth-date", "31.02.2001", NULL);
  g_assert_cmpint (gad_store_insert_person (store, bad, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM persons"), ==, 1);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM audit_log"), ==, audit_rows);

  /* A new-format code with a typed birth date keeps it. */
  g_object_set (bad, "birth-date", "01.02.2001", NULL);
  g_assert_cmpint (gad_store_insert_person (store, bad, &error), >, 0);
  g_assert_cmpstr (gad_person_get_birth_date (bad), ==, "2001-02-01");
}

static void
test_code_change (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  g_autoptr(GError) error = NULL;
  gint64 id = gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  g_autoptr(GadPerson) p = gad_store_get_person (store, id, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) audit = NULL;
  g_auto(GStrv) codes = NULL;

  g_object_set (p, "code", "328673-00679", NULL);
  g_assert_true (gad_store_update_person (store, p, &error));
  g_assert_no_error (error);

  /* The birth date the old code gave stays, although the new code has none. */
  g_assert_cmpstr (gad_person_get_birth_date (p), ==, "1975-11-16");
  codes = gad_store_list_codes (store, id);
  g_assert_cmpuint (g_strv_length (codes), ==, 2);
  g_assert_cmpstr (codes[0], ==, "32867300679");
  g_assert_cmpstr (codes[1], ==, "16117519997");

  /* Search finds the person by either code, once. */
  g_assert_true (gad_store_search (store, "161175-19997", GAD_SORT_RELEVANCE, FALSE, 0, ids, NULL));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
  g_assert_true (gad_store_search (store, "32867300679", GAD_SORT_RELEVANCE, FALSE, 0, ids, NULL));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (gad_store_find_person_by_code (store, "16117519997"), ==, id);

  audit = gad_store_list_audit (store, id, NULL);
  g_assert_cmpstr (((GadAuditEntry *) g_ptr_array_index (audit, 0))->action, ==, "code-change");

  /* Nobody else may take the old code, and a new code is not changed again. */
  {
    g_autoptr(GadPerson) other = g_object_new (GAD_TYPE_PERSON, "code", "16117519997",
                                               "last-name", "Ozols", "first-name", "Ints", NULL);
    g_assert_cmpint (gad_store_insert_person (store, other, &error), ==, 0);
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE);
    g_clear_error (&error);
  }
  g_object_set (p, "code", "32000000000", NULL);
  g_assert_false (gad_store_update_person (store, p, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
}

static void
test_cases (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  g_autoptr(GError) error = NULL;
  gint64 worker = gad_store_actor_id (store);
  gint64 id = gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  GadCase c = { 0, id, worker, NULL, "pensioner,disability", "2025-03-01", NULL, NULL, "" };
  g_autoptr(GadPerson) p = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 case_id = gad_store_insert_case (store, &c, &error);

  g_assert_no_error (error);
  p = gad_store_get_person (store, id, NULL);
  g_assert_cmpuint (gad_person_get_open_cases (p), ==, 1);
  g_assert_cmpstr (gad_person_get_worker (p), ==, "Sarmīte Darbiniece");

  /* Unknown target group, missing worker, bad dates: refused. */
  c.target_groups = "astronaut";
  g_assert_cmpint (gad_store_insert_case (store, &c, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gad_store_close_case (store, case_id, "2025-02-01", "goals-reached", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gad_store_close_case (store, case_id, "2025-06-01", "nonsense", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gad_store_close_case (store, case_id, "2025-06-01", "goals-reached", &error));
  g_assert_no_error (error);
  g_assert_false (gad_store_close_case (store, case_id, "2025-07-01", "other", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&p);
  p = gad_store_get_person (store, id, NULL);
  g_assert_cmpuint (gad_person_get_open_cases (p), ==, 0);
  g_assert_cmpstr (gad_person_get_worker (p), ==, "");

  cases = gad_store_list_cases (store, id, NULL);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpstr (((GadCase *) g_ptr_array_index (cases, 0))->closing_reason, ==,
                   "goals-reached");
  audit = gad_store_list_audit (store, id, NULL);
  g_assert_cmpstr (((GadAuditEntry *) g_ptr_array_index (audit, 0))->action, ==, "close");
  g_assert_cmpstr (((GadAuditEntry *) g_ptr_array_index (audit, 0))->entity, ==, "case");
}

static void
test_households (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  g_autoptr(GError) error = NULL;
  gint64 mother = gad_test_person (store, "010100-23666", "Kalniņa", "Laura");
  gint64 child = gad_test_person (store, "328673-00679", "Kalniņš", "Markuss");
  gint64 household;
  g_autoptr(GPtrArray) members = NULL;
  GadMember *m;

  /* The child joins the mother's household; she had none, so one is made for her. */
  household = gad_store_place_in_household (store, child, mother, "child", "2024-01-01", NULL, 0,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (household, >, 0);

  members = gad_store_list_household (store, child, NULL);
  g_assert_cmpuint (members->len, ==, 2);
  m = g_ptr_array_index (members, 0);
  g_assert_cmpint (m->person_id, ==, child); /* the page's own person first */
  g_assert_cmpstr (m->relation, ==, "child");
  m = g_ptr_array_index (members, 1);
  g_assert_cmpint (m->person_id, ==, mother);
  g_assert_cmpstr (m->relation, ==, "applicant");

  /* Moving to a new household ends the old membership the day before. */
  g_assert_cmpint (gad_store_place_in_household (store, child, 0, "applicant", "2025-05-10",
                                                 "Rīgas iela 5", 0, &error), >, household);
  g_clear_pointer (&members, g_ptr_array_unref);
  members = gad_store_list_household (store, child, NULL);
  g_assert_cmpuint (members->len, ==, 3);
  m = g_ptr_array_index (members, 0);
  g_assert_null (m->to_date);
  g_assert_cmpstr (m->from_date, ==, "2025-05-10");
  m = g_ptr_array_index (members, 1);
  g_assert_cmpstr (m->to_date, ==, "2025-05-09");

  /* A bad relation changes nothing. */
  g_assert_cmpint (gad_store_place_in_household (store, mother, 0, "cousin", NULL, "", 0, &error),
                   ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM households"), ==, 2);
}

/* Two windows (two connections) edit one client: the later save is refused. */
static void
test_stale_update (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) a = gad_test_store (&path);
  g_autoptr(GadStore) b = gad_test_open_as (path, GAD_ROLE_CLERK);
  gint64 id = gad_test_person (a, "161175-19997", "Bērziņš", "Jānis");
  g_autoptr(GadPerson) in_a = gad_store_get_person (a, id, NULL);
  g_autoptr(GadPerson) in_b = gad_store_get_person (b, id, NULL);
  g_autoptr(GadPerson) now = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (in_b, "phone", "+371 20000001", NULL);
  g_assert_true (gad_store_update_person (b, in_b, &error));

  g_object_set (in_a, "address", "Rīgas iela 1", NULL);
  g_assert_false (gad_store_update_person (a, in_a, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
  /* It says who, and what they changed, in words: "… Phone: — → +371 20000001 …". */
  g_assert_nonnull (strstr (error->message, "Klāvs Lietvedis"));
  g_assert_nonnull (strstr (error->message, "Phone: — → +371 20000001"));
  g_clear_error (&error);

  now = gad_store_get_person (a, id, NULL);
  g_assert_cmpstr (gad_person_get_phone (now), ==, "+371 20000001");
  g_assert_cmpstr (gad_person_get_address (now), ==, "");

  /* Read again, the same edit goes through — and a second save of that copy too. */
  g_object_set (now, "address", "Rīgas iela 1", NULL);
  g_assert_true (gad_store_update_person (a, now, &error));
  g_object_set (now, "address", "Rīgas iela 2", NULL);
  g_assert_true (gad_store_update_person (a, now, &error));
}

/* The same for a case, a service plan and an application's incomes: the later
 * of two copies is refused, saying whose change it would have overwritten; a
 * fresh copy goes through. */
static void
test_stale_records (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) a = gad_test_store (&path);
  g_autoptr(GadStore) b = gad_test_open_login (path, "colleague");
  g_autoptr(GError) error = NULL;
  gint64 worker = gad_store_actor_id (b);
  gint64 id = gad_test_person (a, "161175-19997", "Bērziņš", "Jānis");
  GadCase c = { 0, id, worker, NULL, "pensioner", "2025-03-01", NULL, NULL, "" };
  GadServicePlan p = { 0 };
  g_autoptr(GPtrArray) cases_a = NULL, cases_b = NULL, plans_a = NULL, plans_b = NULL;
  g_autoptr(GPtrArray) now = NULL;
  GadCase *in_a, *in_b;
  GadServicePlan *plan_a, *plan_b;

  c.id = gad_store_insert_case (a, &c, &error);
  p.person_id = id;
  p.service_code = (char *) "home-care";
  p.level = 2;
  p.period_from = (char *) "2025-03-01";
  p.id = gad_store_save_service_plan (a, &p, &error);
  g_assert_no_error (error);

  cases_a = gad_store_list_cases (a, id, NULL);
  cases_b = gad_store_list_cases (b, id, NULL);
  in_a = g_ptr_array_index (cases_a, 0);
  in_b = g_ptr_array_index (cases_b, 0);
  g_assert_cmpint (in_a->version, ==, 1);
  g_free (in_b->notes);
  in_b->notes = g_strdup ("Zvanīt meitai");
  g_assert_true (gad_store_update_case (b, in_b, &error));
  g_free (in_a->notes);
  in_a->notes = g_strdup ("Apmeklēt mājās");
  g_assert_false (gad_store_update_case (a, in_a, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Inese Ozola"));
  g_assert_nonnull (strstr (error->message, "Notes: — → Zvanīt meitai"));
  g_clear_error (&error);
  now = gad_store_list_cases (a, id, NULL);
  g_assert_cmpstr (((GadCase *) g_ptr_array_index (now, 0))->notes, ==, "Zvanīt meitai");
  g_assert_cmpint (((GadCase *) g_ptr_array_index (now, 0))->version, ==, 2);
  g_assert_true (gad_store_update_case (a, g_ptr_array_index (now, 0), &error));
  g_clear_pointer (&now, g_ptr_array_unref);

  plans_a = gad_store_list_service_plans (a, id, NULL);
  plans_b = gad_store_list_service_plans (b, id, NULL);
  plan_a = g_ptr_array_index (plans_a, 0);
  plan_b = g_ptr_array_index (plans_b, 0);
  plan_b->level = 3;
  g_assert_cmpint (gad_store_save_service_plan (b, plan_b, &error), ==, plan_b->id);
  plan_a->staff_id = worker;
  g_assert_cmpint (gad_store_save_service_plan (a, plan_a, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Inese Ozola"));
  g_assert_nonnull (strstr (error->message, "Care level: 2 → 3"));
  g_clear_error (&error);
  now = gad_store_list_service_plans (a, id, NULL);
  plan_a = g_ptr_array_index (now, 0);
  g_assert_cmpint (plan_a->level, ==, 3);
  g_assert_cmpint (plan_a->staff_id, ==, 0);
  plan_a->staff_id = worker;
  g_assert_cmpint (gad_store_save_service_plan (a, plan_a, &error), ==, plan_a->id);
  g_assert_no_error (error);

  /* An application's incomes, entered in two windows. */
  {
    GadRequest r = { 0, id, 0, (char *) "emergency", NULL, (char *) "2026-02-01",
                     (char *) "IN-1" };
    GadIncome pension = { id, (char *) "pension", 45000 };
    GadIncome wage = { id, (char *) "wage", 70000 };
    g_autoptr(GPtrArray) theirs = g_ptr_array_new ();
    g_autoptr(GPtrArray) mine = g_ptr_array_new ();
    g_autoptr(GadRequest) read_a = NULL;
    g_autoptr(GadRequest) read_b = NULL;
    g_autoptr(GPtrArray) kept = NULL;

    r.id = gad_store_insert_request (a, &r, &error);
    g_assert_no_error (error);
    read_a = gad_store_get_request (a, r.id, &error);
    read_b = gad_store_get_request (b, r.id, &error);
    g_ptr_array_add (theirs, &pension);
    g_ptr_array_add (mine, &wage);
    g_assert_true (gad_store_set_means (b, r.id, read_b->version, theirs, NULL, &error));
    g_assert_false (gad_store_set_means (a, r.id, read_a->version, mine, NULL, &error));
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
    g_assert_nonnull (strstr (error->message, "Inese Ozola"));
    {
      g_autofree char *money = gad_text_format_money (45000);
      g_autofree char *change = g_strdup_printf ("Household income: — → %s", money);

      g_assert_nonnull (strstr (error->message, change));
    }
    g_clear_error (&error);
    kept = gad_store_list_incomes (a, r.id, &error);
    g_assert_cmpuint (kept->len, ==, 1);
    g_assert_cmpint (((GadIncome *) g_ptr_array_index (kept, 0))->monthly_cents, ==, 45000);
  }
}

/* The log keeps UTC; people read and filter it by the days on their wall
 * (Europe/Riga here, UTC+2 in March): 22:30 UTC on 1 March is 00:30 on 2 March. */
static void
test_audit_local_days (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store_as (GAD_ROLE_AUDITOR, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) second = NULL, first = NULL, both = NULL;
  g_autofree char *shown = gad_text_local_time ("2026-03-01T22:30:00Z", "%d.%m.%Y %H:%M");

  g_assert_cmpstr (shown, ==, "02.03.2026 00:30");
  sql_exec (path, "INSERT INTO audit_log (id, at, actor, entity, entity_id, action) VALUES"
                  " ((SELECT max (id) + 1 FROM audit_log),"
                  "  '2026-03-01T21:30:00Z', 'Vakars', 'setting', 0, 'update')");
  sql_exec (path, "INSERT INTO audit_log (id, at, actor, entity, entity_id, action) VALUES"
                  " ((SELECT max (id) + 1 FROM audit_log),"
                  "  '2026-03-01T22:30:00Z', 'Nakts', 'setting', 0, 'update')");
  second = gad_store_query_audit (store, 0, NULL, "2026-03-02", "2026-03-02", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 1);
  g_assert_cmpstr (((GadAuditEntry *) g_ptr_array_index (second, 0))->actor, ==, "Nakts");
  first = gad_store_query_audit (store, 0, NULL, "2026-03-01", "2026-03-01", 0, &error);
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpstr (((GadAuditEntry *) g_ptr_array_index (first, 0))->actor, ==, "Vakars");
  both = gad_store_query_audit (store, 0, NULL, "2026-03-01", NULL, 0, &error);
  g_assert_cmpuint (both->len, >=, 2);
}

/* What schema 3 had: no save counters, accounts, schedules, retention, nor the
 * hash chain. */
#define DOWNGRADE_TO_3 \
  "DROP TABLE issued_documents; DROP TABLE issued_document_counters;" \
  "DROP TABLE document_templates; ALTER TABLE decisions DROP COLUMN template_version;" \
  "DROP INDEX surveys_group; DROP TABLE group_others; DROP TABLE group_sessions;" \
  "DROP TABLE group_work;" \
  "DROP TABLE strategy_reviews; DROP TABLE strategy_values; DROP TABLE strategy_indicators;" \
  "DROP TABLE strategy_tasks;" \
  "DROP TABLE survey_answers; DROP TABLE survey_responses; DROP TABLE survey_questions;" \
  "DROP TABLE surveys;" \
  "ALTER TABLE persons DROP COLUMN lat; ALTER TABLE persons DROP COLUMN lon;" \
  "ALTER TABLE persons DROP COLUMN place_source;" \
  "ALTER TABLE territories DROP COLUMN lat; ALTER TABLE territories DROP COLUMN lon;" \
  "DROP TABLE remote_visits; DROP TABLE remote_register; DROP TABLE case_transfers;" \
  "DROP TRIGGER record_search_transfer; DROP TABLE record_search;" \
  "DROP TABLE document_contents; DROP TABLE case_documents;" \
  "DROP TABLE plan_tasks; DROP TABLE plan_goals; DROP TABLE plan_needs; DROP TABLE case_plans;" \
  "DROP TABLE case_records;" \
  "DROP TRIGGER staff_department_insert; DROP TRIGGER staff_department_update;" \
  "DROP TABLE departments;" \
  "DROP INDEX persons_birth_date; DROP INDEX persons_address;" \
  "DROP TABLE not_duplicates; DROP TABLE past_decisions; DROP TABLE imports; DELETE FROM service_types WHERE code = 'camp';" \
  "ALTER TABLE cases DROP COLUMN import_id;" \
  "ALTER TABLE persons DROP COLUMN import_id;" \
  "ALTER TABLE households DROP COLUMN import_id;" \
  "ALTER TABLE service_plans DROP COLUMN import_id;" \
  "ALTER TABLE service_plans DROP COLUMN minutes_per_week;" \
  "ALTER TABLE applications DROP COLUMN version;" \
  "ALTER TABLE cases DROP COLUMN version;" \
  "ALTER TABLE service_plans DROP COLUMN version;" \
  "DROP TABLE approvals;" \
  "DELETE FROM settings WHERE key = 'approval_threshold_cents';" \
  "DROP INDEX staff_username; DROP TABLE sign_in_failures;" \
  "ALTER TABLE staff DROP COLUMN username;" \
  "ALTER TABLE staff DROP COLUMN password_hash;" \
  "ALTER TABLE staff DROP COLUMN role;" \
  "ALTER TABLE staff DROP COLUMN active;" \
  "ALTER TABLE staff DROP COLUMN password_expires_on;" \
  "DELETE FROM settings WHERE key = 'idle_lock_minutes';" \
  "DROP TRIGGER decisions_immutable;" \
  "ALTER TABLE decisions DROP COLUMN anonymised;" \
  "ALTER TABLE persons DROP COLUMN anonymised_on;" \
  "CREATE TRIGGER decisions_immutable BEFORE UPDATE ON decisions" \
  " BEGIN SELECT RAISE (ABORT, 'an issued decision cannot be changed');" \
  " END;" \
  "DELETE FROM settings WHERE key = 'retention_years';" \
  "DROP TABLE client_payments; DROP TABLE group_attendance;" \
  "DROP TABLE group_participants; DROP TABLE schedule_occurrences;" \
  "DROP TABLE schedule_entries; DROP INDEX service_plans_staff;" \
  "ALTER TABLE service_plans DROP COLUMN override_reason;" \
  "ALTER TABLE service_plans DROP COLUMN client_group;" \
  "ALTER TABLE persons DROP COLUMN disability_group;" \
  "DELETE FROM rates WHERE kind = 'home-care-hour';" \
  "DELETE FROM settings WHERE key LIKE 'family_assistant_%'" \
  " OR key = 'reception_slot_minutes';" \
  "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;" \
  "DROP TRIGGER audit_changes_no_update;" \
  "DROP TRIGGER audit_changes_no_delete;" \
  "ALTER TABLE audit_log DROP COLUMN hash;" \
  "ALTER TABLE audit_log DROP COLUMN save_id;" \
  "ALTER TABLE persons DROP COLUMN version;" \
  "ALTER TABLE audit_changes DROP COLUMN salt;" \
  "ALTER TABLE audit_changes DROP COLUMN hash;" \
  "DELETE FROM settings WHERE key = 'open_ended_months';" \
  "PRAGMA user_version = 3;"

/* A database written by schema 3 (before save counters and the hash chain)
 * opens, its old audit rows are chained, and the log is append-only after. */
static void
test_upgrade_from_3 (void)
{
  if (gad_test_server ())
    {
      g_test_skip ("SQLite files only");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) old = gad_test_store (&path);
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GadPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = gad_test_person (old, "161175-19997", "Bērziņš", "Jānis");
  gint64 broken_id = -1, n_rows = 0;
  sqlite3 *db;
  char *message = NULL;

  gad_test_person (old, "010100-23666", "Ozola", "Anna");
  g_clear_object (&old);

  /* Take the database back to what schema 3 wrote. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, DOWNGRADE_TO_3, NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_null (message);
  sqlite3_close (db);

  /* Schema 3 had no accounts: the first start makes the administrator, who
   * gives the worker an account again. */
  store = gad_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (gad_store_has_accounts (store));
  g_assert_cmpint (gad_store_create_administrator (store, "Anna Admine", "admin",
                                                   GAD_TEST_PASSWORD, &error), >, 0);
  {
    GadStaff w = { 0, (char *) "Sarmīte Darbiniece", (char *) "", (char *) "", 0,
                   (char *) "worker", GAD_ROLE_SOCIAL_WORKER, TRUE };

    g_assert_cmpint (gad_store_add_account (store, &w, GAD_TEST_PASSWORD, &error), >, 0);
  }
  g_clear_object (&store);
  store = gad_test_open (path);
  g_assert_true (gad_store_verify_audit (store, &broken_id, &n_rows, &error));
  g_assert_cmpint (broken_id, ==, 0);
  g_assert_cmpint (n_rows, >=, 2);
  /* Migration 12 chained the old rows over their values' hashes. */
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM audit_changes WHERE salt IS NULL"
                                  " OR hash IS NULL"), ==, 0);

  person = gad_store_get_person (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gad_person_get_version (person), ==, 1);
  g_object_set (person, "phone", "+371 20000002", NULL);
  g_assert_true (gad_store_update_person (store, person, &error));
  g_assert_true (gad_store_verify_audit (store, &broken_id, &n_rows, &error));
  g_assert_cmpint (broken_id, ==, 0);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log", NULL, NULL, &message), ==,
                   SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (message, "append-only"));
  sqlite3_free (message);
  sqlite3_close (db);
}

/* A database of schema 11, chained over values, becomes schema 12 only
 * with its chain intact: a log changed behind Gādība's back is not chained
 * anew, the database stays as it was, and the message says what to do. */
static void
test_upgrade_refuses_broken_chain (void)
{
  if (gad_test_server ())
    {
      g_test_skip ("SQLite files only");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) old = gad_test_store (&path);
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *intact = NULL;
  sqlite3 *db;
  char *message = NULL;

  gad_test_person (old, "161175-19997", "Bērziņš", "Jānis");
  g_clear_object (&old);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, DOWNGRADE_TO_3, NULL, NULL, &message), ==, SQLITE_OK);
  sqlite3_close (db);
  store = gad_store_open_upto (path, 11, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 11);

  /* Intact, a copy of it upgrades. */
  intact = g_strconcat (path, ".intact.db", NULL);
  {
    g_autoptr(GFile) from = g_file_new_for_path (path);
    g_autoptr(GFile) to = g_file_new_for_path (intact);
    gint64 broken_id = -1, n_rows = 0;

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    store = gad_store_open (intact, &error);
    g_assert_no_error (error);
    g_assert_true (gad_store_verify_audit (store, &broken_id, &n_rows, &error));
    g_assert_cmpint (broken_id, ==, 0);
    g_assert_cmpint (n_rows, >=, 1);
    g_clear_object (&store);
  }

  /* Changed, it does not. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TRIGGER audit_changes_no_update;"
                                 "UPDATE audit_changes SET new_value = 'Ozols'"
                                 " WHERE new_value = 'Bērziņš';"
                                 "CREATE TRIGGER audit_changes_no_update BEFORE UPDATE"
                                 " ON audit_changes BEGIN SELECT RAISE (ABORT, 'append-only'); END;",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_null (message);
  sqlite3_close (db);
  store = gad_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "backup"));
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 11);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM audit_changes WHERE new_value = 'Ozols'"),
                   ==, 1);
}

/* On a server: a save whose connection is lost half-way is not saved at
 * all — the statements after the loss fail too instead of committing one
 * by one on a new connection — the caller keeps what was typed, and the
 * next save connects again. */
static void
test_connection_lost (void)
{
  if (gad_test_server () == NULL)
    {
      g_test_skip ("needs a test server");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store_as (GAD_ROLE_CLERK, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GadPerson) first = g_object_new (GAD_TYPE_PERSON, "code", "161175-19997",
                                             "last-name", "Bērziņš", "first-name", "Jānis", NULL);
  g_autoptr(GadPerson) second = g_object_new (GAD_TYPE_PERSON, "code", "010100-23666",
                                              "last-name", "Ozola", "first-name", "Anna", NULL);
  g_autofree char *kill = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM"
                                           " pg_stat_activity WHERE datname = '%s'",
                                           path + strlen ("dbname="));
  g_autofree char *count = NULL;

  g_assert_true (g_str_has_prefix (path, "dbname="));
  g_assert_true (gad_store_begin (store, &error));
  g_assert_cmpint (gad_store_insert_person (store, first, &error), >, 0);
  g_assert_cmpint (gad_test_sql (gad_test_server (), kill), ==, GAD_DB_OK);
  g_assert_cmpint (gad_store_insert_person (store, second, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_UNREACHABLE);
  g_clear_error (&error);
  g_assert_false (gad_store_commit (store, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_UNREACHABLE);
  g_clear_error (&error);

  count = gad_test_sql_text (path, "SELECT count (*) FROM persons");
  g_assert_cmpstr (count, ==, "0");
  g_clear_pointer (&count, g_free);
  count = gad_test_sql_text (path, "SELECT count (*) FROM audit_log WHERE entity = 'person'");
  g_assert_cmpstr (count, ==, "0");
  g_clear_pointer (&count, g_free);
  g_assert_cmpstr (gad_person_get_last_name (second), ==, "Ozola");

  /* The next save connects again, signed in as before. */
  g_assert_cmpint (gad_store_insert_person (store, second, &error), >, 0);
  g_assert_no_error (error);
  count = gad_test_sql_text (path, "SELECT count (*) FROM persons");
  g_assert_cmpstr (count, ==, "1");
}

typedef struct
{
  char *entity;
  gint64 entity_id;
  gint64 person_id;
  int writer;
  guint changes;
  guint losses;
  guint reconnects;
} Heard;

static void
on_heard (GadStoreWatch *watch,
          const char    *entity,
          gint64         entity_id,
          gint64         person_id,
          int            writer,
          Heard         *heard)
{
  heard->writer = writer;
  g_free (heard->entity);
  heard->entity = g_strdup (entity);
  heard->entity_id = entity_id;
  heard->person_id = person_id;
  heard->changes++;
}

static void
on_reconnected (GadStoreWatch *watch,
                Heard         *heard)
{
  heard->reconnects++;
}

static void
on_lost (GadStoreWatch *watch,
         Heard         *heard)
{
  heard->losses++;
}

/* Runs the main loop until *@counter passes @before or @seconds pass; the
 * seconds it took. */
static double
wait_for (guint  *counter,
          guint   before,
          double  seconds)
{
  gint64 start = g_get_monotonic_time ();

  while (*counter == before && g_get_monotonic_time () - start < seconds * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* What one desk saves, another hears of within two seconds, with whose file
 * it is; a read is not announced; a dropped link is made again, and says so
 * (what was announced meanwhile is lost: the screen reads everything again). */
static void
test_watch (void)
{
  if (gad_test_server () == NULL)
    {
      g_test_skip ("needs a test server: a file has nobody else to hear from");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) clerk = gad_test_store_as (GAD_ROLE_CLERK, &path);
  g_autoptr(GadStore) worker = gad_test_open_as (path, GAD_ROLE_SOCIAL_WORKER);
  g_autoptr(GadStoreWatch) watch = gad_store_watch_new (worker);
  g_autoptr(GError) error = NULL;
  g_autoptr(GadPerson) p = g_object_new (GAD_TYPE_PERSON, "code", "161175-19997",
                                         "last-name", "Bērziņš", "first-name", "Jānis", NULL);
  g_autoptr(GadPerson) q = g_object_new (GAD_TYPE_PERSON, "code", "010100-23666",
                                         "last-name", "Ozola", "first-name", "Anna", NULL);
  g_autoptr(GadPerson) read = NULL;
  g_autofree char *kill = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM"
                                           " pg_stat_activity WHERE datname = '%s'"
                                           " AND query LIKE 'LISTEN%%'",
                                           path + strlen ("dbname="));
  Heard heard = { 0 };
  gint64 id;
  guint seen;

  g_signal_connect (watch, "changed", G_CALLBACK (on_heard), &heard);
  g_signal_connect (watch, "reconnected", G_CALLBACK (on_reconnected), &heard);
  g_signal_connect (watch, "lost", G_CALLBACK (on_lost), &heard);
  for (int i = 0; i < 500 && !gad_store_watch_is_listening (watch); i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  g_assert_true (gad_store_watch_is_listening (watch));

  id = gad_store_insert_person (clerk, p, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (wait_for (&heard.changes, 0, 5), <, 2);
  g_assert_cmpstr (heard.entity, ==, "person");
  g_assert_cmpint (heard.entity_id, ==, id);
  g_assert_cmpint (heard.person_id, ==, id);
  g_assert_cmpint (heard.writer, ==, gad_store_server_process (clerk));
  g_assert_cmpint (heard.writer, !=, gad_store_server_process (worker));

  /* Opening a client's file is logged, and changes nothing on screen. */
  seen = heard.changes;
  read = gad_store_get_person (clerk, id, &error);
  g_assert_nonnull (read);
  wait_for (&heard.changes, seen, 0.5);
  g_assert_cmpuint (heard.changes, ==, seen);

  /* The link drops: the watch says so at once, connects again by itself —
   * sooner when asked to — and says so too. */
  g_assert_cmpint (gad_test_sql (gad_test_server (), kill), ==, GAD_DB_OK);
  g_assert_cmpfloat (wait_for (&heard.losses, 0, 5), <, 5);
  g_assert_false (gad_store_watch_is_listening (watch));
  g_assert_cmpuint (heard.reconnects, ==, 0);
  gad_store_watch_try_again (watch);
  g_assert_cmpfloat (wait_for (&heard.reconnects, 0, 15), <, 2);
  g_assert_true (gad_store_watch_is_listening (watch));
  seen = heard.changes;
  id = gad_store_insert_person (clerk, q, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (wait_for (&heard.changes, seen, 5), <, 2);
  g_assert_cmpint (heard.entity_id, ==, id);
  g_free (heard.entity);
}

typedef struct
{
  GadStore *store;
  gint64 id;
} Save;

static gpointer
save_phone (gpointer data)
{
  Save *save = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadPerson) p = NULL;
  GadStore *store = save->store;

  p = gad_store_get_person (store, save->id, &error);
  g_assert_no_error (error);
  g_object_set (p, "phone", "+371 20000000", NULL);
  return GINT_TO_POINTER (gad_store_update_person (store, p, &error) && error == NULL);
}

static char *
wait_for_sql (const char *target,
              const char *sql,
              const char *value)
{
  char *text = NULL;

  for (int i = 0; i < 1000; i++, g_usleep (10000))
    {
      g_free (text);
      text = gad_test_sql_text (target, sql);
      if (g_strcmp0 (text, value) == 0)
        break;
    }
  return text;
}

/* Two writers each hold what the other waits for: the server undoes one of
 * them, and the store does its save again, unseen by whoever saved. */
static void
test_deadlock_retried (void)
{
  if (gad_test_server () == NULL)
    {
      g_test_skip ("needs a test server: a file's writers queue and never deadlock");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) clerk = gad_test_store_as (GAD_ROLE_CLERK, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GadDb) other = gad_db_open (path, &error);
  g_autoptr(GThread) thread = NULL;
  g_autofree char *text = NULL;
  g_autofree char *update = NULL;
  g_autofree char *deadlocks = g_strdup_printf ("SELECT deadlocks FROM pg_stat_database"
                                                " WHERE datname = '%s'",
                                                path + strlen ("dbname="));
  g_autofree char *before = gad_test_sql_text (path, deadlocks);
  g_autoptr(GadStore) auditor = gad_test_open_as (path, GAD_ROLE_AUDITOR);
  gint64 id = gad_test_person (clerk, "161175-19997", "Bērziņš", "Jānis");
  Save save = { clerk, id };
  gint64 broken, rows;

  g_assert_no_error (error);
  /* The other writer holds the end of the audit chain, and gives way last. */
  g_assert_true (gad_db_exec (other, "BEGIN; SET LOCAL deadlock_timeout = '60s';"
                                     " SELECT pg_advisory_xact_lock (4243, 0)"));
  thread = g_thread_new ("save", save_phone, &save);
  /* The save has changed the row and waits for the chain … */
  text = wait_for_sql (path, "SELECT count (*) FROM pg_locks WHERE locktype = 'advisory'"
                             " AND NOT granted", "1");
  g_assert_cmpstr (text, ==, "1");
  /* … when the other writer wants the row: a deadlock, which the server
   * breaks after a second by undoing the save. */
  update = g_strdup_printf ("UPDATE persons SET address = 'Rīga' WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_true (gad_db_exec (other, update));
  g_assert_true (gad_db_exec (other, "ROLLBACK"));

  g_assert_true (GPOINTER_TO_INT (g_thread_join (g_steal_pointer (&thread))));
  g_clear_pointer (&text, g_free);
  g_free (update);
  update = g_strdup_printf ("SELECT phone FROM persons WHERE id = %" G_GINT64_FORMAT, id);
  text = gad_test_sql_text (path, update);
  g_assert_cmpstr (text, ==, "+371 20000000");
  g_clear_pointer (&text, g_free);
  text = gad_test_sql_text (path, "SELECT count (*) FROM audit_log WHERE entity = 'person'"
                                  " AND action = 'update'");
  g_assert_cmpstr (text, ==, "1");
  g_assert_true (gad_store_verify_audit (auditor, &broken, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  /* It was a deadlock the server saw, not a wait that ended by itself. */
  g_clear_pointer (&text, g_free);
  for (int i = 0; i < 100; i++, g_usleep (50000))
    {
      g_free (text);
      text = gad_test_sql_text (path, deadlocks);
      if (g_ascii_strtoll (text, NULL, 10) > g_ascii_strtoll (before, NULL, 10))
        break;
    }
  g_assert_cmpint (g_ascii_strtoll (text, NULL, 10), >, g_ascii_strtoll (before, NULL, 10));
}

/* A proxy to the test server, or NULL when it is reached through a socket
 * file (or there is none). */
static GadTestProxy *
proxy_to_server (void)
{
  const char *host = g_getenv ("PGHOST");
  const char *port = g_getenv ("PGPORT");

  if (gad_test_server () == NULL || host == NULL || host[0] == '/')
    return NULL;
  return gad_test_proxy_new (host, port ? (guint16) atoi (port) : 5432);
}

static gint64
count_cases (const char *path,
             gint64      person)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM cases WHERE person_id = %"
                                          G_GINT64_FORMAT, person);
  g_autofree char *text = gad_test_sql_text (path, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

/* The link drops after a COMMIT reached the server, before its answer came
 * back: the save is neither lost nor done twice. */
static void
test_commit_unheard (void)
{
  g_autoptr(GadTestProxy) proxy = proxy_to_server ();

  if (proxy == NULL)
    {
      g_test_skip ("needs a test server reached over TCP");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) near = gad_test_store_as (GAD_ROLE_SOCIAL_WORKER, &path);
  g_autofree char *far_path = g_strdup_printf ("host=127.0.0.1 port=%u %s",
                                               gad_test_proxy_port (proxy), path);
  g_autoptr(GadStore) far = gad_test_open_as (far_path, GAD_ROLE_SOCIAL_WORKER);
  g_autoptr(GError) error = NULL;
  gint64 id = gad_test_person (near, "161175-19997", "Bērziņš", "Jānis");
  GadCase c = { 0, id, gad_store_actor_id (far), NULL, "pensioner", "2025-03-01", NULL, NULL,
                "first" };
  g_autoptr(GadPerson) person = NULL;

  /* The link is made again at once: the save went through, and says so. */
  gad_test_proxy_cut_at_commit (proxy);
  g_assert_cmpint (gad_store_insert_case (far, &c, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (gad_test_proxy_cuts (proxy), ==, 1);
  g_assert_cmpint (count_cases (path, id), ==, 1);

  /* The server cannot be reached for a while: the save fails, for now… */
  c.notes = "second";
  gad_test_proxy_refuse (proxy, TRUE);
  gad_test_proxy_cut_at_commit (proxy);
  g_assert_cmpint (gad_store_insert_case (far, &c, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_UNREACHABLE);
  g_clear_error (&error);
  g_assert_cmpuint (gad_test_proxy_cuts (proxy), ==, 2);
  g_assert_cmpint (count_cases (path, id), ==, 2);

  /* … and when it answers, the same save again is not done twice. */
  gad_test_proxy_refuse (proxy, FALSE);
  g_assert_cmpint (gad_store_insert_case (far, &c, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count_cases (path, id), ==, 2);

  /* Told once, the same save again is a new one; and so after another save. */
  g_assert_cmpint (gad_store_insert_case (far, &c, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_cases (path, id), ==, 3);
  person = gad_store_get_person (far, id, &error);
  g_assert_no_error (error);
  g_object_set (person, "phone", "+371 20000000", NULL);
  g_assert_true (gad_store_update_person (far, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gad_store_insert_case (far, &c, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_cases (path, id), ==, 4);
}

typedef struct
{
  const char *path;
  guint writer;
  gint64 person;
  guint saves;
  guint unreachable;    /* saves that failed for a while */
  int first_process;
  int last_process;
} Writer;

#define CRASH_SAVES 40

/* Saves cases one after another, each until it is saved, as a patient
 * social worker would. */
static gpointer
write_cases (gpointer data)
{
  Writer *w = data;
  g_autoptr(GadStore) store = gad_test_open_as (w->path, GAD_ROLE_SOCIAL_WORKER);
  gint64 person = w->person;

  w->first_process = gad_store_server_process (store);
  for (guint k = 0; k < CRASH_SAVES; k++)
    {
      g_autofree char *notes = g_strdup_printf ("%u-%u", w->writer, k);
      GadCase c = { 0, person, gad_store_actor_id (store), NULL, "pensioner", "2025-03-01",
                    NULL, NULL, notes };
      gint64 start = g_get_monotonic_time ();

      for (;;)
        {
          g_autoptr(GError) error = NULL;

          if (gad_store_insert_case (store, &c, &error) > 0
              || g_error_matches (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT))
            break;
          g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_UNREACHABLE);
          g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
          w->unreachable++;
          g_usleep (100000);
        }
      w->saves++;
      g_usleep (10000);
    }
  w->last_process = gad_store_server_process (store);
  return NULL;
}

/* The server crashes in the middle of six desks' saving, and starts again:
 * what was saved stays saved, once; nothing half written is there; every
 * desk goes on without starting again. */
static void
test_server_crash (void)
{
  if (gad_test_server () == NULL)
    {
      g_test_skip ("needs a test server");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store_as (GAD_ROLE_SOCIAL_WORKER, &path);
  g_autoptr(GadStore) auditor = gad_test_open_as (path, GAD_ROLE_AUDITOR);
  g_autoptr(GError) error = NULL;
  g_autoptr(GadDb) doomed = gad_db_open (path, &error);
  g_autofree char *text = NULL;
  Writer writers[6];
  GThread *threads[6];
  gint64 broken = -1, rows = 0;

  gint64 person = gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      writers[i] = (Writer) { path, i, person };
      threads[i] = g_thread_new ("desk", write_cases, &writers[i]);
    }
  /* A server process dies: the server ends them all and starts afresh. */
  while (g_atomic_int_get (&writers[0].saves) < CRASH_SAVES / 4)
    g_usleep (10000);
  {
    g_autoptr(GadStmt) stmt = gad_db_prepare (doomed, "SELECT pg_backend_pid ()");

    g_assert_cmpint (gad_stmt_step (stmt), ==, GAD_DB_ROW);
    g_assert_cmpint (kill (gad_stmt_column_int (stmt, 0), SIGKILL), ==, 0);
  }
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_assert_cmpuint (writers[i].saves, ==, CRASH_SAVES);
      g_assert_cmpint (writers[i].last_process, !=, writers[i].first_process);
    }
  text = gad_test_sql_text (path, "SELECT count (*) FROM cases");
  g_assert_cmpstr (text, ==, "240");
  g_clear_pointer (&text, g_free);
  text = gad_test_sql_text (path, "SELECT count (DISTINCT notes) FROM cases");
  g_assert_cmpstr (text, ==, "240");
  g_clear_pointer (&text, g_free);
  text = gad_test_sql_text (path, "SELECT count (*) FROM cases c WHERE NOT EXISTS (SELECT FROM"
                                  " audit_log l WHERE l.entity = 'case' AND l.entity_id = c.id)");
  g_assert_cmpstr (text, ==, "0");
  g_clear_pointer (&text, g_free);
  text = gad_test_sql_text (path, "SELECT count (*) FROM audit_log l WHERE l.entity = 'case'"
                                  " AND NOT EXISTS (SELECT FROM cases c WHERE c.id = l.entity_id)");
  g_assert_cmpstr (text, ==, "0");
  g_assert_true (gad_store_verify_audit (auditor, &broken, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
}

int
main (int argc, char **argv)
{
  g_setenv ("TZ", "Europe/Riga", TRUE);   /* before GLib reads the local zone */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/migrate-empty", test_migrate_empty);
  g_test_add_func ("/store/refuse-newer", test_refuse_newer);
  g_test_add_func ("/store/not-a-database", test_not_a_database);
  g_test_add_func ("/store/person-audit", test_person_audit);
  g_test_add_func ("/store/invalid-changes-nothing", test_invalid_changes_nothing);
  g_test_add_func ("/store/code-change", test_code_change);
  g_test_add_func ("/store/cases", test_cases);
  g_test_add_func ("/store/households", test_households);
  g_test_add_func ("/store/stale-update", test_stale_update);
  g_test_add_func ("/store/stale-case-plan-means", test_stale_records);
  g_test_add_func ("/store/audit-local-days", test_audit_local_days);
  g_test_add_func ("/store/connection-lost", test_connection_lost);
  g_test_add_func ("/store/watch", test_watch);
  g_test_add_func ("/store/deadlock-retried", test_deadlock_retried);
  g_test_add_func ("/store/commit-unheard", test_commit_unheard);
  g_test_add_func ("/store/server-crash", test_server_crash);
  g_test_add_func ("/store/upgrade-from-3", test_upgrade_from_3);
  g_test_add_func ("/store/upgrade-refuses-broken-chain", test_upgrade_refuses_broken_chain);
  return g_test_run ();
}
