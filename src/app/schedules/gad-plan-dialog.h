/* gad-plan-dialog.h — a service a client receives: add or change it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_PLAN_DIALOG (gad_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadPlanDialog, gad_plan_dialog, GAD, PLAN_DIALOG, AdwWindow)

GadPlanDialog *gad_plan_dialog_new (GtkWindow            *parent,
                                    GadContext           *context,
                                    gint64                person_id,
                                    const GadServicePlan *existing);

G_END_DECLS
