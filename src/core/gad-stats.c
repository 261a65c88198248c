/* gad-stats.c — the figures dashboards and reports show, by year
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-stats"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-stats.h"

G_DEFINE_QUARK (gad-stats-error-quark, gad_stats_error)

/* Named as the published tables are, so exports and reference files line up. */
static const GadStatTable tables[] = {
  { "home_care_recipients", N_("Home care recipients"), FALSE },
  { "service_recipients", N_("Recipients of a service by gender and age"), FALSE },
  { "institution_placements_adults", N_("Adults placed in long-term care institutions"), FALSE },
  { "funding_eur", N_("Funding by source"), TRUE },
  { "social_assistance_spent_eur", N_("Social assistance paid"), TRUE },
  { "spending_by_benefit", N_("Social assistance paid by benefit"), TRUE },
  { "recipients_by_benefit", N_("Benefit recipients by benefit"), FALSE },
  { "recipients_by_parish", N_("Benefit recipients by parish"), FALSE },
  { "recipients_by_target_group", N_("Clients with a case by target group"), FALSE },
  { "budget_planned_eur", N_("Planned budget by source"), TRUE },
  { "caseload", N_("Open cases per social worker at the end of the year"), FALSE },
  { "cases_closed", N_("Cases closed by reason"), FALSE },
  { "remote_farmsteads", N_("Lone pensioners on remote farmsteads: registered and visited"),
    FALSE },
  { "appointments", N_("Appointments booked and kept"), FALSE },
  { "group_work", N_("Group work: groups, sessions, participants and feedback"), FALSE },
};

const GadStatTable *
gad_stats_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

const GadStatTable *
gad_stats_table (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].name, name) == 0)
      return &tables[i];
  return NULL;
}

void
gad_stat_free (GadStat *stat)
{
  if (stat == NULL)
    return;
  g_free (stat->category);
  g_free (stat);
}

/* "table,year,category,value" as ../shared/reference has it: money in euro,
 * whole euros without decimals, persons as counts. */
char *
gad_stats_to_csv (const GadStatTable *table,
                  GPtrArray          *stats)
{
  GString *out = g_string_new ("table,year,category,value\n");

  for (guint i = 0; i < stats->len; i++)
    {
      GadStat *s = g_ptr_array_index (stats, i);

      g_string_append_printf (out, "%s,%d,%s,", table->name, s->year, s->category);
      if (!table->money)
        g_string_append_printf (out, "%" G_GINT64_FORMAT "\n", s->value);
      else if (s->value % 100 == 0)
        g_string_append_printf (out, "%" G_GINT64_FORMAT "\n", s->value / 100);
      else
        g_string_append_printf (out, "%s%" G_GINT64_FORMAT ".%02d\n", s->value < 0 ? "-" : "",
                                ABS (s->value) / 100, (int) (ABS (s->value) % 100));
    }
  return g_string_free (out, FALSE);
}

/* Euro with a decimal comma, as a Latvian spreadsheet reads numbers. */
static void
append_euro (GString *out,
             gint64   cents)
{
  g_string_append_printf (out, "%s%" G_GINT64_FORMAT ",%02d", cents < 0 ? "-" : "",
                          ABS (cents) / 100, (int) (ABS (cents) % 100));
}

/* For spreadsheets in a Latvian locale: UTF-8 with a BOM, semicolons, a
 * decimal comma. Opens in the spreadsheet as it is. */
char *
gad_stats_to_spreadsheet_csv (const GadStatTable *table,
                              GPtrArray          *stats)
{
  GString *out = g_string_new ("\xef\xbb\xbftable;year;category;value\r\n");

  for (guint i = 0; i < stats->len; i++)
    {
      GadStat *s = g_ptr_array_index (stats, i);

      g_string_append_printf (out, "%s;%d;\"%s\";", table->name, s->year, s->category);
      if (table->money)
        append_euro (out, s->value);
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT, s->value);
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

/* The ministry's monthly figures in the same spreadsheet form. */
char *
gad_stats_ministry_csv (const char             *month,
                        const GadMinistryMonth *f)
{
  GString *out = g_string_new ("\xef\xbb\xbfmonth;needy_persons;gmi_eur;housing_eur;"
                               "health_care_eur;other_benefits_eur\r\n");

  g_string_append_printf (out, "%s;%" G_GINT64_FORMAT ";", month, f->needy_persons);
  append_euro (out, f->gmi_cents);
  g_string_append_c (out, ';');
  append_euro (out, f->housing_cents);
  g_string_append_c (out, ';');
  append_euro (out, f->health_cents);
  g_string_append_c (out, ';');
  append_euro (out, f->other_cents);
  g_string_append (out, "\r\n");
  return g_string_free (out, FALSE);
}
