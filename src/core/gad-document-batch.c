/* gad-document-batch.c — every certificate due in a period at once
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-document.h"

/**
 * gad_document_certificates_due:
 * @from: (ISO) the first day a status may start on
 * @to: (ISO) the last
 * @skipped: (out) (optional): why the clients who get none get none, a
 *   line each ("Name Surname: reason")
 *
 * The certificates of every household whose status starts from @from to
 * @to: the one issued on that status already, or a new one issued today.
 * Each new one is its own transaction; cancelled between two, those issued
 * stay issued and are returned.
 *
 * Returns: (transfer full): the certificates' ids in the order of their
 *   status decisions, or %NULL with @error set
 */
GArray *
gad_document_certificates_due (GadStore             *store,
                               const char           *from,
                               const char           *to,
                               GCancellable         *cancellable,
                               GadDocumentProgress   progress,
                               gpointer              data,
                               GPtrArray           **skipped,
                               GError              **error)
{
  g_autoptr(GArray) statuses = gad_store_statuses_starting (store, from, to, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  guint total;

  if (statuses == NULL)
    return NULL;
  total = statuses->len / 3;
  for (guint i = 0; i < total && !g_cancellable_is_cancelled (cancellable); i++)
    {
      gint64 person_id = g_array_index (statuses, gint64, 3 * i + 1);
      gint64 id = g_array_index (statuses, gint64, 3 * i + 2);

      if (id == 0)
        {
          GadDocumentDraft draft = { GAD_DOCUMENT_CERTIFICATE, person_id };
          g_autoptr(GError) local = NULL;

          id = gad_document_issue (store, &draft, &local);
          if (id == 0 && !g_error_matches (local, GAD_DOCUMENT_ERROR, GAD_DOCUMENT_ERROR_LAPSED)
              && !g_error_matches (local, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_MISSING))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return NULL;
            }
          if (id == 0)
            {
              g_autoptr(GadPerson) person = gad_store_get_person (store, person_id, NULL);

              g_ptr_array_add (reasons, g_strdup_printf ("%s %s: %s",
                                 person ? gad_person_get_first_name (person) : "",
                                 person ? gad_person_get_last_name (person) : "",
                                 local->message));
            }
        }
      if (id != 0)
        g_array_append_val (ids, id);
      if (progress)
        progress (i + 1, total, data);
    }
  if (skipped)
    *skipped = g_steal_pointer (&reasons);
  return g_steal_pointer (&ids);
}
