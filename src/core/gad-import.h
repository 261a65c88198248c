/* gad-import.h — persons in and out of CSV files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-store.h"

G_BEGIN_DECLS

#define GAD_IMPORT_ERROR (gad_import_error_quark ())

typedef enum
{
  GAD_IMPORT_ERROR_COLUMNS,
  GAD_IMPORT_ERROR_BAD_ROWS,
} GadImportError;

typedef struct
{
  guint line;
  char *column;
  char *message;
} GadImportProblem;

typedef struct
{
  guint imported;
  GPtrArray *problems;    /* of GadImportProblem, in line order */
  GPtrArray *new_parishes; /* of char*: parishes the import added */
} GadImportReport;

GQuark           gad_import_error_quark   (void);
gboolean         gad_import_persons       (GadStore         *store,
                                           const char       *data,
                                           gsize             length,
                                           gboolean          skip_bad,
                                           GCancellable     *cancellable,
                                           GadImportReport **report,
                                           GError          **error);
void             gad_import_report_free   (GadImportReport *report);
gboolean         gad_export_persons       (GadStore      *store,
                                           const char    *path,
                                           guint         *n_exported,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadImportReport, gad_import_report_free)

G_END_DECLS
