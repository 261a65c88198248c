/* gad-records-window.c — a case's records: written, read, corrected
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form writes a new record; below it the case's records, newest first,
 * with a filter by kind. Its author corrects a record for 24 hours (the
 * form takes it in); after that a record is locked, and "Write a
 * Correction" writes a new record that refers to it. The search keeps the
 * records whose words, participants or author hold every word typed,
 * diacritics folded as in the registry. Reading and writing go through the
 * worker; a refused save keeps what was typed.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gad-app-util.h"
#include "gad-catalog.h"
#include "gad-records-window.h"
#include "gad-text.h"

struct _GadRecordsWindow
{
  AdwWindow parent_instance;

  GadContext *context;
  gint64 case_id;
  gboolean writes;               /* an open case the reader may write in */
  GadCaseRecord *editing;        /* being corrected, or NULL */
  gint64 corrects_id;            /* a correction of a locked record, or 0 */
  GCancellable *reading;

  AdwWindowTitle *window_title;
  AdwPreferencesGroup *form_group;
  AdwComboRow *kind_row;
  AdwEntryRow *date_row;
  AdwEntryRow *participants_row;
  GtkTextView *text_view;
  GtkLabel *error_label;
  GtkWidget *cancel_button;
  GtkWidget *save_button;
  GtkDropDown *filter_dropdown;
  GtkSearchEntry *search_entry;
  GtkListBox *records_list;
  GStrv search_words;            /* folded; NULL: every record */
};

G_DEFINE_FINAL_TYPE (GadRecordsWindow, gad_records_window, ADW_TYPE_WINDOW)

static void load (GadRecordsWindow *self);

static const char *
kind_code (guint index)
{
  guint n;
  const GadCatalogEntry *kinds = gad_catalog_entries (GAD_CATALOG_RECORD_KIND, &n);

  return index < n ? kinds[index].code : NULL;
}

static guint
kind_index (const char *code)
{
  guint n;
  const GadCatalogEntry *kinds = gad_catalog_entries (GAD_CATALOG_RECORD_KIND, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (kinds[i].code, code) == 0)
      return i;
  return 0;
}

static char *
typed_text (GadRecordsWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The form empty again, for a new record of today. */
static void
reset_form (GadRecordsWindow *self)
{
  g_autofree char *today = gad_text_today_iso ();

  g_clear_pointer (&self->editing, gad_case_record_free);
  self->corrects_id = 0;
  adw_combo_row_set_selected (self->kind_row, 0);
  gad_date_row_set_iso (self->date_row, today);
  gtk_editable_set_text (GTK_EDITABLE (self->participants_row), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  adw_preferences_group_set_title (self->form_group, _("New Record"));
  adw_preferences_group_set_description (self->form_group, NULL);
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Write Record"));
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

typedef struct
{
  GadRecordsWindow *self;
  GadCaseRecord record;
  gboolean correct;              /* else a new record */
} Save;

static void
save_free (Save *s)
{
  g_object_unref (s->self);
  g_free (s->record.kind);
  g_free (s->record.occurred_on);
  g_free (s->record.participants);
  g_free (s->record.text);
  g_free (s);
}

static gpointer
save_record (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Save *s = data;

  if (s->correct)
    return GINT_TO_POINTER (gad_store_correct_record (store, &s->record, error));
  return GINT_TO_POINTER (gad_store_add_record (store, &s->record, error) > 0);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Save *s = user_data;
  GadRecordsWindow *self = s->self;
  g_autoptr(GError) error = NULL;

  if (!gad_worker_run_finish (result, &error) && self->context)
    gad_show_error (self->error_label, error->message);   /* what was typed stays */
  else if (self->context)
    {
      reset_form (self);
      load (self);
      gad_context_changed (self->context);
    }
  if (self->context)
    gtk_widget_set_sensitive (self->save_button, TRUE);
  save_free (s);
}

static void
on_save (GadRecordsWindow *self)
{
  Save *s = g_new0 (Save, 1);

  s->self = g_object_ref (self);
  s->correct = self->editing != NULL;
  s->record.id = self->editing ? self->editing->id : 0;
  s->record.version = self->editing ? self->editing->version : 0;
  s->record.case_id = self->case_id;
  s->record.corrects_id = self->corrects_id;
  s->record.kind = g_strdup (kind_code (adw_combo_row_get_selected (self->kind_row)));
  s->record.occurred_on = gad_date_row_get_iso (self->date_row);
  s->record.participants = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->participants_row)));
  s->record.text = typed_text (self);
  gad_row_set_error (self->date_row, s->record.occurred_on == NULL);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gad_worker_run (gad_context_get_worker (self->context), save_record, s, NULL, NULL, NULL,
                  on_saved, s);
}

static void
on_cancel (GadRecordsWindow *self)
{
  reset_form (self);
}

/* The form takes in @r: to correct it (its author's, within the day), or
 * to write a correction of it (locked). */
static void
on_record_button (GtkButton        *button,
                  GadRecordsWindow *self)
{
  GadCaseRecord *r = g_object_get_data (G_OBJECT (button), "record");
  g_autofree char *day = gad_text_format_date (r->occurred_on);
  g_autofree char *about = NULL;

  reset_form (self);
  if (r->editable)
    {
      self->editing = g_memdup2 (r, sizeof *r);
      self->editing->kind = g_strdup (r->kind);
      self->editing->occurred_on = g_strdup (r->occurred_on);
      self->editing->participants = g_strdup (r->participants);
      self->editing->text = g_strdup (r->text);
      self->editing->author = g_strdup (r->author);
      self->editing->written_at = g_strdup (r->written_at);
      adw_combo_row_set_selected (self->kind_row, kind_index (r->kind));
      gad_date_row_set_iso (self->date_row, r->occurred_on);
      gtk_editable_set_text (GTK_EDITABLE (self->participants_row), r->participants);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), r->text, -1);
      /* TRANSLATORS: the form's title while a record is corrected: its day */
      about = g_strdup_printf (_("Correcting the Record of %s"), day);
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save Correction"));
    }
  else
    {
      self->corrects_id = r->id;
      /* TRANSLATORS: the form's title while a locked record is corrected by a new one */
      about = g_strdup_printf (_("Correction of the Record of %s"), day);
      adw_preferences_group_set_description (self->form_group,
                                             _("The record is locked: this new record says what "
                                               "was wrong in it, and both stay in the file."));
    }
  adw_preferences_group_set_title (self->form_group, about);
  gtk_widget_set_visible (self->cancel_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static GtkWidget *
record_row (GadRecordsWindow *self,
            GadCaseRecord    *r)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = gad_text_format_date (r->occurred_on);
  /* TRANSLATORS: a case record's heading: day · kind · author */
  g_autofree char *title = g_strdup_printf (_("%s · %s · %s"), day,
                                            gad_catalog_name (GAD_CATALOG_RECORD_KIND, r->kind),
                                            r->author);
  g_autofree char *text = *r->participants
                          /* TRANSLATORS: a record's text after its participants */
                          ? g_strdup_printf (_("%s\nParticipants: %s"), r->text, r->participants)
                          : g_strdup (r->text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (r->corrects_id)
    gtk_widget_add_css_class (row, "accent");
  {
    g_autofree char *words = g_strjoin (" ", title, r->text, r->participants, NULL);

    g_object_set_data_full (G_OBJECT (row), "folded", gad_text_fold (words), g_free);
  }
  if (self->writes)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (r->editable ? _("_Correct")
                                                                    : _("Write a C_orrection"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "record", g_memdup2 (r, sizeof *r), g_free);
      /* The strings belong to the list, which lives as long as the row. */
      g_signal_connect (button, "clicked", G_CALLBACK (on_record_button), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static gboolean
row_matches (GtkListBoxRow *row,
             gpointer       data)
{
  GadRecordsWindow *self = data;
  const char *folded = g_object_get_data (G_OBJECT (row), "folded");

  for (guint i = 0; self->search_words && self->search_words[i]; i++)
    if (folded == NULL || strstr (folded, self->search_words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
on_search_changed (GadRecordsWindow *self)
{
  g_autofree char *folded = gad_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  g_clear_pointer (&self->search_words, g_strfreev);
  if (*g_strstrip (folded))
    self->search_words = g_regex_split_simple ("\\s+", folded, 0, 0);
  gtk_list_box_invalidate_filter (self->records_list);
}

typedef struct
{
  gint64 case_id;
  char *kind;
} Query;

static void
query_free (Query *q)
{
  g_free (q->kind);
  g_free (q);
}

static gpointer
read_records (GadStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Query *q = data;

  return gad_store_list_records (store, q->case_id, q->kind, error);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GadRecordsWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = gad_worker_run_finish (result, &error);
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    {
      g_object_unref (self);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->records_list))))
    gtk_list_box_remove (self->records_list, child);
  if (records == NULL)
    gad_show_error (self->error_label, error->message);
  else
    {
      for (guint i = 0; i < records->len; i++)
        gtk_list_box_append (self->records_list, record_row (self, g_ptr_array_index (records, i)));
      /* The rows' buttons keep pointers into the records. */
      g_object_set_data_full (G_OBJECT (self->records_list), "records",
                              g_ptr_array_ref (records), (GDestroyNotify) g_ptr_array_unref);
      if (records->len == 0)
        {
          GtkWidget *none = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (none), _("No records"));
          gtk_widget_add_css_class (none, "dim-label");
          gtk_list_box_append (self->records_list, none);
        }
    }
  g_object_unref (self);
}

static void
load (GadRecordsWindow *self)
{
  guint filter = gtk_drop_down_get_selected (self->filter_dropdown);
  Query *q = g_new0 (Query, 1);

  q->case_id = self->case_id;
  q->kind = g_strdup (filter > 0 ? kind_code (filter - 1) : NULL);
  g_cancellable_cancel (self->reading);
  g_set_object (&self->reading, g_cancellable_new ());
  gad_worker_run (gad_context_get_worker (self->context), read_records, q,
                  (GDestroyNotify) query_free, (GDestroyNotify) g_ptr_array_unref, self->reading,
                  on_read, g_object_ref (self));
}

static void
gad_records_window_dispose (GObject *object)
{
  GadRecordsWindow *self = GAD_RECORDS_WINDOW (object);

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_RECORDS_WINDOW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->editing, gad_case_record_free);
  g_clear_pointer (&self->search_words, g_strfreev);
  G_OBJECT_CLASS (gad_records_window_parent_class)->dispose (object);
}

static void
gad_records_window_class_init (GadRecordsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_records_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-records-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, GadRecordsWindow, name)
  CHILD (window_title);
  CHILD (form_group);
  CHILD (kind_row);
  CHILD (date_row);
  CHILD (participants_row);
  CHILD (text_view);
  CHILD (error_label);
  CHILD (cancel_button);
  CHILD (save_button);
  CHILD (filter_dropdown);
  CHILD (search_entry);
  CHILD (records_list);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_records_window_init (GadRecordsWindow *self)
{
  g_autoptr(GListModel) kinds = gad_catalog_model (GAD_CATALOG_RECORD_KIND);
  g_autoptr(GListModel) filter = gad_catalog_model (GAD_CATALOG_RECORD_KIND);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->kind_row, kinds);
  gtk_string_list_splice (GTK_STRING_LIST (filter), 0, 0,
                          (const char *[]) { _("All records"), NULL });
  gtk_drop_down_set_model (self->filter_dropdown, filter);
  g_signal_connect_swapped (self->filter_dropdown, "notify::selected", G_CALLBACK (load), self);
  gtk_list_box_set_filter_func (self->records_list, row_matches, self, NULL);
}

/**
 * gad_records_window_new:
 * @client: the client's name, for the title
 * @writes: whether the reader writes in this case (an open case of theirs)
 */
GadRecordsWindow *
gad_records_window_new (GtkWindow     *parent,
                        GadContext    *context,
                        const GadCase *c,
                        const char    *client,
                        gboolean       writes)
{
  GadRecordsWindow *self = g_object_new (GAD_TYPE_RECORDS_WINDOW, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  self->case_id = c->id;
  self->writes = writes && c->closed_on == NULL;
  adw_window_title_set_subtitle (self->window_title, client);
  gtk_widget_set_visible (GTK_WIDGET (self->form_group), self->writes);
  reset_form (self);
  load (self);
  return self;
}
