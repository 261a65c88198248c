/* gad-drill-window.h — the persons and payments behind a bar of a chart
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GAD_TYPE_DRILL_WINDOW (gad_drill_window_get_type ())
G_DECLARE_FINAL_TYPE (GadDrillWindow, gad_drill_window, GAD, DRILL_WINDOW, AdwWindow)

GadDrillWindow *gad_drill_window_new (GtkWindow  *parent,
                                      const char *title,
                                      GPtrArray  *rows);

G_END_DECLS
