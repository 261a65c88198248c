/* gad-store-merge.c — two records of one person made one
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A head or an administrator keeps one record, with each differing field as
 * they chose it, and everything of the other moves to it: codes (both stay
 * in the code history), households, cases, applications, decisions and
 * imported ones, services, schedule entries, groups, payments and
 * co-payments. The other record goes. One write, one audit row; the log's
 * older rows keep naming the record they were about.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"
#include "gad-text.h"

/* ?1 the record kept, ?2 the one merged into it: first what would collide
 * (the same group, the same day's attendance, the same month's co-payment,
 * which add up), then every row of the one moves. */
static const char *moves[] = {
  "DELETE FROM not_duplicates WHERE person_id = ?2 OR other_id = ?2",
  "DELETE FROM group_participants WHERE person_id = ?2 AND entry_id IN"
  " (SELECT entry_id FROM group_participants WHERE person_id = ?1)",
  "DELETE FROM group_attendance WHERE person_id = ?2 AND EXISTS (SELECT 1 FROM group_attendance k"
  " WHERE k.person_id = ?1 AND k.entry_id = group_attendance.entry_id"
  " AND k.date = group_attendance.date)",
  "UPDATE client_payments SET"
  " minutes = minutes + (SELECT d.minutes FROM client_payments d WHERE d.person_id = ?2"
  " AND d.month = client_payments.month AND d.service_code = client_payments.service_code),"
  " free_minutes = free_minutes + (SELECT d.free_minutes FROM client_payments d"
  " WHERE d.person_id = ?2 AND d.month = client_payments.month"
  " AND d.service_code = client_payments.service_code),"
  " amount_cents = amount_cents + (SELECT d.amount_cents FROM client_payments d"
  " WHERE d.person_id = ?2 AND d.month = client_payments.month"
  " AND d.service_code = client_payments.service_code)"
  " WHERE person_id = ?1 AND EXISTS (SELECT 1 FROM client_payments d WHERE d.person_id = ?2"
  " AND d.month = client_payments.month AND d.service_code = client_payments.service_code)",
  "DELETE FROM client_payments WHERE person_id = ?2 AND EXISTS (SELECT 1 FROM client_payments k"
  " WHERE k.person_id = ?1 AND k.month = client_payments.month"
  " AND k.service_code = client_payments.service_code)",
  "UPDATE person_codes SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE household_members SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE cases SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE applications SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE incomes SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE decisions SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE issued_documents SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE past_decisions SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE payments SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE duties SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE case_records SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE case_plans SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE plan_needs SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE plan_goals SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE plan_tasks SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE case_documents SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE case_transfers SET person_id = ?1 WHERE person_id = ?2",
  /* On the remote register once: the kept record's row stays. */
  "DELETE FROM remote_register WHERE person_id = ?2 AND EXISTS (SELECT 1 FROM remote_register k"
  " WHERE k.person_id = ?1)",
  "UPDATE remote_register SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE remote_visits SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE survey_responses SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE document_contents SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE service_plans SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE schedule_entries SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE group_participants SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE group_attendance SET person_id = ?1 WHERE person_id = ?2",
  "UPDATE client_payments SET person_id = ?1 WHERE person_id = ?2",
};

/* The kept record's values, and the other record gone. On a server, where a
 * head may not rewrite names and codes, the owner does it in
 * gad_merge_records () (access.sql), once the rest is moved. */
static gboolean
keep_values (GadStore   *self,
             gint64      keep,
             gint64      drop,
             GadPerson  *chosen,
             GError    **error)
{
  g_auto(GadPersonKeys) keys = { 0 };
  g_autofree char *now = gad_store_now ();
  const char *gender = gad_person_get_gender (chosen);
  gint64 territory = gad_person_get_territory_id (chosen);
  gboolean server = gad_store_is_server (self);
  GadStmt *stmt;

  if (!gad_store_check_person (chosen, &keys, error))
    return FALSE;
  if (!server)
    {
      if ((stmt = gad_store_statement (self, "DELETE FROM persons WHERE id = ?1", error)) == NULL)
        return FALSE;
      gad_stmt_bind_int64 (stmt, 1, drop);
      if (!gad_store_step_done (self, stmt, error))
        return FALSE;
    }
  stmt = gad_store_statement (self, server
                                      ? "SELECT gad_merge_records (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                                        " ?9, ?10, ?11, ?12, ?13, ?14)"
                                      : "UPDATE persons SET code = ?3, first_name = ?4,"
                                        " last_name = ?5, gender = ?6, birth_date = ?7,"
                                        " address = ?8, phone = ?9, territory_id = ?10,"
                                        " key_lf = ?11, key_fl = ?12, sort_key = ?13,"
                                        " updated_at = ?14, version = version + 1"
                                        " WHERE id = ?1 AND ?2 <> ?1", error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, keep);
  gad_stmt_bind_int64 (stmt, 2, drop);
  gad_stmt_bind_text (stmt, 3, keys.code);
  gad_stmt_bind_text (stmt, 4, gad_person_get_first_name (chosen));
  gad_stmt_bind_text (stmt, 5, gad_person_get_last_name (chosen));
  if (*gender)
    gad_stmt_bind_text (stmt, 6, gender);
  else
    gad_stmt_bind_null (stmt, 6);
  if (keys.birth_date)
    gad_stmt_bind_text (stmt, 7, keys.birth_date);
  else
    gad_stmt_bind_null (stmt, 7);
  gad_stmt_bind_text (stmt, 8, gad_person_get_address (chosen));
  gad_stmt_bind_text (stmt, 9, gad_person_get_phone (chosen));
  if (territory > 0)
    gad_stmt_bind_int64 (stmt, 10, territory);
  else
    gad_stmt_bind_null (stmt, 10);
  gad_stmt_bind_text (stmt, 11, keys.key_lf);
  gad_stmt_bind_text (stmt, 12, keys.key_fl);
  gad_stmt_bind_text (stmt, 13, keys.sort_key);
  gad_stmt_bind_text (stmt, 14, now);
  return gad_store_step_done (self, stmt, error);
}

static gpointer
department_from_row (GadStmt *stmt)
{
  return gad_store_column_dup (stmt, 0);
}

/* The department of each of a person's open cases' workers; NULL with
 * @error when they cannot be read. */
static GPtrArray *
open_departments (GadStore  *self,
                  gint64     person_id,
                  GError   **error)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT DISTINCT s.department FROM cases c"
                                             " JOIN staff s ON s.id = c.worker_id"
                                             " WHERE c.person_id = ?1 AND c.closed_on IS NULL",
                                       error);

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  return gad_store_collect (self, stmt, department_from_row, g_free, error);
}

/* Who may merge: a head; an administrator too, unless both records have
 * open cases in different departments — which departments' work it is, a
 * head decides. */
static gboolean
may_merge (GadStore  *self,
           gint64     keep,
           gint64     drop,
           GError   **error)
{
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;

  if (gad_store_can (self, GAD_RIGHT_APPROVE, 0))
    return TRUE;
  if (!gad_store_can (self, GAD_RIGHT_ADMINISTER, 0))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                   _("A head or an administrator merges two records of one person."));
      return FALSE;
    }
  if ((a = open_departments (self, keep, error)) == NULL
      || (b = open_departments (self, drop, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    for (guint k = 0; k < b->len; k++)
      if (!g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, k)))
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                       _("Both records have open cases, in different departments: a head "
                         "merges them."));
          return FALSE;
        }
  return TRUE;
}

static gboolean
merge (GadStore   *self,
       gint64      keep,
       gint64      drop,
       GadPerson  *chosen,
       GError    **error)
{
  g_autoptr(GadPerson) kept = NULL;
  g_autoptr(GadPerson) merged = NULL;
  g_autofree char *today = gad_text_today_iso ();
  g_autofree char *merged_as = NULL;
  GArray *changes;
  GadStmt *stmt;

  if (!gad_store_begin (self, error))
    return FALSE;
  if (!may_merge (self, keep, drop, error))
    goto fail;
  if ((kept = gad_store_get_person (self, keep, error)) == NULL
      || (merged = gad_store_get_person (self, drop, error)) == NULL)
    goto fail;
  if (!g_str_equal (gad_person_get_code (chosen), gad_person_get_code (kept))
      && !g_str_equal (gad_person_get_code (chosen), gad_person_get_code (merged)))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("The merged record keeps one of the two personal codes."));
      goto fail;
    }
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      if ((stmt = gad_store_statement (self, moves[i], error)) == NULL)
        goto fail;
      gad_stmt_bind_int64 (stmt, 1, keep);
      gad_stmt_bind_int64 (stmt, 2, drop);
      if (!gad_store_step_done (self, stmt, error))
        goto fail;
    }
  /* The code not kept ends today, in the history where search finds it. */
  stmt = gad_store_statement (self, "UPDATE person_codes SET valid_to = ?3 WHERE person_id = ?1"
                                    " AND code <> ?2 AND valid_to IS NULL", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, keep);
  gad_stmt_bind_text (stmt, 2, gad_person_get_code (chosen));
  gad_stmt_bind_text (stmt, 3, today);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  /* The fields as chosen; the audit row names the record merged in. */
  if (!keep_values (self, keep, drop, chosen, error))
    goto fail;
  merged_as = g_strdup_printf ("%s %s %s", gad_person_get_code (merged),
                               gad_person_get_last_name (merged),
                               gad_person_get_first_name (merged));
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "merged", NULL, merged_as);
  gad_store_person_changes (self, changes, kept, chosen);
  if (!gad_store_audit (self, "person", keep, keep, "merge", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/**
 * gad_store_merge_persons:
 * @keep: the record that stays
 * @drop: the record merged into it, which goes
 * @chosen: the kept record's fields as chosen, field by field, from the two;
 *   its code is one of theirs
 *
 * Returns: %TRUE when the two are one; %FALSE with @error and nothing changed
 */
gboolean
gad_store_merge_persons (GadStore   *self,
                         gint64      keep,
                         gint64      drop,
                         GadPerson  *chosen,
                         GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (keep != drop, FALSE);

  GAD_STORE_RETRYING (self, error, ok, merge (self, keep, drop, chosen, error));
  return ok;
}
