/* gad-store-retention.c — clients whose cases closed long ago, anonymised
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A retention run lists persons whose every case closed more than N years
 * ago (N in settings, "retention_years") and who have no service since;
 * anonymising one removes what identifies them — name, personal codes,
 * address, phone, the day and month of birth, free texts, decision texts and
 * letters — and keeps what the figures are made of: gender, birth year,
 * parish, case dates and target groups, decisions' numbers, dates, outcomes
 * and amounts, payments, services and visits. The audit log is append-only
 * and hash-chained, so its rows about the person stay; the anonymisation
 * adds its own.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "gad-store-private.h"
#include "gad-text.h"

static gpointer
candidate_from_row (GadStmt *stmt)
{
  GadRetentionCandidate *c = g_new0 (GadRetentionCandidate, 1);

  c->person_id = gad_stmt_column_int64 (stmt, 0);
  c->name = gad_store_column_dup (stmt, 1);
  c->code = gad_store_column_dup (stmt, 2);
  c->last_closed_on = gad_store_column_dup (stmt, 3);
  return c;
}

void
gad_retention_candidate_free (GadRetentionCandidate *c)
{
  if (c == NULL)
    return;
  g_free (c->name);
  g_free (c->code);
  g_free (c->last_closed_on);
  g_free (c);
}

/* The candidates, or only @person_id when it is not 0. */
static GPtrArray *
retention_query (GadStore    *self,
                 const char  *today,
                 int          years,
                 gint64       person_id,
                 GError     **error)
{
  g_autofree char *setting = gad_store_get_setting (self, "retention_years");
  g_autofree char *cutoff = NULL;
  GadStmt *stmt;

  if (years <= 0)
    years = setting ? atoi (setting) : 10;
  if (years <= 0 || years > 240)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("The retention period is a number of years from 1 to 240."));
      return NULL;
    }
  cutoff = gad_text_iso_add_years (today, -years);
  stmt = gad_store_statement (self,
    "SELECT p.id, p.first_name || ' ' || p.last_name, p.code, max (c.closed_on)"
    " FROM persons p JOIN cases c ON c.person_id = p.id"
    " WHERE p.anonymised_on IS NULL AND (?3 = 0 OR p.id = ?3)"
    " AND NOT EXISTS (SELECT 1 FROM service_plans sp WHERE sp.person_id = p.id"
    "                 AND (sp.period_to IS NULL OR sp.period_to > ?1))"
    " AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.person_id = p.id"
    "                 AND coalesce (d.period_to, d.issued_on) > ?1)"
    " GROUP BY p.id"
    " HAVING sum (CASE WHEN c.closed_on IS NULL THEN 1 ELSE 0 END) = 0"
    " AND max (c.closed_on) <= ?1"
    " ORDER BY max (c.closed_on), p.id",
    error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_text (stmt, 1, cutoff);
  gad_stmt_bind_int64 (stmt, 3, person_id);
  return gad_store_collect (self, stmt, candidate_from_row,
                            (GDestroyNotify) gad_retention_candidate_free, error);
}

/**
 * gad_store_list_retention:
 * @today: ISO 8601
 * @years: the retention period, or 0 for the one in settings
 *
 * Returns: (transfer full): #GadRetentionCandidate, longest closed first
 */
GPtrArray *
gad_store_list_retention (GadStore    *self,
                          const char  *today,
                          int          years,
                          GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return NULL;
  return retention_query (self, today, years, 0, error);
}

static gboolean
run (GadStore    *self,
     const char  *sql,
     gint64       person_id,
     const char  *text,
     GError     **error)
{
  GadStmt *stmt = gad_store_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  if (text)
    gad_stmt_bind_text (stmt, 2, text);
  return gad_store_step_done (self, stmt, error);
}

/**
 * gad_store_anonymise_person:
 *
 * Anonymises one person the retention run lists (see the file's comment),
 * in one transaction with its audit row. Refused for anyone else.
 */
static gboolean
anonymise_person (GadStore    *self,
                  gint64       person_id,
                  const char  *today,
                  GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  g_autoptr(GPtrArray) candidates = retention_query (self, today, 0, person_id, error);
  g_autofree char *code = g_strdup_printf ("A%010" G_GINT64_FORMAT, person_id % 10000000000);
  g_autofree char *sort_key = g_strconcat (code, "\x01", NULL);
  GArray *changes;

  if (candidates == NULL)
    return FALSE;
  if (candidates->len == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("This client has an open case, a service or a decision within the retention "
                     "period, or is anonymised already: nothing was changed."));
      return FALSE;
    }
  if (!gad_store_begin (self, error))
    return FALSE;
  if (!run (self, "DELETE FROM person_codes WHERE person_id = ?1", person_id, NULL, error)
      || !run (self, "UPDATE persons SET code = ?2, first_name = 'Anonimizēts',"
                     " last_name = 'Klients', key_lf = 'klients anonimizets',"
                     " key_fl = 'anonimizets klients',"
                     " birth_date = CASE WHEN birth_date IS NULL THEN NULL"
                     "  ELSE substr (birth_date, 1, 4) || '-07-01' END,"
                     " address = '', phone = '', disability_group = NULL,"
                     " lat = NULL, lon = NULL, place_source = NULL,"
                     " version = version + 1 WHERE id = ?1",
               person_id, code, error)
      || !run (self, "UPDATE persons SET sort_key = ?2 WHERE id = ?1", person_id, sort_key, error)
      || !run (self, "UPDATE persons SET anonymised_on = ?2 WHERE id = ?1", person_id, today,
               error)
      || !run (self, "INSERT INTO person_codes (code, person_id) VALUES (?2, ?1)", person_id,
               code, error)
      || !run (self, "UPDATE cases SET notes = '' WHERE person_id = ?1", person_id, NULL, error)
      || !run (self, "UPDATE application_documents SET name = '—' WHERE application_id IN"
                     " (SELECT id FROM applications WHERE person_id = ?1)",
               person_id, NULL, error)
      || !run (self, gad_store_is_server (self)
                       ? "UPDATE decisions SET facts = '', reasoning = '', decision_text = '',"
                         " snapshot = '{}', drafter = '', pdf = ''::bytea, pdf_sha256 = '',"
                         " anonymised = 1 WHERE person_id = ?1 AND anonymised = 0"
                       : "UPDATE decisions SET facts = '', reasoning = '', decision_text = '',"
                         " snapshot = '{}', drafter = '', pdf = substr (pdf, 1, 0),"
                         " pdf_sha256 = '', anonymised = 1"
                         " WHERE person_id = ?1 AND anonymised = 0",
               person_id, NULL, error)
      || !run (self, gad_store_is_server (self)
                       ? "UPDATE issued_documents SET subject = '—', snapshot = '{}',"
                         " pdf = ''::bytea, pdf_sha256 = '', anonymised = 1"
                         " WHERE person_id = ?1 AND anonymised = 0"
                       : "UPDATE issued_documents SET subject = '—', snapshot = '{}',"
                         " pdf = substr (pdf, 1, 0), pdf_sha256 = '', anonymised = 1"
                         " WHERE person_id = ?1 AND anonymised = 0",
               person_id, NULL, error)
      || !run (self, "UPDATE duties SET text = '—' WHERE person_id = ?1", person_id, NULL, error)
      || !run (self, "UPDATE case_records SET participants = '', text = '—', words = ''"
                     " WHERE person_id = ?1",
               person_id, NULL, error)
      || !run (self, "UPDATE plan_needs SET finding = '—' WHERE person_id = ?1", person_id, NULL,
               error)
      || !run (self, "UPDATE plan_goals SET text = '—' WHERE person_id = ?1", person_id, NULL,
               error)
      || !run (self, "UPDATE plan_tasks SET text = '—', institution = '' WHERE person_id = ?1",
               person_id, NULL, error)
      || !run (self, "DELETE FROM document_contents WHERE person_id = ?1", person_id, NULL, error)
      || !run (self, "DELETE FROM case_documents WHERE person_id = ?1", person_id, NULL, error)
      || !run (self, "UPDATE case_transfers SET reason = '—' WHERE person_id = ?1", person_id,
               NULL, error)
      || !run (self, "UPDATE remote_register SET reason = '—' WHERE person_id = ?1"
                     " AND reason IS NOT NULL", person_id, NULL, error)
      /* Their answers stay, no longer theirs. */
      || !run (self, "UPDATE survey_responses SET person_id = NULL WHERE person_id = ?1",
               person_id, NULL, error)
      || !run (self, "UPDATE schedule_entries SET note = '' WHERE person_id = ?1", person_id,
               NULL, error)
      || !run (self, "UPDATE schedule_occurrences SET reason = NULL WHERE entry_id IN"
                     " (SELECT id FROM schedule_entries WHERE person_id = ?1)",
               person_id, NULL, error)
      || !run (self, "UPDATE schedule_entries SET title = '' WHERE person_id = ?1", person_id,
               NULL, error)
      || !run (self, "UPDATE approvals SET note = '', draft = '' WHERE application_id IN"
                     " (SELECT id FROM applications WHERE person_id = ?1)",
               person_id, NULL, error)
      /* A household's address is the person's too once nobody else in it
       * keeps their name. */
      || !run (self, "UPDATE households SET address = '' WHERE id IN"
                     " (SELECT household_id FROM household_members WHERE person_id = ?1)"
                     " AND NOT EXISTS (SELECT 1 FROM household_members m"
                     "  JOIN persons o ON o.id = m.person_id"
                     "  WHERE m.household_id = households.id AND o.id <> ?1"
                     "  AND o.anonymised_on IS NULL)",
               person_id, NULL, error)
      /* The log keeps its rows about the person, and the hashes of the values
       * they changed; the identifying values and free texts go (with their
       * salts, so no hash can be tried against guesses). On a server the
       * same statement runs as the owner (access.sql): the administrator
       * reads no client file's log. */
      || !run (self, gad_store_is_server (self) ? "SELECT gad_erase_audit_values (?1)" :
                     "UPDATE audit_changes SET old_value = NULL, new_value = NULL, salt = NULL"
                     " WHERE (old_value IS NOT NULL OR new_value IS NOT NULL)"
                     " AND field IN ('code', 'first_name', 'last_name', 'birth_date', 'address',"
                     "  'phone', 'disability_group', 'notes', 'note', 'reason',"
                     "  'override_reason', 'title', 'name', 'text', 'incoming_no')"
                     " AND audit_id IN (SELECT id FROM audit_log WHERE person_id = ?1"
                     "  OR (entity = 'household' AND entity_id IN"
                     "   (SELECT id FROM households WHERE address = '' AND id IN"
                     "    (SELECT household_id FROM household_members WHERE person_id = ?1))))",
               person_id, NULL, error))
    goto fail;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "anonymised", NULL, today);
  if (!gad_store_audit (self, "person", person_id, person_id, "anonymise", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

gboolean
gad_store_anonymise_person (GadStore    *self,
                            gint64       person_id,
                            const char  *today,
                            GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, anonymise_person (self, person_id, today, error));
  return ok;
}
