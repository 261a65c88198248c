/* gad-means-dialog.c — incomes and housing costs of an application, with the calculation
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calculation below the fields follows every keystroke, line by line,
 * as a social worker would check it on paper.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-means-dialog.h"
#include "gad-text.h"

static const char *income_kinds[] = { "wage", "pension", "benefit", "other" };
static const char *income_titles[] = { N_("Wage"), N_("Pension"), N_("Benefits"),
                                       N_("Other income") };
static const char *cost_kinds[] = { "rent", "heating", "water", "electricity", "gas", "waste",
                                    "other" };
static const char *cost_titles[] = { N_("Rent"), N_("Heating"), N_("Water"), N_("Electricity"),
                                     N_("Gas"), N_("Waste"), N_("Other housing costs") };

struct _GadMeansDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  gint64 request_id;
  gint64 version;      /* the application's, when its incomes were read */
  GadAssessmentInput *input;   /* members and rates; incomes come from the rows */
  GPtrArray *income_rows;      /* AdwEntryRow, members × income kinds */
  GPtrArray *cost_rows;        /* AdwEntryRow, one a cost kind */

  GtkButton *save_button;
  GtkLabel *error_label;
  GtkBox *members_box;
  GtkListBox *costs_list;
  GtkListBox *calculation_list;
};

G_DEFINE_FINAL_TYPE (GadMeansDialog, gad_means_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
row_cents (GtkWidget *row,
           gint64    *cents)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  *cents = 0;
  return *text == '\0' || gad_text_parse_money (text, cents);
}

static void
recalculate (GadMeansDialog *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  GadAssessment result;
  GtkWidget *child;
  gboolean ok = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->calculation_list))))
    gtk_list_box_remove (self->calculation_list, child);

  for (guint m = 0; m < self->input->members->len; m++)
    {
      GadAssessMember *member = g_ptr_array_index (self->input->members, m);

      member->income_cents = 0;
      for (guint k = 0; k < G_N_ELEMENTS (income_kinds); k++)
        {
          GtkWidget *row = g_ptr_array_index (self->income_rows,
                                              m * G_N_ELEMENTS (income_kinds) + k);
          gint64 cents;
          gboolean valid = row_cents (row, &cents);

          gad_row_set_error (row, !valid);
          ok = ok && valid;
          member->income_cents += cents;
        }
    }
  self->input->housing_costs_cents = 0;
  for (guint k = 0; k < self->cost_rows->len; k++)
    {
      GtkWidget *row = g_ptr_array_index (self->cost_rows, k);
      gint64 cents;
      gboolean valid = row_cents (row, &cents);

      gad_row_set_error (row, !valid);
      ok = ok && valid;
      self->input->housing_costs_cents += cents;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ok);

  gad_assess (self->input, &result);
  lines = gad_assessment_lines (self->input, &result);
  for (guint i = 0; i + 1 < lines->len; i += 2)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new (g_ptr_array_index (lines, i + 1));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (lines, i));
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      gtk_list_box_append (self->calculation_list, row);
    }
}

static void
on_cancel (GadMeansDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

typedef struct
{
  gint64 request_id;
  int version;
  GPtrArray *incomes;
  GPtrArray *costs;
} MeansSave;

static void
means_save_free (MeansSave *ms)
{
  g_ptr_array_unref (ms->incomes);
  g_ptr_array_unref (ms->costs);
  g_free (ms);
}

static gpointer
save_means (GadStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  MeansSave *ms = data;

  return GINT_TO_POINTER (gad_store_set_means (store, ms->request_id, ms->version, ms->incomes,
                                               ms->costs, error));
}

static void
on_save (GadMeansDialog *self)
{
  GPtrArray *incomes, *costs;
  MeansSave *ms;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;
  incomes = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_income_free);
  costs = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_housing_cost_free);
  for (guint m = 0; m < self->input->members->len; m++)
    for (guint k = 0; k < G_N_ELEMENTS (income_kinds); k++)
      {
        GadAssessMember *member = g_ptr_array_index (self->input->members, m);
        GtkWidget *row = g_ptr_array_index (self->income_rows, m * G_N_ELEMENTS (income_kinds) + k);
        GadIncome *in;
        gint64 cents;

        if (!row_cents (row, &cents) || cents == 0)
          continue;
        in = g_new0 (GadIncome, 1);
        in->person_id = member->person_id;
        in->kind = g_strdup (income_kinds[k]);
        in->monthly_cents = cents;
        g_ptr_array_add (incomes, in);
      }
  for (guint k = 0; k < self->cost_rows->len; k++)
    {
      GadHousingCost *c;
      gint64 cents;

      if (!row_cents (g_ptr_array_index (self->cost_rows, k), &cents) || cents == 0)
        continue;
      c = g_new0 (GadHousingCost, 1);
      c->kind = g_strdup (cost_kinds[k]);
      c->monthly_cents = cents;
      g_ptr_array_add (costs, c);
    }
  ms = g_new0 (MeansSave, 1);
  ms->request_id = self->request_id;
  ms->version = self->version;
  ms->incomes = incomes;
  ms->costs = costs;
  gad_dialog_save (GTK_WIDGET (self), GTK_WIDGET (self->save_button), self->error_label,
                   self->context, save_means, ms, (GDestroyNotify) means_save_free, NULL, NULL);
}

/* Rows for every member and cost, filled with what was saved before. */
static void
build_rows (GadMeansDialog *self,
            GPtrArray      *incomes,
            GPtrArray      *costs)
{
  for (guint m = 0; m < self->input->members->len; m++)
    {
      GadAssessMember *member = g_ptr_array_index (self->input->members, m);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *list = gtk_list_box_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), member->name);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             member->child ? _("Child")
                                             : member->pensioner_or_disabled
                                               ? _("Pensioner or person with disability") : NULL);
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint k = 0; k < G_N_ELEMENTS (income_kinds); k++)
        {
          gint64 saved = 0;
          g_autofree char *text = NULL;
          GtkWidget *row;

          for (guint i = 0; incomes && i < incomes->len; i++)
            {
              GadIncome *in = g_ptr_array_index (incomes, i);
              if (in->person_id == member->person_id && g_str_equal (in->kind, income_kinds[k]))
                saved += in->monthly_cents;
            }
          text = saved ? gad_money_for_entry (saved) : NULL;
          row = gad_entry_row_new (_(income_titles[k]), text);
          g_signal_connect_swapped (row, "changed", G_CALLBACK (recalculate), self);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
          g_ptr_array_add (self->income_rows, row);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
      gtk_box_append (self->members_box, group);
    }

  for (guint k = 0; k < G_N_ELEMENTS (cost_kinds); k++)
    {
      gint64 saved = 0;
      g_autofree char *text = NULL;
      GtkWidget *row;

      for (guint i = 0; costs && i < costs->len; i++)
        {
          GadHousingCost *c = g_ptr_array_index (costs, i);
          if (g_str_equal (c->kind, cost_kinds[k]))
            saved += c->monthly_cents;
        }
      text = saved ? gad_money_for_entry (saved) : NULL;
      row = gad_entry_row_new (_(cost_titles[k]), text);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (recalculate), self);
      gtk_list_box_append (self->costs_list, row);
      g_ptr_array_add (self->cost_rows, row);
    }
}

static void
gad_means_dialog_dispose (GObject *object)
{
  GadMeansDialog *self = GAD_MEANS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_MEANS_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->input, gad_assessment_input_free);
  g_clear_pointer (&self->income_rows, g_ptr_array_unref);
  g_clear_pointer (&self->cost_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (gad_means_dialog_parent_class)->dispose (object);
}

static void
gad_means_dialog_class_init (GadMeansDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_means_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-means-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, GadMeansDialog, name)
  CHILD (save_button);
  CHILD (error_label);
  CHILD (members_box);
  CHILD (costs_list);
  CHILD (calculation_list);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_means_dialog_init (GadMeansDialog *self)
{
  self->income_rows = g_ptr_array_new ();
  self->cost_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gad_dialog_use_keyboard (GTK_WINDOW (self), self->save_button);
}

/* What the dialog starts from, read on the worker's thread. */
typedef struct
{
  GadAssessmentInput *input;
  GPtrArray *incomes;
  GPtrArray *costs;
  int version;
} Start;

static void
start_free (Start *st)
{
  g_clear_pointer (&st->input, gad_assessment_input_free);
  g_clear_pointer (&st->incomes, g_ptr_array_unref);
  g_clear_pointer (&st->costs, g_ptr_array_unref);
  g_free (st);
}

static gpointer
read_start (GadStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  gint64 request_id = GPOINTER_TO_SIZE (data);
  g_autoptr(GadRequest) request = gad_store_get_request (store, request_id, error);
  Start *st;

  if (request == NULL)
    return NULL;
  st = g_new0 (Start, 1);
  st->version = request->version;
  if ((st->input = gad_store_load_assessment (store, request->person_id, request->id,
                                              request->received_on, error)) == NULL)
    {
      start_free (st);
      return NULL;
    }
  st->incomes = gad_store_list_incomes (store, request_id, NULL);
  st->costs = gad_store_list_housing_costs (store, request_id, NULL);
  return st;
}

static void
on_start_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Start *st = gad_worker_run_finish (result, &error);
  GadMeansDialog *self;

  if (st == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self = g_object_new (GAD_TYPE_MEANS_DIALOG, "transient-for",
                       g_object_get_data (G_OBJECT (task), "parent"), NULL);
  self->context = g_object_ref (g_task_get_task_data (task));
  self->request_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "request"));
  self->version = st->version;
  self->input = g_steal_pointer (&st->input);
  build_rows (self, st->incomes, st->costs);
  recalculate (self);
  start_free (st);
  /* GTK holds a window; one nobody takes is destroyed. */
  g_task_return_pointer (task, self, (GDestroyNotify) gtk_window_destroy);
}

/**
 * gad_means_dialog_new_async:
 *
 * Reads the application's household, its incomes and costs on the worker's
 * thread, then makes the dialog: gad_means_dialog_new_finish() in
 * @callback; it fails when no rates are in force at the application's date.
 */
void
gad_means_dialog_new_async (GtkWindow           *parent,
                            GadContext          *context,
                            gint64               request_id,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (NULL, NULL, callback, user_data);

  g_task_set_task_data (task, g_object_ref (context), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "parent", parent ? g_object_ref (parent) : NULL,
                          g_object_unref);
  g_object_set_data (G_OBJECT (task), "request", GSIZE_TO_POINTER (request_id));
  gad_worker_run (gad_context_get_worker (context), read_start, GSIZE_TO_POINTER (request_id),
                  NULL, (GDestroyNotify) start_free, NULL, on_start_read, task);
}

/* Returns: (transfer none): the dialog, not yet shown */
GadMeansDialog *
gad_means_dialog_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
