/* gad-csv.c — reading and writing CSV files as Latvian offices make them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offices export from spreadsheets in UTF-8 (with or without a BOM) or in
 * Windows-1257, with commas or — in a Latvian locale — semicolons, and with
 * quoted fields that may hold separators, quotes and line breaks.
 */
#define G_LOG_DOMAIN "gad-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-csv.h"

G_DEFINE_QUARK (gad-csv-error-quark, gad_csv_error)

void
gad_csv_free (GadCsv *csv)
{
  if (csv == NULL)
    return;
  g_ptr_array_unref (csv->rows);
  g_array_unref (csv->lines);
  g_free (csv);
}

/* The separator is whichever of ';' and ',' the first line uses more, outside quotes. */
static char
guess_separator (const char *text,
                 char        quote)
{
  guint commas = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == quote)
        quoted = !quoted;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

/* Whether Windows-1257 was the file's encoding. Beyond ASCII, an office's
 * text has Latvian (and its neighbours') letters and some punctuation, and
 * its words are mostly ASCII letters. A file in another encoding read so
 * shows other characters, or — Windows-1251 Cyrillic, above all — words
 * made of accented letters only ("Čāąķīā" for "Иванов"): mojibake. */
static gboolean
plausibly_latvian (const char *text)
{
  static const char allowed[] = "āčēģīķļņōŗšūžĀČĒĢĪĶĻŅŌŖŠŪŽ"
                                "äöüõÄÖÜÕąęėįųĄĘĖĮŲéóÉÓ"
                                "«»„“”‘’–—…€°§±·×";
  guint letters = 0, accented = 0;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalpha (c))
        {
          letters++;
          accented += c >= 0x80;
        }
      else
        {
          if (letters >= 3 && accented * 2 > letters)
            return FALSE;
          letters = accented = 0;
        }
      if (c == 0)
        return TRUE;
      if (c < 0x80 ? (c < 0x20 && c != '\t' && c != '\r' && c != '\n')
                   : c != 0xa0 && g_utf8_strchr (allowed, -1, c) == NULL)
        return FALSE;
    }
}

static char *
to_utf8 (const char  *data,
         gsize        length,
         const char **encoding,
         GError     **error)
{
  char *converted = NULL;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3, length -= 3;
  *encoding = "UTF-8";
  if (memchr (data, '\0', length) == NULL && g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);

  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      *encoding = "UTF-16";
      converted = g_convert (data, length, "UTF-8", "UTF-16", NULL, NULL, NULL);
      if (converted && g_str_has_prefix (converted, "\xef\xbb\xbf"))
        memmove (converted, converted + 3, strlen (converted + 3) + 1);
    }
  else if (memchr (data, '\0', length) == NULL)
    {
      *encoding = "Windows-1257";
      converted = g_convert (data, length, "UTF-8", "WINDOWS-1257", NULL, NULL, NULL);
      if (converted && !plausibly_latvian (converted))
        g_clear_pointer (&converted, g_free);
    }
  if (converted == NULL)
    g_set_error (error, GAD_CSV_ERROR, GAD_CSV_ERROR_ENCODING,
                 _("The file is not UTF-8 or Windows-1257 text, or it holds letters Latvian "
                   "text does not. Save it from the spreadsheet as “CSV UTF-8” and try again."));
  return converted;
}

/**
 * gad_csv_parse:
 *
 * Returns: (transfer full): every non-empty record, or %NULL with @error set
 *   when the file cannot be read as text or a quote is never closed
 */
GadCsv *
gad_csv_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  const char *encoding = NULL;
  g_autofree char *text = to_utf8 (data, length, &encoding, error);
  g_autoptr(GadCsv) csv = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE, was_quoted = FALSE;
  guint line = 1, row_line = 1, quote_line = 0;
  char quote;
  const char *p;

  if (text == NULL)
    return NULL;

  csv = g_new0 (GadCsv, 1);
  csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  csv->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  /* The state address register's open data quote every field with '#'. */
  quote = *text == '#' ? '#' : '"';
  csv->separator = guess_separator (text, quote);
  csv->encoding = encoding;
  fields = g_ptr_array_new_with_free_func (g_free);

  for (p = text;; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '\0')
            {
              g_set_error (error, GAD_CSV_ERROR, GAD_CSV_ERROR_SYNTAX,
                           _("Line %u: a quoted field is never closed. Check the quotation "
                             "marks in that line."),
                           quote_line);
              return NULL;
            }
          if (c == quote && p[1] == quote)
            g_string_append_c (field, quote), p++;
          else if (c == quote)
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              if (c != '\r' || p[1] != '\n')
                g_string_append_c (field, c);
            }
          continue;
        }

      if (c == quote && field->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          quote_line = line;
        }
      else if (c == csv->separator)
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
        }
      else if (c == '\n' || c == '\r' || c == '\0')
        {
          gboolean blank = fields->len == 0 && field->len == 0 && !was_quoted;

          if (!blank)
            {
              g_ptr_array_add (fields, g_strdup (field->str));
              g_ptr_array_add (fields, NULL);
              g_ptr_array_add (csv->rows, g_ptr_array_steal (fields, NULL));
              g_array_append_val (csv->lines, row_line);
            }
          g_string_truncate (field, 0);
          was_quoted = FALSE;
          if (c == '\0')
            break;
          if (c == '\r' && p[1] == '\n')
            p++;
          line++;
          row_line = line;
        }
      else
        g_string_append_c (field, c);
    }

  return g_steal_pointer (&csv);
}

/* Quotes a field only when it must be: separators, quotes, line breaks. */
void
gad_csv_append_row (GString             *out,
                    const char * const  *fields,
                    char                 separator)
{
  for (guint i = 0; fields[i]; i++)
    {
      const char *f = fields[i];

      if (i > 0)
        g_string_append_c (out, separator);
      if (strchr (f, separator) || strpbrk (f, "\"\r\n"))
        {
          g_string_append_c (out, '"');
          for (const char *p = f; *p; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, f);
    }
  g_string_append (out, "\r\n");
}
