/* gad-surveys-window.h — client surveys: the list, and the one chosen
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_SURVEYS_WINDOW (gad_surveys_window_get_type ())
G_DECLARE_FINAL_TYPE (GadSurveysWindow, gad_surveys_window, GAD, SURVEYS_WINDOW, AdwWindow)

GadSurveysWindow *gad_surveys_window_new (GtkWindow  *parent,
                                          GadContext *context);

G_END_DECLS
