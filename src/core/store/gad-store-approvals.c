/* gad-store-approvals.c — four eyes on decisions that grant much
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A decision granting more in all than the municipality's threshold needs a
 * head's approval before it is issued: the social worker asks, a head other
 * than the one who asked approves (or refuses, saying why), and only then may
 * someone other than the approver issue it — for at most the approved sum.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"
#include "gad-text.h"

void
gad_approval_free (GadApproval *a)
{
  if (a == NULL)
    return;
  g_free (a->person);
  g_free (a->type_name);
  g_free (a->requester);
  g_free (a->requested_at);
  g_free (a->status);
  g_free (a->decider);
  g_free (a->note);
  g_free (a->draft);
  g_free (a);
}

/* The threshold in cents; 0 or unset: every decision is issued without one. */
gint64
gad_store_approval_threshold (GadStore *self)
{
  g_autofree char *value = gad_store_get_setting (self, "approval_threshold_cents");

  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

#define APPROVAL_SELECT \
  "SELECT a.id, a.application_id, ap.person_id, p.last_name || ' ' || p.first_name," \
  " coalesce (bt.name_lv, st.name_lv, ap.type_code), a.amount_cents, a.requested_by, r.name," \
  " a.requested_at, a.status, coalesce (a.decided_by, 0), d.name, a.note, a.draft" \
  " FROM approvals a JOIN applications ap ON ap.id = a.application_id" \
  " JOIN persons p ON p.id = ap.person_id JOIN staff r ON r.id = a.requested_by" \
  " LEFT JOIN staff d ON d.id = a.decided_by" \
  " LEFT JOIN benefit_types bt ON bt.code = ap.type_code" \
  " LEFT JOIN service_types st ON st.code = ap.type_code"

static gpointer
approval_from_row (GadStmt *stmt)
{
  GadApproval *a = g_new0 (GadApproval, 1);

  a->id = gad_stmt_column_int64 (stmt, 0);
  a->application_id = gad_stmt_column_int64 (stmt, 1);
  a->person_id = gad_stmt_column_int64 (stmt, 2);
  a->person = gad_store_column_dup (stmt, 3);
  a->type_name = gad_store_column_dup (stmt, 4);
  a->amount_cents = gad_stmt_column_int64 (stmt, 5);
  a->requested_by = gad_stmt_column_int64 (stmt, 6);
  a->requester = gad_store_column_dup (stmt, 7);
  a->requested_at = gad_store_column_dup (stmt, 8);
  a->status = gad_store_column_dup (stmt, 9);
  a->decided_by = gad_stmt_column_int64 (stmt, 10);
  a->decider = gad_store_column_dup (stmt, 11);
  a->note = gad_store_column_dup (stmt, 12);
  a->draft = gad_store_column_dup (stmt, 13);
  return a;
}

static gint64
application_person (GadStore *self,
                    gint64    application_id)
{
  return gad_store_person_of (self, "applications", application_id);
}

/**
 * gad_store_request_approval:
 * @amount_cents: what the decision would grant in all
 * @draft: (nullable): the drafted decision as the window keeps it, for the
 *   head to read and the drafter to take up again
 *
 * Asks a head to approve a decision on @application_id. A request still
 * pending is replaced by this one.
 *
 * Returns: the approval's id, or 0 with @error set
 */
static gint64
request_approval (GadStore    *self,
                  gint64       application_id,
                  gint64       amount_cents,
                  const char  *draft,
                  GError     **error)
{
  g_autofree char *now = gad_store_now ();
  g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT, amount_cents);
  gint64 person = application_person (self, application_id);
  GadStmt *stmt;
  GArray *changes;
  gint64 id;

  g_return_val_if_fail (GAD_IS_STORE (self), 0);

  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, person, error))
    return 0;
  if (person == 0 || self->actor_id <= 0 || amount_cents < 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Only a signed-in staff member can ask for an approval of an application."));
      return 0;
    }
  if (!gad_store_begin (self, error))
    return 0;
  stmt = gad_store_statement (self, "DELETE FROM approvals WHERE application_id = ?"
                                    " AND status = 'pending'", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, application_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  stmt = gad_store_statement (self, "INSERT INTO approvals (application_id, amount_cents,"
                                    " requested_by, requested_at, draft) VALUES (?, ?, ?, ?, ?) RETURNING id",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, application_id);
  gad_stmt_bind_int64 (stmt, 2, amount_cents);
  gad_stmt_bind_int64 (stmt, 3, self->actor_id);
  gad_stmt_bind_text (stmt, 4, now);
  gad_stmt_bind_text (stmt, 5, draft ? draft : "");
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    goto fail;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "amount_cents", NULL, amount);
  if (!gad_store_audit (self, "approval", id, person, "request", changes, error)
      || !gad_store_commit (self, error))
    goto fail;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

gint64
gad_store_request_approval (GadStore    *self,
                            gint64       application_id,
                            gint64       amount_cents,
                            const char  *draft,
                            GError     **error)
{
  gint64 id;

  GAD_STORE_RETRYING (self, error, id, request_approval (self, application_id, amount_cents, draft, error));
  return id;
}

/**
 * gad_store_decide_approval:
 * @note: why, when refusing (required then)
 *
 * A head approves or refuses a pending request; never their own.
 */
static gboolean
decide_approval (GadStore    *self,
                 gint64       approval_id,
                 gboolean     approve,
                 const char  *note,
                 GError     **error)
{
  g_autofree char *now = gad_store_now ();
  g_autofree char *trimmed = g_strstrip (g_strdup (note ? note : ""));
  gint64 requester, person;
  GadStmt *stmt;
  GArray *changes;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  if (!gad_store_require (self, GAD_RIGHT_APPROVE, 0, error))
    return FALSE;
  requester = gad_store_lookup_id (self, "SELECT requested_by FROM approvals WHERE id = ?"
                                         " AND status = 'pending'", approval_id);
  person = gad_store_lookup_id (self, "SELECT ap.person_id FROM approvals a"
                                      " JOIN applications ap ON ap.id = a.application_id"
                                      " WHERE a.id = ?", approval_id);
  if (requester == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("This request is no longer waiting for approval. Reload the list."));
      return FALSE;
    }
  if (requester == self->actor_id)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                   _("You asked for this approval yourself: another head must decide on it."));
      return FALSE;
    }
  if (!approve && trimmed[0] == '\0')
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Say why the approval is refused: the social worker reads it."));
      return FALSE;
    }
  if (!gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self, "UPDATE approvals SET status = ?2, decided_by = ?3,"
                                    " decided_at = ?4, note = ?5"
                                    " WHERE id = ?1 AND status = 'pending'", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, approval_id);
  gad_stmt_bind_text (stmt, 2, approve ? "approved" : "rejected");
  gad_stmt_bind_int64 (stmt, 3, self->actor_id);
  gad_stmt_bind_text (stmt, 4, now);
  gad_stmt_bind_text (stmt, 5, trimmed);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "status", "pending", approve ? "approved" : "rejected");
  if (trimmed[0])
    gad_field_changes_add (changes, "note", NULL, trimmed);
  if (!gad_store_audit (self, "approval", approval_id, person, approve ? "approve" : "reject",
                        changes, error)
      || !gad_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  gad_store_rollback (self);
  return FALSE;
}

gboolean
gad_store_decide_approval (GadStore    *self,
                           gint64       approval_id,
                           gboolean     approve,
                           const char  *note,
                           GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, decide_approval (self, approval_id, approve, note, error));
  return ok;
}

/**
 * gad_store_list_approvals:
 * @status: (nullable): "pending", "approved" or "rejected"; %NULL for all
 *
 * The heads' list, newest first.
 */
GPtrArray *
gad_store_list_approvals (GadStore    *self,
                          const char  *status,
                          GError     **error)
{
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);

  if (!gad_store_require (self, GAD_RIGHT_APPROVE, 0, error))
    return NULL;
  stmt = gad_store_statement (self, APPROVAL_SELECT
                                    " WHERE CAST (?1 AS TEXT) IS NULL OR a.status = ?1"
                                    " ORDER BY a.requested_at DESC, a.id DESC", error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_text (stmt, 1, status);
  return gad_store_collect (self, stmt, approval_from_row, (GDestroyNotify) gad_approval_free,
                            error);
}

/**
 * gad_store_find_approval:
 *
 * The latest approval request on @application_id, for the client's file.
 *
 * Returns: (nullable): it, or %NULL if there is none (@error unset) or it
 *   cannot be read (@error set)
 */
GadApproval *
gad_store_find_approval (GadStore    *self,
                         gint64       application_id,
                         GError     **error)
{
  GadStmt *stmt;
  GadApproval *a = NULL;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);

  if (!gad_store_can (self, GAD_RIGHT_APPROVE, 0)
      && !gad_store_require (self, GAD_RIGHT_READ_CLIENT, application_person (self, application_id),
                             error))
    return NULL;
  stmt = gad_store_statement (self, APPROVAL_SELECT " WHERE a.application_id = ?"
                                    " ORDER BY a.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, application_id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    a = approval_from_row (stmt);
  gad_stmt_reset (stmt);
  return a;
}

/**
 * gad_store_check_approval:
 * @total_cents: what the decision grants in all
 *
 * Whether a decision on @application_id granting @total_cents may be issued
 * by the signed-in staff member: at or under the threshold always; over it
 * only with an approval of at least that sum by a head who is not issuing it.
 */
gboolean
gad_store_check_approval (GadStore    *self,
                          gint64       application_id,
                          gint64       total_cents,
                          GError     **error)
{
  gint64 threshold = gad_store_approval_threshold (self);
  g_autoptr(GadApproval) a = NULL;
  g_autofree char *total = NULL, *limit = NULL;

  if (threshold <= 0 || total_cents <= threshold)
    return TRUE;
  a = gad_store_find_approval (self, application_id, error);
  if (a && g_str_equal (a->status, "approved") && a->amount_cents >= total_cents
      && a->decided_by != self->actor_id)
    return TRUE;
  if (error && *error)
    return FALSE;

  total = gad_text_format_money (total_cents);
  limit = gad_text_format_money (threshold);
  if (a && g_str_equal (a->status, "approved") && a->decided_by == self->actor_id)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NEEDS_APPROVAL,
                 _("You approved this decision yourself: a colleague must issue it."));
  else if (a && g_str_equal (a->status, "rejected"))
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NEEDS_APPROVAL,
                 /* TRANSLATORS: the head's reason follows */
                 _("The head refused the approval: %s"), a->note);
  else if (a && g_str_equal (a->status, "pending"))
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NEEDS_APPROVAL,
                 _("The decision is waiting for a head’s approval."));
  else
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NEEDS_APPROVAL,
                 /* TRANSLATORS: the decision's total, then the threshold */
                 _("With this decision the application grants %s in all, over the %s that "
                   "needs a head’s approval. Ask for approval first."),
                 total, limit);
  return FALSE;
}
