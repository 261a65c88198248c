/* gad-import-window.c — the administrator brings a service's records in
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chosen file's start is shown at once, as the import reads it; then
 * every row is checked against the database on a thread of its own (a dry
 * run), with progress and Cancel, and every bad row is listed before
 * anything is written. The import itself runs the same way: all or
 * nothing, or the good rows only, as one audited write.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-import-preview.h"
#include "gad-import-window.h"
#include "gad-import.h"
#include "gad-text.h"

struct _GadImportWindow
{
  AdwWindow parent_instance;

  GadContext *context;
  GCancellable *cancellable;      /* the check or import under way */
  GBytes *data;
  char *file_name;
  GtkFileChooserNative *chooser;
  gboolean running;

  AdwComboRow *kind_row;
  AdwActionRow *file_row;
  GtkButton *choose_button;
  GtkButton *import_button;
  GtkButton *good_rows_button;
  GtkButton *close_button;
  GtkLabel *error_label;
  GadImportPreview *preview;
  GtkBox *check_box;
  GtkProgressBar *progress_bar;
  GtkLabel *result_label;
};

G_DEFINE_FINAL_TYPE (GadImportWindow, gad_import_window, ADW_TYPE_WINDOW)

static GadImportKind
kind (GadImportWindow *self)
{
  return (GadImportKind) adw_combo_row_get_selected (self->kind_row);
}

typedef struct
{
  GadImportWindow *self;          /* a reference */
  GadStoreIdentity *who;
  GBytes *data;
  char *file_name;
  GadImportKind kind;
  GadImportFlags flags;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->self);
  gad_store_identity_free (job->who);
  g_bytes_unref (job->data);
  g_free (job->file_name);
  g_free (job);
}

/* On the import's thread: the window hears it on its own. */
static void
on_progress (double   fraction,
             gpointer data)
{
  gad_progress_bar_post (((Job *) data)->self->progress_bar, fraction);
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) store = gad_store_open_as (job->who, &error);
  GadImportReport *report = NULL;
  gsize length;
  const char *bytes = g_bytes_get_data (job->data, &length);

  if (store != NULL)
    gad_import (store, job->kind, job->file_name, bytes, length, job->flags, on_progress, job,
                cancellable, &report, &error);
  /* A report is the answer even for bad rows; an error without one stops here. */
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      g_object_set_data_full (G_OBJECT (task), "error", g_steal_pointer (&error),
                              (GDestroyNotify) g_error_free);
      g_task_return_pointer (task, report, (GDestroyNotify) gad_import_report_free);
    }
}

static void
set_running (GadImportWindow *self,
             gboolean         running)
{
  self->running = running;
  gtk_widget_set_visible (GTK_WIDGET (self->check_box), running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), !running);
  if (running)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->good_rows_button), FALSE);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
    }
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GadImportWindow *self = GAD_IMPORT_WINDOW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GadImportReport) report = g_task_propagate_pointer (G_TASK (result), &error);
  GError *bad_rows = g_object_get_data (G_OBJECT (result), "error");
  gboolean dry = job->flags & GAD_IMPORT_DRY_RUN;
  g_autofree char *text = NULL;
  g_autofree char *n = NULL;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  set_running (self, FALSE);
  if (report == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  gad_import_preview_show_problems (self->preview, report);
  n = gad_text_format_number (report->imported);
  if (dry && report->problems->len == 0)
    text = g_strdup_printf (ngettext ("The row can be imported.", "All %s rows can be imported.",
                                      report->imported), n);
  else if (dry)
    text = g_strdup_printf (ngettext ("%u row is bad; %s can be imported. Correct the file and "
                                      "choose it again, or import the good rows only.",
                                      "%u rows are bad; %s can be imported. Correct the file and "
                                      "choose it again, or import the good rows only.",
                                      report->problems->len),
                            report->problems->len, n);
  else if (bad_rows != NULL)
    text = g_strdup (bad_rows->message);
  else
    {
      text = g_strdup_printf (ngettext ("%s row imported.", "%s rows imported.", report->imported),
                              n);
      if (report->problems->len > 0)
        {
          g_autofree char *skipped = g_strdup_printf (ngettext ("%s The bad row below was skipped.",
                                                                "%s The bad rows below were skipped.",
                                                                report->problems->len), text);
          g_free (text);
          text = g_steal_pointer (&skipped);
        }
      if (report->duplicates > 0)
        {
          g_autofree char *more = g_strdup_printf (ngettext ("%s The registry has %u possible "
                                                             "duplicate: Main menu → Possible "
                                                             "Duplicates.",
                                                             "%s The registry has %u possible "
                                                             "duplicates: Main menu → Possible "
                                                             "Duplicates.",
                                                             report->duplicates),
                                                   text, report->duplicates);
          g_free (text);
          text = g_steal_pointer (&more);
        }
      gad_context_changed (self->context);
      gad_window_toast (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))), text);
    }
  if (bad_rows != NULL && dry && bad_rows->domain != GAD_IMPORT_ERROR)
    {
      gad_show_error (self->error_label, bad_rows->message);
      return;
    }
  gtk_label_set_label (self->result_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            dry && report->problems->len == 0 && report->imported > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->good_rows_button),
                          dry && report->problems->len > 0 && report->imported > 0);
}

static void
run (GadImportWindow *self,
     GadImportFlags   flags)
{
  GadStore *store = gad_context_get_store (self->context);
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->who = gad_store_get_identity (store);
  job->data = g_bytes_ref (self->data);
  job->file_name = g_strdup (self->file_name);
  job->kind = kind (self);
  job->flags = flags;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  task = g_task_new (self, self->cancellable, on_run_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_thread);
}

/* Shows the file's start and checks it whole. */
static void
check (GadImportWindow *self)
{
  g_autoptr(GadImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  if (self->data == NULL || self->running)
    return;
  data = g_bytes_get_data (self->data, &length);
  gad_import_preview_hide_problems (self->preview);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->good_rows_button), FALSE);
  if (!gad_import_peek (kind (self), data, length, &report, &error))
    {
      gad_import_preview_clear (self->preview);
      gad_show_error (self->error_label, error->message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gad_import_preview_show (self->preview, report);
  run (self, GAD_IMPORT_DRY_RUN);
}

static void
on_kind_changed (GadImportWindow *self)
{
  check (self);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GadImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
        gad_show_error (self->error_label, error->message);
      return;
    }
  g_clear_pointer (&self->data, g_bytes_unref);
  self->data = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_free (self->file_name);
  self->file_name = g_file_get_basename (G_FILE (source));
  adw_action_row_set_subtitle (self->file_row, self->file_name);
  check (self);
}

/* For the UI test: the file as if chosen. */
void
gad_import_window_open_file (GadImportWindow *self,
                             GFile           *file)
{
  g_file_load_contents_async (file, NULL, on_loaded, g_object_ref (self));
}

static void
on_chosen (GtkNativeDialog *chooser,
           int              response,
           GadImportWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    gad_import_window_open_file (self, file);
}

static void
on_choose (GadImportWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the File to Import"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_template_chosen (GtkNativeDialog *chooser,
                    int              response,
                    GadImportWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (response != GTK_RESPONSE_ACCEPT
      || (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL)
    return;
  text = gad_import_template (kind (self));
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                NULL, &error))
    gad_show_error (self->error_label, error->message);
}

static void
on_save_template (GadImportWindow *self)
{
  g_autofree char *name = g_strdup_printf ("%s.csv", gad_import_kind_name (kind (self)));

  g_clear_object (&self->chooser);
  self->chooser = gad_save_chooser_show (GTK_WINDOW (self), _("Save Template"), _("_Save"), name,
                                         G_CALLBACK (on_template_chosen), self);
}

static void
on_import (GadImportWindow *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->import_button)))
    run (self, 0);
}

static void
on_import_good (GadImportWindow *self)
{
  run (self, GAD_IMPORT_SKIP_BAD);
}

static void
on_cancel (GadImportWindow *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
on_close (GadImportWindow *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* The window stays while an import runs: Cancel ends it first. */
static gboolean
gad_import_window_close_request (GtkWindow *window)
{
  return GAD_IMPORT_WINDOW (window)->running;
}

static void
gad_import_window_dispose (GObject *object)
{
  GadImportWindow *self = GAD_IMPORT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (gad_import_window_parent_class)->dispose (object);
}

static void
gad_import_window_finalize (GObject *object)
{
  GadImportWindow *self = GAD_IMPORT_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->file_name);
  G_OBJECT_CLASS (gad_import_window_parent_class)->finalize (object);
}

static void
gad_import_window_class_init (GadImportWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_import_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = gad_import_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = gad_import_window_close_request;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadImportWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GadImportWindow, file_row);
  gtk_widget_class_bind_template_child (widget_class, GadImportWindow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, GadImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, GadImportWindow, good_rows_button);
  gtk_widget_class_bind_template_child (widget_class, GadImportWindow, close_button);
  gtk_widget_class_bind_template_child (widget_class, GadImportWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadImportWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, GadImportWindow, check_box);
  gtk_widget_class_bind_template_child (widget_class, GadImportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GadImportWindow, result_label);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choose);
  gtk_widget_class_bind_template_callback (widget_class, on_save_template);
  gtk_widget_class_bind_template_callback (widget_class, on_import);
  gtk_widget_class_bind_template_callback (widget_class, on_import_good);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel);
  gtk_widget_class_bind_template_callback (widget_class, on_close);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_import_window_init (GadImportWindow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  g_type_ensure (GAD_TYPE_IMPORT_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint k = 0; k < GAD_IMPORT_N_KINDS; k++)
    gtk_string_list_append (kinds, _(gad_import_kind_title (k)));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

GadImportWindow *
gad_import_window_new (GtkWindow  *parent,
                       GadContext *context)
{
  GadImportWindow *self = g_object_new (GAD_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  return self;
}
