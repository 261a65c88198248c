/* gad-remote.h — lone pensioners on remote farmsteads: the register's rules
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gad-route-stops.h"

G_BEGIN_DECLS

#define GAD_REMOTE_INTERVAL_MONTHS 3   /* between visits, unless set for the person */
#define GAD_REMOTE_RETRY_DAYS 14       /* not at home: again within two weeks */
#define GAD_REMOTE_PENSION_AGE 65

/* Someone on the register, or proposed for it (then next_due is NULL). */
typedef struct
{
  gint64 person_id;
  char *name;              /* "Surname First" */
  char *code;
  char *address;
  char *phone;
  char *parish;            /* "" when none */
  char *reason;            /* why added by hand; NULL: the rules propose them */
  int interval_months;
  char *last_visit;        /* ISO 8601, or NULL */
  char *last_outcome;      /* "visited", "not-home", "refused", or NULL */
  char *next_due;          /* ISO 8601; NULL for a proposal */
  char *risks;             /* the last visit's, comma-separated: see gad_remote_risks */
  gboolean home_care_proposed;
  char *place_source;      /* where place came from: "typed", "imported", "estimate"; NULL: unknown */
  GadGeoPoint place;
  gboolean has_parish_centre;
  GadGeoPoint parish_centre;
} GadRemotePerson;

void        gad_remote_person_free    (GadRemotePerson *person);
const char *const *gad_remote_risks   (void);
const char *gad_remote_risk_name      (const char *code);
gboolean    gad_remote_check_risks    (const char *risks,
                                       GError    **error);
gboolean    gad_remote_needs_home_care (const char *risks);
gboolean    gad_remote_is_farmstead   (const char *address);
char       *gad_remote_next_due       (const char *date,
                                       const char *outcome,
                                       int         interval_months);
GadRouteStop *gad_remote_stop_new     (const GadRemotePerson *person);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadRemotePerson, gad_remote_person_free)

G_END_DECLS
