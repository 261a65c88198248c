/* gad-client-page.c — one client: details, household, cases, history
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-app-util.h"
#include "gad-audit-text.h"
#include "gad-audit-window.h"
#include "gad-case-dialog.h"
#include "gad-decision-dialog.h"
#include "gad-pdf-window.h"
#include "gad-means-dialog.h"
#include "gad-request-dialog.h"
#include "gad-catalog.h"
#include "gad-client-file.h"
#include "gad-client-page.h"
#include "gad-household-dialog.h"
#include "gad-person-dialog.h"
#include "gad-plan-dialog.h"
#include "gad-schedule-view.h"
#include "gad-window.h"
#include "gad-personal-code.h"
#include "gad-text.h"

struct _GadClientPage
{
  AdwBin parent_instance;

  GadContext *context;
  GadPerson *person;
  gint64 person_id;
  GadClientFile *file;     /* shown; the list rows point into it */
  GCancellable *loading;   /* while it is read */

  GtkLabel *name_label;
  GtkLabel *code_label;
  GtkLabel *error_label;
  GtkLabel *basic_label;
  GtkWidget *file_child;
  GtkWidget *duties_group;
  GtkWidget *audit_button;
  GtkLabel *code_value;
  GtkLabel *birth_value;
  GtkLabel *gender_value;
  GtkLabel *disability_value;
  GtkLabel *address_value;
  GtkLabel *phone_value;
  GtkLabel *parish_value;
  GtkLabel *worker_value;
  GtkLabel *status_value;
  GtkListBox *household_list;
  GtkListBox *duties_list;
  GtkListBox *requests_list;
  GtkListBox *decisions_list;
  GtkListBox *cases_list;
  GtkListBox *plans_list;
  GtkFileChooserNative *chooser;
  AdwPreferencesGroup *copayments_group;
  GtkListBox *copayments_list;
  GtkListBox *history_list;
};

G_DEFINE_FINAL_TYPE (GadClientPage, gad_client_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, PROP_LOADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { BACK, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

/* @list emptied for the rows of @section of the file shown, or its error
 * in their place (then %NULL). */
static GPtrArray *
section_rows (GadClientPage  *self,
              GtkListBox     *list,
              GadFileSection  section)
{
  clear_list (list);
  if (self->file->rows[section] == NULL)
    add_placeholder (list, self->file->errors[section]
                             ? self->file->errors[section]->message : "");
  return self->file->rows[section];
}

static void
fill_history (GadClientPage *self)
{
  GPtrArray *entries = section_rows (self, self->history_list, GAD_FILE_HISTORY);

  if (entries == NULL)
    return;
  for (guint i = 0; i < entries->len; i++)
    {
      GadAuditEntry *e = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *when = gad_text_local_time (e->at, "%d.%m.%Y %H:%M");
      /* TRANSLATORS: when a change was made, and by whom */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), when, e->actor);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gad_audit_describe (e));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      for (guint k = 0; k < e->changes->len; k++)
        {
          GadAuditChange *c = g_ptr_array_index (e->changes, k);
          GtkWidget *change = adw_action_row_new ();
          g_autofree char *old_value = gad_audit_value (c->field, c->old_value);
          g_autofree char *new_value = gad_audit_value (c->field, c->new_value);
          /* TRANSLATORS: a changed field: the old value, then the new one */
          g_autofree char *text = g_strdup_printf (_("%s → %s"), old_value, new_value);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (change), gad_audit_field_label (c->field));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (change), text);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), change);
        }
      gtk_widget_set_sensitive (row, e->changes->len > 0);
      gtk_list_box_append (self->history_list, row);
    }
  if (entries->len == 0)
    add_placeholder (self->history_list, _("No changes recorded"));
}

static void
on_member_activated (AdwActionRow  *row,
                     GadClientPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));

  gad_client_page_set_person_id (self, id);
}

/* A change made from the page itself (a membership ended, a duty
 * recorded), saved on the worker's thread like every read. */
typedef struct
{
  enum { END_MEMBERSHIP, RECORD_DUTY } kind;
  gint64 id;
  const char *status;
} Change;

static gpointer
save_change (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Change *change = data;
  g_autofree char *today = gad_text_today_iso ();
  gboolean ok = change->kind == END_MEMBERSHIP
                  ? gad_store_end_membership (store, change->id, today, error)
                  : gad_store_record_duty (store, change->id, change->status, today, error);

  return GINT_TO_POINTER (ok);
}

static void
on_change_saved (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GadClientPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gad_worker_run_finish (result, &error))
    gad_show_error (self->error_label, error->message);
  else if (self->context)
    gad_context_changed (self->context);
}

static void
save (GadClientPage *self,
      int            kind,
      gint64         id,
      const char    *status)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->id = id;
  change->status = status;
  gad_worker_run (gad_context_get_worker (self->context), save_change, change, g_free, NULL,
                  NULL, on_change_saved, g_object_ref (self));
}

static void
on_leave_response (AdwMessageDialog *dialog,
                   const char       *response,
                   GadClientPage    *self)
{
  gint64 membership = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "membership-id"));

  if (g_str_equal (response, "leave"))
    save (self, END_MEMBERSHIP, membership, NULL);
}

/* Ending a membership cannot be undone from here, so ask first. */
static void
on_end_membership (GtkButton     *button,
                   GadClientPage *self)
{
  g_autofree char *name = gad_person_dup_full_name (self->person);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (
                                                         GTK_WIDGET (self))),
                                                       _("Leave the Household?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s stops being a member today. The membership stays in the "
                                    "change history."),
                                  name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "leave",
                                    _("_Leave Household"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "leave", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "membership-id",
                     g_object_get_data (G_OBJECT (button), "membership-id"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_household (GadClientPage *self)
{
  GPtrArray *members = section_rows (self, self->household_list, GAD_FILE_HOUSEHOLD);

  if (members == NULL)
    return;
  for (guint i = 0; i < members->len; i++)
    {
      GadMember *m = g_ptr_array_index (members, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *code = gad_personal_code_format (m->person_code);
      g_autofree char *from = gad_text_format_date (m->from_date);
      g_autofree char *to = gad_text_format_date (m->to_date);
      g_autofree char *period = m->to_date
        /* TRANSLATORS: a household membership that ended: from – to */
        ? g_strdup_printf (_("%s – %s"), from, to)
        /* TRANSLATORS: a current household membership: since when */
        : g_strdup_printf (_("since %s"), from);
      /* TRANSLATORS: relation · personal code · period */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"),
                                                   gad_catalog_name (GAD_CATALOG_RELATION,
                                                                     m->relation),
                                                   code, period);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->person_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (m->to_date)
        gtk_widget_add_css_class (row, "dim-label");

      if (m->person_id != self->person_id)
        {
          g_object_set_data (G_OBJECT (row), "person-id", GSIZE_TO_POINTER (m->person_id));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_signal_connect (row, "activated", G_CALLBACK (on_member_activated), self);
        }
      else if (m->to_date == NULL)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Leave Household"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (button), "membership-id", GSIZE_TO_POINTER (m->id));
          g_signal_connect (button, "clicked", G_CALLBACK (on_end_membership), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->household_list, row);
    }
  if (members->len == 0)
    add_placeholder (self->household_list, _("Not a member of any household"));
}

static void on_dialog_saved (GadClientPage *self);

static void
open_case_dialog (GadClientPage *self,
                  GtkWidget     *button,
                  GadCaseMode    mode)
{
  GadCase *c = g_object_get_data (G_OBJECT (button), "case");
  GadCaseDialog *dialog = gad_case_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               self->context, self->person_id, c, mode);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_edit_case (GtkButton     *button,
              GadClientPage *self)
{
  open_case_dialog (self, GTK_WIDGET (button), GAD_CASE_EDIT);
}

static void
on_close_case (GtkButton     *button,
               GadClientPage *self)
{
  open_case_dialog (self, GTK_WIDGET (button), GAD_CASE_CLOSE);
}

static GtkWidget *
case_button (GadCase    *c,
             const char *label,
             GCallback   callback,
             gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "case", gad_case_copy (c),
                          (GDestroyNotify) gad_case_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
fill_cases (GadClientPage *self)
{
  GPtrArray *cases = section_rows (self, self->cases_list, GAD_FILE_CASES);

  if (cases == NULL)
    return;
  for (guint i = 0; i < cases->len; i++)
    {
      GadCase *c = g_ptr_array_index (cases, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *groups = gad_catalog_names (GAD_CATALOG_TARGET_GROUP, c->target_groups);
      g_autofree char *opened = gad_text_format_date (c->opened_on);
      g_autofree char *subtitle = NULL;

      if (c->closed_on)
        {
          g_autofree char *closed = gad_text_format_date (c->closed_on);
          /* TRANSLATORS: a closed case: worker · opened – closed · why */
          subtitle = g_strdup_printf (_("%s · %s – %s · %s"), c->worker, opened, closed,
                                      gad_catalog_name (GAD_CATALOG_CLOSING_REASON,
                                                        c->closing_reason));
          gtk_widget_add_css_class (row, "dim-label");
        }
      else
        /* TRANSLATORS: an open case: worker · since when */
        subtitle = g_strdup_printf (_("%s · open since %s"), c->worker, opened);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     *groups ? groups : _("No target group"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (c->closed_on == NULL)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     case_button (c, _("_Edit"), G_CALLBACK (on_edit_case), self));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     case_button (c, _("_Close Case…"),
                                                  G_CALLBACK (on_close_case), self));
        }
      gtk_list_box_append (self->cases_list, row);
    }
  if (cases->len == 0)
    add_placeholder (self->cases_list, _("No cases"));
}


static void
on_edit_plan (GtkButton     *button,
              GadClientPage *self)
{
  GadPlanDialog *dialog = gad_plan_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               self->context, self->person_id,
                                               g_object_get_data (G_OBJECT (button), "plan"));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Services: what, the allowance that follows, when and who. */
static void
fill_plans (GadClientPage *self)
{
  GPtrArray *plans = section_rows (self, self->plans_list, GAD_FILE_PLANS);
  GPtrArray *types = self->file->types;
  g_autofree char *today = gad_text_today_iso ();

  if (plans == NULL)
    return;
  for (guint i = 0; i < plans->len; i++)
    {
      GadServicePlan *p = g_ptr_array_index (plans, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Edit"));
      g_autofree char *from = gad_text_format_date (p->period_from);
      g_autofree char *to = gad_text_format_date (p->period_to);
      g_autofree char *title = NULL, *subtitle = NULL;
      const char *name = p->service_code;
      int week, month;

      for (guint k = 0; k < types->len; k++)
        if (g_str_equal (((GadTypeEntry *) g_ptr_array_index (types, k))->code, p->service_code))
          name = gad_type_display_name (g_ptr_array_index (types, k));
      if (gad_home_care_allowance (p->level, &week, &month))
        /* TRANSLATORS: home care: its name, the level and the hours it allows */
        title = g_strdup_printf (_("%s, level %d: %d h a week, %d h a month"), name, p->level,
                                 week / 60, month / 60);
      else
        title = g_strdup (name);
      /* TRANSLATORS: a service plan: from – until · the staff member */
      subtitle = g_strdup_printf (_("%s – %s · %s"), from, *to ? to : _("no end"),
                                  p->staff_name ? p->staff_name : _("no staff member assigned"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (p->period_to && g_strcmp0 (p->period_to, today) < 0)
        gtk_widget_add_css_class (row, "dim-label");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "plan", gad_service_plan_copy (p),
                              (GDestroyNotify) gad_service_plan_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_edit_plan), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->plans_list, row);
    }
  if (plans->len == 0)
    add_placeholder (self->plans_list, _("No services"));
}

static char *
minutes_text (int minutes)
{
  /* TRANSLATORS: hours and minutes */
  return g_strdup_printf (_("%d h %02d min"), minutes / 60, minutes % 60);
}

/* The months charged, newest first: amount, hours done and hours free. */
static void
fill_copayments (GadClientPage *self)
{
  GPtrArray *months = self->file->rows[GAD_FILE_COPAYMENTS];

  clear_list (self->copayments_list);
  for (guint i = 0; months && i < months->len && i < 12; i++)
    {
      GadCopayment *c = g_ptr_array_index (months, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *amount = gtk_label_new (NULL);
      g_autofree char *money = gad_text_format_money (c->amount_cents);
      g_autofree char *done = minutes_text (c->minutes);
      g_autofree char *free = minutes_text (c->free_minutes);
      g_autofree char *day = g_strdup_printf ("%s-01", c->name);
      g_autofree char *first = gad_text_format_date (day);
      /* TRANSLATORS: a month's home care: hours done, of which free while needy */
      g_autofree char *subtitle = g_strdup_printf (_("%s done, of which %s free"), done, free);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), first + 3);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_label_set_label (GTK_LABEL (amount), money);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
      gtk_list_box_append (self->copayments_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->copayments_group), months && months->len > 0);
}

static void
set_value (GtkLabel   *label,
           const char *value)
{
  gtk_label_set_label (label, value && *value ? value : "—");
}

static GtkWidget *
suffix_button (GtkWidget  *row,
               const char *label,
               GCallback   callback,
               gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

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
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
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

static void
fill_requests (GadClientPage *self)
{
  GPtrArray *requests = section_rows (self, self->requests_list, GAD_FILE_REQUESTS);
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
          GtkWidget *means = suffix_button (row, _("_Incomes…"), G_CALLBACK (on_request_means),
                                            self);
          GtkWidget *decide = suffix_button (row, _("_Decide…"), G_CALLBACK (on_request_decide),
                                             self);
          /* The rows live as long as the file shown, longer than its buttons. */
          g_object_set_data (G_OBJECT (means), "request", r);
          g_object_set_data (G_OBJECT (decide), "request", r);
        }
      gtk_list_box_append (self->requests_list, row);
    }
  if (requests->len == 0)
    add_placeholder (self->requests_list, _("No applications"));
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

static void
fill_decisions (GadClientPage *self)
{
  GPtrArray *decisions = section_rows (self, self->decisions_list, GAD_FILE_DECISIONS);
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
      button = suffix_button (row, _("_Correct…"), G_CALLBACK (on_decision_correct), self);
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
    add_placeholder (self->decisions_list, _("No decisions"));
  set_value (self->status_value, status_text);
}

static void
on_duty_record (GtkButton     *button,
                GadClientPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "duty-id"));

  /* The status is one of two static strings. */
  save (self, RECORD_DUTY, id, g_object_get_data (G_OBJECT (button), "status"));
}

static void
fill_duties (GadClientPage *self)
{
  GPtrArray *duties = section_rows (self, self->duties_list, GAD_FILE_DUTIES);
  g_autofree char *today = gad_text_today_iso ();

  if (duties == NULL)
    return;
  for (guint i = 0; i < duties->len; i++)
    {
      GadDuty *d = g_ptr_array_index (duties, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *due = gad_text_format_date (d->due_on);
      g_autofree char *recorded = gad_text_format_date (d->recorded_on);
      g_autofree char *subtitle = NULL;

      if (g_str_equal (d->status, "open"))
        {
          gboolean overdue = strcmp (d->due_on, today) < 0;
          GtkWidget *button;

          subtitle = g_strdup_printf (overdue ? _("Overdue since %s") : _("Due %s"), due);
          if (overdue)
            gtk_widget_add_css_class (row, "error");
          button = suffix_button (row, _("_Fulfilled"), G_CALLBACK (on_duty_record), self);
          g_object_set_data (G_OBJECT (button), "duty-id", GSIZE_TO_POINTER (d->id));
          g_object_set_data (G_OBJECT (button), "status", (gpointer) "fulfilled");
          button = suffix_button (row, _("F_ailed"), G_CALLBACK (on_duty_record), self);
          g_object_set_data (G_OBJECT (button), "duty-id", GSIZE_TO_POINTER (d->id));
          g_object_set_data (G_OBJECT (button), "status", (gpointer) "failed");
        }
      else
        {
          subtitle = g_strdup_printf (g_str_equal (d->status, "fulfilled")
                                        ? _("Fulfilled on %s (due %s)")
                                        : _("Failed, recorded on %s (due %s)"),
                                      recorded, due);
          gtk_widget_add_css_class (row, "dim-label");
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->duties_list, row);
    }
  if (duties->len == 0)
    add_placeholder (self->duties_list, _("No duties"));
}

/* The file shows what the signed-in role may see, and offers what it may do
 * (the store checks again on every call). */
static void
update_rights (GadClientPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GadClientFile *f = self->file;

  gtk_widget_set_visible (GTK_WIDGET (self->file_child), f->reads);
  gtk_widget_set_visible (GTK_WIDGET (self->duties_group), f->reads);
  gtk_widget_set_visible (GTK_WIDGET (self->basic_label), !f->reads);
  if (!f->reads)
    gtk_label_set_label (self->basic_label,
                         f->role == GAD_ROLE_SOCIAL_WORKER
                         ? _("You see this client’s basic data only: they are in the care of "
                             "another department or parish.")
                         : _("Your role shows a client’s basic data only."));
  gtk_widget_action_set_enabled (widget, "client.edit",
                                 f->role == GAD_ROLE_SOCIAL_WORKER ? f->writes : f->registers);
  gtk_widget_action_set_enabled (widget, "client.household", f->registers);
  gtk_widget_action_set_enabled (widget, "client.new-request", f->registers);
  gtk_widget_action_set_enabled (widget, "client.new-case", f->writes);
  gtk_widget_action_set_enabled (widget, "client.new-plan", f->writes);
  gtk_widget_action_set_enabled (widget, "client.export-data", f->reads);
  gtk_widget_set_visible (self->audit_button, f->audits);
  gtk_widget_action_set_enabled (widget, "client.audit", f->audits);
  gtk_widget_action_set_enabled (widget, "client.schedule", f->schedules);
}

static void
show_file (GadClientPage *self,
           GadClientFile *file)
{
  /* The old file's rows are what the old list rows point to: they go first. */
  g_autoptr(GadClientFile) old = g_steal_pointer (&self->file);
  GadPerson *person = file->person;
  g_autofree char *name = gad_person_dup_full_name (person);
  g_autofree char *code = gad_person_dup_code_display (person);
  g_autofree char *birth = gad_text_format_date (gad_person_get_birth_date (person));
  const char *gender = gad_person_get_gender (person);
  g_autoptr(GString) all_codes = g_string_new (code);
  static const char *groups[] = { NULL, N_("Group I"), N_("Group II"), N_("Group III") };
  guint group = MIN (gad_person_get_disability_group (person), 3);

  self->file = file;
  g_set_object (&self->person, person);
  for (guint i = 1; file->codes && file->codes[i]; i++)
    {
      g_autofree char *earlier = gad_personal_code_format (file->codes[i]);
      /* TRANSLATORS: an earlier personal code of the person, after the current one */
      g_string_append_printf (all_codes, _(" (earlier %s)"), earlier);
    }
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->code_label, code);
  set_value (self->code_value, all_codes->str);
  set_value (self->birth_value, birth);
  set_value (self->disability_value, group ? _(groups[group]) : NULL);
  set_value (self->gender_value, g_str_equal (gender, "M") ? _("Male")
                                 : g_str_equal (gender, "F") ? _("Female") : "");
  set_value (self->address_value, gad_person_get_address (person));
  set_value (self->phone_value, gad_person_get_phone (person));
  set_value (self->parish_value, gad_person_get_territory (person));
  set_value (self->worker_value, gad_person_get_worker (person));

  fill_household (self);
  update_rights (self);
  if (!file->reads)
    return;
  fill_cases (self);
  fill_plans (self);
  fill_copayments (self);
  fill_requests (self);
  fill_decisions (self);
  fill_duties (self);
  fill_history (self);
}

typedef struct
{
  gint64 person_id;
  gboolean opening;
} Load;

static gpointer
load_file (GadStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Load *load = data;

  return gad_client_file_load (store, load->person_id, load->opening, error);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GadClientPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GadClientFile *file = gad_worker_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (file == NULL)
    gad_show_error (self->error_label, error->message);
  else if (file->person_id != self->person_id)
    gad_client_file_free (file);
  else
    show_file (self, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Reads the file again on the worker's thread; an answer still coming for
 * an earlier read is dropped. */
static void
load (GadClientPage *self,
      gboolean       opening)
{
  Load *job;

  if (self->context == NULL || self->person_id == 0)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  job = g_new0 (Load, 1);
  job->person_id = self->person_id;
  job->opening = opening;
  gad_worker_run (gad_context_get_worker (self->context), load_file, job, g_free,
                  (GDestroyNotify) gad_client_file_free, self->loading, on_loaded,
                  g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
reload (GadClientPage *self)
{
  load (self, FALSE);
}

static void
on_dialog_saved (GadClientPage *self)
{
  gad_context_changed (self->context);
}

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
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
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
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
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
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
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
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
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
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
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

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
gad_client_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, GAD_CLIENT_PAGE (object)->context);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, GAD_CLIENT_PAGE (object)->loading != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_client_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GadClientPage *self = GAD_CLIENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_return_if_fail (self->context == NULL);
      self->context = g_value_dup_object (value);
      if (self->context)
        g_signal_connect_object (self->context, "changed", G_CALLBACK (reload), self,
                                 G_CONNECT_SWAPPED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_client_page_dispose (GObject *object)
{
  GadClientPage *self = GAD_CLIENT_PAGE (object);

  g_clear_object (&self->chooser);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->file, gad_client_file_free);
  g_clear_object (&self->person);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_client_page_parent_class)->dispose (object);
}

static void
gad_client_page_class_init (GadClientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gad_client_page_dispose;
  object_class->get_property = gad_client_page_get_property;
  object_class->set_property = gad_client_page_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, GAD_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* While the file is read (tests wait for it). */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                                   | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-client-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, GadClientPage, name)
  CHILD (name_label);
  CHILD (code_label);
  CHILD (error_label);
  CHILD (basic_label);
  CHILD (file_child);
  CHILD (duties_group);
  CHILD (audit_button);
  CHILD (code_value);
  CHILD (birth_value);
  CHILD (gender_value);
  CHILD (disability_value);
  CHILD (address_value);
  CHILD (phone_value);
  CHILD (parish_value);
  CHILD (worker_value);
  CHILD (status_value);
  CHILD (household_list);
  CHILD (duties_list);
  CHILD (requests_list);
  CHILD (decisions_list);
  CHILD (cases_list);
  CHILD (plans_list);
  CHILD (copayments_group);
  CHILD (copayments_list);
  CHILD (history_list);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "client.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "client.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "client.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "client.household", NULL, household_action);
  gtk_widget_class_install_action (widget_class, "client.new-request", NULL, new_request_action);
  gtk_widget_class_install_action (widget_class, "client.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "client.schedule", NULL, schedule_action);
  gtk_widget_class_install_action (widget_class, "client.export-data", NULL, export_data_action);
  gtk_widget_class_install_action (widget_class, "client.audit", NULL, audit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "client.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "client.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "client.edit",
                                       NULL);
}

static void
gad_client_page_init (GadClientPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
gad_client_page_set_person_id (GadClientPage *self,
                               gint64         person_id)
{
  g_return_if_fail (GAD_IS_CLIENT_PAGE (self));

  if (person_id == self->person_id)
    {
      reload (self);
      return;
    }
  /* Another client: nothing of the one before stays on screen meanwhile. */
  self->person_id = person_id;
  gtk_label_set_label (self->name_label, "");
  gtk_label_set_label (self->code_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->file_child), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->duties_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->basic_label), FALSE);
  /* Opening a client's file is recorded: who, and when. */
  load (self, TRUE);
}

gint64
gad_client_page_get_person_id (GadClientPage *self)
{
  g_return_val_if_fail (GAD_IS_CLIENT_PAGE (self), 0);
  return self->person_id;
}
