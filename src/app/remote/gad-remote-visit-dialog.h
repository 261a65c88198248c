/* gad-remote-visit-dialog.h — a visit to a remote farmstead: outcome and risks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"
#include "gad-remote.h"

G_BEGIN_DECLS

#define GAD_TYPE_REMOTE_VISIT_DIALOG (gad_remote_visit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadRemoteVisitDialog, gad_remote_visit_dialog, GAD, REMOTE_VISIT_DIALOG,
                      AdwWindow)

GadRemoteVisitDialog *gad_remote_visit_dialog_new (GtkWindow             *parent,
                                                   GadContext            *context,
                                                   const GadRemotePerson *person);

G_END_DECLS
