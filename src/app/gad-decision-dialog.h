/* gad-decision-dialog.h — draft and issue a decision on an application
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_DECISION_DIALOG (gad_decision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadDecisionDialog, gad_decision_dialog, GAD, DECISION_DIALOG, AdwWindow)

GadDecisionDialog *gad_decision_dialog_new (GtkWindow        *parent,
                                            GadContext       *context,
                                            const GadRequest *request,
                                            gint64            supersedes_id);

G_END_DECLS
