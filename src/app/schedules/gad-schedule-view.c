/* gad-schedule-view.c — the Schedules view: a week or a month of one staff
 * member, a team, an office or a client, with its conflicts listed below
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A week is a few hundred rows at most: it is read on the main loop (a few
 * milliseconds, see `gadiba-cli bench schedule`). Every change goes through
 * the store, which checks the conflict rules again and asks for a reason to
 * overrule them.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gad-app-util.h"
#include "gad-entry-dialog.h"
#include "gad-pdf-window.h"
#include "gad-schedule-export.h"
#include "gad-schedule-view.h"
#include "gad-text.h"
#include "gad-week-view.h"

enum { MODE_STAFF, MODE_TEAM, MODE_OFFICE, MODE_CLIENT };

struct _GadScheduleView
{
  AdwBin parent_instance;

  GadContext *context;
  char *day;                /* a day of the week or month shown */
  gint64 client_id;
  char *client_name;
  GArray *staff_ids;
  GArray *office_ids;
  GPtrArray *teams;         /* char * */
  GPtrArray *occurrences;
  GPtrArray *conflicts;
  GtkFileChooserNative *chooser;
  GCancellable *loading;    /* while a period is read */
  gboolean stale;           /* data changed while the view was hidden */

  GtkDropDown *mode_dropdown;
  GtkDropDown *who_dropdown;
  GtkLabel *client_label;
  GtkLabel *period_label;
  GtkToggleButton *week_toggle;
  GtkToggleButton *month_toggle;
  GtkLabel *error_label;
  GtkStack *span_stack;
  GtkScrolledWindow *week_scroller;
  GadWeekView *week_view;
  GtkGrid *month_grid;
  GtkRevealer *conflicts_revealer;
  GtkLabel *conflicts_title;
  GtkListBox *conflicts_list;
};

G_DEFINE_FINAL_TYPE (GadScheduleView, gad_schedule_view, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, PROP_LOADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void refresh (GadScheduleView *self);

static gboolean
month_shown (GadScheduleView *self)
{
  return gtk_toggle_button_get_active (self->month_toggle);
}

/* The first and last day shown. */
static void
period (GadScheduleView  *self,
        char            **from,
        char            **to)
{
  if (month_shown (self))
    {
      int y = 0, m = 0;

      sscanf (self->day, "%d-%d", &y, &m);
      *from = g_strdup_printf ("%04d-%02d-01", y, m);
      *to = g_strdup_printf ("%04d-%02d-%02d", y, m, g_date_get_days_in_month (m, y));
    }
  else
    {
      *from = gad_date_add_days (self->day, 1 - gad_date_weekday (self->day));
      *to = gad_date_add_days (*from, 6);
    }
}

static guint
mode (GadScheduleView *self)
{
  return gtk_drop_down_get_selected (self->mode_dropdown);
}

static void
fill_filter (GadScheduleView   *self,
             GadScheduleFilter *filter)
{
  guint who = gtk_drop_down_get_selected (self->who_dropdown);

  *filter = (GadScheduleFilter) { 0 };
  switch (mode (self))
    {
    case MODE_STAFF:
      filter->staff_id = who < self->staff_ids->len ? g_array_index (self->staff_ids, gint64, who)
                                                    : -1;
      break;
    case MODE_TEAM:
      filter->department = who < self->teams->len ? g_ptr_array_index (self->teams, who) : "-";
      break;
    case MODE_OFFICE:
      filter->territory_id = who < self->office_ids->len
                               ? g_array_index (self->office_ids, gint64, who) : -1;
      break;
    default:
      filter->person_id = self->client_id ? self->client_id : -1;
    }
}

/* The name of whose schedule it is, for titles. */
static char *
whose (GadScheduleView *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->who_dropdown);
  GadScheduleFilter filter;

  fill_filter (self, &filter);
  if (mode (self) == MODE_CLIENT)
    return g_strdup (self->client_name ? self->client_name : "");
  if (mode (self) == MODE_STAFF)
    {
      GPtrArray *staff = gad_context_get_staff (self->context);

      for (guint i = 0; i < staff->len; i++)
        if (((GadStaff *) g_ptr_array_index (staff, i))->id == filter.staff_id)
          return g_strdup (((GadStaff *) g_ptr_array_index (staff, i))->name);
    }
  return g_strdup (item ? gtk_string_object_get_string (item) : "");
}

static gboolean
relevant (GadScheduleView *self,
          GadConflict     *c)
{
  for (guint i = 0; i < self->occurrences->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (self->occurrences, i);

      if (c->entry_id ? c->entry_id == o->entry_id || c->other_entry_id == o->entry_id
                      : c->staff_id == o->staff_id)
        return TRUE;
    }
  return FALSE;
}

static void
show_conflicts (GadScheduleView *self)
{
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_list))))
    gtk_list_box_remove (self->conflicts_list, child);
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      GadConflict *c = g_ptr_array_index (self->conflicts, i);
      AdwActionRow *row;
      GtkWidget *icon;
      g_autofree char *title = NULL;

      if (!relevant (self, c))
        continue;
      row = ADW_ACTION_ROW (adw_action_row_new ());
      title = g_markup_escape_text (c->message, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (row, 3);
      if (c->override_reason)
        {
          g_autofree char *why = g_markup_escape_text (c->override_reason, -1);
          /* TRANSLATORS: a conflict someone accepted, and why */
          g_autofree char *subtitle = g_strdup_printf (_("Overruled: %s"), why);

          adw_action_row_set_subtitle (row, subtitle);
        }
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, c->override_reason ? "warning" : "error");
      adw_action_row_add_prefix (row, icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), c->entry_id != 0);
      g_object_set_data_full (G_OBJECT (row), "rule-date", g_strdup (c->rule_date), g_free);
      g_object_set_data (G_OBJECT (row), "entry-id", GINT_TO_POINTER ((int) c->entry_id));
      g_object_set_data_full (G_OBJECT (row), "date", g_strdup (c->date), g_free);
      gtk_list_box_append (self->conflicts_list, GTK_WIDGET (row));
      shown++;
    }
  {
    g_autofree char *title = g_strdup_printf (ngettext ("%u conflict", "%u conflicts", shown),
                                              shown);

    gtk_label_set_label (self->conflicts_title, title);
  }
  gtk_revealer_set_reveal_child (self->conflicts_revealer, shown > 0);
}

static void
on_day_clicked (GtkButton       *button,
                GadScheduleView *self)
{
  g_free (self->day);
  self->day = g_strdup (g_object_get_data (G_OBJECT (button), "date"));
  gtk_toggle_button_set_active (self->week_toggle, TRUE);
}

static void
show_month (GadScheduleView *self,
            const char      *from,
            const char      *to)
{
  g_autofree char *start = gad_date_add_days (from, 1 - gad_date_weekday (from));
  g_autofree char *today = gad_text_today_iso ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->month_grid))))
    gtk_grid_remove (self->month_grid, child);
  for (int d = 0; d < 7; d++)
    {
      g_autofree char *date = gad_date_add_days (start, d);
      g_autofree char *heading = gad_schedule_day_heading (date);
      g_auto(GStrv) parts = g_strsplit (heading, ",", 2);
      GtkWidget *label = gtk_label_new (parts[0]);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->month_grid, label, d, 0, 1, 1);
    }
  for (int i = 0; i < 42; i++)
    {
      g_autofree char *date = gad_date_add_days (start, i);
      guint entries = 0, conflicts = 0, minutes = 0;
      GString *text;
      GtkWidget *button, *label;

      if (i % 7 == 0 && g_strcmp0 (date, to) > 0)
        break;
      for (guint k = 0; k < self->occurrences->len; k++)
        {
          GadOccurrence *o = g_ptr_array_index (self->occurrences, k);

          if (g_str_equal (o->date, date))
            entries++, minutes += o->minutes;
        }
      for (guint k = 0; k < self->conflicts->len; k++)
        {
          GadConflict *c = g_ptr_array_index (self->conflicts, k);

          conflicts += g_str_equal (c->date, date) && c->override_reason == NULL
                       && relevant (self, c);
        }
      text = g_string_new (NULL);
      g_string_append_printf (text, "<b>%d</b>", atoi (date + 8));
      if (entries)
        {
          /* TRANSLATORS: a day in the month overview: entries and their hours */
          g_autofree char *n = g_strdup_printf (ngettext ("%u entry, %u h", "%u entries, %u h",
                                                          entries), entries, (minutes + 30) / 60);

          g_string_append_printf (text, "\n%s", n);
        }
      if (conflicts)
        {
          g_autofree char *n = g_strdup_printf (ngettext ("%u conflict", "%u conflicts",
                                                          conflicts), conflicts);

          g_string_append_printf (text, "\n⚠ %s", n);
        }
      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), text->str);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      g_string_free (text, TRUE);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_set_size_request (button, -1, 72);
      if (g_strcmp0 (date, from) < 0 || g_strcmp0 (date, to) > 0)
        gtk_widget_add_css_class (button, "dim-label");
      if (g_str_equal (date, today))
        gtk_widget_add_css_class (button, "suggested-action");
      if (conflicts)
        gtk_widget_add_css_class (button, "destructive-action");
      g_object_set_data_full (G_OBJECT (button), "date", g_strdup (date), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_day_clicked), self);
      gtk_grid_attach (self->month_grid, button, i % 7, 1 + i / 7, 1, 1);
    }
}

/* What a week or month shows, read on the worker's thread. */
typedef struct
{
  GadScheduleFilter filter;
  char *department;         /* the filter's, owned */
  char *from;
  char *to;
  gboolean free_slots;      /* an office's week: its free reception slots too */
} Span;

typedef struct
{
  char *from;
  char *to;
  GPtrArray *occurrences;
  GPtrArray *conflicts;
  GPtrArray *slots;         /* free reception slots, if asked for */
} Shown;

static void
span_free (Span *span)
{
  g_free (span->department);
  g_free (span->from);
  g_free (span->to);
  g_free (span);
}

static void
shown_free (Shown *shown)
{
  g_free (shown->from);
  g_free (shown->to);
  g_clear_pointer (&shown->occurrences, g_ptr_array_unref);
  g_clear_pointer (&shown->conflicts, g_ptr_array_unref);
  g_clear_pointer (&shown->slots, g_ptr_array_unref);
  g_free (shown);
}

static gpointer
read_span (GadStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Span *span = data;
  Shown *shown = g_new0 (Shown, 1);

  shown->from = g_strdup (span->from);
  shown->to = g_strdup (span->to);
  span->filter.department = span->department;
  if ((shown->occurrences = gad_store_list_occurrences (store, &span->filter, span->from,
                                                        span->to, error)) == NULL
      || (shown->conflicts = gad_store_find_conflicts (store, span->from, span->to,
                                                       error)) == NULL)
    {
      shown_free (shown);
      return NULL;
    }
  if (span->free_slots)
    {
      shown->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_occurrence_free);
      for (int d = 0; d < 7; d++)
        {
          g_autofree char *day = gad_date_add_days (span->from, d);
          g_autoptr(GPtrArray) slots = gad_store_free_slots (store, span->filter.territory_id,
                                                             day, NULL);

          for (guint i = 0; slots && i < slots->len; i++)
            g_ptr_array_add (shown->slots, gad_occurrence_copy (g_ptr_array_index (slots, i)));
        }
    }
  return shown;
}

/* An office's week: its appointments, and its free reception slots to book
 * in place of the reception hours. */
static GPtrArray *
office_week (GadScheduleView *self,
             GPtrArray       *slots)
{
  GPtrArray *shown = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_occurrence_free);

  for (guint i = 0; i < self->occurrences->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (self->occurrences, i);

      if (!g_str_equal (o->kind, "reception"))
        g_ptr_array_add (shown, gad_occurrence_copy (o));
    }
  for (guint i = 0; slots && i < slots->len; i++)
    g_ptr_array_add (shown, gad_occurrence_copy (g_ptr_array_index (slots, i)));
  return shown;
}

static void
show_span (GadScheduleView *self,
           Shown           *shown)
{
  const char *from = shown->from, *to = shown->to;
  g_autofree char *first = gad_text_format_date (from);
  g_autofree char *last = gad_text_format_date (to);
  g_autofree char *label = NULL;

  g_clear_pointer (&self->occurrences, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->occurrences = g_steal_pointer (&shown->occurrences);
  self->conflicts = g_steal_pointer (&shown->conflicts);
  if (month_shown (self))
    {
      static const char *months[] = {
        N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
        N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
      };
      int y = 0, m = 1;

      sscanf (from, "%d-%d", &y, &m);
      /* TRANSLATORS: a month and its year */
      label = g_strdup_printf (C_("month heading", "%s %d"), _(months[CLAMP (m, 1, 12) - 1]), y);
      show_month (self, from, to);
      gtk_stack_set_visible_child_name (self->span_stack, "month");
    }
  else
    {
      GDate monday;
      g_autoptr(GPtrArray) week = shown->slots ? office_week (self, shown->slots)
                                               : g_ptr_array_ref (self->occurrences);

      gad_text_parse_date (from, &monday);
      if (strncmp (from, to, 4) == 0)
        first[6] = '\0';   /* "23.11." when the year is the same */
      /* TRANSLATORS: the ISO week number and its first and last day */
      label = g_strdup_printf (_("Week %u · %s–%s"), g_date_get_iso8601_week_of_year (&monday),
                               first, last);
      gad_week_view_set_week (self->week_view, from, week, self->conflicts);
      gtk_stack_set_visible_child_name (self->span_stack, "week");
    }
  gtk_label_set_label (self->period_label, label);
  show_conflicts (self);
}

static void
on_span_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GadScheduleView) self = user_data;
  g_autoptr(GError) error = NULL;
  Shown *shown = gad_worker_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error)
    gtk_label_set_label (self->error_label, error->message);
  else
    show_span (self, shown);
  g_clear_pointer (&shown, shown_free);
  gad_loading_changed (GTK_WIDGET (self), self->loading != NULL, properties[PROP_LOADING]);
}

/* Reads what the period shows again; an answer still coming for an earlier
 * period or filter is dropped. */
static void
refresh (GadScheduleView *self)
{
  Span *span;

  if (self->context == NULL || self->staff_ids == NULL)
    return;
  span = g_new0 (Span, 1);
  period (self, &span->from, &span->to);
  fill_filter (self, &span->filter);
  span->department = g_strdup (span->filter.department);
  span->filter.department = NULL;
  span->free_slots = mode (self) == MODE_OFFICE && !month_shown (self);
  g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  gad_worker_run (gad_context_get_worker (self->context), read_span, span,
                  (GDestroyNotify) span_free, (GDestroyNotify) shown_free, self->loading,
                  on_span_read, g_object_ref (self));
  gad_loading_changed (GTK_WIDGET (self), self->loading != NULL, properties[PROP_LOADING]);
}

static void
fill_who (GadScheduleView *self)
{
  g_autoptr(GListModel) model = NULL;
  guint m = mode (self);

  g_signal_handlers_block_by_func (self->who_dropdown, refresh, self);
  if (m == MODE_STAFF)
    model = gad_staff_model (self->context, NULL, self->staff_ids);
  else if (m == MODE_TEAM)
    model = gad_department_model (self->context, self->teams);
  else if (m == MODE_OFFICE)
    {
      model = gad_territory_model (self->context, self->office_ids);
      /* No "None" office. */
      gtk_string_list_remove (GTK_STRING_LIST (model), 0);
      g_array_remove_index (self->office_ids, 0);
    }
  gtk_drop_down_set_model (self->who_dropdown, model);
  gtk_widget_set_visible (GTK_WIDGET (self->who_dropdown), m != MODE_CLIENT);
  gtk_widget_set_visible (GTK_WIDGET (self->client_label), m == MODE_CLIENT);
  g_signal_handlers_unblock_by_func (self->who_dropdown, refresh, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.day-list", m == MODE_OFFICE);
}

static void
on_mode_changed (GadScheduleView *self)
{
  if (self->context == NULL)
    return;
  fill_who (self);
  refresh (self);
}

static void
on_span_toggled (GadScheduleView *self)
{
  refresh (self);
}

static void
step (GadScheduleView *self,
      int              direction)
{
  char *day;

  if (month_shown (self))
    {
      GDate d;

      gad_text_parse_date (self->day, &d);
      g_date_set_day (&d, 1);
      if (direction > 0)
        g_date_add_months (&d, 1);
      else
        g_date_subtract_months (&d, 1);
      day = gad_text_iso_date (&d);
    }
  else
    day = gad_date_add_days (self->day, 7 * direction);
  g_free (self->day);
  self->day = day;
  refresh (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  step (GAD_SCHEDULE_VIEW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  step (GAD_SCHEDULE_VIEW (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GadScheduleView *self = GAD_SCHEDULE_VIEW (widget);

  g_free (self->day);
  self->day = gad_text_today_iso ();
  refresh (self);
}

static GtkWindow *
parent_window (GadScheduleView *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
changed (GadScheduleView *self)
{
  /* Every view that shows stored data listens; this one refreshes too. */
  gad_context_changed (self->context);
}

static void
open_dialog (GadScheduleView     *self,
             GadEntry            *entry,
             const GadOccurrence *occurrence)
{
  GadEntryDialog *dialog = gad_entry_dialog_new (parent_window (self), self->context, entry,
                                                 occurrence);

  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (changed), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new entry for whoever is shown, on @date at @minute. */
static void
new_entry (GadScheduleView *self,
           const char      *date,
           int              minute)
{
  g_autoptr(GadEntry) e = g_new0 (GadEntry, 1);
  GadScheduleFilter filter;

  fill_filter (self, &filter);
  e->kind = g_strdup (mode (self) == MODE_OFFICE ? "reception" : "visit");
  e->staff_id = MAX (filter.staff_id, 0);
  e->person_id = MAX (filter.person_id, 0);
  e->territory_id = MAX (filter.territory_id, 0);
  e->start_date = g_strdup (date);
  e->start_minute = minute;
  e->minutes = 60;
  open_dialog (self, e, NULL);
}

static void
new_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GadScheduleView *self = GAD_SCHEDULE_VIEW (widget);
  g_autofree char *today = gad_text_today_iso ();
  g_autofree char *from = NULL, *to = NULL;

  period (self, &from, &to);
  new_entry (self, g_strcmp0 (today, from) >= 0 && g_strcmp0 (today, to) <= 0 ? today : from,
             9 * 60);
}

static void
on_create_entry (GadScheduleView *self,
                 const char      *date,
                 int              minute)
{
  new_entry (self, date, minute);
}

/* A move or a cancellation, saved on the worker's thread (one that needs a
 * reason is asked for it in a dialog, then tried again), or an occurrence
 * opened while its entry is read. */
typedef struct
{
  GadScheduleView *self;
  gint64 entry_id;
  char *rule_date;
  char *date;
  int minute;
  gboolean cancel;
  char *reason;
  GtkEntry *entry;
  GadOccurrence *occurrence;   /* one activated, while its entry is read */
} Pending;

static void
pending_free (Pending *p)
{
  g_object_unref (p->self);
  g_free (p->rule_date);
  g_free (p->date);
  g_free (p->reason);
  g_clear_pointer (&p->occurrence, gad_occurrence_free);
  g_free (p);
}

static Pending *
pending_new (GadScheduleView *self,
             GadOccurrence   *occurrence)
{
  Pending *p = g_new0 (Pending, 1);

  p->self = g_object_ref (self);
  p->entry_id = occurrence->entry_id;
  p->rule_date = g_strdup (occurrence->rule_date);
  return p;
}

static void run_pending (Pending *p, const char *reason);

static gpointer
read_entry (GadStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return gad_store_get_entry (store, GPOINTER_TO_SIZE (data), error);
}

/* An occurrence activated: its entry opens in a dialog once read. */
static void
on_entry_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Pending *p = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadEntry) e = gad_worker_run_finish (result, &error);

  if (e == NULL)
    gad_window_toast (GTK_WIDGET (p->self), error->message);
  else
    open_dialog (p->self, e, p->occurrence);
  pending_free (p);
}

static void
on_activate_entry (GadScheduleView *self,
                   GadOccurrence   *occurrence)
{
  g_autoptr(GadEntry) e = NULL;
  Pending *p;

  if (g_str_equal (occurrence->kind, "slot"))
    {
      /* A free reception slot: book a client in it. */
      e = g_new0 (GadEntry, 1);
      e->kind = g_strdup ("appointment");
      e->staff_id = occurrence->staff_id;
      e->territory_id = occurrence->territory_id;
      e->start_date = g_strdup (occurrence->date);
      e->start_minute = occurrence->start_minute;
      e->minutes = occurrence->minutes;
      open_dialog (self, e, NULL);
      return;
    }
  p = pending_new (self, occurrence);
  p->occurrence = gad_occurrence_copy (occurrence);
  gad_worker_run (gad_context_get_worker (self->context), read_entry,
                  GSIZE_TO_POINTER (occurrence->entry_id), NULL, (GDestroyNotify) gad_entry_free,
                  NULL, on_entry_read, p);
}


static void
on_reason_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Pending          *p)
{
  g_autofree char *reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (p->entry)));

  if (g_str_equal (response, "apply") && *g_strstrip (reason))
    run_pending (p, reason);
  else
    pending_free (p);
}

static void
on_reason_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "apply", *text != '\0');
}

static void
ask_reason (Pending    *p,
            const char *heading,
            const char *body,
            const char *apply)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (parent_window (p->self), heading, body));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "close", _("_Keep As It Was"), "apply", apply, NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "apply", FALSE);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "close");
  p->entry = GTK_ENTRY (entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_reason_response), p);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gpointer
save_pending (GadStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Pending *p = data;
  gboolean ok = p->cancel
                  ? gad_store_cancel_occurrence (store, p->entry_id, p->rule_date, p->reason,
                                                 error)
                  : gad_store_move_occurrence (store, p->entry_id, p->rule_date, p->date,
                                               p->minute, 0, p->reason, error);

  return GINT_TO_POINTER (ok);
}

/* Done, or on a conflict without a reason asked for one. */
static void
on_pending_saved (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Pending *p = user_data;
  g_autoptr(GError) error = NULL;

  if (gad_worker_run_finish (result, &error))
    {
      changed (p->self);
      gad_week_view_select (p->self->week_view, p->entry_id, p->rule_date);
    }
  else if (g_error_matches (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT) && p->reason == NULL)
    {
      ask_reason (p, _("Move Anyway?"), error->message, _("_Move Anyway"));
      return;
    }
  else
    gad_window_toast (GTK_WIDGET (p->self), error->message);
  pending_free (p);
}

/* Takes @p. */
static void
run_pending (Pending    *p,
             const char *reason)
{
  g_free (p->reason);
  p->reason = g_strdup (reason);
  gad_worker_run (gad_context_get_worker (p->self->context), save_pending, p, NULL, NULL, NULL,
                  on_pending_saved, p);
}

static void
on_move_entry (GadScheduleView *self,
               GadOccurrence   *occurrence,
               const char      *date,
               int              minute)
{
  Pending *p;

  if (g_str_equal (occurrence->kind, "slot"))
    return;
  p = pending_new (self, occurrence);
  p->date = g_strdup (date);
  p->minute = minute;
  run_pending (p, NULL);
}

static void
on_cancel_entry (GadScheduleView *self,
                 GadOccurrence   *occurrence)
{
  Pending *p;
  g_autofree char *heading = gad_schedule_day_heading (occurrence->date);
  g_autofree char *body = NULL;
  g_autofree char *time = gad_minute_format (occurrence->start_minute);

  if (g_strcmp0 (occurrence->status, "cancelled") == 0 || g_str_equal (occurrence->kind, "slot"))
    return;
  p = pending_new (self, occurrence);
  p->cancel = TRUE;
  /* TRANSLATORS: what is cancelled: a day and time, and who */
  body = g_strdup_printf (_("%s, %s: %s. The rest of a series stays."), heading, time,
                          occurrence->person_name ? occurrence->person_name
                                                  : occurrence->title ? occurrence->title : "");
  ask_reason (p, _("Cancel This Entry?"), body, _("_Cancel Entry"));
}

static void
on_conflict_activated (GadScheduleView *self,
                       GtkListBoxRow   *row)
{
  const char *date = g_object_get_data (G_OBJECT (row), "date");
  const char *rule_date = g_object_get_data (G_OBJECT (row), "rule-date");
  gint64 entry_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "entry-id"));

  if (month_shown (self))
    {
      g_free (self->day);
      self->day = g_strdup (date);
      gtk_toggle_button_set_active (self->week_toggle, TRUE);
    }
  gad_week_view_select (self->week_view, entry_id, rule_date);
  gtk_widget_grab_focus (GTK_WIDGET (self->week_view));
}

static void
show_pdf (GadScheduleView *self,
          GPtrArray       *occurrences,
          const char      *title,
          const char      *subtitle,
          const char      *file_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = gad_schedule_to_pdf (occurrences, title, subtitle, &error);

  if (pdf == NULL)
    {
      gad_window_toast (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (gad_pdf_window_new (parent_window (self), title, subtitle, pdf,
                                                      file_name)));
}

static void
print_round_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GadScheduleView *self = GAD_SCHEDULE_VIEW (widget);
  g_autofree char *who = whose (self);
  g_autofree char *title = NULL;
  const char *period_text = gtk_label_get_label (self->period_label);

  title = mode (self) == MODE_STAFF ? g_strdup_printf (_("Weekly round: %s"), who)
                                    : g_strdup_printf (_("Schedule: %s"), who);
  show_pdf (self, self->occurrences, title, period_text, _("round.pdf"));
}

static void
day_list_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GadScheduleView *self = GAD_SCHEDULE_VIEW (widget);
  GadOccurrence *selected = gad_week_view_get_selected (self->week_view);
  g_autofree char *today = gad_text_today_iso ();
  g_autofree char *from = NULL, *to = NULL, *heading = NULL, *title = NULL, *who = whose (self);
  const char *day;
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  period (self, &from, &to);
  day = selected ? selected->date
        : g_strcmp0 (today, from) >= 0 && g_strcmp0 (today, to) <= 0 ? today : from;
  for (guint i = 0; i < self->occurrences->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (self->occurrences, i);

      if (g_str_equal (o->date, day) && g_str_equal (o->kind, "appointment"))
        g_ptr_array_add (list, o);
    }
  heading = gad_schedule_day_heading (day);
  /* TRANSLATORS: the appointments of an office on a day */
  title = g_strdup_printf (_("Day list: %s"), who);
  show_pdf (self, list, title, heading, _("day-list.pdf"));
}

static void
on_ics_response (GtkNativeDialog *chooser,
                 int              response,
                 GadScheduleView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  ics = gad_schedule_to_ics (self->occurrences);
  if (!g_file_replace_contents (file, ics, strlen (ics), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                NULL, &error))
    gad_window_toast (GTK_WIDGET (self), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Schedule saved as %s"), name);

      gad_window_toast (GTK_WIDGET (self), message);
    }
}

static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GadScheduleView *self = GAD_SCHEDULE_VIEW (widget);

  g_clear_object (&self->chooser);
  self->chooser = gad_save_chooser_show (parent_window (self), _("Export iCalendar"), _("_Export"),
                                         _("schedule.ics"), G_CALLBACK (on_ics_response), self);
}

/* The month shown (or the week's month): each client's co-payment from the
 * visits marked done, recorded; the toast says how many and how much. */
static gpointer
charge (GadStore      *store,
        gpointer       data,
        GCancellable  *cancellable,
        GError       **error)
{
  return gad_store_compute_copayments (store, data, error);
}

static void
on_charged (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GadScheduleView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) charged = gad_worker_run_finish (result, &error);
  g_autofree char *message = NULL, *sum = NULL, *month = g_strndup (self->day, 7);
  gint64 total = 0;

  if (charged == NULL)
    {
      gad_window_toast (GTK_WIDGET (self), error->message);
      return;
    }
  for (guint i = 0; i < charged->len; i++)
    total += ((GadCopayment *) g_ptr_array_index (charged, i))->amount_cents;
  sum = gad_text_format_money (total);
  /* TRANSLATORS: co-payments charged for a month: how many clients, the sum, the month */
  message = g_strdup_printf (ngettext ("%u client charged %s for %s", "%u clients charged %s for %s",
                                       charged->len), charged->len, sum, month);
  gad_window_toast (GTK_WIDGET (self), message);
  changed (self);
}

/* The month's co-payments, charged on the worker's thread. */
static void
copayments_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GadScheduleView *self = GAD_SCHEDULE_VIEW (widget);

  gad_worker_run (gad_context_get_worker (self->context), charge, g_strndup (self->day, 7), g_free,
                  (GDestroyNotify) g_ptr_array_unref, NULL, on_charged, g_object_ref (self));
}

/* A write anywhere: read again now if the view is on screen, else when it
 * next is (saves in the registry do not wait for a hidden schedule). */
static void
on_data_changed (GadScheduleView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
gad_schedule_view_map (GtkWidget *widget)
{
  GadScheduleView *self = GAD_SCHEDULE_VIEW (widget);

  GTK_WIDGET_CLASS (gad_schedule_view_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      refresh (self);
    }
}

static void
set_context (GadScheduleView *self,
             GadContext      *context)
{
  gint64 me;

  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  fill_who (self);
  /* Staff open their own week first. */
  me = gad_store_actor_id (gad_context_get_store (context));
  if (me > 0 && mode (self) == MODE_STAFF)
    {
      g_signal_handlers_block_by_func (self->who_dropdown, refresh, self);
      gtk_drop_down_set_selected (self->who_dropdown, gad_ids_find (self->staff_ids, me));
      g_signal_handlers_unblock_by_func (self->who_dropdown, refresh, self);
    }
  g_signal_connect_object (context, "changed", G_CALLBACK (on_data_changed), self,
                           G_CONNECT_SWAPPED);
  /* The week is read when the view is first shown, not with the window. */
  on_data_changed (self);
}

static void
gad_schedule_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, GAD_SCHEDULE_VIEW (object)->context);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, GAD_SCHEDULE_VIEW (object)->loading != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_schedule_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (GAD_SCHEDULE_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_schedule_view_dispose (GObject *object)
{
  GadScheduleView *self = GAD_SCHEDULE_VIEW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->context);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->occurrences, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  G_OBJECT_CLASS (gad_schedule_view_parent_class)->dispose (object);
}

static void
gad_schedule_view_finalize (GObject *object)
{
  GadScheduleView *self = GAD_SCHEDULE_VIEW (object);

  g_free (self->day);
  g_free (self->client_name);
  g_array_unref (self->staff_ids);
  g_array_unref (self->office_ids);
  g_ptr_array_unref (self->teams);
  G_OBJECT_CLASS (gad_schedule_view_parent_class)->finalize (object);
}

static void
gad_schedule_view_class_init (GadScheduleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gad_schedule_view_dispose;
  object_class->finalize = gad_schedule_view_finalize;
  object_class->get_property = gad_schedule_view_get_property;
  object_class->set_property = gad_schedule_view_set_property;
  widget_class->map = gad_schedule_view_map;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, GAD_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* While a period is read (tests wait for it). */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                                   | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GAD_TYPE_WEEK_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-schedule-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, who_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, client_label);
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, period_label);
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, week_toggle);
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, month_toggle);
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, span_stack);
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, week_scroller);
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, week_view);
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, month_grid);
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, conflicts_revealer);
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, conflicts_title);
  gtk_widget_class_bind_template_child (widget_class, GadScheduleView, conflicts_list);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_span_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_move_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_create_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_conflict_activated);

  gtk_widget_class_install_action (widget_class, "schedule.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "schedule.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "schedule.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "schedule.new-entry", NULL, new_entry_action);
  gtk_widget_class_install_action (widget_class, "schedule.print-round", NULL,
                                   print_round_action);
  gtk_widget_class_install_action (widget_class, "schedule.day-list", NULL, day_list_action);
  gtk_widget_class_install_action (widget_class, "schedule.export-ics", NULL, export_ics_action);
  gtk_widget_class_install_action (widget_class, "schedule.copayments", NULL, copayments_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "schedule.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "schedule.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK,
                                       "schedule.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "schedule.new-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "schedule.print-round", NULL);
}

static void
gad_schedule_view_init (GadScheduleView *self)
{
  self->day = gad_text_today_iso ();
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->office_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->teams = g_ptr_array_new_with_free_func (g_free);
  /* Empty until the first period is read. */
  self->occurrences = g_ptr_array_new ();
  self->conflicts = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Typing in the open list finds a name. */
  gtk_drop_down_set_expression (self->who_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
}

/* Shows @person_id's schedule (from the client page). */
void
gad_schedule_view_show_client (GadScheduleView *self,
                               gint64           person_id,
                               const char      *name)
{
  g_return_if_fail (GAD_IS_SCHEDULE_VIEW (self));
  self->client_id = person_id;
  g_free (self->client_name);
  self->client_name = g_strdup (name);
  gtk_label_set_label (self->client_label, name);
  if (mode (self) == MODE_CLIENT)
    refresh (self);
  else
    gtk_drop_down_set_selected (self->mode_dropdown, MODE_CLIENT);
}

/* Shows @staff_id's week with @date in it (tests, and links from elsewhere). */
void
gad_schedule_view_show_staff (GadScheduleView *self,
                              gint64           staff_id,
                              const char      *date)
{
  g_return_if_fail (GAD_IS_SCHEDULE_VIEW (self));
  g_free (self->day);
  self->day = g_strdup (date);
  if (mode (self) != MODE_STAFF)
    gtk_drop_down_set_selected (self->mode_dropdown, MODE_STAFF);
  gtk_toggle_button_set_active (self->week_toggle, TRUE);
  gtk_drop_down_set_selected (self->who_dropdown, gad_ids_find (self->staff_ids, staff_id));
  refresh (self);
}

GadWeekView *
gad_schedule_view_get_week_view (GadScheduleView *self)
{
  g_return_val_if_fail (GAD_IS_SCHEDULE_VIEW (self), NULL);
  return self->week_view;
}
