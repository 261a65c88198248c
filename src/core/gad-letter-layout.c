/* gad-letter-layout.c — where a document's blocks go on A4 pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A first pass places every line on a page; the second draws the pages, so
 * page numbers "2 (3)" know the total. A block marked keep is never split
 * across pages; a rule or a picture neither.
 */
#define G_LOG_DOMAIN "gad-letter"

#include "config.h"

#include <pango/pangocairo.h>

#include "gad-letter-private.h"

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

Block *
gad_letter_doc_text (Doc        *doc,
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
void
gad_letter_doc_pair (Doc        *doc,
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
void
gad_letter_doc_paginate (Doc *doc)
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
void
gad_letter_doc_draw (Doc *doc)
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
void
gad_letter_doc_row (Doc         *doc,
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
  b = gad_letter_doc_text (doc, text->str, 11, bold, PANGO_ALIGN_LEFT, space_before);
  pango_layout_set_tabs (b->left, tabs);
  pango_layout_set_wrap (b->left, PANGO_WRAP_WORD_CHAR);
  b->keep = TRUE;
  pango_tab_array_free (tabs);
}

