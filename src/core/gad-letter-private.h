/* gad-letter-private.h — the A4 page a document is laid out on, and its
 * blocks, shared by gad-letter.c (what the blocks hold) and
 * gad-letter-layout.c (where they go)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "gad-letter.h"

G_BEGIN_DECLS

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

Block *gad_letter_doc_text     (Doc            *doc,
                                const char     *text,
                                double          size,
                                gboolean        bold,
                                PangoAlignment  align,
                                double          space_before);
void   gad_letter_doc_pair     (Doc            *doc,
                                const char     *left,
                                const char     *right,
                                double          size,
                                double          right_width,
                                double          space_before);
void   gad_letter_doc_row      (Doc            *doc,
                                GPtrArray      *cells,
                                guint           first,
                                guint           columns,
                                gboolean        bold,
                                double          space_before);
void   gad_letter_doc_paginate (Doc            *doc);
void   gad_letter_doc_draw     (Doc            *doc);

G_END_DECLS
