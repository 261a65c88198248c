/* gad-cli-bench-server.c — gadiba-cli bench server: forty staff at once on
 * one server, and what it left behind checked
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-cli.h"
#include "gad-dashboard.h"
#include "gad-decision.h"
#include "gad-demo.h"
#include "gad-store.h"
#include "gad-store-private.h"

/* What a working day's sessions do, timed each. */
typedef enum
{
  OP_SEARCH,     /* a keystroke in the registry search */
  OP_OPEN,       /* a client's page: person, cases, applications */
  OP_REGISTER,   /* a new person */
  OP_APPLY,      /* an application registered */
  OP_INCOMES,    /* an application's incomes entered */
  OP_DECISION,   /* an application decided, with its letter */
  OP_BOOK,       /* a new appointment */
  OP_MOVE,       /* an appointment moved */
  OP_DASHBOARD,  /* a head's dashboard refresh */
  N_OPS
} Op;

static const char *const op_names[N_OPS] = {
  "search keystroke", "open client file", "register person", "register application",
  "enter incomes", "issue decision", "book appointment", "move appointment", "dashboard refresh",
};
static const gboolean op_writes[N_OPS] = { FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE,
                                            FALSE };

typedef struct
{
  const char *path;
  int index;
  gint64 deadline;
  int pause_ms;                 /* between operations, on average */
  GArray *persons;              /* shared, read only */
  GArray *times[N_OPS];         /* ms */
  GHashTable *errors;           /* "kind" → count */
  GArray *saved_persons;        /* what this session committed, checked afterwards */
  GArray *saved_decisions;
  GArray *to_assess;            /* applications registered, without incomes yet */
  GArray *to_decide;            /* applications with their incomes */
  GArray *saved_entries;
  char *failure;                /* signing in failed */
} Session;

/* In ten sessions: three clerks, six social workers, one head. */
static GadRole
role_of (int index)
{
  static const GadRole roles[10] = {
    GAD_ROLE_CLERK, GAD_ROLE_CLERK, GAD_ROLE_CLERK, GAD_ROLE_SOCIAL_WORKER,
    GAD_ROLE_SOCIAL_WORKER, GAD_ROLE_SOCIAL_WORKER, GAD_ROLE_SOCIAL_WORKER,
    GAD_ROLE_SOCIAL_WORKER, GAD_ROLE_HEAD, GAD_ROLE_SOCIAL_WORKER,
  };
  return roles[index % 10];
}

/* Every session is a staff member of its own, with an account of its own:
 * the social workers in the demo worker's department and parish, so that
 * they share its clients. */
static gboolean
add_accounts (GadStore  *admin,
              int        clients,
              GError   **error)
{
  g_autoptr(GPtrArray) staff = gad_store_list_staff (admin);
  GadStaff *worker = NULL;

  for (guint i = 0; i < staff->len; i++)
    if (g_strcmp0 (((GadStaff *) g_ptr_array_index (staff, i))->username, "worker") == 0)
      worker = g_ptr_array_index (staff, i);
  g_assert (worker != NULL);
  for (int i = 0; i < clients; i++)
    {
      g_autofree char *name = g_strdup_printf ("Slodzes Darbinieks %d", i + 1);
      g_autofree char *login = g_strdup_printf ("slodze-%d", i);
      GadStaff s = { 0, name, (char *) "", worker->department, worker->territory_id, login,
                     role_of (i), TRUE };

      if (gad_store_add_account (admin, &s, GAD_DEMO_PASSWORD, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static void
count_error (Session     *s,
             const GError *error)
{
  const char *kind = error == NULL ? "unknown"
                     : error->domain != GAD_STORE_ERROR ? g_quark_to_string (error->domain)
                     : error->code == GAD_STORE_ERROR_CONFLICT ? "refused stale save"
                     : error->code == GAD_STORE_ERROR_DENIED ? "denied"
                     : error->code == GAD_STORE_ERROR_UNREACHABLE ? "connection lost"
                     : error->code == GAD_STORE_ERROR_INVALID ? "refused as invalid"
                     : "database error";
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (s->errors, kind));

  g_hash_table_insert (s->errors, (gpointer) kind, GUINT_TO_POINTER (n + 1));
  if (error && g_getenv ("GADIBA_BENCH_VERBOSE"))
    g_printerr ("%d %s: %s\n", s->index, kind, error->message);
}

static gint64
any_person (Session *s,
            GRand   *rand)
{
  return g_array_index (s->persons, gint64, g_rand_int_range (rand, 0, s->persons->len));
}

/* A client of this worker's (their rights are checked by the store, and by
 * the server's row security). */
static gint64
own_client (GadStore *store,
            Session  *s,
            GRand    *rand)
{
  for (int tries = 0; tries < 200; tries++)
    {
      gint64 id = any_person (s, rand);

      if (gad_store_can (store, GAD_RIGHT_WRITE_CLIENT, id))
        return id;
    }
  return 0;
}

static gboolean
do_op (GadStore  *store,
       Session   *s,
       Op         op,
       GRand     *rand,
       GError   **error)
{
  static const char *const words[] = { "B", "Bē", "Bēr", "Bērz", "K", "Ka", "Kal", "Ozo", "3",
                                       "31", "Lie", "Zv" };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 person;

  switch (op)
    {
    case OP_SEARCH:
      return gad_store_search (store, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                               GAD_SORT_RELEVANCE, FALSE, 50, ids, error);
    case OP_OPEN:
      {
        g_autoptr(GadPerson) p = gad_store_get_person (store, person = any_person (s, rand), error);
        g_autoptr(GPtrArray) cases = NULL, requests = NULL;

        if (p == NULL)
          return FALSE;
        if (!gad_store_can (store, GAD_RIGHT_READ_CLIENT, person))
          return TRUE;
        return (cases = gad_store_list_cases (store, person, error)) != NULL
               && (requests = gad_store_list_requests (store, person, error)) != NULL;
      }
    case OP_REGISTER:
      {
        static gint counter;
        int n = g_atomic_int_add (&counter, 1);
        g_autofree char *code = g_strdup_printf ("32%04d-%05d", 9000 + s->index, n % 100000);
        g_autoptr(GadPerson) p = g_object_new (GAD_TYPE_PERSON, "code", code,
                                               "last-name", "Slodzes", "first-name", "Pārbaude",
                                               "address", "Rīgas iela 1", NULL);

        if ((person = gad_store_insert_person (store, p, error)) == 0)
          return FALSE;
        g_array_append_val (s->saved_persons, person);
        return TRUE;
      }
    case OP_APPLY:
      {
        GadRequest r = { 0 };
        gint64 request;

        if ((r.person_id = own_client (store, s, rand)) == 0)
          return TRUE;
        r.type_code = (char *) "gmi";
        r.received_on = (char *) "2026-11-02";
        r.incoming_no = (char *) "S-1";
        if ((request = gad_store_insert_request (store, &r, error)) == 0)
          return FALSE;
        g_array_append_val (s->to_assess, request);
        return TRUE;
      }
    case OP_INCOMES:
      {
        gint64 request = g_array_index (s->to_assess, gint64, 0);
        g_autoptr(GadRequest) r = gad_store_get_request (store, request, error);
        GadIncome wage = { 0, (char *) "wage", 30000 };
        g_autoptr(GPtrArray) incomes = g_ptr_array_new ();
        g_autoptr(GPtrArray) costs = g_ptr_array_new ();

        g_array_remove_index (s->to_assess, 0);
        if (r == NULL)
          return FALSE;
        wage.person_id = r->person_id;
        g_ptr_array_add (incomes, &wage);
        if (!gad_store_set_means (store, request, 0, incomes, costs, error))
          return FALSE;
        g_array_append_val (s->to_decide, request);
        return TRUE;
      }
    case OP_DECISION:
      {
        GadDecisionDraft d = { 0 };
        gint64 id;

        d.request_id = g_array_index (s->to_decide, gint64, 0);
        g_array_remove_index (s->to_decide, 0);
        d.outcome = "grant";
        d.amount_cents = 5000;
        d.period_from = "2026-11-01";
        d.period_to = "2026-11-30";
        d.facts = "Mājsaimniecības materiālā situācija izvērtēta.";
        d.legal_basis = "Sociālo pakalpojumu un sociālās palīdzības likuma 33. panta pirmā daļa";
        d.reasoning = "Iesniedzējs atbilst pabalsta saņemšanas nosacījumiem.";
        d.issued_on = "2026-11-20";
        if ((id = gad_decision_issue (store, &d, error)) == 0)
          return FALSE;
        g_array_append_val (s->saved_decisions, id);
        return TRUE;
      }
    case OP_BOOK:
      {
        /* Each session books into days of its own, on a grid the moves
         * never make overlap. */
        guint n = s->saved_entries->len;
        g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2028);
        char iso[16];
        GadEntry e = { .kind = (char *) "appointment", .staff_id = gad_store_actor_id (store),
                       .start_date = iso, .start_minute = 8 * 60 + (int) (n % 24) * 20,
                       .minutes = 10 };
        gint64 id;

        g_date_add_days (day, s->index * 20 + n / 24);
        g_date_strftime (iso, sizeof iso, "%Y-%m-%d", day);
        e.person_id = any_person (s, rand);
        if ((id = gad_store_save_entry (store, &e, error)) == 0)
          return FALSE;
        g_array_append_val (s->saved_entries, id);
        return TRUE;
      }
    case OP_MOVE:
      {
        g_autoptr(GadEntry) e = NULL;

        if (s->saved_entries->len == 0)
          return TRUE;
        e = gad_store_get_entry (store, g_array_index (s->saved_entries, gint64,
                                                       s->saved_entries->len - 1), error);
        if (e == NULL)
          return FALSE;
        e->start_minute += e->start_minute % 20 == 0 ? 5 : -5;
        return gad_store_save_entry (store, e, error) != 0;
      }
    case OP_DASHBOARD:
      {
        GadDashboard *dash = gad_dashboard_refresh (store, 2024, 2026, "2026-11-20", NULL, NULL,
                                                    NULL, error);

        if (dash == NULL)
          return FALSE;
        gad_dashboard_free (dash);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

/* A social worker takes an application through its steps: registered,
 * its incomes, decided, one step an operation. */
static Op
pick (GadRole  role,
      Session *s,
      GRand   *rand)
{
  int r = g_rand_int_range (rand, 0, 100);

  if (role == GAD_ROLE_CLERK)
    return r < 60 ? OP_SEARCH : r < 75 ? OP_OPEN : r < 88 ? OP_REGISTER : r < 95 ? OP_BOOK
                                                                                  : OP_MOVE;
  if (role == GAD_ROLE_HEAD)
    return r < 40 ? OP_SEARCH : r < 80 ? OP_OPEN : OP_DASHBOARD;
  if (r >= 70 && r < 86)
    return s->to_decide->len > 0 && r >= 80 ? OP_DECISION
           : s->to_assess->len > 0 && r >= 75 ? OP_INCOMES : OP_APPLY;
  return r < 45 ? OP_SEARCH : r < 70 ? OP_OPEN : r < 93 ? OP_BOOK : OP_MOVE;
}

static gpointer
session_thread (gpointer data)
{
  Session *s = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *login = g_strdup_printf ("slodze-%d", s->index);
  g_autoptr(GadStore) store = gad_store_sign_in_to (s->path, login, GAD_DEMO_PASSWORD, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (100 + s->index);

  if (store == NULL)
    {
      s->failure = g_strdup (error->message);
      return NULL;
    }
  while (g_get_monotonic_time () < s->deadline)
    {
      Op op = pick (role_of (s->index), s, rand);
      gint64 start = g_get_monotonic_time ();
      double ms;

      g_clear_error (&error);
      if (!do_op (store, s, op, rand, &error))
        {
          count_error (s, error);
          continue;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (s->times[op], ms);
      /* A person reads, thinks and types between two operations. */
      if (s->pause_ms > 0)
        g_usleep ((gulong) g_rand_int_range (rand, 0, 2 * s->pause_ms) * 1000);
    }
  return NULL;
}

static gint64
count_where (GadStore   *store,
             const char *sql,
             GArray     *ids)
{
  gint64 found = 0;

  for (guint i = 0; i < ids->len; i++)
    found += gad_store_lookup_id (store, sql, g_array_index (ids, gint64, i));
  return found;
}

/* The sessions work side by side for @seconds, pausing @pause_ms on
 * average between operations; then their times are printed under @title.
 * Returns whether only stale saves were refused. */
static gboolean
run_phase (Session    *sessions,
           int         clients,
           int         seconds,
           int         pause_ms,
           const char *title)
{
  g_autoptr(GHashTable) errors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  GArray *times[N_OPS];
  gint64 start = g_get_monotonic_time (), writes = 0, ops = 0;
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok = TRUE;
  double elapsed;

  for (int i = 0; i < clients; i++)
    {
      Session *s = &sessions[i];

      s->deadline = start + (gint64) seconds * G_USEC_PER_SEC;
      s->pause_ms = pause_ms;
      s->errors = g_hash_table_new (g_str_hash, g_str_equal);
      for (int op = 0; op < N_OPS; op++)
        s->times[op] = g_array_new (FALSE, FALSE, sizeof (double));
      g_ptr_array_add (threads, g_thread_new ("session", session_thread, s));
    }
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  elapsed = (g_get_monotonic_time () - start) / 1e6;

  for (int op = 0; op < N_OPS; op++)
    times[op] = g_array_new (FALSE, FALSE, sizeof (double));
  for (int i = 0; i < clients; i++)
    {
      Session *s = &sessions[i];

      if (s->failure)
        {
          g_printerr ("session %d could not sign in: %s\n", i, s->failure);
          g_clear_pointer (&s->failure, g_free);
          ok = FALSE;
        }
      for (int op = 0; op < N_OPS; op++)
        {
          g_array_append_vals (times[op], s->times[op]->data, s->times[op]->len);
          g_array_unref (s->times[op]);
        }
      g_hash_table_iter_init (&iter, s->errors);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (errors, key, GUINT_TO_POINTER (
          GPOINTER_TO_UINT (g_hash_table_lookup (errors, key)) + GPOINTER_TO_UINT (value)));
      g_hash_table_unref (s->errors);
    }

  g_print ("  %s\n", title);
  g_print ("  %-20s %8s %9s %9s\n", "operation", "count", "p50 ms", "p95 ms");
  for (int op = 0; op < N_OPS; op++)
    {
      g_array_sort (times[op], gad_cli_compare_double);
      ops += times[op]->len;
      if (op_writes[op])
        writes += times[op]->len;
      if (times[op]->len)
        g_print ("  %-20s %8u %9.2f %9.2f\n", op_names[op], times[op]->len,
                 gad_cli_percentile (times[op], 0.5), gad_cli_percentile (times[op], 0.95));
      g_array_unref (times[op]);
    }
  g_print ("  %.0f operations a second, %.0f writes a second\n", ops / elapsed, writes / elapsed);
  g_hash_table_iter_init (&iter, errors);
  if (g_hash_table_size (errors) == 0)
    g_print ("  errors: none\n");
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_print ("  errors: %u %s\n", GPOINTER_TO_UINT (value), (char *) key);
      ok = ok && g_str_equal (key, "refused stale save");
    }
  return ok;
}

/* Forty sessions (@clients), each signed in as its own role's account, on
 * a county of @persons: for @seconds as on a busy working day (everyone
 * pausing a second between operations on average: how fast it feels), then
 * for @seconds back to back (how much the server takes); or once, pausing
 * @pause_ms (0: back to back). Then what they committed is checked. */
int
gad_cli_bench_server (int         persons,
                      int         clients,
                      int         seconds,
                      int         pause_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gadiba-bench-XXXXXX", &error);
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Session *sessions;
  gint64 broken = 0, rows = 0;
  gint64 saved[3] = { 0 }, found[3] = { 0 }, gaps;
  gboolean ok = TRUE;

  if (dir == NULL || (store = gad_cli_bench_demo (dir, persons, &error)) == NULL
      || !gad_store_sign_in (store, "admin", GAD_DEMO_PASSWORD, &error)
      || !gad_store_search (store, "", GAD_SORT_NAME, FALSE, 0, ids, &error))
    goto fail;
  if (!gad_store_is_server (store))
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   "bench server needs a server: --db-engine postgresql or ADDRESS");
      goto fail;
    }
  if (!add_accounts (store, clients, &error))
    goto fail;

  sessions = g_new0 (Session, (gsize) MAX (clients, 1));
  for (int i = 0; i < clients; i++)
    {
      Session *s = &sessions[i];

      s->path = gad_store_get_path (store);
      s->index = i;
      s->persons = ids;
      s->saved_persons = g_array_new (FALSE, FALSE, sizeof (gint64));
      s->saved_decisions = g_array_new (FALSE, FALSE, sizeof (gint64));
      s->to_assess = g_array_new (FALSE, FALSE, sizeof (gint64));
      s->to_decide = g_array_new (FALSE, FALSE, sizeof (gint64));
      s->saved_entries = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  g_print ("server benchmark: %d sessions for %d s on %d persons, PostgreSQL\n", clients,
           seconds, persons);
  if (pause_ms < 0)
    {
      ok = run_phase (sessions, clients, seconds, 1000,
                      "a busy working day: everyone pauses 1 s between operations on average");
      ok = run_phase (sessions, clients, seconds, 0, "back to back: no pauses, as much as the "
                                                     "server takes") && ok;
    }
  else
    {
      g_autofree char *title = pause_ms ? g_strdup_printf ("pausing %d ms between operations on "
                                                           "average", pause_ms)
                                        : g_strdup ("back to back: no pauses");
      ok = run_phase (sessions, clients, seconds, pause_ms, title);
    }

  /* Checked as a head, who reads every file, the schedules and the log. */
  if (!gad_store_sign_in (store, "head", GAD_DEMO_PASSWORD, &error))
    goto fail;
  for (int i = 0; i < clients; i++)
    {
      Session *s = &sessions[i];

      /* What the session committed is there, each once. */
      saved[0] += s->saved_persons->len;
      saved[1] += s->saved_decisions->len;
      saved[2] += s->saved_entries->len;
      found[0] += count_where (store, "SELECT count(*) FROM persons WHERE id = ?",
                               s->saved_persons);
      found[1] += count_where (store, "SELECT count(*) FROM decisions WHERE id = ?",
                               s->saved_decisions);
      found[2] += count_where (store, "SELECT count(*) FROM schedule_entries WHERE id = ?",
                               s->saved_entries);
      g_array_unref (s->saved_persons);
      g_array_unref (s->saved_decisions);
      g_array_unref (s->to_assess);
      g_array_unref (s->to_decide);
      g_array_unref (s->saved_entries);
    }
  g_free (sessions);

  /* The checks: no committed save lost, decision numbers dense and unique
   * in every year, one audit chain that verifies. */
  g_print ("  check: committed saves there   %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
           " persons, %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " decisions, %" G_GINT64_FORMAT
           " of %" G_GINT64_FORMAT " appointments\n",
           found[0], saved[0], found[1], saved[1], found[2], saved[2]);
  ok = ok && found[0] == saved[0] && found[1] == saved[1] && found[2] == saved[2];
  gaps = gad_store_lookup_id (store, "SELECT count(*) + ?1 FROM (SELECT year FROM decisions"
                                     " GROUP BY year HAVING min (seq) <> 1"
                                     " OR max (seq) <> count (*)"
                                     " OR count (DISTINCT number) <> count (*)) y", 0);
  g_print ("  check: decision numbers        %s\n",
           gaps == 0 ? "dense and unique in every year" : "GAPS OR DUPLICATES");
  ok = ok && gaps == 0;
  if (!gad_store_verify_audit (store, &broken, &rows, &error))
    goto fail;
  g_print ("  check: audit chain             %s (%" G_GINT64_FORMAT " entries)\n",
           broken ? "BROKEN" : "intact", rows);
  ok = ok && broken == 0;
  g_clear_object (&store);
  gad_cli_bench_done (dir);
  return ok ? 0 : 1;

fail:
  g_printerr ("gadiba-cli bench: %s\n", error ? error->message : "?");
  return 1;
}
