/* gad-my-work.h — what is due for the signed-in staff member
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-store.h"

G_BEGIN_DECLS

typedef enum
{
  GAD_DUE_DUTY,          /* a client's co-operation duty */
  GAD_DUE_QUIET_CASE,    /* an open case with no record for 60 days */
  GAD_DUE_VISIT,         /* today's visit or appointment */
  GAD_DUE_APPROVAL,      /* a decision waiting for a head's approval */
  GAD_DUE_TASK,          /* the worker's (or an institution's) task in a plan */
  GAD_DUE_REVIEW,        /* a plan's review */
  GAD_DUE_TRANSFER,      /* a case given to the worker, or taken from them, lately */
  GAD_DUE_HOME_CARE,     /* a head's: a remote farmstead's visit found a need for home care */
} GadDueKind;

typedef struct
{
  GadDueKind kind;
  char *due_on;          /* ISO 8601 date */
  gboolean overdue;
  gint64 person_id;
  char *person;          /* "Surname First" */
  gint64 case_id;        /* quiet cases, plans' tasks and reviews */
  char *what;            /* the duty, the visit's time and kind, the amount asked */
} GadDueItem;

#define GAD_QUIET_DAYS 60
#define GAD_PLAN_AHEAD_DAYS 14  /* plan tasks and reviews show this far ahead */

void       gad_due_item_free (GadDueItem  *item);
GPtrArray *gad_my_work       (GadStore    *store,
                              const char  *today,
                              GError     **error);
char      *gad_my_work_text  (GPtrArray   *items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadDueItem, gad_due_item_free)

G_END_DECLS
