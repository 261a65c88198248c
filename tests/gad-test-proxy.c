/* gad-test-proxy.c — a link to the test server that is slow, or drops
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Listens on a port of its own and passes each connection on to the test
 * server, after a delay each way (a parish office's link), and can drop
 * every link at the worst moment: when a COMMIT has gone to the server and
 * its answer is on its way back.
 */
#define _GNU_SOURCE   /* memmem () */
#include <gio/gio.h>
#include <string.h>

#include "gad-test-proxy.h"

struct _GadTestProxy
{
  GSocketListener *listener;
  guint16 port;
  char *host;
  guint16 server_port;
  gint delay_ms;
  gint cut_at_commit;   /* drop the link once a COMMIT has gone through */
  gint holding;         /* the server's answers are not passed on */
  gint refusing;        /* drop new links at once */
  gint cuts;
  GMutex lock;
  GPtrArray *links;     /* GSocketConnection, both ends of each */
  GCancellable *stop;
  GThread *thread;
};

typedef struct
{
  GadTestProxy *proxy;
  GSocketConnection *from;
  GSocketConnection *to;
  gboolean to_server;
  GAsyncQueue *late;    /* Chunks on their way, read at their time */
} Pump;

typedef struct
{
  gint64 due;           /* monotonic µs */
  gssize size;          /* 0: the link ended */
  char data[];
} Chunk;

/* The far end of a delayed direction: each chunk goes on @delay after it
 * came, as over a long line, while the ones after it are already on their
 * way (a delay per chunk in turn would make a thin line of it instead). */
static gpointer
deliver (gpointer data)
{
  Pump *p = data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (p->to));
  Chunk *c;

  while ((c = g_async_queue_pop (p->late))->size > 0)
    {
      gint64 wait = c->due - g_get_monotonic_time ();

      if (wait > 0)
        g_usleep (wait);
      if (!g_output_stream_write_all (out, c->data, c->size, NULL, NULL, NULL))
        {
          g_free (c);
          break;
        }
      g_free (c);
    }
  /* The reader ends the link; what is still queued is dropped with it. */
  return NULL;
}

static void
cut_all (GadTestProxy *self)
{
  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->links->len; i++)
    g_socket_shutdown (g_socket_connection_get_socket (g_ptr_array_index (self->links, i)),
                       TRUE, TRUE, NULL);
  g_ptr_array_set_size (self->links, 0);
  g_mutex_unlock (&self->lock);
}

static gpointer
pump (gpointer data)
{
  Pump *p = data;
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (p->from));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (p->to));
  char buffer[65536];
  gssize n;
  GThread *deliverer;

  p->late = g_async_queue_new_full (g_free);
  deliverer = g_thread_new ("late", deliver, p);
  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      gboolean commit = p->to_server && g_atomic_int_get (&p->proxy->cut_at_commit)
                        && n > 5 && buffer[0] == 'Q' && memmem (buffer, n, "COMMIT", 6);

      if (commit)
        g_atomic_int_set (&p->proxy->holding, TRUE);
      else if (!p->to_server && g_atomic_int_get (&p->proxy->holding))
        continue;
      if (g_atomic_int_get (&p->proxy->delay_ms) > 0)
        {
          Chunk *c = g_malloc (sizeof (Chunk) + n);

          c->due = g_get_monotonic_time () + g_atomic_int_get (&p->proxy->delay_ms) * 1000;
          c->size = n;
          memcpy (c->data, buffer, n);
          g_async_queue_push (p->late, c);
        }
      else if (!g_output_stream_write_all (out, buffer, n, NULL, NULL, NULL))
        break;
      if (commit)
        {
          /* The server has it; its answer never comes back. */
          g_usleep ((300 + g_atomic_int_get (&p->proxy->delay_ms)) * 1000);
          g_atomic_int_set (&p->proxy->cut_at_commit, FALSE);
          g_atomic_int_inc (&p->proxy->cuts);
          cut_all (p->proxy);
          g_atomic_int_set (&p->proxy->holding, FALSE);
          break;
        }
    }
  {
    Chunk *end = g_new0 (Chunk, 1);

    g_async_queue_push (p->late, end);
    g_thread_join (deliverer);
  }
  g_async_queue_unref (p->late);
  g_io_stream_close (G_IO_STREAM (p->from), NULL, NULL);
  g_io_stream_close (G_IO_STREAM (p->to), NULL, NULL);
  g_object_unref (p->from);
  g_object_unref (p->to);
  g_free (p);
  return NULL;
}

static gpointer
accept_links (gpointer data)
{
  GadTestProxy *self = data;
  GSocketConnection *client;

  while ((client = g_socket_listener_accept (self->listener, NULL, self->stop, NULL)))
    {
      g_autoptr(GSocketClient) connector = g_socket_client_new ();
      GSocketConnection *server;

      if (g_atomic_int_get (&self->refusing)
          || !(server = g_socket_client_connect_to_host (connector, self->host,
                                                         self->server_port, NULL, NULL)))
        {
          g_io_stream_close (G_IO_STREAM (client), NULL, NULL);
          g_object_unref (client);
          continue;
        }
      g_mutex_lock (&self->lock);
      g_ptr_array_add (self->links, g_object_ref (client));
      g_ptr_array_add (self->links, g_object_ref (server));
      g_mutex_unlock (&self->lock);
      g_thread_unref (g_thread_new ("up", pump, g_memdup2 (&(Pump) { self, g_object_ref (client),
                                                                     g_object_ref (server), TRUE },
                                                           sizeof (Pump))));
      g_thread_unref (g_thread_new ("down", pump, g_memdup2 (&(Pump) { self, server, client, FALSE },
                                                             sizeof (Pump))));
    }
  return NULL;
}

/* A proxy to the test server at @host:@port. */
GadTestProxy *
gad_test_proxy_new (const char *host,
                    guint16     port)
{
  GadTestProxy *self = g_new0 (GadTestProxy, 1);
  g_autoptr(GError) error = NULL;

  self->host = g_strdup (host);
  self->server_port = port;
  self->links = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&self->lock);
  self->stop = g_cancellable_new ();
  self->listener = g_socket_listener_new ();
  self->port = g_socket_listener_add_any_inet_port (self->listener, NULL, &error);
  g_assert_no_error (error);
  self->thread = g_thread_new ("proxy", accept_links, self);
  return self;
}

guint16
gad_test_proxy_port (GadTestProxy *self)
{
  return self->port;
}

/* Each message waits @ms on its way, both ways. */
void
gad_test_proxy_set_delay (GadTestProxy *self,
                          guint         ms)
{
  g_atomic_int_set (&self->delay_ms, ms);
}

/* The next COMMIT reaches the server, and then every link drops. */
void
gad_test_proxy_cut_at_commit (GadTestProxy *self)
{
  g_atomic_int_set (&self->cut_at_commit, TRUE);
}

guint
gad_test_proxy_cuts (GadTestProxy *self)
{
  return g_atomic_int_get (&self->cuts);
}

/* While @refusing, the server cannot be reached. */
void
gad_test_proxy_refuse (GadTestProxy *self,
                       gboolean      refusing)
{
  g_atomic_int_set (&self->refusing, refusing);
}

void
gad_test_proxy_free (GadTestProxy *self)
{
  g_cancellable_cancel (self->stop);
  g_thread_join (self->thread);
  g_socket_listener_close (self->listener);
  cut_all (self);
  g_object_unref (self->stop);
  g_object_unref (self->listener);
  g_ptr_array_unref (self->links);
  g_mutex_clear (&self->lock);
  g_free (self->host);
  g_free (self);
}
