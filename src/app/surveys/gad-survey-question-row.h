/* gad-survey-question-row.h — one question of a questionnaire being written
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-survey.h"

G_BEGIN_DECLS

GtkWidget         *gad_survey_question_row_new       (const GadSurveyQuestion *question);
GadSurveyQuestion *gad_survey_question_row_read      (GtkListBoxRow           *row,
                                                      const char              *code);
void               gad_survey_question_rows_renumber (GtkListBox              *list);

G_END_DECLS
