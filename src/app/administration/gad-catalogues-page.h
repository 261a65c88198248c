/* gad-catalogues-page.h — parishes, departments, benefit and service types
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_CATALOGUES_PAGE (gad_catalogues_page_get_type ())
G_DECLARE_FINAL_TYPE (GadCataloguesPage, gad_catalogues_page, GAD, CATALOGUES_PAGE,
                      AdwPreferencesPage)

GadCataloguesPage *gad_catalogues_page_new (GadContext *context,
                                            gboolean    places_only);

G_END_DECLS
