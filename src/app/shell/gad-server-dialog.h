/* gad-server-dialog.h — connecting a workstation to the service's database server
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GAD_TYPE_SERVER_DIALOG (gad_server_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadServerDialog, gad_server_dialog, GAD, SERVER_DIALOG, AdwWindow)

GadServerDialog *gad_server_dialog_new (GtkWindow *parent);

G_END_DECLS
