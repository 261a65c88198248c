/* gad-survey-results-view.h — a survey's results: a chart and a table a question
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"
#include "gad-survey.h"

G_BEGIN_DECLS

#define GAD_TYPE_SURVEY_RESULTS_VIEW (gad_survey_results_view_get_type ())
G_DECLARE_FINAL_TYPE (GadSurveyResultsView, gad_survey_results_view, GAD, SURVEY_RESULTS_VIEW,
                      GtkBox)

void gad_survey_results_view_show (GadSurveyResultsView *self,
                                   GadContext           *context,
                                   const GadSurvey      *survey,
                                   GPtrArray            *surveys);

G_END_DECLS
