/* gad-store-import-rows.c — an import's records, many to a statement
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row at a time, a server answers a few thousand rows a second: an
 * import of a service's years would take minutes. The rows of each table
 * wait here and go in one INSERT of up to BATCH_ROWS rows, when that many
 * are waiting and when the import ends; a person's codes follow their rows.
 * Only inside gad_store_begin_import(); a rollback drops what waits.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include "gad-store-private.h"

#define BATCH_ROWS 250

enum { T_PERSONS, T_CODES, T_MEMBERS, T_CASES, T_SERVICES, T_DECISIONS, T_PAYMENTS, N_TABLES };

static const struct
{
  const char *table;
  const char *columns;
  guint n_columns;
  const char *returning;
} tables[N_TABLES] = {
  [T_PERSONS] = { "persons", "code, first_name, last_name, gender, birth_date, address, phone,"
                  " territory_id, key_lf, key_fl, sort_key, updated_at, import_id", 13,
                  " RETURNING id, code" },
  [T_CODES] = { "person_codes", "code, person_id", 2 },
  [T_MEMBERS] = { "household_members", "household_id, person_id, relation, from_date, to_date", 5 },
  [T_CASES] = { "cases", "person_id, worker_id, target_groups, opened_on, closed_on,"
                " closing_reason, import_id", 7 },
  [T_SERVICES] = { "service_plans", "person_id, service_code, level, period_from, period_to,"
                   " staff_id, minutes_per_week, import_id", 8 },
  [T_DECISIONS] = { "past_decisions", "import_id, number, issued_on, person_id, type_code,"
                    " outcome, amount_cents, period_from, period_to", 9 },
  [T_PAYMENTS] = { "payments", "person_id, type_code, month, amount_cents, funding, import_id", 6 },
};

/* A value waiting: NULL, a number or a text (owned). */
typedef struct
{
  enum { V_NULL, V_INT, V_TEXT } kind;
  gint64 number;
  char *text;
} Value;

struct _GadImportRows
{
  GArray *values[N_TABLES];   /* of Value, the table's columns a row */
};

#define INT(n) ((Value) { V_INT, (n), NULL })
#define TEXT(s) ((s) ? (Value) { V_TEXT, 0, (char *) (s) } : (Value) { V_NULL, 0, NULL })
#define OPTIONAL_TEXT(s) ((s) && *(s) ? TEXT (s) : (Value) { V_NULL, 0, NULL })
#define OPTIONAL_ID(n) ((n) > 0 ? INT (n) : (Value) { V_NULL, 0, NULL })

static void
value_clear (Value *v)
{
  g_free (v->text);
}

void
gad_store_drop_import (GadStore *self)
{
  if (self->import_rows == NULL)
    return;
  for (guint t = 0; t < N_TABLES; t++)
    g_clear_pointer (&self->import_rows->values[t], g_array_unref);
  g_clear_pointer (&self->import_rows, g_free);
}

static guint
waiting (GadStore *self,
         guint     t)
{
  GArray *values = self->import_rows ? self->import_rows->values[t] : NULL;

  return values ? values->len / tables[t].n_columns : 0;
}

static gboolean queue (GadStore *self, guint t, const Value *row, GError **error);

/* Each new person's codes, from the ids the insert gave. */
static gboolean
queue_codes (GadStore  *self,
             GadStmt   *stmt,
             GError   **error)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GadDbStep step;

  while ((step = gad_stmt_step (stmt)) == GAD_DB_ROW)
    {
      gint64 id = gad_stmt_column_int64 (stmt, 0);

      g_ptr_array_add (codes, gad_store_column_dup (stmt, 1));
      g_array_append_val (ids, id);
    }
  gad_stmt_reset (stmt);
  if (step != GAD_DB_DONE)
    return gad_store_fail (self, error);
  for (guint i = 0; i < codes->len; i++)
    {
      Value row[] = { TEXT (g_ptr_array_index (codes, i)), INT (g_array_index (ids, gint64, i)) };

      if (!queue (self, T_CODES, row, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes the rows of @t that wait, in one statement. */
static gboolean
flush (GadStore  *self,
       guint      t,
       GError   **error)
{
  guint rows = waiting (self, t), n = tables[t].n_columns;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GArray) values = NULL;
  GadStmt *stmt;
  gboolean ok;

  if (rows == 0)
    return TRUE;
  values = g_steal_pointer (&self->import_rows->values[t]);
  sql = g_string_new (NULL);
  g_string_printf (sql, "INSERT INTO %s (%s) VALUES ", tables[t].table, tables[t].columns);
  for (guint r = 0; r < rows; r++)
    {
      g_string_append (sql, r ? ", (" : "(");
      for (guint c = 0; c < n; c++)
        g_string_append_printf (sql, c ? ", ?%u" : "?%u", r * n + c + 1);
      g_string_append_c (sql, ')');
    }
  if (tables[t].returning)
    g_string_append (sql, tables[t].returning);
  if ((stmt = gad_store_statement (self, sql->str, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    {
      Value *v = &g_array_index (values, Value, i);

      if (v->kind == V_INT)
        gad_stmt_bind_int64 (stmt, i + 1, v->number);
      else if (v->kind == V_TEXT)
        gad_stmt_bind_text (stmt, i + 1, v->text);
      else
        gad_stmt_bind_null (stmt, i + 1);
    }
  ok = t == T_PERSONS ? queue_codes (self, stmt, error) : gad_store_step_done (self, stmt, error);
  return ok && (t != T_PERSONS || flush (self, T_CODES, error));
}

/* Adds a row of @t (its values copied), and writes the table's rows when a
 * statement's worth wait. */
static gboolean
queue (GadStore     *self,
       guint         t,
       const Value  *row,
       GError      **error)
{
  GArray *values;

  g_return_val_if_fail (self->import_depth > 0, FALSE);
  if (self->import_rows == NULL)
    self->import_rows = g_new0 (struct _GadImportRows, 1);
  if ((values = self->import_rows->values[t]) == NULL)
    {
      values = self->import_rows->values[t] = g_array_new (FALSE, FALSE, sizeof (Value));
      g_array_set_clear_func (values, (GDestroyNotify) value_clear);
    }
  for (guint c = 0; c < tables[t].n_columns; c++)
    {
      Value v = row[c];

      v.text = g_strdup (v.text);
      g_array_append_val (values, v);
    }
  return waiting (self, t) < BATCH_ROWS || flush (self, t, error);
}

/* Writes every row that waits: before the import's audit row, and before
 * rows that refer to them are read back. */
gboolean
gad_store_flush_import (GadStore  *self,
                        GError   **error)
{
  for (guint t = 0; t < N_TABLES; t++)
    if (!flush (self, t, error))
      return FALSE;
  return TRUE;
}

/* A person the import registers; checked as one registered by hand is. */
gboolean
gad_store_import_person (GadStore   *self,
                         gint64      import_id,
                         GadPerson  *person,
                         GError    **error)
{
  g_auto(GadPersonKeys) keys = { 0 };
  g_autofree char *now = gad_store_now ();
  const char *gender = gad_person_get_gender (person);

  if (!gad_store_check_person (person, &keys, error))
    return FALSE;
  {
    Value row[] = {
      TEXT (keys.code), TEXT (gad_person_get_first_name (person)),
      TEXT (gad_person_get_last_name (person)), OPTIONAL_TEXT (gender), TEXT (keys.birth_date),
      TEXT (gad_person_get_address (person)), TEXT (gad_person_get_phone (person)),
      OPTIONAL_ID (gad_person_get_territory_id (person)), TEXT (keys.key_lf), TEXT (keys.key_fl),
      TEXT (keys.sort_key), TEXT (now), INT (import_id),
    };

    return queue (self, T_PERSONS, row, error);
  }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* New households, each at the address and in the parish of its first
 * member (@first_members), their ids in @household_ids in the same order:
 * a statement's ids are given in the order its rows are inserted. */
gboolean
gad_store_import_households (GadStore      *self,
                             gint64         import_id,
                             const gint64  *first_members,
                             guint          n,
                             gint64        *household_ids,
                             GError       **error)
{
  g_return_val_if_fail (self->import_depth > 0, FALSE);

  for (guint at = 0; at < n; at += BATCH_ROWS)
    {
      guint rows = MIN (BATCH_ROWS, n - at);
      g_autoptr(GString) sql = g_string_new ("INSERT INTO households (address, territory_id,"
                                             " import_id) SELECT p.address, p.territory_id, ?1"
                                             " FROM persons p JOIN (VALUES ");
      GadStmt *stmt;
      GadDbStep step;
      guint got = 0;

      for (guint r = 0; r < rows; r++)
        g_string_append_printf (sql, "%s(CAST (?%u AS BIGINT), %u)", r ? ", " : "", r + 2, r);
      /* VALUES names its columns column1, column2 on both engines. */
      g_string_append (sql, ") v ON p.id = v.column1 ORDER BY v.column2 RETURNING id");
      if ((stmt = gad_store_statement (self, sql->str, error)) == NULL)
        return FALSE;
      gad_stmt_bind_int64 (stmt, 1, import_id);
      for (guint r = 0; r < rows; r++)
        gad_stmt_bind_int64 (stmt, r + 2, first_members[at + r]);
      while ((step = gad_stmt_step (stmt)) == GAD_DB_ROW && got < rows)
        household_ids[at + got++] = gad_stmt_column_int64 (stmt, 0);
      gad_stmt_reset (stmt);
      if (step == GAD_DB_FAILED)
        return gad_store_fail (self, error);
      g_return_val_if_fail (got == rows, FALSE);
      qsort (household_ids + at, rows, sizeof (gint64), compare_ids);
    }
  return TRUE;
}

gboolean
gad_store_import_member (GadStore    *self,
                         gint64       household_id,
                         gint64       person_id,
                         const char  *relation,
                         const char  *from,
                         const char  *to,
                         GError     **error)
{
  Value row[] = { INT (household_id), INT (person_id), TEXT (relation), TEXT (from),
                  OPTIONAL_TEXT (to) };

  return queue (self, T_MEMBERS, row, error);
}

gboolean
gad_store_import_case (GadStore       *self,
                       gint64          import_id,
                       const GadCase  *c,
                       GError        **error)
{
  Value row[] = { INT (c->person_id), INT (c->worker_id), TEXT (c->target_groups ? c->target_groups : ""),
                  TEXT (c->opened_on), OPTIONAL_TEXT (c->closed_on),
                  OPTIONAL_TEXT (c->closing_reason), INT (import_id) };

  return queue (self, T_CASES, row, error);
}

gboolean
gad_store_import_service (GadStore             *self,
                          gint64                import_id,
                          const GadPastService *s,
                          GError              **error)
{
  Value row[] = { INT (s->person_id), TEXT (s->service_code), OPTIONAL_ID (s->level),
                  TEXT (s->from), OPTIONAL_TEXT (s->to), OPTIONAL_ID (s->staff_id),
                  OPTIONAL_ID (s->minutes_per_week), INT (import_id) };

  return queue (self, T_SERVICES, row, error);
}

gboolean
gad_store_import_decision (GadStore              *self,
                           gint64                 import_id,
                           const GadPastDecision *d,
                           GError               **error)
{
  Value row[] = { INT (import_id), TEXT (d->number), TEXT (d->issued_on), INT (d->person_id),
                  TEXT (d->type_code), TEXT (d->outcome), INT (d->amount_cents),
                  OPTIONAL_TEXT (d->from), OPTIONAL_TEXT (d->to) };

  return queue (self, T_DECISIONS, row, error);
}

gboolean
gad_store_import_payment (GadStore             *self,
                          gint64                import_id,
                          const GadPastPayment *p,
                          GError              **error)
{
  Value row[] = { INT (p->person_id), TEXT (p->type_code), TEXT (p->month),
                  INT (p->amount_cents), TEXT (p->funding), INT (import_id) };

  return queue (self, T_PAYMENTS, row, error);
}
