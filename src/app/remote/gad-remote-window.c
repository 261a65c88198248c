/* gad-remote-window.c — lone pensioners on remote farmsteads: the register
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three lists: whose visit is due (or overdue), everyone on the register,
 * and whom the rules propose. A row says where the person lives, when the
 * next visit is, what the last one found, and whether they need home care;
 * its buttons record a visit, set where they live, take them off, or put a
 * proposed person on. The header opens the day's route and imports the
 * addresses' coordinates.
 * Counts by parish head the list. Everything is read and saved on the
 * worker's thread.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-app-util.h"
#include "gad-places.h"
#include "gad-remote-visit-dialog.h"
#include "gad-remote-window.h"
#include "gad-route-window.h"
#include "gad-text.h"

struct _GadRemoteWindow
{
  AdwWindow parent_instance;

  GadContext *context;
  GCancellable *loading;
  GPtrArray *people;    /* shown; the rows' buttons point into it */

  GtkToggleButton *due_button;
  GtkToggleButton *proposed_button;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkLabel *summary_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (GadRemoteWindow, gad_remote_window, ADW_TYPE_WINDOW)

static void fill (GadRemoteWindow *self);

typedef struct
{
  enum { READ_DUE, READ_ALL, READ_PROPOSED, ADD, END } kind;
  gint64 person_id;
} Job;

static gpointer
run_job (GadStore      *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *job = data;
  g_autofree char *today = gad_text_today_iso ();

  switch (job->kind)
    {
    case READ_DUE:
      return gad_store_remote_list (store, today, error);
    case READ_ALL:
      return gad_store_remote_list (store, NULL, error);
    case READ_PROPOSED:
      return gad_store_remote_proposals (store, error);
    case ADD:
      return GINT_TO_POINTER (gad_store_remote_add (store, job->person_id, NULL,
                                                    GAD_REMOTE_INTERVAL_MONTHS, error));
    default:
      return GINT_TO_POINTER (gad_store_remote_end (store, job->person_id, error));
    }
}

static void
on_changed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GadRemoteWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (gad_worker_run_finish (result, &error))
    gad_context_changed (self->context);     /* reads the list again too */
  else
    gad_window_toast (GTK_WIDGET (self), error->message);
}

static void
change (GadRemoteWindow *self,
        int              kind,
        gint64           person_id)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->person_id = person_id;
  gad_worker_run (gad_context_get_worker (self->context), run_job, job, g_free, NULL, NULL,
                  on_changed, g_object_ref (self));
}

static GadRemotePerson *
person_of (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "person");
}

static void
on_add (GtkButton       *button,
        GadRemoteWindow *self)
{
  change (self, ADD, person_of (GTK_WIDGET (button))->person_id);
}

static void
on_visit (GtkButton       *button,
          GadRemoteWindow *self)
{
  GadRemoteVisitDialog *dialog = gad_remote_visit_dialog_new (GTK_WINDOW (self), self->context,
                                                              person_of (GTK_WIDGET (button)));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_context_changed), self->context,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_end_response (AdwMessageDialog *dialog,
                 const char       *response,
                 GadRemoteWindow  *self)
{
  if (g_str_equal (response, "end"))
    change (self, END, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person-id")));
}

/* Taken off for good reason (moved, into care, died): asked first. */
static void
on_end (GtkButton       *button,
        GadRemoteWindow *self)
{
  GadRemotePerson *r = person_of (GTK_WIDGET (button));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self), _("Take Off the Register?"), NULL));

  adw_message_dialog_format_body (dialog, _("%s is visited no more. The register’s history "
                                            "keeps their visits."), r->name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "end", _("_Take Off"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "end", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "person-id", GSIZE_TO_POINTER (r->person_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_end_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_place (GtkButton       *button,
          GadRemoteWindow *self)
{
  gad_places_edit (GTK_WINDOW (self), self->context, person_of (GTK_WIDGET (button)));
}

static void
on_route (GadRemoteWindow *self)
{
  GadStore *store = gad_context_get_store (self->context);

  gtk_window_present (GTK_WINDOW (gad_route_window_new (GTK_WINDOW (self), self->context,
                                                        gad_store_actor_id (store))));
}

static void
on_import (GadRemoteWindow *self)
{
  gad_places_import (GTK_WINDOW (self), self->context);
}

static GtkWidget *
row_button (GtkWidget       *row,
            GadRemotePerson *r,
            const char      *label,
            GCallback        callback,
            GadRemoteWindow *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "person", r);
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

/* "Next visit 04.03.2027 · last 04.12.2026, visited · Mobility, Food" */
static char *
visits_text (GadRemotePerson *r,
             const char      *today)
{
  g_autofree char *next = gad_text_format_date (r->next_due);
  g_autofree char *last = gad_text_format_date (r->last_visit);
  g_auto(GStrv) codes = g_strsplit (r->risks, ",", -1);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, strcmp (r->next_due, today) < 0 ? _("Overdue since %s")
                                                                   : _("Next visit %s"), next);
  if (r->last_visit)
    g_string_append_printf (text, _(" · last %s, %s"), last,
                            g_str_equal (r->last_outcome, "visited") ? _("visited")
                            : g_str_equal (r->last_outcome, "refused") ? _("refused")
                                                                       : _("not at home"));
  for (guint i = 0; codes[i] && *codes[i]; i++)
    g_string_append_printf (text, i ? ", %s" : " · %s", gad_remote_risk_name (codes[i]));
  return g_string_free (text, FALSE);
}

static void
show_people (GadRemoteWindow *self,
             GPtrArray       *people)
{
  gboolean proposed = gtk_toggle_button_get_active (self->proposed_button);
  g_autoptr(GHashTable) parishes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) names = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *today = gad_text_today_iso ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = people;
  for (guint i = 0; i < people->len; i++)
    {
      GadRemotePerson *r = g_ptr_array_index (people, i);
      GtkWidget *row = adw_action_row_new ();
      /* The parish once: addresses name it already as a rule. */
      gboolean named = !*r->parish || g_str_has_suffix (r->address, r->parish);
      g_autofree char *where = g_strdup_printf ("%s%s%s%s", r->address, named ? "" : " · ",
                                                named ? "" : r->parish,
                                                r->place_source == NULL ? _(" · where not known")
                                                : g_str_equal (r->place_source, "estimate")
                                                ? _(" · at the parish centre") : "");
      g_autofree char *visits = proposed ? NULL : visits_text (r, today);
      g_autofree char *subtitle = proposed ? g_strdup (where)
                                           : g_strdup_printf ("%s\n%s", where, visits);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (parishes, r->parish));

      g_hash_table_insert (parishes, r->parish, GUINT_TO_POINTER (n + 1));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      if (proposed)
        row_button (row, r, _("_Add to Register"), G_CALLBACK (on_add), self);
      else
        {
          GtkWidget *end;

          if (gad_remote_needs_home_care (r->risks))
            {
              GtkWidget *label = gtk_label_new (r->home_care_proposed ? _("Home care proposed")
                                                                      : _("Needs home care"));

              gtk_widget_add_css_class (label, r->home_care_proposed ? "dim-label" : "warning");
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
            }
          row_button (row, r, _("_Visit…"), G_CALLBACK (on_visit), self);
          end = row_button (row, r, "", G_CALLBACK (on_place), self);
          gtk_button_set_icon_name (GTK_BUTTON (end), "mark-location-symbolic");
          gtk_widget_set_tooltip_text (end, _("Where they live"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (end), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Where they live"), -1);
          gtk_widget_add_css_class (end, "flat");
          end = row_button (row, r, "", G_CALLBACK (on_end), self);
          gtk_button_set_icon_name (GTK_BUTTON (end), "list-remove-symbolic");
          gtk_widget_set_tooltip_text (end, _("Take off the register"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (end), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Take off the register"), -1);
          gtk_widget_add_css_class (end, "flat");
        }
      gtk_list_box_append (self->list, row);
    }
  /* TRANSLATORS: the number of persons listed, before the counts by parish */
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u person", "%u persons",
                                                people->len), people->len);
  names = g_list_sort (g_hash_table_get_keys (parishes), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l; l = l->next)
    g_string_append_printf (summary, "%s%s %u", l == names ? ": " : " · ",
                            *(char *) l->data ? (char *) l->data : _("no parish"),
                            GPOINTER_TO_UINT (g_hash_table_lookup (parishes, l->data)));
  gtk_label_set_label (self->summary_label, summary->str);
  adw_status_page_set_title (self->empty_page, proposed ? _("Nobody Else to Propose")
                                                        : _("Nobody Is Due"));
  adw_status_page_set_description (self->empty_page,
                                   proposed ? _("Everyone the rules propose is on the register.")
                                            : _("No visit to a remote farmstead is due today."));
  gtk_stack_set_visible_child_name (self->stack, people->len ? "list" : "empty");
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GadRemoteWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *people = gad_worker_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (people == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Register Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_people (self, people);
}

static void
fill (GadRemoteWindow *self)
{
  Job *job = g_new0 (Job, 1);

  job->kind = gtk_toggle_button_get_active (self->due_button) ? READ_DUE
              : gtk_toggle_button_get_active (self->proposed_button) ? READ_PROPOSED : READ_ALL;
  g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  gad_worker_run (gad_context_get_worker (self->context), run_job, job, g_free,
                  (GDestroyNotify) g_ptr_array_unref, self->loading, on_loaded,
                  g_object_ref (self));
}

static void
on_filter (GadRemoteWindow *self,
           GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    fill (self);
}

static void
gad_remote_window_dispose (GObject *object)
{
  GadRemoteWindow *self = GAD_REMOTE_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_REMOTE_WINDOW);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_remote_window_parent_class)->dispose (object);
}

static void
gad_remote_window_class_init (GadRemoteWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_remote_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-remote-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadRemoteWindow, due_button);
  gtk_widget_class_bind_template_child (widget_class, GadRemoteWindow, proposed_button);
  gtk_widget_class_bind_template_child (widget_class, GadRemoteWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GadRemoteWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GadRemoteWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GadRemoteWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, on_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_route);
  gtk_widget_class_bind_template_callback (widget_class, on_import);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_remote_window_init (GadRemoteWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GadRemoteWindow *
gad_remote_window_new (GtkWindow  *parent,
                       GadContext *context)
{
  GadRemoteWindow *self = g_object_new (GAD_TYPE_REMOTE_WINDOW, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  fill (self);
  return self;
}
