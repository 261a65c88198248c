/* gad-store-groups.c — group work: a group's kind and counts, its programme, its list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group is a group entry of the schedules; whoever keeps schedules keeps
 * its kind, target group, others counted and a plan for each session. The
 * feedback of the surveys tied to it is counted for all of them, and its
 * mean is read by those who may read survey answers (a head).
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-catalog.h"
#include "gad-group.h"
#include "gad-schedule.h"
#include "gad-store-private.h"
#include "gad-text.h"

#include <string.h>

/* A group's details: the entry, its leader, its kind, its client list. */
#define GROUP_COLUMNS \
  "SELECT e.id, e.title, s.name, e.start_date, e.until_date, coalesce (w.form, 'support-group')," \
  " coalesce (w.target_group, ''), coalesce (w.version, 0)," \
  " (SELECT count (*) FROM group_participants p WHERE p.entry_id = e.id)" \
  " FROM schedule_entries e JOIN staff s ON s.id = e.staff_id" \
  " LEFT JOIN group_work w ON w.entry_id = e.id WHERE e.kind = 'group'"

static gpointer
group_from_row (GadStmt *stmt)
{
  GadGroup *g = gad_group_new (gad_stmt_column_int64 (stmt, 0), gad_stmt_column_text (stmt, 1));

  g->leader = gad_store_column_dup (stmt, 2);
  g->start_date = gad_store_column_dup (stmt, 3);
  g->until_date = gad_store_column_dup (stmt, 4);
  g_free (g->form);
  g->form = gad_store_column_dup (stmt, 5);
  g_free (g->target_group);
  g->target_group = gad_store_column_dup (stmt, 6);
  g->version = gad_stmt_column_int (stmt, 7);
  g->clients = gad_stmt_column_int (stmt, 8);
  return g;
}

/* Its others counted, its feedback, and the sessions held in @year (0: ever). */
static gboolean
read_counts (GadStore  *self,
             GadGroup  *g,
             int        year,
             GError   **error)
{
  guint n;
  const GadCatalogEntry *ages = gad_catalog_entries (GAD_CATALOG_AGE_GROUP, &n);
  GadStmt *stmt = gad_store_statement (self, "SELECT gender, age_group, count FROM group_others"
                                             " WHERE entry_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, g->entry_id);
  while (gad_stmt_step (stmt) == GAD_DB_ROW)
    for (guint a = 0; a < n; a++)
      if (g_str_equal (ages[a].code, gad_stmt_column_text (stmt, 1)))
        g->others[g_str_equal (gad_stmt_column_text (stmt, 0), "F")][a] = gad_stmt_column_int (stmt, 2);
  gad_stmt_reset (stmt);
  stmt = gad_store_statement (self, "SELECT count (*) FROM (" GAD_HELD_SESSIONS ") h"
                                    " WHERE h.entry_id = ?1 AND (?2 = 0 OR substr (h.date, 1, 4)"
                                    " = CAST (?2 AS TEXT))", error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, g->entry_id);
  gad_stmt_bind_int64 (stmt, 2, year);
  g->sessions_held = gad_stmt_step (stmt) == GAD_DB_ROW ? gad_stmt_column_int (stmt, 0) : 0;
  gad_stmt_reset (stmt);
  g->feedback_responses = gad_store_lookup_id (self, "SELECT count (*) FROM survey_responses r"
                                                     " JOIN surveys s ON s.id = r.survey_id"
                                                     " WHERE s.group_entry_id = ?1", g->entry_id);
  if (g->feedback_responses == 0 || !gad_store_can (self, GAD_RIGHT_DASHBOARDS, 0))
    return TRUE;
  stmt = gad_store_statement (self, "SELECT avg (CAST (a.value AS DOUBLE PRECISION))"
                                    " FROM surveys s JOIN survey_responses r ON r.survey_id = s.id"
                                    " JOIN survey_answers a ON a.response_id = r.id"
                                    " JOIN survey_questions q ON q.id = a.question_id"
                                    " AND q.kind = 'scale' WHERE s.group_entry_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, g->entry_id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW && !gad_stmt_column_is_null (stmt, 0))
    {
      g->has_feedback = TRUE;
      g->feedback_mean = gad_stmt_column_double (stmt, 0);
    }
  gad_stmt_reset (stmt);
  return TRUE;
}

/**
 * gad_store_list_groups:
 *
 * The groups meeting in @year (their first session no later, their last no
 * earlier), by first session and title, with the sessions held that year.
 * Returns: (element-type GadGroup): without sessions
 */
GPtrArray *
gad_store_list_groups (GadStore    *self,
                       int          year,
                       GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return NULL;
  g_autoptr(GPtrArray) groups = NULL;
  GadStmt *stmt = gad_store_statement (self, GROUP_COLUMNS " AND e.start_date <= ?1 || '-12-31'"
                                             " AND (e.until_date IS NULL"
                                             "  OR e.until_date >= ?1 || '-01-01')"
                                             " ORDER BY e.start_date, e.title, e.id", error);

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, year);
  groups = gad_store_collect (self, stmt, group_from_row, (GDestroyNotify) gad_group_free, error);
  for (guint i = 0; groups && i < groups->len; i++)
    if (!read_counts (self, groups->pdata[i], year, error))
      return NULL;
  return g_steal_pointer (&groups);
}

static GadGroupSession *
session_of (GHashTable *by_date,
            GPtrArray  *sessions,
            const char *date)
{
  GadGroupSession *s = g_hash_table_lookup (by_date, date);

  if (s == NULL)
    {
      s = g_new0 (GadGroupSession, 1);
      s->date = g_strdup (date);
      s->topic = g_strdup ("");
      s->plan = g_strdup ("");
      s->others_present = -1;
      s->status = g_strdup ("planned");
      g_ptr_array_add (sessions, s);
      g_hash_table_insert (by_date, s->date, s);
    }
  return s;
}

static int
by_date (gconstpointer a,
         gconstpointer b)
{
  return strcmp ((*(GadGroupSession **) a)->date, (*(GadGroupSession **) b)->date);
}

/* Each session the rule gives (an open-ended group's for half a year ahead),
 * and any day it no longer gives that has a plan, a status or attendance,
 * by date. */
static GPtrArray *
read_sessions (GadStore        *self,
               const GadEntry  *entry,
               GError         **error)
{
  static const char *const sql[] = {
    "SELECT date, topic, plan, others_present FROM group_sessions WHERE entry_id = ?1",
    "SELECT date, status FROM schedule_occurrences WHERE entry_id = ?1",
    "SELECT date, count (*) FROM group_attendance WHERE entry_id = ?1 AND present = 1"
    " GROUP BY date",
  };
  g_autofree char *today = gad_text_today_iso ();
  g_autoptr(GDate) ahead = g_date_new ();
  char last[16];
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GHashTable) dates = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_group_session_free);

  g_date_set_parse (ahead, today);
  g_date_add_days (ahead, 182);
  g_date_strftime (last, sizeof last, "%Y-%m-%d", ahead);
  days = gad_entry_days (entry, entry->start_date, entry->until_date ? entry->until_date : last);
  for (guint i = 0; i < days->len; i++)
    session_of (dates, sessions, days->pdata[i]);
  for (guint q = 0; q < G_N_ELEMENTS (sql); q++)
    {
      GadStmt *stmt = gad_store_statement (self, sql[q], error);
      GadDbStep rc;

      if (stmt == NULL)
        return NULL;
      gad_stmt_bind_int64 (stmt, 1, entry->id);
      while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
        {
          GadGroupSession *s = session_of (dates, sessions, gad_stmt_column_text (stmt, 0));

          if (q == 0)
            {
              g_free (s->topic);
              s->topic = gad_store_column_dup (stmt, 1);
              g_free (s->plan);
              s->plan = gad_store_column_dup (stmt, 2);
              s->others_present = gad_stmt_column_is_null (stmt, 3) ? -1
                                                                     : gad_stmt_column_int (stmt, 3);
            }
          else if (q == 1)
            {
              g_free (s->status);
              s->status = gad_store_column_dup (stmt, 1);
            }
          else
            s->clients_present = gad_stmt_column_int (stmt, 1);
        }
      gad_stmt_reset (stmt);
      if (rc != GAD_DB_DONE)
        {
          gad_store_fail (self, error);
          return NULL;
        }
    }
  g_ptr_array_sort (sessions, by_date);
  return g_steal_pointer (&sessions);
}

/**
 * gad_store_get_group:
 *
 * A group with its sessions, the sessions held ever, and its feedback.
 */
GadGroup *
gad_store_get_group (GadStore    *self,
                     gint64       entry_id,
                     GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return NULL;
  g_autoptr(GadEntry) entry = gad_store_get_entry (self, entry_id, error);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GadGroup) group = NULL;
  GadStmt *stmt;

  if (entry == NULL)
    return NULL;
  if ((stmt = gad_store_statement (self, GROUP_COLUMNS " AND e.id = ?1", error)) == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, entry_id);
  if ((found = gad_store_collect (self, stmt, group_from_row, (GDestroyNotify) gad_group_free,
                                  error)) == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("The entry is not a group session."));
      return NULL;
    }
  group = g_ptr_array_steal_index (found, 0);
  if (!read_counts (self, group, 0, error)
      || (group->sessions = read_sessions (self, entry, error)) == NULL)
    return NULL;
  return g_steal_pointer (&group);
}
