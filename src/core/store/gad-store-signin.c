/* gad-store-signin.c — signing in (with a growing wait after wrong tries),
 * signing out, and who the store acts for
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-password.h"
#include "gad-store-private.h"
#include "gad-text.h"

/* After this many wrong tries on one name, each further try waits 5 s, then
 * 10, 20, … up to five minutes from the last failure. */
#define FREE_FAILURES      3
#define FIRST_DELAY_S      5
#define MAX_DELAY_S        300

void
gad_store_act_as (GadStore   *self,
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
  gad_store_act_as (self, 0, name, NULL, GAD_ROLE_SYSTEM, NULL, 0);
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

  gad_store_act_as (self, staff_id, name ? name : "demo", NULL, GAD_ROLE_SYSTEM, NULL, 0);
}

/* On a server, signing out ends the staff member's connection too: what
 * the next person at the desk does is done on their own account. */
void
gad_store_sign_out (GadStore *self)
{
  g_return_if_fail (GAD_IS_STORE (self));
  gad_store_act_as (self, 0, "gadiba", NULL, GAD_ROLE_NONE, NULL, 0);
  if (self->conninfo && self->depth == 0)
    {
      g_hash_table_remove_all (self->statements);
      g_clear_pointer (&self->db, gad_db_close);
      g_clear_pointer (&self->conninfo, g_free);
    }
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

struct _GadStoreIdentity
{
  char *path;
  char *conninfo;
  gint64 actor_id;
  char *actor;
  char *username;
  GadRole role;
  char *department;
  gint64 territory_id;
};

/**
 * gad_store_get_identity:
 *
 * Who @self acts for, and on which database: taken on the thread that uses
 * @self, for gad_store_open_as() on another thread.
 *
 * Returns: (transfer full): a copy
 */
GadStoreIdentity *
gad_store_get_identity (GadStore *self)
{
  GadStoreIdentity *who = g_new0 (GadStoreIdentity, 1);

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  who->path = g_strdup (self->path);
  who->conninfo = g_strdup (self->conninfo);
  who->actor_id = self->actor_id;
  who->actor = g_strdup (self->actor);
  who->username = g_strdup (self->username);
  who->role = self->role;
  who->department = g_strdup (self->department);
  who->territory_id = self->territory_id;
  return who;
}

void
gad_store_identity_free (GadStoreIdentity *who)
{
  if (who == NULL)
    return;
  g_free (who->path);
  g_free (who->conninfo);
  g_free (who->actor);
  g_free (who->username);
  g_free (who->department);
  g_free (who);
}

/**
 * gad_store_open_as:
 * @who: from gad_store_get_identity() of a store someone is signed in to
 *
 * A connection of its own to @who's database acting for the same staff
 * member, for work in a thread (connecting is done there too). The
 * password was checked when they signed in; on a server the connection is
 * the staff member's own server account's.
 */
GadStore *
gad_store_open_as (const GadStoreIdentity  *who,
                   GError                 **error)
{
  GadStore *store = gad_store_open (who->conninfo ? who->conninfo : who->path, error);

  if (store == NULL)
    return NULL;
  g_free (store->path);
  store->path = g_strdup (who->path);
  store->conninfo = g_strdup (who->conninfo);
  gad_store_act_as (store, who->actor_id, who->actor, who->username, who->role, who->department,
                    who->territory_id);
  return store;
}

/**
 * gad_store_take_over:
 * @signed_in: a store someone signed in to, on another thread perhaps
 *
 * @self acts from now on for whoever is signed in to @signed_in, on its
 * connection (on a server, the staff member's own account's): the app
 * signs in on a connection of its own in a thread (checking a password
 * takes a while; on a server so does connecting), then hands it to the
 * store its windows use. @signed_in is left with nothing.
 */
void
gad_store_take_over (GadStore *self,
                     GadStore *signed_in)
{
  GHashTable *statements;

  g_return_if_fail (GAD_IS_STORE (self));
  g_return_if_fail (GAD_IS_STORE (signed_in));
  g_return_if_fail (self->depth == 0 && signed_in->depth == 0);

  /* The statements are prepared on their connection: they go with it. */
  statements = self->statements;
  g_hash_table_remove_all (statements);
  g_clear_pointer (&self->db, gad_db_close);
  self->db = g_steal_pointer (&signed_in->db);
  self->statements = signed_in->statements;
  signed_in->statements = statements;
  g_free (self->path);
  self->path = g_strdup (signed_in->path);
  g_free (self->conninfo);
  self->conninfo = g_steal_pointer (&signed_in->conninfo);
  gad_store_act_as (self, signed_in->actor_id, signed_in->actor, signed_in->username,
                    signed_in->role, signed_in->department, signed_in->territory_id);
  gad_store_sign_out (signed_in);
}

char *
gad_store_fold_username (const char *username)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (username ? username : ""));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

gboolean
gad_store_has_accounts (GadStore *self)
{
  /* A server nobody has signed in to yet: its first administrator came
   * with server init. */
  if (self->db == NULL)
    return TRUE;
  return gad_store_lookup_id (self, "SELECT count(*) FROM staff WHERE username IS NOT NULL"
                                    " AND ?1 = ?1", 0) > 0;
}

/* Whether anyone works in the database yet: an account, or a registered person. */
gboolean
gad_store_in_use (GadStore *self)
{
  return gad_store_has_accounts (self)
         || gad_store_lookup_id (self, "SELECT count(*) FROM persons WHERE ?1 = ?1", 0) > 0;
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

/* Whether the password of an account whose password ends @expires_on (ISO,
 * NULL or "" for never) has ended: from that day on, the right password no
 * longer signs in, and says so. */
gboolean
gad_store_password_ended (const char  *expires_on,
                          GError     **error)
{
  g_autofree char *today = gad_text_today_iso ();
  g_autofree char *shown = NULL;

  if (expires_on == NULL || *expires_on == '\0' || strcmp (today, expires_on) < 0)
    return FALSE;
  shown = gad_text_format_date (expires_on);
  g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_PASSWORD_EXPIRED,
               /* TRANSLATORS: %s is a date */
               _("Your password ended on %s. Ask an administrator to set you a new one."),
               shown);
  return TRUE;
}

/**
 * gad_store_sign_in:
 *
 * Checks @password against the account @username (case does not matter) and
 * acts as that staff member from now on. A failure says only that the name
 * or password is wrong — the same for an unknown name, a wrong password and
 * a closed account — and after three in a row on one name each further try
 * must wait, longer every time. On a server the server checks the password
 * of the account's own role (see gad_store_server_sign_in()).
 */
gboolean
gad_store_sign_in (GadStore    *self,
                   const char  *username,
                   const char  *password,
                   GError     **error)
{
  g_autofree char *folded = gad_store_fold_username (username);
  g_autofree char *hash = NULL, *name = NULL, *department = NULL, *expires_on = NULL;
  gint64 id = 0, territory_id = 0, wait;
  GadRole role = GAD_ROLE_NONE;
  gboolean active = FALSE, ok;
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  if (gad_store_is_server (self))
    return gad_store_server_sign_in (self, folded, password, error);
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
                              " coalesce (territory_id, 0), active, password_expires_on"
                              " FROM staff WHERE username = ?",
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
      expires_on = gad_store_column_dup (stmt, 7);
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

  if (gad_store_password_ended (expires_on, error))
    {
      gad_store_commit (self, NULL);
      return FALSE;
    }
  stmt = gad_store_statement (self, "DELETE FROM sign_in_failures WHERE username = ?", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, folded);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  gad_store_act_as (self, id, name, folded, role, department, territory_id);
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
