/* gad-goal-editor.h — a goal of a case's plan and its tasks, edited
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-case-plan.h"

G_BEGIN_DECLS

#define GAD_TYPE_GOAL_EDITOR (gad_goal_editor_get_type ())
G_DECLARE_FINAL_TYPE (GadGoalEditor, gad_goal_editor, GAD, GOAL_EDITOR, AdwPreferencesGroup)

GtkWidget   *gad_goal_editor_new        (const GadPlanGoal *goal,
                                         gboolean           writes);
void         gad_goal_editor_set_number (GadGoalEditor     *self,
                                         guint              number);
GadPlanGoal *gad_goal_editor_get_goal   (GadGoalEditor     *self);

G_END_DECLS
