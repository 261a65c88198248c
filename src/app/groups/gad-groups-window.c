/* gad-groups-window.c — group work: the year's groups, and one of them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The groups meeting in the year at the side, each with its kind and the
 * sessions held; the one chosen beside them. Read on the worker's thread,
 * and again when anything is saved.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gad-app-util.h"
#include "gad-catalog.h"
#include "gad-group-page.h"
#include "gad-groups-window.h"
#include "gad-text.h"

struct _GadGroupsWindow
{
  AdwWindow parent_instance;

  GadContext *context;
  GCancellable *loading;
  gint64 chosen;          /* the group shown, or 0 */
  GadGroupPage *page;

  GtkSpinButton *year_spin;
  GtkListBox *group_list;
  GtkStack *stack;
};

G_DEFINE_FINAL_TYPE (GadGroupsWindow, gad_groups_window, ADW_TYPE_WINDOW)

static gpointer
read_groups (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return gad_store_list_groups (store, GPOINTER_TO_INT (data), error);
}

static GtkWidget *
group_row (const GadGroup *g)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *held = g_strdup_printf (ngettext ("%d session held", "%d sessions held",
                                                     g->sessions_held), g->sessions_held);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                               gad_catalog_name (GAD_CATALOG_GROUP_FORM, g->form),
                                               held);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "entry", GSIZE_TO_POINTER (g->entry_id));
  return row;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GadGroupsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = gad_worker_run_finish (result, &error);
  GtkWidget *child, *chosen = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (groups == NULL)
    {
      gad_window_toast (GTK_WIDGET (self), error->message);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->group_list))))
    gtk_list_box_remove (self->group_list, child);
  for (guint i = 0; i < groups->len; i++)
    {
      GadGroup *g = g_ptr_array_index (groups, i);
      GtkWidget *row = group_row (g);

      gtk_list_box_append (self->group_list, row);
      if (g->entry_id == self->chosen || (chosen == NULL && i + 1 == groups->len && !self->chosen))
        chosen = row;
    }
  if (chosen == NULL && groups->len)
    chosen = gtk_widget_get_first_child (GTK_WIDGET (self->group_list));
  gtk_stack_set_visible_child_name (self->stack, groups->len ? "group" : "empty");
  gtk_list_box_select_row (self->group_list, GTK_LIST_BOX_ROW (chosen));
}

static void
fill (GadGroupsWindow *self)
{
  g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  gad_worker_run (gad_context_get_worker (self->context), read_groups,
                  GINT_TO_POINTER (gtk_spin_button_get_value_as_int (self->year_spin)), NULL,
                  (GDestroyNotify) g_ptr_array_unref, self->loading, on_loaded,
                  g_object_ref (self));
}

static void
on_selected (GadGroupsWindow *self,
             GtkListBoxRow   *row)
{
  gint64 entry = row ? GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "entry")) : 0;

  if (entry == 0 || entry == self->chosen)
    return;
  self->chosen = entry;
  gad_group_page_show (self->page, entry);
}

static void
gad_groups_window_dispose (GObject *object)
{
  GadGroupsWindow *self = GAD_GROUPS_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_GROUPS_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_groups_window_parent_class)->dispose (object);
}

static void
gad_groups_window_class_init (GadGroupsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_groups_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-groups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadGroupsWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, GadGroupsWindow, group_list);
  gtk_widget_class_bind_template_child (widget_class, GadGroupsWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, fill);
  gtk_widget_class_bind_template_callback (widget_class, on_selected);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_groups_window_init (GadGroupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The groups of @year (0: this one), showing @entry_id's (0: the newest). */
GadGroupsWindow *
gad_groups_window_new (GtkWindow  *parent,
                       GadContext *context,
                       gint64      entry_id,
                       int         year)
{
  GadGroupsWindow *self = g_object_new (GAD_TYPE_GROUPS_WINDOW, "transient-for", parent, NULL);
  g_autofree char *today = gad_text_today_iso ();

  self->context = g_object_ref (context);
  self->page = gad_group_page_new (context);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->page), "group");
  if (entry_id)
    {
      self->chosen = entry_id;
      gad_group_page_show (self->page, entry_id);
    }
  g_signal_handlers_block_by_func (self->year_spin, fill, self);
  gtk_spin_button_set_value (self->year_spin, year ? year : atoi (today));
  g_signal_handlers_unblock_by_func (self->year_spin, fill, self);
  g_signal_connect_object (context, "changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  fill (self);
  return self;
}
