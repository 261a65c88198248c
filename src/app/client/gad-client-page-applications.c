/* gad-client-page-applications.c — the client page's applications, decisions and letters
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-decision-dialog.h"
#include "gad-pdf-window.h"
#include "gad-means-dialog.h"
#include "gad-client-page-private.h"
#include "gad-window.h"
#include "gad-text.h"

static const char *
request_status_name (const char *status)
{
  if (g_strcmp0 (status, "assessing") == 0)
    return _("Under assessment");
  if (g_strcmp0 (status, "decided") == 0)
    return _("Decided");
  return _("Received");
}

static GadRequest *
request_of (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "request");
}

static void
on_means_dialog_made (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GadClientPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GadMeansDialog *dialog = gad_means_dialog_new_finish (result, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (dialog == NULL)
    {
      /* No rates in force at the application's date, say. */
      GtkWidget *message = adw_message_dialog_new (root ? GTK_WINDOW (root) : NULL,
                                                   _("Cannot Assess This Application"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_client_page_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_request_means (GtkButton     *button,
                  GadClientPage *self)
{
  gad_means_dialog_new_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context,
                              request_of (GTK_WIDGET (button))->id, on_means_dialog_made,
                              g_object_ref (self));
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
  g_autoptr(GadClientPage) self = user_data;
  g_autoptr(GError) error = NULL;
  Letter *letter = gad_worker_run_finish (result, &error);
  GadDecision *d;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (letter == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  d = letter->decision;
  title = g_strdup_printf (_("Decision %s"), d->number);
  date = gad_text_format_date (d->issued_on);
  if (root)
    gtk_window_present (GTK_WINDOW (gad_pdf_window_new (GTK_WINDOW (root), title, date,
                                                        letter->pdf, d->number)));
  letter_free (letter);
}

/* The letter exactly as stored at issue, checked against its SHA-256. */
static void
show_letter (GadClientPage *self,
             gint64         decision_id)
{
  gad_worker_run (gad_context_get_worker (self->context), read_letter,
                  GSIZE_TO_POINTER (decision_id), NULL, (GDestroyNotify) letter_free, NULL,
                  on_letter_read, g_object_ref (self));
}

static void
on_decision_issued (GadClientPage *self,
                    gint64         decision_id)
{
  gad_context_changed (self->context);
  show_letter (self, decision_id);
}

static void
on_approval_asked (GadClientPage *self)
{
  gad_context_changed (self->context);
  gad_window_toast (GTK_WIDGET (self), _("Sent to the heads for approval"));
}

static void
on_decision_dialog_made (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GadClientPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GadDecisionDialog *dialog = gad_decision_dialog_new_finish (result, &error);

  if (dialog == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  g_signal_connect_object (dialog, "issued", G_CALLBACK (on_decision_issued), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "approval-asked", G_CALLBACK (on_approval_asked), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_decision_dialog (GadClientPage    *self,
                      const GadRequest *request,
                      gint64            supersedes_id)
{
  gad_decision_dialog_new_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 self->context, request->id, supersedes_id,
                                 on_decision_dialog_made, g_object_ref (self));
}

static void
on_request_decide (GtkButton     *button,
                   GadClientPage *self)
{
  open_decision_dialog (self, request_of (GTK_WIDGET (button)), 0);
}

void
gad_client_page_fill_requests (GadClientPage *self)
{
  GPtrArray *requests = gad_client_page_section_rows (self, self->requests_list, GAD_FILE_REQUESTS);
  GPtrArray *types = self->file->types;

  if (requests == NULL)
    return;
  for (guint i = 0; i < requests->len; i++)
    {
      GadRequest *r = g_ptr_array_index (requests, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *received = gad_text_format_date (r->received_on);
      g_autofree char *subtitle = NULL;
      const char *name = r->type_name;

      for (guint k = 0; k < types->len; k++)
        if (g_str_equal (((GadTypeEntry *) g_ptr_array_index (types, k))->code, r->type_code))
          name = gad_type_display_name (g_ptr_array_index (types, k));
      /* TRANSLATORS: an application: date received · incoming number · status */
      subtitle = g_strdup_printf (_("%s · %s · %s"), received, *r->incoming_no ? r->incoming_no
                                                                                 : "—",
                                  request_status_name (r->status));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (!g_str_equal (r->status, "decided"))
        {
          GtkWidget *means = gad_client_page_suffix_button (row, _("_Incomes…"), G_CALLBACK (on_request_means),
                                            self);
          GtkWidget *decide = gad_client_page_suffix_button (row, _("_Decide…"), G_CALLBACK (on_request_decide),
                                             self);
          /* The rows live as long as the file shown, longer than its buttons. */
          g_object_set_data (G_OBJECT (means), "request", r);
          g_object_set_data (G_OBJECT (decide), "request", r);
        }
      gtk_list_box_append (self->requests_list, row);
    }
  if (requests->len == 0)
    gad_client_page_add_placeholder (self->requests_list, _("No applications"));
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

static void
on_decision_activated (AdwActionRow  *row,
                       GadClientPage *self)
{
  show_letter (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "decision-id")));
}

static void
on_decision_correct (GtkButton     *button,
                     GadClientPage *self)
{
  GadDecision *d = g_object_get_data (G_OBJECT (button), "decision");
  GPtrArray *requests = self->file->rows[GAD_FILE_REQUESTS];

  for (guint i = 0; requests && i < requests->len; i++)
    if (((GadRequest *) g_ptr_array_index (requests, i))->id == d->application_id)
      open_decision_dialog (self, g_ptr_array_index (requests, i), d->id);
}

void
gad_client_page_fill_decisions (GadClientPage *self)
{
  GPtrArray *decisions = gad_client_page_section_rows (self, self->decisions_list, GAD_FILE_DECISIONS);
  g_autofree char *today = gad_text_today_iso ();
  const char *status = NULL;
  g_autofree char *status_text = NULL;

  if (decisions == NULL)
    return;
  for (guint i = 0; i < decisions->len; i++)
    {
      GadDecision *d = g_ptr_array_index (decisions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *issued = gad_text_format_date (d->issued_on);
      g_autofree char *from = gad_text_format_date (d->period_from);
      g_autofree char *to = gad_text_format_date (d->period_to);
      g_autofree char *amount = gad_text_format_money (d->amount_cents);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *button;

      /* TRANSLATORS: a decision in a list: number · date */
      title = g_strdup_printf (_("%s · %s"), d->number, issued);
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
      button = gad_client_page_suffix_button (row, _("_Correct…"), G_CALLBACK (on_decision_correct), self);
      g_object_set_data (G_OBJECT (button), "decision", d);
      gtk_widget_set_tooltip_text (button, _("Issue a new decision that supersedes this one"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->decisions_list, row);

      /* The newest decision whose status period has not ended (it may start later). */
      if (status == NULL && d->status_granted && g_strcmp0 (today, d->period_to) <= 0)
        {
          status = d->status_granted;
          /* TRANSLATORS: a household status and its validity: needy, from – to */
          status_text = g_strdup_printf (_("%s, %s – %s"),
                                         g_str_equal (status, "needy") ? _("Needy")
                                                                       : _("Low-income"),
                                         from, to);
        }
    }
  if (decisions->len == 0)
    gad_client_page_add_placeholder (self->decisions_list, _("No decisions"));
  gad_client_page_set_value (self->status_value, status_text);
}
