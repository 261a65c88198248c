/* gad-store-watch.h — what colleagues save on the server, as it is saved
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-store.h"

G_BEGIN_DECLS

#define GAD_TYPE_STORE_WATCH (gad_store_watch_get_type ())
G_DECLARE_FINAL_TYPE (GadStoreWatch, gad_store_watch, GAD, STORE_WATCH, GObject)

GadStoreWatch *gad_store_watch_new          (GadStore      *store);
gboolean       gad_store_watch_is_listening (GadStoreWatch *self);
void           gad_store_watch_try_again    (GadStoreWatch *self);

G_END_DECLS
