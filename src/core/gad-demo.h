/* gad-demo.h — a fictional county to try Gādība on
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-store.h"

G_BEGIN_DECLS

/* Every demo account (admin, head, worker, clerk, auditor) has this password. */
#define GAD_DEMO_PASSWORD "demo-parole"

/* The demo's own day: its history is written up to it, the same wherever
 * and whenever it is made, and carried on from it to the day it is made. */
#define GAD_DEMO_DAY "2026-11-22"

typedef void (*GadDemoProgress) (double fraction, gpointer user_data);

gboolean gad_demo_check_empty (GadStore  *store,
                               GError   **error);
gboolean gad_demo_build (GadStore        *store,
                         guint            n_persons,
                         guint32          seed,
                         const char      *today,
                         GadDemoProgress  progress,
                         gpointer         user_data,
                         GCancellable    *cancellable,
                         GError         **error);

gboolean gad_demo_give_passwords (GadStore  *store,
                                  GError   **error);
guint    gad_demo_add_survey_responses (GadStore        *store,
                                        const GadSurvey *survey,
                                        guint            n,
                                        guint32          seed,
                                        GError         **error);

G_END_DECLS
