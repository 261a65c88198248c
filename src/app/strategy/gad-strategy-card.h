/* gad-strategy-card.h — the strategy at a glance, on the dashboards
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_STRATEGY_CARD (gad_strategy_card_get_type ())
G_DECLARE_FINAL_TYPE (GadStrategyCard, gad_strategy_card, GAD, STRATEGY_CARD, GtkBox)

GtkWidget *gad_strategy_card_new (GadContext *context);

G_END_DECLS
