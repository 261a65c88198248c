/* gad-client-page-sections.c — the client page's household, history and duties
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-app-util.h"
#include "gad-audit-text.h"
#include "gad-catalog.h"
#include "gad-client-page-private.h"
#include "gad-personal-code.h"
#include "gad-text.h"

void
gad_client_page_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

void
gad_client_page_add_placeholder (GtkListBox *list,
                                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

/* @list emptied for the rows of @section of the file shown, or its error
 * in their place (then %NULL). */
GPtrArray *
gad_client_page_section_rows (GadClientPage  *self,
                              GtkListBox     *list,
                              GadFileSection  section)
{
  gad_client_page_clear_list (list);
  if (self->file->rows[section] == NULL)
    gad_client_page_add_placeholder (list, self->file->errors[section]
                             ? self->file->errors[section]->message : "");
  return self->file->rows[section];
}

void
gad_client_page_fill_history (GadClientPage *self)
{
  GPtrArray *entries = gad_client_page_section_rows (self, self->history_list, GAD_FILE_HISTORY);

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
    gad_client_page_add_placeholder (self->history_list, _("No changes recorded"));
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
  enum { END_MEMBERSHIP, RECORD_DUTY, RECORD_TASK } kind;
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
                : change->kind == RECORD_TASK
                  ? gad_store_record_task (store, change->id, change->status, today, error)
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

void
gad_client_page_fill_household (GadClientPage *self)
{
  GPtrArray *members = gad_client_page_section_rows (self, self->household_list, GAD_FILE_HOUSEHOLD);

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
    gad_client_page_add_placeholder (self->household_list, _("Not a member of any household"));
}

void
gad_client_page_set_value (GtkLabel   *label,
                           const char *value)
{
  gtk_label_set_label (label, value && *value ? value : "—");
}

GtkWidget *
gad_client_page_suffix_button (GtkWidget  *row,
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

static void
on_duty_record (GtkButton     *button,
                GadClientPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "duty-id"));
  gint64 task = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "task-id"));

  /* The status is one of two static strings; a plan's task is recorded in the plan. */
  save (self, task ? RECORD_TASK : RECORD_DUTY, task ? task : id,
        g_object_get_data (G_OBJECT (button), "status"));
}

void
gad_client_page_fill_duties (GadClientPage *self)
{
  GPtrArray *duties = gad_client_page_section_rows (self, self->duties_list, GAD_FILE_DUTIES);
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
          for (guint k = 0; k < 2; k++)
            {
              button = gad_client_page_suffix_button (row, k ? _("F_ailed") : _("_Fulfilled"),
                                                      G_CALLBACK (on_duty_record), self);
              g_object_set_data (G_OBJECT (button), "duty-id", GSIZE_TO_POINTER (d->id));
              g_object_set_data (G_OBJECT (button), "task-id", GSIZE_TO_POINTER (d->task_id));
              g_object_set_data (G_OBJECT (button), "status",
                                 (gpointer) (k ? "failed" : "fulfilled"));
            }
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
    gad_client_page_add_placeholder (self->duties_list, _("No duties"));
}
