/* gad-week-view.h — a week of a schedule: days across, hours down
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-schedule.h"

G_BEGIN_DECLS

#define GAD_TYPE_WEEK_VIEW (gad_week_view_get_type ())
G_DECLARE_FINAL_TYPE (GadWeekView, gad_week_view, GAD, WEEK_VIEW, GtkWidget)

GtkWidget     *gad_week_view_new          (void);
void           gad_week_view_set_week     (GadWeekView *self,
                                           const char  *monday,
                                           GPtrArray   *occurrences,
                                           GPtrArray   *conflicts);
GadOccurrence *gad_week_view_get_selected (GadWeekView *self);
void           gad_week_view_step         (GadWeekView *self,
                                           int          step);
void           gad_week_view_select       (GadWeekView *self,
                                           gint64       entry_id,
                                           const char  *rule_date);

G_END_DECLS
