/* gad-client-overview.h — a client's page: the person, household and duties
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-client-section.h"

G_BEGIN_DECLS

#define GAD_TYPE_CLIENT_OVERVIEW (gad_client_overview_get_type ())
G_DECLARE_FINAL_TYPE (GadClientOverview, gad_client_overview, GAD, CLIENT_OVERVIEW,
                      GadClientSection)

G_END_DECLS
