/* gad-strategy-indicator-row.h — one result indicator of a task being written
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-strategy.h"

G_BEGIN_DECLS

GtkWidget    *gad_strategy_indicator_row_new  (const GadIndicator *indicator,
                                               GPtrArray          *surveys);
GadIndicator *gad_strategy_indicator_row_read (GtkListBoxRow      *row,
                                               GError            **error);

G_END_DECLS
