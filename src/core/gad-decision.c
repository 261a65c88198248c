/* gad-decision.c — issuing decisions: number, frozen data, letter, payments, duties
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One transaction takes the next number of the year's register, freezes the
 * data the decision relied on (person, household, incomes, rates, settings)
 * as JSON, renders the letter from that data, and stores decision, letter,
 * payments and duties. If anything fails, nothing is written and no number
 * is used up.
 */
#define G_LOG_DOMAIN "gad-decision"

#include "config.h"

#include <json-glib/json-glib.h>

#include <glib/gi18n-lib.h>
#include <time.h>
#include <stdio.h>

#include "gad-decision.h"
#include "gad-document.h"
#include "gad-text.h"

G_DEFINE_QUARK (gad-decision-error-quark, gad_decision_error)

/* "{year}/SD-{seq:6}" → "2026/SD-000123"; {seq} alone is not padded. */
char *
gad_decision_format_number (const char *pattern,
                            int         year,
                            int         seq)
{
  GString *out = g_string_new (NULL);

  for (const char *p = pattern; *p; p++)
    {
      int width = 0;

      if (g_str_has_prefix (p, "{year}"))
        {
          g_string_append_printf (out, "%04d", year);
          p += strlen ("{year}") - 1;
        }
      else if (g_str_has_prefix (p, "{seq}"))
        {
          g_string_append_printf (out, "%d", seq);
          p += strlen ("{seq}") - 1;
        }
      else if (sscanf (p, "{seq:%d}", &width) == 1 && strchr (p, '}'))
        {
          g_string_append_printf (out, "%0*d", CLAMP (width, 1, 12), seq);
          p = strchr (p, '}');
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* ---- the frozen snapshot, as JSON ------------------------------------- */

static void
add_string (JsonBuilder *b,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value ? value : "");
}

static void
add_int (JsonBuilder *b,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

/* ---- the decision ------------------------------------------------------ */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, GAD_DECISION_ERROR, GAD_DECISION_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_draft (const GadDecisionDraft  *d,
             GError                 **error)
{
  GDate from, to;
  gboolean grants = g_strcmp0 (d->outcome, "grant") == 0 || g_strcmp0 (d->outcome, "partial") == 0;

  if (!grants && g_strcmp0 (d->outcome, "refuse") != 0)
    return invalid (error, _("Choose whether the decision grants, partly grants or refuses."));
  if (d->legal_basis == NULL || *d->legal_basis == '\0')
    return invalid (error, _("A decision must state its legal basis: choose at least one clause."));
  if (d->reasoning == NULL || *d->reasoning == '\0')
    return invalid (error, grants ? _("A decision must state its reasoning.")
                                  : _("A refusal must state its reasons in writing."));
  if (d->amount_cents < 0)
    return invalid (error, _("The amount cannot be negative."));
  if (grants)
    {
      /* Without an end date the grant runs until a later decision ends it. */
      if (!gad_text_parse_date (d->period_from, &from)
          || (d->period_to && *d->period_to && !gad_text_parse_date (d->period_to, &to)))
        return invalid (error, _("Give the day the decision grants from, and the last day "
                                 "unless it grants until further notice."));
      if (d->period_to && *d->period_to && g_date_compare (&from, &to) > 0)
        return invalid (error, _("The period ends before it starts."));
      if (d->status_granted && (d->period_to == NULL || *d->period_to == '\0'))
        return invalid (error, _("A household status is granted for a period: give its last "
                                 "day."));
    }
  if (d->status_granted && g_strcmp0 (d->status_granted, "needy") != 0
      && g_strcmp0 (d->status_granted, "low-income") != 0)
    return invalid (error, _("A household status is needy or low-income."));
  if (d->status_granted && !grants)
    return invalid (error, _("A refusal cannot grant a household status."));
  return TRUE;
}

typedef struct
{
  GadStore *store;
  const GadDecisionDraft *draft;
  GadRequest *request;
  GadPerson *person;
  GadAssessmentInput *input;   /* NULL where no rates were in force */
  GadAssessment result;
  char *type_name;
  gboolean is_service;
  char *number;
  char *issued_on;
} Issue;

static void issue_clear (Issue *i);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Issue, issue_clear)

static void
issue_clear (Issue *i)
{
  g_clear_pointer (&i->request, gad_request_free);
  g_clear_object (&i->person);
  g_clear_pointer (&i->input, gad_assessment_input_free);
  g_free (i->type_name);
  g_free (i->number);
  g_free (i->issued_on);
}

static char *
setting (Issue      *i,
         const char *key)
{
  return gad_store_get_setting (i->store, key);
}

static char *
snapshot (Issue *i)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *settings[] = { "institution", "institution_reg_no", "institution_address",
                             "appeal_body", "appeal_address", "signer_position", "signer_name" };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "person");
  json_builder_begin_object (b);
  add_int (b, "id", gad_person_get_id (i->person));
  add_string (b, "code", gad_person_get_code (i->person));
  add_string (b, "first_name", gad_person_get_first_name (i->person));
  add_string (b, "last_name", gad_person_get_last_name (i->person));
  add_string (b, "address", gad_person_get_address (i->person));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "application");
  json_builder_begin_object (b);
  add_int (b, "id", i->request->id);
  add_string (b, "type", i->request->type_code);
  add_string (b, "received_on", i->request->received_on);
  add_string (b, "incoming_no", i->request->incoming_no);
  json_builder_end_object (b);

  if (i->input)
    {
      const GadRate *rates[] = { &i->input->gmi, &i->input->needy, &i->input->low_income };
      const char *names[] = { "gmi", "needy", "low_income" };

      json_builder_set_member_name (b, "household");
      json_builder_begin_array (b);
      for (guint k = 0; k < i->input->members->len; k++)
        {
          GadAssessMember *m = g_ptr_array_index (i->input->members, k);

          json_builder_begin_object (b);
          add_int (b, "person_id", m->person_id);
          add_string (b, "name", m->name);
          add_int (b, "income_cents", m->income_cents);
          add_int (b, "child", m->child);
          add_int (b, "pensioner_or_disabled", m->pensioner_or_disabled);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      add_int (b, "housing_costs_cents", i->input->housing_costs_cents);
      json_builder_set_member_name (b, "rates");
      json_builder_begin_object (b);
      for (guint k = 0; k < G_N_ELEMENTS (rates); k++)
        {
          json_builder_set_member_name (b, names[k]);
          json_builder_begin_object (b);
          add_string (b, "valid_from", rates[k]->valid_from);
          add_int (b, "first", rates[k]->first);
          add_int (b, "other", rates[k]->other);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "assessment");
      json_builder_begin_object (b);
      add_int (b, "income_cents", i->result.income_cents);
      add_string (b, "status", gad_household_status_code (i->result.status));
      add_int (b, "gmi_benefit_cents", i->result.gmi_benefit_cents);
      add_int (b, "housing_benefit_cents", i->result.housing_benefit_cents);
      json_builder_end_object (b);
    }

  json_builder_set_member_name (b, "settings");
  json_builder_begin_object (b);
  for (guint k = 0; k < G_N_ELEMENTS (settings); k++)
    {
      g_autofree char *value = setting (i, settings[k]);

      add_string (b, settings[k], value);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
add_amount (GPtrArray  *table,
            const char *label,
            gint64      cents)
{
  g_ptr_array_add (table, g_strdup (label));
  g_ptr_array_add (table, gad_text_format_money_lv (cents));
}

/* What is decided, in the template's language. */
static char *
decision_text (Issue   *i,
               gboolean lv)
{
  const GadDecisionDraft *d = i->draft;
  g_autofree char *from = gad_text_format_date (d->period_from);
  g_autofree char *to = gad_text_format_date (d->period_to);
  g_autofree char *amount = gad_text_format_money_lv (d->amount_cents);
  GString *text = g_string_new (NULL);

  if (g_str_equal (d->outcome, "refuse"))
    g_string_append_printf (text, lv ? "Atteikt piešķirt: %s." : "Refuse to grant: %s.",
                            i->type_name);
  else
    {
      g_string_append (text, g_str_equal (d->outcome, "partial")
                               ? (lv ? "Daļēji piešķirt: " : "Partly grant: ")
                               : (lv ? "Piešķirt: " : "Grant: "));
      g_string_append (text, i->type_name);
      if (d->amount_cents > 0)
        g_string_append_printf (text, lv ? ", %s mēnesī," : ", %s a month,", amount);
      if (d->period_to && *d->period_to)
        g_string_append_printf (text, lv ? " laikposmā no %s līdz %s." : " from %s to %s.", from,
                                to);
      else
        g_string_append_printf (text, lv ? " no %s līdz turpmākam lēmumam."
                                         : " from %s until a further decision.", from);
    }
  if (d->status_granted)
    g_string_append_printf (text, lv ? "\nAtzīt mājsaimniecību par %s laikposmā no %s līdz %s."
                                     : "\nRecognise the household as %s from %s to %s.",
                            g_str_equal (d->status_granted, "needy")
                              ? (lv ? "trūcīgu" : "needy") : (lv ? "maznodrošinātu" : "low-income"),
                            from, to);
  if (d->duties && d->duties->len > 0)
    g_string_append (text, lv ? "\nNoteikt līdzdarbības pienākumus, kas norādīti šī lēmuma "
                                "pielikumā."
                              : "\nSet the co-operation duties listed in the annex to this "
                                "decision.");
  if (d->supersedes_id > 0)
    {
      g_autoptr(GadDecision) old = gad_store_get_decision (i->store, d->supersedes_id, NULL);
      g_autofree char *old_date = old ? gad_text_format_date (old->issued_on) : NULL;

      if (old)
        g_string_append_printf (text, lv ? "\nŠis lēmums aizstāj %s lēmumu Nr. %s."
                                         : "\nThis decision replaces decision No. %s of %s.",
                                lv ? old_date : old->number, lv ? old->number : old_date);
    }
  return g_string_free (text, FALSE);
}

static const char *
subject (Issue   *i,
         gboolean lv)
{
  gboolean refuse = g_str_equal (i->draft->outcome, "refuse");

  if (i->is_service)
    return refuse ? (lv ? "Par atteikumu piešķirt sociālo pakalpojumu"
                        : "On refusing a social service")
                  : (lv ? "Par sociālā pakalpojuma piešķiršanu" : "On granting a social service");
  return refuse ? (lv ? "Par atteikumu piešķirt sociālās palīdzības pabalstu"
                      : "On refusing a social assistance benefit")
                : (lv ? "Par sociālās palīdzības pabalsta piešķiršanu"
                      : "On granting a social assistance benefit");
}

/* The decision's own fields, besides those every document has. */
static GadFields *
build_fields (Issue              *i,
              const GadTemplate  *template,
              GError            **error)
{
  const GadDecisionDraft *d = i->draft;
  gboolean lv = g_strcmp0 (gad_template_language (template), "en") != 0;
  gboolean refuse = g_str_equal (d->outcome, "refuse");
  g_autofree char *appeal_body = setting (i, "appeal_body");
  g_autofree char *appeal_address = setting (i, "appeal_address");
  g_autoptr(GadFields) f = NULL;

  if (*appeal_body == '\0' || *appeal_address == '\0')
    {
      g_set_error (error, GAD_DECISION_ERROR, GAD_DECISION_ERROR_SETTINGS,
                   _("The appeal clause is not set: enter to whom and where decisions are "
                     "contested in Preferences → Municipality."));
      return NULL;
    }
  f = gad_document_fields_new (i->store, i->person, i->issued_on, i->number);
  gad_fields_take (f, "appeal.body", g_steal_pointer (&appeal_body));
  gad_fields_take (f, "appeal.address", g_steal_pointer (&appeal_address));
  gad_fields_set_date (f, "application.received_on", i->request->received_on);
  gad_fields_set (f, "application.number", i->request->incoming_no);
  gad_fields_set (f, "application.type", i->type_name);
  gad_fields_set (f, "decision.subject", subject (i, lv));
  gad_fields_set (f, "decision.facts", d->facts);
  gad_fields_set (f, "decision.legal_basis", d->legal_basis);
  gad_fields_set (f, "decision.reasoning_heading",
                  refuse ? (lv ? "Atteikuma iemesli" : "Reasons for refusal")
                         : (lv ? "Lēmuma pamatojums" : "Reasoning"));
  gad_fields_set (f, "decision.reasoning", d->reasoning);
  gad_fields_take (f, "decision.text", decision_text (i, lv));
  if (d->drafter && *d->drafter)
    gad_fields_set (f, "staff.name", d->drafter);

  /* The calculation belongs to the benefits the national formulas set. */
  if (i->input && (g_str_equal (i->request->type_code, "gmi")
                   || g_str_equal (i->request->type_code, "housing")))
    {
      GPtrArray *t = gad_fields_table (f, "decision.calculation");

      add_amount (t, lv ? "Mājsaimniecības ienākumi mēnesī" : "Household income a month",
                  i->result.income_cents);
      add_amount (t, lv ? "Trūcīgas mājsaimniecības ienākumu slieksnis"
                        : "Needy household income threshold", i->result.needy_threshold_cents);
      add_amount (t, lv ? "Maznodrošinātas mājsaimniecības ienākumu slieksnis"
                        : "Low-income household income threshold",
                  i->result.low_income_threshold_cents);
      add_amount (t, lv ? "Garantētais minimālais ienākumu līmenis"
                        : "Guaranteed minimum income level", i->result.gmi_level_cents);
      add_amount (t, lv ? "GMI pabalsts (aprēķināts)" : "GMI benefit (computed)",
                  i->result.gmi_benefit_cents);
      add_amount (t, lv ? "Mājokļa izdevumi mēnesī" : "Housing costs a month",
                  i->result.housing_costs_cents);
      add_amount (t, lv ? "Mājokļa pabalsts (aprēķināts)" : "Housing benefit (computed)",
                  i->result.housing_benefit_cents);
    }
  if (d->duties && d->duties->len > 0)
    {
      GString *annex = g_string_new (lv ? "Pielikums. Līdzdarbības pienākumi:"
                                        : "Annex. Co-operation duties:");
      for (guint k = 0; k < d->duties->len; k++)
        {
          GadDuty *duty = g_ptr_array_index (d->duties, k);
          g_autofree char *due = gad_text_format_date (duty->due_on);
          g_string_append_printf (annex, lv ? "\n%u. %s — līdz %s." : "\n%u. %s — by %s.", k + 1,
                                  duty->text, due);
        }
      gad_fields_take (f, "decision.annex", g_string_free (annex, FALSE));
    }
  return g_steal_pointer (&f);
}

/* The months a draft pays, from the first (its first day in @first): every
 * month its period touches; @open_ended_months from the start for a grant
 * without an end date; once, in the month of @issued_on, for a grant without
 * a period; none for a refusal. */
static guint
payment_months (const GadDecisionDraft *draft,
                guint                   open_ended_months,
                const char             *issued_on,
                GDate                  *first)
{
  GDate to;
  guint months = 0;

  g_date_clear (first, 1);
  if (draft->outcome == NULL || g_str_equal (draft->outcome, "refuse") || draft->amount_cents <= 0)
    return 0;
  if (!gad_text_parse_date (draft->period_from, first))
    {
      if (issued_on == NULL || !gad_text_parse_date (issued_on, first))
        g_date_set_time_t (first, time (NULL));
      g_date_set_day (first, 1);
      return 1;
    }
  g_date_set_day (first, 1);
  if (!gad_text_parse_date (draft->period_to, &to))
    return MAX (open_ended_months, 1);
  for (GDate m = *first; g_date_compare (&m, &to) <= 0; g_date_add_months (&m, 1))
    months++;
  return months;
}

static guint
open_ended_months (GadStore *store)
{
  g_autofree char *value = gad_store_get_setting (store, "open_ended_months");
  gint64 months = value ? g_ascii_strtoll (value, NULL, 10) : 0;

  return months > 0 && months <= 120 ? (guint) months : 12;
}

/**
 * gad_decision_total_cents:
 * @open_ended_months: how many months a grant without an end date counts
 *   (the policy setting "open_ended_months")
 *
 * What a draft grants in all: its monthly amount for every month its period
 * touches (as the payments are written), @open_ended_months of it without an
 * end date, or the amount once without a period; nothing for a refusal.
 */
gint64
gad_decision_total_cents (const GadDecisionDraft *draft,
                          guint                   open_ended_months)
{
  GDate first;

  return draft->amount_cents * payment_months (draft, open_ended_months, NULL, &first);
}

/**
 * gad_decision_application_total:
 *
 * What the application @draft decides on grants in all once @draft is
 * issued: the draft's total and what the decisions already issued on it pay,
 * less the decision @draft supersedes. Four eyes look at this sum, so that
 * splitting a grant into several decisions does not pass under the threshold.
 */
gint64
gad_decision_application_total (GadStore               *store,
                                const GadDecisionDraft *draft)
{
  return gad_decision_total_cents (draft, open_ended_months (store))
         + gad_store_application_paid (store, draft->request_id, draft->supersedes_id);
}

/**
 * gad_decision_issue:
 *
 * Returns: the new decision's id, or 0 with @error set and nothing written
 */
static gint64
issue (GadStore                *store,
       const GadDecisionDraft  *draft,
       GError                 **error)
{
  g_auto(Issue) i = { store, draft };
  g_autoptr(GadTemplate) template = NULL;
  g_autoptr(GadFields) fields = NULL;
  g_autoptr(GadLetter) letter = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *json = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(GError) rates_error = NULL;
  GadDecision record = { 0 };
  GDate issued;
  int seq;
  gint64 id;

  g_return_val_if_fail (GAD_IS_STORE (store), 0);

  if (!check_draft (draft, error))
    return 0;
  i.issued_on = draft->issued_on ? g_strdup (draft->issued_on) : gad_text_today_iso ();
  if (!gad_text_parse_date (i.issued_on, &issued))
    {
      invalid (error, _("The decision date is not a real date."));
      return 0;
    }
  if ((i.request = gad_store_get_request (store, draft->request_id, error)) == NULL
      || (i.person = gad_store_get_person (store, i.request->person_id, error)) == NULL
      || !gad_store_require (store, GAD_RIGHT_WRITE_CLIENT, i.request->person_id, error))
    return 0;
  i.type_name = gad_store_type_name (store, i.request->type_code);
  {
    g_autoptr(GPtrArray) types = gad_store_list_types (store);
    for (guint k = 0; k < types->len; k++)
      {
        GadTypeEntry *t = g_ptr_array_index (types, k);
        if (g_str_equal (t->code, i.request->type_code))
          i.is_service = t->is_service;
      }
  }
  if (draft->supersedes_id > 0)
    {
      g_autoptr(GadDecision) old = gad_store_get_decision (store, draft->supersedes_id, error);
      if (old == NULL)
        return 0;
      if (old->person_id != i.request->person_id)
        {
          invalid (error, _("A decision can only supersede a decision on the same person."));
          return 0;
        }
    }

  /* Before 2021 no rates are stored: such decisions carry no calculation. */
  i.input = gad_store_load_assessment (store, i.request->person_id, draft->request_id,
                                       i.request->received_on, &rates_error);
  if (i.input)
    gad_assess (i.input, &i.result);
  else if (!g_error_matches (rates_error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&rates_error));
      return 0;
    }

  /* Four eyes where the money is. */
  if (!gad_store_check_approval (store, draft->request_id,
                                 gad_decision_application_total (store, draft), error))
    return 0;

  if (!gad_store_begin (store, error))
    return 0;
  if (!gad_store_next_decision_number (store, g_date_get_year (&issued), &seq, error))
    goto fail;
  pattern = gad_store_get_setting (store, "number_pattern");
  i.number = gad_decision_format_number (*pattern ? pattern : "{year}/{seq:6}",
                                         g_date_get_year (&issued), seq);

  if ((template = gad_store_get_template (store, GAD_DOCUMENT_DECISION, -1, error)) == NULL
      || (fields = build_fields (&i, template, error)) == NULL
      || (letter = gad_template_fill (template, fields, error)) == NULL
      || (pdf = gad_letter_render (letter, NULL, error)) == NULL)
    goto fail;
  json = snapshot (&i);

  record.application_id = draft->request_id;
  record.person_id = i.request->person_id;
  record.number = i.number;
  record.issued_on = i.issued_on;
  record.outcome = (char *) draft->outcome;
  record.type_code = i.request->type_code;
  record.amount_cents = g_str_equal (draft->outcome, "refuse") ? 0 : draft->amount_cents;
  record.period_from = (char *) draft->period_from;
  record.period_to = draft->period_to && *draft->period_to ? (char *) draft->period_to : NULL;
  record.status_granted = (char *) draft->status_granted;
  record.facts = (char *) draft->facts;
  record.legal_basis = (char *) draft->legal_basis;
  record.reasoning = (char *) draft->reasoning;
  record.decision_text = g_hash_table_lookup (fields->texts, "decision.text");
  record.template_version = gad_template_version (template);
  record.drafter = (char *) draft->drafter;
  record.supersedes_id = draft->supersedes_id;

  id = gad_store_insert_decision (store, &record, g_date_get_year (&issued), seq, json, pdf,
                                  error);
  if (id == 0)
    goto fail;
  record.id = id;
  if (!i.is_service)
    {
      GDate first;
      guint months = payment_months (draft, open_ended_months (store), i.issued_on, &first);

      if (!gad_store_add_payments (store, &record, &first, months,
                                   draft->funding ? draft->funding : "municipal", error))
        goto fail;
    }
  for (guint k = 0; draft->duties && k < draft->duties->len; k++)
    {
      GadDuty duty = *(GadDuty *) g_ptr_array_index (draft->duties, k);

      duty.decision_id = id;
      duty.person_id = i.request->person_id;
      if (gad_store_add_duty (store, &duty, error) == 0)
        goto fail;
    }
  if (!gad_store_commit (store, error))
    return 0;
  return id;

fail:
  gad_store_rollback (store);
  return 0;
}

gint64
gad_decision_issue (GadStore                *store,
                    const GadDecisionDraft  *draft,
                    GError                 **error)
{
  gint64 id;

  GAD_STORE_RETRYING (store, error, id, issue (store, draft, error));
  return id;
}
