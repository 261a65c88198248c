/* gad-week-view.c — a week of a schedule: days across, hours down
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Blocks are placed by gad_week_layout () (overlaps side by side) and drawn
 * with cairo. A block in a conflict has a red frame and a warning sign, an
 * overruled one an amber frame. Click selects, a double click opens, a drag
 * moves by quarter hours and days; with the keyboard, the arrows select and
 * Ctrl + arrows move, Enter opens, Delete cancels.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-schedule-export.h"
#include "gad-text.h"
#include "gad-week-view.h"

#define FIRST_HOUR 7
#define LAST_HOUR 22
/* The grid follows the text size (the desktop's text scaling): a line of
 * text sets the header, the hour labels' gutter and the height of an hour. */
#define HOUR_HEIGHT (self->line * 3.4)
#define HEADER (self->line * 2 + 8)
#define GUTTER (self->digits + 16)
#define SNAP 15

struct _GadWeekView
{
  GtkWidget parent_instance;

  char *monday;
  GPtrArray *occurrences;   /* GadOccurrence */
  GPtrArray *conflicts;     /* GadConflict */
  GArray *blocks;           /* GadBlock, in layout order */
  int selected;             /* index into blocks, -1 for none */

  double line;              /* a line of text, pixels */
  double digits;            /* the width of "00:00" */

  int drag_block;           /* the block a drag started on, -1 for none */
  int drag_days;
  int drag_minutes;
};

G_DEFINE_FINAL_TYPE (GadWeekView, gad_week_view, GTK_TYPE_WIDGET)

enum { ACTIVATE_ENTRY, MOVE_ENTRY, CANCEL_ENTRY, CREATE_ENTRY, SELECTION_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_metrics (GadWeekView *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "00:00");
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  self->line = MAX (height, 10);
  self->digits = width;
}

static double
day_width (GadWeekView *self)
{
  return MAX (1.0, (gtk_widget_get_width (GTK_WIDGET (self)) - GUTTER) / 7.0);
}

static void
block_rect (GadWeekView    *self,
            const GadBlock *b,
            graphene_rect_t *r)
{
  double w = day_width (self) / b->columns;
  double top = HEADER + (b->occurrence->start_minute - FIRST_HOUR * 60) * HOUR_HEIGHT / 60.0;

  graphene_rect_init (r, GUTTER + b->day * day_width (self) + b->column * w + 1, MAX (top, HEADER),
                      w - 3, MAX (b->occurrence->minutes * HOUR_HEIGHT / 60.0 - 2, 14));
}

/* The conflicts an occurrence is part of, worst first: not overruled, then overruled. */
static GadConflict *
conflict_of (GadWeekView         *self,
             const GadOccurrence *o)
{
  GadConflict *found = NULL;

  for (guint i = 0; self->conflicts && i < self->conflicts->len; i++)
    {
      GadConflict *c = g_ptr_array_index (self->conflicts, i);
      gboolean mine = (c->entry_id == o->entry_id && g_strcmp0 (c->rule_date, o->rule_date) == 0)
                      || (c->other_entry_id == o->entry_id
                          && g_strcmp0 (c->other_rule_date, o->rule_date) == 0);

      if (mine && (found == NULL || (found->override_reason && !c->override_reason)))
        found = c;
    }
  return found;
}

static void
kind_color (const GadOccurrence *o,
            gboolean             dark,
            GdkRGBA             *fill)
{
  /* Okabe–Ito hues, light enough under dark text (or dark under light). */
  static const struct { const char *kind; double r, g, b; } colors[] = {
    { "visit", 0.34, 0.71, 0.91 },
    { "appointment", 0.0, 0.62, 0.45 },
    { "reception", 0.6, 0.6, 0.6 },
    { "group", 0.8, 0.47, 0.65 },
  };

  *fill = (GdkRGBA) { 0.34, 0.71, 0.91, 1 };
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (o->kind, colors[i].kind) == 0)
      *fill = (GdkRGBA) { colors[i].r, colors[i].g, colors[i].b, 1 };
  fill->alpha = dark ? 0.45 : 0.28;
}

static char *
block_text (const GadOccurrence *o)
{
  g_autofree char *start = gad_minute_format (o->start_minute);
  g_autofree char *end = gad_minute_format (o->start_minute + o->minutes);
  const char *who = o->person_name ? o->person_name : o->title;
  const char *mark = g_strcmp0 (o->status, "done") == 0 ? "✓ "
                     : g_strcmp0 (o->status, "missed") == 0 ? "✗ " : "";
  GString *text = g_string_new (NULL);

  if (g_strcmp0 (o->kind, "slot") == 0)
    {
      /* TRANSLATORS: a free reception slot in the week: its time, then who receives */
      g_string_append_printf (text, _("%s free"), start);
      g_string_append_printf (text, "\n%s", o->staff_name ? o->staff_name : "");
      return g_string_free (text, FALSE);
    }
  g_string_append_printf (text, "%s%s–%s", mark, start, end);
  if (g_strcmp0 (o->kind, "reception") == 0)
    g_string_append_printf (text, "\n%s", _("Reception hours"));
  if (who && *who)
    g_string_append_printf (text, "\n%s", who);
  if (o->address && *o->address)
    g_string_append_printf (text, "\n%s", o->address);
  else if (o->office && *o->office)
    g_string_append_printf (text, "\n%s", o->office);
  if (o->service_name && *o->service_name)
    g_string_append_printf (text, "\n%s", o->service_name);
  return g_string_free (text, FALSE);
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
gad_week_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  GadWeekView *self = GAD_WEEK_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double dw;

  update_metrics (self);
  dw = day_width (self);
  gboolean dark = is_dark ();
  GdkRGBA fg;
  g_autofree char *today = gad_text_today_iso ();
  cairo_t *cr;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, 1);

  /* Day headers, and today's column tinted. */
  for (int d = 0; d < 7 && self->monday; d++)
    {
      g_autofree char *date = gad_date_add_days (self->monday, d);
      g_autofree char *heading = gad_schedule_day_heading (date);
      g_auto(GStrv) parts = g_strsplit (heading, ", ", 2);
      g_autofree char *lines = g_strjoinv ("\n", parts);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, lines);

      if (g_strcmp0 (date, today) == 0)
        {
          cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.10);
          cairo_rectangle (cr, GUTTER + d * dw, 0, dw, height);
          cairo_fill (cr);
        }
      pango_layout_set_width (layout, (int) ((dw - 8) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, GUTTER + d * dw + 4, 2);
      pango_cairo_show_layout (cr, layout);
    }

  /* Hour lines and labels. */
  for (int h = FIRST_HOUR; h <= LAST_HOUR; h++)
    {
      double y = HEADER + (h - FIRST_HOUR) * HOUR_HEIGHT;
      g_autofree char *label = gad_minute_format (h * 60);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, label);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.15);
      cairo_move_to (cr, GUTTER, y + 0.5);
      cairo_line_to (cr, width, y + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
      cairo_move_to (cr, 6, y - self->line / 2);
      pango_cairo_show_layout (cr, layout);
    }
  for (int d = 0; d <= 7; d++)
    {
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.15);
      cairo_move_to (cr, GUTTER + d * dw + 0.5, 0);
      cairo_line_to (cr, GUTTER + d * dw + 0.5, height);
      cairo_stroke (cr);
    }

  for (guint i = 0; self->blocks && i < self->blocks->len; i++)
    {
      GadBlock *b = &g_array_index (self->blocks, GadBlock, i);
      GadOccurrence *o = b->occurrence;
      GadConflict *c = conflict_of (self, o);
      graphene_rect_t r;
      GdkRGBA fill;
      g_autofree char *text = block_text (o);
      g_autofree char *label = c ? g_strdup_printf ("⚠ %s", text) : g_strdup (text);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, label);
      gboolean faded = g_strcmp0 (o->status, "missed") == 0
                       || g_strcmp0 (o->status, "cancelled") == 0;

      block_rect (self, b, &r);
      if ((int) i == self->drag_block && (self->drag_days || self->drag_minutes))
        {
          r.origin.x += self->drag_days * dw;
          r.origin.y += self->drag_minutes * HOUR_HEIGHT / 60.0;
        }
      kind_color (o, dark, &fill);
      if (faded)
        fill.alpha /= 2;
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_rectangle (cr, r.origin.x, r.origin.y, r.size.width, r.size.height);
      if (g_strcmp0 (o->kind, "slot") == 0)
        {
          /* Free to book: an outline, dashed. */
          cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.4);
          cairo_rectangle (cr, r.origin.x + 0.5, r.origin.y + 0.5, r.size.width - 1,
                           r.size.height - 1);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        cairo_fill (cr);

      if (c || (int) i == self->selected)
        {
          if (c && c->override_reason)
            cairo_set_source_rgb (cr, 0.90, 0.62, 0.0);
          else if (c)
            cairo_set_source_rgb (cr, 0.88, 0.11, 0.14);
          else
            gdk_cairo_set_source_rgba (cr, &fg);
          cairo_set_line_width (cr, (int) i == self->selected ? 3 : 2);
          cairo_rectangle (cr, r.origin.x + 1, r.origin.y + 1, r.size.width - 2,
                           r.size.height - 2);
          cairo_stroke (cr);
          cairo_set_line_width (cr, 1);
        }

      cairo_save (cr);
      cairo_rectangle (cr, r.origin.x, r.origin.y, r.size.width, r.size.height);
      cairo_clip (cr);
      pango_layout_set_width (layout, (int) ((r.size.width - 8) * PANGO_SCALE));
      if (r.size.height < 2 * self->line + 4)
        {
          /* Too short for two lines (a half-hour slot): one line, the parts
           * side by side, cut at the end; the tooltip has it all. */
          g_autofree char *one = g_strdelimit (g_strdup (label), "\n", ' ');

          pango_layout_set_text (layout, one, -1);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      else
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, r.origin.x + 4, r.origin.y + 2);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
  cairo_destroy (cr);
}

static void
gad_week_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GadWeekView *self = GAD_WEEK_VIEW (widget);

  update_metrics (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) (GUTTER + 7 * self->line * 5.5);
  else
    *minimum = *natural = (int) (HEADER + (LAST_HOUR - FIRST_HOUR) * HOUR_HEIGHT + 8);
}

static int
block_at (GadWeekView *self,
          double       x,
          double       y)
{
  for (guint i = self->blocks ? self->blocks->len : 0; i-- > 0;)
    {
      graphene_rect_t r;

      block_rect (self, &g_array_index (self->blocks, GadBlock, i), &r);
      if (graphene_rect_contains_point (&r, &GRAPHENE_POINT_INIT (x, y)))
        return (int) i;
    }
  return -1;
}

static void
update_accessible (GadWeekView *self)
{
  g_autofree char *text = NULL;

  if (self->selected >= 0)
    {
      GadBlock *b = &g_array_index (self->blocks, GadBlock, self->selected);
      g_autofree char *heading = gad_schedule_day_heading (b->occurrence->date);
      g_autofree char *what = block_text (b->occurrence);
      GadConflict *c = conflict_of (self, b->occurrence);

      text = g_strdup_printf ("%s, %s%s%s", heading, what, c ? " — " : "", c ? c->message : "");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text ? text : "", -1);
}

static void
select_block (GadWeekView *self,
              int          index)
{
  if (self->selected == index)
    return;
  self->selected = index;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GadWeekView     *self)
{
  int index = block_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  select_block (self, index);
  if (n_press == 2 && index >= 0)
    g_signal_emit (self, signals[ACTIVATE_ENTRY], 0,
                   g_array_index (self->blocks, GadBlock, index).occurrence);
  else if (n_press == 2 && self->monday && x > GUTTER && y > HEADER)
    {
      int day = (int) ((x - GUTTER) / day_width (self));
      int minute = FIRST_HOUR * 60 + (int) ((y - HEADER) * 60 / HOUR_HEIGHT) / 30 * 30;
      g_autofree char *date = gad_date_add_days (self->monday, CLAMP (day, 0, 6));

      g_signal_emit (self, signals[CREATE_ENTRY], 0, date, minute);
    }
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               GadWeekView    *self)
{
  self->drag_block = block_at (self, x, y);
  self->drag_days = self->drag_minutes = 0;
  if (self->drag_block < 0)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                GadWeekView    *self)
{
  if (self->drag_block < 0)
    return;
  self->drag_days = (int) ((dx + (dx >= 0 ? 0.5 : -0.5) * day_width (self)) / day_width (self));
  self->drag_minutes = (int) (dy * 60 / HOUR_HEIGHT) / SNAP * SNAP;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
emit_move (GadWeekView *self,
           int          index,
           int          days,
           int          minutes)
{
  GadOccurrence *o = g_array_index (self->blocks, GadBlock, index).occurrence;
  g_autofree char *date = gad_date_add_days (o->date, days);
  int minute = CLAMP (o->start_minute + minutes, 0, 24 * 60 - o->minutes);

  if (days == 0 && minute == o->start_minute)
    return;
  g_signal_emit (self, signals[MOVE_ENTRY], 0, o, date, minute);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             GadWeekView    *self)
{
  int index = self->drag_block, days = self->drag_days, minutes = self->drag_minutes;

  self->drag_block = -1;
  self->drag_days = self->drag_minutes = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (index >= 0 && (days || minutes))
    emit_move (self, index, days, minutes);
}

/* The block nearest in a direction: the next or previous one in time, or
 * the first on the day beside. */
static int
neighbour (GadWeekView *self,
           int          step,
           gboolean     across_days)
{
  int n = self->blocks ? (int) self->blocks->len : 0;
  GadBlock *from;

  if (n == 0)
    return -1;
  if (self->selected < 0)
    return 0;
  if (!across_days)
    return CLAMP (self->selected + step, 0, n - 1);
  from = &g_array_index (self->blocks, GadBlock, self->selected);
  for (int day = from->day + step; day >= 0 && day < 7; day += step)
    for (int i = 0; i < n; i++)
      if (g_array_index (self->blocks, GadBlock, i).day == day)
        return i;
  return self->selected;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GadWeekView           *self)
{
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  int dir = 0;
  gboolean days = FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up: dir = -1; break;
    case GDK_KEY_Down: dir = 1; break;
    case GDK_KEY_Left: dir = -1; days = TRUE; break;
    case GDK_KEY_Right: dir = 1; days = TRUE; break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->selected < 0)
        return FALSE;
      g_signal_emit (self, signals[ACTIVATE_ENTRY], 0,
                     g_array_index (self->blocks, GadBlock, self->selected).occurrence);
      return TRUE;
    case GDK_KEY_Delete:
      if (self->selected < 0)
        return FALSE;
      g_signal_emit (self, signals[CANCEL_ENTRY], 0,
                     g_array_index (self->blocks, GadBlock, self->selected).occurrence);
      return TRUE;
    default:
      return FALSE;
    }
  if (ctrl && self->selected >= 0)
    emit_move (self, self->selected, days ? dir : 0, days ? 0 : dir * SNAP);
  else
    select_block (self, neighbour (self, dir, days));
  return TRUE;
}

/* Selects the next (@step 1) or previous (-1) entry in time, as Down and Up do. */
void
gad_week_view_step (GadWeekView *self,
                    int          step)
{
  g_return_if_fail (GAD_IS_WEEK_VIEW (self));
  select_block (self, neighbour (self, step, FALSE));
}

static gboolean
on_query_tooltip (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  GadWeekView *self)
{
  int index = keyboard ? self->selected : block_at (self, x, y);
  GadOccurrence *o;
  GadConflict *c;
  g_autofree char *text = NULL;
  GString *tip;

  if (index < 0)
    return FALSE;
  o = g_array_index (self->blocks, GadBlock, index).occurrence;
  c = conflict_of (self, o);
  text = block_text (o);
  tip = g_string_new (text);
  if (o->staff_name)
    g_string_append_printf (tip, "\n%s", o->staff_name);
  if (o->phone && *o->phone)
    g_string_append_printf (tip, "\n%s", o->phone);
  if (o->note && *o->note)
    g_string_append_printf (tip, "\n%s", o->note);
  if (o->reason && *o->reason)
    g_string_append_printf (tip, "\n%s", o->reason);
  if (c)
    g_string_append_printf (tip, "\n\n⚠ %s", c->message);
  if (c && c->override_reason)
    g_string_append_printf (tip, "\n%s", c->override_reason);
  gtk_tooltip_set_text (tooltip, tip->str);
  g_string_free (tip, TRUE);
  return TRUE;
}

static void
gad_week_view_finalize (GObject *object)
{
  GadWeekView *self = GAD_WEEK_VIEW (object);

  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->occurrences, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_free (self->monday);
  G_OBJECT_CLASS (gad_week_view_parent_class)->finalize (object);
}

static void
gad_week_view_class_init (GadWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gad_week_view_finalize;
  widget_class->snapshot = gad_week_view_snapshot;
  widget_class->measure = gad_week_view_measure;

  /* (occurrence) */
  signals[ACTIVATE_ENTRY] = g_signal_new ("activate-entry", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          G_TYPE_POINTER);
  /* (occurrence, new date, new start minute) */
  signals[MOVE_ENTRY] = g_signal_new ("move-entry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_POINTER,
                                      G_TYPE_STRING, G_TYPE_INT);
  signals[CANCEL_ENTRY] = g_signal_new ("cancel-entry", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        G_TYPE_POINTER);
  /* (date, start minute) of an empty place double-clicked */
  signals[CREATE_ENTRY] = g_signal_new ("create-entry", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                        G_TYPE_STRING, G_TYPE_INT);
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                             0);
  gtk_widget_class_set_css_name (widget_class, "weekview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
gad_week_view_init (GadWeekView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->selected = -1;
  self->drag_block = -1;
  self->line = 17;
  self->digits = 36;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Week schedule: arrow keys choose an entry, Ctrl and the arrows move it, Enter opens it"),
                                  -1);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
gad_week_view_new (void)
{
  return g_object_new (GAD_TYPE_WEEK_VIEW, NULL);
}

/**
 * gad_week_view_set_week:
 * @occurrences: (transfer none): #GadOccurrence of the week
 * @conflicts: (transfer none): #GadConflict touching the week
 *
 * Shows a week; the entry selected before stays selected if it is still there.
 */
void
gad_week_view_set_week (GadWeekView *self,
                        const char  *monday,
                        GPtrArray   *occurrences,
                        GPtrArray   *conflicts)
{
  gint64 entry = 0;
  g_autofree char *rule_date = NULL;

  g_return_if_fail (GAD_IS_WEEK_VIEW (self));
  if (self->selected >= 0)
    {
      GadOccurrence *o = g_array_index (self->blocks, GadBlock, self->selected).occurrence;

      entry = o->entry_id;
      rule_date = g_strdup (o->rule_date);
    }
  g_free (self->monday);
  self->monday = g_strdup (monday);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->occurrences, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->occurrences = g_ptr_array_ref (occurrences);
  self->conflicts = g_ptr_array_ref (conflicts);
  self->blocks = gad_week_layout (occurrences, monday);
  self->selected = -1;
  for (guint i = 0; i < self->blocks->len && entry; i++)
    {
      GadOccurrence *o = g_array_index (self->blocks, GadBlock, i).occurrence;

      if (o->entry_id == entry && g_strcmp0 (o->rule_date, rule_date) == 0)
        self->selected = (int) i;
    }
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GadOccurrence *
gad_week_view_get_selected (GadWeekView *self)
{
  g_return_val_if_fail (GAD_IS_WEEK_VIEW (self), NULL);
  if (self->selected < 0)
    return NULL;
  return g_array_index (self->blocks, GadBlock, self->selected).occurrence;
}

/* Selects the occurrence of @entry_id on @rule_date, if shown. */
void
gad_week_view_select (GadWeekView *self,
                      gint64       entry_id,
                      const char  *rule_date)
{
  for (guint i = 0; self->blocks && i < self->blocks->len; i++)
    {
      GadOccurrence *o = g_array_index (self->blocks, GadBlock, i).occurrence;

      if (o->entry_id == entry_id && g_strcmp0 (o->rule_date, rule_date) == 0)
        select_block (self, (int) i);
    }
}
