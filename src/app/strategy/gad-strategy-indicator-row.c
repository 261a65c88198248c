/* gad-strategy-indicator-row.c — one result indicator of a task being written
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What it measures, where its value comes from (by hand, or one of
 * Gādība's figures: then the year's figure shows, not an entry), whether
 * lower is better, the year's target, value and note; for a survey's
 * mean, the survey and the question's code.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gad-strategy-indicator-row.h"
#include "gad-survey.h"
#include "gad-text.h"

static GtkWidget *
labelled_entry (const char *name,
                const char *text,
                int         width)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  if (width)
    gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  return entry;
}

static GtkWidget *
caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static char *
number_text (gboolean has,
             double   value)
{
  return has ? gad_text_format_decimal (value, fabs (value - round (value)) < 1e-9 ? 0 : 2)
             : g_strdup ("");
}

static void
on_source (GtkDropDown *sources,
           GParamSpec  *pspec,
           GtkWidget   *row)
{
  const char *source = gad_strategy_sources ()[gtk_drop_down_get_selected (sources)];

  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "value"),
                            g_str_equal (source, "manual"));
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "survey-line"),
                          g_str_equal (source, "survey-mean"));
}

static void
on_remove (GtkButton *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (row)), row);
}

/* @indicator: %NULL for a new one; @surveys: GadSurvey, for a survey's mean */
GtkWidget *
gad_strategy_indicator_row_new (const GadIndicator *indicator,
                                GPtrArray          *surveys)
{
  const char *const *ids = gad_strategy_sources ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *target = number_text (indicator && indicator->has_target, indicator ? indicator->target : 0);
  g_autofree char *value = number_text (indicator && indicator->has_value, indicator ? indicator->value : 0);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *lines[3], *text, *source, *lower, *remove, *survey;
  GArray *survey_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint selected = 0, chosen = 0;

  for (guint i = 0; ids[i]; i++)
    {
      gtk_string_list_append (labels, gad_strategy_source_label (ids[i]));
      if (indicator && g_str_equal (ids[i], indicator->source))
        selected = i;
    }
  for (guint i = 0; surveys && i < surveys->len; i++)
    {
      GadSurvey *s = g_ptr_array_index (surveys, i);
      g_autofree char *from = gad_text_format_date (s->period_from);
      g_autofree char *name = g_strdup_printf ("%s (%s)", s->title, from);

      gtk_string_list_append (names, name);
      g_array_append_val (survey_ids, s->id);
      if (indicator && indicator->survey_id == s->id)
        chosen = i;
    }
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      lines[i] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (box), lines[i]);
    }
  text = labelled_entry (_("What it measures"), indicator ? indicator->text : NULL, 0);
  gtk_widget_set_hexpand (text, TRUE);
  source = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (source), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Where its value comes from"), -1);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (remove, _("Remove the indicator"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the indicator"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove), NULL);
  gtk_box_append (GTK_BOX (lines[0]), text);
  gtk_box_append (GTK_BOX (lines[0]), source);
  gtk_box_append (GTK_BOX (lines[0]), remove);
  g_object_set_data (G_OBJECT (row), "text", text);
  g_object_set_data (G_OBJECT (row), "source", source);
  g_object_set_data (G_OBJECT (row), "target", labelled_entry (_("Target"), target, 8));
  g_object_set_data (G_OBJECT (row), "value", labelled_entry (_("Achieved"), value, 8));
  g_object_set_data (G_OBJECT (row), "note",
                     labelled_entry (_("Note"), indicator ? indicator->note : NULL, 0));
  lower = gtk_check_button_new_with_mnemonic (_("_Lower is better"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (lower), indicator && indicator->lower_is_better);
  g_object_set_data (G_OBJECT (row), "lower", lower);
  gtk_box_append (GTK_BOX (lines[1]), caption (_("Target")));
  gtk_box_append (GTK_BOX (lines[1]), g_object_get_data (G_OBJECT (row), "target"));
  gtk_box_append (GTK_BOX (lines[1]), caption (_("Achieved")));
  gtk_box_append (GTK_BOX (lines[1]), g_object_get_data (G_OBJECT (row), "value"));
  gtk_box_append (GTK_BOX (lines[1]), lower);
  gtk_widget_set_hexpand (g_object_get_data (G_OBJECT (row), "note"), TRUE);
  gtk_box_append (GTK_BOX (lines[1]), g_object_get_data (G_OBJECT (row), "note"));
  survey = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (survey), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Survey"), -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (survey), chosen);
  g_object_set_data (G_OBJECT (row), "survey", survey);
  g_object_set_data_full (G_OBJECT (row), "survey-ids", survey_ids, (GDestroyNotify) g_array_unref);
  g_object_set_data (G_OBJECT (row), "question",
                     labelled_entry (_("The question’s code, such as satisfied"),
                                     indicator ? indicator->question_code : NULL, 0));
  gtk_box_append (GTK_BOX (lines[2]), survey);
  gtk_box_append (GTK_BOX (lines[2]), g_object_get_data (G_OBJECT (row), "question"));
  g_object_set_data (G_OBJECT (row), "survey-line", lines[2]);
  g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER (indicator ? indicator->id : 0));
  g_signal_connect (source, "notify::selected", G_CALLBACK (on_source), row);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (source), selected);
  on_source (GTK_DROP_DOWN (source), NULL, row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set (box, "margin-start", 12, "margin-end", 6, "margin-top", 8, "margin-bottom", 8,
                NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static gboolean
read_number (GtkWidget   *entry,
             gboolean     target,
             const char  *indicator,
             gboolean    *has,
             double      *value,
             GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  char *end;

  *has = *text != '\0';
  if (!*has)
    return TRUE;
  g_strdelimit (text, ",", '.');
  *value = g_ascii_strtod (text, &end);
  if (*end == '\0' && isfinite (*value))
    return TRUE;
  if (target)
    g_set_error (error, GAD_STRATEGY_ERROR, GAD_STRATEGY_ERROR_INVALID,
                 _("The target of “%s” is not a number."), indicator);
  else
    g_set_error (error, GAD_STRATEGY_ERROR, GAD_STRATEGY_ERROR_INVALID,
                 _("The value achieved of “%s” is not a number."), indicator);
  return FALSE;
}

/* The indicator as the row has it: with the year's target, a manual
 * one's value and the note; %NULL with @error for a figure not a number. */
GadIndicator *
gad_strategy_indicator_row_read (GtkListBoxRow  *row,
                                 GError        **error)
{
  GObject *r = G_OBJECT (row);
  guint source = gtk_drop_down_get_selected (g_object_get_data (r, "source"));
  guint survey = gtk_drop_down_get_selected (g_object_get_data (r, "survey"));
  GArray *survey_ids = g_object_get_data (r, "survey-ids");
  g_autoptr(GadIndicator) ind = gad_indicator_new (gtk_editable_get_text (g_object_get_data (r, "text")),
                                                   gad_strategy_sources ()[source]);

  ind->id = GPOINTER_TO_SIZE (g_object_get_data (r, "id"));
  ind->lower_is_better = gtk_check_button_get_active (g_object_get_data (r, "lower"));
  g_free (ind->note);
  ind->note = g_strdup (gtk_editable_get_text (g_object_get_data (r, "note")));
  if (!read_number (g_object_get_data (r, "target"), TRUE, ind->text, &ind->has_target,
                    &ind->target, error)
      || !read_number (g_object_get_data (r, "value"), FALSE, ind->text, &ind->has_value,
                       &ind->value, error))
    return NULL;
  if (g_str_equal (ind->source, "survey-mean") && survey < survey_ids->len)
    {
      ind->survey_id = g_array_index (survey_ids, gint64, survey);
      ind->question_code = g_strstrip (g_strdup (gtk_editable_get_text (
                                                   g_object_get_data (r, "question"))));
    }
  return g_steal_pointer (&ind);
}
