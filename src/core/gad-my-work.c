/* gad-my-work.c — what is due for the signed-in staff member
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A social worker's own clients' co-operation duties, their open cases with
 * no record for 60 days, their plans' tasks and reviews of the next two
 * weeks, their visits and appointments of the day, and the cases handed to
 * them or taken from them in the last two weeks; a
 * head's the service's open duties, quiet cases and the decisions waiting
 * for approval. Overdue first, then by the day they are due.
 */
#define G_LOG_DOMAIN "gad-my-work"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-catalog.h"
#include "gad-my-work.h"
#include "gad-remote.h"
#include "gad-schedule.h"
#include "gad-text.h"

void
gad_due_item_free (GadDueItem *item)
{
  if (item == NULL)
    return;
  g_free (item->due_on);
  g_free (item->person);
  g_free (item->what);
  g_free (item);
}

static GadDueItem *
item_new (GPtrArray  *items,
          GadDueKind  kind,
          const char *due_on,
          const char *today,
          gint64      person_id,
          const char *person)
{
  GadDueItem *item = g_new0 (GadDueItem, 1);

  item->kind = kind;
  item->due_on = g_strdup (due_on);
  item->overdue = strcmp (due_on, today) < 0;
  item->person_id = person_id;
  item->person = g_strdup (person ? person : "");
  g_ptr_array_add (items, item);
  return item;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const GadDueItem *x = *(GadDueItem **) a, *y = *(GadDueItem **) b;

  if (x->overdue != y->overdue)
    return x->overdue ? -1 : 1;
  return strcmp (x->due_on, y->due_on);
}

/* @today plus @days, as an ISO date. */
static char *
days_from (const char *today,
           int         days)
{
  GDate date;

  if (!gad_text_parse_date (today, &date))
    return g_strdup (today);
  if (days < 0)
    g_date_subtract_days (&date, -days);
  else
    g_date_add_days (&date, days);
  return gad_text_iso_date (&date);
}

/* The cases handed to @me or taken from them in the last two weeks: news,
 * never overdue. */
static gboolean
add_transfers (GadStore   *store,
               GPtrArray  *items,
               gint64      me,
               const char *today,
               GError    **error)
{
  g_autofree char *since = days_from (today, -GAD_PLAN_AHEAD_DAYS);
  g_autoptr(GPtrArray) moved = gad_store_list_transfers (store, me, since, error);

  if (moved == NULL)
    return FALSE;
  for (guint i = 0; i < moved->len; i++)
    {
      GadCaseTransfer *t = g_ptr_array_index (moved, i);
      GadDueItem *item = item_new (items, GAD_DUE_TRANSFER, t->moved_on, today, t->person_id,
                                   t->person);

      item->overdue = FALSE;
      item->case_id = t->case_id;
      if (t->to_worker == me)
        /* TRANSLATORS: My Work: a case handed to the worker: from whom, why */
        item->what = g_strdup_printf (_("Case received from %s: %s"),
                                      t->from_name[0] ? t->from_name : _("nobody"), t->reason);
      else
        /* TRANSLATORS: My Work: a case the worker handed on: to whom, why */
        item->what = g_strdup_printf (_("Case passed to %s: %s"), t->to_name, t->reason);
    }
  return TRUE;
}

/* Timely word for the heads: whom a visit to a remote farmstead found in
 * need of home care, not yet proposed it. News from the day of the visit,
 * never overdue. */
static gboolean
add_home_care (GadStore   *store,
               GPtrArray  *items,
               const char *today,
               GError    **error)
{
  g_autoptr(GPtrArray) register_ = gad_store_remote_list (store, NULL, error);

  if (register_ == NULL)
    return FALSE;
  for (guint i = 0; i < register_->len; i++)
    {
      GadRemotePerson *r = g_ptr_array_index (register_, i);
      g_auto(GStrv) codes = NULL;
      GadDueItem *item;
      GString *what;

      if (r->home_care_proposed || !gad_remote_needs_home_care (r->risks))
        continue;
      codes = g_strsplit (r->risks, ",", -1);
      what = g_string_new (_("A visit found:"));
      for (guint k = 0; codes[k]; k++)
        g_string_append_printf (what, "%s %s", k ? "," : "", gad_remote_risk_name (codes[k]));
      item = item_new (items, GAD_DUE_HOME_CARE, r->last_visit ? r->last_visit : today, today,
                       r->person_id, r->name);
      item->what = g_string_free (what, FALSE);
      item->overdue = FALSE;
    }
  return TRUE;
}

/**
 * gad_my_work:
 * @today: an ISO date
 *
 * Returns: (element-type GadDueItem): what is due, overdue first; or %NULL
 *   with @error
 */
GPtrArray *
gad_my_work (GadStore    *store,
             const char  *today,
             GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_due_item_free);
  gboolean worker = gad_store_get_role (store) == GAD_ROLE_SOCIAL_WORKER;
  gint64 me = worker ? gad_store_actor_id (store) : 0;
  g_autofree char *quiet_since = days_from (today, -GAD_QUIET_DAYS);
  g_autoptr(GPtrArray) duties = NULL;
  g_autoptr(GPtrArray) quiet = NULL;

  if (!gad_store_require (store, GAD_RIGHT_READ_CLIENT, 0, error)
      || (duties = gad_store_list_open_duties (store, me, error)) == NULL
      || (quiet = gad_store_list_quiet_cases (store, me, quiet_since, error)) == NULL)
    return NULL;
  for (guint i = 0; i < duties->len; i++)
    {
      GadDuty *d = g_ptr_array_index (duties, i);

      item_new (items, GAD_DUE_DUTY, d->due_on, today, d->person_id, d->person_name)->what =
        g_strdup (d->text);
    }
  for (guint i = 0; i < quiet->len; i++)
    {
      GadQuietCase *q = g_ptr_array_index (quiet, i);
      g_autofree char *due = days_from (q->last_on, GAD_QUIET_DAYS);
      g_autofree char *last = gad_text_format_date (q->last_on);
      GadDueItem *item = item_new (items, GAD_DUE_QUIET_CASE, due, today, q->person_id, q->person);

      item->case_id = q->case_id;
      /* TRANSLATORS: a case gone quiet in My Work: the day of its last record */
      item->what = g_strdup_printf (_("No record since %s"), last);
    }
  if (worker)
    {
      GadScheduleFilter filter = { .staff_id = me };
      g_autofree char *ahead = days_from (today, GAD_PLAN_AHEAD_DAYS);
      g_autoptr(GPtrArray) plans = gad_store_list_plan_work (store, me, ahead, error);
      g_autoptr(GPtrArray) day = plans ? gad_store_list_occurrences (store, &filter, today, today,
                                                                     error) : NULL;

      if (day == NULL)
        return NULL;
      for (guint i = 0; i < plans->len; i++)
        {
          GadPlanDue *d = g_ptr_array_index (plans, i);
          GadDueItem *item = item_new (items, d->task ? GAD_DUE_TASK : GAD_DUE_REVIEW, d->due_on,
                                       today, d->person_id, d->person);

          item->case_id = d->case_id;
          if (d->task == NULL)
            item->what = g_strdup (_("Review the plan"));
          else if (d->institution[0])
            /* TRANSLATORS: a plan's task another institution does: the task, the institution */
            item->what = g_strdup_printf (_("%s (%s)"), d->task, d->institution);
          else
            item->what = g_strdup (d->task);
        }
      for (guint i = 0; i < day->len; i++)
        {
          GadOccurrence *o = g_ptr_array_index (day, i);

          if (o->person_id == 0 || g_strcmp0 (o->status, "planned") != 0)
            continue;
          item_new (items, GAD_DUE_VISIT, today, today, o->person_id, o->person_name)->what =
            g_strdup_printf ("%02d:%02d %s", o->start_minute / 60, o->start_minute % 60,
                             g_str_equal (o->kind, "visit") ? _("visit") : _("appointment"));
        }
      if (!add_transfers (store, items, me, today, error))
        return NULL;
    }
  if (gad_store_can (store, GAD_RIGHT_APPROVE, 0))
    {
      g_autoptr(GPtrArray) waiting = gad_store_list_approvals (store, "pending", error);

      if (waiting == NULL)
        return NULL;
      for (guint i = 0; i < waiting->len; i++)
        {
          GadApproval *a = g_ptr_array_index (waiting, i);
          g_autofree char *asked = g_strndup (a->requested_at, 10);
          g_autofree char *amount = gad_text_format_money (a->amount_cents);

          /* TRANSLATORS: a decision waiting for approval: benefit, total, who asked */
          item_new (items, GAD_DUE_APPROVAL, asked, today, a->person_id, a->person)->what =
            g_strdup_printf (_("%s, %s, asked by %s"), a->type_name, amount, a->requester);
        }
      if (!add_home_care (store, items, today, error))
        return NULL;
    }
  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}

/* The list as plain text, a line an item, for the command line. */
char *
gad_my_work_text (GPtrArray *items)
{
  static const char *kinds[] = {
    [GAD_DUE_DUTY] = N_("duty"), [GAD_DUE_QUIET_CASE] = N_("case"),
    [GAD_DUE_VISIT] = N_("today"), [GAD_DUE_APPROVAL] = N_("approval"),
    [GAD_DUE_TASK] = N_("task"), [GAD_DUE_REVIEW] = N_("review"),
    [GAD_DUE_TRANSFER] = N_("transfer"), [GAD_DUE_HOME_CARE] = N_("home care"),
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      GadDueItem *item = g_ptr_array_index (items, i);
      g_autofree char *day = gad_text_format_date (item->due_on);

      g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\n", day,
                              item->overdue ? _("overdue") : "", _(kinds[item->kind]),
                              item->person, item->what);
    }
  return g_string_free (out, FALSE);
}
