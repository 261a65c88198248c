/* gad-stats.h — the figures dashboards and reports show, by year
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-store.h"

G_BEGIN_DECLS

#define GAD_STATS_ERROR (gad_stats_error_quark ())

typedef enum
{
  GAD_STATS_ERROR_UNKNOWN_TABLE,
  GAD_STATS_ERROR_INVALID,   /* a year, month or code that does not exist */
} GadStatsError;

/* One figure: a table's value for a year and a category, in whole units
 * (persons) or cents (money). */
typedef struct
{
  int year;
  char *category;
  gint64 value;
} GadStat;

typedef struct
{
  const char *name;      /* "home_care_recipients", … as the reference files name them */
  const char *title;     /* untranslated; _() it */
  gboolean money;        /* value in cents */
} GadStatTable;

typedef struct
{
  gint64 clients_with_open_case;
  gint64 decisions_this_month;
  gint64 paid_this_year_cents;
  gint64 budget_this_year_cents;
  gint64 social_workers;
  gint64 inhabitants;          /* the municipality's, as entered; 0: not entered */
  gint64 open_cases;
  gint64 remote_registered;    /* on the register of remote farmsteads */
  gint64 remote_overdue;       /* … whose visit is overdue */
  gint64 remote_home_care;     /* … whose last visit found a need for home care, not yet proposed */
} GadHeadline;

typedef struct
{
  gint64 needy_persons;
  gint64 gmi_cents;
  gint64 housing_cents;
  gint64 health_cents;
  gint64 other_cents;
} GadMinistryMonth;

typedef struct
{
  gint64 person_id;
  char *name;
  char *code;
  gint64 amount_cents;         /* -1 where the chart counts persons */
} GadDrillRow;

typedef struct
{
  gint64 territory_id;         /* 0: every parish */
  const char *department;      /* NULL or "": every department */
  const char *service;         /* service_recipients: the catalogue's code */
} GadStatsFilter;

GQuark              gad_stats_error_quark (void);
const GadStatTable *gad_stats_tables      (guint        *n_tables);
const GadStatTable *gad_stats_table       (const char   *name);
GPtrArray          *gad_stats_query       (GadStore     *store,
                                           const char   *table,
                                           int           from_year,
                                           int           to_year,
                                           GError      **error);
GPtrArray          *gad_stats_query_filtered (GadStore  *store,
                                           const char   *table,
                                           int           from_year,
                                           int           to_year,
                                           const GadStatsFilter *filter,
                                           GError      **error);
GPtrArray          *gad_stats_query_service (GadStore   *store,
                                           const char   *service_code,
                                           int           from_year,
                                           int           to_year,
                                           const GadStatsFilter *filter,
                                           GError      **error);
gboolean            gad_stats_headline    (GadStore     *store,
                                           const char   *today,
                                           GadHeadline  *headline,
                                           GError      **error);
gboolean            gad_stats_ministry    (GadStore     *store,
                                           const char   *month,
                                           GadMinistryMonth *figures,
                                           GError      **error);
char               *gad_stats_ministry_csv (const char  *month,
                                           const GadMinistryMonth *figures);
char               *gad_stats_to_spreadsheet_csv (const GadStatTable *table,
                                           GPtrArray    *stats);
GPtrArray          *gad_stats_drill       (GadStore     *store,
                                           const char   *kind,
                                           int           year,
                                           const char   *key,
                                           const char   *service,
                                           const GadStatsFilter *filter,
                                           GError      **error);
void                gad_drill_row_free    (GadDrillRow  *row);
void                gad_stat_free         (GadStat      *stat);
char               *gad_stats_to_csv      (const GadStatTable *table,
                                           GPtrArray    *stats);

G_END_DECLS
