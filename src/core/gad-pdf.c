/* gad-pdf.c — what the PDF documents share: the surface, sans text, and a flowing document
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>
#include <poppler.h>

#include <glib/gi18n-lib.h>

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

#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.890
#define MARGIN 56.7
#define TEXT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define CELL_PAD 4

struct _GadPdfFlow
{
  GByteArray *bytes;
  cairo_surface_t *surface;
  cairo_t *cr;
  char *mark;          /* top right of each page, or NULL */
  double y;
  guint page;
};

static void
begin_page (GadPdfFlow *flow)
{
  flow->y = MARGIN;
  if (flow->mark)
    gad_pdf_text (flow->cr, flow->mark, MARGIN, MARGIN - 24, TEXT_WIDTH, 8, FALSE,
                  PANGO_ALIGN_RIGHT, TRUE);
}

static void
end_page (GadPdfFlow *flow)
{
  g_autofree char *number = g_strdup_printf ("%u", flow->page);

  gad_pdf_text (flow->cr, number, MARGIN, PAGE_HEIGHT - MARGIN + 12, TEXT_WIDTH, 8, FALSE,
                PANGO_ALIGN_CENTER, TRUE);
  cairo_show_page (flow->cr);
  flow->page++;
}

/**
 * gad_pdf_flow_new:
 * @mark: (nullable): a line at the top of each page, such as the
 *   restricted-access mark
 */
GadPdfFlow *
gad_pdf_flow_new (const char *mark)
{
  GadPdfFlow *flow = g_new0 (GadPdfFlow, 1);

  flow->bytes = g_byte_array_new ();
  flow->surface = gad_pdf_surface_new (flow->bytes, PAGE_WIDTH, PAGE_HEIGHT);
  flow->cr = cairo_create (flow->surface);
  flow->mark = g_strdup (mark);
  flow->page = 1;
  begin_page (flow);
  return flow;
}

/* A new page unless @height more fits on this one. */
void
gad_pdf_flow_need (GadPdfFlow *flow,
                   double      height)
{
  if (flow->y + height > PAGE_HEIGHT - MARGIN && flow->y > MARGIN)
    {
      end_page (flow);
      begin_page (flow);
    }
}

/* A paragraph the text's width, kept whole on a page where it fits one. */
void
gad_pdf_flow_text (GadPdfFlow *flow,
                   const char *text,
                   double      size,
                   gboolean    bold,
                   double      space_after)
{
  double h = gad_pdf_text (flow->cr, text, MARGIN, flow->y, TEXT_WIDTH, size, bold,
                           PANGO_ALIGN_LEFT, FALSE);

  /* A heading keeps a line of what follows with it. */
  gad_pdf_flow_need (flow, h + (bold ? 3 * size : 0));
  gad_pdf_text (flow->cr, text, MARGIN, flow->y, TEXT_WIDTH, size, bold, PANGO_ALIGN_LEFT, TRUE);
  flow->y += h + space_after;
}

/* A table row: @widths are fractions of the text's width; a thin rule under
 * it. */
void
gad_pdf_flow_draw (GadPdfFlow     *flow,
                   double          height,
                   GadPdfDrawFunc  draw,
                   gpointer        data)
{
  gad_pdf_flow_need (flow, height);
  cairo_save (flow->cr);
  draw (flow->cr, MARGIN, flow->y, TEXT_WIDTH, height, data);
  cairo_restore (flow->cr);
  flow->y += height;
}

void
gad_pdf_flow_row (GadPdfFlow        *flow,
                  const char *const *cells,
                  const double      *widths,
                  guint              n_cells,
                  gboolean           bold)
{
  double h = 0, x = MARGIN;

  for (guint c = 0; c < n_cells; c++)
    h = MAX (h, gad_pdf_text (flow->cr, cells[c], 0, 0, widths[c] * TEXT_WIDTH - CELL_PAD, 9,
                              bold, PANGO_ALIGN_LEFT, FALSE));
  gad_pdf_flow_need (flow, h + 2 * CELL_PAD);
  for (guint c = 0; c < n_cells; c++)
    {
      gad_pdf_text (flow->cr, cells[c], x, flow->y + CELL_PAD, widths[c] * TEXT_WIDTH - CELL_PAD,
                    9, bold, PANGO_ALIGN_LEFT, TRUE);
      x += widths[c] * TEXT_WIDTH;
    }
  flow->y += h + 2 * CELL_PAD;
  cairo_set_line_width (flow->cr, 0.5);
  cairo_move_to (flow->cr, MARGIN, flow->y);
  cairo_line_to (flow->cr, MARGIN + TEXT_WIDTH, flow->y);
  cairo_stroke (flow->cr);
}

/**
 * gad_pdf_flow_finish:
 *
 * Ends the last page and frees @flow. Returns: the PDF, or %NULL with
 * @error
 */
GBytes *
gad_pdf_flow_finish (GadPdfFlow  *flow,
                     guint       *n_pages,
                     GError     **error)
{
  cairo_status_t status;
  GBytes *pdf = NULL;

  end_page (flow);
  if (n_pages)
    *n_pages = flow->page - 1;
  cairo_destroy (flow->cr);
  cairo_surface_finish (flow->surface);
  status = cairo_surface_status (flow->surface);
  cairo_surface_destroy (flow->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The document could not be made: %s"),
                 cairo_status_to_string (status));
  else
    pdf = g_byte_array_free_to_bytes (g_steal_pointer (&flow->bytes));
  if (flow->bytes)
    g_byte_array_unref (flow->bytes);
  g_free (flow->mark);
  g_free (flow);
  return pdf;
}

/**
 * gad_pdf_join:
 * @documents: (element-type GBytes): PDFs
 *
 * One PDF of every page of @documents in turn, to print at once; each page
 * keeps its size, its text stays text.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
gad_pdf_join (GPtrArray  *documents,
              GError    **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = gad_pdf_surface_new (bytes, 595.276, 841.890);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  for (guint i = 0; i < documents->len; i++)
    {
      PopplerDocument *document = poppler_document_new_from_bytes (g_ptr_array_index (documents, i),
                                                                   NULL, error);

      if (document == NULL)
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          return NULL;
        }
      for (int p = 0; p < poppler_document_get_n_pages (document); p++)
        {
          PopplerPage *page = poppler_document_get_page (document, p);
          double width, height;

          poppler_page_get_size (page, &width, &height);
          cairo_pdf_surface_set_size (surface, width, height);
          poppler_page_render_for_printing (page, cr);
          cairo_show_page (cr);
          g_object_unref (page);
        }
      g_object_unref (document);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The document could not be written: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
