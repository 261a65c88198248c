/* gad-pdf.c — what the PDF documents share: the surface and sans text
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "gad-pdf.h"

#define FONT "Liberation Sans, DejaVu Sans"

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF surface whose bytes go to @bytes (points; A4 is 595.276 × 841.890). */
cairo_surface_t *
gad_pdf_surface_new (GByteArray *bytes,
                     double      width,
                     double      height)
{
  return cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
}

/* @text in black sans at @size points, wrapped to @width at (@x, @y);
 * measured only unless @draw. Returns its height. */
double
gad_pdf_text (cairo_t        *cr,
              const char     *text,
              double          x,
              double          y,
              double          width,
              double          size,
              gboolean        bold,
              PangoAlignment  align,
              gboolean        draw)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);
  int height;

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text ? text : "", -1);
  if (draw)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}
