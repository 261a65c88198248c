/* gad-letter.c — an official decision letter as an A4 PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The letter is a column of blocks (letterhead, title, paragraphs, a table
 * of amounts, the appeal clause, the signature) laid out with pango. A first
 * pass places every line on a page; the second draws the pages, so page
 * numbers "2 (3)" know the total. The PDF's creation date is the letter's
 * own date, so the same letter renders to the same bytes.
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

GadLetter *
gad_letter_new (void)
{
  GadLetter *letter = g_new0 (GadLetter, 1);

  letter->sections = g_ptr_array_new_with_free_func (g_free);
  letter->amounts = g_ptr_array_new_with_free_func (g_free);
  return letter;
}

void
gad_letter_free (GadLetter *l)
{
  if (l == NULL)
    return;
  g_free (l->institution);
  g_free (l->reg_no);
  g_free (l->address);
  g_free (l->phone);
  g_free (l->email);
  g_free (l->e_address);
  g_free (l->coat_of_arms);
  g_free (l->place);
  g_free (l->date);
  g_free (l->number);
  g_free (l->addressee_name);
  g_free (l->addressee_address);
  g_free (l->title);
  g_free (l->reference);
  g_ptr_array_unref (l->sections);
  g_ptr_array_unref (l->amounts);
  g_free (l->decision);
  g_free (l->appeal);
  g_free (l->annex);
  g_free (l->signer_position);
  g_free (l->signer_name);
  g_free (l->drafter);
  g_free (l);
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

static void
build (Doc             *doc,
       const GadLetter *l)
{
  g_autofree char *date = gad_text_format_date (l->date);
  g_autofree char *contacts = NULL;
  g_autofree char *place_date = NULL;
  g_autoptr(GString) addressee = g_string_new (l->addressee_name);
  Block *b;

  /* Client data is restricted: the mark stands first, on the right. */
  add_text (doc, "Ierobežotas pieejamības informācija", 9, FALSE, PANGO_ALIGN_RIGHT, 0);

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
  contacts = g_strdup_printf ("Reģ. Nr. %s, %s\ntālr. %s, e-pasts %s, e-adrese: %s", l->reg_no,
                              l->address, l->phone, l->email, l->e_address);
  add_text (doc, contacts, 9, FALSE, PANGO_ALIGN_CENTER, 2);
  {
    Block rule = { 0 };
    rule.rule = TRUE;
    rule.space_before = 4;
    g_array_append_val (doc->blocks, rule);
  }

  add_text (doc, "LĒMUMS", 14, TRUE, PANGO_ALIGN_CENTER, 14);
  place_date = g_strdup_printf ("%s. Nr. %s", date, l->number);
  add_pair (doc, l->place, place_date, 12, TEXT_WIDTH / 2, 10);

  if (l->addressee_address && *l->addressee_address)
    g_string_append_printf (addressee, "\n%s", l->addressee_address);
  b = add_text (doc, addressee->str, 12, FALSE, PANGO_ALIGN_LEFT, 14);
  pango_layout_set_width (b->left, (int) (TEXT_WIDTH / 2 * PANGO_SCALE));
  b->x = MARGIN_LEFT + TEXT_WIDTH / 2;
  b->keep = TRUE;

  add_text (doc, l->title, 12, TRUE, PANGO_ALIGN_LEFT, 16);
  add_text (doc, l->reference, 12, FALSE, PANGO_ALIGN_LEFT, 10);

  for (guint i = 0; i + 1 < l->sections->len; i += 2)
    {
      const char *heading = g_ptr_array_index (l->sections, i);
      const char *text = g_ptr_array_index (l->sections, i + 1);

      if (text == NULL || *text == '\0')
        continue;
      add_text (doc, heading, 12, TRUE, PANGO_ALIGN_LEFT, 10)->keep = TRUE;
      add_text (doc, text, 12, FALSE, ALIGN_JUSTIFY, 2);
    }

  for (guint i = 0; i + 1 < l->amounts->len; i += 2)
    add_pair (doc, g_ptr_array_index (l->amounts, i), g_ptr_array_index (l->amounts, i + 1), 11,
              AMOUNT_WIDTH, i == 0 ? 8 : 1);

  add_text (doc, "Nolemj:", 12, TRUE, PANGO_ALIGN_LEFT, 12)->keep = TRUE;
  add_text (doc, l->decision, 12, FALSE, ALIGN_JUSTIFY, 2);
  add_text (doc, l->appeal, 12, FALSE, ALIGN_JUSTIFY, 12);
  if (l->annex && *l->annex)
    add_text (doc, l->annex, 12, FALSE, PANGO_ALIGN_LEFT, 10);

  if (l->e_signed)
    {
      add_pair (doc, l->signer_position, l->signer_name, 12, TEXT_WIDTH / 2, 28);
      add_text (doc, "DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU UN SATUR LAIKA "
                "ZĪMOGU", 10, TRUE, PANGO_ALIGN_CENTER, 24)->keep = TRUE;
    }
  else
    {
      g_autofree char *signature = g_strdup_printf ("(paraksts) %s", l->signer_name);
      add_pair (doc, l->signer_position, signature, 12, TEXT_WIDTH / 2, 36);
    }
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
  g_autofree char *title = g_strdup_printf ("Lēmums Nr. %s", letter->number);
  cairo_surface_t *surface;
  cairo_status_t status;
  Doc doc = { 0 };

  g_return_val_if_fail (letter != NULL && letter->date != NULL, NULL);

  surface = gad_pdf_surface_new (bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, letter->institution);
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
                   _("The letter could not be written: %s"), cairo_status_to_string (status));
      return NULL;
    }
  if (n_pages)
    *n_pages = doc.pages;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
