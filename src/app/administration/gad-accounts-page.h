/* gad-accounts-page.h — the administrator's page of staff accounts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_ACCOUNTS_PAGE (gad_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (GadAccountsPage, gad_accounts_page, GAD, ACCOUNTS_PAGE, AdwPreferencesPage)

GadAccountsPage *gad_accounts_page_new (GadContext *context);

G_END_DECLS
