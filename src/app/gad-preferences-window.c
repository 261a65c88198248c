/* gad-preferences-window.c — Preferences
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-preferences-window.h"

struct _GadPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GadContext *context;
  GArray *staff_ids;

  AdwComboRow *staff_row;
  GtkLabel *database_label;
};

G_DEFINE_FINAL_TYPE (GadPreferencesWindow, gad_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_staff_selected (GadPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->staff_row);

  if (self->context && i < self->staff_ids->len)
    g_settings_set_int64 (gad_context_get_settings (self->context), "staff-id",
                          g_array_index (self->staff_ids, gint64, i));
}

static void
gad_preferences_window_dispose (GObject *object)
{
  GadPreferencesWindow *self = GAD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  G_OBJECT_CLASS (gad_preferences_window_parent_class)->dispose (object);
}

static void
gad_preferences_window_class_init (GadPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, staff_row);
  gtk_widget_class_bind_template_child (widget_class, GadPreferencesWindow, database_label);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_selected);
}

static void
gad_preferences_window_init (GadPreferencesWindow *self)
{
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

GadPreferencesWindow *
gad_preferences_window_new (GtkWindow  *parent,
                            GadContext *context)
{
  GadPreferencesWindow *self = g_object_new (GAD_TYPE_PREFERENCES_WINDOW, "transient-for", parent,
                                             NULL);
  GadStore *store = gad_context_get_store (context);
  g_autoptr(GListModel) staff = gad_staff_model (store, _("Not chosen"), self->staff_ids);
  gint64 current = g_settings_get_int64 (gad_context_get_settings (context), "staff-id");

  adw_combo_row_set_model (self->staff_row, staff);
  adw_combo_row_set_selected (self->staff_row, gad_ids_find (self->staff_ids, current));
  gtk_label_set_label (self->database_label, gad_store_get_path (store));
  /* Set last, so filling the row does not write the setting. */
  self->context = g_object_ref (context);
  return self;
}
