/* gad-survey-export.c — a survey's results as a PDF summary or a CSV file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The summary is read and drawn anew on the worker's thread and opens in
 * the document window, to print or save; the CSV is the counts on screen,
 * written where the user chooses.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-pdf-window.h"
#include "gad-survey-export.h"
#include "gad-survey-pdf.h"

typedef struct
{
  gint64 survey_id;
  int by;
  gint64 earlier_id;
  char *title;
} Summary;

static void
summary_free (Summary *s)
{
  g_free (s->title);
  g_free (s);
}

static gpointer
make_summary (GadStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Summary *s = data;
  g_autoptr(GadSurveyTable) table = gad_store_survey_table (store, s->survey_id, error);
  g_autoptr(GadSurveyTable) earlier = NULL;
  g_autoptr(GadSurveyResults) results = NULL;
  g_autofree char *name = NULL, *earlier_name = NULL;

  if (table == NULL
      || (s->earlier_id && (earlier = gad_store_survey_table (store, s->earlier_id,
                                                              error)) == NULL))
    return NULL;
  s->title = g_strdup (gad_survey_table_survey (table)->title);
  if (earlier)
    {
      gad_survey_run_names (gad_survey_table_survey (table), gad_survey_table_survey (earlier),
                            &name, &earlier_name);
      results = gad_survey_results_compare (table, name, earlier, earlier_name);
    }
  else if ((results = gad_survey_results_new (table, s->by, error)) == NULL)
    return NULL;
  return gad_survey_pdf (gad_survey_table_survey (table), results, earlier_name, "lv", NULL,
                         error);
}

static void
on_summary (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = gad_worker_run_finish (result, &error);
  Summary *s = g_object_get_data (G_OBJECT (widget), "gad-survey-summary");
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_widget_set_sensitive (widget, TRUE);
  if (pdf == NULL)
    gad_window_toast (widget, error->message);
  else if (root)
    gtk_window_present (GTK_WINDOW (gad_pdf_window_new (GTK_WINDOW (root), _("Survey Results"),
                                                        s ? s->title : NULL, pdf,
                                                        _("survey-results.pdf"))));
  g_object_set_data (G_OBJECT (widget), "gad-survey-summary", NULL);
}

/* The summary of the results as @widget (insensitive meanwhile) shows them:
 * everyone or by question @by, or beside run @earlier_id. */
void
gad_survey_export_summary (GtkWidget  *widget,
                           GadContext *context,
                           gint64      survey_id,
                           int         by,
                           gint64      earlier_id)
{
  Summary *s = g_new0 (Summary, 1);

  s->survey_id = survey_id;
  s->by = by;
  s->earlier_id = earlier_id;
  /* The job's data lives until its answer has been handled. */
  g_object_set_data (G_OBJECT (widget), "gad-survey-summary", s);
  gtk_widget_set_sensitive (widget, FALSE);
  gad_worker_run (gad_context_get_worker (context), make_summary, s,
                  (GDestroyNotify) summary_free, (GDestroyNotify) g_bytes_unref, NULL,
                  on_summary, g_object_ref (widget));
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;

  if (g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    gad_window_toast (widget, _("The results were exported."));
  else
    gad_window_toast (widget, error->message);
}

static void
on_chosen (GtkNativeDialog *chooser,
           int              response,
           GtkWidget       *widget)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  GBytes *bytes = g_object_get_data (G_OBJECT (chooser), "gad-csv");

  if (response == GTK_RESPONSE_ACCEPT && file)
    g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL,
                                         on_written, g_object_ref (widget));
  g_object_unref (widget);
  g_object_unref (chooser);
}

/* The counts as @results has them, question,answer,group,count,percent. */
void
gad_survey_export_csv (GtkWidget              *widget,
                       const GadSurveyResults *results)
{
  GString *csv = gad_survey_results_csv (results);
  gsize length = csv->len;
  GtkFileChooserNative *chooser;

  chooser = gad_save_chooser_show (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Export the Results"), _("_Export"),
                                   _("survey-results.csv"), G_CALLBACK (on_chosen),
                                   g_object_ref (widget));
  g_object_set_data_full (G_OBJECT (chooser), "gad-csv",
                          g_bytes_new_take (g_string_free (csv, FALSE), length),
                          (GDestroyNotify) g_bytes_unref);
}
