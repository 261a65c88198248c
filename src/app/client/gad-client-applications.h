/* gad-client-applications.h — a client's page: applications, decisions and their letters
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-client-section.h"

G_BEGIN_DECLS

#define GAD_TYPE_CLIENT_APPLICATIONS (gad_client_applications_get_type ())
G_DECLARE_FINAL_TYPE (GadClientApplications, gad_client_applications, GAD, CLIENT_APPLICATIONS,
                      GadClientSection)

G_END_DECLS
