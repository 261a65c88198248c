/* gad-import-preview.h — an import's file as it will be read, and its bad rows
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-import.h"

G_BEGIN_DECLS

#define GAD_TYPE_IMPORT_PREVIEW (gad_import_preview_get_type ())
G_DECLARE_FINAL_TYPE (GadImportPreview, gad_import_preview, GAD, IMPORT_PREVIEW, GtkBox)

void gad_import_preview_show          (GadImportPreview *self,
                                       GadImportReport  *report);
void gad_import_preview_show_problems (GadImportPreview *self,
                                       GadImportReport  *report);
void gad_import_preview_hide_problems (GadImportPreview *self);
void gad_import_preview_clear         (GadImportPreview *self);

G_END_DECLS
