/* gad-pdf-window.c — a document previewed, printed and saved: letters and reports
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows, prints and saves exactly the bytes it is given: for a decision, the
 * letter stored when it was issued; for a report, the one just rendered.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "gad-app-util.h"
#include "gad-pdf-window.h"

struct _GadPdfWindow
{
  AdwWindow parent_instance;

  char *file_name;
  GBytes *pdf;
  PopplerDocument *document;
  double zoom;
  GtkFileChooserNative *chooser;

  AdwWindowTitle *title;
  GtkBox *pages_box;
  GtkLabel *error_label;
  AdwToastOverlay *toasts;
};

G_DEFINE_FINAL_TYPE (GadPdfWindow, gad_pdf_window, ADW_TYPE_WINDOW)

/* A page drawn at @scale on white, as a texture to show. */
GdkTexture *
gad_pdf_page_texture (PopplerPage *page,
                      double       scale)
{
  double w, h;
  int width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *bytes;
  GdkTexture *texture;

  poppler_page_get_size (page, &w, &h);
  width = (int) (w * scale);
  height = (int) (h * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  g_bytes_unref (bytes);
  return texture;
}

static void
show_pages (GadPdfWindow *self)
{
  GtkWidget *child;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))))
    gtk_box_remove (self->pages_box, child);
  if (self->document == NULL)
    return;
  for (int i = 0; i < poppler_document_get_n_pages (self->document); i++)
    {
      PopplerPage *page = poppler_document_get_page (self->document, i);
      g_autoptr(GdkTexture) texture = gad_pdf_page_texture (page, self->zoom * scale_factor);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      double w, h;
      g_autofree char *label = g_strdup_printf (_("Page %d"), i + 1);

      poppler_page_get_size (page, &w, &h);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_set_size_request (picture, (int) (w * self->zoom), (int) (h * self->zoom));
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (picture, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_box_append (self->pages_box, picture);
      g_object_unref (page);
    }
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GadPdfWindow *self = GAD_PDF_WINDOW (widget);

  if (g_str_equal (action_name, "letter.zoom-in"))
    self->zoom = MIN (self->zoom * 1.25, 4.0);
  else if (g_str_equal (action_name, "letter.zoom-out"))
    self->zoom = MAX (self->zoom / 1.25, 0.5);
  else
    self->zoom = 1.0;
  show_pages (self);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           GadPdfWindow *self)
{
  PopplerPage *page = poppler_document_get_page (self->document, page_nr);

  poppler_page_render_for_printing (page, gtk_print_context_get_cairo_context (context));
  g_object_unref (page);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GadPdfWindow *self = GAD_PDF_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  gtk_print_operation_set_job_name (operation, self->file_name);
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (self->document));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    gad_show_error (self->error_label, error->message);
}

static void
on_save_response (GtkNativeDialog   *chooser,
                  int                response,
                  GadPdfWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  gconstpointer data;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  data = g_bytes_get_data (self->pdf, &size);
  if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL,
                                &error))
    gad_show_error (self->error_label, error->message);
  else
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Saved")));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GadPdfWindow *self = GAD_PDF_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->pdf == NULL)
    return;
  name = g_strdelimit (g_strconcat (self->file_name, ".pdf", NULL), "/\\", '_');
  g_clear_object (&self->chooser);
  self->chooser = gad_save_chooser_show (GTK_WINDOW (self), _("Save as PDF"), _("_Save"), name,
                                         G_CALLBACK (on_save_response), self);
}

static void
gad_pdf_window_dispose (GObject *object)
{
  GadPdfWindow *self = GAD_PDF_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_PDF_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->file_name, g_free);
  G_OBJECT_CLASS (gad_pdf_window_parent_class)->dispose (object);
}

static void
gad_pdf_window_class_init (GadPdfWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_pdf_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-pdf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadPdfWindow, title);
  gtk_widget_class_bind_template_child (widget_class, GadPdfWindow, pages_box);
  gtk_widget_class_bind_template_child (widget_class, GadPdfWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadPdfWindow, toasts);

  gtk_widget_class_install_action (widget_class, "letter.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "letter.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "letter.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "letter.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "letter.zoom-reset", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "letter.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "letter.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "letter.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "letter.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "letter.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "letter.zoom-reset", NULL);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_pdf_window_init (GadPdfWindow *self)
{
  self->zoom = 1.0;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gad_pdf_window_new:
 * @file_name: what Save and Print call the document, without ".pdf"
 */
GadPdfWindow *
gad_pdf_window_new (GtkWindow  *parent,
                    const char *title,
                    const char *subtitle,
                    GBytes     *pdf,
                    const char *file_name)
{
  GadPdfWindow *self = g_object_new (GAD_TYPE_PDF_WINDOW, "transient-for", parent, NULL);
  g_autoptr(GError) error = NULL;

  self->pdf = g_bytes_ref (pdf);
  self->file_name = g_strdup (file_name);
  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, subtitle);
  self->document = poppler_document_new_from_bytes (self->pdf, NULL, &error);
  if (error)
    gad_show_error (self->error_label, error->message);
  show_pages (self);
  return self;
}

guint
gad_pdf_window_get_n_pages (GadPdfWindow *self)
{
  g_return_val_if_fail (GAD_IS_PDF_WINDOW (self), 0);
  return self->document ? poppler_document_get_n_pages (self->document) : 0;
}
