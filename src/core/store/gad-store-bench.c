/* gad-store-bench.c — the many records a benchmark searches
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gadiba-cli bench search times the search of a service's records at the
 * size the issue names (a million). Written one by one as the window writes
 * them, with an audit row each, they would take the benchmark an hour on a
 * server; here the database makes them itself in one statement, spread over
 * every case there is, the index following by its triggers. Only the owner
 * of a database (not signed in: the benchmark's own) may, and the audit log
 * says it was done.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-store-private.h"

/* Fifty words of social work, as written and as search folds them; a
 * record has eight of them and a rare one of its own ("nr" and a number). */
#define WORDS \
  "v (k, word, folded) AS (VALUES (0, 'apkure', 'apkure'), (1, 'mājās', 'majas')," \
  " (2, 'auksts', 'auksts'), (3, 'meita', 'meita'), (4, 'dēls', 'dels'), (5, 'ārsts', 'arsts')," \
  " (6, 'zāles', 'zales'), (7, 'pensija', 'pensija'), (8, 'īre', 'ire'), (9, 'parāds', 'parads')," \
  " (10, 'skola', 'skola'), (11, 'bērni', 'berni'), (12, 'pabalsts', 'pabalsts')," \
  " (13, 'malka', 'malka'), (14, 'krāsns', 'krasns'), (15, 'ūdens', 'udens')," \
  " (16, 'elektrība', 'elektriba'), (17, 'kaimiņi', 'kaimini'), (18, 'ciemiņi', 'ciemini')," \
  " (19, 'vizīte', 'vizite'), (20, 'zvans', 'zvans'), (21, 'vēstule', 'vestule')," \
  " (22, 'tikšanās', 'tiksanas'), (23, 'policija', 'policija'), (24, 'tiesa', 'tiesa')," \
  " (25, 'bāriņtiesa', 'barintiesa'), (26, 'nodarbinātība', 'nodarbinatiba')," \
  " (27, 'darbs', 'darbs'), (28, 'kursi', 'kursi'), (29, 'atkarība', 'atkariba')," \
  " (30, 'alkohols', 'alkohols'), (31, 'slimnīca', 'slimnica'), (32, 'aprūpe', 'aprupe')," \
  " (33, 'pusdienas', 'pusdienas'), (34, 'pārtika', 'partika'), (35, 'apģērbs', 'apgerbs')," \
  " (36, 'transports', 'transports'), (37, 'autobuss', 'autobuss'), (38, 'ceļš', 'cels')," \
  " (39, 'sniegs', 'sniegs'), (40, 'jumts', 'jumts'), (41, 'logs', 'logs')," \
  " (42, 'durvis', 'durvis'), (43, 'mazbērni', 'mazberni'), (44, 'brālis', 'bralis')," \
  " (45, 'māsa', 'masa'), (46, 'vientulība', 'vientuliba'), (47, 'depresija', 'depresija')," \
  " (48, 'rehabilitācija', 'rehabilitacija'), (49, 'līgums', 'ligums'))"

/* Each pick a different scramble of the record's number, so that any two
 * words meet in some records. */
#define PICK(alias, factor) " JOIN v " alias " ON " alias ".k = (n.i * " factor ") % 10007 % 50"
#define TEXT(col) \
  "a." col " || ' ' || b." col " || ' ' || d." col " || ' ' || e." col " || ' ' || f." col \
  " || ' ' || g." col " || ' ' || h." col " || ' ' || j." col " || ' nr' || (n.i % 100003)"
#define FROM_CASES \
  " JOIN cs c ON c.k = n.i % cn.n" PICK ("a", "1009") PICK ("b", "2003") PICK ("d", "3001") \
  PICK ("e", "4001") PICK ("f", "5003") PICK ("g", "6007") PICK ("h", "7001") PICK ("j", "8009")
#define CASES \
  "cs AS (SELECT id, person_id, worker_id, row_number () OVER (ORDER BY id) - 1 AS k" \
  " FROM cases WHERE worker_id IS NOT NULL), cn AS (SELECT count (*) AS n FROM cs)"
#define COLUMNS \
  "INSERT INTO case_records (case_id, person_id, kind, occurred_on, participants, text," \
  " author_id, written_at, words)"

static const char sqlite_fill[] =
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1), "
  WORDS ", " CASES " " COLUMNS
  " SELECT c.id, c.person_id, 'home-visit', date ('2019-01-01', '+' || (n.i % 2500) || ' days'),"
  " '', " TEXT ("word") ", c.worker_id, '2025-01-01T00:00:00Z', " TEXT ("folded")
  " FROM n CROSS JOIN cn" FROM_CASES;

static const char postgresql_fill[] =
  "WITH n (i) AS (SELECT generate_series (1, ?1::bigint)), "
  WORDS ", " CASES " " COLUMNS
  " SELECT c.id, c.person_id, 'home-visit',"
  " to_char (DATE '2019-01-01' + (n.i % 2500)::int, 'YYYY-MM-DD'),"
  " '', " TEXT ("word") ", c.worker_id, '2025-01-01T00:00:00Z', " TEXT ("folded")
  " FROM n CROSS JOIN cn" FROM_CASES;

/**
 * gad_store_bench_records:
 * @n: how many records
 *
 * Writes @n records spread over every case that has a worker, for a
 * benchmark; by the owner of the database only.
 */
gboolean
gad_store_bench_records (GadStore  *self,
                         gint64     n,
                         GError   **error)
{
  GadStmt *stmt;

  g_return_val_if_fail (GAD_IS_STORE (self), FALSE);
  if (self->role != GAD_ROLE_NONE)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_DENIED,
                           _("Only a benchmark's own database is filled with records."));
      return FALSE;
    }
  if (!gad_store_begin (self, error))
    return FALSE;
  stmt = gad_store_statement (self, gad_db_engine (self->db) == GAD_DB_POSTGRESQL
                                      ? postgresql_fill : sqlite_fill, error);
  if (stmt == NULL)
    goto fail;
  gad_stmt_bind_int64 (stmt, 1, n);
  if (!gad_store_step_done (self, stmt, error)
      || !gad_store_audit (self, "case-record", 0, 0, "bench", NULL, error)
      || !gad_store_commit (self, error))
    goto fail;
  /* As the server's autovacuum would after so many: its plans know the sizes. */
  return gad_store_exec (self, "ANALYZE", error);

fail:
  gad_store_rollback (self);
  return FALSE;
}
