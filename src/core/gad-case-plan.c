/* gad-case-plan.c — a case's needs assessment and social rehabilitation plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The assessment's findings, area by area, lead to the plan: goals, and
 * under each the tasks with who does them and by when. The rules a plan
 * keeps are here, so that the store refuses what the window would, and the
 * texts the audit log keeps of each version.
 */
#define G_LOG_DOMAIN "gad-case-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-case-plan.h"
#include "gad-catalog.h"
#include "gad-store.h"
#include "gad-text.h"

GadCasePlan *
gad_case_plan_new (void)
{
  GadCasePlan *p = g_new0 (GadCasePlan, 1);

  p->needs = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_need_free);
  p->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_plan_goal_free);
  return p;
}

GadPlanGoal *
gad_plan_goal_new (const char *text)
{
  GadPlanGoal *g = g_new0 (GadPlanGoal, 1);

  g->text = g_strdup (text);
  g->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_plan_task_free);
  return g;
}

GadPlanTask *
gad_plan_task_new (const char *text,
                   const char *doer,
                   const char *institution,
                   const char *due_on)
{
  GadPlanTask *t = g_new0 (GadPlanTask, 1);

  t->text = g_strdup (text);
  t->doer = g_strdup (doer);
  t->institution = g_strdup (institution ? institution : "");
  t->due_on = g_strdup (due_on);
  t->status = g_strdup ("open");
  return t;
}

void
gad_need_free (GadNeed *n)
{
  if (n == NULL)
    return;
  g_free (n->area);
  g_free (n->finding);
  g_free (n);
}

void
gad_plan_task_free (GadPlanTask *t)
{
  if (t == NULL)
    return;
  g_free (t->text);
  g_free (t->doer);
  g_free (t->institution);
  g_free (t->due_on);
  g_free (t->status);
  g_free (t->recorded_on);
  g_free (t);
}

void
gad_plan_goal_free (GadPlanGoal *g)
{
  if (g == NULL)
    return;
  g_free (g->text);
  g_ptr_array_unref (g->tasks);
  g_free (g);
}

void
gad_case_plan_free (GadCasePlan *p)
{
  if (p == NULL)
    return;
  g_free (p->assessed_on);
  g_free (p->review_on);
  g_free (p->author);
  g_free (p->written_at);
  g_ptr_array_unref (p->needs);
  g_ptr_array_unref (p->goals);
  g_free (p);
}

void
gad_plan_due_free (GadPlanDue *d)
{
  if (d == NULL)
    return;
  g_free (d->person);
  g_free (d->due_on);
  g_free (d->task);
  g_free (d->institution);
  g_free (d);
}

void
gad_case_plan_add_need (GadCasePlan *p,
                        const char  *area,
                        const char  *finding)
{
  GadNeed *n = g_new0 (GadNeed, 1);

  n->area = g_strdup (area);
  n->finding = g_strdup (finding);
  g_ptr_array_add (p->needs, n);
}

static gboolean
is_iso_date (const char *s)
{
  GDate d;

  return s != NULL && strlen (s) == 10 && s[4] == '-' && gad_text_parse_date (s, &d);
}

static gboolean
blank (const char *s)
{
  for (; s && *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static gboolean
refuse (GError    **error,
        const char *message)
{
  g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_task (const GadPlanTask  *t,
            guint               goal,
            GError            **error)
{
  if (blank (t->text))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("Goal %u has a task without words. Write what is to be done."), goal);
      return FALSE;
    }
  if (!gad_catalog_has (GAD_CATALOG_TASK_DOER, t->doer))
    return refuse (error, _("Choose who does each task: the client, the social worker or "
                            "another institution."));
  if (g_str_equal (t->doer, "institution") && blank (t->institution))
    return refuse (error, _("Name the institution that does the task."));
  if (!is_iso_date (t->due_on))
    return refuse (error, _("Each task needs a due date."));
  if (g_strcmp0 (t->status, "open") != 0 && g_strcmp0 (t->status, "fulfilled") != 0
      && g_strcmp0 (t->status, "failed") != 0)
    return refuse (error, _("A task is open, fulfilled or not fulfilled."));
  return TRUE;
}

/**
 * gad_case_plan_check:
 *
 * Whether @p is a plan one can work to: an assessment day not in the
 * future, a review after it, at least one finding (each area once), and
 * at least one goal, each with its tasks.
 */
gboolean
gad_case_plan_check (const GadCasePlan  *p,
                     GError            **error)
{
  g_autofree char *today = gad_text_today_iso ();
  g_autoptr(GHashTable) areas = g_hash_table_new (g_str_hash, g_str_equal);

  if (!is_iso_date (p->assessed_on))
    return refuse (error, _("The assessment’s date is not a real date."));
  if (strcmp (p->assessed_on, today) > 0)
    return refuse (error, _("The assessment’s date cannot be in the future."));
  if (!is_iso_date (p->review_on) || strcmp (p->review_on, p->assessed_on) <= 0)
    return refuse (error, _("The plan’s review date comes after the assessment."));
  if (p->needs->len == 0)
    return refuse (error, _("Write the assessment’s finding in at least one area."));
  for (guint i = 0; i < p->needs->len; i++)
    {
      GadNeed *n = g_ptr_array_index (p->needs, i);

      if (!gad_catalog_has (GAD_CATALOG_NEED_AREA, n->area) || !g_hash_table_add (areas, n->area))
        return refuse (error, _("Each area of the assessment has one finding."));
      if (blank (n->finding))
        return refuse (error, _("An area of the assessment has no finding. Write it, or leave "
                                "the area out."));
    }
  if (p->goals->len == 0)
    return refuse (error, _("A plan has at least one goal."));
  for (guint i = 0; i < p->goals->len; i++)
    {
      GadPlanGoal *g = g_ptr_array_index (p->goals, i);

      if (blank (g->text))
        return refuse (error, _("A goal has no words. Write what the client wants to reach."));
      if (g->tasks->len == 0)
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                       _("Goal %u has no tasks. Add what is done to reach it."), i + 1);
          return FALSE;
        }
      for (guint k = 0; k < g->tasks->len; k++)
        if (!check_task (g_ptr_array_index (g->tasks, k), i + 1, error))
          return FALSE;
    }
  return TRUE;
}

/**
 * gad_case_plan_needs_text:
 *
 * The findings as the audit log keeps them: "area: finding" a line.
 */
char *
gad_case_plan_needs_text (const GadCasePlan *p)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < p->needs->len; i++)
    {
      GadNeed *n = g_ptr_array_index (p->needs, i);

      g_string_append_printf (s, "%s%s: %s", i ? "\n" : "", n->area, n->finding);
    }
  return g_string_free (s, FALSE);
}

/**
 * gad_case_plan_goals_text:
 *
 * The goals and their tasks as the audit log keeps them: a goal a line,
 * and under it "– task (doer, due, status)".
 */
char *
gad_case_plan_goals_text (const GadCasePlan *p)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < p->goals->len; i++)
    {
      GadPlanGoal *g = g_ptr_array_index (p->goals, i);

      g_string_append_printf (s, "%s%u. %s", i ? "\n" : "", i + 1, g->text);
      for (guint k = 0; k < g->tasks->len; k++)
        {
          GadPlanTask *t = g_ptr_array_index (g->tasks, k);

          gboolean named = t->institution && t->institution[0];

          g_string_append_printf (s, "\n– %s (%s%s%s, %s, %s)", t->text, t->doer,
                                  named ? ": " : "", named ? t->institution : "", t->due_on,
                                  t->status);
        }
    }
  return g_string_free (s, FALSE);
}
