/* gad-survey-import.c — a survey's responses read from a CSV file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An online form's export or a spreadsheet: the first row names the
 * questions (a code, a number such as "7" or "Q7", or the question's text,
 * with or without its number), each row after it is one questionnaire.
 * Choices are given by their number or text, several of them separated by
 * semicolons or commas. Columns no question has (a timestamp) are left
 * and said. Every row is checked before any is taken.
 */
#define G_LOG_DOMAIN "gad-survey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-csv.h"
#include "gad-survey.h"
#include "gad-text.h"

#define MAX_REPORTED 10

/* "7. Kā jūs vērtējat…" → "Kā jūs vērtējat…"; "Q7" → "7". */
static char *
without_number (const char *folded)
{
  const char *p = folded;

  if (*p == 'q' && g_ascii_isdigit (p[1]))
    p++;
  while (g_ascii_isdigit (*p))
    p++;
  if (p == folded || (*p != '.' && *p != ')' && *p != '\0'))
    return g_strdup (folded);
  if (*p != '\0')
    p++;
  return g_strstrip (g_strdup (p));
}

static int
match_column (const GadSurvey *survey,
              const char      *name)
{
  g_autofree char *folded = g_strstrip (gad_text_fold (name));
  g_autofree char *bare = without_number (folded);
  const char *digits = folded + (folded[0] == 'q');
  char *end;
  guint64 number = g_ascii_strtoull (digits, &end, 10);

  if (end != digits && *end == '\0')
    return number >= 1 && number <= survey->questions->len ? (int) number - 1 : -1;
  for (guint i = 0; i < survey->questions->len; i++)
    {
      const GadSurveyQuestion *q = g_ptr_array_index (survey->questions, i);
      g_autofree char *text = g_strstrip (gad_text_fold (q->text));

      if (g_str_equal (q->code, folded) || g_str_equal (text, folded) || g_str_equal (text, bare))
        return i;
    }
  return -1;
}

/* Which question each column answers (-1: none); each question once. */
static GArray *
match_header (const GadSurvey  *survey,
              GStrv             header,
              GStrv            *unused,
              GError          **error)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree gboolean *taken = g_new0 (gboolean, survey->questions->len);
  g_autoptr(GStrvBuilder) left = g_strv_builder_new ();
  guint matched = 0;

  for (guint c = 0; header[c]; c++)
    {
      int q = match_column (survey, header[c]);

      if (q >= 0 && taken[q])
        {
          g_autofree char *name = gad_survey_question_name (survey, q);

          g_set_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_FILE,
                       _("Two columns of the file answer question %s: “%s” is the second."),
                       name, header[c]);
          g_array_unref (columns);
          return NULL;
        }
      if (q >= 0)
        {
          taken[q] = TRUE;
          matched++;
        }
      else if (*header[c])
        g_strv_builder_add (left, header[c]);
      g_array_append_val (columns, q);
    }
  if (matched == 0)
    {
      g_set_error_literal (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_FILE,
                           _("No column of the file is one of the survey’s questions. Name "
                             "them in the first row by the question’s code, number or text."));
      g_array_unref (columns);
      return NULL;
    }
  *unused = g_strv_builder_end (left);
  return columns;
}

/**
 * gad_survey_read_csv:
 * @unused: (out) (optional): the columns no question has
 *
 * Returns: (transfer full): the responses, a GStrv each, the survey's
 *   answers as kept; %NULL with @error naming the bad rows (up to ten)
 *   when any row is bad, the file has no question's column, or no rows.
 */
GPtrArray *
gad_survey_read_csv (const GadSurvey  *survey,
                     const char       *data,
                     gsize             length,
                     GStrv            *unused,
                     GError          **error)
{
  g_autoptr(GadCsv) csv = gad_csv_parse (data, length, error);
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GArray) columns = NULL;
  g_autoptr(GString) bad = g_string_new (NULL);
  g_auto(GStrv) left = NULL;
  guint n_q = survey->questions->len, n_bad = 0;

  if (csv == NULL)
    return NULL;
  if (csv->rows->len < 2)
    {
      g_set_error_literal (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_FILE,
                           _("The file has no responses: the first row names the questions, "
                             "each row after it is one questionnaire."));
      return NULL;
    }
  if ((columns = match_header (survey, g_ptr_array_index (csv->rows, 0), &left, error)) == NULL)
    return NULL;
  responses = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint r = 1; r < csv->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (csv->rows, r);
      g_autofree char **values = g_new0 (char *, n_q + 1);
      g_autoptr(GError) row_error = NULL;
      GStrv checked;
      gboolean blank = TRUE;

      for (guint c = 0; row[c] && c < columns->len; c++)
        {
          int q = g_array_index (columns, int, c);

          blank = blank && *g_strstrip (row[c]) == '\0';
          if (q >= 0)
            values[q] = row[c];
        }
      for (guint q = 0; q < n_q; q++)
        if (values[q] == NULL)
          values[q] = (char *) "";
      if (blank)
        continue;   /* a spreadsheet's empty line */
      if ((checked = gad_survey_check_response (survey, (const char *const *) values, &row_error)))
        g_ptr_array_add (responses, checked);
      else if (n_bad++ < MAX_REPORTED)
        g_string_append_printf (bad, "\n%s", row_error->message);
      if (row_error && n_bad <= MAX_REPORTED)
        {
          g_autofree char *line = g_strdup_printf (_("Line %u: "),
                                                   g_array_index (csv->lines, guint, r));

          g_string_insert (bad, bad->len - strlen (row_error->message), line);
        }
    }
  if (n_bad > 0)
    {
      if (n_bad > MAX_REPORTED)
        {
          g_string_append_c (bad, '\n');
          g_string_append_printf (bad, ngettext ("… and %u more bad row.",
                                                 "… and %u more bad rows.", n_bad - MAX_REPORTED),
                                  n_bad - MAX_REPORTED);
        }
      g_set_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_FILE,
                   ngettext ("Nothing was imported: %u row is bad.%s",
                             "Nothing was imported: %u rows are bad.%s", n_bad), n_bad, bad->str);
      return NULL;
    }
  if (responses->len == 0)
    {
      g_set_error_literal (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_FILE,
                           _("The file has no responses: the first row names the questions, "
                             "each row after it is one questionnaire."));
      return NULL;
    }
  if (unused)
    *unused = g_steal_pointer (&left);
  return g_steal_pointer (&responses);
}
