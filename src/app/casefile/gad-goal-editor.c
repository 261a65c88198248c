/* gad-goal-editor.c — a goal of a case's plan and its tasks, edited
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The goal's words, then a row a task that opens to its words, who does it
 * (the client, the worker, another institution, named), by when, and how it
 * went. A new task opens; a task's row says who and when while closed.
 * The goal hands back what was typed, its dates marked where they are not
 * dates; the store says what else is missing.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-catalog.h"
#include "gad-goal-editor.h"
#include "gad-text.h"

static const char *const statuses[] = { "open", "fulfilled", "failed" };

typedef struct
{
  AdwExpanderRow *row;
  AdwEntryRow *text;
  AdwComboRow *doer;
  AdwEntryRow *institution;
  AdwEntryRow *due;
  AdwComboRow *status;
  gint64 id;
  char *recorded_on;
} Task;

struct _GadGoalEditor
{
  AdwPreferencesGroup parent_instance;

  GPtrArray *tasks;              /* of Task, in order */
  gboolean writes;

  GtkWidget *buttons;
  AdwEntryRow *text_row;
};

G_DEFINE_FINAL_TYPE (GadGoalEditor, gad_goal_editor, ADW_TYPE_PREFERENCES_GROUP)

enum { REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
task_free (Task *t)
{
  g_free (t->recorded_on);
  g_free (t);
}

static const char *
doer_code (Task *t)
{
  guint n;
  const GadCatalogEntry *doers = gad_catalog_entries (GAD_CATALOG_TASK_DOER, &n);
  guint i = adw_combo_row_get_selected (t->doer);

  return doers[i < n ? i : 0].code;
}

/* The closed row says what the task is, who does it and by when. */
static void
update_row (Task *t)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (t->text));
  const char *due = gtk_editable_get_text (GTK_EDITABLE (t->due));
  gboolean institution = g_str_equal (doer_code (t), "institution");
  const char *who = institution && *gtk_editable_get_text (GTK_EDITABLE (t->institution))
                      ? gtk_editable_get_text (GTK_EDITABLE (t->institution))
                      : gad_catalog_name (GAD_CATALOG_TASK_DOER, doer_code (t));
  GtkStringObject *status = adw_combo_row_get_selected_item (t->status);
  /* TRANSLATORS: a plan task's row: who does it · by when · how it went */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"), who, due,
                                               gtk_string_object_get_string (status));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (t->row), *text ? text : _("New task"));
  adw_expander_row_set_subtitle (t->row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (t->institution), institution);
}

static void
on_remove_task (GtkButton     *button,
                GadGoalEditor *self)
{
  Task *t = g_object_get_data (G_OBJECT (button), "task");

  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (t->row));
  g_ptr_array_remove (self->tasks, t);
}

static AdwComboRow *
combo_row (const char *title,
           GListModel *model)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, model);
  g_object_unref (model);
  return row;
}

static void
add_task (GadGoalEditor     *self,
          const GadPlanTask *task)
{
  Task *t = g_new0 (Task, 1);
  GtkStringList *status_names = gtk_string_list_new ((const char *[]) {
    _("Open"), _("Fulfilled"), _("Not fulfilled"), NULL });
  g_autofree char *due = task ? gad_text_format_date (task->due_on) : NULL;

  t->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  t->text = ADW_ENTRY_ROW (gad_entry_row_new (_("Task"), task ? task->text : NULL));
  t->doer = combo_row (_("Who does it"), gad_catalog_model (GAD_CATALOG_TASK_DOER));
  t->institution = ADW_ENTRY_ROW (gad_entry_row_new (_("Institution"),
                                                     task ? task->institution : NULL));
  t->due = ADW_ENTRY_ROW (gad_entry_row_new (_("Due (DD.MM.YYYY)"), due));
  t->status = combo_row (_("How it went"), G_LIST_MODEL (status_names));
  if (task)
    {
      guint n;
      const GadCatalogEntry *doers = gad_catalog_entries (GAD_CATALOG_TASK_DOER, &n);

      for (guint i = 0; i < n; i++)
        if (g_str_equal (doers[i].code, task->doer))
          adw_combo_row_set_selected (t->doer, i);
      for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
        if (g_str_equal (statuses[i], task->status))
          adw_combo_row_set_selected (t->status, i);
      t->id = task->id;
      t->recorded_on = g_strdup (task->recorded_on);
    }
  adw_expander_row_add_row (t->row, GTK_WIDGET (t->text));
  adw_expander_row_add_row (t->row, GTK_WIDGET (t->doer));
  adw_expander_row_add_row (t->row, GTK_WIDGET (t->institution));
  adw_expander_row_add_row (t->row, GTK_WIDGET (t->due));
  adw_expander_row_add_row (t->row, GTK_WIDGET (t->status));
  if (self->writes)
    {
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Task"));

      gtk_widget_set_halign (remove, GTK_ALIGN_END);
      gtk_widget_set_margin_top (remove, 6);
      gtk_widget_set_margin_bottom (remove, 6);
      gtk_widget_set_margin_end (remove, 6);
      gtk_widget_add_css_class (remove, "destructive-action");
      g_object_set_data (G_OBJECT (remove), "task", t);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_task), self);
      adw_expander_row_add_row (t->row, remove);
    }
  else
    {
      GtkWidget *rows[] = { GTK_WIDGET (t->text), GTK_WIDGET (t->doer),
                            GTK_WIDGET (t->institution), GTK_WIDGET (t->due),
                            GTK_WIDGET (t->status) };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        gtk_widget_set_sensitive (rows[i], FALSE);
    }
  g_signal_connect_swapped (t->text, "changed", G_CALLBACK (update_row), t);
  g_signal_connect_swapped (t->institution, "changed", G_CALLBACK (update_row), t);
  g_signal_connect_swapped (t->due, "changed", G_CALLBACK (update_row), t);
  g_signal_connect_swapped (t->doer, "notify::selected", G_CALLBACK (update_row), t);
  g_signal_connect_swapped (t->status, "notify::selected", G_CALLBACK (update_row), t);
  update_row (t);
  adw_expander_row_set_expanded (t->row, task == NULL);
  g_ptr_array_add (self->tasks, t);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (t->row));
}

static void
on_add_task (GadGoalEditor *self)
{
  add_task (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (((Task *) g_ptr_array_index (self->tasks,
                                                                   self->tasks->len - 1))->text));
}

static void
on_remove (GadGoalEditor *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
gad_goal_editor_dispose (GObject *object)
{
  GadGoalEditor *self = GAD_GOAL_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_GOAL_EDITOR);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  G_OBJECT_CLASS (gad_goal_editor_parent_class)->dispose (object);
}

static void
gad_goal_editor_class_init (GadGoalEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_goal_editor_dispose;
  /**
   * GadGoalEditor::remove:
   *
   * The goal's remove button was pressed; its holder takes it out.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-goal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GadGoalEditor, buttons);
  gtk_widget_class_bind_template_child (widget_class, GadGoalEditor, text_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_task);
  gtk_widget_class_bind_template_callback (widget_class, on_remove);
}

static void
gad_goal_editor_init (GadGoalEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) task_free);
}

/**
 * gad_goal_editor_new:
 * @goal: (nullable): the goal as saved; %NULL for a new one with a task
 * @writes: whether the reader may change it
 */
GtkWidget *
gad_goal_editor_new (const GadPlanGoal *goal,
                     gboolean           writes)
{
  GadGoalEditor *self = g_object_new (GAD_TYPE_GOAL_EDITOR, NULL);

  self->writes = writes;
  gtk_widget_set_visible (self->buttons, writes);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_row), writes);
  if (goal)
    gtk_editable_set_text (GTK_EDITABLE (self->text_row), goal->text);
  for (guint i = 0; goal && i < goal->tasks->len; i++)
    add_task (self, g_ptr_array_index (goal->tasks, i));
  if (goal == NULL)
    add_task (self, NULL);
  return GTK_WIDGET (self);
}

void
gad_goal_editor_set_number (GadGoalEditor *self,
                            guint          number)
{
  /* TRANSLATORS: the heading of a plan's goal: its number */
  g_autofree char *title = g_strdup_printf (_("Goal %u"), number);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
}

/**
 * gad_goal_editor_get_goal:
 *
 * Returns: (transfer full): the goal as typed; a due date that is not a
 *   date is %NULL, its row marked
 */
GadPlanGoal *
gad_goal_editor_get_goal (GadGoalEditor *self)
{
  GadPlanGoal *goal = gad_plan_goal_new (gtk_editable_get_text (GTK_EDITABLE (self->text_row)));

  for (guint i = 0; i < self->tasks->len; i++)
    {
      Task *t = g_ptr_array_index (self->tasks, i);
      g_autofree char *due = gad_date_row_get_iso (t->due);
      GadPlanTask *task = gad_plan_task_new (gtk_editable_get_text (GTK_EDITABLE (t->text)),
                                             doer_code (t),
                                             gtk_editable_get_text (GTK_EDITABLE (t->institution)),
                                             due);
      guint status = adw_combo_row_get_selected (t->status);

      gad_row_set_error (t->due, due == NULL);
      if (due == NULL)
        adw_expander_row_set_expanded (t->row, TRUE);
      g_free (task->status);
      task->status = g_strdup (statuses[status < G_N_ELEMENTS (statuses) ? status : 0]);
      task->id = t->id;
      task->recorded_on = g_str_equal (task->status, "open") ? NULL : g_strdup (t->recorded_on);
      g_ptr_array_add (goal->tasks, task);
    }
  return goal;
}
