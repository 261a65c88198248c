/* gad-client-services.c — a client's page: services, the schedule and co-payments
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-client-services.h"
#include "gad-plan-dialog.h"
#include "gad-schedule-view.h"
#include "gad-text.h"
#include "gad-window.h"

struct _GadClientServices
{
  GadClientSection parent_instance;

  GtkListBox *plans_list;
  GtkWidget *copayments_group;
  GtkListBox *copayments_list;
};

G_DEFINE_FINAL_TYPE (GadClientServices, gad_client_services, GAD_TYPE_CLIENT_SECTION)

static void
open_plan_dialog (GadClientSection *self,
                  GadServicePlan   *plan)
{
  GadPlanDialog *dialog = gad_plan_dialog_new (gad_client_section_get_window (self),
                                               gad_client_section_get_context (self),
                                               gad_client_section_get_file (self)->person_id,
                                               plan);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_client_section_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_edit_plan (GtkButton        *button,
              GadClientSection *self)
{
  open_plan_dialog (self, g_object_get_data (G_OBJECT (button), "plan"));
}

/* Services: what, the allowance that follows, when and who. */
static void
fill_plans (GadClientServices *self)
{
  GadClientFile *file = gad_client_section_get_file (GAD_CLIENT_SECTION (self));
  GPtrArray *plans = gad_client_section_rows (GAD_CLIENT_SECTION (self), self->plans_list,
                                              GAD_FILE_PLANS);
  g_autofree char *today = gad_text_today_iso ();

  for (guint i = 0; plans && i < plans->len; i++)
    {
      GadServicePlan *p = g_ptr_array_index (plans, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      g_autofree char *from = gad_text_format_date (p->period_from);
      g_autofree char *to = gad_text_format_date (p->period_to);
      g_autofree char *title = NULL, *subtitle = NULL;
      const char *name = p->service_code;
      int week, month;

      for (guint k = 0; k < file->types->len; k++)
        if (g_str_equal (((GadTypeEntry *) g_ptr_array_index (file->types, k))->code,
                         p->service_code))
          name = gad_type_display_name (g_ptr_array_index (file->types, k));
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
      button = gad_client_section_button (row, _("_Edit"), G_CALLBACK (on_edit_plan), self);
      g_object_set_data_full (G_OBJECT (button), "plan", gad_service_plan_copy (p),
                              (GDestroyNotify) gad_service_plan_free);
      gtk_list_box_append (self->plans_list, row);
    }
  if (plans && plans->len == 0)
    gad_client_section_placeholder (self->plans_list, _("No services"));
}

static char *
minutes_text (int minutes)
{
  /* TRANSLATORS: hours and minutes */
  return g_strdup_printf (_("%d h %02d min"), minutes / 60, minutes % 60);
}

/* The months charged, newest first: amount, hours done and hours free. */
static void
fill_copayments (GadClientServices *self)
{
  GadClientFile *file = gad_client_section_get_file (GAD_CLIENT_SECTION (self));
  GPtrArray *months = file->rows[GAD_FILE_COPAYMENTS];

  gad_client_section_clear (self->copayments_list);
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
  gtk_widget_set_visible (self->copayments_group, months && months->len > 0);
}

static void
gad_client_services_show (GadClientSection *section)
{
  GadClientServices *self = GAD_CLIENT_SERVICES (section);
  GadClientFile *file = gad_client_section_get_file (section);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.new-plan", file->writes);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.schedule", file->schedules);
  fill_plans (self);
  fill_copayments (self);
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  if (gad_client_section_get_file (GAD_CLIENT_SECTION (widget)))
    open_plan_dialog (GAD_CLIENT_SECTION (widget), NULL);
}

/* The client's visits and appointments, in the Schedules view. */
static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GadClientSection *self = GAD_CLIENT_SECTION (widget);
  GadClientFile *file = gad_client_section_get_file (self);
  GtkWindow *window = gad_client_section_get_window (self);
  g_autofree char *name = NULL;

  if (file == NULL || !GAD_IS_WINDOW (window))
    return;
  name = gad_client_section_dup_name (self);
  gad_schedule_view_show_client (GAD_SCHEDULE_VIEW (gad_window_show_view (GAD_WINDOW (window),
                                                                          "schedules")),
                                 file->person_id, name);
}

static void
gad_client_services_class_init (GadClientServicesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  GAD_CLIENT_SECTION_CLASS (klass)->show = gad_client_services_show;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-client-services.ui");
  gtk_widget_class_bind_template_child (widget_class, GadClientServices, plans_list);
  gtk_widget_class_bind_template_child (widget_class, GadClientServices, copayments_group);
  gtk_widget_class_bind_template_child (widget_class, GadClientServices, copayments_list);
  gtk_widget_class_install_action (widget_class, "services.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "services.schedule", NULL, schedule_action);
}

static void
gad_client_services_init (GadClientServices *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
