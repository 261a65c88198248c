/* gad-progress-dialog.c — a long write on the worker's thread, with progress and Cancel
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports of addresses and of survey responses: a dialog says what is
 * done, its bar follows the job, Cancel stops it (the job's transaction
 * keeps nothing then). A failure is said in a dialog of its own.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-progress-dialog.h"

typedef struct
{
  GtkWindow *parent;
  GtkWidget *dialog;
  GtkProgressBar *bar;
  GCancellable *cancellable;
  char *failed_title;
  GadProgressFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GadProgressDone done;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free)
    job->data_free (job->data);
  g_object_unref (job->parent);
  g_object_unref (job->cancellable);
  g_free (job->failed_title);
  g_free (job);
}

/* On the worker's thread: the bar hears it on its own. */
static void
on_progress (double   fraction,
             gpointer data)
{
  gad_progress_bar_post (((Job *) data)->bar, fraction);
}

static gpointer
run (GadStore      *store,
     gpointer       data,
     GCancellable  *cancellable,
     GError       **error)
{
  Job *job = data;

  return job->func (store, job->data, on_progress, job, cancellable, error);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Job              *job)
{
  if (g_str_equal (response, "cancel"))
    g_cancellable_cancel (job->cancellable);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  gpointer answer = gad_worker_run_finish (result, &error);

  /* A response asked for by code does not close the dialog by itself. */
  g_signal_handlers_disconnect_by_func (job->dialog, on_response, job);
  gtk_window_destroy (GTK_WINDOW (job->dialog));
  if (error && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkWidget *failed = adw_message_dialog_new (job->parent, job->failed_title, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
    }
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    job->done (job->parent, answer, error, job->data);
  job_free (job);
}

/**
 * gad_progress_dialog_run:
 * @failed_title: the title of the dialog that says why it failed
 * @data: (transfer full): handed to @func and @done, then freed with @data_free
 */
void
gad_progress_dialog_run (GtkWindow       *parent,
                         GadContext      *context,
                         const char      *title,
                         const char      *body,
                         const char      *failed_title,
                         GadProgressFunc  func,
                         gpointer         data,
                         GDestroyNotify   data_free,
                         GadProgressDone  done)
{
  Job *job = g_new0 (Job, 1);

  job->parent = g_object_ref (parent);
  job->cancellable = g_cancellable_new ();
  job->failed_title = g_strdup (failed_title);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->done = done;
  job->dialog = adw_message_dialog_new (parent, title, body);
  job->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (job->dialog), GTK_WIDGET (job->bar));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (job->dialog), "cancel", _("_Cancel"));
  g_signal_connect (job->dialog, "response", G_CALLBACK (on_response), job);
  gtk_window_present (GTK_WINDOW (job->dialog));
  gad_worker_run (gad_context_get_worker (context), run, job, NULL, NULL, job->cancellable,
                  on_done, job);
}
