/* gad-survey-question-row.c — one question of a questionnaire being written
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the editor's list: what the question asks, its kind of answer,
 * whether it describes the respondent, buttons to move it and remove it,
 * and its choices (one line, separated by semicolons) for the kinds that
 * choose. A question read keeps its code, so that its answers count on.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-survey-question-row.h"

static void
on_kind (GtkDropDown *kind,
         GParamSpec  *pspec,
         GtkWidget   *choices)
{
  guint k = gtk_drop_down_get_selected (kind);

  gtk_widget_set_visible (choices, k == GAD_QUESTION_SINGLE || k == GAD_QUESTION_MULTIPLE);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
on_move (GtkButton *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (row));
  int at = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  int to = at + GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "step"));

  if (to < 0 || gtk_list_box_get_row_at_index (list, to) == NULL)
    return;
  g_object_ref (row);
  gtk_list_box_remove (list, row);
  gtk_list_box_insert (list, row, to);
  g_object_unref (row);
  gad_survey_question_rows_renumber (list);
  gtk_widget_grab_focus (GTK_WIDGET (button));
}

static void
on_remove (GtkButton *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (row));

  gtk_list_box_remove (list, row);
  gad_survey_question_rows_renumber (list);
}

/* A question's row: its text, kind, whether about the respondent, moving
 * and removing; under them its choices. @q: %NULL for a new question. */
GtkWidget *
gad_survey_question_row_new (const GadSurveyQuestion *q)
{
  const char *kinds[] = { gad_question_kind_label (GAD_QUESTION_SINGLE),
                          gad_question_kind_label (GAD_QUESTION_MULTIPLE),
                          gad_question_kind_label (GAD_QUESTION_SCALE),
                          gad_question_kind_label (GAD_QUESTION_NUMBER),
                          gad_question_kind_label (GAD_QUESTION_TEXT), NULL };
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_entry_new ();
  GtkWidget *kind = gtk_drop_down_new_from_strings (kinds);
  GtkWidget *respondent = gtk_check_button_new_with_mnemonic (_("About the _respondent"));
  GtkWidget *choices = gtk_entry_new ();
  GtkWidget *button;
  g_autofree char *joined = q && q->choices ? g_strjoinv ("; ", q->choices) : NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (text), _("What the question asks"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (choices), _("Choices, separated by semicolons"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of answer"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choices), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choices"), -1);
  g_signal_connect (kind, "notify::selected", G_CALLBACK (on_kind), choices);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), q ? q->kind : GAD_QUESTION_SINGLE);
  on_kind (GTK_DROP_DOWN (kind), NULL, choices);
  if (q)
    {
      gtk_editable_set_text (GTK_EDITABLE (text), q->text);
      gtk_editable_set_text (GTK_EDITABLE (choices), joined ? joined : "");
      gtk_check_button_set_active (GTK_CHECK_BUTTON (respondent), q->respondent);
      g_object_set_data_full (G_OBJECT (row), "code", g_strdup (q->code), g_free);
    }
  gtk_box_append (GTK_BOX (line), text);
  gtk_box_append (GTK_BOX (line), kind);
  gtk_box_append (GTK_BOX (line), respondent);
  button = icon_button ("go-up-symbolic", _("Move up"));
  g_object_set_data (G_OBJECT (button), "step", GINT_TO_POINTER (-1));
  g_signal_connect (button, "clicked", G_CALLBACK (on_move), NULL);
  gtk_box_append (GTK_BOX (line), button);
  button = icon_button ("go-down-symbolic", _("Move down"));
  g_object_set_data (G_OBJECT (button), "step", GINT_TO_POINTER (1));
  g_signal_connect (button, "clicked", G_CALLBACK (on_move), NULL);
  gtk_box_append (GTK_BOX (line), button);
  button = icon_button ("user-trash-symbolic", _("Remove the question"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove), NULL);
  gtk_box_append (GTK_BOX (line), button);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), choices);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_focus_child (box, line);
  gtk_widget_set_focus_child (line, text);
  g_object_set_data (G_OBJECT (row), "text", text);
  g_object_set_data (G_OBJECT (row), "kind", kind);
  g_object_set_data (G_OBJECT (row), "respondent", respondent);
  g_object_set_data (G_OBJECT (row), "choices", choices);
  return row;
}

/* Each question's text entry is named by its number, for screen readers. */
void
gad_survey_question_rows_renumber (GtkListBox *list)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    {
      g_autofree char *name = g_strdup_printf (_("Question %d"), i + 1);

      gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (row), "text")),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

/* The question as its row has it, with @code. */
GadSurveyQuestion *
gad_survey_question_row_read (GtkListBoxRow *row,
                              const char    *code)
{
  GObject *r = G_OBJECT (row);
  g_autofree char *choices = g_strdup (gtk_editable_get_text (g_object_get_data (r, "choices")));

  return gad_survey_question_new (code, gtk_drop_down_get_selected (g_object_get_data (r, "kind")),
                                  gtk_editable_get_text (g_object_get_data (r, "text")),
                                  g_strdelimit (choices, ";", '\n'),
                                  gtk_check_button_get_active (g_object_get_data (r, "respondent")));
}
