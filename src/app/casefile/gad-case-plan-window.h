/* gad-case-plan-window.h — a case's needs assessment and rehabilitation plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_CASE_PLAN_WINDOW (gad_case_plan_window_get_type ())
G_DECLARE_FINAL_TYPE (GadCasePlanWindow, gad_case_plan_window, GAD, CASE_PLAN_WINDOW, AdwWindow)

GadCasePlanWindow *gad_case_plan_window_new (GtkWindow     *parent,
                                             GadContext    *context,
                                             const GadCase *c,
                                             const char    *client,
                                             gboolean       writes);

G_END_DECLS
