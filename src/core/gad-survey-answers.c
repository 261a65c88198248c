/* gad-survey-answers.c — answers checked against their questions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An answer is kept as the question's kind has it: a choice's number (1 is
 * the first), several choices' numbers "1,3", a scale's 1–5, a number
 * with a point, or the text. Typed in or imported, a choice may also be
 * given by its text, several separated by semicolons or commas.
 */
#define G_LOG_DOMAIN "gad-survey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gad-survey.h"
#include "gad-text.h"

/* The number of @text's choice among @choices, by its number or its text;
 * 0 when neither. */
static guint
choice_number (GStrv       choices,
               const char *text)
{
  g_autofree char *folded = gad_text_fold (text);
  guint n = g_strv_length (choices);
  char *end;
  guint64 number = g_ascii_strtoull (text, &end, 10);

  if (end != text && *end == '\0')
    return number >= 1 && number <= n ? (guint) number : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *choice = gad_text_fold (choices[i]);

      if (g_str_equal (choice, folded))
        return i + 1;
    }
  return 0;
}

static char *
check_choices (const GadSurveyQuestion *q,
               const char              *value)
{
  guint32 mask = 0;
  guint one = choice_number (q->choices, value);
  g_auto(GStrv) parts = NULL;
  GString *out;

  if (one != 0)
    return g_strdup_printf ("%u", one);
  if (q->kind == GAD_QUESTION_SINGLE)
    return NULL;
  parts = g_strsplit_set (value, strchr (value, ';') ? ";" : ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      guint n = choice_number (q->choices, g_strstrip (parts[i]));

      if (n == 0 && *parts[i] != '\0')
        return NULL;
      if (n)
        mask |= 1u << (n - 1);
    }
  out = g_string_new (NULL);
  for (guint i = 0; i < GAD_SURVEY_MAX_CHOICES; i++)
    if (mask & (1u << i))
      g_string_append_printf (out, "%s%u", out->len ? "," : "", i + 1);
  return g_string_free (out, FALSE);
}

/**
 * gad_survey_check_answer:
 * @value: as typed or read: "" or %NULL for no answer
 *
 * Returns: (transfer full): the answer as it is kept ("" for none), or
 *   %NULL with @error naming the question when it is not one of its
 *   choices, off its scale, or not a number.
 */
char *
gad_survey_check_answer (const GadSurvey  *survey,
                         guint             index,
                         const char       *value,
                         GError          **error)
{
  const GadSurveyQuestion *q = g_ptr_array_index (survey->questions, index);
  g_autofree char *name = NULL;
  g_autofree char *v = g_strstrip (g_strdup (value ? value : ""));
  char *result = NULL, *end;
  double number;

  if (*v == '\0')
    return g_strdup ("");
  switch (q->kind)
    {
    case GAD_QUESTION_SINGLE:
    case GAD_QUESTION_MULTIPLE:
      if ((result = check_choices (q, v)) && *result)
        return result;
      g_clear_pointer (&result, g_free);
      break;
    case GAD_QUESTION_SCALE:
      number = g_ascii_strtoll (v, &end, 10);
      if (*end == '\0' && number >= 1 && number <= GAD_SURVEY_SCALE_MAX)
        return g_strdup_printf ("%d", (int) number);
      break;
    case GAD_QUESTION_NUMBER:
      g_strdelimit (v, ",", '.');
      number = g_ascii_strtod (v, &end);
      if (*end == '\0' && isfinite (number))
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, number));
        }
      break;
    case GAD_QUESTION_TEXT:
      return g_steal_pointer (&v);
    }
  name = gad_survey_question_name (survey, index);
  if (q->kind == GAD_QUESTION_SCALE)
    g_set_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_ANSWER,
                 _("Question %s: “%s” is not on its scale of 1 to %d."), name, v,
                 GAD_SURVEY_SCALE_MAX);
  else if (q->kind == GAD_QUESTION_NUMBER)
    g_set_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_ANSWER,
                 _("Question %s: “%s” is not a number."), name, v);
  else
    g_set_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_ANSWER,
                 _("Question %s: “%s” is not one of its choices (1 to %u)."), name, v,
                 g_strv_length (q->choices));
  return NULL;
}

/* A whole questionnaire's answers, one a question in order; the first bad
 * one refuses it. */
GStrv
gad_survey_check_response (const GadSurvey    *survey,
                           const char *const  *values,
                           GError            **error)
{
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  guint n = values ? g_strv_length ((GStrv) values) : 0;
  gboolean any = FALSE;

  for (guint i = 0; i < survey->questions->len; i++)
    {
      g_autofree char *v = gad_survey_check_answer (survey, i, i < n ? values[i] : NULL, error);

      if (v == NULL)
        return NULL;
      any = any || *v;
      g_strv_builder_add (out, v);
    }
  if (!any)
    {
      g_set_error_literal (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_ANSWER,
                           _("The questionnaire has no answers."));
      return NULL;
    }
  return g_strv_builder_end (out);
}

/* Typed from the keyboard, a questionnaire at a time (the window's
 * rules, kept here so that tests check them). */

/* What a kept answer says: the choices' texts, or nothing more. */
char *
gad_survey_answer_meaning (const GadSurveyQuestion *q,
                           const char              *kept)
{
  g_auto(GStrv) numbers = NULL;
  GString *out;

  if (q->choices == NULL || *kept == '\0')
    return g_strdup ("");
  numbers = g_strsplit (kept, ",", -1);
  out = g_string_new (NULL);
  for (guint i = 0; numbers[i]; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", q->choices[atoi (numbers[i]) - 1]);
  return g_string_free (out, FALSE);
}

/* Several of at most nine choices may be typed as their digits: "14" is
 * the first and the fourth. */
char *
gad_survey_typed_answer (const GadSurveyQuestion *q,
                         const char              *typed)
{
  GString *out;

  if (q->kind != GAD_QUESTION_MULTIPLE || g_strv_length (q->choices) > 9
      || strspn (typed, "0123456789") != strlen (typed))
    return g_strdup (typed);
  out = g_string_new (NULL);
  for (const char *p = typed; *p; p++)
    g_string_append_printf (out, "%s%c", out->len ? "," : "", *p);
  return g_string_free (out, FALSE);
}

/* A choice of one whose digits no other choice begins with, or a scale. */
gboolean
gad_survey_answer_is_whole (const GadSurveyQuestion *q,
                            const char              *typed,
                            const char              *kept)
{
  if (*kept == '\0' || !g_ascii_isdigit (*typed))
    return FALSE;
  if (q->kind == GAD_QUESTION_SCALE)
    return TRUE;
  return q->kind == GAD_QUESTION_SINGLE && atoi (typed) * 10 > (int) g_strv_length (q->choices);
}
