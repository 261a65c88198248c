/* gad-template-fill.c — a template's texts with a document's values
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-template-private.h"

gboolean
gad_template_invalid (GError    **error,
                      const char *where,
                      const char *what)
{
  g_set_error (error, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_INVALID,
               /* TRANSLATORS: where in a document template, then what is wrong there */
               _("The template cannot be used: %s: %s"), where, what);
  return FALSE;
}


/* A field named in a text: known, allowed in this kind, not a table. */
static gboolean
check_field (GadTemplateScan        *s,
             const char  *name,
             gboolean     optional,
             GError     **error)
{
  const GadTemplateField *f = gad_template_find_field (name);
  g_autofree char *what = NULL;

  if (f == NULL || !(f->kinds & (1u << s->template->kind)))
    what = g_strdup_printf (_("there is no field “{%s}” in a %s"), name,
                            gad_document_kind_name (s->template->kind));
  else if (f->columns > 0)
    what = g_strdup_printf (_("“{%s}” is a table: add it as a table of its own"), name);
  if (what)
    return gad_template_invalid (error, s->where, what);
  if (s->required && !optional && !s->omit)
    g_hash_table_add (s->required, (gpointer) f->name);
  return TRUE;
}

static gboolean
missing (const char  *name,
         GError     **error)
{
  const GadTemplateField *f = gad_template_find_field (name);

  g_set_error (error, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_MISSING,
               _("The document cannot be made: “%s” has no value for this client. Enter it, or "
                 "have the administrator let the template leave that line out."),
               f ? _(f->label) : name);
  return FALSE;
}

/* One line of a text, its fields filled (or, checking, only checked). */
static gboolean
scan_line (GadTemplateScan        *s,
           const char  *line,
           GString     *out,
           gboolean    *dropped,
           GError     **error)
{
  g_autoptr(GString) segment = NULL;
  gboolean segment_missing = FALSE;
  gboolean segment_dropped = FALSE;
  const char *missing_name = NULL;
  g_autofree char *missing_copy = NULL;

  *dropped = FALSE;
  for (const char *p = line; *p; p++)
    {
      GString *to = segment ? segment : out;

      if (*p == '\\' && p[1] != '\0')
        g_string_append_c (to, *++p);
      else if (*p == '[')
        {
          if (segment)
            return gad_template_invalid (error, s->where, _("a “[” inside another"));
          segment = g_string_new (NULL);
          segment_missing = FALSE;
        }
      else if (*p == ']')
        {
          if (segment == NULL)
            return gad_template_invalid (error, s->where, _("a “]” without its “[”"));
          if (!segment_missing)
            g_string_append_len (out, segment->str, segment->len);
          segment_dropped |= segment_missing;
          g_string_free (g_steal_pointer (&segment), TRUE);
        }
      else if (*p == '{')
        {
          const char *end = strchr (p, '}');
          g_autofree char *name = end ? g_strndup (p + 1, end - p - 1) : NULL;
          const char *value;

          if (end == NULL)
            return gad_template_invalid (error, s->where, _("a “{” without its “}”"));
          if (!check_field (s, name, segment != NULL, error))
            return FALSE;
          value = s->values ? g_hash_table_lookup (s->values->texts, name) : "";
          if (s->values && (value == NULL || *value == '\0'))
            {
              if (segment)
                segment_missing = TRUE;
              else if (missing_name == NULL)
                missing_name = missing_copy = g_steal_pointer (&name);
            }
          else
            g_string_append (to, value);
          p = end;
        }
      else if (*p == '}')
        return gad_template_invalid (error, s->where, _("a “}” without its “{”"));
      else
        g_string_append_c (to, *p);
    }
  if (segment)
    return gad_template_invalid (error, s->where, _("a “[” without its “]”"));
  if (missing_name && !s->omit)
    return missing (missing_name, error);
  /* A line of nothing but what was left out goes too. */
  if (segment_dropped)
    {
      g_autofree char *rest = g_strstrip (g_strdup (out->str));

      segment_dropped = *rest == '\0';
    }
  *dropped = missing_name != NULL || segment_dropped;
  return TRUE;
}

/* A whole text, line by line; NULL for none. */
gboolean
gad_template_scan (GadTemplateScan        *s,
      const char  *text,
      char       **out,
      GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) result = g_string_new (NULL);
  guint kept = 0;

  if (out)
    *out = NULL;
  if (text == NULL)
    return TRUE;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      gboolean dropped;

      if (!scan_line (s, lines[i], line, &dropped, error))
        return FALSE;
      if (dropped)
        continue;
      if (kept++ > 0)
        g_string_append_c (result, '\n');
      g_string_append_len (result, line->str, line->len);
    }
  if (out && kept > 0)
    *out = g_string_free (g_steal_pointer (&result), FALSE);
  return TRUE;
}

static gboolean
fill_part (GadTemplateScan        *s,
           const GadTemplatePart  *p,
           GadLetter              *l,
           GError                **error)
{
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  GPtrArray *rows;
  GadLetterPart *part;

  s->omit = p->omit;
  if (!gad_template_scan (s, p->heading, &heading, error))
    return FALSE;
  if (p->text)
    {
      if (!gad_template_scan (s, p->text, &text, error))
        return FALSE;
      /* Every line left out: so is the heading. */
      if (text)
        gad_letter_add_paragraph (l, heading, text, p->justify);
      return TRUE;
    }

  rows = g_hash_table_lookup (s->values->tables, p->table);
  if (rows == NULL || rows->len == 0)
    {
      const GadTemplateField *f = gad_template_find_field (p->table);

      if (p->omit)
        return TRUE;
      g_set_error (error, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_MISSING,
                   _("The document cannot be made: “%s” is empty for this client."),
                   f ? _(f->label) : p->table);
      return FALSE;
    }
  part = gad_letter_add_table (l, p->columns ? GAD_LETTER_ROWS : GAD_LETTER_AMOUNTS,
                               p->columns ? g_strv_length (p->columns) : 2);
  part->heading = g_steal_pointer (&heading);
  for (guint i = 0; p->columns && p->columns[i]; i++)
    g_ptr_array_add (part->cells, g_strdup (p->columns[i]));
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (part->cells, g_strdup (g_ptr_array_index (rows, i)));
  return TRUE;
}

/**
 * gad_template_fill:
 *
 * The document the template makes of @fields, ready to render.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 *   (%GAD_TEMPLATE_ERROR_MISSING naming a field that has no value where
 *   the template does not let its line be left out)
 */
GadLetter *
gad_template_fill (const GadTemplate  *self,
                   GadFields          *fields,
                   GError            **error)
{
  g_autoptr(GadLetter) l = gad_letter_new ();
  const char *number = g_hash_table_lookup (fields->texts, "document.number");
  GadTemplateScan s = { self, fields, NULL };
  char **targets[N_TEXTS] = {
    &l->mark, &l->letterhead, &l->type, NULL, &l->place, &l->dated, &l->addressee, &l->title,
    &l->signer_position, fields->e_signed ? NULL : &l->signature,
    fields->e_signed ? &l->signature : NULL, fields->e_signed ? &l->e_signed_note : NULL,
    &l->drafter };

  for (guint i = 0; i < N_TEXTS; i++)
    {
      if (targets[i] == NULL)
        continue;
      s.where = "";
      s.omit = (OMITTED & (1u << i)) != 0;
      if (!gad_template_scan (&s, self->texts[i], targets[i], error))
        return NULL;
    }
  for (guint i = 0; i < self->parts->len; i++)
    if (!fill_part (&s, g_ptr_array_index (self->parts, i), l, error))
      return NULL;

  l->institution = g_strdup (g_hash_table_lookup (fields->texts, "institution.name"));
  l->date = g_strdup (fields->date);
  l->coat_of_arms = g_strdup (fields->coat_of_arms);
  l->title_meta = g_strdup_printf ("%s %s", l->type ? l->type : "",
                                   number ? number : "");
  return g_steal_pointer (&l);
}
