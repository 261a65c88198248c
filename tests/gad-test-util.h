/* gad-test-util.h — a fresh database per test
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-store.h"

G_BEGIN_DECLS

char     *gad_test_db_path  (void);
GadStore *gad_test_store    (char     **path);
GadStore *gad_test_open     (const char *path);
gint64    gad_test_person   (GadStore  *store,
                             const char *code,
                             const char *last,
                             const char *first);

G_END_DECLS
