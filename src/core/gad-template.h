/* gad-template.h — the municipality's texts of its official documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-letter.h"

G_BEGIN_DECLS

#define GAD_TEMPLATE_ERROR (gad_template_error_quark ())

typedef enum
{
  GAD_TEMPLATE_ERROR_INVALID,       /* the template itself: refused, the old one stays */
  GAD_TEMPLATE_ERROR_MISSING,       /* a field it requires has no value for this client */
} GadTemplateError;

/* The kinds of document, each with its own template. */
typedef enum
{
  GAD_DOCUMENT_DECISION,
  GAD_DOCUMENT_CERTIFICATE,
  GAD_DOCUMENT_CONTRACT,
  GAD_DOCUMENT_REFERRAL,
  GAD_DOCUMENT_AGREEMENT,
  GAD_N_DOCUMENT_KINDS
} GadDocumentKind;

const char *gad_document_kind_code  (GadDocumentKind kind);
gboolean    gad_document_kind_parse (const char     *code,
                                     GadDocumentKind *kind);
const char *gad_document_kind_name  (GadDocumentKind kind);

/* A field a template may name: "{person.name}", or a table's name. */
typedef struct
{
  const char *name;
  const char *label;         /* translated with _() where shown */
  guint kinds;               /* 1 << GadDocumentKind: where it may stand */
  guint required;            /* 1 << GadDocumentKind: where it must */
  guint columns;             /* a table's; 0 for a text field */
  const char *sample_lv;     /* the preview's */
  const char *sample_en;
} GadTemplateField;

const GadTemplateField *gad_template_fields      (guint           *n_fields);
const GadTemplateField *gad_template_find_field  (const char      *name);

/* What a document is filled with: a text or a table (cells row after row)
 * by field name. No value and "" are the same: the field has none. */
typedef struct
{
  GHashTable *texts;
  GHashTable *tables;
  char *date;              /* the document's, ISO 8601 */
  char *coat_of_arms;      /* a PNG file, or NULL */
  gboolean e_signed;
} GadFields;

GadFields  *gad_fields_new        (void);
void        gad_fields_free       (GadFields  *fields);
void        gad_fields_set        (GadFields  *fields,
                                   const char *name,
                                   const char *value);
void        gad_fields_take       (GadFields  *fields,
                                   const char *name,
                                   char       *value);
void        gad_fields_set_date   (GadFields  *fields,
                                   const char *name,
                                   const char *iso);
const char *gad_fields_get        (GadFields  *fields,
                                   const char *name);
GPtrArray  *gad_fields_table      (GadFields  *fields,
                                   const char *name);
GadFields  *gad_fields_sample     (GadDocumentKind kind,
                                   const char *language);

typedef struct _GadTemplate GadTemplate;

GQuark       gad_template_error_quark (void);
GadTemplate *gad_template_parse       (const char      *json,
                                       GError         **error);
GadTemplate *gad_template_default     (GadDocumentKind  kind,
                                       const char      *language);
char        *gad_template_default_json (GadDocumentKind kind,
                                       const char      *language);
void         gad_template_free        (GadTemplate     *self);
GadDocumentKind gad_template_kind     (const GadTemplate *self);
const char  *gad_template_language    (const GadTemplate *self);
const char  *gad_template_json        (const GadTemplate *self);
gint64       gad_template_version     (const GadTemplate *self);
void         gad_template_set_version (GadTemplate     *self,
                                       gint64           version);
char        *gad_template_number      (const GadTemplate *self,
                                       int              year,
                                       int              seq);
const char  *gad_template_caption     (const char      *key);
const char *const *gad_template_keys  (void);
GadLetter   *gad_template_fill        (const GadTemplate *self,
                                       GadFields       *fields,
                                       GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadFields, gad_fields_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadTemplate, gad_template_free)

G_END_DECLS
