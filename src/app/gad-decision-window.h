/* gad-decision-window.h — an issued decision: its letter previewed, printed, saved
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_DECISION_WINDOW (gad_decision_window_get_type ())
G_DECLARE_FINAL_TYPE (GadDecisionWindow, gad_decision_window, GAD, DECISION_WINDOW, AdwWindow)

GadDecisionWindow *gad_decision_window_new (GtkWindow  *parent,
                                            GadContext *context,
                                            gint64      decision_id);
guint              gad_decision_window_get_n_pages (GadDecisionWindow *self);

G_END_DECLS
