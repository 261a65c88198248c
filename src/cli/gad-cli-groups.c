/* gad-cli-groups.c — gadiba-cli groups: group work in a year, or one group's sessions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   groups [--year YEAR]   id,title,form,target_group,leader,first,last,clients,others,
 *                          sessions_held,feedback_responses,feedback_mean as CSV
 *   groups --group ID      date,topic,status,clients_present,others_present
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gad-cli.h"
#include "gad-csv.h"
#include "gad-text.h"

static void
list_groups (GString   *out,
             GPtrArray *groups)
{
  const char *header[] = { "id", "title", "form", "target_group", "leader", "first", "last",
                           "clients", "others", "sessions_held", "feedback_responses",
                           "feedback_mean", NULL };

  gad_csv_append_row (out, header, ',');
  for (guint i = 0; i < groups->len; i++)
    {
      GadGroup *g = g_ptr_array_index (groups, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, g->entry_id);
      g_autofree char *clients = g_strdup_printf ("%d", g->clients);
      g_autofree char *others = g_strdup_printf ("%d", gad_group_others_total (g));
      g_autofree char *held = g_strdup_printf ("%d", g->sessions_held);
      g_autofree char *responses = g_strdup_printf ("%d", g->feedback_responses);
      char mean[G_ASCII_DTOSTR_BUF_SIZE] = "";
      const char *row[] = { id, g->title, g->form, g->target_group, g->leader, g->start_date,
                            g->until_date ? g->until_date : "", clients, others, held,
                            responses, mean, NULL };

      if (g->has_feedback)
        g_ascii_formatd (mean, sizeof mean, "%.2f", g->feedback_mean);
      gad_csv_append_row (out, row, ',');
    }
}

static void
list_sessions (GString  *out,
               GadGroup *group)
{
  const char *header[] = { "date", "topic", "status", "clients_present", "others_present", NULL };

  gad_csv_append_row (out, header, ',');
  for (guint i = 0; i < group->sessions->len; i++)
    {
      GadGroupSession *s = g_ptr_array_index (group->sessions, i);
      g_autofree char *clients = g_strdup_printf ("%d", s->clients_present);
      g_autofree char *others = s->others_present < 0 ? g_strdup ("")
                                                      : g_strdup_printf ("%d", s->others_present);
      const char *row[] = { s->date, s->topic, s->status, clients, others, NULL };

      gad_csv_append_row (out, row, ',');
    }
}

int
gad_cli_groups (int      argc,
                char   **argv,
                GError **error)
{
  int year = 0;
  gint64 group_id = 0;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year (default: this one)"), N_("YEAR") },
    { "group", 0, 0, G_OPTION_ARG_INT64, &group_id, N_("One group’s sessions"), N_("ID") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (!gad_cli_parse (entries, NULL,
                      _("Group work: the groups meeting in a year with their participants, "
                        "sessions held and feedback, or one group’s sessions."), &argc, &argv,
                      error))
    return 2;
  if (argc > 1 || (year && group_id))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Usage: gadiba-cli groups --db FILE [--year YEAR | --group ID]"));
      return 2;
    }
  if (year == 0)
    {
      g_autofree char *today = gad_text_today_iso ();

      year = atoi (today);
    }
  if ((store = gad_cli_open_store (error)) == NULL)
    return 1;
  if (group_id)
    {
      g_autoptr(GadGroup) group = gad_store_get_group (store, group_id, error);

      if (group == NULL)
        return 1;
      list_sessions (out, group);
    }
  else
    {
      g_autoptr(GPtrArray) groups = gad_store_list_groups (store, year, error);

      if (groups == NULL)
        return 1;
      list_groups (out, groups);
    }
  g_print ("%s", out->str);
  return 0;
}
