/* gad-group-others.h — those in a group who are not clients, by gender and age group
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-group.h"

G_BEGIN_DECLS

#define GAD_TYPE_GROUP_OTHERS (gad_group_others_get_type ())
G_DECLARE_FINAL_TYPE (GadGroupOthers, gad_group_others, GAD, GROUP_OTHERS, GtkGrid)

void gad_group_others_set (GadGroupOthers *self,
                           const int       counts[2][GAD_GROUP_AGE_GROUPS]);
void gad_group_others_get (GadGroupOthers *self,
                           int             counts[2][GAD_GROUP_AGE_GROUPS]);

G_END_DECLS
