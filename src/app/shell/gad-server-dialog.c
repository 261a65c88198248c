/* gad-server-dialog.c — connecting a workstation to the service's database server
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The address is tried on a worker thread (a server may take seconds to
 * answer, or not answer at all) by signing in to it with the staff member's
 * own account; only an address that opened a Gādība database is kept, in
 * the "database" setting, for the next start — without any name or
 * password. A failure says why and keeps what was typed.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "gad-server-dialog.h"
#include "gad-store.h"

struct _GadServerDialog
{
  AdwWindow parent_instance;

  GCancellable *cancellable;
  GtkButton *connect_button;
  GtkSpinner *spinner;
  GtkLabel *error_label;
  AdwEntryRow *host_row;
  AdwEntryRow *port_row;
  AdwEntryRow *database_row;
  GtkSwitch *tls_switch;
  AdwEntryRow *login_row;
  AdwEntryRow *password_row;
};

G_DEFINE_FINAL_TYPE (GadServerDialog, gad_server_dialog, ADW_TYPE_WINDOW)

enum { CONNECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* A libpq URI from the fields, each part percent-encoded. TLS is used
 * wherever the server offers it (libpq's "prefer"); the switch makes it a
 * condition. */
static char *
server_address (const char *host,
                const char *port,
                const char *database,
                gboolean    tls)
{
  g_autofree char *h = g_uri_escape_string (host, "[]:", FALSE);
  g_autofree char *d = g_uri_escape_string (database, NULL, FALSE);

  return g_strdup_printf ("postgresql://%s%s%s/%s%s", h, *port ? ":" : "", port, d,
                          tls ? "?sslmode=require" : "");
}

typedef struct
{
  char *address;
  char *login;
  char *password;
} Attempt;

static void
attempt_free (Attempt *a)
{
  g_free (a->address);
  g_free (a->login);
  memset (a->password, 0, strlen (a->password));
  g_free (a->password);
  g_free (a);
}

static void
validate (GadServerDialog *self)
{
  const char *port = text_of (self->port_row);
  gboolean port_ok = *port == '\0' || (strspn (port, "0123456789") == strlen (port)
                                        && atoi (port) > 0 && atoi (port) < 65536);

  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button),
                            *text_of (self->host_row) && *text_of (self->database_row) && port_ok
                            && *text_of (self->login_row) && *text_of (self->password_row)
                            && !gtk_spinner_get_spinning (self->spinner));
}

static void
try_address (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Attempt *a = data;
  GError *error = NULL;
  g_autoptr(GadStore) store = gad_store_sign_in_to (a->address, a->login, a->password, &error);

  if (store)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_tried (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GadServerDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Attempt *a = g_task_get_task_data (G_TASK (result));

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      validate (self);
      return;
    }
  g_signal_emit (self, signals[CONNECTED], 0, a->address);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_connect (GadServerDialog *self)
{
  g_autoptr(GTask) task = NULL;
  Attempt *a;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->connect_button)))
    return;
  a = g_new0 (Attempt, 1);
  a->address = server_address (text_of (self->host_row), text_of (self->port_row),
                               text_of (self->database_row),
                               gtk_switch_get_active (self->tls_switch));
  a->login = g_strdup (text_of (self->login_row));
  a->password = g_strdup (text_of (self->password_row));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  validate (self);
  task = g_task_new (NULL, NULL, on_tried, g_object_ref (self));
  g_task_set_task_data (task, a, (GDestroyNotify) attempt_free);
  g_task_run_in_thread (task, try_address);
}

/* A reply that comes after the dialog closed finds this cancelled and
 * leaves the (cleared) widgets alone. */
static void
gad_server_dialog_dispose (GObject *object)
{
  g_cancellable_cancel (GAD_SERVER_DIALOG (object)->cancellable);
  G_OBJECT_CLASS (gad_server_dialog_parent_class)->dispose (object);
}

static void
gad_server_dialog_finalize (GObject *object)
{
  g_clear_object (&GAD_SERVER_DIALOG (object)->cancellable);
  G_OBJECT_CLASS (gad_server_dialog_parent_class)->finalize (object);
}

static void
gad_server_dialog_class_init (GadServerDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_server_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = gad_server_dialog_finalize;
  /* The address that opened: the caller keeps it for the next start. */
  signals[CONNECTED] = g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-server-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GadServerDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, GadServerDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, GadServerDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadServerDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, GadServerDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, GadServerDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, GadServerDialog, tls_switch);
  gtk_widget_class_bind_template_child (widget_class, GadServerDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, GadServerDialog, password_row);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_connect);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_destroy);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gad_server_dialog_init (GadServerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  validate (self);
}

GadServerDialog *
gad_server_dialog_new (GtkWindow *parent)
{
  return g_object_new (GAD_TYPE_SERVER_DIALOG, "transient-for", parent, NULL);
}
