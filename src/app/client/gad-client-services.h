/* gad-client-services.h — a client's page: services, the schedule and co-payments
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-client-section.h"

G_BEGIN_DECLS

#define GAD_TYPE_CLIENT_SERVICES (gad_client_services_get_type ())
G_DECLARE_FINAL_TYPE (GadClientServices, gad_client_services, GAD, CLIENT_SERVICES,
                      GadClientSection)

G_END_DECLS
