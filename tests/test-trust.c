/* test-trust.c — append-only hash-chained audit, backups, and writes that survive SIGKILL
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>

#include "gad-decision.h"
#include "gad-demo.h"
#include "gad-stats.h"
#include "gad-store-private.h"
#include "gad-test-util.h"
#include "gad-store-private.h"

#include <poppler.h>
#include <string.h>

static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static int
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

static void
test_audit_chain (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  g_autoptr(GError) error = NULL;
  gint64 broken, rows;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *code = g_strdup_printf ("3200000000%u", i);
      gad_test_person (store, code, "Ozols", "Ints");
    }
  g_assert_true (gad_store_verify_audit (store, &broken, &rows, &error));
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (rows, ==, 5);

  /* The store refuses to change or remove the log. */
  g_assert_cmpint (sql_exec (path, "UPDATE audit_log SET actor = 'x' WHERE id = 3"), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (sql_exec (path, "DELETE FROM audit_changes"), ==, SQLITE_CONSTRAINT);

  /* Someone with the sqlite3 shell gets round the triggers: the chain shows where. */
  g_assert_cmpint (sql_exec (path, "DROP TRIGGER audit_changes_no_update;"
                                   "UPDATE audit_changes SET new_value = 'Liepa'"
                                   " WHERE audit_id = 3 AND field = 'last_name'"), ==, SQLITE_OK);
  g_assert_true (gad_store_verify_audit (store, &broken, &rows, &error));
  g_assert_cmpint (broken, ==, 3);
}

typedef struct
{
  GadStore *store;
  gboolean stop;
  guint written;
} Writer;

static gpointer
write_while (gpointer data)
{
  Writer *w = data;

  for (guint i = 0; !g_atomic_int_get (&w->stop) && i < 400; i++)
    {
      g_autofree char *code = g_strdup_printf ("3300000%04u", i);
      g_autoptr(GadPerson) p = g_object_new (GAD_TYPE_PERSON, "code", code, "last-name", "Kalns",
                                             "first-name", "Ieva", NULL);
      if (gad_store_insert_person (w->store, p, NULL) > 0)
        w->written++;
    }
  return NULL;
}

/* A backup taken while another connection writes is whole and readable alone. */
static void
test_backup_while_writing (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  g_autofree char *copy = g_strconcat (path, ".backup", NULL);
  g_autoptr(GError) error = NULL;
  Writer w = { gad_test_open (path) };
  GThread *thread;
  g_autofree char *check = NULL;
  g_autofree char *persons = NULL;
  GStatBuf st;

  g_assert_true (gad_demo_build (store, 1500, 2, NULL, NULL, NULL, &error));
  thread = g_thread_new ("writer", write_while, &w);
  g_assert_true (gad_store_backup (store, copy, &error));
  g_assert_no_error (error);
  g_atomic_int_set (&w.stop, TRUE);
  g_thread_join (thread);
  g_object_unref (w.store);

  check = sql_text (copy, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  persons = sql_text (copy, "SELECT count (*) >= 1500 FROM persons");
  g_assert_cmpstr (persons, ==, "1");
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* No partial file is left behind. */
  {
    g_autofree char *partial = g_strconcat (copy, ".partial", NULL);
    g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  }
}

/* 200 times: start a writer, kill it with SIGKILL at a random moment, and
 * check every write it reported as committed is there and the file is sound. */
static void
test_crash_safety (void)
{
  g_autofree char *path = gad_test_db_path ();
  g_autoptr(GPtrArray) committed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  guint64 next = 0;

  for (guint kill_no = 0; kill_no < 200; kill_no++)
    {
      g_autofree char *start = g_strdup_printf ("%" G_GUINT64_FORMAT, next);
      const char *argv[] = { g_getenv ("GADIBA_CRASH_WRITER"), path, start, NULL };
      g_autoptr(GSubprocess) writer = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                                         &error);
      g_autoptr(GDataInputStream) out = NULL;
      char *line;

      g_assert_no_error (error);
      g_usleep (g_rand_int_range (rand, 2000, 40000));
      g_subprocess_send_signal (writer, SIGKILL);
      g_subprocess_wait (writer, NULL, NULL);
      g_assert_true (g_subprocess_get_if_signaled (writer)
                     || g_subprocess_get_exit_status (writer) == 0);

      /* What it printed before dying was committed before it printed. */
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));
      while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, NULL)))
        {
          g_ptr_array_add (committed, line);
          next++;
        }
      /* The write it was killed in may have committed unreported: skip its code. */
      next++;
    }

  g_assert_cmpuint (committed->len, >, 200);
  check = sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  store = gad_test_open (path);
  g_assert_no_error (error);
  for (guint i = 0; i < committed->len; i++)
    if (gad_store_find_person_by_code (store, g_ptr_array_index (committed, i)) == 0)
      g_error ("write %s was reported as committed but is lost", (char *) g_ptr_array_index (
                 committed, i));
  /* Nothing half-written: every person has their code row and audit row. */
  {
    g_autofree char *orphans = sql_text (path, "SELECT (SELECT count (*) FROM persons)"
                                               " - (SELECT count (*) FROM person_codes)"
                                               " + (SELECT count (*) FROM persons)"
                                               " - (SELECT count (*) FROM audit_log)");
    g_assert_cmpstr (orphans, ==, "0");
  }
  {
    gint64 broken, rows;
    g_assert_true (gad_store_verify_audit (store, &broken, &rows, NULL));
    g_assert_cmpint (broken, ==, 0);
  }
  g_test_message ("%u writes committed across 200 kills", committed->len);
}

/* A restore brings back exactly the backup, keeps what it replaced, shows
 * at once to another open connection, and refuses files that are not sound
 * backups without changing anything. */
static void
test_restore (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  g_autoptr(GadStore) other = gad_test_open (path);
  g_autofree char *copy = g_strconcat (path, ".backup", NULL);
  g_autofree char *junk = g_strconcat (path, ".junk", NULL);
  g_autofree char *before = g_strconcat (path, ".before-restore", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *count_before = NULL, *count_after = NULL, *kept = NULL;
  gint64 extra, broken_id = -1, n_rows = 0;

  g_assert_true (gad_demo_build (store, 300, 2, NULL, NULL, NULL, &error));
  g_assert_true (gad_store_backup (store, copy, &error));
  count_before = sql_text (path, "SELECT count (*) FROM persons");
  extra = gad_test_person (store, "290200-21239", "Liepa", "Roberts");

  /* Not a backup: refused, nothing changed. */
  g_assert_true (g_file_set_contents (junk, "not a database at all", -1, NULL));
  g_assert_false (gad_store_restore (store, junk, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (gad_store_restore (store, "/nonexistent/backup.db", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (gad_store_find_person_by_code (store, "290200-21239"), ==, extra);

  g_assert_true (gad_store_restore (store, copy, &error));
  g_assert_no_error (error);
  count_after = sql_text (path, "SELECT count (*) FROM persons");
  g_assert_cmpstr (count_after, ==, count_before);
  g_assert_cmpint (gad_store_find_person_by_code (store, "290200-21239"), ==, 0);
  g_assert_cmpint (gad_store_find_person_by_code (other, "290200-21239"), ==, 0);
  g_assert_true (gad_store_verify_audit (store, &broken_id, &n_rows, &error));
  g_assert_cmpint (broken_id, ==, 0);

  /* What the restore replaced is kept, whole. */
  kept = sql_text (before, "SELECT count (*) FROM persons WHERE last_name = 'Liepa'");
  g_assert_cmpstr (kept, ==, "1");

  /* Work goes on after a restore. */
  g_assert_cmpint (gad_test_person (store, "290200-21239", "Liepa", "Roberts"), >, 0);
}

/* Everything stored about one person, as JSON and as a PDF for them: their
 * own records in every section, nobody else's, and the export audited. */
static void
test_person_export (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  gint64 jana = gad_test_person (store, "321111-11111", "Bērziņa", "Jana");
  gint64 other = gad_test_person (store, "322222-22222", "Ozols", "Kārlis");
  GadStaff worker = { 0, (char *) "Ilze Liepa", (char *) "Sociālais darbinieks", (char *) "", 0 };
  g_autoptr(GError) error = NULL;
  gint64 staff_id = gad_store_add_staff (store, &worker, &error);
  GadCase c = { 0, jana, staff_id, NULL, (char *) "pensioner", (char *) "2026-01-05", NULL, NULL,
                (char *) "Dzīvo viena lauku mājā" };
  GadServicePlan plan = { 0 };
  GadRequest request = { 0, jana, 0, (char *) "gmi", NULL, (char *) "2026-02-10",
                         (char *) "IN-7" };
  GadDecisionDraft d = { 0 };
  g_autofree char *json = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GObject) doc = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) audit = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gboolean exported = FALSE;

  g_assert_no_error (error);
  gad_store_insert_case (store, &c, &error);
  g_assert_no_error (error);
  plan.person_id = jana;
  plan.service_code = (char *) "home-care";
  plan.level = 2;
  plan.period_from = (char *) "2026-01-05";
  gad_store_save_service_plan (store, &plan, &error);
  g_assert_no_error (error);
  d.request_id = gad_store_insert_request (store, &request, &error);
  d.outcome = "grant";
  d.amount_cents = 18700;
  d.period_from = "2026-03-01";
  d.period_to = "2026-05-31";
  d.status_granted = "needy";
  d.facts = "Iesniedzējas ienākumi — vecuma pensija.";
  d.legal_basis = "Sociālo pakalpojumu un sociālās palīdzības likuma 33. panta pirmā daļa";
  d.reasoning = "Atbilst.";
  d.issued_on = "2026-02-20";
  d.drafter = "Ilze Liepa";
  gad_decision_issue (store, &d, &error);
  g_assert_no_error (error);

  g_assert_true (gad_store_export_person (store, jana, &json, &pdf, &error));
  g_assert_no_error (error);

  /* Valid JSON (SQLite's own check), with her records in every section. */
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT json_valid (?1),"
                                           " json_extract (?1, '$.person[0].last_name'),"
                                           " json_extract (?1, '$.decisions[0].amount_cents'),"
                                           " json_extract (?1, '$.services[0].level'),"
                                           " json_extract (?1, '$.cases[0].notes'),"
                                           " json_array_length (?1, '$.history')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "Bērziņa");
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 18700);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 2);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "Dzīvo viena lauku mājā");
  g_assert_cmpint (sqlite3_column_int (stmt, 5), >=, 4);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_null (strstr (json, "Ozols"));

  /* The PDF reads as Latvian for her, with amounts and dates as she reads them. */
  doc = G_OBJECT (poppler_document_new_from_bytes (pdf, NULL, &error));
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (POPPLER_DOCUMENT (doc)); i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (doc), i));
      g_autofree char *t = poppler_page_get_text (POPPLER_PAGE (page));

      g_string_append (text, t);
    }
  g_assert_nonnull (strstr (text->str, "Jūsu dati Gādībā"));
  g_assert_nonnull (strstr (text->str, "Bērziņa"));
  g_assert_nonnull (strstr (text->str, "Lēmumi"));
  g_assert_nonnull (strstr (text->str, "187,00"));
  g_assert_nonnull (strstr (text->str, "20.02.2026"));
  g_assert_null (strstr (text->str, "Ozols"));

  /* Who exported it, and when, is in her history. */
  audit = gad_store_list_audit (store, jana, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    exported |= g_str_equal (((GadAuditEntry *) g_ptr_array_index (audit, i))->action, "export");
  g_assert_true (exported);

  /* Nobody there: refused, nothing recorded. */
  g_clear_pointer (&json, g_free);
  g_clear_pointer (&pdf, g_bytes_unref);
  g_assert_false (gad_store_export_person (store, other + 100, &json, &pdf, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND);
}

/* The first start each day makes that day's copy; a rotation keeps the
 * newest N; each copy opens, holds the data and is readable by the owner only. */
static void
test_daily_backup (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  g_autofree char *base = g_path_get_dirname (path);
  g_autofree char *dir = g_build_filename (base, "backups", NULL);
  g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n = 0;

  gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  g_assert_true (gad_store_daily_backup (store, dir, 5, "2026-11-01", &made, &error));
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_assert_true (g_str_has_suffix (made, "gadiba-2026-11-01.db"));
  g_clear_pointer (&made, g_free);
  /* Started again the same day: nothing new. */
  g_assert_true (gad_store_daily_backup (store, dir, 5, "2026-11-01", &made, &error));
  g_assert_null (made);
  g_assert_true (g_file_set_contents (other, "keep me", -1, NULL));
  for (int day = 2; day <= 20; day++)
    {
      g_autofree char *today = g_strdup_printf ("2026-11-%02d", day);

      g_assert_true (gad_store_daily_backup (store, dir, 5, today, NULL, &error));
      g_assert_no_error (error);
    }
  listing = g_dir_open (dir, 0, &error);
  while ((name = g_dir_read_name (listing)))
    {
      g_autofree char *copy = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_str_equal (name, "notes.txt"))
        continue;
      n++;
      g_assert_cmpstr (name, >=, "gadiba-2026-11-16.db");
      g_assert_cmpint (g_stat (copy, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0077, ==, 0);
    }
  g_assert_cmpuint (n, ==, 5);
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  {
    g_autofree char *newest = g_build_filename (dir, "gadiba-2026-11-20.db", NULL);
    g_autoptr(GadStore) copy = gad_test_open (newest);

    g_assert_no_error (error);
    g_assert_cmpint (gad_store_find_person_by_code (copy, "16117519997"), >, 0);
  }
}

/* Opening a client's file is recorded: who and when. */
static void
test_access_recorded (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  gint64 id = gad_test_person (store, "161175-19997", "Bērziņš", "Jānis");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  guint opened = 0;

  gad_store_act_as_system (store, "Ilze Liepa");
  g_assert_true (gad_store_record_access (store, id, &error));
  g_assert_true (gad_store_record_access (store, id, &error));
  audit = gad_store_list_audit (store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      GadAuditEntry *e = g_ptr_array_index (audit, i);

      if (g_str_equal (e->action, "open"))
        {
          g_assert_cmpstr (e->actor, ==, "Ilze Liepa");
          opened++;
        }
    }
  g_assert_cmpuint (opened, ==, 2);
}

/* Every table the dashboards and reports show, as text, 2012–2026. */
static char *
all_figures (GadStore *store)
{
  GString *out = g_string_new (NULL);
  guint n;
  const GadStatTable *tables = gad_stats_tables (&n);

  for (guint t = 0; t < n; t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) stats = gad_stats_query (store, tables[t].name, 2012, 2026, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < stats->len; i++)
        {
          GadStat *s = g_ptr_array_index (stats, i);

          g_string_append_printf (out, "%s %d %s %" G_GINT64_FORMAT "\n", tables[t].name, s->year,
                                  s->category, s->value);
        }
    }
  return g_string_free (out, FALSE);
}

/* The retention run: persons whose cases all closed more than N years ago
 * are listed and anonymised; every dashboard figure stays the same. */
static void
test_retention (void)
{
  g_autoptr(GadStore) store = gad_test_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL, after = NULL;
  g_autofree char *before = NULL, *figures = NULL;
  GadRetentionCandidate *first;
  g_autoptr(GPtrArray) decisions = NULL;
  gint64 broken = -1, rows;
  guint anonymised = 0;

  g_assert_true (gad_demo_build (store, 1500, 3, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gad_store_set_setting (store, "retention_years", "3", &error));
  before = all_figures (store);

  candidates = gad_store_list_retention (store, "2026-11-22", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, >, 0);
  first = g_ptr_array_index (candidates, 0);
  g_assert_cmpstr (first->last_closed_on, <=, "2023-11-22");

  for (guint i = 0; i < candidates->len; i++)
    {
      GadRetentionCandidate *c = g_ptr_array_index (candidates, i);
      g_autoptr(GadPerson) was = gad_store_get_person (store, c->person_id, &error);
      g_autoptr(GadPerson) now = NULL;

      g_assert_true (gad_store_anonymise_person (store, c->person_id, "2026-11-22", &error));
      g_assert_no_error (error);
      now = gad_store_get_person (store, c->person_id, &error);
      g_assert_cmpstr (gad_person_get_last_name (now), ==, "Klients");
      g_assert_cmpstr (gad_person_get_address (now), ==, "");
      g_assert_cmpstr (gad_person_get_gender (now), ==, gad_person_get_gender (was));
      g_assert_cmpint (gad_store_find_person_by_code (store, c->code), ==, 0);
      anonymised++;
      /* Twice is refused. */
      g_assert_false (gad_store_anonymise_person (store, c->person_id, "2026-11-22", &error));
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
      g_clear_error (&error);
      /* Their letters are gone; the decisions' figures are not. */
      decisions = gad_store_list_decisions (store, c->person_id, &error);
      for (guint k = 0; k < decisions->len; k++)
        {
          GadDecision *d = g_ptr_array_index (decisions, k);

          g_assert_null (gad_store_get_decision_pdf (store, d->id, &error));
          g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND);
          g_clear_error (&error);
          g_assert_cmpstr (d->facts, ==, "");
        }
      g_clear_pointer (&decisions, g_ptr_array_unref);
    }
  g_assert_cmpuint (anonymised, ==, candidates->len);

  /* Every figure as it was; nobody left to list; the audit chain holds. */
  figures = all_figures (store);
  g_assert_cmpstr (figures, ==, before);
  after = gad_store_list_retention (store, "2026-11-22", 0, &error);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_true (gad_store_verify_audit (store, &broken, &rows, &error));
  g_assert_cmpint (broken, ==, 0);
  /* A client with an open case is never anonymised. */
  for (gint64 id = 1; id < 1500; id++)
    {
      g_autoptr(GPtrArray) cases = gad_store_list_cases (store, id, NULL);
      gboolean open = FALSE;

      for (guint k = 0; cases && k < cases->len; k++)
        open |= ((GadCase *) g_ptr_array_index (cases, k))->closed_on == NULL;
      if (!open)
        continue;
      g_assert_false (gad_store_anonymise_person (store, id, "2026-11-22", &error));
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
      break;
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trust/person-export", test_person_export);
  g_test_add_func ("/trust/retention", test_retention);
  g_test_add_func ("/trust/daily-backup", test_daily_backup);
  g_test_add_func ("/trust/access-recorded", test_access_recorded);
  g_test_add_func ("/trust/audit-chain", test_audit_chain);
  g_test_add_func ("/trust/backup-while-writing", test_backup_while_writing);
  g_test_add_func ("/trust/restore", test_restore);
  g_test_add_func ("/trust/crash-safety", test_crash_safety);
  return g_test_run ();
}
