/* gad-audit-text.c — what the audit log's rows say, as people read them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client page's change history and the service's audit log show the
 * same rows: field names, stored values and actions in words.
 */
#define G_LOG_DOMAIN "gad-audit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-access.h"
#include "gad-audit-text.h"
#include "gad-catalog.h"
#include "gad-template.h"
#include "gad-text.h"

const char *
gad_audit_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "code", N_("Personal code") }, { "last_name", N_("Surname") },
    { "first_name", N_("First name") }, { "gender", N_("Gender") },
    { "birth_date", N_("Birth date") }, { "address", N_("Address") },
    { "phone", N_("Phone") }, { "territory", N_("Parish") },
    { "worker", N_("Social worker") }, { "target_groups", N_("Target groups") },
    { "opened_on", N_("Opened") }, { "closed_on", N_("Closed") },
    { "closing_reason", N_("Closing reason") }, { "notes", N_("Notes") },
    { "household", N_("Household") }, { "relation", N_("Relation") },
    { "from_date", N_("Member since") }, { "to_date", N_("Member until") },
    { "name", N_("Name") },
    { "type", N_("Applied for") }, { "received_on", N_("Received on") },
    { "incoming_no", N_("Incoming number") }, { "income_cents", N_("Household income") },
    { "housing_costs_cents", N_("Housing costs") }, { "number", N_("Number") },
    { "outcome", N_("Outcome") }, { "pdf_sha256", N_("PDF checksum (SHA-256)") },
    { "status", N_("Status") }, { "recorded_on", N_("Recorded on") },
    { "disability_group", N_("Disability group") }, { "service", N_("Service") },
    { "level", N_("Care level") }, { "client_group", N_("Client group") },
    { "period_from", N_("From") }, { "period_to", N_("Until") },
    { "staff", N_("Staff member") }, { "override_reason", N_("Reason to overrule") },
    { "kind", N_("Kind") }, { "start_date", N_("First day") },
    { "start_time", N_("Starts at") }, { "minutes", N_("Minutes") },
    { "weekdays", N_("Weekdays") }, { "until_date", N_("Last day") },
    { "title", N_("Name") }, { "note", N_("Note") }, { "date", N_("Day") },
    { "moved_date", N_("Moved to") }, { "moved_time", N_("Moved to the time") },
    { "actual_minutes", N_("Minutes spent") }, { "reason", N_("Reason") },
    { "present", N_("Present") }, { "participant", N_("Participant") },
    { "month", N_("Month") }, { "amount", N_("Amount") }, { "amount_cents", N_("Amount") },
    { "rate", N_("Rate") }, { "export", N_("Exported as") }, { "anonymised", N_("Anonymised on") },
    { "username", N_("Username") }, { "role", N_("Role") }, { "active", N_("Account open") },
    { "department", N_("Department") }, { "position", N_("Position") },
    { "password_expires_on", N_("Password ends on") },
    { "read", N_("Read") }, { "persons", N_("Persons") },
    { "file", N_("File") }, { "other", N_("The other record’s personal code") },
    { "merged", N_("Record merged in") }, { "sha256", N_("File checksum (SHA-256)") }, { "rows", N_("Rows") },
    { "name_lv", N_("Name in Latvian") }, { "name_en", N_("Name in English") },
    { "income_tested", N_("Income-tested") }, { "legal_basis", N_("Legal basis") },
    { "occurred_on", N_("Day") }, { "participants", N_("Participants") },
    { "text", N_("Text") }, { "corrects", N_("Corrects record no.") },
    { "interval_months", N_("Months between visits") }, { "questions", N_("Questions") },
    { "version", N_("Version") }, { "year", N_("Year") }, { "task", N_("Task") }, { "responses", N_("Responses") }, { "risks", N_("Risks") },
    { "next_due", N_("Next visit due") }, { "ended_on", N_("Ended on") },
    { "place", N_("Where they live") }, { "place_source", N_("Known from") },
    { "centre", N_("Centre") }, { "form", N_("Kind of group") },
    { "others", N_("Others counted") }, { "topic", N_("Topic") },
    { "others_present", N_("Others who came") },
    { "document_kind", N_("Document") }, { "subject", N_("About") },
    { "template_version", N_("Template version") }, { "language", N_("Language") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return _(labels[i].label);
  return field;
}

/* Stored values as a person reads them: dates, codes and catalogue names. */
char *
gad_audit_value (const char *field,
                 const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup ("—");
  if (g_str_has_suffix (field, "_date") || g_str_has_suffix (field, "_on")
      || g_str_equal (field, "anonymised"))
    return gad_text_format_date (value);
  if (g_str_equal (field, "role"))
    return g_strdup (gad_role_label (gad_role_from_string (value)));
  if (g_str_equal (field, "active"))
    return g_strdup (g_str_equal (value, "1") ? _("Yes") : _("No"));
  if (g_str_equal (field, "target_groups"))
    return gad_catalog_names (GAD_CATALOG_TARGET_GROUP, value);
  if (g_str_equal (field, "form"))
    return g_strdup (gad_catalog_name (GAD_CATALOG_GROUP_FORM, value));
  if (g_str_equal (field, "document_kind"))
    {
      GadDocumentKind kind;

      return g_strdup (gad_document_kind_parse (value, &kind) ? gad_document_kind_name (kind)
                                                              : value);
    }
  if (g_str_equal (field, "relation"))
    return g_strdup (gad_catalog_name (GAD_CATALOG_RELATION, value));
  if (g_str_equal (field, "closing_reason"))
    return g_strdup (gad_catalog_name (GAD_CATALOG_CLOSING_REASON, value));
  if (g_str_has_suffix (field, "_cents"))
    return gad_text_format_money (g_ascii_strtoll (value, NULL, 10));
  if (g_str_equal (field, "gender"))
    return g_strdup (g_str_equal (value, "M") ? _("Male") : _("Female"));
  if (g_str_equal (field, "place_source"))
    return g_strdup (g_str_equal (value, "typed") ? _("typed in")
                     : g_str_equal (value, "imported") ? _("the address register")
                                                       : _("the parish centre, estimated"));
  return g_strdup (value);
}

const char *
gad_audit_describe (const GadAuditEntry *e)
{
  static const struct { const char *entity; const char *action; const char *text; } texts[] = {
    { "person", "create", N_("Client registered") },
    { "person", "update", N_("Details changed") },
    { "person", "code-change", N_("Personal code changed") },
    { "person", "open", N_("Client file opened") },
    { "person", "export", N_("Data exported for the client") },
    { "person", "read", N_("Client data read out") },
    { "registry", "read", N_("Several clients’ data read out") },
    { "person", "anonymise", N_("Anonymised") },
    { "case", "create", N_("Case opened") },
    { "remote", "create", N_("Put on the register of remote farmsteads") },
    { "remote", "visit", N_("Visit to a remote farmstead recorded") },
    { "remote", "end", N_("Taken off the register of remote farmsteads") },
    { "case", "update", N_("Case changed") },
    { "case", "close", N_("Case closed") },
    { "membership", "create", N_("Joined a household") },
    { "membership", "close", N_("Left a household") },
    { "household", "create", N_("Household created") },
    { "application", "create", N_("Application registered") },
    { "application", "assess", N_("Incomes and housing costs entered") },
    { "decision", "issue", N_("Decision issued") },
    { "issued_document", "issue", N_("Document issued") },
    { "template", "update", N_("Document template saved as a new version") },
    { "duty", "record", N_("Co-operation duty recorded") },
    { "service-plan", "create", N_("Service added") },
    { "service-plan", "update", N_("Service changed") },
    { "schedule-entry", "create", N_("Visit or appointment planned") },
    { "schedule-entry", "update", N_("Visit or appointment changed") },
    { "schedule-occurrence", "move", N_("Visit moved") },
    { "schedule-occurrence", "cancel", N_("Visit cancelled") },
    { "schedule-occurrence", "done", N_("Visit done") },
    { "schedule-occurrence", "missed", N_("Visit missed") },
    { "group", "join", N_("Joined a group") },
    { "group", "attendance", N_("Group attendance marked") },
    { "group", "update", N_("Group’s kind and others counted saved") },
    { "group", "session", N_("Group session planned") },
    { "client-payment", "create", N_("Co-payment charged") },
    { "client-payment", "update", N_("Co-payment recalculated") },
    { "setting", "update", N_("Setting changed") },
    { "rate", "update", N_("Rate changed") },
    { "budget", "update", N_("Budget changed") },
    { "expenditure", "update", N_("Spending recorded") },
    { "staff", "create", N_("Staff member added") },
    { "staff", "account", N_("Account changed") },
    { "staff", "password", N_("Password changed") },
    { "staff", "sign-in", N_("Signed in") },
    { "approval", "request", N_("Approval asked for") },
    { "approval", "approve", N_("Decision approved") },
    { "approval", "reject", N_("Approval refused") },
    { "territory", "create", N_("Parish added") },
    { "territory", "update", N_("Parish centre set") },
    { "places", "import", N_("Places imported from the address register") },
    { "strategy-task", "create", N_("Task added to the strategy’s action plan") },
    { "strategy-task", "update", N_("Strategy task and its progress recorded") },
    { "survey", "create", N_("Survey drawn up") },
    { "survey", "update", N_("Survey changed") },
    { "survey", "response", N_("Survey questionnaire typed in") },
    { "survey", "import", N_("Survey responses imported") },
    { "department", "create", N_("Department added") },
    { "case", "reopen", N_("Case reopened") },
    { "case-record", "create", N_("Case record written") },
    { "case-record", "update", N_("Case record corrected") },
    { "case-plan", "create", N_("Assessment and plan drawn up") },
    { "case-plan", "update", N_("Plan revised") },
    { "plan-task", "record", N_("Plan task recorded") },
    { "document", "create", N_("Document added to the case") },
    { "document", "open", N_("Document opened") },
    { "benefit-type", "create", N_("Benefit type added to the catalogue") },
    { "service-type", "create", N_("Service type added to the catalogue") },
    { "import", "import", N_("File imported") },
    { "person", "not-duplicate", N_("Found to be another person than a look-alike record") },
    { "person", "merge", N_("Another record of the person merged in") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_str_equal (texts[i].entity, e->entity) && g_str_equal (texts[i].action, e->action))
      return _(texts[i].text);
  return e->action;
}

