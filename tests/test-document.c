/* test-document.c — certificates and the decision letter from editable
 * templates: requisites, the register, lapsed status, versions, bad templates
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "gad-audit-text.h"
#include "gad-decision.h"
#include "gad-document.h"
#include "gad-test-util.h"

#define assert_has(text, part) \
  G_STMT_START { \
    if (strstr ((text), (part)) == NULL) \
      g_error ("“%s” is not in: %s", (part), (text)); \
  } G_STMT_END

typedef struct
{
  char *path;
  GadStore *worker;
  gint64 mother;
  gint64 child;
  gint64 decision;
} Family;

static void
family_clear (Family *f)
{
  g_clear_object (&f->worker);
  g_free (f->path);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Family, family_clear)

/* A needy status for @person's household from @from to @to. */
static gint64
needy (GadStore   *store,
       gint64      person,
       const char *received,
       const char *from,
       const char *to,
       const char *issued)
{
  g_autoptr(GError) error = NULL;
  GadRequest r = { 0 };
  GadDecisionDraft d = { 0 };
  gint64 id;

  r.person_id = person;
  r.type_code = (char *) "gmi";
  r.received_on = (char *) received;
  r.incoming_no = (char *) "IN-412";
  d.request_id = gad_store_insert_request (store, &r, &error);
  g_assert_no_error (error);
  d.outcome = "grant";
  d.amount_cents = 7400;
  d.period_from = from;
  d.period_to = to;
  d.status_granted = "needy";
  d.facts = "Mājsaimniecībā ir divi locekļi.";
  d.legal_basis = "Sociālo pakalpojumu un sociālās palīdzības likuma 33. pants";
  d.reasoning = "Ienākumi zem trūcīgas mājsaimniecības sliekšņa.";
  d.issued_on = issued;
  id = gad_decision_issue (store, &d, &error);
  g_assert_no_error (error);
  return id;
}

/* A mother and her son, needy from 1 December 2026 to 31 May 2027 by a
 * decision of 27 November, kept by the social worker. */
static void
family_new (Family *f)
{
  g_autoptr(GError) error = NULL;

  f->worker = gad_test_store_as (GAD_ROLE_SOCIAL_WORKER, &f->path);
  f->mother = gad_test_person (f->worker, "010100-23666", "Kalniņa", "Laura");
  f->child = gad_test_person (f->worker, "328673-00679", "Kalniņš", "Markuss");
  g_assert_cmpint (gad_store_place_in_household (f->worker, f->child, f->mother, "child",
                                                 "2024-01-01", NULL, 0, &error), >, 0);
  f->decision = needy (f->worker, f->mother, "2026-11-20", "2026-12-01", "2027-05-31",
                       "2026-11-27");
}

static gint64
certificate (GadStore   *store,
             gint64      person,
             const char *date,
             GError    **error)
{
  GadDocumentDraft draft = { GAD_DOCUMENT_CERTIFICATE, person };

  draft.issued_on = date;
  return gad_document_issue (store, &draft, error);
}

static char *
document_text (GadStore *store,
               gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = gad_store_get_issued_pdf (store, id, &error);

  g_assert_no_error (error);
  return gad_test_pdf_text (pdf);
}

static void
test_certificate (void)
{
  g_auto(Family) f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GadIssuedDocument) doc = NULL;
  g_autoptr(GadDecision) decision = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *audit = NULL;
  gint64 id, second;

  family_new (&f);
  id = certificate (f.worker, f.child, "2026-12-04", &error);
  g_assert_no_error (error);
  doc = gad_store_get_issued (f.worker, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->kind, ==, "certificate");
  g_assert_cmpstr (doc->number, ==, "2026/IZ-000001");
  g_assert_cmpint (doc->decision_id, ==, f.decision);
  g_assert_cmpint (doc->template_version, ==, 0);
  g_assert_cmpstr (doc->subject, ==, "Par atbilstību trūcīgas mājsaimniecības statusam");

  /* Every requisite, the status, its period, the decision and both members. */
  text = document_text (f.worker, id);
  decision = gad_store_get_decision (f.worker, f.decision, &error);
  assert_has (text, "Ierobežotas pieejamības informācija");
  assert_has (text, "Bauskas novada Sociālais dienests");
  assert_has (text, "Reģ. Nr. 90009999999");
  assert_has (text, "IZZIŅA");
  assert_has (text, "04.12.2026. Nr. 2026/IZ-000001");
  assert_has (text, "Izsniegta: Markuss Kalniņš, personas kods 328673-00679.");
  assert_has (text, "atbilst trūcīgas mājsaimniecības statusam laikposmā no 01.12.2026 līdz "
                    "31.05.2027");
  assert_has (text, decision->number);
  assert_has (text, "27.11.2026");
  assert_has (text, "Laura Kalniņa 010100-23666");
  assert_has (text, "Markuss Kalniņš 328673-00679");
  assert_has (text, "Izziņa ir derīga līdz 31.05.2027.");
  assert_has (text, "I. Kalniņa");
  /* No address: the optional stretch is left out, not an empty label. */
  g_assert_null (strstr (text, "dzīvesvieta"));

  /* Reprinted byte for byte, its checksum the stored one. */
  first = gad_store_get_issued_pdf (f.worker, id, &error);
  again = gad_store_get_issued_pdf (f.worker, id, &error);
  g_assert_true (g_bytes_equal (first, again));
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, first);
  g_assert_cmpstr (sha, ==, doc->pdf_sha256);

  /* The register goes on; the mother's certificate states the same status. */
  second = certificate (f.worker, f.mother, "2026-12-04", &error);
  g_assert_no_error (error);
  {
    g_autoptr(GadIssuedDocument) d2 = gad_store_get_issued (f.worker, second, &error);
    g_autoptr(GPtrArray) history = gad_store_list_issued (f.worker, f.mother, &error);

    g_assert_cmpstr (d2->number, ==, "2026/IZ-000002");
    g_assert_cmpint (history->len, ==, 1);
    g_assert_cmpint (((GadIssuedDocument *) g_ptr_array_index (history, 0))->id, ==, second);
  }
  /* The client's own copy of their data names it. */
  {
    g_autofree char *json = NULL;
    g_autoptr(GBytes) copy = NULL;

    g_assert_true (gad_store_export_person (f.worker, f.child, &json, &copy, &error));
    g_assert_no_error (error);
    assert_has (json, "2026/IZ-000001");
    assert_has (json, doc->pdf_sha256);
  }
  /* Issued is issued. */
  g_assert_cmpint (gad_test_sql (f.path, "UPDATE issued_documents SET subject = 'x'"), !=,
                   GAD_DB_OK);
  g_assert_cmpint (gad_test_sql (f.path, "DELETE FROM issued_documents"), !=, GAD_DB_OK);
  audit = gad_test_sql_text (f.path, "SELECT count (*) FROM audit_log WHERE entity ="
                                     " 'issued_document' AND action = 'issue'");
  g_assert_cmpstr (audit, ==, "2");
  /* … which the auditor reads in words. */
  {
    g_autoptr(GadStore) auditor = gad_test_open_as (f.path, GAD_ROLE_AUDITOR);
    g_autoptr(GPtrArray) log = gad_store_query_audit (auditor, 0, NULL, NULL, NULL, 0, &error);
    guint said = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < log->len; i++)
      {
        GadAuditEntry *e = g_ptr_array_index (log, i);
        GadAuditChange *kind;
        g_autofree char *value = NULL;

        if (!g_str_equal (e->entity, "issued_document"))
          continue;
        kind = g_ptr_array_index (e->changes, 0);
        value = gad_audit_value (kind->field, kind->new_value);
        g_assert_cmpstr (gad_audit_describe (e), ==, "Document issued");
        g_assert_cmpstr (gad_audit_field_label (kind->field), ==, "Document");
        g_assert_cmpstr (value, ==, "Status certificate");
        said++;
      }
    g_assert_cmpuint (said, ==, 2);
  }
}

static void
test_lapsed (void)
{
  g_auto(Family) f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GadStore) stranger = NULL;
  gint64 nobody;

  family_new (&f);
  /* The status ended on 31 May 2027: a day later no certificate. */
  g_assert_cmpint (certificate (f.worker, f.child, "2027-06-01", &error), ==, 0);
  g_assert_error (error, GAD_DOCUMENT_ERROR, GAD_DOCUMENT_ERROR_LAPSED);
  assert_has (error->message, "31.05.2027");
  g_clear_error (&error);
  count = gad_test_sql_text (f.path, "SELECT count (*) FROM issued_documents");
  g_assert_cmpstr (count, ==, "0");
  /* No number was used up. */
  g_assert_cmpint (certificate (f.worker, f.child, "2027-05-31", &error), >, 0);
  g_free (count);
  count = gad_test_sql_text (f.path, "SELECT number FROM issued_documents");
  g_assert_cmpstr (count, ==, "2027/IZ-000001");

  /* Nor before it begins. */
  g_assert_cmpint (certificate (f.worker, f.child, "2026-11-28", &error), ==, 0);
  g_assert_error (error, GAD_DOCUMENT_ERROR, GAD_DOCUMENT_ERROR_LAPSED);
  assert_has (error->message, "starts on 01.12.2026");
  g_clear_error (&error);

  /* A household that never had a status. */
  nobody = gad_test_person (f.worker, "161175-19997", "Bērziņš", "Jānis");
  g_assert_cmpint (certificate (f.worker, nobody, "2026-12-04", &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A clerk, an administrator, a head (who reads), an auditor issue none. */
  for (GadRole role = GAD_ROLE_ADMINISTRATOR; role <= GAD_ROLE_AUDITOR; role++)
    {
      if (role == GAD_ROLE_SOCIAL_WORKER)
        continue;
      stranger = gad_test_open_as (f.path, role);
      g_assert_cmpint (certificate (stranger, f.child, "2026-12-04", &error), ==, 0);
      g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
      g_clear_error (&error);
      g_clear_object (&stranger);
    }
}

/* The template in use, its text replaced (the first time, or @all). */
static GadTemplate *
edited_all (GadStore        *store,
            GadDocumentKind  kind,
            const char      *from,
            const char      *to,
            gboolean         all,
            GError         **error)
{
  g_autoptr(GadTemplate) now = gad_store_get_template (store, kind, -1, error);
  g_autoptr(GString) json = NULL;

  g_assert_nonnull (now);
  json = g_string_new (gad_template_json (now));
  g_assert_cmpuint (g_string_replace (json, from, to, all ? 0 : 1), >=, 1);
  return gad_template_parse (json->str, error);
}

static GadTemplate *
edited (GadStore        *store,
        GadDocumentKind  kind,
        const char      *from,
        const char      *to,
        GError         **error)
{
  return edited_all (store, kind, from, to, FALSE, error);
}

static void
test_template_versions (void)
{
  g_auto(Family) f = { 0 };
  g_autoptr(GadStore) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadTemplate) better = NULL;
  g_autoptr(GadTemplate) now = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *audit = NULL;
  gint64 old_id, new_id;

  family_new (&f);
  old_id = certificate (f.worker, f.child, "2026-12-04", &error);
  g_assert_no_error (error);
  before = gad_store_get_issued_pdf (f.worker, old_id, &error);

  /* The lawyer's sentence: the administrator's to save, no one else's. */
  better = edited (f.worker, GAD_DOCUMENT_CERTIFICATE, "Izziņa ir derīga līdz",
                   "Šī izziņa ir spēkā līdz", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gad_store_save_template (f.worker, better, &error), ==, 0);
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  admin = gad_test_open_as (f.path, GAD_ROLE_ADMINISTRATOR);
  g_assert_cmpint (gad_store_save_template (admin, better, &error), ==, 1);
  g_assert_no_error (error);

  new_id = certificate (f.worker, f.child, "2026-12-04", &error);
  g_assert_no_error (error);
  text = document_text (f.worker, new_id);
  assert_has (text, "Šī izziņa ir spēkā līdz 31.05.2027.");
  {
    g_autoptr(GadIssuedDocument) d = gad_store_get_issued (f.worker, new_id, &error);
    g_autoptr(GadIssuedDocument) old = gad_store_get_issued (f.worker, old_id, &error);

    g_assert_cmpint (d->template_version, ==, 1);
    g_assert_cmpint (old->template_version, ==, 0);
  }
  /* The one issued before is as it was, byte for byte. */
  after = gad_store_get_issued_pdf (f.worker, old_id, &error);
  g_assert_true (g_bytes_equal (before, after));
  g_free (text);
  text = document_text (f.worker, old_id);
  assert_has (text, "Izziņa ir derīga līdz 31.05.2027.");

  /* A template naming a field there is none of: refused, version 1 stays. */
  g_clear_pointer (&better, gad_template_free);
  better = edited (admin, GAD_DOCUMENT_CERTIFICATE, "{person.code}", "{person.shoe_size}", &error);
  g_assert_null (better);
  g_assert_error (error, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_INVALID);
  assert_has (error->message, "{person.shoe_size}");
  g_clear_error (&error);
  /* … or leaving out the validity period … */
  better = edited_all (admin, GAD_DOCUMENT_CERTIFICATE, "{status.valid_to}", "drīzumā", TRUE,
                       &error);
  g_assert_null (better);
  g_assert_error (error, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_INVALID);
  assert_has (error->message, "Status valid until");
  g_clear_error (&error);
  /* … or letting it be left out. */
  better = edited_all (admin, GAD_DOCUMENT_CERTIFICATE, "{status.valid_to}",
                       "[{status.valid_to}]", TRUE, &error);
  g_assert_null (better);
  g_assert_error (error, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_INVALID);
  g_clear_error (&error);
  now = gad_store_get_template (admin, GAD_DOCUMENT_CERTIFICATE, -1, &error);
  g_assert_cmpint (gad_template_version (now), ==, 1);

  /* Every version is kept (0 is Gādība's own); the audit names each save. */
  g_clear_pointer (&now, gad_template_free);
  now = gad_store_get_template (admin, GAD_DOCUMENT_CERTIFICATE, 0, &error);
  g_assert_nonnull (strstr (gad_template_json (now), "Izziņa ir derīga līdz"));
  audit = gad_test_sql_text (f.path, "SELECT count (*) FROM audit_log WHERE entity = 'template'");
  g_assert_cmpstr (audit, ==, "1");
}

static void
test_missing_field (void)
{
  g_auto(Family) f = { 0 };
  g_autoptr(GadStore) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadTemplate) strict = NULL;
  g_autoptr(GadTemplate) lenient = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  family_new (&f);
  admin = gad_test_open_as (f.path, GAD_ROLE_ADMINISTRATOR);
  /* A phone line the template refuses to leave out: nothing is issued. */
  strict = edited (admin, GAD_DOCUMENT_CERTIFICATE, "{person.code}",
                   "{person.code}, tālrunis {person.phone}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gad_store_save_template (admin, strict, &error), ==, 1);
  g_assert_cmpint (certificate (f.worker, f.child, "2026-12-04", &error), ==, 0);
  g_assert_error (error, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_MISSING);
  assert_has (error->message, "Client’s phone");
  g_clear_error (&error);
  g_free (text);
  text = gad_test_sql_text (f.path, "SELECT count (*) FROM issued_documents");
  g_assert_cmpstr (text, ==, "0");

  /* One that leaves the line out: no empty label. */
  {
    g_autoptr(GString) json = g_string_new (gad_template_json (strict));

    g_assert_cmpuint (g_string_replace (json, ", tālrunis {person.phone}", "", 1), ==, 1);
    g_assert_cmpuint (g_string_replace (json, "{\n      \"text\": \"Izziņa ir derīga",
                                        "{\n      \"text\": \"Tālrunis: {person.phone}\",\n"
                                        "      \"missing\": \"omit\"\n    },\n    {\n"
                                        "      \"text\": \"Izziņa ir derīga", 1), ==, 1);
    lenient = gad_template_parse (json->str, &error);
  }
  g_assert_no_error (error);
  g_clear_pointer (&strict, gad_template_free);
  g_assert_cmpint (gad_store_save_template (admin, lenient, &error), ==, 2);
  id = certificate (f.worker, f.child, "2026-12-04", &error);
  g_assert_no_error (error);
  g_free (text);
  text = document_text (f.worker, id);
  g_assert_null (strstr (text, "Tālrunis"));
  assert_has (text, "Izziņa ir derīga");
}

static void
test_decision_template (void)
{
  g_auto(Family) f = { 0 };
  g_autoptr(GadStore) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadTemplate) better = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *version = NULL;
  g_autofree char *text = NULL;
  GadDecisionDraft d = { 0 };
  GadRequest r = { 0 };
  gint64 id;

  family_new (&f);
  version = gad_test_sql_text (f.path, "SELECT template_version FROM decisions");
  g_assert_cmpstr (version, ==, "0");
  before = gad_store_get_decision_pdf (f.worker, f.decision, &error);
  text = gad_test_pdf_text (before);
  assert_has (text, "LĒMUMS");
  assert_has (text, "Sociālais dienests ir izskatījis Jūsu 20.11.2026 iesniegumu Nr. IN-412");
  assert_has (text, "Lēmumu var apstrīdēt");
  assert_has (text, "DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU");

  /* The appeal clause cannot go … */
  admin = gad_test_open_as (f.path, GAD_ROLE_ADMINISTRATOR);
  better = edited (admin, GAD_DOCUMENT_DECISION, "Lēmumu var apstrīdēt {appeal.body}",
                   "Lēmumu var apstrīdēt domē", &error);
  g_assert_null (better);
  g_assert_error (error, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_INVALID);
  assert_has (error->message, "Where decisions are contested");
  g_clear_error (&error);
  /* … its wording can. */
  better = edited (admin, GAD_DOCUMENT_DECISION, "viena mēneša laikā",
                   "viena mēneša laikā (Administratīvā procesa likuma 188. pants)", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gad_store_save_template (admin, better, &error), ==, 1);

  r.person_id = f.mother;
  r.type_code = (char *) "gmi";
  r.received_on = (char *) "2026-11-30";
  d.request_id = gad_store_insert_request (f.worker, &r, &error);
  d.outcome = "refuse";
  d.legal_basis = "Sociālo pakalpojumu un sociālās palīdzības likuma 33. pants";
  d.reasoning = "Pabalsts šim periodam jau piešķirts.";
  d.issued_on = "2026-12-02";
  id = gad_decision_issue (f.worker, &d, &error);
  g_assert_no_error (error);
  g_free (text);
  {
    g_autoptr(GBytes) pdf = gad_store_get_decision_pdf (f.worker, id, &error);

    text = gad_test_pdf_text (pdf);
  }
  assert_has (text, "(Administratīvā procesa likuma 188. pants)");
  assert_has (text, "Atteikuma iemesli");
  /* Without an incoming number the reference leaves "Nr." out. */
  assert_has (text, "izskatījis Jūsu 30.11.2026 iesniegumu (");
  g_free (version);
  version = gad_test_sql_text (f.path, "SELECT template_version FROM decisions WHERE id = 2");
  g_assert_cmpstr (version, ==, "1");
  after = gad_store_get_decision_pdf (f.worker, f.decision, &error);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_batch (void)
{
  g_auto(Family) f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *count = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *month = g_date_time_format (now, "%Y-%m-01");
  g_autofree char *month_end = NULL;
  g_autofree char *later = NULL;
  gint64 first, lone;

  family_new (&f);
  /* The mother's certificate was issued at the desk already. */
  first = certificate (f.worker, f.mother, "2026-12-04", &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancelled);
  ids = gad_document_certificates_due (f.worker, "2026-12-01", "2026-12-31", cancelled, NULL, NULL,
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* Every status starting in December: hers, not issued twice. */
  ids = gad_document_certificates_due (f.worker, "2026-12-01", "2026-12-31", NULL, NULL, NULL,
                                       &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, first);
  g_assert_cmpuint (skipped->len, ==, 0);
  count = gad_test_sql_text (f.path, "SELECT count (*) FROM issued_documents");
  g_assert_cmpstr (count, ==, "1");
  g_clear_pointer (&ids, g_array_unref);
  ids = gad_document_certificates_due (f.worker, "2027-01-01", "2027-01-31", NULL, NULL, NULL,
                                       NULL, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* A man alone, needy from this month for half a year: his is issued today. */
  {
    g_autoptr(GDateTime) first_day = g_date_time_new_local (g_date_time_get_year (now),
                                                            g_date_time_get_month (now), 1, 0, 0, 0);
    g_autoptr(GDateTime) next = g_date_time_add_months (first_day, 1);
    g_autoptr(GDateTime) last = g_date_time_add_days (next, -1);
    g_autoptr(GDateTime) half = g_date_time_add_months (first_day, 6);

    month_end = g_date_time_format (last, "%Y-%m-%d");
    later = g_date_time_format (half, "%Y-%m-%d");
  }
  lone = gad_test_person (f.worker, "161175-19997", "Bērziņš", "Jānis");
  needy (f.worker, lone, month, month, later, month);
  ids = gad_document_certificates_due (f.worker, month, month_end, NULL, NULL, NULL, &skipped,
                                       &error);
  g_assert_no_error (error);
  {
    g_autoptr(GadIssuedDocument) d = gad_store_get_issued (f.worker,
                                                           g_array_index (ids, gint64,
                                                                          ids->len - 1), &error);
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_assert_cmpint (d->person_id, ==, lone);
    g_assert_cmpstr (d->issued_on, ==, today);
  }
}

static gint64
home_care (GadStore   *store,
           gint64      person,
           const char *from)
{
  GadServicePlan p = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  p.person_id = person;
  p.service_code = (char *) "home-care";
  p.level = 2;
  p.period_from = (char *) from;
  id = gad_store_save_service_plan (store, &p, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
issue_kind (GadStore        *store,
            GadDocumentKind  kind,
            gint64           person,
            gint64           plan,
            const char      *to,
            const char      *reason,
            GError         **error)
{
  GadDocumentDraft draft = { kind, person, plan, to, reason, "2026-12-04" };

  return gad_document_issue (store, &draft, error);
}

static void
test_other_kinds (void)
{
  g_auto(Family) f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 lone, id;

  family_new (&f);
  lone = gad_test_person (f.worker, "161175-19997", "Bērziņš", "Jānis");

  /* Contracts: free for the needy household, at the hourly rate otherwise. */
  id = issue_kind (f.worker, GAD_DOCUMENT_CONTRACT, f.mother,
                   home_care (f.worker, f.mother, "2026-12-07"), NULL, NULL, &error);
  g_assert_no_error (error);
  text = document_text (f.worker, id);
  assert_has (text, "LĪGUMS");
  assert_has (text, "04.12.2026. Nr. 2026/L-000001");
  assert_has (text, "sociālo pakalpojumu „Aprūpe mājās” no 07.12.2026 uz nenoteiktu laiku");
  assert_has (text, "Klienta līdzmaksājums: bez maksas: trūcīga mājsaimniecība.");
  assert_has (text, "Laura Kalniņa, personas kods 010100-23666");
  assert_has (text, "Klients: ____________________ Laura Kalniņa");
  g_free (text);
  id = issue_kind (f.worker, GAD_DOCUMENT_CONTRACT, lone, home_care (f.worker, lone, "2026-12-07"),
                   NULL, NULL, &error);
  g_assert_no_error (error);
  text = document_text (f.worker, id);
  assert_has (text, "Klienta līdzmaksājums: 3,80 € par stundu.");
  g_free (text);
  /* … never from another client's plan. */
  g_assert_cmpint (issue_kind (f.worker, GAD_DOCUMENT_CONTRACT, lone, 1, NULL, NULL, &error), ==,
                   0);
  g_assert_error (error, GAD_DOCUMENT_ERROR, GAD_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  /* A referral says where and why; without a reason none is made. */
  g_assert_cmpint (issue_kind (f.worker, GAD_DOCUMENT_REFERRAL, f.mother, 0, "Psihologs A. Liepa",
                               NULL, &error), ==, 0);
  g_assert_error (error, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_MISSING);
  assert_has (error->message, "Reason for the referral");
  g_clear_error (&error);
  id = issue_kind (f.worker, GAD_DOCUMENT_REFERRAL, f.mother, 0, "Psihologs A. Liepa",
                   "Atbalsts pēc krīzes situācijas ģimenē.", &error);
  g_assert_no_error (error);
  text = document_text (f.worker, id);
  assert_has (text, "NOSŪTĪJUMS");
  assert_has (text, "2026/N-000001");
  assert_has (text, "uz: Psihologs A. Liepa.");
  assert_has (text, "Nosūtījuma pamatojums Atbalsts pēc krīzes situācijas ģimenē.");
  /* No case, no worker: the line is left out, not printed empty. */
  g_assert_null (strstr (text, "sociālais darbinieks"));
  g_free (text);
  {
    g_autoptr(GadIssuedDocument) d = gad_store_get_issued (f.worker, id, &error);

    g_assert_cmpstr (d->subject, ==, "Psihologs A. Liepa");
  }

  /* An agreement lists the duties still open; with none there is none. */
  g_assert_cmpint (issue_kind (f.worker, GAD_DOCUMENT_AGREEMENT, lone, 0, NULL, NULL, &error), ==,
                   0);
  g_assert_error (error, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_MISSING);
  assert_has (error->message, "Client’s duties");
  g_clear_error (&error);
  {
    GadRequest r = { 0, lone, 0, (char *) "gmi", NULL, (char *) "2026-11-25", (char *) "" };
    GadDuty nva = { .text = (char *) "Reģistrēties NVA kā bezdarbniekam",
                    .due_on = (char *) "2026-12-15" };
    g_autoptr(GPtrArray) duties = g_ptr_array_new ();
    GadDecisionDraft d = { 0 };

    g_ptr_array_add (duties, &nva);
    d.request_id = gad_store_insert_request (f.worker, &r, &error);
    d.outcome = "grant";
    d.amount_cents = 5000;
    d.period_from = "2026-12-01";
    d.period_to = "2026-12-31";
    d.legal_basis = "Sociālo pakalpojumu un sociālās palīdzības likuma 33. pants";
    d.reasoning = "Ienākumi zem sliekšņa.";
    d.issued_on = "2026-11-30";
    d.duties = duties;
    g_assert_cmpint (gad_decision_issue (f.worker, &d, &error), >, 0);
    g_assert_no_error (error);
  }
  id = issue_kind (f.worker, GAD_DOCUMENT_AGREEMENT, lone, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  text = document_text (f.worker, id);
  assert_has (text, "VIENOŠANĀS");
  assert_has (text, "Pienākums Termiņš Reģistrēties NVA kā bezdarbniekam 15.12.2026");
  /* Each register numbers its own kind. */
  assert_has (text, "2026/V-000001");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/certificate", test_certificate);
  g_test_add_func ("/document/lapsed", test_lapsed);
  g_test_add_func ("/document/template-versions", test_template_versions);
  g_test_add_func ("/document/missing-field", test_missing_field);
  g_test_add_func ("/document/decision-template", test_decision_template);
  g_test_add_func ("/document/batch", test_batch);
  g_test_add_func ("/document/other-kinds", test_other_kinds);
  return g_test_run ();
}
