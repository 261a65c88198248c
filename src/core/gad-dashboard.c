/* gad-dashboard.c — the dashboard's charts, built from the stats, for screen, report and CLI
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-dashboard"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-catalog.h"
#include "gad-dashboard.h"
#include "gad-text.h"

G_DEFINE_QUARK (gad-dashboard-error-quark, gad_dashboard_error)

static const char *kinds[] = { "recipients-per-year", "recipients-by-benefit",
                               "recipients-by-parish", "recipients-by-target-group",
                               "budget-split", "spending-by-benefit", "caseload", NULL };

const char * const *
gad_dashboard_kinds (void)
{
  return kinds;
}

/**
 * gad_dashboard_chart_by_year:
 * @names: (nullable): display names of the stats' categories
 *
 * Years as categories, one series a category of the stats, values in place.
 */
GadChartData *
gad_dashboard_chart_by_year (GPtrArray    *stats,
         GadChartKind  kind,
         const char   *title,
         gboolean      money,
         int           from,
         int           to,
         GHashTable   *names)
{
  GadChartData *d = gad_chart_data_new (kind, title, money);
  g_autoptr(GHashTable) series = g_hash_table_new (g_str_hash, g_str_equal);

  for (int y = from; y <= to; y++)
    {
      g_autofree char *year = g_strdup_printf ("%d", y);
      gad_chart_data_add_category (d, year);
    }
  for (guint i = 0; i < stats->len; i++)
    {
      GadStat *s = g_ptr_array_index (stats, i);
      GadChartSeries *target = g_hash_table_lookup (series, s->category);

      if (target == NULL)
        {
          const char *name = names ? g_hash_table_lookup (names, s->category) : NULL;
          target = gad_chart_data_add_series (d, name ? name : s->category);
          target->key = g_strdup (s->category);
          g_hash_table_insert (series, s->category, target);
        }
      gad_chart_series_set (target, s->year - from, s->value);
    }
  return d;
}

static GHashTable *
category_names (GadStore *store)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) types = gad_store_list_types (store);

  g_hash_table_insert (names, g_strdup ("male"), g_strdup (_("Men")));
  g_hash_table_insert (names, g_strdup ("female"), g_strdup (_("Women")));
  g_hash_table_insert (names, g_strdup ("municipal"), g_strdup (_("Municipal budget")));
  g_hash_table_insert (names, g_strdup ("state"), g_strdup (_("State budget")));
  g_hash_table_insert (names, g_strdup ("project"), g_strdup (_("Projects")));
  g_hash_table_insert (names, g_strdup ("client_payments"), g_strdup (_("Client payments")));
  for (guint i = 0; i < types->len; i++)
    {
      GadTypeEntry *t = g_ptr_array_index (types, i);
      g_hash_table_insert (names, g_strdup (t->code),
                           g_strdup (gad_text_ui_is_latvian () ? t->name_lv : t->name_en));
    }
  {
    guint n;
    const GadCatalogEntry *groups = gad_catalog_entries (GAD_CATALOG_TARGET_GROUP, &n);
    for (guint i = 0; i < n; i++)
      g_hash_table_insert (names, g_strdup (groups[i].code), g_strdup (_(groups[i].name)));
  }
  return names;
}

/* Funding by source in the years of @stats from @from to @to: one year is
 * a donut, its sources the slices; more are stacked bars. */
static GadChartData *
funding_chart (GPtrArray  *stats,
               GHashTable *names,
               int         from,
               int         to)
{
  g_autofree char *title = NULL;
  GadChartData *d;
  GadChartSeries *series;
  guint n = 0;

  if (from < to)
    return gad_dashboard_chart_by_year (stats, GAD_CHART_STACKED_BARS, _("Funding by source"),
                                        TRUE, from, to, names);
  title = g_strdup_printf (_("Funding by source, %d"), from);
  d = gad_chart_data_new (GAD_CHART_DONUT, title, TRUE);
  series = gad_chart_data_add_series (d, title);
  for (guint i = 0; i < stats->len; i++)
    {
      GadStat *s = g_ptr_array_index (stats, i);
      const char *name = g_hash_table_lookup (names, s->category);

      if (s->year != from)
        continue;
      gad_chart_data_add_keyed_category (d, name ? name : s->category, s->category);
      gad_chart_series_set (series, n++, s->value);
    }
  return d;
}

/* A chart with the categories' display names, read once for a whole refresh:
 * on a server far away each reading is a round trip. */
static GadChartData *
chart (GadStore             *store,
       GHashTable           *names,
       const char           *kind,
       int                   from,
       int                   to,
       const char           *service,
       const GadStatsFilter *filter,
       GError              **error)
{
  g_autoptr(GPtrArray) stats = NULL;

  if (g_strcmp0 (kind, "recipients-per-year") == 0)
    {
      const char *code = service && *service ? service : "home-care";
      g_autofree char *name = NULL;
      g_autofree char *title = NULL;

      stats = gad_stats_query_service (store, code, from, to, filter, error);
      if (stats == NULL)
        return NULL;
      name = g_strdup (g_hash_table_lookup (names, code) ? g_hash_table_lookup (names, code)
                                                         : code);
      /* TRANSLATORS: a chart title: recipients of a service, by year */
      title = g_strdup_printf (_("Recipients per year: %s"), name);
      return gad_dashboard_chart_by_year (stats, GAD_CHART_GROUPED_BARS, title, FALSE, from, to, names);
    }
  {
    static const struct { const char *kind; const char *table; const char *title; } breakdowns[] = {
      { "recipients-by-benefit", "recipients_by_benefit", N_("Benefit recipients by benefit") },
      { "recipients-by-parish", "recipients_by_parish", N_("Benefit recipients by parish") },
      { "recipients-by-target-group", "recipients_by_target_group",
        N_("Clients with a case by target group") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (breakdowns); i++)
      if (g_strcmp0 (kind, breakdowns[i].kind) == 0)
        {
          stats = gad_stats_query_filtered (store, breakdowns[i].table, from, to, filter, error);
          if (stats == NULL)
            return NULL;
          {
            GadChartData *d = gad_dashboard_chart_by_year (stats, GAD_CHART_STACKED_BARS,
                                                           _(breakdowns[i].title), FALSE, from,
                                                           to, names);
            gad_chart_data_limit_series (d, 8, _("Other"));
            return d;
          }
        }
  }
  if (g_strcmp0 (kind, "budget-split") == 0)
    {
      stats = gad_stats_query (store, "funding_eur", from, to, error);
      return stats ? funding_chart (stats, names, from, to) : NULL;
    }
  if (g_strcmp0 (kind, "spending-by-benefit") == 0)
    {
      stats = gad_stats_query_filtered (store, "spending_by_benefit", from, to, filter, error);
      if (stats == NULL)
        return NULL;
      {
        GadChartData *d = gad_dashboard_chart_by_year (stats, GAD_CHART_STACKED_BARS,
                                                       _("Social assistance paid by benefit"),
                                                       TRUE, from, to, names);
        gad_chart_data_limit_series (d, 8, _("Other"));
        return d;
      }
    }
  if (g_strcmp0 (kind, "caseload") == 0)
    {
      g_autofree char *title = g_strdup_printf (_("Open cases per social worker, end of %d"), to);
      GadChartData *d;
      GadChartSeries *series;

      stats = gad_stats_query_filtered (store, "caseload", to, to, filter, error);
      if (stats == NULL)
        return NULL;
      d = gad_chart_data_new (GAD_CHART_GROUPED_BARS, title, FALSE);
      series = gad_chart_data_add_series (d, _("Open cases"));
      for (guint i = 0; i < stats->len; i++)
        {
          GadStat *s = g_ptr_array_index (stats, i);
          gad_chart_data_add_category (d, s->category);
          gad_chart_series_set (series, i, s->value);
        }
      return d;
    }
  g_set_error (error, GAD_DASHBOARD_ERROR, GAD_DASHBOARD_ERROR_UNKNOWN_KIND,
               _("There is no chart “%s”: choose recipients-per-year, recipients-by-benefit, "
                 "recipients-by-parish, recipients-by-target-group, budget-split, "
                 "spending-by-benefit or caseload."), kind);
  return NULL;
}

/**
 * gad_dashboard_chart:
 * @kind: one of gad_dashboard_kinds()
 * @service: for "recipients-per-year", the service (default home care)
 * @filter: (nullable): a parish and a department; funding is of the whole service
 *
 * Returns: (transfer full): the chart's data, titled in the UI's language
 */
GadChartData *
gad_dashboard_chart (GadStore             *store,
                     const char           *kind,
                     int                   from,
                     int                   to,
                     const char           *service,
                     const GadStatsFilter *filter,
                     GError              **error)
{
  g_autoptr(GHashTable) names = category_names (store);

  return chart (store, names, kind, from, to, service, filter, error);
}

void
gad_dashboard_free (GadDashboard *d)
{
  if (d == NULL)
    return;
  for (guint i = 0; i < GAD_DASHBOARD_N_CHARTS; i++)
    g_clear_pointer (&d->charts[i], gad_chart_data_free);
  g_free (d);
}

/**
 * gad_dashboard_refresh:
 * @today: ISO date the headline figures are for
 *
 * The headline figures and every chart of the view for the years; run it in a
 * thread with a connection of its own.
 */
GadDashboard *
gad_dashboard_refresh (GadStore             *store,
                       int                   from,
                       int                   to,
                       const char           *today,
                       const char           *service,
                       const GadStatsFilter *filter,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr(GadDashboard) d = g_new0 (GadDashboard, 1);
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GPtrArray) funding = NULL;
  const char *charts[GAD_DASHBOARD_N_CHARTS] = {
    [GAD_DASHBOARD_RECIPIENTS] = "recipients-per-year",
    [GAD_DASHBOARD_SPENDING] = "spending-by-benefit",
    [GAD_DASHBOARD_CASELOAD] = "caseload",
    [GAD_DASHBOARD_BY_BENEFIT] = "recipients-by-benefit",
    [GAD_DASHBOARD_BY_PARISH] = "recipients-by-parish",
    [GAD_DASHBOARD_BY_GROUP] = "recipients-by-target-group",
  };

  if (!gad_stats_headline (store, today, &d->headline, error))
    return NULL;
  names = category_names (store);
  /* The last year's funding is read with the years'. */
  funding = gad_stats_query (store, "funding_eur", from, MAX (from, to), error);
  if (funding == NULL)
    return NULL;
  d->charts[GAD_DASHBOARD_BUDGET_YEAR] = funding_chart (funding, names, MAX (from, to),
                                                        MAX (from, to));
  d->charts[GAD_DASHBOARD_BUDGET_YEARS] = funding_chart (funding, names, from, MAX (from, to));
  for (guint i = 0; i < GAD_DASHBOARD_N_CHARTS; i++)
    {
      if (d->charts[i] != NULL)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      d->charts[i] = chart (store, names, charts[i], from, MAX (from, to), service, filter, error);
      if (d->charts[i] == NULL)
        return NULL;
    }
  return g_steal_pointer (&d);
}
