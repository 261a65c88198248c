/* gad-worker.h — the store asked on a thread, one job after another
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gad-store.h"

G_BEGIN_DECLS

/* Runs on the worker's thread with its connection; returns what the job
 * made (NULL is a valid answer when @error is not set). */
typedef gpointer (*GadWorkerFunc) (GadStore      *store,
                                   gpointer       data,
                                   GCancellable  *cancellable,
                                   GError       **error);

#define GAD_TYPE_WORKER (gad_worker_get_type ())
G_DECLARE_FINAL_TYPE (GadWorker, gad_worker, GAD, WORKER, GObject)

GadWorker *gad_worker_new        (GadStore            *store);
void       gad_worker_run        (GadWorker           *self,
                                  GadWorkerFunc        func,
                                  gpointer             data,
                                  GDestroyNotify       data_free,
                                  GDestroyNotify       result_free,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gpointer   gad_worker_run_finish (GAsyncResult        *result,
                                  GError             **error);
int        gad_worker_get_server_process (GadWorker   *self);
guint      gad_worker_count_unfinished   (void);

G_END_DECLS
