/* gad-scan-dialog.c — pages from a scanner into a client's case
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scanners are looked for, and pages read, on a thread of their own
 * (SANE waits on the hardware); the window shows how far the page is and
 * can cancel. Pages scanned one after another (from the glass, or all of a
 * feeder) become one PDF kept in the case by the documents window, on the
 * store's worker. Closing the window while it scans cancels the scan.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-scan-dialog.h"
#include "gad-scanner.h"

#define PROGRESS_MS 100

struct _GadScanDialog
{
  AdwWindow parent_instance;

  GadDocumentsWindow *documents;
  GPtrArray *scanners;           /* GadScanner, as the combo row lists them */
  GPtrArray *pages;              /* GadScanPage: scanned so far */
  GCancellable *cancellable;     /* while a scan runs */
  guint progress_source;
  gint page;                     /* written by the scanning thread */
  gint permille;

  AdwWindowTitle *window_title;
  GtkWidget *attach_button;
  GtkLabel *error_label;
  AdwComboRow *scanner_row;
  GtkSwitch *feeder_switch;
  AdwEntryRow *name_row;
  GtkPicture *page_picture;
  GtkProgressBar *progress_bar;
  GtkButton *scan_button;
};

G_DEFINE_FINAL_TYPE (GadScanDialog, gad_scan_dialog, ADW_TYPE_WINDOW)

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *found = gad_scanner_list (&error);

  if (found)
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GadScanDialog *self = GAD_SCAN_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->scanners = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->documents == NULL)  /* closed meanwhile */
    return;
  if (self->scanners == NULL)
    {
      gad_show_error (self->error_label, error->message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scanner_row), "");
      return;
    }
  for (guint i = 0; i < self->scanners->len; i++)
    gtk_string_list_append (labels, ((GadScanner *) g_ptr_array_index (self->scanners, i))->label);
  adw_combo_row_set_model (self->scanner_row, G_LIST_MODEL (labels));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scanner_row),
                               self->scanners->len == 0
                                 ? _("No scanner found: check that it is on and connected, "
                                     "then open this window again.")
                                 : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->scanner_row), self->scanners->len > 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scan_button), self->scanners->len > 0);
}

typedef struct
{
  char *device;
  gboolean feeder;
} Scan;

static void
scan_free (Scan *scan)
{
  g_free (scan->device);
  g_free (scan);
}

/* On the scanning thread: where the window reads it every PROGRESS_MS. */
static void
on_progress (guint    page,
             double   fraction,
             gpointer data)
{
  GadScanDialog *self = data;

  g_atomic_int_set (&self->page, page);
  g_atomic_int_set (&self->permille, (gint) (fraction * 1000));
}

static void
scan_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Scan *scan = data;
  GError *error = NULL;
  GPtrArray *pages = gad_scanner_scan (scan->device, scan->feeder, on_progress, source,
                                       cancellable, &error);

  if (pages)
    g_task_return_pointer (task, pages, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

static void
show_count (GadScanDialog *self)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("%u page scanned", "%u pages scanned", self->pages->len),
                          self->pages->len);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, self->pages->len > 0 ? 1 : 0);
}

static gboolean
show_progress (gpointer data)
{
  GadScanDialog *self = data;
  g_autofree char *text = NULL;
  guint page = self->pages->len + g_atomic_int_get (&self->page);

  /* TRANSLATORS: while a scanner reads a page: "Page 2" */
  text = g_strdup_printf (_("Page %u"), MAX (page, self->pages->len + 1));
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
set_scanning (GadScanDialog *self,
              gboolean       scanning)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->scan_button), !scanning);
  gtk_widget_set_sensitive (self->attach_button, !scanning && self->pages->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->feeder_switch), !scanning);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (scanning)
    self->progress_source = g_timeout_add (PROGRESS_MS, show_progress, self);
}

static void
on_scanned (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GadScanDialog *self = GAD_SCAN_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = g_task_propagate_pointer (G_TASK (result), &error);

  g_clear_object (&self->cancellable);
  if (self->documents == NULL)  /* closed meanwhile: the scan was cancelled */
    return;
  for (guint i = 0; pages && i < pages->len; i++)
    g_ptr_array_add (self->pages, g_steal_pointer (&g_ptr_array_index (pages, i)));
  set_scanning (self, FALSE);
  show_count (self);
  if (error)
    gad_show_error (self->error_label, error->message);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (self->pages->len > 0)
    {
      GadScanPage *last = g_ptr_array_index (self->pages, self->pages->len - 1);
      g_autoptr(GdkTexture) texture = gdk_memory_texture_new (last->width, last->height,
                                                              GDK_MEMORY_R8G8B8, last->rgb,
                                                              last->width * 3);

      gtk_picture_set_paintable (self->page_picture, GDK_PAINTABLE (texture));
      gtk_widget_set_visible (GTK_WIDGET (self->page_picture), TRUE);
      gtk_button_set_label (self->scan_button, _("Scan _More"));
    }
}

static void
on_scan (GadScanDialog *self)
{
  guint chosen = adw_combo_row_get_selected (self->scanner_row);
  Scan *scan = g_new0 (Scan, 1);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (self->scanners && chosen < self->scanners->len);
  scan->device = g_strdup (((GadScanner *) g_ptr_array_index (self->scanners, chosen))->name);
  scan->feeder = gtk_switch_get_active (self->feeder_switch);
  g_atomic_int_set (&self->page, 0);
  g_atomic_int_set (&self->permille, 0);
  self->cancellable = g_cancellable_new ();
  set_scanning (self, TRUE);
  task = g_task_new (self, self->cancellable, on_scanned, NULL);
  g_task_set_task_data (task, scan, (GDestroyNotify) scan_free);
  g_task_run_in_thread (task, scan_thread);
}

/* Cancels a scan under way; otherwise closes, forgetting pages not kept. */
static void
on_cancel (GadScanDialog *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_attach (GadScanDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *file = g_str_has_suffix (name, ".pdf") ? g_strdup (name)
                                                          : g_strconcat (name, ".pdf", NULL);

  gad_documents_window_add_scan (self->documents, g_strstrip (file),
                                 g_steal_pointer (&self->pages));
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_scan_page_free);
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
gad_scan_dialog_close_request (GtkWindow *window)
{
  GadScanDialog *self = GAD_SCAN_DIALOG (window);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (gad_scan_dialog_parent_class)->close_request (window);
}

static void
gad_scan_dialog_dispose (GObject *object)
{
  GadScanDialog *self = GAD_SCAN_DIALOG (object);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_SCAN_DIALOG);
  g_clear_object (&self->documents);
  G_OBJECT_CLASS (gad_scan_dialog_parent_class)->dispose (object);
}

static void
gad_scan_dialog_finalize (GObject *object)
{
  GadScanDialog *self = GAD_SCAN_DIALOG (object);

  g_clear_pointer (&self->scanners, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (gad_scan_dialog_parent_class)->finalize (object);
}

static void
gad_scan_dialog_class_init (GadScanDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_scan_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = gad_scan_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = gad_scan_dialog_close_request;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-scan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GadScanDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GadScanDialog, attach_button);
  gtk_widget_class_bind_template_child (widget_class, GadScanDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadScanDialog, scanner_row);
  gtk_widget_class_bind_template_child (widget_class, GadScanDialog, feeder_switch);
  gtk_widget_class_bind_template_child (widget_class, GadScanDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, GadScanDialog, page_picture);
  gtk_widget_class_bind_template_child (widget_class, GadScanDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GadScanDialog, scan_button);
  gtk_widget_class_bind_template_callback (widget_class, on_scan);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel);
  gtk_widget_class_bind_template_callback (widget_class, on_attach);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_scan_dialog_init (GadScanDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%d.%m.%Y");
  /* TRANSLATORS: the name a scan is kept under: "Scan 03.12.2026.pdf" */
  g_autofree char *name = g_strdup_printf (_("Scan %s.pdf"), day);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_scan_page_free);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  show_count (self);
}

/**
 * gad_scan_dialog_new:
 * @documents: the case's documents window, which keeps the scan
 * @client: the client's name, for the title
 */
GadScanDialog *
gad_scan_dialog_new (GadDocumentsWindow *documents,
                     const char         *client)
{
  GadScanDialog *self = g_object_new (GAD_TYPE_SCAN_DIALOG, "transient-for", documents, NULL);
  g_autoptr(GTask) task = g_task_new (self, NULL, on_listed, NULL);

  self->documents = g_object_ref (documents);
  adw_window_title_set_subtitle (self->window_title, client);
  g_task_run_in_thread (task, list_thread);
  return self;
}
