/* gad-strategy-task-dialog.c — a task of the action plan, and its year
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The head writes a task — its code, text, aim, who is responsible, its
 * years — and its result indicators; and for the year shown each
 * indicator's target and value (by hand, or Gādība's figure), and the
 * comment for the council. Saved whole on the worker's thread; a refused
 * save keeps everything typed.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gad-app-util.h"
#include "gad-strategy-indicator-row.h"
#include "gad-strategy-task-dialog.h"
#include "gad-text.h"

struct _GadStrategyTaskDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  GadStrategyTask *task;  /* as read, or new */
  int year;
  GPtrArray *surveys;     /* GadSurvey: a survey's mean names one */

  GtkWidget *save_button;
  GtkLabel *error_label;
  AdwEntryRow *code_row;
  AdwEntryRow *text_row;
  AdwEntryRow *aim_row;
  AdwEntryRow *responsible_row;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  AdwPreferencesGroup *indicators_group;
  GtkListBox *indicators;
  AdwPreferencesGroup *review_group;
  AdwEntryRow *comment_row;
  GtkSwitch *done_switch;
};

G_DEFINE_FINAL_TYPE (GadStrategyTaskDialog, gad_strategy_task_dialog, ADW_TYPE_WINDOW)

static void
on_add (GadStrategyTaskDialog *self)
{
  GtkWidget *row = gad_strategy_indicator_row_new (NULL, self->surveys);

  gtk_list_box_append (self->indicators, row);
  gtk_widget_grab_focus (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
}

static int
year_in (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  char *end;
  long year = strtol (text, &end, 10);

  return end != text && *end == '\0' ? (int) year : 0;
}

/* The task as the form has it; %NULL with @error for a figure not a number. */
static GadStrategyTask *
from_form (GadStrategyTaskDialog  *self,
           GError                **error)
{
  g_autoptr(GadStrategyTask) t = gad_strategy_task_new (
    gtk_editable_get_text (GTK_EDITABLE (self->code_row)),
    gtk_editable_get_text (GTK_EDITABLE (self->aim_row)),
    gtk_editable_get_text (GTK_EDITABLE (self->text_row)), year_in (self->from_row),
    year_in (self->to_row));
  GtkListBoxRow *row;

  t->id = self->task->id;
  g_free (t->responsible);
  t->responsible = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->responsible_row)));
  g_free (t->comment);
  t->comment = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_row)));
  t->done = gtk_switch_get_active (self->done_switch);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->indicators, i)); i++)
    {
      GadIndicator *ind = gad_strategy_indicator_row_read (row, error);

      if (ind == NULL)
        return NULL;
      g_ptr_array_add (t->indicators, ind);
    }
  return g_steal_pointer (&t);
}

typedef struct
{
  GadStrategyTask *task;
  int year;
} Save;

static void
save_free (Save *s)
{
  gad_strategy_task_free (s->task);
  g_free (s);
}

static gpointer
save_task (GadStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Save *s = data;

  return GINT_TO_POINTER (gad_store_save_strategy_task (store, s->task, s->year, error));
}

static void
on_save (GadStrategyTaskDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStrategyTask) task = from_form (self, &error);
  Save *s;

  /* Said at once, without a round trip: what the task lacks. */
  if (task == NULL || !gad_strategy_task_check (task, &error))
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  s = g_new0 (Save, 1);
  s->task = g_steal_pointer (&task);
  s->year = self->year;
  gad_dialog_save (GTK_WIDGET (self), self->save_button, self->error_label, self->context,
                   save_task, s, (GDestroyNotify) save_free, NULL, NULL);
}

static void
fill (GadStrategyTaskDialog *self)
{
  GadStrategyTask *t = self->task;
  g_autofree char *from = t->year_from ? g_strdup_printf ("%d", t->year_from) : g_strdup ("");
  g_autofree char *to = t->year_to ? g_strdup_printf ("%d", t->year_to) : g_strdup ("");
  g_autofree char *indicators = g_strdup_printf (_("Result indicators in %d"), self->year);
  g_autofree char *review = g_strdup_printf (_("The head’s word on %d"), self->year);

  gtk_editable_set_text (GTK_EDITABLE (self->code_row), t->code ? t->code : "");
  gtk_editable_set_text (GTK_EDITABLE (self->text_row), t->text ? t->text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->aim_row), t->aim ? t->aim : "");
  gtk_editable_set_text (GTK_EDITABLE (self->responsible_row), t->responsible);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
  gtk_editable_set_text (GTK_EDITABLE (self->comment_row), t->comment);
  gtk_switch_set_active (self->done_switch, t->done);
  adw_preferences_group_set_title (self->indicators_group, indicators);
  adw_preferences_group_set_title (self->review_group, review);
  for (guint i = 0; i < t->indicators->len; i++)
    gtk_list_box_append (self->indicators,
                         gad_strategy_indicator_row_new (t->indicators->pdata[i], self->surveys));
  if (t->indicators->len == 0)
    gtk_list_box_append (self->indicators, gad_strategy_indicator_row_new (NULL, self->surveys));
  gtk_widget_set_sensitive (self->save_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (t->id ? self->comment_row : self->code_row));
}

static gpointer
read_surveys (GadStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return gad_store_list_surveys (store, error);
}

static void
on_surveys (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GadStrategyTaskDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->surveys = gad_worker_run_finish (result, &error);
  if (self->surveys == NULL)
    self->surveys = g_ptr_array_new ();
  fill (self);
}

static void
gad_strategy_task_dialog_dispose (GObject *object)
{
  GadStrategyTaskDialog *self = GAD_STRATEGY_TASK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_STRATEGY_TASK_DIALOG);
  g_clear_pointer (&self->task, gad_strategy_task_free);
  g_clear_pointer (&self->surveys, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_strategy_task_dialog_parent_class)->dispose (object);
}

static void
gad_strategy_task_dialog_class_init (GadStrategyTaskDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_strategy_task_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-strategy-task-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GadStrategyTaskDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyTaskDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyTaskDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyTaskDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyTaskDialog, aim_row);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyTaskDialog, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyTaskDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyTaskDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyTaskDialog, indicators_group);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyTaskDialog, indicators);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyTaskDialog, review_group);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyTaskDialog, comment_row);
  gtk_widget_class_bind_template_child (widget_class, GadStrategyTaskDialog, done_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_strategy_task_dialog_init (GadStrategyTaskDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (self->save_button, FALSE);
}

/**
 * gad_strategy_task_dialog_new:
 * @task: (nullable): the task as read for @year, or %NULL for a new one
 */
GadStrategyTaskDialog *
gad_strategy_task_dialog_new (GtkWindow             *parent,
                              GadContext            *context,
                              const GadStrategyTask *task,
                              int                    year)
{
  GadStrategyTaskDialog *self = g_object_new (GAD_TYPE_STRATEGY_TASK_DIALOG, "transient-for",
                                              parent, NULL);

  self->context = g_object_ref (context);
  self->year = year;
  self->task = task ? gad_strategy_task_copy (task) : gad_strategy_task_new ("", "", "", year, year);
  gad_worker_run (gad_context_get_worker (context), read_surveys, NULL, NULL,
                  (GDestroyNotify) g_ptr_array_unref, NULL, on_surveys, g_object_ref (self));
  return self;
}
