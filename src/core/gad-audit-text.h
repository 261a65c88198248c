/* gad-audit-text.h — what the audit log's rows say, as people read them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gad-records.h"

G_BEGIN_DECLS

const char *gad_audit_field_label (const char          *field);
char       *gad_audit_value       (const char          *field,
                                   const char          *value);
const char *gad_audit_describe    (const GadAuditEntry *e);

G_END_DECLS
