/* gad-entry-dialog.c — add or change a schedule entry; record one occurrence
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While the user types, the store works out what the entry would conflict
 * with (without saving) and the dialog lists it; saving over a conflict
 * takes a reason, which the audit log keeps. Opened on one occurrence, the
 * dialog also marks it done or missed, or cancels just that one.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gad-app-util.h"
#include "gad-entry-dialog.h"
#include "gad-groups-window.h"
#include "gad-schedule-export.h"
#include "gad-text.h"

static const char *kinds[] = { "visit", "appointment", "reception", "group" };

struct _GadEntryDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  GadEntry *entry;             /* what was opened (id 0 for a new one) */
  GadOccurrence *occurrence;   /* the occurrence it was opened on, or NULL */
  gint64 client_id;
  char *client_name;           /* as shown for the chosen client */
  GCancellable *checking;      /* the conflicts, while they are read */
  GCancellable *finding;       /* a client, while searched for or read */
  GArray *staff_ids;
  GArray *office_ids;
  GArray *plan_ids;
  GArray *found_ids;
  GtkToggleButton *weekdays[7];
  guint check_source;
  gboolean conflicting;

  GtkButton *save_button;
  GtkLabel *error_label;
  GtkListBox *conflicts_list;
  AdwEntryRow *reason_row;
  AdwComboRow *kind_row;
  AdwComboRow *staff_row;
  AdwEntryRow *client_row;
  GtkListBox *client_results;
  AdwComboRow *plan_row;
  AdwComboRow *office_row;
  AdwEntryRow *title_row;
  AdwEntryRow *date_row;
  AdwEntryRow *time_row;
  GtkSpinButton *minutes_spin;
  GtkBox *weekdays_box;
  AdwEntryRow *until_row;
  AdwEntryRow *note_row;
  AdwPreferencesGroup *occurrence_group;
  GtkSpinButton *done_spin;
  AdwEntryRow *why_row;
  AdwPreferencesGroup *attendance_group;
  GtkWidget *group_work_button;
  GtkListBox *attendance_list;
};

G_DEFINE_FINAL_TYPE (GadEntryDialog, gad_entry_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
kind (GadEntryDialog *self)
{
  return kinds[MIN (adw_combo_row_get_selected (self->kind_row), G_N_ELEMENTS (kinds) - 1)];
}

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  guint i = adw_combo_row_get_selected (row);

  return i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

/* The entry as the fields have it; FALSE when a field cannot be read. */
static gboolean
read_fields (GadEntryDialog *self,
             GadEntry       *e)
{
  g_autofree char *date = gad_date_row_get_iso (self->date_row);
  const char *until_text = gtk_editable_get_text (GTK_EDITABLE (self->until_row));
  g_autofree char *until = gad_date_row_get_iso (self->until_row);
  int minute = 0;
  gboolean time_ok = gad_minute_parse (gtk_editable_get_text (GTK_EDITABLE (self->time_row)),
                                       &minute);
  gboolean until_ok = *until_text == '\0' || until != NULL;

  gad_row_set_error (self->date_row, date == NULL);
  gad_row_set_error (self->time_row, !time_ok);
  gad_row_set_error (self->until_row, !until_ok);
  *e = (GadEntry) { 0 };
  e->id = self->entry->id;
  e->version = self->entry->version;
  e->kind = g_strdup (kind (self));
  e->staff_id = selected_id (self->staff_row, self->staff_ids);
  e->person_id = g_str_equal (e->kind, "visit") || g_str_equal (e->kind, "appointment")
                   ? self->client_id : 0;
  e->plan_id = g_str_equal (e->kind, "visit") ? selected_id (self->plan_row, self->plan_ids) : 0;
  e->territory_id = g_str_equal (e->kind, "reception") || g_str_equal (e->kind, "appointment")
                      ? selected_id (self->office_row, self->office_ids) : 0;
  e->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  e->start_date = g_steal_pointer (&date);
  e->start_minute = minute;
  e->minutes = gtk_spin_button_get_value_as_int (self->minutes_spin);
  for (int d = 0; d < 7; d++)
    if (gtk_toggle_button_get_active (self->weekdays[d]))
      e->weekdays |= 1u << d;
  e->until_date = g_steal_pointer (&until);
  e->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  e->override_reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  return e->start_date != NULL && time_ok && until_ok;
}

static void
validate (GadEntryDialog *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (
                                          GTK_EDITABLE (self->reason_row))));
  GadEntry e;
  gboolean ok = read_fields (self, &e);

  gad_entry_clear (&e);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), self->conflicting);
  gtk_button_set_label (self->save_button, self->conflicting ? _("Save _Anyway") : _("_Save"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            ok && (!self->conflicting || *reason != '\0'));
}

/* What the entry would conflict with, as the user types: read on the
 * worker's thread; an answer to what was typed before is dropped. */
static gpointer
read_conflicts (GadStore      *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return gad_store_entry_conflicts (store, data, error);
}

static void
on_conflicts_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GadEntryDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = gad_worker_run_finish (result, &error);
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_list))))
    gtk_list_box_remove (self->conflicts_list, child);
  self->conflicting = conflicts && conflicts->len > 0;
  for (guint i = 0; conflicts && i < conflicts->len; i++)
    {
      GadConflict *c = g_ptr_array_index (conflicts, i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *title = g_markup_escape_text (c->message, -1);

      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (row, icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (row, 4);
      gtk_list_box_append (self->conflicts_list, GTK_WIDGET (row));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_list), self->conflicting);
  validate (self);
}

/* Fields not complete: nothing to conflict with yet. */
static void
on_conflicts_read_none (GadEntryDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_list))))
    gtk_list_box_remove (self->conflicts_list, child);
  self->conflicting = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_list), FALSE);
  validate (self);
}

static gboolean
check (gpointer data)
{
  GadEntryDialog *self = data;
  GadEntry *e = g_new0 (GadEntry, 1);

  self->check_source = 0;
  g_cancellable_cancel (self->checking);
  g_set_object (&self->checking, g_cancellable_new ());
  if (!read_fields (self, e))
    {
      gad_entry_free (e);
      on_conflicts_read_none (self);
      return G_SOURCE_REMOVE;
    }
  gad_worker_run (gad_context_get_worker (self->context), read_conflicts, e,
                  (GDestroyNotify) gad_entry_free, (GDestroyNotify) g_ptr_array_unref,
                  self->checking, on_conflicts_read, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_check (GadEntryDialog *self)
{
  if (self->context == NULL)
    return;
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (150, check, self);
  validate (self);
}

static void
fill_plans (GadEntryDialog *self,
            GPtrArray      *plans,
            gint64          chosen)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) types = g_ptr_array_ref (gad_context_get_types (self->context));

  g_array_set_size (self->plan_ids, 0);
  for (guint i = 0; plans && i < plans->len; i++)
    {
      GadServicePlan *p = g_ptr_array_index (plans, i);
      g_autofree char *from = gad_text_format_date (p->period_from);
      g_autofree char *to = gad_text_format_date (p->period_to);
      const char *name = p->service_code;
      g_autofree char *text = NULL;

      for (guint k = 0; k < types->len; k++)
        if (g_str_equal (((GadTypeEntry *) g_ptr_array_index (types, k))->code, p->service_code))
          name = gad_type_display_name (g_ptr_array_index (types, k));
      /* TRANSLATORS: a service plan in a list: service, from – to */
      text = g_strdup_printf (_("%s, %s–%s"), name, from, to);
      gtk_string_list_append (names, text);
      g_array_append_val (self->plan_ids, p->id);
    }
  if (self->plan_ids->len == 0)
    gtk_string_list_append (names, _("The client has no service plan"));
  adw_combo_row_set_model (self->plan_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->plan_row, gad_ids_find (self->plan_ids, chosen));
}

/* A client chosen (or the entry's own): their name and service plans,
 * read on the worker's thread; or the results of a search for one. */
typedef struct
{
  gint64 person_id;
  gint64 plan_id;
  char *text;              /* searched for, instead */
  GadPerson *person;       /* read */
  GPtrArray *plans;        /* read: GadServicePlan */
  GPtrArray *found;        /* GadPerson, in the search's order */
} Client;

static void
client_free (Client *c)
{
  g_free (c->text);
  g_clear_object (&c->person);
  g_clear_pointer (&c->plans, g_ptr_array_unref);
  g_clear_pointer (&c->found, g_ptr_array_unref);
  g_free (c);
}

static gpointer
read_client (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Client *c = data;

  if (c->text)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      c->found = g_ptr_array_new_with_free_func (g_object_unref);
      if (!gad_store_search (store, c->text, GAD_SORT_RELEVANCE, FALSE, 6, ids, error))
        return NULL;
      for (guint i = 0; i < ids->len; i++)
        {
          GadPerson *p = gad_store_get_person (store, g_array_index (ids, gint64, i), NULL);

          if (p)
            g_ptr_array_add (c->found, p);
        }
    }
  else if ((c->person = gad_store_get_person (store, c->person_id, error)) != NULL)
    c->plans = gad_store_list_service_plans (store, c->person_id, NULL);
  return c;
}

static void
on_client_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GadEntryDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Client *c = gad_worker_run_finish (result, &error);
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (c == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  if (c->person)
    {
      g_free (self->client_name);
      self->client_name = gad_person_dup_full_name (c->person);
      self->client_id = c->person_id;
      gtk_editable_set_text (GTK_EDITABLE (self->client_row), self->client_name);
      gtk_widget_set_visible (GTK_WIDGET (self->client_results), FALSE);
      fill_plans (self, c->plans, c->plan_id);
      schedule_check (self);
    }
  while (c->found && (child = gtk_widget_get_first_child (GTK_WIDGET (self->client_results))))
    gtk_list_box_remove (self->client_results, child);
  for (guint i = 0; c->found && i < c->found->len; i++)
    {
      GadPerson *p = g_ptr_array_index (c->found, i);
      g_autofree char *name = gad_person_dup_full_name (p);
      g_autofree char *code = gad_person_dup_code_display (p);
      GtkWidget *row = adw_action_row_new ();
      gint64 id = gad_person_get_id (p);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), code);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->client_results, row);
      g_array_append_val (self->found_ids, id);
    }
  if (c->found)
    gtk_widget_set_visible (GTK_WIDGET (self->client_results), self->found_ids->len > 0);
  client_free (c);
}

/* Takes @c. */
static void
read_client_then_show (GadEntryDialog *self,
                       Client         *c)
{
  g_cancellable_cancel (self->finding);
  g_set_object (&self->finding, g_cancellable_new ());
  gad_worker_run (gad_context_get_worker (self->context), read_client, c, NULL,
                  (GDestroyNotify) client_free, self->finding, on_client_read,
                  g_object_ref (self));
}

static void
set_client (GadEntryDialog *self,
            gint64          person_id,
            gint64          plan_id)
{
  Client *c;

  if (person_id == 0)
    {
      self->client_id = 0;
      fill_plans (self, NULL, 0);
      schedule_check (self);
      return;
    }
  c = g_new0 (Client, 1);
  c->person_id = person_id;
  c->plan_id = plan_id;
  read_client_then_show (self, c);
}

static void
on_client_search (GadEntryDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->client_row));
  GtkWidget *child;
  Client *c;

  /* The name shown is the chosen client's: a change is a new search. */
  if (self->client_id && g_strcmp0 (self->client_name, text) == 0)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->client_results))))
    gtk_list_box_remove (self->client_results, child);
  g_array_set_size (self->found_ids, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->client_results), FALSE);
  if (self->client_id)
    {
      self->client_id = 0;
      fill_plans (self, NULL, 0);
    }
  schedule_check (self);
  if (g_utf8_strlen (text, -1) < 2)
    {
      g_cancellable_cancel (self->finding);
      return;
    }
  c = g_new0 (Client, 1);
  c->text = g_strdup (text);
  read_client_then_show (self, c);
}

/* A group's participant added (@person, @present -1), a participant's
 * attendance marked (@present 0 or 1), or neither (@person 0): then its
 * attendance is read again, all on the worker's thread. */
typedef struct
{
  gint64 entry_id;
  char *rule_date;       /* the occurrence's, for attendance */
  gint64 person_id;
  int present;
} Group;

static void
group_free (Group *g)
{
  g_free (g->rule_date);
  g_free (g);
}

static gpointer
change_group (GadStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Group *g = data;

  if (g->person_id && g->present < 0
      && !gad_store_add_participant (store, g->entry_id, g->person_id, error))
    return NULL;
  if (g->person_id && g->present >= 0
      && !gad_store_record_attendance (store, g->entry_id, g->rule_date, g->person_id,
                                       g->present, error))
    return NULL;
  if (g->rule_date == NULL)
    return g_ptr_array_new ();
  return gad_store_list_attendance (store, g->entry_id, g->rule_date, error);
}

static void show_attendance (GadEntryDialog *self, GPtrArray *list);

/* Returns %TRUE if the change (if any) was saved. */
static gboolean
group_answer (GadEntryDialog *self,
              GAsyncResult   *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = gad_worker_run_finish (result, &error);

  if (list == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return FALSE;
    }
  if (self->occurrence && g_str_equal (self->entry->kind, "group"))
    show_attendance (self, list);
  return TRUE;
}

static void
on_attendance_read (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GadEntryDialog) self = user_data;

  group_answer (self, result);
}

static void
on_group_changed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GadEntryDialog) self = user_data;

  if (group_answer (self, result))
    g_signal_emit (self, signals[SAVED], 0);
}

static void
group_change (GadEntryDialog *self,
              gint64          person_id,
              int             present)
{
  Group *g = g_new0 (Group, 1);

  g->entry_id = self->occurrence ? self->occurrence->entry_id : self->entry->id;
  g->rule_date = self->occurrence ? g_strdup (self->occurrence->rule_date) : NULL;
  g->person_id = person_id;
  g->present = present;
  gad_worker_run (gad_context_get_worker (self->context), change_group, g,
                  (GDestroyNotify) group_free, (GDestroyNotify) g_ptr_array_unref, NULL,
                  person_id ? on_group_changed : on_attendance_read, g_object_ref (self));
}

static void
on_client_chosen (GadEntryDialog *self,
                  GtkListBoxRow  *row)
{
  gint64 id = g_array_index (self->found_ids, gint64, gtk_list_box_row_get_index (row));

  if (g_str_equal (kind (self), "group") && self->entry->id)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->client_row), "");
      group_change (self, id, -1);
      return;
    }
  set_client (self, id, 0);
}

static void
on_kind_changed (GadEntryDialog *self)
{
  const char *k = kind (self);
  gboolean with_client = g_str_equal (k, "visit") || g_str_equal (k, "appointment");

  gtk_widget_set_visible (GTK_WIDGET (self->client_row),
                          with_client || (g_str_equal (k, "group") && self->entry->id));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->client_row),
                                 with_client ? _("Client (name or personal code)")
                                             : _("Add a participant (name or personal code)"));
  gtk_widget_set_visible (GTK_WIDGET (self->plan_row), g_str_equal (k, "visit"));
  gtk_widget_set_visible (GTK_WIDGET (self->office_row),
                          g_str_equal (k, "reception") || g_str_equal (k, "appointment"));
  gtk_widget_set_visible (GTK_WIDGET (self->title_row), g_str_equal (k, "group"));
  gtk_widget_set_visible (self->group_work_button, g_str_equal (k, "group") && self->entry->id);
  schedule_check (self);
}

/* The group's page in Group Work, in the year of the session opened on. */
static void
on_group_work (GadEntryDialog *self)
{
  const char *day = self->occurrence ? self->occurrence->rule_date : self->entry->start_date;

  gtk_window_present (GTK_WINDOW (gad_groups_window_new (
    GTK_WINDOW (self), self->context, self->entry->id, atoi (day))));
}

static gpointer
save_entry (GadStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return GINT_TO_POINTER (gad_store_save_entry (store, data, error) != 0);
}

static void
on_entry_saved (GtkWidget    *dialog,
                gpointer      result,
                const GError *error)
{
  GadEntryDialog *self = GAD_ENTRY_DIALOG (dialog);

  if (error)
    {
      /* What the user typed stays; a conflict found only now asks for a reason. */
      gad_show_error (self->error_label, error->message);
      if (g_error_matches (error, GAD_STORE_ERROR, GAD_STORE_ERROR_CONFLICT))
        check (self);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save (GadEntryDialog *self)
{
  GadEntry *e;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;
  e = g_new0 (GadEntry, 1);
  if (!read_fields (self, e))
    {
      gad_entry_free (e);
      return;
    }
  gad_dialog_save (GTK_WIDGET (self), GTK_WIDGET (self->save_button), self->error_label,
                   self->context, save_entry, e, (GDestroyNotify) gad_entry_free, NULL,
                   on_entry_saved);
}

/* A visit done or missed, or an occurrence cancelled, from the dialog. */
typedef struct
{
  gint64 entry_id;
  char *rule_date;
  char *what;
  int minutes;
  char *why;
} Record;

static void
record_free (Record *r)
{
  g_free (r->rule_date);
  g_free (r->what);
  g_free (r->why);
  g_free (r);
}

static gpointer
save_record (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Record *r = data;
  gboolean ok = g_str_equal (r->what, "cancel")
                  ? gad_store_cancel_occurrence (store, r->entry_id, r->rule_date, r->why, error)
                  : gad_store_record_visit (store, r->entry_id, r->rule_date,
                                            g_str_equal (r->what, "done"), r->minutes, r->why,
                                            error);

  return GINT_TO_POINTER (ok);
}

static void
record (GadEntryDialog *self,
        const char     *what,
        GtkWidget      *button)
{
  g_autofree char *why = g_strstrip (g_strdup (gtk_editable_get_text (
                                       GTK_EDITABLE (self->why_row))));
  Record *r;

  if (g_str_equal (what, "cancel") && *why == '\0')
    {
      gad_show_error (self->error_label, _("Say why it is cancelled."));
      return;
    }
  r = g_new0 (Record, 1);
  r->entry_id = self->occurrence->entry_id;
  r->rule_date = g_strdup (self->occurrence->rule_date);
  r->what = g_strdup (what);
  r->minutes = gtk_spin_button_get_value_as_int (self->done_spin);
  r->why = g_steal_pointer (&why);
  gad_dialog_save (GTK_WIDGET (self), button, self->error_label, self->context, save_record, r,
                   (GDestroyNotify) record_free, NULL, NULL);
}

static void
on_done (GadEntryDialog *self,
        GtkButton      *button)
{
  record (self, "done", GTK_WIDGET (button));
}

static void
on_missed (GadEntryDialog *self,
          GtkButton      *button)
{
  record (self, "missed", GTK_WIDGET (button));
}

static void
on_cancel_occurrence (GadEntryDialog *self,
                     GtkButton      *button)
{
  record (self, "cancel", GTK_WIDGET (button));
}

static void
on_attendance_toggled (GtkCheckButton *check,
                       GadEntryDialog *self)
{
  gint64 person = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "person-id"));

  group_change (self, person, gtk_check_button_get_active (check));
}

static void
show_attendance (GadEntryDialog *self,
                 GPtrArray      *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list))))
    gtk_list_box_remove (self->attendance_list, child);
  for (guint i = 0; list && i < list->len; i++)
    {
      GadAttendance *a = g_ptr_array_index (list, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   a->present < 0 ? _("Not marked") : a->present ? _("Present")
                                                                                 : _("Absent"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), a->present == 1);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      a->name, -1);
      g_object_set_data (G_OBJECT (check), "person-id", GINT_TO_POINTER ((int) a->person_id));
      g_signal_connect (check, "toggled", G_CALLBACK (on_attendance_toggled), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->attendance_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->attendance_group), TRUE);
}

static void
fill_attendance (GadEntryDialog *self)
{
  if (self->occurrence == NULL || !g_str_equal (self->entry->kind, "group"))
    return;
  group_change (self, 0, -1);
}

static void
fill (GadEntryDialog *self)
{
  GadEntry *e = self->entry;
  g_autoptr(GListModel) staff = gad_staff_model (self->context, _("Choose…"), self->staff_ids);
  g_autoptr(GListModel) offices = gad_territory_model (self->context, self->office_ids);
  g_autofree char *time = gad_minute_format (e->start_minute);

  adw_combo_row_set_model (self->staff_row, staff);
  adw_combo_row_set_model (self->office_row, offices);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (e->kind, kinds[i]) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
  adw_combo_row_set_selected (self->staff_row, gad_ids_find (self->staff_ids, e->staff_id));
  adw_combo_row_set_selected (self->office_row, gad_ids_find (self->office_ids, e->territory_id));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), e->title ? e->title : "");
  gad_date_row_set_iso (self->date_row, e->start_date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
  gtk_spin_button_set_value (self->minutes_spin, e->minutes);
  for (int d = 0; d < 7; d++)
    gtk_toggle_button_set_active (self->weekdays[d], (e->weekdays & (1u << d)) != 0);
  gad_date_row_set_iso (self->until_row, e->until_date);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), e->note ? e->note : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row),
                         e->override_reason ? e->override_reason : "");
  set_client (self, e->person_id, e->plan_id);
  on_kind_changed (self);
  gtk_window_set_title (GTK_WINDOW (self), e->id ? _("Schedule Entry") : _("New Schedule Entry"));

  if (self->occurrence)
    {
      g_autofree char *heading = gad_schedule_day_heading (self->occurrence->date);
      g_autofree char *start = gad_minute_format (self->occurrence->start_minute);
      /* TRANSLATORS: the occurrence a dialog was opened on: day, time */
      g_autofree char *title = g_strdup_printf (_("On %s at %s"), heading, start);

      adw_preferences_group_set_title (self->occurrence_group, title);
      gtk_widget_set_visible (GTK_WIDGET (self->occurrence_group), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->done_spin),
                              g_str_equal (self->occurrence->kind, "visit"));
      gtk_spin_button_set_value (self->done_spin, self->occurrence->actual_minutes > 0
                                                    ? self->occurrence->actual_minutes
                                                    : self->occurrence->minutes);
      if (self->occurrence->reason)
        gtk_editable_set_text (GTK_EDITABLE (self->why_row), self->occurrence->reason);
      fill_attendance (self);
    }
}

static void
gad_entry_dialog_dispose (GObject *object)
{
  GadEntryDialog *self = GAD_ENTRY_DIALOG (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_entry_dialog_parent_class)->dispose (object);
}

static void
gad_entry_dialog_finalize (GObject *object)
{
  GadEntryDialog *self = GAD_ENTRY_DIALOG (object);

  gad_entry_free (self->entry);
  gad_occurrence_free (self->occurrence);
  g_free (self->client_name);
  g_array_unref (self->staff_ids);
  g_array_unref (self->office_ids);
  g_array_unref (self->plan_ids);
  g_array_unref (self->found_ids);
  G_OBJECT_CLASS (gad_entry_dialog_parent_class)->finalize (object);
}

static void
gad_entry_dialog_class_init (GadEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gad_entry_dialog_dispose;
  object_class->finalize = gad_entry_dialog_finalize;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, staff_row);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, client_row);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, client_results);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, plan_row);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, office_row);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, weekdays_box);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, occurrence_group);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, done_spin);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, why_row);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, group_work_button);
  gtk_widget_class_bind_template_child (widget_class, GadEntryDialog, attendance_list);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, schedule_check);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_group_work);
  gtk_widget_class_bind_template_callback (widget_class, on_client_search);
  gtk_widget_class_bind_template_callback (widget_class, on_client_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_done);
  gtk_widget_class_bind_template_callback (widget_class, on_missed);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_occurrence);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_entry_dialog_init (GadEntryDialog *self)
{
  /* TRANSLATORS: two-letter weekday names on the repeat buttons, Monday first */
  g_auto(GStrv) short_days = g_strsplit (_("Mo Tu We Th Fr Sa Su"), " ", 7);
  static const char *long_days[] = { N_("Monday"), N_("Tuesday"), N_("Wednesday"),
                                     N_("Thursday"), N_("Friday"), N_("Saturday"),
                                     N_("Sunday") };

  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->office_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->plan_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->found_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  for (int d = 0; d < 7; d++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (
        short_days[d] ? short_days[d] : long_days[d]);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(long_days[d]), -1);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (schedule_check), self);
      gtk_box_append (self->weekdays_box, button);
      self->weekdays[d] = GTK_TOGGLE_BUTTON (button);
    }
}

/**
 * gad_entry_dialog_new:
 * @entry: the entry to change, or a new one (id 0) with its defaults
 * @occurrence: (nullable): the occurrence it was opened on
 */
GadEntryDialog *
gad_entry_dialog_new (GtkWindow           *parent,
                      GadContext          *context,
                      const GadEntry      *entry,
                      const GadOccurrence *occurrence)
{
  GadEntryDialog *self = g_object_new (GAD_TYPE_ENTRY_DIALOG, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  self->entry = gad_entry_copy (entry);
  self->occurrence = occurrence ? gad_occurrence_copy (occurrence) : NULL;
  fill (self);
  check (self);
  return self;
}
