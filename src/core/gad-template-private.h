/* gad-template-private.h — what gad-template.c and its filling share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-template.h"

G_BEGIN_DECLS

typedef struct
{
  char *heading;
  char *text;
  char *table;
  GStrv columns;     /* a table's headings; none: label and amount */
  gboolean justify;
  gboolean omit;
} GadTemplatePart;

/* The requisites' texts, in the order the keys are read and checked. */
enum { T_MARK, T_LETTERHEAD, T_TYPE, T_NUMBER, T_PLACE, T_DATED, T_ADDRESSEE, T_TITLE,
       T_POSITION, T_SIGNED, T_E_SIGNED, T_E_SIGNED_NOTE, T_DRAFTER, N_TEXTS };
/* Lines of these are left out when a field has no value; the rest refuse. */
#define OMITTED ((1u << T_LETTERHEAD) | (1u << T_DRAFTER))

struct _GadTemplate
{
  GadDocumentKind kind;
  char *language;
  char *json;
  gint64 version;
  char *texts[N_TEXTS];
  GPtrArray *parts;
};

typedef struct
{
  const GadTemplate *template;
  GadFields *values;       /* NULL while checking the template */
  GHashTable *required;    /* the required fields found, while checking */
  const char *where;
  gboolean omit;
} GadTemplateScan;

gboolean gad_template_invalid (GError               **error,
                               const char            *where,
                               const char            *what);
gboolean gad_template_scan    (GadTemplateScan       *s,
                               const char            *text,
                               char                 **out,
                               GError               **error);

G_END_DECLS
