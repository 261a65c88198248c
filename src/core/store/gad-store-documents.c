/* gad-store-documents.c — the documents of a client's case
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is kept as it came, with its SHA-256, in one audited
 * transaction; it is never changed, and anonymisation removes it. Listing
 * a case's documents does not read their bytes. Opening one reads them,
 * checks them against their checksum, and writes that it was opened to the
 * log, as opening a client's file is. Those who read no client's file (a
 * clerk, an administrator) see that documents exist, not what they say.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-case-document.h"
#include "gad-store-private.h"

static gint64
attach (GadStore    *self,
        gint64       case_id,
        const char  *name,
        GBytes      *bytes,
        GError     **error)
{
  gint64 person = gad_store_person_of (self, "cases", case_id);
  g_autofree char *type = NULL, *sha = NULL, *now = NULL, *size = NULL, *closed = NULL;
  g_autofree char *base = g_path_get_basename (name ? name : "");
  GadStmt *stmt;
  GArray *changes;
  gint64 id;
  gsize length;
  gconstpointer data;

  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, person, error))
    return 0;
  type = gad_case_document_sniff (bytes, base);
  if (!gad_case_document_check (bytes, type, error) || !gad_store_begin (self, error))
    return 0;
  closed = gad_store_lookup_text (self, "SELECT closed_on FROM cases WHERE id = ?", case_id);
  if (closed != NULL)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                           _("The case is closed. Reopen it to add documents."));
      goto fail;
    }
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  now = gad_store_now ();
  data = g_bytes_get_data (bytes, &length);
  stmt = gad_store_statement (self, "INSERT INTO case_documents (case_id, person_id, name,"
                                    " media_type, size, sha256, added_by, added_at)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, case_id);
  gad_stmt_bind_int64 (stmt, 2, person);
  gad_stmt_bind_text (stmt, 3, *base && !g_str_equal (base, ".") ? base : _("document"));
  gad_stmt_bind_text (stmt, 4, type);
  gad_stmt_bind_int64 (stmt, 5, length);
  gad_stmt_bind_text (stmt, 6, sha);
  gad_stmt_bind_int64 (stmt, 7, gad_store_actor_id (self));
  gad_stmt_bind_text (stmt, 8, now);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    goto fail;
  stmt = gad_store_statement (self, "INSERT INTO document_contents (document_id, person_id, bytes)"
                                    " VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, id);
  gad_stmt_bind_int64 (stmt, 2, person);
  gad_stmt_bind_blob (stmt, 3, data, length);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  size = g_strdup_printf ("%" G_GSIZE_FORMAT, length);
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "name", NULL, base);
  gad_field_changes_add (changes, "media_type", NULL, type);
  gad_field_changes_add (changes, "size", NULL, size);
  gad_field_changes_add (changes, "sha256", NULL, sha);
  if (!gad_store_audit (self, "document", id, person, "create", changes, error)
      || !gad_store_commit (self, error))
    goto fail;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

/**
 * gad_store_attach_document:
 * @name: the file's name (a path's last part is kept)
 * @bytes: the file, at most 25 MB
 *
 * Keeps a file in an open case: a PDF or a picture only if it opens.
 * Returns: the document's id, or 0 with @error, nothing kept
 */
gint64
gad_store_attach_document (GadStore    *self,
                           gint64       case_id,
                           const char  *name,
                           GBytes      *bytes,
                           GError     **error)
{
  gint64 id;

  g_return_val_if_fail (GAD_IS_STORE (self), 0);
  GAD_STORE_RETRYING (self, error, id, attach (self, case_id, name, bytes, error));
  return id;
}

/**
 * gad_store_attach_documents:
 * @names: (array length=n): the files' names
 * @files: (array length=n): their bytes
 *
 * Keeps several files in an open case: each is checked before any is kept,
 * so one that is damaged or too big adds none.
 * Returns: how many were kept (@n), or 0 with @error naming the file
 */
guint
gad_store_attach_documents (GadStore           *self,
                            gint64              case_id,
                            const char *const  *names,
                            GBytes *const      *files,
                            guint               n,
                            GError            **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *type = gad_case_document_sniff (files[i], names[i]);

      if (!gad_case_document_check (files[i], type, error))
        {
          g_prefix_error (error, "%s: ", names[i]);
          return 0;
        }
    }
  for (guint i = 0; i < n; i++)
    if (gad_store_attach_document (self, case_id, names[i], files[i], error) == 0)
      {
        g_prefix_error (error, "%s: ", names[i]);
        return i;
      }
  return n;
}

static gpointer
document_from_row (GadStmt *stmt)
{
  GadCaseDocument *d = g_new0 (GadCaseDocument, 1);

  d->id = gad_stmt_column_int64 (stmt, 0);
  d->case_id = gad_stmt_column_int64 (stmt, 1);
  d->person_id = gad_stmt_column_int64 (stmt, 2);
  d->name = gad_store_column_dup (stmt, 3);
  d->media_type = gad_store_column_dup (stmt, 4);
  d->size = gad_stmt_column_int64 (stmt, 5);
  d->sha256 = gad_store_column_dup (stmt, 6);
  d->added_by = gad_store_column_dup (stmt, 7);
  d->added_at = gad_store_column_dup (stmt, 8);
  return d;
}

/**
 * gad_store_list_documents:
 *
 * A case's documents, the newest first, without their bytes: for those who
 * read the client's file, and for those who read none (that they exist).
 * Returns: (element-type GadCaseDocument), or %NULL with @error
 */
GPtrArray *
gad_store_list_documents (GadStore  *self,
                          gint64     case_id,
                          GError   **error)
{
  gint64 person = gad_store_person_of (self, "cases", case_id);
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  /* A reader of clients' files reads this one's or nothing; one who reads
   * none sees that documents exist. */
  if (!(gad_store_can (self, GAD_RIGHT_READ_CLIENT, 0)
          ? gad_store_require (self, GAD_RIGHT_READ_CLIENT, person, error)
          : gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error)))
    return NULL;
  stmt = gad_store_statement (self, "SELECT d.id, d.case_id, d.person_id, d.name, d.media_type,"
                                    " d.size, d.sha256, s.name, d.added_at FROM case_documents d"
                                    " JOIN staff s ON s.id = d.added_by WHERE d.case_id = ?"
                                    " ORDER BY d.added_at DESC, d.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, case_id);
  return gad_store_collect (self, stmt, document_from_row,
                            (GDestroyNotify) gad_case_document_free, error);
}

static GBytes *
open_document (GadStore         *self,
               gint64            id,
               GadCaseDocument **about,
               GError          **error)
{
  gint64 person = gad_store_person_of (self, "case_documents", id);
  GadStmt *stmt;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha = NULL, *expected = NULL;

  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person, error)
      || !gad_store_begin (self, error))
    return NULL;
  stmt = gad_store_statement (self, "SELECT c.bytes, d.sha256 FROM document_contents c"
                                    " JOIN case_documents d ON d.id = c.document_id"
                                    " WHERE c.document_id = ?", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    {
      gsize size;
      gconstpointer data = gad_stmt_column_blob (stmt, 0, &size);

      bytes = g_bytes_new (data, size);
      expected = gad_store_column_dup (stmt, 1);
    }
  gad_stmt_reset (stmt);
  if (bytes == NULL)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                           _("This document is not in the case."));
      goto fail;
    }
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (sha, expected) != 0)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                           _("The stored document no longer matches its checksum: it was "
                             "damaged or changed outside Gādība. Ask the administrator to "
                             "restore it from a backup."));
      goto fail;
    }
  if (about)
    {
      stmt = gad_store_statement (self, "SELECT d.id, d.case_id, d.person_id, d.name,"
                                        " d.media_type, d.size, d.sha256, s.name, d.added_at"
                                        " FROM case_documents d JOIN staff s ON s.id = d.added_by"
                                        " WHERE d.id = ?", error);
      if (stmt == NULL)
        goto fail;
      gad_stmt_bind_int64 (stmt, 1, id);
      if (gad_stmt_step (stmt) == GAD_DB_ROW)
        *about = document_from_row (stmt);
      gad_stmt_reset (stmt);
    }
  if (!gad_store_audit (self, "document", id, person, "open", NULL, error)
      || !gad_store_commit (self, error))
    goto fail;
  return g_steal_pointer (&bytes);

fail:
  gad_store_rollback (self);
  if (about)
    g_clear_pointer (about, gad_case_document_free);
  return NULL;
}

/**
 * gad_store_open_document:
 * @about: (out) (optional): the document's name, kind and the rest
 *
 * The document's bytes, checked against their checksum; the opening is in
 * the audit log. Returns: the bytes, or %NULL with @error
 */
GBytes *
gad_store_open_document (GadStore          *self,
                         gint64             id,
                         GadCaseDocument  **about,
                         GError           **error)
{
  GBytes *bytes;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  GAD_STORE_RETRYING (self, error, bytes, open_document (self, id, about, error));
  return bytes;
}
