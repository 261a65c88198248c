/* gad-catalog.h — fixed lists: target groups, household relations, closing reasons, record kinds,
 * need areas, task doers, group forms, age groups
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;
  const char *name; /* untranslated; pass through gad_catalog_name() */
} GadCatalogEntry;

typedef enum
{
  GAD_CATALOG_TARGET_GROUP,
  GAD_CATALOG_RELATION,
  GAD_CATALOG_CLOSING_REASON,
  GAD_CATALOG_RECORD_KIND,
  GAD_CATALOG_NEED_AREA,
  GAD_CATALOG_TASK_DOER,
  GAD_CATALOG_GROUP_FORM,
  GAD_CATALOG_AGE_GROUP,
} GadCatalog;

const GadCatalogEntry *gad_catalog_entries (GadCatalog  catalog,
                                            guint      *n_entries);
const char            *gad_catalog_name    (GadCatalog  catalog,
                                            const char *code);
gboolean               gad_catalog_has     (GadCatalog  catalog,
                                            const char *code);
char                  *gad_catalog_names   (GadCatalog  catalog,
                                            const char *codes);

G_END_DECLS
