/* gad-survey-entry-window.c — paper questionnaires typed in from the keyboard
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One questionnaire a screen: a row a question, its choices numbered. A
 * digit that can only be one choice (or a scale's 1–5) moves on at once;
 * Enter moves on after several choices, a number or a text, or leaves a
 * question unanswered; Enter on the last question (or Ctrl+Enter anywhere)
 * saves it on the worker's thread and begins the next. An answer that is
 * none of the question's says so and does not move on; a failed save
 * keeps every answer typed.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-survey-entry-window.h"

struct _GadSurveyEntryWindow
{
  AdwWindow parent_instance;

  GadContext *context;
  GadSurvey *survey;
  GPtrArray *entries;     /* GtkEntry, a question each */
  GPtrArray *states;      /* GtkLabel: what the answer is, a question each */
  guint saved;
  gboolean clearing;
  gboolean saving;        /* the answers wait, not editable, focus where it is */
  guint advancing;        /* the question a whole answer moves on from */

  AdwWindowTitle *title;
  GtkWidget *save_button;
  GtkLabel *count_label;
  GtkLabel *error_label;
  GtkListBox *list;
  AdwEntryRow *consent_row;
};

G_DEFINE_FINAL_TYPE (GadSurveyEntryWindow, gad_survey_entry_window, ADW_TYPE_WINDOW)

static void on_save (GadSurveyEntryWindow *self);

static guint
index_of (GtkWidget *entry)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "question"));
}

/* "1 Sieviete · 2 Vīrietis" */
static char *
choices_hint (const GadSurveyQuestion *q)
{
  GString *hint = g_string_new (NULL);

  for (guint i = 0; q->choices && q->choices[i]; i++)
    g_string_append_printf (hint, "%s%u\u00a0%s", i ? " · " : "", i + 1, q->choices[i]);
  if (q->kind == GAD_QUESTION_MULTIPLE)
    g_string_append_printf (hint, " (%s)", _("several: type each one’s number"));
  if (q->kind == GAD_QUESTION_SCALE)
    g_string_append (hint, _("1 (worst) to 5 (best)"));
  else if (q->kind == GAD_QUESTION_NUMBER)
    g_string_append (hint, _("A number"));
  else if (q->kind == GAD_QUESTION_TEXT)
    g_string_append (hint, _("In their own words"));
  return g_string_free (hint, FALSE);
}

static char *
check (GadSurveyEntryWindow  *self,
       guint                  index,
       const char            *typed,
       GError               **error)
{
  g_autofree char *value = gad_survey_typed_answer (g_ptr_array_index (self->survey->questions,
                                                                       index), typed);

  return gad_survey_check_answer (self->survey, index, value, error);
}

static void
next (GadSurveyEntryWindow *self,
      guint                 index)
{
  if (index + 1 < self->entries->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->entries, index + 1));
  else
    on_save (self);
}

static gboolean
advance (gpointer data)
{
  GadSurveyEntryWindow *self = data;

  if (self->entries && self->survey)
    next (self, self->advancing);
  return G_SOURCE_REMOVE;
}

/* The answer checked as it is typed; a whole one moves on, once the entry
 * has taken the key. */
static void
on_changed (GtkEditable          *entry,
            GadSurveyEntryWindow *self)
{
  guint index = index_of (GTK_WIDGET (entry));
  const char *typed = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL, *text = NULL;
  GtkLabel *state = g_ptr_array_index (self->states, index);

  if (self->clearing)
    return;
  kept = check (self, index, typed, &error);
  gad_row_set_error (entry, kept == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), kept == NULL);
  if (kept == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_label_set_label (state, "");
      return;
    }
  text = gad_survey_answer_meaning (g_ptr_array_index (self->survey->questions, index), kept);
  gtk_label_set_label (state, text);
  if (gad_survey_answer_is_whole (g_ptr_array_index (self->survey->questions, index), typed, kept))
    {
      self->advancing = index;
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, advance, g_object_ref (self), g_object_unref);
    }
}

static void
on_activate (GtkEntry             *entry,
             GadSurveyEntryWindow *self)
{
  g_autofree char *kept = check (self, index_of (GTK_WIDGET (entry)),
                                 gtk_editable_get_text (GTK_EDITABLE (entry)), NULL);

  if (kept == NULL)
    gtk_widget_error_bell (GTK_WIDGET (entry));
  else
    next (self, index_of (GTK_WIDGET (entry)));
}

static void
build (GadSurveyEntryWindow *self)
{
  for (guint i = 0; i < self->survey->questions->len; i++)
    {
      const GadSurveyQuestion *q = g_ptr_array_index (self->survey->questions, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *state = gtk_label_new (NULL);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, q->text);
      g_autofree char *hint = choices_hint (q);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hint);
      gtk_label_set_ellipsize (GTK_LABEL (state), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (state), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (state), 18);
      gtk_label_set_xalign (GTK_LABEL (state), 1);
      gtk_widget_add_css_class (state, "dim-label");
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), q->kind == GAD_QUESTION_TEXT ? 24 : 5);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry),
                                        q->kind == GAD_QUESTION_TEXT ? 30 : 5);
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (entry), "question", GUINT_TO_POINTER (i));
      g_signal_connect (entry, "changed", G_CALLBACK (on_changed), self);
      g_signal_connect (entry, "activate", G_CALLBACK (on_activate), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->entries, entry);
      g_ptr_array_add (self->states, state);
    }
  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (self->entries->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->entries, 0));
}

static void
show_count (GadSurveyEntryWindow *self)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u questionnaire saved here; %d in all",
                                                        "%u questionnaires saved here; %d in all",
                                                        self->saved),
                                           self->saved, self->survey->n_responses);

  gtk_label_set_label (self->count_label, text);
}

typedef struct
{
  GadSurvey *survey;      /* a copy: the window may close before the save ends */
  GStrv values;
  char *code;
} Response;

static void
response_free (Response *r)
{
  gad_survey_free (r->survey);
  g_strfreev (r->values);
  g_free (r->code);
  g_free (r);
}

static gpointer
save_response (GadStore      *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Response *r = data;
  gint64 person = 0;

  if (*r->code && (person = gad_store_find_person_by_code (store, r->code)) == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("No person has the personal code %s."), r->code);
      return NULL;
    }
  return GINT_TO_POINTER (gad_store_add_survey_response (store, r->survey,
                                                         (const char *const *) r->values, person,
                                                         error));
}

static void
set_saving (GadSurveyEntryWindow *self,
            gboolean              saving)
{
  self->saving = saving;
  for (guint i = 0; i < self->entries->len; i++)
    gtk_editable_set_editable (g_ptr_array_index (self->entries, i), !saving);
}

static void
on_saved (GtkWidget    *widget,
          gpointer      result,
          const GError *error)
{
  GadSurveyEntryWindow *self = GAD_SURVEY_ENTRY_WINDOW (widget);

  set_saving (self, FALSE);
  if (error)
    {
      /* What was typed stays, the reason above it. */
      gad_show_error (self->error_label, error->message);
      return;
    }
  gtk_widget_set_sensitive (self->save_button, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->saved++;
  self->survey->n_responses++;
  show_count (self);
  self->clearing = TRUE;
  for (guint i = 0; i < self->entries->len; i++)
    {
      gtk_editable_set_text (g_ptr_array_index (self->entries, i), "");
      gtk_label_set_label (g_ptr_array_index (self->states, i), "");
    }
  gtk_editable_set_text (GTK_EDITABLE (self->consent_row), "");
  self->clearing = FALSE;
  gad_context_changed (self->context);
  if (self->entries->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->entries, 0));
}

static void
on_save (GadSurveyEntryWindow *self)
{
  Response *r;
  GStrvBuilder *values;

  if (self->survey == NULL || self->saving)
    return;
  r = g_new0 (Response, 1);
  values = g_strv_builder_new ();
  for (guint i = 0; i < self->entries->len; i++)
    {
      g_autofree char *value = gad_survey_typed_answer (g_ptr_array_index (self->survey->questions, i),
                                         gtk_editable_get_text (g_ptr_array_index (self->entries,
                                                                                   i)));

      g_strv_builder_add (values, value);
    }
  r->survey = gad_survey_copy (self->survey);
  r->values = g_strv_builder_end (values);
  r->code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->consent_row))));
  g_strv_builder_unref (values);
  set_saving (self, TRUE);
  gad_dialog_save (GTK_WIDGET (self), self->save_button, self->error_label, self->context,
                   save_response, r, (GDestroyNotify) response_free, NULL, on_saved);
}

static gboolean
save_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   data)
{
  on_save (GAD_SURVEY_ENTRY_WINDOW (widget));
  return TRUE;
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
  g_autoptr(GadSurveyEntryWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->survey = gad_worker_run_finish (result, &error);
  if (self->survey == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  adw_window_title_set_subtitle (self->title, self->survey->title);
  show_count (self);
  build (self);
}

static void
gad_survey_entry_window_dispose (GObject *object)
{
  GadSurveyEntryWindow *self = GAD_SURVEY_ENTRY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_SURVEY_ENTRY_WINDOW);
  g_clear_pointer (&self->survey, gad_survey_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->states, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_survey_entry_window_parent_class)->dispose (object);
}

static void
gad_survey_entry_window_class_init (GadSurveyEntryWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_survey_entry_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-survey-entry-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEntryWindow, title);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEntryWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEntryWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEntryWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEntryWindow, list);
  gtk_widget_class_bind_template_child (widget_class, GadSurveyEntryWindow, consent_row);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, save_shortcut,
                                NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, save_shortcut,
                                NULL);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_survey_entry_window_init (GadSurveyEntryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_ptr_array_new ();
  self->states = g_ptr_array_new ();
}

GadSurveyEntryWindow *
gad_survey_entry_window_new (GtkWindow  *parent,
                             GadContext *context,
                             gint64      survey_id)
{
  GadSurveyEntryWindow *self = g_object_new (GAD_TYPE_SURVEY_ENTRY_WINDOW, "transient-for",
                                             parent, NULL);

  self->context = g_object_ref (context);
  gad_worker_run (gad_context_get_worker (context), read_survey,
                  g_memdup2 (&survey_id, sizeof survey_id), g_free,
                  (GDestroyNotify) gad_survey_free, NULL, on_read, g_object_ref (self));
  return self;
}
