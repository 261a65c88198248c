/* gad-test-util.h — a fresh database per test
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-db.h"
#include "gad-store.h"

G_BEGIN_DECLS

/* Every test account's password, and the department of the test staff. */
#define GAD_TEST_PASSWORD   "Sāls un maize"
#define GAD_TEST_DEPARTMENT "Sociālās palīdzības nodaļa"

const char *gad_test_server   (void);
GadDbError  gad_test_sql      (const char *target,
                               const char *sql);
char       *gad_test_sql_text (const char *target,
                               const char *sql);
char       *gad_test_db_path  (void);
const char *gad_test_login    (GadRole     role);
GadStore   *gad_test_store_as (GadRole     role,
                               char      **path);
GadStore   *gad_test_open_as  (const char *path,
                               GadRole     role);
GadStore   *gad_test_open_login (const char *path,
                                 const char *login);
GadStore   *gad_test_demo     (guint       persons,
                               guint32     seed,
                               GadRole     role,
                               char      **path);
GadStore   *gad_test_demo_open (const char *path,
                                GadRole     role);
GadStore   *gad_test_store    (char      **path);
GadStore   *gad_test_open     (const char *path);
GPtrArray  *gad_test_read_places (const char *name,
                                  GError    **error);
gint64      gad_test_staff_id (GadStore   *store,
                               const char *login);
gint64    gad_test_person   (GadStore  *store,
                             const char *code,
                             const char *last,
                             const char *first);

char     *gad_test_pdf_text (GBytes    *pdf);

G_END_DECLS
