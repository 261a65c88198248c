/* gad-store-backup.c — copies of an embedded database: on demand, daily, and restoring one
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "gad-store-private.h"

/* A server restores with pg_restore into an empty database, and keeps its
 * daily copies itself (docs/server.md). */
static gboolean
refuse_server (GadStore  *self,
               GError   **error)
{
  if (!gad_store_is_server (self))
    return FALSE;
  g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
               _("This workstation uses the service’s database server: its daily copies and "
                 "restores are the server administrator’s work (pg_dump, pg_restore into an "
                 "empty database). Nothing was changed."));
  return TRUE;
}

/* A consistent snapshot of the server database with pg_dump's custom
 * format, written beside @path and put in place only when whole. */
static gboolean
dump_server (GadStore    *self,
             const char  *path,
             GError     **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(GSubprocess) dump = NULL;
  g_autofree char *errors = NULL;

  g_remove (partial);
  dump = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                           error, "pg_dump", "--format=custom", "--no-owner", "--file", partial,
                           "--dbname", self->path, NULL);
  if (dump == NULL)
    {
      g_prefix_error (error, _("The server backup needs pg_dump (Debian: postgresql-client): "));
      return FALSE;
    }
  if (!g_subprocess_communicate_utf8 (dump, NULL, NULL, NULL, &errors, error))
    return FALSE;
  if (!g_subprocess_get_if_exited (dump) || g_subprocess_get_exit_status (dump) != 0)
    {
      g_remove (partial);
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be made (%s). The old backup, if any, is "
                     "unchanged."),
                   path, errors ? g_strstrip (errors) : "pg_dump");
      return FALSE;
    }
  if (g_chmod (partial, 0600) != 0 || g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_remove (partial);
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* @path: the copy to write; replaced only once the copy is whole and checked.
 *
 * Copies the database with SQLite's online backup, while others keep writing,
 * checks the copy's integrity, and only then puts it in place, readable by
 * its owner alone.
 */
static gboolean
copy_to (GadStore    *self,
         const char  *path,
         GError     **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *problem = NULL;
  int fd;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);

  g_remove (partial);
  fd = g_open (partial, O_CREAT | O_WRONLY | O_TRUNC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (!gad_db_copy_file (self->db, partial, &problem))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be made whole (%s). The old backup, if any, is "
                     "unchanged."),
                   path, problem);
      g_remove (partial);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), path, g_strerror (saved));
      g_remove (partial);
      return FALSE;
    }
  return TRUE;
}

/**
 * gad_store_backup:
 *
 * A copy on demand (copy_to() above) is an administrator's; the daily copy
 * and the copy a restore keeps are the store's own.
 */
gboolean
gad_store_backup (GadStore    *self,
                  const char  *path,
                  GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  if (gad_store_is_server (self))
    return dump_server (self, path, error);
  return copy_to (self, path, error);
}

/**
 * gad_store_restore:
 * @backup: a backup made by gad_store_backup()
 *
 * Replaces the whole database with @backup, in one transaction, after
 * checking the backup is sound and is a Gādība database this version can
 * read. What was there before is first saved as “<database>.before-restore”,
 * so a restore can itself be undone. An older backup is brought up to date.
 */
gboolean
gad_store_restore (GadStore    *self,
                   const char  *backup,
                   GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error) || refuse_server (self, error))
    return FALSE;
  g_autofree char *before = g_strconcat (self->path, ".before-restore", NULL);
  g_autofree char *problem = NULL;
  const char *wrong = NULL;
  int version;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("There is no backup file “%s”. Nothing was changed."), backup);
      return FALSE;
    }
  version = gad_db_file_version (backup);
  if (version < 0)
    wrong = _("it is damaged or not a database");
  else if (version < 1)
    wrong = _("it is not a Gādība database");
  else if (version > gad_store_schema_version ())
    wrong = _("a newer version of Gādība wrote it");
  if (wrong)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("“%s” cannot be restored: %s. Nothing was changed."), backup, wrong);
      return FALSE;
    }
  if (!copy_to (self, before, error))
    return FALSE;
  if (!gad_db_replace_file (self->db, backup, &problem))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("“%s” could not be restored (%s). The database is as it was; a copy of it "
                     "is in “%s”."),
                   backup, problem, before);
      return FALSE;
    }
  return gad_store_migrate (self, error);
}

/* A client's file was opened: who and when, in the audit log. */
static int
by_name (gconstpointer a,
         gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * gad_store_daily_backup:
 * @dir: where the day's copies are kept (created 0700)
 * @keep: how many daily copies to keep
 * @today: ISO 8601
 * @made: (out) (optional): the copy made, or %NULL when today's exists
 *
 * Makes today's copy, `gadiba-YYYY-MM-DD.db`, unless there is one, then
 * removes the oldest beyond @keep. Other files in @dir are left alone.
 */
gboolean
gad_store_daily_backup (GadStore    *self,
                        const char  *dir,
                        guint        keep,
                        const char  *today,
                        char       **made,
                        GError     **error)
{
  g_autofree char *name = g_strdup_printf ("gadiba-%s.db", today);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  const char *entry;

  if (made)
    *made = NULL;
  if (refuse_server (self, error))
    return FALSE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The backup folder %s could not be made (%s)."), dir, g_strerror (saved));
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!copy_to (self, path, error))
        return FALSE;
      if (made)
        *made = g_strdup (path);
    }
  if ((listing = g_dir_open (dir, 0, error)) == NULL)
    return FALSE;
  while ((entry = g_dir_read_name (listing)))
    if (g_str_has_prefix (entry, "gadiba-") && g_str_has_suffix (entry, ".db")
        && strlen (entry) == strlen ("gadiba-YYYY-MM-DD.db"))
      g_ptr_array_add (copies, g_strdup (entry));
  g_ptr_array_sort (copies, by_name);
  for (guint i = 0; keep > 0 && i + keep < copies->len; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (copies, i), NULL);

      g_remove (old);
    }
  return TRUE;
}
