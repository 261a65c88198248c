/* gad-store-duplicates.c — persons registered twice, found and set apart
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person registered twice has the same name (folded: "Berzins" is
 * "Bērziņš") and the same birth date, or the same name and address. The
 * same personal code cannot be registered twice at all: the registry
 * refuses it and names who has it. A head or an administrator who finds
 * that a pair are two people says so once, and the pair is not shown again.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"
#include "gad-text.h"

void
gad_duplicate_free (GadDuplicate *d)
{
  if (d == NULL)
    return;
  for (guint i = 0; i < 2; i++)
    {
      g_free (d->name[i]);
      g_free (d->code[i]);
      g_free (d->birth_date[i]);
      g_free (d->address[i]);
    }
  g_free (d);
}

/* What a person is compared by, read once for the whole registry. */
typedef struct
{
  gint64 id;
  char *name;        /* "Surname First" */
  char *code;
  char *birth_date;
  char *address;
} Row;

static void
row_clear (Row *r)
{
  g_free (r->name);
  g_free (r->code);
  g_free (r->birth_date);
  g_free (r->address);
}

static int
by_name (gconstpointer a,
         gconstpointer b)
{
  const GadDuplicate *x = *(GadDuplicate * const *) a, *y = *(GadDuplicate * const *) b;
  int c = g_strcmp0 (x->name[0], y->name[0]);

  return c ? c : (x->person_id[0] > y->person_id[0]) - (x->person_id[0] < y->person_id[0]);
}

static GadDuplicate *
pair_new (const Row *a,
          const Row *b,
          gboolean   same_birth_date)
{
  GadDuplicate *d = g_new0 (GadDuplicate, 1);
  const Row *rows[] = { a, b };

  for (guint i = 0; i < 2; i++)
    {
      d->person_id[i] = rows[i]->id;
      d->name[i] = g_strdup (rows[i]->name);
      d->code[i] = g_strdup (rows[i]->code);
      d->birth_date[i] = g_strdup (rows[i]->birth_date);
      d->address[i] = g_strdup (rows[i]->address);
    }
  d->same_birth_date = same_birth_date;
  return d;
}

/**
 * gad_store_find_duplicates:
 * @person_id: a person whose likely doubles are wanted, or 0 for every pair
 *
 * The registry is read once and grouped here by name and birth date, and
 * by name and address: names compare as search folds them (the stored
 * key_lf), so "Berzins" is "Bērziņš"; addresses are folded here the same
 * way, which SQLite's lower () does not do beyond ASCII.
 *
 * Returns: (transfer full) (element-type GadDuplicate): the pairs, by name;
 *   %NULL with @error set
 */
GPtrArray *
gad_store_find_duplicates (GadStore  *self,
                           gint64     person_id,
                           GError   **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) apart = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) paired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_duplicate_free);
  GHashTableIter iter;
  gpointer key, members;
  GadStmt *stmt;
  GadDbStep step;

  if (!gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error))
    return NULL;
  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  if ((stmt = gad_store_statement (self, "SELECT person_id, other_id FROM not_duplicates",
                                   error)) == NULL)
    return NULL;
  while ((step = gad_stmt_step (stmt)) == GAD_DB_ROW)
    g_hash_table_add (apart, g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                              gad_stmt_column_int64 (stmt, 0),
                                              gad_stmt_column_int64 (stmt, 1)));
  gad_stmt_reset (stmt);
  if (step != GAD_DB_DONE)
    {
      gad_store_fail (self, error);
      return NULL;
    }

  /* One person's: those born the same day or at the same address (both
   * indexed), not the whole registry; registering a client asks this. */
  if ((stmt = gad_store_statement (self, person_id
                                           ? "SELECT id, last_name || ' ' || first_name, code,"
                                             " coalesce (birth_date, ''), address, key_lf"
                                             " FROM persons WHERE anonymised_on IS NULL"
                                             " AND (id = ?1 OR birth_date = (SELECT birth_date"
                                             " FROM persons WHERE id = ?1) OR lower (address) ="
                                             " (SELECT lower (address) FROM persons WHERE id = ?1"
                                             " AND address <> ''))"
                                           : "SELECT id, last_name || ' ' || first_name, code,"
                                             " coalesce (birth_date, ''), address, key_lf"
                                             " FROM persons WHERE anonymised_on IS NULL",
                                   error)) == NULL)
    return NULL;
  if (person_id)
    gad_stmt_bind_int64 (stmt, 1, person_id);
  while ((step = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      Row r = { gad_stmt_column_int64 (stmt, 0), gad_store_column_dup (stmt, 1),
                gad_store_column_dup (stmt, 2), gad_store_column_dup (stmt, 3),
                gad_store_column_dup (stmt, 4) };
      const char *name = gad_stmt_column_text (stmt, 5);
      g_autofree char *address = gad_text_fold (r.address);
      char *keys[] = { *r.birth_date ? g_strconcat ("b", name, "\x1f", r.birth_date, NULL) : NULL,
                       *address ? g_strconcat ("a", name, "\x1f", address, NULL) : NULL };
      guint index = rows->len;

      g_array_append_val (rows, r);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          GArray *group;

          if (keys[k] == NULL)
            continue;
          if ((group = g_hash_table_lookup (groups, keys[k])) == NULL)
            {
              group = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (groups, keys[k], group);
            }
          else
            g_free (keys[k]);
          g_array_append_val (group, index);
        }
    }
  gad_stmt_reset (stmt);
  if (step != GAD_DB_DONE)
    {
      gad_store_fail (self, error);
      return NULL;
    }

  /* Each pair once, as the same birth date where it is both. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_hash_table_iter_init (&iter, groups);
      while (g_hash_table_iter_next (&iter, &key, &members))
        {
          GArray *group = members;

          if (group->len < 2 || *(const char *) key != (pass == 0 ? 'b' : 'a'))
            continue;
          for (guint i = 0; i < group->len; i++)
            for (guint j = i + 1; j < group->len; j++)
              {
                const Row *a = &g_array_index (rows, Row, g_array_index (group, guint, i));
                const Row *b = &g_array_index (rows, Row, g_array_index (group, guint, j));
                g_autofree char *ids = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                                        MIN (a->id, b->id), MAX (a->id, b->id));

                if (g_hash_table_contains (apart, ids) || g_hash_table_contains (paired, ids)
                    || (person_id && a->id != person_id && b->id != person_id))
                  continue;
                /* The person asked about first; else the older record. */
                if (b->id == person_id || (person_id == 0 && b->id < a->id))
                  {
                    const Row *t = a;
                    a = b;
                    b = t;
                  }
                g_ptr_array_add (pairs, pair_new (a, b, pass == 0));
                g_hash_table_add (paired, g_steal_pointer (&ids));
              }
        }
    }
  g_ptr_array_sort (pairs, by_name);
  return g_steal_pointer (&pairs);
}

static gboolean
set_apart (GadStore  *self,
           gint64     a,
           gint64     b,
           GError   **error)
{
  g_autofree char *now = gad_store_now ();
  g_autofree char *code = NULL;
  GadStmt *stmt;
  GArray *changes;

  if (!gad_store_begin (self, error))
    return FALSE;
  /* Someone may have said so just now: then it is said. */
  stmt = gad_store_statement (self, "SELECT 1 FROM not_duplicates WHERE person_id = ?1"
                                    " AND other_id = ?2", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, MIN (a, b));
  gad_stmt_bind_int64 (stmt, 2, MAX (a, b));
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    {
      gad_stmt_reset (stmt);
      gad_store_rollback (self);
      return TRUE;
    }
  gad_stmt_reset (stmt);
  stmt = gad_store_statement (self, "INSERT INTO not_duplicates (person_id, other_id, decided_by,"
                                    " decided_at) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, MIN (a, b));
  gad_stmt_bind_int64 (stmt, 2, MAX (a, b));
  if (self->actor_id > 0)
    gad_stmt_bind_int64 (stmt, 3, self->actor_id);
  else
    gad_stmt_bind_null (stmt, 3);
  gad_stmt_bind_text (stmt, 4, now);
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  code = gad_store_lookup_text (self, "SELECT code FROM persons WHERE id = ?", MAX (a, b));
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "other", NULL, code);
  if (!gad_store_audit (self, "person", MIN (a, b), MIN (a, b), "not-duplicate", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/**
 * gad_store_set_apart:
 *
 * Records that persons @a and @b, a likely duplicate pair, are two people:
 * the pair is not listed again. A head's or an administrator's decision.
 */
gboolean
gad_store_set_apart (GadStore  *self,
                     gint64     a,
                     gint64     b,
                     GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (a != b, FALSE);

  if (!gad_store_can (self, GAD_RIGHT_APPROVE, 0) && !gad_store_can (self, GAD_RIGHT_ADMINISTER, 0))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                   _("A head or an administrator decides whether two records are one person."));
      return FALSE;
    }
  GAD_STORE_RETRYING (self, error, ok, set_apart (self, a, b, error));
  return ok;
}
