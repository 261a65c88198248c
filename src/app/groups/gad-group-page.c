/* gad-group-page.c — one group: its kind, whom it is for, who takes part, its programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Schedules do not say of a group: its kind and target group, those
 * taking part who are not clients (counted by gender and age group), the
 * clients on its list, its feedback, and a row a session with its plan and
 * who came, which opens the session. Read and saved on the worker's thread;
 * a refused save keeps the counts typed.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-group-others.h"
#include "gad-group-page.h"
#include "gad-group-session-dialog.h"
#include "gad-survey-entry-window.h"
#include "gad-text.h"

struct _GadGroupPage
{
  AdwBin parent_instance;

  GadContext *context;
  GCancellable *loading;
  gint64 entry_id;
  GadGroup *group;        /* as read */
  gint64 feedback_survey; /* the newest survey tied to it, or 0 */

  GtkLabel *title_label;
  GtkLabel *summary_label;
  GtkLabel *error_label;
  AdwComboRow *form_row;
  AdwComboRow *target_row;
  GadGroupOthers *others;
  GtkWidget *save_button;
  AdwActionRow *clients_row;
  AdwActionRow *feedback_row;
  GtkWidget *type_in_button;
  GtkWidget *new_survey_button;
  GtkListBox *sessions_list;
};

G_DEFINE_FINAL_TYPE (GadGroupPage, gad_group_page, ADW_TYPE_BIN)

typedef struct
{
  GadGroup *group;
  GPtrArray *clients;     /* GadAttendance: the names */
  gint64 survey_id;
} Loaded;

static void
loaded_free (Loaded *l)
{
  gad_group_free (l->group);
  g_clear_pointer (&l->clients, g_ptr_array_unref);
  g_free (l);
}

static gpointer
read_group (GadStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GadGroup) group = gad_store_get_group (store, *(gint64 *) data, error);
  g_autoptr(GPtrArray) surveys = NULL;
  Loaded *l;

  if (group == NULL)
    return NULL;
  l = g_new0 (Loaded, 1);
  l->clients = gad_store_list_attendance (store, group->entry_id, group->start_date, error);
  surveys = gad_store_list_surveys (store, NULL);
  for (guint i = 0; surveys && i < surveys->len; i++)
    if (((GadSurvey *) surveys->pdata[i])->group_entry_id == group->entry_id)
      l->survey_id = MAX (l->survey_id, ((GadSurvey *) surveys->pdata[i])->id);
  l->group = g_steal_pointer (&group);
  if (l->clients == NULL)
    g_clear_pointer (&l, loaded_free);
  return l;
}

/* Held, as the yearly figures count it: recorded done, or someone came. */
static const char *
status_text (const GadGroupSession *s)
{
  return g_str_equal (s->status, "cancelled") ? _("Cancelled")
         : g_str_equal (s->status, "done") || s->clients_present > 0 || s->others_present > 0
         ? _("Held")
         : g_str_equal (s->status, "missed") ? _("Missed") : _("Planned");
}

static void
on_session (AdwActionRow *row,
            GadGroupPage *self)
{
  GadGroupSession *s = g_object_get_data (G_OBJECT (row), "session");

  gtk_window_present (GTK_WINDOW (gad_group_session_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context, self->group, s)));
}

static GtkWidget *
session_row (GadGroupPage    *self,
             GadGroupSession *s)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = gad_text_format_date (s->date);
  g_autofree char *title = g_strdup_printf ("%s · %s", date, *s->topic ? s->topic
                                                                      : _("No plan yet"));
  g_autofree char *came = NULL, *subtitle = NULL;

  if (s->others_present > 0)
    /* TRANSLATORS: who came to a group's session */
    came = g_strdup_printf (ngettext ("%d client and %d others came", "%d clients and %d others came",
                                      s->clients_present),
                            s->clients_present, s->others_present);
  else
    came = g_strdup_printf (ngettext ("%d client came", "%d clients came", s->clients_present),
                            s->clients_present);
  subtitle = g_strdup_printf ("%s · %s", status_text (s), came);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "session", s);
  g_signal_connect (row, "activated", G_CALLBACK (on_session), self);
  return row;
}

static void
clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
show_feedback (GadGroupPage *self)
{
  GadGroup *g = self->group;
  g_autofree char *text = NULL;
  GadStore *store = gad_context_get_store (self->context);
  gboolean head = gad_store_can (store, GAD_RIGHT_DASHBOARDS, 0);

  if (g->has_feedback)
    {
      g_autofree char *mean = gad_text_format_decimal (g->feedback_mean, 2);

      text = g_strdup_printf (ngettext ("%d questionnaire, mean %s of 5",
                                        "%d questionnaires, mean %s of 5", g->feedback_responses),
                              g->feedback_responses, mean);
    }
  else
    text = g_strdup_printf (ngettext ("%d questionnaire", "%d questionnaires", g->feedback_responses),
                            g->feedback_responses);
  adw_action_row_set_subtitle (self->feedback_row,
                               self->feedback_survey ? text : _("No feedback questionnaire yet"));
  gtk_widget_set_visible (self->type_in_button, self->feedback_survey != 0
                          && (head || gad_store_can (store, GAD_RIGHT_REGISTER, 0)));
  gtk_widget_set_visible (self->new_survey_button, self->feedback_survey == 0 && head);
}

static void
show_group (GadGroupPage *self)
{
  GadGroup *g = self->group;
  g_autofree char *from = gad_text_format_date (g->start_date);
  g_autofree char *to = g->until_date ? gad_text_format_date (g->until_date) : g_strdup ("…");
  g_autofree char *held = g_strdup_printf (ngettext ("%d session held", "%d sessions held",
                                                     g->sessions_held), g->sessions_held);
  g_autofree char *summary = g_strdup_printf ("%s · %s–%s · %s", g->leader, from, to, held);
  guint n, form = 0, target = 0;
  const GadCatalogEntry *forms = gad_catalog_entries (GAD_CATALOG_GROUP_FORM, &n);
  const GadCatalogEntry *targets;

  for (guint i = 0; i < n; i++)
    form = g_str_equal (forms[i].code, g->form) ? i : form;
  targets = gad_catalog_entries (GAD_CATALOG_TARGET_GROUP, &n);
  for (guint i = 0; i < n; i++)
    target = g_str_equal (targets[i].code, g->target_group) ? i + 1 : target;
  gtk_label_set_label (self->title_label, g->title);
  gtk_label_set_label (self->summary_label, summary);
  adw_combo_row_set_selected (self->form_row, form);
  adw_combo_row_set_selected (self->target_row, target);
  gad_group_others_set (self->others, (const int (*)[GAD_GROUP_AGE_GROUPS]) g->others);
  clear (self->sessions_list);
  for (guint i = 0; i < g->sessions->len; i++)
    gtk_list_box_append (self->sessions_list, session_row (self, g->sessions->pdata[i]));
  show_feedback (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_sensitive (self->save_button, TRUE);
}

/* "7 clients on the list", and their names. */
static void
show_clients (GadGroupPage *self,
              GPtrArray    *clients)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *title = g_strdup_printf (ngettext ("%u client on the list",
                                                      "%u clients on the list", clients->len),
                                            clients->len);

  for (guint i = 0; i < clients->len; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", ((GadAttendance *) clients->pdata[i])->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->clients_row), title);
  adw_action_row_set_subtitle (self->clients_row, names->str);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GadGroupPage) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *l = gad_worker_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (l == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  g_clear_pointer (&self->group, gad_group_free);
  self->group = g_steal_pointer (&l->group);
  self->feedback_survey = l->survey_id;
  show_clients (self, l->clients);
  show_group (self);
  loaded_free (l);
}

static void
reload (GadGroupPage *self)
{
  if (self->entry_id == 0)
    return;
  g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  gad_worker_run (gad_context_get_worker (self->context), read_group,
                  g_memdup2 (&self->entry_id, sizeof self->entry_id), g_free,
                  (GDestroyNotify) loaded_free, self->loading, on_loaded, g_object_ref (self));
}

static gpointer
save_group (GadStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return GINT_TO_POINTER (gad_store_save_group (store, data, error));
}

static gpointer
make_survey (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return GINT_TO_POINTER (gad_store_save_survey (store, data, error));
}

static void
on_saved (GtkWidget    *widget,
          gpointer      result,
          const GError *error)
{
  GadGroupPage *self = GAD_GROUP_PAGE (widget);

  if (error)
    gad_show_error (self->error_label, error->message);
  else
    gad_context_changed (self->context);
}

static void
on_save (GadGroupPage *self)
{
  guint n;
  const GadCatalogEntry *forms = gad_catalog_entries (GAD_CATALOG_GROUP_FORM, &n);
  const GadCatalogEntry *targets = gad_catalog_entries (GAD_CATALOG_TARGET_GROUP, &n);
  guint target = adw_combo_row_get_selected (self->target_row);
  GadGroup *g;

  if (self->group == NULL)
    return;
  g = gad_group_copy (self->group);
  g_free (g->form);
  g->form = g_strdup (forms[adw_combo_row_get_selected (self->form_row)].code);
  g_free (g->target_group);
  g->target_group = g_strdup (target > 0 && target <= n ? targets[target - 1].code : "");
  gad_group_others_get (self->others, g->others);
  gad_dialog_save (GTK_WIDGET (self), self->save_button, self->error_label, self->context,
                   save_group, g, (GDestroyNotify) gad_group_free, NULL, on_saved);
}

static void
on_type_in (GadGroupPage *self)
{
  gtk_window_present (GTK_WINDOW (gad_survey_entry_window_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->context, self->feedback_survey)));
}

/* The head makes the group's short feedback questionnaire, to type in. */
static void
on_new_survey (GadGroupPage *self)
{
  if (self->group == NULL)
    return;
  gad_dialog_save (GTK_WIDGET (self), self->new_survey_button, self->error_label, self->context,
                   make_survey, gad_group_feedback_survey (self->group),
                   (GDestroyNotify) gad_survey_free, NULL, on_saved);
}

static void
gad_group_page_dispose (GObject *object)
{
  GadGroupPage *self = GAD_GROUP_PAGE (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_GROUP_PAGE);
  g_clear_pointer (&self->group, gad_group_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_group_page_parent_class)->dispose (object);
}

static void
gad_group_page_class_init (GadGroupPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (GAD_TYPE_GROUP_OTHERS);
  G_OBJECT_CLASS (klass)->dispose = gad_group_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-group-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GadGroupPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, GadGroupPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GadGroupPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadGroupPage, form_row);
  gtk_widget_class_bind_template_child (widget_class, GadGroupPage, target_row);
  gtk_widget_class_bind_template_child (widget_class, GadGroupPage, others);
  gtk_widget_class_bind_template_child (widget_class, GadGroupPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, GadGroupPage, clients_row);
  gtk_widget_class_bind_template_child (widget_class, GadGroupPage, feedback_row);
  gtk_widget_class_bind_template_child (widget_class, GadGroupPage, type_in_button);
  gtk_widget_class_bind_template_child (widget_class, GadGroupPage, new_survey_button);
  gtk_widget_class_bind_template_child (widget_class, GadGroupPage, sessions_list);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_type_in);
  gtk_widget_class_bind_template_callback (widget_class, on_new_survey);
}

static void
gad_group_page_init (GadGroupPage *self)
{
  g_autoptr(GListModel) forms = NULL;
  g_autoptr(GtkStringList) targets = gtk_string_list_new (NULL);
  guint n;
  const GadCatalogEntry *entries = gad_catalog_entries (GAD_CATALOG_TARGET_GROUP, &n);

  gtk_widget_init_template (GTK_WIDGET (self));
  forms = gad_catalog_model (GAD_CATALOG_GROUP_FORM);
  adw_combo_row_set_model (self->form_row, forms);
  gtk_string_list_append (targets, _("None named"));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (targets, _(entries[i].name));
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (targets));
  gtk_widget_set_sensitive (self->save_button, FALSE);
}

GadGroupPage *
gad_group_page_new (GadContext *context)
{
  GadGroupPage *self = g_object_new (GAD_TYPE_GROUP_PAGE, NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  return self;
}

/* Reads and shows the group of the schedule entry @entry_id. */
void
gad_group_page_show (GadGroupPage *self,
                     gint64        entry_id)
{
  self->entry_id = entry_id;
  reload (self);
}
