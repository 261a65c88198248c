/* gad-cli-bench-documents.c — gadiba-cli bench documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-cli.h"
#include "gad-decision.h"
#include "gad-document.h"
#include "gad-store-private.h"

/* A needy status from @from for half a year, on a GMI decision. */
static gboolean
grant_status (GadStore    *store,
              gint64       person,
              const char  *from,
              const char  *to,
              GError     **error)
{
  GadRequest r = { 0 };
  GadDecisionDraft d = { 0 };

  r.person_id = person;
  r.type_code = "gmi";
  r.received_on = (char *) from;
  r.incoming_no = "B-2";
  if ((d.request_id = gad_store_insert_request (store, &r, error)) == 0)
    return FALSE;
  d.outcome = "grant";
  d.amount_cents = 8000;
  d.period_from = from;
  d.period_to = to;
  d.status_granted = "needy";
  d.facts = "Mājsaimniecības materiālā situācija izvērtēta.";
  d.legal_basis = "Sociālo pakalpojumu un sociālās palīdzības likuma 33. panta pirmā daļa";
  d.reasoning = "Ienākumi zem trūcīgas mājsaimniecības sliekšņa.";
  d.issued_on = from;
  return gad_decision_issue (store, &d, error) != 0;
}

/* @count households needy from last month get their certificates one by
 * one; @count more, needy from this month, get theirs in one batch (issued
 * today, as the batch issues them). Each certificate
 * reads the status, its decision and household, takes a number, renders the
 * template and writes the PDF in one transaction. */
int
gad_cli_bench_documents (int count)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gadiba-bench-XXXXXX", &error);
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) batch = NULL;
  g_autoptr(GadTemplate) template = NULL;
  g_autoptr(GadFields) sample = NULL;
  double issue_ms, batch_s, fill_ms;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now), 1, 0, 0, 0);
  g_autoptr(GDateTime) last_month = g_date_time_add_months (month, -1);
  g_autoptr(GDateTime) next_month = g_date_time_add_months (month, 1);
  g_autoptr(GDateTime) month_end = g_date_time_add_days (next_month, -1);
  g_autoptr(GDateTime) half_year = g_date_time_add_months (month, 6);
  g_autofree char *first = g_date_time_format (month, "%F");
  g_autofree char *last = g_date_time_format (month_end, "%F");
  g_autofree char *before = g_date_time_format (last_month, "%F");
  g_autofree char *until = g_date_time_format (half_year, "%F");
  g_autofree char *today = g_date_time_format (now, "%F");
  gint64 start;

  if (dir == NULL || (store = gad_cli_bench_demo (dir, 2000 + 2 * count, &error)) == NULL)
    goto fail;
  /* Clients all over the county: the bench's own database acts as the system. */
  gad_store_act_as_system (store, "bench");
  if (!gad_store_search (store, "", GAD_SORT_NAME, FALSE, 0, ids, &error))
    goto fail;
  for (int i = 0; i < 2 * count; i++)
    if (!grant_status (store, g_array_index (ids, gint64, (guint) i % ids->len),
                       i < count ? before : first, until, &error))
      goto fail;

  start = g_get_monotonic_time ();
  for (int i = 0; i < count; i++)
    {
      GadDocumentDraft draft = { GAD_DOCUMENT_CERTIFICATE,
                                 g_array_index (ids, gint64, (guint) i % ids->len) };

      draft.issued_on = today;
      if (gad_document_issue (store, &draft, &error) == 0)
        goto fail;
    }
  issue_ms = (g_get_monotonic_time () - start) / 1000.0 / count;

  start = g_get_monotonic_time ();
  batch = gad_document_certificates_due (store, first, last, NULL, NULL, NULL, NULL, &error);
  if (batch == NULL)
    goto fail;
  batch_s = (g_get_monotonic_time () - start) / 1e6;

  /* The template's own share: filled with the preview's values and rendered. */
  template = gad_template_default (GAD_DOCUMENT_DECISION, "lv");
  sample = gad_fields_sample (GAD_DOCUMENT_DECISION, "lv");
  start = g_get_monotonic_time ();
  for (int i = 0; i < count; i++)
    {
      g_autoptr(GadLetter) letter = gad_template_fill (template, sample, &error);
      g_autoptr(GBytes) pdf = letter ? gad_letter_render (letter, NULL, &error) : NULL;

      if (pdf == NULL)
        goto fail;
    }
  fill_ms = (g_get_monotonic_time () - start) / 1000.0 / count;

  g_print ("documents benchmark: %d certificates, then a batch, %s\n", count,
           gad_cli_bench_engine ());
  g_print ("  issue a certificate (reads, number, PDF, write)  %7.2f ms\n", issue_ms);
  g_print ("  a batch of %u certificates                      %7.2f s\n", batch->len, batch_s);
  g_print ("  a decision letter filled and rendered            %7.2f ms\n", fill_ms);
  gad_cli_bench_done (dir);
  return batch->len >= (guint) count ? 0 : 1;

fail:
  g_printerr ("bench documents: %s\n", error ? error->message : "");
  if (dir)
    gad_cli_bench_done (dir);
  return 1;
}
