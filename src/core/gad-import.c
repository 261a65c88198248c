/* gad-import.c — a service's records brought in from CSV files, and persons out
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import is all or nothing: every row is checked, every bad row is
 * reported with its line and column, and unless the user asks to skip bad
 * rows, nothing is written when any row is bad. A dry run checks the same
 * way, against the database, and writes nothing. What each kind of file
 * holds is in gad-import-kinds.c; this reads the file, finds its columns
 * and runs the rows in one transaction of the store.
 */
#define G_LOG_DOMAIN "gad-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-import-private.h"
#include "gad-text.h"

#define PREVIEW_ROWS 20
#define PEEK_BYTES (256 * 1024)

G_DEFINE_QUARK (gad-import-error-quark, gad_import_error)

static const GadImportKindInfo *kinds[GAD_IMPORT_N_KINDS] = {
  [GAD_IMPORT_PERSONS] = &gad_import_persons, [GAD_IMPORT_HOUSEHOLDS] = &gad_import_households,
  [GAD_IMPORT_CASES] = &gad_import_cases, [GAD_IMPORT_SERVICES] = &gad_import_services,
  [GAD_IMPORT_DECISIONS] = &gad_import_decisions, [GAD_IMPORT_PAYMENTS] = &gad_import_payments,
};

const char *
gad_import_kind_name (GadImportKind kind)
{
  g_return_val_if_fail (kind < GAD_IMPORT_N_KINDS, NULL);
  return kinds[kind]->name;
}

/* Untranslated: _() it. */
const char *
gad_import_kind_title (GadImportKind kind)
{
  g_return_val_if_fail (kind < GAD_IMPORT_N_KINDS, NULL);
  return kinds[kind]->title;
}

gboolean
gad_import_kind_parse (const char    *name,
                       GadImportKind *kind)
{
  for (guint k = 0; k < GAD_IMPORT_N_KINDS; k++)
    if (g_strcmp0 (name, kinds[k]->name) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

/* A header name as the kinds list them: folded, "_" and "-" as spaces. */
static char *
header_key (const char *name)
{
  return g_strdelimit (gad_text_fold (name), "_-", ' ');
}

static gboolean
map_header (GadImport       *imp,
            GError         **error)
{
  const GadImportKindInfo *info = imp->info;
  guint n = g_strv_length (imp->header);
  g_autoptr(GString) missing = g_string_new (NULL);

  imp->report->recognised = g_new0 (char *, n + 1);
  for (guint c = 0; c < info->n_columns; c++)
    imp->columns[c] = -1;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = header_key (imp->header[i]);

      imp->report->recognised[i] = g_strdup ("");
      for (guint c = 0; c < info->n_columns; c++)
        {
          const GadImportColumn *col = &info->columns[c];
          g_autofree char *key = header_key (col->key);
          gboolean match = g_str_equal (name, key);

          for (guint k = 0; !match && k < G_N_ELEMENTS (col->names) && col->names[k]; k++)
            match = g_str_equal (name, col->names[k]);
          if (match && imp->columns[c] < 0)
            {
              imp->columns[c] = (int) i;
              g_free (imp->report->recognised[i]);
              imp->report->recognised[i] = g_strdup (col->key);
            }
        }
    }
  for (guint c = 0; c < info->n_columns; c++)
    if (info->columns[c].required && imp->columns[c] < 0)
      g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", info->columns[c].key);
  if (missing->len > 0)
    {
      g_set_error (error, GAD_IMPORT_ERROR, GAD_IMPORT_ERROR_COLUMNS,
                   /* TRANSLATORS: %s is a list of column names, such as "personal_code, month" */
                   _("The first line must name the file’s columns. These are missing: %s. "
                     "Save a template from the import window to see every column."),
                   missing->str);
      return FALSE;
    }
  return TRUE;
}

/* The row's value in the kind's @column, stripped; "" when the file has no such column. */
const char *
gad_import_field (GadImport *imp,
                  guint      column)
{
  int i = imp->columns[column];

  if (i < 0 || i >= (int) g_strv_length (imp->row))
    return "";
  return g_strstrip (imp->row[i]);
}

static void
problem_free (GadImportProblem *p)
{
  g_free (p->column);
  g_free (p->message);
  g_free (p);
}

/* Notes a bad row; only its first problem is reported, so that one mistake is one line. */
void
gad_import_problem (GadImport  *imp,
                    guint       column,
                    const char *message)
{
  GadImportProblem *p;
  int i = imp->columns[column];

  if (imp->bad)
    return;
  imp->bad = TRUE;
  p = g_new0 (GadImportProblem, 1);
  p->line = imp->line;
  p->column = g_strdup (i >= 0 ? imp->header[i] : imp->info->columns[column].key);
  p->message = g_strdup (message);
  g_ptr_array_add (imp->report->problems, p);
}

void
gad_import_report_free (GadImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->new_parishes);
  g_ptr_array_unref (report->preview);
  g_strfreev (report->header);
  g_strfreev (report->recognised);
  g_free (report);
}

static void
import_clear (GadImport *imp)
{
  g_clear_pointer (&imp->persons, g_hash_table_unref);
  g_clear_pointer (&imp->staff, g_hash_table_unref);
  g_clear_pointer (&imp->types, g_hash_table_unref);
  g_clear_pointer (&imp->seen, g_hash_table_unref);
  if (imp->kind_data_free)
    g_clear_pointer (&imp->kind_data, imp->kind_data_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GadImport, import_clear)

static void
sha256_hex (const char *data,
            gsize       length,
            char        out[65])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) data, length);
  g_strlcpy (out, g_checksum_get_string (sum), 65);
}

static GadImportReport *
report_new (GadCsv *csv)
{
  GadImportReport *report = g_new0 (GadImportReport, 1);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  report->new_parishes = g_ptr_array_new_with_free_func (g_free);
  report->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  report->header = g_strdupv (g_ptr_array_index (csv->rows, 0));
  report->rows = csv->rows->len - 1;
  report->encoding = csv->encoding;
  report->separator = csv->separator;
  for (guint r = 1; r < csv->rows->len && r <= PREVIEW_ROWS; r++)
    g_ptr_array_add (report->preview, g_strdupv (g_ptr_array_index (csv->rows, r)));
  return report;
}

static GadCsv *
parse (const char  *data,
       gsize        length,
       GError     **error)
{
  GadCsv *csv = gad_csv_parse (data, length, error);

  if (csv && csv->rows->len == 0)
    {
      g_set_error (error, GAD_IMPORT_ERROR, GAD_IMPORT_ERROR_COLUMNS, _("The file is empty."));
      g_clear_pointer (&csv, gad_csv_free);
    }
  return csv;
}

/**
 * gad_import_peek:
 * @report: (out): the header, the columns recognised, the encoding and the
 *   first rows as the import reads them; its rows, problems and checksum
 *   are not known yet
 *
 * Reads the start of a file of @kind, for a preview shown at once however
 * large the file is; the whole check is gad_import() with
 * %GAD_IMPORT_DRY_RUN. Nothing is asked of a database.
 */
gboolean
gad_import_peek (GadImportKind     kind,
                 const char       *data,
                 gsize             length,
                 GadImportReport **report_out,
                 GError          **error)
{
  g_auto(GadImport) imp = { 0 };
  g_autoptr(GadCsv) csv = NULL;
  g_autoptr(GadImportReport) report = NULL;
  gsize cut = length;

  if (length > PEEK_BYTES)
    for (cut = PEEK_BYTES; cut > 1 && data[cut - 1] != '\n'; cut--)
      ;
  if ((csv = parse (data, cut, error)) == NULL)
    return FALSE;
  report = report_new (csv);
  report->rows = 0;
  imp.info = kinds[kind];
  imp.report = report;
  imp.header = report->header;
  if (!map_header (&imp, error))
    return FALSE;
  *report_out = g_steal_pointer (&report);
  return TRUE;
}

/* Reads the rows into the open import; FALSE with @error for what stops it. */
static gboolean
run_rows (GadImport        *imp,
          GadCsv           *csv,
          GadStoreProgress  progress,
          gpointer          progress_data,
          GCancellable     *cancellable,
          GError          **error)
{
  guint n = csv->rows->len;

  for (guint r = 1; r < n; r++)
    {
      guint problems = imp->report->problems->len;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      imp->row = g_ptr_array_index (csv->rows, r);
      imp->line = g_array_index (csv->lines, guint, r);
      imp->bad = FALSE;
      if (!imp->info->row (imp, error))
        return FALSE;
      if (imp->report->problems->len == problems)
        imp->report->imported++;
      if (progress && r % 1024 == 0)
        progress ((double) r / n, progress_data);
    }
  return imp->info->finish == NULL || imp->info->finish (imp, error);
}

/**
 * gad_import:
 * @file_name: the file's name, for the audit log (the data is what is read)
 * @flags: %GAD_IMPORT_SKIP_BAD, %GAD_IMPORT_DRY_RUN
 * @progress: (nullable): told the fraction of rows read, from this thread
 * @report: (out) (optional): what was read and imported and every problem
 *   found; set whenever the file could be read, also when it failed for bad rows
 *
 * Imports a file of @kind as the signed-in administrator, as one write with
 * one audit row naming the file and its SHA-256. A file imported before is
 * refused. Without %GAD_IMPORT_SKIP_BAD any bad row fails with
 * %GAD_IMPORT_ERROR_BAD_ROWS and nothing is written.
 */
gboolean
gad_import (GadStore         *store,
            GadImportKind     kind,
            const char       *file_name,
            const char       *data,
            gsize             length,
            GadImportFlags    flags,
            GadStoreProgress  progress,
            gpointer          progress_data,
            GCancellable     *cancellable,
            GadImportReport **report_out,
            GError          **error)
{
  g_auto(GadImport) imp = { 0 };
  g_autoptr(GadCsv) csv = NULL;
  g_autoptr(GadImportReport) report = NULL;
  g_autofree char *base = g_path_get_basename (file_name);
  gboolean written;

  g_return_val_if_fail (kind < GAD_IMPORT_N_KINDS, FALSE);
  if (report_out)
    *report_out = NULL;
  if (!gad_store_require (store, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  if ((csv = parse (data, length, error)) == NULL)
    return FALSE;

  report = report_new (csv);
  sha256_hex (data, length, report->sha256);
  imp.store = store;
  {
    g_autofree char *today = gad_text_today_iso ();
    g_strlcpy (imp.today, today, sizeof imp.today);
  }
  imp.info = kinds[kind];
  imp.report = report;
  imp.header = report->header;
  if (!map_header (&imp, error))
    goto done;

  imp.import_id = gad_store_begin_import (store, imp.info->name, base, report->sha256, error);
  if (imp.import_id == 0)
    goto done;
  if (!run_rows (&imp, csv, progress, progress_data, cancellable, error))
    {
      gad_store_rollback (store);
      report->imported = 0;
      goto done;
    }

  written = !(flags & GAD_IMPORT_DRY_RUN) && (report->problems->len == 0
                                               || (flags & GAD_IMPORT_SKIP_BAD));
  if (!written)
    gad_store_rollback (store);
  if (report->problems->len > 0 && !(flags & GAD_IMPORT_SKIP_BAD))
    {
      /* A dry run tells how many rows are good; an import wrote none. */
      if (!(flags & GAD_IMPORT_DRY_RUN))
        report->imported = 0;
      g_ptr_array_set_size (report->new_parishes, 0);
      g_set_error (error, GAD_IMPORT_ERROR, GAD_IMPORT_ERROR_BAD_ROWS,
                   ngettext ("%u row is bad; nothing was imported.",
                             "%u rows are bad; nothing was imported.",
                             report->problems->len),
                   report->problems->len);
      goto done;
    }
  if (written && !gad_store_finish_import (store, imp.import_id, report->imported, error))
    {
      report->imported = 0;
      goto done;
    }
  /* New persons may be some already registered under another code. */
  if (written && kind == GAD_IMPORT_PERSONS)
    {
      g_autoptr(GPtrArray) pairs = gad_store_find_duplicates (store, 0, NULL);

      report->duplicates = pairs ? pairs->len : 0;
    }
  if (progress)
    progress (1.0, progress_data);
  if (report_out)
    *report_out = g_steal_pointer (&report);
  return TRUE;

done:
  if (report_out)
    *report_out = g_steal_pointer (&report);
  return FALSE;
}

/**
 * gad_import_template:
 *
 * Returns: a file of @kind with its header and one example row, as a
 *   spreadsheet in a Latvian locale opens it (UTF-8 with a BOM, semicolons)
 */
char *
gad_import_template (GadImportKind kind)
{
  const GadImportKindInfo *info = kinds[kind];
  const char *header[GAD_IMPORT_MAX_COLUMNS + 1] = { NULL };
  const char *example[GAD_IMPORT_MAX_COLUMNS + 1] = { NULL };
  GString *out = g_string_new ("\xef\xbb\xbf");

  for (guint c = 0; c < info->n_columns; c++)
    {
      header[c] = info->columns[c].key;
      example[c] = info->columns[c].example;
    }
  gad_csv_append_row (out, header, ';');
  gad_csv_append_row (out, example, ';');
  return g_string_free (out, FALSE);
}
