/* gad-dashboard-view.c — the department head's figures and charts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures and charts are computed in a thread with its own database
 * connection; a change of the filters cancels what is under way, so the
 * window never waits and never shows an older answer over a newer one.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-chart-view.h"
#include "gad-dashboard-view.h"
#include "gad-strategy-card.h"
#include "gad-dashboard.h"
#include "gad-drill-window.h"

#include <stdlib.h>
#include "gad-pdf-window.h"
#include "gad-report.h"
#include "gad-app-util.h"
#include "gad-records.h"
#include "gad-text.h"

#define N_CHARTS GAD_DASHBOARD_N_CHARTS
enum { FIGURE_CLIENTS, FIGURE_DECISIONS, FIGURE_PAID, FIGURE_CASELOAD, FIGURE_WORKERS,
       FIGURE_REMOTE, N_FIGURES };

struct _GadDashboardView
{
  AdwBin parent_instance;

  GadContext *context;
  GCancellable *cancellable;
  GCancellable *month_reading;   /* a month's figures, while read */
  gboolean loaded;
  gboolean stale;          /* data changed while the view was hidden */
  GtkWidget *charts[N_CHARTS];
  GtkLabel *values[N_FIGURES];
  GtkLabel *notes[N_FIGURES];

  GtkFileChooserNative *chooser;
  AdwEntryRow *month_row;
  GtkLabel *ministry_values[5];
  GtkDropDown *service_dropdown;
  GtkDropDown *parish_dropdown;
  GtkDropDown *department_dropdown;
  GArray *parish_ids;      /* gint64, 0 first for every parish */
  GPtrArray *departments;  /* char *, NULL first for every department */
  GPtrArray *services;     /* GadTypeEntry: the services the dropdown lists */
  GtkSpinButton *from_spin;
  GtkSpinButton *to_spin;
  GtkFlowBox *figures_box;
  GtkFlowBox *charts_box;
  GtkLabel *error_label;
  GtkBox *ministry_box;
  GtkButton *report_button;
};

G_DEFINE_FINAL_TYPE (GadDashboardView, gad_dashboard_view, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

typedef struct
{
  char *today;
  char *service;
  char *department;
  gint64 territory_id;
  int from;
  int to;
} Query;


static void
query_free (Query *q)
{
  g_free (q->today);
  g_free (q->service);
  g_free (q->department);
  g_free (q);
}


/* On the worker's connection, which stays open: its plans are made once. */
static gpointer
compute (GadStore      *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Query *q = data;
  GadStatsFilter filter = { q->territory_id, q->department };

  return gad_dashboard_refresh (store, q->from, q->to, q->today, q->service, &filter,
                                cancellable, error);
}

static void
set_figure (GadDashboardView *self,
            guint             figure,
            const char       *value,
            const char       *note,
            gboolean          warn)
{
  gtk_label_set_label (self->values[figure], value);
  gtk_label_set_label (self->notes[figure], note ? note : "");
  if (warn)
    gtk_widget_add_css_class (GTK_WIDGET (self->values[figure]), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->values[figure]), "warning");
}

static void
show_answer (GadDashboardView *self,
             GadDashboard     *a)
{
  GadHeadline *h = &a->headline;
  double per_worker = h->social_workers ? (double) h->open_cases / h->social_workers : 0;
  double per_1000 = h->inhabitants ? 1000.0 * h->social_workers / h->inhabitants : 0;
  g_autofree char *clients = gad_text_format_number (h->clients_with_open_case);
  g_autofree char *decisions = gad_text_format_number (h->decisions_this_month);
  g_autofree char *paid = gad_text_format_euros (h->paid_this_year_cents);
  g_autofree char *budget = gad_text_format_euros (h->budget_this_year_cents);
  g_autofree char *budget_note = NULL;
  g_autofree char *caseload = gad_text_format_decimal (per_worker, 1);
  g_autofree char *workers = gad_text_format_decimal (per_1000, 2);

  /* TRANSLATORS: social assistance paid against the year's budget */
  budget_note = g_strdup_printf (_("of %s planned for the year (%.0f %%)"), budget,
                                 h->budget_this_year_cents
                                   ? 100.0 * h->paid_this_year_cents / h->budget_this_year_cents
                                   : 0);
  set_figure (self, FIGURE_CLIENTS, clients, NULL, FALSE);
  set_figure (self, FIGURE_DECISIONS, decisions, NULL, FALSE);
  set_figure (self, FIGURE_PAID, paid, budget_note, FALSE);
  set_figure (self, FIGURE_CASELOAD, caseload, _("indicator: 20–22 active cases"),
              per_worker > 22);
  if (h->inhabitants)
    set_figure (self, FIGURE_WORKERS, workers, _("required by law: 1"), per_1000 < 1);
  else
    set_figure (self, FIGURE_WORKERS, "—",
                _("enter the municipality’s inhabitants in Preferences"), FALSE);

  {
    g_autofree char *registered = gad_text_format_number (h->remote_registered);
    g_autofree char *overdue = gad_text_format_number (h->remote_overdue);
    g_autofree char *home_care = gad_text_format_number (h->remote_home_care);
    g_autofree char *overdue_text = NULL, *home_care_text = NULL, *note = NULL;

    /* TRANSLATORS: on the dashboard, persons on the remote farmsteads' register whose
     * visit is overdue */
    overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s overdue", "%s overdue",
                                                 h->remote_overdue), overdue);
    /* TRANSLATORS: … and those a visit found in need of home care */
    home_care_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s needs home care",
                                                   "%s need home care", h->remote_home_care),
                                      home_care);
    /* TRANSLATORS: the two notes above, one after the other */
    note = g_strdup_printf (_("%s, %s"), overdue_text, home_care_text);

    set_figure (self, FIGURE_REMOTE, registered, note,
                h->remote_overdue > 0 || h->remote_home_care > 0);
  }
  for (guint i = 0; i < N_CHARTS; i++)
    gad_chart_view_set_data (GAD_CHART_VIEW (self->charts[i]), g_steal_pointer (&a->charts[i]));
}

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GadDashboardView) self = user_data;
  g_autoptr(GError) error = NULL;
  GadDashboard *a = gad_worker_run_finish (result, &error);

  if (a == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_label (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  show_answer (self, a);
  gad_dashboard_free (a);
  self->loaded = TRUE;
}

static const char *
selected_service (GadDashboardView *self)
{
  guint i = gtk_drop_down_get_selected (self->service_dropdown);

  if (self->services == NULL || i >= self->services->len)
    return "home-care";
  return ((GadTypeEntry *) g_ptr_array_index (self->services, i))->code;
}

static GadStatsFilter
current_filter (GadDashboardView *self)
{
  GadStatsFilter filter = { 0, NULL };
  guint parish = gtk_drop_down_get_selected (self->parish_dropdown);
  guint department = gtk_drop_down_get_selected (self->department_dropdown);

  if (self->parish_ids && parish < self->parish_ids->len)
    filter.territory_id = g_array_index (self->parish_ids, gint64, parish);
  if (self->departments && department < self->departments->len)
    filter.department = g_ptr_array_index (self->departments, department);
  return filter;
}

static void
refresh (GadDashboardView *self)
{
  Query *q;

  if (self->context == NULL
      || !gad_store_can (gad_context_get_store (self->context), GAD_RIGHT_DASHBOARDS, 0))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  q = g_new0 (Query, 1);
  q->today = gad_text_today_iso ();
  q->service = g_strdup (selected_service (self));
  {
    GadStatsFilter filter = current_filter (self);
    q->territory_id = filter.territory_id;
    q->department = g_strdup (filter.department);
  }
  q->from = gtk_spin_button_get_value_as_int (self->from_spin);
  q->to = MAX (q->from, gtk_spin_button_get_value_as_int (self->to_spin));
  gad_worker_run (gad_context_get_worker (self->context), compute, q, (GDestroyNotify) query_free,
                  (GDestroyNotify) gad_dashboard_free, self->cancellable, on_computed,
                  g_object_ref (self));
}

static void
on_years_changed (GadDashboardView *self)
{
  refresh (self);
}

static GtkWidget *
figure_card (GadDashboardView *self,
             guint             figure,
             const char       *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *value = gtk_label_new ("—");
  GtkWidget *title = gtk_label_new (caption);
  GtkWidget *note = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_size_request (box, 180, -1);
  g_object_set (box, "margin-top", 0, NULL);
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_add_css_class (note, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_label_set_justify (GTK_LABEL (note), GTK_JUSTIFY_CENTER);
  for (GtkWidget *w = value; w; w = w == value ? title : w == title ? note : NULL)
    {
      gtk_widget_set_margin_start (w, 12);
      gtk_widget_set_margin_end (w, 12);
      gtk_box_append (GTK_BOX (box), w);
    }
  gtk_widget_set_margin_top (value, 12);
  gtk_widget_set_margin_bottom (note, 12);
  self->values[figure] = GTK_LABEL (value);
  self->notes[figure] = GTK_LABEL (note);
  return box;
}

static void
show_error (GadDashboardView *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* The records behind a bar, read on the worker's thread. */
typedef struct
{
  GadDashboardView *self;
  const char *kind;
  int year;
  char *key;
  char *service;
  gint64 territory_id;
  char *department;
  char *title;
} Drill;

static void
drill_free (Drill *d)
{
  g_object_unref (d->self);
  g_free (d->key);
  g_free (d->service);
  g_free (d->department);
  g_free (d->title);
  g_free (d);
}

static gpointer
read_drill (GadStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Drill *d = data;
  GadStatsFilter filter = { d->territory_id, d->department };

  return gad_stats_drill (store, d->kind, d->year, d->key, d->service, &filter, error);
}

static void
on_drill_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Drill *d = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = gad_worker_run_finish (result, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (d->self));

  if (rows == NULL)
    show_error (d->self, error->message);
  else
    gtk_window_present (GTK_WINDOW (gad_drill_window_new (root ? GTK_WINDOW (root) : NULL,
                                                          d->title, rows)));
  drill_free (d);
}

/* A click on a bar or slice opens the persons (and payments) behind it. */
static void
on_chart_activated (GadChartView     *view,
                    guint             series,
                    guint             category,
                    GadDashboardView *self)
{
  static const char *kinds[GAD_DASHBOARD_N_CHARTS] = {
    [GAD_DASHBOARD_RECIPIENTS] = "recipients-per-year",
    [GAD_DASHBOARD_BUDGET_YEAR] = "budget-split",
    [GAD_DASHBOARD_BUDGET_YEARS] = "budget-split",
    [GAD_DASHBOARD_SPENDING] = "spending-by-benefit",
    [GAD_DASHBOARD_CASELOAD] = "caseload",
    [GAD_DASHBOARD_BY_BENEFIT] = "recipients-by-benefit",
    [GAD_DASHBOARD_BY_PARISH] = "recipients-by-parish",
    [GAD_DASHBOARD_BY_GROUP] = "recipients-by-target-group",
  };
  GadChartData *data = gad_chart_view_get_data (view);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view), "index"));
  int to = MAX (gtk_spin_button_get_value_as_int (self->from_spin),
                gtk_spin_button_get_value_as_int (self->to_spin));
  gboolean by_year = index != GAD_DASHBOARD_BUDGET_YEAR && index != GAD_DASHBOARD_CASELOAD;
  GadChartSeries *s = series < data->series->len ? g_ptr_array_index (data->series, series) : NULL;
  const char *key = by_year ? (s ? s->key : NULL) : gad_chart_data_category_key (data, category);
  int year = by_year ? atoi (gad_chart_data_category_key (data, category)) : to;
  Drill *d;

  if (key == NULL)
    return;
  d = g_new0 (Drill, 1);
  d->self = g_object_ref (self);
  d->kind = kinds[index];
  d->year = year;
  d->key = g_strdup (key);
  d->service = g_strdup (selected_service (self));
  {
    GadStatsFilter filter = current_filter (self);

    d->territory_id = filter.territory_id;
    d->department = g_strdup (filter.department);
  }
  /* TRANSLATORS: the records behind a bar: series or category, year */
  d->title = g_strdup_printf (_("%s, %d"), by_year && s ? s->name
                                           : (char *) g_ptr_array_index (data->categories,
                                                                         category),
                              year);
  gad_worker_run (gad_context_get_worker (self->context), read_drill, d, NULL,
                  (GDestroyNotify) g_ptr_array_unref, NULL, on_drill_read, d);
}

static GtkFileChooserNative *
chooser (GadDashboardView    *self,
         const char          *title,
         GtkFileChooserAction action)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title,
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               action, _("_Save"), _("_Cancel"));
  return self->chooser;
}

static void
on_chart_file (GtkNativeDialog  *dialog,
               int               response,
               GadDashboardView *self)
{
  GadChartView *view = g_object_get_data (G_OBJECT (dialog), "chart");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  if (!gad_chart_export (gad_chart_view_get_data (view), path, 900, 560, &error))
    show_error (self, error->message);
}

/* Save a chart as PNG, SVG or PDF, chosen by the file's name. */
static void
on_save_chart (GtkButton        *button,
               GadDashboardView *self)
{
  GadChartView *view = g_object_get_data (G_OBJECT (button), "chart");
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (gad_chart_view_get_data (view) == NULL)
    return;
  dialog = chooser (self, _("Save the Chart"), GTK_FILE_CHOOSER_ACTION_SAVE);
  gtk_file_filter_set_name (filter, _("PNG, SVG or PDF"));
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("chart.png"));
  g_object_set_data (G_OBJECT (dialog), "chart", view);
  g_signal_connect (dialog, "response", G_CALLBACK (on_chart_file), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

typedef struct
{
  char *dir;
  int from;
  int to;
} Tables;

static void
tables_free (Tables *t)
{
  g_free (t->dir);
  g_free (t);
}

/* Every table read and written on the worker's thread. */
static gpointer
write_tables (GadStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Tables *t = data;
  guint n;
  const GadStatTable *tables = gad_stats_tables (&n);

  g_autoptr(GPtrArray) types = gad_store_list_types (store);

  for (guint i = 0; i < n; i++)
    {
      gboolean per_service = g_str_equal (tables[i].name, "service_recipients");

      /* A table of one service's recipients is written for each service. */
      for (guint k = 0; k < (per_service ? types->len : 1); k++)
        {
          GadTypeEntry *type = per_service ? g_ptr_array_index (types, k) : NULL;
          GadStatsFilter filter = { .service = type ? type->code : NULL };
          g_autoptr(GPtrArray) rows = NULL;
          g_autofree char *name = NULL;
          g_autofree char *path = NULL;
          g_autofree char *csv = NULL;

          if (per_service && !type->is_service)
            continue;
          rows = gad_stats_query_filtered (store, tables[i].name, t->from, t->to, &filter, error);
          name = type ? g_strdup_printf ("%s_%s_%d-%d.csv", tables[i].name, type->code, t->from,
                                         t->to)
                      : g_strdup_printf ("%s_%d-%d.csv", tables[i].name, t->from, t->to);
          path = g_build_filename (t->dir, name, NULL);
          csv = rows ? gad_stats_to_spreadsheet_csv (&tables[i], rows) : NULL;
          if (csv == NULL || !g_file_set_contents (path, csv, -1, error))
            return NULL;
        }
    }
  return GINT_TO_POINTER (TRUE);
}

static void
on_file_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GadDashboardView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gad_worker_run_finish (result, &error))
    show_error (self, error->message);
}

static void
on_tables_folder (GtkNativeDialog  *dialog,
                  int               response,
                  GadDashboardView *self)
{
  g_autoptr(GFile) folder = NULL;
  Tables *t;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  t = g_new0 (Tables, 1);
  t->dir = g_file_get_path (folder);
  t->from = gtk_spin_button_get_value_as_int (self->from_spin);
  t->to = MAX (t->from, gtk_spin_button_get_value_as_int (self->to_spin));
  gad_worker_run (gad_context_get_worker (self->context), write_tables, t,
                  (GDestroyNotify) tables_free, NULL, NULL, on_file_written, g_object_ref (self));
}

/* Every table for the years, one CSV file each, for a Latvian spreadsheet. */
static void
on_export_tables (GadDashboardView *self)
{
  GtkFileChooserNative *dialog = chooser (self, _("Export the Tables to a Folder"),
                                          GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);

  g_signal_connect (dialog, "response", G_CALLBACK (on_tables_folder), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A month's figures for the ministry, read on the worker's thread; with
 * @file, written there as CSV too. */
typedef struct
{
  char *month;
  GFile *file;
  GadMinistryMonth figures;
} Ministry;

static void
ministry_free (Ministry *m)
{
  g_free (m->month);
  g_clear_object (&m->file);
  g_free (m);
}

static gpointer
read_ministry (GadStore      *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Ministry *m = data;
  g_autofree char *csv = NULL;

  if (!gad_stats_ministry (store, m->month, &m->figures, error))
    return NULL;
  if (m->file)
    {
      csv = gad_stats_ministry_csv (m->month, &m->figures);
      if (!g_file_replace_contents (m->file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, cancellable, error))
        return NULL;
    }
  return g_memdup2 (&m->figures, sizeof m->figures);
}

static void
on_ministry_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GadDashboardView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree GadMinistryMonth *f = gad_worker_run_finish (result, &error);
  gint64 money[4];

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gad_row_set_error (self->month_row, f == NULL);
  if (f == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->ministry_values); i++)
        gtk_label_set_label (self->ministry_values[i], "—");
      return;
    }
  {
    g_autofree char *persons = gad_text_format_number (f->needy_persons);
    gtk_label_set_label (self->ministry_values[0], persons);
  }
  money[0] = f->gmi_cents;
  money[1] = f->housing_cents;
  money[2] = f->health_cents;
  money[3] = f->other_cents;
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *text = gad_text_format_money (money[i]);
      gtk_label_set_label (self->ministry_values[i + 1], text);
    }
}

static void
on_month_changed (GadDashboardView *self)
{
  Ministry *m;

  if (self->context == NULL)
    return;
  m = g_new0 (Ministry, 1);
  m->month = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->month_row)));
  g_cancellable_cancel (self->month_reading);
  g_set_object (&self->month_reading, g_cancellable_new ());
  gad_worker_run (gad_context_get_worker (self->context), read_ministry, m,
                  (GDestroyNotify) ministry_free, g_free, self->month_reading, on_ministry_read,
                  g_object_ref (self));
}

static void
on_ministry_written (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GadDashboardView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree GadMinistryMonth *f = gad_worker_run_finish (result, &error);

  if (f == NULL)
    show_error (self, error->message);
}

static void
on_ministry_file (GtkNativeDialog  *dialog,
                  int               response,
                  GadDashboardView *self)
{
  Ministry *m;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  m = g_new0 (Ministry, 1);
  m->month = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->month_row)));
  m->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gad_worker_run (gad_context_get_worker (self->context), read_ministry, m,
                  (GDestroyNotify) ministry_free, g_free, NULL, on_ministry_written,
                  g_object_ref (self));
}

static void
on_export_ministry (GadDashboardView *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = g_strdup_printf ("ministry_%s.csv",
                                           gtk_editable_get_text (GTK_EDITABLE (self->month_row)));

  dialog = chooser (self, _("Export the Monthly Figures"), GTK_FILE_CHOOSER_ACTION_SAVE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_ministry_file), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
build_ministry (GadDashboardView *self)
{
  const char *titles[] = { _("Persons in needy households"), _("GMI benefits paid"),
                           _("Housing benefits paid"), _("Health care benefits paid"),
                           _("Other municipal benefits paid") };
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("E_xport CSV…"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) previous = g_date_time_add_months (now, -1);
  g_autofree char *month = g_date_time_format (previous, "%Y-%m");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   _("Monthly Figures for the Ministry of Welfare"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Filed by the 15th of the next month."));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_export_ministry), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

  self->month_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->month_row), _("Month (YYYY-MM)"));
  gtk_editable_set_text (GTK_EDITABLE (self->month_row), month);
  g_signal_connect_swapped (self->month_row, "changed", G_CALLBACK (on_month_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->month_row));
  for (guint i = 0; i < G_N_ELEMENTS (self->ministry_values); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new ("—");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->ministry_values[i] = GTK_LABEL (value);
    }
  gtk_box_append (self->ministry_box, group);
}

typedef struct
{
  GadStoreIdentity *who;   /* the thread connects as them */
  int year;
  char *lang;
} ReportQuery;

static void
report_query_free (ReportQuery *q)
{
  gad_store_identity_free (q->who);
  g_free (q->lang);
  g_free (q);
}

static void
render_report (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ReportQuery *q = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) store = gad_store_open_as (q->who, &error);
  GBytes *pdf = store ? gad_report_render (store, q->year, q->lang, NULL, &error) : NULL;

  if (pdf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

static void
on_report_rendered (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GadDashboardView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_task_propagate_pointer (G_TASK (result), &error);
  ReportQuery *q = g_task_get_task_data (G_TASK (result));
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->report_button), TRUE);
  if (pdf == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* TRANSLATORS: the window title of the yearly report */
  title = g_strdup_printf (_("Progress Report %d"), q->year);
  name = g_strdup_printf (_("progress-report-%d"), q->year);
  gtk_window_present (GTK_WINDOW (gad_pdf_window_new (GTK_WINDOW (gtk_widget_get_root (
                                                        GTK_WIDGET (self))),
                                                      title, NULL, pdf, name)));
}

/* The council's report for the last year chosen, in the UI's language, rendered in a thread. */
static void
on_report (GadDashboardView *self)
{
  g_autoptr(GTask) task = NULL;
  ReportQuery *q = g_new0 (ReportQuery, 1);

  q->who = gad_store_get_identity (gad_context_get_store (self->context));
  q->year = gtk_spin_button_get_value_as_int (self->to_spin);
  q->lang = g_strdup (gad_text_ui_is_latvian () ? "lv" : "en");
  gtk_widget_set_sensitive (GTK_WIDGET (self->report_button), FALSE);
  task = g_task_new (self, NULL, on_report_rendered, g_object_ref (self));
  g_task_set_task_data (task, q, (GDestroyNotify) report_query_free);
  g_task_run_in_thread (task, render_report);
}

/* A write anywhere: count again now if the view is on screen, else when it
 * next is. */
static void
on_data_changed (GadDashboardView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      refresh (self);
      on_month_changed (self);
    }
  else
    self->stale = TRUE;
}

static void
set_context (GadDashboardView *self,
             GadContext       *context)
{
  if (context == NULL || self->context == context)
    return;
  g_return_if_fail (self->context == NULL);
  self->context = g_object_ref (context);
  /* The strategy at a glance, read on its own. */
  if (gad_store_can (gad_context_get_store (context), GAD_RIGHT_DASHBOARDS, 0))
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->figures_box))),
                                gad_strategy_card_new (context), GTK_WIDGET (self->figures_box));
  /* The services, for the recipients chart; home care first, as most asked for. */
  {
    g_autoptr(GPtrArray) types = g_ptr_array_ref (gad_context_get_types (context));
    g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

    self->services = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_type_entry_free);
    for (guint i = 0; i < types->len; i++)
      {
        GadTypeEntry *t = g_ptr_array_index (types, i);
        if (t->is_service)
          {
            g_ptr_array_add (self->services, g_ptr_array_steal_index (types, i--));
            gtk_string_list_append (names, gad_type_display_name (t));
          }
      }
    g_signal_handlers_block_by_func (self->service_dropdown, refresh, self);
    gtk_drop_down_set_model (self->service_dropdown, G_LIST_MODEL (names));
    g_signal_handlers_unblock_by_func (self->service_dropdown, refresh, self);
  }
  /* Parishes and departments to filter by, "all" first. */
  {
    g_autoptr(GPtrArray) territories = g_ptr_array_ref (gad_context_get_territories (context));
    g_autoptr(GtkStringList) parishes = gtk_string_list_new (NULL);
    g_autoptr(GtkStringList) departments = NULL;
    gint64 all = 0;

    self->parish_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    gtk_string_list_append (parishes, _("All parishes"));
    g_array_append_val (self->parish_ids, all);
    for (guint i = 0; i < territories->len; i++)
      {
        GadTerritory *t = g_ptr_array_index (territories, i);
        gtk_string_list_append (parishes, t->name);
        g_array_append_val (self->parish_ids, t->id);
      }
    self->departments = g_ptr_array_new_with_free_func (g_free);
    departments = GTK_STRING_LIST (gad_department_model (self->context, self->departments));
    gtk_string_list_splice (departments, 0, 0, (const char *[]) { _("All departments"), NULL });
    g_ptr_array_insert (self->departments, 0, NULL);
    g_signal_handlers_block_by_func (self->parish_dropdown, refresh, self);
    g_signal_handlers_block_by_func (self->department_dropdown, refresh, self);
    gtk_drop_down_set_model (self->parish_dropdown, G_LIST_MODEL (parishes));
    gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (departments));
    g_signal_handlers_unblock_by_func (self->parish_dropdown, refresh, self);
    g_signal_handlers_unblock_by_func (self->department_dropdown, refresh, self);
  }
  g_signal_connect_object (context, "changed", G_CALLBACK (on_data_changed), self,
                           G_CONNECT_SWAPPED);
  /* The figures are read when the view is first shown, not with the window. */
  self->stale = TRUE;
}

static void
gad_dashboard_view_map (GtkWidget *widget)
{
  GadDashboardView *self = GAD_DASHBOARD_VIEW (widget);

  GTK_WIDGET_CLASS (gad_dashboard_view_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      refresh (self);
      on_month_changed (self);
    }
}

static void
gad_dashboard_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, GAD_DASHBOARD_VIEW (object)->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_dashboard_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (GAD_DASHBOARD_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_dashboard_view_dispose (GObject *object)
{
  GadDashboardView *self = GAD_DASHBOARD_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->month_reading);
  g_clear_object (&self->month_reading);
  g_clear_object (&self->context);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->parish_ids, g_array_unref);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  G_OBJECT_CLASS (gad_dashboard_view_parent_class)->dispose (object);
}

static void
gad_dashboard_view_class_init (GadDashboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gad_dashboard_view_dispose;
  object_class->get_property = gad_dashboard_view_get_property;
  object_class->set_property = gad_dashboard_view_set_property;
  widget_class->map = gad_dashboard_view_map;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, GAD_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-dashboard-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GadDashboardView, from_spin);
  gtk_widget_class_bind_template_child (widget_class, GadDashboardView, to_spin);
  gtk_widget_class_bind_template_child (widget_class, GadDashboardView, figures_box);
  gtk_widget_class_bind_template_child (widget_class, GadDashboardView, charts_box);
  gtk_widget_class_bind_template_child (widget_class, GadDashboardView, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadDashboardView, ministry_box);
  gtk_widget_class_bind_template_callback (widget_class, on_years_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_tables);
  gtk_widget_class_bind_template_callback (widget_class, on_report);
  gtk_widget_class_bind_template_child (widget_class, GadDashboardView, report_button);
  gtk_widget_class_bind_template_child (widget_class, GadDashboardView, service_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GadDashboardView, parish_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GadDashboardView, department_dropdown);
}

static void
gad_dashboard_view_init (GadDashboardView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  const char *captions[N_FIGURES] = {
    _("Clients with an open case"), _("Decisions this month"),
    _("Social assistance paid this year"), _("Open cases per social worker"),
    _("Social workers per 1 000 inhabitants"), _("Lone pensioners on remote farmsteads"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_FIGURES; i++)
    gtk_flow_box_append (self->figures_box, figure_card (self, i, captions[i]));
  for (guint i = 0; i < N_CHARTS; i++)
    {
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Chart…"));

      self->charts[i] = gad_chart_view_new ();
      g_object_set_data (G_OBJECT (self->charts[i]), "index", GUINT_TO_POINTER (i));
      g_signal_connect (self->charts[i], "activated", G_CALLBACK (on_chart_activated), self);
      gtk_widget_set_size_request (self->charts[i], 420, 320);
      gtk_widget_set_vexpand (self->charts[i], TRUE);
      gtk_widget_add_css_class (save, "flat");
      gtk_widget_set_halign (save, GTK_ALIGN_END);
      g_object_set_data (G_OBJECT (save), "chart", self->charts[i]);
      g_signal_connect (save, "clicked", G_CALLBACK (on_save_chart), self);
      gtk_box_append (GTK_BOX (box), self->charts[i]);
      gtk_box_append (GTK_BOX (box), save);
      gtk_frame_set_child (GTK_FRAME (frame), box);
      gtk_widget_add_css_class (frame, "view");
      gtk_flow_box_append (self->charts_box, frame);
    }
  build_ministry (self);
  g_signal_handlers_block_by_func (self->from_spin, on_years_changed, self);
  g_signal_handlers_block_by_func (self->to_spin, on_years_changed, self);
  gtk_spin_button_set_value (self->to_spin, year);
  gtk_spin_button_set_value (self->from_spin, year - 14);
  g_signal_handlers_unblock_by_func (self->from_spin, on_years_changed, self);
  g_signal_handlers_unblock_by_func (self->to_spin, on_years_changed, self);
  g_signal_connect_swapped (self->service_dropdown, "notify::selected", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->parish_dropdown, "notify::selected", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->department_dropdown, "notify::selected", G_CALLBACK (refresh),
                            self);
}

/* Whether the first answer has arrived: UI tests wait for it. */
gboolean
gad_dashboard_view_is_loaded (GadDashboardView *self)
{
  g_return_val_if_fail (GAD_IS_DASHBOARD_VIEW (self), FALSE);
  return self->loaded;
}
