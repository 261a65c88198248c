/* gad-group-session-dialog.h — one session of a group: its plan and who came
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_GROUP_SESSION_DIALOG (gad_group_session_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadGroupSessionDialog, gad_group_session_dialog, GAD, GROUP_SESSION_DIALOG,
                      AdwWindow)

GadGroupSessionDialog *gad_group_session_dialog_new (GtkWindow             *parent,
                                                     GadContext            *context,
                                                     const GadGroup        *group,
                                                     const GadGroupSession *session);

G_END_DECLS
