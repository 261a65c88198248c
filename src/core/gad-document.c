/* gad-document.c — certificates, contracts, referrals and co-operation
 * agreements, issued from the municipality's templates
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One transaction takes the next number of the kind's register, fills the
 * template in use with the client's data, renders the PDF and stores it with
 * the data it was filled with (as JSON) and the template's version. If
 * anything fails, nothing is written and no number is used up.
 */
#define G_LOG_DOMAIN "gad-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gad-document-private.h"
#include "gad-personal-code.h"
#include "gad-text.h"

G_DEFINE_QUARK (gad-document-error-quark, gad_document_error)

/**
 * gad_document_fields_new:
 * @number: the document's number
 *
 * The fields every document has: the institution's requisites, the
 * document's date, place and number, the client, who prepared it and who
 * signs.
 */
GadFields *
gad_document_fields_new (GadStore   *store,
                         GadPerson  *person,
                         const char *issued_on,
                         const char *number)
{
  static const char *const settings[][2] = {
    { "institution.name", "institution" }, { "institution.reg_no", "institution_reg_no" },
    { "institution.address", "institution_address" }, { "institution.phone", "institution_phone" },
    { "institution.email", "institution_email" },
    { "institution.e_address", "institution_e_address" }, { "document.place", "place" },
    { "signer.position", "signer_position" }, { "signer.name", "signer_name" },
  };
  GadFields *f = gad_fields_new ();
  g_autofree char *e_signed = gad_store_get_setting (store, "e_signed");

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    gad_fields_take (f, settings[i][0], gad_store_get_setting (store, settings[i][1]));
  f->date = g_strdup (issued_on);
  f->coat_of_arms = gad_store_get_setting (store, "coat_of_arms");
  f->e_signed = g_strcmp0 (e_signed, "1") == 0;
  gad_fields_set_date (f, "document.date", issued_on);
  gad_fields_set (f, "document.number", number);
  gad_fields_take (f, "person.name", g_strdup_printf ("%s %s", gad_person_get_first_name (person),
                                                      gad_person_get_last_name (person)));
  gad_fields_take (f, "person.code", gad_personal_code_format (gad_person_get_code (person)));
  gad_fields_set_date (f, "person.birth_date", gad_person_get_birth_date (person));
  gad_fields_set (f, "person.address", gad_person_get_address (person));
  gad_fields_set (f, "person.phone", gad_person_get_phone (person));
  gad_fields_set (f, "staff.name", gad_store_actor_name (store));
  return f;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The data the document was filled with, kept beside it. */
static char *
snapshot (GadFields *f,
          gint64     template_version)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree const char **texts = (const char **) g_hash_table_get_keys_as_array (f->texts, NULL);
  g_autofree const char **tables = (const char **) g_hash_table_get_keys_as_array (f->tables,
                                                                                   NULL);

  g_qsort_with_data (texts, g_hash_table_size (f->texts), sizeof *texts, compare_names, NULL);
  g_qsort_with_data (tables, g_hash_table_size (f->tables), sizeof *tables, compare_names, NULL);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "template_version");
  json_builder_add_int_value (b, template_version);
  json_builder_set_member_name (b, "fields");
  json_builder_begin_object (b);
  for (guint i = 0; texts[i]; i++)
    {
      json_builder_set_member_name (b, texts[i]);
      json_builder_add_string_value (b, g_hash_table_lookup (f->texts, texts[i]));
    }
  for (guint i = 0; tables[i]; i++)
    {
      GPtrArray *cells = g_hash_table_lookup (f->tables, tables[i]);

      json_builder_set_member_name (b, tables[i]);
      json_builder_begin_array (b);
      for (guint k = 0; k < cells->len; k++)
        json_builder_add_string_value (b, g_ptr_array_index (cells, k));
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gint64
issue (GadStore                *store,
       const GadDocumentDraft  *draft,
       GError                 **error)
{
  GadIssuedDocument record = { 0 };
  g_autofree char *subject = NULL;
  g_autofree char *issued_on = draft->issued_on ? g_strdup (draft->issued_on)
                                                : gad_text_today_iso ();
  g_autoptr(GadPerson) person = NULL;
  g_autoptr(GadTemplate) template = NULL;
  g_autoptr(GadFields) fields = NULL;
  g_autoptr(GadLetter) letter = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *number = NULL;
  g_autofree char *json = NULL;
  gboolean lv;
  GDate date;
  int seq;
  gint64 id;

  if (!gad_text_parse_date (issued_on, &date))
    {
      g_set_error_literal (error, GAD_DOCUMENT_ERROR, GAD_DOCUMENT_ERROR_INVALID,
                           _("The document’s date is not a real date."));
      return 0;
    }
  if (!gad_store_require (store, GAD_RIGHT_WRITE_CLIENT, draft->person_id, error)
      || (person = gad_store_get_person (store, draft->person_id, error)) == NULL
      || (template = gad_store_get_template (store, draft->kind, -1, error)) == NULL)
    return 0;
  lv = g_strcmp0 (gad_template_language (template), "en") != 0;

  if (!gad_store_begin (store, error))
    return 0;
  if (!gad_store_next_issued_number (store, gad_document_kind_code (draft->kind),
                                     g_date_get_year (&date), &seq, error))
    goto fail;
  number = gad_template_number (template, g_date_get_year (&date), seq);
  fields = gad_document_fields_new (store, person, issued_on, number);
  if (!gad_document_kind_fields (store, draft, issued_on, lv, fields, &record, error))
    goto fail;
  subject = record.subject;
  if ((letter = gad_template_fill (template, fields, error)) == NULL
      || (pdf = gad_letter_render (letter, NULL, error)) == NULL)
    goto fail;
  json = snapshot (fields, gad_template_version (template));

  record.kind = (char *) gad_document_kind_code (draft->kind);
  record.person_id = draft->person_id;
  record.number = number;
  record.issued_on = issued_on;
  record.template_version = gad_template_version (template);
  /* A kind names what it is about, or the title does. */
  if (subject == NULL)
    subject = g_strdup (letter->title ? letter->title : letter->type);
  record.subject = subject;
  if ((id = gad_store_insert_issued (store, &record, g_date_get_year (&date), seq, json, pdf,
                                       error)) == 0)
    goto fail;
  return gad_store_commit (store, error) ? id : 0;

fail:
  gad_store_rollback (store);
  return 0;
}

/**
 * gad_document_issue:
 *
 * Issues a document of @draft's kind for its client: the next number of
 * the kind's register, the template in use, the PDF stored as issued.
 *
 * Returns: the document's id, or 0 with @error set and nothing written
 */
gint64
gad_document_issue (GadStore                *store,
                    const GadDocumentDraft  *draft,
                    GError                 **error)
{
  gint64 id;

  g_return_val_if_fail (GAD_IS_STORE (store), 0);
  g_return_val_if_fail (draft->kind != GAD_DOCUMENT_DECISION, 0);
  GAD_STORE_RETRYING (store, error, id, issue (store, draft, error));
  return id;
}
