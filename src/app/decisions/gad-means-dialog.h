/* gad-means-dialog.h — incomes and housing costs of an application, with the calculation
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_MEANS_DIALOG (gad_means_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadMeansDialog, gad_means_dialog, GAD, MEANS_DIALOG, AdwWindow)

void            gad_means_dialog_new_async  (GtkWindow           *parent,
                                             GadContext          *context,
                                             gint64               request_id,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GadMeansDialog *gad_means_dialog_new_finish (GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
