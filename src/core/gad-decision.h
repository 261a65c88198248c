/* gad-decision.h — issuing decisions: number, frozen data, letter, payments, duties
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-letter.h"
#include "gad-store.h"

G_BEGIN_DECLS

#define GAD_DECISION_ERROR (gad_decision_error_quark ())

typedef enum
{
  GAD_DECISION_ERROR_INVALID,
  GAD_DECISION_ERROR_SETTINGS,
} GadDecisionError;

typedef struct
{
  gint64 request_id;
  const char *outcome;          /* "grant", "partial", "refuse" */
  gint64 amount_cents;          /* a month; 0 for a service */
  const char *period_from;
  const char *period_to;
  const char *status_granted;   /* "needy", "low-income" or NULL */
  const char *facts;
  const char *legal_basis;      /* one clause a line */
  const char *reasoning;        /* on refusal: the reasons */
  const char *issued_on;        /* NULL: today */
  const char *drafter;
  gint64 supersedes_id;
  const char *funding;          /* of the payments; NULL: municipal */
  GPtrArray *duties;            /* of GadDuty (text, due_on) or NULL */
} GadDecisionDraft;

GQuark     gad_decision_error_quark  (void);
char      *gad_decision_format_number (const char *pattern,
                                       int         year,
                                       int         seq);
gint64     gad_decision_total_cents  (const GadDecisionDraft *draft,
                                      guint                   open_ended_months);
gint64     gad_decision_application_total (GadStore          *store,
                                      const GadDecisionDraft *draft);
gint64     gad_decision_issue        (GadStore               *store,
                                      const GadDecisionDraft *draft,
                                      GError                **error);

G_END_DECLS
