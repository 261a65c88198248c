/* gad-surveys-window.c — client surveys: the list, and the one chosen
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The surveys, the latest first, at the side; the one chosen says its
 * period and how many questionnaires came, and offers to type in paper
 * ones or import a form's responses (a clerk's, a social worker's, a
 * head's), to change its questionnaire or ask it again, and its results
 * (a head's). Everything is read and saved on the worker's thread.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-survey-editor.h"
#include "gad-survey-entry-window.h"
#include "gad-survey-file.h"
#include "gad-survey-results-view.h"
#include "gad-surveys-window.h"
#include "gad-text.h"

struct _GadSurveysWindow
{
  AdwWindow parent_instance;

  GadContext *context;
  GCancellable *loading;
  GPtrArray *surveys;     /* GadSurvey, as listed: without questions */
  gint64 selected;        /* the survey shown, kept across a new reading */

  GtkWidget *new_button;
  GtkListBox *list;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkLabel *title_label;
  GtkLabel *about_label;
  GtkWidget *enter_button;
  GtkWidget *import_button;
  GtkWidget *edit_button;
  GtkWidget *run_button;
  GadSurveyResultsView *results;
  GtkWidget *no_results_page;
};

G_DEFINE_FINAL_TYPE (GadSurveysWindow, gad_surveys_window, ADW_TYPE_WINDOW)

static gpointer
read_surveys (GadStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return gad_store_list_surveys (store, error);
}

static const GadSurvey *
survey_of (GadSurveysWindow *self,
           gint64            id)
{
  for (guint i = 0; self->surveys && i < self->surveys->len; i++)
    if (((GadSurvey *) self->surveys->pdata[i])->id == id)
      return self->surveys->pdata[i];
  return NULL;
}

/* "02.03.2026 – 30.04.2026 · 548 questionnaires" */
static char *
about (const GadSurvey *s)
{
  g_autofree char *from = gad_text_format_date (s->period_from);
  g_autofree char *to = s->period_to ? gad_text_format_date (s->period_to) : g_strdup ("");
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d questionnaire",
                                                         "%d questionnaires", s->n_responses),
                                            s->n_responses);

  return g_strdup_printf ("%s – %s · %s", from, to, count);
}

static void
show_survey (GadSurveysWindow *self,
             const GadSurvey  *s)
{
  GadStore *store = gad_context_get_store (self->context);
  gboolean head = gad_store_can (store, GAD_RIGHT_DASHBOARDS, 0);
  g_autofree char *text = about (s);
  g_autofree char *version = s->version > 1 ? g_strdup_printf (_("questionnaire version %d"),
                                                               s->version) : NULL;
  g_autofree char *line = version ? g_strdup_printf ("%s · %s", text, version) : NULL;

  self->selected = s->id;
  gtk_label_set_label (self->title_label, s->title);
  gtk_label_set_label (self->about_label, line ? line : text);
  gtk_widget_set_visible (self->edit_button, head);
  gtk_widget_set_visible (self->run_button, head);
  gtk_widget_set_visible (GTK_WIDGET (self->results), head);
  gtk_widget_set_visible (self->no_results_page, !head);
  if (head)
    gad_survey_results_view_show (self->results, self->context, s, self->surveys);
  gtk_stack_set_visible_child_name (self->stack, "survey");
}

static void
on_selected (GadSurveysWindow *self,
             GtkListBoxRow    *row)
{
  const GadSurvey *s = row ? survey_of (self, GPOINTER_TO_SIZE (
                                          g_object_get_data (G_OBJECT (row), "survey-id")))
                           : NULL;

  if (s)
    show_survey (self, s);
}

static void
show_list (GadSurveysWindow *self,
           GPtrArray        *surveys)
{
  GtkWidget *child;
  GtkListBoxRow *keep = NULL;

  g_signal_handlers_block_by_func (self->list, on_selected, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_signal_handlers_unblock_by_func (self->list, on_selected, self);
  g_clear_pointer (&self->surveys, g_ptr_array_unref);
  self->surveys = surveys;
  for (guint i = 0; i < surveys->len; i++)
    {
      GadSurvey *s = g_ptr_array_index (surveys, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (s->title);
      g_autofree char *text = about (s);
      GtkWidget *subtitle = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), subtitle);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "survey-id", GSIZE_TO_POINTER (s->id));
      gtk_list_box_append (self->list, row);
      if (s->id == self->selected || (keep == NULL && i == 0 && survey_of (self, self->selected)
                                                                == NULL))
        keep = GTK_LIST_BOX_ROW (row);
    }
  adw_status_page_set_description (self->empty_page,
                                   gtk_widget_get_visible (self->new_button)
                                   ? _("Write a questionnaire with New Survey.")
                                   : _("The head of the service writes the questionnaires."));
  if (keep)
    gtk_list_box_select_row (self->list, keep);
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GadSurveysWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *surveys = gad_worker_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (surveys == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Surveys Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_list (self, surveys);
}

static void
fill (GadSurveysWindow *self)
{
  g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  gad_worker_run (gad_context_get_worker (self->context), read_surveys, NULL, NULL,
                  (GDestroyNotify) g_ptr_array_unref, self->loading, on_loaded,
                  g_object_ref (self));
}

static void
on_enter (GadSurveysWindow *self)
{
  gtk_window_present (GTK_WINDOW (gad_survey_entry_window_new (GTK_WINDOW (self), self->context,
                                                               self->selected)));
}

static void
on_import (GadSurveysWindow *self)
{
  gad_survey_file_import (GTK_WINDOW (self), self->context, self->selected);
}

static void
on_new (GadSurveysWindow *self)
{
  gtk_window_present (GTK_WINDOW (gad_survey_editor_new (GTK_WINDOW (self), self->context, 0, 0)));
}

static void
on_edit (GadSurveysWindow *self)
{
  gtk_window_present (GTK_WINDOW (gad_survey_editor_new (GTK_WINDOW (self), self->context,
                                                         self->selected, 0)));
}

static void
on_run (GadSurveysWindow *self)
{
  gtk_window_present (GTK_WINDOW (gad_survey_editor_new (GTK_WINDOW (self), self->context, 0,
                                                         self->selected)));
}

static void
gad_surveys_window_dispose (GObject *object)
{
  GadSurveysWindow *self = GAD_SURVEYS_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_SURVEYS_WINDOW);
  g_clear_pointer (&self->surveys, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_surveys_window_parent_class)->dispose (object);
}

static void
gad_surveys_window_class_init (GadSurveysWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_surveys_window_dispose;
  g_type_ensure (GAD_TYPE_SURVEY_RESULTS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-surveys-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadSurveysWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, GadSurveysWindow, list);
  gtk_widget_class_bind_template_child (widget_class, GadSurveysWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GadSurveysWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GadSurveysWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GadSurveysWindow, about_label);
  gtk_widget_class_bind_template_child (widget_class, GadSurveysWindow, enter_button);
  gtk_widget_class_bind_template_child (widget_class, GadSurveysWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, GadSurveysWindow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, GadSurveysWindow, run_button);
  gtk_widget_class_bind_template_child (widget_class, GadSurveysWindow, results);
  gtk_widget_class_bind_template_child (widget_class, GadSurveysWindow, no_results_page);
  gtk_widget_class_bind_template_callback (widget_class, on_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_enter);
  gtk_widget_class_bind_template_callback (widget_class, on_import);
  gtk_widget_class_bind_template_callback (widget_class, on_new);
  gtk_widget_class_bind_template_callback (widget_class, on_edit);
  gtk_widget_class_bind_template_callback (widget_class, on_run);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_surveys_window_init (GadSurveysWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GadSurveysWindow *
gad_surveys_window_new (GtkWindow  *parent,
                        GadContext *context)
{
  GadSurveysWindow *self = g_object_new (GAD_TYPE_SURVEYS_WINDOW, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  gtk_widget_set_visible (self->new_button,
                          gad_store_can (gad_context_get_store (context), GAD_RIGHT_DASHBOARDS, 0));
  g_signal_connect_object (context, "changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  fill (self);
  return self;
}
