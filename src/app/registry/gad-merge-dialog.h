/* gad-merge-dialog.h — two records of one person, made one
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_MERGE_DIALOG (gad_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadMergeDialog, gad_merge_dialog, GAD, MERGE_DIALOG, AdwWindow)

GadMergeDialog *gad_merge_dialog_new (GtkWindow  *parent,
                                      GadContext *context,
                                      gint64      keep,
                                      gint64      drop);

G_END_DECLS
