/* gad-entry-dialog.h — add or change a schedule entry; record one occurrence
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_ENTRY_DIALOG (gad_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadEntryDialog, gad_entry_dialog, GAD, ENTRY_DIALOG, AdwWindow)

GadEntryDialog *gad_entry_dialog_new (GtkWindow           *parent,
                                      GadContext          *context,
                                      const GadEntry      *entry,
                                      const GadOccurrence *occurrence);

G_END_DECLS
