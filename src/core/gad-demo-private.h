/* gad-demo-private.h — what the demo's source files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-demo.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  int birth_year;
  gboolean male;
} Adult;

typedef struct
{
  GadStore *store;
  GRand *rand;
  GHashTable *codes;
  GArray *territories;  /* gint64 */
  GArray *workers;      /* gint64: social workers, by territory index (wrapping) */
  GArray *adults;       /* Adult: who may apply for benefits */
  gint64 head;          /* approves the large grants */
  gint64 worker;        /* asks for the approvals */
  guint made;
  GRand *places_rand;   /* the farmsteads' places: apart from the rest */
  GHashTable *placed;   /* address → GadRouteStop */
  gint64 satisfaction;  /* the client satisfaction survey's first run */
} Demo;

typedef struct
{
  gint64 person;
  char date[11];
  const char *type;
  gboolean refuse;
  int months;
  gint64 monthly_cents;
} Planned;

char     *gad_demo_staff_name    (Demo          *demo);
char     *gad_demo_add_months    (const char    *iso,
                                  int            months);
gboolean  gad_demo_issue_planned (Demo          *demo,
                                  Planned       *p,
                                  GError       **error);
gboolean  gad_demo_add_home_care_rounds (Demo   *demo,
                                  const char    *first_year,
                                  GError       **error);
gboolean  gad_demo_record_visits (Demo          *demo,
                                  const char    *from,
                                  const char    *to,
                                  GCancellable  *cancellable,
                                  GError       **error);
gboolean  gad_demo_add_today     (Demo          *demo,
                                  const char    *today,
                                  GCancellable  *cancellable,
                                  GError       **error);
char     *gad_demo_place_farmstead (Demo        *demo,
                                    guint        territory_index,
                                    const char  *stem,
                                    const char  *parish);
gboolean  gad_demo_add_remote    (Demo          *demo,
                                  GError       **error);
gboolean  gad_demo_add_groups    (Demo          *demo,
                                  GError       **error);
gboolean  gad_demo_add_strategy  (Demo          *demo,
                                  GError       **error);
gboolean  gad_demo_add_surveys   (Demo          *demo,
                                  GError       **error);
gboolean  gad_demo_add_schedules (Demo          *demo,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
