/* gad-store-schedule.c — schedule entries and the occurrences of a range
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An entry is kept as its rule (once, or weekly on some weekdays until a
 * day); what happens to one occurrence — moved, given to a colleague,
 * cancelled, done, missed — is a row keyed by the entry and the day the
 * rule gives. Reading a range expands the rules and applies those rows.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "gad-schedule.h"
#include "gad-store-private.h"
#include "gad-store-schedule-private.h"
#include "gad-text.h"

#define ENTRY_COLUMNS \
  "e.id, e.kind, e.staff_id, e.person_id, e.plan_id, e.territory_id, e.title, e.start_date," \
  " e.start_time, e.minutes, e.weekdays, e.until_date, e.note, e.override_reason, e.version"

static GadEntry *
entry_from_row (GadStmt *stmt)
{
  GadEntry *e = g_new0 (GadEntry, 1);

  e->id = gad_stmt_column_int64 (stmt, 0);
  e->kind = gad_store_column_dup (stmt, 1);
  e->staff_id = gad_stmt_column_int64 (stmt, 2);
  e->person_id = gad_stmt_column_int64 (stmt, 3);
  e->plan_id = gad_stmt_column_int64 (stmt, 4);
  e->territory_id = gad_stmt_column_int64 (stmt, 5);
  e->title = gad_store_column_dup (stmt, 6);
  e->start_date = gad_store_column_dup (stmt, 7);
  gad_minute_parse (gad_stmt_column_text (stmt, 8), &e->start_minute);
  e->minutes = gad_stmt_column_int (stmt, 9);
  e->weekdays = gad_stmt_column_int (stmt, 10);
  e->until_date = gad_store_column_dup (stmt, 11);
  e->note = gad_store_column_dup (stmt, 12);
  e->override_reason = gad_store_column_dup (stmt, 13);
  e->version = gad_stmt_column_int64 (stmt, 14);
  return e;
}

GadEntry *
gad_store_get_entry (GadStore    *self,
                     gint64       id,
                     GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT " ENTRY_COLUMNS
                                            " FROM schedule_entries e WHERE e.id = ?",
                                            error);
  GadEntry *e = NULL;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    e = entry_from_row (stmt);
  gad_stmt_reset (stmt);
  if (e == NULL)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                 _("The schedule entry was not found. It may have been removed in another window."));
  return e;
}

typedef struct
{
  char *status;
  char *moved_date;
  int moved_minute;       /* -1 when not moved */
  gint64 staff_id;
  int actual_minutes;
  char *reason;
  char *override_reason;
} Exception;

static void
exception_free (gpointer data)
{
  Exception *x = data;

  g_free (x->status);
  g_free (x->moved_date);
  g_free (x->reason);
  g_free (x->override_reason);
  g_free (x);
}

typedef struct
{
  char *name;
  char *department;
} StaffInfo;

static void
staff_info_free (gpointer data)
{
  StaffInfo *s = data;

  g_free (s->name);
  g_free (s->department);
  g_free (s);
}

typedef struct
{
  char *name;
  char *address;
  char *phone;
} PersonInfo;

static void
person_info_free (gpointer data)
{
  PersonInfo *p = data;

  if (p == NULL)
    return;
  g_free (p->name);
  g_free (p->address);
  g_free (p->phone);
  g_free (p);
}

/* Everything that may happen in [from, to], narrowed in SQL to a staff
 * member's or a client's entries when @staff_id or @person_id is set. */
static gboolean
load_range (GadStore    *self,
            const char  *from,
            const char  *to,
            gint64       staff_id,
            gint64       person_id,
            GPtrArray   *entries,
            GHashTable  *exceptions,
            GError     **error)
{
  /* A union of indexed reads: one OR across the columns would scan the table. */
  GadStmt *stmt = gad_store_statement (self,
    "SELECT " ENTRY_COLUMNS " FROM schedule_entries e WHERE e.id IN ("
    " SELECT id FROM schedule_entries WHERE ?3 = 0 AND ?4 = 0"
    "  AND start_date <= ?2 AND (until_date IS NULL OR until_date >= ?1)"
    " UNION ALL SELECT id FROM schedule_entries WHERE staff_id = ?3"
    "  AND start_date <= ?2 AND (until_date IS NULL OR until_date >= ?1)"
    " UNION ALL SELECT id FROM schedule_entries WHERE person_id = ?4"
    "  AND start_date <= ?2 AND (until_date IS NULL OR until_date >= ?1)"
    " UNION ALL SELECT entry_id FROM schedule_occurrences WHERE moved_date BETWEEN ?1 AND ?2"
    " UNION ALL SELECT entry_id FROM schedule_occurrences WHERE staff_id = ?3"
    "  AND date BETWEEN ?1 AND ?2)",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, from);
  gad_stmt_bind_text (stmt, 2, to);
  gad_stmt_bind_int64 (stmt, 3, staff_id);
  gad_stmt_bind_int64 (stmt, 4, person_id);
  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  gad_stmt_reset (stmt);
  if (rc != GAD_DB_DONE)
    return gad_store_fail (self, error);

  stmt = gad_store_statement (self,
                              "SELECT entry_id, date, status, moved_date, moved_time, staff_id,"
                              " actual_minutes, reason, override_reason FROM schedule_occurrences"
                              " WHERE date BETWEEN ?1 AND ?2 OR moved_date BETWEEN ?1 AND ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, from);
  gad_stmt_bind_text (stmt, 2, to);
  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      Exception *x = g_new0 (Exception, 1);

      x->status = gad_store_column_dup (stmt, 2);
      x->moved_date = gad_store_column_dup (stmt, 3);
      x->moved_minute = -1;
      if (!gad_stmt_column_is_null (stmt, 4))
        gad_minute_parse (gad_stmt_column_text (stmt, 4), &x->moved_minute);
      x->staff_id = gad_stmt_column_int64 (stmt, 5);
      x->actual_minutes = gad_stmt_column_is_null (stmt, 6)
                            ? -1 : gad_stmt_column_int (stmt, 6);
      x->reason = gad_store_column_dup (stmt, 7);
      x->override_reason = gad_store_column_dup (stmt, 8);
      g_hash_table_insert (exceptions,
                           g_strdup_printf ("%" G_GINT64_FORMAT " %s",
                                            (gint64) gad_stmt_column_int64 (stmt, 0),
                                            gad_stmt_column_text (stmt, 1)),
                           x);
    }
  gad_stmt_reset (stmt);
  if (rc != GAD_DB_DONE)
    return gad_store_fail (self, error);
  return TRUE;
}

static GHashTable *
staff_table (GadStore *self)
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             staff_info_free);
  GadStmt *stmt = gad_store_statement (self, "SELECT id, name, department FROM staff",
                                            NULL);

  while (stmt && gad_stmt_step (stmt) == GAD_DB_ROW)
    {
      StaffInfo *s = g_new0 (StaffInfo, 1);

      s->name = gad_store_column_dup (stmt, 1);
      s->department = gad_store_column_dup (stmt, 2);
      g_hash_table_insert (table, g_memdup2 (&(gint64) { gad_stmt_column_int64 (stmt, 0) },
                                             sizeof (gint64)), s);
    }
  if (stmt)
    gad_stmt_reset (stmt);
  return table;
}

typedef struct
{
  GHashTable *persons;    /* id → PersonInfo */
  GHashTable *plans;      /* id → service code */
  GHashTable *offices;    /* id → name */
  GHashTable *services;   /* plan id → service name */
} Names;

static PersonInfo *
person_info (GadStore *self,
             Names    *names,
             gint64    id)
{
  PersonInfo *p = NULL;
  GadStmt *stmt;

  /* Known, or known not to be readable. */
  if (id == 0 || g_hash_table_lookup_extended (names->persons, &id, NULL, (gpointer *) &p))
    return p;
  p = g_new0 (PersonInfo, 1);
  stmt = gad_store_statement (self,
                              "SELECT first_name || ' ' || last_name, address, phone"
                              " FROM persons WHERE id = ?", NULL);
  if (stmt)
    {
      gad_stmt_bind_int64 (stmt, 1, id);
      if (gad_stmt_step (stmt) == GAD_DB_ROW)
        {
          p->name = gad_store_column_dup (stmt, 0);
          p->address = gad_store_column_dup (stmt, 1);
          p->phone = gad_store_column_dup (stmt, 2);
        }
      gad_stmt_reset (stmt);
    }
  g_hash_table_insert (names->persons, g_memdup2 (&id, sizeof id), p);
  return p;
}

static const char *
cached_text (GadStore   *self,
             GHashTable *cache,
             const char *sql,
             gint64      id)
{
  char *text;

  if (id == 0)
    return NULL;
  if (g_hash_table_lookup_extended (cache, &id, NULL, (gpointer *) &text))
    return text;
  text = gad_store_lookup_text (self, sql, id);
  g_hash_table_insert (cache, g_memdup2 (&id, sizeof id), text);
  return text;
}

/* The ids of @entries' column at @offset (a gint64 of GadEntry), listed
 * once each, comma-separated. Each is put in @caches with no value first:
 * one the query does not find (a row the role may not read) is not asked
 * for again one by one. */
static char *
id_list (GPtrArray   *entries,
         gsize        offset,
         GHashTable  *cache,
         GHashTable  *second_cache)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      gint64 *id = G_STRUCT_MEMBER_P (g_ptr_array_index (entries, i), offset);

      if (*id == 0 || g_hash_table_contains (cache, id))
        continue;
      g_hash_table_insert (cache, g_memdup2 (id, sizeof *id), NULL);
      if (second_cache)
        g_hash_table_insert (second_cache, g_memdup2 (id, sizeof *id), NULL);
      g_string_append_printf (list, "%s%" G_GINT64_FORMAT, list->len ? "," : "", *id);
    }
  return g_string_free (list, FALSE);
}

/* Reads the names @entries' occurrences show in three queries, not one a
 * client, plan or office: over a link a parish office away a week has
 * hundreds. What cannot be read here is asked one by one later. */
static void
prefill_names (GadStore  *self,
               Names     *names,
               GPtrArray *entries,
               gboolean   latvian)
{
  g_autofree char *persons = id_list (entries, G_STRUCT_OFFSET (GadEntry, person_id),
                                      names->persons, NULL);
  g_autofree char *plans = id_list (entries, G_STRUCT_OFFSET (GadEntry, plan_id), names->plans,
                                    names->services);
  gboolean server = gad_store_is_server (self);
  GadStmt *stmt;

#define IN_LIST(column) (server ? " WHERE " column " = ANY (string_to_array (?1, ',')::bigint[])" \
                                : " WHERE " column " IN (SELECT value FROM json_each ('[' || ?1 || ']'))")
  if (*persons)
    {
      g_autofree char *sql = g_strconcat ("SELECT id, first_name || ' ' || last_name, address,"
                                          " phone FROM persons", IN_LIST ("id"), NULL);

      if ((stmt = gad_store_statement (self, sql, NULL)) != NULL)
        {
          gad_stmt_bind_text (stmt, 1, persons);
          while (gad_stmt_step (stmt) == GAD_DB_ROW)
            {
              PersonInfo *p = g_new0 (PersonInfo, 1);
              gint64 id = gad_stmt_column_int64 (stmt, 0);

              p->name = gad_store_column_dup (stmt, 1);
              p->address = gad_store_column_dup (stmt, 2);
              p->phone = gad_store_column_dup (stmt, 3);
              g_hash_table_insert (names->persons, g_memdup2 (&id, sizeof id), p);
            }
          gad_stmt_reset (stmt);
        }
    }
  if (*plans)
    {
      g_autofree char *sql = g_strconcat ("SELECT sp.id, sp.service_code, t.name_lv, t.name_en"
                                          " FROM service_plans sp"
                                          " JOIN service_types t ON t.code = sp.service_code",
                                          IN_LIST ("sp.id"), NULL);

      if ((stmt = gad_store_statement (self, sql, NULL)) != NULL)
        {
          gad_stmt_bind_text (stmt, 1, plans);
          while (gad_stmt_step (stmt) == GAD_DB_ROW)
            {
              gint64 id = gad_stmt_column_int64 (stmt, 0);

              g_hash_table_insert (names->plans, g_memdup2 (&id, sizeof id),
                                   gad_store_column_dup (stmt, 1));
              g_hash_table_insert (names->services, g_memdup2 (&id, sizeof id),
                                   gad_store_column_dup (stmt, latvian ? 2 : 3));
            }
          gad_stmt_reset (stmt);
        }
    }
#undef IN_LIST
  /* The offices are few: all of them. */
  if ((stmt = gad_store_statement (self, "SELECT id, name FROM territories", NULL)) != NULL)
    {
      while (gad_stmt_step (stmt) == GAD_DB_ROW)
        {
          gint64 id = gad_stmt_column_int64 (stmt, 0);

          g_hash_table_insert (names->offices, g_memdup2 (&id, sizeof id),
                               gad_store_column_dup (stmt, 1));
        }
      gad_stmt_reset (stmt);
    }
}

/**
 * GadScheduleFilter:
 *
 * Whose schedule: one staff member, a department (a team), one client or one
 * office; all zero or %NULL for everything.
 */
static gboolean
wanted (const GadScheduleFilter *filter,
        const GadOccurrence     *o,
        GHashTable              *staff)
{
  StaffInfo *s;

  if (filter == NULL)
    return TRUE;
  if (filter->staff_id && o->staff_id != filter->staff_id)
    return FALSE;
  if (filter->person_id && o->person_id != filter->person_id)
    return FALSE;
  if (filter->territory_id && o->territory_id != filter->territory_id)
    return FALSE;
  if (filter->kind && g_strcmp0 (filter->kind, o->kind) != 0)
    return FALSE;
  if (filter->department && *filter->department)
    {
      s = g_hash_table_lookup (staff, &o->staff_id);
      if (s == NULL || g_strcmp0 (s->department, filter->department) != 0)
        return FALSE;
    }
  if (!filter->with_cancelled && g_strcmp0 (o->status, "cancelled") == 0)
    return FALSE;
  return TRUE;
}

static int
by_start (gconstpointer a,
          gconstpointer b)
{
  const GadOccurrence *x = *(GadOccurrence **) a, *y = *(GadOccurrence **) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->staff_id < y->staff_id ? -1 : x->staff_id > y->staff_id;
}

/* The occurrences in [from, to] that pass @filter. @staff_id and
 * @person_id narrow what is read to the entries of that staff member or that
 * client, whoever else they involve. */
GPtrArray *
gad_store_expand (GadStore                *self,
                  const GadScheduleFilter *filter,
                  const char              *from,
                  const char              *to,
                  gint64                   staff_id,
                  gint64                   person_id,
                  GError                 **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_entry_free);
  g_autoptr(GHashTable) exceptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            exception_free);
  g_autoptr(GHashTable) staff = staff_table (self);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_occurrence_free);
  Names names = {
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, person_info_free),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free),
  };
  gboolean latvian = gad_text_ui_is_latvian ();
  gboolean ok;

  if (filter && (filter->staff_id || filter->person_id))
    {
      staff_id = filter->staff_id;
      person_id = filter->person_id;
    }
  ok = load_range (self, from, to, staff_id, person_id, entries, exceptions, error);
  if (ok)
    prefill_names (self, &names, entries, latvian);

  for (guint i = 0; ok && i < entries->len; i++)
    {
      GadEntry *e = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) days = gad_entry_days (e, from, to);
      g_autofree char *prefix = g_strdup_printf ("%" G_GINT64_FORMAT " ", e->id);
      GHashTableIter iter;
      const char *key;
      Exception *x;

      /* Occurrences moved here from outside the range. */
      g_hash_table_iter_init (&iter, exceptions);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &x))
        if (g_str_has_prefix (key, prefix) && x->moved_date
            && (g_strcmp0 (key + strlen (prefix), from) < 0
                || g_strcmp0 (key + strlen (prefix), to) > 0))
          g_ptr_array_add (days, g_strdup (key + strlen (prefix)));

      for (guint d = 0; d < days->len; d++)
        {
          const char *day = g_ptr_array_index (days, d);
          g_autofree char *k = g_strconcat (prefix, day, NULL);
          GadOccurrence *o = g_new0 (GadOccurrence, 1);
          PersonInfo *p;
          StaffInfo *s;

          x = g_hash_table_lookup (exceptions, k);
          o->entry_id = e->id;
          o->kind = g_strdup (e->kind);
          o->rule_date = g_strdup (day);
          o->date = g_strdup (x && x->moved_date ? x->moved_date : day);
          o->start_minute = x && x->moved_minute >= 0 ? x->moved_minute : e->start_minute;
          o->minutes = e->minutes;
          o->start = gad_riga_to_unix (o->date, o->start_minute);
          o->staff_id = x && x->staff_id ? x->staff_id : e->staff_id;
          o->person_id = e->person_id;
          o->plan_id = e->plan_id;
          o->territory_id = e->territory_id;
          o->status = g_strdup (x ? x->status : "planned");
          o->actual_minutes = x ? x->actual_minutes : -1;
          o->reason = x ? g_strdup (x->reason) : NULL;
          o->override_reason = g_strdup (x && x->override_reason ? x->override_reason
                                                                 : e->override_reason);
          o->recurring = e->weekdays != 0;
          o->title = g_strdup (e->title);
          o->note = g_strdup (e->note);
          o->service_code = g_strdup (cached_text (self, names.plans,
                                                   "SELECT service_code FROM service_plans"
                                                   " WHERE id = ?", e->plan_id));
          o->service_name = g_strdup (cached_text (self, names.services,
                                                   latvian
                                                     ? "SELECT t.name_lv FROM service_plans sp"
                                                       " JOIN service_types t ON t.code = sp.service_code"
                                                       " WHERE sp.id = ?"
                                                     : "SELECT t.name_en FROM service_plans sp"
                                                       " JOIN service_types t ON t.code = sp.service_code"
                                                       " WHERE sp.id = ?", e->plan_id));
          o->office = g_strdup (cached_text (self, names.offices,
                                             "SELECT name FROM territories WHERE id = ?",
                                             e->territory_id));
          s = g_hash_table_lookup (staff, &o->staff_id);
          o->staff_name = g_strdup (s ? s->name : NULL);
          p = person_info (self, &names, e->person_id);
          if (p)
            {
              o->person_name = g_strdup (p->name);
              o->address = g_strdup (p->address);
              o->phone = g_strdup (p->phone);
            }
          if (g_strcmp0 (o->date, from) < 0 || g_strcmp0 (o->date, to) > 0
              || !wanted (filter, o, staff))
            gad_occurrence_free (o);
          else
            g_ptr_array_add (out, o);
        }
    }
  g_hash_table_unref (names.persons);
  g_hash_table_unref (names.plans);
  g_hash_table_unref (names.offices);
  g_hash_table_unref (names.services);
  if (!ok)
    return NULL;
  g_ptr_array_sort (out, by_start);
  return g_steal_pointer (&out);
}

/**
 * gad_store_list_occurrences:
 * @filter: (nullable): whose schedule
 * @from: the first day, ISO 8601
 * @to: the last day
 *
 * Returns: (transfer full): #GadOccurrence by start time
 */
GPtrArray *
gad_store_list_occurrences (GadStore                *self,
                            const GadScheduleFilter *filter,
                            const char              *from,
                            const char              *to,
                            GError                 **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return NULL;
  return gad_store_expand (self, filter, from, to, 0, 0, error);
}

/* The week and month limits look at whole weeks and months. */
static void
widen (const char  *from,
       const char  *to,
       char       **wide_from,
       char       **wide_to)
{
  g_autofree char *monday = gad_date_add_days (from, 1 - gad_date_weekday (from));
  g_autofree char *first = g_strdup_printf ("%.8s01", from);
  g_autofree char *sunday = gad_date_add_days (to, 7 - gad_date_weekday (to));
  int y = 0, m = 0;
  g_autofree char *last = NULL;

  sscanf (to, "%d-%d", &y, &m);
  last = g_strdup_printf ("%04d-%02d-%02d", y, m,
                          g_date_valid_month (m) && g_date_valid_year (y)
                            ? g_date_get_days_in_month (m, y) : 28);
  *wide_from = g_strdup (g_strcmp0 (monday, first) < 0 ? monday : first);
  *wide_to = g_strdup (g_strcmp0 (sunday, last) > 0 ? sunday : last);
}

GPtrArray *
gad_store_conflicts_between (GadStore    *self,
                             const char  *from,
                             const char  *to,
                             gint64       staff_id,
                             gint64       person_id,
                             GError     **error)
{
  g_autofree char *wide_from = NULL, *wide_to = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  GadCaseloadLimits limits;

  widen (from, to, &wide_from, &wide_to);
  occurrences = gad_store_expand (self, NULL, wide_from, wide_to, staff_id, person_id, error);
  if (occurrences == NULL)
    return NULL;
  if (staff_id || person_id)
    {
      /* Narrowed to one entry's people: the plans its visits need. */
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

      plans = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_service_plan_free);
      for (guint i = 0; i < occurrences->len; i++)
        {
          GadOccurrence *o = g_ptr_array_index (occurrences, i);
          GadServicePlan *plan;

          if (o->plan_id == 0 || !g_hash_table_add (seen, &o->plan_id))
            continue;
          if ((plan = gad_store_plan_by_id (self, o->plan_id)) != NULL)
            g_ptr_array_add (plans, plan);
        }
    }
  else if ((plans = gad_store_plans_between (self, wide_from, wide_to, error)) == NULL)
    return NULL;
  gad_store_caseload_limits (self, &limits);
  return gad_conflicts_find (occurrences, plans, &limits, from, to);
}

/**
 * gad_store_find_conflicts:
 *
 * Returns: (transfer full): every #GadConflict touching [@from, @to], by date
 */
GPtrArray *
gad_store_find_conflicts (GadStore    *self,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return NULL;
  if (!gad_store_valid_date (from) || !gad_store_valid_date (to) || g_strcmp0 (from, to) > 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Enter the period as dates (DD.MM.YYYY); it cannot end before it begins."));
      return NULL;
    }
  return gad_store_conflicts_between (self, from, to, 0, 0, error);
}
