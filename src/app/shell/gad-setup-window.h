/* gad-setup-window.h — the first set-up of a new database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_SETUP_WINDOW (gad_setup_window_get_type ())
G_DECLARE_FINAL_TYPE (GadSetupWindow, gad_setup_window, GAD, SETUP_WINDOW, AdwWindow)

GadSetupWindow *gad_setup_window_new      (GtkWindow      *parent,
                                           GadContext     *context,
                                           guint           step);
guint           gad_setup_window_get_step (GadSetupWindow *self);

G_END_DECLS
