/* gad-template.c — the municipality's texts of its official documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template is JSON: the requisites' texts (mark, letterhead, type, place
 * and number, addressee, title, signature, drafter) and the parts between
 * the title and the signature, each a paragraph under an optional heading or
 * a table. Texts name fields in braces, "{person.name}"; a stretch in square
 * brackets, "[tālr. {person.phone}]", is left out when a field in it has no
 * value; "\" makes the next character plain. A line naming a field with no
 * value is left out where the part says "missing": "omit", and refuses the
 * document, naming the field, where it does not: never an empty label.
 */
#define G_LOG_DOMAIN "gad-template"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gad-decision.h"
#include "gad-template-private.h"
#include "gad-template-resources.h"

G_DEFINE_QUARK (gad-template-error-quark, gad_template_error)

static const struct
{
  const char *key;
  const char *caption;
} texts[N_TEXTS] = {
  { "mark", N_("Restricted-access mark") },
  { "letterhead", N_("Letterhead under the institution’s name") },
  { "type", N_("What the document is (as “IZZIŅA”)") },
  { "number", N_("The register’s numbers ({year}, {seq:6})") },
  { "place", N_("Place of issue") },
  { "dated", N_("Date and number") },
  { "addressee", N_("Addressee") },
  { "title", N_("Title") },
  { "signer_position", N_("Signer’s position") },
  { "signature", N_("Signature, signed by hand") },
  { "e_signature", N_("Signature, signed electronically") },
  { "e_signed_note", N_("Note on the electronic signature") },
  { "drafter", N_("Prepared by") },
};

/* The requisite text @key ("mark", "title", …) as the editor names it. */
const char *
gad_template_caption (const char *key)
{
  for (guint i = 0; i < N_TEXTS; i++)
    if (g_str_equal (texts[i].key, key))
      return _(texts[i].caption);
  return key;
}

/* The requisites' keys in their order, NULL-terminated. */
const char *const *
gad_template_keys (void)
{
  static const char *keys[N_TEXTS + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < N_TEXTS; i++)
      keys[i] = texts[i].key;
  return keys;
}

static void
part_free (gpointer data)
{
  GadTemplatePart *p = data;

  g_free (p->heading);
  g_free (p->text);
  g_free (p->table);
  g_strfreev (p->columns);
  g_free (p);
}

void
gad_template_free (GadTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->language);
  g_free (self->json);
  for (guint i = 0; i < N_TEXTS; i++)
    g_free (self->texts[i]);
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_free (self);
}

static char *
member_text (JsonObject *o,
             const char *key)
{
  JsonNode *node = json_object_get_member (o, key);

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? g_strdup (json_node_get_string (node)) : NULL;
}

static gboolean
read_part (GadTemplate  *self,
           JsonNode     *node,
           guint         n,
           GError      **error)
{
  g_autofree char *where = g_strdup_printf (_("Part %u"), n);
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autofree char *align = NULL;
  g_autofree char *rule = NULL;
  GadTemplatePart *p;

  if (o == NULL)
    return gad_template_invalid (error, where, _("a part must be an object with a text or a table"));
  p = g_new0 (GadTemplatePart, 1);
  g_ptr_array_add (self->parts, p);
  p->heading = member_text (o, "heading");
  p->text = member_text (o, "text");
  p->table = member_text (o, "table");
  align = member_text (o, "align");
  rule = member_text (o, "missing");
  p->justify = align == NULL || g_str_equal (align, "justify");
  p->omit = rule && g_str_equal (rule, "omit");
  if ((p->text == NULL) == (p->table == NULL))
    return gad_template_invalid (error, where, _("a part has either a text or a table"));
  if (align && !g_str_equal (align, "justify") && !g_str_equal (align, "left"))
    return gad_template_invalid (error, where, _("“align” is “justify” or “left”"));
  if (rule && !g_str_equal (rule, "omit") && !g_str_equal (rule, "refuse"))
    return gad_template_invalid (error, where, _("“missing” is “omit” or “refuse”"));
  if (p->table)
    {
      const GadTemplateField *f = gad_template_find_field (p->table);
      JsonNode *columns = json_object_get_member (o, "columns");

      if (f == NULL || f->columns == 0 || !(f->kinds & (1u << self->kind)))
        {
          g_autofree char *what = g_strdup_printf (_("there is no table “%s” in a %s"), p->table,
                                                   gad_document_kind_name (self->kind));
          return gad_template_invalid (error, where, what);
        }
      if (columns)
        {
          JsonArray *a = JSON_NODE_HOLDS_ARRAY (columns) ? json_node_get_array (columns) : NULL;
          g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

          if (a == NULL || json_array_get_length (a) != f->columns)
            {
              g_autofree char *what = g_strdup_printf (
                ngettext ("the table needs %u column heading", "the table needs %u column headings",
                          f->columns), f->columns);
              return gad_template_invalid (error, where, what);
            }
          for (guint i = 0; i < f->columns; i++)
            g_strv_builder_add (b, json_array_get_string_element (a, i)
                                     ? json_array_get_string_element (a, i) : "");
          p->columns = g_strv_builder_end (b);
        }
    }
  return TRUE;
}

static gboolean
check (GadTemplate  *self,
       GError      **error)
{
  g_autoptr(GHashTable) required = g_hash_table_new (g_str_hash, g_str_equal);
  GadTemplateScan s = { self, NULL, required };
  guint n_fields;
  const GadTemplateField *fields = gad_template_fields (&n_fields);

  for (guint i = 0; i < N_TEXTS; i++)
    {
      s.where = _(texts[i].caption);
      s.omit = (OMITTED & (1u << i)) != 0;
      if (i == T_NUMBER)
        continue;
      if (!gad_template_scan (&s, self->texts[i], NULL, error))
        return FALSE;
    }
  for (guint i = 0; i < self->parts->len; i++)
    {
      GadTemplatePart *p = g_ptr_array_index (self->parts, i);
      g_autofree char *where = g_strdup_printf (_("Part %u"), i + 1);

      s.where = where;
      s.omit = p->omit;
      if (!gad_template_scan (&s, p->heading, NULL, error) || !gad_template_scan (&s, p->text, NULL, error))
        return FALSE;
      if (p->table && !p->omit)
        g_hash_table_add (required, (gpointer) gad_template_find_field (p->table)->name);
    }
  if (self->texts[T_TYPE] == NULL || *self->texts[T_TYPE] == '\0')
    return gad_template_invalid (error, _(texts[T_TYPE].caption),
                                 _("a document must say what it is (“IZZIŅA”)"));
  if (self->texts[T_MARK] == NULL || *self->texts[T_MARK] == '\0')
    return gad_template_invalid (error, _(texts[T_MARK].caption),
                                 _("client data is restricted: the mark cannot be left out"));
  if ((self->kind == GAD_DOCUMENT_DECISION) != (self->texts[T_NUMBER] == NULL))
    return gad_template_invalid (error, _(texts[T_NUMBER].caption),
                                 self->kind == GAD_DOCUMENT_DECISION
                    ? _("a decision’s number follows the pattern in Preferences → Municipality")
                    : _("give the pattern of the register’s numbers, with {seq}"));
  if (self->texts[T_NUMBER] && strstr (self->texts[T_NUMBER], "{seq") == NULL)
    return gad_template_invalid (error, _(texts[T_NUMBER].caption),
                                 _("give the pattern of the register’s numbers, with {seq}"));
  for (guint i = 0; i < n_fields; i++)
    if ((fields[i].required & (1u << self->kind))
        && !g_hash_table_contains (required, fields[i].name))
      {
        g_autofree char *what = g_strdup_printf (
          _("“%s” is required in a %s and must not be left out"), _(fields[i].label),
          gad_document_kind_name (self->kind));
        return gad_template_invalid (error, _("The whole text"), what);
      }
  return TRUE;
}

/**
 * gad_template_parse:
 *
 * Returns: (transfer full): the template, or %NULL with @error set when
 *   it is no template, names a field there is none of, or leaves out a
 *   requisite its kind must have
 */
GadTemplate *
gad_template_parse (const char  *json,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GadTemplate) self = g_new0 (GadTemplate, 1);
  g_autoptr(GError) json_error = NULL;
  g_autofree char *kind = NULL;
  JsonObject *root;
  JsonNode *parts;

  self->parts = g_ptr_array_new_with_free_func (part_free);
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, &json_error)
      || json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      gad_template_invalid (error, _("the file"), json_error ? json_error->message : _("it is not a template"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  kind = member_text (root, "kind");
  self->language = member_text (root, "language");
  if (!gad_document_kind_parse (kind, &self->kind))
    {
      gad_template_invalid (error, "kind", _("it is “decision”, “certificate”, “contract”, “referral” or "
                                "“agreement”"));
      return NULL;
    }
  if (self->language == NULL || (!g_str_equal (self->language, "lv")
                                 && !g_str_equal (self->language, "en")))
    {
      gad_template_invalid (error, "language", _("it is “lv” or “en”"));
      return NULL;
    }
  for (guint i = 0; i < N_TEXTS; i++)
    self->texts[i] = member_text (root, texts[i].key);
  parts = json_object_get_member (root, "parts");
  if (parts == NULL || !JSON_NODE_HOLDS_ARRAY (parts))
    {
      gad_template_invalid (error, "parts", _("a template lists its parts"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (parts)); i++)
    if (!read_part (self, json_array_get_element (json_node_get_array (parts), i), i + 1, error))
      return NULL;
  if (!check (self, error))
    return NULL;
  self->json = g_strdup (json);
  return g_steal_pointer (&self);
}

char *
gad_template_default_json (GadDocumentKind kind,
                           const char     *language)
{
  g_autofree char *path = g_strdup_printf ("/lv/gadiba/Gadiba/templates/%s/%s.json",
                                           g_strcmp0 (language, "en") == 0 ? "en" : "lv",
                                           gad_document_kind_code (kind));
  g_autoptr(GBytes) bytes = g_resource_lookup_data (gad_templates_get_resource (), path, 0, NULL);

  g_return_val_if_fail (bytes != NULL, NULL);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The template Gādība ships for @kind in @language ("lv" or "en"). */
GadTemplate *
gad_template_default (GadDocumentKind kind,
                      const char     *language)
{
  g_autofree char *json = gad_template_default_json (kind, language);
  g_autoptr(GError) error = NULL;
  GadTemplate *self = gad_template_parse (json, &error);

  if (self == NULL)
    g_error ("the bundled template %s/%s: %s", language, gad_document_kind_code (kind),
             error->message);
  return self;
}

GadDocumentKind gad_template_kind (const GadTemplate *self) { return self->kind; }
const char *gad_template_language (const GadTemplate *self) { return self->language; }
const char *gad_template_json (const GadTemplate *self) { return self->json; }
gint64 gad_template_version (const GadTemplate *self) { return self->version; }

void
gad_template_set_version (GadTemplate *self,
                          gint64       version)
{
  self->version = version;
}

/* The register number @seq of @year as the template writes it. */
char *
gad_template_number (const GadTemplate *self,
                     int                year,
                     int                seq)
{
  return gad_decision_format_number (self->texts[T_NUMBER] ? self->texts[T_NUMBER] : "{year}/{seq}",
                                     year, seq);
}
