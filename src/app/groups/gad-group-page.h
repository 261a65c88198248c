/* gad-group-page.h — one group: its kind, whom it is for, who takes part, its programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_GROUP_PAGE (gad_group_page_get_type ())
G_DECLARE_FINAL_TYPE (GadGroupPage, gad_group_page, GAD, GROUP_PAGE, AdwBin)

GadGroupPage *gad_group_page_new  (GadContext   *context);
void          gad_group_page_show (GadGroupPage *self,
                                   gint64        entry_id);

G_END_DECLS
