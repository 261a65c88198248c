/* gad-templates-page.h — Preferences → Documents: the municipality's
 * templates, a row each, to edit
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_TEMPLATES_PAGE (gad_templates_page_get_type ())
G_DECLARE_FINAL_TYPE (GadTemplatesPage, gad_templates_page, GAD, TEMPLATES_PAGE,
                      AdwPreferencesPage)

GadTemplatesPage *gad_templates_page_new (GadContext *context);

G_END_DECLS
