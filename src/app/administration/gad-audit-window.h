/* gad-audit-window.h — the service's audit log, filtered, to CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_AUDIT_WINDOW (gad_audit_window_get_type ())
G_DECLARE_FINAL_TYPE (GadAuditWindow, gad_audit_window, GAD, AUDIT_WINDOW, AdwWindow)

GadAuditWindow *gad_audit_window_new        (GtkWindow      *parent,
                                             GadContext     *context);
void            gad_audit_window_set_client (GadAuditWindow *self,
                                             gint64          person_id,
                                             const char     *name);

G_END_DECLS
