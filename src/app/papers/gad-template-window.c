/* gad-template-window.c — editing a document template with its preview
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The texts on the left, the first page on the right as the template makes
 * it of made-up data, drawn again a moment after each change on a thread of
 * its own. A template that names no such field, or leaves out what its kind
 * must say, is not drawn: the reason shows above, and it cannot be saved.
 * A save is the template's next version; documents issued before keep
 * theirs.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "gad-app-util.h"
#include "gad-pdf-window.h"
#include "gad-template-editor.h"
#include "gad-template-window.h"

#define PREVIEW_DELAY_MS 250

struct _GadTemplateWindow
{
  AdwWindow parent_instance;

  GadContext *context;
  GadDocumentKind kind;
  GadTemplate *checked;        /* what the texts make, NULL while they do not */
  GCancellable *drawing;
  guint pending;

  AdwWindowTitle *title;
  GtkWidget *save_button;
  GtkLabel *error_label;
  GtkListBox *fields_list;
  GtkPopover *field_popover;
  GadTemplateEditor *editor;
  GtkPicture *preview;
};

G_DEFINE_FINAL_TYPE (GadTemplateWindow, gad_template_window, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The first page, drawn off the window's thread. */
static void
draw (GTask        *task,
      gpointer      source,
      gpointer      data,
      GCancellable *cancellable)
{
  GadTemplate *template = data;
  g_autoptr(GadFields) sample = gad_fields_sample (gad_template_kind (template),
                                                   gad_template_language (template));
  g_autoptr(GError) error = NULL;
  g_autoptr(GadLetter) letter = NULL;
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *document = NULL;
  PopplerPage *page;

  sample->e_signed = TRUE;
  /* The number as this template's register writes it. */
  if (gad_template_kind (template) != GAD_DOCUMENT_DECISION)
    gad_fields_take (sample, "document.number", gad_template_number (template, 2026, 17));
  if ((letter = gad_template_fill (template, sample, &error)) == NULL
      || (pdf = gad_letter_render (letter, NULL, &error)) == NULL
      || (document = poppler_document_new_from_bytes (pdf, NULL, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  page = poppler_document_get_page (document, 0);
  g_task_return_pointer (task, gad_pdf_page_texture (page, 1.0), g_object_unref);
  g_object_unref (page);
  g_object_unref (document);
}

static void
on_drawn (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);
  GadTemplateWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = GAD_TEMPLATE_WINDOW (user_data);
  if (texture)
    gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  else
    gad_show_error (self->error_label, error->message);
}

/* Checks the texts; draws the preview of what they make. */
static gboolean
check_and_draw (gpointer data)
{
  GadTemplateWindow *self = data;
  g_autofree char *json = gad_template_editor_dup_json (self->editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  self->pending = 0;
  g_clear_pointer (&self->checked, gad_template_free);
  self->checked = gad_template_parse (json, &error);
  gtk_widget_set_sensitive (self->save_button, self->checked != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->checked == NULL);
  if (self->checked == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return G_SOURCE_REMOVE;
    }
  g_cancellable_cancel (self->drawing);
  g_clear_object (&self->drawing);
  self->drawing = g_cancellable_new ();
  task = g_task_new (NULL, self->drawing, on_drawn, self);
  g_task_set_task_data (task, gad_template_parse (json, NULL), (GDestroyNotify) gad_template_free);
  g_task_run_in_thread (task, draw);
  return G_SOURCE_REMOVE;
}

static void
on_editor_changed (GadTemplateWindow *self)
{
  if (self->pending)
    g_source_remove (self->pending);
  self->pending = g_timeout_add (PREVIEW_DELAY_MS, check_and_draw, self);
}

static void
on_field_activated (GadTemplateWindow *self,
                    GtkListBoxRow     *row)
{
  g_autofree char *braced = g_strdup_printf ("{%s}", (char *) g_object_get_data (G_OBJECT (row),
                                                                               "field"));

  gtk_popover_popdown (self->field_popover);
  gad_template_editor_insert (self->editor, braced);
}

static gpointer
save (GadStore      *store,
      gpointer       data,
      GCancellable  *cancellable,
      GError       **error)
{
  gint64 version = gad_store_save_template (store, data, error);

  return version ? g_memdup2 (&version, sizeof version) : NULL;
}

static void
on_saved (GtkWidget    *dialog,
          gpointer      answer,
          const GError *error)
{
  GadTemplateWindow *self = GAD_TEMPLATE_WINDOW (dialog);

  if (error)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, *(gint64 *) answer);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save (GadTemplateWindow *self)
{
  g_autofree char *json = gad_template_editor_dup_json (self->editor);
  GadTemplate *template = gad_template_parse (json, NULL);

  if (template == NULL)
    return;
  gad_dialog_save (GTK_WIDGET (self), self->save_button, self->error_label, self->context, save,
                   template, (GDestroyNotify) gad_template_free, g_free, on_saved);
}

/* Gādība's own text, Latvian or English, to start again from. */
static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GadTemplateWindow *self = GAD_TEMPLATE_WINDOW (widget);
  g_autofree char *json = gad_template_default_json (self->kind,
                                                     g_variant_get_string (param, NULL));

  gad_template_editor_set_json (self->editor, json);
  on_editor_changed (self);
}

static void
gad_template_window_dispose (GObject *object)
{
  GadTemplateWindow *self = GAD_TEMPLATE_WINDOW (object);

  g_clear_handle_id (&self->pending, g_source_remove);
  g_cancellable_cancel (self->drawing);
  g_clear_object (&self->drawing);
  g_clear_pointer (&self->checked, gad_template_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_template_window_parent_class)->dispose (object);
}

static void
gad_template_window_class_init (GadTemplateWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_template_window_dispose;
  /* The version saved. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  g_type_ensure (GAD_TYPE_TEMPLATE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-template-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadTemplateWindow, title);
  gtk_widget_class_bind_template_child (widget_class, GadTemplateWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, GadTemplateWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadTemplateWindow, fields_list);
  gtk_widget_class_bind_template_child (widget_class, GadTemplateWindow, field_popover);
  gtk_widget_class_bind_template_child (widget_class, GadTemplateWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, GadTemplateWindow, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_field_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_changed);
  gtk_widget_class_install_action (widget_class, "template.reset", "s", reset_action);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_template_window_init (GadTemplateWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The fields @kind's documents are filled with, to insert (tables are parts). */
static void
list_fields (GadTemplateWindow *self)
{
  guint n;
  const GadTemplateField *fields = gad_template_fields (&n);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row;
      g_autofree char *braced = NULL;

      if (fields[i].columns > 0 || !(fields[i].kinds & (1u << self->kind)))
        continue;
      braced = g_strdup_printf ("{%s}", fields[i].name);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].label));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), braced);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "field", (gpointer) fields[i].name);
      gtk_list_box_append (self->fields_list, row);
    }
}

GadTemplateWindow *
gad_template_window_new (GtkWindow         *parent,
                         GadContext        *context,
                         const GadTemplate *template)
{
  GadTemplateWindow *self = g_object_new (GAD_TYPE_TEMPLATE_WINDOW, "transient-for", parent, NULL);
  g_autofree char *subtitle = NULL;

  self->context = g_object_ref (context);
  self->kind = gad_template_kind (template);
  subtitle = gad_template_version (template) == 0
               ? g_strdup (_("Gādība’s own text"))
               : g_strdup_printf (_("Version %d in use"), (int) gad_template_version (template));
  adw_window_title_set_title (self->title, gad_document_kind_name (self->kind));
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), gad_document_kind_name (self->kind));
  list_fields (self);
  gad_template_editor_set_json (self->editor, gad_template_json (template));
  check_and_draw (self);
  return self;
}
