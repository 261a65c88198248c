/* gad-document.h — certificates, contracts, referrals and co-operation
 * agreements, issued from the municipality's templates
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-store.h"
#include "gad-template.h"

G_BEGIN_DECLS

#define GAD_DOCUMENT_ERROR (gad_document_error_quark ())

typedef enum
{
  GAD_DOCUMENT_ERROR_LAPSED,    /* the status a certificate would state has ended, or not begun */
  GAD_DOCUMENT_ERROR_INVALID,
} GadDocumentError;

typedef struct
{
  GadDocumentKind kind;         /* any but GAD_DOCUMENT_DECISION */
  gint64 person_id;
  gint64 plan_id;               /* a contract's service plan */
  const char *referral_to;      /* a referral's institution or service */
  const char *referral_reason;
  const char *issued_on;        /* NULL: today */
} GadDocumentDraft;

GQuark     gad_document_error_quark (void);
GadFields *gad_document_fields_new  (GadStore               *store,
                                     GadPerson              *person,
                                     const char             *issued_on,
                                     const char             *number);
gint64     gad_document_issue       (GadStore               *store,
                                     const GadDocumentDraft *draft,
                                     GError                **error);

typedef void (*GadDocumentProgress) (guint    done,
                                     guint    total,
                                     gpointer data);

GArray    *gad_document_certificates_due (GadStore           *store,
                                     const char             *from,
                                     const char             *to,
                                     GCancellable           *cancellable,
                                     GadDocumentProgress     progress,
                                     gpointer                data,
                                     GPtrArray             **skipped,
                                     GError                **error);

G_END_DECLS
