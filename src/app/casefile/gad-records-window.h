/* gad-records-window.h — a case's records: written, read, corrected
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_RECORDS_WINDOW (gad_records_window_get_type ())
G_DECLARE_FINAL_TYPE (GadRecordsWindow, gad_records_window, GAD, RECORDS_WINDOW, AdwWindow)

GadRecordsWindow *gad_records_window_new (GtkWindow     *parent,
                                          GadContext    *context,
                                          const GadCase *c,
                                          const char    *client,
                                          gboolean       writes);

G_END_DECLS
