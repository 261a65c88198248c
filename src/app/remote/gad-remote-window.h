/* gad-remote-window.h — lone pensioners on remote farmsteads: the register
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_REMOTE_WINDOW (gad_remote_window_get_type ())
G_DECLARE_FINAL_TYPE (GadRemoteWindow, gad_remote_window, GAD, REMOTE_WINDOW, AdwWindow)

GadRemoteWindow *gad_remote_window_new (GtkWindow  *parent,
                                        GadContext *context);

G_END_DECLS
