/* gad-window.h — the main window: Registry, Schedules, Dashboards
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-application.h"
#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_WINDOW (gad_window_get_type ())
G_DECLARE_FINAL_TYPE (GadWindow, gad_window, GAD, WINDOW, AdwApplicationWindow)

GadWindow *gad_window_new        (GadApplication *app,
                                  GadContext     *context);
void       gad_window_add_toast  (GadWindow      *self,
                                  const char     *message);
GtkWidget *gad_window_get_registry_view (GadWindow *self);
GtkWidget *gad_window_show_view  (GadWindow      *self,
                                  const char     *name);
void       gad_window_show_client (GadWindow     *self,
                                   gint64         person_id);

G_END_DECLS
