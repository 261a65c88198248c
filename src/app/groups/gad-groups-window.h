/* gad-groups-window.h — group work: the year's groups, and one of them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_GROUPS_WINDOW (gad_groups_window_get_type ())
G_DECLARE_FINAL_TYPE (GadGroupsWindow, gad_groups_window, GAD, GROUPS_WINDOW, AdwWindow)

GadGroupsWindow *gad_groups_window_new (GtkWindow  *parent,
                                        GadContext *context,
                                        gint64      entry_id,
                                        int         year);

G_END_DECLS
