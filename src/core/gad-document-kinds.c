/* gad-document-kinds.c — what each kind of document is filled with
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gad-document-private.h"
#include "gad-personal-code.h"
#include "gad-text.h"

/* The household a status was granted to: its members as the decision
 * assessed them, or, where it kept none, the household now. */
static gboolean
add_members (GadStore        *store,
             GadFields       *f,
             GadStatusGrant  *status,
             gint64           person_id,
             GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *table = gad_fields_table (f, "household.members");
  JsonObject *root;

  if (status->snapshot && json_parser_load_from_data (parser, status->snapshot, -1, NULL)
      && json_parser_get_root (parser) != NULL
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
      && json_object_has_member (root = json_node_get_object (json_parser_get_root (parser)),
                                 "household"))
    {
      JsonArray *members = json_object_get_array_member (root, "household");

      for (guint i = 0; members && i < json_array_get_length (members); i++)
        {
          gint64 id = json_object_get_int_member (json_array_get_object_element (members, i),
                                                  "person_id");
          g_array_append_val (ids, id);
        }
    }
  if (ids->len == 0)
    {
      g_autoptr(GPtrArray) rows = gad_store_list_household (store, person_id, error);

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          GadMember *m = g_ptr_array_index (rows, i);

          if (m->household_id == ((GadMember *) g_ptr_array_index (rows, 0))->household_id
              && m->to_date == NULL)
            g_array_append_val (ids, m->person_id);
        }
      if (ids->len == 0)
        g_array_append_val (ids, person_id);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GadPerson) p = gad_store_get_person (store, g_array_index (ids, gint64, i), error);

      if (p == NULL)
        return FALSE;
      g_ptr_array_add (table, g_strdup_printf ("%s %s", gad_person_get_first_name (p),
                                               gad_person_get_last_name (p)));
      g_ptr_array_add (table, gad_personal_code_format (gad_person_get_code (p)));
    }
  gad_fields_take (f, "household.size", g_strdup_printf ("%u", ids->len));
  return TRUE;
}

/* A certificate's: the status it states, refused when it has lapsed. */
static gboolean
certificate_fields (GadStore                *store,
                    const GadDocumentDraft  *draft,
                    const char              *issued_on,
                    gboolean                 lv,
                    GadFields               *f,
                    GadIssuedDocument       *record,
                    GError                 **error)
{
  g_autoptr(GadStatusGrant) status = gad_store_household_status (store, draft->person_id,
                                                                 issued_on, error);
  gboolean needy;

  if (status == NULL)
    return FALSE;
  needy = g_str_equal (status->status, "needy");
  if (g_strcmp0 (status->period_from, issued_on) > 0)
    {
      g_autofree char *starts = gad_text_format_date (status->period_from);

      g_set_error (error, GAD_DOCUMENT_ERROR, GAD_DOCUMENT_ERROR_LAPSED,
                   needy ? _("The household’s needy status starts on %s: its certificate can "
                             "be issued from that day.")
                         : _("The household’s low-income status starts on %s: its certificate "
                             "can be issued from that day."),
                   starts);
      return FALSE;
    }
  if (g_strcmp0 (status->period_to, issued_on) < 0)
    {
      g_autofree char *ended = gad_text_format_date (status->period_to);

      g_set_error (error, GAD_DOCUMENT_ERROR, GAD_DOCUMENT_ERROR_LAPSED,
                   needy ? _("The household’s needy status ended on %s: no certificate can be "
                             "issued until a new decision grants it again.")
                         : _("The household’s low-income status ended on %s: no certificate "
                             "can be issued until a new decision grants it again."),
                   ended);
      return FALSE;
    }
  gad_fields_set (f, "status.name", needy ? (lv ? "trūcīgas" : "needy")
                                          : (lv ? "maznodrošinātas" : "low-income"));
  gad_fields_set_date (f, "status.valid_from", status->period_from);
  gad_fields_set_date (f, "status.valid_to", status->period_to);
  gad_fields_set (f, "status.decision_number", status->number);
  gad_fields_set_date (f, "status.decision_date", status->issued_on);
  record->decision_id = status->decision_id;
  return add_members (store, f, status, draft->person_id, error);
}

/* A contract's: the service plan, its period and the co-payment. */
static gboolean
contract_fields (GadStore                *store,
                 const GadDocumentDraft  *draft,
                 gboolean                 lv,
                 GadFields               *f,
                 GadIssuedDocument       *record,
                 GError                 **error)
{
  g_autoptr(GPtrArray) plans = gad_store_list_service_plans (store, draft->person_id, error);
  g_autoptr(GadStatusGrant) status = NULL;
  g_autofree char *service = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GadServicePlan *plan = NULL;
  GadRate rate = { 0 };

  for (guint i = 0; plans && i < plans->len; i++)
    if (((GadServicePlan *) g_ptr_array_index (plans, i))->id == draft->plan_id)
      plan = g_ptr_array_index (plans, i);
  if (plans == NULL)
    return FALSE;
  if (plan == NULL)
    {
      g_set_error_literal (error, GAD_DOCUMENT_ERROR, GAD_DOCUMENT_ERROR_INVALID,
                           _("Choose one of the client’s service plans for the contract."));
      return FALSE;
    }
  service = gad_store_type_name (store, plan->service_code);
  from = gad_text_format_date (plan->period_from);
  to = plan->period_to ? gad_text_format_date (plan->period_to) : NULL;
  gad_fields_set (f, "plan.service", service);
  gad_fields_take (f, "plan.period",
                   to ? g_strdup_printf (lv ? "no %s līdz %s" : "from %s to %s", from, to)
                      : g_strdup_printf (lv ? "no %s uz nenoteiktu laiku"
                                            : "from %s until further notice", from));
  gad_fields_set (f, "plan.provider", plan->staff_name);

  /* Free on the days the household is needy, as the co-payments are. */
  status = gad_store_household_status (store, draft->person_id, plan->period_from, NULL);
  if (status && (g_strcmp0 (status->period_from, plan->period_from) > 0
                 || g_strcmp0 (status->period_to, plan->period_from) < 0))
    g_clear_pointer (&status, gad_status_grant_free);
  if (status && g_str_equal (status->status, "needy"))
    gad_fields_set (f, "plan.copayment", lv ? "bez maksas: trūcīga mājsaimniecība"
                                            : "free: needy household");
  else if (g_str_equal (plan->service_code, "home-care")
           && gad_store_rate_at (store, "home-care-hour", plan->period_from, &rate, NULL))
    {
      g_autofree char *money = gad_text_format_money_lv (rate.first);

      gad_fields_take (f, "plan.copayment", g_strdup_printf (lv ? "%s par stundu" : "%s an hour",
                                                             money));
      g_free (rate.valid_from);
    }
  else
    gad_fields_set (f, "plan.copayment",
                    lv ? "saskaņā ar pašvaldības saistošajiem noteikumiem par sociālo "
                         "pakalpojumu samaksu"
                       : "as the municipality’s binding regulations on paying for social "
                         "services set");
  if (status)
    {
      gad_fields_set (f, "status.name", g_str_equal (status->status, "needy")
                                          ? (lv ? "trūcīgas" : "needy")
                                          : (lv ? "maznodrošinātas" : "low-income"));
      gad_fields_set_date (f, "status.valid_from", status->period_from);
      gad_fields_set_date (f, "status.valid_to", status->period_to);
      gad_fields_set (f, "status.decision_number", status->number);
      gad_fields_set_date (f, "status.decision_date", status->issued_on);
    }
  record->plan_id = plan->id;
  record->subject = g_strdup_printf ("%s, %s", service, gad_fields_get (f, "plan.period"));
  return TRUE;
}

/* The client's social worker: of the open case, else the one in charge. */
static void
add_worker (GadStore  *store,
            gint64     person_id,
            GadFields *f)
{
  g_autoptr(GPtrArray) cases = gad_store_list_cases (store, person_id, NULL);

  for (guint i = 0; cases && i < cases->len; i++)
    {
      GadCase *c = g_ptr_array_index (cases, i);

      if (c->closed_on == NULL && c->worker && *c->worker)
        {
          gad_fields_set (f, "case.worker", c->worker);
          return;
        }
    }
}

static gboolean
referral_fields (GadStore                *store,
                 const GadDocumentDraft  *draft,
                 GadFields               *f,
                 GadIssuedDocument       *record,
                 GError                 **error)
{
  gad_fields_set (f, "referral.to", draft->referral_to);
  gad_fields_set (f, "referral.reason", draft->referral_reason);
  add_worker (store, draft->person_id, f);
  if (draft->referral_to && *draft->referral_to)
    record->subject = g_strdup (draft->referral_to);
  return TRUE;
}

/* An agreement's: the client's duties still open, the earliest due first. */
static gboolean
agreement_fields (GadStore                *store,
                  const GadDocumentDraft  *draft,
                  GadFields               *f,
                  GError                 **error)
{
  g_autoptr(GPtrArray) duties = gad_store_list_duties (store, draft->person_id, error);
  GPtrArray *table = gad_fields_table (f, "agreement.duties");

  if (duties == NULL)
    return FALSE;
  for (guint i = 0; i < duties->len; i++)
    {
      GadDuty *d = g_ptr_array_index (duties, i);

      if (!g_str_equal (d->status, "open"))
        continue;
      g_ptr_array_add (table, g_strdup (d->text));
      g_ptr_array_add (table, gad_text_format_date (d->due_on));
    }
  add_worker (store, draft->person_id, f);
  return TRUE;
}

/* The fields of @draft's kind, besides those every document has. */
gboolean
gad_document_kind_fields (GadStore                *store,
                          const GadDocumentDraft  *draft,
                          const char              *issued_on,
                          gboolean                 lv,
                          GadFields               *f,
                          GadIssuedDocument       *record,
                          GError                 **error)
{
  switch (draft->kind)
    {
    case GAD_DOCUMENT_CERTIFICATE:
      return certificate_fields (store, draft, issued_on, lv, f, record, error);
    case GAD_DOCUMENT_CONTRACT:
      return contract_fields (store, draft, lv, f, record, error);
    case GAD_DOCUMENT_REFERRAL:
      return referral_fields (store, draft, f, record, error);
    case GAD_DOCUMENT_AGREEMENT:
      return agreement_fields (store, draft, f, error);
    case GAD_DOCUMENT_DECISION:
    case GAD_N_DOCUMENT_KINDS:
      break;
    }
  g_return_val_if_reached (FALSE);
}
