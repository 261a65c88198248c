/* gad-approvals-window.h — the heads' list of decisions waiting for approval
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_APPROVALS_WINDOW (gad_approvals_window_get_type ())
G_DECLARE_FINAL_TYPE (GadApprovalsWindow, gad_approvals_window, GAD, APPROVALS_WINDOW, AdwWindow)

GadApprovalsWindow *gad_approvals_window_new (GtkWindow  *parent,
                                              GadContext *context);

G_END_DECLS
