/* gad-sign-in-window.c — the first administrator, signing in, and unlocking
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Gādība shows before any client data: on the first run it creates the
 * administrator's account; then staff sign in; after the idle time it asks the
 * same staff member's password again while every other window is hidden.
 */
#define G_LOG_DOMAIN "gad-sign-in-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-app-util.h"
#include "gad-sign-in-window.h"

struct _GadSignInWindow
{
  AdwApplicationWindow parent_instance;

  GadContext *context;
  GadSignInMode mode;
  char *locked_user;
  gboolean checking;   /* a password is being checked */

  AdwStatusPage *status_page;
  AdwEntryRow *name_row;
  AdwEntryRow *login_row;
  AdwEntryRow *password_row;
  AdwEntryRow *repeat_row;
  GtkLabel *error_label;
  GtkWidget *switch_button;
  GtkButton *sign_in_button;
};

G_DEFINE_FINAL_TYPE (GadSignInWindow, gad_sign_in_window, ADW_TYPE_APPLICATION_WINDOW)

enum { SIGNED_IN, SWITCH_USER, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (GadSignInWindow *self,
            const char      *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

/* Why the window asks again: the server signed the account out. */
void
gad_sign_in_window_show_message (GadSignInWindow *self,
                                 const char      *message)
{
  show_error (self, message);
}

/* The password is checked (Argon2id on a file: a tenth of a second; on a
 * server, connecting as the account) on a connection of its own in a
 * thread; the windows' store then takes that connection over. */
typedef struct
{
  char *database;
  GadSignInMode mode;
  char *name;
  char *login;
  char *password;
} Attempt;

static void
attempt_free (Attempt *a)
{
  g_free (a->database);
  g_free (a->name);
  g_free (a->login);
  if (a->password)
    memset (a->password, 0, strlen (a->password));
  g_free (a->password);
  g_free (a);
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  Attempt *a = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) store = gad_store_open_signed_out (a->database, &error);
  gboolean ok = store != NULL
                && (a->mode == GAD_SIGN_IN_FIRST_RUN
                      ? gad_store_create_administrator (store, a->name, a->login, a->password,
                                                        &error) > 0
                      : gad_store_sign_in (store, a->login, a->password, &error));

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GadSignInWindow *self = GAD_SIGN_IN_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) signed_in = g_task_propagate_pointer (G_TASK (result), &error);

  self->checking = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), TRUE);
  if (signed_in == NULL)
    {
      show_error (self, error->message);
      return;
    }
  gad_store_take_over (gad_context_get_store (self->context), signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");
  g_signal_emit (self, signals[SIGNED_IN], 0);
}

static void
on_sign_in_clicked (GadSignInWindow *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autoptr(GTask) task = NULL;
  Attempt *a;

  if (self->checking)
    return; /* one check at a time */
  if (self->mode == GAD_SIGN_IN_FIRST_RUN
      && !g_str_equal (password, gtk_editable_get_text (GTK_EDITABLE (self->repeat_row))))
    {
      show_error (self, _("The two passwords differ. Type the same password twice."));
      return;
    }
  a = g_new0 (Attempt, 1);
  a->database = g_strdup (gad_store_get_path (gad_context_get_store (self->context)));
  a->mode = self->mode;
  a->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  a->login = g_strdup (self->mode == GAD_SIGN_IN_UNLOCK
                         ? self->locked_user
                         : gtk_editable_get_text (GTK_EDITABLE (self->login_row)));
  a->password = g_strdup (password);
  self->checking = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), FALSE);
  task = g_task_new (self, NULL, on_checked, NULL);
  g_task_set_task_data (task, a, (GDestroyNotify) attempt_free);
  g_task_run_in_thread (task, check_thread);
}

static void
on_login_activated (GadSignInWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

/* Enter in the password goes on to the repeat on the first run, else signs in. */
static void
on_password_activated (GadSignInWindow *self)
{
  if (self->mode == GAD_SIGN_IN_FIRST_RUN)
    gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
  else
    on_sign_in_clicked (self);
}

static void
on_switch_clicked (GadSignInWindow *self)
{
  g_signal_emit (self, signals[SWITCH_USER], 0);
}

void
gad_sign_in_window_set_mode (GadSignInWindow *self,
                             GadSignInMode    mode)
{
  GadStore *store = gad_context_get_store (self->context);
  gboolean first = mode == GAD_SIGN_IN_FIRST_RUN;

  self->mode = mode;
  g_clear_pointer (&self->locked_user, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), first);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_row), first);
  gtk_widget_set_visible (GTK_WIDGET (self->login_row), mode != GAD_SIGN_IN_UNLOCK);
  gtk_widget_set_visible (self->switch_button, mode == GAD_SIGN_IN_UNLOCK);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  /* The lock cannot be closed away; signing in as someone else is the way out. */
  gtk_window_set_deletable (GTK_WINDOW (self), mode != GAD_SIGN_IN_UNLOCK);
  gtk_button_set_label (self->sign_in_button, first ? _("_Create Account") : _("_Sign In"));

  if (first)
    {
      adw_status_page_set_title (self->status_page, _("Welcome to Gādība"));
      adw_status_page_set_description (self->status_page,
                                       _("Create the administrator’s account. The administrator "
                                         "then gives every staff member an account and a role."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
  else if (mode == GAD_SIGN_IN_UNLOCK)
    {
      g_autofree char *text = NULL;

      self->locked_user = g_strdup (gad_store_get_username (store));
      /* TRANSLATORS: %s is the signed-in staff member's name */
      text = g_strdup_printf (_("Gādība was locked while %s was away. Enter the password to go on."),
                              gad_store_actor_name (store));
      adw_status_page_set_title (self->status_page, _("Locked"));
      adw_status_page_set_description (self->status_page, text);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("Sign In"));
      adw_status_page_set_description (self->status_page,
                                       _("Client files hold sensitive personal data: sign in "
                                         "with your own account."));
      gtk_editable_set_text (GTK_EDITABLE (self->login_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
    }
}

/* Signs in as if the login and password had been typed (for the startup bench). */
void
gad_sign_in_window_sign_in (GadSignInWindow *self,
                            const char      *login,
                            const char      *password)
{
  g_return_if_fail (GAD_IS_SIGN_IN_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), login);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password ? password : "");
  on_sign_in_clicked (self);
}

static void
gad_sign_in_window_finalize (GObject *object)
{
  GadSignInWindow *self = GAD_SIGN_IN_WINDOW (object);

  g_clear_object (&self->context);
  g_free (self->locked_user);
  G_OBJECT_CLASS (gad_sign_in_window_parent_class)->finalize (object);
}

static void
gad_sign_in_window_class_init (GadSignInWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = gad_sign_in_window_finalize;

  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SWITCH_USER] = g_signal_new ("switch-user", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-sign-in-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadSignInWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, GadSignInWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, GadSignInWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, GadSignInWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, GadSignInWindow, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, GadSignInWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadSignInWindow, switch_button);
  gtk_widget_class_bind_template_child (widget_class, GadSignInWindow, sign_in_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_login_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_switch_clicked);
}

static void
gad_sign_in_window_init (GadSignInWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gad_password_row_name_peek (GTK_WIDGET (self->password_row));
  gad_password_row_name_peek (GTK_WIDGET (self->repeat_row));
}

GadSignInWindow *
gad_sign_in_window_new (GtkApplication *app,
                        GadContext     *context,
                        GadSignInMode   mode)
{
  GadSignInWindow *self = g_object_new (GAD_TYPE_SIGN_IN_WINDOW, "application", app, NULL);

  self->context = g_object_ref (context);
  gad_sign_in_window_set_mode (self, mode);
  return self;
}
