/* gad-import.h — a service's records brought in from CSV files, and persons out
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

/* What a file holds: each kind is one documented CSV (README). */
typedef enum
{
  GAD_IMPORT_PERSONS,
  GAD_IMPORT_HOUSEHOLDS,
  GAD_IMPORT_CASES,
  GAD_IMPORT_SERVICES,
  GAD_IMPORT_DECISIONS,
  GAD_IMPORT_PAYMENTS,
  GAD_IMPORT_N_KINDS
} GadImportKind;

typedef enum
{
  GAD_IMPORT_SKIP_BAD = 1 << 0,  /* write the good rows even when some are bad */
  GAD_IMPORT_DRY_RUN = 1 << 1,   /* check every row, write nothing */
} GadImportFlags;

typedef struct
{
  guint line;
  char *column;
  char *message;
} GadImportProblem;

typedef struct
{
  guint rows;              /* the file's records, the header not counted */
  guint imported;          /* written (or, on a dry run, that would be) */
  GPtrArray *problems;     /* of GadImportProblem, in line order */
  GPtrArray *new_parishes; /* of char*: parishes the import added */
  guint duplicates;        /* after persons: the registry's possible duplicate pairs */
  GStrv header;            /* the file's first line as read */
  GStrv recognised;        /* for each column of the header: the English name it was
                            * read as, "" where it is not one of the kind's */
  GPtrArray *preview;      /* of GStrv: the first rows as read */
  const char *encoding;    /* "UTF-8" or "Windows-1257" */
  char separator;
  char sha256[65];
} GadImportReport;

GQuark           gad_import_error_quark   (void);
const char      *gad_import_kind_name     (GadImportKind     kind);
const char      *gad_import_kind_title    (GadImportKind     kind);
gboolean         gad_import_kind_parse    (const char       *name,
                                           GadImportKind    *kind);
char            *gad_import_template      (GadImportKind     kind);
gboolean         gad_import_peek          (GadImportKind     kind,
                                           const char       *data,
                                           gsize             length,
                                           GadImportReport **report,
                                           GError          **error);
gboolean         gad_import               (GadStore         *store,
                                           GadImportKind     kind,
                                           const char       *file_name,
                                           const char       *data,
                                           gsize             length,
                                           GadImportFlags    flags,
                                           GadStoreProgress  progress,
                                           gpointer          progress_data,
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
