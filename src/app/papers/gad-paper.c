/* gad-paper.c — issuing a document from the window: on the worker's thread,
 * then shown as issued
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-paper.h"
#include "gad-pdf-window.h"
#include "gad-text.h"

void
gad_paper_free (GadPaper *paper)
{
  if (paper == NULL)
    return;
  gad_issued_document_free (paper->document);
  g_clear_pointer (&paper->pdf, g_bytes_unref);
  g_free (paper);
}

/* The stored document and its PDF, checked against its SHA-256. */
static GadPaper *
read_paper (GadStore  *store,
            gint64     id,
            GError   **error)
{
  g_autoptr(GadPaper) paper = g_new0 (GadPaper, 1);

  if ((paper->document = gad_store_get_issued (store, id, error)) == NULL
      || (paper->pdf = gad_store_get_issued_pdf (store, id, error)) == NULL)
    return NULL;
  return g_steal_pointer (&paper);
}

typedef struct
{
  GadDocumentDraft draft;
  char *referral_to;
  char *referral_reason;
} Draft;

static void
draft_free (Draft *d)
{
  g_free (d->referral_to);
  g_free (d->referral_reason);
  g_free (d);
}

static gpointer
issue (GadStore      *store,
       gpointer       data,
       GCancellable  *cancellable,
       GError       **error)
{
  Draft *d = data;
  gint64 id = gad_document_issue (store, &d->draft, error);

  return id ? read_paper (store, id, error) : NULL;
}

/* Issues @draft (copied) for its client; finish with gad_paper_finish(). */
void
gad_paper_issue (GadContext              *context,
                 const GadDocumentDraft  *draft,
                 GAsyncReadyCallback      callback,
                 gpointer                 user_data)
{
  Draft *d = g_new0 (Draft, 1);

  d->draft = *draft;
  d->referral_to = g_strdup (draft->referral_to);
  d->referral_reason = g_strdup (draft->referral_reason);
  d->draft.referral_to = d->referral_to;
  d->draft.referral_reason = d->referral_reason;
  d->draft.issued_on = NULL;
  gad_worker_run (gad_context_get_worker (context), issue, d, (GDestroyNotify) draft_free,
                  (GDestroyNotify) gad_paper_free, NULL, callback, user_data);
}

static gpointer
read_stored (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return read_paper (store, GPOINTER_TO_SIZE (data), error);
}

void
gad_paper_read (GadContext          *context,
                gint64               id,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  gad_worker_run (gad_context_get_worker (context), read_stored, GSIZE_TO_POINTER (id), NULL,
                  (GDestroyNotify) gad_paper_free, NULL, callback, user_data);
}

GadPaper *
gad_paper_finish (GAsyncResult  *result,
                  GError       **error)
{
  return gad_worker_run_finish (result, error);
}

/* The document in a window of its own, to read, print or save. */
void
gad_paper_show (GtkWindow      *parent,
                const GadPaper *paper)
{
  GadDocumentKind kind = GAD_DOCUMENT_CERTIFICATE;
  g_autofree char *title = NULL;
  g_autofree char *date = gad_text_format_date (paper->document->issued_on);

  gad_document_kind_parse (paper->document->kind, &kind);
  /* TRANSLATORS: a document's window: its kind and number */
  title = g_strdup_printf (_("%s %s"), gad_document_kind_name (kind), paper->document->number);
  gtk_window_present (GTK_WINDOW (gad_pdf_window_new (parent, title, date, paper->pdf,
                                                      paper->document->number)));
}
