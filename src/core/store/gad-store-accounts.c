/* gad-store-accounts.c — staff accounts, signing in, and who may do what
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-password.h"
#include "gad-store-private.h"

/* After this many wrong tries on one name, each further try waits 5 s, then
 * 10, 20, … up to five minutes from the last failure. */
#define FREE_FAILURES      3
#define FIRST_DELAY_S      5
#define MAX_DELAY_S        300

static void
act_as (GadStore   *self,
        gint64      staff_id,
        const char *name,
        const char *username,
        GadRole     role,
        const char *department,
        gint64      territory_id)
{
  self->actor_id = staff_id;
  g_free (self->actor);
  self->actor = g_strdup (name);
  g_free (self->username);
  self->username = g_strdup (username);
  self->role = role;
  g_free (self->department);
  self->department = g_strdup (department ? department : "");
  self->territory_id = territory_id;
}

/* The demo builder, the tests and the crash writer act outside any account;
 * the audit log names them by @name. */
void
gad_store_act_as_system (GadStore   *self,
                         const char *name)
{
  act_as (self, 0, name, NULL, GAD_ROLE_SYSTEM, NULL, 0);
}

/* The demo builder, writing what a staff member did (asking for or giving
 * an approval), with the system's rights: the log and the approval name
 * @staff_id. */
void
gad_store_act_for_staff (GadStore *self,
                         gint64    staff_id)
{
  g_autofree char *name = gad_store_lookup_text (self, "SELECT name FROM staff WHERE id = ?",
                                                 staff_id);

  act_as (self, staff_id, name ? name : "demo", NULL, GAD_ROLE_SYSTEM, NULL, 0);
}

void
gad_store_sign_out (GadStore *self)
{
  g_return_if_fail (GAD_IS_STORE (self));
  act_as (self, 0, "gadiba", NULL, GAD_ROLE_NONE, NULL, 0);
}

GadRole
gad_store_get_role (GadStore *self)
{
  g_return_val_if_fail (GAD_IS_STORE (self), GAD_ROLE_NONE);
  return self->role;
}

gint64
gad_store_actor_id (GadStore *self)
{
  g_return_val_if_fail (GAD_IS_STORE (self), 0);
  return self->actor_id;
}

/* Who is signed in, by sign-in name; NULL when nobody is (or the system). */
const char *
gad_store_get_username (GadStore *self)
{
  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  return self->username;
}

/**
 * gad_store_open_as:
 * @like: a store someone is signed in to
 *
 * A second connection to @like's database acting for the same staff member,
 * for work in a thread. The password was checked when @like signed in.
 */
GadStore *
gad_store_open_as (GadStore  *like,
                   GError   **error)
{
  GadStore *store = gad_store_open (like->path, error);

  if (store)
    act_as (store, like->actor_id, like->actor, like->username, like->role, like->department,
            like->territory_id);
  return store;
}

static char *
fold_username (const char *username)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (username ? username : ""));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

static gboolean
check_username (const char  *folded,
                GError     **error)
{
  if (folded[0] == '\0' || g_utf8_strlen (folded, -1) > 64 || strpbrk (folded, " \t\n") != NULL)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("A sign-in name is one word of up to 64 characters, without spaces."));
      return FALSE;
    }
  return TRUE;
}

gboolean
gad_store_has_accounts (GadStore *self)
{
  return gad_store_lookup_id (self, "SELECT count(*) FROM staff WHERE username IS NOT NULL"
                                    " AND ?1 = ?1", 0) > 0;
}

/* Seconds until @folded may try again; 0 if now. */
static gint64
seconds_to_wait (GadStore   *self,
                 const char *folded)
{
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT count, last_at FROM sign_in_failures"
                                            " WHERE username = ?",
                                            NULL);
  gint64 wait = 0;

  if (stmt == NULL)
    return 0;
  gad_stmt_bind_text (stmt, 1, folded);
  if (gad_stmt_step (stmt) == GAD_DB_ROW && gad_stmt_column_int (stmt, 0) >= FREE_FAILURES)
    {
      int extra = MIN (gad_stmt_column_int (stmt, 0) - FREE_FAILURES, 10);
      gint64 delay = MIN ((gint64) FIRST_DELAY_S << extra, MAX_DELAY_S);
      g_autoptr(GDateTime) last = g_date_time_new_from_iso8601 (
        gad_stmt_column_text (stmt, 1), NULL);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (last)
        wait = MAX (0, delay - g_date_time_difference (now, last) / G_TIME_SPAN_SECOND);
    }
  gad_stmt_reset (stmt);
  return wait;
}

static void
count_failure (GadStore   *self,
               const char *folded)
{
  g_autofree char *now = gad_store_now ();
  GadStmt *stmt = gad_store_statement (self,
                                            "INSERT INTO sign_in_failures VALUES (?1, 1, ?2)"
                                            " ON CONFLICT (username) DO UPDATE"
                                            " SET count = sign_in_failures.count + 1, last_at = ?2",
                                            NULL);

  if (stmt == NULL)
    return;
  gad_stmt_bind_text (stmt, 1, folded);
  gad_stmt_bind_text (stmt, 2, now);
  gad_store_step_done (self, stmt, NULL);
}

/* A hash to check against when the name does not exist, so that a wrong
 * name takes as long as a wrong password. */
static const char *
dummy_hash (void)
{
  static gsize done;
  static char *hash;

  if (g_once_init_enter (&done))
    {
      hash = gad_password_hash ("gadiba-no-such-account", NULL);
      g_once_init_leave (&done, 1);
    }
  return hash;
}

/**
 * gad_store_sign_in:
 *
 * Checks @password against the account @username (case does not matter) and
 * acts as that staff member from now on. A failure says only that the name
 * or password is wrong — the same for an unknown name, a wrong password and
 * a closed account — and after three in a row on one name each further try
 * must wait, longer every time.
 */
gboolean
gad_store_sign_in (GadStore    *self,
                   const char  *username,
                   const char  *password,
                   GError     **error)
{
  g_autofree char *folded = fold_username (username);
  g_autofree char *hash = NULL, *name = NULL, *department = NULL;
  gint64 id = 0, territory_id = 0, wait;
  GadRole role = GAD_ROLE_NONE;
  gboolean active = FALSE, ok;
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  if ((wait = seconds_to_wait (self, folded)) > 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN,
                   ngettext ("Too many wrong tries. Try again in %d second.",
                             "Too many wrong tries. Try again in %d seconds.", (gulong) wait),
                   (int) wait);
      return FALSE;
    }

  stmt = gad_store_statement (self,
                              "SELECT id, name, password_hash, role, department,"
                              " coalesce (territory_id, 0), active FROM staff WHERE username = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, folded);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    {
      id = gad_stmt_column_int64 (stmt, 0);
      name = gad_store_column_dup (stmt, 1);
      hash = gad_store_column_dup (stmt, 2);
      role = gad_role_from_string (gad_stmt_column_text (stmt, 3));
      department = gad_store_column_dup (stmt, 4);
      territory_id = gad_stmt_column_int64 (stmt, 5);
      active = gad_stmt_column_int (stmt, 6);
    }
  gad_stmt_reset (stmt);

  ok = gad_password_verify (password, hash ? hash : dummy_hash ())
       && hash != NULL && active && role != GAD_ROLE_NONE;
  if (!gad_store_begin (self, error))
    return FALSE;
  if (!ok)
    {
      count_failure (self, folded);
      gad_store_commit (self, NULL);
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_SIGN_IN,
                   _("The name or the password is wrong."));
      return FALSE;
    }

  stmt = gad_store_statement (self, "DELETE FROM sign_in_failures WHERE username = ?", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, folded);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  act_as (self, id, name, folded, role, department, territory_id);
  if (!gad_store_audit (self, "staff", id, 0, "sign-in", NULL, error)
      || !gad_store_commit (self, error))
    {
      gad_store_sign_out (self);
      return FALSE;
    }
  return TRUE;

fail:
  gad_store_rollback (self);
  return FALSE;
}

void
gad_store_bind_scope (GadStore     *self,
                      GadStmt *stmt)
{
  gad_stmt_bind_int64 (stmt, 91, self->role == GAD_ROLE_SOCIAL_WORKER);
  gad_stmt_bind_int64 (stmt, 92, self->actor_id);
  gad_stmt_bind_int64 (stmt, 93, self->territory_id);
  gad_stmt_bind_text (stmt, 94, self->department);
}

/* @person_id 0 asks whether the worker has such a right for any client at
 * all (what the window asks to show a view); every list of many clients
 * then keeps only those in scope, with GAD_SCOPE_WHERE. */
static gboolean
in_scope (GadStore *self,
          gint64    person_id)
{
  GadStmt *stmt;
  gboolean yes = FALSE;

  if (person_id <= 0)
    return TRUE;
  stmt = gad_store_statement (self,
                              "SELECT 1 FROM persons p" GAD_SCOPE_JOIN
                              " WHERE p.id = ?1 AND " GAD_SCOPE_WHERE,
                              NULL);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  gad_store_bind_scope (self, stmt);
  yes = gad_stmt_step (stmt) == GAD_DB_ROW;
  gad_stmt_reset (stmt);
  return yes;
}

/* Whether @person_id is in the care of the signed-in worker's own department
 * (their own client, or a colleague's of the department), or in nobody's care
 * and no parish's yet. Being in the worker's parish is not enough here: moving
 * a client to another parish or worker is the department's decision. */
static gboolean
in_department (GadStore *self,
               gint64    person_id)
{
  GadStmt *stmt;
  gboolean yes;

  stmt = gad_store_statement (self,
                              "SELECT 1 FROM persons p LEFT JOIN staff w ON w.id = p.worker_id"
                              " WHERE p.id = ?1 AND (p.worker_id = ?2"
                              "  OR (?3 <> '' AND w.department = ?3)"
                              "  OR (p.worker_id IS NULL AND p.territory_id IS NULL))",
                              NULL);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  gad_stmt_bind_int64 (stmt, 2, self->actor_id);
  gad_stmt_bind_text (stmt, 3, self->department);
  yes = gad_stmt_step (stmt) == GAD_DB_ROW;
  gad_stmt_reset (stmt);
  return yes;
}

/**
 * gad_store_require_reassign:
 *
 * Moving a client to another parish or another responsible worker hands
 * their file to other staff: a head may, and a social worker of the
 * department in whose care the client is. A clerk may not.
 */
gboolean
gad_store_require_reassign (GadStore  *self,
                            gint64     person_id,
                            GError   **error)
{
  if (self->role == GAD_ROLE_HEAD || self->role == GAD_ROLE_SYSTEM
      || (self->role == GAD_ROLE_SOCIAL_WORKER && in_department (self, person_id)))
    return TRUE;
  if (self->role == GAD_ROLE_NONE)
    return gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error);
  g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
               _("Only a head, or a social worker of the department in whose care the client "
                 "is, can move the client to another parish or worker."));
  return FALSE;
}

/**
 * gad_store_begin_import:
 *
 * Begins the transaction of an import. Imports are the administrator's:
 * inside it the administrator registers the file's persons, which their role
 * does not do by hand. gad_store_commit() or gad_store_rollback() ends it.
 */
gboolean
gad_store_begin_import (GadStore  *self,
                        GError   **error)
{
  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error) || !gad_store_begin (self, error))
    return FALSE;
  if (self->import_depth == 0)
    self->import_depth = self->depth;
  return TRUE;
}

/**
 * gad_store_can:
 * @person_id: the client concerned, for the rights that depend on whose
 *   client it is; 0 for none (or a client not registered yet)
 *
 * Whether the signed-in staff member may do @right — what the window asks
 * to show or hide a control. The store asks the same before every read of a
 * client's file and every write.
 */
gboolean
gad_store_can (GadStore *self,
               GadRight  right,
               gint64    person_id)
{
  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  if (self->import_depth > 0 && right == GAD_RIGHT_REGISTER)
    return TRUE;
  if (self->role == GAD_ROLE_SOCIAL_WORKER && gad_right_is_scoped (right))
    return gad_role_allows (self->role, right, in_scope (self, person_id));
  return gad_role_allows (self->role, right, TRUE);
}

gboolean
gad_store_require (GadStore    *self,
                   GadRight     right,
                   gint64       person_id,
                   GError     **error)
{
  if (gad_store_can (self, right, person_id))
    return TRUE;

  if (self->role == GAD_ROLE_NONE)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED, _("Sign in first."));
  else if (self->role == GAD_ROLE_SOCIAL_WORKER && gad_right_is_scoped (right) && person_id > 0
           && gad_store_lookup_id (self, "SELECT count(*) FROM persons WHERE id = ?",
                                   person_id) == 0)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                 _("This client is no longer in the registry."));
  else if (self->role == GAD_ROLE_SOCIAL_WORKER && right == GAD_RIGHT_READ_CLIENT)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                 _("This client is in the care of another department or parish: "
                   "you can see their basic data only."));
  else if (self->role == GAD_ROLE_SOCIAL_WORKER && right == GAD_RIGHT_WRITE_CLIENT)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                 _("This client is in the care of another department or parish: "
                   "their own social worker can change the file."));
  else
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                 /* TRANSLATORS: %s is a role, such as “Clerk” */
                 _("Your role (%s) does not allow this. An administrator can change roles."),
                 gad_role_label (self->role));
  return FALSE;
}

static gint64
insert_account (GadStore       *self,
                const GadStaff *staff,
                const char     *folded,
                const char     *hash,
                GError        **error)
{
  GadStmt *stmt;
  gint64 id = staff->id;
  GArray *changes;
  GadDbStep rc;

  if (id > 0)
    stmt = gad_store_statement (self,
                                "UPDATE staff SET username = ?2, password_hash = ?3, role = ?4,"
                                " active = 1 WHERE id = ?1 AND username IS NULL",
                                error);
  else
    stmt = gad_store_statement (self,
                                "INSERT INTO staff (username, password_hash, role, name, position,"
                                " department, territory_id) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
                                error);
  if (stmt == NULL)
    return 0;
  if (id > 0)
    gad_stmt_bind_int64 (stmt, 1, id);
  gad_stmt_bind_text (stmt, 2, folded);
  gad_stmt_bind_text (stmt, 3, hash);
  gad_stmt_bind_text (stmt, 4, gad_role_to_string (staff->role));
  if (id <= 0)
    {
      gad_stmt_bind_text (stmt, 5, staff->name);
      gad_stmt_bind_text (stmt, 6, staff->position ? staff->position : "");
      gad_stmt_bind_text (stmt, 7, staff->department ? staff->department : "");
      if (staff->territory_id > 0)
        gad_stmt_bind_int64 (stmt, 8, staff->territory_id);
    }
  rc = gad_stmt_step (stmt);
  if (rc == GAD_DB_ROW)
    id = gad_stmt_column_int64 (stmt, 0);
  if (rc == GAD_DB_FAILED)
    {
      gboolean taken = gad_store_error_kind (self) == GAD_DB_ERROR_UNIQUE;

      gad_stmt_reset (stmt);
      if (!taken)
        return gad_store_fail (self, error), 0;
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE,
                   _("The sign-in name “%s” is taken. Choose another."), folded);
      return 0;
    }
  gad_stmt_reset (stmt);
  if (id > 0 && gad_db_changes (self->db) == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE,
                   _("This staff member already has an account."));
      return 0;
    }

  changes = gad_field_changes_new ();
  if (staff->id <= 0)
    gad_field_changes_add (changes, "name", NULL, staff->name);
  gad_field_changes_add (changes, "username", NULL, folded);
  gad_field_changes_add (changes, "role", NULL, gad_role_to_string (staff->role));
  return gad_store_audit (self, "staff", id, 0, "account", changes, error) ? id : 0;
}

static gint64
add_account (GadStore        *self,
             const GadStaff  *staff,
             const char      *password,
             gboolean         first,
             GError         **error)
{
  g_autofree char *folded = fold_username (staff->username);
  g_autofree char *hash = NULL;
  g_autofree char *name = g_strstrip (g_strdup (staff->name ? staff->name : ""));
  gint64 id;

  if (!check_username (folded, error) || !gad_password_check_strength (password, error))
    return 0;
  if (staff->id <= 0 && name[0] == '\0')
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Enter the staff member’s name."));
      return 0;
    }
  if (staff->role == GAD_ROLE_NONE || staff->role == GAD_ROLE_SYSTEM)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID, _("Choose a role."));
      return 0;
    }
  if ((hash = gad_password_hash (password, error)) == NULL || !gad_store_begin (self, error))
    return 0;
  if (first && gad_store_has_accounts (self))
    {
      gad_store_rollback (self);
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                   _("The administrator account exists already. Sign in with it."));
      return 0;
    }
  if (first)
    act_as (self, 0, staff->name, NULL, GAD_ROLE_NONE, NULL, 0);
  if ((id = insert_account (self, staff, folded, hash, error)) == 0
      || !gad_store_commit (self, error))
    {
      gad_store_rollback (self);
      return 0;
    }
  return id;
}

/**
 * gad_store_create_administrator:
 *
 * The first run: makes the first account, an administrator, and signs in
 * with it. Refused once any account exists.
 */
gint64
gad_store_create_administrator (GadStore    *self,
                                const char  *name,
                                const char  *username,
                                const char  *password,
                                GError     **error)
{
  GadStaff staff = { .name = (char *) name, .username = (char *) username,
                     .role = GAD_ROLE_ADMINISTRATOR, .active = TRUE };
  gint64 id;

  g_return_val_if_fail (GAD_IS_STORE (self), 0);

  if ((id = add_account (self, &staff, password, TRUE, error)) == 0)
    return 0;
  return gad_store_sign_in (self, username, password, error) ? id : 0;
}

/**
 * gad_store_add_account:
 * @staff: a staff member with @id 0 (added now) or one without an account yet;
 *   its @username and @role are used
 *
 * An administrator gives a staff member an account. Returns: the staff id
 */
gint64
gad_store_add_account (GadStore        *self,
                       const GadStaff  *staff,
                       const char      *password,
                       GError         **error)
{
  g_return_val_if_fail (GAD_IS_STORE (self), 0);

  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return 0;
  return add_account (self, staff, password, FALSE, error);
}

/**
 * gad_store_update_account:
 *
 * An administrator changes a staff member's role or closes the account.
 * Someone must always be left to administer: the last active administrator
 * can be neither closed nor given another role.
 */
gboolean
gad_store_update_account (GadStore    *self,
                          gint64       staff_id,
                          GadRole      role,
                          gboolean     active,
                          GError     **error)
{
  g_autofree char *old_role = NULL;
  g_autofree char *old_active = NULL;
  GArray *changes;
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  if (gad_role_from_string (gad_role_to_string (role)) != role)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID, _("Choose a role."));
      return FALSE;
    }
  if (!gad_store_begin (self, error))
    return FALSE;
  old_role = gad_store_lookup_text (self, "SELECT role FROM staff WHERE id = ?", staff_id);
  old_active = gad_store_lookup_text (self, "SELECT active FROM staff WHERE id = ?", staff_id);
  if (old_role == NULL)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("This staff member has no account."));
      goto fail;
    }
  stmt = gad_store_statement (self, "UPDATE staff SET role = ?2, active = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, staff_id);
  gad_stmt_bind_text (stmt, 2, gad_role_to_string (role));
  gad_stmt_bind_int64 (stmt, 3, active ? 1 : 0);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (gad_store_lookup_id (self, "SELECT count(*) FROM staff WHERE role = 'administrator'"
                                 " AND active = 1 AND ?1 = ?1", 0) == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("At least one active administrator must remain."));
      goto fail;
    }
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "role", old_role, gad_role_to_string (role));
  gad_field_changes_add (changes, "active", old_active, active ? "1" : "0");
  if (!gad_store_audit (self, "staff", staff_id, 0, "account", changes, error)
      || !gad_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  gad_store_rollback (self);
  return FALSE;
}

/**
 * gad_store_set_password:
 *
 * A staff member changes their own password; an administrator sets anyone's
 * (a forgotten one). The audit log says that it changed, never to what.
 */
gboolean
gad_store_set_password (GadStore    *self,
                        gint64       staff_id,
                        const char  *password,
                        GError     **error)
{
  g_autofree char *hash = NULL;
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  if (staff_id != self->actor_id && !gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  if (self->role == GAD_ROLE_NONE)
    return gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error);
  if (!gad_password_check_strength (password, error)
      || (hash = gad_password_hash (password, error)) == NULL
      || !gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self, "UPDATE staff SET password_hash = ?2 WHERE id = ?1"
                                    " AND username IS NOT NULL", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, staff_id);
  gad_stmt_bind_text (stmt, 2, hash);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (gad_db_changes (self->db) == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("This staff member has no account."));
      goto fail;
    }
  if (!gad_store_audit (self, "staff", staff_id, 0, "password", NULL, error)
      || !gad_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  gad_store_rollback (self);
  return FALSE;
}
