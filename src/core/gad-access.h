/* gad-access.h — staff roles and what each may do
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GAD_ROLE_NONE,          /* nobody signed in */
  GAD_ROLE_ADMINISTRATOR, /* accounts, settings, rates, imports, retention */
  GAD_ROLE_HEAD,          /* reads every record, dashboards and budgets, approves */
  GAD_ROLE_SOCIAL_WORKER, /* writes the clients of their department or territory */
  GAD_ROLE_CLERK,         /* registers persons and applications */
  GAD_ROLE_AUDITOR,       /* reads the audit log only */
  GAD_ROLE_SYSTEM,        /* the demo builder and tests, never a signed-in person */
} GadRole;

typedef enum
{
  GAD_RIGHT_READ_BASIC,   /* the registry: names, codes, addresses, households */
  GAD_RIGHT_READ_CLIENT,  /* a client's file: cases, applications, decisions, services */
  GAD_RIGHT_REGISTER,     /* new persons, households and applications */
  GAD_RIGHT_WRITE_CLIENT, /* cases, means, decisions, services of a client */
  GAD_RIGHT_SCHEDULE,     /* schedules, reception hours, bookings */
  GAD_RIGHT_DASHBOARDS,   /* dashboards, reports, budgets and spending */
  GAD_RIGHT_APPROVE,      /* the second pair of eyes on large decisions */
  GAD_RIGHT_ADMINISTER,   /* accounts, shared settings, rates, imports, retention */
  GAD_RIGHT_AUDIT,        /* the service-wide audit log */
} GadRight;

gboolean    gad_role_allows     (GadRole      role,
                                 GadRight     right,
                                 gboolean     in_scope);
gboolean    gad_right_is_scoped (GadRight     right);
const char *gad_role_to_string  (GadRole      role);
GadRole     gad_role_from_string (const char *text);
const char *gad_role_label      (GadRole      role);

G_END_DECLS
