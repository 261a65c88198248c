/* gad-person-list.c — the registry's search results as a lazy GListModel
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A query keeps only the matching ids, in order (8 bytes a row); a person
 * object is made when a view asks for that position, so a list of 100 000
 * clients costs what the rows on screen cost.
 */
#define G_LOG_DOMAIN "gad-person-list"

#include "config.h"

#include "gad-person-list.h"

struct _GadPersonList
{
  GObject parent_instance;

  GadStore *store;
  GArray *ids;          /* gint64 */
  GHashTable *loaded;   /* position → GadPerson */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GadPersonList, gad_person_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return GAD_TYPE_PERSON;
}

static guint
get_n_items (GListModel *model)
{
  return GAD_PERSON_LIST (model)->ids->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GadPersonList *self = GAD_PERSON_LIST (model);
  GadPerson *person;

  if (position >= self->ids->len)
    return NULL;

  person = g_hash_table_lookup (self->loaded, GUINT_TO_POINTER (position));
  if (person == NULL)
    {
      g_autoptr(GError) error = NULL;

      person = gad_store_get_person (self->store, g_array_index (self->ids, gint64, position),
                                     &error);
      if (person == NULL)
        {
          /* Deleted by another window since the query: show an empty row until refresh. */
          g_debug ("%s", error->message);
          person = gad_person_new ();
        }
      g_hash_table_insert (self->loaded, GUINT_TO_POINTER (position), person);
    }
  return g_object_ref (person);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
gad_person_list_finalize (GObject *object)
{
  GadPersonList *self = GAD_PERSON_LIST (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->loaded, g_hash_table_unref);
  G_OBJECT_CLASS (gad_person_list_parent_class)->finalize (object);
}

static void
gad_person_list_class_init (GadPersonListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gad_person_list_finalize;
}

static void
gad_person_list_init (GadPersonList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->loaded = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

GadPersonList *
gad_person_list_new (GadStore *store)
{
  GadPersonList *self = g_object_new (GAD_TYPE_PERSON_LIST, NULL);

  self->store = g_object_ref (store);
  return self;
}

/* Runs the search and replaces the contents; on error the old results stay. */
gboolean
gad_person_list_set_query (GadPersonList  *self,
                           const char     *text,
                           GadSort         sort,
                           gboolean        descending,
                           GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint removed;

  g_return_val_if_fail (GAD_IS_PERSON_LIST (self), FALSE);

  if (!gad_store_search (self->store, text, sort, descending, 0, ids, error))
    return FALSE;

  removed = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_hash_table_remove_all (self->loaded);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->ids->len);
  return TRUE;
}

/* How many person objects exist: tests check that views load only what they show. */
guint
gad_person_list_get_n_loaded (GadPersonList *self)
{
  return g_hash_table_size (self->loaded);
}
