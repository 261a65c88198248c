/* gad-case-dialog.h — open, edit, close or reopen a case file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

typedef enum
{
  GAD_CASE_NEW,
  GAD_CASE_EDIT,
  GAD_CASE_CLOSE,
  GAD_CASE_REOPEN,
} GadCaseMode;

#define GAD_TYPE_CASE_DIALOG (gad_case_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GadCaseDialog, gad_case_dialog, GAD, CASE_DIALOG, AdwWindow)

GadCaseDialog *gad_case_dialog_new (GtkWindow     *parent,
                                    GadContext    *context,
                                    gint64         person_id,
                                    const GadCase *existing,
                                    GadCaseMode    mode);

G_END_DECLS
