/* gad-store-sessions.c — reception hours' free slots and group sessions'
 * participants and attendance
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-schedule.h"
#include "gad-store-private.h"
#include "gad-store-schedule-private.h"

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
  int length = gad_store_setting_int (self, "reception_slot_minutes", 30);

  if (!gad_store_valid_date (date))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Enter the dates as DD.MM.YYYY; the last day cannot be before the first."));
      return NULL;
    }
  taken = gad_store_expand (self, &office, date, date, 0, 0, error);
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

static gboolean
add_participant (GadStore    *self,
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
gad_store_add_participant (GadStore    *self,
                           gint64       entry_id,
                           gint64       person_id,
                           GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, add_participant (self, entry_id, person_id, error));
  return ok;
}

static gboolean
record_attendance (GadStore    *self,
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

gboolean
gad_store_record_attendance (GadStore    *self,
                             gint64       entry_id,
                             const char  *date,
                             gint64       person_id,
                             gboolean     present,
                             GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, record_attendance (self, entry_id, date, person_id, present, error));
  return ok;
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
