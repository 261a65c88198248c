/* gad-group.h — group work: a group's kind, whom it is for, its programme, who came
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-survey.h"

G_BEGIN_DECLS

#define GAD_GROUP_ERROR (gad_group_error_quark ())

typedef enum
{
  GAD_GROUP_ERROR_INVALID,
} GadGroupError;

/* The age groups of gad_catalog_entries (GAD_CATALOG_AGE_GROUP), in order. */
#define GAD_GROUP_AGE_GROUPS 5
/* Nobody counts more than this many others of one gender and age group. */
#define GAD_GROUP_MAX_OTHERS 999

/* One session of a group: a day of its schedule entry, with the plan for it. */
typedef struct
{
  char *date;             /* the session's day as the schedule has it (ISO) */
  char *topic;
  char *plan;
  int others_present;     /* those not on the client list who came; -1: not counted */
  int clients_present;    /* clients marked present (read, not saved) */
  char *status;           /* the schedule's: "planned", "cancelled", "done", "missed" */
} GadGroupSession;

typedef struct
{
  gint64 entry_id;        /* the schedule's group entry */
  char *title;            /* the entry's (read, not saved) */
  char *leader;           /* … staff member's name */
  char *start_date;       /* … first session */
  char *until_date;       /* … last, or NULL when it goes on */
  char *form;             /* a code of GAD_CATALOG_GROUP_FORM */
  char *target_group;     /* a code of GAD_CATALOG_TARGET_GROUP, or "" */
  int others[2][GAD_GROUP_AGE_GROUPS]; /* not clients: [0] men, [1] women, by age group */
  int version;            /* 0: its kind and counts not saved yet */
  int clients;            /* on the client list */
  int sessions_held;      /* of the year listed, or in all (gad_store_get_group) */
  GPtrArray *sessions;    /* GadGroupSession by date; NULL in a list */
  int feedback_responses; /* questionnaires of the surveys tied to the group */
  gboolean has_feedback;  /* a mean was read: some answered, and the reader may see it */
  double feedback_mean;   /* of every 1–5 scale answer of them */
} GadGroup;

GQuark    gad_group_error_quark     (void);
GadGroup *gad_group_new             (gint64              entry_id,
                                     const char         *title);
void      gad_group_free            (GadGroup           *group);
GadGroup *gad_group_copy            (const GadGroup     *group);
void      gad_group_session_free    (GadGroupSession    *session);
int       gad_group_others_total    (const GadGroup     *group);
gboolean  gad_group_check           (const GadGroup     *group,
                                     GError            **error);
gboolean  gad_group_session_check   (const GadGroupSession *session,
                                     GError            **error);
GadSurvey *gad_group_feedback_survey (const GadGroup     *group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadGroup, gad_group_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadGroupSession, gad_group_session_free)

G_END_DECLS
