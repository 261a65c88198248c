/* gad-survey-editor.c — a survey's questionnaire written and changed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A head's: the title, the period, the service it asks about, and the
 * questions in order, each its text, its kind, whether it describes the
 * respondent, and its choices. A survey new, changed, or asked again (the
 * same questions in a new survey of the series). Read and saved on the
 * worker's thread; a refused save keeps everything typed.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-survey-editor.h"
#include "gad-survey-question-row.h"
#include "gad-text.h"

struct _GadSurveyEditor
{
  AdwWindow parent_instance;

  GadContext *context;
  GadSurvey *survey;      /* as read, or new: id, series and version kept */
  GPtrArray *services;    /* char *: the service row's codes, after "none" */

  GtkWidget *save_button;
  GtkLabel *error_label;
  GtkWidget *version_label;
  AdwEntryRow *title_row;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  AdwComboRow *service_row;
  GtkListBox *questions;
};

G_DEFINE_FINAL_TYPE (GadSurveyEditor, gad_survey_editor, ADW_TYPE_WINDOW)

static void
on_add (GadSurveyEditor *self)
{
  GtkWidget *row = gad_survey_question_row_new (NULL);

  gtk_list_box_append (self->questions, row);
  gad_survey_question_rows_renumber (self->questions);
  gtk_widget_grab_focus (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
}

/* The survey as the form has it; new questions get codes of their own. */
static GadSurvey *
from_form (GadSurveyEditor *self)
{
  g_autofree char *from = gad_date_row_get_iso (self->from_row);
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
  g_autofree char *to = gad_date_row_get_iso (self->to_row);
  guint service = adw_combo_row_get_selected (self->service_row);
  GadSurvey *s = gad_survey_new (gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                                 from ? from : gtk_editable_get_text (GTK_EDITABLE (self->from_row)));
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  GtkListBoxRow *row;
  guint next = 1;

  s->id = self->survey->id;
  s->series_id = self->survey->series_id;
  s->version = self->survey->version;
  s->group_entry_id = self->survey->group_entry_id;
  s->period_to = *to_text ? g_strdup (to ? to : to_text) : NULL;
  if (service > 0 && service != GTK_INVALID_LIST_POSITION)
    s->service_code = g_strdup (g_ptr_array_index (self->services, service - 1));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->questions, i)); i++)
    {
      const char *code = g_object_get_data (G_OBJECT (row), "code");

      if (code)
        g_hash_table_add (codes, (gpointer) code);
    }
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->questions, i)); i++)
    {
      g_autofree char *code = g_strdup (g_object_get_data (G_OBJECT (row), "code"));

      while (code == NULL)
        {
          code = g_strdup_printf ("q%u", next++);
          if (g_hash_table_contains (codes, code))
            g_clear_pointer (&code, g_free);
        }
      g_ptr_array_add (s->questions, gad_survey_question_row_read (row, code));
    }
  return s;
}

static gpointer
save_survey (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return GINT_TO_POINTER (gad_store_save_survey (store, data, error));
}

static void
on_save (GadSurveyEditor *self)
{
  g_autoptr(GadSurvey) survey = from_form (self);
  g_autoptr(GError) error = NULL;

  /* Said at once, without a round trip: what the questionnaire lacks. */
  if (!gad_survey_check (survey, &error))
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  gad_dialog_save (GTK_WIDGET (self), self->save_button, self->error_label, self->context,
                   save_survey, g_steal_pointer (&survey), (GDestroyNotify) gad_survey_free,
                   NULL, NULL);
}

static void
fill (GadSurveyEditor *self,
      gboolean         again)
{
  GadSurvey *s = self->survey;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *types = gad_context_get_types (self->context);
  guint selected = 0;

  gtk_string_list_append (names, _("None in particular"));
  for (guint i = 0; i < types->len; i++)
    {
      GadTypeEntry *t = g_ptr_array_index (types, i);

      if (!t->is_service)
        continue;
      gtk_string_list_append (names, gad_type_display_name (t));
      g_ptr_array_add (self->services, g_strdup (t->code));
      if (g_strcmp0 (t->code, s->service_code) == 0)
        selected = self->services->len;
    }
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->service_row, selected);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), s->title ? s->title : "");
  if (again)
    {
      g_autofree char *today = gad_text_today_iso ();

      gad_date_row_set_iso (self->from_row, today);
    }
  else if (s->period_from)
    gad_date_row_set_iso (self->from_row, s->period_from);
  if (!again && s->period_to)
    gad_date_row_set_iso (self->to_row, s->period_to);
  for (guint i = 0; i < s->questions->len; i++)
    gtk_list_box_append (self->questions, gad_survey_question_row_new (s->questions->pdata[i]));
  if (s->questions->len == 0)
    gtk_list_box_append (self->questions, gad_survey_question_row_new (NULL));
  gad_survey_question_rows_renumber (self->questions);
  gtk_widget_set_visible (self->version_label, !again && s->n_responses > 0);
  gtk_widget_set_sensitive (self->save_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static gpointer
read_survey (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return gad_store_get_survey (store, *(gint64 *) data, error);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GadSurveyEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  GadSurvey *read = gad_worker_run_finish (result, &error);
  gboolean again = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "again"));

  if (read == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  gad_survey_free (self->survey);
  self->survey = read;
  if (again)
    {
      /* A new survey of the series, its questions as they are now. */
      self->survey->id = 0;
      self->survey->version = 0;
      self->survey->n_responses = 0;
      g_clear_pointer (&self->survey->period_to, g_free);
    }
  fill (self, again);
}

static void
gad_survey_editor_dispose (GObject *object)
{
  GadSurveyEditor *self = GAD_SURVEY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_SURVEY_EDITOR);
  g_clear_pointer (&self->survey, gad_survey_free);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_survey_editor_parent_class)->dispose (object);
}

static void
gad_survey_editor_class_init (GadSurveyEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_survey_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-survey-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEditor, version_label);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEditor, from_row);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEditor, to_row);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEditor, service_row);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEditor, questions);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_survey_editor_init (GadSurveyEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->services = g_ptr_array_new_with_free_func (g_free);
}

/**
 * gad_survey_editor_new:
 * @survey_id: the survey to change, or 0
 * @again_id: with @survey_id 0, the survey whose questionnaire is asked
 *   again; 0 for a new questionnaire
 */
GadSurveyEditor *
gad_survey_editor_new (GtkWindow  *parent,
                       GadContext *context,
                       gint64      survey_id,
                       gint64      again_id)
{
  GadSurveyEditor *self = g_object_new (GAD_TYPE_SURVEY_EDITOR, "transient-for", parent, NULL);
  gint64 read = survey_id ? survey_id : again_id;
  g_autofree char *today = gad_text_today_iso ();

  self->context = g_object_ref (context);
  self->survey = gad_survey_new ("", today);
  if (read == 0)
    {
      fill (self, FALSE);
      return self;
    }
  g_object_set_data (G_OBJECT (self), "again", GINT_TO_POINTER (survey_id == 0));
  gad_worker_run (gad_context_get_worker (context), read_survey,
                  g_memdup2 (&read, sizeof read), g_free, (GDestroyNotify) gad_survey_free, NULL,
                  on_read, g_object_ref (self));
  return self;
}
