/* gad-strategy-window.h — the strategy's action plan, a year at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_STRATEGY_WINDOW (gad_strategy_window_get_type ())
G_DECLARE_FINAL_TYPE (GadStrategyWindow, gad_strategy_window, GAD, STRATEGY_WINDOW, AdwWindow)

GadStrategyWindow *gad_strategy_window_new (GtkWindow  *parent,
                                            GadContext *context,
                                            int         year);

G_END_DECLS
