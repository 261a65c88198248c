/* gad-paper-dialog.h — what a contract or a referral needs besides the
 * client: the service plan, or where and why
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-client-file.h"
#include "gad-context.h"
#include "gad-template.h"

G_BEGIN_DECLS

#define GAD_TYPE_PAPER_DIALOG (gad_paper_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadPaperDialog, gad_paper_dialog, GAD, PAPER_DIALOG, AdwWindow)

GadPaperDialog *gad_paper_dialog_new (GtkWindow       *parent,
                                      GadContext      *context,
                                      GadClientFile   *file,
                                      GadDocumentKind  kind);

G_END_DECLS
