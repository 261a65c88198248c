/* gad-certificates-dialog.c — every certificate due in a period, issued and
 * saved at once, with progress and Cancel
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The period and the form first; then where to save; then the batch on the
 * worker's thread behind a progress dialog. Each certificate is issued in a
 * transaction of its own: cancelled, those issued stay issued (and are taken
 * again, not issued twice, the next time), and nothing is saved.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-certificates-dialog.h"
#include "gad-document.h"
#include "gad-pdf.h"
#include "gad-progress-dialog.h"
#include "gad-text.h"

struct _GadCertificatesDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  GtkFileChooserNative *chooser;

  GtkWidget *issue_button;
  GtkLabel *error_label;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  AdwComboRow *format_row;
};

G_DEFINE_FINAL_TYPE (GadCertificatesDialog, gad_certificates_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  char *from;
  char *to;
  GFile *target;               /* the PDF, or the folder */
  gboolean one_file;
  GadStoreProgress progress;
  gpointer progress_data;
  GPtrArray *skipped;          /* out: why some households got none */
  guint saved;                 /* out */
} Batch;

static void
batch_free (Batch *b)
{
  g_free (b->from);
  g_free (b->to);
  g_clear_object (&b->target);
  g_clear_pointer (&b->skipped, g_ptr_array_unref);
  g_free (b);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer data)
{
  Batch *b = data;

  /* Issuing is most of it; saving the rest. */
  b->progress (0.9 * done / MAX (total, 1), b->progress_data);
}

static gboolean
save_files (GadStore      *store,
            Batch         *b,
            GArray        *ids,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) pdfs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) joined = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GadIssuedDocument) d = gad_store_get_issued (store, id, error);
      GBytes *pdf = d ? gad_store_get_issued_pdf (store, id, error) : NULL;

      if (pdf == NULL)
        return FALSE;
      g_ptr_array_add (pdfs, pdf);
      if (!b->one_file)
        {
          g_autofree char *name = g_strdelimit (g_strconcat (d->number, ".pdf", NULL), "/\\", '_');
          g_autoptr(GFile) file = g_file_get_child (b->target, name);

          if (!g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                        NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, cancellable,
                                        error))
            return FALSE;
        }
    }
  if (b->one_file)
    {
      if ((joined = gad_pdf_join (pdfs, error)) == NULL
          || !g_file_replace_contents (b->target, g_bytes_get_data (joined, NULL),
                                       g_bytes_get_size (joined), NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE, NULL, cancellable, error))
        return FALSE;
    }
  b->saved = ids->len;
  return TRUE;
}

static gpointer
run_batch (GadStore          *store,
           gpointer           data,
           GadStoreProgress   progress,
           gpointer           progress_data,
           GCancellable      *cancellable,
           GError           **error)
{
  Batch *b = data;
  g_autoptr(GArray) ids = NULL;

  b->progress = progress;
  b->progress_data = progress_data;
  ids = gad_document_certificates_due (store, b->from, b->to, cancellable, on_progress, b,
                                       &b->skipped, error);
  if (ids == NULL || g_cancellable_set_error_if_cancelled (cancellable, error)
      || !save_files (store, b, ids, cancellable, error))
    return NULL;
  progress (1.0, progress_data);
  return b;
}

static void
on_done (GtkWindow    *parent,
         gpointer      result,
         const GError *error,
         gpointer      data)
{
  Batch *b = result;
  g_autofree char *text = NULL;
  g_autofree char *list = NULL;
  GtkWidget *message;

  if (b == NULL)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate saved",
                                       "%u certificates saved", b->saved), b->saved);
  if (b->skipped == NULL || b->skipped->len == 0)
    {
      gad_window_toast (GTK_WIDGET (parent), text);
      return;
    }
  /* Those who got none, and why: a lapsed status, say. */
  g_ptr_array_add (b->skipped, NULL);
  list = g_strjoinv ("\n", (char **) b->skipped->pdata);
  message = adw_message_dialog_new (parent, text, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (message), "%s\n\n%s",
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "This household got none:",
                                               "These households got none:",
                                               b->skipped->len - 1),
                                  list);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

static void
on_chosen (GtkNativeDialog       *chooser,
           int                    response,
           GadCertificatesDialog *self)
{
  Batch *b;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  b = g_new0 (Batch, 1);
  b->from = gad_date_row_get_iso (self->from_row);
  b->to = gad_date_row_get_iso (self->to_row);
  b->target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  b->one_file = adw_combo_row_get_selected (self->format_row) == 0;
  gad_progress_dialog_run (parent, self->context, _("Issuing Certificates"),
                           _("Each certificate is issued and kept as the client’s; cancelled, "
                             "those issued stay issued and nothing is saved."),
                           _("The Certificates Were Not Saved"), run_batch, b,
                           (GDestroyNotify) batch_free, on_done);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_issue (GadCertificatesDialog *self)
{
  g_autofree char *from = gad_date_row_get_iso (self->from_row);
  g_autofree char *to = gad_date_row_get_iso (self->to_row);
  gboolean one_file = adw_combo_row_get_selected (self->format_row) == 0;

  gad_row_set_error (self->from_row, from == NULL);
  gad_row_set_error (self->to_row, to == NULL || (from && strcmp (from, to) > 0));
  if (from == NULL || to == NULL || strcmp (from, to) > 0)
    {
      gad_show_error (self->error_label, _("Give the period as two days, the first not after "
                                           "the last."));
      return;
    }
  g_clear_object (&self->chooser);
  if (one_file)
    {
      g_autofree char *name = g_strdup_printf (_("certificates %s.pdf"), from);

      self->chooser = g_object_ref (gad_save_chooser_show (GTK_WINDOW (self),
                                                           _("Save the Certificates"), _("_Save"),
                                                           name, G_CALLBACK (on_chosen), self));
      return;
    }
  self->chooser = gtk_file_chooser_native_new (_("A Folder for the Certificates"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Save Here"), _("_Cancel"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
gad_certificates_dialog_dispose (GObject *object)
{
  GadCertificatesDialog *self = GAD_CERTIFICATES_DIALOG (object);

  g_clear_object (&self->chooser);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_certificates_dialog_parent_class)->dispose (object);
}

static void
gad_certificates_dialog_class_init (GadCertificatesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_certificates_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-certificates-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GadCertificatesDialog, issue_button);
  gtk_widget_class_bind_template_child (widget_class, GadCertificatesDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadCertificatesDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, GadCertificatesDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, GadCertificatesDialog, format_row);
  gtk_widget_class_bind_template_callback (widget_class, on_issue);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_certificates_dialog_init (GadCertificatesDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now), 1, 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_months (first, 1);
  g_autoptr(GDateTime) last = g_date_time_add_days (next, -1);
  g_autofree char *from = g_date_time_format (first, "%F");
  g_autofree char *to = g_date_time_format (last, "%F");

  gtk_widget_init_template (GTK_WIDGET (self));
  /* This month's, as a desk prints them at its start. */
  gad_date_row_set_iso (self->from_row, from);
  gad_date_row_set_iso (self->to_row, to);
}

GadCertificatesDialog *
gad_certificates_dialog_new (GtkWindow  *parent,
                             GadContext *context)
{
  GadCertificatesDialog *self = g_object_new (GAD_TYPE_CERTIFICATES_DIALOG, "transient-for",
                                              parent, NULL);

  self->context = g_object_ref (context);
  return self;
}
