/* gad-person-dialog.h — register a client or edit their details
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_PERSON_DIALOG (gad_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadPersonDialog, gad_person_dialog, GAD, PERSON_DIALOG, AdwWindow)

GadPersonDialog *gad_person_dialog_new (GtkWindow  *parent,
                                        GadContext *context,
                                        GadPerson  *person);

G_END_DECLS
