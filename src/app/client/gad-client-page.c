/* gad-client-page.c — one client: the frame that holds the sections of their file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page reads the client's file once on the worker's thread and hands
 * it to each section (gad-client-section.h), a tab each. It keeps the
 * header: who the client is, Back, Edit and the export of their data.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-app-util.h"
#include "gad-client-applications.h"
#include "gad-client-papers.h"
#include "gad-client-case-file.h"
#include "gad-client-export.h"
#include "gad-client-history.h"
#include "gad-client-overview.h"
#include "gad-client-page.h"
#include "gad-client-services.h"
#include "gad-person-dialog.h"
#include "gad-text.h"

enum { OVERVIEW, CASE_FILE, APPLICATIONS, PAPERS, SERVICES, HISTORY, N_SECTIONS };

struct _GadClientPage
{
  AdwBin parent_instance;

  GadContext *context;
  gint64 person_id;
  GadClientFile *file;     /* shown; the sections' rows point into it */
  GCancellable *loading;   /* while it is read */

  GtkLabel *name_label;
  GtkLabel *code_label;
  GtkLabel *error_label;
  GtkLabel *basic_label;
  GtkWidget *switcher;
  AdwViewStack *stack;
  GadClientSection *sections[N_SECTIONS];
  AdwViewStackPage *pages[N_SECTIONS];
};

G_DEFINE_FINAL_TYPE (GadClientPage, gad_client_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, PROP_LOADING, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { BACK, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What needs doing, on the tabs: applications not decided yet, duties overdue. */
static void
update_badges (GadClientPage *self)
{
  GPtrArray *requests = self->file->rows[GAD_FILE_REQUESTS];
  GPtrArray *duties = self->file->rows[GAD_FILE_DUTIES];
  g_autofree char *today = gad_text_today_iso ();
  guint waiting = 0;
  gboolean overdue = FALSE;

  for (guint i = 0; requests && i < requests->len; i++)
    waiting += !g_str_equal (((GadRequest *) g_ptr_array_index (requests, i))->status, "decided");
  for (guint i = 0; duties && i < duties->len; i++)
    {
      GadDuty *d = g_ptr_array_index (duties, i);

      overdue |= g_str_equal (d->status, "open") && strcmp (d->due_on, today) < 0;
    }
  adw_view_stack_page_set_badge_number (self->pages[APPLICATIONS], waiting);
  adw_view_stack_page_set_needs_attention (self->pages[OVERVIEW], overdue);
}

/* The file shows what the signed-in role may see, and offers what it may do
 * (the store checks again on every call): without the right to read the
 * case file, only the overview's basic data. */
static void
show_file (GadClientPage *self,
           GadClientFile *file)
{
  /* The old file's rows are what the old list rows point to: they go last. */
  g_autoptr(GadClientFile) old = g_steal_pointer (&self->file);
  g_autofree char *name = gad_person_dup_full_name (file->person);
  g_autofree char *code = gad_person_dup_code_display (file->person);

  self->file = file;
  gtk_widget_set_visible (GTK_WIDGET (self->stack), TRUE);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->code_label, code);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      if (i == OVERVIEW || file->reads)
        gad_client_section_show (self->sections[i], self->context, file);
      adw_view_stack_page_set_visible (self->pages[i], i == OVERVIEW || file->reads);
    }
  if (!file->reads)
    adw_view_stack_set_visible_child_name (self->stack, "overview");
  gtk_widget_set_visible (self->switcher, file->reads);
  gtk_widget_set_visible (GTK_WIDGET (self->basic_label), !file->reads);
  if (!file->reads)
    gtk_label_set_label (self->basic_label,
                         file->role == GAD_ROLE_SOCIAL_WORKER
                         ? _("You see this client’s basic data only: they are in the care of "
                             "another department or parish.")
                         : _("Your role shows a client’s basic data only."));
  update_badges (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.edit",
                                 file->role == GAD_ROLE_SOCIAL_WORKER ? file->writes
                                                                      : file->registers);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client.export-data", file->reads);
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
  gad_loading_changed (GTK_WIDGET (self), FALSE, properties[PROP_LOADING]);
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
  gad_loading_changed (GTK_WIDGET (self), TRUE, properties[PROP_LOADING]);
}

static void
reload (GadClientPage *self)
{
  load (self, FALSE);
}

static void
on_section_failed (GadClientPage *self,
                   const char    *message)
{
  gad_show_error (self->error_label, message);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_signal_emit (widget, signals[BACK], 0);
}

/* Ctrl+Page Down and Ctrl+Page Up: the next or the previous section the
 * tabs show, as between tabs anywhere in GNOME. */
static void
turn_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GadClientPage *self = GAD_CLIENT_PAGE (widget);
  const char *shown = adw_view_stack_get_visible_child_name (self->stack);
  int step = g_str_equal (action_name, "client.next-section") ? 1 : -1;
  int at = 0;

  for (int i = 0; i < N_SECTIONS; i++)
    if (g_strcmp0 (adw_view_stack_page_get_name (self->pages[i]), shown) == 0)
      at = i;
  for (int i = at + step; i >= 0 && i < N_SECTIONS; i += step)
    if (adw_view_stack_page_get_visible (self->pages[i]))
      {
        adw_view_stack_set_visible_child_name (self->stack,
                                               adw_view_stack_page_get_name (self->pages[i]));
        return;
      }
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GadClientPage *self = GAD_CLIENT_PAGE (widget);
  GadPersonDialog *dialog;

  if (self->file == NULL)
    return;
  dialog = gad_person_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                  self->file->person);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_context_changed), self->context,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Everything stored about the client, for them. */
static void
export_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GadClientPage *self = GAD_CLIENT_PAGE (widget);

  if (self->file)
    gad_client_export_data (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                            self->file->person);
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

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  /* The sections' rows point into the file: they go first. */
  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_CLIENT_PAGE);
  g_clear_pointer (&self->file, gad_client_file_free);
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

  g_type_ensure (GAD_TYPE_CLIENT_OVERVIEW);
  g_type_ensure (GAD_TYPE_CLIENT_CASE_FILE);
  g_type_ensure (GAD_TYPE_CLIENT_APPLICATIONS);
  g_type_ensure (GAD_TYPE_CLIENT_PAPERS);
  g_type_ensure (GAD_TYPE_CLIENT_SERVICES);
  g_type_ensure (GAD_TYPE_CLIENT_HISTORY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-client-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, GadClientPage, name)
#define SECTION(i, name) \
  gtk_widget_class_bind_template_child_full (widget_class, #name, FALSE, \
                                             G_STRUCT_OFFSET (GadClientPage, sections[i])); \
  gtk_widget_class_bind_template_child_full (widget_class, #name "_page", FALSE, \
                                             G_STRUCT_OFFSET (GadClientPage, pages[i]))
  CHILD (name_label);
  CHILD (code_label);
  CHILD (error_label);
  CHILD (basic_label);
  CHILD (switcher);
  CHILD (stack);
  SECTION (OVERVIEW, overview);
  SECTION (CASE_FILE, case_file);
  SECTION (APPLICATIONS, applications);
  SECTION (PAPERS, papers);
  SECTION (SERVICES, services);
  SECTION (HISTORY, history);
#undef SECTION
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_section_failed);

  gtk_widget_class_install_action (widget_class, "client.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "client.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "client.export-data", NULL, export_data_action);
  gtk_widget_class_install_action (widget_class, "client.next-section", NULL, turn_action);
  gtk_widget_class_install_action (widget_class, "client.previous-section", NULL, turn_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "client.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "client.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "client.edit",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "client.next-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "client.previous-section", NULL);
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
  /* Another client: nothing of the one before stays on screen meanwhile,
   * and their page opens on the overview. */
  self->person_id = person_id;
  gtk_label_set_label (self->name_label, "");
  gtk_label_set_label (self->code_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->stack), FALSE);
  gtk_widget_set_visible (self->switcher, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->basic_label), FALSE);
  adw_view_stack_set_visible_child_name (self->stack, "overview");
  /* Opening a client's file is recorded: who, and when. */
  load (self, TRUE);
}

gint64
gad_client_page_get_person_id (GadClientPage *self)
{
  g_return_val_if_fail (GAD_IS_CLIENT_PAGE (self), 0);
  return self->person_id;
}
