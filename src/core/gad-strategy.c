/* gad-strategy.c — the strategy's action plan: tasks, result indicators, progress
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A task of the plan (1.1.2 "introduce a client appointment system") has
 * result indicators, each a target and a value a year. An indicator is
 * entered by hand, or computed from Gādība's own data: then it is the
 * figure the yearly tables (gadiba-cli stats) give, or a survey's mean.
 * A year's status follows from the indicators measured, unless the head
 * says the task is done.
 */
#define G_LOG_DOMAIN "gad-strategy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-strategy.h"

G_DEFINE_QUARK (gad-strategy-error-quark, gad_strategy_error)

/* Each computed source: the yearly table it reads (NULL: not a table). */
static const struct
{
  const char *id;
  const char *label;
  const char *table;
} sources[] = {
  { "manual", N_("Entered by hand"), NULL },
  { "cases-per-worker", N_("Open cases per social worker at the end of the year"), "caseload" },
  { "home-care", N_("Home care recipients"), "home_care_recipients" },
  { "appointments", N_("Appointments booked"), "appointments" },
  { "remote-registered", N_("Households on the register of remote farmsteads"),
    "remote_farmsteads" },
  { "remote-visited", N_("Remote households visited"), "remote_farmsteads" },
  { "group-participants", N_("Participants of group work"), "group_work" },
  { "group-feedback", N_("Mean feedback after group sessions (1–5)"), "group_work" },
  { "survey-mean", N_("A survey question’s mean (of that year’s run)"), NULL },
};

const char *const *
gad_strategy_sources (void)
{
  static const char *ids[G_N_ELEMENTS (sources) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    ids[i] = sources[i].id;
  return ids;
}

static int
source_index (const char *source)
{
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (g_strcmp0 (sources[i].id, source) == 0)
      return i;
  return -1;
}

const char *
gad_strategy_source_label (const char *source)
{
  int i = source_index (source);

  return i < 0 ? source : _(sources[i].label);
}

/* The yearly table (gad_stats_table ()) a computed source reads, or NULL. */
const char *
gad_strategy_source_table (const char *source)
{
  int i = source_index (source);

  return i < 0 ? NULL : sources[i].table;
}

GadIndicator *
gad_indicator_new (const char *text,
                   const char *source)
{
  GadIndicator *i = g_new0 (GadIndicator, 1);

  i->text = g_strdup (text);
  i->source = g_strdup (source ? source : "manual");
  i->note = g_strdup ("");
  return i;
}

void
gad_indicator_free (GadIndicator *indicator)
{
  if (indicator == NULL)
    return;
  g_free (indicator->text);
  g_free (indicator->source);
  g_free (indicator->question_code);
  g_free (indicator->note);
  g_free (indicator);
}

/* Measured and meeting its target: at least it, or at most when lower is better. */
gboolean
gad_indicator_met (const GadIndicator *indicator)
{
  if (!indicator->has_target || !indicator->has_value)
    return FALSE;
  return indicator->lower_is_better ? indicator->value <= indicator->target
                                    : indicator->value >= indicator->target;
}

GadStrategyTask *
gad_strategy_task_new (const char *code,
                       const char *aim,
                       const char *text,
                       int         year_from,
                       int         year_to)
{
  GadStrategyTask *t = g_new0 (GadStrategyTask, 1);

  t->code = g_strdup (code);
  t->aim = g_strdup (aim);
  t->text = g_strdup (text);
  t->responsible = g_strdup ("");
  t->year_from = year_from;
  t->year_to = year_to;
  t->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_indicator_free);
  t->comment = g_strdup ("");
  return t;
}

GadStrategyTask *
gad_strategy_task_copy (const GadStrategyTask *task)
{
  GadStrategyTask *t = gad_strategy_task_new (task->code, task->aim, task->text, task->year_from,
                                              task->year_to);

  t->id = task->id;
  g_free (t->responsible);
  t->responsible = g_strdup (task->responsible);
  t->done = task->done;
  g_free (t->comment);
  t->comment = g_strdup (task->comment);
  for (guint i = 0; i < task->indicators->len; i++)
    {
      const GadIndicator *from = g_ptr_array_index (task->indicators, i);
      GadIndicator *ind = g_memdup2 (from, sizeof *from);

      ind->text = g_strdup (from->text);
      ind->source = g_strdup (from->source);
      ind->question_code = g_strdup (from->question_code);
      ind->note = g_strdup (from->note);
      g_ptr_array_add (t->indicators, ind);
    }
  return t;
}

void
gad_strategy_task_free (GadStrategyTask *task)
{
  if (task == NULL)
    return;
  g_free (task->code);
  g_free (task->aim);
  g_free (task->text);
  g_free (task->responsible);
  g_ptr_array_unref (task->indicators);
  g_free (task->comment);
  g_free (task);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, GAD_STRATEGY_ERROR, GAD_STRATEGY_ERROR_INVALID, message);
  return FALSE;
}

/* A task that can be kept: a code of numbers and points, an aim, a text,
 * its years, and indicators with text and a source, a survey's with its
 * survey and question. */
gboolean
gad_strategy_task_check (const GadStrategyTask  *task,
                         GError                **error)
{
  if (task->code == NULL || *task->code == '\0' || !g_ascii_isdigit (*task->code)
      || strspn (task->code, "0123456789.") != strlen (task->code))
    return invalid (error, _("A task’s code is its numbers, such as 1.1.2."));
  if (task->text == NULL || *g_strstrip (task->text) == '\0'
      || task->aim == NULL || *g_strstrip (task->aim) == '\0')
    return invalid (error, _("A task needs its text and the strategic aim it serves."));
  if (task->year_from < 2000 || task->year_to > 2100 || task->year_to < task->year_from)
    return invalid (error, _("A task’s years are not a period: the first year, then the last."));
  for (guint i = 0; i < task->indicators->len; i++)
    {
      const GadIndicator *ind = g_ptr_array_index (task->indicators, i);

      if (ind->text == NULL || *g_strstrip (ind->text) == '\0')
        return invalid (error, _("A result indicator needs its text."));
      if (source_index (ind->source) < 0)
        return invalid (error, _("A result indicator is entered by hand or computed from one "
                                 "of Gādība’s figures."));
      if (g_str_equal (ind->source, "survey-mean")
          && (ind->survey_id == 0 || ind->question_code == NULL || *ind->question_code == '\0'))
        return invalid (error, _("A survey’s indicator names the survey and its question."));
    }
  return TRUE;
}

/* How the task stands in @year. */
GadTaskStatus
gad_strategy_task_status (const GadStrategyTask *task,
                          int                    year)
{
  guint measured = 0, met = 0;

  if (task->done)
    return GAD_TASK_DONE;
  for (guint i = 0; i < task->indicators->len; i++)
    {
      const GadIndicator *ind = g_ptr_array_index (task->indicators, i);

      if (ind->has_target && ind->has_value)
        {
          measured++;
          met += gad_indicator_met (ind);
        }
    }
  if (measured == 0)
    return GAD_TASK_NOT_MEASURED;
  if (met < measured)
    return GAD_TASK_BEHIND;
  return year >= task->year_to ? GAD_TASK_DONE : GAD_TASK_ON_TRACK;
}

const char *
gad_task_status_label (GadTaskStatus status)
{
  switch (status)
    {
    case GAD_TASK_ON_TRACK:
      return _("On track");
    case GAD_TASK_BEHIND:
      return _("Behind");
    case GAD_TASK_DONE:
      return _("Done");
    default:
      return _("Not measured");
    }
}
