/* gad-import-fields.c — one field of an imported row, read or reported
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each reader takes the row's value in one of the kind's columns and gives
 * what the store keeps, or reports the row as bad with a message the
 * administrator can act on. Persons, staff and catalogue names are looked up
 * once an import, however many rows name them.
 */
#define G_LOG_DOMAIN "gad-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-import-private.h"
#include "gad-personal-code.h"
#include "gad-text.h"

/* The registry's personal codes, read once an import: code → person id. */
GHashTable *
gad_import_codes (GadImport  *imp,
                  GError    **error)
{
  if (imp->persons == NULL)
    imp->persons = gad_store_import_lookup (imp->store, GAD_IMPORT_LOOKUP_CODES, error);
  return imp->persons;
}

/* The registered person whose code the field holds; 0 (reported) for none,
 * -1 (with @error) when the registry could not be read. */
gint64
gad_import_person (GadImport  *imp,
                   guint       column,
                   GError    **error)
{
  g_autoptr(GError) wrong = NULL;
  char digits[12];
  gpointer id = NULL;

  if (gad_import_codes (imp, error) == NULL)
    return -1;
  if (!gad_personal_code_parse (gad_import_field (imp, column), digits, NULL, &wrong))
    {
      gad_import_problem (imp, column, wrong->message);
      return 0;
    }
  if ((id = g_hash_table_lookup (imp->persons, digits)) == NULL)
    gad_import_problem (imp, column, _("Nobody with this personal code is registered. Import "
                                       "the persons first."));
  return GPOINTER_TO_SIZE (id);
}

/* The field's date as the store writes it (11 bytes), "" when the field is
 * empty; FALSE (reported) for a date that is not one. */
gboolean
gad_import_date (GadImport *imp,
                 guint      column,
                 char      *iso)
{
  const char *text = gad_import_field (imp, column);
  GDate date;

  *iso = '\0';
  if (*text == '\0')
    {
      if (!imp->info->columns[column].required)
        return TRUE;
      gad_import_problem (imp, column, _("Enter the date, as DD.MM.YYYY."));
      return FALSE;
    }
  if (!gad_text_parse_date (text, &date))
    {
      gad_import_problem (imp, column, _("This is not a real date. Write it as DD.MM.YYYY."));
      return FALSE;
    }
  g_date_strftime (iso, 11, "%Y-%m-%d", &date);
  return TRUE;
}

/* An amount in euros, with a decimal comma or point; -1 (not reported) when
 * an optional field is empty. */
gboolean
gad_import_cents (GadImport *imp,
                  guint      column,
                  gint64    *cents)
{
  const char *text = gad_import_field (imp, column);

  *cents = -1;
  if (*text == '\0' && !imp->info->columns[column].required)
    return TRUE;
  if (!gad_text_parse_money (text, cents) || *cents > G_GINT64_CONSTANT (100000000000))
    {
      gad_import_problem (imp, column, _("Write the amount in euros, such as 109,00."));
      return FALSE;
    }
  return TRUE;
}

/* The staff member the field names; 0 when it is empty, -1 (reported) for
 * a name nobody or more than one has. */
gint64
gad_import_staff (GadImport *imp,
                  guint      column)
{
  const char *text = gad_import_field (imp, column);
  g_autofree char *key = NULL;
  gpointer id;

  if (*text == '\0' && !imp->info->columns[column].required)
    return 0;
  if (imp->staff == NULL)
    {
      g_autoptr(GPtrArray) staff = gad_store_list_staff (imp->store);

      imp->staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < staff->len; i++)
        {
          GadStaff *s = g_ptr_array_index (staff, i);
          g_autofree char *name = gad_text_fold (s->name);
          gboolean twice = g_hash_table_contains (imp->staff, name);

          g_hash_table_insert (imp->staff, g_steal_pointer (&name),
                               twice ? GINT_TO_POINTER (-1) : GSIZE_TO_POINTER (s->id));
        }
    }
  key = gad_text_fold (text);
  if (!g_hash_table_lookup_extended (imp->staff, key, NULL, &id))
    {
      gad_import_problem (imp, column, _("No staff member has this name. Add them in "
                                         "Preferences → Staff, or correct the name."));
      return -1;
    }
  if (GPOINTER_TO_INT (id) == -1)
    {
      gad_import_problem (imp, column, _("Two staff members have this name. Make the names "
                                         "differ in Preferences → Staff, then import again."));
      return -1;
    }
  return GPOINTER_TO_SIZE (id);
}

/* The catalogue code of the service (@service) or benefit type the field
 * names by its code or its Latvian name; NULL (reported) for another. */
const char *
gad_import_type (GadImport *imp,
                 guint      column,
                 gboolean   service)
{
  g_autofree char *key = gad_text_fold (gad_import_field (imp, column));
  const char *code;

  if (imp->types == NULL)
    {
      g_autoptr(GPtrArray) types = gad_store_list_types (imp->store);

      imp->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < types->len; i++)
        {
          GadTypeEntry *t = g_ptr_array_index (types, i);
          char mark = t->is_service ? 's' : 'b';
          g_autofree char *name = gad_text_fold (t->name_lv);

          g_hash_table_insert (imp->types, g_strdup_printf ("%c%s", mark, t->code),
                               g_strdup (t->code));
          g_hash_table_insert (imp->types, g_strdup_printf ("%c%s", mark, name),
                               g_strdup (t->code));
        }
    }
  {
    g_autofree char *lookup = g_strdup_printf ("%c%s", service ? 's' : 'b', key);

    code = g_hash_table_lookup (imp->types, lookup);
  }
  if (code == NULL)
    {
      g_autofree char *msg = service
        ? g_strdup_printf (_("“%s” is not a service in the catalogue. Write its code (such as "
                             "psychologist) or its Latvian name, or add it in Preferences → "
                             "Catalogues."), gad_import_field (imp, column))
        : g_strdup_printf (_("“%s” is not a benefit in the catalogue. Write its code (such as "
                             "gmi) or its Latvian name, or add it in Preferences → "
                             "Catalogues."), gad_import_field (imp, column));

      gad_import_problem (imp, column, msg);
    }
  return code;
}

/* One of @choices ("code|other name|…", folded), or NULL (reported with @message). */
const char *
gad_import_choice (GadImport           *imp,
                   guint                column,
                   const char * const  *choices,
                   const char          *message)
{
  g_autofree char *key = gad_text_fold (gad_import_field (imp, column));
  gsize n = strlen (key);

  /* Each choice's names, "|" between them, compared in place: a million
   * payment rows ask this. */
  for (guint i = 0; choices[i]; i++)
    for (const char *name = choices[i]; name != NULL;)
      {
        const char *bar = strchr (name, '|');
        gsize len = bar ? (gsize) (bar - name) : strlen (name);

        if (len == n && g_ascii_strncasecmp (name, key, n) == 0)
          {
            char code[32];
            const char *first = strchr (choices[i], '|');

            g_strlcpy (code, choices[i], first ? MIN (sizeof code, (gsize) (first - choices[i]) + 1)
                                               : sizeof code);
            return g_intern_string (code);
          }
        name = bar ? bar + 1 : NULL;
      }
  gad_import_problem (imp, column, message);
  return NULL;
}

/* The line of an earlier row with @key, or 0 (and @key is noted with this row's). */
guint
gad_import_seen (GadImport  *imp,
                 const char *key)
{
  gpointer line;

  if (imp->seen == NULL)
    imp->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (imp->seen, key, NULL, &line))
    return GPOINTER_TO_UINT (line);
  g_hash_table_insert (imp->seen, g_strdup (key), GUINT_TO_POINTER (imp->line));
  return 0;
}
