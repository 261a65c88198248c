/* gad-my-work-window.c — My Work: what is due for the signed-in staff member
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A social worker's own clients' duties, quiet cases and today's visits; a
 * head's for the whole service, with the approvals waiting (gad-my-work.c).
 * Overdue first, in red; a row opens its client.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-my-work.h"
#include "gad-my-work-window.h"
#include "gad-registry-view.h"
#include "gad-text.h"
#include "gad-window.h"

struct _GadMyWorkWindow
{
  AdwWindow parent_instance;

  GadContext *context;

  AdwWindowTitle *title;
  GtkListBox *items_list;
  GtkStack *stack;
};

G_DEFINE_FINAL_TYPE (GadMyWorkWindow, gad_my_work_window, ADW_TYPE_WINDOW)

static void
on_row_activated (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  GadMyWorkWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));

  if (GAD_IS_WINDOW (parent))
    gad_registry_view_show_person (GAD_REGISTRY_VIEW (gad_window_get_registry_view (
                                     GAD_WINDOW (parent))), person);
  gtk_window_destroy (GTK_WINDOW (self));
}

static const char *
kind_label (GadDueKind kind)
{
  switch (kind)
    {
    case GAD_DUE_DUTY:
      return _("Co-operation duty");
    case GAD_DUE_QUIET_CASE:
      return _("Case without a record for 60 days");
    case GAD_DUE_VISIT:
      return _("Today");
    case GAD_DUE_TASK:
      return _("Task in the plan");
    case GAD_DUE_REVIEW:
      return _("Plan review");
    case GAD_DUE_APPROVAL:
    default:
      return _("Waiting for approval");
    }
}

static void
show_items (GadMyWorkWindow *self,
            GPtrArray       *items)
{
  guint overdue = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GadDueItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *due = gad_text_format_date (item->due_on);
      /* TRANSLATORS: an item in My Work: client · what kind · the day */
      g_autofree char *subtitle = g_strdup_printf (item->overdue ? _("%s · %s · overdue since %s")
                                                                 : _("%s · %s · due %s"),
                                                   item->person, kind_label (item->kind), due);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->what);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "person-id", GSIZE_TO_POINTER (item->person_id));
      if (item->overdue)
        {
          gtk_widget_add_css_class (row, "error");
          overdue++;
        }
      gtk_list_box_append (self->items_list, row);
    }
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  if (items->len > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u Due, %u Overdue",
                                                          "%u Due, %u Overdue", items->len),
                                                items->len, overdue);
      adw_window_title_set_title (self->title, title);
    }
}

static gpointer
read_items (GadStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *today = gad_text_today_iso ();

  return gad_my_work (store, today, error);
}

static void
on_items_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GadMyWorkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = gad_worker_run_finish (result, &error);

  if (items)
    show_items (self, items);
  else
    adw_window_title_set_subtitle (self->title, error->message);
}

/* The list is read on the worker's thread. */
static void
fill (GadMyWorkWindow *self)
{
  GadStore *store = gad_context_get_store (self->context);

  /* A social worker's own; a head's the whole service's. */
  adw_window_title_set_subtitle (self->title,
                                 gad_store_get_role (store) == GAD_ROLE_SOCIAL_WORKER
                                   ? gad_store_actor_name (store) : _("All clients"));
  gad_worker_run (gad_context_get_worker (self->context), read_items, NULL, NULL,
                  (GDestroyNotify) g_ptr_array_unref, NULL, on_items_read, g_object_ref (self));
}

static void
gad_my_work_window_dispose (GObject *object)
{
  GadMyWorkWindow *self = GAD_MY_WORK_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_MY_WORK_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_my_work_window_parent_class)->dispose (object);
}

static void
gad_my_work_window_class_init (GadMyWorkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_my_work_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-my-work-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadMyWorkWindow, title);
  gtk_widget_class_bind_template_child (widget_class, GadMyWorkWindow, items_list);
  gtk_widget_class_bind_template_child (widget_class, GadMyWorkWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gad_my_work_window_init (GadMyWorkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GadMyWorkWindow *
gad_my_work_window_new (GtkWindow  *parent,
                       GadContext *context)
{
  GadMyWorkWindow *self = g_object_new (GAD_TYPE_MY_WORK_WINDOW, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  fill (self);
  return self;
}
