/* gad-paper.h — issuing a document from the window: on the worker's thread,
 * then shown as issued
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"
#include "gad-document.h"

G_BEGIN_DECLS

/* A document as issued: its record and its PDF. */
typedef struct
{
  GadIssuedDocument *document;
  GBytes *pdf;
} GadPaper;

void      gad_paper_free       (GadPaper                *paper);
void      gad_paper_issue      (GadContext              *context,
                                const GadDocumentDraft  *draft,
                                GAsyncReadyCallback      callback,
                                gpointer                 user_data);
void      gad_paper_read       (GadContext              *context,
                                gint64                   id,
                                GAsyncReadyCallback      callback,
                                gpointer                 user_data);
GadPaper *gad_paper_finish     (GAsyncResult            *result,
                                GError                 **error);
void      gad_paper_show       (GtkWindow               *parent,
                                const GadPaper          *paper);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadPaper, gad_paper_free)

G_END_DECLS
