/* gad-store-survey-responses.c — a survey's responses: typed in, imported, read
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A response answers the questionnaire's version it was given: if the
 * questions changed since they were read, nothing is written. A paper
 * questionnaire is one transaction with its audit row, an import of a
 * thousand is one too. Anonymous unless a client's consent links one to
 * them. The results read every answer once, into a table counted in core.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"
#include "gad-survey.h"

/* One response's answers in one statement: a row a question answered. */
static gboolean
insert_answers (GadStore         *self,
                const GadSurvey  *survey,
                gint64            response_id,
                GStrv             values,
                GError          **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO survey_answers (response_id, question_id,"
                                         " value) VALUES ");
  guint n = 0, p = 1;
  GadStmt *stmt;

  for (guint i = 0; values[i]; i++)
    if (*values[i])
      g_string_append_printf (sql, "%s(?1, ?%u, ?%u)", n++ ? ", " : "", p + 1, p + 2), p += 2;
  if ((stmt = gad_store_statement (self, sql->str, error)) == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, response_id);
  p = 1;
  for (guint i = 0; values[i] && i < survey->questions->len; i++)
    if (*values[i])
      {
        gad_stmt_bind_int64 (stmt, ++p,
                             ((GadSurveyQuestion *) g_ptr_array_index (survey->questions, i))->id);
        gad_stmt_bind_text (stmt, ++p, values[i]);
      }
  return gad_store_step_done (self, stmt, error);
}

static guint
add_responses (GadStore          *self,
               const GadSurvey   *survey,
               GPtrArray         *responses,
               gint64             person_id,
               const char        *source,
               GadStoreProgress   progress,
               gpointer           progress_data,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autofree char *now = gad_store_now (), *count = NULL;
  g_autoptr(GPtrArray) checked = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GArray *changes;

  if (!gad_store_can (self, GAD_RIGHT_REGISTER, 0)
      && !gad_store_require (self, GAD_RIGHT_DASHBOARDS, 0, error))
    return G_MAXUINT;
  for (guint i = 0; i < responses->len; i++)
    {
      GStrv values = gad_survey_check_response (survey, g_ptr_array_index (responses, i), error);

      if (values == NULL)
        return G_MAXUINT;
      g_ptr_array_add (checked, values);
    }
  if (!gad_store_begin (self, error))
    return G_MAXUINT;
  if (gad_store_lookup_id (self, "SELECT version FROM surveys WHERE id = ?1", survey->id)
      != survey->version)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT,
                           _("The survey’s questionnaire was changed after you opened it. "
                             "Nothing was saved: open the survey again."));
      goto fail;
    }
  for (guint i = 0; i < checked->len; i++)
    {
      GadStmt *stmt = gad_store_statement (self, "INSERT INTO survey_responses (survey_id, version,"
                                                 " person_id, source, entered_by, entered_at)"
                                                 " VALUES (?1, ?2, nullif (?3, 0), ?4,"
                                                 " nullif (?5, 0), ?6) RETURNING id", error);
      gint64 id;

      if (stmt == NULL)
        goto fail;
      gad_stmt_bind_int64 (stmt, 1, survey->id);
      gad_stmt_bind_int64 (stmt, 2, survey->version);
      gad_stmt_bind_int64 (stmt, 3, person_id);
      gad_stmt_bind_text (stmt, 4, source);
      gad_stmt_bind_int64 (stmt, 5, gad_store_actor_id (self));
      gad_stmt_bind_text (stmt, 6, now);
      if ((id = gad_store_insert_id (self, stmt, error)) == 0
          || !insert_answers (self, survey, id, g_ptr_array_index (checked, i), error))
        goto fail;
      if (i % 64 == 63)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto fail;
          if (progress)
            progress ((double) i / checked->len, progress_data);
        }
    }
  count = g_strdup_printf ("%u", checked->len);
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "responses", NULL, count);
  if (!gad_store_audit (self, "survey", survey->id, person_id,
                        g_str_equal (source, "paper") ? "response" : "import", changes, error))
    goto fail;
  return gad_store_commit (self, error) ? checked->len : G_MAXUINT;

fail:
  gad_store_rollback (self);
  return G_MAXUINT;
}

/**
 * gad_store_add_survey_response:
 * @survey: as read, with its questions
 * @values: an answer a question, in order, as typed ("" for none)
 * @person_id: the client who consented to be named with their answers, or 0
 *
 * Saves one paper questionnaire. A clerk's, a social worker's, a head's.
 */
gboolean
gad_store_add_survey_response (GadStore          *self,
                               const GadSurvey   *survey,
                               const char *const *values,
                               gint64             person_id,
                               GError           **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  g_ptr_array_add (one, (gpointer) values);
  for (guint attempt = 0;
       (n = add_responses (self, survey, one, person_id, "paper", NULL, NULL, NULL, error))
       == G_MAXUINT && gad_store_retry (self, &attempt, error);)
    ;
  return n != G_MAXUINT;
}

/**
 * gad_store_import_survey_responses:
 * @responses: (element-type GStrv): as gad_survey_read_csv () reads them
 *
 * Saves all the responses, or, cancelled or failed, none.
 * Returns: how many, or G_MAXUINT with @error set
 */
guint
gad_store_import_survey_responses (GadStore          *self,
                                   const GadSurvey   *survey,
                                   GPtrArray         *responses,
                                   GadStoreProgress   progress,
                                   gpointer           progress_data,
                                   GCancellable      *cancellable,
                                   GError           **error)
{
  guint n;

  g_return_val_if_fail (GAD_IS_STORE (self), G_MAXUINT);
  for (guint attempt = 0;
       (n = add_responses (self, survey, responses, 0, "import", progress, progress_data,
                           cancellable, error)) == G_MAXUINT
       && gad_store_retry (self, &attempt, error);)
    ;
  return n;
}

/* Every answer, counted under the survey's version's questions. Responses
 * saved while it reads are left for the next reading. */
static GadSurveyTable *
read_table (GadStore  *self,
            gint64     survey_id,
            GError   **error)
{
  g_autoptr(GadSurvey) survey = NULL;
  g_autoptr(GPtrArray) asked = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GadSurveyTable) table = NULL;
  g_autofree gint64 *ids = NULL;
  guint n_rows, next = 0;
  GadStmt *stmt;
  GadDbStep rc;

  if (!gad_store_require (self, GAD_RIGHT_DASHBOARDS, 0, error)
      || (survey = gad_store_get_survey (self, survey_id, error)) == NULL
      || (asked = gad_store_survey_questions (self, survey_id, 0, error)) == NULL)
    return NULL;
  for (guint i = 0; i < asked->len; i++)
    g_hash_table_insert (by_id, &((GadSurveyQuestion *) asked->pdata[i])->id, asked->pdata[i]);
  n_rows = survey->n_responses;
  ids = g_new (gint64, MAX (n_rows, 1));
  table = gad_survey_table_new (g_steal_pointer (&survey), n_rows);
  stmt = gad_store_statement (self, "SELECT a.response_id, a.question_id, a.value"
                                    " FROM survey_responses r"
                                    " JOIN survey_answers a ON a.response_id = r.id"
                                    " WHERE r.survey_id = ?1 ORDER BY a.response_id", error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_int64 (stmt, 1, survey_id);
  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      gint64 response = gad_stmt_column_int64 (stmt, 0);
      gint64 question = gad_stmt_column_int64 (stmt, 1);
      const GadSurveyQuestion *q = g_hash_table_lookup (by_id, &question);
      gpointer row;

      if (!g_hash_table_lookup_extended (rows, &response, NULL, &row))
        {
          if (next == n_rows)
            continue;
          ids[next] = response;
          row = GUINT_TO_POINTER (next);
          g_hash_table_insert (rows, &ids[next++], row);
        }
      if (q)
        gad_survey_table_add (table, GPOINTER_TO_UINT (row), q,
                              gad_stmt_column_text (stmt, 2));
    }
  gad_stmt_reset (stmt);
  if (rc != GAD_DB_DONE)
    {
      gad_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&table);
}

/**
 * gad_store_survey_table:
 *
 * The survey's responses for its results (gad_survey_results_new ()); a
 * head's. The table owns the survey, as read with its questions.
 */
GadSurveyTable *
gad_store_survey_table (GadStore  *self,
                        gint64     survey_id,
                        GError   **error)
{
  GadSurveyTable *table;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  for (guint attempt = 0;
       (table = read_table (self, survey_id, error)) == NULL && gad_store_retry (self, &attempt, error);)
    ;
  return table;
}
