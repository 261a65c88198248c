/* gad-cli-stats.c — gadiba-cli stats
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-cli.h"
#include "gad-dashboard.h"
#include "gad-report.h"
#include "gad-stats.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

int
gad_cli_stats (int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *table = NULL;
  g_autofree char *service = NULL;
  int from = 2012, to = 2014;
  GOptionEntry entries[] = {
    { "table", 0, 0, G_OPTION_ARG_STRING, &table, N_("The table (see --help)"), N_("NAME") },
    { "service", 0, 0, G_OPTION_ARG_STRING, &service,
      N_("The service of service_recipients, such as psychologist"), N_("CODE") },
    { "from", 0, 0, G_OPTION_ARG_INT, &from, N_("First year"), N_("YEAR") },
    { "to", 0, 0, G_OPTION_ARG_INT, &to, N_("Last year"), N_("YEAR") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  const GadStatTable *info;
  guint n;
  const GadStatTable *all = gad_stats_tables (&n);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (names, "\n  %s — %s", all[i].name, _(all[i].title));
  {
    g_autofree char *summary = g_strdup_printf ("%s\n%s",
                                                _("Print a table of yearly figures as CSV: "
                                                  "table,year,category,value. Tables:"),
                                                names->str);
    if (!gad_cli_parse (entries, NULL, summary, &argc, &argv, error))
      return 2;
  }
  if (table == NULL || (info = gad_stats_table (table)) == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Name a table with --table; gadiba-cli stats --help lists them."));
      return 2;
    }
  if ((store = gad_cli_open_store (error)) == NULL
      || (rows = gad_stats_query_filtered (store, table, from, to,
                                           &(GadStatsFilter) { .service = service },
                                           error)) == NULL)
    return 1;
  csv = gad_stats_to_csv (info, rows);
  g_print ("%s", csv);
  return 0;
}

int
gad_cli_chart (int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *service = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  int from = 2012, to = 2014, width = 900, height = 560;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("recipients-per-year, recipients-by-benefit, recipients-by-parish, "
         "recipients-by-target-group, budget-split, spending-by-benefit or caseload"),
      N_("KIND") },
    { "from", 0, 0, G_OPTION_ARG_INT, &from, N_("First year"), N_("YEAR") },
    { "to", 0, 0, G_OPTION_ARG_INT, &to, N_("Last year"), N_("YEAR") },
    { "service", 0, 0, G_OPTION_ARG_STRING, &service,
      N_("The service, for recipients-per-year (default home-care)"), N_("CODE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("png, svg or pdf"), N_("FORMAT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GadChartData) data = NULL;
  g_autofree char *path = NULL;

  if (!gad_cli_parse (entries, NULL, _("Draw a dashboard chart to a file."), &argc, &argv, error))
    return 2;
  if (kind == NULL || out == NULL || format == NULL
      || !(g_str_equal (format, "png") || g_str_equal (format, "svg")
           || g_str_equal (format, "pdf")))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli chart --db FILE --kind KIND --from YEAR --to YEAR "
                     "[--service CODE] --format png|svg|pdf --out FILE"));
      return 2;
    }
  if ((store = gad_cli_open_store (error)) == NULL
      || (data = gad_dashboard_chart (store, kind, from, to, service, NULL, error)) == NULL)
    return 1;
  /* --format decides, whatever the file is called. */
  path = g_str_has_suffix (out, format) ? g_strdup (out) : g_strdup_printf ("%s.%s", out, format);
  if (!gad_chart_export (data, path, width, height, error))
    return 1;
  if (!g_str_equal (path, out) && g_rename (path, out) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”."), out);
      return 1;
    }
  return 0;
}

int
gad_cli_report (int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *lang = NULL;
  g_autofree char *out = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year reported on"), N_("YEAR") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("lv (default) or en"), N_("LANG") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Where to write the PDF"), N_("FILE.pdf") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gsize size;
  gconstpointer data;

  if (!gad_cli_parse (entries, NULL, _("Write the yearly progress report for the council."),
                      &argc, &argv, error))
    return 2;
  if (year == 0 || out == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli report --db FILE --year YEAR [--lang lv|en] --out FILE.pdf"));
      return 2;
    }
  if ((store = gad_cli_open_store (error)) == NULL
      || (pdf = gad_report_render (store, year, lang, NULL, error)) == NULL)
    return 1;
  data = g_bytes_get_data (pdf, &size);
  return g_file_set_contents_full (out, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error)
           ? 0 : 1;
}

int
gad_cli_ministry (int      argc,
                  char   **argv,
                  GError **error)
{
  g_autofree char *month = NULL;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month, YYYY-MM"), N_("MONTH") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autofree char *csv = NULL;
  GadMinistryMonth figures;

  if (!gad_cli_parse (entries, NULL,
                      _("Print a month’s figures for the Ministry of Welfare as spreadsheet CSV."),
                      &argc, &argv, error))
    return 2;
  if ((store = gad_cli_open_store (error)) == NULL
      || !gad_stats_ministry (store, month, &figures, error))
    return 1;
  csv = gad_stats_ministry_csv (month, &figures);
  g_print ("%s", csv);
  return 0;
}
