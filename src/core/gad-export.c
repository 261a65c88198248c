/* gad-export.c — the registry out to a CSV file that imports again
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-import"

#include "config.h"

#include "gad-import-private.h"
#include "gad-text.h"

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
  const GadImportKindInfo *info = &gad_import_persons;
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  const char *header[GAD_IMPORT_MAX_COLUMNS + 1] = { NULL };
  Export export = { out, 0 };

  for (guint c = 0; c < info->n_columns; c++)
    header[c] = info->columns[c].key;
  gad_csv_append_row (out, header, ';');
  if (!gad_store_foreach_person (store, export_one, &export, error))
    return FALSE;
  if (n_exported)
    *n_exported = export.count;
  return g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error)
         && gad_store_record_read (store, 0, "persons.csv", export.count, error);
}
