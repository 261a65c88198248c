/* gad-access.c — staff roles and what each may do
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-access"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-access.h"

#define R(right) (1u << (right))

/* The whole rule set in one table. Scoped rights are granted to a social
 * worker only for clients in their department or territory (the store
 * decides what is in scope); every other role has them everywhere or not. */
static const struct
{
  const char *id;
  const char *label;
  guint rights;
} roles[] = {
  [GAD_ROLE_NONE] = { "", NULL, 0 },
  [GAD_ROLE_ADMINISTRATOR] = { "administrator", N_("Administrator"),
                               R (GAD_RIGHT_READ_BASIC) | R (GAD_RIGHT_ADMINISTER) },
  [GAD_ROLE_HEAD] = { "head", N_("Head"),
                      R (GAD_RIGHT_READ_BASIC) | R (GAD_RIGHT_READ_CLIENT) | R (GAD_RIGHT_SCHEDULE)
                      | R (GAD_RIGHT_DASHBOARDS) | R (GAD_RIGHT_APPROVE) | R (GAD_RIGHT_AUDIT) },
  [GAD_ROLE_SOCIAL_WORKER] = { "social-worker", N_("Social worker"),
                               R (GAD_RIGHT_READ_BASIC) | R (GAD_RIGHT_READ_CLIENT)
                               | R (GAD_RIGHT_REGISTER) | R (GAD_RIGHT_WRITE_CLIENT)
                               | R (GAD_RIGHT_SCHEDULE) },
  [GAD_ROLE_CLERK] = { "clerk", N_("Clerk"),
                       R (GAD_RIGHT_READ_BASIC) | R (GAD_RIGHT_REGISTER) | R (GAD_RIGHT_SCHEDULE) },
  [GAD_ROLE_AUDITOR] = { "auditor", N_("Auditor"), R (GAD_RIGHT_AUDIT) },
  [GAD_ROLE_SYSTEM] = { "system", NULL, ~0u },
};

gboolean
gad_right_is_scoped (GadRight right)
{
  return right == GAD_RIGHT_READ_CLIENT || right == GAD_RIGHT_WRITE_CLIENT;
}

/**
 * gad_role_allows:
 * @in_scope: whether the client concerned is in the signed-in worker's
 *   department or territory; read only for scoped rights of social workers
 */
gboolean
gad_role_allows (GadRole  role,
                 GadRight right,
                 gboolean in_scope)
{
  if ((guint) role >= G_N_ELEMENTS (roles) || !(roles[role].rights & R (right)))
    return FALSE;
  if (role == GAD_ROLE_SOCIAL_WORKER && gad_right_is_scoped (right))
    return in_scope;
  return TRUE;
}

const char *
gad_role_to_string (GadRole role)
{
  return (guint) role < G_N_ELEMENTS (roles) ? roles[role].id : "";
}

/* Only the roles a person can hold; "system" is never read from the database. */
GadRole
gad_role_from_string (const char *text)
{
  for (guint r = GAD_ROLE_ADMINISTRATOR; r <= GAD_ROLE_AUDITOR; r++)
    if (g_strcmp0 (text, roles[r].id) == 0)
      return r;
  return GAD_ROLE_NONE;
}

const char *
gad_role_label (GadRole role)
{
  if ((guint) role >= G_N_ELEMENTS (roles) || roles[role].label == NULL)
    return "";
  return _(roles[role].label);
}
