/* gad-survey-editor.h — a survey's questionnaire written and changed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_SURVEY_EDITOR (gad_survey_editor_get_type ())
G_DECLARE_FINAL_TYPE (GadSurveyEditor, gad_survey_editor, GAD, SURVEY_EDITOR, AdwWindow)

GadSurveyEditor *gad_survey_editor_new (GtkWindow  *parent,
                                        GadContext *context,
                                        gint64      survey_id,
                                        gint64      again_id);

G_END_DECLS
