/* gad-client-overview.c — a client's page: the person, household and duties
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-catalog.h"
#include "gad-client-overview.h"
#include "gad-household-dialog.h"
#include "gad-personal-code.h"
#include "gad-text.h"
#include "gad-window.h"

struct _GadClientOverview
{
  GadClientSection parent_instance;

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
  GtkWidget *duties_group;
  GtkListBox *duties_list;
};

G_DEFINE_FINAL_TYPE (GadClientOverview, gad_client_overview, GAD_TYPE_CLIENT_SECTION)

#define FILE_OF(self) gad_client_section_get_file (GAD_CLIENT_SECTION (self))

static void
set_value (GtkLabel   *label,
           const char *value)
{
  gtk_label_set_label (label, value && *value ? value : "—");
}

/* A change made here (a membership ended, a duty recorded), saved on the
 * worker's thread like every read. */
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
  g_autoptr(GadClientSection) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gad_worker_run_finish (result, &error))
    gad_client_section_failed (self, error->message);
  else
    gad_client_section_saved (self);
}

static void
save (GadClientOverview *self,
      int                kind,
      gint64             id,
      const char        *status)
{
  GadContext *context = gad_client_section_get_context (GAD_CLIENT_SECTION (self));
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->id = id;
  change->status = status;
  gad_worker_run (gad_context_get_worker (context), save_change, change, g_free, NULL, NULL,
                  on_change_saved, g_object_ref (self));
}

static void
on_leave_response (AdwMessageDialog  *dialog,
                   const char        *response,
                   GadClientOverview *self)
{
  gint64 membership = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "membership-id"));

  if (g_str_equal (response, "leave"))
    save (self, END_MEMBERSHIP, membership, NULL);
}

/* Ending a membership cannot be undone from here, so ask first. */
static void
on_end_membership (GtkButton         *button,
                   GadClientOverview *self)
{
  g_autofree char *name = gad_client_section_dup_name (GAD_CLIENT_SECTION (self));
  GtkWindow *window = gad_client_section_get_window (GAD_CLIENT_SECTION (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Leave the Household?"), NULL));
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

/* Another member's page opens in this one's place. */
static void
on_member_activated (AdwActionRow      *row,
                     GadClientOverview *self)
{
  GtkWindow *window = gad_client_section_get_window (GAD_CLIENT_SECTION (self));

  if (GAD_IS_WINDOW (window))
    gad_window_show_client (GAD_WINDOW (window),
                            GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id")));
}

static void
fill_household (GadClientOverview *self)
{
  GadClientFile *file = FILE_OF (self);
  GPtrArray *members = gad_client_section_rows (GAD_CLIENT_SECTION (self), self->household_list,
                                                GAD_FILE_HOUSEHOLD);

  for (guint i = 0; members && i < members->len; i++)
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
      if (m->person_id != file->person_id)
        {
          g_object_set_data (G_OBJECT (row), "person-id", GSIZE_TO_POINTER (m->person_id));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_signal_connect (row, "activated", G_CALLBACK (on_member_activated), self);
        }
      else if (m->to_date == NULL)
        {
          GtkWidget *button = gad_client_section_button (row, _("_Leave Household"),
                                                         G_CALLBACK (on_end_membership), self);

          g_object_set_data (G_OBJECT (button), "membership-id", GSIZE_TO_POINTER (m->id));
        }
      gtk_list_box_append (self->household_list, row);
    }
  if (members && members->len == 0)
    gad_client_section_placeholder (self->household_list, _("Not a member of any household"));
}

static void
on_duty_record (GtkButton         *button,
                GadClientOverview *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "duty-id"));
  gint64 task = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "task-id"));

  /* The status is one of two static strings; a plan's task is recorded in the plan. */
  save (self, task ? RECORD_TASK : RECORD_DUTY, task ? task : id,
        g_object_get_data (G_OBJECT (button), "status"));
}

static void
fill_duties (GadClientOverview *self)
{
  GPtrArray *duties = gad_client_section_rows (GAD_CLIENT_SECTION (self), self->duties_list,
                                               GAD_FILE_DUTIES);
  g_autofree char *today = gad_text_today_iso ();

  for (guint i = 0; duties && i < duties->len; i++)
    {
      GadDuty *d = g_ptr_array_index (duties, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *due = gad_text_format_date (d->due_on);
      g_autofree char *recorded = gad_text_format_date (d->recorded_on);
      g_autofree char *subtitle = NULL;

      if (g_str_equal (d->status, "open"))
        {
          gboolean overdue = strcmp (d->due_on, today) < 0;

          subtitle = g_strdup_printf (overdue ? _("Overdue since %s") : _("Due %s"), due);
          if (overdue)
            gtk_widget_add_css_class (row, "error");
          for (guint k = 0; k < 2; k++)
            {
              GtkWidget *button = gad_client_section_button (row, k ? _("F_ailed")
                                                                    : _("_Fulfilled"),
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
  if (duties && duties->len == 0)
    gad_client_section_placeholder (self->duties_list, _("No duties"));
}

/* The status of the newest decision whose period has not ended (it may
 * start later). */
static char *
household_status (GadClientFile *file)
{
  GPtrArray *decisions = file->rows[GAD_FILE_DECISIONS];
  g_autofree char *today = gad_text_today_iso ();

  for (guint i = 0; decisions && i < decisions->len; i++)
    {
      GadDecision *d = g_ptr_array_index (decisions, i);
      g_autofree char *from = NULL, *to = NULL;

      if (d->status_granted == NULL || g_strcmp0 (today, d->period_to) > 0)
        continue;
      from = gad_text_format_date (d->period_from);
      to = gad_text_format_date (d->period_to);
      /* TRANSLATORS: a household status and its validity: needy, from – to */
      return g_strdup_printf (_("%s, %s – %s"),
                              g_str_equal (d->status_granted, "needy") ? _("Needy")
                                                                       : _("Low-income"),
                              from, to);
    }
  return NULL;
}

static void
gad_client_overview_show (GadClientSection *section)
{
  GadClientOverview *self = GAD_CLIENT_OVERVIEW (section);
  GadClientFile *file = FILE_OF (self);
  GadPerson *person = file->person;
  g_autofree char *code = gad_person_dup_code_display (person);
  g_autofree char *birth = gad_text_format_date (gad_person_get_birth_date (person));
  g_autofree char *status = household_status (file);
  const char *gender = gad_person_get_gender (person);
  g_autoptr(GString) all_codes = g_string_new (code);
  static const char *groups[] = { NULL, N_("Group I"), N_("Group II"), N_("Group III") };
  guint group = MIN (gad_person_get_disability_group (person), 3);

  for (guint i = 1; file->codes && file->codes[i]; i++)
    {
      g_autofree char *earlier = gad_personal_code_format (file->codes[i]);
      /* TRANSLATORS: an earlier personal code of the person, after the current one */
      g_string_append_printf (all_codes, _(" (earlier %s)"), earlier);
    }
  set_value (self->code_value, all_codes->str);
  set_value (self->birth_value, birth);
  set_value (self->disability_value, group ? _(groups[group]) : NULL);
  set_value (self->gender_value, g_str_equal (gender, "M") ? _("Male")
                                 : g_str_equal (gender, "F") ? _("Female") : "");
  set_value (self->address_value, gad_person_get_address (person));
  set_value (self->phone_value, gad_person_get_phone (person));
  set_value (self->parish_value, gad_person_get_territory (person));
  set_value (self->worker_value, gad_person_get_worker (person));
  set_value (self->status_value, status);
  fill_household (self);
  /* Without the right to read the file, only the basic data. */
  gtk_widget_set_visible (self->duties_group, file->reads);
  if (file->reads)
    fill_duties (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.household", file->registers);
}

static void
household_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GadClientSection *self = GAD_CLIENT_SECTION (widget);
  GadClientFile *file = gad_client_section_get_file (self);
  GadHouseholdDialog *dialog;

  if (file == NULL)
    return;
  dialog = gad_household_dialog_new (gad_client_section_get_window (self),
                                     gad_client_section_get_context (self), file->person);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_client_section_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gad_client_overview_class_init (GadClientOverviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  GAD_CLIENT_SECTION_CLASS (klass)->show = gad_client_overview_show;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-client-overview.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, GadClientOverview, name)
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
  CHILD (duties_group);
  CHILD (duties_list);
#undef CHILD
  gtk_widget_class_install_action (widget_class, "overview.household", NULL, household_action);
}

static void
gad_client_overview_init (GadClientOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
