/* gad-import-private.h — what the import's reader and its kinds share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gad-csv.h"
#include "gad-import.h"

G_BEGIN_DECLS

#define GAD_IMPORT_MAX_COLUMNS 8

/* A column of a kind's file: its fixed English name, the other names it is
 * known by (folded, "_" as a space), and an example for the template. */
typedef struct
{
  const char *key;
  const char *names[4];
  gboolean required;
  const char *example;
} GadImportColumn;

typedef struct _GadImport GadImport;

typedef struct
{
  const char *name;                /* "persons": the CLI's word, the imports table's kind */
  const char *title;               /* untranslated; _() it */
  const GadImportColumn *columns;
  guint n_columns;
  /* Checks the row gad_import_field() reads and writes it: FALSE only for
   * what stops the import (the database); a bad row is a problem. */
  gboolean (*row)    (GadImport *imp, GError **error);
  /* After the last row, for kinds that write what rows gathered. */
  gboolean (*finish) (GadImport *imp, GError **error);
} GadImportKindInfo;

struct _GadImport
{
  GadStore *store;
  const GadImportKindInfo *info;
  GadImportReport *report;
  gint64 import_id;
  GStrv row;
  guint line;
  int columns[GAD_IMPORT_MAX_COLUMNS]; /* the file's column of each of the kind's, -1: absent */
  GStrv header;
  gboolean bad;                   /* the current row has a problem */
  GHashTable *persons;            /* the registry's codes → person ids (gad_import_codes()) */
  GHashTable *staff;              /* folded name → id (-1: two of that name) */
  GHashTable *types;              /* folded code or Latvian name → code */
  GHashTable *seen;               /* a kind's keys of rows read: char * → line */
  char today[11];                 /* where a date left out means today */
  gpointer kind_data;
  GDestroyNotify kind_data_free;
};

/* Each kind, in the file that reads it (gad-import-registry.c, gad-import-history.c). */
extern const GadImportKindInfo gad_import_persons, gad_import_households, gad_import_cases,
                               gad_import_services, gad_import_decisions, gad_import_payments;

gboolean    gad_import_check_order (GadImport  *imp,
                                    guint       column,
                                    const char *from,
                                    const char *to);

const char *gad_import_field   (GadImport   *imp,
                                guint        column);
void        gad_import_problem (GadImport   *imp,
                                guint        column,
                                const char  *message);
GHashTable *gad_import_codes   (GadImport   *imp,
                                GError     **error);
gint64      gad_import_person  (GadImport   *imp,
                                guint        column,
                                GError     **error);
gboolean    gad_import_date    (GadImport   *imp,
                                guint        column,
                                char        *iso);
gboolean    gad_import_cents   (GadImport   *imp,
                                guint        column,
                                gint64      *cents);
gint64      gad_import_staff   (GadImport   *imp,
                                guint        column);
const char *gad_import_type    (GadImport   *imp,
                                guint        column,
                                gboolean     service);
const char *gad_import_choice  (GadImport   *imp,
                                guint        column,
                                const char * const *choices,
                                const char  *message);
guint       gad_import_seen    (GadImport   *imp,
                                const char  *key);

G_END_DECLS
