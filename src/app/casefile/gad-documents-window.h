/* gad-documents-window.h — the documents of a client's case
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_DOCUMENTS_WINDOW (gad_documents_window_get_type ())
G_DECLARE_FINAL_TYPE (GadDocumentsWindow, gad_documents_window, GAD, DOCUMENTS_WINDOW, AdwWindow)

GadDocumentsWindow *gad_documents_window_new (GtkWindow     *parent,
                                              GadContext    *context,
                                              const GadCase *c,
                                              const char    *client,
                                              gboolean       writes);
void                gad_documents_window_add (GadDocumentsWindow *self,
                                              GFile             **files,
                                              guint               n_files);
void                gad_documents_window_add_scan (GadDocumentsWindow *self,
                                                   const char         *name,
                                                   GPtrArray          *pages);

G_END_DECLS
