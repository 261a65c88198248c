/* gad-survey-file.c — a survey's responses imported from a CSV file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An online form's export or a spreadsheet, a column a question: read,
 * checked and saved on the worker's thread, all of it or, with a bad row
 * or cancelled, none. The bad rows are named with their lines; columns no
 * question has are said.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-progress-dialog.h"
#include "gad-survey-file.h"

typedef struct
{
  GtkWindow *parent;
  GadContext *context;
  gint64 survey_id;
  GBytes *data;
  GStrv unused;
} Import;

static void
import_free (Import *im)
{
  g_object_unref (im->parent);
  g_object_unref (im->context);
  g_clear_pointer (&im->data, g_bytes_unref);
  g_strfreev (im->unused);
  g_free (im);
}

static gpointer
import_responses (GadStore          *store,
                  gpointer           data,
                  GadStoreProgress   progress,
                  gpointer           progress_data,
                  GCancellable      *cancellable,
                  GError           **error)
{
  Import *im = data;
  gsize length;
  const char *bytes = g_bytes_get_data (im->data, &length);
  g_autoptr(GadSurvey) survey = gad_store_get_survey (store, im->survey_id, error);
  g_autoptr(GPtrArray) responses = NULL;
  guint n;

  if (survey == NULL
      || (responses = gad_survey_read_csv (survey, bytes, length, &im->unused, error)) == NULL)
    return NULL;
  n = gad_store_import_survey_responses (store, survey, responses, progress, progress_data,
                                         cancellable, error);
  return n == G_MAXUINT ? NULL : GUINT_TO_POINTER (n + 1);
}

static void
on_imported (GtkWindow    *parent,
             gpointer      result,
             const GError *error,
             gpointer      data)
{
  Import *im = data;
  guint n = GPOINTER_TO_UINT (result);
  g_autoptr(GString) text = g_string_new (NULL);

  if (n == 0)
    return;
  g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u response imported",
                                      "%u responses imported", n - 1), n - 1);
  if (im->unused && im->unused[0])
    {
      g_autofree char *columns = g_strjoinv (", ", im->unused);

      g_string_append (text, "; ");
      g_string_append_printf (text, _("left out: %s"), columns);
    }
  gad_window_toast (GTK_WIDGET (parent), text->str);
  gad_context_changed (im->context);
}

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Import *im = user_data;
  g_autoptr(GError) error = NULL;

  im->data = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (im->data == NULL)
    {
      gad_window_toast (GTK_WIDGET (im->parent), error->message);
      import_free (im);
      return;
    }
  gad_progress_dialog_run (im->parent, im->context, _("Importing Responses"),
                           _("Every row is checked first: with a bad row, none is imported."),
                           _("The Responses Were Not Imported"), import_responses, im,
                           (GDestroyNotify) import_free, on_imported);
}

void
gad_survey_file_import_file (GtkWindow  *parent,
                             GadContext *context,
                             gint64      survey_id,
                             GFile      *file)
{
  Import *im = g_new0 (Import, 1);

  im->parent = g_object_ref (parent);
  im->context = g_object_ref (context);
  im->survey_id = survey_id;
  g_file_load_bytes_async (file, NULL, on_file_loaded, im);
}

static void
on_chosen (GtkNativeDialog *chooser,
           int              response,
           GadContext      *context)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gint64 survey_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "survey-id"));

  if (response == GTK_RESPONSE_ACCEPT && file)
    gad_survey_file_import_file (gtk_native_dialog_get_transient_for (chooser), context,
                                 survey_id, file);
  g_object_unref (context);
  g_object_unref (chooser);
}

void
gad_survey_file_import (GtkWindow  *parent,
                        GadContext *context,
                        gint64      survey_id)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import Responses"), parent,
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Import"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Responses, a column a question (CSV)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_object_set_data (G_OBJECT (chooser), "survey-id", GSIZE_TO_POINTER (survey_id));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chosen), g_object_ref (context));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
