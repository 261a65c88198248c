/* gad-decision-dialog.h — draft and issue a decision on an application
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_DECISION_DIALOG (gad_decision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadDecisionDialog, gad_decision_dialog, GAD, DECISION_DIALOG, AdwWindow)

void               gad_decision_dialog_new_async  (GtkWindow           *parent,
                                                   GadContext          *context,
                                                   gint64               request_id,
                                                   gint64               supersedes_id,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GadDecisionDialog *gad_decision_dialog_new_finish (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
