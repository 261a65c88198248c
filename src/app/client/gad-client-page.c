/* gad-client-page.c — one client: details, household, cases, history
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-client-page-private.h"
#include "gad-personal-code.h"
#include "gad-text.h"

G_DEFINE_FINAL_TYPE (GadClientPage, gad_client_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, PROP_LOADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { BACK, N_SIGNALS };
static guint signals[N_SIGNALS];

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
  gad_client_page_set_value (self->code_value, all_codes->str);
  gad_client_page_set_value (self->birth_value, birth);
  gad_client_page_set_value (self->disability_value, group ? _(groups[group]) : NULL);
  gad_client_page_set_value (self->gender_value, g_str_equal (gender, "M") ? _("Male")
                                 : g_str_equal (gender, "F") ? _("Female") : "");
  gad_client_page_set_value (self->address_value, gad_person_get_address (person));
  gad_client_page_set_value (self->phone_value, gad_person_get_phone (person));
  gad_client_page_set_value (self->parish_value, gad_person_get_territory (person));
  gad_client_page_set_value (self->worker_value, gad_person_get_worker (person));

  gad_client_page_fill_household (self);
  update_rights (self);
  if (!file->reads)
    return;
  gad_client_page_fill_cases (self);
  gad_client_page_fill_plans (self);
  gad_client_page_fill_copayments (self);
  gad_client_page_fill_requests (self);
  gad_client_page_fill_decisions (self);
  gad_client_page_fill_duties (self);
  gad_client_page_fill_history (self);
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
  gad_loading_changed (GTK_WIDGET (self), self->loading != NULL, properties[PROP_LOADING]);
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
  gad_loading_changed (GTK_WIDGET (self), self->loading != NULL, properties[PROP_LOADING]);
}

static void
reload (GadClientPage *self)
{
  load (self, FALSE);
}

void
gad_client_page_saved (GadClientPage *self)
{
  gad_context_changed (self->context);
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
  gad_client_page_install_actions (widget_class);
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
