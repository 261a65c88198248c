/* gad-means-dialog.h — incomes and housing costs of an application, with the calculation
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_MEANS_DIALOG (gad_means_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadMeansDialog, gad_means_dialog, GAD, MEANS_DIALOG, AdwWindow)

GadMeansDialog *gad_means_dialog_new (GtkWindow        *parent,
                                      GadContext       *context,
                                      const GadRequest *request);

G_END_DECLS
