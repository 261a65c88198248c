/* gad-settings-page.h — the settings every letter and rule reads
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_SETTINGS_PAGE (gad_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (GadSettingsPage, gad_settings_page, GAD, SETTINGS_PAGE, AdwPreferencesPage)

GadSettingsPage *gad_settings_page_new        (GadContext         *context,
                                               const char * const *groups);
void             gad_settings_page_save_typed (GadSettingsPage    *self);

G_END_DECLS
