/* gad-store-settings.c — the service's settings, rates, legal clauses and
 * the catalogue of benefits and services
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"
#include "gad-text.h"

char *
gad_store_get_setting (GadStore   *self,
                       const char *key)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT value FROM settings WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  gad_stmt_bind_text (stmt, 1, key);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    value = gad_store_column_dup (stmt, 0);
  gad_stmt_reset (stmt);
  return value ? value : g_strdup ("");
}

static gboolean
set_setting (GadStore    *self,
             const char  *key,
             const char  *value,
             GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  g_autofree char *old = gad_store_get_setting (self, key);
  static const char *counts[] = { "family_assistant_families", "family_assistant_mental",
                                  "family_assistant_young_adults", "reception_slot_minutes",
                                  "retention_years", "route_speed_kmh" };
  g_autofree char *digits = NULL;
  GadStmt *stmt;
  GArray *changes;

  /* The municipality's inhabitants, typed as "26 000" too, kept as digits. */
  if (g_str_equal (key, "inhabitants"))
    {
      GString *kept = g_string_new (NULL);

      for (const char *p = value ? value : ""; *p; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (kept, g_utf8_get_char (p));
      digits = g_string_free (kept, FALSE);
      if (!g_ascii_string_to_unsigned (digits, 10, 0, 10000000, NULL, NULL))
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                       _("Enter the number of inhabitants as a whole number, such as 26 000."));
          return FALSE;
        }
      value = digits;
    }
  /* How much longer the roads are than the straight line: 1.3, or 1,3. */
  if (g_str_equal (key, "route_road_factor"))
    {
      double factor;
      char *end = NULL;

      digits = g_strstrip (g_strdelimit (g_strdup (value ? value : ""), ",", '.'));
      factor = g_ascii_strtod (digits, &end);
      if (end == digits || *end != '\0' || !(factor >= 1 && factor <= 3))
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                       _("Enter the road factor as a number from 1 to 3, such as 1,3."));
          return FALSE;
        }
      value = digits;
    }
  /* The schedule's limits are whole numbers the rules divide by. */
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (g_str_equal (key, counts[i])
        && !g_ascii_string_to_unsigned (value ? value : "", 10, 1, 240, NULL, NULL))
      {
        g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                     _("Enter a whole number from 1 to 240."));
        return FALSE;
      }
  if (!gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self, "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                                    " ON CONFLICT (key) DO UPDATE SET value = ?2",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, key);
  gad_stmt_bind_text (stmt, 2, value ? value : "");
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, key, old, value);
  if (!gad_store_audit (self, "setting", 0, 0, "update", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

gboolean
gad_store_set_setting (GadStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, set_setting (self, key, value, error));
  return ok;
}

/* Rates */

/* The row in force on @date: the latest that starts on or before it. */
gboolean
gad_store_rate_at (GadStore    *self,
                   const char  *kind,
                   const char  *date,
                   GadRate     *rate,
                   GError     **error)
{
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT first, other, valid_from FROM rates"
                                            " WHERE kind = ? AND valid_from <= ?"
                                            " ORDER BY valid_from DESC LIMIT 1",
                                            error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, kind);
  gad_stmt_bind_text (stmt, 2, date);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    {
      rate->first = gad_stmt_column_int64 (stmt, 0);
      rate->other = gad_stmt_column_int64 (stmt, 1);
      g_free (rate->valid_from);
      rate->valid_from = gad_store_column_dup (stmt, 2);
      found = TRUE;
    }
  gad_stmt_reset (stmt);
  if (!found)
    {
      g_autofree char *when = gad_text_format_date (date);
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("No “%s” rate is in force on %s. Add it in Preferences → Rates."), kind,
                   when);
    }
  return found;
}

static gboolean
set_rate (GadStore    *self,
          const char  *kind,
          const char  *valid_from,
          gint64       first,
          gint64       other,
          GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  GDate date;
  GadStmt *stmt;
  GArray *changes;
  g_autofree char *value = NULL;

  if (!gad_text_parse_date (valid_from, &date) || first < 0 || other < 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("A rate needs a real start date and amounts of zero or more."));
      return FALSE;
    }
  if (g_str_equal (kind, "low-income"))
    {
      GadRate ceiling = { 0 };
      gboolean above;

      if (!gad_store_rate_at (self, "low-income-ceiling", valid_from, &ceiling, error))
        return FALSE;
      above = first > ceiling.first || other > ceiling.other;
      if (above)
        {
          g_autofree char *a = gad_text_format_money (ceiling.first);
          g_autofree char *b = gad_text_format_money (ceiling.other);
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                       _("The municipal low-income threshold cannot be above the national "
                         "ceiling in force then (%s / %s)."), a, b);
        }
      g_free (ceiling.valid_from);
      if (above)
        return FALSE;
    }
  if (!gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self,
                              "INSERT INTO rates (kind, valid_from, first, other)"
                              " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (kind, valid_from)"
                              " DO UPDATE SET first = ?3, other = ?4",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, kind);
  gad_stmt_bind_text (stmt, 2, valid_from);
  gad_stmt_bind_int64 (stmt, 3, first);
  gad_stmt_bind_int64 (stmt, 4, other);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  value = g_strdup_printf ("%s %s: %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT, kind, valid_from,
                           first, other);
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "rate", NULL, value);
  if (!gad_store_audit (self, "rate", 0, 0, "update", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

gboolean
gad_store_set_rate (GadStore    *self,
                    const char  *kind,
                    const char  *valid_from,
                    gint64       first,
                    gint64       other,
                    GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, set_rate (self, kind, valid_from, first, other, error));
  return ok;
}

static gpointer
rate_from_row (GadStmt *stmt)
{
  GadRate *r = g_new0 (GadRate, 1);

  r->first = gad_stmt_column_int64 (stmt, 0);
  r->other = gad_stmt_column_int64 (stmt, 1);
  r->valid_from = gad_store_column_dup (stmt, 2);
  return r;
}

static void
rate_free (GadRate *r)
{
  g_free (r->valid_from);
  g_free (r);
}

/* Newest first. */
GPtrArray *
gad_store_list_rates (GadStore   *self,
                      const char *kind)
{
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT first, other, valid_from FROM rates"
                                            " WHERE kind = ? ORDER BY valid_from DESC",
                                            NULL);
  GPtrArray *list = NULL;

  if (stmt)
    {
      gad_stmt_bind_text (stmt, 1, kind);
      list = gad_store_collect (self, stmt, rate_from_row, (GDestroyNotify) rate_free, NULL);
    }
  return list ? list : g_ptr_array_new ();
}

/* The legal clauses a decision on @type_code may cite: its own, then the general ones. */
GStrv
gad_store_list_clauses (GadStore   *self,
                        const char *type_code)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT text FROM legal_clauses WHERE type_code = ?"
                                            " OR type_code = '*' ORDER BY type_code = '*', id",
                                            NULL);

  if (stmt)
    {
      gad_stmt_bind_text (stmt, 1, type_code);
      while (gad_stmt_step (stmt) == GAD_DB_ROW)
        g_strv_builder_add (builder, gad_stmt_column_text (stmt, 0));
      gad_stmt_reset (stmt);
    }
  return g_strv_builder_end (builder);
}

static gpointer
type_from_row (GadStmt *stmt)
{
  GadTypeEntry *t = g_new0 (GadTypeEntry, 1);

  t->code = gad_store_column_dup (stmt, 0);
  t->name_lv = gad_store_column_dup (stmt, 1);
  t->name_en = gad_store_column_dup (stmt, 2);
  t->is_service = gad_stmt_column_int (stmt, 3);
  t->income_tested = gad_stmt_column_int (stmt, 4);
  return t;
}

/* Benefits first, then services, each in catalogue order. */
GPtrArray *
gad_store_list_types (GadStore *self)
{
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT code, name_lv, name_en, 0, income_tested,"
                                            " rowid FROM benefit_types"
                                            " UNION ALL SELECT code, name_lv, name_en, 1, 0, rowid"
                                            " FROM service_types ORDER BY 4, 6",
                                            NULL);
  GPtrArray *list = stmt ? gad_store_collect (self, stmt, type_from_row,
                                              (GDestroyNotify) gad_type_entry_free, NULL)
                         : NULL;
  return list ? list : g_ptr_array_new ();
}

/* The Latvian name of a benefit or service type, as letters print it. */
char *
gad_store_type_name (GadStore   *self,
                     const char *type_code)
{
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT name_lv FROM benefit_types WHERE code = ?1"
                                            " UNION ALL SELECT name_lv FROM service_types"
                                            " WHERE code = ?1",
                                            NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup (type_code);
  gad_stmt_bind_text (stmt, 1, type_code);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    name = gad_store_column_dup (stmt, 0);
  gad_stmt_reset (stmt);
  return name;
}
