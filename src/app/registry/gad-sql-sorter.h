/* gad-sql-sorter.h — a column's sort order, carried out by the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gad-store.h"

G_BEGIN_DECLS

#define GAD_TYPE_SQL_SORTER (gad_sql_sorter_get_type ())
G_DECLARE_FINAL_TYPE (GadSqlSorter, gad_sql_sorter, GAD, SQL_SORTER, GtkSorter)

GadSort gad_sql_sorter_read_primary (GtkSorter *column_view_sorter,
                                     gboolean  *descending);

G_END_DECLS
