/* gad-my-work-view.c — My Work: what is due for the signed-in staff member
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A social worker's own clients' duties, plan tasks and reviews, quiet
 * cases and today's visits; a head's for the whole service, with the
 * approvals waiting (gad-my-work.c). Overdue first, in red; a row opens
 * its client. A view of the window, and a social worker's start page; it
 * is read again when something changes, once it is shown. Above it, the
 * search in the records of one's own cases (GadRecordSearch).
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-my-work.h"
#include "gad-my-work-view.h"
#include "gad-record-search.h"
#include "gad-text.h"
#include "gad-window.h"

struct _GadMyWorkView
{
  AdwBin parent_instance;

  GadContext *context;
  gboolean stale;                /* changed while not shown */

  GtkLabel *title;
  GtkLabel *subtitle;
  GtkListBox *items_list;
  GtkStack *stack;
  GadRecordSearch *record_search;
};

G_DEFINE_FINAL_TYPE (GadMyWorkView, gad_my_work_view, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  GadMyWorkView *self)
{
  GtkRoot *window = gtk_widget_get_root (GTK_WIDGET (self));
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));

  if (GAD_IS_WINDOW (window))
    gad_window_show_client (GAD_WINDOW (window), person);
}

/* Words typed in the search: its answer in place of what is due. */
static void
on_search_active (GadMyWorkView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->stack),
                          !gad_record_search_is_active (self->record_search));
}

static const char *
kind_label (GadDueKind kind)
{
  switch (kind)
    {
    case GAD_DUE_DUTY:
      return _("Co-operation duty");
    case GAD_DUE_QUIET_CASE:
      return _("Case without a record for 60 days");
    case GAD_DUE_VISIT:
      return _("Today");
    case GAD_DUE_TASK:
      return _("Task in the plan");
    case GAD_DUE_REVIEW:
      return _("Plan review");
    case GAD_DUE_TRANSFER:
      return _("Case transfer");
    case GAD_DUE_HOME_CARE:
      return _("Remote farmstead");
    case GAD_DUE_APPROVAL:
    default:
      return _("Waiting for approval");
    }
}

static void
show_items (GadMyWorkView *self,
            GPtrArray     *items)
{
  guint overdue = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_list))))
    gtk_list_box_remove (self->items_list, child);
  for (guint i = 0; i < items->len; i++)
    {
      GadDueItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *due = gad_text_format_date (item->due_on);
      /* TRANSLATORS: an item in My Work: client · what kind · the day */
      g_autofree char *subtitle = g_strdup_printf (item->overdue ? _("%s · %s · overdue since %s")
                                                   : item->kind == GAD_DUE_TRANSFER
                                                     || item->kind == GAD_DUE_HOME_CARE
                                                   ? _("%s · %s · %s")
                                                   : _("%s · %s · due %s"),
                                                   item->person, kind_label (item->kind), due);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->what);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "person-id", GSIZE_TO_POINTER (item->person_id));
      if (item->overdue)
        {
          gtk_widget_add_css_class (row, "error");
          overdue++;
        }
      gtk_list_box_append (self->items_list, row);
    }
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  if (items->len > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u Due, %u Overdue",
                                                          "%u Due, %u Overdue", items->len),
                                                items->len, overdue);
      gtk_label_set_label (self->title, title);
    }
}

/* Once a day, the desktop is told what is due today or overdue; its click
 * brings My Work up. */
static void
notify_due (GadMyWorkView *self,
            GPtrArray     *items)
{
  GSettings *settings = gad_context_get_settings (self->context);
  GApplication *app = g_application_get_default ();
  g_autofree char *today = gad_text_today_iso ();
  g_autofree char *last = g_settings_get_string (settings, "my-work-notified-on");
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  guint due = 0, overdue = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GadDueItem *item = g_ptr_array_index (items, i);

      overdue += item->overdue;
      due += !item->overdue && g_strcmp0 (item->due_on, today) == 0;
    }
  if (app == NULL || due + overdue == 0 || g_strcmp0 (last, today) == 0)
    return;
  /* TRANSLATORS: a notification's text: items due today, then how many are overdue */
  body = g_strdup_printf (ngettext ("%u item due today, %u overdue",
                                    "%u items due today, %u overdue", due), due, overdue);
  notification = g_notification_new (_("My Work"));
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.my-work");
  g_application_send_notification (app, "my-work", notification);
  g_settings_set_string (settings, "my-work-notified-on", today);
}

static gpointer
read_items (GadStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *today = gad_text_today_iso ();

  return gad_my_work (store, today, error);
}

static void
on_items_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GadMyWorkView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = gad_worker_run_finish (result, &error);

  if (items)
    {
      show_items (self, items);
      notify_due (self, items);
    }
  else
    {
      gtk_label_set_label (self->subtitle, error->message);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
}

/* The list is read on the worker's thread. */
static void
fill (GadMyWorkView *self)
{
  GadStore *store = gad_context_get_store (self->context);

  /* Only those who keep cases search their records. */
  gtk_widget_set_visible (GTK_WIDGET (self->record_search),
                          gad_role_allows (gad_store_get_role (store), GAD_RIGHT_READ_CLIENT, TRUE));
  /* A social worker's own; a head's the whole service's. */
  gtk_label_set_label (self->subtitle, gad_store_get_role (store) == GAD_ROLE_SOCIAL_WORKER
                                         ? gad_store_actor_name (store) : _("All clients"));
  gad_worker_run (gad_context_get_worker (self->context), read_items, NULL, NULL,
                  (GDestroyNotify) g_ptr_array_unref, NULL, on_items_read, g_object_ref (self));
}

/* Read now if shown, else when next shown. */
static void
on_data_changed (GadMyWorkView *self)
{
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale && gad_store_can (gad_context_get_store (self->context),
                                     GAD_RIGHT_READ_CLIENT, 0))
    fill (self);
}

static void
gad_my_work_view_map (GtkWidget *widget)
{
  GadMyWorkView *self = GAD_MY_WORK_VIEW (widget);

  GTK_WIDGET_CLASS (gad_my_work_view_parent_class)->map (widget);
  if (self->stale && self->context)
    on_data_changed (self);
}

static void
gad_my_work_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, GAD_MY_WORK_VIEW (object)->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_my_work_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GadMyWorkView *self = GAD_MY_WORK_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (g_set_object (&self->context, g_value_get_object (value)) && self->context)
        {
          g_signal_connect_object (self->context, "changed", G_CALLBACK (on_data_changed), self,
                                   G_CONNECT_SWAPPED);
          gad_record_search_set_context (self->record_search, self->context);
          self->stale = TRUE;
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_my_work_view_dispose (GObject *object)
{
  GadMyWorkView *self = GAD_MY_WORK_VIEW (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_my_work_view_parent_class)->dispose (object);
}

static void
gad_my_work_view_class_init (GadMyWorkViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gad_my_work_view_dispose;
  object_class->get_property = gad_my_work_view_get_property;
  object_class->set_property = gad_my_work_view_set_property;
  widget_class->map = gad_my_work_view_map;
  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, GAD_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-my-work-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GadMyWorkView, title);
  gtk_widget_class_bind_template_child (widget_class, GadMyWorkView, subtitle);
  gtk_widget_class_bind_template_child (widget_class, GadMyWorkView, items_list);
  gtk_widget_class_bind_template_child (widget_class, GadMyWorkView, stack);
  gtk_widget_class_bind_template_child (widget_class, GadMyWorkView, record_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_active);
}

static void
gad_my_work_view_init (GadMyWorkView *self)
{
  g_type_ensure (GAD_TYPE_RECORD_SEARCH);
  gtk_widget_init_template (GTK_WIDGET (self));
}
