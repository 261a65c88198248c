/* gad-store-staff.c — the service's parishes and staff
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"

static gint64
add_territory (GadStore    *self,
               const char  *name,
               GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return 0;
  GadStmt *stmt;
  gint64 id;

  if (!gad_store_begin (self, error))
    return 0;
  stmt = gad_store_statement (self, "INSERT INTO territories (name) VALUES (?) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, name);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    {
      if (gad_store_error_kind (self) == GAD_DB_ERROR_UNIQUE)
        {
          g_clear_error (error);
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE,
                       _("There is a parish “%s” already."), name);
        }
      goto fail;
    }
  {
    GArray *changes = gad_field_changes_new ();
    gad_field_changes_add (changes, "name", NULL, name);
    if (!gad_store_audit (self, "territory", id, 0, "create", changes, error))
      goto fail;
  }
  if (!gad_store_commit (self, error))
    return 0;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

gint64
gad_store_add_territory (GadStore    *self,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  gint64 id;

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                           _("Enter the parish’s name."));
      return 0;
    }
  GAD_STORE_RETRYING (self, error, id, add_territory (self, trimmed, error));
  return id;
}

static gpointer
territory_from_row (GadStmt *stmt)
{
  GadTerritory *t = g_new0 (GadTerritory, 1);

  t->id = gad_stmt_column_int64 (stmt, 0);
  t->name = gad_store_column_dup (stmt, 1);
  t->has_centre = !gad_stmt_column_is_null (stmt, 2);
  t->centre = (GadGeoPoint) { gad_stmt_column_double (stmt, 2), gad_stmt_column_double (stmt, 3) };
  return t;
}

/* Never NULL: a list that cannot be read is shown empty. */
GPtrArray *
gad_store_list_territories (GadStore *self)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT id, name, lat, lon FROM territories"
                                                  " ORDER BY name",
                                            NULL);
  GPtrArray *list = stmt ? gad_store_collect (self, stmt, territory_from_row,
                                              (GDestroyNotify) gad_territory_free, NULL)
                         : NULL;

  return list ? list : g_ptr_array_new ();
}

static gint64
add_staff (GadStore        *self,
           const GadStaff  *staff,
           GError         **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return 0;
  GadStmt *stmt;
  gint64 id;

  if (!gad_store_begin (self, error))
    return 0;
  stmt = gad_store_statement (self,
                              "INSERT INTO staff (name, position, department, territory_id)"
                              " VALUES (?, ?, ?, ?) RETURNING id",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, staff->name);
  gad_stmt_bind_text (stmt, 2, staff->position ? staff->position : "");
  gad_stmt_bind_text (stmt, 3, staff->department ? staff->department : "");
  if (staff->territory_id > 0)
    gad_stmt_bind_int64 (stmt, 4, staff->territory_id);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    goto fail;
  {
    GArray *changes = gad_field_changes_new ();
    gad_field_changes_add (changes, "name", NULL, staff->name);
    gad_field_changes_add (changes, "position", NULL, staff->position);
    gad_field_changes_add (changes, "department", NULL, staff->department);
    if (!gad_store_audit (self, "staff", id, 0, "create", changes, error))
      goto fail;
  }
  if (!gad_store_commit (self, error))
    return 0;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

gint64
gad_store_add_staff (GadStore        *self,
                     const GadStaff  *staff,
                     GError         **error)
{
  gint64 id;

  GAD_STORE_RETRYING (self, error, id, add_staff (self, staff, error));
  return id;
}

static gpointer
staff_from_row (GadStmt *stmt)
{
  GadStaff *s = g_new0 (GadStaff, 1);

  s->id = gad_stmt_column_int64 (stmt, 0);
  s->name = gad_store_column_dup (stmt, 1);
  s->position = gad_store_column_dup (stmt, 2);
  s->department = gad_store_column_dup (stmt, 3);
  s->territory_id = gad_stmt_column_int64 (stmt, 4);
  s->username = gad_store_column_dup (stmt, 5);
  s->role = gad_role_from_string (gad_stmt_column_text (stmt, 6));
  s->active = gad_stmt_column_int (stmt, 7);
  return s;
}

/* Never NULL: a list that cannot be read is shown empty. */
GPtrArray *
gad_store_list_staff (GadStore *self)
{
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT id, name, position, department, territory_id,"
                                            " username, role, active"
                                            " FROM staff ORDER BY name",
                                            NULL);
  GPtrArray *list = stmt ? gad_store_collect (self, stmt, staff_from_row,
                                              (GDestroyNotify) gad_staff_free, NULL)
                         : NULL;

  return list ? list : g_ptr_array_new ();
}
