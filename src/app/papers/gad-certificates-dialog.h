/* gad-certificates-dialog.h — every certificate due in a period, issued and
 * saved at once, with progress and Cancel
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_CERTIFICATES_DIALOG (gad_certificates_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadCertificatesDialog, gad_certificates_dialog, GAD, CERTIFICATES_DIALOG,
                      AdwWindow)

GadCertificatesDialog *gad_certificates_dialog_new (GtkWindow  *parent,
                                                    GadContext *context);

G_END_DECLS
