/* gad-survey-private.h — a survey's table of answers, inside the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-survey.h"

G_BEGIN_DECLS

typedef struct
{
  guint32 mask;           /* labels given: bit i is label i */
  double number;
  const char *text;
} GadSurveyCell;

typedef struct
{
  int index;              /* the survey's question, or -1 */
  guint8 label[GAD_SURVEY_MAX_CHOICES]; /* a choice's label; 0xff: over the limit */
} GadSurveyAsked;

struct _GadSurveyTable
{
  GadSurvey *survey;
  guint n_rows;
  GadSurveyCell *cells;            /* n_rows × questions */
  GPtrArray *labels;      /* GPtrArray of char * a question */
  GHashTable *asked;      /* GadSurveyQuestion * → GadSurveyAsked * */
  GStringChunk *texts;
};

guint8            gad_survey_table_label (GadSurveyTable *table,
                                          guint           question,
                                          const char     *text);
GadSurveyResults *gad_survey_table_count (GadSurveyTable *table,
                                          const guint32  *row_series,
                                          GPtrArray      *series,
                                          int             by);

G_END_DECLS
