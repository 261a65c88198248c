/* gad-sql-sorter.c — a column's sort order, carried out by the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry never loads all rows, so GtkColumnView must not sort them: each
 * column gets one of these sorters, which names an ORDER BY of the store.
 * GTK 4.8 has no API to ask a column view which column is primary (that came
 * in 4.10), so we ask its sorter to compare one item with itself: it consults
 * the column sorters in priority order, the first one records itself and
 * answers "smaller", and the column view inverts that for a descending column.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include "gad-sql-sorter.h"

struct _GadSqlSorter
{
  GtkSorter parent_instance;

  GadSort sort;
};

G_DEFINE_FINAL_TYPE (GadSqlSorter, gad_sql_sorter, GTK_TYPE_SORTER)

enum { PROP_0, PROP_SORT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Only ever touched on the main thread, within one gad_sql_sorter_read_primary() call. */
static GadSqlSorter *probed;

static GtkOrdering
gad_sql_sorter_compare (GtkSorter *sorter,
                        gpointer   item1,
                        gpointer   item2)
{
  if (probed == NULL)
    probed = GAD_SQL_SORTER (sorter);
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
gad_sql_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
gad_sql_sorter_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_int (value, GAD_SQL_SORTER (object)->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_sql_sorter_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SORT:
      GAD_SQL_SORTER (object)->sort = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_sql_sorter_class_init (GadSqlSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->get_property = gad_sql_sorter_get_property;
  object_class->set_property = gad_sql_sorter_set_property;
  sorter_class->compare = gad_sql_sorter_compare;
  sorter_class->get_order = gad_sql_sorter_get_order;

  /* A GadSort value; an int so .ui files can name it as a number. */
  properties[PROP_SORT] = g_param_spec_int ("sort", NULL, NULL, GAD_SORT_RELEVANCE,
                                            GAD_SORT_OPEN_CASES, GAD_SORT_RELEVANCE,
                                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gad_sql_sorter_init (GadSqlSorter *self)
{
}

/**
 * gad_sql_sorter_read_primary:
 * @column_view_sorter: what gtk_column_view_get_sorter() returns
 * @descending: (out): whether the primary column sorts downwards
 *
 * Returns: the primary column's order, or %GAD_SORT_RELEVANCE when no column sorts
 */
GadSort
gad_sql_sorter_read_primary (GtkSorter *column_view_sorter,
                             gboolean  *descending)
{
  g_autoptr(GObject) probe = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;
  GadSort sort;

  probed = NULL;
  order = gtk_sorter_compare (column_view_sorter, probe, probe);
  sort = probed ? probed->sort : GAD_SORT_RELEVANCE;
  *descending = probed != NULL && order == GTK_ORDERING_LARGER;
  probed = NULL;
  return sort;
}
