/* gad-window.c — the main window: Registry, Schedules, Dashboards
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-approvals-window.h"
#include "gad-remote-window.h"
#include "gad-certificates-dialog.h"
#include "gad-groups-window.h"
#include "gad-strategy-window.h"
#include "gad-surveys-window.h"
#include "gad-audit-window.h"
#include "gad-import-window.h"
#include "gad-setup-window.h"
#include "gad-duplicates-window.h"
#include "gad-dashboard-view.h"
#include "gad-my-work-view.h"
#include "gad-registry-view.h"
#include "gad-schedule-view.h"
#include "gad-window.h"

struct _GadWindow
{
  AdwApplicationWindow parent_instance;

  GadContext *context;

  AdwToastOverlay *toast_overlay;
  GtkRevealer *offline_banner;
  AdwViewStack *stack;
  AdwViewSwitcherTitle *switcher_title;
  GadRegistryView *registry_view;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (GadWindow, gad_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The backup runs on its own connection in a thread: a large database takes
 * longer than a frame to copy and check. */
typedef struct
{
  GadStoreIdentity *who;
  char *out;
} Backup;

static void
backup_free (Backup *b)
{
  gad_store_identity_free (b->who);
  g_free (b->out);
  g_free (b);
}

static void
backup_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Backup *b = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadStore) store = gad_store_open_as (b->who, &error);

  if (store == NULL || !gad_store_backup (store, b->out, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
backup_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Backup *b = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  adw_toast_dismiss (g_object_get_data (G_OBJECT (result), "toast"));
  if (g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup_printf (_("Backup saved to %s"), b->out);
  gad_window_add_toast (GAD_WINDOW (source), message ? message : error->message);
}

static void
on_backup_response (GtkNativeDialog *chooser,
                    int              response,
                    GadWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  AdwToast *toast;
  Backup *b;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  b = g_new0 (Backup, 1);
  b->who = gad_store_get_identity (gad_context_get_store (self->context));
  b->out = g_file_get_path (file);
  task = g_task_new (self, NULL, backup_done, NULL);
  g_task_set_task_data (task, b, (GDestroyNotify) backup_free);
  toast = adw_toast_new (_("Making a backup…"));
  g_object_set_data_full (G_OBJECT (task), "toast", toast, g_object_unref);
  if (b->out == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Choose a folder on this computer for the backup."));
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
  g_task_run_in_thread (task, backup_thread);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "gadiba-%Y-%m-%d.db");

  g_clear_object (&self->chooser);
  self->chooser = gad_save_chooser_show (GTK_WINDOW (self), _("Back Up Database"), _("_Back Up"),
                                         name, G_CALLBACK (on_backup_response), self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "registry");
  gad_registry_view_focus_search (self->registry_view);
}

/* Alt+1, 2, 3: a view the role shows. */
static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);
  GtkWidget *view = adw_view_stack_get_child_by_name (self->stack,
                                                      g_variant_get_string (param, NULL));

  if (view && adw_view_stack_page_get_visible (adw_view_stack_get_page (self->stack, view)))
    adw_view_stack_set_visible_child (self->stack, view);
}

static void
new_client_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "registry");
  gad_registry_view_new_client (self->registry_view);
}

static void
audit_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (gad_audit_window_new (GTK_WINDOW (self), self->context)));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (gad_import_window_new (GTK_WINDOW (self), self->context)));
}

/* Where the first set-up was left, or its beginning once it is done. */
static void
setup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);
  int step = gad_context_get_setup_step (self->context);

  gtk_window_present (GTK_WINDOW (gad_setup_window_new (GTK_WINDOW (self), self->context,
                                                        step > 0 ? (guint) step : 0)));
}

static void
duplicates_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (gad_duplicates_window_new (GTK_WINDOW (self), self->context)));
}

static void
approvals_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (gad_approvals_window_new (GTK_WINDOW (self), self->context)));
}

static void
remote_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (gad_remote_window_new (GTK_WINDOW (self), self->context)));
}

static void
certificates_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (gad_certificates_dialog_new (GTK_WINDOW (self),
                                                               self->context)));
}

static void
groups_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (gad_groups_window_new (GTK_WINDOW (self), self->context, 0, 0)));
}

static void
strategy_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (gad_strategy_window_new (GTK_WINDOW (self), self->context, 0)));
}

static void
surveys_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (gad_surveys_window_new (GTK_WINDOW (self), self->context)));
}

static void
duties_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GadWindow *self = GAD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "my-work");
}

/* Shows the views and offers the actions the signed-in role has; the title
 * says who that is. The store checks every call again. */
static void
show_role (GadWindow *self)
{
  GadStore *store = gad_context_get_store (self->context);
  GtkWidget *widget = GTK_WIDGET (self);
  const struct { const char *view; GadRight right; } views[] = {
    { "my-work", GAD_RIGHT_READ_CLIENT },
    { "registry", GAD_RIGHT_READ_BASIC },
    { "schedules", GAD_RIGHT_SCHEDULE },
    { "dashboards", GAD_RIGHT_DASHBOARDS },
  };
  /* TRANSLATORS: the window's subtitle: the signed-in staff member and their role */
  g_autofree char *who = g_strdup_printf (_("%s, %s"), gad_store_actor_name (store),
                                          gad_role_label (gad_store_get_role (store)));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (self->stack, views[i].view);
      adw_view_stack_page_set_visible (adw_view_stack_get_page (self->stack, child),
                                       gad_store_can (store, views[i].right, 0));
    }
  adw_view_switcher_title_set_subtitle (self->switcher_title, who);
  gtk_widget_action_set_enabled (widget, "win.new-client",
                                 gad_store_can (store, GAD_RIGHT_REGISTER, 0));
  gtk_widget_action_set_enabled (widget, "win.duties",
                                 gad_store_can (store, GAD_RIGHT_READ_CLIENT, 0));
  gtk_widget_action_set_enabled (widget, "win.audit", gad_store_can (store, GAD_RIGHT_AUDIT, 0));
  gtk_widget_action_set_enabled (widget, "win.remote",
                                 gad_store_can (store, GAD_RIGHT_READ_CLIENT, 0));
  gtk_widget_action_set_enabled (widget, "win.approvals",
                                 gad_store_can (store, GAD_RIGHT_APPROVE, 0));
  gtk_widget_action_set_enabled (widget, "win.groups",
                                 gad_store_can (store, GAD_RIGHT_SCHEDULE, 0));
  gtk_widget_action_set_enabled (widget, "win.certificates",
                                 gad_store_can (store, GAD_RIGHT_WRITE_CLIENT, 0));
  gtk_widget_action_set_enabled (widget, "win.strategy",
                                 gad_store_can (store, GAD_RIGHT_DASHBOARDS, 0));
  gtk_widget_action_set_enabled (widget, "win.surveys",
                                 gad_store_can (store, GAD_RIGHT_REGISTER, 0)
                                 || gad_store_can (store, GAD_RIGHT_DASHBOARDS, 0));
  gtk_widget_action_set_enabled (widget, "win.backup",
                                 gad_store_can (store, GAD_RIGHT_ADMINISTER, 0));
  gtk_widget_action_set_enabled (widget, "win.setup",
                                 gad_store_can (store, GAD_RIGHT_ADMINISTER, 0));
  gtk_widget_action_set_enabled (widget, "win.import",
                                 gad_store_can (store, GAD_RIGHT_ADMINISTER, 0));
  gtk_widget_action_set_enabled (widget, "win.duplicates",
                                 gad_store_can (store, GAD_RIGHT_ADMINISTER, 0)
                                 || gad_store_can (store, GAD_RIGHT_APPROVE, 0));
}

static gboolean
gad_window_close_request (GtkWindow *window)
{
  GadWindow *self = GAD_WINDOW (window);
  GSettings *settings = gad_context_get_settings (self->context);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (settings);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_string (settings, "last-view", adw_view_stack_get_visible_child_name (self->stack));
  g_settings_apply (settings);

  return GTK_WINDOW_CLASS (gad_window_parent_class)->close_request (window);
}

static void
on_try_again (GadWindow *self)
{
  gad_context_try_again (self->context);
}

static void
gad_window_constructed (GObject *object)
{
  GadWindow *self = GAD_WINDOW (object);
  GSettings *settings = gad_context_get_settings (self->context);
  g_autofree char *view = g_settings_get_string (settings, "last-view");

  G_OBJECT_CLASS (gad_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  show_role (self);
  /* On a server: a banner while the link is down. */
  g_object_bind_property (self->context, "online", self->offline_banner, "reveal-child",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  /* A social worker's day starts with My Work; others where they left. */
  if (gad_store_get_role (gad_context_get_store (self->context)) == GAD_ROLE_SOCIAL_WORKER)
    adw_view_stack_set_visible_child_name (self->stack, "my-work");
  else if (adw_view_stack_page_get_visible (adw_view_stack_get_page (
             self->stack, adw_view_stack_get_child_by_name (self->stack, view))))
    adw_view_stack_set_visible_child_name (self->stack, view);
  else
    adw_view_stack_set_visible_child_name (self->stack, "registry");
}

static void
gad_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GadWindow *self = GAD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GadWindow *self = GAD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_window_dispose (GObject *object)
{
  GadWindow *self = GAD_WINDOW (object);

  g_clear_object (&self->chooser);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_window_parent_class)->dispose (object);
}

static void
gad_window_class_init (GadWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gad_window_constructed;
  object_class->dispose = gad_window_dispose;
  object_class->get_property = gad_window_get_property;
  object_class->set_property = gad_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = gad_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, GAD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GAD_TYPE_MY_WORK_VIEW);
  g_type_ensure (GAD_TYPE_REGISTRY_VIEW);
  g_type_ensure (GAD_TYPE_DASHBOARD_VIEW);
  g_type_ensure (GAD_TYPE_SCHEDULE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/lv/gadiba/Gadiba/gad-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GadWindow, offline_banner);
  gtk_widget_class_bind_template_callback (widget_class, on_try_again);
  gtk_widget_class_bind_template_child (widget_class, GadWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GadWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, GadWindow, registry_view);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.new-client", NULL, new_client_action);
  gtk_widget_class_install_action (widget_class, "win.duties", NULL, duties_action);
  gtk_widget_class_install_action (widget_class, "win.approvals", NULL, approvals_action);
  gtk_widget_class_install_action (widget_class, "win.remote", NULL, remote_action);
  gtk_widget_class_install_action (widget_class, "win.surveys", NULL, surveys_action);
  gtk_widget_class_install_action (widget_class, "win.groups", NULL, groups_action);
  gtk_widget_class_install_action (widget_class, "win.certificates", NULL, certificates_action);
  gtk_widget_class_install_action (widget_class, "win.strategy", NULL, strategy_action);
  gtk_widget_class_install_action (widget_class, "win.audit", NULL, audit_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.setup", NULL, setup_action);
  gtk_widget_class_install_action (widget_class, "win.duplicates", NULL, duplicates_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.duties",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-client", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.view", "s",
                                       "registry");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.view", "s",
                                       "schedules");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.view", "s",
                                       "dashboards");
}

static void
gad_window_init (GadWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GadWindow *
gad_window_new (GadApplication *app,
                GadContext     *context)
{
  return g_object_new (GAD_TYPE_WINDOW, "application", app, "context", context, NULL);
}

void
gad_window_add_toast (GadWindow  *self,
                      const char *message)
{
  g_return_if_fail (GAD_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

GtkWidget *
gad_window_get_registry_view (GadWindow *self)
{
  g_return_val_if_fail (GAD_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->registry_view);
}

/* Switches to "my-work", "registry", "schedules" or "dashboards" and returns that view. */
GtkWidget *
gad_window_show_view (GadWindow  *self,
                      const char *name)
{
  g_return_val_if_fail (GAD_IS_WINDOW (self), NULL);
  adw_view_stack_set_visible_child_name (self->stack, name);
  return adw_view_stack_get_visible_child (self->stack);
}

/* Opens a client's page in the registry: where My Work, its search and a
 * dashboard's drill-down lead. */
void
gad_window_show_client (GadWindow *self,
                        gint64     person_id)
{
  g_return_if_fail (GAD_IS_WINDOW (self));
  gad_registry_view_show_person (GAD_REGISTRY_VIEW (gad_window_show_view (self, "registry")),
                                 person_id);
}
