/* gad-survey-results-view.c — a survey's results: a chart and a table a question
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every answer is read on the worker's thread into a table, counted here
 * for everyone, by a respondent question, or beside an earlier run. Each
 * question shows the percentages as bars, the counts, the mean of a scale
 * or a number, and free text as written; one nobody answered says so. The
 * summary PDF is made on the worker's thread; the CSV is the counts shown.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-survey-card.h"
#include "gad-survey-export.h"
#include "gad-survey-results-view.h"
#include "gad-text.h"

struct _GadSurveyResultsView
{
  GtkBox parent_instance;

  GadContext *context;
  GCancellable *loading;
  gint64 survey_id;
  GArray *runs;               /* gint64: the compare drop-down's runs, after "Nothing" */
  GArray *by;                 /* int: the group-by drop-down's questions, after "Everyone" */
  GadSurveyTable *table;
  GadSurveyTable *earlier;
  GadSurveyResults *results;
  char *earlier_name;

  GtkDropDown *by_dropdown;
  GtkDropDown *compare_dropdown;
  GtkWidget *pdf_button;   /* a summary made is shown in a window of its own */
  GtkWidget *csv_button;
  GtkStack *stack;
  AdwStatusPage *status_page;
  GtkBox *questions_box;
};

G_DEFINE_FINAL_TYPE (GadSurveyResultsView, gad_survey_results_view, GTK_TYPE_BOX)

typedef struct
{
  gint64 survey_id;
  gint64 earlier_id;
  GadSurveyTable *table;
  GadSurveyTable *earlier;
} Read;

static void
read_free (Read *r)
{
  g_clear_pointer (&r->table, gad_survey_table_free);
  g_clear_pointer (&r->earlier, gad_survey_table_free);
  g_free (r);
}

static gpointer
read_tables (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Read *r = data;

  if ((r->table = gad_store_survey_table (store, r->survey_id, error)) == NULL
      || (r->earlier_id && (r->earlier = gad_store_survey_table (store, r->earlier_id,
                                                                 error)) == NULL))
    return NULL;
  return r;
}

static void
show_results (GadSurveyResultsView *self)
{
  guint by = gtk_drop_down_get_selected (self->by_dropdown);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_clear_pointer (&self->results, gad_survey_results_free);
  if (self->earlier)
    {
      g_autofree char *name = NULL;

      g_clear_pointer (&self->earlier_name, g_free);
      gad_survey_run_names (gad_survey_table_survey (self->table),
                            gad_survey_table_survey (self->earlier), &name, &self->earlier_name);
      self->results = gad_survey_results_compare (self->table, name, self->earlier,
                                                  self->earlier_name);
    }
  else
    self->results = gad_survey_results_new (self->table, by > 0 && by != GTK_INVALID_LIST_POSITION
                                                         ? g_array_index (self->by, int, by - 1)
                                                         : -1, &error);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box))))
    gtk_box_remove (self->questions_box, child);
  if (self->results == NULL)
    {
      adw_status_page_set_title (self->status_page, _("The Results Could Not Be Counted"));
      adw_status_page_set_description (self->status_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "message");
      return;
    }
  if (self->results->n_responses == 0)
    {
      adw_status_page_set_title (self->status_page, _("No Responses Yet"));
      adw_status_page_set_description (self->status_page,
                                       _("Type in the paper questionnaires or import an online "
                                         "form’s responses to see the results."));
      gtk_stack_set_visible_child_name (self->stack, "message");
      return;
    }
  for (guint q = 0; q < self->results->questions->len; q++)
    if ((int) q != self->results->by)
      gtk_box_append (self->questions_box, gad_survey_card_new (self->results, q));
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void on_by (GadSurveyResultsView *self);

/* Everyone, and each respondent question answers can be grouped by. */
static void
fill_by (GadSurveyResultsView *self)
{
  const GadSurvey *survey = gad_survey_table_survey (self->table);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_array_set_size (self->by, 0);
  gtk_string_list_append (names, _("Everyone together"));
  for (guint i = 0; i < survey->questions->len; i++)
    {
      GadSurveyQuestion *q = g_ptr_array_index (survey->questions, i);
      int index = i;

      if (q->respondent && q->kind <= GAD_QUESTION_SCALE)
        {
          gtk_string_list_append (names, q->text);
          g_array_append_val (self->by, index);
        }
    }
  /* The new model selects "everyone"; the caller counts once, not here too. */
  g_signal_handlers_block_by_func (self->by_dropdown, on_by, self);
  gtk_drop_down_set_model (self->by_dropdown, G_LIST_MODEL (names));
  g_signal_handlers_unblock_by_func (self->by_dropdown, on_by, self);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GadSurveyResultsView) self = user_data;
  g_autoptr(GError) error = NULL;
  Read *r = gad_worker_run_finish (result, &error);
  gboolean new_survey;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (r == NULL)
    {
      adw_status_page_set_title (self->status_page, _("The Results Could Not Be Read"));
      adw_status_page_set_description (self->status_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "message");
      return;
    }
  new_survey = self->table == NULL
               || gad_survey_table_survey (self->table)->id != r->survey_id
               || gad_survey_table_survey (self->table)->version
                  != gad_survey_table_survey (r->table)->version;
  g_clear_pointer (&self->results, gad_survey_results_free);
  g_clear_pointer (&self->table, gad_survey_table_free);
  g_clear_pointer (&self->earlier, gad_survey_table_free);
  self->table = g_steal_pointer (&r->table);
  self->earlier = g_steal_pointer (&r->earlier);
  if (new_survey)
    fill_by (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->by_dropdown), self->earlier == NULL);
  gtk_widget_set_sensitive (self->pdf_button, TRUE);
  gtk_widget_set_sensitive (self->csv_button, TRUE);
  show_results (self);
}

static void
load (GadSurveyResultsView *self)
{
  Read *r = g_new0 (Read, 1);
  guint compare = gtk_drop_down_get_selected (self->compare_dropdown);

  r->survey_id = self->survey_id;
  if (compare > 0 && compare != GTK_INVALID_LIST_POSITION)
    r->earlier_id = g_array_index (self->runs, gint64, compare - 1);
  g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  gtk_widget_set_sensitive (self->pdf_button, FALSE);
  gtk_widget_set_sensitive (self->csv_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gad_worker_run (gad_context_get_worker (self->context), read_tables, r,
                  (GDestroyNotify) read_free, NULL, self->loading, on_loaded,
                  g_object_ref (self));
}

static void
on_by (GadSurveyResultsView *self)
{
  if (self->table && self->earlier == NULL)
    show_results (self);
}

static void
on_compare (GadSurveyResultsView *self)
{
  if (self->context && self->survey_id)
    load (self);
}

static void
on_pdf (GadSurveyResultsView *self)
{
  if (self->results)
    gad_survey_export_summary (self->pdf_button, self->context, self->survey_id,
                               self->results->by,
                               self->earlier ? gad_survey_table_survey (self->earlier)->id : 0);
}

static void
on_csv (GadSurveyResultsView *self)
{
  if (self->results)
    gad_survey_export_csv (GTK_WIDGET (self), self->results);
}

static void
gad_survey_results_view_dispose (GObject *object)
{
  GadSurveyResultsView *self = GAD_SURVEY_RESULTS_VIEW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_SURVEY_RESULTS_VIEW);
  g_clear_pointer (&self->results, gad_survey_results_free);
  g_clear_pointer (&self->table, gad_survey_table_free);
  g_clear_pointer (&self->earlier, gad_survey_table_free);
  g_clear_pointer (&self->earlier_name, g_free);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_pointer (&self->by, g_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_survey_results_view_parent_class)->dispose (object);
}

static void
gad_survey_results_view_class_init (GadSurveyResultsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_survey_results_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-survey-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GadSurveyResultsView, by_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyResultsView, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyResultsView, pdf_button);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyResultsView, csv_button);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyResultsView, stack);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyResultsView, status_page);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyResultsView, questions_box);
  gtk_widget_class_bind_template_callback (widget_class, on_by);
  gtk_widget_class_bind_template_callback (widget_class, on_compare);
  gtk_widget_class_bind_template_callback (widget_class, on_pdf);
  gtk_widget_class_bind_template_callback (widget_class, on_csv);
}

static void
gad_survey_results_view_init (GadSurveyResultsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->runs = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->by = g_array_new (FALSE, FALSE, sizeof (int));
}

/**
 * gad_survey_results_view_show:
 * @surveys: (element-type GadSurvey): every survey; the earlier runs of
 *   @survey's questionnaire are offered to compare with
 *
 * Reads and counts @survey's responses.
 */
void
gad_survey_results_view_show (GadSurveyResultsView *self,
                              GadContext           *context,
                              const GadSurvey      *survey,
                              GPtrArray            *surveys)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_set_object (&self->context, context);
  self->survey_id = survey->id;
  g_array_set_size (self->runs, 0);
  gtk_string_list_append (names, _("Nothing"));
  for (guint i = 0; i < surveys->len; i++)
    {
      const GadSurvey *run = g_ptr_array_index (surveys, i);
      g_autofree char *from = gad_text_format_date (run->period_from);
      g_autofree char *name = g_strdup_printf ("%s (%s)", run->title, from);

      if (run->series_id != survey->series_id || run->id == survey->id
          || g_strcmp0 (run->period_from, survey->period_from) > 0)
        continue;
      gtk_string_list_append (names, name);
      g_array_append_val (self->runs, run->id);
    }
  /* Setting the model selects "Nothing" and reads the results. */
  g_signal_handlers_block_by_func (self->compare_dropdown, on_compare, self);
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (names));
  g_signal_handlers_unblock_by_func (self->compare_dropdown, on_compare, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_dropdown), self->runs->len > 0);
  load (self);
}
