/* gad-client-file.h — all a client's page shows, read in one go
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-store.h"

G_BEGIN_DECLS

typedef enum
{
  GAD_FILE_HOUSEHOLD,
  GAD_FILE_CASES,
  GAD_FILE_PLANS,
  GAD_FILE_COPAYMENTS,
  GAD_FILE_REQUESTS,
  GAD_FILE_DECISIONS,
  GAD_FILE_DOCUMENTS,
  GAD_FILE_DUTIES,
  GAD_FILE_HISTORY,
  GAD_FILE_N_SECTIONS
} GadFileSection;

typedef struct
{
  gint64 person_id;
  GadPerson *person;
  char **codes;            /* the current personal code first, then earlier ones */
  GadRole role;
  gboolean reads;          /* the case file, not only basic data */
  gboolean writes;
  gboolean registers;
  gboolean audits;
  gboolean schedules;
  GPtrArray *types;        /* GadTypeEntry */
  /* Each section's rows, or the error that kept them; only the household
   * without the right to read the file. */
  GPtrArray *rows[GAD_FILE_N_SECTIONS];
  GError *errors[GAD_FILE_N_SECTIONS];
} GadClientFile;

GadClientFile *gad_client_file_load (GadStore   *store,
                                     gint64      person_id,
                                     gboolean    opening,
                                     GError    **error);
void           gad_client_file_free (GadClientFile *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadClientFile, gad_client_file_free)

G_END_DECLS
