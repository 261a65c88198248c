/* gad-my-work-window.h — the co-operation duties due, across a worker's clients
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_MY_WORK_WINDOW (gad_my_work_window_get_type ())
G_DECLARE_FINAL_TYPE (GadMyWorkWindow, gad_my_work_window, GAD, MY_WORK_WINDOW, AdwWindow)

GadMyWorkWindow *gad_my_work_window_new (GtkWindow  *parent,
                                        GadContext *context);

G_END_DECLS
