/* gad-store-plans.c — service plans: who gets which service, the caseload
 * limits and the rules a plan is checked against
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-schedule.h"
#include "gad-store-private.h"
#include "gad-store-schedule-private.h"
#include "gad-text.h"

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
GPtrArray *
gad_store_plans_between (GadStore    *self,
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

GadServicePlan *
gad_store_plan_by_id (GadStore *self,
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

int
gad_store_setting_int (GadStore   *self,
                       const char *key,
                       int         fallback)
{
  g_autofree char *value = gad_store_get_setting (self, key);
  gint64 n;

  return value && g_ascii_string_to_signed (value, 10, 0, 1000, &n, NULL) ? (int) n : fallback;
}

void
gad_store_caseload_limits (GadStore          *self,
                           GadCaseloadLimits *limits)
{
  limits->families = gad_store_setting_int (self, "family_assistant_families", 4);
  limits->mental = gad_store_setting_int (self, "family_assistant_mental", 4);
  limits->young_adults = gad_store_setting_int (self, "family_assistant_young_adults", 6);
}

gboolean
gad_store_refuse_conflicts (GPtrArray  *conflicts,
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

gboolean
gad_store_valid_date (const char *text)
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
static gint64
save_service_plan (GadStore        *self,
                   GadServicePlan  *plan,
                   GError         **error)
{
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, plan->person_id, error))
    return 0;
  g_autoptr(GadServicePlan) old = plan->id ? gad_store_plan_by_id (self, plan->id) : NULL;
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
  if (!gad_store_valid_date (plan->period_from)
      || (plan->period_to && !gad_store_valid_date (plan->period_to))
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

      gad_store_caseload_limits (self, &limits);
      plans = gad_store_plans_between (self, plan->period_from, end, error);
      if (plans == NULL)
        goto fail;
      conflicts = gad_conflicts_find (none, plans, &limits, plan->period_from, end);
      for (guint i = conflicts->len; i-- > 0;)
        if (((GadConflict *) g_ptr_array_index (conflicts, i))->staff_id != plan->staff_id)
          g_ptr_array_remove_index (conflicts, i);
      if (conflicts->len > 0 && !overruled)
        {
          gad_store_refuse_conflicts (conflicts, error);
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

gint64
gad_store_save_service_plan (GadStore        *self,
                             GadServicePlan  *plan,
                             GError         **error)
{
  gint64 id;

  GAD_STORE_RETRYING (self, error, id, save_service_plan (self, plan, error));
  return id;
}
