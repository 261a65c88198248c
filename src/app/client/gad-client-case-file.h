/* gad-client-case-file.h — a client's page: the cases, their records, plans and documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-client-section.h"

G_BEGIN_DECLS

#define GAD_TYPE_CLIENT_CASE_FILE (gad_client_case_file_get_type ())
G_DECLARE_FINAL_TYPE (GadClientCaseFile, gad_client_case_file, GAD, CLIENT_CASE_FILE,
                      GadClientSection)

G_END_DECLS
