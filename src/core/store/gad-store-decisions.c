/* gad-store-decisions.c — settings, rates, applications, decisions, payments, duties
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"
#include "gad-text.h"

/* ---- settings ---------------------------------------------------------- */

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

gboolean
gad_store_set_setting (GadStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  g_autofree char *old = gad_store_get_setting (self, key);
  static const char *counts[] = { "family_assistant_families", "family_assistant_mental",
                                  "family_assistant_young_adults", "reception_slot_minutes",
                                  "retention_years" };
  GadStmt *stmt;
  GArray *changes;

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

/* ---- rates ------------------------------------------------------------- */

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

gboolean
gad_store_set_rate (GadStore    *self,
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

/* ---- applications ------------------------------------------------------ */

gint64
gad_store_insert_request (GadStore              *self,
                              const GadRequest  *a,
                              GError               **error)
{
  if (!gad_store_require (self, GAD_RIGHT_REGISTER, 0, error))
    return 0;
  g_autofree char *type_name = gad_store_type_name (self, a->type_code);
  GadStmt *stmt;
  GArray *changes;
  GDate date;
  gint64 id;

  if (type_name == NULL)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Choose the benefit or service applied for."));
      return 0;
    }
  if (!gad_text_parse_date (a->received_on, &date))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("The date received is not a real date. Write it as DD.MM.YYYY."));
      return 0;
    }
  for (guint i = 0; a->documents && i < a->documents->len; i++)
    {
      GadDocument *d = g_ptr_array_index (a->documents, i);
      if (d->name == NULL || *g_strstrip (d->name) == '\0'
          || (d->dated && *d->dated && !gad_text_parse_date (d->dated, &date)))
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                       _("Every attached document needs a name and, if dated, a real date."));
          return 0;
        }
    }
  if (!gad_store_begin (self, error))
    return 0;

  stmt = gad_store_statement (self,
                              "INSERT INTO applications (person_id, household_id, type_code,"
                              " received_on, incoming_no) VALUES (?, ?, ?, ?, ?) RETURNING id",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, a->person_id);
  if (a->household_id > 0)
    gad_stmt_bind_int64 (stmt, 2, a->household_id);
  gad_stmt_bind_text (stmt, 3, a->type_code);
  gad_stmt_bind_text (stmt, 4, a->received_on);
  gad_stmt_bind_text (stmt, 5, a->incoming_no ? a->incoming_no : "");
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    goto fail;

  for (guint i = 0; a->documents && i < a->documents->len; i++)
    {
      GadDocument *d = g_ptr_array_index (a->documents, i);

      stmt = gad_store_statement (self,
                                  "INSERT INTO application_documents (application_id, name,"
                                  " dated) VALUES (?, ?, ?)",
                                  error);
      if (stmt == NULL)
        goto fail;
      gad_stmt_bind_int64 (stmt, 1, id);
      gad_stmt_bind_text (stmt, 2, d->name);
      if (d->dated && *d->dated)
        gad_stmt_bind_text (stmt, 3, d->dated);
      if (!gad_store_step_done (self, stmt, error))
        goto fail;
    }

  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "type", NULL, type_name);
  gad_field_changes_add (changes, "received_on", NULL, a->received_on);
  gad_field_changes_add (changes, "incoming_no", NULL, a->incoming_no);
  if (!gad_store_audit (self, "application", id, a->person_id, "create", changes, error))
    goto fail;
  if (!gad_store_commit (self, error))
    return 0;
  return id;

fail:
  gad_store_rollback (self);
  return 0;
}

#define APPLICATION_SELECT \
  "SELECT a.id, a.person_id, coalesce (a.household_id, 0), a.type_code," \
  " coalesce (b.name_lv, s.name_lv, a.type_code), a.received_on, a.incoming_no, a.status," \
  " a.version" \
  " FROM applications a LEFT JOIN benefit_types b ON b.code = a.type_code" \
  " LEFT JOIN service_types s ON s.code = a.type_code"

static gpointer
request_from_row (GadStmt *stmt)
{
  GadRequest *a = g_new0 (GadRequest, 1);

  a->id = gad_stmt_column_int64 (stmt, 0);
  a->person_id = gad_stmt_column_int64 (stmt, 1);
  a->household_id = gad_stmt_column_int64 (stmt, 2);
  a->type_code = gad_store_column_dup (stmt, 3);
  a->type_name = gad_store_column_dup (stmt, 4);
  a->received_on = gad_store_column_dup (stmt, 5);
  a->incoming_no = gad_store_column_dup (stmt, 6);
  a->status = gad_store_column_dup (stmt, 7);
  a->version = gad_stmt_column_int64 (stmt, 8);
  return a;
}

static gpointer
document_from_row (GadStmt *stmt)
{
  GadDocument *d = g_new0 (GadDocument, 1);

  d->name = gad_store_column_dup (stmt, 0);
  d->dated = gad_store_column_dup (stmt, 1);
  return d;
}

static gboolean
load_documents (GadStore        *self,
                GadRequest  *a,
                GError         **error)
{
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT name, dated FROM application_documents"
                                            " WHERE application_id = ? ORDER BY id",
                                            error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, a->id);
  a->documents = gad_store_collect (self, stmt, document_from_row,
                                    (GDestroyNotify) gad_document_free, error);
  return a->documents != NULL;
}

GadRequest *
gad_store_get_request (GadStore  *self,
                           gint64     id,
                           GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, gad_store_lookup_id (self, "SELECT person_id FROM applications WHERE id = ?", id), error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self, APPLICATION_SELECT " WHERE a.id = ?", error);
  g_autoptr(GadRequest) a = NULL;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    a = request_from_row (stmt);
  gad_stmt_reset (stmt);
  if (a == NULL)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("This application no longer exists."));
      return NULL;
    }
  if (!load_documents (self, a, error))
    return NULL;
  return g_steal_pointer (&a);
}

/* Newest first, with their documents. */
GPtrArray *
gad_store_list_requests (GadStore  *self,
                             gint64     person_id,
                             GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            APPLICATION_SELECT " WHERE a.person_id = ?"
                                            " ORDER BY a.received_on DESC, a.id DESC",
                                            error);
  g_autoptr(GPtrArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  list = gad_store_collect (self, stmt, request_from_row,
                            (GDestroyNotify) gad_request_free, error);
  for (guint i = 0; list && i < list->len; i++)
    if (!load_documents (self, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

static const char *income_kinds[] = { "wage", "pension", "benefit", "other" };

/* Replaces the incomes and housing costs of an application, which is then
 * under assessment. Amounts are cents a month. A @version other than 0 is the
 * application's as read: a save over a newer one is refused. */
gboolean
gad_store_set_means (GadStore   *self,
                     gint64      application_id,
                     gint64      version,
                     GPtrArray  *incomes,
                     GPtrArray  *housing_costs,
                     GError    **error)
{
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, gad_store_lookup_id (self, "SELECT person_id FROM applications WHERE id = ?", application_id), error))
    return FALSE;
  GadStmt *stmt;
  GArray *changes;
  gint64 person_id;
  gint64 total = 0, costs = 0;

  for (guint i = 0; incomes && i < incomes->len; i++)
    {
      GadIncome *in = g_ptr_array_index (incomes, i);
      if (!g_strv_contains (income_kinds, in->kind) || in->monthly_cents < 0)
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                       _("An income needs a kind (wage, pension, benefit, other) and an amount of "
                         "zero or more."));
          return FALSE;
        }
      total += in->monthly_cents;
    }
  for (guint i = 0; housing_costs && i < housing_costs->len; i++)
    {
      GadHousingCost *c = g_ptr_array_index (housing_costs, i);
      if (c->monthly_cents < 0)
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                       _("Housing costs cannot be negative."));
          return FALSE;
        }
      costs += c->monthly_cents;
    }

  if (!gad_store_begin (self, error))
    return FALSE;
  person_id = gad_store_lookup_id (self, "SELECT person_id FROM applications WHERE id = ?",
                                   application_id);
  if (person_id == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("This application no longer exists."));
      goto fail;
    }
  if (gad_store_lookup_id (self, "SELECT count (*) FROM decisions WHERE application_id = ?",
                           application_id) > 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("This application has been decided: its assessment is part of the "
                     "decision and cannot change."));
      goto fail;
    }
  if (version && gad_store_lookup_id (self, "SELECT version FROM applications WHERE id = ?",
                                      application_id) != version)
    {
      gad_store_refuse_stale (self, "application", application_id, error);
      goto fail;
    }

  stmt = gad_store_statement (self, "DELETE FROM incomes WHERE application_id = ?", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, application_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  stmt = gad_store_statement (self, "DELETE FROM housing_costs WHERE application_id = ?", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, application_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;

  for (guint i = 0; incomes && i < incomes->len; i++)
    {
      GadIncome *in = g_ptr_array_index (incomes, i);

      stmt = gad_store_statement (self,
                                  "INSERT INTO incomes (application_id, person_id, kind,"
                                  " monthly_cents) VALUES (?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        goto fail;
      gad_stmt_bind_int64 (stmt, 1, application_id);
      gad_stmt_bind_int64 (stmt, 2, in->person_id);
      gad_stmt_bind_text (stmt, 3, in->kind);
      gad_stmt_bind_int64 (stmt, 4, in->monthly_cents);
      if (!gad_store_step_done (self, stmt, error))
        goto fail;
    }
  for (guint i = 0; housing_costs && i < housing_costs->len; i++)
    {
      GadHousingCost *c = g_ptr_array_index (housing_costs, i);

      stmt = gad_store_statement (self,
                                  "INSERT INTO housing_costs (application_id, kind, monthly_cents)"
                                  " VALUES (?, ?, ?)",
                                  error);
      if (stmt == NULL)
        goto fail;
      gad_stmt_bind_int64 (stmt, 1, application_id);
      gad_stmt_bind_text (stmt, 2, c->kind ? c->kind : "other");
      gad_stmt_bind_int64 (stmt, 3, c->monthly_cents);
      if (!gad_store_step_done (self, stmt, error))
        goto fail;
    }

  stmt = gad_store_statement (self,
                              "UPDATE applications SET status = 'assessing', version = version + 1"
                              " WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, application_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;

  changes = gad_field_changes_new ();
  {
    g_autofree char *income = g_strdup_printf ("%" G_GINT64_FORMAT, total);
    g_autofree char *housing = g_strdup_printf ("%" G_GINT64_FORMAT, costs);
    gad_field_changes_add (changes, "income_cents", NULL, income);
    gad_field_changes_add (changes, "housing_costs_cents", NULL, housing);
  }
  if (!gad_store_audit (self, "application", application_id, person_id, "assess", changes,
                        error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

static gpointer
income_from_row (GadStmt *stmt)
{
  GadIncome *in = g_new0 (GadIncome, 1);

  in->person_id = gad_stmt_column_int64 (stmt, 0);
  in->kind = gad_store_column_dup (stmt, 1);
  in->monthly_cents = gad_stmt_column_int64 (stmt, 2);
  return in;
}

GPtrArray *
gad_store_list_incomes (GadStore  *self,
                        gint64     application_id,
                        GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, gad_store_lookup_id (self, "SELECT person_id FROM applications WHERE id = ?", application_id), error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT person_id, kind, monthly_cents FROM incomes"
                                            " WHERE application_id = ? ORDER BY id",
                                            error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, application_id);
  return gad_store_collect (self, stmt, income_from_row, (GDestroyNotify) gad_income_free, error);
}

static gpointer
cost_from_row (GadStmt *stmt)
{
  GadHousingCost *c = g_new0 (GadHousingCost, 1);

  c->kind = gad_store_column_dup (stmt, 0);
  c->monthly_cents = gad_stmt_column_int64 (stmt, 1);
  return c;
}

GPtrArray *
gad_store_list_housing_costs (GadStore  *self,
                              gint64     application_id,
                              GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, gad_store_lookup_id (self, "SELECT person_id FROM applications WHERE id = ?", application_id), error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT kind, monthly_cents FROM housing_costs"
                                            " WHERE application_id = ? ORDER BY id",
                                            error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, application_id);
  return gad_store_collect (self, stmt, cost_from_row, (GDestroyNotify) gad_housing_cost_free,
                            error);
}

/* Age in whole years on @date, or -1 when the birth date is unknown. */
static int
age_on (const char *birth,
        const char *date)
{
  GDate b, d;
  int age;

  if (!gad_text_parse_date (birth, &b) || !gad_text_parse_date (date, &d))
    return -1;
  age = g_date_get_year (&d) - g_date_get_year (&b);
  if (g_date_get_month (&d) < g_date_get_month (&b)
      || (g_date_get_month (&d) == g_date_get_month (&b)
          && g_date_get_day (&d) < g_date_get_day (&b)))
    age--;
  return age;
}

/**
 * gad_store_load_assessment:
 * @request_id: the application whose incomes and housing costs count, or 0
 *   for none (a household without declared income)
 * @date: the day the status and amounts are for
 *
 * Everything the formulas need: the members of the person's household on
 * @date (the person alone when in none), their incomes, the housing costs,
 * and the rates in force on @date. A member counts as a pensioner or person
 * with disability at 65 or over, or with an open case in the "pensioner" or
 * "disability" target group.
 */
GadAssessmentInput *
gad_store_load_assessment (GadStore    *self,
                           gint64       person_id,
                           gint64       request_id,
                           const char  *date,
                           GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return NULL;
  g_autoptr(GadAssessmentInput) input = NULL;
  static const struct { const char *kind; gsize offset; } rates[] = {
    { "gmi", G_STRUCT_OFFSET (GadAssessmentInput, gmi) },
    { "needy", G_STRUCT_OFFSET (GadAssessmentInput, needy) },
    { "low-income", G_STRUCT_OFFSET (GadAssessmentInput, low_income) },
    { "housing-k-alone", G_STRUCT_OFFSET (GadAssessmentInput, k_alone) },
    { "housing-k-pensioners", G_STRUCT_OFFSET (GadAssessmentInput, k_pensioners) },
    { "housing-k-other", G_STRUCT_OFFSET (GadAssessmentInput, k_other) },
  };
  GadStmt *stmt;
  GDate parsed;
  int rc;

  if (!gad_text_parse_date (date, &parsed))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("The assessment date is not a real date. Write it as DD.MM.YYYY."));
      return NULL;
    }
  input = gad_assessment_input_new ();
  input->date = gad_text_iso_date (&parsed);

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    if (!gad_store_rate_at (self, rates[i].kind, input->date,
                            G_STRUCT_MEMBER_P (input, rates[i].offset), error))
      return NULL;

  stmt = gad_store_statement (self,
                              "SELECT p.id, p.last_name || ' ' || p.first_name, p.birth_date,"
                              " EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id"
                              "   AND c.closed_on IS NULL AND (',' || c.target_groups || ',' LIKE"
                              "   '%,pensioner,%' OR ',' || c.target_groups || ',' LIKE"
                              "   '%,disability,%')),"
                              " (SELECT coalesce (sum (monthly_cents), 0) FROM incomes i"
                              "   WHERE i.application_id = ?2 AND i.person_id = p.id)"
                              " FROM persons p WHERE p.id = ?1 OR p.id IN"
                              "  (SELECT o.person_id FROM household_members o"
                              "   JOIN household_members m ON m.household_id = o.household_id"
                              "   WHERE m.person_id = ?1 AND m.from_date <= ?3"
                              "   AND (m.to_date IS NULL OR m.to_date >= ?3)"
                              "   AND o.from_date <= ?3 AND (o.to_date IS NULL OR o.to_date >= ?3))"
                              " ORDER BY p.id <> ?1, p.birth_date",
                              error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  gad_stmt_bind_int64 (stmt, 2, request_id);
  gad_stmt_bind_text (stmt, 3, input->date);
  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      GadAssessMember *m = g_new0 (GadAssessMember, 1);
      int age = age_on (gad_stmt_column_text (stmt, 2), input->date);

      m->person_id = gad_stmt_column_int64 (stmt, 0);
      m->name = gad_store_column_dup (stmt, 1);
      m->child = age >= 0 && age < 18;
      m->pensioner_or_disabled = age >= 65 || gad_stmt_column_int (stmt, 3);
      m->income_cents = gad_stmt_column_int64 (stmt, 4);
      g_ptr_array_add (input->members, m);
    }
  gad_stmt_reset (stmt);
  if (rc != GAD_DB_DONE)
    {
      gad_store_fail (self, error);
      return NULL;
    }
  if (input->members->len == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("This client is no longer in the registry."));
      return NULL;
    }

  input->housing_costs_cents = gad_store_lookup_id (self,
                                                    "SELECT coalesce (sum (monthly_cents), 0)"
                                                    " FROM housing_costs WHERE application_id = ?",
                                                    request_id);
  return g_steal_pointer (&input);
}

/* ---- decisions --------------------------------------------------------- */

/* The next number of @year's register. Called inside the transaction that
 * inserts the decision, so a failed issue leaves no gap and two windows
 * issuing at once never share a number. */
gboolean
gad_store_next_decision_number (GadStore  *self,
                                int        year,
                                int       *seq,
                                GError   **error)
{
  GadStmt *stmt;

  g_assert (self->depth > 0);

  stmt = gad_store_statement (self,
                              "INSERT INTO decision_counters (year, last) VALUES (?1, 1)"
                              " ON CONFLICT (year) DO UPDATE SET last = decision_counters.last + 1"
                              " RETURNING last",
                              error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, year);
  if (gad_stmt_step (stmt) != GAD_DB_ROW)
    {
      gad_stmt_reset (stmt);
      return gad_store_fail (self, error);
    }
  *seq = gad_stmt_column_int (stmt, 0);
  gad_stmt_reset (stmt);
  return TRUE;
}

gint64
gad_store_insert_decision (GadStore           *self,
                           const GadDecision  *d,
                           int                 year,
                           int                 seq,
                           const char         *snapshot,
                           GBytes             *pdf,
                           GError            **error)
{
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, d->person_id, error))
    return 0;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  GadStmt *stmt;
  GArray *changes;
  gint64 id;
  gsize size;
  gconstpointer data = g_bytes_get_data (pdf, &size);

  g_assert (self->depth > 0);

  stmt = gad_store_statement (self,
                              "INSERT INTO decisions (application_id, person_id, number, year,"
                              " seq, issued_on, outcome, type_code, amount_cents, period_from,"
                              " period_to, status_granted, facts, legal_basis, reasoning,"
                              " decision_text, snapshot, drafter, supersedes_id, pdf, pdf_sha256)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                              " ?, ?) RETURNING id",
                              error);
  if (stmt == NULL)
    return 0;
  gad_stmt_bind_int64 (stmt, 1, d->application_id);
  gad_stmt_bind_int64 (stmt, 2, d->person_id);
  gad_stmt_bind_text (stmt, 3, d->number);
  gad_stmt_bind_int64 (stmt, 4, year);
  gad_stmt_bind_int64 (stmt, 5, seq);
  gad_stmt_bind_text (stmt, 6, d->issued_on);
  gad_stmt_bind_text (stmt, 7, d->outcome);
  gad_stmt_bind_text (stmt, 8, d->type_code);
  gad_stmt_bind_int64 (stmt, 9, d->amount_cents);
  gad_stmt_bind_text (stmt, 10, d->period_from);
  gad_stmt_bind_text (stmt, 11, d->period_to);
  gad_stmt_bind_text (stmt, 12, d->status_granted);
  gad_stmt_bind_text (stmt, 13, d->facts ? d->facts : "");
  gad_stmt_bind_text (stmt, 14, d->legal_basis ? d->legal_basis : "");
  gad_stmt_bind_text (stmt, 15, d->reasoning ? d->reasoning : "");
  gad_stmt_bind_text (stmt, 16, d->decision_text ? d->decision_text : "");
  gad_stmt_bind_text (stmt, 17, snapshot);
  gad_stmt_bind_text (stmt, 18, d->drafter ? d->drafter : "");
  if (d->supersedes_id > 0)
    gad_stmt_bind_int64 (stmt, 19, d->supersedes_id);
  gad_stmt_bind_blob (stmt, 20, data, size);
  gad_stmt_bind_text (stmt, 21, sha);
  if ((id = gad_store_insert_id (self, stmt, error)) == 0)
    return 0;

  stmt = gad_store_statement (self,
                              "UPDATE applications SET status = 'decided', version = version + 1"
                              " WHERE id = ?",
                              error);
  if (stmt == NULL)
    return 0;
  gad_stmt_bind_int64 (stmt, 1, d->application_id);
  if (!gad_store_step_done (self, stmt, error))
    return 0;

  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "number", NULL, d->number);
  gad_field_changes_add (changes, "outcome", NULL, d->outcome);
  gad_field_changes_add (changes, "pdf_sha256", NULL, sha);
  if (!gad_store_audit (self, "decision", id, d->person_id, "issue", changes, error))
    return 0;
  return id;
}

/* One payment row a month of the decision's period, all in @funding. */
gboolean
gad_store_add_payments (GadStore           *self,
                        const GadDecision  *d,
                        const GDate        *first_month,
                        guint               months,
                        const char         *funding,
                        GError            **error)
{
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, d->person_id, error))
    return FALSE;
  GDate month = *first_month;

  g_assert (self->depth > 0);

  for (guint k = 0; k < months && d->amount_cents > 0; k++, g_date_add_months (&month, 1))
    {
      g_autofree char *text = g_strdup_printf ("%04d-%02d", g_date_get_year (&month),
                                               g_date_get_month (&month));
      GadStmt *stmt = gad_store_statement (self,
                                                "INSERT INTO payments (decision_id, person_id,"
                                                " type_code, month, amount_cents, funding)"
                                                " VALUES (?, ?, ?, ?, ?, ?)",
                                                error);
      if (stmt == NULL)
        return FALSE;
      gad_stmt_bind_int64 (stmt, 1, d->id);
      gad_stmt_bind_int64 (stmt, 2, d->person_id);
      gad_stmt_bind_text (stmt, 3, d->type_code);
      gad_stmt_bind_text (stmt, 4, text);
      gad_stmt_bind_int64 (stmt, 5, d->amount_cents);
      gad_stmt_bind_text (stmt, 6, funding);
      if (!gad_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* What the decisions issued on an application pay in all, but for one. */
gint64
gad_store_application_paid (GadStore *self,
                            gint64    application_id,
                            gint64    except_decision_id)
{
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT coalesce (sum (y.amount_cents), 0)"
                                            " FROM payments y JOIN decisions d"
                                            " ON d.id = y.decision_id"
                                            " WHERE d.application_id = ?1 AND d.id <> ?2",
                                            NULL);
  gint64 sum = 0;

  if (stmt == NULL
      || !gad_store_can (self, GAD_RIGHT_READ_CLIENT,
                         gad_store_lookup_id (self, "SELECT person_id FROM applications"
                                                    " WHERE id = ?", application_id)))
    return 0;
  gad_stmt_bind_int64 (stmt, 1, application_id);
  gad_stmt_bind_int64 (stmt, 2, except_decision_id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    sum = gad_stmt_column_int64 (stmt, 0);
  gad_stmt_reset (stmt);
  return sum;
}

gint64
gad_store_add_duty (GadStore       *self,
                    const GadDuty  *duty,
                    GError        **error)
{
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, duty->person_id, error))
    return 0;
  GadStmt *stmt;
  GDate due;

  g_assert (self->depth > 0);

  if (duty->text == NULL || *duty->text == '\0' || !gad_text_parse_date (duty->due_on, &due))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Every co-operation duty needs a text and a real due date."));
      return 0;
    }
  stmt = gad_store_statement (self,
                              "INSERT INTO duties (decision_id, person_id, text, due_on)"
                              " VALUES (?, ?, ?, ?) RETURNING id",
                              error);
  if (stmt == NULL)
    return 0;
  gad_stmt_bind_int64 (stmt, 1, duty->decision_id);
  gad_stmt_bind_int64 (stmt, 2, duty->person_id);
  gad_stmt_bind_text (stmt, 3, duty->text);
  gad_stmt_bind_text (stmt, 4, duty->due_on);
  return gad_store_insert_id (self, stmt, error);
}

#define DECISION_SELECT \
  "SELECT id, application_id, person_id, number, issued_on, outcome, type_code, amount_cents," \
  " period_from, period_to, status_granted, facts, legal_basis, reasoning, decision_text," \
  " drafter, coalesce (supersedes_id, 0), pdf_sha256 FROM decisions"

static gpointer
decision_from_row (GadStmt *stmt)
{
  GadDecision *d = g_new0 (GadDecision, 1);

  d->id = gad_stmt_column_int64 (stmt, 0);
  d->application_id = gad_stmt_column_int64 (stmt, 1);
  d->person_id = gad_stmt_column_int64 (stmt, 2);
  d->number = gad_store_column_dup (stmt, 3);
  d->issued_on = gad_store_column_dup (stmt, 4);
  d->outcome = gad_store_column_dup (stmt, 5);
  d->type_code = gad_store_column_dup (stmt, 6);
  d->amount_cents = gad_stmt_column_int64 (stmt, 7);
  d->period_from = gad_store_column_dup (stmt, 8);
  d->period_to = gad_store_column_dup (stmt, 9);
  d->status_granted = gad_store_column_dup (stmt, 10);
  d->facts = gad_store_column_dup (stmt, 11);
  d->legal_basis = gad_store_column_dup (stmt, 12);
  d->reasoning = gad_store_column_dup (stmt, 13);
  d->decision_text = gad_store_column_dup (stmt, 14);
  d->drafter = gad_store_column_dup (stmt, 15);
  d->supersedes_id = gad_stmt_column_int64 (stmt, 16);
  d->pdf_sha256 = gad_store_column_dup (stmt, 17);
  return d;
}

GadDecision *
gad_store_get_decision (GadStore  *self,
                        gint64     id,
                        GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, gad_store_lookup_id (self, "SELECT person_id FROM decisions WHERE id = ?", id), error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self, DECISION_SELECT " WHERE id = ?", error);
  GadDecision *d = NULL;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    d = decision_from_row (stmt);
  gad_stmt_reset (stmt);
  if (d == NULL)
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                 _("There is no such decision."));
  return d;
}

gint64
gad_store_find_decision (GadStore   *self,
                         const char *number)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT id FROM decisions WHERE number = ?",
                                            NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  gad_stmt_bind_text (stmt, 1, number);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    id = gad_stmt_column_int64 (stmt, 0);
  gad_stmt_reset (stmt);
  return id;
}

/* The letter exactly as issued; its checksum is verified on the way out. */
GBytes *
gad_store_get_decision_pdf (GadStore  *self,
                            gint64     id,
                            GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, gad_store_lookup_id (self, "SELECT person_id FROM decisions WHERE id = ?", id), error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT pdf, pdf_sha256, anonymised FROM decisions"
                                            " WHERE id = ?",
                                            error);
  GBytes *pdf = NULL;
  gboolean found;

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, id);
  found = gad_stmt_step (stmt) == GAD_DB_ROW;
  if (found && gad_stmt_column_int (stmt, 2))
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                 _("The letter was removed when the client was anonymised; the decision’s "
                   "number, date, outcome and amount remain."));
  else if (found)
    {
      gsize size;
      gconstpointer data = gad_stmt_column_blob (stmt, 0, &size);
      g_autoptr(GBytes) bytes = g_bytes_new (data, size);
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

      if (g_strcmp0 (sha, gad_stmt_column_text (stmt, 1)) == 0)
        pdf = g_steal_pointer (&bytes);
      else
        g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                     _("The stored letter does not match its checksum: the database has been "
                       "damaged or tampered with."));
    }
  else
    g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                 _("There is no such decision."));
  gad_stmt_reset (stmt);
  return pdf;
}

char *
gad_store_get_decision_snapshot (GadStore *self,
                                 gint64    id)
{
  if (!gad_store_can (self, GAD_RIGHT_READ_CLIENT, gad_store_lookup_id (self, "SELECT person_id FROM decisions WHERE id = ?", id)))
    return NULL;
  return gad_store_lookup_text (self, "SELECT snapshot FROM decisions WHERE id = ?", id);
}

/* Newest first. */
GPtrArray *
gad_store_list_decisions (GadStore  *self,
                          gint64     person_id,
                          GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            DECISION_SELECT " WHERE person_id = ?"
                                            " ORDER BY issued_on DESC, id DESC",
                                            error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  return gad_store_collect (self, stmt, decision_from_row, (GDestroyNotify) gad_decision_free,
                            error);
}

/* Ids of the decisions issued from @from to @to inclusive, in number order. */
GArray *
gad_store_decisions_between (GadStore    *self,
                             const char  *from,
                             const char  *to,
                             GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_DASHBOARDS, 0, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT id FROM decisions WHERE issued_on >= ?"
                                            " AND issued_on <= ? ORDER BY year, seq",
                                            error);
  GArray *ids;
  int rc;

  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gad_stmt_bind_text (stmt, 1, from);
  gad_stmt_bind_text (stmt, 2, to);
  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      gint64 id = gad_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  gad_stmt_reset (stmt);
  if (rc != GAD_DB_DONE)
    {
      g_array_unref (ids);
      gad_store_fail (self, error);
      return NULL;
    }
  return ids;
}

static gpointer
duty_from_row (GadStmt *stmt)
{
  GadDuty *d = g_new0 (GadDuty, 1);

  d->id = gad_stmt_column_int64 (stmt, 0);
  d->decision_id = gad_stmt_column_int64 (stmt, 1);
  d->person_id = gad_stmt_column_int64 (stmt, 2);
  d->text = gad_store_column_dup (stmt, 3);
  d->due_on = gad_store_column_dup (stmt, 4);
  d->status = gad_store_column_dup (stmt, 5);
  d->recorded_on = gad_store_column_dup (stmt, 6);
  return d;
}

/* Open duties first by due date, then the recorded ones. */
GPtrArray *
gad_store_list_duties (GadStore  *self,
                       gint64     person_id,
                       GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT id, decision_id, person_id, text, due_on,"
                                            " status, recorded_on FROM duties WHERE person_id = ?"
                                            " ORDER BY status <> 'open', due_on",
                                            error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  return gad_store_collect (self, stmt, duty_from_row, (GDestroyNotify) gad_duty_free, error);
}

static gpointer
open_duty_from_row (GadStmt *stmt)
{
  GadDuty *d = duty_from_row (stmt);

  d->person_name = gad_store_column_dup (stmt, 7);
  return d;
}

/* The open duties of the clients @worker_id is responsible for (all clients
 * for 0), the earliest due first: what a social worker checks each morning. */
GPtrArray *
gad_store_list_open_duties (GadStore  *self,
                            gint64     worker_id,
                            GError   **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, 0, error))
    return NULL;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT d.id, d.decision_id, d.person_id, d.text,"
                                            " d.due_on, d.status, d.recorded_on,"
                                            " p.last_name || ' ' || p.first_name"
                                            " FROM duties d JOIN persons p ON p.id = d.person_id"
                                            GAD_SCOPE_JOIN
                                            " WHERE d.status = 'open'"
                                            " AND (?1 = 0 OR p.worker_id = ?1)"
                                            " AND " GAD_SCOPE_WHERE
                                            " ORDER BY d.due_on, p.sort_key",
                                            error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, worker_id);
  gad_store_bind_scope (self, stmt);
  return gad_store_collect (self, stmt, open_duty_from_row, (GDestroyNotify) gad_duty_free, error);
}

/* Records a duty as fulfilled or failed: the ground a later refusal cites. */
gboolean
gad_store_record_duty (GadStore    *self,
                       gint64       duty_id,
                       const char  *status,
                       const char  *date,
                       GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, gad_store_lookup_id (self, "SELECT person_id FROM duties WHERE id = ?", duty_id), error))
    return FALSE;
  GadStmt *stmt;
  GArray *changes;
  gint64 person_id;
  GDate d;

  if (g_strcmp0 (status, "fulfilled") != 0 && g_strcmp0 (status, "failed") != 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("A duty is recorded as fulfilled or as failed."));
      return FALSE;
    }
  if (!gad_text_parse_date (date, &d))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("The date is not a real date. Write it as DD.MM.YYYY."));
      return FALSE;
    }
  if (!gad_store_begin (self, error))
    return FALSE;
  person_id = gad_store_lookup_id (self, "SELECT person_id FROM duties WHERE id = ?", duty_id);
  stmt = gad_store_statement (self,
                              "UPDATE duties SET status = ?, recorded_on = ? WHERE id = ?"
                              " AND status = 'open'",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_text (stmt, 1, status);
  gad_stmt_bind_text (stmt, 2, date);
  gad_stmt_bind_int64 (stmt, 3, duty_id);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (gad_db_changes (self->db) != 1)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("This duty has already been recorded."));
      goto fail;
    }
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "status", "open", status);
  gad_field_changes_add (changes, "recorded_on", NULL, date);
  if (!gad_store_audit (self, "duty", duty_id, person_id, "record", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/* Payments from @from_month to @to_month inclusive ("YYYY-MM"), in cents. */
gint64
gad_store_sum_payments (GadStore   *self,
                        const char *from_month,
                        const char *to_month)
{
  if (!gad_store_can (self, GAD_RIGHT_DASHBOARDS, 0))
    return 0;
  GadStmt *stmt = gad_store_statement (self,
                                            "SELECT coalesce (sum (amount_cents), 0) FROM payments"
                                            " WHERE month >= ? AND month <= ?",
                                            NULL);
  gint64 sum = 0;

  if (stmt == NULL)
    return 0;
  gad_stmt_bind_text (stmt, 1, from_month);
  gad_stmt_bind_text (stmt, 2, to_month);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    sum = gad_stmt_column_int64 (stmt, 0);
  gad_stmt_reset (stmt);
  return sum;
}
