/* gad-cli-stats.c — gadiba-cli stats
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-cli.h"
#include "gad-stats.h"

int
gad_cli_stats (int      argc,
               char   **argv,
               GError **error)
{
  g_autofree char *table = NULL;
  int from = 2012, to = 2014;
  GOptionEntry entries[] = {
    { "table", 0, 0, G_OPTION_ARG_STRING, &table, N_("The table (see --help)"), N_("NAME") },
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
      || (rows = gad_stats_query (store, table, from, to, error)) == NULL)
    return 1;
  csv = gad_stats_to_csv (info, rows);
  g_print ("%s", csv);
  return 0;
}
