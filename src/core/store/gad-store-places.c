/* gad-store-places.c — where people live, and where the parishes' centres are
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person's home in WGS 84 degrees, typed in, imported from the state
 * address register's open data (matched by address), or their parish's
 * centre as an estimate. A place typed in is not overwritten by an import;
 * a new address forgets the old place (gad-store-persons.c). A place set
 * has its audit row; an import one for the whole.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-route-stops.h"
#include "gad-store-private.h"

static const char *const sources[] = { "typed", "imported", "estimate" };

static char *
point_text (gboolean    known,
            GadGeoPoint point)
{
  return known ? g_strdup_printf ("%.6f, %.6f", point.lat, point.lon) : NULL;
}

/* Sets or (@point NULL) forgets the place, in the caller's transaction. */
static gboolean
write_place (GadStore          *self,
             gint64             person_id,
             const GadGeoPoint *point,
             const char        *source,
             GError           **error)
{
  GadStmt *stmt = gad_store_statement (self, "SELECT lat, lon FROM persons WHERE id = ?1", error);
  g_autofree char *before = NULL, *after = point_text (point != NULL, point ? *point : (GadGeoPoint) { 0 });
  GArray *changes;

  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  if (gad_stmt_step (stmt) == GAD_DB_ROW)
    before = point_text (!gad_stmt_column_is_null (stmt, 0),
                         (GadGeoPoint) { gad_stmt_column_double (stmt, 0),
                                         gad_stmt_column_double (stmt, 1) });
  gad_stmt_reset (stmt);
  stmt = gad_store_statement (self, "UPDATE persons SET lat = ?2, lon = ?3, place_source = ?4"
                                    " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_int64 (stmt, 1, person_id);
  if (point)
    {
      gad_stmt_bind_double (stmt, 2, point->lat);
      gad_stmt_bind_double (stmt, 3, point->lon);
      gad_stmt_bind_text (stmt, 4, source);
    }
  if (!gad_store_step_done (self, stmt, error))
    return FALSE;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "place", before, after);
  gad_field_changes_add (changes, "place_source", NULL, point ? source : NULL);
  return gad_store_audit (self, "person", person_id, person_id, "update", changes, error);
}

static gboolean
set_place (GadStore          *self,
           gint64             person_id,
           const GadGeoPoint *point,
           const char        *source,
           GError           **error)
{
  if (!gad_store_require (self, GAD_RIGHT_REGISTER, person_id, error))
    return FALSE;
  if (point && !gad_geo_check (*point, error))
    return FALSE;
  if (!gad_store_begin (self, error))
    return FALSE;
  if (!write_place (self, person_id, point, source, error))
    {
      gad_store_rollback (self);
      return FALSE;
    }
  return gad_store_commit (self, error);
}

/**
 * gad_store_set_place:
 * @point: (nullable): where the person lives; %NULL: not known
 * @source: "typed", "imported" or "estimate" (a parish centre)
 */
gboolean
gad_store_set_place (GadStore          *self,
                     gint64             person_id,
                     const GadGeoPoint *point,
                     const char        *source,
                     GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (point == NULL || g_strv_contains (sources, source), FALSE);
  GAD_STORE_RETRYING (self, error, ok, set_place (self, person_id, point, source, error));
  return ok;
}

static GadRouteStop ambiguous;

static gboolean
is_ambiguous (gpointer key,
              gpointer value,
              gpointer data)
{
  return value == &ambiguous;
}

/* The register's addresses as keys: the whole address and, for the
 * registry's shorter ones, its beginnings of two parts or more ("farm,
 * parish" of "farm, parish, county"). A key two places share names
 * neither. */
static GHashTable *
index_places (GPtrArray *places)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < places->len; i++)
    {
      GadRouteStop *place = g_ptr_array_index (places, i);
      g_autofree char *key = gad_geo_address_key (place->name);
      gsize end = strlen (key);

      while (end > 0)
        {
          char *prefix = g_strndup (key, end);
          GadRouteStop *known = g_hash_table_lookup (index, prefix);
          char *comma = g_strrstr_len (key, end, ", ");

          if (known == NULL)
            g_hash_table_insert (index, prefix, place);
          else if (known != &ambiguous && (known->point.lat != place->point.lat
                                           || known->point.lon != place->point.lon))
            g_hash_table_insert (index, prefix, &ambiguous);
          else
            g_free (prefix);
          /* Not down to the farm's name alone. */
          end = comma && memchr (key, ',', comma - key) ? (gsize) (comma - key) : 0;
        }
    }
  g_hash_table_foreach_remove (index, is_ambiguous, NULL);
  return index;
}

typedef struct
{
  gint64 person_id;
  GadGeoPoint point;
} Match;

/* The persons in scope whose address is one of @index's, and whose place
 * was not typed in by hand. */
static GArray *
match_persons (GadStore      *self,
               GHashTable    *index,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  GadStmt *stmt = gad_store_statement (self, "SELECT p.id, p.address FROM persons p" GAD_SCOPE_JOIN
                                             " WHERE p.address <> '' AND p.anonymised_on IS NULL"
                                             " AND coalesce (p.place_source, '') <> 'typed'"
                                             " AND " GAD_SCOPE_WHERE, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  gad_store_bind_scope (self, stmt);
  while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      g_autofree char *key = gad_geo_address_key (gad_stmt_column_text (stmt, 1));
      GadRouteStop *place = g_hash_table_lookup (index, key);

      if (place)
        g_array_append_val (matches, ((Match) { gad_stmt_column_int64 (stmt, 0), place->point }));
      if (matches->len % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }
  gad_stmt_reset (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != GAD_DB_DONE)
    {
      gad_store_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&matches);
}

#define CHUNK 200   /* persons placed by one statement */

/* @n matches from @first placed by one statement (a round trip to a
 * server, not one a person). */
static gboolean
write_chunk (GadStore     *self,
             const Match  *first,
             guint         n,
             GError      **error)
{
  g_autoptr(GString) sql = g_string_new ("UPDATE persons SET lat = v.column2, lon = v.column3,"
                                         " place_source = 'imported' FROM (VALUES ");
  GadStmt *stmt;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s(CAST (?%u AS BIGINT), CAST (?%u AS DOUBLE PRECISION),"
                            " CAST (?%u AS DOUBLE PRECISION))", i ? ", " : "", 3 * i + 1,
                            3 * i + 2, 3 * i + 3);
  g_string_append (sql, ") AS v WHERE persons.id = v.column1");
  if ((stmt = gad_store_statement (self, sql->str, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gad_stmt_bind_int64 (stmt, 3 * i + 1, first[i].person_id);
      gad_stmt_bind_double (stmt, 3 * i + 2, first[i].point.lat);
      gad_stmt_bind_double (stmt, 3 * i + 3, first[i].point.lon);
    }
  return gad_store_step_done (self, stmt, error);
}

/* As the registry's import: one audit row for the whole, saying how many
 * addresses were read and how many persons placed. */
static guint
import_places (GadStore          *self,
               GPtrArray         *places,
               GadStoreProgress   progress,
               gpointer           progress_data,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autofree char *read = NULL, *placed = NULL;
  GArray *changes;

  /* A social worker places their scope's persons; an administrator
   * everyone's, as they import the registry. */
  if (!gad_store_can (self, GAD_RIGHT_REGISTER, 0)
      && !gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return G_MAXUINT;
  index = index_places (places);
  if (!gad_store_begin (self, error))
    return G_MAXUINT;
  if ((matches = match_persons (self, index, cancellable, error)) == NULL)
    goto fail;
  for (guint i = 0; i < matches->len; i += CHUNK)
    {
      if (!write_chunk (self, &g_array_index (matches, Match, i), MIN (CHUNK, matches->len - i),
                        error)
          || g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (progress)
        progress ((double) i / matches->len, progress_data);
    }
  read = g_strdup_printf ("%u", places->len);
  placed = g_strdup_printf ("%u", matches->len);
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "rows", NULL, read);
  gad_field_changes_add (changes, "persons", NULL, placed);
  if (!gad_store_audit (self, "places", 0, 0, "import", changes, error))
    goto fail;
  return gad_store_commit (self, error) ? matches->len : G_MAXUINT;

fail:
  gad_store_rollback (self);
  return G_MAXUINT;
}

/**
 * gad_store_import_places:
 * @places: (element-type GadRouteStop): addresses (as their names) and
 *   their places, as gad_route_stops_parse() reads the state address
 *   register's open data
 *
 * Places every person in scope whose address is one of @places', except
 * those whose place was typed in: all of them or, cancelled or failed,
 * none.
 * Returns: how many persons were placed, or G_MAXUINT with @error set
 */
guint
gad_store_import_places (GadStore          *self,
                         GPtrArray         *places,
                         GadStoreProgress   progress,
                         gpointer           progress_data,
                         GCancellable      *cancellable,
                         GError           **error)
{
  guint n;

  g_return_val_if_fail (GAD_IS_STORE (self), G_MAXUINT);
  for (guint attempt = 0;
       (n = import_places (self, places, progress, progress_data, cancellable, error)) == G_MAXUINT
       && gad_store_retry (self, &attempt, error);)
    ;
  return n;
}

static gboolean
set_parish_centre (GadStore          *self,
                   gint64             territory_id,
                   const GadGeoPoint *centre,
                   GError           **error)
{
  GadStmt *stmt;
  GArray *changes;
  g_autofree char *after = point_text (centre != NULL, centre ? *centre : (GadGeoPoint) { 0 });

  if (!gad_store_require (self, GAD_RIGHT_ADMINISTER, 0, error))
    return FALSE;
  if (centre && !gad_geo_check (*centre, error))
    return FALSE;
  if (!gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self, "UPDATE territories SET lat = ?2, lon = ?3 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, territory_id);
  if (centre)
    {
      gad_stmt_bind_double (stmt, 2, centre->lat);
      gad_stmt_bind_double (stmt, 3, centre->lon);
    }
  if (!gad_store_step_done (self, stmt, error))
    goto fail;
  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "centre", NULL, after);
  if (!gad_store_audit (self, "territory", territory_id, 0, "update", changes, error))
    goto fail;
  return gad_store_commit (self, error);

fail:
  gad_store_rollback (self);
  return FALSE;
}

/**
 * gad_store_set_parish_centre:
 * @centre: (nullable): where the parish's centre and office are
 *
 * An administrator's: the routes start and end at a staff member's parish
 * centre, and a person not yet placed is estimated there.
 */
gboolean
gad_store_set_parish_centre (GadStore          *self,
                             gint64             territory_id,
                             const GadGeoPoint *centre,
                             GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  GAD_STORE_RETRYING (self, error, ok, set_parish_centre (self, territory_id, centre, error));
  return ok;
}
