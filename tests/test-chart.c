/* test-chart.c — nice ticks, and chart layouts that never cut or overlap text
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "gad-chart.h"

static void
test_ticks (void)
{
  struct { double lo, hi; int max; double first, step; int n; } cases[] = {
    { 0, 100, 6, 0, 20, 6 },
    { 0, 87, 6, 0, 20, 6 },
    { 0, 1, 6, 0, 0.2, 6 },
    { -35, 120, 8, -50, 50, 5 },
    { 0, 314258, 8, 0, 50000, 8 },
    { 5, 5, 6, 5, 0.1, 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double first, step;
      int n;

      g_assert_true (gad_chart_nice_ticks (cases[i].lo, cases[i].hi, cases[i].max, &first, &step,
                                           &n));
      g_assert_cmpfloat_with_epsilon (step, cases[i].step, 1e-9);
      g_assert_cmpfloat_with_epsilon (first, cases[i].first, 1e-9);
      g_assert_cmpint (n, <=, cases[i].max);
      /* The ticks cover the range, and the step is 1, 2 or 5 × 10ⁿ. */
      g_assert_cmpfloat (first, <=, cases[i].lo);
      g_assert_cmpfloat (first + step * (n - 1), >=, cases[i].hi - 1e-9);
      {
        double m = step / pow (10, floor (log10 (step)));
        g_assert_true (fabs (m - 1) < 1e-9 || fabs (m - 2) < 1e-9 || fabs (m - 5) < 1e-9);
      }
    }
  g_assert_false (gad_chart_nice_ticks (0, NAN, 6, &(double){0}, &(double){0}, &(int){0}));
}

static gboolean
overlap (const GadRect *a,
         const GadRect *b)
{
  return a->x < b->x + b->width - 0.5 && b->x < a->x + a->width - 0.5
         && a->y < b->y + b->height - 0.5 && b->y < a->y + a->height - 0.5;
}

/* Renders on an image surface and checks every text rectangle is inside and
 * apart from the others, and every bar inside the plot. */
static GadChartLayout *
render_checked (GadChartData *d,
                double        width,
                double        height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GadChartLayout *layout = gad_chart_layout_new ();

  gad_chart_render (cr, d, width, height, layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      GadRect *a = &g_array_index (layout->texts, GadRect, i);

      g_assert_cmpfloat (a->x, >=, -0.5);
      g_assert_cmpfloat (a->y, >=, -0.5);
      g_assert_cmpfloat (a->x + a->width, <=, width + 0.5);
      g_assert_cmpfloat (a->y + a->height, <=, height + 0.5);
      for (guint k = i + 1; k < layout->texts->len; k++)
        if (overlap (a, &g_array_index (layout->texts, GadRect, k)))
          g_error ("text %u (%.0f,%.0f %.0f×%.0f) overlaps text %u", i, a->x, a->y, a->width,
                   a->height, k);
    }
  if (d->kind != GAD_CHART_DONUT)
    for (guint i = 0; i < layout->hits->len; i++)
      {
        GadChartHit *h = &g_array_index (layout->hits, GadChartHit, i);
        g_assert_cmpfloat (h->rect.y, >=, layout->plot.y - 5);
        g_assert_cmpfloat (h->rect.y + h->rect.height, <=, layout->plot.y + layout->plot.height + 5);
      }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return layout;
}

static GadChartData *
years (GadChartKind kind,
       guint        n_years,
       guint        n_series,
       double     (*value) (guint s, guint c))
{
  GadChartData *d = gad_chart_data_new (kind, "Saņēmēji pa gadiem", FALSE);

  for (guint c = 0; c < n_years; c++)
    {
      g_autofree char *year = g_strdup_printf ("%u", 2012 + c);
      gad_chart_data_add_category (d, year);
    }
  for (guint s = 0; s < n_series; s++)
    {
      g_autofree char *name = g_strdup_printf ("Sērija %u", s + 1);
      GadChartSeries *series = gad_chart_data_add_series (d, name);
      for (guint c = 0; c < n_years; c++)
        gad_chart_series_set (series, c, value (s, c));
    }
  return d;
}

static double
some (guint s,
      guint c)
{
  return 10 + 7 * s + 3 * c;
}

static double
signed_values (guint s,
               guint c)
{
  return (c % 2 ? -1 : 1) * (5.0 * (s + 1)) * (c % 3 == 0 ? 0 : 1);
}

static void
test_kinds (void)
{
  GadChartKind kinds[] = { GAD_CHART_GROUPED_BARS, GAD_CHART_STACKED_BARS, GAD_CHART_LINES,
                           GAD_CHART_DONUT };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GadChartData) d = years (kinds[k], 15, 3, some);
      g_autoptr(GadChartLayout) l = render_checked (d, 800, 480);

      /* Every value is drawn and can be pointed at. */
      g_assert_cmpuint (l->hits->len, ==, kinds[k] == GAD_CHART_DONUT ? 15 : 45);
      /* And the small sizes of a dashboard card still lay out. */
      g_clear_pointer (&l, gad_chart_layout_free);
      l = render_checked (d, 360, 240);
    }
}

static void
test_empty_and_one (void)
{
  g_autoptr(GadChartData) empty = gad_chart_data_new (GAD_CHART_GROUPED_BARS, "Tukšs", TRUE);
  g_autoptr(GadChartData) zeros = years (GAD_CHART_STACKED_BARS, 3, 2, some);
  g_autoptr(GadChartData) one = gad_chart_data_new (GAD_CHART_DONUT, "Viens", TRUE);
  g_autoptr(GadChartLayout) l = render_checked (empty, 400, 300);

  /* No data: a title and a message, no bars. */
  g_assert_cmpuint (l->hits->len, ==, 0);
  g_assert_cmpuint (l->texts->len, ==, 2);
  g_clear_pointer (&l, gad_chart_layout_free);

  for (guint s = 0; s < zeros->series->len; s++)
    for (guint c = 0; c < 3; c++)
      gad_chart_series_set (g_ptr_array_index (zeros->series, s), c, 0);
  l = render_checked (zeros, 400, 300);
  g_assert_cmpuint (l->hits->len, ==, 0);
  g_clear_pointer (&l, gad_chart_layout_free);

  gad_chart_data_add_category (one, "Pašvaldības budžets");
  gad_chart_series_set (gad_chart_data_add_series (one, "x"), 0, 55429100);
  l = render_checked (one, 400, 300);
  g_assert_cmpuint (l->hits->len, ==, 1);
  /* The one slice is the whole ring and answers a hit test. */
  {
    GadChartHit *h = &g_array_index (l->hits, GadChartHit, 0);
    g_assert_cmpfloat_with_epsilon (h->angle_to - h->angle_from, 2 * G_PI, 1e-9);
    g_assert_nonnull (gad_chart_hit_test (l, l->cx + (l->inner + l->outer) / 2, l->cy));
    g_assert_null (gad_chart_hit_test (l, l->cx, l->cy));
  }
}

static void
test_negative_and_zero (void)
{
  GadChartKind kinds[] = { GAD_CHART_GROUPED_BARS, GAD_CHART_STACKED_BARS, GAD_CHART_LINES };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GadChartData) d = years (kinds[k], 6, 2, signed_values);
      g_autoptr(GadChartLayout) l = render_checked (d, 640, 400);

      /* A negative bar hangs below the zero line, inside the plot. */
      for (guint i = 0; i < l->hits->len; i++)
        {
          GadChartHit *h = &g_array_index (l->hits, GadChartHit, i);
          g_assert_cmpfloat (h->rect.height, >=, 0);
        }
    }
}

static void
test_long_labels (void)
{
  g_autoptr(GadChartData) d = gad_chart_data_new (GAD_CHART_GROUPED_BARS,
                                                  "Ļoti garš virsraksts, kas neietilpst vienā "
                                                  "rindā un tāpēc jāaplauž pa vārdiem, nevis "
                                                  "jānogriež",
                                                  TRUE);
  g_autoptr(GadChartLayout) l = NULL;
  const char *names[] = { "Pabalsts garantētā minimālā ienākumu līmeņa nodrošināšanai",
                          "Mājokļa pabalsts", "Vienreizējs pabalsts ārkārtas situācijā",
                          "Medicīnisko izdevumu daļēja apmaksa" };

  for (guint c = 0; c < G_N_ELEMENTS (names); c++)
    gad_chart_data_add_category (d, names[c]);
  for (guint s = 0; s < 3; s++)
    {
      GadChartSeries *series = gad_chart_data_add_series (d, names[s]);
      for (guint c = 0; c < G_N_ELEMENTS (names); c++)
        gad_chart_series_set (series, c, 1234567 * (c + 1) * (s + 1));
    }
  l = render_checked (d, 420, 380);
  g_assert_cmpuint (l->hits->len, ==, 12);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/ticks", test_ticks);
  g_test_add_func ("/chart/kinds", test_kinds);
  g_test_add_func ("/chart/empty-and-one", test_empty_and_one);
  g_test_add_func ("/chart/negative-and-zero", test_negative_and_zero);
  g_test_add_func ("/chart/long-labels", test_long_labels);
  return g_test_run ();
}
