/* gad-strategy.h — the strategy's action plan: tasks, result indicators, progress
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GAD_STRATEGY_ERROR (gad_strategy_error_quark ())

typedef enum
{
  GAD_STRATEGY_ERROR_INVALID,
} GadStrategyError;

typedef enum
{
  GAD_TASK_NOT_MEASURED,  /* no indicator has both a target and a value for the year */
  GAD_TASK_ON_TRACK,      /* every indicator measured meets its target */
  GAD_TASK_BEHIND,        /* an indicator measured misses its target */
  GAD_TASK_DONE,          /* the head says so, or its last year met every target */
} GadTaskStatus;

/* A result indicator, with the year's target and value. */
typedef struct
{
  gint64 id;              /* 0 until saved */
  char *text;
  char *source;           /* "manual", or one of gad_strategy_sources () */
  gint64 survey_id;       /* "survey-mean": a run of the questionnaire */
  char *question_code;    /* "survey-mean": the scale question */
  gboolean lower_is_better;
  gboolean has_target;
  double target;
  gboolean has_value;     /* computed, or entered for a manual one */
  double value;
  char *note;             /* the hand-entered value's note */
} GadIndicator;

typedef struct
{
  gint64 id;              /* 0 until saved */
  char *code;             /* "1.1.2" */
  char *aim;              /* the strategic aim it serves */
  char *text;
  char *responsible;
  int year_from;
  int year_to;
  GPtrArray *indicators;  /* GadIndicator */
  gboolean done;          /* the head's word for the year */
  char *comment;          /* … and their comment */
} GadStrategyTask;

GQuark             gad_strategy_error_quark   (void);
const char *const *gad_strategy_sources       (void);
const char        *gad_strategy_source_label  (const char            *source);
const char        *gad_strategy_source_table  (const char            *source);
GadIndicator      *gad_indicator_new          (const char            *text,
                                               const char            *source);
void               gad_indicator_free         (GadIndicator          *indicator);
gboolean           gad_indicator_met          (const GadIndicator    *indicator);
GadStrategyTask   *gad_strategy_task_new      (const char            *code,
                                               const char            *aim,
                                               const char            *text,
                                               int                    year_from,
                                               int                    year_to);
GadStrategyTask   *gad_strategy_task_copy     (const GadStrategyTask *task);
void               gad_strategy_task_free     (GadStrategyTask       *task);
gboolean           gad_strategy_task_check    (const GadStrategyTask *task,
                                               GError               **error);
GadTaskStatus      gad_strategy_task_status   (const GadStrategyTask *task,
                                               int                    year);
const char        *gad_task_status_label      (GadTaskStatus          status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadIndicator, gad_indicator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadStrategyTask, gad_strategy_task_free)

G_END_DECLS
