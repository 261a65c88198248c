/* gad-route-row.c — the rows of the route window's lists
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stop's row says when and how far, and whether its place is only its
 * parish's centre; it can be dragged onto another row to take its place,
 * left out, or its visit recorded. A person who could be added says where
 * and when due.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-route-row.h"
#include "gad-schedule.h"
#include "gad-text.h"

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  GdkPaintable *icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);
  g_object_unref (icon);
  return gdk_content_provider_new_typed (G_TYPE_UINT,
                                         gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  GadRouteMoved moved = g_object_get_data (G_OBJECT (row), "moved");

  moved (g_object_get_data (G_OBJECT (row), "data"), g_value_get_uint (value),
         gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
  return TRUE;
}

static void
on_remove_clicked (GtkButton *button,
                   GtkWidget *row)
{
  GadRouteRemove remove = g_object_get_data (G_OBJECT (row), "remove");

  remove (g_object_get_data (G_OBJECT (row), "data"),
          gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static void
on_record_clicked (GtkButton *button,
                   GtkWidget *row)
{
  GadRouteRecord record = g_object_get_data (G_OBJECT (row), "record");

  record (g_object_get_data (G_OBJECT (row), "data"),
          *(gint64 *) g_object_get_data (G_OBJECT (row), "person"));
}

/**
 * gad_route_row_new:
 * @position: the stop's place in the order shown
 * @km: the leg to it
 * @at: the time there, minutes after midnight
 * @date: the day (ISO 8601)
 *
 * Returns: (transfer floating): the stop's row: dragged onto another
 *   row, @moved is called; its "Visit…" calls @record; a stop not yet
 *   visited can be left out (@remove)
 */
GtkWidget *
gad_route_row_new (const GadRouteStop *s,
                   guint              position,
                   double             km,
                   double             at,
                   const char        *date,
                   GadRouteMoved      moved,
                   GadRouteRecord     record,
                   GadRouteRemove     remove,
                   gpointer           data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  g_autofree char *title = g_strdup_printf ("%u. %s", position + 1, s->name);
  g_autofree char *kms = gad_text_format_decimal (km, 1);
  g_autofree char *time = gad_minute_format ((int) at);
  g_autofree char *today = gad_text_today_iso ();
  g_autoptr(GString) subtitle = g_string_new (s->address ? s->address : "");
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* TRANSLATORS: a route stop's time and the kilometres to it */
  g_string_append_printf (subtitle, _("\n%s · %s km from the stop before"), time, kms);
  /* Moved in the list: the schedule still has the time it was planned at. */
  if (s->entry_id && s->minute != (int) at)
    {
      g_autofree char *planned = gad_minute_format (s->minute);

      /* TRANSLATORS: after a stop's new time: its time in the schedule */
      g_string_append_printf (subtitle, _(" (%s in the schedule)"), planned);
    }
  if (s->phone)
    {
      g_auto(GStrv) words = g_strsplit (s->phone, " ", -1);
      g_autofree char *phone = g_strjoinv ("\u00a0", words);   /* one line */

      g_string_append_printf (subtitle, " · %s", phone);
    }
  if (s->estimated)
    g_string_append_printf (subtitle, "\n%s", _("At the parish centre: where they live is not known"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (handle, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), handle);
  if (s->estimated)
    gtk_widget_add_css_class (row, "warning");
  if (s->status && !g_str_equal (s->status, "planned"))
    {
      GtkWidget *label = gtk_label_new (g_str_equal (s->status, "done") ? _("Visited")
                                                                          : _("Not visited"));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  /* A visit is recorded on its day or after. */
  else if (s->entry_id && strcmp (date, today) <= 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Visit…"));
      gint64 *person = g_new (gint64, 1);

      *person = s->person_id;
      g_object_set_data_full (G_OBJECT (row), "person", person, g_free);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect (button, "clicked", G_CALLBACK (on_record_clicked), row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  if (s->status == NULL || g_str_equal (s->status, "planned"))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Leave out of this route"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Leave out of this route"), -1);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked), row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  g_object_set_data (G_OBJECT (row), "remove", remove);
  g_object_set_data (G_OBJECT (row), "moved", moved);
  g_object_set_data (G_OBJECT (row), "record", record);
  g_object_set_data (G_OBJECT (row), "data", data);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  return row;
}

GtkWidget *
gad_route_row_addable (const GadRemotePerson *person)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *due = gad_text_format_date (person->next_due);
  /* TRANSLATORS: a person who could be added to a route: their parish and next visit */
  g_autofree char *subtitle = g_strdup_printf (_("%s · next visit %s"), person->parish, due);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}
