/* gad-client-export.c — everything stored about a client, for them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client's right of access: the JSON where the user chooses it, and the
 * PDF for the client in the preview, to print or save. The export itself is
 * in the client's history.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-app-util.h"
#include "gad-client-export.h"
#include "gad-pdf-window.h"

typedef struct
{
  GtkWindow *parent;     /* weak */
  GadContext *context;
  gint64 person_id;
  char *name;
  GFile *file;
  GtkFileChooserNative *chooser;
} Export;

static void
export_free (Export *export)
{
  g_clear_weak_pointer (&export->parent);
  g_clear_object (&export->context);
  g_clear_object (&export->file);
  g_clear_object (&export->chooser);
  g_free (export->name);
  g_free (export);
}

/* Everything read and the JSON written on the worker's thread. */
static gpointer
write_export (GadStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Export *export = data;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) pdf = NULL;

  if (!gad_store_export_person (store, export->person_id, &json, &pdf, error)
      || !g_file_replace_contents (export->file, json, strlen (json), NULL, FALSE,
                                   G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                   NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&pdf);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = gad_worker_run_finish (result, &error);

  if (pdf == NULL)
    {
      GtkWidget *message = adw_message_dialog_new (export->parent,
                                                   _("The Client’s Data Was Not Exported"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
  else if (export->parent)
    gtk_window_present (GTK_WINDOW (gad_pdf_window_new (export->parent, _("The Client’s Data"),
                                                        export->name, pdf,
                                                        _("client-data.pdf"))));
  if (pdf)
    gad_context_changed (export->context);
  export_free (export);
}

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             Export          *export)
{
  if (response != GTK_RESPONSE_ACCEPT)
    {
      export_free (export);
      return;
    }
  export->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gad_worker_run (gad_context_get_worker (export->context), write_export, export, NULL,
                  (GDestroyNotify) g_bytes_unref, NULL, on_exported, export);
}

/* Asks where the JSON goes (named after the personal code), then exports. */
void
gad_client_export_data (GtkWindow  *parent,
                        GadContext *context,
                        GadPerson  *person)
{
  Export *export = g_new0 (Export, 1);
  g_autofree char *code = gad_person_dup_code_display (person);
  g_autofree char *file_name = g_strdup_printf ("%s.json", code);

  g_set_weak_pointer (&export->parent, parent);
  export->context = g_object_ref (context);
  export->person_id = gad_person_get_id (person);
  export->name = gad_person_dup_full_name (person);
  export->chooser = gad_save_chooser_show (parent, _("Export the Client’s Data"), _("_Export"),
                                           file_name, G_CALLBACK (on_response), export);
}
