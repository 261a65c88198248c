/* gad-plan-dialog.c — a service a client receives: add or change it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store checks the rules (the safety button's conditions, a family
 * assistant's caseload); a refusal is shown above the form, which keeps what
 * was typed. A caseload over the limit can be overruled with a reason.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-plan-dialog.h"
#include "gad-text.h"

static const char *client_groups[] = { "families", "mental", "young-adults" };

struct _GadPlanDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  gint64 person_id;
  GadServicePlan *existing;
  GPtrArray *services;       /* char *: codes in the order of service_row */
  GArray *staff_ids;

  GtkButton *save_button;
  GtkLabel *error_label;
  AdwEntryRow *reason_row;
  AdwComboRow *service_row;
  AdwComboRow *level_row;
  AdwComboRow *group_row;
  AdwComboRow *staff_row;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
};

G_DEFINE_FINAL_TYPE (GadPlanDialog, gad_plan_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
service (GadPlanDialog *self)
{
  guint i = adw_combo_row_get_selected (self->service_row);

  return i < self->services->len ? g_ptr_array_index (self->services, i) : NULL;
}

static void
validate (GadPlanDialog *self)
{
  g_autofree char *from = gad_date_row_get_iso (self->from_row);
  g_autofree char *to = gad_date_row_get_iso (self->to_row);
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (
                                          GTK_EDITABLE (self->reason_row))));
  gboolean to_ok = *to_text == '\0' || (to && (from == NULL || g_strcmp0 (to, from) >= 0));

  gad_row_set_error (self->from_row, from == NULL);
  gad_row_set_error (self->to_row, !to_ok);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            from && to_ok && service (self)
                            && (!gtk_widget_get_visible (GTK_WIDGET (self->reason_row))
                                || *reason));
}

static void
on_service_changed (GadPlanDialog *self)
{
  const char *code = service (self);

  gtk_widget_set_visible (GTK_WIDGET (self->level_row), g_strcmp0 (code, "home-care") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->group_row),
                          g_strcmp0 (code, "family-assistant") == 0);
  validate (self);
}

static gpointer
save_plan (GadStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return GINT_TO_POINTER (gad_store_save_service_plan (store, data, error) != 0);
}

static void
on_plan_saved (GtkWidget    *dialog,
               gpointer      result,
               const GError *error)
{
  GadPlanDialog *self = GAD_PLAN_DIALOG (dialog);

  if (error)
    {
      gad_show_error (self->error_label, error->message);
      if (g_error_matches (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->reason_row), TRUE);
          gtk_button_set_label (self->save_button, _("Save _Anyway"));
          gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
          validate (self);
        }
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save (GadPlanDialog *self)
{
  GadServicePlan *plan;
  const char *code = service (self);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;
  plan = g_new0 (GadServicePlan, 1);
  plan->id = self->existing ? self->existing->id : 0;
  plan->version = self->existing ? self->existing->version : 0;
  plan->person_id = self->person_id;
  plan->service_code = g_strdup (code);
  plan->level = g_strcmp0 (code, "home-care") == 0
                  ? (int) adw_combo_row_get_selected (self->level_row) + 1 : 0;
  plan->client_group = g_strdup (client_groups[MIN (adw_combo_row_get_selected (self->group_row),
                                                    G_N_ELEMENTS (client_groups) - 1)]);
  plan->staff_id = g_array_index (self->staff_ids, gint64,
                                  adw_combo_row_get_selected (self->staff_row));
  plan->period_from = gad_date_row_get_iso (self->from_row);
  plan->period_to = gad_date_row_get_iso (self->to_row);
  plan->override_reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
  gad_dialog_save (GTK_WIDGET (self), GTK_WIDGET (self->save_button), self->error_label,
                   self->context, save_plan, plan, (GDestroyNotify) gad_service_plan_free, NULL,
                   on_plan_saved);
}

static void
fill (GadPlanDialog *self)
{
  g_autoptr(GPtrArray) types = g_ptr_array_ref (gad_context_get_types (self->context));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) staff = gad_staff_model (self->context, _("None"), self->staff_ids);
  g_autofree char *today = gad_text_today_iso ();
  const GadServicePlan *p = self->existing;

  for (guint i = 0; i < types->len; i++)
    {
      GadTypeEntry *t = g_ptr_array_index (types, i);

      if (!t->is_service)
        continue;
      gtk_string_list_append (names, gad_type_display_name (t));
      g_ptr_array_add (self->services, g_strdup (t->code));
    }
  for (int level = 1; level <= 4; level++)
    {
      int week, month;
      g_autofree char *text = NULL;

      gad_home_care_allowance (level, &week, &month);
      /* TRANSLATORS: a home-care level and the hours it allows */
      text = g_strdup_printf (_("Level %d: %d h a week, %d h a month"), level, week / 60,
                              month / 60);
      gtk_string_list_append (levels, text);
    }
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  adw_combo_row_set_model (self->staff_row, staff);
  gad_date_row_set_iso (self->from_row, p ? p->period_from : today);
  gad_date_row_set_iso (self->to_row, p ? p->period_to : NULL);
  if (p)
    {
      for (guint i = 0; i < self->services->len; i++)
        if (g_str_equal (g_ptr_array_index (self->services, i), p->service_code))
          adw_combo_row_set_selected (self->service_row, i);
      adw_combo_row_set_selected (self->level_row, MAX (p->level, 1) - 1);
      for (guint i = 0; i < G_N_ELEMENTS (client_groups); i++)
        if (g_strcmp0 (p->client_group, client_groups[i]) == 0)
          adw_combo_row_set_selected (self->group_row, i);
      adw_combo_row_set_selected (self->staff_row, gad_ids_find (self->staff_ids, p->staff_id));
      if (p->override_reason)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->reason_row), p->override_reason);
          gtk_widget_set_visible (GTK_WIDGET (self->reason_row), TRUE);
        }
      gtk_window_set_title (GTK_WINDOW (self), _("Service"));
    }
  on_service_changed (self);
}

static void
gad_plan_dialog_dispose (GObject *object)
{
  GadPlanDialog *self = GAD_PLAN_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->existing, gad_service_plan_free);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  G_OBJECT_CLASS (gad_plan_dialog_parent_class)->dispose (object);
}

static void
gad_plan_dialog_class_init (GadPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gad_plan_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GadPlanDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GadPlanDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadPlanDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, GadPlanDialog, service_row);
  gtk_widget_class_bind_template_child (widget_class, GadPlanDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, GadPlanDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, GadPlanDialog, staff_row);
  gtk_widget_class_bind_template_child (widget_class, GadPlanDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, GadPlanDialog, to_row);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_service_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_plan_dialog_init (GadPlanDialog *self)
{
  self->services = g_ptr_array_new_with_free_func (g_free);
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

GadPlanDialog *
gad_plan_dialog_new (GtkWindow            *parent,
                     GadContext           *context,
                     gint64                person_id,
                     const GadServicePlan *existing)
{
  GadPlanDialog *self = g_object_new (GAD_TYPE_PLAN_DIALOG, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  self->person_id = person_id;
  self->existing = existing ? gad_service_plan_copy (existing) : NULL;
  fill (self);
  return self;
}
