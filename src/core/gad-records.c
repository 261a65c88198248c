/* gad-records.c — plain records the store hands out
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-records"

#include "config.h"

#include "gad-csv.h"
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
  g_free (s->username);
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
  g_free (c->transfer_reason);
  g_free (c);
}

void
gad_case_record_free (GadCaseRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->kind);
  g_free (r->occurred_on);
  g_free (r->participants);
  g_free (r->text);
  g_free (r->author);
  g_free (r->written_at);
  g_free (r->client);
  g_free (r);
}

void
gad_case_transfer_free (GadCaseTransfer *t)
{
  if (t == NULL)
    return;
  g_free (t->person);
  g_free (t->from_name);
  g_free (t->to_name);
  g_free (t->reason);
  g_free (t->moved_on);
  g_free (t);
}

void
gad_quiet_case_free (GadQuietCase *q)
{
  g_free (q->person);
  g_free (q->last_on);
  g_free (q);
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
  copy->transfer_reason = g_strdup (c->transfer_reason);
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
  g_free (e->person_name);
  g_clear_pointer (&e->changes, g_ptr_array_unref);
  g_free (e);
}

void
gad_document_free (GadDocument *d)
{
  if (d == NULL)
    return;
  g_free (d->name);
  g_free (d->dated);
  g_free (d);
}

void
gad_request_free (GadRequest *a)
{
  if (a == NULL)
    return;
  g_free (a->type_code);
  g_free (a->type_name);
  g_free (a->received_on);
  g_free (a->incoming_no);
  g_free (a->status);
  g_clear_pointer (&a->documents, g_ptr_array_unref);
  g_free (a);
}

void
gad_income_free (GadIncome *i)
{
  if (i == NULL)
    return;
  g_free (i->kind);
  g_free (i);
}

void
gad_housing_cost_free (GadHousingCost *c)
{
  if (c == NULL)
    return;
  g_free (c->kind);
  g_free (c);
}

void
gad_decision_free (GadDecision *d)
{
  if (d == NULL)
    return;
  g_free (d->number);
  g_free (d->issued_on);
  g_free (d->outcome);
  g_free (d->type_code);
  g_free (d->period_from);
  g_free (d->period_to);
  g_free (d->status_granted);
  g_free (d->facts);
  g_free (d->legal_basis);
  g_free (d->reasoning);
  g_free (d->decision_text);
  g_free (d->drafter);
  g_free (d->pdf_sha256);
  g_free (d);
}

void
gad_issued_document_free (GadIssuedDocument *d)
{
  if (d == NULL)
    return;
  g_free (d->kind);
  g_free (d->number);
  g_free (d->issued_on);
  g_free (d->subject);
  g_free (d->issued_by);
  g_free (d->pdf_sha256);
  g_free (d);
}

void
gad_status_grant_free (GadStatusGrant *s)
{
  if (s == NULL)
    return;
  g_free (s->status);
  g_free (s->period_from);
  g_free (s->period_to);
  g_free (s->number);
  g_free (s->issued_on);
  g_free (s->snapshot);
  g_free (s);
}

void
gad_duty_free (GadDuty *d)
{
  if (d == NULL)
    return;
  g_free (d->text);
  g_free (d->due_on);
  g_free (d->status);
  g_free (d->recorded_on);
  g_free (d->person_name);
  g_free (d);
}

void
gad_type_entry_free (GadTypeEntry *t)
{
  if (t == NULL)
    return;
  g_free (t->code);
  g_free (t->name_lv);
  g_free (t->name_en);
  g_free (t);
}

/* Audit entries as spreadsheet CSV for a Latvian spreadsheet (UTF-8 with a
 * BOM, semicolons): a line a changed field, or a line for an entry without. */
char *
gad_audit_entries_to_csv (GPtrArray *entries)
{
  GString *out = g_string_new ("\xef\xbb\xbf");
  const char *head[] = { "at", "actor", "client", "entity", "entity_id", "action", "field",
                         "old_value", "new_value", NULL };

  gad_csv_append_row (out, head, ';');
  for (guint i = 0; i < entries->len; i++)
    {
      GadAuditEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, e->entity_id);
      guint n = e->changes ? e->changes->len : 0;

      for (guint k = 0; k < MAX (n, 1); k++)
        {
          GadAuditChange *c = k < n ? g_ptr_array_index (e->changes, k) : NULL;
          const char *row[] = { e->at, e->actor, e->person_name ? e->person_name : "", e->entity,
                                id, e->action, c ? c->field : "",
                                c && c->old_value ? c->old_value : "",
                                c && c->new_value ? c->new_value : "", NULL };

          gad_csv_append_row (out, row, ';');
        }
    }
  return g_string_free (out, FALSE);
}
