/* gad-store-catalogues.c — what an administrator adds to the service's
 * catalogues: departments, and benefit and service types
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalogues start with what Latvian services have in common; a
 * municipality adds its own (a benefit of its binding regulations, a
 * service it buys), and an import that named an unknown one is run again.
 * Nothing is removed or renamed here: decisions, plans and imported
 * history keep the codes they were made with.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-store-private.h"

static gpointer
name_from_row (GadStmt *stmt)
{
  return gad_store_column_dup (stmt, 0);
}

/* The department names, in order; never NULL. */
GPtrArray *
gad_store_list_departments (GadStore *self)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT name FROM departments ORDER BY name", NULL);
  GPtrArray *list = stmt ? gad_store_collect (self, stmt, name_from_row, g_free, NULL) : NULL;

  return list ? list : g_ptr_array_new_with_free_func (g_free);
}

/* Whether the INSERT that failed found the name or code there already;
 * then the caller says so instead of the database's words. */
static gboolean
taken (GadStore  *self,
       GError   **error)
{
  if (gad_store_error_kind (self) != GAD_DB_ERROR_UNIQUE)
    return FALSE;
  g_clear_error (error);
  return TRUE;
}

static gboolean
add_department (GadStore    *self,
                const char  *name,
                GError     **error)
{
  GadStmt *stmt;
  GArray *changes;

  if (!gad_store_begin (self, error))
    return FALSE;
  if ((stmt = gad_store_statement (self, "INSERT INTO departments (name) VALUES (?)", error))
      == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, name);
  if (!gad_store_step_done (self, stmt, error))
    {
      if (taken (self, error))
        g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE,
                     _("There is a department “%s” already."), name);
      goto fail;
    }
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "name", NULL, name);
  if (!gad_store_audit (self, "department", 0, 0, "create", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

gboolean
gad_store_add_department (GadStore    *self,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  gboolean ok;

  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  if (trimmed[0] == '\0')
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Enter the department’s name."));
      return FALSE;
    }
  GAD_STORE_RETRYING (self, error, ok, add_department (self, trimmed, error));
  return ok;
}

/* A code is what files and other programs write: small letters, digits
 * and hyphens, as the catalogue's own. */
static gboolean
code_is_valid (const char *code)
{
  gsize n = strlen (code);

  if (n < 2 || n > 40 || code[0] == '-' || code[n - 1] == '-')
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
add_type (GadStore            *self,
          const GadTypeEntry  *type,
          const char          *legal_basis,
          GError             **error)
{
  GadStmt *stmt;
  GArray *changes;
  gboolean done;

  if (!gad_store_begin (self, error))
    return FALSE;
  /* One code names one thing: a benefit and a service share the letters' lookups. */
  stmt = gad_store_statement (self, type->is_service
                                      ? "INSERT INTO service_types (code, name_lv, name_en)"
                                        " SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM"
                                        " benefit_types WHERE code = ?1)"
                                      : "INSERT INTO benefit_types (code, name_lv, name_en,"
                                        " income_tested) SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS"
                                        " (SELECT 1 FROM service_types WHERE code = ?1)",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, type->code);
  gad_stmt_bind_text (stmt, 2, type->name_lv);
  gad_stmt_bind_text (stmt, 3, type->name_en);
  if (!type->is_service)
    gad_stmt_bind_int64 (stmt, 4, type->income_tested ? 1 : 0);
  done = gad_store_step_done (self, stmt, error);
  if (!done && !taken (self, error))
    goto fail;
  if (!done || gad_db_changes (self->db) == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE,
                   _("The code “%s” is in the catalogue already. Choose another."), type->code);
      goto fail;
    }
  if (!type->is_service)
    {
      if ((stmt = gad_store_statement (self, "INSERT INTO legal_clauses (type_code, text)"
                                             " VALUES (?, ?)", error)) == NULL)
        goto fail;
      gad_stmt_bind_text (stmt, 1, type->code);
      gad_stmt_bind_text (stmt, 2, legal_basis);
      if (!gad_store_step_done (self, stmt, error))
        goto fail;
    }
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "code", NULL, type->code);
  gad_field_changes_add (changes, "name_lv", NULL, type->name_lv);
  gad_field_changes_add (changes, "name_en", NULL, type->name_en);
  if (!type->is_service)
    {
      gad_field_changes_add (changes, "income_tested", NULL, type->income_tested ? "1" : "0");
      gad_field_changes_add (changes, "legal_basis", NULL, legal_basis);
    }
  if (!gad_store_audit (self, type->is_service ? "service-type" : "benefit-type", 0, 0, "create",
                        changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/**
 * gad_store_add_type:
 * @type: its code, Latvian and English names, whether a service, and for a
 *   benefit whether it is income-tested
 * @legal_basis: for a benefit, the provision its decisions cite (the
 *   municipality's binding regulations); ignored for a service
 *
 * An administrator adds a benefit or service type to the catalogue.
 */
gboolean
gad_store_add_type (GadStore            *self,
                    const GadTypeEntry  *type,
                    const char          *legal_basis,
                    GError             **error)
{
  g_autofree char *code = g_strstrip (g_strdup (type->code ? type->code : ""));
  g_autofree char *name_lv = g_strstrip (g_strdup (type->name_lv ? type->name_lv : ""));
  g_autofree char *name_en = g_strstrip (g_strdup (type->name_en ? type->name_en : ""));
  g_autofree char *basis = g_strstrip (g_strdup (legal_basis ? legal_basis : ""));
  GadTypeEntry t = { code, name_lv, name_en, type->is_service, type->income_tested };
  gboolean ok;

  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  if (!code_is_valid (code))
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                 _("Enter a code of 2 to 40 small Latin letters, digits and hyphens, such as "
                   "“summer-camp”."));
  else if (name_lv[0] == '\0' || name_en[0] == '\0')
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                 _("Enter the name in Latvian and in English."));
  else if (!t.is_service && basis[0] == '\0')
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                 _("Enter the legal basis a decision on this benefit cites, such as the "
                   "municipality’s binding regulations."));
  else
    {
      GAD_STORE_RETRYING (self, error, ok, add_type (self, &t, basis, error));
      return ok;
    }
  return FALSE;
}
