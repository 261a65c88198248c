/* test-survey.c — client surveys: questionnaires, responses and results
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On both engines (a server with GADIBA_TEST_SERVER), signed in as the
 * roles that do the work: a head writes the questionnaire, a clerk and a
 * social worker type in paper questionnaires, the head reads results whose
 * every count is known; versions, imports with bad rows, and two runs
 * compared.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gad-survey.h"
#include "gad-test-util.h"

static GadSurvey *
questionnaire (const char *title)
{
  GadSurvey *s = gad_survey_new (title, "2026-11-01");

  g_ptr_array_add (s->questions, gad_survey_question_new ("gender", GAD_QUESTION_SINGLE, "Dzimums",
                                                          "Sieviete\nVīrietis\n", TRUE));
  g_ptr_array_add (s->questions, gad_survey_question_new ("parish", GAD_QUESTION_SINGLE, "Pagasts",
                                                          "Ābeļu\nVecsaules\nCodes", TRUE));
  g_ptr_array_add (s->questions, gad_survey_question_new ("q3", GAD_QUESTION_SCALE,
                                                          "Cik apmierināts esat ar pakalpojumu?",
                                                          NULL, FALSE));
  g_ptr_array_add (s->questions, gad_survey_question_new ("informed", GAD_QUESTION_SINGLE,
                                                          "Vai esat pietiekami informēts?",
                                                          "Jā\nDaļēji\nNē", FALSE));
  g_ptr_array_add (s->questions, gad_survey_question_new ("services", GAD_QUESTION_MULTIPLE,
                                                          "Kurus pakalpojumus saņemat?",
                                                          "Aprūpe mājās\nAukle\nKonsultācijas",
                                                          FALSE));
  g_ptr_array_add (s->questions, gad_survey_question_new ("children", GAD_QUESTION_NUMBER,
                                                          "Bērnu skaits ģimenē", NULL, FALSE));
  g_ptr_array_add (s->questions, gad_survey_question_new ("comment", GAD_QUESTION_TEXT,
                                                          "Komentārs", NULL, FALSE));
  return s;
}

static void
test_answers (void)
{
  g_autoptr(GadSurvey) s = questionnaire ("Aptauja");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) kept = NULL;
  char *v;

  g_assert_true (gad_survey_check (s, &error));
  g_assert_no_error (error);
  /* Choices by their number or their text, in any case. */
  v = gad_survey_check_answer (s, 0, "vīrietis", &error);
  g_assert_cmpstr (v, ==, "2");
  g_free (v);
  v = gad_survey_check_answer (s, 4, "Konsultācijas; aprūpe mājās", &error);
  g_assert_cmpstr (v, ==, "1,3");
  g_free (v);
  v = gad_survey_check_answer (s, 5, " 2,5 ", &error);
  g_assert_cmpstr (v, ==, "2.5");
  g_free (v);
  v = gad_survey_check_answer (s, 2, "", &error);
  g_assert_cmpstr (v, ==, "");
  g_free (v);
  g_assert_no_error (error);
  /* Off the scale or not a choice: refused with the question named. */
  g_assert_null (gad_survey_check_answer (s, 2, "6", &error));
  g_assert_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_ANSWER);
  g_assert_nonnull (strstr (error->message, "3 “Cik apmierināts esat ar pakalpojumu?”"));
  g_clear_error (&error);
  g_assert_null (gad_survey_check_answer (s, 1, "4", &error));
  g_assert_nonnull (strstr (error->message, "2 “Pagasts”"));
  g_clear_error (&error);
  g_assert_null (gad_survey_check_answer (s, 4, "Aukle, Auto", &error));
  g_clear_error (&error);
  g_assert_null (gad_survey_check_answer (s, 5, "daudz", &error));
  g_clear_error (&error);
  /* An empty questionnaire is not a response. */
  {
    const char *none[] = { "", "", "", NULL };

    g_assert_null (gad_survey_check_response (s, none, &error));
    g_assert_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_ANSWER);
    g_clear_error (&error);
  }
  {
    const char *some[] = { "1", "", "4", NULL };

    kept = gad_survey_check_response (s, some, &error);
    g_assert_cmpuint (g_strv_length (kept), ==, 7);
    g_assert_cmpstr (kept[2], ==, "4");
  }
  /* Typed from the keyboard: "13" is two of several choices; a digit no
   * other choice begins with, or a scale's, is whole; what it means. */
  v = gad_survey_typed_answer (s->questions->pdata[4], "13");
  g_assert_cmpstr (v, ==, "1,3");
  g_free (v);
  v = gad_survey_answer_meaning (s->questions->pdata[4], "1,3");
  g_assert_cmpstr (v, ==, "Aprūpe mājās, Konsultācijas");
  g_free (v);
  g_assert_true (gad_survey_answer_is_whole (s->questions->pdata[1], "2", "2"));
  g_assert_true (gad_survey_answer_is_whole (s->questions->pdata[2], "4", "4"));
  g_assert_false (gad_survey_answer_is_whole (s->questions->pdata[4], "1", "1"));
  g_assert_false (gad_survey_answer_is_whole (s->questions->pdata[5], "2", "2"));
  {
    g_autoptr(GadSurveyQuestion) twelve = gad_survey_question_new ("p", GAD_QUESTION_SINGLE, "P",
                                                                   "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl",
                                                                   TRUE);

    g_assert_false (gad_survey_answer_is_whole (twelve, "1", "1"));
    g_assert_true (gad_survey_answer_is_whole (twelve, "12", "12"));
    g_assert_true (gad_survey_answer_is_whole (twelve, "5", "5"));
  }
  /* A questionnaire that cannot be kept. */
  g_ptr_array_add (s->questions, gad_survey_question_new ("gender", GAD_QUESTION_SCALE, "Vēl", NULL,
                                                          FALSE));
  g_assert_false (gad_survey_check (s, &error));
  g_assert_nonnull (strstr (error->message, "8"));
  g_clear_error (&error);
  g_ptr_array_remove_index (s->questions, 7);
  g_ptr_array_add (s->questions, gad_survey_question_new ("q8", GAD_QUESTION_SINGLE, "Vēl",
                                                          "Jā\nJĀ", FALSE));
  g_assert_false (gad_survey_check (s, &error));
  g_clear_error (&error);
}

static void
enter (GadStore         *store,
       const GadSurvey  *survey,
       const char       *answers,
       gint64            person_id)
{
  g_auto(GStrv) values = g_strsplit (answers, "|", -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (gad_store_add_survey_response (store, survey, (const char *const *) values,
                                                person_id, &error));
  g_assert_no_error (error);
}

static const GadQuestionResult *
result_of (const GadSurveyResults *results,
           const char             *code)
{
  for (guint i = 0; i < results->questions->len; i++)
    {
      const GadQuestionResult *r = g_ptr_array_index (results->questions, i);

      if (g_str_equal (r->question->code, code))
        return r;
    }
  g_assert_not_reached ();
}

static int
answered (const GadQuestionResult *r,
          guint                    series)
{
  return g_array_index (r->answered, int, series);
}

static double
mean (const GadQuestionResult *r,
      guint                    series)
{
  return g_array_index (r->means, double, series);
}

static void
test_results (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) head = gad_test_store_as (GAD_ROLE_HEAD, &path);
  g_autoptr(GadStore) clerk = gad_test_open_as (path, GAD_ROLE_CLERK);
  g_autoptr(GadStore) worker = gad_test_open_as (path, GAD_ROLE_SOCIAL_WORKER);
  g_autoptr(GadStore) auditor = gad_test_open_as (path, GAD_ROLE_AUDITOR);
  g_autoptr(GadSurvey) survey = questionnaire ("Aukļu pakalpojuma aptauja");
  g_autoptr(GadSurvey) read = NULL;
  g_autoptr(GadSurveyTable) table = NULL;
  g_autoptr(GadSurveyResults) all = NULL, by_gender = NULL, by_parish = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) error = NULL;
  const GadQuestionResult *r;
  gint64 client = gad_test_person (clerk, "161175-19997", "Bērziņš", "Jānis");
  char *text;

  /* A clerk does not write questionnaires; the head does. */
  g_assert_false (gad_store_save_survey (clerk, survey, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (gad_store_save_survey (head, survey, &error));
  g_assert_no_error (error);
  g_assert_cmpint (survey->version, ==, 1);

  /* The clerk and the worker type in paper questionnaires; the auditor may not. */
  read = gad_store_get_survey (clerk, survey->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->questions->len, ==, 7);
  enter (clerk, read, "1|1|5|1|1,2|2|Paldies", client);
  enter (clerk, read, "Sieviete|Vecsaules|4|Jā|Aukle|1|", 0);
  enter (worker, read, "2|1|3|2|Aprūpe mājās;Konsultācijas|0|", 0);
  enter (worker, read, "2|3|2|3||3|Par maz informācijas", 0);
  {
    const char *bad[] = { "1", "1", "7", NULL };

    g_assert_false (gad_store_add_survey_response (auditor, read, bad, 0, &error));
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
    g_clear_error (&error);
    g_assert_false (gad_store_add_survey_response (clerk, read, bad, 0, &error));
    g_assert_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_ANSWER);
    g_clear_error (&error);
  }
  /* Anonymous but the one the client consented to. */
  text = gad_test_sql_text (path, "SELECT count (*) || ' ' || count (person_id) FROM survey_responses");
  g_assert_cmpstr (text, ==, "4 1");
  g_free (text);

  /* Results are a head's. */
  g_assert_null (gad_store_survey_table (clerk, survey->id, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  table = gad_store_survey_table (head, survey->id, &error);
  g_assert_no_error (error);
  all = gad_survey_results_new (table, -1, &error);
  g_assert_cmpint (all->n_responses, ==, 4);
  r = result_of (all, "gender");
  g_assert_cmpint (gad_question_result_count (r, 0, 0), ==, 2);
  g_assert_cmpfloat_with_epsilon (gad_question_result_percent (r, 1, 0), 50.0, 1e-9);
  r = result_of (all, "q3");
  g_assert_cmpuint (r->labels->len, ==, 5);
  g_assert_cmpint (gad_question_result_count (r, 4, 0), ==, 1);
  g_assert_cmpfloat_with_epsilon (mean (r, 0), 3.5, 1e-9);
  r = result_of (all, "services");
  g_assert_cmpint (answered (r, 0), ==, 3);
  g_assert_cmpint (gad_question_result_count (r, 0, 0), ==, 2);
  g_assert_cmpint (gad_question_result_count (r, 1, 0), ==, 2);
  g_assert_cmpint (gad_question_result_count (r, 2, 0), ==, 1);
  g_assert_cmpfloat_with_epsilon (gad_question_result_percent (r, 2, 0), 100.0 / 3, 1e-9);
  r = result_of (all, "children");
  g_assert_cmpuint (r->labels->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (r->labels, 3), ==, "3");
  g_assert_cmpfloat_with_epsilon (mean (r, 0), 1.5, 1e-9);
  r = result_of (all, "comment");
  g_assert_cmpuint (r->texts->len, ==, 2);

  /* Satisfaction and being informed by gender. */
  by_gender = gad_survey_results_new (table, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_gender->series->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (by_gender->series, 1), ==, "Vīrietis");
  r = result_of (by_gender, "q3");
  g_assert_cmpfloat_with_epsilon (mean (r, 0), 4.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (mean (r, 1), 2.5, 1e-9);
  r = result_of (by_gender, "informed");
  g_assert_cmpfloat_with_epsilon (gad_question_result_percent (r, 0, 0), 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gad_question_result_percent (r, 1, 1), 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gad_question_result_percent (r, 2, 1), 50.0, 1e-9);
  /* By parish: Codes' one respondent named no service: no responses, not NaN. */
  by_parish = gad_survey_results_new (table, 1, &error);
  r = result_of (by_parish, "services");
  g_assert_cmpint (answered (r, 2), ==, 0);
  g_assert_cmpfloat (gad_question_result_percent (r, 0, 2), ==, 0.0);
  g_assert_false (isnan (mean (result_of (by_parish, "children"), 2)));
  /* Not by a number or a text. */
  g_assert_null (gad_survey_results_new (table, 5, &error));
  g_assert_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_QUESTIONNAIRE);
  g_clear_error (&error);

  csv = gad_survey_results_csv (by_gender);
  g_assert_true (g_str_has_prefix (csv->str, "question,answer,group,count,percent\r\n"));
  g_assert_nonnull (strstr (csv->str, "\nVai esat pietiekami informēts?,Daļēji,Vīrietis,1,50.0\r\n"));
  g_assert_nonnull (strstr (csv->str, "\nKurus pakalpojumus saņemat?,Aukle,Sieviete,2,100.0\r\n"));
  g_assert_null (strstr (csv->str, "Par maz"));
}

/* A questionnaire changed after responses came is a new version; the old
 * responses keep their questions and count under the new ones. */
static void
test_versions (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) head = gad_test_store_as (GAD_ROLE_HEAD, &path);
  g_autoptr(GadStore) clerk = gad_test_open_as (path, GAD_ROLE_CLERK);
  g_autoptr(GadSurvey) survey = questionnaire ("Aptauja");
  g_autoptr(GadSurvey) stale = NULL, fresh = NULL, other = NULL;
  g_autoptr(GadSurveyTable) table = NULL;
  g_autoptr(GadSurveyResults) all = NULL;
  g_autoptr(GError) error = NULL;
  GadSurveyQuestion *informed;
  const GadQuestionResult *r;
  char *text;

  g_assert_true (gad_store_save_survey (head, survey, &error));
  /* Unanswered, a change replaces the questions. */
  g_free (((GadSurveyQuestion *) g_ptr_array_index (survey->questions, 6))->text);
  ((GadSurveyQuestion *) g_ptr_array_index (survey->questions, 6))->text = g_strdup ("Ieteikumi");
  g_assert_true (gad_store_save_survey (head, survey, &error));
  g_assert_no_error (error);
  g_assert_cmpint (survey->version, ==, 2);
  text = gad_test_sql_text (path, "SELECT count (*) FROM survey_questions");
  g_assert_cmpstr (text, ==, "7");
  g_free (text);

  stale = gad_store_get_survey (clerk, survey->id, &error);
  enter (clerk, stale, "1|1|5|2|||", 0);
  enter (clerk, stale, "2|1|4|3|||", 0);
  /* Answered, a change is a new version: "Daļēji" goes, a question comes. */
  informed = g_ptr_array_index (survey->questions, 3);
  g_strfreev (informed->choices);
  informed->choices = g_strsplit ("Jā|Nē", "|", -1);
  g_ptr_array_add (survey->questions, gad_survey_question_new ("q8", GAD_QUESTION_SCALE,
                                                               "Vai ieteiktu citiem?", NULL, FALSE));
  g_assert_true (gad_store_save_survey (head, survey, &error));
  g_assert_cmpint (survey->version, ==, 3);
  text = gad_test_sql_text (path, "SELECT count (*) FROM survey_questions");
  g_assert_cmpstr (text, ==, "15");
  g_free (text);
  /* Typed in on the questionnaire as it was: refused, nothing written. */
  {
    const char *values[] = { "1", "1", "5", NULL };

    g_assert_false (gad_store_add_survey_response (clerk, stale, values, 0, &error));
    g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
  }
  fresh = gad_store_get_survey (clerk, survey->id, &error);
  g_assert_cmpint (fresh->version, ==, 3);
  enter (clerk, fresh, "2|2|3|2||||4", 0);
  /* Saving the version read again, unchanged, is not a new version; a
   * copy of the survey read before the change is refused. */
  g_assert_true (gad_store_save_survey (head, survey, &error));
  g_assert_cmpint (survey->version, ==, 3);
  other = gad_store_get_survey (head, survey->id, &error);
  other->version = 2;
  g_assert_false (gad_store_save_survey (head, other, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  table = gad_store_survey_table (head, survey->id, &error);
  all = gad_survey_results_new (table, -1, &error);
  g_assert_cmpint (all->n_responses, ==, 3);
  r = result_of (all, "informed");
  /* Jā, Nē as now; the first version's "Daļēji" and "Nē" mapped by text. */
  g_assert_cmpuint (r->labels->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (r->labels, 2), ==, "Daļēji");
  g_assert_cmpint (gad_question_result_count (r, 0, 0), ==, 0);
  g_assert_cmpint (gad_question_result_count (r, 1, 0), ==, 2);
  g_assert_cmpint (gad_question_result_count (r, 2, 0), ==, 1);
  r = result_of (all, "q3");
  g_assert_cmpint (answered (r, 0), ==, 3);
  g_assert_cmpfloat_with_epsilon (mean (r, 0), 4.0, 1e-9);
  r = result_of (all, "q8");
  g_assert_cmpint (answered (r, 0), ==, 1);
}

static GPtrArray *
read_csv (const GadSurvey  *survey,
          const char       *name,
          GStrv            *unused,
          GError          **error)
{
  g_autofree char *file = g_build_filename (g_getenv ("GADIBA_TEST_DATA"), name, NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (file, &data, &length, NULL));
  return gad_survey_read_csv (survey, data, length, unused, error);
}

static void
test_import (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) head = gad_test_store_as (GAD_ROLE_HEAD, &path);
  g_autoptr(GadStore) worker = gad_test_open_as (path, GAD_ROLE_SOCIAL_WORKER);
  g_autoptr(GadSurvey) survey = questionnaire ("Aptauja");
  g_autoptr(GadSurvey) later = NULL;
  g_autoptr(GadSurveyTable) table = NULL, earlier = NULL;
  g_autoptr(GadSurveyResults) both = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  g_auto(GStrv) unused = NULL;
  g_autoptr(GError) error = NULL;
  const GadQuestionResult *r;
  char *text;

  g_assert_true (gad_store_save_survey (head, survey, &error));
  /* Bad rows are named, with their lines and questions; nothing is taken. */
  g_assert_null (read_csv (survey, "survey-responses-bad.csv", &unused, &error));
  g_assert_error (error, GAD_SURVEY_ERROR, GAD_SURVEY_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "3 rows"));
  g_assert_nonnull (strstr (error->message, "Line 3: Question 3 “Cik apmierināts esat ar "
                                            "pakalpojumu?”: “6” is not on its scale"));
  g_assert_nonnull (strstr (error->message, "Line 4: Question 4"));
  g_assert_nonnull (strstr (error->message, "Line 5: Question 6"));
  g_assert_null (unused);
  g_clear_error (&error);

  responses = read_csv (survey, "survey-responses.csv", &unused, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, 3);
  g_assert_cmpstr (unused[0], ==, "Laikspiedols");
  g_assert_null (unused[1]);
  g_assert_cmpuint (gad_store_import_survey_responses (worker, survey, responses, NULL, NULL, NULL,
                                                       &error), ==, 3);
  g_assert_no_error (error);
  text = gad_test_sql_text (path, "SELECT count (*) FROM audit_log WHERE entity = 'survey'"
                                  " AND action = 'import'");
  g_assert_cmpstr (text, ==, "1");
  g_free (text);

  /* A second run of the questionnaire, compared with the first. */
  later = questionnaire ("Aptauja 2027");
  later->series_id = survey->id;
  g_assert_true (gad_store_save_survey (head, later, &error));
  enter (worker, later, "1|2|5||||", 0);
  table = gad_store_survey_table (head, later->id, &error);
  earlier = gad_store_survey_table (head, survey->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gad_survey_table_survey (table)->series_id, ==, survey->id);
  both = gad_survey_results_compare (table, "2027", earlier, "2026");
  g_assert_cmpstr (g_ptr_array_index (both->series, 1), ==, "2026");
  r = result_of (both, "q3");
  g_assert_cmpint (answered (r, 0), ==, 1);
  g_assert_cmpint (answered (r, 1), ==, 3);
  g_assert_cmpfloat_with_epsilon (mean (r, 1), 11.0 / 3, 1e-9);
  r = result_of (both, "parish");
  g_assert_cmpint (gad_question_result_count (r, 1, 0), ==, 1);
  g_assert_cmpint (gad_question_result_count (r, 2, 1), ==, 1);
  r = result_of (both, "comment");
  g_assert_cmpuint (r->texts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (r->texts, 1), ==, "Gaidīju ilgi, bet \"paldies\"");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/survey/answers", test_answers);
  g_test_add_func ("/survey/results", test_results);
  g_test_add_func ("/survey/versions", test_versions);
  g_test_add_func ("/survey/import", test_import);
  return g_test_run ();
}
