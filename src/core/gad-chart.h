/* gad-chart.h — charts drawn with cairo: data, layout, and one render function a kind
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GAD_CHART_GROUPED_BARS,
  GAD_CHART_STACKED_BARS,
  GAD_CHART_LINES,
  GAD_CHART_DONUT,
} GadChartKind;

typedef struct
{
  char *name;
  char *key;               /* what the records call it ("male", "gmi", …), or NULL */
  GArray *values;          /* double, one a category */
} GadChartSeries;

typedef struct
{
  GadChartKind kind;
  char *title;
  gboolean money;          /* values are cents, shown as euro */
  const char *language;    /* "lv", "en" for documents; NULL: the UI's */
  GPtrArray *categories;   /* char *: years, parishes, … */
  GPtrArray *category_keys; /* char *: what the records call each category */
  GPtrArray *series;       /* GadChartSeries */
} GadChartData;

typedef struct
{
  double x, y, width, height;
} GadRect;

typedef struct
{
  GadRect rect;            /* a bar, or a slice's bounding box */
  double angle_from;       /* donut slices only */
  double angle_to;
  guint series;
  guint category;
  double value;
} GadChartHit;

typedef struct
{
  GadRect plot;
  GArray *texts;           /* GadRect of every piece of text drawn */
  GArray *hits;            /* GadChartHit */
  double cx, cy, inner, outer; /* donut geometry */
} GadChartLayout;

GadChartData   *gad_chart_data_new      (GadChartKind         kind,
                                         const char          *title,
                                         gboolean             money);
void            gad_chart_data_free     (GadChartData        *data);
GadChartSeries *gad_chart_data_add_series (GadChartData      *data,
                                         const char          *name);
void            gad_chart_data_add_category (GadChartData    *data,
                                         const char          *name);
void            gad_chart_data_add_keyed_category (GadChartData *data,
                                         const char          *name,
                                         const char          *key);
const char     *gad_chart_data_category_key (const GadChartData *data,
                                         guint                category);
void            gad_chart_data_limit_series (GadChartData    *data,
                                         guint                max_series,
                                         const char          *other_name);
void            gad_chart_series_set    (GadChartSeries      *series,
                                         guint                category,
                                         double               value);

GadChartLayout *gad_chart_layout_new    (void);
void            gad_chart_layout_free   (GadChartLayout      *layout);

void            gad_chart_render        (cairo_t             *cr,
                                         const GadChartData  *data,
                                         double               width,
                                         double               height,
                                         GadChartLayout      *layout);
void            gad_bar_chart_render    (cairo_t             *cr,
                                         const GadChartData  *data,
                                         double               width,
                                         double               height,
                                         GadChartLayout      *layout);
void            gad_line_chart_render   (cairo_t             *cr,
                                         const GadChartData  *data,
                                         double               width,
                                         double               height,
                                         GadChartLayout      *layout);
void            gad_donut_chart_render  (cairo_t             *cr,
                                         const GadChartData  *data,
                                         double               width,
                                         double               height,
                                         GadChartLayout      *layout);

gboolean        gad_chart_nice_ticks    (double               low,
                                         double               high,
                                         int                  max_ticks,
                                         double              *first,
                                         double              *step,
                                         int                 *n_ticks);
char           *gad_chart_format_value  (const GadChartData  *data,
                                         double               value);
gboolean        gad_chart_export        (const GadChartData  *data,
                                         const char          *path,
                                         double               width,
                                         double               height,
                                         GError             **error);
const GadChartHit *gad_chart_hit_test   (const GadChartLayout *layout,
                                         double               x,
                                         double               y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadChartData, gad_chart_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadChartLayout, gad_chart_layout_free)

void gad_chart_set_ink (cairo_t *cr,
                        double   red,
                        double   green,
                        double   blue);

G_END_DECLS
