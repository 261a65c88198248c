/* gad-rates-page.h — the rates with their effective dates
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_RATES_PAGE (gad_rates_page_get_type ())
G_DECLARE_FINAL_TYPE (GadRatesPage, gad_rates_page, GAD, RATES_PAGE, AdwPreferencesPage)

GadRatesPage *gad_rates_page_new (GadContext *context);

G_END_DECLS
