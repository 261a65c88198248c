/* gad-store-schedule-private.h — what the schedule's store files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-schedule.h"
#include "gad-store.h"

G_BEGIN_DECLS

/* Plans (gad-store-plans.c) */
GPtrArray      *gad_store_plans_between     (GadStore                *self,
                                             const char              *from,
                                             const char              *to,
                                             GError                 **error);
GadServicePlan *gad_store_plan_by_id        (GadStore                *self,
                                             gint64                   id);
int             gad_store_setting_int       (GadStore                *self,
                                             const char              *key,
                                             int                      fallback);
void            gad_store_caseload_limits   (GadStore                *self,
                                             GadCaseloadLimits       *limits);
gboolean        gad_store_refuse_conflicts  (GPtrArray               *conflicts,
                                             GError                 **error);
gboolean        gad_store_valid_date        (const char              *text);

/* Entries and occurrences (gad-store-schedule.c) */
GPtrArray      *gad_store_expand            (GadStore                *self,
                                             const GadScheduleFilter *filter,
                                             const char              *from,
                                             const char              *to,
                                             gint64                   staff_id,
                                             gint64                   person_id,
                                             GError                 **error);
GPtrArray      *gad_store_conflicts_between (GadStore                *self,
                                             const char              *from,
                                             const char              *to,
                                             gint64                   staff_id,
                                             gint64                   person_id,
                                             GError                 **error);

G_END_DECLS
