/* gad-session.c — who is signed in to the windows: sign-in, idle lock, sign-out
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Until someone signs in, only the sign-in window exists. Then the main window
 * opens for the role (the audit log alone for an auditor). Any key, click or
 * pointer movement in any of the application's windows counts as use; after
 * the idle time the municipality set (Preferences → Data Protection), every
 * window is hidden — dialogs keep what was typed in them — until the same
 * staff member's password is given again.
 */
#define G_LOG_DOMAIN "gad-session"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-application.h"
#include "gad-audit-window.h"
#include "gad-session.h"
#include "gad-sign-in-window.h"
#include "gad-window.h"

#define IDLE_CHECK_SECONDS 5

struct _GadSession
{
  GObject parent_instance;

  GtkApplication *app;          /* not owned: the application owns us */
  GadContext *context;
  GadSignInWindow *sign_in;     /* while shown */
  GPtrArray *hidden;            /* windows hidden by the lock */
  GListModel *toplevels;
  gint64 last_use;              /* monotonic µs */
  guint idle_source;
};

G_DEFINE_FINAL_TYPE (GadSession, gad_session, G_TYPE_OBJECT)

static gboolean
on_event (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          GadSession               *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
      self->last_use = g_get_monotonic_time ();
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

/* Every new window of the application reports its use. */
static void
on_toplevels_changed (GListModel *list,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GadSession *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (list, i);
      GtkEventController *controller;

      if (g_object_get_data (G_OBJECT (window), "gad-session") != NULL)
        continue;
      controller = gtk_event_controller_legacy_new ();
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect_object (controller, "event", G_CALLBACK (on_event), self, 0);
      gtk_widget_add_controller (window, controller);
      g_object_set_data (G_OBJECT (window), "gad-session", self);
    }
}

/* The minutes of the idle lock are read with the context's lists, when
 * signing in and when Preferences here or a colleague's change them, not
 * at each check. */
static gboolean
check_idle (gpointer data)
{
  GadSession *self = data;
  GadStore *store = gad_context_get_store (self->context);
  GadRole role = gad_store_get_role (store);
  double minutes = gad_context_get_idle_lock_minutes (self->context);

  /* A file tells of nobody else's saves (a command line's, say), and is
   * read in no time: it is read again for the next check. */
  if (!gad_store_is_server (store) && role != GAD_ROLE_NONE)
    gad_context_read_directory (self->context, NULL, NULL);

  if (minutes > 0 && self->sign_in == NULL && role != GAD_ROLE_NONE
      && g_get_monotonic_time () - self->last_use > (gint64) (minutes * 60 * G_USEC_PER_SEC))
    gad_session_lock (self);
  return G_SOURCE_CONTINUE;
}

static void
open_main_window (GadSession *self)
{
  GadStore *store = gad_context_get_store (self->context);
  GtkWindow *window;

  if (gad_store_get_role (store) == GAD_ROLE_AUDITOR)
    {
      window = GTK_WINDOW (gad_audit_window_new (NULL, self->context));
      gtk_window_set_application (window, self->app);
    }
  else
    window = GTK_WINDOW (gad_window_new (GAD_APPLICATION (self->app), self->context));
  gtk_window_present (window);
  /* A new database's administrator goes on with the first set-up. */
  if (gad_context_get_setup_step (self->context) >= 0
      && gad_store_can (store, GAD_RIGHT_ADMINISTER, 0))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.setup", NULL);
}

static void
close_sign_in (GadSession *self)
{
  GtkWindow *window = GTK_WINDOW (g_steal_pointer (&self->sign_in));

  if (window)
    gtk_window_destroy (window);
}

/* The windows come once the lists their dialogs show are in. */
static void
on_directory_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GadSession *self = user_data;
  g_autoptr(GError) error = NULL;

  /* Without them the window still opens: its views say what went wrong. */
  if (!gad_context_read_directory_finish (GAD_CONTEXT (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The staff and parish lists could not be read: %s", error->message);
  if (self->hidden->len > 0)
    {
      for (guint i = 0; i < self->hidden->len; i++)
        gtk_window_present (g_ptr_array_index (self->hidden, i));
      g_ptr_array_set_size (self->hidden, 0);
    }
  else
    open_main_window (self);
  close_sign_in (self);
  g_object_unref (self->app);
}

static void
on_signed_in (GadSession *self)
{
  self->last_use = g_get_monotonic_time ();
  gad_context_follow (self->context);
  /* The session lives as long as its application. */
  g_object_ref (self->app);
  gad_context_read_directory (self->context, on_directory_read, self);
}

static void
destroy_windows (GadSession *self)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (self->app));

  g_ptr_array_set_size (self->hidden, 0);
  for (GList *l = windows; l; l = l->next)
    if (l->data != (gpointer) self->sign_in)
      gtk_window_destroy (l->data);
}

static void
on_switch_user (GadSession *self)
{
  destroy_windows (self);
  gad_context_stop_following (self->context);
  gad_store_sign_out (gad_context_get_store (self->context));
  gad_sign_in_window_set_mode (self->sign_in, GAD_SIGN_IN_SIGN_IN);
}

static void
show_sign_in (GadSession    *self,
              GadSignInMode  mode)
{
  if (self->sign_in == NULL)
    {
      self->sign_in = gad_sign_in_window_new (self->app, self->context, mode);
      g_signal_connect_object (self->sign_in, "signed-in", G_CALLBACK (on_signed_in), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->sign_in, "switch-user", G_CALLBACK (on_switch_user), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_swapped (self->sign_in, "destroy", G_CALLBACK (g_nullify_pointer),
                                &self->sign_in);
    }
  else
    gad_sign_in_window_set_mode (self->sign_in, mode);
  gtk_window_present (GTK_WINDOW (self->sign_in));
}

/**
 * gad_session_present:
 *
 * Shows the sign-in (or, on a database without accounts, the first
 * administrator's form), or brings the signed-in windows forward.
 */
void
gad_session_present (GadSession *self)
{
  GadStore *store = gad_context_get_store (self->context);
  GtkWindow *active = gtk_application_get_active_window (self->app);

  if (active)
    gtk_window_present (active);
  else if (gad_store_get_role (store) != GAD_ROLE_NONE)
    open_main_window (self);
  else
    show_sign_in (self, gad_store_has_accounts (store) ? GAD_SIGN_IN_SIGN_IN
                                                       : GAD_SIGN_IN_FIRST_RUN);
}

/* Hides every window, keeping them as they are, and asks for the password. */
void
gad_session_lock (GadSession *self)
{
  g_autoptr(GList) windows = NULL;

  if (self->sign_in != NULL || gad_store_get_role (gad_context_get_store (self->context))
                               == GAD_ROLE_NONE)
    return;
  windows = g_list_copy (gtk_application_get_windows (self->app));
  for (GList *l = g_list_last (windows); l; l = l->prev)
    if (gtk_widget_get_visible (l->data))
      {
        g_ptr_array_add (self->hidden, l->data);
        gtk_widget_set_visible (l->data, FALSE);
      }
  show_sign_in (self, GAD_SIGN_IN_UNLOCK);
}

void
gad_session_sign_out (GadSession *self)
{
  show_sign_in (self, GAD_SIGN_IN_SIGN_IN);
  on_switch_user (self);
}

/* The server refused the account in the middle of some work: once that
 * work has unwound, every window goes and the sign-in window says why. */
static void
after_signed_out (gpointer data)
{
  g_autoptr(GadSession) self = data;

  if (self->context == NULL)
    return;
  gad_session_sign_out (self);
  gad_sign_in_window_show_message (self->sign_in,
                                   _("An administrator has closed your account or changed its "
                                     "role, so you have been signed out. Sign in again, or ask "
                                     "your administrator."));
}

static void
on_store_signed_out (GadSession *self)
{
  g_idle_add_once (after_signed_out, g_object_ref (self));
}

static void
gad_session_dispose (GObject *object)
{
  GadSession *self = GAD_SESSION (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->toplevels)
    g_signal_handlers_disconnect_by_data (self->toplevels, self);
  g_clear_object (&self->context);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);
  G_OBJECT_CLASS (gad_session_parent_class)->dispose (object);
}

static void
gad_session_class_init (GadSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gad_session_dispose;
}

static void
gad_session_init (GadSession *self)
{
  self->hidden = g_ptr_array_new ();
  self->last_use = g_get_monotonic_time ();
}

GadSession *
gad_session_new (GtkApplication *app,
                 GadContext     *context)
{
  GadSession *self = g_object_new (GAD_TYPE_SESSION, NULL);

  self->app = app;
  self->context = g_object_ref (context);
  self->toplevels = gtk_window_get_toplevels ();
  g_signal_connect (self->toplevels, "items-changed", G_CALLBACK (on_toplevels_changed), self);
  on_toplevels_changed (self->toplevels, 0, 0, g_list_model_get_n_items (self->toplevels), self);
  self->idle_source = g_timeout_add_seconds (IDLE_CHECK_SECONDS, check_idle, self);
  g_signal_connect_object (gad_context_get_store (context), "signed-out",
                           G_CALLBACK (on_store_signed_out), self, G_CONNECT_SWAPPED);
  return self;
}
