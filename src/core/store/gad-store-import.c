/* gad-store-import.c — the records an import brings: one write, one audit row
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import is a single transaction, begun by gad_store_begin_import() and
 * ended by gad_store_finish_import() or gad_store_rollback(). It is one
 * row of the imports table, found again by the file's SHA-256, and one
 * audit row naming the file; every record it brings carries the import's
 * id. The records are written many to a statement (gad-store-import-rows.c):
 * they come checked by gad-import.c against what gad_store_import_lookup()
 * read once, so a constraint that fails here is a fault, not a bad row.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"
#include "gad-text.h"

/* When and by whom a file was imported, or NULL if it never was. */
static char *
imported_already (GadStore    *self,
                  const char  *sha256,
                  GError     **error)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT i.imported_at, coalesce (s.name, '')"
                                             " FROM imports i LEFT JOIN staff s ON s.id = i.staff_id"
                                             " WHERE i.sha256 = ?1", error);
  g_autofree char *date = NULL;
  char *said = NULL;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_text (stmt, 1, sha256);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    {
      g_autofree char *at = gad_store_column_dup (stmt, 0);
      g_autofree char *who = gad_store_column_dup (stmt, 1);

      at[MIN (strlen (at), 10)] = '\0';
      date = gad_text_format_date (at);
      /* TRANSLATORS: why an import is refused: "on 03.12.2026 by Jānis Kalniņš" */
      said = *who ? g_strdup_printf (_("on %s by %s"), date, who) : g_strdup_printf (_("on %s"), date);
    }
  gad_stmt_reset (stmt);
  return said;
}

/**
 * gad_store_begin_import:
 * @kind: "persons", "households", "cases", "services", "decisions" or "payments"
 * @file_name: the file's name as the administrator chose it, for the log
 * @sha256: the file's SHA-256, in hex
 *
 * Begins the transaction of an import. Imports are the administrator's:
 * inside it the administrator registers the file's persons and writes the
 * history of clients' files, which their role does not do by hand. A file
 * imported before is refused with %GAD_STORE_ERROR_DUPLICATE.
 *
 * Returns: the import's id, for the rows it brings; 0 with @error set
 */
gint64
gad_store_begin_import (GadStore    *self,
                        const char  *kind,
                        const char  *file_name,
                        const char  *sha256,
                        GError     **error)
{
  g_autofree char *now = gad_store_now ();
  g_autofree char *when = NULL;
  GadStmt *stmt;
  gint64 id;

  g_return_val_if_fail (GAD_IS_STORE (self), 0);

  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error) || !gad_store_begin (self, error))
    return 0;
  if (self->import_depth == 0)
    self->import_depth = self->depth;
  if ((when = imported_already (self, sha256, error)) != NULL)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE,
                   _("This file was imported already, %s. Nothing was imported again."), when);
      goto fail;
    }
  stmt = gad_store_statement (self, "INSERT INTO imports (kind, file_name, sha256, imported_at,"
                                    " staff_id) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, kind);
  gad_stmt_bind_text (stmt, 2, file_name);
  gad_stmt_bind_text (stmt, 3, sha256);
  gad_stmt_bind_text (stmt, 4, now);
  if (self->actor_id)
    gad_stmt_bind_int64 (stmt, 5, self->actor_id);
  else
    gad_stmt_bind_null (stmt, 5);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    {
      /* Another administrator's import of the same file committed first. */
      if (gad_store_error_kind (self) == GAD_DB_ERROR_UNIQUE)
        {
          g_clear_error (error);
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE,
                       _("This file was imported by someone else just now. Nothing was "
                         "imported again."));
        }
      goto fail;
    }
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

/**
 * gad_store_finish_import:
 * @rows: the records the file brought
 *
 * Writes the import's audit row (kind, file name, SHA-256, rows) and
 * commits the whole import.
 */
gboolean
gad_store_finish_import (GadStore    *self,
                         gint64       import_id,
                         guint        rows,
                         GError     **error)
{
  g_autofree char *n = g_strdup_printf ("%u", rows);
  GadStmt *stmt;
  GArray *changes;

  g_return_val_if_fail (self->import_depth > 0, FALSE);

  if (!gad_store_flush_import (self, error))
    goto fail;
  stmt = gad_store_statement (self, "UPDATE imports SET rows = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, import_id);
  gad_stmt_bind_int64 (stmt, 2, rows);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  stmt = gad_store_statement (self, "SELECT kind, file_name, sha256 FROM imports WHERE id = ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, import_id);
  if (gad_stmt_step (stmt) != GAD_DB_ROW)
    {
      gad_store_fail (self, error);
      goto fail;
    }
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "kind", NULL, gad_stmt_column_text (stmt, 0));
  gad_field_changes_add (changes, "file", NULL, gad_stmt_column_text (stmt, 1));
  gad_field_changes_add (changes, "sha256", NULL, gad_stmt_column_text (stmt, 2));
  gad_field_changes_add (changes, "rows", NULL, n);
  gad_stmt_reset (stmt);
  if (!gad_store_audit (self, "import", import_id, 0, "import", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/* The keys an import checks its rows against, read once: personal codes
 * (of persons, to their ids), imported decisions' numbers, and the persons
 * who are members of a household now (their ids, as text). */
GHashTable *
gad_store_import_lookup (GadStore         *self,
                         GadImportLookup   which,
                         GError          **error)
{
  static const char *sql[] = {
    [GAD_IMPORT_LOOKUP_CODES] = "SELECT code, person_id FROM person_codes",
    [GAD_IMPORT_LOOKUP_DECISIONS] = "SELECT number, 1 FROM past_decisions",
    [GAD_IMPORT_LOOKUP_MEMBERS] = "SELECT CAST (person_id AS TEXT), household_id"
                                  " FROM household_members WHERE to_date IS NULL",
  };
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GadStmt *stmt = gad_store_statement (self, sql[which], error);
  GadDbStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = gad_stmt_step (stmt)) == GAD_DB_ROW)
    g_hash_table_insert (keys, gad_store_column_dup (stmt, 0),
                         GSIZE_TO_POINTER (gad_stmt_column_int64 (stmt, 1)));
  gad_stmt_reset (stmt);
  if (step != GAD_DB_DONE)
    {
      gad_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&keys);
}
