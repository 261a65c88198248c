/* gad-cli-strategy.c — gadiba-cli strategy: the action plan's indicators in a year
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   strategy --year YEAR    code,indicator,target,value,source,status as CSV
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gad-cli.h"
#include "gad-csv.h"
#include "gad-text.h"

static void
number (char          *buffer,
        gsize          size,
        gboolean       has,
        double         value)
{
  if (has)
    g_ascii_formatd (buffer, size, "%.2f", value);
  else
    *buffer = '\0';
}

int
gad_cli_strategy (int      argc,
                  char   **argv,
                  GError **error)
{
  g_autofree char *today = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year (default: this one)"), N_("YEAR") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *header[] = { "code", "indicator", "target", "value", "source", "status", NULL };

  if (!gad_cli_parse (entries, NULL,
                      _("The strategy’s action plan: each task’s result indicators in a year, "
                        "their targets and values, and how the task stands."), &argc, &argv,
                      error))
    return 2;
  if (argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Usage: gadiba-cli strategy --db FILE [--year YEAR]"));
      return 2;
    }
  if (year == 0)
    {
      today = gad_text_today_iso ();
      year = atoi (today);
    }
  if ((store = gad_cli_open_store (error)) == NULL
      || (tasks = gad_store_strategy (store, year, error)) == NULL)
    return 1;
  gad_csv_append_row (out, header, ',');
  for (guint t = 0; t < tasks->len; t++)
    {
      GadStrategyTask *task = g_ptr_array_index (tasks, t);
      const char *status = gad_task_status_label (gad_strategy_task_status (task, year));

      for (guint i = 0; i < task->indicators->len; i++)
        {
          GadIndicator *ind = g_ptr_array_index (task->indicators, i);
          char target[G_ASCII_DTOSTR_BUF_SIZE], value[G_ASCII_DTOSTR_BUF_SIZE];
          const char *row[] = { task->code, ind->text, target, value, ind->source, status, NULL };

          number (target, sizeof target, ind->has_target, ind->target);
          number (value, sizeof value, ind->has_value, ind->value);
          gad_csv_append_row (out, row, ',');
        }
    }
  g_print ("%s", out->str);
  return 0;
}
