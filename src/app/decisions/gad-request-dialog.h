/* gad-request-dialog.h — register an application for a benefit or service
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_REQUEST_DIALOG (gad_request_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadRequestDialog, gad_request_dialog, GAD, REQUEST_DIALOG, AdwWindow)

GadRequestDialog *gad_request_dialog_new (GtkWindow  *parent,
                                          GadContext *context,
                                          GadPerson  *person);

G_END_DECLS
