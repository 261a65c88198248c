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
#include "gad-test-util.h"

#include <poppler.h>
#include <string.h>

static char *
sql_text (const char *path,
          const char *sql)
{
  return gad_test_sql_text (path, sql);
}

static GadDbError
sql_exec (const char *path,
          const char *sql)
{
  return gad_test_sql (path, sql);
}

static void
test_audit_chain (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_store (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 broken, rows, before, third;

  /* The accounts and sign-ins of the test database are in the log already. */
  g_assert_true (gad_store_verify_audit (store, &broken, &before, &error));
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *code = g_strdup_printf ("3200000000%u", i);
      gad_test_person (store, code, "Ozols", "Ints");
    }
  g_assert_true (gad_store_verify_audit (store, &broken, &rows, &error));
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (rows, ==, before + 5);
  third = before + 3;

  /* The store refuses to change or remove the log, and to put a value back
   * in place of an erased one. */
  sql = g_strdup_printf ("UPDATE audit_log SET actor = 'x' WHERE id = %" G_GINT64_FORMAT, third);
  g_assert_cmpint (sql_exec (path, sql), ==, GAD_DB_ERROR_REFUSED);
  g_assert_cmpint (sql_exec (path, "DELETE FROM audit_changes"), ==, GAD_DB_ERROR_REFUSED);
  g_assert_cmpint (sql_exec (path, "UPDATE audit_changes SET new_value = 'Liepa'"
                                   " WHERE field = 'last_name'"), ==, GAD_DB_ERROR_REFUSED);
  g_assert_cmpint (sql_exec (path, "UPDATE audit_changes SET hash = NULL, new_value = NULL,"
                                   " salt = NULL WHERE field = 'last_name'"), ==, GAD_DB_ERROR_REFUSED);

  /* Erasing a value with its salt, as anonymisation does, keeps the chain. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE audit_changes SET old_value = NULL, new_value = NULL, salt = NULL"
                         " WHERE audit_id = %" G_GINT64_FORMAT " AND field = 'first_name'", third);
  g_assert_cmpint (sql_exec (path, sql), ==, GAD_DB_OK);
  g_assert_true (gad_store_verify_audit (store, &broken, &rows, &error));
  g_assert_cmpint (broken, ==, 0);

  /* Someone with the sqlite3 shell or psql gets round the triggers: the chain shows where. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP TRIGGER audit_changes_no_update%s;"
                         "UPDATE audit_changes SET new_value = 'Liepa'"
                         " WHERE audit_id = %" G_GINT64_FORMAT " AND field = 'last_name'",
                         gad_test_server () ? " ON audit_changes" : "", third);
  g_assert_cmpint (sql_exec (path, sql), ==, GAD_DB_OK);
  g_assert_true (gad_store_verify_audit (store, &broken, &rows, &error));
  g_assert_cmpint (broken, ==, third);
  /* … also when the value is put back where it was erased. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE audit_changes SET new_value = 'Ints'"
                         " WHERE audit_id = %" G_GINT64_FORMAT " AND field = 'first_name';"
                         "UPDATE audit_changes SET new_value = 'Ozols'"
                         " WHERE audit_id = %" G_GINT64_FORMAT " AND field = 'last_name'",
                         third, third);
  g_assert_cmpint (sql_exec (path, sql), ==, GAD_DB_OK);
  g_assert_true (gad_store_verify_audit (store, &broken, &rows, &error));
  g_assert_cmpint (broken, ==, third);
}

typedef struct
{
  GadStore *store;
  gboolean stop;
  gint written;
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
        g_atomic_int_inc (&w->written);
    }
  return NULL;
}

/* A backup taken while another connection writes is whole and readable alone. */
static void
test_backup_while_writing (void)
{
  if (gad_test_server ())
    {
      g_test_skip ("SQLite files only");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_demo (1500, 2, GAD_ROLE_ADMINISTRATOR, &path);
  g_autofree char *copy = g_strconcat (path, ".backup", NULL);
  g_autoptr(GError) error = NULL;
  Writer w = { gad_test_demo_open (path, GAD_ROLE_CLERK) };
  GThread *thread;
  g_autofree char *check = NULL;
  g_autofree char *in_copy = NULL, *in_file = NULL;
  g_autofree char *initial = sql_text (path, "SELECT count (*) FROM persons");
  gint64 before = g_ascii_strtoll (initial, NULL, 10);
  gint written_before;
  GStatBuf st;

  /* The clerk is registering persons when the backup starts. */
  thread = g_thread_new ("writer", write_while, &w);
  while (g_atomic_int_get (&w.written) == 0)
    g_usleep (1000);
  written_before = g_atomic_int_get (&w.written);
  g_assert_true (gad_store_backup (store, copy, &error));
  g_assert_no_error (error);
  g_atomic_int_set (&w.stop, TRUE);
  g_thread_join (thread);
  g_object_unref (w.store);

  check = sql_text (copy, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  /* The copy holds every person of a moment between the start and the end
   * of the writes; the database holds all of them. */
  in_copy = sql_text (copy, "SELECT count (*) FROM persons");
  in_file = sql_text (path, "SELECT count (*) FROM persons");
  g_assert_cmpint (w.written, >, written_before);
  g_assert_cmpint (g_ascii_strtoll (in_file, NULL, 10), ==, before + w.written);
  g_assert_cmpint (g_ascii_strtoll (in_copy, NULL, 10), >=, before + written_before);
  g_assert_cmpint (g_ascii_strtoll (in_copy, NULL, 10), <=, before + w.written);
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
  if (gad_test_server ())
    {
      g_test_skip ("SQLite files only");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) made = gad_test_store_as (GAD_ROLE_CLERK, &path);
  g_autoptr(GPtrArray) committed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  guint64 next = 0;

  g_clear_object (&made);
  g_setenv ("GADIBA_PASSWORD", GAD_TEST_PASSWORD, TRUE);
  for (guint kill_no = 0; kill_no < 200; kill_no++)
    {
      g_autofree char *start = g_strdup_printf ("%" G_GUINT64_FORMAT, next);
      const char *argv[] = { g_getenv ("GADIBA_CRASH_WRITER"), path, start, "clerk", NULL };
      g_autoptr(GSubprocess) writer = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                                         &error);
      g_autoptr(GDataInputStream) out = NULL;
      g_autofree char *ready = NULL;
      char *line;

      g_assert_no_error (error);
      /* Killed while it writes, not while it signs in. */
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));
      ready = g_data_input_stream_read_line_utf8 (out, NULL, NULL, NULL);
      g_assert_cmpstr (ready, ==, "ready");
      g_usleep (g_rand_int_range (rand, 2000, 40000));
      g_subprocess_send_signal (writer, SIGKILL);
      g_subprocess_wait (writer, NULL, NULL);
      g_assert_true (g_subprocess_get_if_signaled (writer)
                     || g_subprocess_get_exit_status (writer) == 0);

      /* What it printed before dying was committed before it printed. */
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
                                               " - (SELECT count (*) FROM audit_log"
                                               "    WHERE entity = 'person' AND action = 'create')");
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
  if (gad_test_server ())
    {
      g_test_skip ("SQLite files only");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_demo (300, 2, GAD_ROLE_ADMINISTRATOR, &path);
  g_autoptr(GadStore) clerk = gad_test_demo_open (path, GAD_ROLE_CLERK);
  g_autoptr(GadStore) other = gad_test_demo_open (path, GAD_ROLE_SOCIAL_WORKER);
  g_autofree char *copy = g_strconcat (path, ".backup", NULL);
  g_autofree char *junk = g_strconcat (path, ".junk", NULL);
  g_autofree char *before = g_strconcat (path, ".before-restore", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *count_before = NULL, *count_after = NULL, *kept = NULL;
  gint64 extra, broken_id = -1, n_rows = 0;

  g_assert_true (gad_store_backup (store, copy, &error));
  count_before = sql_text (path, "SELECT count (*) FROM persons");
  extra = gad_test_person (clerk, "290200-21239", "Liepa", "Roberts");

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

  /* Work goes on after a restore, also on a connection opened before it. */
  g_assert_cmpint (gad_test_person (clerk, "290200-21239", "Liepa", "Roberts"), >, 0);
}

/* Everything stored about one person, as JSON and as a PDF for them: their
 * own records in every section, nobody else's, and the export audited. */
static void
test_person_export (void)
{
  if (gad_test_server ())
    {
      g_test_skip ("SQLite files only");
      return;
    }
  g_autoptr(GadStore) store = gad_test_store (NULL);
  gint64 jana = gad_test_person (store, "321111-11111", "Bērziņa", "Jana");
  gint64 other = gad_test_person (store, "322222-22222", "Ozols", "Kārlis");
  g_autoptr(GError) error = NULL;
  gint64 staff_id = gad_store_actor_id (store);
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
  if (gad_test_server ())
    {
      g_test_skip ("SQLite files only");
      return;
    }
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

  g_assert_true (gad_store_record_access (store, id, &error));
  g_assert_true (gad_store_record_access (store, id, &error));
  audit = gad_store_list_audit (store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      GadAuditEntry *e = g_ptr_array_index (audit, i);

      if (g_str_equal (e->action, "open"))
        {
          g_assert_cmpstr (e->actor, ==, "Sarmīte Darbiniece");
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
      GadStatsFilter home_care = { .service = "home-care" };
      g_autoptr(GPtrArray) stats = gad_stats_query_filtered (store, tables[t].name, 2012, 2026,
                                                             &home_care, &error);

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

/* Whether a person not anonymised has @value as phone or address, or as
 * "surname|first name". */
static gboolean
shared_with_living (const char *path,
                    const char *value)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gboolean shared;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM persons WHERE anonymised_on IS NULL"
                                           " AND (phone = ?1 OR address = ?1"
                                           "  OR last_name || '|' || first_name = ?1)"
                                           " UNION ALL SELECT 1 FROM households h"
                                           " WHERE h.address = ?1 AND EXISTS (SELECT 1"
                                           "  FROM household_members m JOIN persons p"
                                           "  ON p.id = m.person_id WHERE m.household_id = h.id"
                                           "  AND p.anonymised_on IS NULL)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  shared = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return shared;
}

/* Every row of the database as one text, a row a line; a change's rows in
 * the audit log together (they say one thing). */
static GPtrArray *
every_row (const char *path)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                           " AND name <> 'audit_changes'", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_ptr_array_add (tables, NULL);
  for (guint t = 0; tables->pdata[t]; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (tables->pdata[t]);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            if (sqlite3_column_type (stmt, c) == SQLITE_TEXT)
              g_string_append_printf (row, "|%s", sqlite3_column_text (stmt, c));
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 'audit_changes|' || group_concat ("
                                           "coalesce (old_value, '') || '|' ||"
                                           " coalesce (new_value, ''), '|')"
                                           " FROM audit_changes GROUP BY audit_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

typedef struct
{
  char *code;      /* 11 digits */
  char *shown;     /* DDMMYY-NNNNN */
  char *last, *first, *address, *phone;
} Identity;

static void
identity_free (Identity *i)
{
  g_free (i->code), g_free (i->shown), g_free (i->last), g_free (i->first);
  g_free (i->address), g_free (i->phone), g_free (i);
}

/* The retention run: persons whose cases all closed more than N years ago
 * are listed and anonymised; every dashboard figure stays the same, and no
 * identifying value of theirs is left anywhere in the database. */
static void
test_retention (void)
{
  if (gad_test_server ())
    {
      g_test_skip ("reads every row of the file with SQLite");
      return;
    }
  g_autofree char *path = NULL;
  g_autoptr(GadStore) store = gad_test_demo (1500, 3, GAD_ROLE_ADMINISTRATOR, &path);
  g_autoptr(GadStore) head = gad_test_demo_open (path, GAD_ROLE_HEAD);
  g_autoptr(GadStore) auditor = gad_test_demo_open (path, GAD_ROLE_AUDITOR);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL, after = NULL, rows = NULL;
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func ((GDestroyNotify) identity_free);
  g_autofree char *before = NULL, *figures = NULL;
  GadRetentionCandidate *first;
  g_autoptr(GPtrArray) decisions = NULL;
  gint64 broken = -1, rows_checked;
  guint anonymised = 0, checked = 0;

  g_assert_true (gad_store_set_setting (store, "retention_years", "3", &error));
  g_assert_no_error (error);
  before = all_figures (head);

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
      Identity *id = g_new0 (Identity, 1);

      id->code = g_strdup (gad_person_get_code (was));
      id->shown = gad_person_dup_code_display (was);
      id->last = g_strdup (gad_person_get_last_name (was));
      id->first = g_strdup (gad_person_get_first_name (was));
      id->address = g_strdup (gad_person_get_address (was));
      id->phone = g_strdup (gad_person_get_phone (was));
      g_ptr_array_add (gone, id);
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
      decisions = gad_store_list_decisions (head, c->person_id, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < decisions->len; k++)
        {
          GadDecision *d = g_ptr_array_index (decisions, k);

          g_assert_null (gad_store_get_decision_pdf (head, d->id, &error));
          g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND);
          g_clear_error (&error);
          g_assert_cmpstr (d->facts, ==, "");
        }
      g_clear_pointer (&decisions, g_ptr_array_unref);
      /* The log keeps its rows about them, under their anonymous code. */
      {
        g_autoptr(GPtrArray) theirs = gad_store_query_audit (auditor, c->person_id, NULL, NULL,
                                                             NULL, 0, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (theirs->len, >, 0);
        g_assert_cmpstr (((GadAuditEntry *) theirs->pdata[0])->person_name, ==,
                         "Klients Anonimizēts");
      }
    }
  g_assert_cmpuint (anonymised, ==, candidates->len);

  /* No row anywhere holds a code, phone or address of theirs, nor their
   * name — unless someone else still has the same one. */
  rows = every_row (path);
  for (guint i = 0; i < gone->len; i++)
    {
      Identity *id = g_ptr_array_index (gone, i);
      const char *values[] = { id->code, id->shown, id->phone, id->address };
      g_autofree char *name = g_strdup_printf ("%s|%s", id->last, id->first);
      g_autofree char *shared = NULL;

      for (guint r = 0; r < rows->len; r++)
        {
          const char *row = g_ptr_array_index (rows, r);

          for (guint v = 0; v < G_N_ELEMENTS (values); v++)
            if (values[v] && strlen (values[v]) > 3 && strstr (row, values[v])
                && (v < 2 || !shared_with_living (path, values[v])))
              g_error ("“%s” of an anonymised person is still in: %s", values[v], row);
          if (strstr (row, id->last) && strstr (row, id->first)
              && !shared_with_living (path, name))
            g_error ("the name %s %s of an anonymised person is still in: %s", id->first,
                     id->last, row);
        }
      checked++;
    }
  g_assert_cmpuint (checked, ==, anonymised);

  /* Every figure as it was; nobody left to list; the audit chain holds. */
  figures = all_figures (head);
  g_assert_cmpstr (figures, ==, before);
  after = gad_store_list_retention (store, "2026-11-22", 0, &error);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_true (gad_store_verify_audit (store, &broken, &rows_checked, &error));
  g_assert_cmpint (broken, ==, 0);
  /* A client with an open case is never anonymised. */
  for (gint64 id = 1; id < 1500; id++)
    {
      g_autoptr(GPtrArray) cases = gad_store_list_cases (head, id, NULL);
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
