/* gad-store-requests.c — applications with their documents, means and
 * the assessment they are decided on
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"
#include "gad-text.h"

static gint64
insert_request (GadStore              *self,
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

gint64
gad_store_insert_request (GadStore              *self,
                              const GadRequest  *a,
                              GError               **error)
{
  gint64 id;

  GAD_STORE_RETRYING (self, error, id, insert_request (self, a, error));
  return id;
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
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, gad_store_person_of (self, "applications", id), error))
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
static gboolean
set_means (GadStore   *self,
           gint64      application_id,
           gint64      version,
           GPtrArray  *incomes,
           GPtrArray  *housing_costs,
           GError    **error)
{
  if (!gad_store_require (self, GAD_RIGHT_WRITE_CLIENT, gad_store_person_of (self, "applications", application_id), error))
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
  person_id = gad_store_person_of (self, "applications", application_id);
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

gboolean
gad_store_set_means (GadStore   *self,
                     gint64      application_id,
                     gint64      version,
                     GPtrArray  *incomes,
                     GPtrArray  *housing_costs,
                     GError    **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, set_means (self, application_id, version, incomes, housing_costs, error));
  return ok;
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
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, gad_store_person_of (self, "applications", application_id), error))
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
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, gad_store_person_of (self, "applications", application_id), error))
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
                              /* Not "p.id = ?1 OR p.id IN (…)": PostgreSQL may
                               * check that per row of the registry. */
                              " FROM persons p WHERE p.id IN (SELECT ?1 UNION"
                              "  SELECT o.person_id FROM household_members o"
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
