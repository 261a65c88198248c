/* gad-client-page-care.c — the client page's cases, services and co-payments
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-case-dialog.h"
#include "gad-case-plan-window.h"
#include "gad-documents-window.h"
#include "gad-catalog.h"
#include "gad-client-page-private.h"
#include "gad-plan-dialog.h"
#include "gad-records-window.h"
#include "gad-text.h"

static void
open_case_dialog (GadClientPage *self,
                  GtkWidget     *button,
                  GadCaseMode    mode)
{
  GadCase *c = g_object_get_data (G_OBJECT (button), "case");
  GadCaseDialog *dialog = gad_case_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               self->context, self->person_id, c, mode);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_client_page_saved), self, G_CONNECT_SWAPPED);
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

static void
on_reopen_case (GtkButton     *button,
                GadClientPage *self)
{
  open_case_dialog (self, GTK_WIDGET (button), GAD_CASE_REOPEN);
}

/* The case's records: read by whoever reads the file, written by its workers. */
static void
on_case_records (GtkButton     *button,
                 GadClientPage *self)
{
  GadCase *c = g_object_get_data (G_OBJECT (button), "case");
  g_autofree char *client = gad_person_dup_full_name (self->file->person);
  GadRecordsWindow *window = gad_records_window_new (GTK_WINDOW (gtk_widget_get_root (
                                                       GTK_WIDGET (self))),
                                                     self->context, c, client,
                                                     self->file->writes);

  gtk_window_present (GTK_WINDOW (window));
}

/* The case's assessment and plan: read by whoever reads the file, written by its workers. */
static void
on_case_plan (GtkButton     *button,
              GadClientPage *self)
{
  GadCase *c = g_object_get_data (G_OBJECT (button), "case");
  g_autofree char *client = gad_person_dup_full_name (self->file->person);
  GadCasePlanWindow *window = gad_case_plan_window_new (GTK_WINDOW (gtk_widget_get_root (
                                                          GTK_WIDGET (self))),
                                                        self->context, c, client,
                                                        self->file->writes);

  gtk_window_present (GTK_WINDOW (window));
}

/* The case's documents: read by whoever reads the file, added by its workers. */
static void
on_case_documents (GtkButton     *button,
                   GadClientPage *self)
{
  GadCase *c = g_object_get_data (G_OBJECT (button), "case");
  g_autofree char *client = gad_person_dup_full_name (self->file->person);
  GadDocumentsWindow *window = gad_documents_window_new (GTK_WINDOW (gtk_widget_get_root (
                                                           GTK_WIDGET (self))),
                                                         self->context, c, client,
                                                         self->file->writes);

  gtk_window_present (GTK_WINDOW (window));
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

void
gad_client_page_fill_cases (GadClientPage *self)
{
  GPtrArray *cases = gad_client_page_section_rows (self, self->cases_list, GAD_FILE_CASES);

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
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 case_button (c, _("_Records…"), G_CALLBACK (on_case_records),
                                              self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 case_button (c, _("_Plan…"), G_CALLBACK (on_case_plan), self));
      {
        /* TRANSLATORS: the button to a case's documents, with how many there are */
        g_autofree char *documents = c->n_documents ? g_strdup_printf (_("_Documents (%u)…"),
                                                                       (guint) c->n_documents)
                                                    : g_strdup (_("_Documents…"));

        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   case_button (c, documents, G_CALLBACK (on_case_documents),
                                                self));
      }
      if (c->closed_on == NULL)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     case_button (c, _("_Edit"), G_CALLBACK (on_edit_case), self));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     case_button (c, _("_Close Case…"),
                                                  G_CALLBACK (on_close_case), self));
        }
      else if (self->file->writes)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   case_button (c, _("Re_open…"), G_CALLBACK (on_reopen_case),
                                                self));
      gtk_list_box_append (self->cases_list, row);
    }
  if (cases->len == 0)
    gad_client_page_add_placeholder (self->cases_list, _("No cases"));
}

static void
on_edit_plan (GtkButton     *button,
              GadClientPage *self)
{
  GadPlanDialog *dialog = gad_plan_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               self->context, self->person_id,
                                               g_object_get_data (G_OBJECT (button), "plan"));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_client_page_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Services: what, the allowance that follows, when and who. */
void
gad_client_page_fill_plans (GadClientPage *self)
{
  GPtrArray *plans = gad_client_page_section_rows (self, self->plans_list, GAD_FILE_PLANS);
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
    gad_client_page_add_placeholder (self->plans_list, _("No services"));
}

static char *
minutes_text (int minutes)
{
  /* TRANSLATORS: hours and minutes */
  return g_strdup_printf (_("%d h %02d min"), minutes / 60, minutes % 60);
}

/* The months charged, newest first: amount, hours done and hours free. */
void
gad_client_page_fill_copayments (GadClientPage *self)
{
  GPtrArray *months = self->file->rows[GAD_FILE_COPAYMENTS];

  gad_client_page_clear_list (self->copayments_list);
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

