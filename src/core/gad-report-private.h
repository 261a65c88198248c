/* gad-report-private.h — what the yearly report's parts share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "gad-strategy.h"

G_BEGIN_DECLS

typedef void (*GadReportNextPage) (gpointer data);

guint gad_report_strategy (cairo_t           *cr,
                           GPtrArray         *tasks,
                           int                year,
                           gboolean           latvian,
                           double             title_height,
                           gboolean           draw,
                           GadReportNextPage  next_page,
                           gpointer           data);

G_END_DECLS
