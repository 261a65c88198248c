/* gad-person-list.h — the registry's search results as a lazy GListModel
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-store.h"

G_BEGIN_DECLS

#define GAD_TYPE_PERSON_LIST (gad_person_list_get_type ())
G_DECLARE_FINAL_TYPE (GadPersonList, gad_person_list, GAD, PERSON_LIST, GObject)

GadPersonList *gad_person_list_new        (GadStore       *store);
void           gad_person_list_search     (GadPersonList  *self,
                                           const char     *text,
                                           GadSort         sort,
                                           gboolean        descending);
gboolean       gad_person_list_is_searching (GadPersonList *self);
guint          gad_person_list_get_n_found (GadPersonList *self);
gint64         gad_person_list_get_id     (GadPersonList  *self,
                                           guint           position);
guint          gad_person_list_get_n_loaded (GadPersonList *self);

G_END_DECLS
