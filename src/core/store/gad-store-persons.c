/* gad-store-persons.c — persons and their codes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-personal-code.h"
#include "gad-audit-text.h"
#include "gad-store-private.h"
#include "gad-text.h"

#define PERSON_COLUMNS \
  "p.id, p.code, p.first_name, p.last_name, p.gender, p.birth_date, p.address, p.phone," \
  " p.territory_id, t.name, s.name, p.open_cases, p.version, p.disability_group"
#define PERSON_JOINS \
  " FROM persons p LEFT JOIN territories t ON t.id = p.territory_id" \
  " LEFT JOIN staff s ON s.id = p.worker_id"

static GadPerson *
person_from_row (GadStmt *stmt)
{
  return g_object_new (GAD_TYPE_PERSON,
                       "id", gad_stmt_column_int64 (stmt, 0),
                       "code", gad_stmt_column_text (stmt, 1),
                       "first-name", gad_stmt_column_text (stmt, 2),
                       "last-name", gad_stmt_column_text (stmt, 3),
                       "gender", gad_stmt_column_text (stmt, 4),
                       "birth-date", gad_stmt_column_text (stmt, 5),
                       "address", gad_stmt_column_text (stmt, 6),
                       "phone", gad_stmt_column_text (stmt, 7),
                       "territory-id", gad_stmt_column_int64 (stmt, 8),
                       "territory", gad_stmt_column_text (stmt, 9),
                       "worker", gad_stmt_column_text (stmt, 10),
                       "open-cases", (guint) gad_stmt_column_int (stmt, 11),
                       "version", gad_stmt_column_int64 (stmt, 12),
                       "disability-group", (guint) gad_stmt_column_int (stmt, 13),
                       NULL);
}

GadPerson *
gad_store_get_person (GadStore  *self,
                      gint64     id,
                      GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error))
    return NULL;
  GadStmt *stmt;
  GadPerson *person = NULL;
  int rc;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);

  stmt = gad_store_statement (self, "SELECT " PERSON_COLUMNS PERSON_JOINS " WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, id);
  rc = gad_stmt_step (stmt);
  if (rc == GAD_DB_ROW)
    person = person_from_row (stmt);
  else if (rc == GAD_DB_DONE)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                 _("This client is no longer in the registry."));
  else
    gad_store_fail (self, error);
  gad_stmt_reset (stmt);
  /* The disability group is health data: it goes with the file, not with the
   * registry's basic data. */
  if (person && gad_person_get_disability_group (person) != 0
      && !gad_store_can (self, GAD_RIGHT_READ_CLIENT, id))
    g_object_set (person, "disability-group", 0u, NULL);
  return person;
}

/**
 * gad_store_get_rows:
 * @ids: (array length=n_ids): persons' ids
 *
 * The registry's rows of @ids, in one round trip: basic data only (no
 * disability group, which is the client file's). Persons gone since are
 * left out.
 *
 * Returns: (transfer full): GadPerson, in no particular order; NULL on error
 */
GPtrArray *
gad_store_get_rows (GadStore      *self,
                    const gint64  *ids,
                    guint          n_ids,
                    GError       **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error))
    return NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) list = g_string_new (NULL);
  GadStmt *stmt;
  GadDbStep step;

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  stmt = gad_store_statement (self, gad_store_is_server (self)
                                      ? "SELECT " PERSON_COLUMNS PERSON_JOINS " WHERE p.id ="
                                        " ANY (string_to_array (?1, ',')::bigint[])"
                                      : "SELECT " PERSON_COLUMNS PERSON_JOINS " WHERE p.id IN"
                                        " (SELECT value FROM json_each ('[' || ?1 || ']'))",
                              error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_text (stmt, 1, list->str);
  while ((step = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      GadPerson *person = person_from_row (stmt);

      g_object_set (person, "disability-group", 0u, NULL);
      g_ptr_array_add (rows, person);
    }
  if (step == GAD_DB_FAILED)
    gad_store_fail (self, error);
  gad_stmt_reset (stmt);
  return step == GAD_DB_FAILED ? NULL : g_steal_pointer (&rows);
}

/* Finds a person by any code they have had. Returns 0 when nobody has it. */
gint64
gad_store_find_person_by_code (GadStore   *self,
                               const char *code)
{
  /* An auditor finds a client's part of the log by the code, and sees no more. */
  if (!gad_store_can (self, GAD_RIGHT_READ_BASIC, 0) && !gad_store_can (self, GAD_RIGHT_AUDIT, 0))
    return 0;
  char digits[12];
  GadStmt *stmt;
  gint64 id = 0;

  if (!gad_personal_code_parse (code, digits, NULL, NULL))
    return 0;
  stmt = gad_store_statement (self, "SELECT person_id FROM person_codes WHERE code = ?", NULL);
  if (stmt == NULL)
    return 0;
  gad_stmt_bind_text (stmt, 1, digits);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    id = gad_stmt_column_int64 (stmt, 0);
  gad_stmt_reset (stmt);
  return id;
}

/* Every code the person has had, the current one first. */
GStrv
gad_store_list_codes (GadStore *self,
                      gint64    person_id)
{
  if (!gad_store_can (self, GAD_RIGHT_READ_BASIC, 0))
    return NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT code FROM person_codes WHERE person_id = ?"
                                            " ORDER BY valid_to IS NOT NULL, valid_to DESC",
                                            NULL);

  if (stmt)
    {
      gad_stmt_bind_int64 (stmt, 1, person_id);
      while (gad_stmt_step (stmt) == GAD_DB_ROW)
        g_strv_builder_add (builder, gad_stmt_column_text (stmt, 0));
      gad_stmt_reset (stmt);
    }
  return g_strv_builder_end (builder);
}

static char *
territory_name (GadStore *self,
                gint64    id)
{
  return gad_store_lookup_text (self, "SELECT name FROM territories WHERE id = ?", id);
}

void
gad_person_keys_clear (GadPersonKeys *c)
{
  g_free (c->birth_date);
  g_free (c->key_lf);
  g_free (c->key_fl);
  g_free (c->sort_key);
}

/* Everything a person row must satisfy, checked before any SQL runs so the
 * user gets a message about the field rather than about a constraint. */
gboolean
gad_store_check_person (GadPerson      *person,
                        GadPersonKeys  *out,
                        GError        **error)
{
  GDate birth;
  g_autofree char *first = g_strstrip (g_strdup (gad_person_get_first_name (person)));
  g_autofree char *last = g_strstrip (g_strdup (gad_person_get_last_name (person)));
  const char *gender = gad_person_get_gender (person);
  GadCodeKind kind = gad_personal_code_parse (gad_person_get_code (person), out->code, &birth,
                                              error);

  if (kind == 0)
    return FALSE;
  if (*last == '\0')
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID, _("Enter the surname."));
      return FALSE;
    }
  if (*first == '\0')
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID, _("Enter the first name."));
      return FALSE;
    }
  if (*gender && !g_str_equal (gender, "M") && !g_str_equal (gender, "F"))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Gender must be “M” (male) or “F” (female)."));
      return FALSE;
    }

  /* Only an old-format code carries the birth date; for a new one it is typed in. */
  if (kind == GAD_CODE_OLD)
    out->birth_date = gad_text_iso_date (&birth);
  else if (*gad_person_get_birth_date (person))
    {
      if (!gad_text_parse_date (gad_person_get_birth_date (person), &birth))
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                       _("The birth date is not a real date. Write it as DD.MM.YYYY."));
          return FALSE;
        }
      out->birth_date = gad_text_iso_date (&birth);
    }

  g_object_set (person, "first-name", first, "last-name", last, "code", out->code,
                "birth-date", out->birth_date, NULL);

  {
    g_autofree char *ff = gad_text_fold (first);
    g_autofree char *fl = gad_text_fold (last);
    g_autofree char *sf = gad_text_sort_key (first);
    g_autofree char *sl = gad_text_sort_key (last);

    out->key_lf = g_strdup_printf ("%s %s", fl, ff);
    out->key_fl = g_strdup_printf ("%s %s", ff, fl);
    out->sort_key = g_strdup_printf ("%s\x01%s\x01%s", sl, sf, out->code);
  }
  return TRUE;
}

/* A duplicate code names who has it, so the user can open that client instead. */
static gboolean
check_code_free (GadStore    *self,
                 const char  *code,
                 gint64       own_id,
                 GError     **error)
{
  GadStmt *stmt;
  gboolean free_code = TRUE;

  stmt = gad_store_statement (self,
                              "SELECT p.id, p.last_name, p.first_name FROM person_codes c"
                              " JOIN persons p ON p.id = c.person_id WHERE c.code = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, code);
  if (gad_stmt_step (stmt) == GAD_DB_ROW && gad_stmt_column_int64 (stmt, 0) != own_id)
    {
      g_autofree char *formatted = gad_personal_code_format (code);

      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DUPLICATE,
                   _("The personal code %s already belongs to %s %s. Open that client instead."),
                   formatted, gad_stmt_column_text (stmt, 1),
                   gad_stmt_column_text (stmt, 2));
      free_code = FALSE;
    }
  gad_stmt_reset (stmt);
  return free_code;
}

static void
bind_person (GadStmt *stmt,
             GadPerson    *person,
             const GadPersonKeys *checked)
{
  const char *gender = gad_person_get_gender (person);
  g_autofree char *now = gad_store_now ();

  gad_stmt_bind_text (stmt, 1, checked->code);
  gad_stmt_bind_text (stmt, 2, gad_person_get_first_name (person));
  gad_stmt_bind_text (stmt, 3, gad_person_get_last_name (person));
  if (*gender)
    gad_stmt_bind_text (stmt, 4, gender);
  gad_stmt_bind_text (stmt, 5, checked->birth_date);
  gad_stmt_bind_text (stmt, 6, gad_person_get_address (person));
  gad_stmt_bind_text (stmt, 7, gad_person_get_phone (person));
  if (gad_person_get_territory_id (person) > 0)
    gad_stmt_bind_int64 (stmt, 8, gad_person_get_territory_id (person));
  gad_stmt_bind_text (stmt, 9, checked->key_lf);
  gad_stmt_bind_text (stmt, 10, checked->key_fl);
  gad_stmt_bind_text (stmt, 11, checked->sort_key);
  gad_stmt_bind_text (stmt, 12, now);
  if (gad_person_get_disability_group (person) > 0)
    gad_stmt_bind_int64 (stmt, 15, gad_person_get_disability_group (person));
  else
    gad_stmt_bind_null (stmt, 15);
}

static gboolean
add_code (GadStore    *self,
          const char  *code,
          gint64       person_id,
          GError     **error)
{
  GadStmt *stmt = gad_store_statement (self,
                                            "INSERT INTO person_codes (code, person_id)"
                                            " VALUES (?, ?)",
                                            error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, code);
  gad_stmt_bind_int64 (stmt, 2, person_id);
  return gad_store_step_done (self, stmt, error);
}

static void
diff_person (GArray    *changes,
             GadPerson *old,
             GadPerson *new,
             const char *old_territory,
             const char *new_territory)
{
  gad_field_changes_add (changes, "code", old ? gad_person_get_code (old) : NULL,
                         gad_person_get_code (new));
  gad_field_changes_add (changes, "last_name", old ? gad_person_get_last_name (old) : NULL,
                         gad_person_get_last_name (new));
  gad_field_changes_add (changes, "first_name", old ? gad_person_get_first_name (old) : NULL,
                         gad_person_get_first_name (new));
  gad_field_changes_add (changes, "gender", old ? gad_person_get_gender (old) : NULL,
                         gad_person_get_gender (new));
  gad_field_changes_add (changes, "birth_date", old ? gad_person_get_birth_date (old) : NULL,
                         gad_person_get_birth_date (new));
  gad_field_changes_add (changes, "address", old ? gad_person_get_address (old) : NULL,
                         gad_person_get_address (new));
  gad_field_changes_add (changes, "phone", old ? gad_person_get_phone (old) : NULL,
                         gad_person_get_phone (new));
  gad_field_changes_add (changes, "territory", old_territory, new_territory);
  {
    guint was = old ? gad_person_get_disability_group (old) : 0;
    guint now = gad_person_get_disability_group (new);
    g_autofree char *a = was ? g_strdup_printf ("%u", was) : NULL;
    g_autofree char *b = now ? g_strdup_printf ("%u", now) : NULL;

    gad_field_changes_add (changes, "disability_group", a, b);
  }
}

static gint64
lookup_disability (GadStore *self,
                   gint64    id)
{
  return gad_store_lookup_id (self, "SELECT coalesce (disability_group, 0) FROM persons"
                                    " WHERE id = ?", id);
}

/* Who may change which field of a registered person:
 * - address and phone: whoever registers persons (a clerk, for anyone) and
 *   the client's own social workers;
 * - the parish: a head, or a social worker of the department in whose care
 *   the client is, since it decides whose file it is;
 * - names, code, gender, birth date, disability group: the client's own
 *   social workers only. */
static gboolean
may_change (GadStore  *self,
            gint64     id,
            GArray    *changes,
            GError   **error)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const char *field = g_array_index (changes, GadFieldChange, i).field;

      if (g_str_equal (field, "territory"))
        {
          if (!gad_store_require_reassign (self, id, error))
            return FALSE;
        }
      else if (g_str_equal (field, "address") || g_str_equal (field, "phone"))
        {
          if (!gad_store_require (self, self->role == GAD_ROLE_SOCIAL_WORKER
                                          ? GAD_RIGHT_WRITE_CLIENT : GAD_RIGHT_REGISTER,
                                  id, error))
            return FALSE;
        }
      else if (self->role == GAD_ROLE_CLERK)
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                       /* TRANSLATORS: %s is a field, such as “Surname” */
                       _("A clerk corrects only the address and phone. The client’s social "
                         "worker can change the field “%s”."),
                       gad_audit_field_label (field));
          return FALSE;
        }
      else if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, id, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * gad_store_insert_person:
 * @person: the new client; its code, names and birth date are normalised in place
 *
 * Returns: the new person's id, or 0 with @error set and nothing written
 */
static gint64
insert_person (GadStore   *self,
               GadPerson  *person,
               GError    **error)
{
  if (!gad_store_require (self, GAD_RIGHT_REGISTER, 0, error))
    return 0;
  g_auto(GadPersonKeys) checked = { 0 };
  g_autofree char *territory = NULL;
  GadStmt *stmt;
  GArray *changes;
  gint64 id;

  g_return_val_if_fail (GAD_IS_STORE (self), 0);
  g_return_val_if_fail (GAD_IS_PERSON (person), 0);

  if (!gad_store_check_person (person, &checked, error) || !gad_store_begin (self, error))
    return 0;
  if (!check_code_free (self, checked.code, 0, error))
    goto fail;

  stmt = gad_store_statement (self,
                              "INSERT INTO persons (code, first_name, last_name, gender,"
                              " birth_date, address, phone, territory_id, key_lf, key_fl,"
                              " sort_key, updated_at, disability_group)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?15) RETURNING id",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_person (stmt, person, &checked);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    goto fail;
  if (!add_code (self, checked.code, id, error))
    goto fail;

  territory = territory_name (self, gad_person_get_territory_id (person));
  changes = gad_field_changes_new ();
  diff_person (changes, NULL, person, NULL, territory);
  if (!gad_store_audit (self, "person", id, id, "create", changes, error))
    goto fail;
  if (!gad_store_commit (self, error))
    return 0;

  g_object_set (person, "id", id, NULL);
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

gint64
gad_store_insert_person (GadStore   *self,
                         GadPerson  *person,
                         GError    **error)
{
  gint64 id;

  GAD_STORE_RETRYING (self, error, id, insert_person (self, person, error));
  return id;
}

/* Saves @person over the stored row with the same id. A changed code keeps
 * the old one in the history, where search still finds it. */
static gboolean
update_person (GadStore   *self,
               GadPerson  *person,
               GError    **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error))
    return FALSE;
  g_auto(GadPersonKeys) checked = { 0 };
  g_autoptr(GadPerson) old = NULL;
  g_autofree char *old_territory = NULL;
  g_autofree char *new_territory = NULL;
  GadStmt *stmt;
  g_autoptr(GArray) changes = NULL;
  gint64 id = gad_person_get_id (person);
  gboolean code_changed, hidden = FALSE;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (GAD_IS_PERSON (person), FALSE);

  if (!gad_store_check_person (person, &checked, error) || !gad_store_begin (self, error))
    return FALSE;
  old = gad_store_get_person (self, id, error);
  if (old == NULL)
    goto fail;
  /* The disability group is health data: a reader outside the file got 0
   * for it, and leaving it so keeps what is stored. */
  hidden = !gad_store_can (self, GAD_RIGHT_READ_CLIENT, id);
  if (hidden && gad_person_get_disability_group (person) == 0)
    {
      guint stored = (guint) lookup_disability (self, id);

      g_object_set (old, "disability-group", stored, NULL);
      g_object_set (person, "disability-group", stored, NULL);
    }
  old_territory = territory_name (self, gad_person_get_territory_id (old));
  new_territory = territory_name (self, gad_person_get_territory_id (person));
  changes = gad_field_changes_new ();
  diff_person (changes, old, person, old_territory, new_territory);
  if (!may_change (self, id, changes, error))
    goto fail;

  code_changed = !g_str_equal (gad_person_get_code (old), checked.code);
  if (code_changed)
    {
      char digits[12];

      if (gad_personal_code_parse (gad_person_get_code (old), digits, NULL, NULL) == GAD_CODE_NEW)
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                       _("A new-format personal code cannot be changed again."));
          goto fail;
        }
      if (!check_code_free (self, checked.code, id, error))
        goto fail;
    }

  /* Moving a client to another parish writes that only: a head's server
   * account may write no other column of a person. */
  stmt = gad_store_statement (self, changes->len == 1 && !code_changed
                                      && g_str_equal (g_array_index (changes, GadFieldChange,
                                                                     0).field, "territory")
                                      ? "UPDATE persons SET territory_id = ?8, updated_at = ?12,"
                                        " version = version + 1"
                                        " WHERE id = ?13 AND (?14 = 0 OR version = ?14)"
                                      : "UPDATE persons SET code = ?1, first_name = ?2,"
                                        " last_name = ?3, gender = ?4, birth_date = ?5,"
                                        " address = ?6, phone = ?7, territory_id = ?8,"
                                        " key_lf = ?9, key_fl = ?10, sort_key = ?11,"
                                        " updated_at = ?12, disability_group = ?15,"
                                        " version = version + 1,"
                                        /* A new address forgets the old one's place. */
                                        " lat = CASE WHEN address = ?6 THEN lat END,"
                                        " lon = CASE WHEN address = ?6 THEN lon END,"
                                        " place_source = CASE WHEN address = ?6"
                                        "  THEN place_source END"
                                        " WHERE id = ?13 AND (?14 = 0 OR version = ?14)",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_person (stmt, person, &checked);
  gad_stmt_bind_int64 (stmt, 13, id);
  gad_stmt_bind_int64 (stmt, 14, gad_person_get_version (person));
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (gad_db_changes (self->db) != 1)
    {
      gad_store_refuse_stale (self, "person", id, error);
      goto fail;
    }

  if (code_changed)
    {
      g_autofree char *today = gad_text_today_iso ();

      stmt = gad_store_statement (self,
                                  "UPDATE person_codes SET valid_to = ? WHERE person_id = ?"
                                  " AND valid_to IS NULL",
                                  error);
      if (stmt == NULL)
        goto fail;
      gad_stmt_bind_text (stmt, 1, today);
      gad_stmt_bind_int64 (stmt, 2, id);
      if (!gad_store_step_done (self, stmt, error))
        goto fail;
      /* Changing back to an earlier code of one's own revives that row. */
      stmt = gad_store_statement (self, "DELETE FROM person_codes WHERE code = ?", error);
      if (stmt == NULL)
        goto fail;
      gad_stmt_bind_text (stmt, 1, checked.code);
      if (!gad_store_step_done (self, stmt, error) || !add_code (self, checked.code, id, error))
        goto fail;
    }

  if (changes->len == 0)
    {
      if (!gad_store_commit (self, error))
        return FALSE;
      g_object_set (person, "version", gad_person_get_version (old) + 1,
                    hidden ? "disability-group" : NULL, 0u, NULL);
      return TRUE;
    }
  if (!gad_store_audit (self, "person", id, id, code_changed ? "code-change" : "update",
                        g_steal_pointer (&changes),
                        error))
    goto fail;
  if (!gad_store_commit (self, error))
    return FALSE;
  g_object_set (person, "version", gad_person_get_version (old) + 1,
                hidden ? "disability-group" : NULL, 0u, NULL);
  return TRUE;

fail:
  gad_store_rollback (self);
  if (hidden)
    g_object_set (person, "disability-group", 0u, NULL);
  return FALSE;
}

/* What changed from @old to @new, as the audit log writes a person's fields. */
void
gad_store_person_changes (GadStore  *self,
                          GArray    *changes,
                          GadPerson *old,
                          GadPerson *new)
{
  g_autofree char *was = territory_name (self, gad_person_get_territory_id (old));
  g_autofree char *now = territory_name (self, gad_person_get_territory_id (new));
  g_autoptr(GArray) all = gad_field_changes_new ();

  diff_person (all, old, new, was, now);
  for (guint i = 0; i < all->len; i++)
    {
      GadFieldChange *c = &g_array_index (all, GadFieldChange, i);

      if (!g_str_equal (c->field, "disability_group"))
        gad_field_changes_add (changes, c->field, c->old_value, c->new_value);
    }
}

gboolean
gad_store_update_person (GadStore   *self,
                         GadPerson  *person,
                         GError    **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, update_person (self, person, error));
  return ok;
}

/* Every person in name order; @func returns FALSE to stop. */
gboolean
gad_store_foreach_person (GadStore   *self,
                          gboolean  (*func) (GadPerson *person, gpointer data),
                          gpointer    data,
                          GError    **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error))
    return FALSE;
  GadStmt *stmt;
  int rc;

  stmt = gad_store_statement (self, "SELECT " PERSON_COLUMNS PERSON_JOINS " ORDER BY p.sort_key",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      g_autoptr(GadPerson) person = person_from_row (stmt);
      if (!func (person, data))
        {
          rc = GAD_DB_DONE;
          break;
        }
    }
  gad_stmt_reset (stmt);
  if (rc != GAD_DB_DONE)
    return gad_store_fail (self, error);
  return TRUE;
}
