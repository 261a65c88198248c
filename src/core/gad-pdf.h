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

G_END_DECLS
