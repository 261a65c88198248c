/* gad-template-fields.c — the fields a document template may name, and
 * the values a document is filled with
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field is listed here with where it may stand and where it must: a
 * template naming any other is refused, and one without a required field
 * (the appeal clause of a decision, the validity of a certificate) too.
 */
#define G_LOG_DOMAIN "gad-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-template.h"
#include "gad-text.h"

#define D (1u << GAD_DOCUMENT_DECISION)
#define C (1u << GAD_DOCUMENT_CERTIFICATE)
#define K (1u << GAD_DOCUMENT_CONTRACT)
#define R (1u << GAD_DOCUMENT_REFERRAL)
#define A (1u << GAD_DOCUMENT_AGREEMENT)
#define ALL (D | C | K | R | A)

static const struct
{
  const char *code;
  const char *name;
} kinds[GAD_N_DOCUMENT_KINDS] = {
  { "decision", N_("Decision") },
  { "certificate", N_("Status certificate") },
  { "contract", N_("Service contract") },
  { "referral", N_("Referral") },
  { "agreement", N_("Co-operation agreement") },
};

const char *
gad_document_kind_code (GadDocumentKind kind)
{
  g_return_val_if_fail (kind < GAD_N_DOCUMENT_KINDS, NULL);
  return kinds[kind].code;
}

const char *
gad_document_kind_name (GadDocumentKind kind)
{
  g_return_val_if_fail (kind < GAD_N_DOCUMENT_KINDS, NULL);
  return _(kinds[kind].name);
}

gboolean
gad_document_kind_parse (const char      *code,
                         GadDocumentKind *kind)
{
  for (guint i = 0; code && i < GAD_N_DOCUMENT_KINDS; i++)
    if (g_str_equal (code, kinds[i].code))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static const GadTemplateField fields[] = {
  { "institution.name", N_("Institution"), ALL, 0, 0,
    "Bauskas novada Sociālais dienests", "Bauska Municipality Social Service" },
  { "institution.reg_no", N_("Institution’s registration number"), ALL, 0, 0,
    "90009999999", "90009999999" },
  { "institution.address", N_("Institution’s address"), ALL, 0, 0,
    "Slimnīcas iela 7, Bauska, LV-3901", "Slimnīcas iela 7, Bauska, LV-3901" },
  { "institution.phone", N_("Institution’s phone"), ALL, 0, 0, "+371 63900000", "+371 63900000" },
  { "institution.email", N_("Institution’s e-mail"), ALL, 0, 0,
    "socialais.dienests@example.lv", "socialais.dienests@example.lv" },
  { "institution.e_address", N_("Institution’s official e-address"), ALL, 0, 0,
    "Bauskas novada Sociālais dienests (e-adrese)", "Bauska Social Service (e-address)" },
  { "document.place", N_("Place of issue"), ALL, 0, 0, "Bauska", "Bauska" },
  { "document.date", N_("Date of the document"), ALL, ALL, 0, "04.12.2026", "04.12.2026" },
  { "document.number", N_("Number of the document"), ALL, ALL, 0, "2026/IZ-000017",
    "2026/IZ-000017" },
  { "person.name", N_("Client’s name"), ALL, ALL, 0, "Anna Bērziņa", "Anna Bērziņa" },
  { "person.code", N_("Client’s personal code"), ALL, C | K | A, 0, "161175-19997",
    "161175-19997" },
  { "person.birth_date", N_("Client’s date of birth"), ALL, 0, 0, "16.11.1975", "16.11.1975" },
  { "person.address", N_("Client’s address"), ALL, 0, 0, "Rīgas iela 12-3, Bauska, LV-3901",
    "Rīgas iela 12-3, Bauska, LV-3901" },
  { "person.phone", N_("Client’s phone"), ALL, 0, 0, "+371 29000000", "+371 29000000" },
  { "staff.name", N_("Staff member who prepared it"), ALL, 0, 0, "Laura Ozola", "Laura Ozola" },
  { "signer.position", N_("Signer’s position"), ALL, 0, 0, "Sociālā dienesta vadītāja",
    "Head of the Social Service" },
  { "signer.name", N_("Signer’s name"), ALL, ALL, 0, "I. Kalniņa", "I. Kalniņa" },

  { "application.received_on", N_("Application received on"), D, 0, 0, "20.11.2026",
    "20.11.2026" },
  { "application.number", N_("Application’s incoming number"), D, 0, 0, "SD/2026/412",
    "SD/2026/412" },
  { "application.type", N_("What was applied for"), D, 0, 0,
    "garantētā minimālā ienākuma pabalsts", "guaranteed minimum income benefit" },
  { "decision.subject", N_("Decision’s title (“Par …”)"), D, 0, 0,
    "Par sociālās palīdzības pabalsta piešķiršanu", "On granting a social assistance benefit" },
  { "decision.facts", N_("Facts established"), D, 0, 0,
    "Mājsaimniecībā ir divi locekļi; ienākumi mēnesī 300,00 €.",
    "The household has two members; income 300.00 € a month." },
  { "decision.legal_basis", N_("Legal basis"), D, D, 0,
    "Sociālo pakalpojumu un sociālās palīdzības likuma 33. pants",
    "Section 33 of the Law on Social Services and Social Assistance" },
  { "decision.reasoning_heading", N_("Heading of the reasoning (reasons on a refusal)"), D, 0, 0,
    "Lēmuma pamatojums", "Reasoning" },
  { "decision.reasoning", N_("Reasoning"), D, D, 0,
    "Mājsaimniecības ienākumi ir zem garantētā minimālā ienākuma līmeņa.",
    "The household's income is below the guaranteed minimum income level." },
  { "decision.calculation", N_("Calculation (amounts)"), D, 0, 2, NULL, NULL },
  { "decision.text", N_("What is decided"), D, D, 0,
    "Piešķirt: GMI pabalsts, 74,00 € mēnesī, laikposmā no 01.12.2026 līdz 31.05.2027.",
    "Grant: GMI benefit, 74.00 € a month, from 01.12.2026 to 31.05.2027." },
  { "decision.annex", N_("Annex note"), D, 0, 0, NULL, NULL },
  { "appeal.body", N_("Where decisions are contested"), D, D, 0, "Bauskas novada dome",
    "Bauska Municipal Council" },
  { "appeal.address", N_("Address for contesting"), D, D, 0, "Uzvaras iela 1, Bauska, LV-3901",
    "Uzvaras iela 1, Bauska, LV-3901" },

  { "status.name", N_("Household status (as in “trūcīgas mājsaimniecības”)"), C | K, C, 0,
    "trūcīgas", "needy" },
  { "status.valid_from", N_("Status valid from"), C | K, C, 0, "01.12.2026", "01.12.2026" },
  { "status.valid_to", N_("Status valid until"), C | K, C, 0, "31.05.2027", "31.05.2027" },
  { "status.decision_number", N_("Number of the status decision"), C | K, C, 0,
    "2026/SD-000412", "2026/SD-000412" },
  { "status.decision_date", N_("Date of the status decision"), C | K, 0, 0, "27.11.2026",
    "27.11.2026" },
  { "household.size", N_("Number of household members"), C | K, 0, 0, "2", "2" },
  { "household.members", N_("Household members (name, personal code)"), C | K, C, 2, NULL, NULL },

  { "plan.service", N_("Service"), K, K, 0, "aprūpe mājās", "home care" },
  { "plan.period", N_("Service period"), K, K, 0, "no 01.12.2026 līdz 31.05.2027",
    "from 01.12.2026 to 31.05.2027" },
  { "plan.provider", N_("Who provides the service"), K, 0, 0, "Ilze Krūmiņa", "Ilze Krūmiņa" },
  { "plan.copayment", N_("Client’s co-payment"), K, K, 0, "bez maksas: trūcīga mājsaimniecība",
    "free: needy household" },
  { "referral.to", N_("Referred to"), R, R, 0, "Bauskas novada pansionāts „Derpele”",
    "Bauska care home “Derpele”" },
  { "referral.reason", N_("Reason for the referral"), R, R, 0,
    "Klientam nepieciešama ilgstoša sociālā aprūpe institūcijā.",
    "The client needs long-term social care in an institution." },
  { "case.worker", N_("Client’s social worker"), R | A, 0, 0, "Laura Ozola", "Laura Ozola" },
  { "agreement.duties", N_("Client’s duties (duty, until)"), A, A, 2, NULL, NULL },
};

const GadTemplateField *
gad_template_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

const GadTemplateField *
gad_template_find_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return &fields[i];
  return NULL;
}

/* ---- values ------------------------------------------------------------ */

GadFields *
gad_fields_new (void)
{
  GadFields *f = g_new0 (GadFields, 1);

  f->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_ptr_array_unref);
  return f;
}

void
gad_fields_free (GadFields *f)
{
  if (f == NULL)
    return;
  g_hash_table_unref (f->texts);
  g_hash_table_unref (f->tables);
  g_free (f->date);
  g_free (f->coat_of_arms);
  g_free (f);
}

void
gad_fields_take (GadFields  *f,
                 const char *name,
                 char       *value)
{
  g_hash_table_replace (f->texts, g_strdup (name), value ? value : g_strdup (""));
}

void
gad_fields_set (GadFields  *f,
                const char *name,
                const char *value)
{
  gad_fields_take (f, name, g_strdup (value));
}

/* An ISO date as the documents print it, DD.MM.YYYY; none stays none. */
void
gad_fields_set_date (GadFields  *f,
                     const char *name,
                     const char *iso)
{
  gad_fields_take (f, name, iso && *iso ? gad_text_format_date (iso) : NULL);
}

/* A text field's value, "" for none. */
const char *
gad_fields_get (GadFields  *f,
                const char *name)
{
  const char *value = g_hash_table_lookup (f->texts, name);

  return value ? value : "";
}

/* The table @name, empty until cells are added to it. */
GPtrArray *
gad_fields_table (GadFields  *f,
                  const char *name)
{
  GPtrArray *table = g_hash_table_lookup (f->tables, name);

  if (table == NULL)
    {
      table = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (f->tables, g_strdup (name), table);
    }
  return table;
}

/* Made-up values of every field for the editor's preview, in @language. */
GadFields *
gad_fields_sample (GadDocumentKind kind,
                   const char     *language)
{
  GadFields *f = gad_fields_new ();
  gboolean lv = g_strcmp0 (language, "en") != 0;
  GPtrArray *t;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].columns == 0 && (fields[i].kinds & (1u << kind)))
      gad_fields_set (f, fields[i].name, lv ? fields[i].sample_lv : fields[i].sample_en);

  f->date = g_strdup ("2026-12-04");
  t = gad_fields_table (f, "household.members");
  g_ptr_array_add (t, g_strdup ("Anna Bērziņa"));
  g_ptr_array_add (t, g_strdup ("161175-19997"));
  g_ptr_array_add (t, g_strdup ("Pēteris Bērziņš"));
  g_ptr_array_add (t, g_strdup ("321201-25541"));
  t = gad_fields_table (f, "decision.calculation");
  g_ptr_array_add (t, g_strdup (lv ? "Mājsaimniecības ienākumi mēnesī" : "Household income a month"));
  g_ptr_array_add (t, g_strdup ("300,00 €"));
  g_ptr_array_add (t, g_strdup (lv ? "GMI pabalsts (aprēķināts)" : "GMI benefit (computed)"));
  g_ptr_array_add (t, g_strdup ("74,00 €"));
  t = gad_fields_table (f, "agreement.duties");
  g_ptr_array_add (t, g_strdup (lv ? "Reģistrēties Nodarbinātības valsts aģentūrā"
                                   : "Register with the State Employment Agency"));
  g_ptr_array_add (t, g_strdup ("15.12.2026"));
  g_ptr_array_add (t, g_strdup (lv ? "Iesniegt izziņu par ienākumiem" : "Bring a statement of income"));
  g_ptr_array_add (t, g_strdup ("31.12.2026"));
  return f;
}
