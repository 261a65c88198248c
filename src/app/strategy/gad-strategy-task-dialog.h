/* gad-strategy-task-dialog.h — a task of the action plan, and its year
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"
#include "gad-strategy.h"

G_BEGIN_DECLS

#define GAD_TYPE_STRATEGY_TASK_DIALOG (gad_strategy_task_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadStrategyTaskDialog, gad_strategy_task_dialog, GAD, STRATEGY_TASK_DIALOG,
                      AdwWindow)

GadStrategyTaskDialog *gad_strategy_task_dialog_new (GtkWindow             *parent,
                                                     GadContext            *context,
                                                     const GadStrategyTask *task,
                                                     int                    year);

G_END_DECLS
