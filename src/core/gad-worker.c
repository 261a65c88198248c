/* gad-worker.c — the store asked on a thread, one job after another
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view that shows stored data asks for it through a worker: the job runs
 * on a thread over a connection of the worker's own, acting for whoever is
 * signed in, and its answer comes back to the thread that asked (its
 * thread-default main context). On a server a parish office away, opening a
 * client's file or a week of the schedule never holds up the window; on a
 * file the same code runs and costs a thread hop.
 *
 * Jobs run in the order asked. A job whose cancellable was cancelled before
 * its turn is not run: a view that asks again cancels what it asked before.
 */
#define G_LOG_DOMAIN "gad-worker"

#include "config.h"

#include "gad-worker.h"

/* What the worker and its jobs share: the last one out closes the
 * connection, on whichever thread that is. */
typedef struct
{
  gatomicrefcount refs;
  GadStoreIdentity *who;
  GadStore *store;        /* opened by the first job; used by one job at a time */
  gint process;           /* its server process (0 on a file, or before) */
} Shared;

typedef struct
{
  Shared *shared;
  GadWorkerFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} Job;

struct _GadWorker
{
  GObject parent_instance;

  Shared *shared;
  GThreadPool *pool;
};

G_DEFINE_FINAL_TYPE (GadWorker, gad_worker, G_TYPE_OBJECT)

/* Jobs of every worker asked for and not yet answered. */
static gint unfinished;

static void
shared_unref (Shared *shared)
{
  if (!g_atomic_ref_count_dec (&shared->refs))
    return;
  g_clear_object (&shared->store);
  gad_store_identity_free (shared->who);
  g_free (shared);
}

static void
job_free (Job *job)
{
  if (job->data_free && job->data)
    job->data_free (job->data);
  shared_unref (job->shared);
  g_free (job);
  /* The task goes after its callback has run: the answer has been handled. */
  g_atomic_int_dec_and_test (&unfinished);
}

/* The pool's thread (at most one runs at a time). */
static void
run_job (gpointer data,
         gpointer user_data)
{
  g_autoptr(GTask) task = data;
  Job *job = g_task_get_task_data (task);
  Shared *shared = job->shared;
  g_autoptr(GError) error = NULL;
  gpointer result = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (shared->store == NULL)
    shared->store = gad_store_open_as (shared->who, &error);
  if (shared->store)
    g_atomic_int_set (&shared->process, gad_store_server_process (shared->store));
  if (shared->store)
    result = job->func (shared->store, job->data, g_task_get_cancellable (task), &error);
  if (error)
    {
      if (result && job->result_free)
        job->result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
gad_worker_finalize (GObject *object)
{
  GadWorker *self = GAD_WORKER (object);

  /* Jobs asked for still run (their answers may be a save's), without
   * waiting here for a server that may be far away. */
  g_thread_pool_free (self->pool, FALSE, FALSE);
  shared_unref (self->shared);
  G_OBJECT_CLASS (gad_worker_parent_class)->finalize (object);
}

static void
gad_worker_class_init (GadWorkerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gad_worker_finalize;
}

static void
gad_worker_init (GadWorker *self)
{
  self->pool = g_thread_pool_new (run_job, NULL, 1, FALSE, NULL);
}

/**
 * gad_worker_new:
 * @store: a store someone is signed in to
 *
 * Returns: (transfer full): a worker acting for @store's staff member, on a
 * connection of its own made at its first job
 */
GadWorker *
gad_worker_new (GadStore *store)
{
  GadWorker *self;

  g_return_val_if_fail (GAD_IS_STORE (store), NULL);
  self = g_object_new (GAD_TYPE_WORKER, NULL);
  self->shared = g_new0 (Shared, 1);
  g_atomic_ref_count_init (&self->shared->refs);
  self->shared->who = gad_store_get_identity (store);
  return self;
}

/**
 * gad_worker_run:
 * @func: what to do with the worker's store, on its thread
 * @data: (transfer full): handed to @func; freed with @data_free when done
 * @result_free: frees what @func returns if nobody takes it
 * @callback: called in the caller's thread-default main context
 *
 * Asks the worker to run @func after the jobs asked before it.
 */
void
gad_worker_run (GadWorker           *self,
                GadWorkerFunc        func,
                gpointer             data,
                GDestroyNotify       data_free,
                GDestroyNotify       result_free,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (GAD_IS_WORKER (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->shared = self->shared;
  g_atomic_ref_count_inc (&self->shared->refs);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;

  /* No source object: the worker may go while its jobs finish. */
  g_atomic_int_inc (&unfinished);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gad_worker_run);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_thread_pool_push (self->pool, task, NULL);
}

/**
 * gad_worker_get_server_process:
 *
 * Returns: the server process of the worker's connection, as its saves are
 * announced (0 on a file, or before its first job)
 */
int
gad_worker_get_server_process (GadWorker *self)
{
  g_return_val_if_fail (GAD_IS_WORKER (self), 0);
  return g_atomic_int_get (&self->shared->process);
}

/**
 * gad_worker_count_unfinished:
 *
 * Returns: how many jobs, of all workers, have been asked for and not yet
 * answered (an answer counts once its callback has returned); a test waits
 * for 0 to know a window has what it asked for
 */
guint
gad_worker_count_unfinished (void)
{
  return (guint) g_atomic_int_get (&unfinished);
}

/**
 * gad_worker_run_finish:
 *
 * Returns: (transfer full): what the job made, or NULL: check @error
 */
gpointer
gad_worker_run_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
