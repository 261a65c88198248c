/* gad-chart-view.c — a chart on screen, with the exact value on hover
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws with the same render function as the report and the CLI; the layout
 * of the last draw answers which bar or slice the pointer is on.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-chart-view.h"

struct _GadChartView
{
  GtkWidget parent_instance;

  GadChartData *data;
  GadChartLayout *layout;
  double scale;             /* the desktop's text scaling, as the chart was drawn */
};

G_DEFINE_FINAL_TYPE (GadChartView, gad_chart_view, GTK_TYPE_WIDGET)

enum { ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
gad_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  GadChartView *self = GAD_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->data == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* The chart's text follows the desktop's text scaling: the whole chart is
   * drawn that much larger into the same space. */
  {
    int dpi = 0;

    g_object_get (gtk_widget_get_settings (widget), "gtk-xft-dpi", &dpi, NULL);
    self->scale = dpi > 96 * 1024 ? dpi / (96.0 * 1024) : 1.0;
  }
  cairo_scale (cr, self->scale, self->scale);
  {
    GdkRGBA ink;

    gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
    gad_chart_set_ink (cr, ink.red, ink.green, ink.blue);
  }
  gad_chart_render (cr, self->data, width / self->scale, height / self->scale, self->layout);
  cairo_destroy (cr);
}

static gboolean
on_query_tooltip (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  GadChartView *self)
{
  const GadChartHit *hit;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  const char *category, *series;

  if (self->data == NULL
      || (hit = gad_chart_hit_test (self->layout, x / self->scale, y / self->scale)) == NULL)
    return FALSE;
  value = gad_chart_format_value (self->data, hit->value);
  category = hit->category < self->data->categories->len
               ? g_ptr_array_index (self->data->categories, hit->category) : "";
  series = hit->series < self->data->series->len
             ? ((GadChartSeries *) g_ptr_array_index (self->data->series, hit->series))->name : "";
  if (self->data->kind == GAD_CHART_DONUT || self->data->series->len < 2)
    /* TRANSLATORS: a chart's tooltip: category: value */
    text = g_strdup_printf (_("%s: %s"), category, value);
  else
    /* TRANSLATORS: a chart's tooltip: category · series: value */
    text = g_strdup_printf (_("%s · %s: %s"), category, series, value);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             GadChartView    *self)
{
  const GadChartHit *hit;

  if (self->data && (hit = gad_chart_hit_test (self->layout, x / self->scale, y / self->scale)))
    g_signal_emit (self, signals[ACTIVATED], 0, hit->series, hit->category);
}

static void
gad_chart_view_finalize (GObject *object)
{
  GadChartView *self = GAD_CHART_VIEW (object);

  g_clear_pointer (&self->data, gad_chart_data_free);
  g_clear_pointer (&self->layout, gad_chart_layout_free);
  G_OBJECT_CLASS (gad_chart_view_parent_class)->finalize (object);
}

static void
gad_chart_view_class_init (GadChartViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = gad_chart_view_finalize;
  widget_class->snapshot = gad_chart_view_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");

  /* A click on a bar or slice: its series and category, to open the records behind it. */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
gad_chart_view_init (GadChartView *self)
{
  self->layout = gad_chart_layout_new ();
  self->scale = 1.0;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 280);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  {
    GtkGesture *click = gtk_gesture_click_new ();
    g_signal_connect (click, "released", G_CALLBACK (on_released), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  }
}

GtkWidget *
gad_chart_view_new (void)
{
  return g_object_new (GAD_TYPE_CHART_VIEW, NULL);
}

/* Takes @data; the accessible name is the chart's title. */
void
gad_chart_view_set_data (GadChartView *self,
                         GadChartData *data)
{
  g_return_if_fail (GAD_IS_CHART_VIEW (self));

  g_clear_pointer (&self->data, gad_chart_data_free);
  self->data = data;
  if (data)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    data->title, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GadChartData *
gad_chart_view_get_data (GadChartView *self)
{
  g_return_val_if_fail (GAD_IS_CHART_VIEW (self), NULL);
  return self->data;
}
