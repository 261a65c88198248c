/* gad-letter.h — an official decision letter as an A4 PDF
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

/* Every requisite of an official letter (domain.md, "Document requisites").
 * The text is Latvian, whatever the UI language. */
typedef struct
{
  char *institution;
  char *reg_no;
  char *address;
  char *phone;
  char *email;
  char *e_address;
  char *coat_of_arms;      /* a PNG file, or NULL */
  char *place;
  char *date;              /* ISO 8601: the signing date */
  char *number;
  char *addressee_name;
  char *addressee_address;
  char *title;             /* "Par …" */
  char *reference;         /* the application it answers */
  GPtrArray *sections;     /* heading, text, heading, text, … */
  GPtrArray *amounts;      /* label, amount, …: a table that aligns */
  char *decision;          /* "Nolemj" text */
  char *appeal;
  char *annex;             /* or NULL */
  gboolean e_signed;
  char *signer_position;
  char *signer_name;
  char *drafter;
} GadLetter;

GQuark     gad_letter_error_quark (void);
GadLetter *gad_letter_new         (void);
void       gad_letter_free        (GadLetter        *letter);
GBytes    *gad_letter_render      (const GadLetter  *letter,
                                   guint            *n_pages,
                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadLetter, gad_letter_free)

G_END_DECLS
