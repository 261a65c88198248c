/* gad-route-day.c — a day's route as the route window reads, shows and saves it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read on the worker's thread: where the day starts (the staff member's
 * parish centre), the register, and the day's stops in the schedule or,
 * when there are none, the register's persons due by then, with the
 * shortest order found. A stop's row says when and how far, and whether
 * its place is only its parish's centre; it can be dragged to another
 * place in the order.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gad-route-day.h"
#include "gad-text.h"

void
gad_route_day_free (GadRouteDay *day)
{
  if (day == NULL)
    return;
  g_free (day->date);
  g_clear_pointer (&day->office, gad_route_stop_free);
  g_clear_pointer (&day->stops, g_ptr_array_unref);
  g_clear_pointer (&day->people, g_ptr_array_unref);
  g_clear_pointer (&day->best, gad_route_free);
  g_free (day->first_order);
  g_free (day->note);
  g_free (day);
}

typedef struct
{
  gint64 staff_id;
  char *date;
} Ask;

static void
ask_free (Ask *ask)
{
  g_free (ask->date);
  g_free (ask);
}

/* What the day's stops need saying: estimated places, persons left out. */
static char *
note_for (GPtrArray *stops,
          guint      n_left)
{
  GString *note = g_string_new (NULL);
  guint n_estimated = 0;

  for (guint i = 0; i < stops->len; i++)
    n_estimated += ((GadRouteStop *) g_ptr_array_index (stops, i))->estimated;
  if (n_estimated)
    g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                               "%u stop is at its parish centre: where the person "
                                               "lives is not known. Set the place in the register.",
                                               "%u stops are at their parish centres: where the "
                                               "persons live is not known. Set the places in the "
                                               "register.", n_estimated), n_estimated);
  if (n_left && note->len)
    g_string_append_c (note, ' ');
  if (n_left)
    g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                               "%u person due is left out: neither where they "
                                               "live nor their parish centre is known.",
                                               "%u persons due are left out: neither where they "
                                               "live nor their parish centre is known.", n_left),
                            n_left);
  return g_string_free (note, note->len == 0);
}

static gpointer
read_day (GadStore      *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Ask *ask = data;
  GadRouteDay *day = g_new0 (GadRouteDay, 1);
  guint n_left = 0;

  day->staff_id = ask->staff_id;
  day->date = g_strdup (ask->date);
  gad_store_route_settings (store, &day->road_factor, &day->speed_kmh);
  if ((day->office = gad_store_route_office (store, ask->staff_id, error)) == NULL
      || (day->people = gad_store_remote_list (store, NULL, error)) == NULL
      || (day->stops = gad_store_route_day (store, ask->staff_id, ask->date, error)) == NULL)
    {
      gad_route_day_free (day);
      return NULL;
    }
  day->scheduled = day->stops->len > 0;
  for (guint i = 0; !day->scheduled && i < day->people->len; i++)
    {
      GadRemotePerson *r = g_ptr_array_index (day->people, i);
      GadRouteStop *stop;

      if (strcmp (r->next_due, ask->date) > 0)
        continue;
      if ((stop = gad_remote_stop_new (r)) != NULL)
        g_ptr_array_add (day->stops, stop);
      else
        n_left++;
    }
  day->best = gad_route_plan_stops (day->office, day->stops, NULL, day->road_factor);
  day->first_order = g_new (guint, MAX (day->stops->len, 1));
  for (guint i = 0; i < day->stops->len; i++)
    day->first_order[i] = day->scheduled ? i : day->best->order[i];
  day->note = note_for (day->stops, n_left);
  return day;
}

void
gad_route_day_load (GadContext          *context,
                    gint64               staff_id,
                    const char          *date,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  Ask *ask = g_new0 (Ask, 1);

  ask->staff_id = staff_id;
  ask->date = g_strdup (date);
  gad_worker_run (gad_context_get_worker (context), read_day, ask, (GDestroyNotify) ask_free,
                  (GDestroyNotify) gad_route_day_free, cancellable, callback, user_data);
}

typedef struct
{
  gint64 staff_id;
  char *date;
  GPtrArray *stops;   /* GadRouteStop: person_id only, in order */
  int *minutes;
  char *reason;
} Save;

static void
save_free (Save *save)
{
  g_free (save->date);
  g_ptr_array_unref (save->stops);
  g_free (save->minutes);
  g_free (save->reason);
  g_free (save);
}

static gpointer
save_day (GadStore      *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Save *s = data;

  return GINT_TO_POINTER (gad_store_route_schedule (store, s->staff_id, s->date, s->stops,
                                                    s->minutes, GAD_ROUTE_STOP_MINUTES, s->reason,
                                                    error));
}

/* The stops in @order, each at its time in @at, into the schedule. */
void
gad_route_day_schedule (GadContext          *context,
                        const GadRouteDay   *day,
                        const guint         *order,
                        const double        *at,
                        const char          *override_reason,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Save *s = g_new0 (Save, 1);

  s->staff_id = day->staff_id;
  s->date = g_strdup (day->date);
  s->reason = g_strdup (override_reason);
  s->stops = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_route_stop_free);
  s->minutes = g_new (int, MAX (day->stops->len, 1));
  for (guint i = 0; i < day->stops->len; i++)
    {
      GadRouteStop *stop = g_new0 (GadRouteStop, 1);

      stop->person_id = ((GadRouteStop *) g_ptr_array_index (day->stops, order[i]))->person_id;
      g_ptr_array_add (s->stops, stop);
      s->minutes[i] = (int) at[i];
    }
  gad_worker_run (gad_context_get_worker (context), save_day, s, (GDestroyNotify) save_free,
                  NULL, NULL, callback, user_data);
}

/* When to leave the office: so as to be at the day's first visit on its
 * time when it is scheduled, at @otherwise when not. */
int
gad_route_day_leave (const GadRouteDay *day,
                     const GadRoute    *route,
                     int                otherwise)
{
  if (!day->scheduled || route->n_stops == 0)
    return otherwise;
  return ((GadRouteStop *) g_ptr_array_index (day->stops, 0))->minute
         - (int) ceil (route->legs_km[0] / day->speed_kmh * 60);
}

const GadRemotePerson *
gad_route_day_person (const GadRouteDay *day,
                      gint64             person_id)
{
  for (guint i = 0; i < day->people->len; i++)
    if (((GadRemotePerson *) g_ptr_array_index (day->people, i))->person_id == person_id)
      return g_ptr_array_index (day->people, i);
  return NULL;
}

/* The totals of @route, compared with the shortest order when it is
 * another. */
char *
gad_route_day_totals (const GadRouteDay *day,
                      const GadRoute    *route,
                      const double      *at)
{
  const GadRoute *best = day->best;
  g_autofree char *km = gad_text_format_decimal (route->total_km, 1);
  g_autofree char *driving = NULL, *back = NULL, *visits = NULL;
  int minutes = (int) lround (route->total_km / day->speed_kmh * 60);
  GString *text = g_string_new (NULL);

  /* TRANSLATORS: a duration in hours and minutes */
  driving = g_strdup_printf (_("%d h %02d min"), minutes / 60, minutes % 60);
  back = gad_minute_format ((int) lround (at[route->n_stops]));
  visits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u visit", "%u visits",
                                         route->n_stops), route->n_stops);
  /* TRANSLATORS: a route's totals: visits, kilometres, driving time, back at the office */
  g_string_append_printf (text, _("%s · %s km · %s driving · back at %s"), visits, km, driving,
                          back);
  if (route->total_km > best->total_km + 0.05)
    {
      g_autofree char *longer = gad_text_format_decimal (route->total_km - best->total_km, 1);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s km longer than the shortest order found"), longer);
    }
  else if (best->exact)
    g_string_append_printf (text, "\n%s", _("The shortest order there is."));
  else
    {
      g_autofree char *over = gad_text_format_decimal ((best->total_km / best->bound_km - 1) * 100,
                                                       1);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("At most %s %% longer than the shortest possible."), over);
    }
  return g_string_free (text, FALSE);
}

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
on_record_clicked (GtkButton *button,
                   GtkWidget *row)
{
  GadRouteRecord record = g_object_get_data (G_OBJECT (row), "record");

  record (g_object_get_data (G_OBJECT (row), "data"),
          *(gint64 *) g_object_get_data (G_OBJECT (row), "person"));
}

/**
 * gad_route_day_row:
 * @stop: the stop's index in @day's stops
 * @position: its place in the order shown
 * @km: the leg to it
 * @at: the time there, minutes after midnight
 *
 * Returns: (transfer floating): the stop's row: dragged onto another
 *   row, @moved is called; its "Visit…" calls @record
 */
GtkWidget *
gad_route_day_row (const GadRouteDay *day,
                   guint              stop,
                   guint              position,
                   double             km,
                   double             at,
                   GadRouteMoved      moved,
                   GadRouteRecord     record,
                   gpointer           data)
{
  GadRouteStop *s = g_ptr_array_index (day->stops, stop);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  g_autofree char *title = g_strdup_printf ("%u. %s", position + 1, s->name);
  g_autofree char *kms = gad_text_format_decimal (km, 1);
  g_autofree char *time = gad_minute_format (s->entry_id ? s->minute : (int) at);
  g_autofree char *today = gad_text_today_iso ();
  g_autoptr(GString) subtitle = g_string_new (s->address ? s->address : "");
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* TRANSLATORS: a route stop's time and the kilometres to it */
  g_string_append_printf (subtitle, _("\n%s · %s km from the stop before"), time, kms);
  if (s->phone)
    g_string_append_printf (subtitle, " · %s", s->phone);
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
  else if (s->entry_id && strcmp (day->date, today) <= 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Visit…"));
      gint64 *person = g_new (gint64, 1);

      *person = s->person_id;
      g_object_set_data_full (G_OBJECT (row), "person", person, g_free);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect (button, "clicked", G_CALLBACK (on_record_clicked), row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
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
