/* gad-store-entries.c — saving entries and what happened to an occurrence
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every save checks the conflict rules again and is refused unless the user
 * gave a reason to overrule them; the reason goes to the audit log.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-schedule.h"
#include "gad-store-private.h"
#include "gad-store-schedule-private.h"
#include "gad-text.h"

static const char *entry_kinds[] = { "visit", "appointment", "reception", "group" };

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
  g_autoptr(GPtrArray) conflicts = gad_store_conflicts_between (self, from, to, e->staff_id, e->person_id,
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
  g_autoptr(GPtrArray) conflicts = gad_store_conflicts_between (self, from, to, e->staff_id,
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
  gad_store_refuse_conflicts (conflicts, error);
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
  else if (!gad_store_valid_date (e->start_date) || (e->until_date && !gad_store_valid_date (e->until_date))
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
      g_autoptr(GadServicePlan) plan = gad_store_plan_by_id (self, e->plan_id);

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
    after = gad_store_conflicts_between (self, start, end, entry->staff_id, entry->person_id, error);
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
static gint64
save_entry (GadStore   *self,
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
  /* Two workstations booking the same person's hour take turns: the second
   * finds the first's entry in its check. */
  if (!gad_store_lock (self, GAD_LOCK_STAFF_SCHEDULE, entry->staff_id, error)
      || !gad_store_lock (self, GAD_LOCK_CLIENT_SCHEDULE, entry->person_id, error)
      || (id = write_entry_row (self, entry, time, reason, error)) == 0)
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

gint64
gad_store_save_entry (GadStore   *self,
                      GadEntry   *entry,
                      GError    **error)
{
  gint64 id;

  GAD_STORE_RETRYING (self, error, id, save_entry (self, entry, error));
  return id;
}

/* Writes what happened to one occurrence, with its audit row; @check asks
 * for the conflict rules on its (new) day. */
static gboolean
write_occurrence_once (GadStore    *self,
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
  if (moved_date && !gad_store_valid_date (moved_date))
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
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, write_occurrence_once (self, entry_id, rule_date, action, status, moved_date, moved_minute, staff_id, actual_minutes, reason, override_reason, error));
  return ok;
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
