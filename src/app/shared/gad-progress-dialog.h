/* gad-progress-dialog.h — a long write on the worker's thread, with progress and Cancel
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

/* The job, on the worker's thread: reports with @progress (@progress_data). */
typedef gpointer (*GadProgressFunc) (GadStore          *store,
                                     gpointer           data,
                                     GadStoreProgress   progress,
                                     gpointer           progress_data,
                                     GCancellable      *cancellable,
                                     GError           **error);
/* Done and not cancelled: @result is the job's (NULL with @error, which the
 * dialog has said already). */
typedef void (*GadProgressDone) (GtkWindow    *parent,
                                 gpointer      result,
                                 const GError *error,
                                 gpointer      data);

void gad_progress_dialog_run (GtkWindow       *parent,
                              GadContext      *context,
                              const char      *title,
                              const char      *body,
                              const char      *failed_title,
                              GadProgressFunc  func,
                              gpointer         data,
                              GDestroyNotify   data_free,
                              GadProgressDone  done);

G_END_DECLS
