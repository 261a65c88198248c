/* gad-survey-file.h — a survey's responses imported from a CSV file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

void gad_survey_file_import      (GtkWindow  *parent,
                                  GadContext *context,
                                  gint64      survey_id);
void gad_survey_file_import_file (GtkWindow  *parent,
                                  GadContext *context,
                                  gint64      survey_id,
                                  GFile      *file);

G_END_DECLS
