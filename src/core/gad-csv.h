/* gad-csv.h — reading and writing CSV files as Latvian offices make them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GAD_CSV_ERROR (gad_csv_error_quark ())

typedef enum
{
  GAD_CSV_ERROR_ENCODING,
  GAD_CSV_ERROR_SYNTAX,
} GadCsvError;

typedef struct
{
  GPtrArray *rows;  /* of GStrv */
  GArray *lines;    /* guint: the line each row starts on, 1-based */
  char separator;
  const char *encoding; /* "UTF-8" or "Windows-1257": what the file was read as */
} GadCsv;

GQuark  gad_csv_error_quark (void);
GadCsv *gad_csv_parse       (const char  *data,
                             gsize        length,
                             GError     **error);
void    gad_csv_free        (GadCsv      *csv);
void    gad_csv_append_row  (GString     *out,
                             const char * const *fields,
                             char         separator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadCsv, gad_csv_free)

G_END_DECLS
