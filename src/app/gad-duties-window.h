/* gad-duties-window.h — the co-operation duties due, across a worker's clients
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_DUTIES_WINDOW (gad_duties_window_get_type ())
G_DECLARE_FINAL_TYPE (GadDutiesWindow, gad_duties_window, GAD, DUTIES_WINDOW, AdwWindow)

GadDutiesWindow *gad_duties_window_new (GtkWindow  *parent,
                                        GadContext *context);

G_END_DECLS
