/* test-import-history.c — households, cases, services, decisions and payments
 * brought in by the administrator, and the figures they make
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gad-csv.h"
#include "gad-import.h"
#include "gad-report.h"
#include "gad-stats.h"
#include "gad-test-util.h"

static const char persons[] =
  "Personas kods;Uzvārds;Vārds;Dzimums;Dzimšanas datums;Adrese\n"
  "161175-19997;Bērziņš;Jānis;V;16.11.1975;Skolas iela 1, Bauska\n"
  "010100-23666;Bērziņa;Anna;S;01.01.2000;Skolas iela 1, Bauska\n"
  "32867300679;Ozoliņa;Līga;S;03.04.2019;Liepu iela 2, Bauska\n";

/* Imports @data as @kind; asserts the outcome and gives the report. */
static GadImportReport *
import (GadStore      *store,
        GadImportKind  kind,
        const char    *data,
        GadImportFlags flags,
        gboolean       expect_ok)
{
  g_autoptr(GError) error = NULL;
  GadImportReport *report = NULL;
  gboolean ok = gad_import (store, kind, "file.csv", data, strlen (data), flags, NULL, NULL, NULL,
                            &report, &error);

  if (expect_ok)
    g_assert_no_error (error);
  g_assert_cmpint (ok, ==, expect_ok);
  g_assert_nonnull (report);
  return report;
}

/* Each bad row's line and column, as "line:column" joined by spaces. */
static char *
problems (GadImportReport *report)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < report->problems->len; i++)
    {
      GadImportProblem *p = g_ptr_array_index (report->problems, i);
      g_string_append_printf (out, "%s%u:%s", i ? " " : "", p->line, p->column);
    }
  return g_string_free (out, FALSE);
}

static GadStore *
registry (char **path)
{
  GadStore *admin = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, path);
  g_autoptr(GadImportReport) report = import (admin, GAD_IMPORT_PERSONS, persons, 0, TRUE);

  g_assert_cmpuint (report->imported, ==, 3);
  return admin;
}

static gint64
count (const char *path,
       const char *sql)
{
  g_autofree char *text = gad_test_sql_text (path, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static void
test_households (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) admin = registry (&path);
  g_autoptr(GadImportReport) bad = NULL;
  g_autoptr(GadImportReport) good = NULL;
  g_autofree char *lines = NULL;
  const char *file = "household;personal_code;relation;from;to\n"
                     "A;161175-19997;applicant;01.01.2020;\n"
                     "A;010100-23666;laulātā;2020-01-01;\n"
                     "A;161175-19997;child;;\n"          /* 4: the same person twice */
                     "B;32867300679;child;01.05.2021;01.01.2021\n"   /* 5: ends first */
                     "B;999999-99999;child;;\n"          /* 6: no such person */
                     "C;32867300679;stepchild;;\n";      /* 7: no such relation */

  bad = import (admin, GAD_IMPORT_HOUSEHOLDS, file, 0, FALSE);
  lines = problems (bad);
  g_assert_cmpstr (lines, ==, "4:personal_code 5:to 6:personal_code 7:relation");
  g_assert_cmpint (count (path, "SELECT count (*) FROM household_members"), ==, 0);

  good = import (admin, GAD_IMPORT_HOUSEHOLDS, file, GAD_IMPORT_SKIP_BAD, TRUE);
  g_assert_cmpuint (good->imported, ==, 2);
  g_assert_cmpint (count (path, "SELECT count (DISTINCT household_id) FROM household_members"),
                   ==, 1);
  g_assert_cmpint (count (path, "SELECT count (*) FROM household_members m JOIN households h"
                                " ON h.id = m.household_id WHERE h.address = "
                                "'Skolas iela 1, Bauska' AND m.relation = 'spouse'"), ==, 1);
}

static void
test_cases_services (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) admin = registry (&path);
  g_autoptr(GadStore) head = gad_test_open_as (path, GAD_ROLE_HEAD);
  g_autoptr(GadImportReport) report = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *lines = NULL;
  const char *case_file = "personal_code;worker;target_groups;opened;closed;closing_reason\n"
                          "161175-19997;Sarmīte Darbiniece;pensioner, disability;03.02.2021;;\n"
                          "010100-23666;sarmite darbiniece;;2019-05-01;2020-06-30;moved-away\n"
                          "32867300679;Nauris Nezināms;;01.01.2022;;\n"       /* 4: no such worker */
                          "32867300679;Sarmīte Darbiniece;sailor;01.01.2022;;\n" /* 5: group */
                          "32867300679;Sarmīte Darbiniece;;01.01.2022;01.02.2022;\n"; /* 6 */
  const char *service_file = "personal_code;service;from;to;level;hours_per_week;staff\n"
                             "161175-19997;psychologist;01.03.2024;31.05.2024;;1,5;\n"
                             "32867300679;Nometnes;01.07.2024;14.07.2024;;;\n"
                             "010100-23666;astrology;01.07.2024;;;;\n"     /* 4: not a service */
                             "010100-23666;psychologist;01.07.2024;;12;;\n"; /* 5: level */

  report = import (admin, GAD_IMPORT_CASES, case_file, 0, FALSE);
  lines = problems (report);
  g_assert_cmpstr (lines, ==, "4:worker 5:target_groups 6:closing_reason");
  g_clear_pointer (&report, gad_import_report_free);
  report = import (admin, GAD_IMPORT_CASES, case_file, GAD_IMPORT_SKIP_BAD, TRUE);
  g_assert_cmpuint (report->imported, ==, 2);

  /* The head reads the imported cases in the client's file, and the registry's summary follows. */
  cases = gad_store_list_cases (head, gad_store_find_person_by_code (head, "161175-19997"), NULL);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpstr (((GadCase *) g_ptr_array_index (cases, 0))->target_groups, ==,
                   "pensioner,disability");
  g_assert_cmpstr (((GadCase *) g_ptr_array_index (cases, 0))->worker, ==, "Sarmīte Darbiniece");
  g_assert_cmpint (count (path, "SELECT open_cases FROM persons WHERE code = '16117519997'"), ==, 1);

  g_clear_pointer (&report, gad_import_report_free);
  g_clear_pointer (&lines, g_free);
  report = import (admin, GAD_IMPORT_SERVICES, service_file, 0, FALSE);
  lines = problems (report);
  g_assert_cmpstr (lines, ==, "4:service 5:level");
  g_assert_cmpint (count (path, "SELECT count (*) FROM service_plans"), ==, 0);
  g_clear_pointer (&report, gad_import_report_free);
  report = import (admin, GAD_IMPORT_SERVICES, service_file, GAD_IMPORT_SKIP_BAD, TRUE);
  g_assert_cmpint (count (path, "SELECT minutes_per_week FROM service_plans"
                                " WHERE service_code = 'psychologist'"), ==, 90);
  g_assert_cmpint (count (path, "SELECT count (*) FROM service_plans WHERE service_code = 'camp'"
                                " AND period_to = '2024-07-14'"), ==, 1);
}

static void
test_decisions_payments (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) admin = registry (&path);
  g_autoptr(GadStore) head = gad_test_open_as (path, GAD_ROLE_HEAD);
  g_autoptr(GadImportReport) report = NULL;
  g_autoptr(GPtrArray) paid = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lines = NULL;
  const char *decisions = "number;date;personal_code;benefit;outcome;monthly_amount;from;to\n"
                          "SD/2023/1;14.03.2023;161175-19997;gmi;piešķirt;109,00;01.03.2023;31.08.2023\n"
                          "SD/2023/2;15.03.2023;010100-23666;Mājokļa pabalsts;refuse;;;\n"
                          "SD/2023/1;16.03.2023;32867300679;gmi;grant;10;;\n"   /* 4: number again */
                          "SD/2023/3;16.03.2023;32867300679;gmi;maybe;10;;\n"; /* 5: outcome */
  const char *payments = "personal_code;benefit;month;amount;source\n"
                         "161175-19997;gmi;03.2023;109,00;municipal\n"
                         "161175-19997;gmi;2023-04;109.00;pašvaldība\n"
                         "010100-23666;housing;05.2024;45,50;valsts\n"
                         "010100-23666;housing;13.2024;45,50;state\n"       /* 5: month */
                         "010100-23666;housing;05.2024;lots;state\n"        /* 6: amount */
                         "010100-23666;housing;05.2024;1;the bank\n";       /* 7: source */

  report = import (admin, GAD_IMPORT_DECISIONS, decisions, 0, FALSE);
  lines = problems (report);
  g_assert_cmpstr (lines, ==, "4:number 5:outcome");
  g_clear_pointer (&report, gad_import_report_free);
  report = import (admin, GAD_IMPORT_DECISIONS, decisions, GAD_IMPORT_SKIP_BAD, TRUE);
  g_assert_cmpuint (report->imported, ==, 2);
  /* History, not the register: no letters, and no numbers taken from it. */
  g_assert_cmpint (count (path, "SELECT count (*) FROM decisions"), ==, 0);
  g_assert_cmpint (count (path, "SELECT count (*) FROM decision_counters"), ==, 0);
  g_assert_cmpint (count (path, "SELECT amount_cents FROM past_decisions WHERE number = 'SD/2023/1'"
                                " AND outcome = 'grant' AND period_to = '2023-08-31'"), ==, 10900);

  g_clear_pointer (&report, gad_import_report_free);
  g_clear_pointer (&lines, g_free);
  report = import (admin, GAD_IMPORT_PAYMENTS, payments, 0, FALSE);
  lines = problems (report);
  g_assert_cmpstr (lines, ==, "5:month 6:amount 7:source");
  g_clear_pointer (&report, gad_import_report_free);
  report = import (admin, GAD_IMPORT_PAYMENTS, payments, GAD_IMPORT_SKIP_BAD, TRUE);
  g_assert_cmpuint (report->imported, ==, 3);

  /* The head's figures count the imported payments like the service's own. */
  paid = gad_stats_query (head, "social_assistance_spent_eur", 2023, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((GadStat *) g_ptr_array_index (paid, 0))->value, ==, 21800);
  g_assert_cmpint (((GadStat *) g_ptr_array_index (paid, 1))->value, ==, 4550);
}

/* The same file is not imported twice; a dry run writes nothing and does
 * not count as an import; the import is one audit row with the file's name
 * and SHA-256; other roles are refused. */
static void
test_once_audited (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) admin = registry (&path);
  g_autoptr(GadStore) head = gad_test_open_as (path, GAD_ROLE_HEAD);
  g_autoptr(GadImportReport) report = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  const char *payments = "personal_code;benefit;month;amount;source\n"
                         "161175-19997;gmi;03.2023;109,00;municipal\n";
  gboolean found = FALSE;

  for (GadRole r = GAD_ROLE_HEAD; r <= GAD_ROLE_AUDITOR; r++)
    {
      g_autoptr(GadStore) other = gad_test_open_as (path, r);

      g_assert_false (gad_import (other, GAD_IMPORT_PAYMENTS, "p.csv", payments, strlen (payments),
                                  0, NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
      g_clear_error (&error);
    }
  report = import (admin, GAD_IMPORT_PAYMENTS, payments, GAD_IMPORT_DRY_RUN, TRUE);
  g_assert_cmpuint (report->imported, ==, 1);
  g_assert_cmpint (count (path, "SELECT count (*) FROM payments"), ==, 0);
  g_assert_cmpint (count (path, "SELECT count (*) FROM imports WHERE kind = 'payments'"), ==, 0);
  g_clear_pointer (&report, gad_import_report_free);

  report = import (admin, GAD_IMPORT_PAYMENTS, payments, 0, TRUE);
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, payments, -1);
  g_assert_cmpstr (report->sha256, ==, sha);
  g_assert_false (gad_import (admin, GAD_IMPORT_PAYMENTS, "again.csv", payments,
                              strlen (payments), 0, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (count (path, "SELECT count (*) FROM payments"), ==, 1);

  log = gad_store_query_audit (head, 0, NULL, NULL, NULL, 50, NULL);
  for (guint i = 0; i < log->len; i++)
    {
      GadAuditEntry *e = g_ptr_array_index (log, i);
      g_autoptr(GString) changes = g_string_new (NULL);

      if (g_strcmp0 (e->entity, "import") != 0)
        continue;
      for (guint k = 0; k < e->changes->len; k++)
        {
          GadAuditChange *c = g_ptr_array_index (e->changes, k);
          g_string_append_printf (changes, "%s=%s ", c->field, c->new_value);
        }
      if (strstr (changes->str, "kind=payments ") == NULL)
        continue;
      g_assert_false (found);
      found = TRUE;
      g_assert_cmpstr (e->actor, ==, "Anna Admine");
      g_assert_nonnull (strstr (changes->str, "file=file.csv "));
      g_assert_nonnull (strstr (changes->str, sha));
      g_assert_nonnull (strstr (changes->str, "rows=1 "));
    }
  g_assert_true (found);
}

/* Each kind's template names its columns and has an example row that
 * imports once the example's person and staff member are there. */
static void
test_templates (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) admin = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, &path);
  GadStaff staff = { .name = (char *) "Ieva Jansone" };

  g_assert_cmpint (gad_store_add_staff (admin, &staff, NULL), >, 0);
  for (GadImportKind k = 0; k < GAD_IMPORT_N_KINDS; k++)
    {
      g_autofree char *text = gad_import_template (k);
      g_autoptr(GadImportReport) report = import (admin, k, text, 0, TRUE);

      g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
      g_assert_cmpuint (report->imported, ==, 1);
      for (guint i = 0; report->recognised[i]; i++)
        g_assert_cmpstr (report->recognised[i], ==, report->header[i]);
    }
}

/* A file in another encoding is refused, not imported as mojibake: Western
 * (Latin-1) and Cyrillic (Windows-1251) files read as Windows-1257 would
 * be. UTF-16 (with its byte order mark) is read. */
static void
test_encodings (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) admin = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GadImportReport) report = NULL;
  const char *western = "personal_code;surname;first_name\n161175-19997;Ørsted;Kåre\n";
  const char *cyrillic = "personal_code;surname;first_name\n161175-19997;Иванов;Пётр\n";
  g_autofree char *latin1 = g_convert (western, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL);
  g_autofree char *cp1251 = g_convert (cyrillic, -1, "WINDOWS-1251", "UTF-8", NULL, NULL, NULL);
  gsize len;
  g_autofree char *utf16 = g_convert ("\xef\xbb\xbfpersonal_code;surname;first_name\n"
                                      "161175-19997;Kļaviņš;Ģirts\n", -1, "UTF-16LE", "UTF-8",
                                      NULL, &len, NULL);

  g_assert_false (gad_import (admin, GAD_IMPORT_PERSONS, "x.csv", latin1, strlen (latin1), 0,
                              NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, GAD_CSV_ERROR, GAD_CSV_ERROR_ENCODING);
  g_clear_error (&error);
  g_assert_false (gad_import (admin, GAD_IMPORT_PERSONS, "z.csv", cp1251, strlen (cp1251), 0,
                              NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, GAD_CSV_ERROR, GAD_CSV_ERROR_ENCODING);
  g_assert_cmpint (count (path, "SELECT count (*) FROM persons"), ==, 0);

  g_assert_true (gad_import (admin, GAD_IMPORT_PERSONS, "y.csv", utf16, len, 0, NULL, NULL, NULL,
                             &report, NULL));
  g_assert_cmpstr (report->encoding, ==, "UTF-16");
  g_assert_cmpint (count (path, "SELECT count (*) FROM persons WHERE last_name = 'Kļaviņš'"), ==, 1);
}

/* Persons registered twice are found by folded name and birth date, or by
 * name and address; a pair a head says are two people is not listed again;
 * other roles may not say so. */
static void
test_duplicates (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) admin = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, &path);
  g_autoptr(GadStore) head = gad_test_open_as (path, GAD_ROLE_HEAD);
  g_autoptr(GadStore) clerk = gad_test_open_as (path, GAD_ROLE_CLERK);
  g_autoptr(GadImportReport) report = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  GadDuplicate *d;
  gint64 janis;
  const char *file = "personal_code;surname;first_name;birth_date;address\n"
                     "32000000011;Bērziņš;Jānis;16.11.1975;Skolas iela 1\n"
                     "32000000022;BERZINS;Janis;16.11.1975;Liepu iela 9\n"      /* birth date */
                     "32000000033;Ozola;Anna;01.01.1990;Rīgas iela 5, Bauska\n"
                     "32000000044;Ozola;Anna;02.02.1991;rīgas iela 5, bauska\n" /* address */
                     "32000000055;Bērziņš;Jānis;01.05.1940;Dārza iela 2\n";     /* another */

  report = import (admin, GAD_IMPORT_PERSONS, file, 0, TRUE);
  g_assert_cmpuint (report->duplicates, ==, 2);
  pairs = gad_store_find_duplicates (head, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 2);
  d = g_ptr_array_index (pairs, 0);
  g_assert_cmpstr (d->code[0], ==, "32000000011");
  g_assert_cmpstr (d->code[1], ==, "32000000022");
  g_assert_true (d->same_birth_date);
  d = g_ptr_array_index (pairs, 1);
  g_assert_cmpstr (d->name[0], ==, "Ozola Anna");
  g_assert_false (d->same_birth_date);

  /* One person's doubles, for registration: the person first. */
  janis = gad_store_find_person_by_code (head, "32000000022");
  g_clear_pointer (&pairs, g_ptr_array_unref);
  pairs = gad_store_find_duplicates (clerk, janis, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 1);
  d = g_ptr_array_index (pairs, 0);
  g_assert_cmpint (d->person_id[0], ==, janis);
  g_assert_cmpstr (d->code[1], ==, "32000000011");

  /* A clerk may not decide; a head may, once, and it is in the log. */
  g_assert_false (gad_store_set_apart (clerk, d->person_id[0], d->person_id[1], &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (gad_store_set_apart (head, d->person_id[0], d->person_id[1], &error));
  g_assert_no_error (error);
  g_assert_true (gad_store_set_apart (head, d->person_id[1], d->person_id[0], &error));
  g_assert_cmpint (count (path, "SELECT count (*) FROM not_duplicates"), ==, 1);
  g_assert_cmpint (count (path, "SELECT count (*) FROM audit_log WHERE action = 'not-duplicate'"),
                   ==, 1);
  g_clear_pointer (&pairs, g_ptr_array_unref);
  pairs = gad_store_find_duplicates (head, 0, &error);
  g_assert_cmpuint (pairs->len, ==, 1);
  g_assert_cmpstr (((GadDuplicate *) g_ptr_array_index (pairs, 0))->name[0], ==, "Ozola Anna");
}

/* Everything of a person, a table at a time, as "table count" lines. */
static char *
held_by (const char *path,
         gint64      person)
{
  static const char *tables[] = { "person_codes", "household_members", "cases", "applications",
                                  "incomes", "decisions", "past_decisions", "payments", "duties",
                                  "service_plans", "schedule_entries", "group_participants",
                                  "case_records", "case_plans", "plan_needs", "plan_goals",
                                  "plan_tasks", "case_documents", "document_contents" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE person_id = %"
                                              G_GINT64_FORMAT, tables[i], person);

      g_string_append_printf (out, "%s %" G_GINT64_FORMAT "\n", tables[i], count (path, sql));
    }
  return g_string_free (out, FALSE);
}

/* Two records merged: every row of both is the kept one's, both codes find
 * it, the fields are as chosen, one audit row says so and the chain holds;
 * a clerk may not merge. */
static void
test_merge (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) head = gad_test_demo (300, 11, GAD_ROLE_HEAD, &path);
  g_autoptr(GadStore) clerk = gad_test_demo_open (path, GAD_ROLE_CLERK);
  g_autoptr(GadPerson) keep = NULL;
  g_autoptr(GadPerson) drop = NULL;
  g_autoptr(GadPerson) chosen = NULL;
  g_autoptr(GadPerson) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep_code = NULL;
  g_autofree char *drop_code = NULL;
  gint64 a = count (path, "SELECT person_id FROM decisions GROUP BY person_id"
                          " ORDER BY count (*) DESC, person_id LIMIT 1");
  g_autofree char *b_sql = g_strdup_printf ("SELECT person_id FROM schedule_entries WHERE"
                                            " person_id <> %" G_GINT64_FORMAT " GROUP BY person_id"
                                            " ORDER BY count (*) DESC, person_id LIMIT 1", a);
  gint64 b = count (path, b_sql);
  gint64 paid = count (path, "SELECT sum (amount_cents) FROM client_payments");
  gint64 broken = -1, n_rows = 0;
  g_auto(GStrv) before_a = NULL;
  g_auto(GStrv) before_b = NULL;
  g_auto(GStrv) now = NULL;

  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (b, >, 0);
  {
    g_autofree char *x = held_by (path, a);
    g_autofree char *y = held_by (path, b);

    before_a = g_strsplit (x, "\n", -1);
    before_b = g_strsplit (y, "\n", -1);
  }
  keep = gad_store_get_person (head, a, &error);
  drop = gad_store_get_person (head, b, &error);
  g_assert_no_error (error);
  keep_code = g_strdup (gad_person_get_code (keep));
  drop_code = g_strdup (gad_person_get_code (drop));
  /* The kept record, with the other's code and address chosen. */
  chosen = gad_person_copy (keep);
  g_object_set (chosen, "code", drop_code, "address", gad_person_get_address (drop), NULL);

  g_assert_false (gad_store_merge_persons (clerk, a, b, chosen, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  /* Two clients with open cases in different departments: an administrator
   * may not merge them, a head may. */
  {
    g_autoptr(GadStore) admin = gad_test_demo_open (path, GAD_ROLE_ADMINISTRATOR);
    gint64 x = count (path, "SELECT min (person_id) FROM cases WHERE closed_on IS NULL");
    g_autofree char *other = g_strdup_printf (
      "SELECT min (c.person_id) FROM cases c JOIN staff s ON s.id = c.worker_id"
      " WHERE c.closed_on IS NULL AND s.department <> (SELECT min (s2.department) FROM cases c2"
      " JOIN staff s2 ON s2.id = c2.worker_id WHERE c2.closed_on IS NULL AND c2.person_id = %"
      G_GINT64_FORMAT ")", x);
    gint64 y = count (path, other);
    g_autoptr(GadPerson) px = gad_store_get_person (admin, x, NULL);

    g_assert_cmpint (x, >, 0);
    g_assert_cmpint (y, >, 0);
    g_assert_false (gad_store_merge_persons (admin, x, y, px, &error));
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
    g_clear_error (&error);
  }
  g_assert_true (gad_store_merge_persons (head, a, b, chosen, &error));
  g_assert_no_error (error);

  {
    g_autofree char *x = held_by (path, a);
    now = g_strsplit (x, "\n", -1);
  }
  for (guint i = 0; now[i] && *now[i]; i++)
    {
      g_auto(GStrv) n = g_strsplit (now[i], " ", 2);
      g_auto(GStrv) x = g_strsplit (before_a[i], " ", 2);
      g_auto(GStrv) y = g_strsplit (before_b[i], " ", 2);

      g_assert_cmpint (g_ascii_strtoll (n[1], NULL, 10), ==,
                       g_ascii_strtoll (x[1], NULL, 10) + g_ascii_strtoll (y[1], NULL, 10));
    }
  {
    g_autofree char *gone = g_strdup_printf ("SELECT count (*) FROM persons WHERE id = %"
                                             G_GINT64_FORMAT, b);
    g_assert_cmpint (count (path, gone), ==, 0);
  }
  g_assert_cmpint (count (path, "SELECT sum (amount_cents) FROM client_payments"), ==, paid);
  g_assert_cmpint (gad_store_find_person_by_code (head, keep_code), ==, a);
  g_assert_cmpint (gad_store_find_person_by_code (head, drop_code), ==, a);
  after = gad_store_get_person (head, a, &error);
  g_assert_cmpstr (gad_person_get_code (after), ==, drop_code);
  g_assert_cmpstr (gad_person_get_address (after), ==, gad_person_get_address (drop));
  g_assert_cmpint (count (path, "SELECT count (*) FROM audit_log WHERE action = 'merge'"), ==, 1);
  g_assert_true (gad_store_verify_audit (head, &broken, &n_rows, &error));
  g_assert_cmpint (broken, ==, 0);
}

/* A service the file names and the catalogue lacks: the import names it;
 * the administrator adds it (Preferences → Catalogues) and imports again.
 * Benefits need the provision their decisions cite; codes are one a thing;
 * a clerk adds nothing; departments are a list staff records join. */
static void
test_catalogues (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) admin = registry (&path);
  g_autoptr(GadStore) clerk = gad_test_open_as (path, GAD_ROLE_CLERK);
  g_autoptr(GadImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_auto(GStrv) clauses = NULL;
  g_autofree char *lines = NULL;
  const char *file = "personal_code;service;from;to\n"
                     "161175-19997;Zooterapija;01.03.2024;31.05.2024\n";
  GadTypeEntry therapy = { "animal-therapy", "Zooterapija", "Animal-assisted therapy", TRUE };
  GadTypeEntry meals = { "summer-meals", "Vasaras ēdināšana", "Summer meals", FALSE, TRUE };
  GadTypeEntry clash = { "psychologist", "Psihologs", "Psychologist", FALSE, FALSE };
  GadStaff nurse = { .name = "Ilze Māsa", .department = "Veselības aprūpes nodaļa" };
  gint64 audited = count (path, "SELECT count (*) FROM audit_log");

  report = import (admin, GAD_IMPORT_SERVICES, file, 0, FALSE);
  lines = problems (report);
  g_assert_cmpstr (lines, ==, "2:service");

  g_assert_false (gad_store_add_type (clerk, &therapy, NULL, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  therapy.code = "Animal therapy";
  g_assert_false (gad_store_add_type (admin, &therapy, NULL, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  therapy.code = "animal-therapy";
  g_assert_true (gad_store_add_type (admin, &therapy, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&report, gad_import_report_free);
  report = import (admin, GAD_IMPORT_SERVICES, file, 0, TRUE);
  g_assert_cmpuint (report->imported, ==, 1);
  g_assert_cmpint (count (path, "SELECT count (*) FROM service_plans"
                                " WHERE service_code = 'animal-therapy'"), ==, 1);

  /* A benefit cites its legal basis; a code of a service is not a benefit's. */
  g_assert_false (gad_store_add_type (admin, &meals, " ", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gad_store_add_type (admin, &meals, "Saistošo noteikumu Nr. 7 12. punkts",
                                     &error));
  g_assert_no_error (error);
  clauses = gad_store_list_clauses (admin, "summer-meals");
  g_assert_cmpstr (clauses[0], ==, "Saistošo noteikumu Nr. 7 12. punkts");
  g_assert_false (gad_store_add_type (admin, &clash, "Likums", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (gad_store_add_type (admin, &meals, "Likums", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_assert_false (gad_store_add_department (clerk, "Bērnu nodaļa", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (gad_store_add_department (admin, " Bērnu un ģimeņu nodaļa ", &error));
  g_assert_no_error (error);
  g_assert_false (gad_store_add_department (admin, "Bērnu un ģimeņu nodaļa", &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  /* A parish twice, or without a name, is refused with a word of its own. */
  g_assert_cmpint (gad_store_add_territory (admin, "Vecsaules pagasts", &error), >, 0);
  g_assert_cmpint (gad_store_add_territory (admin, "Vecsaules pagasts ", &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (gad_store_add_territory (admin, " ", &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gad_store_add_staff (admin, &nurse, &error), >, 0);
  g_assert_no_error (error);
  departments = gad_store_list_departments (admin);
  g_assert_true (g_ptr_array_find_with_equal_func (departments, "Bērnu un ģimeņu nodaļa",
                                                   g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (departments, "Veselības aprūpes nodaļa",
                                                   g_str_equal, NULL));
  /* What was added is in the log, once each: two types, the import, a department, a parish,
   * the nurse. */
  g_assert_cmpint (count (path, "SELECT count (*) FROM audit_log"), ==, audited + 6);
  g_assert_cmpint (count (path, "SELECT count (*) FROM audit_log WHERE entity IN"
                                " ('service-type', 'benefit-type', 'department')"), ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-history/households", test_households);
  g_test_add_func ("/import-history/cases-services", test_cases_services);
  g_test_add_func ("/import-history/decisions-payments", test_decisions_payments);
  g_test_add_func ("/import-history/once-audited", test_once_audited);
  g_test_add_func ("/import-history/templates", test_templates);
  g_test_add_func ("/import-history/encodings", test_encodings);
  g_test_add_func ("/import-history/duplicates", test_duplicates);
  g_test_add_func ("/import-history/merge", test_merge);
  g_test_add_func ("/import-history/catalogues", test_catalogues);
  return g_test_run ();
}
