/* gad-letter.c — an official document as an A4 PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is a column of blocks (letterhead, type, title, paragraphs
 * and tables, the signature) laid out with pango; a template (gad-template.c)
 * says what they hold. A first pass places every line on a page; the second
 * draws the pages, so page numbers "2 (3)" know the total. The PDF's
 * creation date is the document's own date, so the same document renders to
 * the same bytes.
 */
#define G_LOG_DOMAIN "gad-letter"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "gad-letter.h"
#include "gad-pdf.h"
#include "gad-text.h"

G_DEFINE_QUARK (gad-letter-error-quark, gad_letter_error)

#define PAGE_WIDTH 595.276   /* A4 in points */
#define PAGE_HEIGHT 841.890
#define MARGIN_LEFT 85.0     /* 30 mm, as Latvian documents have it */
#define MARGIN_RIGHT 42.5
#define MARGIN_TOP 56.7
#define MARGIN_BOTTOM 56.7
#define TEXT_WIDTH (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define AMOUNT_WIDTH 110.0
#define FONT "Liberation Serif, DejaVu Serif"
/* Pango justifies as a flag, not an alignment; this stands for left + justify. */
#define ALIGN_JUSTIFY ((PangoAlignment) (PANGO_ALIGN_RIGHT + 1))

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

typedef struct
{
  PangoLayout *left;      /* NULL for a rule or an image */
  PangoLayout *right;     /* an amount or a date on the same line, right-aligned */
  double x;
  double space_before;
  gboolean keep;          /* never split across pages */
  gboolean rule;
  cairo_surface_t *image;
} Block;

typedef struct
{
  guint page;
  double y;               /* baseline */
  double x;
  PangoLayoutLine *line;
} Placed;

typedef struct
{
  cairo_t *cr;
  GArray *blocks;         /* Block */
  GArray *placed;         /* Placed */
  GArray *extras;         /* Block *, y, page: rules, images, right-hand texts */
  guint pages;
} Doc;

typedef struct
{
  const Block *block;
  guint page;
  double y;               /* top */
} Extra;

static PangoLayout *
layout (Doc        *doc,
        const char *text,
        double      size,
        gboolean    bold,
        PangoAlignment align,
        double      width)
{
  PangoLayout *l = pango_cairo_create_layout (doc->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (l, font);
  pango_layout_set_width (l, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (l, align == ALIGN_JUSTIFY ? PANGO_ALIGN_LEFT : align);
  pango_layout_set_justify (l, align == ALIGN_JUSTIFY);
  pango_layout_set_text (l, text ? text : "", -1);
  return l;
}

static Block *
add_text (Doc        *doc,
          const char *text,
          double      size,
          gboolean    bold,
          PangoAlignment align,
          double      space_before)
{
  Block b = { 0 };

  b.left = layout (doc, text, size, bold, align, TEXT_WIDTH);
  b.x = MARGIN_LEFT;
  b.space_before = space_before;
  g_array_append_val (doc->blocks, b);
  return &g_array_index (doc->blocks, Block, doc->blocks->len - 1);
}

/* Left text with a right-aligned companion on its first line (date, amount). */
static void
add_pair (Doc        *doc,
          const char *left,
          const char *right,
          double      size,
          double      right_width,
          double      space_before)
{
  Block b = { 0 };

  b.left = layout (doc, left, size, FALSE, PANGO_ALIGN_LEFT, TEXT_WIDTH - right_width - 6);
  b.right = layout (doc, right, size, FALSE, PANGO_ALIGN_RIGHT, right_width);
  b.x = MARGIN_LEFT;
  b.space_before = space_before;
  b.keep = TRUE;
  g_array_append_val (doc->blocks, b);
}

static double
line_height (PangoLayoutIter *iter,
             double          *baseline)
{
  PangoRectangle logical;

  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  *baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
  return (double) logical.height / PANGO_SCALE;
}

static double
block_height (const Block *b)
{
  int h = 0, rh = 0;

  if (b->rule)
    return 6;
  if (b->image)
    return 48;
  pango_layout_get_size (b->left, NULL, &h);
  if (b->right)
    pango_layout_get_size (b->right, NULL, &rh);
  return (double) MAX (h, rh) / PANGO_SCALE;
}

static double
content_top (guint page)
{
  /* From page 2 on, the page number stands above the text. */
  return page == 0 ? MARGIN_TOP : MARGIN_TOP + 24;
}

/* First pass: every line gets a page and a baseline. */
static void
paginate (Doc *doc)
{
  double bottom = PAGE_HEIGHT - MARGIN_BOTTOM;
  double y = content_top (0);
  guint page = 0;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *b = &g_array_index (doc->blocks, Block, i);
      PangoLayoutIter *iter;

      if (y > content_top (page))
        y += b->space_before;
      if ((b->keep || b->rule || b->image) && y + block_height (b) > bottom)
        {
          page++;
          y = content_top (page);
        }
      if (b->rule || b->image || b->right)
        {
          Extra e = { b, page, y };
          g_array_append_val (doc->extras, e);
        }
      if (b->rule || b->image)
        {
          y += block_height (b);
          continue;
        }

      iter = pango_layout_get_iter (b->left);
      do
        {
          double baseline, h = line_height (iter, &baseline);
          PangoRectangle logical;
          Placed p;

          if (y + h > bottom)
            {
              page++;
              y = content_top (page);
            }
          p.page = page;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          p.x = b->x + (double) logical.x / PANGO_SCALE;
          p.y = y + baseline;
          p.line = pango_layout_iter_get_line_readonly (iter);
          g_array_append_val (doc->placed, p);
          y += h;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      if (b->right)
        y = MAX (y, g_array_index (doc->extras, Extra, doc->extras->len - 1).y + block_height (b));
    }
  doc->pages = page + 1;
}

static void
draw_extra (Doc         *doc,
            const Extra *e)
{
  const Block *b = e->block;
  cairo_t *cr = doc->cr;

  if (b->rule)
    {
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, MARGIN_LEFT, e->y + 3);
      cairo_line_to (cr, PAGE_WIDTH - MARGIN_RIGHT, e->y + 3);
      cairo_stroke (cr);
    }
  else if (b->image)
    {
      double w = cairo_image_surface_get_width (b->image);
      double h = cairo_image_surface_get_height (b->image);
      double scale = 44.0 / MAX (h, 1);

      cairo_save (cr);
      cairo_translate (cr, MARGIN_LEFT + (TEXT_WIDTH - w * scale) / 2, e->y);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, b->image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  else if (b->right)
    {
      cairo_move_to (cr, PAGE_WIDTH - MARGIN_RIGHT
                     - (double) pango_layout_get_width (b->right) / PANGO_SCALE, e->y);
      pango_cairo_show_layout (cr, b->right);
    }
}

/* Second pass: draw page after page. */
static void
draw (Doc *doc)
{
  guint next_line = 0, next_extra = 0;

  for (guint page = 0; page < doc->pages; page++)
    {
      cairo_set_source_rgb (doc->cr, 0, 0, 0);
      if (page > 0)
        {
          g_autofree char *number = g_strdup_printf ("%u (%u)", page + 1, doc->pages);
          g_autoptr(PangoLayout) l = layout (doc, number, 10, FALSE, PANGO_ALIGN_CENTER,
                                             TEXT_WIDTH);

          cairo_move_to (doc->cr, MARGIN_LEFT, MARGIN_TOP);
          pango_cairo_show_layout (doc->cr, l);
        }
      for (; next_extra < doc->extras->len
             && g_array_index (doc->extras, Extra, next_extra).page == page; next_extra++)
        draw_extra (doc, &g_array_index (doc->extras, Extra, next_extra));
      for (; next_line < doc->placed->len
             && g_array_index (doc->placed, Placed, next_line).page == page; next_line++)
        {
          Placed *p = &g_array_index (doc->placed, Placed, next_line);

          cairo_move_to (doc->cr, p->x, p->y);
          pango_cairo_show_layout_line (doc->cr, p->line);
        }
      cairo_show_page (doc->cr);
    }
}

/* A table row: its cells at tab stops, the first column twice as wide. */
static void
add_row (Doc         *doc,
         GPtrArray   *cells,
         guint        first,
         guint        columns,
         gboolean     bold,
         double       space_before)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PangoTabArray *tabs = pango_tab_array_new (MAX (columns, 2) - 1, FALSE);
  double unit = TEXT_WIDTH / (columns + 1);
  Block *b;

  for (guint c = 0; c < columns; c++)
    {
      const char *cell = first + c < cells->len ? g_ptr_array_index (cells, first + c) : "";

      if (c > 0)
        {
          g_string_append_c (text, '\t');
          pango_tab_array_set_tab (tabs, c - 1, PANGO_TAB_LEFT, (int) (unit * (c + 1) * PANGO_SCALE));
        }
      /* A tab inside a cell would move what follows into the next column. */
      for (const char *p = cell ? cell : ""; *p; p++)
        g_string_append_c (text, *p == '\t' || *p == '\n' ? ' ' : *p);
    }
  b = add_text (doc, text->str, 11, bold, PANGO_ALIGN_LEFT, space_before);
  pango_layout_set_tabs (b->left, tabs);
  pango_layout_set_wrap (b->left, PANGO_WRAP_WORD_CHAR);
  b->keep = TRUE;
  pango_tab_array_free (tabs);
}

static void
add_part (Doc                 *doc,
          const GadLetterPart *part)
{
  if (part->heading && *part->heading)
    add_text (doc, part->heading, 12, TRUE, PANGO_ALIGN_LEFT, 10)->keep = TRUE;
  switch (part->kind)
    {
    case GAD_LETTER_PARAGRAPH:
      add_text (doc, part->text, 12, FALSE, part->justify ? ALIGN_JUSTIFY : PANGO_ALIGN_LEFT,
                part->heading && *part->heading ? 2 : 10);
      break;
    case GAD_LETTER_AMOUNTS:
      for (guint i = 0; i + 1 < part->cells->len; i += 2)
        add_pair (doc, g_ptr_array_index (part->cells, i), g_ptr_array_index (part->cells, i + 1),
                  11, AMOUNT_WIDTH, i == 0 ? 8 : 1);
      break;
    case GAD_LETTER_ROWS:
      for (guint i = 0; i + part->columns <= part->cells->len; i += part->columns)
        add_row (doc, part->cells, i, part->columns, i == 0, i == 0 ? 8 : 1);
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
    add_text (doc, l->mark, 9, FALSE, PANGO_ALIGN_RIGHT, 0);

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
  add_text (doc, l->institution, 14, TRUE, PANGO_ALIGN_CENTER, 6);
  if (l->letterhead && *l->letterhead)
    add_text (doc, l->letterhead, 9, FALSE, PANGO_ALIGN_CENTER, 2);
  {
    Block rule = { 0 };
    rule.rule = TRUE;
    rule.space_before = 4;
    g_array_append_val (doc->blocks, rule);
  }

  add_text (doc, l->type, 14, TRUE, PANGO_ALIGN_CENTER, 14);
  add_pair (doc, l->place, l->dated, 12, TEXT_WIDTH / 2, 10);

  if (l->addressee && *l->addressee)
    {
      b = add_text (doc, l->addressee, 12, FALSE, PANGO_ALIGN_LEFT, 14);
      pango_layout_set_width (b->left, (int) (TEXT_WIDTH / 2 * PANGO_SCALE));
      b->x = MARGIN_LEFT + TEXT_WIDTH / 2;
      b->keep = TRUE;
    }

  if (l->title && *l->title)
    add_text (doc, l->title, 12, TRUE, PANGO_ALIGN_LEFT, 16);
  for (guint i = 0; i < l->parts->len; i++)
    add_part (doc, g_ptr_array_index (l->parts, i));

  if (l->e_signed_note && *l->e_signed_note)
    {
      add_pair (doc, l->signer_position, l->signature, 12, TEXT_WIDTH / 2, 28);
      add_text (doc, l->e_signed_note, 10, TRUE, PANGO_ALIGN_CENTER, 24)->keep = TRUE;
    }
  else
    add_pair (doc, l->signer_position, l->signature, 12, TEXT_WIDTH / 2, 36);
  if (l->drafter && *l->drafter)
    add_text (doc, l->drafter, 9, FALSE, PANGO_ALIGN_LEFT, 24)->keep = TRUE;
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
  paginate (&doc);
  draw (&doc);

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
