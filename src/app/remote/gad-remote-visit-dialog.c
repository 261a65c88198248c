/* gad-remote-visit-dialog.c — a visit to a remote farmstead: outcome and risks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The day (today unless typed), whether the person was seen, not at home
 * or refused, the risks of the checklist the visit found (the last visit's
 * ticked to begin with), and whether home care was proposed. Saved on the
 * worker's thread; a refused save keeps what was chosen.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-remote-visit-dialog.h"
#include "gad-text.h"

struct _GadRemoteVisitDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  gint64 person_id;
  GtkCheckButton *outcomes[3];
  GPtrArray *risk_checks;        /* GtkCheckButton, in gad_remote_risks ()'s order */

  AdwWindowTitle *title;
  GtkWidget *save_button;
  GtkLabel *error_label;
  AdwEntryRow *date_row;
  AdwPreferencesGroup *outcome_group;
  AdwPreferencesGroup *risks_group;
  GtkSwitch *home_care_switch;
};

G_DEFINE_FINAL_TYPE (GadRemoteVisitDialog, gad_remote_visit_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *outcome_codes[] = { "visited", "not-home", "refused" };

typedef struct
{
  gint64 person_id;
  char *date;
  const char *outcome;
  char *risks;
  gboolean home_care;
} Visit;

static void
visit_free (Visit *v)
{
  g_free (v->date);
  g_free (v->risks);
  g_free (v);
}

static gpointer
save_visit (GadStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Visit *v = data;

  return GINT_TO_POINTER (gad_store_remote_visit (store, v->person_id, v->date, v->outcome,
                                                  v->risks, v->home_care, error));
}

static void
on_save (GadRemoteVisitDialog *self)
{
  Visit *v = g_new0 (Visit, 1);
  g_autoptr(GString) risks = g_string_new (NULL);
  const char *const *codes = gad_remote_risks ();

  v->person_id = self->person_id;
  v->date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  v->outcome = outcome_codes[0];
  for (guint i = 0; i < G_N_ELEMENTS (outcome_codes); i++)
    if (gtk_check_button_get_active (self->outcomes[i]))
      v->outcome = outcome_codes[i];
  for (guint i = 0; codes[i]; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->risk_checks, i)))
      g_string_append_printf (risks, "%s%s", risks->len ? "," : "", codes[i]);
  v->risks = g_string_free (g_steal_pointer (&risks), FALSE);
  v->home_care = gtk_switch_get_active (self->home_care_switch);
  gad_dialog_save (GTK_WIDGET (self), self->save_button, self->error_label, self->context,
                   save_visit, v, (GDestroyNotify) visit_free, NULL, NULL);
}

/* A row with a check button at its start, the whole row clicks it. */
static GtkCheckButton *
check_row (AdwPreferencesGroup *group,
           const char          *title,
           GtkCheckButton      *group_with)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group_with)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group_with);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  return GTK_CHECK_BUTTON (check);
}

static void
gad_remote_visit_dialog_dispose (GObject *object)
{
  GadRemoteVisitDialog *self = GAD_REMOTE_VISIT_DIALOG (object);

  g_clear_pointer (&self->risk_checks, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_remote_visit_dialog_parent_class)->dispose (object);
}

static void
gad_remote_visit_dialog_class_init (GadRemoteVisitDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_remote_visit_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-remote-visit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GadRemoteVisitDialog, title);
  gtk_widget_class_bind_template_child (widget_class, GadRemoteVisitDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GadRemoteVisitDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadRemoteVisitDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, GadRemoteVisitDialog, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, GadRemoteVisitDialog, risks_group);
  gtk_widget_class_bind_template_child (widget_class, GadRemoteVisitDialog, home_care_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_remote_visit_dialog_init (GadRemoteVisitDialog *self)
{
  const char *outcome_names[] = { _("Visited"), _("Not at home"), _("Refused the visit") };
  const char *const *codes = gad_remote_risks ();
  g_autofree char *today_iso = gad_text_today_iso ();
  g_autofree char *today = gad_text_format_date (today_iso);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (outcome_names); i++)
    self->outcomes[i] = check_row (self->outcome_group, outcome_names[i],
                                   i ? self->outcomes[0] : NULL);
  gtk_check_button_set_active (self->outcomes[0], TRUE);
  self->risk_checks = g_ptr_array_new ();
  for (guint i = 0; codes[i]; i++)
    g_ptr_array_add (self->risk_checks,
                     check_row (self->risks_group, gad_remote_risk_name (codes[i]), NULL));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
}

GadRemoteVisitDialog *
gad_remote_visit_dialog_new (GtkWindow             *parent,
                             GadContext            *context,
                             const GadRemotePerson *person)
{
  GadRemoteVisitDialog *self = g_object_new (GAD_TYPE_REMOTE_VISIT_DIALOG,
                                             "transient-for", parent, NULL);
  g_auto(GStrv) found = g_strsplit (person->risks, ",", -1);
  const char *const *codes = gad_remote_risks ();

  self->context = g_object_ref (context);
  self->person_id = person->person_id;
  adw_window_title_set_subtitle (self->title, person->name);
  for (guint i = 0; codes[i]; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->risk_checks, i),
                                 g_strv_contains ((const char *const *) found, codes[i]));
  gtk_switch_set_active (self->home_care_switch, person->home_care_proposed);
  return self;
}
