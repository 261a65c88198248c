/* gad-group.c — group work: a group's kind, whom it is for, its programme, who came
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group meets as its schedule entry says (Schedules keep the days, the
 * leader, the client list and who came); here is what the yearly figures
 * need besides: its kind and target group, those who are not clients
 * counted by gender and age group, and a plan for each session.
 */
#define G_LOG_DOMAIN "gad-group"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-catalog.h"
#include "gad-group.h"
#include "gad-survey.h"

G_DEFINE_QUARK (gad-group-error-quark, gad_group_error)

GadGroup *
gad_group_new (gint64      entry_id,
               const char *title)
{
  GadGroup *g = g_new0 (GadGroup, 1);

  g->entry_id = entry_id;
  g->title = g_strdup (title ? title : "");
  g->form = g_strdup ("support-group");
  g->target_group = g_strdup ("");
  return g;
}

void
gad_group_session_free (GadGroupSession *s)
{
  if (s == NULL)
    return;
  g_free (s->date);
  g_free (s->topic);
  g_free (s->plan);
  g_free (s->status);
  g_free (s);
}

void
gad_group_free (GadGroup *g)
{
  if (g == NULL)
    return;
  g_free (g->title);
  g_free (g->leader);
  g_free (g->start_date);
  g_free (g->until_date);
  g_free (g->form);
  g_free (g->target_group);
  g_clear_pointer (&g->sessions, g_ptr_array_unref);
  g_free (g);
}

static gpointer
copy_session (gconstpointer src,
              gpointer      data)
{
  const GadGroupSession *s = src;
  GadGroupSession *c = g_memdup2 (s, sizeof *s);

  c->date = g_strdup (s->date);
  c->topic = g_strdup (s->topic);
  c->plan = g_strdup (s->plan);
  c->status = g_strdup (s->status);
  return c;
}

GadGroup *
gad_group_copy (const GadGroup *g)
{
  GadGroup *c = g_memdup2 (g, sizeof *g);

  c->title = g_strdup (g->title);
  c->leader = g_strdup (g->leader);
  c->start_date = g_strdup (g->start_date);
  c->until_date = g_strdup (g->until_date);
  c->form = g_strdup (g->form);
  c->target_group = g_strdup (g->target_group);
  c->sessions = g->sessions ? g_ptr_array_copy (g->sessions, copy_session, NULL) : NULL;
  if (c->sessions)
    g_ptr_array_set_free_func (c->sessions, (GDestroyNotify) gad_group_session_free);
  return c;
}

int
gad_group_others_total (const GadGroup *g)
{
  int n = 0;

  for (int s = 0; s < 2; s++)
    for (int a = 0; a < GAD_GROUP_AGE_GROUPS; a++)
      n += g->others[s][a];
  return n;
}

gboolean
gad_group_check (const GadGroup  *g,
                 GError         **error)
{
  if (!gad_catalog_has (GAD_CATALOG_GROUP_FORM, g->form))
    {
      g_set_error (error, GAD_GROUP_ERROR, GAD_GROUP_ERROR_INVALID,
                   _("Choose what kind of group it is."));
      return FALSE;
    }
  if (*g->target_group && !gad_catalog_has (GAD_CATALOG_TARGET_GROUP, g->target_group))
    {
      g_set_error (error, GAD_GROUP_ERROR, GAD_GROUP_ERROR_INVALID,
                   _("There is no target group “%s”."), g->target_group);
      return FALSE;
    }
  for (int s = 0; s < 2; s++)
    for (int a = 0; a < GAD_GROUP_AGE_GROUPS; a++)
      if (g->others[s][a] < 0 || g->others[s][a] > GAD_GROUP_MAX_OTHERS)
        {
          g_set_error (error, GAD_GROUP_ERROR, GAD_GROUP_ERROR_INVALID,
                       _("Count those who are not clients from 0 to %d in each age group."),
                       GAD_GROUP_MAX_OTHERS);
          return FALSE;
        }
  return TRUE;
}

gboolean
gad_group_session_check (const GadGroupSession  *s,
                         GError                **error)
{
  if (s->others_present > GAD_GROUP_MAX_OTHERS || s->others_present < -1)
    {
      g_set_error (error, GAD_GROUP_ERROR, GAD_GROUP_ERROR_INVALID,
                   _("Count the others who came from 0 to %d, or leave it empty."),
                   GAD_GROUP_MAX_OTHERS);
      return FALSE;
    }
  if (g_utf8_strlen (s->topic ? s->topic : "", -1) > 200)
    {
      g_set_error (error, GAD_GROUP_ERROR, GAD_GROUP_ERROR_INVALID,
                   _("Keep a session’s topic under 200 characters; the plan takes the rest."));
      return FALSE;
    }
  return TRUE;
}

/* The short questionnaire a group's participants answer after sessions:
 * three 1–5 scales (their mean is the group's feedback) and what they would
 * change, for the group's period. */
GadSurvey *
gad_group_feedback_survey (const GadGroup *g)
{
  g_autofree char *title = g_strdup_printf (_("Feedback: %s"), g->title);
  GadSurvey *survey = gad_survey_new (title, g->start_date);

  survey->period_to = g_strdup (g->until_date);
  survey->group_entry_id = g->entry_id;
  g_ptr_array_add (survey->questions,
                   gad_survey_question_new ("useful", GAD_QUESTION_SCALE,
                                            _("How useful was the session to you?"), NULL, FALSE));
  g_ptr_array_add (survey->questions,
                   gad_survey_question_new ("welcome", GAD_QUESTION_SCALE,
                                            _("Did you feel welcome in the group?"), NULL, FALSE));
  g_ptr_array_add (survey->questions,
                   gad_survey_question_new ("recommend", GAD_QUESTION_SCALE,
                                            _("Would you recommend the group to others?"), NULL,
                                            FALSE));
  g_ptr_array_add (survey->questions,
                   gad_survey_question_new ("change", GAD_QUESTION_TEXT,
                                            _("What would you change?"), NULL, FALSE));
  return survey;
}
