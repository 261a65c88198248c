/* gad-import.c — persons in and out of CSV files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import is all or nothing: every row is checked, every bad row is
 * reported with its line and column, and unless the user asks to skip bad
 * rows, nothing is written when any row is bad.
 */
#define G_LOG_DOMAIN "gad-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-csv.h"
#include "gad-import.h"
#include "gad-personal-code.h"
#include "gad-text.h"

G_DEFINE_QUARK (gad-import-error-quark, gad_import_error)

enum { COL_CODE, COL_SURNAME, COL_FIRST_NAME, COL_GENDER, COL_BIRTH_DATE, COL_ADDRESS,
       COL_PHONE, COL_PARISH, N_COLUMNS };

/* The header names the import understands (folded), English first: that is what export writes. */
static const char *column_names[N_COLUMNS][4] = {
  [COL_CODE] = { "personal_code", "personas kods", "personas_kods", "pk" },
  [COL_SURNAME] = { "surname", "uzvards", "last_name", NULL },
  [COL_FIRST_NAME] = { "first_name", "vards", NULL, NULL },
  [COL_GENDER] = { "gender", "dzimums", NULL, NULL },
  [COL_BIRTH_DATE] = { "birth_date", "dzimsanas datums", "dzimsanas_datums", NULL },
  [COL_ADDRESS] = { "address", "adrese", "deklareta adrese", NULL },
  [COL_PHONE] = { "phone", "talrunis", "telefons", NULL },
  [COL_PARISH] = { "parish", "pagasts", "teritorija", NULL },
};

void
gad_import_report_free (GadImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->new_parishes);
  g_free (report);
}

static void
problem_free (GadImportProblem *p)
{
  g_free (p->column);
  g_free (p->message);
  g_free (p);
}

static void
add_problem (GadImportReport *report,
             guint            line,
             const char      *column,
             const char      *message)
{
  GadImportProblem *p = g_new0 (GadImportProblem, 1);

  p->line = line;
  p->column = g_strdup (column);
  p->message = g_strdup (message);
  g_ptr_array_add (report->problems, p);
}

static gboolean
map_header (GStrv   header,
            int     columns[N_COLUMNS],
            GError **error)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    columns[c] = -1;

  for (int i = 0; header[i]; i++)
    {
      g_autofree char *name = gad_text_fold (header[i]);

      for (guint c = 0; c < N_COLUMNS; c++)
        for (guint k = 0; k < G_N_ELEMENTS (column_names[c]) && column_names[c][k]; k++)
          if (g_str_equal (name, column_names[c][k]) && columns[c] < 0)
            columns[c] = i;
    }

  if (columns[COL_CODE] < 0 || columns[COL_SURNAME] < 0 || columns[COL_FIRST_NAME] < 0)
    {
      g_set_error (error, GAD_IMPORT_ERROR, GAD_IMPORT_ERROR_COLUMNS,
                   _("The first line must name the columns, with at least personal_code, "
                     "surname and first_name (or “Personas kods”, “Uzvārds”, “Vārds”)."));
      return FALSE;
    }
  return TRUE;
}

static char *
field (GStrv       row,
       const int   columns[N_COLUMNS],
       guint       column)
{
  int i = columns[column];

  static char empty[1];

  if (i < 0 || i >= (int) g_strv_length (row))
    return empty;
  return row[i];
}

/* M/F as the store keeps it; Latvian files write V (vīrietis) and S (sieviete). */
static gboolean
parse_gender (const char  *text,
              const char **gender)
{
  g_autofree char *g = gad_text_fold (text);

  if (*g == '\0')
    *gender = NULL;
  else if (g_str_equal (g, "m") || g_str_equal (g, "v") || g_str_equal (g, "male")
           || g_str_equal (g, "virietis"))
    *gender = "M";
  else if (g_str_equal (g, "f") || g_str_equal (g, "s") || g_str_equal (g, "female")
           || g_str_equal (g, "sieviete"))
    *gender = "F";
  else
    return FALSE;
  return TRUE;
}

static gint64
parish_id (GadStore        *store,
           GHashTable      *parishes,
           const char      *name,
           GadImportReport *report,
           GError         **error)
{
  g_autofree char *key = gad_text_fold (name);
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  gpointer id;
  gint64 new_id;

  if (*key == '\0')
    return 0;
  if (g_hash_table_lookup_extended (parishes, key, NULL, &id))
    return GPOINTER_TO_SIZE (id);
  new_id = gad_store_add_territory (store, stripped, error);
  if (new_id == 0)
    return -1;
  g_ptr_array_add (report->new_parishes, g_strdup (name));
  g_hash_table_insert (parishes, g_steal_pointer (&key), GSIZE_TO_POINTER (new_id));
  return new_id;
}

static const char *
header_of (GadCsv     *csv,
           const int   columns[N_COLUMNS],
           guint       column)
{
  return ((GStrv) g_ptr_array_index (csv->rows, 0))[columns[column]];
}

/* Checks one row and inserts it; FALSE with @error only for failures that
 * stop the whole import (the disk, the database), problems go to @report. */
static gboolean
import_row (GadStore        *store,
            GadCsv          *csv,
            guint            r,
            const int        columns[N_COLUMNS],
            GHashTable      *parishes,
            GHashTable      *seen,
            GadImportReport *report,
            GError         **error)
{
  GStrv row = g_ptr_array_index (csv->rows, r);
  guint line = g_array_index (csv->lines, guint, r);
  g_autoptr(GadPerson) person = NULL;
  g_autoptr(GError) row_error = NULL;
  const char *gender = NULL;
  char digits[12];
  GDate date;
  gint64 territory;
  gpointer first_line;

  if (!gad_personal_code_parse (field (row, columns, COL_CODE), digits, NULL, &row_error))
    {
      add_problem (report, line, header_of (csv, columns, COL_CODE), row_error->message);
      return TRUE;
    }
  if (g_hash_table_lookup_extended (seen, digits, NULL, &first_line))
    {
      g_autofree char *msg = g_strdup_printf (_("The same personal code is on line %u."),
                                              GPOINTER_TO_UINT (first_line));
      add_problem (report, line, header_of (csv, columns, COL_CODE), msg);
      return TRUE;
    }
  g_hash_table_insert (seen, g_strdup (digits), GUINT_TO_POINTER (line));

  if (!parse_gender (field (row, columns, COL_GENDER), &gender))
    {
      add_problem (report, line, header_of (csv, columns, COL_GENDER),
                   _("Gender must be M or F (V or S)."));
      return TRUE;
    }
  if (*field (row, columns, COL_BIRTH_DATE)
      && !gad_text_parse_date (field (row, columns, COL_BIRTH_DATE), &date))
    {
      add_problem (report, line, header_of (csv, columns, COL_BIRTH_DATE),
                   _("The birth date is not a real date. Write it as DD.MM.YYYY."));
      return TRUE;
    }
  if (g_strstrip (field (row, columns, COL_SURNAME))[0] == '\0')
    {
      add_problem (report, line, header_of (csv, columns, COL_SURNAME), _("Enter the surname."));
      return TRUE;
    }
  if (g_strstrip (field (row, columns, COL_FIRST_NAME))[0] == '\0')
    {
      add_problem (report, line, header_of (csv, columns, COL_FIRST_NAME),
                   _("Enter the first name."));
      return TRUE;
    }

  territory = parish_id (store, parishes, field (row, columns, COL_PARISH), report, error);
  if (territory < 0)
    return FALSE;

  person = g_object_new (GAD_TYPE_PERSON,
                         "code", digits,
                         "last-name", field (row, columns, COL_SURNAME),
                         "first-name", field (row, columns, COL_FIRST_NAME),
                         "gender", gender,
                         "birth-date", field (row, columns, COL_BIRTH_DATE),
                         "address", field (row, columns, COL_ADDRESS),
                         "phone", field (row, columns, COL_PHONE),
                         "territory-id", territory,
                         NULL);
  if (gad_store_insert_person (store, person, &row_error) != 0)
    report->imported++;
  else if (row_error->domain == GAD_STORE_ERROR && row_error->code == GAD_STORE_ERROR_FAILED)
    {
      g_propagate_error (error, g_steal_pointer (&row_error));
      return FALSE;
    }
  else
    add_problem (report, line, header_of (csv, columns, COL_CODE), row_error->message);
  return TRUE;
}

/**
 * gad_import_persons:
 * @skip_bad: write the good rows even when some are bad
 * @report: (out) (optional): what was imported and every problem found; set
 *   whenever the file could be read, also when the import fails for bad rows
 *
 * Returns: %TRUE when the rows were written. Without @skip_bad any bad row
 *   fails with %GAD_IMPORT_ERROR_BAD_ROWS and nothing is written.
 */
gboolean
gad_import_persons (GadStore         *store,
                    const char       *data,
                    gsize             length,
                    gboolean          skip_bad,
                    GCancellable     *cancellable,
                    GadImportReport **report_out,
                    GError          **error)
{
  g_autoptr(GadCsv) csv = NULL;
  g_autoptr(GadImportReport) report = NULL;
  g_autoptr(GHashTable) parishes = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) territories = NULL;
  int columns[N_COLUMNS];

  if (report_out)
    *report_out = NULL;
  if (!gad_store_require (store, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  if ((csv = gad_csv_parse (data, length, error)) == NULL)
    return FALSE;
  if (csv->rows->len == 0)
    {
      g_set_error (error, GAD_IMPORT_ERROR, GAD_IMPORT_ERROR_COLUMNS, _("The file is empty."));
      return FALSE;
    }
  if (!map_header (g_ptr_array_index (csv->rows, 0), columns, error))
    return FALSE;

  report = g_new0 (GadImportReport, 1);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  report->new_parishes = g_ptr_array_new_with_free_func (g_free);

  parishes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  territories = gad_store_list_territories (store);
  for (guint i = 0; i < territories->len; i++)
    {
      GadTerritory *t = g_ptr_array_index (territories, i);
      g_hash_table_insert (parishes, gad_text_fold (t->name), GSIZE_TO_POINTER (t->id));
    }
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!gad_store_begin_import (store, error))
    return FALSE;
  for (guint r = 1; r < csv->rows->len; r++)
    if (g_cancellable_set_error_if_cancelled (cancellable, error)
        || !import_row (store, csv, r, columns, parishes, seen, report, error))
      {
        gad_store_rollback (store);
        return FALSE;
      }

  if (report->problems->len > 0 && !skip_bad)
    {
      gad_store_rollback (store);
      report->imported = 0;
      g_ptr_array_set_size (report->new_parishes, 0);
      g_set_error (error, GAD_IMPORT_ERROR, GAD_IMPORT_ERROR_BAD_ROWS,
                   ngettext ("%u row is bad; nothing was imported.",
                             "%u rows are bad; nothing was imported.",
                             report->problems->len),
                   report->problems->len);
      if (report_out)
        *report_out = g_steal_pointer (&report);
      return FALSE;
    }
  if (!gad_store_commit (store, error))
    return FALSE;
  if (report_out)
    *report_out = g_steal_pointer (&report);
  return TRUE;
}

typedef struct
{
  GString *out;
  guint count;
} Export;

static gboolean
export_one (GadPerson *person,
            gpointer   data)
{
  Export *export = data;
  g_autofree char *code = gad_person_dup_code_display (person);
  g_autofree char *birth = gad_text_format_date (gad_person_get_birth_date (person));
  const char *fields[] = {
    code, gad_person_get_last_name (person), gad_person_get_first_name (person),
    gad_person_get_gender (person), birth, gad_person_get_address (person),
    gad_person_get_phone (person), gad_person_get_territory (person), NULL,
  };

  gad_csv_append_row (export->out, fields, ';');
  export->count++;
  return TRUE;
}

/* UTF-8 with a BOM and semicolons, so a Latvian spreadsheet opens it as it
 * is; the header is the one import reads, so the file round-trips. The file
 * is replaced atomically: a failed export leaves any old file as it was. */
gboolean
gad_export_persons (GadStore    *store,
                    const char  *path,
                    guint       *n_exported,
                    GError     **error)
{
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  const char *header[N_COLUMNS + 1] = { NULL };
  Export export = { out, 0 };

  for (guint c = 0; c < N_COLUMNS; c++)
    header[c] = column_names[c][0];
  gad_csv_append_row (out, header, ';');
  if (!gad_store_foreach_person (store, export_one, &export, error))
    return FALSE;
  if (n_exported)
    *n_exported = export.count;
  return g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error)
         && gad_store_record_read (store, 0, "persons.csv", export.count, error);
}
