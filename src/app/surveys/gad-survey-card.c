/* gad-survey-card.c — one question's results on screen
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group titled with the question: a bar chart of the percentages (for
 * choices and scales, up to six series side by side), the counts and
 * percentages a series, who answered, the mean of a scale or a number;
 * free text as written; "no responses" where nobody answered, never a
 * division by nobody.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-chart-view.h"
#include "gad-survey-card.h"
#include "gad-survey-pdf.h"

#define MAX_TEXTS 40

static GtkWidget *
cell (const char *text,
      gboolean    bold,
      gboolean    end)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), end ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  if (end)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static const char *
series_name (const GadSurveyResults *results,
             guint                   s)
{
  return results->series->len == 1 ? "" : g_ptr_array_index (results->series, s);
}

/* Answer | each series' "count (percent)"; the respondents who answered;
 * the mean of a scale or number. */
static GtkWidget *
counts_grid (const GadSurveyResults  *results,
             const GadQuestionResult *r)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  guint n = results->series->len, row = 1;
  gboolean numeric = r->question->kind == GAD_QUESTION_SCALE
                     || r->question->kind == GAD_QUESTION_NUMBER;

  gtk_grid_set_column_spacing (grid, 18);
  gtk_grid_set_row_spacing (grid, 4);
  gtk_grid_attach (grid, cell (_("Answer"), TRUE, FALSE), 0, 0, 1, 1);
  for (guint s = 0; s < n; s++)
    gtk_grid_attach (grid, cell (series_name (results, s), TRUE, TRUE), s + 1, 0, 1, 1);
  for (guint l = 0; l < r->labels->len; l++, row++)
    {
      gtk_grid_attach (grid, cell (g_ptr_array_index (r->labels, l), FALSE, FALSE), 0, row, 1, 1);
      for (guint s = 0; s < n; s++)
        {
          g_autofree char *p = gad_survey_format_percent (gad_question_result_percent (r, l, s),
                                                          NULL);
          g_autofree char *text = g_array_index (r->answered, int, s) == 0
                                  ? g_strdup ("—")
                                  : g_strdup_printf ("%d (%s)",
                                                     gad_question_result_count (r, l, s), p);

          gtk_grid_attach (grid, cell (text, FALSE, TRUE), s + 1, row, 1, 1);
        }
    }
  gtk_grid_attach (grid, cell (_("Answered"), TRUE, FALSE), 0, row, 1, 1);
  for (guint s = 0; s < n; s++)
    {
      int answered = g_array_index (r->answered, int, s);
      g_autofree char *text = answered ? g_strdup_printf ("%d", answered)
                                       : g_strdup (_("no responses"));

      gtk_grid_attach (grid, cell (text, TRUE, TRUE), s + 1, row, 1, 1);
    }
  row++;
  for (guint s = 0; numeric && s < n; s++)
    {
      int answered = g_array_index (r->answered, int, s);
      g_autofree char *text = answered ? gad_survey_format_mean (g_array_index (r->means, double,
                                                                                s), NULL)
                                       : g_strdup ("—");

      if (s == 0)
        gtk_grid_attach (grid, cell (_("Mean"), TRUE, FALSE), 0, row, 1, 1);
      gtk_grid_attach (grid, cell (text, TRUE, TRUE), s + 1, row, 1, 1);
    }
  return GTK_WIDGET (grid);
}

/* Question @q of @results: its title and kind, the percentages as bars,
 * the counts; free text as written; or that nobody answered. */
GtkWidget *
gad_survey_card_new (const GadSurveyResults *results,
                     guint                   q)
{
  const GadQuestionResult *r = g_ptr_array_index (results->questions, q);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *title = g_strdup_printf ("%u. %s", q + 1, r->question->text);
  g_autofree char *kind = g_strdup_printf ("%s%s", gad_question_kind_label (r->question->kind),
                                           r->question->respondent ? _(" · about the respondent")
                                                                   : "");
  gboolean any = FALSE;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), kind);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  for (guint s = 0; s < results->series->len; s++)
    any = any || g_array_index (r->answered, int, s) > 0;
  if (!any)
    gtk_box_append (GTK_BOX (box), cell (_("No responses."), FALSE, FALSE));
  else if (r->question->kind == GAD_QUESTION_TEXT)
    {
      g_autoptr(GString) texts = g_string_new (NULL);

      for (guint i = 0; i < MIN (r->texts->len, MAX_TEXTS); i++)
        g_string_append_printf (texts, "%s— %s", i ? "\n" : "", (char *) r->texts->pdata[i]);
      if (r->texts->len > MAX_TEXTS)
        g_string_append_printf (texts, "\n%s",
                                _("… and more in the summary."));
      gtk_box_append (GTK_BOX (box), cell (texts->str, FALSE, FALSE));
    }
  else
    {
      if (r->question->kind != GAD_QUESTION_NUMBER && results->series->len <= 6)
        {
          GtkWidget *chart = gad_chart_view_new ();

          gad_chart_view_set_data (GAD_CHART_VIEW (chart),
                                   gad_question_result_chart (results, q, NULL));
          gtk_widget_set_size_request (chart, -1, 180 + 6 * r->labels->len);
          gtk_box_append (GTK_BOX (box), chart);
        }
      gtk_box_append (GTK_BOX (box), counts_grid (results, r));
    }
  return group;
}
