/* gad-letter.h — an official document (a decision, a certificate, a contract) as an A4 PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GAD_LETTER_ERROR (gad_letter_error_quark ())

typedef enum
{
  GAD_LETTER_ERROR_RENDER,
} GadLetterError;

/* A part of the text: a paragraph under an optional heading, or a table. */
typedef enum
{
  GAD_LETTER_PARAGRAPH,
  GAD_LETTER_AMOUNTS,      /* label and amount a row, the amounts aligned right */
  GAD_LETTER_ROWS,         /* columns at tab stops, the first row the header */
} GadLetterPartKind;

typedef struct
{
  GadLetterPartKind kind;
  char *heading;           /* or NULL */
  char *text;              /* a paragraph's */
  gboolean justify;
  GPtrArray *cells;        /* a table's, row after row */
  guint columns;
} GadLetterPart;

/* Every requisite of an official document (domain.md, "Document
 * requisites"), already in the document's language: the template filled. */
typedef struct
{
  char *title_meta;        /* the PDF's title */
  char *mark;              /* the restricted-access mark */
  char *institution;
  char *letterhead;        /* registration number and contacts under the name */
  char *coat_of_arms;      /* a PNG file, or NULL */
  char *type;              /* "LĒMUMS", "IZZIŅA" */
  char *place;
  char *date;              /* ISO 8601: the signing date */
  char *dated;             /* the date and number as printed */
  char *addressee;         /* or NULL */
  char *title;             /* "Par …" */
  GPtrArray *parts;        /* of GadLetterPart */
  char *signer_position;
  char *signature;         /* the name as signed */
  char *e_signed_note;     /* or NULL when signed by hand */
  char *drafter;
} GadLetter;

GQuark     gad_letter_error_quark (void);
GadLetter *gad_letter_new         (void);
void       gad_letter_free        (GadLetter        *letter);
GadLetterPart *gad_letter_add_paragraph (GadLetter  *letter,
                                     const char *heading,
                                     const char *text,
                                     gboolean    justify);
GadLetterPart *gad_letter_add_table (GadLetter        *letter,
                                     GadLetterPartKind kind,
                                     guint             columns);
GBytes    *gad_letter_render      (const GadLetter  *letter,
                                   guint            *n_pages,
                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadLetter, gad_letter_free)

G_END_DECLS
