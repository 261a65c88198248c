/* gad-store-transaction.c — writes: transactions, turns, and saves whose end was not heard
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a server a save can end three ways: it commits, it fails, or the link
 * drops after its COMMIT was sent, and nobody here knows which. Each save
 * carries an id made here, written into its audit rows. After such a drop
 * the store connects again, ends the old server process (so its
 * transaction is over for good and what it locked is let go), and asks
 * whether the audit row with that id is there: then the save went through
 * and the call succeeds; if not, the save is done again on the new link.
 * When the server cannot be reached yet, the call fails, and the question
 * is asked before the next save: one that repeats a save that went through
 * (the same action on the same record) is refused instead of done twice —
 * once: saved again after that, it is a new save.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-store-private.h"

static void
clear_save (GadSave *save)
{
  g_clear_pointer (&save->id, g_free);
  g_clear_pointer (&save->entity, g_free);
  g_clear_pointer (&save->action, g_free);
  save->audit_id = save->entity_id = save->person_id = 0;
  save->outcome = SAVE_UNKNOWN;
}

/* On a new connection: ends the server process the link to was lost with,
 * if it lives on (the server may not have noticed yet), and waits until it
 * is gone: its transaction is then committed or undone for good, and what
 * it held is free. */
static gboolean
end_lost_process (GadStore  *self,
                  int        process,
                  GError   **error)
{
  GadStmt *stmt;

  if (process == 0 || process == gad_db_server_process (self->db))
    return TRUE;
  for (guint i = 0; i < 500; i++)
    {
      GadDbStep step;

      stmt = gad_store_statement (self, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                                        " WHERE pid = ?1 AND usename = session_user", error);
      if (stmt == NULL)
        return FALSE;
      gad_stmt_bind_int64 (stmt, 1, process);
      step = gad_stmt_step (stmt);
      gad_stmt_reset (stmt);
      if (step == GAD_DB_FAILED)
        return gad_store_fail (self, error);
      if (step == GAD_DB_DONE)
        return TRUE;
      g_usleep (10000);
    }
  return TRUE;   /* it would not end: what it held is the server's to let go */
}

/* Finds out what became of the unconfirmed save. */
static gboolean
settle (GadStore  *self,
        GError   **error)
{
  GadSave *u = &self->unconfirmed;
  GadStmt *stmt;

  if (!end_lost_process (self, u->process, error))
    return FALSE;
  if ((stmt = gad_store_statement (self, "SELECT gad_saved (?1, ?2)", error)) == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, u->audit_id);
  gad_stmt_bind_text (stmt, 2, u->id);
  if (gad_stmt_step (stmt) != GAD_DB_ROW)
    {
      gad_stmt_reset (stmt);
      return gad_store_fail (self, error);
    }
  u->outcome = gad_stmt_column_int (stmt, 0) ? SAVE_DONE : SAVE_UNDONE;
  gad_stmt_reset (stmt);
  g_debug ("a save whose commit was not heard %s", u->outcome == SAVE_DONE ? "went through"
                                                                           : "was undone");
  return TRUE;
}

/* Nested calls become savepoints, so one bad record in a batch can be undone
 * without losing the rest of the batch's transaction. */
gboolean
gad_store_begin (GadStore  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;
  gboolean server;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  /* One writer at a time on a file (BEGIN IMMEDIATE). On a server writers
   * work side by side and queue only where they must: for the end of the
   * audit chain (gad_store_audit()), a year's decision number (its counter
   * row) and a staff member's or client's schedule (gad_store_lock()). */
  server = gad_store_is_server (self);
  if (self->depth > 0)
    sql = g_strdup_printf ("SAVEPOINT gad_%u", self->depth);
  else if (server)
    sql = g_strdup ("BEGIN");
  else
    sql = g_strdup ("BEGIN IMMEDIATE");
  if (self->depth == 0 && self->unconfirmed.id && self->unconfirmed.outcome == SAVE_UNKNOWN
      && self->db && !settle (self, error))
    {
      if (self->failure == GAD_DB_ERROR_CONNECTION)
        return FALSE;
      g_warning ("Whether a save went through cannot be told: %s", gad_db_message (self->db));
      g_clear_error (error);
      clear_save (&self->unconfirmed);
    }
  if (!gad_store_exec (self, sql, error))
    return FALSE;
  if (self->depth++ == 0 && server)
    {
      clear_save (&self->save);
      self->save.id = g_uuid_string_random ();
      self->save.process = gad_db_server_process (self->db);
    }
  return TRUE;
}

/* Called by gad_store_audit() before it writes an audit row of this save. */
gboolean
gad_store_note_save (GadStore    *self,
                     gint64       audit_id,
                     const char  *entity,
                     gint64       entity_id,
                     gint64       person_id,
                     const char  *action,
                     GError     **error)
{
  GadSave *u = &self->unconfirmed;

  if (self->save.id == NULL)
    return TRUE;
  self->save.audit_id = audit_id;
  if (self->save.entity)
    return TRUE;
  self->save.entity = g_strdup (entity);
  self->save.entity_id = entity_id;
  self->save.person_id = person_id;
  self->save.action = g_strdup (action);
  if (u->id && u->outcome == SAVE_DONE && g_str_equal (u->action, action)
      && g_str_equal (u->entity, entity)
      && (u->entity_id == entity_id || (person_id > 0 && u->person_id == person_id)))
    {
      gint64 ago = (g_get_monotonic_time () - u->at) / G_USEC_PER_SEC;

      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This was saved already, %d second ago, as the connection to "
                                "the server dropped. It was not saved twice. Close this and "
                                "look at what was saved.",
                                "This was saved already, %d seconds ago, as the connection to "
                                "the server dropped. It was not saved twice. Close this and "
                                "look at what was saved.",
                                (gulong) ago),
                   (int) ago);
      clear_save (u);   /* told once: saved again, it is a new save */
      return FALSE;
    }
  return TRUE;
}

static gboolean
commit_unheard (GadStore  *self,
                GError   **error)
{
  GadSave *u = &self->unconfirmed;
  g_autoptr(GError) local = NULL;

  clear_save (u);
  *u = self->save;
  memset (&self->save, 0, sizeof self->save);
  u->at = g_get_monotonic_time ();
  gad_store_rollback (self);   /* connects again, if the server answers */
  if (self->db && gad_db_connected (self->db) && settle (self, &local))
    {
      if (u->outcome == SAVE_DONE)
        {
          clear_save (u);
          return TRUE;
        }
      clear_save (u);
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_UNREACHABLE,
                   _("The connection to the database server dropped as this was being saved, "
                     "and it was not saved. What you typed is still here."));
      self->failure = GAD_DB_ERROR_CONNECTION;   /* gad_store_retry() does it again */
      return FALSE;
    }
  g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_UNREACHABLE,
               _("The connection to the database server dropped as this was being saved. "
                 "Whether it went through is checked when the server answers again, and it is "
                 "never saved twice. What you typed is still here."));
  self->failure = GAD_DB_OK;
  return FALSE;
}

gboolean
gad_store_commit (GadStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE gad_%u", self->depth - 1);
  if (!gad_db_exec (self->db, sql))
    {
      if (self->depth == 1 && self->save.audit_id > 0
          && gad_db_error (self->db) == GAD_DB_ERROR_CONNECTION)
        return commit_unheard (self, error);
      gad_store_fail (self, error);
      gad_store_rollback (self);
      return FALSE;
    }
  if (--self->depth < self->import_depth)
    {
      self->import_depth = 0;
      gad_store_drop_import (self);
    }
  if (self->depth == 0 && self->save.audit_id > 0)
    clear_save (&self->unconfirmed);
  return TRUE;
}

/**
 * gad_store_lock:
 * @space: what is locked: GAD_LOCK_STAFF_SCHEDULE, GAD_LOCK_CLIENT_SCHEDULE
 * @key: which one of them (a staff member's id, say), or 0
 *
 * On a server, waits for (and then holds until the transaction ends) the
 * lock on @key in @space: writers that check something and then write what
 * depends on it (a free hour) take their turns there. On
 * a file the transaction holds the whole file already.
 */
gboolean
gad_store_lock (GadStore  *self,
                int        space,
                gint64     key,
                GError   **error)
{
  GadStmt *stmt;

  g_assert (self->depth > 0);
  if (!gad_store_is_server (self))
    return TRUE;
  if ((stmt = gad_store_statement (self, "SELECT pg_advisory_xact_lock (?1::integer, ?2::integer)", error)) == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, space);
  gad_stmt_bind_int64 (stmt, 2, (gint32) key);
  return gad_store_step_done (self, stmt, error);
}

/**
 * gad_store_retry:
 * @attempt: how many times the write was done again, counted here
 *
 * After a whole write (its own transaction) failed: whether to do it again.
 * A server undoes the transaction it picks to give way in a deadlock or a
 * serialisation conflict, and the same write a moment later goes through;
 * a write the dropped link undid for certain goes through on the new link.
 * That is the store's business, never the user's. Waits a random, growing
 * moment (so the two do not meet again), clears @error and says yes, a few
 * times at most. A file's writers queue instead (BEGIN IMMEDIATE).
 */
gboolean
gad_store_retry (GadStore  *self,
                 guint     *attempt,
                 GError   **error)
{
  GadDbError failure = self->failure;

  if (self->depth > 0)   /* a part of a greater write: that is done again whole */
    return FALSE;
  self->failure = GAD_DB_OK;
  if (!gad_store_is_server (self) || *attempt >= 6)
    return FALSE;
  if (failure == GAD_DB_ERROR_CONNECTION)
    {
      /* Lost before its commit was sent, or undone for certain: again, if
       * the server answers now and what the lost process held is free. */
      if (self->db == NULL || !gad_db_connected (self->db)
          || !end_lost_process (self, self->save.process, NULL))
        return FALSE;
    }
  else if (failure != GAD_DB_ERROR_BUSY)
    return FALSE;
  g_clear_error (error);
  g_usleep (g_random_int_range (1000, 5000 << ++*attempt));
  return TRUE;
}

void
gad_store_rollback (GadStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->depth > 0);

  sql = self->depth == 1
          ? g_strdup ("ROLLBACK")
          : g_strdup_printf ("ROLLBACK TO gad_%u; RELEASE gad_%u", self->depth - 1,
                             self->depth - 1);
  gad_db_exec (self->db, sql);
  if (--self->depth < self->import_depth)
    {
      self->import_depth = 0;
      gad_store_drop_import (self);
    }
}
