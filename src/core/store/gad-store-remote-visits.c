/* gad-store-remote-visits.c — visits to remote farmsteads, and taking someone off
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A visit records its outcome and the risks it found, keeps itself in
 * remote_visits for the yearly figures, moves the next visit, and is a home
 * visit's record in the person's open case; all in one transaction with
 * its audit row.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-remote.h"
#include "gad-store-private.h"
#include "gad-text.h"

/* The visit in the person's case file, if they have an open case (the
 * signed-in worker's first): a home visit, with what it found. In the
 * visit's transaction. */
static gboolean
write_case_record (GadStore    *self,
                   gint64       person_id,
                   const char  *date,
                   const char  *outcome,
                   const char  *risks,
                   gboolean     home_care_proposed,
                   GError     **error)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT id FROM cases WHERE person_id = ?1"
                                             " AND closed_on IS NULL"
                                             " ORDER BY worker_id = ?2 DESC, opened_on DESC"
                                             " LIMIT 1", error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) codes = g_strsplit (risks, ",", -1);
  GadCaseRecord record = { 0 };
  gint64 case_id = 0;

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  gad_stmt_bind_int64 (stmt, 2, gad_store_actor_id (self));
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    case_id = gad_stmt_column_int64 (stmt, 0);
  gad_stmt_reset (stmt);
  if (case_id == 0)
    return TRUE;
  if (g_str_equal (outcome, "not-home"))
    g_string_append (text, _("A visit to the remote farmstead: nobody was at home."));
  else if (g_str_equal (outcome, "refused"))
    g_string_append (text, _("A visit to the remote farmstead: the visit was refused."));
  else if (*risks == '\0')
    g_string_append (text, _("A visit to the remote farmstead: no risks found."));
  else
    {
      g_string_append (text, _("A visit to the remote farmstead. Risks found:"));
      for (guint i = 0; codes[i]; i++)
        g_string_append_printf (text, "%s %s", i ? "," : "", gad_remote_risk_name (codes[i]));
      g_string_append_c (text, '.');
    }
  if (home_care_proposed)
    g_string_append_printf (text, " %s", _("Home care was proposed."));
  record.case_id = case_id;
  record.kind = (char *) "home-visit";
  record.occurred_on = (char *) date;
  record.text = text->str;
  return gad_store_add_record (self, &record, error) > 0;
}

/* The person's stop on a route that day, if one is still planned: done,
 * or missed when nobody was at home or the visit was refused. In the
 * visit's transaction; a role without the schedule leaves it. */
static gboolean
mark_route_stop (GadStore    *self,
                 gint64       person_id,
                 const char  *date,
                 const char  *outcome,
                 GError     **error)
{
  GadStmt *stmt;
  gint64 entry_id = 0;
  int minutes = 0;

  if (!gad_store_can (self, GAD_RIGHT_SCHEDULE, 0))
    return TRUE;
  stmt = gad_store_statement (self, "SELECT e.id, e.minutes FROM schedule_entries e"
                                    " LEFT JOIN schedule_occurrences o"
                                    "  ON o.entry_id = e.id AND o.date = e.start_date"
                                    " WHERE e.on_route = 1 AND e.person_id = ?1"
                                    " AND e.start_date = ?2 AND e.weekdays = 0"
                                    " AND coalesce (o.status, 'planned') = 'planned'"
                                    " ORDER BY e.id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  gad_stmt_bind_text (stmt, 2, date);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    {
      entry_id = gad_stmt_column_int64 (stmt, 0);
      minutes = gad_stmt_column_int64 (stmt, 1);
    }
  gad_stmt_reset (stmt);
  if (entry_id == 0)
    return TRUE;
  if (g_str_equal (outcome, "visited"))
    return gad_store_record_visit (self, entry_id, date, TRUE, minutes, NULL, error);
  return gad_store_record_visit (self, entry_id, date, FALSE, 0,
                                 g_str_equal (outcome, "refused") ? _("The visit was refused.")
                                                                  : _("Nobody was at home."),
                                 error);
}

typedef struct
{
  gint64 person_id;
  const char *date;
  const char *outcome;
  const char *risks;
  gboolean home_care_proposed;
} Visit;

static gboolean
visit (GadStore     *self,
       const Visit  *v,
       GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *next = NULL, *date = NULL;
  g_autofree char *today = gad_text_today_iso ();
  GadRemotePerson *before = NULL;
  GArray *changes;
  GadStmt *stmt;
  GDate d;

  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, v->person_id, error))
    return FALSE;
  if (g_strcmp0 (v->outcome, "visited") != 0 && g_strcmp0 (v->outcome, "not-home") != 0
      && g_strcmp0 (v->outcome, "refused") != 0)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                           _("A visit’s outcome is visited, not at home or refused."));
      return FALSE;
    }
  if (!gad_text_parse_date (v->date, &d) || strcmp ((date = gad_text_iso_date (&d)), today) > 0)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                           _("The visit’s day is not a real day, or it is still to come. Write it "
                             "as DD.MM.YYYY."));
      return FALSE;
    }
  if (!gad_remote_check_risks (v->risks, error))
    return FALSE;
  /* The person's row as it was: theirs alone, not the whole register. */
  if ((found = gad_store_remote_rows (self, NULL, v->person_id, error)) == NULL)
    return FALSE;
  if (found->len == 1)
    before = g_ptr_array_index (found, 0);
  if (before == NULL)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                           _("This person is not on the register of remote farmsteads."));
      return FALSE;
    }
  next = gad_remote_next_due (date, v->outcome, before->interval_months);
  if (!gad_store_begin (self, error))
    return FALSE;
  /* Risks are what a visit found: one that saw nobody keeps the last. */
  stmt = gad_store_statement (self, "UPDATE remote_register SET last_visit = ?1,"
                                    " last_outcome = ?2, risks = ?3, next_due = ?4,"
                                    " home_care_proposed = ?5 WHERE person_id = ?6"
                                    " AND ended_on IS NULL",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, date);
  gad_stmt_bind_text (stmt, 2, v->outcome);
  gad_stmt_bind_text (stmt, 3, g_str_equal (v->outcome, "visited") ? v->risks : before->risks);
  gad_stmt_bind_text (stmt, 4, next);
  gad_stmt_bind_int64 (stmt, 5, v->home_care_proposed || before->home_care_proposed);
  gad_stmt_bind_int64 (stmt, 6, v->person_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  stmt = gad_store_statement (self, "INSERT INTO remote_visits (person_id, visited_on, outcome,"
                                    " risks, home_care_proposed, staff_id)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, nullif (?6, 0))", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, v->person_id);
  gad_stmt_bind_text (stmt, 2, date);
  gad_stmt_bind_text (stmt, 3, v->outcome);
  gad_stmt_bind_text (stmt, 4, g_str_equal (v->outcome, "visited") ? v->risks : "");
  gad_stmt_bind_int64 (stmt, 5, v->home_care_proposed);
  gad_stmt_bind_int64 (stmt, 6, gad_store_actor_id (self));
  if (!gad_store_step_done (self, stmt, error)
      || !write_case_record (self, v->person_id, date, v->outcome, v->risks,
                             v->home_care_proposed, error)
      || !mark_route_stop (self, v->person_id, date, v->outcome, error))
    goto fail;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "outcome", before->last_outcome, v->outcome);
  gad_field_changes_add (changes, "risks", before->risks,
                         g_str_equal (v->outcome, "visited") ? v->risks : before->risks);
  gad_field_changes_add (changes, "next_due", before->next_due, next);
  if (!gad_store_audit (self, "remote", v->person_id, v->person_id, "visit", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/**
 * gad_store_remote_visit:
 * @date: the day of the visit (not one to come)
 * @outcome: "visited", "not-home" or "refused"
 * @risks: what the visit found, comma-separated (gad_remote_risks ())
 * @home_care_proposed: home care was proposed to them
 *
 * Records a visit to someone on the register and moves their next one; in
 * their open case, if they have one, the visit is a home visit's record;
 * on a route that day, its stop is done or missed.
 */
gboolean
gad_store_remote_visit (GadStore    *self,
                        gint64       person_id,
                        const char  *date,
                        const char  *outcome,
                        const char  *risks,
                        gboolean     home_care_proposed,
                        GError     **error)
{
  Visit v = { person_id, date, outcome, risks ? risks : "", home_care_proposed };
  gboolean ok;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  GAD_STORE_RETRYING (self, error, ok, visit (self, &v, error));
  return ok;
}

static gboolean
end (GadStore    *self,
     gint64       person_id,
     GError     **error)
{
  g_autofree char *today = gad_text_today_iso ();
  GadStmt *stmt;
  GArray *changes;

  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, person_id, error))
    return FALSE;
  if (!gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self, "UPDATE remote_register SET ended_on = ?1"
                                    " WHERE person_id = ?2 AND ended_on IS NULL", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, today);
  gad_stmt_bind_int64 (stmt, 2, person_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (gad_db_changes (self->db) != 1)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                           _("This person is not on the register of remote farmsteads."));
      goto fail;
    }
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "ended_on", NULL, today);
  if (!gad_store_audit (self, "remote", person_id, person_id, "end", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/* Takes the person off the register today (moved away, into care, died). */
gboolean
gad_store_remote_end (GadStore    *self,
                      gint64       person_id,
                      GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  GAD_STORE_RETRYING (self, error, ok, end (self, person_id, error));
  return ok;
}
