/* gad-survey.h — client surveys: questionnaires, answers and their results
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GAD_SURVEY_ERROR (gad_survey_error_quark ())

typedef enum
{
  GAD_SURVEY_ERROR_QUESTIONNAIRE,  /* a question without text, choices or a code */
  GAD_SURVEY_ERROR_ANSWER,         /* an answer outside the question's choices or scale */
  GAD_SURVEY_ERROR_FILE,           /* an import's file: its columns or rows */
  GAD_SURVEY_ERROR_LANGUAGE,       /* a summary in a language it is not written in */
} GadSurveyError;

typedef enum
{
  GAD_QUESTION_SINGLE,    /* one of the choices */
  GAD_QUESTION_MULTIPLE,  /* any of the choices */
  GAD_QUESTION_SCALE,     /* 1 to 5 */
  GAD_QUESTION_NUMBER,
  GAD_QUESTION_TEXT,
} GadQuestionKind;

#define GAD_SURVEY_SCALE_MAX 5
#define GAD_SURVEY_MAX_CHOICES 32

typedef struct
{
  gint64 id;              /* 0 until saved */
  int version;            /* of the questionnaire it belongs to */
  char *code;             /* the same question in every version and run: "gender", "q7" */
  GadQuestionKind kind;
  char *text;
  GStrv choices;          /* single and multiple choice; NULL otherwise */
  gboolean respondent;    /* describes the respondent (gender, age group, parish …) */
} GadSurveyQuestion;

typedef struct
{
  gint64 id;              /* 0 until saved */
  gint64 series_id;       /* the questionnaire's first run; the survey's own id for it */
  char *title;
  char *period_from;      /* ISO 8601 */
  char *period_to;        /* or NULL while it runs */
  char *service_code;     /* the service it asks about, or NULL */
  gint64 group_entry_id;  /* the group it asks, or 0 */
  int version;            /* the questionnaire's, as read */
  GPtrArray *questions;   /* GadSurveyQuestion, in order: the version's */
  int n_responses;        /* read only */
} GadSurvey;

GQuark             gad_survey_error_quark    (void);
const char        *gad_question_kind_to_string (GadQuestionKind kind);
gboolean           gad_question_kind_from_string (const char *text,
                                              GadQuestionKind *kind);
const char        *gad_question_kind_label   (GadQuestionKind kind);
GadSurveyQuestion *gad_survey_question_new   (const char     *code,
                                              GadQuestionKind kind,
                                              const char     *text,
                                              const char     *choices,
                                              gboolean        respondent);
GadSurveyQuestion *gad_survey_question_copy  (const GadSurveyQuestion *question);
void               gad_survey_question_free  (GadSurveyQuestion *question);
gboolean           gad_survey_question_same  (const GadSurveyQuestion *a,
                                              const GadSurveyQuestion *b);
GadSurvey         *gad_survey_new            (const char     *title,
                                              const char     *period_from);
GadSurvey         *gad_survey_copy           (const GadSurvey *survey);
void               gad_survey_free           (GadSurvey      *survey);
gboolean           gad_survey_check          (const GadSurvey *survey,
                                              GError        **error);
int                gad_survey_find_question  (const GadSurvey *survey,
                                              const char     *code);
char              *gad_survey_question_name  (const GadSurvey *survey,
                                              guint           index);
char              *gad_survey_check_answer   (const GadSurvey *survey,
                                              guint           index,
                                              const char     *value,
                                              GError        **error);
GStrv              gad_survey_check_response (const GadSurvey *survey,
                                              const char *const *values,
                                              GError        **error);
char              *gad_survey_typed_answer   (const GadSurveyQuestion *question,
                                              const char     *typed);
gboolean           gad_survey_answer_is_whole (const GadSurveyQuestion *question,
                                              const char     *typed,
                                              const char     *kept);
char              *gad_survey_answer_meaning (const GadSurveyQuestion *question,
                                              const char     *kept);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadSurveyQuestion, gad_survey_question_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadSurvey, gad_survey_free)

/* Results: for each question of the survey's version, each answer's count
 * and percent in each series — everyone, the groups of a cross-tab, or the
 * runs compared. Answers to earlier versions count under the question of
 * the same code and the choice of the same text. */
typedef struct _GadSurveyTable GadSurveyTable;

typedef struct
{
  const GadSurveyQuestion *question; /* the survey's */
  GPtrArray *labels;      /* char *: the choices, 1–5, the numbers given; for text none */
  GArray *counts;         /* int: labels × series, a label's row after row */
  GArray *answered;       /* int a series: respondents who answered it */
  GArray *means;          /* double a series: scales and numbers; 0 when none answered */
  GPtrArray *texts;       /* char *: free text answers, as given */
} GadQuestionResult;

typedef struct
{
  int n_responses;
  int by;                 /* the cross-tab's question, or -1 */
  GPtrArray *series;      /* char *: "All", the groups, or the runs */
  GArray *series_responses; /* int a series: its respondents */
  GPtrArray *questions;   /* GadQuestionResult */
} GadSurveyResults;

GadSurveyTable   *gad_survey_table_new       (GadSurvey      *survey,
                                              guint           n_responses);
void              gad_survey_table_free      (GadSurveyTable *table);
const GadSurvey  *gad_survey_table_survey    (GadSurveyTable *table);
void              gad_survey_table_add       (GadSurveyTable *table,
                                              guint           response,
                                              const GadSurveyQuestion *asked,
                                              const char     *value);
GadSurveyResults *gad_survey_results_new     (GadSurveyTable *table,
                                              int             by,
                                              GError        **error);
GadSurveyResults *gad_survey_results_compare (GadSurveyTable *table,
                                              const char     *name,
                                              GadSurveyTable *earlier,
                                              const char     *earlier_name);
void              gad_survey_results_free    (GadSurveyResults *results);
int               gad_question_result_count  (const GadQuestionResult *result,
                                              guint           label,
                                              guint           series);
double            gad_question_result_percent (const GadQuestionResult *result,
                                              guint           label,
                                              guint           series);
GString          *gad_survey_results_csv     (const GadSurveyResults *results);
void              gad_survey_run_names       (const GadSurvey *survey,
                                              const GadSurvey *earlier,
                                              char          **name,
                                              char          **earlier_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadSurveyTable, gad_survey_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadSurveyResults, gad_survey_results_free)

/* Responses from a CSV file, such as an online form's export: a column a
 * question, named by its code, its number or its text; all rows good or
 * none taken, the bad ones named. Each response is a GStrv of the
 * survey's questions' answers, "" for none. */
GPtrArray        *gad_survey_read_csv        (const GadSurvey *survey,
                                              const char     *data,
                                              gsize           length,
                                              GStrv          *unused,
                                              GError        **error);

G_END_DECLS
