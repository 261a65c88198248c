/* gad-context.c — what every view shares: the store and the settings
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Handed to each view as a construct-only property instead of globals. Views
 * that show stored data listen to "changed", which any write emits, so a
 * client page and the registry list never disagree. On a server it is also
 * emitted when a colleague saves something (a GadStoreWatch hears it), and
 * after a dropped link comes back: screens follow each other.
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
  guint pending;
  gboolean offline;
};

G_DEFINE_FINAL_TYPE (GadContext, gad_context, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
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
}

static void
gad_context_init (GadContext *self)
{
  self->settings = g_settings_new (APP_ID);
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
  /* Our own saves have been shown already. */
  if (writer == gad_store_server_process (self->store) || self->pending)
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
