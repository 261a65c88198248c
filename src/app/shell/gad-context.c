/* gad-context.c — what every view shares: the store and the settings
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Handed to each view as a construct-only property instead of globals. Views
 * that show stored data listen to "changed", which any write emits, so a
 * client page and the registry list never disagree. On a server it is also
 * emitted when a colleague saves something (a GadStoreWatch hears it), and
 * after a dropped link comes back: screens follow each other.
 *
 * It also keeps what every dialog's lists show — the staff, the parishes,
 * the benefit and service types — and the idle lock's minutes, read on the
 * worker's thread when someone signs in, after a save to them here or by a
 * colleague, and after a dropped link comes back: no dialog waits for the
 * database to fill a list.
 */
#define G_LOG_DOMAIN "gad-context"

#include "config.h"

#include "gad-context.h"
#include "gad-store-watch.h"
#include "gad-worker.h"

/* Colleagues' saves reload the views at most this often: a burst (a
 * decision writes several rows) once, and forty busy colleagues do not keep
 * a head's dashboard recomputing. */
#define FOLLOW_DELAY_MS 400

struct _GadContext
{
  GObject parent_instance;

  GadStore *store;
  GSettings *settings;
  GadStoreWatch *watch;
  GadWorker *worker;
  GPtrArray *staff;          /* GadStaff */
  GPtrArray *territories;    /* GadTerritory */
  GPtrArray *departments;    /* char * */
  int setup_step;
  GPtrArray *types;          /* GadTypeEntry */
  double idle_lock_minutes;
  GCancellable *reading;     /* the directory, while it is read */
  guint pending;
  gboolean offline;
};

G_DEFINE_FINAL_TYPE (GadContext, gad_context, G_TYPE_OBJECT)

enum { CHANGED, DIRECTORY_READ, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_ONLINE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
gad_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (prop_id == PROP_ONLINE)
    g_value_set_boolean (value, !GAD_CONTEXT (object)->offline);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
set_offline (GadContext *self,
             gboolean    offline)
{
  if (self->offline == offline)
    return;
  self->offline = offline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

static void
gad_context_finalize (GObject *object)
{
  GadContext *self = GAD_CONTEXT (object);

  g_clear_handle_id (&self->pending, g_source_remove);
  g_clear_object (&self->watch);
  g_clear_object (&self->worker);
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->territories, g_ptr_array_unref);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (gad_context_parent_class)->finalize (object);
}

static void
gad_context_class_init (GadContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gad_context_finalize;
  G_OBJECT_CLASS (klass)->get_property = gad_context_get_property;

  /* Whether the server is reachable (on a file, always). */
  properties[PROP_ONLINE] = g_param_spec_boolean ("online", NULL, NULL, TRUE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                                  | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The staff, parish, department and catalogue lists were read anew. */
  signals[DIRECTORY_READ] = g_signal_new ("directory-read", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
gad_context_init (GadContext *self)
{
  self->settings = g_settings_new (APP_ID);
  self->staff = g_ptr_array_new ();
  self->territories = g_ptr_array_new ();
  self->departments = g_ptr_array_new ();
  self->setup_step = -1;
  self->types = g_ptr_array_new ();
}

GadContext *
gad_context_new (GadStore *store)
{
  GadContext *self = g_object_new (GAD_TYPE_CONTEXT, NULL);

  self->store = g_object_ref (store);
  return self;
}

GadStore *
gad_context_get_store (GadContext *self)
{
  g_return_val_if_fail (GAD_IS_CONTEXT (self), NULL);
  return self->store;
}

/**
 * gad_context_get_worker:
 *
 * Returns: (transfer none): the worker views read and save through, acting
 * for whoever is signed in now
 */
GadWorker *
gad_context_get_worker (GadContext *self)
{
  g_return_val_if_fail (GAD_IS_CONTEXT (self), NULL);
  if (self->worker == NULL)
    self->worker = gad_worker_new (self->store);
  return self->worker;
}

GSettings *
gad_context_get_settings (GadContext *self)
{
  g_return_val_if_fail (GAD_IS_CONTEXT (self), NULL);
  return self->settings;
}

typedef struct
{
  GPtrArray *staff;
  GPtrArray *territories;
  GPtrArray *departments;
  GPtrArray *types;
  double idle_lock_minutes;
  int setup_step;
} Directory;

static void
directory_free (Directory *d)
{
  g_ptr_array_unref (d->staff);
  g_ptr_array_unref (d->territories);
  g_ptr_array_unref (d->departments);
  g_ptr_array_unref (d->types);
  g_free (d);
}

static gpointer
read_directory (GadStore      *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  Directory *d = g_new0 (Directory, 1);
  g_autofree char *idle = gad_store_get_setting (store, "idle_lock_minutes");
  g_autofree char *setup = gad_store_get_setting (store, "setup_step");

  d->staff = gad_store_list_staff (store);
  d->territories = gad_store_list_territories (store);
  d->departments = gad_store_list_departments (store);
  d->types = gad_store_list_types (store);
  /* A decimal comma or point is allowed; 0: never. */
  d->idle_lock_minutes = idle ? g_ascii_strtod (g_strdelimit (idle, ",", '.'), NULL) : 0;
  /* Only a database whose first administrator came lately has one. */
  d->setup_step = setup[0] && g_ascii_isdigit (setup[0])
                   ? (int) g_ascii_strtoll (setup, NULL, 10) : -1;
  return d;
}

static void
on_directory_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GadContext *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  Directory *d = gad_worker_run_finish (result, &error);

  if (d)
    {
      if (self->reading == g_task_get_cancellable (task))
        g_clear_object (&self->reading);
      g_ptr_array_unref (self->staff);
      g_ptr_array_unref (self->territories);
      g_ptr_array_unref (self->departments);
      g_ptr_array_unref (self->types);
      self->staff = g_ptr_array_ref (d->staff);
      self->territories = g_ptr_array_ref (d->territories);
      self->departments = g_ptr_array_ref (d->departments);
      self->types = g_ptr_array_ref (d->types);
      self->idle_lock_minutes = d->idle_lock_minutes;
      self->setup_step = d->setup_step;
      directory_free (d);
      g_signal_emit (self, signals[DIRECTORY_READ], 0);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * gad_context_read_directory:
 *
 * Reads the lists the dialogs show again, on the worker's thread; an earlier
 * reading still on its way is dropped. @callback (may be %NULL) hears when
 * they are in.
 */
void
gad_context_read_directory (GadContext          *self,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GAD_IS_CONTEXT (self));
  g_cancellable_cancel (self->reading);
  g_set_object (&self->reading, g_cancellable_new ());
  task = g_task_new (self, self->reading, callback, user_data);
  gad_worker_run (gad_context_get_worker (self), read_directory, NULL, NULL,
                  (GDestroyNotify) directory_free, self->reading, on_directory_read, task);
}

gboolean
gad_context_read_directory_finish (GadContext    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* (transfer none): as last read; empty before the first reading */
GPtrArray *
gad_context_get_staff (GadContext *self)
{
  return self->staff;
}

GPtrArray *
gad_context_get_territories (GadContext *self)
{
  return self->territories;
}

/* The department names, in order. */
GPtrArray *
gad_context_get_departments (GadContext *self)
{
  return self->departments;
}

GPtrArray *
gad_context_get_types (GadContext *self)
{
  return self->types;
}

/* The first set-up's step to go on from; -1 when it is done or was never due. */
int
gad_context_get_setup_step (GadContext *self)
{
  return self->setup_step;
}

double
gad_context_get_idle_lock_minutes (GadContext *self)
{
  return self->idle_lock_minutes;
}

/* Call after every successful write. */
void
gad_context_changed (GadContext *self)
{
  g_return_if_fail (GAD_IS_CONTEXT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
emit_changed (gpointer data)
{
  GadContext *self = data;

  self->pending = 0;
  gad_context_changed (self);
}

static void
on_saved_elsewhere (GadContext *self,
                    const char *entity,
                    gint64      entity_id,
                    gint64      person_id,
                    int         writer)
{
  /* Our own saves (the window's or its worker's) have been shown already. */
  if (writer == gad_store_server_process (self->store)
      || (self->worker && writer == gad_worker_get_server_process (self->worker)))
    return;
  /* The lists dialogs show are read again only when a colleague changed one. */
  if (g_str_equal (entity, "staff") || g_str_equal (entity, "territory")
      || g_str_equal (entity, "department") || g_str_equal (entity, "benefit-type")
      || g_str_equal (entity, "service-type") || g_str_equal (entity, "setting"))
    gad_context_read_directory (self, NULL, NULL);
  if (self->pending)
    return;
  self->pending = g_timeout_add_once (FOLLOW_DELAY_MS, emit_changed, self);
}

static void
on_lost (GadContext *self)
{
  set_offline (self, TRUE);
}

/* Back: what was saved meanwhile was not announced, so every view reads
 * what it shows again. */
static void
on_reconnected (GadContext *self)
{
  set_offline (self, FALSE);
  gad_context_read_directory (self, NULL, NULL);
  gad_context_changed (self);
}

/**
 * gad_context_follow:
 *
 * From signing in to signing out (gad_context_stop_following()), views
 * show what colleagues save on the server as they save it.
 */
void
gad_context_follow (GadContext *self)
{
  g_return_if_fail (GAD_IS_CONTEXT (self));

  g_clear_object (&self->watch);
  g_clear_object (&self->worker);
  self->watch = gad_store_watch_new (self->store);
  g_signal_connect_object (self->watch, "changed", G_CALLBACK (on_saved_elsewhere), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->watch, "lost", G_CALLBACK (on_lost), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->watch, "reconnected", G_CALLBACK (on_reconnected), self,
                           G_CONNECT_SWAPPED);
}

/* The banner's Try Again: connect now, not at the next retry. */
void
gad_context_try_again (GadContext *self)
{
  g_return_if_fail (GAD_IS_CONTEXT (self));
  if (self->watch)
    gad_store_watch_try_again (self->watch);
}

void
gad_context_stop_following (GadContext *self)
{
  g_return_if_fail (GAD_IS_CONTEXT (self));

  g_clear_handle_id (&self->pending, g_source_remove);
  g_clear_object (&self->watch);
  g_clear_object (&self->worker);
  set_offline (self, FALSE);
}
