/* gad-store-search-records.c — searching the records of one's own cases
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every word typed must begin a word of the record (its participants or
 * text), diacritics folded as in the registry: "berz maj" finds "Bērziņš
 * mājās". The full-text index (migration 19) holds each record's words with
 * its case's worker, so the search reads the index's lists for the signed-in
 * worker and for each word, and never the records of other workers' cases:
 * SQLite's FTS5 on a file, a GIN index of tsvectors on a server (searched
 * by the server's gad_search_my_records, for the session's own staff member).
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"
#include "gad-text.h"

#define SELECT_HIT \
  "SELECT " GAD_RECORD_COLUMNS ", p.last_name || ' ' || p.first_name"
/* Of the worker's own cases, those of clients in their scope (as everywhere;
 * on a server, row security says so too). */
#define JOINS \
  " JOIN staff s ON s.id = r.author_id JOIN persons p ON p.id = r.person_id" GAD_SCOPE_JOIN
#define NEWEST " ORDER BY r.occurred_on DESC, r.id DESC LIMIT ?2"
#define MAX_WORDS 8             /* the rest are not looked for */

static gpointer
hit_from_row (GadStmt *stmt)
{
  GadCaseRecord *r = gad_store_record_from_row (stmt);

  r->client = gad_store_column_dup (stmt, 12);
  return r;
}

/* The query for @words: FTS5's on a file, to_tsquery's on a server. */
static char *
match_query (GadDbEngine  engine,
             gint64       worker,
             char       **words)
{
  GString *q = g_string_new (NULL);

  /* The server adds the worker itself (gad_search_my_records, access.sql). */
  if (engine != GAD_DB_POSTGRESQL)
    g_string_append_printf (q, "worker : w%" G_GINT64_FORMAT, worker);
  for (guint i = 0; words[i] && i < MAX_WORDS; i++)
    if (engine == GAD_DB_POSTGRESQL)
      g_string_append_printf (q, "%s%s:*", i ? " & " : "", words[i]);
    else
      g_string_append_printf (q, " AND words : \"%s\" *", words[i]);
  return g_string_free (q, FALSE);
}

/**
 * gad_store_search_records:
 * @text: the words typed
 * @limit: at most this many, the newest first
 *
 * Returns: (transfer full) (element-type GadCaseRecord): the records of the
 *   signed-in staff member's cases that have every word of @text, each
 *   with its client's name (none for no words); %NULL with @error (a clerk's
 *   or an auditor's: they keep no cases)
 */
GPtrArray *
gad_store_search_records (GadStore    *self,
                          const char  *text,
                          guint        limit,
                          GError     **error)
{
  g_autofree char *folded = gad_text_search_words (text);
  g_auto(GStrv) words = g_strsplit (folded, " ", 0);
  g_autofree char *query = NULL;
  GadDbEngine engine;
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), NULL);
  if (!gad_role_allows (self->role, GAD_RIGHT_READ_CLIENT, TRUE))
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                           _("Only the staff who keep clients' cases search their records."));
      return NULL;
    }
  if (folded[0] == '\0')
    return g_ptr_array_new_with_free_func ((GDestroyNotify) gad_case_record_free);
  engine = gad_db_engine (self->db);
  query = match_query (engine, gad_store_actor_id (self), words);
  if (engine == GAD_DB_POSTGRESQL)
    stmt = gad_store_statement (self, SELECT_HIT " FROM case_records r" JOINS
                                      " WHERE r.id IN (SELECT gad_search_my_records"
                                      " (to_tsquery ('simple', ?1), ?2::integer))"
                                      " AND " GAD_SCOPE_WHERE NEWEST,
                                error);
  else
    stmt = gad_store_statement (self, SELECT_HIT " FROM record_search f"
                                      " JOIN case_records r ON r.id = f.rowid" JOINS
                                      " WHERE record_search MATCH ?1"
                                      " AND " GAD_SCOPE_WHERE NEWEST,
                                error);
  if (stmt == NULL)
    return NULL;
  gad_stmt_bind_text (stmt, 1, query);
  gad_stmt_bind_int64 (stmt, 2, limit);
  gad_store_bind_scope (self, stmt);
  return gad_store_collect (self, stmt, hit_from_row, (GDestroyNotify) gad_case_record_free,
                            error);
}
