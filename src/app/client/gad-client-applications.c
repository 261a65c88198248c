/* gad-client-applications.c — a client's page: applications, decisions and their letters
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-client-applications.h"
#include "gad-decision-dialog.h"
#include "gad-means-dialog.h"
#include "gad-pdf-window.h"
#include "gad-request-dialog.h"
#include "gad-text.h"

struct _GadClientApplications
{
  GadClientSection parent_instance;

  GtkListBox *requests_list;
  GtkListBox *decisions_list;
};

G_DEFINE_FINAL_TYPE (GadClientApplications, gad_client_applications, GAD_TYPE_CLIENT_SECTION)

static const char *
request_status_name (const char *status)
{
  if (g_strcmp0 (status, "assessing") == 0)
    return _("Under assessment");
  if (g_strcmp0 (status, "decided") == 0)
    return _("Decided");
  return _("Received");
}

static const char *
outcome_name (const char *outcome)
{
  if (g_strcmp0 (outcome, "grant") == 0)
    return _("Granted");
  if (g_strcmp0 (outcome, "partial") == 0)
    return _("Granted in part");
  return _("Refused");
}

static GadRequest *
request_of (GtkButton *button)
{
  return g_object_get_data (G_OBJECT (button), "request");
}

static void
on_means_dialog_made (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GadClientSection) self = user_data;
  g_autoptr(GError) error = NULL;
  GadMeansDialog *dialog = gad_means_dialog_new_finish (result, &error);

  if (dialog == NULL)
    {
      /* No rates in force at the application's date, say. */
      GtkWidget *message = adw_message_dialog_new (gad_client_section_get_window (self),
                                                   _("Cannot Assess This Application"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_client_section_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_request_means (GtkButton        *button,
                  GadClientSection *self)
{
  gad_means_dialog_new_async (gad_client_section_get_window (self),
                              gad_client_section_get_context (self), request_of (button)->id,
                              on_means_dialog_made, g_object_ref (self));
}

typedef struct
{
  GadDecision *decision;
  GBytes *pdf;
} Letter;

static void
letter_free (Letter *letter)
{
  gad_decision_free (letter->decision);
  g_bytes_unref (letter->pdf);
  g_free (letter);
}

static gpointer
read_letter (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  gint64 id = GPOINTER_TO_SIZE (data);
  g_autoptr(GadDecision) d = gad_store_get_decision (store, id, error);
  GBytes *pdf = d ? gad_store_get_decision_pdf (store, id, error) : NULL;
  Letter *letter;

  if (pdf == NULL)
    return NULL;
  letter = g_new0 (Letter, 1);
  letter->decision = g_steal_pointer (&d);
  letter->pdf = pdf;
  return letter;
}

static void
on_letter_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GadClientSection) self = user_data;
  g_autoptr(GError) error = NULL;
  Letter *letter = gad_worker_run_finish (result, &error);
  GtkWindow *window = gad_client_section_get_window (self);
  g_autofree char *title = NULL, *date = NULL;

  if (letter == NULL)
    {
      gad_client_section_failed (self, error->message);
      return;
    }
  title = g_strdup_printf (_("Decision %s"), letter->decision->number);
  date = gad_text_format_date (letter->decision->issued_on);
  if (window)
    gtk_window_present (GTK_WINDOW (gad_pdf_window_new (window, title, date, letter->pdf,
                                                        letter->decision->number)));
  letter_free (letter);
}

/* The letter exactly as stored at issue, checked against its SHA-256. */
static void
show_letter (GadClientSection *self,
             gint64            decision_id)
{
  gad_worker_run (gad_context_get_worker (gad_client_section_get_context (self)), read_letter,
                  GSIZE_TO_POINTER (decision_id), NULL, (GDestroyNotify) letter_free, NULL,
                  on_letter_read, g_object_ref (self));
}

static void
on_decision_issued (GadClientSection *self,
                    gint64            decision_id)
{
  gad_client_section_saved (self);
  show_letter (self, decision_id);
}

static void
on_approval_asked (GadClientSection *self)
{
  gad_client_section_saved (self);
  gad_window_toast (GTK_WIDGET (self), _("Sent to the heads for approval"));
}

static void
on_decision_dialog_made (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GadClientSection) self = user_data;
  g_autoptr(GError) error = NULL;
  GadDecisionDialog *dialog = gad_decision_dialog_new_finish (result, &error);

  if (dialog == NULL)
    {
      gad_client_section_failed (self, error->message);
      return;
    }
  g_signal_connect_object (dialog, "issued", G_CALLBACK (on_decision_issued), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "approval-asked", G_CALLBACK (on_approval_asked), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_decision_dialog (GadClientSection *self,
                      const GadRequest *request,
                      gint64            supersedes_id)
{
  gad_decision_dialog_new_async (gad_client_section_get_window (self),
                                 gad_client_section_get_context (self), request->id,
                                 supersedes_id, on_decision_dialog_made, g_object_ref (self));
}

static void
on_request_decide (GtkButton        *button,
                   GadClientSection *self)
{
  open_decision_dialog (self, request_of (button), 0);
}

static void
fill_requests (GadClientApplications *self)
{
  GadClientFile *file = gad_client_section_get_file (GAD_CLIENT_SECTION (self));
  GPtrArray *requests = gad_client_section_rows (GAD_CLIENT_SECTION (self), self->requests_list,
                                                 GAD_FILE_REQUESTS);

  for (guint i = 0; requests && i < requests->len; i++)
    {
      GadRequest *r = g_ptr_array_index (requests, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *received = gad_text_format_date (r->received_on);
      g_autofree char *subtitle = NULL;
      const char *name = r->type_name;

      for (guint k = 0; k < file->types->len; k++)
        if (g_str_equal (((GadTypeEntry *) g_ptr_array_index (file->types, k))->code,
                         r->type_code))
          name = gad_type_display_name (g_ptr_array_index (file->types, k));
      /* TRANSLATORS: an application: date received · incoming number · status */
      subtitle = g_strdup_printf (_("%s · %s · %s"), received,
                                  *r->incoming_no ? r->incoming_no : "—",
                                  request_status_name (r->status));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (!g_str_equal (r->status, "decided"))
        {
          /* The rows live as long as the file shown, longer than their buttons. */
          g_object_set_data (G_OBJECT (gad_client_section_button (row, _("_Incomes…"),
                                                                  G_CALLBACK (on_request_means),
                                                                  self)),
                             "request", r);
          g_object_set_data (G_OBJECT (gad_client_section_button (row, _("_Decide…"),
                                                                  G_CALLBACK (on_request_decide),
                                                                  self)),
                             "request", r);
        }
      gtk_list_box_append (self->requests_list, row);
    }
  if (requests && requests->len == 0)
    gad_client_section_placeholder (self->requests_list, _("No applications"));
}

static void
on_decision_activated (AdwActionRow     *row,
                       GadClientSection *self)
{
  show_letter (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "decision-id")));
}

static void
on_decision_correct (GtkButton        *button,
                     GadClientSection *self)
{
  GadDecision *d = g_object_get_data (G_OBJECT (button), "decision");
  GPtrArray *requests = gad_client_section_get_file (self)->rows[GAD_FILE_REQUESTS];

  for (guint i = 0; requests && i < requests->len; i++)
    if (((GadRequest *) g_ptr_array_index (requests, i))->id == d->application_id)
      open_decision_dialog (self, g_ptr_array_index (requests, i), d->id);
}

static void
fill_decisions (GadClientApplications *self)
{
  GPtrArray *decisions = gad_client_section_rows (GAD_CLIENT_SECTION (self), self->decisions_list,
                                                  GAD_FILE_DECISIONS);

  for (guint i = 0; decisions && i < decisions->len; i++)
    {
      GadDecision *d = g_ptr_array_index (decisions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *issued = gad_text_format_date (d->issued_on);
      g_autofree char *from = gad_text_format_date (d->period_from);
      g_autofree char *to = gad_text_format_date (d->period_to);
      g_autofree char *amount = gad_text_format_money (d->amount_cents);
      /* TRANSLATORS: a decision in a list: number · date */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), d->number, issued);
      g_autofree char *subtitle = NULL;
      GtkWidget *button;

      if (g_str_equal (d->outcome, "refuse"))
        subtitle = g_strdup (outcome_name (d->outcome));
      else if (d->amount_cents > 0)
        /* TRANSLATORS: outcome · amount a month · from – to */
        subtitle = g_strdup_printf (_("%s · %s a month · %s – %s"), outcome_name (d->outcome),
                                    amount, from, to);
      else
        subtitle = g_strdup_printf (_("%s · %s – %s"), outcome_name (d->outcome), from, to);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (row), "decision-id", GSIZE_TO_POINTER (d->id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_decision_activated), self);
      button = gad_client_section_button (row, _("_Correct…"), G_CALLBACK (on_decision_correct),
                                          self);
      g_object_set_data (G_OBJECT (button), "decision", d);
      gtk_widget_set_tooltip_text (button, _("Issue a new decision that supersedes this one"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->decisions_list, row);
    }
  if (decisions && decisions->len == 0)
    gad_client_section_placeholder (self->decisions_list, _("No decisions"));
}

static void
gad_client_applications_show (GadClientSection *section)
{
  GadClientApplications *self = GAD_CLIENT_APPLICATIONS (section);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "applications.new",
                                 gad_client_section_get_file (section)->registers);
  fill_requests (self);
  fill_decisions (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  GadClientSection *self = GAD_CLIENT_SECTION (widget);
  GadClientFile *file = gad_client_section_get_file (self);
  GadRequestDialog *dialog;

  if (file == NULL)
    return;
  dialog = gad_request_dialog_new (gad_client_section_get_window (self),
                                   gad_client_section_get_context (self), file->person);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_client_section_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gad_client_applications_class_init (GadClientApplicationsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  GAD_CLIENT_SECTION_CLASS (klass)->show = gad_client_applications_show;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-client-applications.ui");
  gtk_widget_class_bind_template_child (widget_class, GadClientApplications, requests_list);
  gtk_widget_class_bind_template_child (widget_class, GadClientApplications, decisions_list);
  gtk_widget_class_install_action (widget_class, "applications.new", NULL, new_action);
}

static void
gad_client_applications_init (GadClientApplications *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
