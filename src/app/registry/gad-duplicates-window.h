/* gad-duplicates-window.h — persons who look registered twice
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_DUPLICATES_WINDOW (gad_duplicates_window_get_type ())
G_DECLARE_FINAL_TYPE (GadDuplicatesWindow, gad_duplicates_window, GAD, DUPLICATES_WINDOW, AdwWindow)

GadDuplicatesWindow *gad_duplicates_window_new (GtkWindow  *parent,
                                                GadContext *context);

G_END_DECLS
