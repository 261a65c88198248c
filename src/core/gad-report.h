/* gad-report.h — the yearly progress report for the municipal council, as PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-store.h"

G_BEGIN_DECLS

#define GAD_REPORT_ERROR (gad_report_error_quark ())

typedef enum
{
  GAD_REPORT_ERROR_LANGUAGE,
  GAD_REPORT_ERROR_RENDER,
} GadReportError;

GQuark  gad_report_error_quark (void);
GBytes *gad_report_render      (GadStore    *store,
                                int          year,
                                const char  *lang,
                                guint       *n_pages,
                                GError     **error);

G_END_DECLS
