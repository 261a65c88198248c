/* gad-group-session-dialog.c — one session of a group: its plan and who came
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session's topic and plan, how many came who are not clients, and a
 * check a client on the list for who came. Saved on the worker's thread:
 * the plan, then each client's attendance changed; a refused save keeps
 * everything typed.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gad-app-util.h"
#include "gad-group-session-dialog.h"
#include "gad-text.h"

struct _GadGroupSessionDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  gint64 entry_id;
  GadGroupSession *session; /* as read */

  GtkWidget *save_button;
  GtkLabel *error_label;
  AdwEntryRow *topic_row;
  GtkTextView *plan_view;
  AdwEntryRow *others_row;
  GtkListBox *attendance_list;
};

G_DEFINE_FINAL_TYPE (GadGroupSessionDialog, gad_group_session_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  gint64 entry_id;
  GadGroupSession *session;
  GArray *present;        /* gint64 pairs: a client whose check changed, and 1 or 0 */
} Save;

static void
save_free (Save *s)
{
  gad_group_session_free (s->session);
  g_array_unref (s->present);
  g_free (s);
}

static gpointer
save_session (GadStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Save *s = data;

  if (!gad_store_save_group_session (store, s->entry_id, s->session, error))
    return NULL;
  for (guint i = 0; i + 1 < s->present->len; i += 2)
    if (!gad_store_record_attendance (store, s->entry_id, s->session->date,
                                      g_array_index (s->present, gint64, i),
                                      g_array_index (s->present, gint64, i + 1), error))
      return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
on_save (GadGroupSessionDialog *self)
{
  const char *others = gtk_editable_get_text (GTK_EDITABLE (self->others_row));
  g_autofree char *stripped = g_strstrip (g_strdup (others));
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->plan_view);
  Save *s;
  char *rest;
  long count = *stripped ? strtol (stripped, &rest, 10) : -1;

  if (*stripped && (*rest != '\0' || count < 0 || count > GAD_GROUP_MAX_OTHERS))
    {
      g_autofree char *message = g_strdup_printf (
        _("Count the others who came from 0 to %d, or leave it empty."), GAD_GROUP_MAX_OTHERS);

      gad_row_set_error (self->others_row, TRUE);
      gad_show_error (self->error_label, message);
      return;
    }
  gad_row_set_error (self->others_row, FALSE);
  s = g_new0 (Save, 1);
  s->entry_id = self->entry_id;
  s->session = g_new0 (GadGroupSession, 1);
  s->session->date = g_strdup (self->session->date);
  s->session->topic = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->topic_row))));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  s->session->plan = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  s->session->others_present = (int) count;
  s->session->status = g_strdup (self->session->status);
  s->present = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person"));
      int was = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "was"));
      gint64 now = gtk_check_button_get_active (check);

      if (check == NULL || was == now)
        continue;
      g_array_append_val (s->present, person);
      g_array_append_val (s->present, now);
    }
  if (!gad_group_session_check (s->session, &error))
    {
      gad_show_error (self->error_label, error->message);
      save_free (s);
      return;
    }
  gad_dialog_save (GTK_WIDGET (self), self->save_button, self->error_label, self->context,
                   save_session, s, (GDestroyNotify) save_free, NULL, NULL);
}

typedef struct
{
  gint64 entry_id;
  char *date;
} Read;

static void
read_free (Read *r)
{
  g_free (r->date);
  g_free (r);
}

static gpointer
read_attendance (GadStore      *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Read *r = data;

  return gad_store_list_attendance (store, r->entry_id, r->date, error);
}

/* A check a client: ticked if marked present. */
static void
on_attendance (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GadGroupSessionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = gad_worker_run_finish (result, &error);

  if (list == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      GadAttendance *a = g_ptr_array_index (list, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), a->present == 1);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_object_set_data (G_OBJECT (row), "person", GSIZE_TO_POINTER (a->person_id));
      /* Not marked shows as not come, and stays unmarked unless ticked: a
       * session planned ahead marks nobody absent. */
      g_object_set_data (G_OBJECT (row), "was", GINT_TO_POINTER (a->present == 1));
      gtk_list_box_append (self->attendance_list, row);
    }
  if (list->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No clients on the list"));
      gtk_list_box_append (self->attendance_list, row);
    }
}

static void
gad_group_session_dialog_dispose (GObject *object)
{
  GadGroupSessionDialog *self = GAD_GROUP_SESSION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_GROUP_SESSION_DIALOG);
  g_clear_pointer (&self->session, gad_group_session_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_group_session_dialog_parent_class)->dispose (object);
}

static void
gad_group_session_dialog_class_init (GadGroupSessionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_group_session_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-group-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GadGroupSessionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GadGroupSessionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadGroupSessionDialog, topic_row);
  gtk_widget_class_bind_template_child (widget_class, GadGroupSessionDialog, plan_view);
  gtk_widget_class_bind_template_child (widget_class, GadGroupSessionDialog, others_row);
  gtk_widget_class_bind_template_child (widget_class, GadGroupSessionDialog, attendance_list);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_group_session_dialog_init (GadGroupSessionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GadGroupSessionDialog *
gad_group_session_dialog_new (GtkWindow             *parent,
                              GadContext            *context,
                              const GadGroup        *group,
                              const GadGroupSession *session)
{
  GadGroupSessionDialog *self = g_object_new (GAD_TYPE_GROUP_SESSION_DIALOG, "transient-for",
                                              parent, NULL);
  g_autofree char *date = gad_text_format_date (session->date);
  g_autofree char *title = g_strdup_printf (_("%s, %s"), group->title, date);
  g_autofree char *others = session->others_present < 0 ? g_strdup ("")
                            : g_strdup_printf ("%d", session->others_present);
  Read *r = g_new0 (Read, 1);

  self->context = g_object_ref (context);
  self->entry_id = group->entry_id;
  self->session = g_new0 (GadGroupSession, 1);
  self->session->date = g_strdup (session->date);
  self->session->status = g_strdup (session->status);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_editable_set_text (GTK_EDITABLE (self->topic_row), session->topic);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->plan_view), session->plan, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->others_row), others);
  gad_dialog_use_keyboard (GTK_WINDOW (self), GTK_BUTTON (self->save_button));
  r->entry_id = group->entry_id;
  r->date = g_strdup (session->date);
  gad_worker_run (gad_context_get_worker (context), read_attendance, r, (GDestroyNotify) read_free,
                  (GDestroyNotify) g_ptr_array_unref, NULL, on_attendance, g_object_ref (self));
  return self;
}
