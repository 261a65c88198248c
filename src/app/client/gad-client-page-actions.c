/* gad-client-page-actions.c — what the client page's buttons do
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-app-util.h"
#include "gad-audit-window.h"
#include "gad-case-dialog.h"
#include "gad-pdf-window.h"
#include "gad-request-dialog.h"
#include "gad-client-page-private.h"
#include "gad-household-dialog.h"
#include "gad-person-dialog.h"
#include "gad-plan-dialog.h"
#include "gad-schedule-view.h"
#include "gad-window.h"

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GadClientPage *self = GAD_CLIENT_PAGE (widget);
  GadPersonDialog *dialog;

  if (self->person == NULL)
    return;
  dialog = gad_person_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                  self->person);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_client_page_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GadClientPage *self = GAD_CLIENT_PAGE (widget);
  GadCaseDialog *dialog;

  if (self->person == NULL)
    return;
  dialog = gad_case_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                self->person_id, NULL, GAD_CASE_NEW);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_client_page_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
household_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GadClientPage *self = GAD_CLIENT_PAGE (widget);
  GadHouseholdDialog *dialog;

  if (self->person == NULL)
    return;
  dialog = gad_household_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                     self->person);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_client_page_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_request_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GadClientPage *self = GAD_CLIENT_PAGE (widget);
  GadRequestDialog *dialog;

  if (self->person == NULL)
    return;
  dialog = gad_request_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                   self->person);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_client_page_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GadClientPage *self = GAD_CLIENT_PAGE (widget);
  GadPlanDialog *dialog;

  if (self->person == NULL)
    return;
  dialog = gad_plan_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                self->person_id, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_client_page_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GadClientPage *self = GAD_CLIENT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  if (self->person == NULL || !GAD_IS_WINDOW (root))
    return;
  name = gad_person_dup_full_name (self->person);
  gad_schedule_view_show_client (GAD_SCHEDULE_VIEW (gad_window_show_view (GAD_WINDOW (root),
                                                                          "schedules")),
                                 self->person_id, name);
}

static void
audit_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GadClientPage *self = GAD_CLIENT_PAGE (widget);
  GadAuditWindow *window;
  g_autofree char *name = NULL;

  if (self->person == NULL)
    return;
  name = gad_person_dup_full_name (self->person);
  window = gad_audit_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context);
  gad_audit_window_set_client (window, self->person_id, name);
  gtk_window_present (GTK_WINDOW (window));
}

typedef struct
{
  gint64 person_id;
  GFile *file;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->file);
  g_free (export);
}

/* Everything read and the JSON written on the worker's thread; the export is
 * in the history. */
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
  g_autoptr(GadClientPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = gad_worker_run_finish (result, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = self->person ? gad_person_dup_full_name (self->person) : NULL;

  if (pdf == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  /* The PDF for the person opens to print or save. */
  if (root)
    gtk_window_present (GTK_WINDOW (gad_pdf_window_new (GTK_WINDOW (root),
                                                        _("The Client’s Data"), name ? name : "",
                                                        pdf, _("client-data.pdf"))));
  gad_context_changed (self->context);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    GadClientPage   *self)
{
  Export *export;

  if (response != GTK_RESPONSE_ACCEPT || self->person == NULL)
    return;
  export = g_new0 (Export, 1);
  export->person_id = self->person_id;
  export->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gad_worker_run (gad_context_get_worker (self->context), write_export, export,
                  (GDestroyNotify) export_free, (GDestroyNotify) g_bytes_unref, NULL,
                  on_exported, g_object_ref (self));
}

/* Everything stored about the client: JSON where the user chooses, and the
 * PDF for the client in the preview. */
static void
export_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GadClientPage *self = GAD_CLIENT_PAGE (widget);
  g_autofree char *code = NULL, *file_name = NULL;

  if (self->person == NULL)
    return;
  code = gad_person_dup_code_display (self->person);
  file_name = g_strdup_printf ("%s.json", code);
  g_clear_object (&self->chooser);
  self->chooser = gad_save_chooser_show (GTK_WINDOW (gtk_widget_get_root (widget)),
                                         _("Export the Client’s Data"), _("_Export"), file_name,
                                         G_CALLBACK (on_export_response), self);
}

/* The page's actions but Back, the class's own. */
void
gad_client_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "client.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "client.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "client.household", NULL, household_action);
  gtk_widget_class_install_action (widget_class, "client.new-request", NULL, new_request_action);
  gtk_widget_class_install_action (widget_class, "client.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "client.schedule", NULL, schedule_action);
  gtk_widget_class_install_action (widget_class, "client.export-data", NULL, export_data_action);
  gtk_widget_class_install_action (widget_class, "client.audit", NULL, audit_action);
}
