/* gad-case-document.h — a document in a client's case: kinds, checks, viewing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GAD_DOCUMENT_MAX_BYTES (25 * 1024 * 1024)

typedef struct
{
  gint64 id;
  gint64 case_id;
  gint64 person_id;
  char *name;           /* the file's name as it came */
  char *media_type;     /* "application/pdf", "image/jpeg", … */
  gint64 size;          /* bytes */
  char *sha256;
  char *added_by;       /* the staff member's name */
  char *added_at;       /* ISO 8601 UTC */
} GadCaseDocument;

void      gad_case_document_free      (GadCaseDocument *d);
char     *gad_case_document_sniff     (GBytes          *bytes,
                                       const char      *name);
gboolean  gad_case_document_check     (GBytes          *bytes,
                                       const char      *media_type,
                                       GError         **error);
gboolean  gad_case_document_viewable  (const char      *media_type);
GBytes   *gad_case_document_to_pdf    (GBytes          *bytes,
                                       const char      *media_type,
                                       GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadCaseDocument, gad_case_document_free)

G_END_DECLS
