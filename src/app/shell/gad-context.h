/* gad-context.h — what every view shares: the store and the settings
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gad-store.h"
#include "gad-worker.h"

G_BEGIN_DECLS

#define GAD_TYPE_CONTEXT (gad_context_get_type ())
G_DECLARE_FINAL_TYPE (GadContext, gad_context, GAD, CONTEXT, GObject)

GadContext *gad_context_new          (GadStore   *store);
GadStore   *gad_context_get_store    (GadContext *self);
GadWorker  *gad_context_get_worker   (GadContext *self);
GSettings  *gad_context_get_settings (GadContext *self);
void        gad_context_changed      (GadContext *self);
void        gad_context_follow       (GadContext *self);
void        gad_context_stop_following (GadContext *self);
void        gad_context_try_again    (GadContext *self);
void        gad_context_read_directory (GadContext          *self,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    gad_context_read_directory_finish (GadContext    *self,
                                               GAsyncResult  *result,
                                               GError       **error);
GPtrArray  *gad_context_get_staff    (GadContext *self);
GPtrArray  *gad_context_get_territories (GadContext *self);
GPtrArray  *gad_context_get_departments (GadContext *self);
GPtrArray  *gad_context_get_types    (GadContext *self);
double      gad_context_get_idle_lock_minutes (GadContext *self);
int         gad_context_get_setup_step (GadContext *self);

G_END_DECLS
