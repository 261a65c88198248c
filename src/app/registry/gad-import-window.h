/* gad-import-window.h — the administrator brings a service's records in
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_IMPORT_WINDOW (gad_import_window_get_type ())
G_DECLARE_FINAL_TYPE (GadImportWindow, gad_import_window, GAD, IMPORT_WINDOW, AdwWindow)

GadImportWindow *gad_import_window_new       (GtkWindow       *parent,
                                              GadContext      *context);
void             gad_import_window_open_file (GadImportWindow *self,
                                              GFile           *file);

G_END_DECLS
