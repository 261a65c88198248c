/* gad-remote.c — lone pensioners on remote farmsteads: the register's rules
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The county strategy's task 2.4.3: persons who live alone and are
 * pensioners (65 or older, or with an open case for a pensioner) or have
 * disability group I or II, and live outside a village centre, are visited
 * every few months; a visit notes the risks it found. Outside a village
 * centre means a farmstead: Latvian addresses name a farmstead in quotation
 * marks ("Bērzkalni", Īslīces pagasts) where a village has a street.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-remote.h"
#include "gad-store.h"
#include "gad-text.h"

/* The checklist's risks and their names, in its order. */
static const char *const risk_codes[] = {
  "heating", "food", "medicines", "mobility", "isolation", "home-care", NULL,
};
static const char *const risk_names[] = {
  N_("Heating"), N_("Food"), N_("Medicines"), N_("Mobility"), N_("Isolation"),
  N_("Needs home care"),
};

void
gad_remote_person_free (GadRemotePerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_free (person->code);
  g_free (person->address);
  g_free (person->parish);
  g_free (person->reason);
  g_free (person->last_visit);
  g_free (person->last_outcome);
  g_free (person->next_due);
  g_free (person->risks);
  g_free (person->place_source);
  g_free (person->phone);
  g_free (person);
}

/* The risks a visit checks, by code, in the checklist's order. */
const char *const *
gad_remote_risks (void)
{
  return (const char *const *) risk_codes;
}

const char *
gad_remote_risk_name (const char *code)
{
  for (guint i = 0; risk_codes[i]; i++)
    if (g_strcmp0 (code, risk_codes[i]) == 0)
      return _(risk_names[i]);
  return code;
}

/* "heating,food": each a risk of the checklist, each once. */
gboolean
gad_remote_check_risks (const char  *text,
                        GError     **error)
{
  g_auto(GStrv) codes = g_strsplit (text ? text : "", ",", -1);

  for (guint i = 0; codes[i]; i++)
    {
      gboolean known = FALSE;

      for (guint k = 0; risk_codes[k]; k++)
        known |= g_str_equal (codes[i], risk_codes[k]);
      for (guint k = 0; k < i; k++)
        known &= !g_str_equal (codes[i], codes[k]);
      if (!known && *codes[i])
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                       _("“%s” is not a risk of the checklist, or is there twice: choose among "
                         "heating, food, medicines, mobility, isolation and home-care."),
                       codes[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
has (const char *text,
     const char *code)
{
  g_auto(GStrv) codes = g_strsplit (text ? text : "", ",", -1);

  return g_strv_contains ((const char *const *) codes, code);
}

/* Timely word of who will soon need care: the visit says so, or the person
 * cannot move about and lacks food or medicines. */
gboolean
gad_remote_needs_home_care (const char *found)
{
  return has (found, "home-care")
         || (has (found, "mobility") && (has (found, "food") || has (found, "medicines")));
}

gboolean
gad_remote_is_farmstead (const char *address)
{
  return address && (g_str_has_prefix (address, "\"") || g_str_has_prefix (address, "„")
                     || g_str_has_prefix (address, "“"));
}

/* The next visit after one on @date: in @interval_months if they were seen
 * or refused it, within two weeks if nobody was at home. */
char *
gad_remote_next_due (const char *date,
                     const char *outcome,
                     int         interval_months)
{
  GDate d;

  if (!gad_text_parse_date (date, &d))
    return NULL;
  if (g_strcmp0 (outcome, "not-home") == 0)
    g_date_add_days (&d, GAD_REMOTE_RETRY_DAYS);
  else
    g_date_add_months (&d, interval_months);
  return gad_text_iso_date (&d);
}

/**
 * gad_remote_stop_new:
 *
 * Returns: (transfer full) (nullable): the person as a stop of a route: at
 *   their place or, not known, at their parish's centre (estimated); %NULL
 *   when neither is known
 */
GadRouteStop *
gad_remote_stop_new (const GadRemotePerson *person)
{
  GadRouteStop *stop;

  if (person->place_source == NULL && !person->has_parish_centre)
    return NULL;
  stop = g_new0 (GadRouteStop, 1);
  stop->name = g_strdup (person->name);
  stop->address = g_strdup (person->address);
  stop->phone = person->phone && *person->phone ? g_strdup (person->phone) : NULL;
  stop->person_id = person->person_id;
  stop->risks = g_strdup (person->risks);
  stop->estimated = person->place_source == NULL || g_str_equal (person->place_source, "estimate");
  stop->point = person->place_source ? person->place : person->parish_centre;
  return stop;
}
