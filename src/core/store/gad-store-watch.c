/* gad-store-watch.c — what colleagues save on the server, as it is saved
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every save on a server appends an audit row, and the server announces it
 * when the transaction commits (NOTIFY gadiba, from access.sql: "entity id
 * person writer"). A watch keeps a connection of its own that listens, with its
 * socket in the GLib main loop: nothing waits. When the link drops it
 * connects again in a thread, every few seconds, and says "reconnected":
 * what was announced meanwhile is lost, so whatever is shown is read again.
 * On a file there is nobody else to hear from and a watch stays silent.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib-unix.h>
#include <stdlib.h>

#include "gad-db.h"
#include "gad-store-private.h"
#include "gad-store-watch.h"

#define RETRY_SECONDS 3

struct _GadStoreWatch
{
  GObject parent_instance;

  char *conninfo;         /* the signed-in account's, with keepalives */
  GadDb *db;
  guint source;           /* the socket's, or the retry's timeout */
  GCancellable *cancellable;
  gboolean lost;          /* connected once, then lost: say "reconnected" */
};

G_DEFINE_FINAL_TYPE (GadStoreWatch, gad_store_watch, G_TYPE_OBJECT)

enum { CHANGED, LOST, RECONNECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void connect_async (GadStoreWatch *self);

static void
announce (GadStoreWatch *self,
          const char    *payload)
{
  g_auto(GStrv) parts = g_strsplit (payload, " ", 4);

  if (g_strv_length (parts) == 4)
    g_signal_emit (self, signals[CHANGED], 0, parts[0], g_ascii_strtoll (parts[1], NULL, 10),
                   g_ascii_strtoll (parts[2], NULL, 10),
                   (int) g_ascii_strtoll (parts[3], NULL, 10));
}

static gboolean
retry (gpointer data)
{
  GadStoreWatch *self = data;

  self->source = 0;
  connect_async (self);
  return G_SOURCE_REMOVE;
}

static void
drop (GadStoreWatch *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_pointer (&self->db, gad_db_close);
  self->lost = TRUE;
  self->source = g_timeout_add_seconds (RETRY_SECONDS, retry, self);
  g_signal_emit (self, signals[LOST], 0);
}

static gboolean
on_readable (int          fd,
             GIOCondition condition,
             gpointer     data)
{
  GadStoreWatch *self = data;
  g_autoptr(GPtrArray) payloads = g_ptr_array_new_with_free_func (g_free);
  gboolean alive = gad_db_take_notices (self->db, payloads);

  for (guint i = 0; i < payloads->len; i++)
    announce (self, g_ptr_array_index (payloads, i));
  if (alive && !(condition & (G_IO_HUP | G_IO_ERR)))
    return G_SOURCE_CONTINUE;
  self->source = 0;
  drop (self);
  return G_SOURCE_REMOVE;
}

static void
connect_thread (GTask        *task,
                gpointer      source,
                gpointer      conninfo,
                GCancellable *cancellable)
{
  GError *error = NULL;
  GadDb *db = gad_db_open (conninfo, &error);

  if (db && !gad_db_exec (db, "LISTEN gadiba"))
    {
      g_set_error (&error, GAD_STORE_ERROR, GAD_STORE_ERROR_UNREACHABLE, "%s",
                   gad_db_message (db));
      g_clear_pointer (&db, gad_db_close);
    }
  if (db)
    g_task_return_pointer (task, db, (GDestroyNotify) gad_db_close);
  else
    g_task_return_error (task, error);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GadStoreWatch *self = GAD_STORE_WATCH (source);
  g_autoptr(GError) error = NULL;
  GadDb *db = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&db, gad_db_close);
      return;
    }
  if (db == NULL)
    {
      self->source = g_timeout_add_seconds (RETRY_SECONDS, retry, self);
      return;
    }
  self->db = db;
  self->source = g_unix_fd_add (gad_db_socket (db), G_IO_IN | G_IO_HUP | G_IO_ERR, on_readable,
                                self);
  if (self->lost)
    {
      self->lost = FALSE;
      g_signal_emit (self, signals[RECONNECTED], 0);
    }
}

static void
connect_async (GadStoreWatch *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_connected, NULL);

  g_task_set_task_data (task, g_strdup (self->conninfo), g_free);
  g_task_run_in_thread (task, connect_thread);
}

static void
gad_store_watch_dispose (GObject *object)
{
  GadStoreWatch *self = GAD_STORE_WATCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_pointer (&self->db, gad_db_close);
  G_OBJECT_CLASS (gad_store_watch_parent_class)->dispose (object);
}

static void
gad_store_watch_finalize (GObject *object)
{
  GadStoreWatch *self = GAD_STORE_WATCH (object);

  g_clear_object (&self->cancellable);
  g_free (self->conninfo);
  G_OBJECT_CLASS (gad_store_watch_parent_class)->finalize (object);
}

static void
gad_store_watch_class_init (GadStoreWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gad_store_watch_dispose;
  G_OBJECT_CLASS (klass)->finalize = gad_store_watch_finalize;

  /**
   * GadStoreWatch::changed:
   * @entity: the audit log's name of what was saved ("person", "case", …)
   * @entity_id: which one
   * @person_id: whose file it is in, or 0
   * @writer: the server process of the connection that saved it (compare
   *   gad_store_server_process())
   *
   * Someone (here or elsewhere) committed a save.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_INT64,
                                   G_TYPE_INT64, G_TYPE_INT);
  /**
   * GadStoreWatch::lost:
   *
   * The link to the server dropped; the watch tries again every few seconds.
   */
  signals[LOST] = g_signal_new ("lost", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 0);
  /**
   * GadStoreWatch::reconnected:
   *
   * The link was lost and is back: saves announced meanwhile were missed.
   */
  signals[RECONNECTED] = g_signal_new ("reconnected", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gad_store_watch_init (GadStoreWatch *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * gad_store_watch_new:
 * @store: signed in to a server (on a file the watch stays silent)
 *
 * Starts listening, as @store's account, for what is saved on the server.
 * Connecting happens in a thread; the signals come in the thread-default
 * main context of the caller.
 */
GadStoreWatch *
gad_store_watch_new (GadStore *store)
{
  GadStoreWatch *self = g_object_new (GAD_TYPE_STORE_WATCH, NULL);

  g_return_val_if_fail (GAD_IS_STORE (store), self);
  if (store->conninfo == NULL)
    return self;
  /* A link that drops without a word is noticed in about half a minute. */
  self->conninfo = gad_db_conninfo_set (store->conninfo, "keepalives", "1", "keepalives_idle",
                                        "10", "keepalives_interval", "5", "keepalives_count", "3",
                                        NULL);
  connect_async (self);
  return self;
}

/**
 * gad_store_watch_try_again:
 *
 * After the link dropped: tries to connect now rather than at the next
 * retry (the person clicked Try Again).
 */
void
gad_store_watch_try_again (GadStoreWatch *self)
{
  g_return_if_fail (GAD_IS_STORE_WATCH (self));

  /* Connected, or a try under way (no retry waiting): nothing to hurry. */
  if (self->db || self->source == 0 || self->conninfo == NULL)
    return;
  g_clear_handle_id (&self->source, g_source_remove);
  connect_async (self);
}

/* Whether the watch listens now. */
gboolean
gad_store_watch_is_listening (GadStoreWatch *self)
{
  g_return_val_if_fail (GAD_IS_STORE_WATCH (self), FALSE);
  return self->db != NULL;
}
