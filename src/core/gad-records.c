/* gad-records.c — plain records the store hands out
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-records"

#include "config.h"

#include "gad-records.h"

void
gad_territory_free (GadTerritory *t)
{
  if (t == NULL)
    return;
  g_free (t->name);
  g_free (t);
}

void
gad_staff_free (GadStaff *s)
{
  if (s == NULL)
    return;
  g_free (s->name);
  g_free (s->position);
  g_free (s->department);
  g_free (s);
}

void
gad_case_free (GadCase *c)
{
  if (c == NULL)
    return;
  g_free (c->worker);
  g_free (c->target_groups);
  g_free (c->opened_on);
  g_free (c->closed_on);
  g_free (c->closing_reason);
  g_free (c->notes);
  g_free (c);
}

GadCase *
gad_case_copy (const GadCase *c)
{
  GadCase *copy = g_memdup2 (c, sizeof *c);

  copy->worker = g_strdup (c->worker);
  copy->target_groups = g_strdup (c->target_groups);
  copy->opened_on = g_strdup (c->opened_on);
  copy->closed_on = g_strdup (c->closed_on);
  copy->closing_reason = g_strdup (c->closing_reason);
  copy->notes = g_strdup (c->notes);
  return copy;
}

void
gad_member_free (GadMember *m)
{
  if (m == NULL)
    return;
  g_free (m->person_name);
  g_free (m->person_code);
  g_free (m->relation);
  g_free (m->from_date);
  g_free (m->to_date);
  g_free (m);
}

void
gad_audit_change_free (GadAuditChange *c)
{
  if (c == NULL)
    return;
  g_free (c->field);
  g_free (c->old_value);
  g_free (c->new_value);
  g_free (c);
}

void
gad_audit_entry_free (GadAuditEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->at);
  g_free (e->actor);
  g_free (e->entity);
  g_free (e->action);
  g_clear_pointer (&e->changes, g_ptr_array_unref);
  g_free (e);
}
