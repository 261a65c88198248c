/* gad-store-templates.c — the municipality's document templates, versioned
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template is never changed: a save is its next version, and every issued
 * document records the version it used. The newest version is the one in
 * use; before the first save, the Latvian one Gādība ships, version 0.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"
#include "gad-template.h"

static gint64
insert (GadStore        *self,
        GadDocumentKind  kind,
        gint64           version,
        const char      *body,
        GError         **error)
{
  g_autofree char *now = gad_store_now ();
  GadStmt *stmt = gad_store_statement (self, "INSERT INTO document_templates (kind, version, body,"
                                             " saved_at, saved_by) VALUES (?, ?, ?, ?, ?)"
                                             " RETURNING id", error);

  if (stmt == NULL)
    return 0;
  gad_stmt_bind_text (stmt, 1, gad_document_kind_code (kind));
  gad_stmt_bind_int64 (stmt, 2, version);
  gad_stmt_bind_text (stmt, 3, body);
  gad_stmt_bind_text (stmt, 4, now);
  if (gad_store_actor_id (self) > 0)
    gad_stmt_bind_int64 (stmt, 5, gad_store_actor_id (self));
  return gad_store_insert_id (self, stmt, error);
}

static gint64
newest_version (GadStore        *self,
                GadDocumentKind  kind)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT coalesce (max (version), 0)"
                                             " FROM document_templates WHERE kind = ?", NULL);
  gint64 version = -1;

  if (stmt == NULL)
    return -1;
  gad_stmt_bind_text (stmt, 1, gad_document_kind_code (kind));
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    version = gad_stmt_column_int64 (stmt, 0);
  gad_stmt_reset (stmt);
  return version;
}

/**
 * gad_store_get_template:
 * @version: the version to read, or -1 for the one in use (the newest;
 *   version 0, Gādība's own, until the first save)
 *
 * Returns: (transfer full): the template, its version set, or %NULL with
 *   @error set
 */
GadTemplate *
gad_store_get_template (GadStore         *self,
                        GadDocumentKind   kind,
                        gint64            version,
                        GError          **error)
{
  GadStmt *stmt = gad_store_statement (self, version >= 0
                                         ? "SELECT version, body FROM document_templates"
                                           " WHERE kind = ?1 AND version = ?2"
                                         : "SELECT version, body FROM document_templates"
                                           " WHERE kind = ?1 ORDER BY version DESC LIMIT 1",
                                       error);
  g_autofree char *body = NULL;
  GadTemplate *template;
  gint64 found;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_text (stmt, 1, gad_document_kind_code (kind));
  if (version >= 0)
    gad_stmt_bind_int64 (stmt, 2, version);
  if (gad_stmt_step (stmt) != GAD_DB_ROW)
    {
      gad_stmt_reset (stmt);
      if (version <= 0)
        return gad_template_default (kind, "lv");
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("There is no such version of the template."));
      return NULL;
    }
  found = gad_stmt_column_int64 (stmt, 0);
  body = gad_store_column_dup (stmt, 1);
  gad_stmt_reset (stmt);
  if ((template = gad_template_parse (body, error)) != NULL)
    gad_template_set_version (template, found);
  return template;
}

static gint64
save (GadStore           *self,
      const GadTemplate  *template,
      GError            **error)
{
  GadDocumentKind kind = gad_template_kind (template);
  g_autofree char *version_text = NULL;
  GArray *changes;
  gint64 version, id;

  if (!gad_store_begin (self, error))
    return 0;
  if ((version = newest_version (self, kind)) < 0)
    {
      gad_store_fail (self, error);
      goto fail;
    }
  version++;
  if ((id = insert (self, kind, version, gad_template_json (template), error)) == 0)
    goto fail;
  version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "document_kind", NULL, gad_document_kind_code (kind));
  gad_field_changes_add (changes, "version", NULL, version_text);
  gad_field_changes_add (changes, "language", NULL, gad_template_language (template));
  if (!gad_store_audit (self, "template", id, 0, "update", changes, error)
      || !gad_store_commit (self, error))
    goto fail;
  return version;

fail:
  gad_store_rollback (self);
  return 0;
}

/**
 * gad_store_save_template:
 * @template: a template gad_template_parse() accepted
 *
 * Saves @template as its kind's next version, the one documents use from
 * now on. An administrator's.
 *
 * Returns: the new version, or 0 with @error set and nothing saved
 */
gint64
gad_store_save_template (GadStore           *self,
                         const GadTemplate  *template,
                         GError            **error)
{
  gint64 version;

  g_return_val_if_fail (GAD_IS_STORE (self), 0);
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return 0;
  GAD_STORE_RETRYING (self, error, version, save (self, template, error));
  return version;
}
