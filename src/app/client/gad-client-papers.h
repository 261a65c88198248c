/* gad-client-papers.h — a client's page: certificates, contracts, referrals
 * and co-operation agreements issued, and issuing one
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-client-section.h"

G_BEGIN_DECLS

#define GAD_TYPE_CLIENT_PAPERS (gad_client_papers_get_type ())
G_DECLARE_FINAL_TYPE (GadClientPapers, gad_client_papers, GAD, CLIENT_PAPERS, GadClientSection)

G_END_DECLS
