/* gad-store-remote.c — the register of lone pensioners on remote farmsteads
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules (gad-remote.c) propose persons from the registry; a social
 * worker confirms them, or adds someone by hand with a reason. Visits are
 * in gad-store-remote-visits.c. A social worker sees the persons of their
 * scope; heads everyone.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-remote.h"
#include "gad-store-private.h"
#include "gad-text.h"

#define PERSON_COLUMNS \
  "p.id, p.last_name || ' ' || p.first_name, p.code, p.address, coalesce (t.name, '')"
/* Where they live, and their parish's centre. */
#define PLACE_COLUMNS ", p.lat, p.lon, p.place_source, t.lat, t.lon, p.phone"
#define FROM_PERSONS \
  " FROM persons p" GAD_SCOPE_JOIN " LEFT JOIN territories t ON t.id = p.territory_id"

/* Living alone at a farmstead, a pensioner (born on or before ?1, or with
 * an open case for a pensioner) or with disability group I or II, alive.
 * The dead and those on the register as sets the server hashes once (as
 * NOT EXISTS, a misjudged count of farmsteads had it read the cases again
 * for every person: 3 s at 100 000 persons). */
#define PROPOSED \
  " p.anonymised_on IS NULL" \
  " AND substr (p.address, 1, 1) IN ('\"', '„', '“')" \
  " AND (p.birth_date <= ?1 OR p.disability_group IN (1, 2)" \
  "      OR EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id AND c.closed_on IS NULL" \
  "                 AND ',' || c.target_groups || ',' LIKE '%,pensioner,%'))" \
  " AND p.id NOT IN (SELECT person_id FROM cases WHERE closing_reason = 'deceased')" \
  " AND NOT EXISTS (SELECT 1 FROM household_members m JOIN household_members o" \
  "                 ON o.household_id = m.household_id AND o.person_id <> m.person_id" \
  "                 AND o.to_date IS NULL WHERE m.person_id = p.id AND m.to_date IS NULL)"

static gpointer
remote_from_row (GadStmt *stmt)
{
  GadRemotePerson *r = g_new0 (GadRemotePerson, 1);

  r->person_id = gad_stmt_column_int64 (stmt, 0);
  r->name = gad_store_column_dup (stmt, 1);
  r->code = gad_store_column_dup (stmt, 2);
  r->address = gad_store_column_dup (stmt, 3);
  r->parish = gad_store_column_dup (stmt, 4);
  r->reason = gad_store_column_dup (stmt, 5);
  r->interval_months = gad_stmt_column_int64 (stmt, 6);
  r->last_visit = gad_store_column_dup (stmt, 7);
  r->last_outcome = gad_store_column_dup (stmt, 8);
  r->next_due = gad_store_column_dup (stmt, 9);
  r->risks = gad_store_column_dup (stmt, 10);
  r->home_care_proposed = gad_stmt_column_int64 (stmt, 11) != 0;
  if (r->risks == NULL)
    r->risks = g_strdup ("");
  r->place_source = gad_store_column_dup (stmt, 14);
  r->place = (GadGeoPoint) { gad_stmt_column_double (stmt, 12), gad_stmt_column_double (stmt, 13) };
  r->has_parish_centre = !gad_stmt_column_is_null (stmt, 15);
  r->parish_centre = (GadGeoPoint) { gad_stmt_column_double (stmt, 15),
                                     gad_stmt_column_double (stmt, 16) };
  r->phone = gad_store_column_dup (stmt, 17);
  return r;
}

static char *
pension_birth_date (void)
{
  g_autofree char *today = gad_text_today_iso ();

  return gad_text_iso_add_years (today, -GAD_REMOTE_PENSION_AGE);
}

/**
 * gad_store_remote_proposals:
 *
 * Returns: (transfer full) (element-type GadRemotePerson): the persons the
 * rules propose who are not on the register, by parish and name
 */
GPtrArray *
gad_store_remote_proposals (GadStore  *self,
                            GError   **error)
{
  g_autofree char *born = pension_birth_date ();
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, 0, error))
    return NULL;
  stmt = gad_store_statement (self, "SELECT " PERSON_COLUMNS ", NULL, " G_STRINGIFY
                                    (GAD_REMOTE_INTERVAL_MONTHS) ", NULL, NULL, NULL, '', 0"
                                    PLACE_COLUMNS FROM_PERSONS " WHERE" PROPOSED
                                    " AND p.id NOT IN (SELECT person_id FROM remote_register"
                                    " WHERE ended_on IS NULL)"
                                    " AND " GAD_SCOPE_WHERE " ORDER BY 5, p.sort_key",
                              error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_text (stmt, 1, born);
  gad_store_bind_scope (self, stmt);
  return gad_store_collect (self, stmt, remote_from_row, (GDestroyNotify) gad_remote_person_free,
                            error);
}

/* The register, or (@person_id) one person's row on it. */
GPtrArray *
gad_store_remote_rows (GadStore    *self,
                       const char  *due_by,
                       gint64       person_id,
                       GError     **error)
{
  GadStmt *stmt;

  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return NULL;
  stmt = gad_store_statement (self, "SELECT " PERSON_COLUMNS ", r.reason, r.interval_months,"
                                    " r.last_visit, r.last_outcome, r.next_due, r.risks,"
                                    " r.home_care_proposed" PLACE_COLUMNS FROM_PERSONS
                                    " JOIN remote_register r ON r.person_id = p.id"
                                    " WHERE r.ended_on IS NULL AND (?1 = '' OR r.next_due <= ?1)"
                                    " AND (?2 = 0 OR r.person_id = ?2)"
                                    " AND " GAD_SCOPE_WHERE " ORDER BY r.next_due, p.sort_key",
                              error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_text (stmt, 1, due_by ? due_by : "");
  gad_stmt_bind_int64 (stmt, 2, person_id);
  gad_store_bind_scope (self, stmt);
  return gad_store_collect (self, stmt, remote_from_row, (GDestroyNotify) gad_remote_person_free,
                            error);
}

/**
 * gad_store_remote_list:
 * @due_by: (nullable): only those due on or before this day (ISO 8601)
 *
 * Returns: (transfer full) (element-type GadRemotePerson): the register,
 * the most overdue first
 */
GPtrArray *
gad_store_remote_list (GadStore    *self,
                       const char  *due_by,
                       GError     **error)
{
  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  return gad_store_remote_rows (self, due_by, 0, error);
}

static gboolean
is_proposed (GadStore *self,
             gint64    person_id)
{
  g_autofree char *born = pension_birth_date ();
  GadStmt *stmt = gad_store_statement (self, "SELECT count (*) FROM persons p WHERE p.id = ?2 AND"
                                             PROPOSED, NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, born);
  gad_stmt_bind_int64 (stmt, 2, person_id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    found = gad_stmt_column_int64 (stmt, 0) > 0;
  gad_stmt_reset (stmt);
  return found;
}

static gboolean
add (GadStore    *self,
     gint64       person_id,
     const char  *reason,
     int          interval_months,
     GError     **error)
{
  g_autofree char *today = gad_text_today_iso ();
  g_autofree char *months = g_strdup_printf ("%d", interval_months);
  g_autofree char *why = reason ? g_strstrip (g_strdup (reason)) : NULL;
  GArray *changes;
  GadStmt *stmt;

  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, person_id, error))
    return FALSE;
  if (interval_months < 1 || interval_months > 24)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                           _("Visits are between one month and two years apart."));
      return FALSE;
    }
  if (reason == NULL && !is_proposed (self, person_id))
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                           _("The rules do not propose this person: they do not live alone on a "
                             "farmstead as a pensioner or with disability group I or II. Write "
                             "why you add them."));
      return FALSE;
    }
  if (why != NULL && *why == '\0')
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                           _("Write why you add this person to the register."));
      return FALSE;
    }
  if (!gad_store_begin (self, error))
    return FALSE;
  /* Someone taken off before comes back onto their row. */
  stmt = gad_store_statement (self, "INSERT INTO remote_register (person_id, reason, added_by,"
                                    " added_on, interval_months, next_due) VALUES (?1, ?2, nullif (?3, 0),"
                                    " ?4, ?5, ?4) ON CONFLICT (person_id) DO UPDATE SET"
                                    " reason = ?2, added_by = nullif (?3, 0), added_on = ?4,"
                                    " interval_months = ?5, next_due = ?4, ended_on = NULL"
                                    " WHERE remote_register.ended_on IS NOT NULL",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  if (why)
    gad_stmt_bind_text (stmt, 2, why);
  gad_stmt_bind_int64 (stmt, 3, gad_store_actor_id (self));
  gad_stmt_bind_text (stmt, 4, today);
  gad_stmt_bind_int64 (stmt, 5, interval_months);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (gad_db_changes (self->db) != 1)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                           _("This person is on the register already."));
      goto fail;
    }
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "reason", NULL, why);
  gad_field_changes_add (changes, "interval_months", NULL, months);
  if (!gad_store_audit (self, "remote", person_id, person_id, "create", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/**
 * gad_store_remote_add:
 * @reason: (nullable): why the person is added by hand; %NULL confirms
 *   one the rules propose
 * @interval_months: between visits (GAD_REMOTE_INTERVAL_MONTHS usually)
 *
 * Puts the person on the register, their first visit due today.
 */
gboolean
gad_store_remote_add (GadStore    *self,
                      gint64       person_id,
                      const char  *reason,
                      int          interval_months,
                      GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  GAD_STORE_RETRYING (self, error, ok, add (self, person_id, reason, interval_months, error));
  return ok;
}
