/* gad-schedule-view.h — the Schedules view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"
#include "gad-week-view.h"

G_BEGIN_DECLS

#define GAD_TYPE_SCHEDULE_VIEW (gad_schedule_view_get_type ())
G_DECLARE_FINAL_TYPE (GadScheduleView, gad_schedule_view, GAD, SCHEDULE_VIEW, AdwBin)

void         gad_schedule_view_show_client   (GadScheduleView *self,
                                              gint64           person_id,
                                              const char      *name);
void         gad_schedule_view_show_staff    (GadScheduleView *self,
                                              gint64           staff_id,
                                              const char      *date);
GadWeekView *gad_schedule_view_get_week_view (GadScheduleView *self);

G_END_DECLS
