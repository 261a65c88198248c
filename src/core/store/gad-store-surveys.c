/* gad-store-surveys.c — client surveys: their questionnaires, in versions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A head writes a survey's questionnaire. Any change to its questions is
 * a new version: the version answered keeps its questions for the answers
 * it has, one nobody answered yet is replaced. Everyone who types in
 * responses reads the surveys.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"
#include "gad-survey.h"

#define SURVEY_COLUMNS \
  "s.id, coalesce (s.series_id, s.id), s.title, s.period_from, s.period_to, s.service_code," \
  " coalesce (s.group_entry_id, 0), s.version," \
  " (SELECT count (*) FROM survey_responses r WHERE r.survey_id = s.id)"

static gpointer
survey_from_row (GadStmt *stmt)
{
  GadSurvey *s = gad_survey_new (gad_stmt_column_text (stmt, 2), gad_stmt_column_text (stmt, 3));

  s->id = gad_stmt_column_int64 (stmt, 0);
  s->series_id = gad_stmt_column_int64 (stmt, 1);
  s->period_to = gad_store_column_dup (stmt, 4);
  s->service_code = gad_store_column_dup (stmt, 5);
  s->group_entry_id = gad_stmt_column_int64 (stmt, 6);
  s->version = gad_stmt_column_int64 (stmt, 7);
  s->n_responses = gad_stmt_column_int64 (stmt, 8);
  return s;
}

static gpointer
question_from_row (GadStmt *stmt)
{
  GadQuestionKind kind = GAD_QUESTION_TEXT;
  GadSurveyQuestion *q;

  gad_question_kind_from_string (gad_stmt_column_text (stmt, 3), &kind);
  q = gad_survey_question_new (gad_stmt_column_text (stmt, 2), kind,
                               gad_stmt_column_text (stmt, 4), gad_stmt_column_text (stmt, 5),
                               gad_stmt_column_int64 (stmt, 6));
  q->id = gad_stmt_column_int64 (stmt, 0);
  q->version = gad_stmt_column_int64 (stmt, 1);
  return q;
}

/* Whoever types in questionnaires: a desk's clerk, a social worker, a head. */
static gboolean
require_entry (GadStore  *self,
               GError   **error)
{
  return gad_store_can (self, GAD_RIGHT_REGISTER, 0)
         || gad_store_require (self, GAD_RIGHT_DASHBOARDS, 0, error);
}

/* The questions of @survey_id's @version, or of every version (0). */
GPtrArray *
gad_store_survey_questions (GadStore  *self,
                            gint64     survey_id,
                            int        version,
                            GError   **error)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT id, version, code, kind, text, choices,"
                                             " respondent FROM survey_questions"
                                             " WHERE survey_id = ?1 AND ?2 IN (0, version)"
                                             " ORDER BY version, position", error);

  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, survey_id);
  gad_stmt_bind_int64 (stmt, 2, version);
  return gad_store_collect (self, stmt, question_from_row,
                            (GDestroyNotify) gad_survey_question_free, error);
}

/* Every survey, the latest first, without their questions. */
GPtrArray *
gad_store_list_surveys (GadStore  *self,
                        GError   **error)
{
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  if (!require_entry (self, error))
    return NULL;
  stmt = gad_store_statement (self, "SELECT " SURVEY_COLUMNS " FROM surveys s"
                                    " ORDER BY s.period_from DESC, s.id DESC", error);
  if (stmt == NULL)
    return NULL;
  return gad_store_collect (self, stmt, survey_from_row, (GDestroyNotify) gad_survey_free, error);
}

/* A survey with its questionnaire's questions, as its version has them. */
GadSurvey *
gad_store_get_survey (GadStore  *self,
                      gint64     id,
                      GError   **error)
{
  g_autoptr(GPtrArray) found = NULL, questions = NULL;
  GadStmt *stmt;
  GadSurvey *survey;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  if (!require_entry (self, error))
    return NULL;
  stmt = gad_store_statement (self, "SELECT " SURVEY_COLUMNS " FROM surveys s WHERE s.id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, id);
  if ((found = gad_store_collect (self, stmt, survey_from_row, (GDestroyNotify) gad_survey_free,
                                  error)) == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("There is no survey number %s."), number);
      return NULL;
    }
  survey = g_ptr_array_steal_index (found, 0);
  if ((questions = gad_store_survey_questions (self, id, survey->version, error)) == NULL)
    {
      gad_survey_free (survey);
      return NULL;
    }
  g_ptr_array_extend_and_steal (survey->questions, g_steal_pointer (&questions));
  return survey;
}

static gboolean
insert_questions (GadStore   *self,
                  GadSurvey  *survey,
                  GError    **error)
{
  for (guint i = 0; i < survey->questions->len; i++)
    {
      GadSurveyQuestion *q = g_ptr_array_index (survey->questions, i);
      g_autofree char *choices = q->choices ? g_strjoinv ("\n", q->choices) : g_strdup ("");
      GadStmt *stmt = gad_store_statement (self, "INSERT INTO survey_questions (survey_id,"
                                                 " version, position, code, kind, text, choices,"
                                                 " respondent) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                                                 " ?7, ?8) RETURNING id", error);

      if (stmt == NULL)
        return FALSE;
      gad_stmt_bind_int64 (stmt, 1, survey->id);
      gad_stmt_bind_int64 (stmt, 2, survey->version);
      gad_stmt_bind_int64 (stmt, 3, i);
      gad_stmt_bind_text (stmt, 4, q->code);
      gad_stmt_bind_text (stmt, 5, gad_question_kind_to_string (q->kind));
      gad_stmt_bind_text (stmt, 6, q->text);
      gad_stmt_bind_text (stmt, 7, choices);
      gad_stmt_bind_int64 (stmt, 8, q->respondent);
      if ((q->id = gad_store_insert_id (self, stmt, error)) == 0)
        return FALSE;
      q->version = survey->version;
    }
  return TRUE;
}

static gboolean
same_questions (GPtrArray *a,
                GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!gad_survey_question_same (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* A new version of the questions, unless they are the version's. The
 * version before stays with its answers, or goes when it has none. */
static gboolean
save_questions (GadStore   *self,
                GadSurvey  *survey,
                GError    **error)
{
  g_autoptr(GPtrArray) before = gad_store_survey_questions (self, survey->id, survey->version,
                                                            error);
  GadStmt *stmt;

  if (before == NULL)
    return FALSE;
  if (same_questions (before, survey->questions))
    {
      for (guint i = 0; i < before->len; i++)
        ((GadSurveyQuestion *) g_ptr_array_index (survey->questions, i))->id
          = ((GadSurveyQuestion *) g_ptr_array_index (before, i))->id;
      return TRUE;
    }
  stmt = gad_store_statement (self, "DELETE FROM survey_questions WHERE survey_id = ?1"
                                    " AND version = ?2 AND NOT EXISTS (SELECT 1"
                                    "  FROM survey_responses r WHERE r.survey_id = ?1"
                                    "  AND r.version = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, survey->id);
  gad_stmt_bind_int64 (stmt, 2, survey->version);
  if (!gad_store_step_done (self, stmt, error))
    return FALSE;
  survey->version++;
  return insert_questions (self, survey, error);
}

static gboolean
save_survey (GadStore   *self,
             GadSurvey  *survey,
             GError    **error)
{
  g_autofree char *now = gad_store_now (), *questions = NULL, *version = NULL;
  gboolean created = survey->id == 0;
  int version_before = survey->version;
  gint64 id_before = survey->id;
  GArray *changes;
  GadStmt *stmt;

  if (!gad_store_require (self, GAD_RIGHT_DASHBOARDS, 0, error)
      || !gad_survey_check (survey, error))
    return FALSE;
  if (!gad_store_begin (self, error))
    return FALSE;
  if (created)
    {
      stmt = gad_store_statement (self, "INSERT INTO surveys (series_id, title, period_from,"
                                        " created_by, created_at, version)"
                                        " VALUES (nullif (?1, 0), ?2, ?3, nullif (?4, 0), ?5, 1)"
                                        " RETURNING id", error);
      if (stmt == NULL)
        goto fail;
      gad_stmt_bind_int64 (stmt, 1, survey->series_id);
      gad_stmt_bind_text (stmt, 2, survey->title);
      gad_stmt_bind_text (stmt, 3, survey->period_from);
      gad_stmt_bind_int64 (stmt, 4, gad_store_actor_id (self));
      gad_stmt_bind_text (stmt, 5, now);
      if ((survey->id = gad_store_insert_id (self, stmt, error)) == 0)
        goto fail;
      survey->version = 1;
      if (!insert_questions (self, survey, error))
        goto fail;
    }
  else if (gad_store_lookup_id (self, "SELECT version FROM surveys WHERE id = ?1", survey->id)
           != survey->version)
    {
      gad_store_refuse_stale (self, "survey", survey->id, error);
      goto fail;
    }
  else if (!save_questions (self, survey, error))
    goto fail;
  stmt = gad_store_statement (self, "UPDATE surveys SET title = ?2, period_from = ?3,"
                                    " period_to = ?4, service_code = ?5,"
                                    " group_entry_id = nullif (?6, 0), version = ?7"
                                    " WHERE id = ?1 AND version = ?8", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, survey->id);
  gad_stmt_bind_text (stmt, 2, survey->title);
  gad_stmt_bind_text (stmt, 3, survey->period_from);
  gad_stmt_bind_text (stmt, 4, survey->period_to);
  gad_stmt_bind_text (stmt, 5, survey->service_code);
  gad_stmt_bind_int64 (stmt, 6, survey->group_entry_id);
  gad_stmt_bind_int64 (stmt, 7, survey->version);
  gad_stmt_bind_int64 (stmt, 8, created ? 1 : version_before);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  if (gad_db_changes (self->db) != 1)
    {
      gad_store_refuse_stale (self, "survey", survey->id, error);
      goto fail;
    }
  questions = g_strdup_printf ("%u", survey->questions->len);
  version = g_strdup_printf ("%d", survey->version);
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "title", NULL, survey->title);
  gad_field_changes_add (changes, "questions", NULL, questions);
  gad_field_changes_add (changes, "version", NULL, version);
  if (!gad_store_audit (self, "survey", survey->id, 0, created ? "create" : "update", changes,
                        error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  survey->id = id_before;
  survey->version = version_before;
  return FALSE;
}

/**
 * gad_store_save_survey:
 * @survey: a new survey (id 0; series_id an earlier run's, or 0), or one
 *   as read; its id, version and questions' ids are set when saved
 *
 * Saves the survey and, if its questions changed, them as a new version of
 * its questionnaire. A head's.
 */
gboolean
gad_store_save_survey (GadStore   *self,
                       GadSurvey  *survey,
                       GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  GAD_STORE_RETRYING (self, error, ok, save_survey (self, survey, error));
  return ok;
}
