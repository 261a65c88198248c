/* gad-duties-window.c — the co-operation duties due, across a worker's clients
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A signed-in social worker sees their own clients' duties; a head every
 * open duty. Overdue ones stand out.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-duties-window.h"
#include "gad-registry-view.h"
#include "gad-text.h"
#include "gad-window.h"

struct _GadDutiesWindow
{
  AdwWindow parent_instance;

  GadContext *context;

  AdwWindowTitle *title;
  GtkListBox *duties_list;
  GtkStack *stack;
};

G_DEFINE_FINAL_TYPE (GadDutiesWindow, gad_duties_window, ADW_TYPE_WINDOW)

static void
on_row_activated (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  GadDutiesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));

  if (GAD_IS_WINDOW (parent))
    gad_registry_view_show_person (GAD_REGISTRY_VIEW (gad_window_get_registry_view (
                                     GAD_WINDOW (parent))), person);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
show_duties (GadDutiesWindow *self,
             GPtrArray       *duties)
{
  g_autofree char *today = gad_text_today_iso ();
  guint overdue = 0;
  for (guint i = 0; i < duties->len; i++)
    {
      GadDuty *d = g_ptr_array_index (duties, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *due = gad_text_format_date (d->due_on);
      g_autofree char *subtitle = NULL;
      gboolean late = strcmp (d->due_on, today) < 0;

      /* TRANSLATORS: a duty in the list of all due: client · due date */
      subtitle = g_strdup_printf (late ? _("%s · overdue since %s") : _("%s · due %s"),
                                  d->person_name, due);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "person-id", GSIZE_TO_POINTER (d->person_id));
      if (late)
        {
          gtk_widget_add_css_class (row, "error");
          overdue++;
        }
      gtk_list_box_append (self->duties_list, row);
    }
  gtk_stack_set_visible_child_name (self->stack, duties->len > 0 ? "list" : "empty");
  if (duties->len > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u Duty Due, %u Overdue",
                                                          "%u Duties Due, %u Overdue",
                                                          duties->len),
                                                duties->len, overdue);
      adw_window_title_set_title (self->title, title);
    }
}

static gpointer
read_duties (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return gad_store_list_open_duties (store, GPOINTER_TO_SIZE (data), error);
}

static void
on_duties_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GadDutiesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) duties = gad_worker_run_finish (result, &error);

  if (duties)
    show_duties (self, duties);
  else
    adw_window_title_set_subtitle (self->title, error->message);
}

/* The list is read on the worker's thread. */
static void
fill (GadDutiesWindow *self)
{
  GadStore *store = gad_context_get_store (self->context);
  /* A social worker's own duties; a head sees everyone's. */
  gint64 worker = gad_store_get_role (store) == GAD_ROLE_SOCIAL_WORKER ? gad_store_actor_id (store)
                                                                       : 0;

  adw_window_title_set_subtitle (self->title, worker > 0 ? gad_store_actor_name (store)
                                                         : _("All clients"));
  gad_worker_run (gad_context_get_worker (self->context), read_duties, GSIZE_TO_POINTER (worker),
                  NULL, (GDestroyNotify) g_ptr_array_unref, NULL, on_duties_read,
                  g_object_ref (self));
}

static void
gad_duties_window_dispose (GObject *object)
{
  GadDutiesWindow *self = GAD_DUTIES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_DUTIES_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_duties_window_parent_class)->dispose (object);
}

static void
gad_duties_window_class_init (GadDutiesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_duties_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-duties-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadDutiesWindow, title);
  gtk_widget_class_bind_template_child (widget_class, GadDutiesWindow, duties_list);
  gtk_widget_class_bind_template_child (widget_class, GadDutiesWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gad_duties_window_init (GadDutiesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GadDutiesWindow *
gad_duties_window_new (GtkWindow  *parent,
                       GadContext *context)
{
  GadDutiesWindow *self = g_object_new (GAD_TYPE_DUTIES_WINDOW, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  fill (self);
  return self;
}
