/* gad-drill-window.c — the persons and payments behind a bar of a chart
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-drill-window.h"
#include "gad-personal-code.h"
#include "gad-stats.h"
#include "gad-text.h"
#include "gad-window.h"

struct _GadDrillWindow
{
  AdwWindow parent_instance;

  AdwWindowTitle *title;
  GtkListBox *rows_list;
};

G_DEFINE_FINAL_TYPE (GadDrillWindow, gad_drill_window, ADW_TYPE_WINDOW)

/* A person opens on the client page of the main window. */
static void
on_row_activated (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  GadDrillWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));

  if (GAD_IS_WINDOW (parent))
    gad_window_show_client (GAD_WINDOW (parent), person);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
gad_drill_window_class_init (GadDrillWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-drill-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadDrillWindow, title);
  gtk_widget_class_bind_template_child (widget_class, GadDrillWindow, rows_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gad_drill_window_init (GadDrillWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gad_drill_window_new:
 * @rows: (element-type GadDrillRow): from gad_stats_drill()
 */
GadDrillWindow *
gad_drill_window_new (GtkWindow  *parent,
                      const char *title,
                      GPtrArray  *rows)
{
  GadDrillWindow *self = g_object_new (GAD_TYPE_DRILL_WINDOW, "transient-for", parent, NULL);
  g_autofree char *count = g_strdup_printf (ngettext ("%u person", "%u persons", rows->len),
                                            rows->len);

  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, count);
  for (guint i = 0; i < rows->len; i++)
    {
      GadDrillRow *r = g_ptr_array_index (rows, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *code = gad_personal_code_format (r->code);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), code);
      if (r->amount_cents >= 0)
        {
          g_autofree char *amount = gad_text_format_money (r->amount_cents);
          GtkWidget *label = gtk_label_new (amount);

          gtk_widget_add_css_class (label, "numeric");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "person-id", GSIZE_TO_POINTER (r->person_id));
      gtk_list_box_append (self->rows_list, row);
    }
  return self;
}
