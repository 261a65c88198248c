/* gad-household-dialog.h — put a client into a household
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_HOUSEHOLD_DIALOG (gad_household_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadHouseholdDialog, gad_household_dialog, GAD, HOUSEHOLD_DIALOG, AdwWindow)

GadHouseholdDialog *gad_household_dialog_new (GtkWindow  *parent,
                                              GadContext *context,
                                              GadPerson  *person);

G_END_DECLS
