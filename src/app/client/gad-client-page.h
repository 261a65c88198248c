/* gad-client-page.h — one client: details, household, cases, history
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_CLIENT_PAGE (gad_client_page_get_type ())
G_DECLARE_FINAL_TYPE (GadClientPage, gad_client_page, GAD, CLIENT_PAGE, AdwBin)

void   gad_client_page_set_person_id (GadClientPage *self,
                                      gint64         person_id);
gint64 gad_client_page_get_person_id (GadClientPage *self);

G_END_DECLS
