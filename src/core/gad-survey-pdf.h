/* gad-survey-pdf.h — a survey's results as charts and a PDF summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-chart.h"
#include "gad-survey.h"

G_BEGIN_DECLS

GadChartData *gad_question_result_chart (const GadSurveyResults *results,
                                         guint                   question,
                                         const char             *language);
char         *gad_survey_format_percent (double                  percent,
                                         const char             *language);
char         *gad_survey_format_mean    (double                  mean,
                                         const char             *language);
GBytes       *gad_survey_pdf            (const GadSurvey        *survey,
                                         const GadSurveyResults *results,
                                         const char             *comparison,
                                         const char             *lang,
                                         guint                  *n_pages,
                                         GError                **error);

G_END_DECLS
