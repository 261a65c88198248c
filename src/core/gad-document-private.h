/* gad-document-private.h — what issuing a document and its kinds share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-document.h"

G_BEGIN_DECLS

gboolean gad_document_kind_fields (GadStore                *store,
                                   const GadDocumentDraft  *draft,
                                   const char              *issued_on,
                                   gboolean                 lv,
                                   GadFields               *f,
                                   GadIssuedDocument       *record,
                                   GError                 **error);

G_END_DECLS
