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
} Demo;

char     *gad_demo_staff_name    (Demo          *demo);
gboolean  gad_demo_add_schedules (Demo          *demo,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
