/* gad-audit-window.c — the service's audit log, filtered, to CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change and every opening of a client's file, newest first, for the
 * whole service or one client, by staff member and period; the newest 500 are
 * listed, the CSV has them all.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-app-util.h"
#include "gad-audit-text.h"
#include "gad-audit-window.h"
#include "gad-text.h"

#define SHOWN 500

struct _GadAuditWindow
{
  AdwWindow parent_instance;

  GadContext *context;
  GStrv actors;
  GtkFileChooserNative *chooser;
  gint64 person_id;
  GCancellable *loading;    /* while the log is read */

  GtkWidget *client_box;
  GtkLabel *client_label;
  GtkDropDown *staff_dropdown;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkLabel *count_label;
  GtkListBox *log_list;
};

G_DEFINE_FINAL_TYPE (GadAuditWindow, gad_audit_window, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_LOADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The filters as the store takes them; FALSE while a date cannot be read. */
static gboolean
filters (GadAuditWindow  *self,
         const char     **actor,
         char           **from,
         char           **to)
{
  guint i = gtk_drop_down_get_selected (self->staff_dropdown);
  const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  GDate d;

  *actor = i > 0 && self->actors && i <= g_strv_length (self->actors) ? self->actors[i - 1]
                                                                       : NULL;
  *from = *from_text && gad_text_parse_date (from_text, &d) ? gad_text_iso_date (&d) : NULL;
  *to = *to_text && gad_text_parse_date (to_text, &d) ? gad_text_iso_date (&d) : NULL;
  gad_row_set_error (self->from_entry, *from_text && *from == NULL);
  gad_row_set_error (self->to_entry, *to_text && *to == NULL);
  return (*from_text == '\0' || *from) && (*to_text == '\0' || *to);
}

static void
on_client_clicked (GtkButton      *button,
                   GadAuditWindow *self)
{
  gpointer id = g_object_get_data (G_OBJECT (button), "person-id");

  gad_audit_window_set_client (self, GPOINTER_TO_SIZE (id),
                               g_object_get_data (G_OBJECT (button), "person-name"));
}

/* A row's way to the client's part of the log. */
static GtkWidget *
client_button (GadAuditWindow *self,
               GadAuditEntry  *e)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-find-symbolic");
  /* TRANSLATORS: a button on an audit row; %s is the client's name */
  g_autofree char *label = g_strdup_printf (_("Only %s"), e->person_name ? e->person_name : "");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "person-id", GSIZE_TO_POINTER ((gsize) e->person_id));
  g_object_set_data_full (G_OBJECT (button), "person-name", g_strdup (e->person_name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_client_clicked), self);
  return button;
}

/* What is read of the log, on the worker's thread, and where a CSV of it
 * goes (or NULL: the rows shown). */
typedef struct
{
  gint64 person_id;
  char *actor;
  char *from;
  char *to;
  guint limit;
  GFile *csv;
} Query;

static void
query_free (Query *q)
{
  g_free (q->actor);
  g_free (q->from);
  g_free (q->to);
  g_clear_object (&q->csv);
  g_free (q);
}

static gpointer
read_log (GadStore      *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Query *q = data;
  g_autoptr(GPtrArray) entries = gad_store_query_audit (store, q->person_id, q->actor, q->from,
                                                        q->to, q->limit, error);
  g_autofree char *csv = NULL;

  if (entries == NULL || q->csv == NULL)
    return g_steal_pointer (&entries);
  csv = gad_audit_entries_to_csv (entries);
  if (!g_file_replace_contents (q->csv, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                NULL, cancellable, error))
    return NULL;
  return g_steal_pointer (&entries);
}

/* The filters as a query; NULL while a date cannot be read. */
static Query *
query_new (GadAuditWindow *self,
           guint           limit)
{
  Query *q = g_new0 (Query, 1);
  const char *actor;

  if (!filters (self, &actor, &q->from, &q->to))
    {
      query_free (q);
      return NULL;
    }
  q->person_id = self->person_id;
  q->actor = g_strdup (actor);
  q->limit = limit;
  return q;
}

static void
on_log_read (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GadAuditWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = gad_worker_run_finish (result, &error);
  g_autofree char *count = NULL;
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  gad_loading_changed (GTK_WIDGET (self), self->loading != NULL, properties[PROP_LOADING]);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->log_list))))
    gtk_list_box_remove (self->log_list, child);
  if (entries == NULL)
    {
      gtk_label_set_label (self->count_label, error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      GadAuditEntry *e = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = gad_text_local_time (e->at, "%d.%m.%Y %H:%M");
      /* TRANSLATORS: an audit row: when, who */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), when, e->actor);
      g_autoptr(GString) what = g_string_new (NULL);
      g_autofree char *markup = NULL;

      g_string_append_printf (what, "%s%s%s", e->person_name ? e->person_name : "",
                              e->person_name ? " · " : "", gad_audit_describe (e));
      for (guint k = 0; e->changes && k < e->changes->len && k < 3; k++)
        g_string_append_printf (what, " · %s", gad_audit_field_label (
                                  ((GadAuditChange *) g_ptr_array_index (e->changes, k))->field));
      markup = g_markup_escape_text (what->str, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), markup);
      if (e->person_id && self->person_id == 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), client_button (self, e));
      gtk_list_box_append (self->log_list, row);
    }
  count = entries->len == SHOWN
            ? g_strdup_printf (_("The newest %u; the CSV has them all"), SHOWN)
            : g_strdup_printf (ngettext ("%u entry", "%u entries", entries->len), entries->len);
  gtk_label_set_label (self->count_label, count);
}

/* Reads the log as filtered now; an answer to earlier filters is dropped. */
static void
refresh (GadAuditWindow *self)
{
  Query *q;

  if (self->context == NULL || (q = query_new (self, SHOWN)) == NULL)
    return;
  g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  gad_worker_run (gad_context_get_worker (self->context), read_log, q, (GDestroyNotify) query_free,
                  (GDestroyNotify) g_ptr_array_unref, self->loading, on_log_read,
                  g_object_ref (self));
  gad_loading_changed (GTK_WIDGET (self), self->loading != NULL, properties[PROP_LOADING]);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GadAuditWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = gad_worker_run_finish (result, &error);

  if (entries == NULL)
    gtk_label_set_label (self->count_label, error->message);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    GadAuditWindow  *self)
{
  Query *q;

  if (response != GTK_RESPONSE_ACCEPT || (q = query_new (self, 0)) == NULL)
    return;
  q->csv = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gad_worker_run (gad_context_get_worker (self->context), read_log, q, (GDestroyNotify) query_free,
                  (GDestroyNotify) g_ptr_array_unref, NULL, on_exported, g_object_ref (self));
}

static void
on_export (GadAuditWindow *self)
{
  g_clear_object (&self->chooser);
  self->chooser = gad_save_chooser_show (GTK_WINDOW (self), _("Export the Audit Log"),
                                         _("_Export"), _("audit-log.csv"),
                                         G_CALLBACK (on_export_response), self);
}

static void
on_everyone (GadAuditWindow *self)
{
  gad_audit_window_set_client (self, 0, NULL);
}

static void
gad_audit_window_dispose (GObject *object)
{
  GadAuditWindow *self = GAD_AUDIT_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->chooser);
  g_clear_object (&self->context);
  g_clear_pointer (&self->actors, g_strfreev);
  G_OBJECT_CLASS (gad_audit_window_parent_class)->dispose (object);
}

static void
gad_audit_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  if (prop_id == PROP_LOADING)
    g_value_set_boolean (value, GAD_AUDIT_WINDOW (object)->loading != NULL);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gad_audit_window_class_init (GadAuditWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gad_audit_window_dispose;
  object_class->get_property = gad_audit_window_get_property;
  /* While the log is read (tests wait for it). */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                                   | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadAuditWindow, client_box);
  gtk_widget_class_bind_template_child (widget_class, GadAuditWindow, client_label);
  gtk_widget_class_bind_template_child (widget_class, GadAuditWindow, staff_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GadAuditWindow, from_entry);
  gtk_widget_class_bind_template_child (widget_class, GadAuditWindow, to_entry);
  gtk_widget_class_bind_template_child (widget_class, GadAuditWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, GadAuditWindow, log_list);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
  gtk_widget_class_bind_template_callback (widget_class, on_export);
  gtk_widget_class_bind_template_callback (widget_class, on_everyone);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_audit_window_init (GadAuditWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static gpointer
read_actors (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return gad_store_list_audit_actors (store);
}

/* Who is in the log, to filter by, comes a moment after the window. */
static void
on_actors_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GadAuditWindow) self = user_data;
  GStrv actors = gad_worker_run_finish (result, NULL);
  GtkStringList *names = GTK_STRING_LIST (gtk_drop_down_get_model (self->staff_dropdown));

  if (actors == NULL)
    return;
  g_strfreev (self->actors);
  self->actors = actors;
  /* Appended after "Everyone", chosen now: what is shown stays right. */
  gtk_string_list_splice (names, 1, g_list_model_get_n_items (G_LIST_MODEL (names)) - 1,
                          (const char * const *) actors);
}

GadAuditWindow *
gad_audit_window_new (GtkWindow  *parent,
                      GadContext *context)
{
  GadAuditWindow *self = g_object_new (GAD_TYPE_AUDIT_WINDOW, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("Everyone"), NULL });

  gtk_drop_down_set_model (self->staff_dropdown, G_LIST_MODEL (names));
  self->context = g_object_ref (context);
  gad_worker_run (gad_context_get_worker (context), read_actors, NULL, NULL,
                  (GDestroyNotify) g_strfreev, NULL, on_actors_read, g_object_ref (self));
  refresh (self);
  return self;
}

/**
 * gad_audit_window_set_client:
 * @person_id: the client whose part of the log is shown; 0 for the whole service
 * @name: (nullable): their name, as the filter shows it
 */
void
gad_audit_window_set_client (GadAuditWindow *self,
                             gint64          person_id,
                             const char     *name)
{
  g_autofree char *text = NULL;

  self->person_id = person_id;
  /* TRANSLATORS: the audit log's client filter; %s is the client's name */
  text = g_strdup_printf (_("Only what concerns %s"), name ? name : "");
  gtk_label_set_label (self->client_label, text);
  gtk_widget_set_visible (self->client_box, person_id != 0);
  refresh (self);
}
