/* gad-store-copayments.c — home-care co-payments, computed and recorded
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "gad-schedule.h"
#include "gad-store-private.h"
#include "gad-store-schedule-private.h"

static gboolean
needy_on (GadStore   *self,
          gint64      person_id,
          const char *date)
{
  GadStmt *stmt = gad_store_statement (self,
    "SELECT 1 FROM decisions d WHERE d.status_granted = 'needy' AND d.outcome <> 'refuse'"
    " AND d.period_from <= ?2 AND (d.period_to IS NULL OR d.period_to >= ?2)"
    " AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.supersedes_id = d.id)"
    " AND d.person_id IN (SELECT ?1 UNION SELECT m.person_id FROM household_members me"
    "      JOIN household_members m ON m.household_id = me.household_id"
    "      WHERE me.person_id = ?1 AND me.from_date <= ?2"
    "      AND (me.to_date IS NULL OR me.to_date >= ?2) AND m.from_date <= ?2"
    "      AND (m.to_date IS NULL OR m.to_date >= ?2))"
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
static GPtrArray *
compute_copayments (GadStore    *self,
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
      || !gad_store_valid_date (from))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Enter the month as YYYY-MM."));
      return NULL;
    }
  to = g_strdup_printf ("%s-%02d", month, g_date_get_days_in_month (m, y));
  visits = gad_store_expand (self, &filter, from, to, 0, 0, error);
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

GPtrArray *
gad_store_compute_copayments (GadStore    *self,
                              const char  *month,
                              GError     **error)
{
  GPtrArray *result;

  GAD_STORE_RETRYING (self, error, result, compute_copayments (self, month, error));
  return result;
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
