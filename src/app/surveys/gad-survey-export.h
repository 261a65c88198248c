/* gad-survey-export.h — a survey's results as a PDF summary or a CSV file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"
#include "gad-survey.h"

G_BEGIN_DECLS

void gad_survey_export_summary (GtkWidget              *widget,
                                GadContext             *context,
                                gint64                  survey_id,
                                int                     by,
                                gint64                  earlier_id);
void gad_survey_export_csv     (GtkWidget              *widget,
                                const GadSurveyResults *results);

G_END_DECLS
