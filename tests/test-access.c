/* test-access.c — passwords, accounts, signing in, and every role's rights through the core API
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "gad-client-file.h"
#include "gad-decision.h"
#include "gad-password.h"
#include "gad-stats.h"
#include "gad-store.h"
#include "gad-test-util.h"
#include "gad-text.h"
#include "gad-worker.h"

#define PASSWORD GAD_TEST_PASSWORD

/* The reference implementation's (libargon2) encoding of PASSWORD with the salt
 * "gadiba-salt-0001", m=19456, t=2, p=1: our verifier must accept it. */
#define REFERENCE "$argon2id$v=19$m=19456,t=2,p=1$Z2FkaWJhLXNhbHQtMDAwMQ$" \
                  "gZSMwSY+AjhoMGm6PsSEo0Pii6LLxvmb4LnPVY95gbU"

static void
test_password (void)
{
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gad_password_verify (PASSWORD, REFERENCE));
  g_assert_false (gad_password_verify ("Sāls un maizE", REFERENCE));
  g_assert_false (gad_password_verify (PASSWORD, "$argon2i$v=19$m=19456,t=2,p=1$Z2FkaWJhLXNhbHQtMDAwMQ$"
                                                 "gZSMwSY+AjhoMGm6PsSEo0Pii6LLxvmb4LnPVY95gbU"));
  g_assert_false (gad_password_verify (PASSWORD, "$argon2id$v=19$m=99999999,t=2,p=1$Z2FkaWJhLXNhbHQtMDAwMQ$"
                                                 "gZSMwSY+AjhoMGm6PsSEo0Pii6LLxvmb4LnPVY95gbU"));
  g_assert_false (gad_password_verify (PASSWORD, REFERENCE "x"));
  g_assert_false (gad_password_verify (PASSWORD, "plain text"));
  g_assert_false (gad_password_verify (PASSWORD, ""));

  a = gad_password_hash (PASSWORD, &error);
  g_assert_no_error (error);
  b = gad_password_hash (PASSWORD, &error);
  g_assert_true (g_str_has_prefix (a, "$argon2id$v=19$m=19456,t=2,p=1$"));
  g_assert_null (strstr (a, PASSWORD));
  g_assert_cmpstr (a, !=, b);   /* a fresh salt each time */
  g_assert_true (gad_password_verify (PASSWORD, a));
  g_assert_true (gad_password_verify (PASSWORD, b));
  g_assert_false (gad_password_verify ("sāls un maize", a));

  g_assert_false (gad_password_check_strength ("īss", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gad_password_check_strength ("ābeļziedi!", &error));   /* 10 characters */
}

static char *
sql_text (const char *path,
          const char *sql)
{
  return gad_test_sql_text (path, sql);
}

static void
sql_exec (const char *path,
          const char *sql)
{
  g_assert_cmpint (gad_test_sql (path, sql), ==, GAD_DB_OK);
}

/* First run, signing in, the slowdown, and what the database keeps. */
static void
test_sign_in (void)
{
  if (gad_test_server ())
    {
      g_test_skip ("SQLite files only");
      return;
    }
  g_autofree char *path = gad_test_db_path ();
  g_autoptr(GadStore) store = gad_store_open (path, NULL);
  g_autoptr(GadStore) other = gad_store_open (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) wrong_name = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *stored = NULL, *log = NULL;
  gint64 admin;

  /* Nobody signed in: nothing is read. */
  g_assert_false (gad_store_has_accounts (store));
  g_assert_false (gad_store_search (store, "", GAD_SORT_NAME, FALSE, 0, ids, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* The first administrator; a second "first" one is refused. */
  g_assert_cmpint (gad_store_create_administrator (store, "Jānis Kalniņš", "Admin", "īss", &error),
                   ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gad_store_has_accounts (store));
  admin = gad_store_create_administrator (store, "Jānis Kalniņš", " Admin ", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (admin, >, 0);
  g_assert_cmpint (gad_store_get_role (store), ==, GAD_ROLE_ADMINISTRATOR);
  g_assert_cmpstr (gad_store_get_username (store), ==, "admin");
  g_assert_cmpint (gad_store_create_administrator (other, "Cits", "cits", PASSWORD, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* Only the hash is stored; the password appears nowhere in the file's tables. */
  stored = sql_text (path, "SELECT password_hash FROM staff WHERE username = 'admin'");
  g_assert_true (g_str_has_prefix (stored, "$argon2id$"));
  log = sql_text (path, "SELECT group_concat (coalesce (old_value, '') || new_value) FROM audit_changes");
  g_assert_null (strstr (log, PASSWORD));
  g_assert_null (strstr (log, "argon2"));

  /* A wrong password and an unknown name get the same words. */
  g_assert_false (gad_store_sign_in (other, "nav-tāda", PASSWORD, &wrong_name));
  g_assert_error (wrong_name, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN);
  g_assert_false (gad_store_sign_in (other, "admin", "nepareiza parole", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN);
  g_assert_cmpstr (error->message, ==, wrong_name->message);
  g_clear_error (&error);
  g_assert_cmpint (gad_store_get_role (other), ==, GAD_ROLE_NONE);

  /* Case and surrounding spaces of the name do not matter. */
  g_assert_true (gad_store_sign_in (other, "ADMIN", PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gad_store_actor_id (other), ==, admin);
  gad_store_sign_out (other);

  /* Three wrong tries are free; the fourth must wait, even with the right password. */
  for (int i = 0; i < 3; i++)
    {
      g_assert_false (gad_store_sign_in (other, "admin", "nepareiza parole", &error));
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN);
      g_assert_cmpstr (error->message, ==, wrong_name->message);
      g_clear_error (&error);
    }
  g_assert_false (gad_store_sign_in (other, "admin", PASSWORD, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN);
  g_assert_cmpstr (error->message, !=, wrong_name->message);
  g_assert_nonnull (strstr (error->message, "5"));
  g_clear_error (&error);
  /* Unknown names are counted too, so the wait does not tell which names exist. */
  for (int i = 0; i < 3; i++)
    g_assert_false (gad_store_sign_in (other, "nav-tāda", PASSWORD, NULL));
  g_assert_false (gad_store_sign_in (other, "nav-tāda", PASSWORD, &error));
  g_assert_nonnull (strstr (error->message, "5"));
  g_clear_error (&error);

  /* Once the wait has passed, the right password works and clears the count. */
  sql_exec (path, "UPDATE sign_in_failures SET last_at = '2020-01-01T00:00:00Z'");
  g_assert_true (gad_store_sign_in (other, "admin", PASSWORD, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_free);
  stored = sql_text (path, "SELECT count(*) FROM sign_in_failures WHERE username = 'admin'");
  g_assert_cmpstr (stored, ==, "0");

  /* Signing in is in the audit log, under the staff member's name. */
  g_clear_pointer (&stored, g_free);
  stored = sql_text (path, "SELECT count(*) FROM audit_log WHERE action = 'sign-in'"
                           " AND actor = 'Jānis Kalniņš'");
  g_assert_cmpstr (stored, ==, "3");
}

/* A service as its staff set it up: the administrator adds the parishes and
 * the social workers' accounts, the clerk registers the clients, and each
 * worker opens the cases of their own clients. */
typedef struct
{
  char *path;
  gint64 parish_a, parish_b;
  gint64 own_client;       /* in parish A */
  gint64 dept_client;      /* parish B, in the care of a colleague of the same department */
  gint64 other_client;     /* parish B, in another department's care */
  gint64 request;          /* of other_client */
  gint64 ids[GAD_ROLE_AUDITOR + 1];
  gint64 colleague_id, stranger_id;
} Office;

/* The tested social worker works in parish A for the adults' department. */
static const char *logins[] = { NULL, "admin", "head", "parish-a", "clerk", "auditor" };

static gint64
add_case (GadStore *store,
          gint64    person,
          gint64    worker)
{
  GadCase c = { 0, person, worker, NULL, (char *) "", (char *) "2026-01-05" };
  g_autoptr(GError) error = NULL;
  gint64 id = gad_store_insert_case (store, &c, &error);

  g_assert_no_error (error);
  return id;
}

static GadStore *
sign_in_login (Office     *o,
               const char *login)
{
  GadStore *store = gad_store_open (o->path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gad_store_sign_in (store, login, PASSWORD, &error));
  g_assert_no_error (error);
  return store;
}

static GadStore *
sign_in_as (Office  *o,
            GadRole  role)
{
  GadStore *store = sign_in_login (o, logins[role]);

  g_assert_cmpint (gad_store_get_role (store), ==, role);
  return store;
}

static gint64
add_worker (GadStore   *admin,
            const char *name,
            const char *department,
            gint64      parish,
            const char *login)
{
  GadStaff s = { 0, (char *) name, (char *) "Sociālais darbinieks", (char *) department, parish,
                 (char *) login, GAD_ROLE_SOCIAL_WORKER, TRUE };
  g_autoptr(GError) error = NULL;
  gint64 id = gad_store_add_account (admin, &s, PASSWORD, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
register_in (GadStore   *clerk,
             const char *code,
             const char *last,
             const char *first,
             gint64      parish)
{
  g_autoptr(GadPerson) p = g_object_new (GAD_TYPE_PERSON, "code", code, "last-name", last,
                                         "first-name", first, "territory-id", parish, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = gad_store_insert_person (clerk, p, &error);

  g_assert_no_error (error);
  return id;
}

static void
office_init (Office *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) admin = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, &o->path);
  g_autoptr(GadStore) clerk = NULL, colleague = NULL, stranger = NULL;

  for (GadRole r = GAD_ROLE_ADMINISTRATOR; r <= GAD_ROLE_AUDITOR; r++)
    if (r != GAD_ROLE_SOCIAL_WORKER)
      o->ids[r] = gad_test_staff_id (admin, gad_test_login (r));
  o->parish_a = gad_store_add_territory (admin, "Ābeļu pagasts", &error);
  o->parish_b = gad_store_add_territory (admin, "Bērzu pagasts", &error);
  g_assert_no_error (error);
  o->ids[GAD_ROLE_SOCIAL_WORKER] = add_worker (admin, "Darbinieks 3", "Pieaugušo nodaļa",
                                               o->parish_a, "parish-a");
  o->colleague_id = add_worker (admin, "Līga Ozola", "Pieaugušo nodaļa", o->parish_b, "parish-b");
  o->stranger_id = add_worker (admin, "Rita Krūmiņa", "Ģimenes atbalsta nodaļa", o->parish_b,
                               "stranger");

  clerk = sign_in_as (o, GAD_ROLE_CLERK);
  o->own_client = register_in (clerk, "161175-19997", "Bērziņš", "Jānis", o->parish_a);
  o->dept_client = register_in (clerk, "010100-23666", "Ozola", "Anna", o->parish_b);
  o->other_client = register_in (clerk, "320000-00007", "Kalna", "Marta", o->parish_b);
  {
    GadRequest r = { 0, o->other_client, 0, (char *) "emergency", NULL, (char *) "2026-02-01",
                     (char *) "IN-1" };
    o->request = gad_store_insert_request (clerk, &r, &error);
    g_assert_no_error (error);
  }

  /* Each worker takes on a client of their parish. */
  colleague = sign_in_login (o, "parish-b");
  add_case (colleague, o->dept_client, o->colleague_id);
  stranger = sign_in_login (o, "stranger");
  add_case (stranger, o->other_client, o->stranger_id);
}

static void
office_clear (Office *o)
{
  g_free (o->path);
}

/* Checks that @ok is FALSE and @error says the role may not. */
static void
assert_denied (gboolean  ok,
               GError  **error)
{
  g_assert_false (ok);
  g_assert_error (*error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (error);
}

static void
assert_allowed (gboolean  ok,
                GError  **error)
{
  g_assert_no_error (*error);
  g_assert_true (ok);
}

static gboolean
list_ok (GPtrArray *list)
{
  gboolean ok = list != NULL;

  g_clear_pointer (&list, g_ptr_array_unref);
  return ok;
}

static gboolean
request_ok (GadRequest *request)
{
  gboolean ok = request != NULL;

  g_clear_pointer (&request, gad_request_free);
  return ok;
}

static gboolean
search_ok (GadStore  *store,
           GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return gad_store_search (store, "", GAD_SORT_NAME, FALSE, 0, ids, error) && ids->len == 3;
}

static gboolean
new_case_ok (GadStore  *store,
             gint64     person,
             GError   **error)
{
  GadCase c = { 0, person, gad_store_actor_id (store), NULL, (char *) "", (char *) "2026-03-01" };

  return gad_store_insert_case (store, &c, error) > 0;
}

static gboolean
register_ok (GadStore  *store,
             GError   **error)
{
  static int n;
  /* New-format codes carry no check digit. */
  g_autofree char *code = g_strdup_printf ("3200001%04d", ++n);
  g_autoptr(GadPerson) p = NULL;

  p = g_object_new (GAD_TYPE_PERSON, "code", code, "last-name", "Jauna", "first-name", "Ieva", NULL);
  return gad_store_insert_person (store, p, error) > 0;
}

static void
test_roles (void)
{
  Office o = { 0 };
  g_autoptr(GError) error = NULL;

  office_init (&o);

  /* Administrator: accounts and settings; the registry list; no client's file. */
  {
    g_autoptr(GadStore) s = sign_in_as (&o, GAD_ROLE_ADMINISTRATOR);
    GadStaff nurse = { 0, (char *) "Dace Liepa", (char *) "", (char *) "Pieaugušo nodaļa", 0,
                       (char *) "dace", GAD_ROLE_CLERK, TRUE };

    assert_allowed (gad_store_set_setting (s, "retention_years", "12", &error), &error);
    assert_allowed (gad_store_add_account (s, &nurse, PASSWORD, &error) > 0, &error);
    assert_allowed (search_ok (s, &error), &error);
    assert_denied (list_ok (gad_store_list_cases (s, o.own_client, &error)), &error);
    assert_denied (new_case_ok (s, o.own_client, &error), &error);
    assert_denied (register_ok (s, &error), &error);
    assert_denied (list_ok (gad_store_query_audit (s, 0, NULL, NULL, NULL, 10, &error)), &error);
    assert_denied (list_ok (gad_stats_query (s, "recipients_by_benefit", 2026, 2026, &error)), &error);
    g_assert_false (gad_store_can (s, GAD_RIGHT_DASHBOARDS, 0));
  }

  /* Head: reads every file, dashboards and the log; writes no client's file or setting. */
  {
    g_autoptr(GadStore) s = sign_in_as (&o, GAD_ROLE_HEAD);
    GadStaff extra = { 0, (char *) "X", NULL, NULL, 0, (char *) "x", GAD_ROLE_HEAD, TRUE };

    assert_allowed (list_ok (gad_store_list_cases (s, o.other_client, &error)), &error);
    assert_allowed (request_ok (gad_store_get_request (s, o.request, &error)), &error);
    assert_allowed (list_ok (gad_store_query_audit (s, 0, NULL, NULL, NULL, 10, &error)), &error);
    assert_allowed (list_ok (gad_stats_query (s, "recipients_by_benefit", 2026, 2026, &error)), &error);
    assert_denied (new_case_ok (s, o.own_client, &error), &error);
    assert_denied (gad_store_set_setting (s, "retention_years", "1", &error), &error);
    assert_denied (gad_store_add_account (s, &extra, PASSWORD, &error) > 0, &error);
  }

  /* Social worker: their parish and department; others' basic data only. */
  {
    g_autoptr(GadStore) s = sign_in_as (&o, GAD_ROLE_SOCIAL_WORKER);
    g_autoptr(GadPerson) other = NULL;

    assert_allowed (search_ok (s, &error), &error);
    assert_allowed (new_case_ok (s, o.own_client, &error), &error);     /* same parish */
    assert_allowed (new_case_ok (s, o.dept_client, &error), &error);    /* same department */
    assert_allowed (list_ok (gad_store_list_cases (s, o.dept_client, &error)), &error);
    assert_allowed (register_ok (s, &error), &error);
    other = gad_store_get_person (s, o.other_client, &error);
    assert_allowed (other != NULL, &error);
    g_assert_cmpstr (gad_person_get_last_name (other), ==, "Kalna");
    assert_denied (list_ok (gad_store_list_cases (s, o.other_client, &error)), &error);
    assert_denied (list_ok (gad_store_list_decisions (s, o.other_client, &error)), &error);
    assert_denied (request_ok (gad_store_get_request (s, o.request, &error)), &error);
    assert_denied (new_case_ok (s, o.other_client, &error), &error);
    g_object_set (other, "phone", "+371 20000002", NULL);
    assert_denied (gad_store_update_person (s, other, &error), &error);
    assert_denied (gad_store_export_person (s, o.other_client, NULL, NULL, &error), &error);
    assert_denied (list_ok (gad_store_query_audit (s, 0, NULL, NULL, NULL, 10, &error)), &error);
    assert_denied (gad_store_set_setting (s, "retention_years", "1", &error), &error);
    g_assert_true (gad_store_can (s, GAD_RIGHT_WRITE_CLIENT, o.own_client));
    g_assert_false (gad_store_can (s, GAD_RIGHT_WRITE_CLIENT, o.other_client));
  }

  /* Clerk: registers persons and applications and corrects addresses; no file. */
  {
    g_autoptr(GadStore) s = sign_in_as (&o, GAD_ROLE_CLERK);
    GadRequest r = { 0, o.other_client, 0, (char *) "funeral", NULL, (char *) "2026-02-02",
                     (char *) "IN-2" };
    g_autoptr(GadPerson) p = gad_store_get_person (s, o.other_client, &error);

    assert_allowed (register_ok (s, &error), &error);
    assert_allowed (gad_store_insert_request (s, &r, &error) > 0, &error);
    g_object_set (p, "phone", "+371 20000003", NULL);
    assert_allowed (gad_store_update_person (s, p, &error), &error);
    assert_denied (list_ok (gad_store_list_cases (s, o.own_client, &error)), &error);
    assert_denied (new_case_ok (s, o.own_client, &error), &error);
    assert_denied (list_ok (gad_store_list_requests (s, o.other_client, &error)), &error);
  }

  /* Auditor: the log only. */
  {
    g_autoptr(GadStore) s = sign_in_as (&o, GAD_ROLE_AUDITOR);
    g_autoptr(GPtrArray) log = gad_store_query_audit (s, 0, NULL, NULL, NULL, 0, &error);

    assert_allowed (log != NULL && log->len > 0, &error);

    /* One client's part of the log, found by their code: her creation, the
     * parish change and the case, nobody else's. */
    gint64 marta = gad_store_find_person_by_code (s, "320000-00007");
    g_autoptr(GPtrArray) hers = gad_store_query_audit (s, marta, NULL, NULL, NULL, 0, &error);
    guint cases = 0;

    g_assert_cmpint (marta, ==, o.other_client);
    g_assert_no_error (error);
    g_assert_cmpuint (hers->len, >=, 3);
    g_assert_cmpuint (hers->len, <, log->len);
    for (guint i = 0; i < hers->len; i++)
      {
        GadAuditEntry *e = g_ptr_array_index (hers, i);

        g_assert_cmpint (e->person_id, ==, marta);
        g_assert_cmpstr (e->person_name, ==, "Kalna Marta");
        cases += g_str_equal (e->entity, "case");
      }
    g_assert_cmpuint (cases, ==, 1);
    assert_denied (search_ok (s, &error), &error);
    assert_denied (gad_store_get_person (s, o.own_client, &error) != NULL, &error);
    assert_denied (register_ok (s, &error), &error);
  }

  office_clear (&o);
}

/* Account housekeeping: the last administrator stays, passwords change, closed
 * accounts cannot sign in. */
static void
test_accounts (void)
{
  Office o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) admin = NULL;
  g_autoptr(GadStore) worker = NULL;
  g_autoptr(GadStore) later = NULL;
  GadStaff dup = { 0, (char *) "Cita", NULL, NULL, 0, (char *) "PARISH-A", GAD_ROLE_CLERK, TRUE };

  office_init (&o);
  admin = sign_in_as (&o, GAD_ROLE_ADMINISTRATOR);
  worker = sign_in_as (&o, GAD_ROLE_SOCIAL_WORKER);

  g_assert_cmpint (gad_store_add_account (admin, &dup, PASSWORD, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_assert_false (gad_store_update_account (admin, o.ids[GAD_ROLE_ADMINISTRATOR], GAD_ROLE_HEAD,
                                            TRUE, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gad_store_update_account (admin, o.ids[GAD_ROLE_ADMINISTRATOR],
                                            GAD_ROLE_ADMINISTRATOR, FALSE, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A worker changes their own password, not a colleague's. */
  g_assert_true (gad_store_set_password (worker, o.ids[GAD_ROLE_SOCIAL_WORKER], "jauna garā parole",
                                         &error));
  g_assert_no_error (error);
  assert_denied (gad_store_set_password (worker, o.ids[GAD_ROLE_CLERK], "jauna garā parole", &error),
                 &error);
  later = gad_store_open (o.path, NULL);
  g_assert_false (gad_store_sign_in (later, "parish-a", PASSWORD, NULL));
  g_assert_true (gad_store_sign_in (later, "parish-a", "jauna garā parole", &error));
  g_assert_no_error (error);

  /* Closed: the right password no longer opens it, and says nothing more. */
  g_assert_true (gad_store_update_account (admin, o.ids[GAD_ROLE_CLERK], GAD_ROLE_CLERK, FALSE,
                                           &error));
  g_assert_no_error (error);
  g_assert_false (gad_store_sign_in (later, "clerk", PASSWORD, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN);
  g_clear_error (&error);

  office_clear (&o);
}

static gint64
issue_for (GadStore    *store,
           gint64       request,
           gint64       monthly,
           const char  *period_to,
           gint64       supersedes,
           GError     **error)
{
  GadDecisionDraft d = { 0 };

  d.request_id = request;
  d.outcome = "grant";
  d.amount_cents = monthly;
  d.period_from = "2026-03-01";
  d.period_to = period_to;
  d.facts = "Ģimene ar trim bērniem; ienākumi zem sliekšņa.";
  d.legal_basis = "Sociālo pakalpojumu un sociālās palīdzības likuma 33. panta pirmā daļa";
  d.reasoning = "Ienākumi zem garantētā minimālā ienākuma līmeņa.";
  d.drafter = "Darbinieks";
  d.supersedes_id = supersedes;
  return gad_decision_issue (store, &d, error);
}

/* Six months, March to August. */
static gint64
issue (GadStore  *store,
       gint64     request,
       gint64     monthly,
       GError   **error)
{
  return issue_for (store, request, monthly, "2026-08-31", 0, error);
}

static gint64
new_request (GadStore   *clerk,
             gint64      person,
             const char *number)
{
  GadRequest r = { 0, person, 0, (char *) "gmi", NULL, (char *) "2026-02-10", (char *) number };
  g_autoptr(GError) error = NULL;
  gint64 id = gad_store_insert_request (clerk, &r, &error);

  g_assert_no_error (error);
  return id;
}

static void
assert_needs_approval (gint64   id,
                       GError **error)
{
  g_assert_cmpint (id, ==, 0);
  g_assert_error (*error, GAD_STORE_ERROR, GAD_STORE_ERROR_NEEDS_APPROVAL);
  g_clear_error (error);
}

/* Four eyes: over the threshold (1 000,00 € in all by default) a decision
 * needs a head's approval of at least its total, and the approver does not
 * issue it. */
static void
test_four_eyes (void)
{
  Office o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) worker = NULL, head = NULL, clerk = NULL;
  g_autoptr(GadApproval) found = NULL;
  gint64 small, request, approval;
  GadDecisionDraft draft = { .outcome = "grant", .amount_cents = 16667,
                             .period_from = "2026-03-01", .period_to = "2026-08-31" };

  office_init (&o);
  g_assert_cmpint (gad_decision_total_cents (&draft, 12), ==, 100002);
  draft.outcome = "refuse";
  g_assert_cmpint (gad_decision_total_cents (&draft, 12), ==, 0);
  draft.outcome = "grant";
  draft.period_to = NULL;   /* open-ended: the policy's months */
  g_assert_cmpint (gad_decision_total_cents (&draft, 12), ==, 12 * 16667);
  g_assert_cmpint (gad_decision_total_cents (&draft, 3), ==, 3 * 16667);
  draft.period_from = NULL; /* no period: once */
  g_assert_cmpint (gad_decision_total_cents (&draft, 12), ==, 16667);

  worker = sign_in_as (&o, GAD_ROLE_SOCIAL_WORKER);
  head = sign_in_as (&o, GAD_ROLE_HEAD);
  clerk = sign_in_as (&o, GAD_ROLE_CLERK);
  g_assert_cmpint (gad_store_approval_threshold (worker), ==, 100000);
  small = new_request (clerk, o.own_client, "IN-8");
  request = new_request (clerk, o.own_client, "IN-9");

  /* 6 × 166,66 € = 999,96 €: at the threshold's side, issued at once. */
  g_assert_cmpint (issue (worker, small, 16666, &error), >, 0);
  g_assert_no_error (error);

  /* 6 × 166,67 € = 1 000,02 €: refused until approved. */
  g_assert_cmpint (issue (worker, request, 16667, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NEEDS_APPROVAL);
  g_clear_error (&error);

  /* Only a social worker of the client asks; only a head decides. */
  assert_denied (gad_store_request_approval (clerk, request, 100002, NULL, &error) > 0, &error);
  approval = gad_store_request_approval (worker, request, 100002, NULL, &error);
  g_assert_no_error (error);
  assert_denied (gad_store_decide_approval (worker, approval, TRUE, NULL, &error), &error);
  assert_denied (gad_store_decide_approval (clerk, approval, TRUE, NULL, &error), &error);
  assert_denied (list_ok (gad_store_list_approvals (worker, "pending", &error)), &error);
  {
    g_autoptr(GPtrArray) pending = gad_store_list_approvals (head, "pending", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (pending->len, ==, 1);
    g_assert_cmpint (((GadApproval *) pending->pdata[0])->amount_cents, ==, 100002);
    g_assert_cmpstr (((GadApproval *) pending->pdata[0])->requester, ==, "Darbinieks 3");
  }
  g_assert_cmpint (issue (worker, request, 16667, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NEEDS_APPROVAL);
  g_clear_error (&error);

  /* A refusal needs its reason, and the worker reads it. */
  g_assert_false (gad_store_decide_approval (head, approval, FALSE, " ", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gad_store_decide_approval (head, approval, FALSE, "Trūkst īres līguma.", &error));
  g_assert_no_error (error);
  g_assert_false (gad_store_decide_approval (head, approval, TRUE, NULL, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (issue (worker, request, 16667, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "Trūkst īres līguma."));
  g_clear_error (&error);

  /* Approved for less than the decision grants: still refused; for enough: issued. */
  approval = gad_store_request_approval (worker, request, 90000, NULL, &error);
  g_assert_true (gad_store_decide_approval (head, approval, TRUE, NULL, &error));
  g_assert_cmpint (issue (worker, request, 16667, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NEEDS_APPROVAL);
  g_clear_error (&error);
  approval = gad_store_request_approval (worker, request, 100002, "[decision]\nfacts=Trīs bērni\n",
                                         &error);
  g_assert_true (gad_store_decide_approval (head, approval, TRUE, NULL, &error));
  g_assert_no_error (error);
  found = gad_store_find_approval (worker, request, &error);
  g_assert_cmpstr (found->status, ==, "approved");
  g_assert_cmpstr (found->draft, ==, "[decision]\nfacts=Trīs bērni\n");
  g_assert_cmpint (found->decided_by, ==, o.ids[GAD_ROLE_HEAD]);
  g_assert_cmpint (issue (worker, request, 16667, &error), >, 0);
  g_assert_no_error (error);

  /* The database itself refuses an approver who asked. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE approvals SET decided_by = requested_by"
                                            " WHERE id = %" G_GINT64_FORMAT, approval);

    g_assert_cmpint (gad_test_sql (o.path, sql), ==, GAD_DB_ERROR_CHECK);
  }
  office_clear (&o);
}

/* A grant without an end date counts as the policy's months (12 unless the
 * administrator sets another number), and pays them; several decisions on
 * one application count together, less the one a correction replaces. */
static void
test_four_eyes_totals (void)
{
  Office o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) worker = NULL, clerk = NULL, admin = NULL;
  gint64 open_ended, split, first;

  office_init (&o);
  worker = sign_in_as (&o, GAD_ROLE_SOCIAL_WORKER);
  clerk = sign_in_as (&o, GAD_ROLE_CLERK);
  admin = sign_in_as (&o, GAD_ROLE_ADMINISTRATOR);
  open_ended = new_request (clerk, o.own_client, "IN-10");
  split = new_request (clerk, o.own_client, "IN-11");

  /* 100 € a month from March, no end: 12 × 100 € = 1 200 € needs a head. */
  assert_needs_approval (issue_for (worker, open_ended, 10000, NULL, 0, &error), &error);
  g_assert_cmpint (gad_store_application_paid (worker, open_ended, 0), ==, 0);
  /* Only the administrator sets the policy; at 6 months it is 600 € and paid. */
  assert_denied (gad_store_set_setting (worker, "open_ended_months", "6", &error), &error);
  g_assert_true (gad_store_set_setting (admin, "open_ended_months", "6", &error));
  g_assert_no_error (error);
  g_assert_cmpint (issue_for (worker, open_ended, 10000, NULL, 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (gad_store_application_paid (worker, open_ended, 0), ==, 60000);

  /* 6 × 100 € on one application, then 6 × 100 € more: 1 200 € in all. */
  first = issue (worker, split, 10000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  assert_needs_approval (issue (worker, split, 10000, &error), &error);
  /* A correction that replaces the first decision counts alone: 6 × 110 €. */
  g_assert_cmpint (issue_for (worker, split, 11000, "2026-08-31", first, &error), >, 0);
  g_assert_no_error (error);

  office_clear (&o);
}

/* Lists of many clients keep to what the role may read: a social worker's
 * list of open duties holds only the clients in their scope. */
static void
test_list_scope (void)
{
  Office o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) stranger = NULL, worker = NULL, head = NULL, clerk = NULL;
  g_autoptr(GPtrArray) mine = NULL, theirs = NULL, all = NULL;
  GadDuty duty = { .text = (char *) "Reģistrēties NVA", .due_on = (char *) "2026-04-01" };
  g_autoptr(GPtrArray) duties = g_ptr_array_new ();
  GadDecisionDraft d = { .outcome = "grant", .amount_cents = 5000, .period_from = "2026-03-01",
                         .period_to = "2026-03-31", .facts = "Fakti.", .legal_basis = "Likums.",
                         .reasoning = "Pamatojums.", .drafter = "Rita" };

  office_init (&o);
  stranger = sign_in_login (&o, "stranger");
  worker = sign_in_as (&o, GAD_ROLE_SOCIAL_WORKER);
  head = sign_in_as (&o, GAD_ROLE_HEAD);
  clerk = sign_in_as (&o, GAD_ROLE_CLERK);
  g_ptr_array_add (duties, &duty);
  d.request_id = o.request;
  d.duties = duties;
  g_assert_cmpint (gad_decision_issue (stranger, &d, &error), >, 0);
  g_assert_no_error (error);

  theirs = gad_store_list_open_duties (stranger, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (theirs->len, ==, 1);
  /* The worker of parish A sees none of it, for everyone (0) or for its worker. */
  mine = gad_store_list_open_duties (worker, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 0);
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = gad_store_list_open_duties (worker, o.stranger_id, &error);
  g_assert_cmpuint (mine->len, ==, 0);
  assert_denied (list_ok (gad_store_list_duties (worker, o.other_client, &error)), &error);
  /* A head reads every file; a clerk none. */
  all = gad_store_list_open_duties (head, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  assert_denied (list_ok (gad_store_list_open_duties (clerk, 0, &error)), &error);
  office_clear (&o);
}

static void
on_worker_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* A job's answer, waited for in this thread's main context. */
static gpointer
worker_answer (GadWorker     *worker,
               GadWorkerFunc  func,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gad_worker_run (worker, func, data, NULL, (GDestroyNotify) gad_client_file_free, cancellable,
                  on_worker_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return gad_worker_run_finish (result, error);
}

static gpointer
load_file (GadStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return gad_client_file_load (store, GPOINTER_TO_SIZE (data), TRUE, error);
}

static gpointer
fail_job (GadStore      *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  g_atomic_int_inc ((gint *) data);
  return gad_store_get_person (store, -1, error);
}

/* A client's page, read as the views read it: through a worker acting for
 * whoever signed in, on a connection of its own. Each role gets what it
 * may see and no more; a job asked and then cancelled is not run. */
static void
test_client_file (void)
{
  Office o = { 0 };
  g_autoptr(GadStore) worker = NULL, clerk = NULL, head = NULL;
  g_autoptr(GadWorker) as_worker = NULL, as_clerk = NULL, as_head = NULL;
  g_autoptr(GadClientFile) own = NULL, other = NULL, basic = NULL, all = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  gint runs = 0;

  office_init (&o);
  worker = sign_in_as (&o, GAD_ROLE_SOCIAL_WORKER);
  clerk = sign_in_as (&o, GAD_ROLE_CLERK);
  head = sign_in_as (&o, GAD_ROLE_HEAD);
  as_worker = gad_worker_new (worker);
  as_clerk = gad_worker_new (clerk);
  as_head = gad_worker_new (head);

  /* The worker's own client (of their parish): the whole file. */
  own = worker_answer (as_worker, load_file, GSIZE_TO_POINTER (o.own_client), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gad_person_get_last_name (own->person), ==, "Bērziņš");
  g_assert_true (own->reads && own->writes && own->registers && !own->audits);
  g_assert_cmpuint (own->rows[GAD_FILE_CASES]->len, ==, 0);
  g_assert_nonnull (own->rows[GAD_FILE_HISTORY]);
  /* Another department's client in another parish: basic data only. */
  other = worker_answer (as_worker, load_file, GSIZE_TO_POINTER (o.other_client), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (other->reads);
  g_assert_nonnull (other->rows[GAD_FILE_HOUSEHOLD]);
  g_assert_null (other->rows[GAD_FILE_CASES]);
  g_assert_null (other->rows[GAD_FILE_REQUESTS]);
  /* A clerk registers but reads no case file. */
  basic = worker_answer (as_clerk, load_file, GSIZE_TO_POINTER (o.other_client), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (!basic->reads && basic->registers && basic->role == GAD_ROLE_CLERK);
  g_assert_null (basic->rows[GAD_FILE_DECISIONS]);
  /* A head reads every file: the case and the application are there. */
  all = worker_answer (as_head, load_file, GSIZE_TO_POINTER (o.other_client), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (all->reads);
  g_assert_cmpuint (all->rows[GAD_FILE_CASES]->len, ==, 1);
  g_assert_cmpuint (all->rows[GAD_FILE_REQUESTS]->len, ==, 1);
  g_assert_cmpint (((GadRequest *) g_ptr_array_index (all->rows[GAD_FILE_REQUESTS], 0))->id, ==,
                   o.request);

  /* Each opening is in the log, under the worker's own name. */
  log = gad_store_list_audit (head, o.own_client, &error);
  g_assert_no_error (error);
  {
    gboolean opened = FALSE;

    for (guint i = 0; i < log->len; i++)
      {
        GadAuditEntry *e = g_ptr_array_index (log, i);
        opened |= g_str_equal (e->action, "open")
                  && g_strcmp0 (e->actor, gad_store_actor_name (worker)) == 0;
      }
    g_assert_true (opened);
  }

  /* Its saves are announced under a server process of its own. */
  if (gad_store_is_server (head))
    {
      g_assert_cmpint (gad_worker_get_server_process (as_head), >, 0);
      g_assert_cmpint (gad_worker_get_server_process (as_head), !=,
                       gad_store_server_process (head));
    }
  else
    g_assert_cmpint (gad_worker_get_server_process (as_head), ==, 0);

  /* An error comes back as the error; a cancelled job never runs. */
  g_assert_null (worker_answer (as_head, fail_job, &runs, NULL, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (runs, ==, 1);
  g_cancellable_cancel (cancelled);
  g_assert_null (worker_answer (as_head, fail_job, &runs, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (runs, ==, 1);
  office_clear (&o);
}

/* What each role may change in a registered person. */
static void
test_person_fields (void)
{
  Office o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) clerk = NULL, worker = NULL, head = NULL, colleague = NULL;
  g_autoptr(GadStore) stranger = NULL;

  office_init (&o);
  clerk = sign_in_as (&o, GAD_ROLE_CLERK);
  worker = sign_in_as (&o, GAD_ROLE_SOCIAL_WORKER);
  head = sign_in_as (&o, GAD_ROLE_HEAD);
  colleague = sign_in_login (&o, "parish-b");
  stranger = sign_in_login (&o, "stranger");

  /* A clerk corrects the address and phone of anyone … */
  {
    g_autoptr(GadPerson) p = gad_store_get_person (clerk, o.other_client, &error);

    g_object_set (p, "address", "Dārza iela 7, Ābeļi", "phone", "+371 20000003", NULL);
    assert_allowed (gad_store_update_person (clerk, p, &error), &error);
  }
  /* … and nothing else: each of these is refused, and nothing is written. */
  {
    static const struct { const char *property; const char *text; guint number; } fields[] = {
      { "last-name", "Kalniņa", 0 }, { "first-name", "Marija", 0 }, { "gender", "M", 0 },
      { "birth-date", "1970-01-01", 0 }, { "code", "320000-00008", 0 },
      { "disability-group", NULL, 2 }, { "territory-id", NULL, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        g_autoptr(GadPerson) p = gad_store_get_person (clerk, o.other_client, &error);
        g_autoptr(GadPerson) after = NULL;

        if (fields[i].text)
          g_object_set (p, fields[i].property, fields[i].text, NULL);
        else if (g_str_equal (fields[i].property, "territory-id"))
          g_object_set (p, "territory-id", o.parish_a, NULL);
        else
          g_object_set (p, fields[i].property, fields[i].number, NULL);
        assert_denied (gad_store_update_person (clerk, p, &error), &error);
        after = gad_store_get_person (head, o.other_client, &error);
        g_assert_cmpstr (gad_person_get_last_name (after), ==, "Kalna");
        g_assert_cmpint (gad_person_get_territory_id (after), ==, o.parish_b);
        g_assert_cmpuint (gad_person_get_disability_group (after), ==, 0);
        g_assert_cmpstr (gad_person_get_address (after), ==, "Dārza iela 7, Ābeļi");
      }
  }
  /* The disability group is health data: the clerk does not read it, and a
   * clerk's save of the address keeps it. */
  {
    g_autoptr(GadPerson) p = gad_store_get_person (stranger, o.other_client, &error);
    g_autoptr(GadPerson) seen = NULL, kept = NULL;

    g_object_set (p, "disability-group", 2u, NULL);
    assert_allowed (gad_store_update_person (stranger, p, &error), &error);
    seen = gad_store_get_person (clerk, o.other_client, &error);
    g_assert_cmpuint (gad_person_get_disability_group (seen), ==, 0);
    g_object_set (seen, "phone", "+371 20000004", NULL);
    assert_allowed (gad_store_update_person (clerk, seen, &error), &error);
    kept = gad_store_get_person (stranger, o.other_client, &error);
    g_assert_cmpuint (gad_person_get_disability_group (kept), ==, 2);
    g_assert_cmpstr (gad_person_get_phone (kept), ==, "+371 20000004");
  }
  /* Moving a client into parish A would hand the file to its worker: not
   * for the clerk (above), nor for a worker of parish B's other department
   * whose client it is not; but for the department in whose care the client
   * is (Līga, dept_client) and for a head. */
  {
    g_autoptr(GadPerson) p = gad_store_get_person (colleague, o.dept_client, &error);
    g_autoptr(GadPerson) q = gad_store_get_person (stranger, o.dept_client, &error);
    g_autoptr(GadPerson) r = gad_store_get_person (head, o.other_client, &error);

    g_object_set (q, "territory-id", o.parish_a, NULL);
    assert_denied (gad_store_update_person (stranger, q, &error), &error);
    g_assert_false (gad_store_can (worker, GAD_RIGHT_READ_CLIENT, o.other_client));
    g_object_set (p, "territory-id", o.parish_a, NULL);
    assert_allowed (gad_store_update_person (colleague, p, &error), &error);
    g_object_set (r, "territory-id", o.parish_a, NULL);
    assert_allowed (gad_store_update_person (head, r, &error), &error);
    g_assert_true (gad_store_can (worker, GAD_RIGHT_READ_CLIENT, o.other_client));
    /* The head moves the parish only: a name is the worker's to change. */
    g_clear_object (&r);
    r = gad_store_get_person (head, o.other_client, &error);
    g_object_set (r, "first-name", "Marija", NULL);
    assert_denied (gad_store_update_person (head, r, &error), &error);
  }
  /* A case's responsible worker: the head reassigns it; the worker of parish
   * A, who now may write Marta's file, may not take it from Rita's department. */
  {
    g_autoptr(GPtrArray) cases = gad_store_list_cases (head, o.other_client, &error);
    GadCase *c = g_ptr_array_index (cases, 0);

    c->worker_id = o.ids[GAD_ROLE_SOCIAL_WORKER];
    c->transfer_reason = g_strdup ("Pārcēlās uz A pagastu.");
    assert_denied (gad_store_update_case (worker, c, &error), &error);
    assert_allowed (gad_store_update_case (head, c, &error), &error);
    g_clear_pointer (&cases, g_ptr_array_unref);
    cases = gad_store_list_cases (head, o.other_client, &error);
    g_assert_cmpint (((GadCase *) cases->pdata[0])->worker_id, ==, o.ids[GAD_ROLE_SOCIAL_WORKER]);
  }
  office_clear (&o);
}

/* Who signed in on one connection acts in another store: the window signs in
 * on a connection of its own in a thread, then its store takes that over;
 * threads open theirs as the same person. */
static void
test_identity (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) clerk = gad_test_store_as (GAD_ROLE_CLERK, &path);
  g_autoptr(GadStoreIdentity) who = gad_store_get_identity (clerk);
  g_autoptr(GadStore) window = gad_store_open_signed_out (path, NULL);
  gint64 clerk_id = gad_store_actor_id (clerk);
  g_autoptr(GadStore) thread = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gad_store_get_role (window), ==, GAD_ROLE_NONE);
  g_assert_false (gad_store_search (window, "", GAD_SORT_NAME, FALSE, 0, ids, NULL));
  gad_store_take_over (window, clerk);
  g_assert_cmpint (gad_store_get_role (window), ==, GAD_ROLE_CLERK);
  g_assert_cmpint (gad_store_actor_id (window), ==, clerk_id);
  g_assert_cmpstr (gad_store_get_username (window), ==, "clerk");
  g_assert_cmpint (gad_store_get_role (clerk), ==, GAD_ROLE_NONE);
  g_assert_true (gad_store_search (window, "", GAD_SORT_NAME, FALSE, 0, ids, &error));
  g_assert_no_error (error);
  /* A clerk's rights, no more. */
  g_assert_false (gad_store_can (window, GAD_RIGHT_ADMINISTER, 0));
  g_assert_false (gad_store_can (window, GAD_RIGHT_DASHBOARDS, 0));

  thread = gad_store_open_as (who, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gad_store_get_role (thread), ==, GAD_ROLE_CLERK);
  g_assert_cmpstr (gad_store_get_path (thread), ==, path);

  /* Signing out on one connection leaves the others as they were told. */
  gad_store_sign_out (window);
  g_assert_cmpint (gad_store_get_role (window), ==, GAD_ROLE_NONE);
  g_assert_cmpint (gad_store_get_role (thread), ==, GAD_ROLE_CLERK);
}

static void
count_signal (gpointer data)
{
  (*(guint *) data)++;
}

/* On a server the server checks the account: a wrong password, an account
 * without a Gādība role, and one an administrator closes while it works. */
static void
test_server_account (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) admin = NULL;
  g_autoptr(GadStore) clerk = NULL;
  g_autoptr(GadStore) wrong = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *stranger = NULL;
  g_autofree char *database = NULL;
  guint signed_out = 0;

  if (!gad_test_server ())
    {
      g_test_skip ("a server's accounts only");
      return;
    }
  admin = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, &path);
  database = g_strdup (path + strlen ("dbname="));

  wrong = gad_store_sign_in_to (path, "clerk", "not the password", &error);
  g_assert_null (wrong);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN);
  g_assert_cmpstr (error->message, ==, "The name or the password is wrong.");
  g_clear_error (&error);

  /* A server role that is no Gādība account's. */
  stranger = g_strdup_printf ("CREATE ROLE \"stranger@%s\" LOGIN PASSWORD '%s'", database,
                              GAD_TEST_PASSWORD);
  g_assert_cmpint (gad_test_sql (gad_test_server (), stranger), ==, GAD_DB_OK);
  wrong = gad_store_sign_in_to (path, "stranger", GAD_TEST_PASSWORD, &error);
  g_assert_null (wrong);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "no Gādība role"));
  g_clear_error (&error);

  /* The clerk works; the administrator closes the account; the clerk's
   * next query is refused by the server and signs the clerk out. */
  clerk = gad_store_sign_in_to (path, "clerk", GAD_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (clerk, "signed-out", G_CALLBACK (count_signal), &signed_out);
  g_assert_true (gad_store_search (clerk, "", GAD_SORT_NAME, FALSE, 0, ids, &error));
  g_assert_true (gad_store_update_account (admin, gad_store_actor_id (clerk), GAD_ROLE_CLERK,
                                           FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (gad_store_search (clerk, "", GAD_SORT_NAME, FALSE, 0, ids, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGNED_OUT);
  g_assert_cmpuint (signed_out, ==, 1);
  g_assert_cmpint (gad_store_get_role (clerk), ==, GAD_ROLE_NONE);
  g_clear_error (&error);
  g_clear_object (&clerk);
  clerk = gad_store_sign_in_to (path, "clerk", GAD_TEST_PASSWORD, &error);
  g_assert_null (clerk);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN);
}

/* An administrator gives a password an end: from that day the right
 * password gets its own words (not those of a wrong one) until a new one is
 * set, which has no end. Only administrators end passwords. */
static void
test_password_end (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) admin = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, &path);
  g_autoptr(GadStore) clerk = NULL;
  g_autoptr(GadStore) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) wrong = NULL;
  const char *login = gad_test_login (GAD_ROLE_CLERK);
  gint64 id = gad_test_staff_id (admin, login);
  g_autofree char *today = gad_text_today_iso ();
  g_autofree char *shown = gad_text_format_date (today);

  g_assert_true (gad_store_end_password (admin, id, "2999-12-31", &error));
  g_assert_no_error (error);
  clerk = gad_store_sign_in_to (path, login, GAD_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_false (gad_store_end_password (clerk, gad_store_actor_id (admin), today, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_true (gad_store_end_password (admin, id, today, &error));
  g_assert_no_error (error);
  g_assert_null (gad_store_sign_in_to (path, login, GAD_TEST_PASSWORD, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_PASSWORD_EXPIRED);
  g_assert_nonnull (strstr (error->message, shown));
  g_assert_null (gad_store_sign_in_to (path, login, "Nepareiza parole 1", &wrong));
  g_assert_error (wrong, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN);
  g_assert_cmpstr (error->message, !=, wrong->message);
  g_clear_error (&error);

  g_assert_true (gad_store_set_password (admin, id, GAD_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  later = gad_store_sign_in_to (path, login, GAD_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gad_store_get_role (later), ==, GAD_ROLE_CLERK);
}

/* The municipality's inhabitants are the administrator's to enter, as
 * people write numbers; the head's dashboard divides by them. */
static void
test_inhabitants (void)
{
  Office o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) admin = NULL, head = NULL;
  g_autofree char *kept = NULL;
  GadHeadline h;

  office_init (&o);
  admin = sign_in_as (&o, GAD_ROLE_ADMINISTRATOR);
  head = sign_in_as (&o, GAD_ROLE_HEAD);
  g_assert_true (gad_stats_headline (head, "2026-11-20", &h, &error));
  g_assert_no_error (error);
  g_assert_cmpint (h.inhabitants, ==, 0);

  assert_allowed (gad_store_set_setting (admin, "inhabitants", "26 000", &error), &error);
  kept = gad_store_get_setting (admin, "inhabitants");
  g_assert_cmpstr (kept, ==, "26000");
  for (guint i = 0; i < 3; i++)
    {
      const char *bad[] = { "26 000,5", "many", "-3" };

      g_assert_false (gad_store_set_setting (admin, "inhabitants", bad[i], &error));
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  assert_denied (gad_store_set_setting (head, "inhabitants", "1", &error), &error);
  g_assert_true (gad_stats_headline (head, "2026-11-20", &h, &error));
  g_assert_cmpint (h.inhabitants, ==, 26000);
  office_clear (&o);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/access/password", test_password);
  g_test_add_func ("/access/sign-in", test_sign_in);
  g_test_add_func ("/access/password-end", test_password_end);
  g_test_add_func ("/access/identity", test_identity);
  g_test_add_func ("/access/server-account", test_server_account);
  g_test_add_func ("/access/roles", test_roles);
  g_test_add_func ("/access/accounts", test_accounts);
  g_test_add_func ("/access/four-eyes", test_four_eyes);
  g_test_add_func ("/access/inhabitants", test_inhabitants);
  g_test_add_func ("/access/four-eyes-totals", test_four_eyes_totals);
  g_test_add_func ("/access/list-scope", test_list_scope);
  g_test_add_func ("/access/client-file", test_client_file);
  g_test_add_func ("/access/person-fields", test_person_fields);
  return g_test_run ();
}
