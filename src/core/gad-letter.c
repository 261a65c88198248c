/* gad-letter.c — an official document as an A4 PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is a column of blocks (letterhead, type, title, paragraphs
 * and tables, the signature) laid out with pango on A4 pages
 * (gad-letter-layout.c); a template (gad-template.c) says what they hold.
 * The PDF's creation date is the document's own date, so the same document
 * renders to the same bytes.
 */
#define G_LOG_DOMAIN "gad-letter"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "gad-letter-private.h"
#include "gad-pdf.h"
#include "gad-text.h"

G_DEFINE_QUARK (gad-letter-error-quark, gad_letter_error)

static void
part_free (gpointer data)
{
  GadLetterPart *part = data;

  g_free (part->heading);
  g_free (part->text);
  g_clear_pointer (&part->cells, g_ptr_array_unref);
  g_free (part);
}

GadLetter *
gad_letter_new (void)
{
  GadLetter *letter = g_new0 (GadLetter, 1);

  letter->parts = g_ptr_array_new_with_free_func (part_free);
  return letter;
}

void
gad_letter_free (GadLetter *l)
{
  if (l == NULL)
    return;
  g_free (l->title_meta);
  g_free (l->mark);
  g_free (l->institution);
  g_free (l->letterhead);
  g_free (l->coat_of_arms);
  g_free (l->type);
  g_free (l->place);
  g_free (l->date);
  g_free (l->dated);
  g_free (l->addressee);
  g_free (l->title);
  g_ptr_array_unref (l->parts);
  g_free (l->signer_position);
  g_free (l->signature);
  g_free (l->e_signed_note);
  g_free (l->drafter);
  g_free (l);
}

GadLetterPart *
gad_letter_add_paragraph (GadLetter  *letter,
                          const char *heading,
                          const char *text,
                          gboolean    justify)
{
  GadLetterPart *part = g_new0 (GadLetterPart, 1);

  part->kind = GAD_LETTER_PARAGRAPH;
  part->heading = g_strdup (heading);
  part->text = g_strdup (text);
  part->justify = justify;
  g_ptr_array_add (letter->parts, part);
  return part;
}

/* Fill the table by adding @columns cells a row to its cells. */
GadLetterPart *
gad_letter_add_table (GadLetter        *letter,
                      GadLetterPartKind kind,
                      guint             columns)
{
  GadLetterPart *part = g_new0 (GadLetterPart, 1);

  part->kind = kind;
  part->cells = g_ptr_array_new_with_free_func (g_free);
  part->columns = MAX (columns, 1);
  g_ptr_array_add (letter->parts, part);
  return part;
}

static void
add_part (Doc                 *doc,
          const GadLetterPart *part)
{
  if (part->heading && *part->heading)
    gad_letter_doc_text (doc, part->heading, 12, TRUE, PANGO_ALIGN_LEFT, 10)->keep = TRUE;
  switch (part->kind)
    {
    case GAD_LETTER_PARAGRAPH:
      gad_letter_doc_text (doc, part->text, 12, FALSE, part->justify ? ALIGN_JUSTIFY : PANGO_ALIGN_LEFT,
                part->heading && *part->heading ? 2 : 10);
      break;
    case GAD_LETTER_AMOUNTS:
      for (guint i = 0; i + 1 < part->cells->len; i += 2)
        gad_letter_doc_pair (doc, g_ptr_array_index (part->cells, i), g_ptr_array_index (part->cells, i + 1),
                  11, AMOUNT_WIDTH, i == 0 ? 8 : 1);
      break;
    case GAD_LETTER_ROWS:
      for (guint i = 0; i + part->columns <= part->cells->len; i += part->columns)
        gad_letter_doc_row (doc, part->cells, i, part->columns, i == 0, i == 0 ? 8 : 1);
      break;
    }
}

static void
build (Doc             *doc,
       const GadLetter *l)
{
  Block *b;

  /* Client data is restricted: the mark stands first, on the right. */
  if (l->mark && *l->mark)
    gad_letter_doc_text (doc, l->mark, 9, FALSE, PANGO_ALIGN_RIGHT, 0);

  if (l->coat_of_arms && *l->coat_of_arms)
    {
      cairo_surface_t *image = cairo_image_surface_create_from_png (l->coat_of_arms);

      if (cairo_surface_status (image) == CAIRO_STATUS_SUCCESS)
        {
          Block img = { 0 };
          img.image = image;
          img.space_before = 6;
          g_array_append_val (doc->blocks, img);
        }
      else
        cairo_surface_destroy (image);
    }
  gad_letter_doc_text (doc, l->institution, 14, TRUE, PANGO_ALIGN_CENTER, 6);
  if (l->letterhead && *l->letterhead)
    gad_letter_doc_text (doc, l->letterhead, 9, FALSE, PANGO_ALIGN_CENTER, 2);
  {
    Block rule = { 0 };
    rule.rule = TRUE;
    rule.space_before = 4;
    g_array_append_val (doc->blocks, rule);
  }

  gad_letter_doc_text (doc, l->type, 14, TRUE, PANGO_ALIGN_CENTER, 14);
  gad_letter_doc_pair (doc, l->place, l->dated, 12, TEXT_WIDTH / 2, 10);

  if (l->addressee && *l->addressee)
    {
      b = gad_letter_doc_text (doc, l->addressee, 12, FALSE, PANGO_ALIGN_LEFT, 14);
      pango_layout_set_width (b->left, (int) (TEXT_WIDTH / 2 * PANGO_SCALE));
      b->x = MARGIN_LEFT + TEXT_WIDTH / 2;
      b->keep = TRUE;
    }

  if (l->title && *l->title)
    gad_letter_doc_text (doc, l->title, 12, TRUE, PANGO_ALIGN_LEFT, 16);
  for (guint i = 0; i < l->parts->len; i++)
    add_part (doc, g_ptr_array_index (l->parts, i));

  if (l->e_signed_note && *l->e_signed_note)
    {
      gad_letter_doc_pair (doc, l->signer_position, l->signature, 12, TEXT_WIDTH / 2, 28);
      gad_letter_doc_text (doc, l->e_signed_note, 10, TRUE, PANGO_ALIGN_CENTER, 24)->keep = TRUE;
    }
  else
    gad_letter_doc_pair (doc, l->signer_position, l->signature, 12, TEXT_WIDTH / 2, 36);
  if (l->drafter && *l->drafter)
    gad_letter_doc_text (doc, l->drafter, 9, FALSE, PANGO_ALIGN_LEFT, 24)->keep = TRUE;
}

/**
 * gad_letter_render:
 * @n_pages: (out) (optional): how many pages the letter has
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
gad_letter_render (const GadLetter  *letter,
                   guint            *n_pages,
                   GError          **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *created = g_strdup_printf ("%sT12:00:00", letter->date);
  cairo_surface_t *surface;
  cairo_status_t status;
  Doc doc = { 0 };

  g_return_val_if_fail (letter != NULL && letter->date != NULL, NULL);

  surface = gad_pdf_surface_new (bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  letter->title_meta ? letter->title_meta : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, letter->institution ? letter->institution : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gādība");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  doc.cr = cairo_create (surface);
  doc.blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  doc.placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  doc.extras = g_array_new (FALSE, FALSE, sizeof (Extra));

  build (&doc, letter);
  gad_letter_doc_paginate (&doc);
  gad_letter_doc_draw (&doc);

  for (guint i = 0; i < doc.blocks->len; i++)
    {
      Block *b = &g_array_index (doc.blocks, Block, i);
      g_clear_object (&b->left);
      g_clear_object (&b->right);
      g_clear_pointer (&b->image, cairo_surface_destroy);
    }
  g_array_unref (doc.blocks);
  g_array_unref (doc.placed);
  g_array_unref (doc.extras);
  cairo_destroy (doc.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GAD_LETTER_ERROR, GAD_LETTER_ERROR_RENDER,
                   _("The document could not be written: %s"), cairo_status_to_string (status));
      return NULL;
    }
  if (n_pages)
    *n_pages = doc.pages;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
