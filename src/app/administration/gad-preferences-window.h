/* gad-preferences-window.h — Preferences
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_PREFERENCES_WINDOW (gad_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (GadPreferencesWindow, gad_preferences_window, GAD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GadPreferencesWindow *gad_preferences_window_new (GtkWindow  *parent,
                                                  GadContext *context);

G_END_DECLS
