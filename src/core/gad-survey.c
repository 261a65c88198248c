/* gad-survey.c — a survey and its questionnaire's questions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A survey runs for a period, asks its questionnaire's questions, and may
 * be a later run of an earlier one's (its series).
 */
#define G_LOG_DOMAIN "gad-survey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-survey.h"
#include "gad-text.h"

G_DEFINE_QUARK (gad-survey-error-quark, gad_survey_error)

static const struct
{
  const char *id;
  const char *label;
} kinds[] = {
  [GAD_QUESTION_SINGLE] = { "single", N_("One choice") },
  [GAD_QUESTION_MULTIPLE] = { "multiple", N_("Several choices") },
  [GAD_QUESTION_SCALE] = { "scale", N_("Scale of 1 to 5") },
  [GAD_QUESTION_NUMBER] = { "number", N_("Number") },
  [GAD_QUESTION_TEXT] = { "text", N_("Free text") },
};

const char *
gad_question_kind_to_string (GadQuestionKind kind)
{
  return kinds[kind].id;
}

gboolean
gad_question_kind_from_string (const char      *text,
                               GadQuestionKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (text, kinds[i].id) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
gad_question_kind_label (GadQuestionKind kind)
{
  return _(kinds[kind].label);
}

static gboolean
has_choices (GadQuestionKind kind)
{
  return kind == GAD_QUESTION_SINGLE || kind == GAD_QUESTION_MULTIPLE;
}

/* @choices: one a line; blank lines and spaces around are left out. */
GadSurveyQuestion *
gad_survey_question_new (const char      *code,
                         GadQuestionKind  kind,
                         const char      *text,
                         const char      *choices,
                         gboolean         respondent)
{
  GadSurveyQuestion *q = g_new0 (GadSurveyQuestion, 1);

  q->code = g_strstrip (g_strdup (code ? code : ""));
  q->kind = kind;
  q->text = g_strstrip (g_strdup (text ? text : ""));
  q->respondent = respondent;
  if (has_choices (kind))
    {
      g_auto(GStrv) lines = g_strsplit (choices ? choices : "", "\n", -1);
      GStrvBuilder *kept = g_strv_builder_new ();

      for (guint i = 0; lines[i]; i++)
        if (*g_strstrip (lines[i]) != '\0')
          g_strv_builder_add (kept, lines[i]);
      q->choices = g_strv_builder_end (kept);
      g_strv_builder_unref (kept);
    }
  return q;
}

GadSurveyQuestion *
gad_survey_question_copy (const GadSurveyQuestion *question)
{
  GadSurveyQuestion *q = g_memdup2 (question, sizeof *question);

  q->code = g_strdup (question->code);
  q->text = g_strdup (question->text);
  q->choices = g_strdupv (question->choices);
  return q;
}

void
gad_survey_question_free (GadSurveyQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->code);
  g_free (question->text);
  g_strfreev (question->choices);
  g_free (question);
}

/* Whether two questions ask the same, so that answers to one are answers
 * to the other. */
gboolean
gad_survey_question_same (const GadSurveyQuestion *a,
                          const GadSurveyQuestion *b)
{
  return g_strcmp0 (a->code, b->code) == 0 && a->kind == b->kind
         && g_strcmp0 (a->text, b->text) == 0 && a->respondent == b->respondent
         && (a->choices == NULL) == (b->choices == NULL)
         && (a->choices == NULL || g_strv_equal ((const char *const *) a->choices,
                                                 (const char *const *) b->choices));
}

GadSurvey *
gad_survey_new (const char *title,
                const char *period_from)
{
  GadSurvey *s = g_new0 (GadSurvey, 1);

  s->title = g_strdup (title);
  s->period_from = g_strdup (period_from);
  s->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_survey_question_free);
  return s;
}

GadSurvey *
gad_survey_copy (const GadSurvey *survey)
{
  GadSurvey *s = gad_survey_new (survey->title, survey->period_from);

  s->id = survey->id;
  s->series_id = survey->series_id;
  s->period_to = g_strdup (survey->period_to);
  s->service_code = g_strdup (survey->service_code);
  s->group_entry_id = survey->group_entry_id;
  s->version = survey->version;
  s->n_responses = survey->n_responses;
  for (guint i = 0; i < survey->questions->len; i++)
    g_ptr_array_add (s->questions, gad_survey_question_copy (survey->questions->pdata[i]));
  return s;
}

void
gad_survey_free (GadSurvey *survey)
{
  if (survey == NULL)
    return;
  g_free (survey->title);
  g_free (survey->period_from);
  g_free (survey->period_to);
  g_free (survey->service_code);
  g_ptr_array_unref (survey->questions);
  g_free (survey);
}

int
gad_survey_find_question (const GadSurvey *survey,
                          const char      *code)
{
  for (guint i = 0; i < survey->questions->len; i++)
    if (g_strcmp0 (((GadSurveyQuestion *) g_ptr_array_index (survey->questions, i))->code,
                   code) == 0)
      return i;
  return -1;
}

/* "7 “How satisfied are you …”": how errors name a question. */
char *
gad_survey_question_name (const GadSurvey *survey,
                          guint            index)
{
  const GadSurveyQuestion *q = g_ptr_array_index (survey->questions, index);
  glong length = g_utf8_strlen (q->text, -1);
  g_autofree char *text = g_utf8_substring (q->text, 0, MIN (length, 50));

  return g_strdup_printf ("%u “%s%s”", index + 1, text, length > 50 ? "…" : "");
}

static gboolean
check_question (const GadSurvey          *survey,
                guint                     index,
                GHashTable               *codes,
                GError                  **error)
{
  const GadSurveyQuestion *q = g_ptr_array_index (survey->questions, index);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = q->choices ? g_strv_length (q->choices) : 0;

  if (*q->text == '\0')
    {
      g_set_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_QUESTIONNAIRE,
                   _("Question %u has no text. Write what it asks."), index + 1);
      return FALSE;
    }
  if (*q->code == '\0' || strspn (q->code, "abcdefghijklmnopqrstuvwxyz0123456789_-")
                          != strlen (q->code) || !g_hash_table_add (codes, q->code))
    {
      g_set_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_QUESTIONNAIRE,
                   _("Question %u needs a code of its own, of small letters and digits, such "
                     "as “q%u”."), index + 1, index + 1);
      return FALSE;
    }
  if (has_choices (q->kind) && (n < 2 || n > GAD_SURVEY_MAX_CHOICES))
    {
      g_set_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_QUESTIONNAIRE,
                   _("Question %u needs from 2 to %d choices, one a line."), index + 1,
                   GAD_SURVEY_MAX_CHOICES);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!g_hash_table_add (seen, gad_text_fold (q->choices[i])))
      {
        g_set_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_QUESTIONNAIRE,
                     _("Question %u has the choice “%s” twice."), index + 1, q->choices[i]);
        return FALSE;
      }
  return TRUE;
}

/* A questionnaire that can be saved: a title, a first day, questions with
 * text, their own codes and two choices or more where they choose. */
gboolean
gad_survey_check (const GadSurvey  *survey,
                  GError          **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  GDate from, to;

  if (survey->title == NULL || *g_strstrip (survey->title) == '\0')
    {
      g_set_error_literal (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_QUESTIONNAIRE,
                           _("The survey needs a title."));
      return FALSE;
    }
  if (!gad_text_parse_date (survey->period_from, &from)
      || (survey->period_to && !gad_text_parse_date (survey->period_to, &to))
      || (survey->period_to && g_date_compare (&to, &from) < 0))
    {
      g_set_error_literal (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_QUESTIONNAIRE,
                           _("The survey’s period is not real days, or it ends before it "
                             "begins. Write them as DD.MM.YYYY."));
      return FALSE;
    }
  if (survey->questions->len == 0)
    {
      g_set_error_literal (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_QUESTIONNAIRE,
                           _("The questionnaire has no questions yet."));
      return FALSE;
    }
  for (guint i = 0; i < survey->questions->len; i++)
    if (!check_question (survey, i, codes, error))
      return FALSE;
  return TRUE;
}
