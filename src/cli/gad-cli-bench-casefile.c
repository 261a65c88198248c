/* gad-cli-bench-casefile.c — gadiba-cli bench casefile: a long case file opened
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A social worker's case with years of records and 200 documents, as its
 * worker reads it: opening the case (its records, its documents' list and
 * its plan, as the windows ask for them), one kind of record, and keeping
 * and opening a 25 MB scan. The database is made here, with accounts, and
 * the worker signs in as themself.
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-cli.h"
#include "gad-demo.h"

static const char *kinds[] = { "home-visit", "office-visit", "phone-call", "institution-meeting",
                               "letter", "other" };

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median and the 95th percentile of @times, in ms, sorted here. */
static void
report (const char *what,
        GArray     *times)
{
  g_array_sort (times, compare_doubles);
  g_print ("  %-28s p50 %7.2f ms   p95 %7.2f ms   (goal ≤ 100 ms)\n", what,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len * 95 / 100));
}

/* A social worker's case with @records records over the years. */
static gint64
make_case (GadStore  *worker,
           int        records,
           GError   **error)
{
  g_autoptr(GadPerson) person = g_object_new (GAD_TYPE_PERSON, "code", "161175-19997",
                                              "last-name", "Bērziņš", "first-name", "Jānis",
                                              NULL);
  g_autoptr(GDate) day = g_date_new_dmy (2, G_DATE_JANUARY, 2019);
  GadCase c = { 0 };
  gint64 case_id;

  c.person_id = gad_store_insert_person (worker, person, error);
  c.worker_id = gad_store_actor_id (worker);
  c.target_groups = (char *) "pensioner";
  c.opened_on = (char *) "2019-01-02";
  if (c.person_id == 0 || (case_id = gad_store_insert_case (worker, &c, error)) == 0
      || !gad_store_begin (worker, error))
    return 0;
  for (int i = 0; i < records; i++)
    {
      char iso[11];
      g_autofree char *text = g_strdup_printf ("Ieraksts Nr. %d: apsekota dzīvesvieta, pārrunāts "
                                               "plāns, vienojāmies par nākamo tikšanos.", i + 1);
      GadCaseRecord r = { .case_id = case_id, .kind = (char *) kinds[i % G_N_ELEMENTS (kinds)],
                          .occurred_on = iso, .participants = (char *) "klients, meita",
                          .text = text };

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", day);
      if (gad_store_add_record (worker, &r, error) == 0)
        {
          gad_store_rollback (worker);
          return 0;
        }
      if (i % 2)
        g_date_add_days (day, 1);
    }
  return gad_store_commit (worker, error) ? case_id : 0;
}

#define DOCUMENTS 200
#define DOCUMENT_BYTES (256 * 1024)

/* @n office files of 256 KB each: their bytes are not read to list them. */
static gboolean
add_documents (GadStore  *worker,
               gint64     case_id,
               int        n,
               GError   **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  guint32 *data = g_new (guint32, DOCUMENT_BYTES / 4);
  g_autoptr(GBytes) bytes = NULL;

  for (int i = 0; i < DOCUMENT_BYTES / 4; i++)
    data[i] = g_rand_int (rand);
  memcpy (data, "PK\3\4", 4);
  bytes = g_bytes_new_take (data, DOCUMENT_BYTES);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("izziņa-%03d.ods", i + 1);

      if (gad_store_attach_document (worker, case_id, name, bytes, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Keeping and opening a scan of the largest size allowed. */
static gboolean
big_scan (GadStore  *worker,
          gint64     case_id,
          GError   **error)
{
  guint8 *data = g_malloc0 (GAD_DOCUMENT_MAX_BYTES);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) read = NULL;
  gint64 start = g_get_monotonic_time (), id;

  memcpy (data, "PK\3\4", 4);
  bytes = g_bytes_new_take (data, GAD_DOCUMENT_MAX_BYTES);
  if ((id = gad_store_attach_document (worker, case_id, "skenējums.ods", bytes, error)) == 0)
    return FALSE;
  g_print ("  a 25 MB scan kept            %7.2f ms (on the worker's thread)\n",
           (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  if ((read = gad_store_open_document (worker, id, NULL, error)) == NULL)
    return FALSE;
  g_print ("  … opened, checksum checked  %7.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  return TRUE;
}

int
gad_cli_bench_casefile (int records)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gadiba-bench-XXXXXX", &error);
  g_autofree char *target = NULL;
  g_autoptr(GadStore) worker = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 case_id, start;

  if (dir == NULL || (target = gad_cli_bench_database (dir, &error)) == NULL)
    goto fail;
  g_print ("case file benchmark: a case with %d records and %d documents, %s\n", records,
           DOCUMENTS, gad_cli_bench_engine ());
  {
    g_autoptr(GadStore) owner = gad_store_open (target, &error);
    g_autoptr(GadStore) admin = NULL;
    GadStaff staff = { 0, (char *) "Sarmīte Darbiniece", (char *) "",
                       (char *) "Pieaugušo nodaļa", 0, (char *) "worker",
                       GAD_ROLE_SOCIAL_WORKER, TRUE };

    if (owner == NULL
        || gad_store_create_administrator (owner, "Jānis Kalniņš", "admin", GAD_DEMO_PASSWORD,
                                           &error) == 0
        || (admin = gad_store_sign_in_to (target, "admin", GAD_DEMO_PASSWORD, &error)) == NULL
        || gad_store_add_account (admin, &staff, GAD_DEMO_PASSWORD, &error) == 0)
      goto fail;
  }
  if ((worker = gad_store_sign_in_to (target, "worker", GAD_DEMO_PASSWORD, &error)) == NULL)
    goto fail;
  start = g_get_monotonic_time ();
  if ((case_id = make_case (worker, records, &error)) == 0)
    goto fail;
  g_print ("  %d records written         %7.2f s\n", records,
           (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  if (!add_documents (worker, case_id, DOCUMENTS, &error))
    goto fail;
  g_print ("  %d documents kept            %7.2f s\n", DOCUMENTS,
           (g_get_monotonic_time () - start) / 1e6);
  for (int i = 0; i < 60; i++)
    {
      GArray *times = i % 2 ? calls : all;
      g_autoptr(GPtrArray) list = NULL;
      double ms;

      g_autoptr(GPtrArray) documents = NULL;
      g_autoptr(GadCasePlan) plan = NULL;

      start = g_get_monotonic_time ();
      list = gad_store_list_records (worker, case_id, i % 2 ? "phone-call" : NULL, &error);
      if (list == NULL)
        goto fail;
      /* Opening the case reads its documents' list and its plan too. */
      if (i % 2 == 0 && ((documents = gad_store_list_documents (worker, case_id, &error)) == NULL
                         || ((plan = gad_store_get_case_plan (worker, case_id, &error)) == NULL
                             && error)))
        goto fail;
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  report ("the case opened", all);
  report ("only its phone calls", calls);
  if (!big_scan (worker, case_id, &error))
    goto fail;
  g_clear_object (&worker);
  gad_cli_bench_done (dir);
  return 0;

fail:
  g_printerr ("gadiba-cli bench: %s\n", error ? error->message : "?");
  g_clear_object (&worker);
  if (dir)
    gad_cli_bench_done (dir);
  return 1;
}
