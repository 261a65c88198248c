/* gad-strategy-window.c — the strategy's action plan, a year at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year's tasks under their aims: each with its indicators' values
 * against their targets and its status; a click opens the task to enter
 * the year's figures and comment. Read on the worker's thread.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "gad-app-util.h"
#include "gad-strategy-task-dialog.h"
#include "gad-strategy-window.h"
#include "gad-text.h"

struct _GadStrategyWindow
{
  AdwWindow parent_instance;

  GadContext *context;
  GCancellable *loading;
  GPtrArray *tasks;       /* GadStrategyTask of the year shown; the rows point into it */

  GtkSpinButton *year_spin;
  GtkStack *stack;
  GtkBox *plan_box;
};

G_DEFINE_FINAL_TYPE (GadStrategyWindow, gad_strategy_window, ADW_TYPE_WINDOW)

static int
year_of (GadStrategyWindow *self)
{
  return gtk_spin_button_get_value_as_int (self->year_spin);
}

static gpointer
read_plan (GadStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return gad_store_strategy (store, GPOINTER_TO_INT (data), error);
}

static void
on_task (AdwActionRow      *row,
         GadStrategyWindow *self)
{
  GadStrategyTask *task = g_object_get_data (G_OBJECT (row), "task");

  gtk_window_present (GTK_WINDOW (gad_strategy_task_dialog_new (GTK_WINDOW (self), self->context,
                                                                task, year_of (self))));
}

/* 85, or 3,77; "—" for none. */
static char *
figure (gboolean has,
        double   value)
{
  if (!has)
    return g_strdup ("—");
  return gad_text_format_decimal (value, fabs (value - round (value)) < 1e-9 ? 0 : 2);
}

/* "Aprūpes mājās saņēmēji 85 (target 85)" for each indicator, a line each. */
static char *
indicators_text (const GadStrategyTask *task)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < task->indicators->len; i++)
    {
      GadIndicator *ind = g_ptr_array_index (task->indicators, i);
      g_autofree char *value = figure (ind->has_value, ind->value);
      g_autofree char *target = figure (ind->has_target, ind->target);

      if (out->len)
        g_string_append_c (out, '\n');
      /* TRANSLATORS: an indicator, its value in the year and its target */
      g_string_append_printf (out, _("%s: %s (target %s)"), ind->text, value, target);
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
status_label (GadTaskStatus status)
{
  GtkWidget *label = gtk_label_new (gad_task_status_label (status));

  gtk_widget_add_css_class (label, status == GAD_TASK_BEHIND ? "error"
                                   : status == GAD_TASK_NOT_MEASURED ? "dim-label" : "success");
  return label;
}

static void
show_plan (GadStrategyWindow *self,
           GPtrArray         *tasks)
{
  int year = year_of (self);
  guint counts[GAD_TASK_DONE + 1] = { 0 };
  GtkWidget *child, *group = NULL, *summary;
  const char *aim = NULL;
  g_autofree char *line = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plan_box))))
    gtk_box_remove (self->plan_box, child);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  self->tasks = tasks;
  for (guint i = 0; i < tasks->len; i++)
    counts[gad_strategy_task_status (tasks->pdata[i], year)]++;
  line = g_strdup_printf (_("On track: %u · Behind: %u · Done: %u · Not measured: %u"),
                          counts[GAD_TASK_ON_TRACK], counts[GAD_TASK_BEHIND],
                          counts[GAD_TASK_DONE], counts[GAD_TASK_NOT_MEASURED]);
  summary = gtk_label_new (line);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_widget_add_css_class (summary, "heading");
  gtk_box_append (self->plan_box, summary);
  for (guint i = 0; i < tasks->len; i++)
    {
      GadStrategyTask *t = g_ptr_array_index (tasks, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s %s", t->code, t->text);
      g_autofree char *subtitle = indicators_text (t);

      if (g_strcmp0 (aim, t->aim) != 0)
        {
          aim = t->aim;
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), aim);
          gtk_box_append (self->plan_box, group);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 status_label (gad_strategy_task_status (t, year)));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "task", t);
      g_signal_connect (row, "activated", G_CALLBACK (on_task), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_stack_set_visible_child_name (self->stack, tasks->len ? "plan" : "empty");
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GadStrategyWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *tasks = gad_worker_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (tasks == NULL)
    {
      gad_window_toast (GTK_WIDGET (self), error->message);
      return;
    }
  show_plan (self, tasks);
}

static void
fill (GadStrategyWindow *self)
{
  g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  gad_worker_run (gad_context_get_worker (self->context), read_plan,
                  GINT_TO_POINTER (year_of (self)), NULL, (GDestroyNotify) g_ptr_array_unref,
                  self->loading, on_loaded, g_object_ref (self));
}

static void
on_new (GadStrategyWindow *self)
{
  gtk_window_present (GTK_WINDOW (gad_strategy_task_dialog_new (GTK_WINDOW (self), self->context,
                                                                NULL, year_of (self))));
}

static void
gad_strategy_window_dispose (GObject *object)
{
  GadStrategyWindow *self = GAD_STRATEGY_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_STRATEGY_WINDOW);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_strategy_window_parent_class)->dispose (object);
}

static void
gad_strategy_window_class_init (GadStrategyWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_strategy_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-strategy-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadStrategyWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyWindow, plan_box);
  gtk_widget_class_bind_template_callback (widget_class, fill);
  gtk_widget_class_bind_template_callback (widget_class, on_new);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_strategy_window_init (GadStrategyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The plan in @year (0: this one). */
GadStrategyWindow *
gad_strategy_window_new (GtkWindow  *parent,
                         GadContext *context,
                         int         year)
{
  GadStrategyWindow *self = g_object_new (GAD_TYPE_STRATEGY_WINDOW, "transient-for", parent, NULL);
  g_autofree char *today = gad_text_today_iso ();

  self->context = g_object_ref (context);
  g_signal_handlers_block_by_func (self->year_spin, fill, self);
  gtk_spin_button_set_value (self->year_spin, year ? year : atoi (today));
  g_signal_handlers_unblock_by_func (self->year_spin, fill, self);
  g_signal_connect_object (context, "changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  fill (self);
  return self;
}
