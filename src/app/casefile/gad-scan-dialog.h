/* gad-scan-dialog.h — pages from a scanner into a client's case
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-documents-window.h"

G_BEGIN_DECLS

#define GAD_TYPE_SCAN_DIALOG (gad_scan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadScanDialog, gad_scan_dialog, GAD, SCAN_DIALOG, AdwWindow)

GadScanDialog *gad_scan_dialog_new (GadDocumentsWindow *documents,
                                    const char         *client);

G_END_DECLS
