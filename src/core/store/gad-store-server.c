/* gad-store-server.c — a service's server: its roles and what the server
 * lets each do, and staff accounts as server roles
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-store-private.h"
#include "gad-store-resources.h"

#define ALL_RIGHTS ((GadRight) -1)

/* The table privileges each right needs, granted to the group role of every
 * Gādība role that has the right (gad_role_allows() in src/core decides,
 * as it does in the window). A social worker's rights to client files are
 * narrowed to their clients by row security (access.sql). */
static const struct
{
  GadRight right;
  const char *privileges;
  const char *tables;
} needs[] = {
  { ALL_RIGHTS, "SELECT", "gadiba_schema settings staff territories departments benefit_types"
                          " service_types rates legal_clauses document_templates" },
  { ALL_RIGHTS, "INSERT", "audit_log audit_changes" },
  { GAD_RIGHT_READ_BASIC, "SELECT", "persons person_codes households household_members audit_log"
                                    " audit_changes not_duplicates" },
  /* Two records found to be two people: a head's or an administrator's word. */
  { GAD_RIGHT_APPROVE, "INSERT", "not_duplicates" },
  { GAD_RIGHT_ADMINISTER, "INSERT", "not_duplicates" },
  { GAD_RIGHT_READ_CLIENT, "SELECT", "cases applications application_documents incomes"
                                     " housing_costs decisions payments duties service_plans"
                                     " client_payments approvals past_decisions case_records case_plans plan_needs"
                                     " plan_goals plan_tasks document_contents case_transfers"
                                     " remote_register remote_visits issued_documents" },
  /* That a client's file holds documents, and which: a clerk's too. */
  { GAD_RIGHT_READ_BASIC, "SELECT", "case_documents" },
  { GAD_RIGHT_REGISTER, "INSERT, UPDATE", "persons person_codes households household_members" },
  { GAD_RIGHT_REGISTER, "DELETE", "person_codes" },
  { GAD_RIGHT_REGISTER, "INSERT", "applications application_documents" },
  { GAD_RIGHT_REGISTER, "SELECT (id)", "applications" },
  { GAD_RIGHT_WRITE_CLIENT, "INSERT, UPDATE", "cases applications application_documents incomes"
                                              " housing_costs payments duties service_plans"
                                              " client_payments" },
  /* A case record is corrected by its author, for a day (access.sql). */
  { GAD_RIGHT_WRITE_CLIENT, "INSERT, UPDATE (kind, occurred_on, participants, text, version, words)",
    "case_records" },
  /* The plan is written whole again at each revision (gad-store-case-plans.c). */
  { GAD_RIGHT_WRITE_CLIENT, "INSERT, UPDATE, DELETE", "case_plans plan_needs plan_goals plan_tasks" },
  /* Documents are kept as they came: added, never changed. */
  { GAD_RIGHT_WRITE_CLIENT, "INSERT", "case_documents document_contents" },
  /* Asking a head's approval; the answer is the head's (APPROVE). */
  { GAD_RIGHT_WRITE_CLIENT, "INSERT", "approvals" },
  { GAD_RIGHT_WRITE_CLIENT, "INSERT", "decisions" },
  { GAD_RIGHT_WRITE_CLIENT, "DELETE", "incomes housing_costs approvals" },
  { GAD_RIGHT_WRITE_CLIENT, "SELECT, INSERT, UPDATE", "decision_counters" },
  /* Certificates, contracts, referrals, agreements: issued, never changed. */
  { GAD_RIGHT_WRITE_CLIENT, "INSERT", "issued_documents" },
  { GAD_RIGHT_WRITE_CLIENT, "SELECT, INSERT, UPDATE", "issued_document_counters" },
  { GAD_RIGHT_SCHEDULE, "SELECT, INSERT, UPDATE, DELETE", "schedule_entries schedule_occurrences"
                                                          " group_participants group_attendance group_work group_sessions"
                                                          " group_others" },
  /* Visits are planned from service plans, and their co-payments recorded
   * from the visits. */
  { GAD_RIGHT_SCHEDULE, "SELECT", "service_plans" },
  { GAD_RIGHT_SCHEDULE, "SELECT, INSERT, UPDATE", "client_payments" },
  /* … free on the days the household is needy. */
  { GAD_RIGHT_SCHEDULE, "SELECT (id, person_id, status_granted, outcome, period_from, period_to,"
                        " supersedes_id)", "decisions" },
  { GAD_RIGHT_DASHBOARDS, "SELECT, INSERT, UPDATE", "budget expenditures" },
  { GAD_RIGHT_APPROVE, "UPDATE", "approvals" },
  { GAD_RIGHT_ADMINISTER, "INSERT, UPDATE", "staff settings rates legal_clauses territories" },
  /* Preferences → Documents: a save is the template's next version. */
  { GAD_RIGHT_ADMINISTER, "INSERT", "document_templates" },
  /* The catalogues an administrator adds to (Preferences → Catalogues). */
  { GAD_RIGHT_ADMINISTER, "INSERT", "departments benefit_types service_types" },
  { GAD_RIGHT_ADMINISTER, "DELETE", "settings" },
  /* Imports register the file's persons. */
  { GAD_RIGHT_ADMINISTER, "INSERT, UPDATE", "persons person_codes households household_members" },
  { GAD_RIGHT_ADMINISTER, "DELETE", "person_codes" },
  /* … and bring in the history of clients' files, which they do not read. */
  { GAD_RIGHT_ADMINISTER, "SELECT, INSERT, UPDATE (rows)", "imports" },
  { GAD_RIGHT_ADMINISTER, "INSERT", "cases service_plans payments past_decisions" },
  { GAD_RIGHT_ADMINISTER, "SELECT (number)", "past_decisions" },
  /* Retention: which clients are past the period, and the free texts and
   * identifying values it erases — never the rest of their files. */
  { GAD_RIGHT_ADMINISTER, "SELECT (person_id, closed_on), UPDATE (notes)", "cases" },
  { GAD_RIGHT_ADMINISTER, "SELECT (person_id, period_to)", "service_plans" },
  { GAD_RIGHT_ADMINISTER, "SELECT (person_id, period_to, issued_on, anonymised),"
                          " UPDATE (facts, reasoning, decision_text, snapshot, drafter, pdf,"
                          " pdf_sha256, anonymised)", "decisions" },
  { GAD_RIGHT_ADMINISTER, "SELECT (id, person_id)", "applications" },
  { GAD_RIGHT_ADMINISTER, "SELECT (person_id, anonymised),"
                          " UPDATE (subject, snapshot, pdf, pdf_sha256, anonymised)",
    "issued_documents" },
  { GAD_RIGHT_ADMINISTER, "SELECT (application_id), UPDATE (name)", "application_documents" },
  { GAD_RIGHT_ADMINISTER, "SELECT (person_id), UPDATE (text)", "duties" },
  { GAD_RIGHT_ADMINISTER, "SELECT (person_id), UPDATE (participants, text, words)",
    "case_records" },
  { GAD_RIGHT_ADMINISTER, "SELECT (person_id), UPDATE (finding)", "plan_needs" },
  { GAD_RIGHT_ADMINISTER, "SELECT (person_id), UPDATE (text)", "plan_goals" },
  { GAD_RIGHT_ADMINISTER, "SELECT (person_id), UPDATE (text, institution)", "plan_tasks" },
  { GAD_RIGHT_ADMINISTER, "SELECT (person_id), DELETE", "case_documents document_contents" },
  { GAD_RIGHT_ADMINISTER, "SELECT (id, person_id), UPDATE (note, title)", "schedule_entries" },
  { GAD_RIGHT_ADMINISTER, "SELECT (entry_id), UPDATE (reason)", "schedule_occurrences" },
  { GAD_RIGHT_ADMINISTER, "SELECT (application_id), UPDATE (note, draft)", "approvals" },
  { GAD_RIGHT_AUDIT, "SELECT", "audit_log audit_changes" },
  /* A head hands clients and cases to other parishes and workers
   * (gad_store_require_reassign()); a social worker's REGISTER and
   * WRITE_CLIENT cover it. */
  { GAD_RIGHT_APPROVE, "UPDATE (territory_id, updated_at, version)", "persons" },
  { GAD_RIGHT_APPROVE, "UPDATE (worker_id, version)", "cases" },
  { GAD_RIGHT_APPROVE, "INSERT", "case_transfers" },
  { GAD_RIGHT_WRITE_CLIENT, "INSERT", "case_transfers" },
  { GAD_RIGHT_ADMINISTER, "SELECT (person_id), UPDATE (reason)", "case_transfers" },
  /* The register of remote farmsteads: kept by the social workers. */
  { GAD_RIGHT_WRITE_CLIENT, "INSERT, UPDATE", "remote_register" },
  { GAD_RIGHT_WRITE_CLIENT, "INSERT", "remote_visits" },
  { GAD_RIGHT_ADMINISTER, "SELECT (person_id, reason), UPDATE (reason)", "remote_register" },
  /* Client surveys: a head writes the questionnaires and reads the
   * results; whoever is at a desk types in paper questionnaires, seeing
   * how many came, not what they say. Retention unnames a response. */
  { GAD_RIGHT_REGISTER, "SELECT", "surveys survey_questions" },
  { GAD_RIGHT_REGISTER, "INSERT, SELECT (id, survey_id, version)", "survey_responses" },
  { GAD_RIGHT_REGISTER, "INSERT", "survey_answers" },
  { GAD_RIGHT_DASHBOARDS, "SELECT, INSERT, UPDATE", "surveys" },
  { GAD_RIGHT_DASHBOARDS, "SELECT, INSERT, DELETE", "survey_questions" },
  { GAD_RIGHT_DASHBOARDS, "SELECT, INSERT", "survey_responses survey_answers" },
  /* The strategy's action plan and its indicators: the head's. */
  { GAD_RIGHT_DASHBOARDS, "SELECT, INSERT, UPDATE, DELETE",
    "strategy_tasks strategy_indicators strategy_values strategy_reviews" },
  /* Merging two records of one person (gad-store-merge.c): everything of
   * the one moves to the other; the kept record takes the fields chosen and
   * the other goes in gad_merge_records () (access.sql), which a head could
   * not do with their grants. A head's or an administrator's. */
  { GAD_RIGHT_APPROVE, "UPDATE (person_id, valid_to)", "person_codes" },
  { GAD_RIGHT_APPROVE, "UPDATE (person_id)", "household_members" },
  { GAD_RIGHT_APPROVE, "SELECT (person_id), UPDATE (person_id)",
    "cases applications incomes decisions payments duties service_plans past_decisions"
    " schedule_entries case_records case_plans plan_needs plan_goals plan_tasks case_documents"
    " document_contents case_transfers remote_register remote_visits survey_responses"
    " issued_documents" },
  { GAD_RIGHT_ADMINISTER, "SELECT (person_id), UPDATE (person_id)",
    "cases applications incomes decisions payments duties service_plans past_decisions"
    " schedule_entries case_records case_plans plan_needs plan_goals plan_tasks case_documents"
    " document_contents case_transfers remote_register remote_visits survey_responses"
    " issued_documents" },
  { GAD_RIGHT_APPROVE, "SELECT, UPDATE (person_id), DELETE", "group_participants group_attendance" },
  { GAD_RIGHT_ADMINISTER, "SELECT, UPDATE (person_id), DELETE",
    "group_participants group_attendance" },
  { GAD_RIGHT_APPROVE, "SELECT, UPDATE, DELETE", "client_payments" },
  { GAD_RIGHT_ADMINISTER, "SELECT, UPDATE, DELETE", "client_payments" },
  { GAD_RIGHT_APPROVE, "DELETE", "not_duplicates remote_register" },
  { GAD_RIGHT_ADMINISTER, "DELETE", "not_duplicates remote_register" },
  /* … and whether both records have open cases in different departments. */
  { GAD_RIGHT_ADMINISTER, "SELECT (worker_id)", "cases" },
  /* The log names whose file an entry is about, and finds a client's by code. */
  { GAD_RIGHT_AUDIT, "SELECT (id, first_name, last_name)", "persons" },
  { GAD_RIGHT_AUDIT, "SELECT", "person_codes" },
  { GAD_RIGHT_AUDIT, "SELECT (household_id, person_id)", "household_members" },
};

/* The group role of @role: "gadiba_social_worker". */
char *
gad_store_group_role (GadRole role)
{
  g_autofree char *name = g_strconcat ("gadiba_", gad_role_to_string (role), NULL);

  return g_strdelimit (g_steal_pointer (&name), "-", '_');
}

static char *
grants_sql (void)
{
  GString *sql = g_string_new (NULL);

  for (GadRole role = GAD_ROLE_ADMINISTRATOR; role <= GAD_ROLE_AUDITOR; role++)
    {
      g_autofree char *group = gad_store_group_role (role);

      g_string_append_printf (sql, "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %s;\n"
                                   "GRANT EXECUTE ON FUNCTION gad_me (), gad_in_scope (bigint),"
                                   " gad_audit_last (), gad_saved (bigint, text), gad_role_of (text),"
                                   " gad_person_of (text, bigint),"
                                   " gad_search_my_records (tsquery, integer) TO %s;\n",
                              group, group);
      for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
        {
          g_auto(GStrv) tables = NULL;

          if (needs[i].right != ALL_RIGHTS && !gad_role_allows (role, needs[i].right, TRUE))
            continue;
          tables = g_strsplit (needs[i].tables, " ", -1);
          for (guint t = 0; tables[t]; t++)
            g_string_append_printf (sql, "GRANT %s ON %s TO %s;\n", needs[i].privileges,
                                    tables[t], group);
        }
    }
  g_string_append (sql, "REVOKE ALL ON FUNCTION gad_server_account (text, text, text, boolean),"
                        " gad_set_my_password (text) FROM PUBLIC;\n"
                        "GRANT EXECUTE ON FUNCTION gad_server_account (text, text, text, boolean),"
                        " gad_erase_audit_values (bigint) TO gadiba_administrator;\n"
                        "GRANT EXECUTE ON FUNCTION gad_merge_records (bigint, bigint, text, text,"
                        " text, text, text, text, text, bigint, text, text, text, text)"
                        " TO gadiba_administrator, gadiba_head;\n"
                        "GRANT EXECUTE ON FUNCTION gad_my_account (), gad_set_my_password (text)"
                        " TO PUBLIC;\n");
  return g_string_free (sql, FALSE);
}

/**
 * gad_store_server_secure:
 *
 * Makes the server enforce the roles on this database: the owner and group
 * roles, row security and the grants from the rights table. Inside the
 * migration's transaction, by a superuser; it can run again.
 */
gboolean
gad_store_server_secure (GadStore  *self,
                         GError   **error)
{
  g_autoptr(GBytes) access = g_resource_lookup_data (gad_store_get_resource (),
                                                     "/lv/gadiba/Gadiba/migrations/postgresql/"
                                                     "access.sql",
                                                     0, NULL);
  g_autofree char *grants = grants_sql ();

  g_assert (access != NULL);
  return gad_store_exec (self, g_bytes_get_data (access, NULL), error)
         && gad_store_exec (self, grants, error);
}

/**
 * gad_store_server_init:
 *
 * gadiba-cli server init on a database that has its schema already (a
 * server database of an earlier version): the roles and what the server
 * lets each do, again. A superuser's.
 */
gboolean
gad_store_server_init (GadStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  if (!gad_store_begin (self, error))
    return FALSE;
  if (!gad_store_server_secure (self, error) || !gad_store_commit (self, error))
    {
      gad_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* The server role a staff member signs in as: "anna@gadiba". One server can
 * hold several services' databases; each has its own staff roles. */
static char *
server_role (GadStore    *self,
             const char  *folded,
             GError     **error)
{
  g_autofree char *database = gad_db_conninfo_database (self->path);
  g_autofree char *role = g_strconcat (folded, "@", database ? database : "", NULL);

  if (database == NULL || strlen (role) > 63)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("The sign-in name “%s” is too long for the server: with the database’s name "
                     "it must fit in 63 bytes."),
                   folded);
      return NULL;
    }
  return g_steal_pointer (&role);
}

/**
 * gad_store_server_account:
 * @password: (nullable): the new password, or %NULL to keep it
 *
 * Creates or changes the server role of the account @folded to match its
 * staff row: its group, whether it may sign in, its password. In the
 * caller's transaction; nothing on a file.
 */
gboolean
gad_store_server_account (GadStore    *self,
                          const char  *folded,
                          const char  *password,
                          GadRole      role,
                          gboolean     active,
                          GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *verifier = NULL;
  GadStmt *stmt;

  if (!gad_store_is_server (self))
    return TRUE;
  if ((name = server_role (self, folded, error)) == NULL)
    return FALSE;
  if (password && (verifier = gad_db_password_verifier (self->db, name, password)) == NULL)
    return gad_store_fail (self, error);
  stmt = gad_store_statement (self, "SELECT gad_server_account (?1, ?2, ?3, ?4 = 1)", error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, folded);
  if (verifier)
    gad_stmt_bind_text (stmt, 2, verifier);
  else
    gad_stmt_bind_null (stmt, 2);
  gad_stmt_bind_text (stmt, 3, gad_role_to_string (role));
  gad_stmt_bind_int64 (stmt, 4, active);
  return gad_store_step_done (self, stmt, error);
}

/* A staff member's own new password, on the server. */
gboolean
gad_store_server_own_password (GadStore    *self,
                               const char  *password,
                               GError     **error)
{
  g_autofree char *name = server_role (self, self->username, error);
  g_autofree char *verifier = NULL;
  GadStmt *stmt;

  if (name == NULL)
    return FALSE;
  if ((verifier = gad_db_password_verifier (self->db, name, password)) == NULL)
    return gad_store_fail (self, error);
  if ((stmt = gad_store_statement (self, "SELECT gad_set_my_password (?1)", error)) == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, verifier);
  if (!gad_store_step_done (self, stmt, error))
    return FALSE;
  g_free (self->conninfo);
  self->conninfo = gad_db_conninfo_set (self->path, "user", name, "password", password, NULL);
  return TRUE;
}

/**
 * gad_store_server_sign_in:
 *
 * On a server, signing in is connecting as the staff member's own role:
 * the server checks the password (SCRAM-SHA-256, over TLS where it offers
 * it) and from then on refuses what the role may not do. The connection
 * replaces the store's.
 */
gboolean
gad_store_server_sign_in (GadStore    *self,
                          const char  *folded,
                          const char  *password,
                          GError     **error)
{
  g_autofree char *role = NULL, *conninfo = NULL, *name = NULL, *department = NULL;
  g_autofree char *expires_on = NULL;
  g_autoptr(GadDb) db = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GadStmt) stmt = NULL;
  gint64 id = 0, territory_id = 0;
  GadRole staff_role = GAD_ROLE_NONE;
  GadDbStep rc = GAD_DB_DONE;

  if (password == NULL || *password == '\0' || *folded == '\0')
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN,
                   _("The name or the password is wrong."));
      return FALSE;
    }
  if ((role = server_role (self, folded, error)) == NULL)
    return FALSE;
  conninfo = gad_db_conninfo_set (self->path, "user", role, "password", password, NULL);
  if ((db = gad_db_open (conninfo, &local)) == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  stmt = gad_db_prepare (db, "SELECT id, name, role, department, territory_id,"
                             " password_expires_on FROM gad_my_account ()");
  if (stmt == NULL || (rc = gad_stmt_step (stmt)) == GAD_DB_FAILED)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                   _("The server database is not set up for staff accounts yet (%s). Ask your "
                     "administrator to run “gadiba-cli server init”."),
                   gad_db_message (db));
      return FALSE;
    }
  if (rc == GAD_DB_ROW)
    {
      id = gad_stmt_column_int64 (stmt, 0);
      name = g_strdup (gad_stmt_column_text (stmt, 1));
      staff_role = gad_role_from_string (gad_stmt_column_text (stmt, 2));
      department = g_strdup (gad_stmt_column_text (stmt, 3));
      territory_id = gad_stmt_column_int64 (stmt, 4);
      expires_on = g_strdup (gad_stmt_column_text (stmt, 5));
    }
  g_clear_pointer (&stmt, gad_stmt_free);
  if (staff_role == GAD_ROLE_NONE)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                   _("The server account “%s” has no Gādība role. Ask your administrator to give "
                     "it one."),
                   role);
      return FALSE;
    }
  if (gad_store_password_ended (expires_on, error))
    return FALSE;

  g_hash_table_remove_all (self->statements);
  gad_db_close (self->db);
  self->db = g_steal_pointer (&db);
  g_free (self->conninfo);
  self->conninfo = g_steal_pointer (&conninfo);
  gad_store_act_as (self, id, name, folded, staff_role, department, territory_id);
  if (!gad_store_migrate (self, error) || !gad_store_begin (self, error))
    goto fail;
  if (!gad_store_audit (self, "staff", id, 0, "sign-in", NULL, error)
      || !gad_store_commit (self, error))
    {
      gad_store_rollback (self);
      goto fail;
    }
  return TRUE;

fail:
  gad_store_sign_out (self);
  return FALSE;
}

/**
 * gad_store_server_account_holds:
 *
 * After the server refused something: whether the signed-in account still
 * signs in with the role it signed in with. Asked on a connection of its
 * own (the refusal has spoiled this one's transaction). %TRUE on a file.
 */
gboolean
gad_store_server_account_holds (GadStore *self)
{
  g_autoptr(GadDb) db = NULL;
  g_autoptr(GadStmt) stmt = NULL;
  gboolean holds;

  if (self->conninfo == NULL || self->role == GAD_ROLE_NONE)
    return TRUE;
  if ((db = gad_db_open (self->conninfo, NULL)) == NULL)
    return FALSE;
  stmt = gad_db_prepare (db, "SELECT role FROM gad_my_account ()");
  holds = stmt && gad_stmt_step (stmt) == GAD_DB_ROW
          && gad_role_from_string (gad_stmt_column_text (stmt, 0)) == self->role;
  return holds;
}
