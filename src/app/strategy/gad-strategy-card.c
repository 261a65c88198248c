/* gad-strategy-card.c — the strategy at a glance, on the dashboards
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This year's tasks of the action plan counted on track, behind and done,
 * the ones behind named — a click opens the task — and the whole plan a
 * button away. Read on the worker's thread, again when anything is saved.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gad-strategy-card.h"
#include "gad-strategy-task-dialog.h"
#include "gad-strategy-window.h"
#include "gad-text.h"

#define MAX_NAMED 5

struct _GadStrategyCard
{
  GtkBox parent_instance;

  GadContext *context;
  GCancellable *loading;
  GPtrArray *tasks;       /* this year's; the buttons point into it */
  int year;
  GtkLabel *title;
  GtkLabel *summary;
  GtkBox *behind;
};

G_DEFINE_FINAL_TYPE (GadStrategyCard, gad_strategy_card, GTK_TYPE_BOX)

static gpointer
read_plan (GadStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return gad_store_strategy (store, GPOINTER_TO_INT (data), error);
}

static void
on_task (GtkButton       *button,
         GadStrategyCard *self)
{
  gtk_window_present (GTK_WINDOW (gad_strategy_task_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
    g_object_get_data (G_OBJECT (button), "task"), self->year)));
}

static void
on_plan (GadStrategyCard *self)
{
  gtk_window_present (GTK_WINDOW (gad_strategy_window_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context, self->year)));
}

static void
show (GadStrategyCard *self,
      GPtrArray       *tasks)
{
  guint counts[GAD_TASK_DONE + 1] = { 0 }, named = 0;
  g_autofree char *line = NULL;
  GtkWidget *child;

  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  self->tasks = tasks;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->behind))))
    gtk_box_remove (self->behind, child);
  for (guint i = 0; i < tasks->len; i++)
    {
      GadStrategyTask *t = g_ptr_array_index (tasks, i);
      GadTaskStatus status = gad_strategy_task_status (t, self->year);

      counts[status]++;
      if (status == GAD_TASK_BEHIND && named++ < MAX_NAMED)
        {
          g_autofree char *text = g_strdup_printf ("%s %s", t->code, t->text);
          GtkWidget *button = gtk_button_new_with_label (text);
          GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, t->text);
          g_object_set_data (G_OBJECT (button), "task", t);
          g_signal_connect (button, "clicked", G_CALLBACK (on_task), self);
          gtk_box_append (self->behind, button);
        }
    }
  line = g_strdup_printf (_("On track: %u · Behind: %u · Done: %u"), counts[GAD_TASK_ON_TRACK],
                          counts[GAD_TASK_BEHIND], counts[GAD_TASK_DONE]);
  gtk_label_set_label (self->summary, tasks->len ? line : _("No task of the plan this year."));
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GadStrategyCard) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *tasks = gad_worker_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (tasks == NULL)
    gtk_label_set_label (self->summary, error->message);
  else
    show (self, tasks);
}

static void
fill (GadStrategyCard *self)
{
  g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  gad_worker_run (gad_context_get_worker (self->context), read_plan, GINT_TO_POINTER (self->year),
                  NULL, (GDestroyNotify) g_ptr_array_unref, self->loading, on_loaded,
                  g_object_ref (self));
}

static void
gad_strategy_card_dispose (GObject *object)
{
  GadStrategyCard *self = GAD_STRATEGY_CARD (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_strategy_card_parent_class)->dispose (object);
}

static void
gad_strategy_card_class_init (GadStrategyCardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gad_strategy_card_dispose;
}

static void
gad_strategy_card_init (GadStrategyCard *self)
{
  GtkWidget *open = gtk_button_new_with_mnemonic (_("Open the _Plan…"));
  g_autofree char *today = gad_text_today_iso ();
  g_autofree char *title = NULL;

  self->year = atoi (today);
  title = g_strdup_printf (_("Strategy %d"), self->year);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  self->title = GTK_LABEL (gtk_label_new (title));
  self->summary = GTK_LABEL (gtk_label_new ("—"));
  self->behind = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_set_halign (open, GTK_ALIGN_END);
  gtk_widget_add_css_class (open, "flat");
  g_signal_connect_swapped (open, "clicked", G_CALLBACK (on_plan), self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->behind));
  gtk_box_append (GTK_BOX (self), open);
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self)); w;
       w = gtk_widget_get_next_sibling (w))
    g_object_set (w, "margin-start", 12, "margin-end", 12, NULL);
  gtk_widget_set_margin_top (GTK_WIDGET (self->title), 12);
  gtk_widget_set_margin_bottom (open, 6);
}

GtkWidget *
gad_strategy_card_new (GadContext *context)
{
  GadStrategyCard *self = g_object_new (GAD_TYPE_STRATEGY_CARD, NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  fill (self);
  return GTK_WIDGET (self);
}
