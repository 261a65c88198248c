/* gad-client-history.h — a client's page: every change, and the audit log
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-client-section.h"

G_BEGIN_DECLS

#define GAD_TYPE_CLIENT_HISTORY (gad_client_history_get_type ())
G_DECLARE_FINAL_TYPE (GadClientHistory, gad_client_history, GAD, CLIENT_HISTORY,
                      GadClientSection)

G_END_DECLS
