/* gad-store-stats.c — the queries behind gad_stats_query()
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every table is one statement over a recursive list of the years asked
 * for, so a year without records still gets its zero rows.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-stats.h"
#include "gad-store-private.h"

#include <stdio.h>
#include <string.h>

/* The years asked for, with their first and last day as the store writes
 * dates, so a row is compared with text made once a year, not once a row. */
#define YEARS "WITH RECURSIVE years (y, jan1, dec31) AS (SELECT ?1, ?1 || '-01-01', ?1 || '-12-31'" \
              " UNION ALL SELECT y + 1, (y + 1) || '-01-01', (y + 1) || '-12-31' FROM years" \
              " WHERE y < ?2)"
#define GENDERS ", cats (c, g, o) AS (VALUES ('male', 'M', 0), ('female', 'F', 1))"
/* Persons served by a service in a year, by gender, with a zero for a
 * gender or year nobody was: each year's persons first, then who they are
 * (a person with many plans is looked up once a year). */
#define SERVED(service, extra) \
  ", served (y, g, n) AS (SELECT d.y, p.gender, count (*) FROM (SELECT DISTINCT y, s.person_id" \
  " FROM service_plans s JOIN years ON s.period_from <= dec31" \
  " AND (s.period_to IS NULL OR s.period_to >= jan1) WHERE s.service_code = " service ") d" \
  " JOIN persons p ON p.id = d.person_id WHERE 1 = 1" extra " GROUP BY d.y, p.gender)" \
  " SELECT years.y, c, coalesce (n, 0) FROM years CROSS JOIN cats LEFT JOIN served" \
  " ON served.y = years.y AND served.g = cats.g ORDER BY years.y, o"
/* Payments of the years: the year is the month's first four characters. */
#define PAID_YEAR "CAST (substr (p.month, 1, 4) AS INTEGER)"
#define PAID_IN_YEARS " p.month >= ?1 || '-01' AND p.month <= ?2 || '-12'"
/* The parish (?4, 0 for all) and department (?5, '' for all) filters: a person
 * belongs to a department through the social worker responsible for them. */
#define PERSON_FILTER(alias) \
  " AND (?4 = 0 OR " alias ".territory_id = ?4) AND (?5 = '' OR " alias ".worker_id IN" \
  " (SELECT id FROM staff WHERE department = ?5))"
#define PAYEE_FILTER(column) \
  " AND (?4 = 0 AND ?5 = '' OR " column " IN (SELECT f.id FROM persons f WHERE 1 = 1" \
  PERSON_FILTER ("f") "))"
#define SOURCES ", cats (c, src, o) AS (VALUES ('municipal', 'municipal', 0), ('state', 'state', 1)," \
  " ('project', 'project', 2), ('client_payments', 'client', 3))"

/* Persons served by the service ?3 in a year, by gender, and by gender as
 * children (under 18 on the year's last day) and adults; a person of
 * unknown birth date counts as an adult, as placements do. */
#define SERVED_BY_AGE \
  ", cats (c, g, a, o) AS (VALUES ('male', 'M', -1, 0), ('female', 'F', -1, 1)," \
  " ('child_male', 'M', 1, 2), ('child_female', 'F', 1, 3), ('adult_male', 'M', 0, 4)," \
  " ('adult_female', 'F', 0, 5))" \
  ", served (y, g, child, n) AS (SELECT d.y, p.gender," \
  " CASE WHEN p.birth_date > (d.y - 18) || '-12-31' THEN 1 ELSE 0 END, count (*)" \
  " FROM (SELECT DISTINCT y, s.person_id FROM service_plans s JOIN years" \
  " ON s.period_from <= dec31 AND (s.period_to IS NULL OR s.period_to >= jan1)" \
  " WHERE s.service_code = ?3) d JOIN persons p ON p.id = d.person_id WHERE 1 = 1" \
  PERSON_FILTER ("p") " GROUP BY 1, 2, 3)" \
  " SELECT years.y, c, coalesce (sum (n), 0) FROM years CROSS JOIN cats LEFT JOIN served" \
  " ON served.y = years.y AND served.g = cats.g AND (cats.a = -1 OR served.child = cats.a)" \
  " GROUP BY years.y, o, c ORDER BY years.y, o"

static GPtrArray *count_target_groups (GadStmt *stmt, int from_year, int to_year);

static const struct
{
  const char *table;
  const char *sql;
  /* Makes the table of the statement's rows where they are not its rows. */
  GPtrArray *(*count) (GadStmt *stmt, int from_year, int to_year);
} queries[] = {
  { "home_care_recipients", YEARS GENDERS SERVED ("'home-care'", PERSON_FILTER ("p")) },
  { "service_recipients", YEARS SERVED_BY_AGE },
  { "institution_placements_adults",
    YEARS GENDERS SERVED ("'long-term-care'",
                          " AND (p.birth_date IS NULL OR p.birth_date <= (y - 18) || '-12-31')"
                          PERSON_FILTER ("p")) },
  { "funding_eur",
    YEARS SOURCES ", spent (y, src, n) AS ("
    " SELECT year, source, sum (amount_cents) FROM expenditures WHERE year BETWEEN ?1 AND ?2"
    " GROUP BY year, source"
    " UNION ALL SELECT " PAID_YEAR ", p.funding, sum (p.amount_cents) FROM payments p"
    " WHERE" PAID_IN_YEARS " GROUP BY 1, 2)"
    " SELECT years.y, c, coalesce (sum (n), 0) FROM years CROSS JOIN cats LEFT JOIN spent"
    " ON spent.y = years.y AND spent.src = cats.src GROUP BY years.y, o, c ORDER BY years.y, o" },
  { "social_assistance_spent_eur",
    YEARS ", spent (y, n) AS (SELECT " PAID_YEAR ", sum (p.amount_cents) FROM payments p"
    " WHERE" PAID_IN_YEARS PAYEE_FILTER ("p.person_id") " GROUP BY 1)"
    " SELECT years.y, 'total', coalesce (n, 0) FROM years LEFT JOIN spent ON spent.y = years.y"
    " ORDER BY years.y" },
  { "spending_by_benefit",
    "SELECT " PAID_YEAR ", p.type_code, sum (p.amount_cents) FROM payments p"
    " WHERE" PAID_IN_YEARS PAYEE_FILTER ("p.person_id") " GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2" },
  { "recipients_by_benefit",
    "SELECT " PAID_YEAR ", p.type_code, count (DISTINCT p.person_id) FROM payments p"
    " WHERE" PAID_IN_YEARS PAYEE_FILTER ("p.person_id") " GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2" },
  /* Each year's payees first, then their parish: a few thousand persons
   * looked up, not the whole register joined. */
  { "recipients_by_parish",
    "SELECT d.y, coalesce (t.name, '—'), count (*)"
    " FROM (SELECT DISTINCT " PAID_YEAR " AS y, p.person_id FROM payments p WHERE" PAID_IN_YEARS
    ") d JOIN persons r ON r.id = d.person_id" PERSON_FILTER ("r")
    " LEFT JOIN territories t ON t.id = r.territory_id GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2" },
  /* Target groups are a comma list on the case; the years a case was open
   * are counted in count_target_groups(). */
  { "recipients_by_target_group",
    "SELECT person_id, CAST (substr (opened_on, 1, 4) AS INTEGER),"
    " CAST (substr (closed_on, 1, 4) AS INTEGER), target_groups FROM cases"
    " WHERE opened_on <= ?2 || '-12-31' AND (closed_on IS NULL OR closed_on >= ?1 || '-01-01')"
    " AND target_groups <> ''" PAYEE_FILTER ("person_id") " ORDER BY person_id",
    count_target_groups },
  { "budget_planned_eur",
    YEARS SOURCES ", planned (y, src, n) AS (SELECT year, source, sum (planned_cents) FROM budget"
    " WHERE year BETWEEN ?1 AND ?2 GROUP BY year, source)"
    " SELECT years.y, c, coalesce (n, 0) FROM years CROSS JOIN cats LEFT JOIN planned"
    " ON planned.y = years.y AND planned.src = cats.src ORDER BY years.y, o" },
  /* Cases closed in a year by the reason of their closing, the catalogue's
   * in its order, with a zero for a reason or year without any. */
  { "cases_closed",
    YEARS ", cats (c, o) AS (VALUES ('goals-reached', 0), ('client-refused', 1),"
    " ('moved-away', 2), ('deceased', 3), ('transferred', 4), ('other', 5))"
    ", closed (y, r, n) AS (SELECT CAST (substr (closed_on, 1, 4) AS INTEGER), closing_reason,"
    " count (*) FROM cases WHERE closed_on >= ?1 || '-01-01' AND closed_on <= ?2 || '-12-31'"
    PAYEE_FILTER ("person_id") " GROUP BY 1, 2)"
    " SELECT years.y, c, coalesce (n, 0) FROM years CROSS JOIN cats LEFT JOIN closed"
    " ON closed.y = years.y AND closed.r = cats.c ORDER BY years.y, o" },
  /* The register of remote farmsteads: on it at the year's end, and the
   * persons visited (or found not at home, or refusing) in the year, and
   * those proposed home care at a visit. */
  { "remote_farmsteads",
    YEARS ", cats (c, o) AS (VALUES ('registered', 0), ('visited', 1), ('not_at_home', 2),"
    " ('refused', 3), ('home_care_proposed', 4))"
    ", counted (y, c, n) AS (SELECT y, 'registered', count (*) FROM years"
    " JOIN remote_register r ON r.added_on <= dec31 AND (r.ended_on IS NULL OR r.ended_on > dec31)"
    " WHERE 1 = 1" PAYEE_FILTER ("r.person_id") " GROUP BY y"
    " UNION ALL SELECT y, CASE v.outcome WHEN 'visited' THEN 'visited'"
    " WHEN 'not-home' THEN 'not_at_home' ELSE 'refused' END, count (DISTINCT v.person_id)"
    " FROM years JOIN remote_visits v ON v.visited_on >= jan1 AND v.visited_on <= dec31"
    " WHERE 1 = 1" PAYEE_FILTER ("v.person_id") " GROUP BY 1, 2"
    " UNION ALL SELECT y, 'home_care_proposed', count (DISTINCT v.person_id) FROM years"
    " JOIN remote_visits v ON v.visited_on >= jan1 AND v.visited_on <= dec31"
    " WHERE v.home_care_proposed = 1" PAYEE_FILTER ("v.person_id") " GROUP BY y)"
    " SELECT years.y, cats.c, coalesce (n, 0) FROM years CROSS JOIN cats LEFT JOIN counted"
    " ON counted.y = years.y AND counted.c = cats.c ORDER BY years.y, o" },
  /* Appointments booked for a day of the year (a client's, at an office),
   * and those kept: recorded done. */
  { "appointments",
    YEARS ", cats (c, o) AS (VALUES ('booked', 0), ('kept', 1))"
    ", counted (y, c, n) AS (SELECT y, 'booked', count (*) FROM years JOIN schedule_entries e"
    " ON e.start_date >= jan1 AND e.start_date <= dec31 WHERE e.kind = 'appointment'"
    PAYEE_FILTER ("e.person_id") " GROUP BY y"
    " UNION ALL SELECT y, 'kept', count (*) FROM years JOIN schedule_occurrences o"
    " ON o.date >= jan1 AND o.date <= dec31 JOIN schedule_entries e ON e.id = o.entry_id"
    " WHERE e.kind = 'appointment' AND o.status = 'done'" PAYEE_FILTER ("e.person_id")
    " GROUP BY y)"
    " SELECT years.y, cats.c, coalesce (n, 0) FROM years CROSS JOIN cats LEFT JOIN counted"
    " ON counted.y = years.y AND counted.c = cats.c ORDER BY years.y, o" },
  /* Group work: the groups that met in a year and their sessions held
   * (gad-store-groups.c), those on their lists — a client counted in each
   * group they are in, as others counted can only be — by gender, by age
   * group at the year's end and by the group's target group, and the 1–5
   * answers of the surveys tied to a group that began that year (their mean
   * is the points over the answers). */
  { "group_work",
    YEARS ", cats (c, o) AS (VALUES ('groups', 0), ('sessions', 1), ('participants', 2),"
    " ('clients', 3), ('others', 4), ('male', 5), ('female', 6), ('age_0_17', 7),"
    " ('age_18_24', 8), ('age_25_44', 9), ('age_45_64', 10), ('age_65', 11),"
    " ('age_unknown', 12), ('feedback_answers', 13), ('feedback_points', 14))"
    ", held (y, e) AS (SELECT y, h.entry_id FROM years JOIN (" GAD_HELD_SESSIONS ") h"
    " ON h.date >= jan1 AND h.date <= dec31)"
    ", groups_held (y, e) AS (SELECT DISTINCT y, e FROM held)"
    ", people (y, e, k, g, a, n) AS (SELECT h.y, h.e, 'clients', p.gender,"
    " CASE WHEN p.birth_date IS NULL THEN 'unknown'"
    " WHEN p.birth_date > (h.y - 18) || '-12-31' THEN '0_17'"
    " WHEN p.birth_date > (h.y - 25) || '-12-31' THEN '18_24'"
    " WHEN p.birth_date > (h.y - 45) || '-12-31' THEN '25_44'"
    " WHEN p.birth_date > (h.y - 65) || '-12-31' THEN '45_64' ELSE '65' END, 1"
    " FROM groups_held h JOIN group_participants gp ON gp.entry_id = h.e"
    " JOIN persons p ON p.id = gp.person_id"
    " UNION ALL SELECT h.y, h.e, 'others', o.gender,"
    " replace (replace (o.age_group, '-', '_'), '+', ''), o.count"
    " FROM groups_held h JOIN group_others o ON o.entry_id = h.e)"
    ", feedback (y, v) AS (SELECT y, CAST (a.value AS INTEGER) FROM years JOIN surveys s"
    " ON s.group_entry_id IS NOT NULL AND s.period_from >= jan1 AND s.period_from <= dec31"
    " JOIN survey_responses r ON r.survey_id = s.id JOIN survey_answers a ON a.response_id = r.id"
    " JOIN survey_questions q ON q.id = a.question_id AND q.kind = 'scale')"
    ", counted (y, c, n) AS (SELECT y, 'groups', count (*) FROM groups_held GROUP BY y"
    " UNION ALL SELECT y, 'sessions', count (*) FROM held GROUP BY y"
    " UNION ALL SELECT y, 'participants', sum (n) FROM people GROUP BY y"
    " UNION ALL SELECT y, k, sum (n) FROM people GROUP BY y, k"
    " UNION ALL SELECT y, CASE g WHEN 'M' THEN 'male' ELSE 'female' END, sum (n) FROM people"
    " WHERE g IS NOT NULL GROUP BY 1, 2"
    " UNION ALL SELECT y, 'age_' || a, sum (n) FROM people GROUP BY 1, 2"
    " UNION ALL SELECT y, 'target_' || coalesce (nullif (w.target_group, ''), 'none'), sum (n)"
    " FROM people LEFT JOIN group_work w ON w.entry_id = people.e GROUP BY 1, 2"
    " UNION ALL SELECT y, 'feedback_answers', count (*) FROM feedback GROUP BY y"
    " UNION ALL SELECT y, 'feedback_points', sum (v) FROM feedback GROUP BY y)"
    " SELECT years.y, cats.c, coalesce (n, 0), o FROM years CROSS JOIN cats LEFT JOIN counted"
    " ON counted.y = years.y AND counted.c = cats.c"
    " UNION ALL SELECT y, c, n, 100 FROM counted WHERE c LIKE 'target_%'"
    " ORDER BY 1, 4, 2" },
  /* A case is open at the end of the years from its opening's to the one
   * before its closing's: the cases are counted by worker and those years
   * first, in one pass, and then spread over the years asked for (joined
   * with the years row by row, they were read once a year, and slower). */
  { "caseload",
    YEARS " SELECT y, s.name, sum (k.n) FROM years JOIN (SELECT worker_id,"
    " CAST (substr (opened_on, 1, 4) AS INTEGER) AS first,"
    " CAST (substr (closed_on, 1, 4) AS INTEGER) - 1 AS last, count (*) AS n FROM cases"
    " WHERE opened_on <= ?2 || '-12-31' AND (closed_on IS NULL OR closed_on > ?1 || '-12-31')"
    " AND (?4 = 0 OR person_id IN (SELECT id FROM persons WHERE territory_id = ?4))"
    " GROUP BY 1, 2, 3) k ON k.first <= y AND (k.last IS NULL OR k.last >= y)"
    " JOIN staff s ON s.id = k.worker_id AND (?5 = '' OR s.department = ?5)"
    " GROUP BY y, s.id ORDER BY y, 3 DESC, s.name, s.id" },
};

static gpointer
stat_from_row (GadStmt *stmt)
{
  GadStat *s = g_new0 (GadStat, 1);

  s->year = gad_stmt_column_int (stmt, 0);
  s->category = gad_store_column_dup (stmt, 1);
  s->value = gad_stmt_column_int64 (stmt, 2);
  return s;
}

/* One target group's count in one year; the cases come in person order, so a
 * person is counted once a year however many of their cases name the group. */
typedef struct
{
  gint64 count;
  gint64 last_person;
} Tally;

static int
compare_stats (gconstpointer a,
               gconstpointer b)
{
  const GadStat *x = *(GadStat * const *) a;
  const GadStat *y = *(GadStat * const *) b;

  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return strcmp (x->category, y->category);
}

/* Clients with a case by target group and year, from the cases open in the
 * years: counting here, a case once a year it was open, is a pass over the
 * cases; splitting the lists in SQL was the dashboard's slowest query. */
static GPtrArray *
count_target_groups (GadStmt *stmt,
                     int      from_year,
                     int      to_year)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_years = to_year - from_year + 1;
  GPtrArray *stats;
  GHashTableIter iter;
  gpointer code, tallies;
  GadDbStep rc;

  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      gint64 person = gad_stmt_column_int64 (stmt, 0);
      int first = MAX (gad_stmt_column_int (stmt, 1), from_year);
      int last = gad_stmt_column_is_null (stmt, 2) ? to_year
                                                    : MIN (gad_stmt_column_int (stmt, 2), to_year);
      g_auto(GStrv) codes = g_strsplit (gad_stmt_column_text (stmt, 3), ",", -1);

      for (guint i = 0; codes[i] != NULL; i++)
        {
          Tally *tally = g_hash_table_lookup (groups, codes[i]);

          if (*codes[i] == '\0')
            continue;
          if (tally == NULL)
            {
              tally = g_new0 (Tally, n_years);
              g_hash_table_insert (groups, g_strdup (codes[i]), tally);
            }
          for (int y = first; y <= last; y++)
            if (tally[y - from_year].last_person != person)
              {
                tally[y - from_year].last_person = person;
                tally[y - from_year].count++;
              }
        }
    }
  if (rc != GAD_DB_DONE)
    return NULL;
  stats = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_stat_free);
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &code, &tallies))
    for (guint y = 0; y < n_years; y++)
      if (((Tally *) tallies)[y].count > 0)
        {
          GadStat *s = g_new0 (GadStat, 1);

          s->year = from_year + y;
          s->category = g_strdup (code);
          s->value = ((Tally *) tallies)[y].count;
          g_ptr_array_add (stats, s);
        }
  g_ptr_array_sort (stats, compare_stats);
  return stats;
}

/**
 * gad_stats_query:
 *
 * Returns: (transfer full) (element-type GadStat): the table's rows for the
 *   years, in year order, or %NULL with @error set
 */
GPtrArray *
gad_stats_query (GadStore    *store,
                 const char  *table,
                 int          from_year,
                 int          to_year,
                 GError     **error)
{
  return gad_stats_query_filtered (store, table, from_year, to_year, NULL, error);
}

/* Whether @code is a service of the catalogue; FALSE with @error if not. */
static gboolean
known_service (GadStore    *store,
               const char  *code,
               GError     **error)
{
  GadStmt *known;
  gboolean found;

  if (code == NULL || *code == '\0')
    {
      g_set_error (error, GAD_STATS_ERROR, GAD_STATS_ERROR_INVALID,
                   _("Name the service the table is about, such as psychologist."));
      return FALSE;
    }
  if ((known = gad_store_statement (store, "SELECT 1 FROM service_types WHERE code = ?", error))
      == NULL)
    return FALSE;
  gad_stmt_bind_text (known, 1, code);
  found = gad_stmt_step (known) == GAD_DB_ROW;
  gad_stmt_reset (known);
  if (!found)
    g_set_error (error, GAD_STATS_ERROR, GAD_STATS_ERROR_INVALID,
                 _("There is no service “%s” in the catalogue."), code);
  return found;
}

static void
bind_filter (GadStmt         *stmt,
             const GadStatsFilter *filter)
{
  /* Tables of the whole service (funding, budget) have no such parameters. */
  gad_stmt_bind_int64 (stmt, 4, filter ? filter->territory_id : 0);
  gad_stmt_bind_text (stmt, 5, filter && filter->department ? filter->department : "");
}

/**
 * gad_stats_query_filtered:
 * @filter: (nullable): a parish and a department; funding and budget tables
 *   are of the whole service and ignore it
 */
GPtrArray *
gad_stats_query_filtered (GadStore             *store,
                          const char           *table,
                          int                   from_year,
                          int                   to_year,
                          const GadStatsFilter *filter,
                          GError              **error)
{
  if (!gad_store_require (store, GAD_RIGHT_DASHBOARDS, 0, error))
    return NULL;
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (store), NULL);

  if (from_year > to_year || from_year < 1900 || to_year > 2200)
    {
      g_set_error (error, GAD_STATS_ERROR, GAD_STATS_ERROR_INVALID,
                   _("The years run from %d to %d: give a first year no later than the last."),
                   from_year, to_year);
      return NULL;
    }
  if (g_strcmp0 (table, "service_recipients") == 0
      && !known_service (store, filter ? filter->service : NULL, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    if (g_str_equal (queries[i].table, table))
      {
        stmt = gad_store_statement (store, queries[i].sql, error);
        if (stmt == NULL)
          return NULL;
        gad_stmt_bind_int64 (stmt, 1, from_year);
        gad_stmt_bind_int64 (stmt, 2, to_year);
        bind_filter (stmt, filter);
        if (g_str_equal (table, "service_recipients"))
          gad_stmt_bind_text (stmt, 3, filter->service);
        if (queries[i].count != NULL)
          {
            GPtrArray *stats = queries[i].count (stmt, from_year, to_year);

            gad_stmt_reset (stmt);
            if (stats == NULL)
              gad_store_fail (store, error);
            return stats;
          }
        return gad_store_collect (store, stmt, stat_from_row, (GDestroyNotify) gad_stat_free,
                                  error);
      }
  g_set_error (error, GAD_STATS_ERROR, GAD_STATS_ERROR_UNKNOWN_TABLE,
               _("There is no table “%s”."), table);
  return NULL;
}

static gboolean
money_row_once (GadStore    *self,
                const char  *sql,
                const char  *entity,
                int          year,
                const char  *source,
                const char  *programme,
                gint64       cents,
                GError     **error)
{
  GadStmt *stmt;
  GArray *changes;
  g_autofree char *value = g_strdup_printf ("%d %s %s: %" G_GINT64_FORMAT, year, source,
                                            programme, cents);

  if (!gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self, sql, error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, year);
  gad_stmt_bind_text (stmt, 2, source);
  gad_stmt_bind_text (stmt, 3, programme ? programme : "");
  gad_stmt_bind_int64 (stmt, 4, cents);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "amount", NULL, value);
  if (!gad_store_audit (self, entity, year, 0, "update", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

static gboolean
money_row (GadStore    *self,
           const char  *sql,
           const char  *entity,
           int          year,
           const char  *source,
           const char  *programme,
           gint64       cents,
           GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, money_row_once (self, sql, entity, year, source, programme, cents, error));
  return ok;
}

/* Spending other than benefit payments (services, staff), by funding source. */
gboolean
gad_store_add_expenditure (GadStore    *self,
                           int          year,
                           const char  *source,
                           const char  *programme,
                           gint64       amount_cents,
                           GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_DASHBOARDS, 0, error))
    return FALSE;
  return money_row (self,
                    "INSERT INTO expenditures (year, source, programme, amount_cents)"
                    " VALUES (?, ?, ?, ?)",
                    "expenditure", year, source, programme, amount_cents, error);
}

/* The planned amount of a year, source and programme; set again to change it. */
gboolean
gad_store_set_budget (GadStore    *self,
                      int          year,
                      const char  *source,
                      const char  *programme,
                      gint64       planned_cents,
                      GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_DASHBOARDS, 0, error))
    return FALSE;
  if (planned_cents < 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("A planned amount cannot be negative."));
      return FALSE;
    }
  return money_row (self,
                    "INSERT INTO budget (year, source, programme, planned_cents)"
                    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (year, source, programme)"
                    " DO UPDATE SET planned_cents = ?4",
                    "budget", year, source, programme, planned_cents, error);
}

/* Recipients of one service by gender and year, like home_care_recipients. */
GPtrArray *
gad_stats_query_service (GadStore             *store,
                         const char           *service_code,
                         int                   from_year,
                         int                   to_year,
                         const GadStatsFilter *filter,
                         GError              **error)
{
  if (!gad_store_require (store, GAD_RIGHT_DASHBOARDS, 0, error))
    return NULL;
  if (!known_service (store, service_code, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (store, YEARS GENDERS SERVED ("?3", PERSON_FILTER ("p")),
                                       error);

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, from_year);
  gad_stmt_bind_int64 (stmt, 2, to_year);
  gad_stmt_bind_text (stmt, 3, service_code);
  bind_filter (stmt, filter);
  return gad_store_collect (store, stmt, stat_from_row, (GDestroyNotify) gad_stat_free, error);
}

/* The department head's headline figures on @today. */
gboolean
gad_stats_headline (GadStore     *store,
                    const char   *today,
                    GadHeadline  *out,
                    GError      **error)
{
  if (!gad_store_require (store, GAD_RIGHT_DASHBOARDS, 0, error))
    return FALSE;
  /* One pass over the open cases; the month's decisions as a range of the
   * index (a day sorts before "32"); the inhabitants as the administrator
   * entered them (gad_store_set_setting()), 0 when nobody has. */
  GadStmt *stmt = gad_store_statement (store,
                                       "SELECT count (DISTINCT person_id), count (*),"
                                       " (SELECT count (*) FROM decisions"
                                       "   WHERE issued_on >= substr (?1, 1, 7) || '-01'"
                                       "   AND issued_on < substr (?1, 1, 7) || '-32'),"
                                       " (SELECT coalesce (sum (amount_cents), 0) FROM payments"
                                       "   WHERE month >= substr (?1, 1, 4) || '-01'"
                                       "   AND month <= substr (?1, 1, 4) || '-12'),"
                                       " (SELECT coalesce (sum (planned_cents), 0) FROM budget"
                                       "   WHERE year = CAST (substr (?1, 1, 4) AS INTEGER)),"
                                       " (SELECT count (*) FROM staff"
                                       "   WHERE position LIKE 'Sociāl% darbiniek%'),"
                                       " (SELECT coalesce (max (CAST (value AS INTEGER)), 0)"
                                       "   FROM settings WHERE key = 'inhabitants'),"
                                       /* The register of remote farmsteads; the need for
                                        * home care as gad_remote_needs_home_care () says. */
                                       " (SELECT count (*) FROM remote_register"
                                       "   WHERE ended_on IS NULL),"
                                       " (SELECT count (*) FROM remote_register"
                                       "   WHERE ended_on IS NULL AND next_due < ?1),"
                                       " (SELECT count (*) FROM remote_register"
                                       "   WHERE ended_on IS NULL AND home_care_proposed = 0"
                                       "   AND (',' || risks || ',' LIKE '%,home-care,%'"
                                       "   OR (',' || risks || ',' LIKE '%,mobility,%'"
                                       "   AND (',' || risks || ',' LIKE '%,food,%'"
                                       "   OR ',' || risks || ',' LIKE '%,medicines,%'))))"
                                       " FROM cases WHERE closed_on IS NULL",
                                       error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, today);
  if (gad_stmt_step (stmt) != GAD_DB_ROW)
    {
      gad_stmt_reset (stmt);
      return gad_store_fail (store, error);
    }
  out->clients_with_open_case = gad_stmt_column_int64 (stmt, 0);
  out->open_cases = gad_stmt_column_int64 (stmt, 1);
  out->decisions_this_month = gad_stmt_column_int64 (stmt, 2);
  out->paid_this_year_cents = gad_stmt_column_int64 (stmt, 3);
  out->budget_this_year_cents = gad_stmt_column_int64 (stmt, 4);
  out->social_workers = gad_stmt_column_int64 (stmt, 5);
  out->inhabitants = gad_stmt_column_int64 (stmt, 6);
  out->remote_registered = gad_stmt_column_int64 (stmt, 7);
  out->remote_overdue = gad_stmt_column_int64 (stmt, 8);
  out->remote_home_care = gad_stmt_column_int64 (stmt, 9);
  gad_stmt_reset (stmt);
  return TRUE;
}

/**
 * gad_stats_ministry:
 * @month: "YYYY-MM"
 *
 * The monthly figures a service files with the Ministry of Welfare: persons
 * in needy households (applicants and their household members) and the
 * benefits paid that month, split into GMI, housing, health care and other.
 */
gboolean
gad_stats_ministry (GadStore          *store,
                    const char        *month,
                    GadMinistryMonth  *out,
                    GError           **error)
{
  if (!gad_store_require (store, GAD_RIGHT_DASHBOARDS, 0, error))
    return FALSE;
  GadStmt *stmt;
  int y, m;
  char tail;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GDate end;

  if (month == NULL || sscanf (month, "%d-%d%c", &y, &m, &tail) != 2 || m < 1 || m > 12
      || y < 1900)
    {
      g_set_error (error, GAD_STATS_ERROR, GAD_STATS_ERROR_INVALID,
                   _("Give the month as YYYY-MM, e.g. 2026-10."));
      return FALSE;
    }
  g_date_set_dmy (&end, g_date_get_days_in_month (m, y), m, y);
  first = g_strdup_printf ("%04d-%02d-01", y, m);
  last = g_strdup_printf ("%04d-%02d-%02d", y, m, g_date_get_day (&end));

  stmt = gad_store_statement (store,
                              "WITH needy AS (SELECT person_id FROM decisions"
                              "  WHERE status_granted = 'needy' AND period_from <= ?2"
                              "  AND period_to >= ?1)"
                              " SELECT"
                              " (SELECT count (*) FROM (SELECT person_id FROM needy UNION"
                              "   SELECT o.person_id FROM needy n JOIN household_members m"
                              "   ON m.person_id = n.person_id AND m.from_date <= ?2"
                              "   AND (m.to_date IS NULL OR m.to_date >= ?1)"
                              "   JOIN household_members o ON o.household_id = m.household_id"
                              "   AND o.from_date <= ?2 AND (o.to_date IS NULL OR o.to_date >= ?1)) AS members),"
                              " (SELECT coalesce (sum (amount_cents), 0) FROM payments"
                              "   WHERE month = ?3 AND type_code = 'gmi'),"
                              " (SELECT coalesce (sum (amount_cents), 0) FROM payments"
                              "   WHERE month = ?3 AND type_code IN ('housing', 'housing-orphan')),"
                              " (SELECT coalesce (sum (amount_cents), 0) FROM payments"
                              "   WHERE month = ?3 AND type_code = 'medical'),"
                              " (SELECT coalesce (sum (amount_cents), 0) FROM payments"
                              "   WHERE month = ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, first);
  gad_stmt_bind_text (stmt, 2, last);
  gad_stmt_bind_text (stmt, 3, month);
  if (gad_stmt_step (stmt) != GAD_DB_ROW)
    {
      gad_stmt_reset (stmt);
      return gad_store_fail (store, error);
    }
  out->needy_persons = gad_stmt_column_int64 (stmt, 0);
  out->gmi_cents = gad_stmt_column_int64 (stmt, 1);
  out->housing_cents = gad_stmt_column_int64 (stmt, 2);
  out->health_cents = gad_stmt_column_int64 (stmt, 3);
  out->other_cents = gad_stmt_column_int64 (stmt, 4) - out->gmi_cents - out->housing_cents
                     - out->health_cents;
  gad_stmt_reset (stmt);
  return TRUE;
}

static gpointer
drill_from_row (GadStmt *stmt)
{
  GadDrillRow *r = g_new0 (GadDrillRow, 1);

  r->person_id = gad_stmt_column_int64 (stmt, 0);
  r->name = gad_store_column_dup (stmt, 1);
  r->code = gad_store_column_dup (stmt, 2);
  r->amount_cents = gad_stmt_column_is_null (stmt, 3) ? -1
                                                                   : gad_stmt_column_int64 (stmt, 3);
  return r;
}

void
gad_drill_row_free (GadDrillRow *r)
{
  if (r == NULL)
    return;
  g_free (r->name);
  g_free (r->code);
  g_free (r);
}

#define DRILL_PERSON "SELECT p.id, p.last_name || ' ' || p.first_name, p.code"
#define DRILL_FILTER PERSON_FILTER ("p")

/**
 * gad_stats_drill:
 * @kind: a dashboard chart kind
 * @key: the bar's or slice's key: a gender, funding source, benefit or worker
 * @service: for "recipients-per-year", the service (default home care)
 *
 * The records behind one bar or slice: persons served, or persons paid with
 * what they were paid, in name order.
 */
GPtrArray *
gad_stats_drill (GadStore             *store,
                 const char           *kind,
                 int                   year,
                 const char           *key,
                 const char           *service,
                 const GadStatsFilter *filter,
                 GError              **error)
{
  if (!gad_store_require (store, GAD_RIGHT_DASHBOARDS, 0, error))
    return NULL;
  static const struct { const char *kind; const char *sql; } drills[] = {
    { "recipients-per-year",
      DRILL_PERSON ", NULL FROM persons p WHERE p.gender = CASE ?2 WHEN 'male' THEN 'M' ELSE 'F'"
      " END AND p.id IN (SELECT person_id FROM service_plans WHERE service_code = ?3"
      " AND period_from <= ?1 || '-12-31' AND (period_to IS NULL OR period_to >= ?1 || '-01-01'))"
      DRILL_FILTER " ORDER BY p.sort_key" },
    { "budget-split",
      DRILL_PERSON ", sum (y.amount_cents) FROM payments y JOIN persons p ON p.id = y.person_id"
      " WHERE y.month >= ?1 || '-01' AND y.month <= ?1 || '-12'"
      " AND y.funding = CASE ?2 WHEN 'client_payments' THEN 'client' ELSE ?2 END AND ?3 = ?3"
      DRILL_FILTER " GROUP BY p.id ORDER BY p.sort_key" },
    { "spending-by-benefit",
      DRILL_PERSON ", sum (y.amount_cents) FROM payments y JOIN persons p ON p.id = y.person_id"
      " WHERE y.month >= ?1 || '-01' AND y.month <= ?1 || '-12'"
      " AND y.type_code = ?2 AND ?3 = ?3" DRILL_FILTER " GROUP BY p.id ORDER BY p.sort_key" },
    { "recipients-by-parish",
      DRILL_PERSON ", sum (y.amount_cents) FROM payments y JOIN persons p ON p.id = y.person_id"
      " LEFT JOIN territories t ON t.id = p.territory_id"
      " WHERE y.month >= ?1 || '-01' AND y.month <= ?1 || '-12'"
      " AND coalesce (t.name, '—') = ?2 AND ?3 = ?3" DRILL_FILTER
      " GROUP BY p.id ORDER BY p.sort_key" },
    { "recipients-by-benefit",
      DRILL_PERSON ", sum (y.amount_cents) FROM payments y JOIN persons p ON p.id = y.person_id"
      " WHERE y.month >= ?1 || '-01' AND y.month <= ?1 || '-12'"
      " AND y.type_code = ?2 AND ?3 = ?3" DRILL_FILTER " GROUP BY p.id ORDER BY p.sort_key" },
    { "recipients-by-target-group",
      DRILL_PERSON ", NULL FROM persons p WHERE p.id IN (SELECT c.person_id FROM cases c"
      " WHERE ',' || c.target_groups || ',' LIKE '%,' || ?2 || ',%'"
      " AND c.opened_on <= ?1 || '-12-31' AND (c.closed_on IS NULL OR c.closed_on >= ?1 || '-01-01'))"
      " AND ?3 = ?3" DRILL_FILTER " ORDER BY p.sort_key" },
    { "caseload",
      DRILL_PERSON ", NULL FROM persons p WHERE p.id IN (SELECT c.person_id FROM cases c"
      " JOIN staff s ON s.id = c.worker_id WHERE s.name = ?2 AND c.opened_on <= ?1 || '-12-31'"
      " AND (c.closed_on IS NULL OR c.closed_on > ?1 || '-12-31')) AND ?3 = ?3"
      " AND (?4 = 0 OR p.territory_id = ?4) AND ?5 = ?5 ORDER BY p.sort_key" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (drills); i++)
    if (g_strcmp0 (drills[i].kind, kind) == 0)
      {
        GadStmt *stmt = gad_store_statement (store, drills[i].sql, error);

        if (stmt == NULL)
          return NULL;
        gad_stmt_bind_int64 (stmt, 1, year);
        gad_stmt_bind_text (stmt, 2, key);
        gad_stmt_bind_text (stmt, 3, service && *service ? service : "home-care");
        bind_filter (stmt, filter);
        return gad_store_collect (store, stmt, drill_from_row, (GDestroyNotify) gad_drill_row_free,
                                  error);
      }
  g_set_error (error, GAD_STATS_ERROR, GAD_STATS_ERROR_UNKNOWN_TABLE,
               _("There is no table “%s”."), kind);
  return NULL;
}
