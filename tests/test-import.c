/* test-import.c — CSV files as offices make them, all or nothing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gad-csv.h"
#include "gad-import.h"
#include "gad-test-util.h"

static gboolean
import_persons (GadStore         *store,
                const char       *data,
                gsize             length,
                gboolean          skip_bad,
                GCancellable     *cancellable,
                GadImportReport **report,
                GError          **error)
{
  return gad_import (store, GAD_IMPORT_PERSONS, "persons.csv", data, length,
                     skip_bad ? GAD_IMPORT_SKIP_BAD : 0, NULL, NULL, cancellable, report, error);
}

static guint
count_persons (GadStore *store)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (gad_store_search (store, "", GAD_SORT_NAME, FALSE, 0, ids, NULL));
  return ids->len;
}

static GadPerson *
person_by_code (GadStore   *store,
                const char *code)
{
  gint64 id = gad_store_find_person_by_code (store, code);

  g_assert_cmpint (id, >, 0);
  return gad_store_get_person (store, id, NULL);
}

static void
test_utf8_bom_commas (void)
{
  g_autoptr(GadStore) store = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, NULL);
  g_autoptr(GadImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadPerson) p = NULL;
  const char *csv = "\xef\xbb\xbfpersonal_code,surname,first_name,gender,birth_date,address,"
                    "phone,parish\r\n"
                    "161175-19997,Bērziņš,Jānis,M,,\"Skolas iela 1, Bauska\",+371 20000000,"
                    "Codes pagasts\r\n"
                    "32867300679,Ozoliņa,Līga,F,03.04.2019,,,Codes pagasts\r\n";

  /* Imports are the administrator's; every other role is refused, and nothing is written. */
  for (GadRole r = GAD_ROLE_HEAD; r <= GAD_ROLE_AUDITOR; r++)
    {
      g_autoptr(GadStore) other = gad_test_open_as (gad_store_get_path (store), r);

      g_assert_false (import_persons (other, csv, strlen (csv), FALSE, NULL, NULL, &error));
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
      g_clear_error (&error);
    }
  g_assert_cmpuint (count_persons (store), ==, 0);
  g_assert_true (import_persons (store, csv, strlen (csv), FALSE, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 2);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->new_parishes->len, ==, 1);
  /* The import is no way round the role: by hand, the administrator still registers nobody. */
  {
    g_autoptr(GadPerson) by_hand = g_object_new (GAD_TYPE_PERSON, "code", "290200-21239",
                                                 "last-name", "Liepa", "first-name", "Roberts",
                                                 NULL);

    g_assert_cmpint (gad_store_insert_person (store, by_hand, &error), ==, 0);
  }
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);

  p = person_by_code (store, "16117519997");
  g_assert_cmpstr (gad_person_get_last_name (p), ==, "Bērziņš");
  g_assert_cmpstr (gad_person_get_address (p), ==, "Skolas iela 1, Bauska");
  g_assert_cmpstr (gad_person_get_birth_date (p), ==, "1975-11-16");
  g_assert_cmpstr (gad_person_get_territory (p), ==, "Codes pagasts");
  g_clear_object (&p);
  p = person_by_code (store, "328673-00679");
  g_assert_cmpstr (gad_person_get_birth_date (p), ==, "2019-04-03");
}

static void
test_windows_1257_semicolons (void)
{
  g_autoptr(GadStore) store = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, NULL);
  g_autoptr(GadImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadPerson) p = NULL;
  g_autofree char *cp1257 = NULL;
  gsize len;
  /* Latvian headers, V/S for gender, as a spreadsheet in a Latvian locale saves them. */
  const char *utf8 = "Personas kods;Uzvārds;Vārds;Dzimums;Adrese;Pagasts\n"
                     "161175-19997;Kļaviņš;Ģirts;V;Ābeļu iela 3;Īslīces pagasts\n"
                     "010100-23666;Šmite;Žanna;S;;Īslīces pagasts\n";

  cp1257 = g_convert (utf8, -1, "WINDOWS-1257", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (cp1257, len, NULL));

  g_assert_true (import_persons (store, cp1257, len, FALSE, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 2);

  p = person_by_code (store, "16117519997");
  g_assert_cmpstr (gad_person_get_last_name (p), ==, "Kļaviņš");
  g_assert_cmpstr (gad_person_get_first_name (p), ==, "Ģirts");
  g_assert_cmpstr (gad_person_get_gender (p), ==, "M");
  g_assert_cmpstr (gad_person_get_address (p), ==, "Ābeļu iela 3");
  g_clear_object (&p);
  p = person_by_code (store, "01010023666");
  g_assert_cmpstr (gad_person_get_gender (p), ==, "F");
  g_assert_cmpstr (gad_person_get_last_name (p), ==, "Šmite");
}

static void
test_quoted_newlines (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "a;b;c\n"
                     "\"line one\nline two\";\"has ; inside\";\"quote \"\"here\"\"\"\n"
                     "\n"
                     "x;;z\n";
  g_autoptr(GadCsv) csv = gad_csv_parse (text, strlen (text), &error);
  GStrv row;

  g_assert_no_error (error);
  g_assert_cmpint (csv->separator, ==, ';');
  g_assert_cmpuint (csv->rows->len, ==, 3);
  row = g_ptr_array_index (csv->rows, 1);
  g_assert_cmpstr (row[0], ==, "line one\nline two");
  g_assert_cmpstr (row[1], ==, "has ; inside");
  g_assert_cmpstr (row[2], ==, "quote \"here\"");
  /* Line numbers count the line inside the quoted field and the blank line. */
  g_assert_cmpuint (g_array_index (csv->lines, guint, 2), ==, 5);
  row = g_ptr_array_index (csv->rows, 2);
  g_assert_cmpstr (row[1], ==, "");

  g_clear_pointer (&csv, gad_csv_free);
  csv = gad_csv_parse ("a,b\n\"open,x\n", 11, &error);
  g_assert_null (csv);
  g_assert_error (error, GAD_CSV_ERROR, GAD_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "2"));
}

static const char *bad_file =
  "personal_code;surname;first_name;gender;birth_date;address\n"
  "161175-19997;Bērziņš;Jānis;M;;\"Skolas iela 1,\nBauska\"\n"   /* lines 2–3: good */
  "161375-19997;Ozols;Andris;M;;\n"                              /* 4: month 13 */
  "111112-11111;Liepa;Ieva;F;;\n"                                /* 5: check digit */
  "010100-23666;;Anna;F;;\n"                                     /* 6: no surname */
  "328673-00679;Ozola;Līga;X;;\n"                                /* 7: gender */
  "328673-00680;Ozola;Līga;F;31.02.2019;\n"                      /* 8: date */
  "16117519997;Dubults;Jānis;M;;\n"                              /* 9: same as line 2 */
  "32000000009;Krūmiņa;Elza;F;;\n";                              /* 10: good */

static void
test_bad_rows_nothing_imported (void)
{
  g_autoptr(GadStore) store = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, NULL);
  g_autoptr(GadImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  static const guint lines[] = { 4, 5, 6, 7, 8, 9 };
  static const char *columns[] = { "personal_code", "personal_code", "surname", "gender",
                                   "birth_date", "personal_code" };

  g_assert_false (import_persons (store, bad_file, strlen (bad_file), FALSE, NULL, &report,
                                      &error));
  g_assert_error (error, GAD_IMPORT_ERROR, GAD_IMPORT_ERROR_BAD_ROWS);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->imported, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      GadImportProblem *p = g_ptr_array_index (report->problems, i);
      g_assert_cmpuint (p->line, ==, lines[i]);
      g_assert_cmpstr (p->column, ==, columns[i]);
      g_assert_cmpuint (strlen (p->message), >, 5);
    }
  g_assert_cmpuint (count_persons (store), ==, 0);
}

static void
test_skip_bad (void)
{
  g_autoptr(GadStore) store = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, NULL);
  g_autoptr(GadImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadPerson) p = NULL;
  const char *again = "personal_code,surname,first_name\n161175-19997,Bērziņš,Jānis\n";

  g_assert_true (import_persons (store, bad_file, strlen (bad_file), TRUE, NULL, &report,
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 2);
  g_assert_cmpuint (report->problems->len, ==, 6);
  g_assert_cmpuint (count_persons (store), ==, 2);
  p = person_by_code (store, "16117519997");
  g_assert_cmpstr (gad_person_get_address (p), ==, "Skolas iela 1,\nBauska");

  /* A second import of a code already in the registry names the client. */
  g_clear_pointer (&report, gad_import_report_free);
  g_assert_false (import_persons (store, again, strlen (again), FALSE, NULL, &report, &error));
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_nonnull (strstr (((GadImportProblem *) g_ptr_array_index (report->problems, 0))->message,
                            "Bērziņš"));
  g_assert_cmpuint (count_persons (store), ==, 2);
}

static void
test_missing_columns (void)
{
  g_autoptr(GadStore) store = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, NULL);
  g_autoptr(GError) error = NULL;
  const char *csv = "name,code\nJānis,161175-19997\n";

  g_assert_false (import_persons (store, csv, strlen (csv), FALSE, NULL, NULL, &error));
  g_assert_error (error, GAD_IMPORT_ERROR, GAD_IMPORT_ERROR_COLUMNS);
  g_clear_error (&error);
  g_assert_false (import_persons (store, "", 0, FALSE, NULL, NULL, &error));
  g_assert_error (error, GAD_IMPORT_ERROR, GAD_IMPORT_ERROR_COLUMNS);
  g_clear_error (&error);
  /* Not text at all. */
  g_assert_false (import_persons (store, "\x81\x00\x98", 3, FALSE, NULL, NULL, &error));
  g_assert_nonnull (error);
}

static void
test_export_round_trip (void)
{
  g_autoptr(GadStore) store = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, NULL);
  g_autoptr(GadStore) copy = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GadImportReport) report = NULL;
  g_autofree char *path = gad_test_db_path ();
  g_autofree char *csv_path = g_strconcat (path, ".csv", NULL);
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  g_autofree char *csv2_path = g_strconcat (path, "2.csv", NULL);
  gsize len;
  guint n;

  g_assert_true (import_persons (store, bad_file, strlen (bad_file), TRUE, NULL, NULL, &error));
  g_assert_true (gad_export_persons (store, csv_path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_file_get_contents (csv_path, &data, &len, NULL));
  g_assert_true (g_str_has_prefix (data, "\xef\xbb\xbfpersonal_code;surname;first_name;"));
  g_assert_nonnull (strstr (data, "\"Skolas iela 1,\nBauska\""));

  g_assert_true (import_persons (copy, data, len, FALSE, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 2);
  g_assert_true (gad_export_persons (copy, csv2_path, NULL, &error));
  g_assert_true (g_file_get_contents (csv2_path, &again, NULL, NULL));
  g_assert_cmpstr (again, ==, data);
}

/* Mangled files (bytes flipped, dropped, quotes and separators thrown in)
 * either import whole or change nothing and say why: never a half import,
 * never a crash, and the audit chain still holds. */
static void
test_mangled_files (void)
{
  const char *valid = "personal_code;surname;first_name;gender;birth_date;address;phone;parish\n"
                      "161175-19997;Bērziņš;Jānis;M;;\"Skolas iela 1; Bauska\";+371 20000000;Codes\n"
                      "32867300679;Ozoliņa;Līga;F;03.04.2019;;;Codes\n"
                      "010100-23666;Kalniņa;Anna;S;01.01.1900;Liepu iela 2;;Ceraukstes\n";
  const char noise[] = { '"', ';', ',', '\n', '\r', '\0', '\xff', '\xc4', '-', '3', ' ' };
  guint failed = 0, imported = 0;

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GadStore) store = gad_test_store_as (GAD_ROLE_ADMINISTRATOR, NULL);
      g_autoptr(GArray) data = g_array_new (FALSE, FALSE, 1);
      g_autoptr(GadImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      guint before;
      gint64 broken_id = -1, n_rows = 0;
      guint edits = g_test_rand_int_range (1, 6);
      gboolean ok;

      {
        g_autoptr(GadStore) clerk = gad_test_open_as (gad_store_get_path (store), GAD_ROLE_CLERK);

        gad_test_person (clerk, "290200-21239", "Liepa", "Roberts");
      }
      before = count_persons (store);
      g_array_append_vals (data, valid, strlen (valid));
      for (guint e = 0; e < edits && data->len > 0; e++)
        {
          guint at = g_test_rand_int_range (0, data->len);
          char byte = noise[g_test_rand_int_range (0, G_N_ELEMENTS (noise))];

          switch (g_test_rand_int_range (0, 3))
            {
            case 0: data->data[at] = byte; break;
            case 1: g_array_remove_index (data, at); break;
            default: g_array_insert_val (data, at, byte); break;
            }
        }

      ok = import_persons (store, data->data, data->len, FALSE, NULL,
                               &report, &error);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (count_persons (store), ==, before + report->imported);
          imported++;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, !=, "");
          g_assert_cmpuint (count_persons (store), ==, before);
          failed++;
        }
      g_assert_true (gad_store_verify_audit (store, &broken_id, &n_rows, NULL));
      g_assert_cmpint (broken_id, ==, 0);
    }
  /* Both outcomes were exercised, or the mangling tested nothing. */
  g_assert_cmpuint (failed, >, 0);
  g_assert_cmpuint (imported, >, 0);
  g_test_message ("%u mangled files refused, %u imported", failed, imported);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/utf8-bom-commas", test_utf8_bom_commas);
  g_test_add_func ("/import/windows-1257-semicolons", test_windows_1257_semicolons);
  g_test_add_func ("/import/quoted-newlines", test_quoted_newlines);
  g_test_add_func ("/import/bad-rows-nothing-imported", test_bad_rows_nothing_imported);
  g_test_add_func ("/import/skip-bad", test_skip_bad);
  g_test_add_func ("/import/missing-columns", test_missing_columns);
  g_test_add_func ("/import/export-round-trip", test_export_round_trip);
  g_test_add_func ("/import/mangled-files", test_mangled_files);
  return g_test_run ();
}
