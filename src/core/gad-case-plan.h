/* gad-case-plan.h — a case's needs assessment and social rehabilitation plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A finding of the needs assessment in one area. */
typedef struct
{
  char *area;           /* GAD_CATALOG_NEED_AREA code */
  char *finding;
} GadNeed;

/* What someone does towards a goal, by a day. A client's task is a
 * co-operation duty (līdzdarbības pienākums). */
typedef struct
{
  gint64 id;            /* read only */
  char *text;
  char *doer;           /* GAD_CATALOG_TASK_DOER code: client, worker, institution */
  char *institution;    /* the institution's name, for its tasks */
  char *due_on;         /* ISO 8601 */
  char *status;         /* "open", "fulfilled", "failed" */
  char *recorded_on;    /* ISO 8601, NULL while open */
} GadPlanTask;

typedef struct
{
  char *text;
  GPtrArray *tasks;     /* of GadPlanTask */
} GadPlanGoal;

typedef struct
{
  gint64 id;            /* 0: not saved yet */
  gint64 case_id;
  gint64 person_id;     /* read only */
  char *assessed_on;    /* ISO 8601: the needs assessment's day */
  char *review_on;      /* ISO 8601: when the plan is reviewed */
  char *author;         /* read only: who last wrote it */
  char *written_at;     /* read only: ISO 8601 UTC */
  gint64 version;       /* as read; a save over a newer one is refused */
  GPtrArray *needs;     /* of GadNeed, in the catalogue's order */
  GPtrArray *goals;     /* of GadPlanGoal */
} GadCasePlan;

/* A worker's plan task or a plan's review, due by a day (My Work). */
typedef struct
{
  gint64 case_id;
  gint64 person_id;
  char *person;         /* "Surname First" */
  char *due_on;         /* ISO 8601 */
  char *task;           /* the task; NULL for the plan's review */
  char *institution;    /* the institution doing it, or "" for the worker's own */
} GadPlanDue;

GadCasePlan *gad_case_plan_new      (void);
GadPlanGoal *gad_plan_goal_new      (const char *text);
GadPlanTask *gad_plan_task_new      (const char *text,
                                     const char *doer,
                                     const char *institution,
                                     const char *due_on);
void         gad_need_free          (GadNeed     *n);
void         gad_plan_task_free     (GadPlanTask *t);
void         gad_plan_goal_free     (GadPlanGoal *g);
void         gad_case_plan_free     (GadCasePlan *p);
void         gad_plan_due_free      (GadPlanDue  *d);
void         gad_case_plan_add_need (GadCasePlan *p,
                                     const char  *area,
                                     const char  *finding);
gboolean     gad_case_plan_check    (const GadCasePlan  *p,
                                     GError            **error);
char        *gad_case_plan_needs_text (const GadCasePlan *p);
char        *gad_case_plan_goals_text (const GadCasePlan *p);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadCasePlan, gad_case_plan_free)

G_END_DECLS
