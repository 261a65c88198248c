/* gad-registry-view.h — search the registry and open client pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_REGISTRY_VIEW (gad_registry_view_get_type ())
G_DECLARE_FINAL_TYPE (GadRegistryView, gad_registry_view, GAD, REGISTRY_VIEW, AdwBin)

void        gad_registry_view_focus_search (GadRegistryView *self);
void        gad_registry_view_new_client   (GadRegistryView *self);
void        gad_registry_view_show_person  (GadRegistryView *self,
                                            gint64           person_id);
void        gad_registry_view_show_list    (GadRegistryView *self);
GListModel *gad_registry_view_get_results  (GadRegistryView *self);
GtkWidget  *gad_registry_view_get_search_entry (GadRegistryView *self);

G_END_DECLS
