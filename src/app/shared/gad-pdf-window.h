/* gad-pdf-window.h — a document previewed, printed and saved: letters and reports
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <poppler.h>

G_BEGIN_DECLS

#define GAD_TYPE_PDF_WINDOW (gad_pdf_window_get_type ())
G_DECLARE_FINAL_TYPE (GadPdfWindow, gad_pdf_window, GAD, PDF_WINDOW, AdwWindow)

GadPdfWindow *gad_pdf_window_new         (GtkWindow    *parent,
                                          const char   *title,
                                          const char   *subtitle,
                                          GBytes       *pdf,
                                          const char   *file_name);
guint         gad_pdf_window_get_n_pages (GadPdfWindow *self);
GdkTexture   *gad_pdf_page_texture       (PopplerPage  *page,
                                          double        scale);

G_END_DECLS
