/* gad-survey-card.h — one question's results on screen
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-survey.h"

G_BEGIN_DECLS

GtkWidget *gad_survey_card_new (const GadSurveyResults *results,
                                guint                   question);

G_END_DECLS
