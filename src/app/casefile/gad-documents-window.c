/* gad-documents-window.c — the documents of a client's case
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case's documents, the newest first, with what each is, its size and
 * who added it when. Files are read and kept on the worker's thread, so a
 * 25 MB scan never holds the window up; a PDF or a picture opens in the
 * app's viewer, other files with the desktop's application for them (the
 * portal, under Flatpak), from a copy only the user may read. Scan… reads
 * pages from a scanner (GadScanDialog) and keeps them here as one PDF. The
 * search keeps the documents whose name has every word typed.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gad-app-util.h"
#include "gad-documents-window.h"
#include "gad-pdf-window.h"
#include "gad-scan-dialog.h"
#include "gad-scanner.h"
#include "gad-text.h"

struct _GadDocumentsWindow
{
  AdwWindow parent_instance;

  GadContext *context;
  gint64 case_id;
  gboolean writes;               /* an open case the reader may write in */
  gboolean reads;                /* whether the reader may open them */
  GtkFileChooserNative *chooser;

  AdwWindowTitle *window_title;
  GtkWidget *add_button;
  GtkWidget *scan_button;
  GtkSpinner *spinner;
  GtkLabel *error_label;
  GtkListBox *documents_list;
  GtkSearchEntry *search_entry;
  char **search_words;           /* folded; NULL: every document */
};

G_DEFINE_FINAL_TYPE (GadDocumentsWindow, gad_documents_window, ADW_TYPE_WINDOW)

static void load (GadDocumentsWindow *self);

typedef struct
{
  gint64 case_id;
  gint64 document_id;
  GPtrArray *files;              /* GFile: to add */
  char *scan_name;               /* or pages scanned, to add as one PDF */
  GPtrArray *pages;
  GadCaseDocument *about;        /* opened: what it is */
  GBytes *pdf;                   /* opened: to view */
  char *uri;                     /* opened: a copy to hand to another application */
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_pointer (&job->pages, g_ptr_array_unref);
  g_free (job->scan_name);
  g_clear_pointer (&job->about, gad_case_document_free);
  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_free (job->uri);
  g_free (job);
}

static gpointer
add_files (GadStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Job *job = data;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bytes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  if (job->pages)
    {
      GBytes *pdf = gad_scan_pages_to_pdf (job->pages, error);

      if (pdf == NULL)
        return NULL;
      g_ptr_array_add (bytes, pdf);
      g_ptr_array_add (names, g_strdup (job->scan_name));
    }
  for (guint i = 0; job->files && i < job->files->len; i++)
    {
      GFile *file = g_ptr_array_index (job->files, i);
      GBytes *contents = g_file_load_bytes (file, cancellable, NULL, error);

      if (contents == NULL)
        return NULL;
      g_ptr_array_add (bytes, contents);
      g_ptr_array_add (names, g_file_get_basename (file));
    }
  return GUINT_TO_POINTER (gad_store_attach_documents (store, job->case_id,
                                                       (const char *const *) names->pdata,
                                                       (GBytes *const *) bytes->pdata,
                                                       bytes->len, error) == bytes->len);
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GadDocumentsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = gad_worker_run_finish (result, &error) != NULL;

  if (self->context == NULL)
    return;
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_set_sensitive (self->add_button, TRUE);
  gtk_widget_set_sensitive (self->scan_button, TRUE);
  if (!ok)
    gad_show_error (self->error_label, error->message);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  load (self);
  gad_context_changed (self->context);
}

static void
keep (GadDocumentsWindow *self,
      Job                *job)
{
  job->case_id = self->case_id;
  gtk_widget_set_sensitive (self->add_button, FALSE);
  gtk_widget_set_sensitive (self->scan_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  gad_worker_run (gad_context_get_worker (self->context), add_files, job,
                  (GDestroyNotify) job_free, NULL, NULL, on_added, g_object_ref (self));
}

/**
 * gad_documents_window_add:
 *
 * Keeps @files in the case, on the worker's thread; a refusal is shown
 * above the list, and none of them is kept then.
 */
void
gad_documents_window_add (GadDocumentsWindow  *self,
                          GFile              **files,
                          guint                n_files)
{
  Job *job = g_new0 (Job, 1);

  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  keep (self, job);
}

/**
 * gad_documents_window_add_scan:
 * @pages: (transfer full) (element-type GadScanPage): as scanned
 *
 * Keeps @pages in the case as one PDF named @name, made and kept on the
 * worker's thread.
 */
void
gad_documents_window_add_scan (GadDocumentsWindow *self,
                               const char         *name,
                               GPtrArray          *pages)
{
  Job *job = g_new0 (Job, 1);

  job->scan_name = g_strdup (name);
  job->pages = pages;
  keep (self, job);
}

static void
on_scan (GadDocumentsWindow *self)
{
  gtk_window_present (GTK_WINDOW (gad_scan_dialog_new (
    self, adw_window_title_get_subtitle (self->window_title))));
}

static void
on_chosen (GtkNativeDialog    *chooser,
           int                 response,
           GadDocumentsWindow *self)
{
  g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; response == GTK_RESPONSE_ACCEPT && i < g_list_model_get_n_items (chosen); i++)
    g_ptr_array_add (files, g_list_model_get_item (chosen, i));
  if (files->len > 0)
    gad_documents_window_add (self, (GFile **) files->pdata, files->len);
  g_clear_object (&self->chooser);
}

static void
on_add (GadDocumentsWindow *self)
{
  self->chooser = gtk_file_chooser_native_new (_("Choose the Files to Keep in the Case"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A copy in the user's own cache, readable by them only, for another application. */
static char *
keep_copy (GadCaseDocument  *about,
           GBytes           *bytes,
           GError          **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "gadiba", "documents", NULL);
  g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", about->id, about->name);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      if (error && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The folder %s cannot be made."), dir);
      return NULL;
    }
  return g_filename_to_uri (path, NULL, error);
}

static gpointer
open_document (GadStore      *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Job *job = data;
  g_autoptr(GBytes) bytes = gad_store_open_document (store, job->document_id, &job->about, error);

  if (bytes == NULL)
    return NULL;
  if (gad_case_document_viewable (job->about->media_type))
    job->pdf = gad_case_document_to_pdf (bytes, job->about->media_type, error);
  else
    job->uri = keep_copy (job->about, bytes, error);
  return job->pdf || job->uri ? job : NULL;
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GadDocumentsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Job *job = gad_worker_run_finish (result, &error);

  if (self->context == NULL)
    return;
  if (job == NULL)
    gad_show_error (self->error_label, error->message);
  else if (job->pdf)
    gtk_window_present (GTK_WINDOW (gad_pdf_window_new (
      GTK_WINDOW (self), job->about->name, adw_window_title_get_subtitle (self->window_title),
      job->pdf, job->about->name)));
  else
    gtk_show_uri (GTK_WINDOW (self), job->uri, GDK_CURRENT_TIME);
}

static void
on_open (GtkButton          *button,
         GadDocumentsWindow *self)
{
  Job *job = g_new0 (Job, 1);

  job->document_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "document-id"));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  /* The job is the result too: freed with the task. */
  gad_worker_run (gad_context_get_worker (self->context), open_document, job,
                  (GDestroyNotify) job_free, NULL, NULL, on_opened, g_object_ref (self));
}

static GtkWidget *
document_row (GadDocumentsWindow *self,
              GadCaseDocument    *d)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *size = g_format_size (d->size);
  g_autofree char *when = gad_text_local_time (d->added_at, "%d.%m.%Y");
  g_autofree char *kind = g_content_type_get_description (d->media_type);
  /* TRANSLATORS: a document's row: its kind · size · who added it · when */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s · %s"), kind, size, d->added_by,
                                               when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->name);
  g_object_set_data_full (G_OBJECT (row), "folded", gad_text_search_words (d->name), g_free);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (self->reads)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "document-id", GSIZE_TO_POINTER (d->id));
      g_signal_connect (button, "clicked", G_CALLBACK (on_open), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

/* A document's name has every word typed (folded, as the registry folds). */
static gboolean
row_matches (GtkListBoxRow *row,
             gpointer       data)
{
  GadDocumentsWindow *self = data;
  const char *folded = g_object_get_data (G_OBJECT (row), "folded");

  for (guint i = 0; self->search_words && self->search_words[i]; i++)
    if (folded == NULL || strstr (folded, self->search_words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
on_search_changed (GadDocumentsWindow *self)
{
  g_autofree char *words = gad_text_search_words (gtk_editable_get_text (
                                                    GTK_EDITABLE (self->search_entry)));

  g_clear_pointer (&self->search_words, g_strfreev);
  if (words[0])
    self->search_words = g_strsplit (words, " ", 0);
  gtk_list_box_invalidate_filter (self->documents_list);
}

static gpointer
read_documents (GadStore      *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return gad_store_list_documents (store, GPOINTER_TO_SIZE (data), error);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GadDocumentsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = gad_worker_run_finish (result, &error);
  GtkWidget *child;

  if (self->context == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list))))
    gtk_list_box_remove (self->documents_list, child);
  if (documents == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  for (guint i = 0; i < documents->len; i++)
    gtk_list_box_append (self->documents_list,
                         document_row (self, g_ptr_array_index (documents, i)));
  if (documents->len == 0)
    {
      GtkWidget *none = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (none), _("No documents"));
      gtk_widget_add_css_class (none, "dim-label");
      gtk_list_box_append (self->documents_list, none);
    }
}

static void
load (GadDocumentsWindow *self)
{
  gad_worker_run (gad_context_get_worker (self->context), read_documents,
                  GSIZE_TO_POINTER (self->case_id), NULL, (GDestroyNotify) g_ptr_array_unref,
                  NULL, on_read, g_object_ref (self));
}

static void
gad_documents_window_dispose (GObject *object)
{
  GadDocumentsWindow *self = GAD_DOCUMENTS_WINDOW (object);

  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_DOCUMENTS_WINDOW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->search_words, g_strfreev);
  G_OBJECT_CLASS (gad_documents_window_parent_class)->dispose (object);
}

static void
gad_documents_window_class_init (GadDocumentsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_documents_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-documents-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadDocumentsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GadDocumentsWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, GadDocumentsWindow, scan_button);
  gtk_widget_class_bind_template_child (widget_class, GadDocumentsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, GadDocumentsWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadDocumentsWindow, documents_list);
  gtk_widget_class_bind_template_child (widget_class, GadDocumentsWindow, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_bind_template_callback (widget_class, on_scan);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_documents_window_init (GadDocumentsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->documents_list, row_matches, self, NULL);
}

/**
 * gad_documents_window_new:
 * @client: the client's name, for the title
 * @writes: whether the reader writes in this case (an open case of theirs)
 */
GadDocumentsWindow *
gad_documents_window_new (GtkWindow     *parent,
                          GadContext    *context,
                          const GadCase *c,
                          const char    *client,
                          gboolean       writes)
{
  GadDocumentsWindow *self = g_object_new (GAD_TYPE_DOCUMENTS_WINDOW, "transient-for", parent,
                                           NULL);
  GadStore *store = gad_context_get_store (context);

  self->context = g_object_ref (context);
  self->case_id = c->id;
  self->writes = writes && c->closed_on == NULL;
  self->reads = gad_store_can (store, GAD_RIGHT_READ_CLIENT, c->person_id);
  adw_window_title_set_subtitle (self->window_title, client);
  gtk_widget_set_visible (self->add_button, self->writes);
  gtk_widget_set_visible (self->scan_button, self->writes);
  load (self);
  return self;
}
