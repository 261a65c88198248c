/* gad-store-search.c — the registry search: names typed with or without
 * diacritics and code prefixes, in the order a column asks for
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-personal-code.h"
#include "gad-store-private.h"
#include "gad-text.h"

/* ORDER BY clauses for the sortable columns. Every query text is a literal,
 * so each one is prepared once and kept. */
typedef struct
{
  const char *all[2];     /* [ascending, descending] */
  const char *names[2];
  const char *codes[2];
} SortQueries;

#define NAME_MATCH "(p.key_lf >= ?1 AND p.key_lf < ?2 OR p.key_fl >= ?1 AND p.key_fl < ?2)"
#define CODE_MATCH \
  "p.id IN (SELECT person_id FROM person_codes WHERE code >= ?1 AND code < ?2)"
/* ?3 is the limit: a server sends only the rows asked for. */
#define SORTED(order_asc, order_desc, joins) \
  { { "SELECT p.id FROM persons p" joins " ORDER BY " order_asc " LIMIT ?3", \
      "SELECT p.id FROM persons p" joins " ORDER BY " order_desc " LIMIT ?3" }, \
    { "SELECT p.id FROM persons p" joins " WHERE " NAME_MATCH " ORDER BY " order_asc " LIMIT ?3", \
      "SELECT p.id FROM persons p" joins " WHERE " NAME_MATCH " ORDER BY " order_desc " LIMIT ?3" }, \
    { "SELECT p.id FROM persons p" joins " WHERE " CODE_MATCH " ORDER BY " order_asc " LIMIT ?3", \
      "SELECT p.id FROM persons p" joins " WHERE " CODE_MATCH " ORDER BY " order_desc " LIMIT ?3" } }

static const SortQueries sort_queries[] = {
  [GAD_SORT_RELEVANCE] = SORTED ("p.sort_key", "p.sort_key DESC", ""),
  [GAD_SORT_NAME] = SORTED ("p.sort_key", "p.sort_key DESC", ""),
  [GAD_SORT_CODE] = SORTED ("p.code", "p.code DESC", ""),
  [GAD_SORT_BIRTH_DATE] = SORTED ("p.birth_date IS NULL, p.birth_date, p.sort_key",
                                  "p.birth_date IS NULL, p.birth_date DESC, p.sort_key", ""),
  [GAD_SORT_TERRITORY] = SORTED ("t.name IS NULL, t.name, p.sort_key",
                                 "t.name IS NULL, t.name DESC, p.sort_key",
                                 " LEFT JOIN territories t ON t.id = p.territory_id"),
  [GAD_SORT_WORKER] = SORTED ("s.name IS NULL, s.name, p.sort_key",
                              "s.name IS NULL, s.name DESC, p.sort_key",
                              " LEFT JOIN staff s ON s.id = p.worker_id"),
  [GAD_SORT_OPEN_CASES] = SORTED ("p.open_cases, p.sort_key", "p.open_cases DESC, p.sort_key",
                                  ""),
};

static gboolean
collect_ids (GadStore     *self,
             GadStmt *stmt,
             guint         limit,
             GArray       *ids,
             GError      **error)
{
  int rc;

  while ((limit == 0 || ids->len < limit) && (rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      gint64 id = gad_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (limit != 0 && ids->len >= limit)
    rc = GAD_DB_DONE;
  gad_stmt_reset (stmt);
  if (rc != GAD_DB_DONE)
    return gad_store_fail (self, error);
  return TRUE;
}

/* Best first: surname matches in name order, then first-name matches. Each
 * part is a range scan of its own index, so no result set is ever sorted. */
static gboolean
search_relevance (GadStore     *self,
                  const char   *low,
                  const char   *high,
                  guint         limit,
                  GArray       *ids,
                  GError      **error)
{
  GadStmt *stmt;

  stmt = gad_store_statement (self,
                              "SELECT id FROM persons WHERE key_lf >= ?1 AND key_lf < ?2"
                              " ORDER BY key_lf, id LIMIT ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, low);
  gad_stmt_bind_text (stmt, 2, high);
  gad_stmt_bind_int64 (stmt, 3, limit ? (gint64) limit : G_MAXINT64);
  if (!collect_ids (self, stmt, limit, ids, error))
    return FALSE;
  if (limit != 0 && ids->len >= limit)
    return TRUE;

  stmt = gad_store_statement (self,
                              "SELECT id FROM persons WHERE key_fl >= ?1 AND key_fl < ?2"
                              " AND NOT (key_lf >= ?1 AND key_lf < ?2) ORDER BY key_fl, id"
                              " LIMIT ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  gad_stmt_bind_text (stmt, 1, low);
  gad_stmt_bind_text (stmt, 2, high);
  gad_stmt_bind_int64 (stmt, 3, limit ? (gint64) (limit - ids->len) : G_MAXINT64);
  return collect_ids (self, stmt, limit, ids, error);
}

/**
 * gad_store_search:
 * @text: what the user typed: a name prefix (any case, with or without
 *   diacritics, surname or first name first) or the beginning of a personal
 *   code (with or without the hyphen); empty lists everybody
 * @sort: the order; %GAD_SORT_RELEVANCE puts surname matches first
 * @limit: at most this many ids, 0 for all
 * @ids: (element-type gint64): receives the matching person ids in order
 */
gboolean
gad_store_search (GadStore    *self,
                  const char  *text,
                  GadSort      sort,
                  gboolean     descending,
                  guint        limit,
                  GArray      *ids,
                  GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_BASIC, 0, error))
    return FALSE;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  const SortQueries *queries;
  GadStmt *stmt;
  gboolean by_code = FALSE;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (sort <= GAD_SORT_OPEN_CASES, FALSE);

  g_array_set_size (ids, 0);
  if (text && gad_personal_code_is_partial (text))
    {
      GString *digits = g_string_new (NULL);
      for (const char *p = text; *p; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
      low = g_string_free (digits, FALSE);
      by_code = TRUE;
    }
  else
    low = gad_text_fold (text);
  /* U+10FFFF is the largest character UTF-8 encodes (and a server accepts),
   * so this bound is above every key with the prefix. */
  high = g_strconcat (low, "\xf4\x8f\xbf\xbf", NULL);

  queries = &sort_queries[sort];
  if (*low == '\0')
    stmt = gad_store_statement (self, queries->all[descending != 0], error);
  else if (by_code && sort == GAD_SORT_RELEVANCE && !descending)
    /* In code order, straight from the key; an earlier code only where the
     * current one does not match too, so nobody is listed twice. */
    stmt = gad_store_statement (self,
                                "SELECT person_id FROM person_codes c WHERE code >= ?1"
                                " AND code < ?2 AND (valid_to IS NULL OR NOT EXISTS"
                                " (SELECT 1 FROM person_codes n WHERE n.person_id = c.person_id"
                                "  AND n.valid_to IS NULL AND n.code >= ?1 AND n.code < ?2))"
                                " ORDER BY code LIMIT ?3",
                                error);
  else if (by_code)
    stmt = gad_store_statement (self, queries->codes[descending != 0], error);
  else if (sort == GAD_SORT_RELEVANCE && !descending)
    return search_relevance (self, low, high, limit, ids, error);
  else
    stmt = gad_store_statement (self, queries->names[descending != 0], error);
  if (stmt == NULL)
    return FALSE;

  if (*low)
    {
      gad_stmt_bind_text (stmt, 1, low);
      gad_stmt_bind_text (stmt, 2, high);
    }
  gad_stmt_bind_int64 (stmt, 3, limit ? (gint64) limit : G_MAXINT64);
  return collect_ids (self, stmt, limit, ids, error);
}
