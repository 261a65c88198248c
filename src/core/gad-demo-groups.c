/* gad-demo-groups.c — the demo county's group work
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two groups meeting this autumn get their kind, programme and others
 * counted, and the county held three more in 2025 and a summer camp in
 * 2026: a parents' school, a social skills group for young people leaving
 * care, and the camps, whose children are counted, not registered. Every
 * group that met has feedback questionnaires. Random numbers of their own:
 * the rest of the county stays as it was.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include "gad-demo-private.h"
#include "gad-store-private.h"

#include <stdlib.h>
#include <string.h>


typedef struct
{
  const char *title;
  const char *from, *until;
  int minute, minutes;
  guint weekdays;
  const char *form, *target;
  int min_age, max_age, clients;
  int others[2][GAD_GROUP_AGE_GROUPS];
} NewGroup;

static const NewGroup new_groups[] = {
  { "Vecāku skola (pavasaris)", "2025-03-06", "2025-05-15", 17 * 60, 90, 1u << 3,
    "parents-school", "families-with-children", 25, 45, 9, { { 0, 0, 1 }, { 0, 0, 3 } } },
  { "Vasaras nometne bērniem", "2025-07-14", "2025-07-18", 10 * 60, 360, 0x1f,
    "camp", "social-risk-family", 25, 50, 2, { { 9 }, { 8 } } },
  { "Sociālo prasmju grupa jauniešiem", "2025-09-16", "2025-12-09", 16 * 60, 90, 1u << 1,
    "social-skills", "youth-after-care", 18, 24, 7, { { 0, 2 }, { 0, 1 } } },
  { "Vasaras nometne bērniem", "2026-07-13", "2026-07-17", 10 * 60, 360, 0x1f,
    "camp", "social-risk-family", 25, 50, 3, { { 10 }, { 11 } } },
};

/* The groups of the schedules, by their titles. */
static const struct { const char *title, *form, *target; int others[2][GAD_GROUP_AGE_GROUPS]; }
autumn[] = {
  { "Atbalsta grupa senioriem", "support-group", "pensioner", { { 0 }, { 0, 0, 0, 0, 2 } } },
  { "Vecāku skola", "parents-school", "families-with-children", { { 0, 0, 1 }, { 0, 0, 2 } } },
};

static const char *const topics[] = {
  "Iepazīšanās un grupas noteikumi", "Stress un kā ar to tikt galā", "Saskarsme ģimenē",
  "Robežas un to noteikšana", "Emocijas un to paušana", "Konflikti un to risināšana",
  "Ikdienas rutīna un miegs", "Veselīgs uzturs", "Finanšu plānošana", "Atbalsta tīkls",
  "Brīvais laiks kopā", "Noslēgums un atgriezeniskā saite",
};

static const char *const camp_topics[] = {
  "Iepazīšanās spēles un pārgājiens", "Radošās darbnīcas", "Sporta diena",
  "Dabas izziņas diena", "Noslēguma koncerts",
};

static gint64
staff_id (Demo       *demo,
          const char *position,
          guint       nth)
{
  g_autoptr(GPtrArray) staff = gad_store_list_staff (demo->store);

  for (guint i = 0; i < staff->len; i++)
    {
      GadStaff *s = g_ptr_array_index (staff, i);

      if (g_str_equal (s->position, position) && nth-- == 0)
        return s->id;
    }
  return 0;
}

/* A new group's entry and its clients, attendance of the sessions past. */
static gint64
add_group (Demo           *demo,
           GRand          *rand,
           const NewGroup *n,
           gint64          leader,
           GError        **error)
{
  GadEntry e = { .kind = (char *) "group", .staff_id = leader, .title = (char *) n->title,
                 .start_date = (char *) n->from, .start_minute = n->minute,
                 .minutes = n->minutes, .weekdays = n->weekdays, .until_date = (char *) n->until,
                 .note = (char *) "" };
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) days = NULL;

  if (gad_store_save_entry (demo->store, &e, error) == 0)
    return 0;
  for (int tries = 0; (int) members->len < n->clients && tries < 5000; tries++)
    {
      const Adult *a = &g_array_index (demo->adults, Adult,
                                       g_rand_int_range (rand, 0, demo->adults->len));
      int age = atoi (n->from) - a->birth_year;
      gboolean seen = FALSE;

      for (guint k = 0; k < members->len; k++)
        seen |= g_array_index (members, gint64, k) == a->id;
      if (seen || age < n->min_age || age > n->max_age)
        continue;
      g_array_append_val (members, a->id);
      if (!gad_store_add_participant (demo->store, e.id, a->id, error))
        return 0;
    }
  days = gad_entry_days (&e, n->from, GAD_DEMO_DAY);
  for (guint d = 0; d < days->len; d++)
    for (guint k = 0; k < members->len; k++)
      if (!gad_store_record_attendance (demo->store, e.id, days->pdata[d],
                                        g_array_index (members, gint64, k),
                                        g_rand_int_range (rand, 0, 6) > 0, error))
        return 0;
  return e.id;
}

/* Its kind and others, a topic for each session, the others who came to
 * those past, and feedback from about two in three of those who came. */
static gboolean
describe (Demo        *demo,
          GRand       *rand,
          gint64       entry_id,
          const char  *form,
          const char  *target,
          const int    others[2][GAD_GROUP_AGE_GROUPS],
          GError     **error)
{
  g_autoptr(GadGroup) g = gad_store_get_group (demo->store, entry_id, error);
  g_autoptr(GadSurvey) survey = NULL;
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean camp = g_str_equal (form, "camp");
  int n_others, came = 0;

  if (g == NULL)
    return FALSE;
  g_free (g->form);
  g->form = g_strdup (form);
  g_free (g->target_group);
  g->target_group = g_strdup (target);
  memcpy (g->others, others, sizeof g->others);
  n_others = gad_group_others_total (g);
  if (!gad_store_save_group (demo->store, g, error))
    return FALSE;
  for (guint i = 0; i < g->sessions->len; i++)
    {
      GadGroupSession *s = g_ptr_array_index (g->sessions, i);
      gboolean past = strcmp (s->date, GAD_DEMO_DAY) <= 0;

      g_free (s->topic);
      s->topic = g_strdup (camp ? camp_topics[i % G_N_ELEMENTS (camp_topics)]
                                : topics[i % G_N_ELEMENTS (topics)]);
      s->others_present = past && n_others ? n_others - g_rand_int_range (rand, 0, n_others / 4 + 1)
                                           : -1;
      if (!gad_store_save_group_session (demo->store, entry_id, s, error))
        return FALSE;
      came += past ? s->clients_present + MAX (s->others_present, 0) : 0;
    }
  if (came == 0)
    return TRUE;
  survey = gad_group_feedback_survey (g);
  for (int r = 0; r < (g->clients + n_others) * 2 / 3; r++)
    {
      GStrv answers = g_new0 (char *, 5);

      for (int q = 0; q < 3; q++)
        answers[q] = g_strdup_printf ("%d", 5 - (g_rand_int_range (rand, 0, 10) / 4));
      answers[3] = g_strdup (g_rand_int_range (rand, 0, 4) ? "" : "Vairāk laika sarunām");
      g_ptr_array_add (responses, answers);
    }
  return gad_store_save_survey (demo->store, survey, error)
         && gad_store_import_survey_responses (demo->store, survey, responses, NULL, NULL, NULL,
                                               error) != G_MAXUINT;
}

gboolean
gad_demo_add_groups (Demo    *demo,
                     GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_rand_int (demo->places_rand) ^ 0x6a0c);
  g_autoptr(GPtrArray) groups = gad_store_list_groups (demo->store, 2026, error);
  gint64 leader = staff_id (demo, "Psihologs", 1);
  gboolean ok = groups != NULL;

  for (guint i = 0; ok && i < groups->len; i++)
    for (guint a = 0; a < G_N_ELEMENTS (autumn); a++)
      if (g_str_equal (((GadGroup *) groups->pdata[i])->title, autumn[a].title))
        ok = describe (demo, rand, ((GadGroup *) groups->pdata[i])->entry_id, autumn[a].form,
                       autumn[a].target, autumn[a].others, error);
  for (guint n = 0; ok && n < G_N_ELEMENTS (new_groups); n++)
    {
      gint64 id = add_group (demo, rand, &new_groups[n], leader, error);

      ok = id && describe (demo, rand, id, new_groups[n].form, new_groups[n].target,
                           new_groups[n].others, error);
    }
  return ok;
}
