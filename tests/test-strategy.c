/* test-strategy.c — the strategy's action plan, its indicators and a year's progress
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On both engines (a server with GADIBA_TEST_SERVER), on the demo county
 * signed in as its head: every computed indicator is the figure the yearly
 * tables (gadiba-cli stats) or the survey's results give from the same
 * data; statuses follow the targets; a task saved, changed and refused.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "gad-report.h"
#include "gad-stats.h"
#include "gad-test-util.h"

static GadStrategyTask *
task_of (GPtrArray  *tasks,
         const char *code)
{
  for (guint i = 0; i < tasks->len; i++)
    if (g_str_equal (((GadStrategyTask *) tasks->pdata[i])->code, code))
      return tasks->pdata[i];
  return NULL;
}

static const GadIndicator *
first (GPtrArray  *tasks,
       const char *code)
{
  GadStrategyTask *t = task_of (tasks, code);

  g_assert_nonnull (t);
  g_assert_cmpuint (t->indicators->len, >=, 1);
  return t->indicators->pdata[0];
}

/* The yearly table's categories in @year summed, those named @only (or all). */
static double
stat (GadStore   *store,
      const char *table,
      int         year,
      const char *only,
      guint      *rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stats = gad_stats_query (store, table, year, year, &error);
  double sum = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < stats->len; i++)
    if (only == NULL || g_str_equal (((GadStat *) stats->pdata[i])->category, only))
      sum += ((GadStat *) stats->pdata[i])->value;
  if (rows)
    *rows = stats->len;
  return sum;
}

/* The mean of @code in the satisfaction survey's run of @year. */
static double
survey_mean (GadStore   *store,
             int         year,
             const char *code)
{
  g_autoptr(GPtrArray) surveys = gad_store_list_surveys (store, NULL);

  for (guint i = 0; i < surveys->len; i++)
    {
      GadSurvey *s = g_ptr_array_index (surveys, i);
      g_autoptr(GadSurveyTable) table = NULL;
      g_autoptr(GadSurveyResults) results = NULL;
      int q;

      if (!g_str_has_prefix (s->title, "Klientu apmierinātības") || atoi (s->period_from) != year)
        continue;
      table = gad_store_survey_table (store, s->id, NULL);
      results = gad_survey_results_new (table, -1, NULL);
      q = gad_survey_find_question (gad_survey_table_survey (table), code);
      g_assert_cmpint (q, >=, 0);
      return g_array_index (((GadQuestionResult *) results->questions->pdata[q])->means, double, 0);
    }
  g_assert_not_reached ();
}

/* The report's text, its pages joined, its words by single spaces. */
static char *
report_text (GadStore *store,
             int       year,
             guint    *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = gad_report_render (store, year, "lv", n_pages, &error);
  PopplerDocument *doc;
  g_autoptr(GString) all = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  g_assert_no_error (error);
  doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, *n_pages);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_object_unref (page);

      g_string_append_printf (all, "%s\n", text);
    }
  g_object_unref (doc);
  words = g_strsplit_set (all->str, " \n\t", -1);
  for (guint k = 0; words[k]; k++)
    if (*words[k])
      g_strv_builder_add (kept, words[k]);
  result = g_strv_builder_end (kept);
  return g_strjoinv (" ", result);
}

static void
test_computed (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) head = gad_test_demo (700, 3, GAD_ROLE_HEAD, &path);
  g_autoptr(GadStore) worker = gad_test_demo_open (path, GAD_ROLE_SOCIAL_WORKER);
  g_autoptr(GPtrArray) y2026 = NULL, y2025 = NULL, y2027 = NULL;
  g_autoptr(GError) error = NULL;
  guint workers;
  double cases;

  /* The plan is the head's. */
  g_assert_null (gad_store_strategy (worker, 2026, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);

  y2026 = gad_store_strategy (head, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (y2026->len, ==, 25);
  g_assert_cmpstr (((GadStrategyTask *) y2026->pdata[0])->code, ==, "1.1.1");
  g_assert_cmpstr (((GadStrategyTask *) y2026->pdata[24])->code, ==, "2.4.4");

  /* Each computed indicator is the yearly table's figure from the same data. */
  g_assert_cmpfloat (first (y2026, "1.2.1")->value, ==,
                     stat (head, "home_care_recipients", 2026, NULL, NULL));
  g_assert_cmpfloat (first (y2026, "1.1.2")->value, ==,
                     stat (head, "appointments", 2026, "booked", NULL));
  g_assert_cmpfloat (first (y2026, "2.4.3")->value, ==,
                     stat (head, "remote_farmsteads", 2026, "visited", NULL));
  cases = stat (head, "caseload", 2026, NULL, &workers);
  g_assert_cmpuint (workers, >, 0);
  g_assert_cmpfloat_with_epsilon (first (y2026, "1.1.1")->value, cases / workers, 1e-9);
  g_assert_true (first (y2026, "1.1.5")->has_value);
  g_assert_cmpfloat_with_epsilon (first (y2026, "1.1.5")->value,
                                  survey_mean (head, 2026, "satisfied"), 1e-9);
  y2025 = gad_store_strategy (head, 2025, &error);
  g_assert_cmpfloat_with_epsilon (first (y2025, "1.1.4")->value,
                                  survey_mean (head, 2025, "informed"), 1e-9);
  g_assert_cmpfloat (first (y2025, "1.1.3")->value, ==, 380);

  /* Statuses: done by the head's word, behind a target, nothing to
   * measure in a year without values, no survey run that year. */
  g_assert_cmpint (gad_strategy_task_status (task_of (y2026, "1.2.2"), 2026), ==, GAD_TASK_DONE);
  g_assert_cmpint (gad_strategy_task_status (task_of (y2026, "1.2.3"), 2026), ==,
                   GAD_TASK_BEHIND);
  g_assert_cmpint (gad_strategy_task_status (task_of (y2026, "1.3.2"), 2026), ==,
                   GAD_TASK_ON_TRACK);
  g_assert_cmpstr (task_of (y2026, "2.3.2")->comment, ==,
                   "Divi pielāgojumi pārcelti uz nākamo gadu būvdarbu izmaksu dēļ.");
  /* The progress report: the summary's counts as the statuses are, a
   * task's indicator against its target, the head's comment. */
  {
    guint counts[GAD_TASK_DONE + 1] = { 0 }, pages;
    g_autofree char *text = report_text (head, 2026, &pages);
    g_autofree char *summary = NULL;
    g_autofree char *bare = g_strdup (text);
    char *to = bare;

    for (const char *p = text; *p; p++)
      if (*p != ' ')
        *to++ = *p;
    *to = '\0';

    for (guint i = 0; i < y2026->len; i++)
      counts[gad_strategy_task_status (y2026->pdata[i], 2026)]++;
    summary = g_strdup_printf ("Atbilst plānam: %u Atpaliek: %u Izpildīts: %u Nav novērtēts: %u",
                               counts[GAD_TASK_ON_TRACK], counts[GAD_TASK_BEHIND],
                               counts[GAD_TASK_DONE], counts[GAD_TASK_NOT_MEASURED]);
    g_assert_cmpuint (pages, >, 12);
    g_assert_nonnull (strstr (text, "Stratēģijas rīcības plāna izpildes progress"));
    g_assert_nonnull (strstr (text, summary));
    g_assert_nonnull (strstr (text, "1.2.3 Ieviest aukles pakalpojumu ģimenēm ar maziem bērniem"));
    /* poppler joins a table's cells without spaces: compared without any. */
    g_assert_nonnull (strstr (bare, "Ģimenes,kassaņemauklespakalpojumu2012ievadīts✗"));
    g_assert_nonnull (strstr (text, "Statuss: Atpaliek Komentārs: Aptaujā vajadzība apstiprinājās"));
  }
  y2027 = gad_store_strategy (head, 2027, &error);
  g_assert_false (first (y2027, "2.1.1")->has_value);
  g_assert_false (first (y2027, "1.1.5")->has_value);
  g_assert_cmpint (gad_strategy_task_status (task_of (y2027, "2.1.1"), 2027), ==,
                   GAD_TASK_NOT_MEASURED);
}

static void
test_save (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) head = gad_test_store_as (GAD_ROLE_HEAD, &path);
  g_autoptr(GadStore) clerk = gad_test_open_as (path, GAD_ROLE_CLERK);
  g_autoptr(GadStrategyTask) task = gad_strategy_task_new ("1.10.2", "1. Pakalpojumi",
                                                           "Ieviest klientu pieraksta sistēmu",
                                                           2025, 2026);
  g_autoptr(GadStrategyTask) other = gad_strategy_task_new ("1.9", "1. Pakalpojumi",
                                                            "Apmācīt darbiniekus", 2025, 2027);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;
  GadIndicator *a = gad_indicator_new ("Apmācību stundas", "manual");
  GadIndicator *b = gad_indicator_new ("Pierakstītie apmeklējumi", "appointments");
  char *text;

  a->has_target = TRUE;
  a->target = 10;
  a->has_value = TRUE;
  a->value = 12;
  a->note = (g_free (a->note), g_strdup ("pēc grāmatvedības datiem"));
  b->has_target = TRUE;
  b->target = 5;
  g_ptr_array_add (task->indicators, a);
  g_ptr_array_add (task->indicators, b);
  task->comment = (g_free (task->comment), g_strdup ("Sistēma darbojas."));

  g_assert_false (gad_store_save_strategy_task (clerk, task, 2025, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (gad_store_save_strategy_task (head, task, 2025, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);
  g_assert_true (gad_store_save_strategy_task (head, other, 0, &error));

  /* "1.10.2" after "1.9"; the manual value and note read back; no
   * appointments, so the computed one misses its target. */
  read = gad_store_strategy (head, 2025, &error);
  g_assert_cmpuint (read->len, ==, 2);
  g_assert_cmpstr (((GadStrategyTask *) read->pdata[0])->code, ==, "1.9");
  g_assert_cmpfloat (first (read, "1.10.2")->value, ==, 12);
  g_assert_cmpstr (first (read, "1.10.2")->note, ==, "pēc grāmatvedības datiem");
  g_assert_cmpfloat (((GadIndicator *) task_of (read, "1.10.2")->indicators->pdata[1])->value,
                     ==, 0);
  g_assert_cmpint (gad_strategy_task_status (task_of (read, "1.10.2"), 2025), ==,
                   GAD_TASK_BEHIND);
  g_assert_cmpstr (task_of (read, "1.10.2")->comment, ==, "Sistēma darbojas.");

  /* A code in the plan already, or no code: refused, nothing changed. */
  g_free (other->code);
  other->code = g_strdup ("1.10.2");
  g_assert_false (gad_store_save_strategy_task (head, other, 0, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (other->code);
  other->code = g_strdup ("pirmais");
  g_assert_false (gad_store_save_strategy_task (head, other, 0, &error));
  g_assert_error (error, GAD_STRATEGY_ERROR, GAD_STRATEGY_ERROR_INVALID);
  g_clear_error (&error);

  /* The computed indicator dropped: it goes with its year's target. */
  g_ptr_array_remove_index (task->indicators, 1);
  g_assert_true (gad_store_save_strategy_task (head, task, 2025, &error));
  text = gad_test_sql_text (path, "SELECT count (*) FROM strategy_indicators");
  g_assert_cmpstr (text, ==, "1");
  g_free (text);
  text = gad_test_sql_text (path, "SELECT count (*) FROM strategy_values");
  g_assert_cmpstr (text, ==, "1");
  g_free (text);
  text = gad_test_sql_text (path, "SELECT count (*) FROM audit_log WHERE entity = 'strategy-task'");
  g_assert_cmpstr (text, ==, "3");
  g_free (text);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/strategy/computed", test_computed);
  g_test_add_func ("/strategy/save", test_save);
  return g_test_run ();
}
