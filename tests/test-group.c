/* test-group.c — group work: a group's kind, programme, counts, and its yearly figures
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On both engines (a server with GADIBA_TEST_SERVER), signed in as the
 * social worker who leads the group, the clerk who types in its feedback
 * and the head who reads the figures: a group whose every participant,
 * session and answer is known, counted by year, gender, age group and
 * target group; the strategy's group indicators and the council's report equal
 * to those figures.
 */
#include "config.h"

#include <string.h>


#include "gad-audit-text.h"
#include "gad-report.h"
#include "gad-stats.h"
#include "gad-test-util.h"

#define WED (1u << 2)

static gint64
person (GadStore   *store,
        const char *code,
        const char *first,
        const char *gender,
        const char *birth_date)
{
  g_autoptr(GadPerson) p = g_object_new (GAD_TYPE_PERSON, "code", code, "last-name", "Kalna",
                                         "first-name", first, "gender", gender,
                                         "birth-date", birth_date, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = gad_store_insert_person (store, p, &error);

  g_assert_no_error (error);
  return id;
}

/* The figure of @category in the year's group work table. */
static gint64
figure (GadStore   *store,
        int         year,
        const char *category)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stats = gad_stats_query (store, "group_work", year, year, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < stats->len; i++)
    if (g_str_equal (((GadStat *) stats->pdata[i])->category, category))
      return ((GadStat *) stats->pdata[i])->value;
  return -1;
}

/* The yearly report's text as pdftotext reads it. */
static char *
report_text (GadStore *store,
             int       year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = gad_report_render (store, year, "lv", NULL, &error);

  g_assert_no_error (error);
  return gad_test_pdf_text (pdf);
}

static GadGroupSession *
session (GadGroup   *g,
         const char *date)
{
  for (guint i = 0; i < g->sessions->len; i++)
    if (g_str_equal (((GadGroupSession *) g->sessions->pdata[i])->date, date))
      return g->sessions->pdata[i];
  g_error ("no session on %s", date);
}

/* A support group meeting on Wednesdays from October 2025 to January 2026:
 * 14 sessions in 2025, 4 in 2026. */
static gint64
add_group (GadStore *worker,
           gint64    leader)
{
  GadEntry e = { .kind = (char *) "group", .staff_id = leader, .title = (char *) "Atbalsta grupa",
                 .start_date = (char *) "2025-10-01", .start_minute = 15 * 60, .minutes = 90,
                 .weekdays = WED, .until_date = (char *) "2026-01-28", .note = (char *) "" };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gad_store_save_entry (worker, &e, &error), >, 0);
  g_assert_no_error (error);
  return e.id;
}

static void
refused (GadStore  *store,
         GadGroup  *g,
         GQuark     domain,
         int        code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gad_store_save_group (store, g, &error));
  g_assert_error (error, domain, code);
}

static void
test_group (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) worker = gad_test_store_as (GAD_ROLE_SOCIAL_WORKER, &path);
  g_autoptr(GadStore) head = gad_test_open_as (path, GAD_ROLE_HEAD);
  g_autoptr(GadStore) clerk = gad_test_open_as (path, GAD_ROLE_CLERK);
  g_autoptr(GadStore) auditor = gad_test_open_as (path, GAD_ROLE_AUDITOR);
  gint64 leader = gad_test_staff_id (worker, gad_test_login (GAD_ROLE_SOCIAL_WORKER));
  gint64 id = add_group (worker, leader);
  gint64 senior = person (worker, "321111-11111", "Velta", "F", "1950-04-02");
  gint64 boy = person (worker, "322222-22222", "Toms", "M", "2008-06-01");
  gint64 mother = person (worker, "323333-33333", "Ilze", "F", "1990-01-15");
  g_autoptr(GadGroup) g = NULL, stale = NULL, bad = NULL, read = NULL;
  g_autoptr(GPtrArray) y2025 = NULL, y2024 = NULL;
  g_autoptr(GError) error = NULL;
  GadGroupSession *first;
  g_autofree char *text = NULL;

  g_assert_true (gad_store_add_participant (worker, id, senior, &error));
  g_assert_true (gad_store_add_participant (worker, id, boy, &error));
  g_assert_true (gad_store_add_participant (worker, id, mother, &error));
  g = gad_store_get_group (worker, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g->version, ==, 0);
  g_assert_cmpstr (g->form, ==, "support-group");
  g_assert_cmpint (g->clients, ==, 3);
  g_assert_cmpint (g->sessions_held, ==, 0);
  g_assert_cmpuint (g->sessions->len, ==, 18);
  g_assert_cmpstr (((GadGroupSession *) g->sessions->pdata[0])->date, ==, "2025-10-01");
  g_assert_cmpstr (((GadGroupSession *) g->sessions->pdata[17])->date, ==, "2026-01-28");

  /* Its kind, whom it is for, and those who are not clients. */
  stale = gad_group_copy (g);
  g_free (g->form);
  g->form = g_strdup ("parents-school");
  g_free (g->target_group);
  g->target_group = g_strdup ("families-with-children");
  g->others[1][2] = 2;     /* two women of 25–44 */
  g->others[0][0] = 1;     /* a boy under 18 */
  g_assert_true (gad_store_save_group (worker, g, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g->version, ==, 1);
  refused (worker, stale, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT);
  refused (auditor, g, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  bad = gad_group_copy (g);
  g_free (bad->target_group);
  bad->target_group = g_strdup ("nobody");
  refused (worker, bad, GAD_GROUP_ERROR, GAD_GROUP_ERROR_INVALID);
  bad->target_group[0] = '\0';
  bad->others[1][4] = GAD_GROUP_MAX_OTHERS + 1;
  refused (worker, bad, GAD_GROUP_ERROR, GAD_GROUP_ERROR_INVALID);
  g_assert_null (gad_store_get_group (auditor, id, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* A session's plan on a day it meets, not on another. */
  first = session (g, "2025-10-01");
  g_free (first->topic);
  first->topic = g_strdup ("Iepazīšanās");
  g_free (first->plan);
  first->plan = g_strdup ("Noteikumi, cerības, vārdu spēle.");
  first->others_present = 2;
  g_assert_true (gad_store_save_group_session (worker, id, first, &error));
  g_free (first->date);
  first->date = g_strdup ("2025-10-02");
  g_assert_false (gad_store_save_group_session (worker, id, first, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Held: someone came, or it is recorded done; a cancelled one is not. */
  g_assert_true (gad_store_record_attendance (worker, id, "2025-10-08", senior, TRUE, &error));
  g_assert_true (gad_store_record_attendance (worker, id, "2025-10-08", boy, FALSE, &error));
  g_assert_true (gad_store_record_visit (worker, id, "2025-10-15", TRUE, 90, NULL, &error));
  g_assert_true (gad_store_cancel_occurrence (worker, id, "2025-10-22", "Slimība", &error));
  g_assert_true (gad_store_record_attendance (worker, id, "2026-01-07", mother, TRUE, &error));
  g_assert_no_error (error);
  read = gad_store_get_group (worker, id, &error);
  g_assert_cmpint (read->version, ==, 1);
  g_assert_cmpint (read->others[1][2], ==, 2);
  g_assert_cmpint (gad_group_others_total (read), ==, 3);
  g_assert_cmpint (read->sessions_held, ==, 4);
  g_assert_cmpstr (session (read, "2025-10-01")->topic, ==, "Iepazīšanās");
  g_assert_cmpint (session (read, "2025-10-01")->others_present, ==, 2);
  g_assert_cmpint (session (read, "2025-10-08")->clients_present, ==, 1);
  g_assert_cmpint (session (read, "2025-10-08")->others_present, ==, -1);
  g_assert_cmpstr (session (read, "2025-10-15")->status, ==, "done");
  g_assert_cmpstr (session (read, "2025-10-22")->status, ==, "cancelled");

  y2025 = gad_store_list_groups (clerk, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (y2025->len, ==, 1);
  g_assert_cmpint (((GadGroup *) y2025->pdata[0])->sessions_held, ==, 3);
  y2024 = gad_store_list_groups (clerk, 2024, &error);
  g_assert_cmpuint (y2024->len, ==, 0);

  /* The year's figures, the head's: a client and an other count in the
   * group; ages at the year's end (the boy is 17 in 2025, 18 in 2026). */
  g_assert_cmpint (figure (head, 2025, "groups"), ==, 1);
  g_assert_cmpint (figure (head, 2025, "sessions"), ==, 3);
  g_assert_cmpint (figure (head, 2025, "participants"), ==, 6);
  g_assert_cmpint (figure (head, 2025, "clients"), ==, 3);
  g_assert_cmpint (figure (head, 2025, "others"), ==, 3);
  g_assert_cmpint (figure (head, 2025, "male"), ==, 2);
  g_assert_cmpint (figure (head, 2025, "female"), ==, 4);
  g_assert_cmpint (figure (head, 2025, "age_0_17"), ==, 2);
  g_assert_cmpint (figure (head, 2025, "age_18_24"), ==, 0);
  g_assert_cmpint (figure (head, 2025, "age_25_44"), ==, 3);
  g_assert_cmpint (figure (head, 2025, "age_65"), ==, 1);
  g_assert_cmpint (figure (head, 2025, "target_families-with-children"), ==, 6);
  g_assert_cmpint (figure (head, 2026, "sessions"), ==, 1);
  g_assert_cmpint (figure (head, 2026, "age_0_17"), ==, 1);
  g_assert_cmpint (figure (head, 2026, "age_18_24"), ==, 1);
  g_assert_cmpint (figure (head, 2024, "groups"), ==, 0);
  g_assert_null (gad_stats_query (worker, "group_work", 2025, 2025, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);

  text = gad_test_sql_text (path, "SELECT count (*) FROM audit_log WHERE entity = 'group'"
                                  " AND action IN ('update', 'session')");
  g_assert_cmpstr (text, ==, "2");
  /* … which the auditor reads in words. */
  {
    g_autoptr(GPtrArray) log = gad_store_query_audit (auditor, 0, NULL, NULL, NULL, 0, &error);
    gboolean said = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < log->len; i++)
      {
        GadAuditEntry *e = g_ptr_array_index (log, i);

        if (g_str_equal (e->entity, "group") && g_str_equal (e->action, "update"))
          {
            GadAuditChange *form = g_ptr_array_index (e->changes, 0);
            g_autofree char *kind = gad_audit_value (form->field, form->new_value);

            g_assert_cmpstr (gad_audit_describe (e), ==, "Group’s kind and others counted saved");
            g_assert_cmpstr (gad_audit_field_label (form->field), ==, "Kind of group");
            g_assert_cmpstr (kind, ==, "Parents’ school");
            said = TRUE;
          }
      }
    g_assert_true (said);
  }

  /* The council's report has the same figures, 2023–2025. */
  g_free (text);
  text = report_text (head, 2025);
  g_assert_nonnull (strstr (text, "Grupu darbs 2023 2024 2025"
                                  " Grupas, kas sanāca 0 0 1 Notikušās nodarbības 0 0 3"
                                  " Dalībnieki 0 0 6 tai skaitā klienti 0 0 3"));
  g_assert_nonnull (strstr (text, "Līdz 18 gadiem 0 0 2"));
  g_assert_nonnull (strstr (text, "(1–5): 2023 —, 2024 —, 2025 —"));
}

/* Feedback: the head ties a questionnaire to the group, the clerk types
 * in two; the mean is the head's to read, and the strategy's indicators
 * are the yearly table's figures. */
static void
test_feedback (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GadStore) worker = gad_test_store_as (GAD_ROLE_SOCIAL_WORKER, &path);
  g_autoptr(GadStore) head = gad_test_open_as (path, GAD_ROLE_HEAD);
  g_autoptr(GadStore) clerk = gad_test_open_as (path, GAD_ROLE_CLERK);
  gint64 id = add_group (worker, gad_test_staff_id (worker, gad_test_login (GAD_ROLE_SOCIAL_WORKER)));
  gint64 client = person (worker, "321111-11111", "Velta", "F", "1950-04-02");
  g_autoptr(GadGroup) g = NULL, as_worker = NULL, as_head = NULL;
  g_autoptr(GadSurvey) survey = NULL;
  g_autoptr(GadStrategyTask) task = gad_strategy_task_new ("3.1.1", "Atbalsts", "Grupas", 2025,
                                                          2027);
  g_autoptr(GPtrArray) plan = NULL, later = NULL;
  g_autoptr(GError) error = NULL;
  const char *one[] = { "5", "4", "3", "", NULL };
  const char *two[] = { "4", "4", "4", "Vairāk laika", NULL };
  GadIndicator *participants, *feedback;

  g_assert_true (gad_store_add_participant (worker, id, client, &error));
  g_assert_true (gad_store_record_attendance (worker, id, "2025-10-01", client, TRUE, &error));
  g = gad_store_get_group (worker, id, &error);
  survey = gad_group_feedback_survey (g);
  g_assert_cmpint (survey->group_entry_id, ==, id);
  g_assert_cmpstr (survey->period_from, ==, "2025-10-01");
  g_assert_false (gad_store_save_survey (worker, survey, &error));
  g_assert_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (gad_store_save_survey (head, survey, &error));
  g_assert_true (gad_store_add_survey_response (clerk, survey, one, 0, &error));
  g_assert_true (gad_store_add_survey_response (clerk, survey, two, 0, &error));
  g_assert_no_error (error);

  as_worker = gad_store_get_group (worker, id, &error);
  g_assert_cmpint (as_worker->feedback_responses, ==, 2);
  g_assert_false (as_worker->has_feedback);
  as_head = gad_store_get_group (head, id, &error);
  g_assert_true (as_head->has_feedback);
  g_assert_cmpfloat_with_epsilon (as_head->feedback_mean, 4.0, 1e-9);
  g_assert_cmpint (figure (head, 2025, "feedback_answers"), ==, 6);
  g_assert_cmpint (figure (head, 2025, "feedback_points"), ==, 24);
  {
    g_autofree char *text = report_text (head, 2025);

    g_assert_nonnull (strstr (text, "(1–5): 2023 —, 2024 —, 2025 4,00"));
  }

  participants = gad_indicator_new ("Grupu dalībnieki", "group-participants");
  feedback = gad_indicator_new ("Vērtējums", "group-feedback");
  g_ptr_array_add (task->indicators, participants);
  g_ptr_array_add (task->indicators, feedback);
  g_assert_true (gad_store_save_strategy_task (head, task, 2025, &error));
  g_assert_no_error (error);
  plan = gad_store_strategy (head, 2025, &error);
  participants = ((GadStrategyTask *) plan->pdata[0])->indicators->pdata[0];
  feedback = ((GadStrategyTask *) plan->pdata[0])->indicators->pdata[1];
  g_assert_cmpfloat (participants->value, ==, figure (head, 2025, "participants"));
  g_assert_cmpfloat (participants->value, ==, 1);
  g_assert_true (feedback->has_value);
  g_assert_cmpfloat_with_epsilon (feedback->value, 4.0, 1e-9);
  /* No group met in 2027, nobody answered: none, not zero over zero. */
  later = gad_store_strategy (head, 2027, &error);
  feedback = ((GadStrategyTask *) later->pdata[0])->indicators->pdata[1];
  g_assert_false (feedback->has_value);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/group/work", test_group);
  g_test_add_func ("/group/feedback", test_feedback);
  return g_test_run ();
}
