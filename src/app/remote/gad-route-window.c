/* gad-route-window.c — a day's drive to remote farmsteads: its stops and map
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whose day and which (gad-route-day.c reads it). The list and the map
 * beside it show one order: a stop dragged or moved with Alt+Up and
 * Alt+Down, left out or added, and the totals follow. "Add to Schedule"
 * makes the stops visits; "Visit…" records one.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-pdf-window.h"
#include "gad-remote-visit-dialog.h"
#include "gad-route-day.h"
#include "gad-route-row.h"
#include "gad-route-window.h"
#include "gad-text.h"

struct _GadRouteWindow
{
  AdwWindow parent_instance;

  GadContext *context;
  GCancellable *loading;
  GadRouteDay *day;       /* as read, and as changed since */
  GPtrArray *addable;     /* GadRemotePerson: on the register, not shown */
  GArray *staff_ids;      /* gint64, as the drop-down lists them */
  GPtrArray *centres;     /* GadRouteStop: the parishes' centres */

  GtkDropDown *staff_drop;
  GtkEntry *date_entry;
  GtkButton *schedule_button;
  GtkButton *sheet_button;
  GtkButton *order_button;
  GtkMenuButton *add_button;
  GtkListBox *add_list;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkLabel *totals_label;
  GtkLabel *note_label;
  GtkEntry *reason_entry;
  GtkListBox *list;
  GtkDrawingArea *map;
};

G_DEFINE_FINAL_TYPE (GadRouteWindow, gad_route_window, ADW_TYPE_WINDOW)

static GadRouteSheet
sheet_of (GadRouteWindow *self,
          const char     *title)
{
  return (GadRouteSheet) { .title = title, .office = self->day->office, .stops = self->day->shown,
                           .centres = self->centres, .route = self->day->route,
                           .start_minutes = gad_route_day_leave (self->day),
                           .speed_kmh = self->day->speed_kmh,
                           .stop_minutes = GAD_ROUTE_STOP_MINUTES };
}

static void
draw_map (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        data)
{
  GadRouteWindow *self = data;
  GadRouteSheet sheet;

  if (self->day == NULL)
    return;
  sheet = sheet_of (self, "");
  gad_route_map_draw (cr, width, height, &sheet);
}

static void show_order (GadRouteWindow *self);

static void
remove_stop (GadRouteWindow *self,
             guint           position)
{
  gad_route_day_remove (self->day, position);
  show_order (self);
}

static void
on_add_activated (GadRouteWindow *self,
                  GtkListBoxRow  *row)
{
  gtk_menu_button_popdown (self->add_button);
  gad_route_day_add (self->day, g_ptr_array_index (self->addable,
                                                   gtk_list_box_row_get_index (row)));
  show_order (self);
}

/* Who else on the register could be visited on the way. */
static void
show_addable (GadRouteWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->add_list))))
    gtk_list_box_remove (self->add_list, child);
  g_clear_pointer (&self->addable, g_ptr_array_unref);
  self->addable = gad_route_day_addable (self->day);
  for (guint i = 0; i < self->addable->len; i++)
    gtk_list_box_append (self->add_list,
                         gad_route_row_addable (g_ptr_array_index (self->addable, i)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->addable->len > 0);
}

/* The stop shown at @from, to @to, keeping the focus. */
static void
move_stop (GadRouteWindow *self,
           guint           from,
           guint           to)
{
  if (!gad_route_day_move (self->day, from, to))
    return;
  show_order (self);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, to)));
}

static void
on_record (GadRouteWindow *self,
           gint64          person_id)
{
  const GadRemotePerson *person = gad_route_day_person (self->day, person_id);
  GadRemoteVisitDialog *dialog;

  if (person == NULL)
    return;
  dialog = gad_remote_visit_dialog_new (GTK_WINDOW (self), self->context, person);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_context_changed), self->context,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The stops shown, their totals and the map, as the day has them now. */
static void
show_order (GadRouteWindow *self)
{
  GadRouteDay *day = self->day;
  g_autofree char *totals = gad_route_day_totals (day);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < day->shown->len; i++)
    gtk_list_box_append (self->list,
                         gad_route_row_new (g_ptr_array_index (day->shown, i), i,
                                            day->route->legs_km[i], day->at[i], day->date,
                                            (GadRouteMoved) move_stop, (GadRouteRecord) on_record,
                                            (GadRouteRemove) remove_stop, self));
  gtk_label_set_label (self->totals_label, totals);
  show_addable (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->map));
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GadRouteWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GadRouteDay *day = gad_worker_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  g_clear_pointer (&self->day, gad_route_day_free);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
  if (day == NULL || (day->stops->len == 0 && day->people->len == 0))
    {
      adw_status_page_set_title (self->empty_page, day ? _("Nobody to Visit")
                                                       : _("The Route Could Not Be Made"));
      adw_status_page_set_description (self->empty_page,
                                       day ? _("Nobody on the register is due by that day.")
                                           : error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_sensitive (GTK_WIDGET (self->schedule_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->sheet_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->order_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
      g_clear_pointer (&day, gad_route_day_free);
      return;
    }
  self->day = day;
  gtk_label_set_label (self->note_label, day->note ? day->note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), day->note != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->schedule_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sheet_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->order_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), TRUE);
  gtk_button_set_label (self->schedule_button, day->scheduled ? _("_Plan Again")
                                                              : _("_Add to Schedule"));
  gtk_stack_set_visible_child_name (self->stack, "route");
  show_order (self);
}

static void
load (GadRouteWindow *self)
{
  guint at = gtk_drop_down_get_selected (self->staff_drop);
  g_autofree char *iso = NULL;
  GDate d;

  if (at >= self->staff_ids->len)
    return;
  if (!gad_text_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &d))
    {
      gad_row_set_error (self->date_entry, TRUE);
      gad_window_toast (GTK_WIDGET (self), _("Write the day as DD.MM.YYYY."));
      return;
    }
  gad_row_set_error (self->date_entry, FALSE);
  iso = gad_text_iso_date (&d);
  g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  gad_route_day_load (self->context, g_array_index (self->staff_ids, gint64, at), iso,
                      self->loading, on_loaded, g_object_ref (self));
}

static void
on_shortest (GadRouteWindow *self)
{
  gad_route_day_shortest (self->day);
  show_order (self);
}

static void
on_sheet (GadRouteWindow *self)
{
  g_autofree char *day = gad_text_format_date (self->day->date);
  g_autofree char *title = g_strdup_printf (_("Visits on %s from %s"), day,
                                            self->day->office->name);
  GadRouteSheet sheet = sheet_of (self, title);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = gad_route_sheet_to_pdf (&sheet, &error);
  g_autofree char *file = g_strdup_printf ("marsruts-%s.pdf", day);

  if (pdf == NULL)
    {
      gad_window_toast (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (gad_pdf_window_new (GTK_WINDOW (self), _("Route Sheet"), title,
                                                      pdf, file)));
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GadRouteWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->schedule_button), TRUE);
  if (gad_worker_run_finish (result, &error))
    {
      gad_window_toast (GTK_WIDGET (self), _("The route is in the schedule"));
      gad_context_changed (self->context);    /* reads the day again */
      return;
    }
  /* A clash: said, and a reason to keep the route asked for. */
  gtk_label_set_label (self->note_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
  if (g_error_matches (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
    }
}

static void
on_schedule (GadRouteWindow *self)
{
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));

  if (self->day == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->schedule_button), FALSE);
  gad_route_day_schedule (self->context, self->day, *reason ? reason : NULL, on_saved,
                          g_object_ref (self));
}

/* Alt+Up and Alt+Down: the stop with the focus one up or down. */
static void
move_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  GadRouteWindow *self = GAD_ROUTE_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  int at = row ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;

  if (at >= 0)
    move_stop (self, at, g_str_equal (name, "route.move-up") ? MAX (at - 1, 0) : at + 1);
}

static void
gad_route_window_dispose (GObject *object)
{
  GadRouteWindow *self = GAD_ROUTE_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_ROUTE_WINDOW);
  g_clear_pointer (&self->day, gad_route_day_free);
  g_clear_pointer (&self->addable, g_ptr_array_unref);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->centres, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_route_window_parent_class)->dispose (object);
}

static void
gad_route_window_class_init (GadRouteWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_route_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-route-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, staff_drop);
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, date_entry);
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, sheet_button);
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, order_button);
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, add_list);
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, totals_label);
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, note_label);
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, list);
  gtk_widget_class_bind_template_child (widget_class, GadRouteWindow, map);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_day_changed", G_CALLBACK (load));
  gtk_widget_class_bind_template_callback (widget_class, on_shortest);
  gtk_widget_class_bind_template_callback (widget_class, on_add_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet);
  gtk_widget_class_bind_template_callback (widget_class, on_schedule);
  gtk_widget_class_install_action (widget_class, "route.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "route.move-down", NULL, move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "route.move-up",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "route.move-down", NULL);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_route_window_init (GadRouteWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_drawing_area_set_draw_func (self->map, draw_map, self, NULL);
}

/**
 * gad_route_window_new:
 * @staff_id: whose day to show first: the signed-in staff member's
 */
GadRouteWindow *
gad_route_window_new (GtkWindow  *parent,
                      GadContext *context,
                      gint64      staff_id)
{
  GadRouteWindow *self = g_object_new (GAD_TYPE_ROUTE_WINDOW, "transient-for", parent, NULL);
  GPtrArray *staff = gad_context_get_staff (context);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *today = gad_text_today_iso (), *shown = gad_text_format_date (today);
  guint selected = 0;

  self->context = g_object_ref (context);
  self->centres = gad_route_sheet_centres (gad_context_get_territories (context));
  for (guint i = 0; i < staff->len; i++)
    {
      GadStaff *s = g_ptr_array_index (staff, i);

      if (s->id == staff_id)
        selected = self->staff_ids->len;
      g_array_append_val (self->staff_ids, s->id);
      gtk_string_list_append (names, s->name);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), shown);
  gtk_drop_down_set_model (self->staff_drop, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->staff_drop, selected);
  g_signal_connect_object (context, "changed", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
  load (self);
  return self;
}
