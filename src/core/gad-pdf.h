/* gad-pdf.h — what the PDF documents share: the surface and sans text
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

cairo_surface_t *gad_pdf_surface_new (GByteArray     *bytes,
                                      double          width,
                                      double          height);
double           gad_pdf_text        (cairo_t        *cr,
                                      const char     *text,
                                      double          x,
                                      double          y,
                                      double          width,
                                      double          size,
                                      gboolean        bold,
                                      PangoAlignment  align,
                                      gboolean        draw);

/* A document that flows down A4 pages: headings, paragraphs and table rows,
 * a new page where one is full, each page numbered and marked. */
typedef struct _GadPdfFlow GadPdfFlow;

GadPdfFlow *gad_pdf_flow_new    (const char        *mark);
void        gad_pdf_flow_text   (GadPdfFlow        *flow,
                                 const char        *text,
                                 double             size,
                                 gboolean           bold,
                                 double             space_after);
void        gad_pdf_flow_row    (GadPdfFlow        *flow,
                                 const char *const *cells,
                                 const double      *widths,
                                 guint              n_cells,
                                 gboolean           bold);
void        gad_pdf_flow_need   (GadPdfFlow        *flow,
                                 double             height);
/* A picture as wide as the text, @height high, drawn by @draw in a box
 * at (x, y) of the size given. */
typedef void (*GadPdfDrawFunc) (cairo_t *cr,
                                double   x,
                                double   y,
                                double   width,
                                double   height,
                                gpointer data);
void        gad_pdf_flow_draw   (GadPdfFlow        *flow,
                                 double             height,
                                 GadPdfDrawFunc     draw,
                                 gpointer           data);
GBytes     *gad_pdf_flow_finish (GadPdfFlow        *flow,
                                 guint             *n_pages,
                                 GError           **error);

GBytes     *gad_pdf_join        (GPtrArray         *documents,
                                 GError           **error);

G_END_DECLS
