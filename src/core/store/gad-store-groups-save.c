/* gad-store-groups-save.c — a group's kind and counts, and a session's plan, saved
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each a transaction with its audit row; a group's details read before
 * another save are refused, a session's plan is the last one written.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-catalog.h"
#include "gad-group.h"
#include "gad-schedule.h"
#include "gad-store-private.h"

static gboolean
save_group (GadStore  *self,
            GadGroup  *g,
            GError   **error)
{
  guint n;
  const GadCatalogEntry *ages = gad_catalog_entries (GAD_CATALOG_AGE_GROUP, &n);
  g_autofree char *others = g_strdup_printf ("%d", gad_group_others_total (g));
  GadStmt *stmt;
  GArray *changes;

  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error) || !gad_group_check (g, error))
    return FALSE;
  if (!gad_store_begin (self, error))
    return FALSE;
  if (gad_store_lookup_id (self, "SELECT count (*) FROM schedule_entries WHERE id = ?1"
                                 " AND kind = 'group'", g->entry_id) == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("The entry is not a group session."));
      goto fail;
    }
  stmt = gad_store_statement (self, g->version == 0
                              ? "INSERT INTO group_work (entry_id, form, target_group)"
                                " VALUES (?1, ?2, ?3) ON CONFLICT (entry_id) DO NOTHING"
                              : "UPDATE group_work SET form = ?2, target_group = ?3,"
                                " version = version + 1 WHERE entry_id = ?1 AND version = ?4",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, g->entry_id);
  gad_stmt_bind_text (stmt, 2, g->form);
  gad_stmt_bind_text (stmt, 3, g->target_group);
  if (g->version)
    gad_stmt_bind_int64 (stmt, 4, g->version);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (gad_db_changes (self->db) != 1)
    {
      gad_store_refuse_stale (self, "group", g->entry_id, error);
      goto fail;
    }
  if ((stmt = gad_store_statement (self, "DELETE FROM group_others WHERE entry_id = ?1",
                                   error)) == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, g->entry_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  for (int s = 0; s < 2; s++)
    for (guint a = 0; a < n; a++)
      {
        if (g->others[s][a] == 0)
          continue;
        if ((stmt = gad_store_statement (self, "INSERT INTO group_others (entry_id, gender,"
                                               " age_group, count) VALUES (?1, ?2, ?3, ?4)",
                                         error)) == NULL)
          goto fail;
        gad_stmt_bind_int64 (stmt, 1, g->entry_id);
        gad_stmt_bind_text (stmt, 2, s ? "F" : "M");
        gad_stmt_bind_text (stmt, 3, ages[a].code);
        gad_stmt_bind_int64 (stmt, 4, g->others[s][a]);
        if (!gad_store_step_done (self, stmt, error))
          goto fail;
      }
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "form", NULL, g->form);
  gad_field_changes_add (changes, "target_groups", NULL, g->target_group);
  gad_field_changes_add (changes, "others", NULL, others);
  if (!gad_store_audit (self, "group", g->entry_id, 0, "update", changes, error)
      || !gad_store_commit (self, error))
    goto fail;
  g->version++;
  return TRUE;

fail:
  gad_store_rollback (self);
  return FALSE;
}

/**
 * gad_store_save_group:
 *
 * Saves a group's kind, target group and those counted who are not
 * clients, refusing a copy read before another save.
 */
gboolean
gad_store_save_group (GadStore    *self,
                      GadGroup    *group,
                      GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, save_group (self, group, error));
  return ok;
}

static gboolean
save_session (GadStore               *self,
              gint64                  entry_id,
              const GadGroupSession  *s,
              GError                **error)
{
  g_autoptr(GadEntry) entry = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *others = s->others_present < 0 ? NULL
                                                  : g_strdup_printf ("%d", s->others_present);
  gboolean empty = *s->topic == '\0' && *s->plan == '\0' && s->others_present < 0;
  GadStmt *stmt;
  GArray *changes;

  if (!gad_store_require (self, GAD_RIGHT_SCHEDULE, 0, error)
      || !gad_group_session_check (s, error)
      || (entry = gad_store_get_entry (self, entry_id, error)) == NULL)
    return FALSE;
  days = gad_entry_days (entry, s->date, s->date);
  if (!g_str_equal (entry->kind, "group") || days->len == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("The group does not meet that day."));
      return FALSE;
    }
  if (!gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self, empty
                              ? "DELETE FROM group_sessions WHERE entry_id = ?1 AND date = ?2"
                              : "INSERT INTO group_sessions (entry_id, date, topic, plan,"
                                " others_present) VALUES (?1, ?2, ?3, ?4, ?5)"
                                " ON CONFLICT (entry_id, date) DO UPDATE SET topic = excluded.topic,"
                                " plan = excluded.plan, others_present = excluded.others_present",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, entry_id);
  gad_stmt_bind_text (stmt, 2, s->date);
  if (!empty)
    {
      gad_stmt_bind_text (stmt, 3, s->topic);
      gad_stmt_bind_text (stmt, 4, s->plan);
      if (s->others_present < 0)
        gad_stmt_bind_null (stmt, 5);
      else
        gad_stmt_bind_int64 (stmt, 5, s->others_present);
    }
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "date", NULL, s->date);
  gad_field_changes_add (changes, "topic", NULL, s->topic);
  gad_field_changes_add (changes, "others_present", NULL, others);
  if (!gad_store_audit (self, "group", entry_id, 0, "session", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/**
 * gad_store_save_group_session:
 *
 * Saves a session's topic, plan and the others who came; all empty, the
 * session has no plan. The day must be one the group meets.
 */
gboolean
gad_store_save_group_session (GadStore               *self,
                              gint64                  entry_id,
                              const GadGroupSession  *session,
                              GError                **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, save_session (self, entry_id, session, error));
  return ok;
}
