/* gad-case-pdf.h — a case's documents as PDF: the plan to sign, the summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-store.h"

G_BEGIN_DECLS

GBytes *gad_case_plan_pdf (GadStore  *store,
                           gint64     case_id,
                           guint     *n_pages,
                           GError   **error);

GBytes *gad_case_summary_pdf (GadStore    *store,
                              gint64       person_id,
                              const char  *from,
                              const char  *to,
                              guint       *n_pages,
                              GError     **error);

G_END_DECLS
