/* gad-store-schedule.c — service plans, schedule entries and occurrences, co-payments
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An entry is kept as its rule (once, or weekly on some weekdays until a
 * day); what happens to one occurrence — moved, given to a colleague,
 * cancelled, done, missed — is a row keyed by the entry and the day the
 * rule gives. Reading a range expands the rules and applies those rows.
 * Every save checks the conflict rules again and is refused unless the user
 * gave a reason to overrule them; the reason goes to the audit log.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "gad-schedule.h"
#include "gad-store-private.h"
#include "gad-text.h"

static const char *entry_kinds[] = { "visit", "appointment", "reception", "group" };

/* Service plans */

#define PLAN_COLUMNS \
  "sp.id, sp.person_id, sp.service_code, sp.level, sp.client_group, sp.period_from," \
  " sp.period_to, sp.staff_id, sp.override_reason, p.first_name || ' ' || p.last_name, s.name," \
  " sp.version" \
  " FROM service_plans sp JOIN persons p ON p.id = sp.person_id" \
  " LEFT JOIN staff s ON s.id = sp.staff_id"

static gpointer
plan_from_row (GadStmt *stmt)
{
  GadServicePlan *p = g_new0 (GadServicePlan, 1);

  p->id = gad_stmt_column_int64 (stmt, 0);
  p->person_id = gad_stmt_column_int64 (stmt, 1);
  p->service_code = gad_store_column_dup (stmt, 2);
  p->level = gad_stmt_column_int (stmt, 3);
  p->client_group = gad_store_column_dup (stmt, 4);
  p->period_from = gad_store_column_dup (stmt, 5);
  p->period_to = gad_store_column_dup (stmt, 6);
  p->staff_id = gad_stmt_column_int64 (stmt, 7);
  p->override_reason = gad_store_column_dup (stmt, 8);
  p->person_name = gad_store_column_dup (stmt, 9);
  p->staff_name = gad_store_column_dup (stmt, 10);
  p->version = gad_stmt_column_int64 (stmt, 11);
  return p;
}

GPtrArray *
gad_store_list_service_plans (GadStore    *self,
                              gint64       person_id,
                              GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT " PLAN_COLUMNS
                                            " WHERE ?1 = 0 OR sp.person_id = ?1"
                                            " ORDER BY sp.period_from DESC, sp.id DESC",
                                            error);

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  return gad_store_collect (self, stmt, plan_from_row, (GDestroyNotify) gad_service_plan_free,
                            error);
}

/* Plans in force some day of [from, to]. */
static GPtrArray *
plans_between (GadStore    *self,
               const char  *from,
               const char  *to,
               GError     **error)
{
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT " PLAN_COLUMNS
                                            " WHERE sp.period_from <= ?2"
                                            " AND (sp.period_to IS NULL OR sp.period_to >= ?1)"
                                            " ORDER BY sp.period_from, sp.id",
                                            error);

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_text (stmt, 1, from);
  gad_stmt_bind_text (stmt, 2, to);
  return gad_store_collect (self, stmt, plan_from_row, (GDestroyNotify) gad_service_plan_free,
                            error);
}

static GadServicePlan *
get_plan (GadStore *self,
          gint64    id)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT " PLAN_COLUMNS " WHERE sp.id = ?",
                                            NULL);
  GadServicePlan *plan = NULL;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    plan = plan_from_row (stmt);
  gad_stmt_reset (stmt);
  return plan;
}

/**
 * gad_store_check_safety_button:
 *
 * The safety button is for a pensioner or a person with disability group I
 * or II who lives without legal providers and has home care at level 3 or 4
 * on @date. Returns %FALSE with every failed condition in @error.
 */
gboolean
gad_store_check_safety_button (GadStore    *self,
                               gint64       person_id,
                               const char  *date,
                               GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return FALSE;
  GadStmt *stmt = gad_store_statement (self,
    "SELECT p.first_name || ' ' || p.last_name,"
    " (p.birth_date IS NOT NULL AND p.birth_date <= ?3)"
    "  OR coalesce (p.disability_group, 3) <= 2"
    "  OR EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id AND c.closed_on IS NULL"
    "             AND ',' || c.target_groups || ',' LIKE '%,pensioner,%'),"
    " (SELECT q.first_name || ' ' || q.last_name FROM household_members me"
    "  JOIN household_members m ON m.household_id = me.household_id AND m.person_id <> me.person_id"
    "  JOIN persons q ON q.id = m.person_id"
    "  WHERE me.person_id = p.id AND me.from_date <= ?2 AND (me.to_date IS NULL OR me.to_date >= ?2)"
    "  AND m.from_date <= ?2 AND (m.to_date IS NULL OR m.to_date >= ?2)"
    "  AND (m.relation IN ('spouse', 'child', 'parent')"
    "       OR (m.relation = 'applicant' AND me.relation IN ('spouse', 'child', 'parent')))"
    "  LIMIT 1),"
    " EXISTS (SELECT 1 FROM service_plans sp WHERE sp.person_id = p.id"
    "  AND sp.service_code = 'home-care' AND sp.level IN (3, 4) AND sp.period_from <= ?2"
    "  AND (sp.period_to IS NULL OR sp.period_to >= ?2))"
    " FROM persons p WHERE p.id = ?1",
    error);
  g_autoptr(GString) failed = g_string_new (NULL);
  g_autofree char *name = NULL, *provider = NULL, *day = gad_text_format_date (date);
  g_autofree char *born_by = gad_text_iso_add_years (date, -65);
  gboolean group, care;

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  gad_stmt_bind_text (stmt, 2, date);
  gad_stmt_bind_text (stmt, 3, born_by);
  if (gad_stmt_step (stmt) != GAD_DB_ROW)
    {
      gad_stmt_reset (stmt);
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("The client was not found. They may have been removed in another window."));
      return FALSE;
    }
  name = gad_store_column_dup (stmt, 0);
  group = gad_stmt_column_int (stmt, 1);
  provider = gad_store_column_dup (stmt, 2);
  care = gad_stmt_column_int (stmt, 3);
  gad_stmt_reset (stmt);

  if (!group)
    g_string_append_printf (failed, _("%s is neither a pensioner nor a person with disability group I or II."),
                            name);
  if (provider)
    {
      if (failed->len)
        g_string_append_c (failed, ' ');
      g_string_append_printf (failed, _("%s lives with a legal provider, %s."), name, provider);
    }
  if (!care)
    {
      if (failed->len)
        g_string_append_c (failed, ' ');
      g_string_append_printf (failed, _("%s has no home care at level 3 or 4 on %s."), name, day);
    }
  if (failed->len == 0)
    return TRUE;
  g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
               _("The safety button cannot be granted: %s"), failed->str);
  return FALSE;
}

static int
setting_int (GadStore   *self,
             const char *key,
             int         fallback)
{
  g_autofree char *value = gad_store_get_setting (self, key);
  gint64 n;

  return value && g_ascii_string_to_signed (value, 10, 0, 1000, &n, NULL) ? (int) n : fallback;
}

static void
caseload_limits (GadStore          *self,
                 GadCaseloadLimits *limits)
{
  limits->families = setting_int (self, "family_assistant_families", 4);
  limits->mental = setting_int (self, "family_assistant_mental", 4);
  limits->young_adults = setting_int (self, "family_assistant_young_adults", 6);
}

static gboolean
refuse_conflicts (GPtrArray  *conflicts,
                  GError    **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (conflicts->len, 3);

  for (guint i = 0; i < shown; i++)
    {
      GadConflict *c = g_ptr_array_index (conflicts, i);

      g_string_append_printf (text, "\n%s", c->message);
    }
  if (conflicts->len > shown)
    g_string_append_printf (text, "\n");
  if (conflicts->len > shown)
    g_string_append_printf (text, ngettext ("… and %u more.", "… and %u more.",
                                            conflicts->len - shown),
                            conflicts->len - shown);
  g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT,
               _("Give a reason to overrule:%s"), text->str);
  return FALSE;
}

static gboolean
valid_date (const char *text)
{
  GDate d;

  return text && gad_text_parse_date (text, &d);
}

/**
 * gad_store_save_service_plan:
 *
 * Adds a plan (@plan->id 0) or changes one. The safety button's eligibility
 * is checked; a family assistant's caseload over the limit is refused with
 * %GAD_STORE_ERROR_CONFLICT unless @plan->override_reason gives a reason.
 * Returns: the plan's id, or 0
 */
gint64
gad_store_save_service_plan (GadStore        *self,
                             GadServicePlan  *plan,
                             GError         **error)
{
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, plan->person_id, error))
    return 0;
  g_autoptr(GadServicePlan) old = plan->id ? get_plan (self, plan->id) : NULL;
  GadStmt *stmt;
  GArray *changes;
  gint64 id;
  gboolean overruled = plan->override_reason && *g_strstrip (plan->override_reason);

  if (plan->id && old == NULL)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("The service plan was not found. It may have been removed in another window."));
      return 0;
    }
  if (plan->service_code == NULL || *plan->service_code == '\0')
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID, _("Choose a service."));
      return 0;
    }
  if (g_str_equal (plan->service_code, "home-care") ? plan->level < 1 || plan->level > 4
                                                    : plan->level != 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Home care needs a care level from 1 to 4; other services have none."));
      return 0;
    }
  if (!valid_date (plan->period_from)
      || (plan->period_to && !valid_date (plan->period_to))
      || (plan->period_to && g_strcmp0 (plan->period_to, plan->period_from) < 0))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Enter the period as dates (DD.MM.YYYY); it cannot end before it begins."));
      return 0;
    }
  if (g_str_equal (plan->service_code, "family-assistant") && plan->client_group == NULL)
    plan->client_group = g_strdup ("families");
  if (!g_str_equal (plan->service_code, "family-assistant"))
    g_clear_pointer (&plan->client_group, g_free);

  if (!gad_store_begin (self, error))
    return 0;
  if (plan->id && plan->version
      && gad_store_lookup_id (self, "SELECT version FROM service_plans WHERE id = ?", plan->id)
           != plan->version)
    {
      gad_store_refuse_stale (self, "service-plan", plan->id, error);
      goto fail;
    }
  if (g_str_equal (plan->service_code, "safety-button")
      && !gad_store_check_safety_button (self, plan->person_id, plan->period_from, error))
    goto fail;

  stmt = gad_store_statement (self,
                              plan->id
                                ? "UPDATE service_plans SET service_code = ?2, level = ?3,"
                                  " client_group = ?4, period_from = ?5, period_to = ?6,"
                                  " staff_id = ?7, override_reason = ?8, version = version + 1"
                                  " WHERE id = ?1 RETURNING id"
                                : "INSERT INTO service_plans (person_id, service_code, level,"
                                  " client_group, period_from, period_to, staff_id,"
                                  " override_reason) VALUES (?9, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                  " RETURNING id",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, plan->id);
  gad_stmt_bind_text (stmt, 2, plan->service_code);
  if (plan->level > 0)
    gad_stmt_bind_int64 (stmt, 3, plan->level);
  else
    gad_stmt_bind_null (stmt, 3);
  gad_stmt_bind_text (stmt, 4, plan->client_group);
  gad_stmt_bind_text (stmt, 5, plan->period_from);
  gad_stmt_bind_text (stmt, 6, plan->period_to);
  if (plan->staff_id)
    gad_stmt_bind_int64 (stmt, 7, plan->staff_id);
  else
    gad_stmt_bind_null (stmt, 7);
  gad_stmt_bind_text (stmt, 8, overruled ? plan->override_reason : NULL);
  gad_stmt_bind_int64 (stmt, 9, plan->person_id);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    goto fail;

  if (g_str_equal (plan->service_code, "family-assistant") && plan->staff_id)
    {
      g_autoptr(GPtrArray) plans = NULL;
      g_autoptr(GPtrArray) none = g_ptr_array_new ();
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autofree char *end = plan->period_to ? g_strdup (plan->period_to)
                                             : gad_date_add_days (plan->period_from, 3660);
      GadCaseloadLimits limits;

      caseload_limits (self, &limits);
      plans = plans_between (self, plan->period_from, end, error);
      if (plans == NULL)
        goto fail;
      conflicts = gad_conflicts_find (none, plans, &limits, plan->period_from, end);
      for (guint i = conflicts->len; i-- > 0;)
        if (((GadConflict *) g_ptr_array_index (conflicts, i))->staff_id != plan->staff_id)
          g_ptr_array_remove_index (conflicts, i);
      if (conflicts->len > 0 && !overruled)
        {
          refuse_conflicts (conflicts, error);
          goto fail;
        }
    }

  changes = gad_field_changes_new ();
  {
    g_autofree char *level = plan->level ? g_strdup_printf ("%d", plan->level) : NULL;
    g_autofree char *old_level = old && old->level ? g_strdup_printf ("%d", old->level) : NULL;
    g_autofree char *staff = plan->staff_id ? g_strdup_printf ("%" G_GINT64_FORMAT, plan->staff_id) : NULL;
    g_autofree char *old_staff = old && old->staff_id
                                   ? g_strdup_printf ("%" G_GINT64_FORMAT, old->staff_id) : NULL;

    gad_field_changes_add (changes, "service", old ? old->service_code : NULL, plan->service_code);
    gad_field_changes_add (changes, "level", old_level, level);
    gad_field_changes_add (changes, "client_group", old ? old->client_group : NULL,
                           plan->client_group);
    gad_field_changes_add (changes, "period_from", old ? old->period_from : NULL,
                           plan->period_from);
    gad_field_changes_add (changes, "period_to", old ? old->period_to : NULL, plan->period_to);
    gad_field_changes_add (changes, "staff", old_staff, staff);
    gad_field_changes_add (changes, "override_reason", old ? old->override_reason : NULL,
                           overruled ? plan->override_reason : NULL);
  }
  if (!gad_store_audit (self, "service-plan", id, plan->person_id,
                        old ? "update" : "create", changes, error))
    goto fail;
  if (!gad_store_commit (self, error))
    return 0;
  plan->id = id;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

/* Entries and their occurrences */

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
  PersonInfo *p = g_hash_table_lookup (names->persons, &id);
  GadStmt *stmt;

  if (p || id == 0)
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
static GPtrArray *
expand (GadStore                *self,
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
  return expand (self, filter, from, to, 0, 0, error);
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

static GPtrArray *
conflicts_between (GadStore    *self,
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
  occurrences = expand (self, NULL, wide_from, wide_to, staff_id, person_id, error);
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
          if ((plan = get_plan (self, o->plan_id)) != NULL)
            g_ptr_array_add (plans, plan);
        }
    }
  else if ((plans = plans_between (self, wide_from, wide_to, error)) == NULL)
    return NULL;
  caseload_limits (self, &limits);
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
  if (!valid_date (from) || !valid_date (to) || g_strcmp0 (from, to) > 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Enter the period as dates (DD.MM.YYYY); it cannot end before it begins."));
      return NULL;
    }
  return conflicts_between (self, from, to, 0, 0, error);
}

static gboolean
involves (const GadConflict *c,
          gint64             entry_id,
          const GadEntry    *e)
{
  if (c->entry_id == entry_id || c->other_entry_id == entry_id)
    return TRUE;
  /* A client's week or month over the allowance involves all its visits. */
  return (c->kind == GAD_CONFLICT_WEEK_ALLOWANCE || c->kind == GAD_CONFLICT_MONTH_ALLOWANCE)
         && g_strcmp0 (e->kind, "visit") == 0 && c->person_id == e->person_id;
}

/* What makes a conflict the same one before and after a change. */
static char *
conflict_key (const GadConflict *c)
{
  switch (c->kind)
    {
    case GAD_CONFLICT_DOUBLE_BOOKED:
      {
        g_autofree char *a = g_strdup_printf ("%" G_GINT64_FORMAT " %s", c->entry_id,
                                              c->rule_date);
        g_autofree char *b = g_strdup_printf ("%" G_GINT64_FORMAT " %s", c->other_entry_id,
                                              c->other_rule_date);

        gboolean ordered = g_strcmp0 (a, b) < 0;

        return g_strdup_printf ("%d %s %s", c->kind, ordered ? a : b, ordered ? b : a);
      }
    case GAD_CONFLICT_WEEK_ALLOWANCE:
    case GAD_CONFLICT_MONTH_ALLOWANCE:
      return g_strdup_printf ("%d %" G_GINT64_FORMAT " %s", c->kind, c->person_id, c->date);
    case GAD_CONFLICT_CASELOAD:
      return g_strdup_printf ("%d %" G_GINT64_FORMAT " %s", c->kind, c->staff_id, c->date);
    default:
      return g_strdup_printf ("%d %" G_GINT64_FORMAT " %s", c->kind, c->entry_id, c->rule_date);
    }
}

/* The conflicts around @e before a change, to tell the ones it brings. */
static GHashTable *
conflicts_before (GadStore       *self,
                  const GadEntry *e,
                  const char     *from,
                  const char     *to,
                  GError        **error)
{
  g_autoptr(GPtrArray) conflicts = conflicts_between (self, from, to, e->staff_id, e->person_id,
                                                      error);
  GHashTable *keys;

  if (conflicts == NULL)
    return NULL;
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < conflicts->len; i++)
    g_hash_table_add (keys, conflict_key (g_ptr_array_index (conflicts, i)));
  return keys;
}

typedef enum
{
  CHECK_OK,
  CHECK_FAILED,
  CHECK_NEEDS_BEFORE,
} Check;

/* After a write inside the transaction: the conflicts @e is part of in
 * [from, to] that were not there before are refused unless @reason
 * overrules them; conflicts already accepted do not block an unrelated edit.
 * What was there before is only worked out (@before %NULL: ask for it) when
 * the entry is part of a conflict, which keeps the common save fast. */
static Check
check_conflicts (GadStore       *self,
                 const GadEntry *e,
                 gint64          entry_id,
                 const char     *from,
                 const char     *to,
                 GHashTable     *before,
                 const char     *reason,
                 GError        **error)
{
  g_autoptr(GPtrArray) conflicts = conflicts_between (self, from, to, e->staff_id,
                                                      e->person_id, error);

  if (conflicts == NULL)
    return CHECK_FAILED;
  for (guint i = conflicts->len; i-- > 0;)
    if (!involves (g_ptr_array_index (conflicts, i), entry_id, e))
      g_ptr_array_remove_index (conflicts, i);
  if (conflicts->len == 0 || (reason && *reason))
    return CHECK_OK;
  if (before == NULL)
    return CHECK_NEEDS_BEFORE;
  for (guint i = conflicts->len; i-- > 0;)
    {
      g_autofree char *key = conflict_key (g_ptr_array_index (conflicts, i));

      if (g_hash_table_contains (before, key))
        g_ptr_array_remove_index (conflicts, i);
    }
  if (conflicts->len == 0)
    return CHECK_OK;
  refuse_conflicts (conflicts, error);
  return CHECK_FAILED;
}

static gboolean
validate_entry (GadStore        *self,
                const GadEntry  *e,
                GError         **error)
{
  gboolean kind_ok = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (entry_kinds); i++)
    kind_ok |= g_strcmp0 (e->kind, entry_kinds[i]) == 0;
  if (!kind_ok)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                 _("Choose what the entry is: a visit, an appointment, reception hours or a group session."));
  else if (e->staff_id == 0)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID, _("Choose a staff member."));
  else if (g_str_equal (e->kind, "visit") && (e->person_id == 0 || e->plan_id == 0))
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                 _("A visit needs a client and one of their service plans."));
  else if (g_str_equal (e->kind, "appointment") && e->person_id == 0)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                 _("An appointment needs a client."));
  else if (g_str_equal (e->kind, "reception") && e->territory_id == 0)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                 _("Reception hours need an office."));
  else if (g_str_equal (e->kind, "group") && (e->title == NULL || *e->title == '\0'))
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                 _("A group session needs a name."));
  else if (!valid_date (e->start_date) || (e->until_date && !valid_date (e->until_date))
           || (e->until_date && g_strcmp0 (e->until_date, e->start_date) < 0))
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                 _("Enter the dates as DD.MM.YYYY; the last day cannot be before the first."));
  else if (e->minutes < 5 || e->start_minute < 0 || e->start_minute + e->minutes > 24 * 60)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                 _("An entry lasts at least 5 minutes and ends by midnight."));
  else if (e->weekdays > 127)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID, _("Choose the weekdays again."));
  else if (g_str_equal (e->kind, "visit"))
    {
      g_autoptr(GadServicePlan) plan = get_plan (self, e->plan_id);

      if (plan == NULL || plan->person_id != e->person_id)
        g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                     _("The service plan is not the client’s. Choose one of their plans."));
      else
        return TRUE;
    }
  else
    return TRUE;
  return FALSE;
}

static char *
weekdays_text (guint weekdays)
{
  GString *s = g_string_new (NULL);

  for (int d = 0; d < 7; d++)
    g_string_append_c (s, weekdays & (1u << d) ? "1234567"[d] : '-');
  return g_string_free (s, FALSE);
}

static char *
check_end (const GadEntry *e)
{
  g_autofree char *today = gad_text_today_iso ();
  const char *base = g_strcmp0 (today, e->start_date) > 0 ? today : e->start_date;

  if (e->weekdays == 0)
    return g_strdup (e->start_date);
  if (e->until_date)
    return g_strdup (e->until_date);
  return gad_date_add_days (base, 366);
}

/* The entry's row, inserted or updated; returns its id. */
static gint64
write_entry_row (GadStore       *self,
                 const GadEntry *entry,
                 const char     *time,
                 const char     *reason,
                 GError        **error)
{
  GadStmt *stmt;

  stmt = gad_store_statement (self,
                              entry->id
                                ? "UPDATE schedule_entries SET kind = ?2, staff_id = ?3,"
                                  " person_id = nullif (?4, 0), plan_id = nullif (?5, 0),"
                                  " territory_id = nullif (?6, 0), title = ?7, start_date = ?8,"
                                  " start_time = ?9, minutes = ?10, weekdays = ?11,"
                                  " until_date = ?12, note = ?13,"
                                  " override_reason = nullif (?14, ''), version = version + 1"
                                  " WHERE id = ?1 RETURNING id"
                                : "INSERT INTO schedule_entries (kind, staff_id, person_id,"
                                  " plan_id, territory_id, title, start_date, start_time,"
                                  " minutes, weekdays, until_date, note, override_reason)"
                                  " VALUES (?2, ?3, nullif (?4, 0), nullif (?5, 0),"
                                  " nullif (?6, 0), ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                  " nullif (?14, '')) RETURNING id",
                              error);
  if (stmt == NULL)
    return 0;
  gad_stmt_bind_int64 (stmt, 1, entry->id);
  gad_stmt_bind_text (stmt, 2, entry->kind);
  gad_stmt_bind_int64 (stmt, 3, entry->staff_id);
  gad_stmt_bind_int64 (stmt, 4, entry->person_id);
  gad_stmt_bind_int64 (stmt, 5, entry->plan_id);
  gad_stmt_bind_int64 (stmt, 6, entry->territory_id);
  gad_stmt_bind_text (stmt, 7, entry->title ? entry->title : "");
  gad_stmt_bind_text (stmt, 8, entry->start_date);
  gad_stmt_bind_text (stmt, 9, time);
  gad_stmt_bind_int64 (stmt, 10, entry->minutes);
  gad_stmt_bind_int64 (stmt, 11, entry->weekdays);
  gad_stmt_bind_text (stmt, 12, entry->until_date);
  gad_stmt_bind_text (stmt, 13, entry->note ? entry->note : "");
  gad_stmt_bind_text (stmt, 14, reason);
  return gad_store_insert_id (self, stmt, error);
}

/* The window an entry's conflicts are checked in: its days, before and after a change. */
static void
entry_window (const GadEntry  *entry,
              const GadEntry  *old,
              char           **start,
              char           **end)
{
  *end = check_end (entry);
  *start = g_strdup (entry->start_date);
  if (old)
    {
      g_autofree char *old_end = check_end (old);

      if (g_strcmp0 (old->start_date, *start) < 0)
        {
          g_free (*start);
          *start = g_strdup (old->start_date);
        }
      if (g_strcmp0 (old_end, *end) > 0)
        {
          g_free (*end);
          *end = g_steal_pointer (&old_end);
        }
    }
}

/**
 * gad_store_entry_conflicts:
 *
 * The conflicts saving @entry would bring, without saving it: what a dialog
 * shows while the user types. Returns: (transfer full): #GadConflict
 */
GPtrArray *
gad_store_entry_conflicts (GadStore        *self,
                           const GadEntry  *entry,
                           GError         **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return NULL;
  g_autoptr(GadEntry) old = entry->id ? gad_store_get_entry (self, entry->id, NULL) : NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *start = NULL, *end = NULL;
  g_autofree char *time = gad_minute_format (entry->start_minute);
  gint64 id;

  if (!validate_entry (self, entry, error))
    return NULL;
  entry_window (entry, old, &start, &end);
  if (!gad_store_begin (self, error))
    return NULL;
  if ((before = conflicts_before (self, entry, start, end, error)) != NULL
      && (id = write_entry_row (self, entry, time, "", error)) != 0)
    after = conflicts_between (self, start, end, entry->staff_id, entry->person_id, error);
  gad_store_rollback (self);
  if (after == NULL)
    return NULL;
  for (guint i = after->len; i-- > 0;)
    {
      GadConflict *c = g_ptr_array_index (after, i);
      g_autofree char *key = conflict_key (c);

      if (!involves (c, id, entry) || g_hash_table_contains (before, key))
        g_ptr_array_remove_index (after, i);
    }
  return g_steal_pointer (&after);
}

/**
 * gad_store_save_entry:
 *
 * Adds @entry (id 0) or changes it, refusing a change over a newer save
 * (%GAD_STORE_ERROR_CONFLICT naming who) and any conflict the entry is part
 * of (%GAD_STORE_ERROR_CONFLICT listing them) unless
 * @entry->override_reason gives a reason, which is audited.
 * Returns: the entry's id, or 0
 */
gint64
gad_store_save_entry (GadStore   *self,
                      GadEntry   *entry,
                      GError    **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return 0;
  g_autoptr(GadEntry) old = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autofree char *start = NULL, *time = NULL, *end = NULL;
  g_autofree char *reason = g_strdup (entry->override_reason ? entry->override_reason : "");
  GArray *changes;
  gint64 id;

  g_strstrip (reason);
  if (!validate_entry (self, entry, error))
    return 0;
  if (entry->id && (old = gad_store_get_entry (self, entry->id, error)) == NULL)
    return 0;
  if (old && entry->version && old->version != entry->version)
    {
      gad_store_refuse_stale (self, "schedule-entry", entry->id, error);
      return 0;
    }
  time = gad_minute_format (entry->start_minute);
  entry_window (entry, old, &start, &end);
retry:
  if (!gad_store_begin (self, error))
    return 0;
  if ((id = write_entry_row (self, entry, time, reason, error)) == 0)
    goto fail;


  switch (check_conflicts (self, entry, id, start, end, before, reason, error))
    {
    case CHECK_OK:
      break;
    case CHECK_FAILED:
      goto fail;
    case CHECK_NEEDS_BEFORE:
      gad_store_rollback (self);
      if ((before = conflicts_before (self, entry, start, end, error)) == NULL)
        return 0;
      goto retry;
    }

  changes = gad_field_changes_new ();
  {
    g_autofree char *staff = g_strdup_printf ("%" G_GINT64_FORMAT, entry->staff_id);
    g_autofree char *old_staff = old ? g_strdup_printf ("%" G_GINT64_FORMAT, old->staff_id) : NULL;
    g_autofree char *old_time = old ? gad_minute_format (old->start_minute) : NULL;
    g_autofree char *minutes = g_strdup_printf ("%d", entry->minutes);
    g_autofree char *old_minutes = old ? g_strdup_printf ("%d", old->minutes) : NULL;
    g_autofree char *days = weekdays_text (entry->weekdays);
    g_autofree char *old_days = old ? weekdays_text (old->weekdays) : NULL;

    gad_field_changes_add (changes, "kind", old ? old->kind : NULL, entry->kind);
    gad_field_changes_add (changes, "staff", old_staff, staff);
    gad_field_changes_add (changes, "start_date", old ? old->start_date : NULL, entry->start_date);
    gad_field_changes_add (changes, "start_time", old_time, time);
    gad_field_changes_add (changes, "minutes", old_minutes, minutes);
    gad_field_changes_add (changes, "weekdays", old_days, days);
    gad_field_changes_add (changes, "until_date", old ? old->until_date : NULL, entry->until_date);
    gad_field_changes_add (changes, "title", old ? old->title : NULL, entry->title);
    gad_field_changes_add (changes, "note", old ? old->note : NULL, entry->note);
    gad_field_changes_add (changes, "override_reason", old ? old->override_reason : NULL,
                           *reason ? reason : NULL);
  }
  if (!gad_store_audit (self, "schedule-entry", id, entry->person_id,
                        old ? "update" : "create", changes, error))
    goto fail;
  if (!gad_store_commit (self, error))
    return 0;
  entry->id = id;
  entry->version = old ? old->version + 1 : 1;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

/* Writes what happened to one occurrence, with its audit row; @check asks
 * for the conflict rules on its (new) day. */
static gboolean
write_occurrence (GadStore    *self,
                  gint64       entry_id,
                  const char  *rule_date,
                  const char  *action,
                  const char  *status,
                  const char  *moved_date,
                  int          moved_minute,
                  gint64       staff_id,
                  int          actual_minutes,
                  const char  *reason,
                  const char  *override_reason,
                  GError     **error)
{
  g_autoptr(GadEntry) e = gad_store_get_entry (self, entry_id, error);
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *time = moved_minute >= 0 ? gad_minute_format (moved_minute) : NULL;
  g_autofree char *why = g_strdup (override_reason ? override_reason : "");
  g_autofree char *first = NULL, *last = NULL;
  g_autoptr(GHashTable) before = NULL;
  GadStmt *stmt;
  GArray *changes;

  if (e == NULL)
    return FALSE;
  g_strstrip (why);
  days = gad_entry_days (e, rule_date, rule_date);
  if (days->len == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("The entry does not happen on that day."));
      return FALSE;
    }
  if (moved_date && !valid_date (moved_date))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Enter the dates as DD.MM.YYYY; the last day cannot be before the first."));
      return FALSE;
    }
  if (moved_minute >= 0 && moved_minute + e->minutes > 24 * 60)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("An entry lasts at least 5 minutes and ends by midnight."));
      return FALSE;
    }
  /* Checked around both days, for the staff member who has it after. */
  first = g_strdup (moved_date && g_strcmp0 (moved_date, rule_date) < 0 ? moved_date : rule_date);
  last = g_strdup (moved_date && g_strcmp0 (moved_date, rule_date) > 0 ? moved_date : rule_date);
  if (staff_id)
    e->staff_id = staff_id;

retry:
  if (!gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self,
                              "INSERT INTO schedule_occurrences (entry_id, date, status,"
                              " moved_date, moved_time, staff_id, actual_minutes, reason,"
                              " override_reason) VALUES (?1, ?2, ?3, ?4, ?5, nullif (?6, 0),"
                              " nullif (?7, -1), ?8, nullif (?9, ''))"
                              " ON CONFLICT (entry_id, date) DO UPDATE SET status = ?3,"
                              " moved_date = coalesce (?4, schedule_occurrences.moved_date),"
                              " moved_time = coalesce (?5, schedule_occurrences.moved_time),"
                              " staff_id = coalesce (nullif (?6, 0), schedule_occurrences.staff_id),"
                              " actual_minutes = nullif (?7, -1), reason = ?8,"
                              " override_reason = coalesce (nullif (?9, ''),"
                              "   schedule_occurrences.override_reason)",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, entry_id);
  gad_stmt_bind_text (stmt, 2, rule_date);
  gad_stmt_bind_text (stmt, 3, status);
  gad_stmt_bind_text (stmt, 4, moved_date);
  gad_stmt_bind_text (stmt, 5, time);
  gad_stmt_bind_int64 (stmt, 6, staff_id);
  gad_stmt_bind_int64 (stmt, 7, actual_minutes);
  gad_stmt_bind_text (stmt, 8, reason);
  gad_stmt_bind_text (stmt, 9, why);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (g_str_equal (action, "move"))
    switch (check_conflicts (self, e, entry_id, first, last, before, why, error))
      {
      case CHECK_OK:
        break;
      case CHECK_FAILED:
        goto fail;
      case CHECK_NEEDS_BEFORE:
        gad_store_rollback (self);
        if ((before = conflicts_before (self, e, first, last, error)) == NULL)
          return FALSE;
        goto retry;
      }
  changes = gad_field_changes_new ();
  {
    g_autofree char *minutes = actual_minutes >= 0 ? g_strdup_printf ("%d", actual_minutes) : NULL;
    g_autofree char *staff = staff_id ? g_strdup_printf ("%" G_GINT64_FORMAT, staff_id) : NULL;

    gad_field_changes_add (changes, "date", NULL, rule_date);
    gad_field_changes_add (changes, "status", NULL, status);
    gad_field_changes_add (changes, "moved_date", NULL, moved_date);
    gad_field_changes_add (changes, "moved_time", NULL, time);
    gad_field_changes_add (changes, "staff", NULL, staff);
    gad_field_changes_add (changes, "actual_minutes", NULL, minutes);
    gad_field_changes_add (changes, "reason", NULL, reason);
    gad_field_changes_add (changes, "override_reason", NULL, *why ? why : NULL);
  }
  if (!gad_store_audit (self, "schedule-occurrence", entry_id, e->person_id, action, changes,
                        error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/**
 * gad_store_move_occurrence:
 * @new_minute: the new start, or -1 to keep it
 * @staff_id: the colleague who takes it over, or 0
 *
 * Moves one occurrence of an entry; the rest of a series stays. Conflicts on
 * the new day are refused unless @override_reason overrules them.
 */
gboolean
gad_store_move_occurrence (GadStore    *self,
                           gint64       entry_id,
                           const char  *rule_date,
                           const char  *new_date,
                           int          new_minute,
                           gint64       staff_id,
                           const char  *override_reason,
                           GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return FALSE;
  return write_occurrence (self, entry_id, rule_date, "move", "planned", new_date, new_minute,
                           staff_id, -1, NULL, override_reason, error);
}

gboolean
gad_store_cancel_occurrence (GadStore    *self,
                             gint64       entry_id,
                             const char  *rule_date,
                             const char  *reason,
                             GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return FALSE;
  return write_occurrence (self, entry_id, rule_date, "cancel", "cancelled", NULL, -1, 0, -1,
                           reason, NULL, error);
}

/**
 * gad_store_record_visit:
 * @done: %TRUE for done (with @actual_minutes), %FALSE for missed (with @reason)
 */
gboolean
gad_store_record_visit (GadStore    *self,
                        gint64       entry_id,
                        const char  *rule_date,
                        gboolean     done,
                        int          actual_minutes,
                        const char  *reason,
                        GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return FALSE;
  if (done && (actual_minutes <= 0 || actual_minutes > 24 * 60))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Enter the minutes the visit took."));
      return FALSE;
    }
  if (!done && (reason == NULL || *reason == '\0'))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Say why the visit was missed."));
      return FALSE;
    }
  return write_occurrence (self, entry_id, rule_date, done ? "done" : "missed",
                           done ? "done" : "missed", NULL, -1, 0, done ? actual_minutes : -1,
                           done ? NULL : reason, NULL, error);
}

/* Reception hours and appointments */

/**
 * gad_store_free_slots:
 *
 * The bookable slots in an office on @date: each staff member's reception
 * hours there cut into slots of the length in settings, less the slots an
 * appointment already takes. Returns #GadOccurrence of kind "slot".
 */
GPtrArray *
gad_store_free_slots (GadStore    *self,
                      gint64       territory_id,
                      const char  *date,
                      GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return NULL;
  GadScheduleFilter office = { .territory_id = territory_id };
  g_autoptr(GPtrArray) taken = NULL;
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_occurrence_free);
  int length = setting_int (self, "reception_slot_minutes", 30);

  if (!valid_date (date))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Enter the dates as DD.MM.YYYY; the last day cannot be before the first."));
      return NULL;
    }
  taken = expand (self, &office, date, date, 0, 0, error);
  if (taken == NULL)
    return NULL;
  length = MAX (length, 5);
  for (guint i = 0; i < taken->len; i++)
    {
      GadOccurrence *r = g_ptr_array_index (taken, i);

      if (!g_str_equal (r->kind, "reception"))
        continue;
      for (int m = r->start_minute; m + length <= r->start_minute + r->minutes; m += length)
        {
          gboolean free = TRUE;
          GadOccurrence *slot;

          for (guint j = 0; j < taken->len && free; j++)
            {
              GadOccurrence *a = g_ptr_array_index (taken, j);

              free = !(g_str_equal (a->kind, "appointment") && a->staff_id == r->staff_id
                       && a->start_minute < m + length && a->start_minute + a->minutes > m);
            }
          if (!free)
            continue;
          slot = g_new0 (GadOccurrence, 1);
          slot->entry_id = r->entry_id;
          slot->kind = g_strdup ("slot");
          slot->rule_date = g_strdup (date);
          slot->date = g_strdup (date);
          slot->start_minute = m;
          slot->minutes = length;
          slot->start = gad_riga_to_unix (date, m);
          slot->staff_id = r->staff_id;
          slot->territory_id = territory_id;
          slot->status = g_strdup ("planned");
          slot->actual_minutes = -1;
          slot->staff_name = g_strdup (r->staff_name);
          slot->office = g_strdup (r->office);
          g_ptr_array_add (slots, slot);
        }
    }
  return g_steal_pointer (&slots);
}

/* Group sessions */

gboolean
gad_store_add_participant (GadStore    *self,
                           gint64       entry_id,
                           gint64       person_id,
                           GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return FALSE;
  GadStmt *stmt;
  GArray *changes;
  g_autofree char *who = NULL;

  if (!gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self,
                              "INSERT INTO group_participants (entry_id, person_id)"
                              " SELECT id, ?2 FROM schedule_entries WHERE id = ?1 AND kind = 'group'"
                              " ON CONFLICT DO NOTHING",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, entry_id);
  gad_stmt_bind_int64 (stmt, 2, person_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (gad_db_changes (self->db) == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE,
                   _("The client is already in the group, or the entry is not a group session."));
      goto fail;
    }
  who = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "participant", NULL, who);
  if (!gad_store_audit (self, "group", entry_id, person_id, "join", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

gboolean
gad_store_record_attendance (GadStore    *self,
                             gint64       entry_id,
                             const char  *date,
                             gint64       person_id,
                             gboolean     present,
                             GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return FALSE;
  g_autoptr(GadEntry) e = gad_store_get_entry (self, entry_id, error);
  g_autoptr(GPtrArray) days = NULL;
  GadStmt *stmt;
  GArray *changes;

  if (e == NULL)
    return FALSE;
  days = gad_entry_days (e, date, date);
  if (days->len == 0 || gad_store_lookup_id (self, "SELECT person_id FROM group_participants"
                                                   " WHERE entry_id = ?1", entry_id) == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("The group does not meet that day, or has no participants."));
      return FALSE;
    }
  if (!gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self,
                              "INSERT INTO group_attendance (entry_id, date, person_id, present)"
                              " SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM group_participants"
                              " WHERE entry_id = ?1 AND person_id = ?3)"
                              " ON CONFLICT (entry_id, date, person_id) DO UPDATE SET present = ?4",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, entry_id);
  gad_stmt_bind_text (stmt, 2, date);
  gad_stmt_bind_int64 (stmt, 3, person_id);
  gad_stmt_bind_int64 (stmt, 4, present ? 1 : 0);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (gad_db_changes (self->db) == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("The client is not a participant of this group."));
      goto fail;
    }
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "date", NULL, date);
  gad_field_changes_add (changes, "present", NULL, present ? "1" : "0");
  if (!gad_store_audit (self, "group", entry_id, person_id, "attendance", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

static gpointer
attendance_from_row (GadStmt *stmt)
{
  GadAttendance *a = g_new0 (GadAttendance, 1);

  a->person_id = gad_stmt_column_int64 (stmt, 0);
  a->name = gad_store_column_dup (stmt, 1);
  a->present = gad_stmt_column_is_null (stmt, 2) ? -1 : gad_stmt_column_int (stmt, 2);
  return a;
}

/* The participants of a group session, each with present (1), absent (0) or
 * not yet marked (-1) on @date, by name. */
GPtrArray *
gad_store_list_attendance (GadStore    *self,
                           gint64       entry_id,
                           const char  *date,
                           GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT p.id, p.first_name || ' ' || p.last_name,"
                                            " a.present FROM group_participants g"
                                            " JOIN persons p ON p.id = g.person_id"
                                            " LEFT JOIN group_attendance a ON a.entry_id = g.entry_id"
                                            "  AND a.person_id = g.person_id AND a.date = ?2"
                                            " WHERE g.entry_id = ?1 ORDER BY p.sort_key",
                                            error);

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, entry_id);
  gad_stmt_bind_text (stmt, 2, date);
  return gad_store_collect (self, stmt, attendance_from_row, (GDestroyNotify) gad_attendance_free,
                            error);
}

/* Co-payments */

static gboolean
needy_on (GadStore   *self,
          gint64      person_id,
          const char *date)
{
  GadStmt *stmt = gad_store_statement (self,
    "SELECT 1 FROM decisions d WHERE d.status_granted = 'needy' AND d.outcome <> 'refuse'"
    " AND d.period_from <= ?2 AND (d.period_to IS NULL OR d.period_to >= ?2)"
    " AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.supersedes_id = d.id)"
    " AND (d.person_id = ?1 OR d.person_id IN (SELECT m.person_id FROM household_members me"
    "      JOIN household_members m ON m.household_id = me.household_id"
    "      WHERE me.person_id = ?1 AND me.from_date <= ?2"
    "      AND (me.to_date IS NULL OR me.to_date >= ?2) AND m.from_date <= ?2"
    "      AND (m.to_date IS NULL OR m.to_date >= ?2)))"
    " LIMIT 1", NULL);
  gboolean needy;

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  gad_stmt_bind_text (stmt, 2, date);
  needy = gad_stmt_step (stmt) == GAD_DB_ROW;
  gad_stmt_reset (stmt);
  return needy;
}

static int
by_person (gconstpointer a,
           gconstpointer b)
{
  const GadCopayment *x = *(GadCopayment **) a, *y = *(GadCopayment **) b;

  return x->person_id < y->person_id ? -1 : x->person_id > y->person_id;
}

/**
 * gad_store_compute_copayments:
 * @month: "YYYY-MM"
 *
 * Each client's home-care co-payment for the month: the minutes of visits
 * done, at the hourly rate in force on each visit's day, free on the days
 * the client's household is needy. Recorded as the client's payment for the
 * month (replacing an earlier run) with audit rows for what changed.
 * Returns: (transfer full): #GadCopayment by client
 */
GPtrArray *
gad_store_compute_copayments (GadStore    *self,
                              const char  *month,
                              GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error))
    return NULL;
  g_autofree char *from = g_strdup_printf ("%s-01", month ? month : "");
  g_autofree char *to = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_copayment_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) numerators = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GadScheduleFilter filter = { .kind = "visit" };
  int y, m;

  if (month == NULL || strlen (month) != 7 || sscanf (month, "%d-%d", &y, &m) != 2
      || !valid_date (from))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Enter the month as YYYY-MM."));
      return NULL;
    }
  to = g_strdup_printf ("%s-%02d", month, g_date_get_days_in_month (m, y));
  visits = expand (self, &filter, from, to, 0, 0, error);
  if (visits == NULL)
    return NULL;

  for (guint i = 0; i < visits->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (visits, i);
      GadCopayment *c = g_hash_table_lookup (by_id, &o->person_id);
      gint64 *numerator;
      GadRate rate = { 0 };

      if (g_strcmp0 (o->service_code, "home-care") != 0 || g_strcmp0 (o->status, "done") != 0)
        continue;
      if (c == NULL)
        {
          c = g_new0 (GadCopayment, 1);
          c->person_id = o->person_id;
          c->name = g_strdup (o->person_name);
          g_ptr_array_add (out, c);
          g_hash_table_insert (by_id, &c->person_id, c);
          g_hash_table_insert (numerators, g_memdup2 (&c->person_id, sizeof (gint64)),
                               g_new0 (gint64, 1));
        }
      c->minutes += o->actual_minutes;
      if (needy_on (self, o->person_id, o->date))
        {
          c->free_minutes += o->actual_minutes;
          continue;
        }
      if (!gad_store_rate_at (self, "home-care-hour", o->date, &rate, error))
        return NULL;
      g_free (rate.valid_from);
      numerator = g_hash_table_lookup (numerators, &c->person_id);
      *numerator += (gint64) o->actual_minutes * rate.first;
    }
  g_ptr_array_sort (out, by_person);

  if (!gad_store_begin (self, error))
    return NULL;
  for (guint i = 0; i < out->len; i++)
    {
      GadCopayment *c = g_ptr_array_index (out, i);
      gint64 *numerator = g_hash_table_lookup (numerators, &c->person_id);
      g_autofree char *old = NULL, *new = NULL;
      GadStmt *stmt;
      GArray *changes;

      /* Rounded once, half up, from the exact sum. */
      c->amount_cents = (*numerator + 30) / 60;
      stmt = gad_store_statement (self,
                                  "SELECT amount_cents FROM client_payments WHERE person_id = ?1"
                                  " AND month = ?2 AND service_code = 'home-care'", error);
      if (stmt == NULL)
        goto fail;
      gad_stmt_bind_int64 (stmt, 1, c->person_id);
      gad_stmt_bind_text (stmt, 2, month);
      if (gad_stmt_step (stmt) == GAD_DB_ROW)
        old = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) gad_stmt_column_int64 (stmt, 0));
      gad_stmt_reset (stmt);
      new = g_strdup_printf ("%" G_GINT64_FORMAT, c->amount_cents);
      if (g_strcmp0 (old, new) == 0)
        continue;
      stmt = gad_store_statement (self,
                                  "INSERT INTO client_payments (person_id, month,"
                                  " service_code, minutes, free_minutes, amount_cents)"
                                  " VALUES (?1, ?2, 'home-care', ?3, ?4, ?5)"
                                  " ON CONFLICT (person_id, month, service_code) DO UPDATE"
                                  " SET minutes = ?3, free_minutes = ?4, amount_cents = ?5",
                                  error);
      if (stmt == NULL)
        goto fail;
      gad_stmt_bind_int64 (stmt, 1, c->person_id);
      gad_stmt_bind_text (stmt, 2, month);
      gad_stmt_bind_int64 (stmt, 3, c->minutes);
      gad_stmt_bind_int64 (stmt, 4, c->free_minutes);
      gad_stmt_bind_int64 (stmt, 5, c->amount_cents);
      if (!gad_store_step_done (self, stmt, error))
        goto fail;
      changes = gad_field_changes_new ();
      gad_field_changes_add (changes, "month", NULL, month);
      gad_field_changes_add (changes, "amount_cents", old, new);
      if (!gad_store_audit (self, "client-payment", c->person_id, c->person_id,
                            old ? "update" : "create", changes, error))
        goto fail;
    }
  if (!gad_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&out);

fail:
  gad_store_rollback (self);
  return NULL;
}

static gpointer
copayment_from_row (GadStmt *stmt)
{
  GadCopayment *c = g_new0 (GadCopayment, 1);

  c->person_id = gad_stmt_column_int64 (stmt, 0);
  c->name = gad_store_column_dup (stmt, 1);     /* the month, "YYYY-MM" */
  c->minutes = gad_stmt_column_int (stmt, 2);
  c->free_minutes = gad_stmt_column_int (stmt, 3);
  c->amount_cents = gad_stmt_column_int64 (stmt, 4);
  return c;
}

/* A client's recorded home-care co-payments, newest month first; each
 * record's name is its month ("YYYY-MM"). */
GPtrArray *
gad_store_list_copayments (GadStore    *self,
                           gint64       person_id,
                           GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT person_id, month, minutes, free_minutes,"
                                            " amount_cents FROM client_payments"
                                            " WHERE person_id = ? ORDER BY month DESC",
                                            error);

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  return gad_store_collect (self, stmt, copayment_from_row, (GDestroyNotify) gad_copayment_free,
                            error);
}
