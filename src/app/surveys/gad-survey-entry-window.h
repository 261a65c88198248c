/* gad-survey-entry-window.h — paper questionnaires typed in from the keyboard
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_SURVEY_ENTRY_WINDOW (gad_survey_entry_window_get_type ())
G_DECLARE_FINAL_TYPE (GadSurveyEntryWindow, gad_survey_entry_window, GAD, SURVEY_ENTRY_WINDOW,
                      AdwWindow)

GadSurveyEntryWindow *gad_survey_entry_window_new (GtkWindow  *parent,
                                                   GadContext *context,
                                                   gint64      survey_id);

G_END_DECLS
