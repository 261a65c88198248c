/* gad-templates-page.c — Preferences → Documents: the municipality's
 * templates, a row each, to edit
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-template-window.h"
#include "gad-templates-page.h"

struct _GadTemplatesPage
{
  AdwPreferencesPage parent_instance;

  GadContext *context;
  AdwPreferencesGroup *group;
  GtkWidget *rows[GAD_N_DOCUMENT_KINDS];
  GPtrArray *templates;        /* GadTemplate by kind, as read last */
};

G_DEFINE_FINAL_TYPE (GadTemplatesPage, gad_templates_page, ADW_TYPE_PREFERENCES_PAGE)

static void load (GadTemplatesPage *self);

static gpointer
read_templates (GadStore      *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                   gad_template_free);

  for (guint kind = 0; kind < GAD_N_DOCUMENT_KINDS; kind++)
    {
      GadTemplate *t = gad_store_get_template (store, kind, -1, error);

      if (t == NULL)
        return NULL;
      g_ptr_array_add (templates, t);
    }
  return g_steal_pointer (&templates);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GadTemplatesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *templates = gad_worker_run_finish (result, &error);

  if (templates == NULL)
    {
      gad_window_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = templates;
  for (guint kind = 0; kind < GAD_N_DOCUMENT_KINDS; kind++)
    {
      GadTemplate *t = g_ptr_array_index (templates, kind);
      g_autofree char *subtitle = NULL;

      if (gad_template_version (t) == 0)
        subtitle = g_strdup (_("Gādība’s own text, in Latvian"));
      else
        /* TRANSLATORS: a template's version in use, and its language */
        subtitle = g_strdup_printf (_("Version %d · %s"), (int) gad_template_version (t),
                                    g_str_equal (gad_template_language (t), "en")
                                      ? _("in English") : _("in Latvian"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[kind]), subtitle);
      gtk_widget_set_sensitive (self->rows[kind], TRUE);
    }
}

static void
load (GadTemplatesPage *self)
{
  gad_worker_run (gad_context_get_worker (self->context), read_templates, NULL, NULL,
                  (GDestroyNotify) g_ptr_array_unref, NULL, on_read, g_object_ref (self));
}

static void
on_template_saved (GadTemplatesPage *self,
                   gint64            version)
{
  g_autofree char *text = g_strdup_printf (_("Saved as version %d: documents issued from now "
                                             "on use it"), (int) version);

  gad_window_toast (GTK_WIDGET (self), text);
  load (self);
}

static void
on_edit (GtkButton        *button,
         GadTemplatesPage *self)
{
  guint kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kind"));
  GadTemplateWindow *window;

  if (self->templates == NULL)
    return;
  window = gad_template_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->context, g_ptr_array_index (self->templates, kind));
  g_signal_connect_object (window, "saved", G_CALLBACK (on_template_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
gad_templates_page_dispose (GObject *object)
{
  GadTemplatesPage *self = GAD_TEMPLATES_PAGE (object);

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_templates_page_parent_class)->dispose (object);
}

static void
gad_templates_page_class_init (GadTemplatesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_templates_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-templates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GadTemplatesPage, group);
}

static void
gad_templates_page_init (GadTemplatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint kind = 0; kind < GAD_N_DOCUMENT_KINDS; kind++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Edit…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gad_document_kind_name (kind));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "kind", GUINT_TO_POINTER (kind));
      g_signal_connect (button, "clicked", G_CALLBACK (on_edit), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_widget_set_sensitive (row, FALSE);
      adw_preferences_group_add (self->group, row);
      self->rows[kind] = row;
    }
}

GadTemplatesPage *
gad_templates_page_new (GadContext *context)
{
  GadTemplatesPage *self = g_object_new (GAD_TYPE_TEMPLATES_PAGE, NULL);

  self->context = g_object_ref (context);
  load (self);
  return self;
}
