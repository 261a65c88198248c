/* gad-store-accounts.c — staff accounts: the first administrator, adding
 * and changing accounts, passwords
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-password.h"
#include "gad-store-private.h"

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

static gint64
insert_account (GadStore       *self,
                const GadStaff *staff,
                const char     *folded,
                const char     *hash,
                const char     *password,
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
  if (hash)
    gad_stmt_bind_text (stmt, 3, hash);
  else
    gad_stmt_bind_null (stmt, 3);
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

  if (!gad_store_server_account (self, folded, password, staff->role, TRUE, error))
    return 0;
  changes = gad_field_changes_new ();
  if (staff->id <= 0)
    gad_field_changes_add (changes, "name", NULL, staff->name);
  gad_field_changes_add (changes, "username", NULL, folded);
  gad_field_changes_add (changes, "role", NULL, gad_role_to_string (staff->role));
  return gad_store_audit (self, "staff", id, 0, "account", changes, error) ? id : 0;
}

static gint64
add_account_once (GadStore        *self,
                  const GadStaff  *staff,
                  const char      *password,
                  gboolean         first,
                  GError         **error)
{
  g_autofree char *folded = gad_store_fold_username (staff->username);
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
  /* On a server the password is the server role's (a SCRAM verifier there). */
  if ((!gad_store_is_server (self) && (hash = gad_password_hash (password, error)) == NULL)
      || !gad_store_begin (self, error))
    return 0;
  if (first && gad_store_has_accounts (self))
    {
      gad_store_rollback (self);
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                   _("The administrator account exists already. Sign in with it."));
      return 0;
    }
  if (first)
    gad_store_act_as (self, 0, staff->name, NULL, GAD_ROLE_NONE, NULL, 0);
  /* … who is led through the first set-up (gad-setup-window.c) next. */
  if ((id = insert_account (self, staff, folded, hash, password, error)) == 0
      || (first && !gad_store_exec (self, "INSERT INTO settings (key, value)"
                                          " VALUES ('setup_step', '0') ON CONFLICT (key)"
                                          " DO UPDATE SET value = '0'", error))
      || !gad_store_commit (self, error))
    {
      gad_store_rollback (self);
      return 0;
    }
  return id;
}

static gint64
add_account (GadStore        *self,
             const GadStaff  *staff,
             const char      *password,
             gboolean         first,
             GError         **error)
{
  gint64 id;

  GAD_STORE_RETRYING (self, error, id, add_account_once (self, staff, password, first, error));
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
static gboolean
update_account (GadStore    *self,
                gint64       staff_id,
                GadRole      role,
                gboolean     active,
                GError     **error)
{
  g_autofree char *old_role = NULL;
  g_autofree char *old_active = NULL;
  g_autofree char *username = NULL;
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
  username = gad_store_lookup_text (self, "SELECT username FROM staff WHERE id = ?", staff_id);
  if (!gad_store_server_account (self, username, NULL, role, active, error))
    goto fail;
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

gboolean
gad_store_update_account (GadStore    *self,
                          gint64       staff_id,
                          GadRole      role,
                          gboolean     active,
                          GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, update_account (self, staff_id, role, active, error));
  return ok;
}

/**
 * gad_store_set_password:
 *
 * A staff member changes their own password; an administrator sets anyone's
 * (a forgotten one). The audit log says that it changed, never to what.
 */
static gboolean
set_password (GadStore    *self,
              gint64       staff_id,
              const char  *password,
              GError     **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *username = NULL;
  g_autofree char *role_text = NULL;
  GadRole role;
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  if (staff_id != self->actor_id && !gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  if (self->role == GAD_ROLE_NONE)
    return gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error);
  if (!gad_password_check_strength (password, error)
      || (!gad_store_is_server (self) && (hash = gad_password_hash (password, error)) == NULL)
      || !gad_store_begin (self, error))
    return FALSE;
  username = gad_store_lookup_text (self, "SELECT username FROM staff WHERE id = ?", staff_id);
  role_text = gad_store_lookup_text (self, "SELECT role FROM staff WHERE id = ?", staff_id);
  role = gad_role_from_string (role_text);
  if (username == NULL)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("This staff member has no account."));
      goto fail;
    }
  if (gad_store_is_server (self))
    {
      /* One's own through a function any account may call; someone else's
       * is the administrator's. */
      if (!(staff_id == self->actor_id
              ? gad_store_server_own_password (self, password, error)
              : gad_store_server_account (self, username, password, role,
                                          gad_store_lookup_id (self, "SELECT active FROM staff"
                                                                     " WHERE id = ?", staff_id),
                                          error)))
        goto fail;
      /* One's own new password has no end (the server function ends it). */
      if (staff_id != self->actor_id)
        {
          stmt = gad_store_statement (self, "UPDATE staff SET password_expires_on = NULL"
                                            " WHERE id = ?1", error);
          if (stmt == NULL)
            goto fail;
          gad_stmt_bind_int64 (stmt, 1, staff_id);
          if (!gad_store_step_done (self, stmt, error))
            goto fail;
        }
    }
  else
    {
      stmt = gad_store_statement (self, "UPDATE staff SET password_hash = ?2,"
                                        " password_expires_on = NULL WHERE id = ?1",
                                  error);
      if (stmt == NULL)
        goto fail;
      gad_stmt_bind_int64 (stmt, 1, staff_id);
      gad_stmt_bind_text (stmt, 2, hash);
      if (!gad_store_step_done (self, stmt, error))
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

gboolean
gad_store_set_password (GadStore    *self,
                        gint64       staff_id,
                        const char  *password,
                        GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, set_password (self, staff_id, password, error));
  return ok;
}

/**
 * gad_store_end_password:
 * @on: (nullable): the day the password ends (ISO 8601), NULL for never
 *
 * An administrator gives an account's password an end: from that day the
 * right password signs in no more, and says so, until a new one is set (a
 * new password has no end).
 */
static gboolean
end_password (GadStore    *self,
              gint64       staff_id,
              const char  *on,
              GError     **error)
{
  g_autofree char *old = NULL;
  GArray *changes;
  GadStmt *stmt;

  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error) || !gad_store_begin (self, error))
    return FALSE;
  old = gad_store_lookup_text (self, "SELECT password_expires_on FROM staff WHERE id = ?",
                               staff_id);
  stmt = gad_store_statement (self, "UPDATE staff SET password_expires_on = ?2"
                                    " WHERE id = ?1 AND username IS NOT NULL", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, staff_id);
  if (on)
    gad_stmt_bind_text (stmt, 2, on);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (gad_db_changes (self->db) == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("This staff member has no account."));
      goto fail;
    }
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "password_expires_on", old, on);
  if (!gad_store_audit (self, "staff", staff_id, 0, "update", changes, error)
      || !gad_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  gad_store_rollback (self);
  return FALSE;
}

gboolean
gad_store_end_password (GadStore    *self,
                        gint64       staff_id,
                        const char  *on,
                        GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, end_password (self, staff_id, on, error));
  return ok;
}
