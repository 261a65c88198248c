/* gad-app-util.c — small helpers the dialogs share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-text.h"
#include "gad-window.h"

/* Staff as "Name — Position"; @ids gets their ids, position for position.
 * With @none, the first entry is that text and id 0. */
GListModel *
gad_staff_model (GadContext *context,
                 const char *none,
                 GArray     *ids)
{
  GPtrArray *staff = gad_context_get_staff (context);
  GtkStringList *list = gtk_string_list_new (NULL);
  gint64 zero = 0;

  g_array_set_size (ids, 0);
  if (none)
    {
      gtk_string_list_append (list, none);
      g_array_append_val (ids, zero);
    }
  for (guint i = 0; i < staff->len; i++)
    {
      GadStaff *s = g_ptr_array_index (staff, i);
      /* TRANSLATORS: a staff member in a list: name — position */
      g_autofree char *text = *s->position ? g_strdup_printf (_("%s — %s"), s->name, s->position)
                                           : g_strdup (s->name);

      gtk_string_list_append (list, text);
      g_array_append_val (ids, s->id);
    }
  return G_LIST_MODEL (list);
}

/* Parishes, with "None" first (id 0). */
GListModel *
gad_territory_model (GadContext *context,
                     GArray     *ids)
{
  GPtrArray *territories = gad_context_get_territories (context);
  GtkStringList *list = gtk_string_list_new (NULL);
  gint64 zero = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (list, _("None"));
  g_array_append_val (ids, zero);
  for (guint i = 0; i < territories->len; i++)
    {
      GadTerritory *t = g_ptr_array_index (territories, i);

      gtk_string_list_append (list, t->name);
      g_array_append_val (ids, t->id);
    }
  return G_LIST_MODEL (list);
}

/* The service's departments, in order; @names gets them. */
GListModel *
gad_department_model (GadContext *context,
                      GPtrArray  *names)
{
  GPtrArray *departments = gad_context_get_departments (context);
  GtkStringList *list = gtk_string_list_new (NULL);

  g_ptr_array_set_size (names, 0);
  for (guint i = 0; i < departments->len; i++)
    {
      g_ptr_array_add (names, g_strdup (g_ptr_array_index (departments, i)));
      gtk_string_list_append (list, g_ptr_array_index (departments, i));
    }
  return G_LIST_MODEL (list);
}

/* A save dialog, shown, offering @name; @on_response gets its answer. The
 * caller keeps the chooser until then. */
GtkFileChooserNative *
gad_save_chooser_show (GtkWindow  *parent,
                       const char *title,
                       const char *accept,
                       const char *name,
                       GCallback   on_response,
                       gpointer    data)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               accept, _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", on_response, data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  return chooser;
}

/* A toast in the window @widget is in. */
void
gad_window_toast (GtkWidget  *widget,
                  const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (GAD_IS_WINDOW (root))
    gad_window_add_toast (GAD_WINDOW (root), message);
  else if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

GListModel *
gad_catalog_model (GadCatalog catalog)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  guint n;
  const GadCatalogEntry *entries = gad_catalog_entries (catalog, &n);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, _(entries[i].name));
  return G_LIST_MODEL (list);
}

guint
gad_ids_find (GArray *ids,
              gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

/* NULL when the row is empty or not a date; rows show dates as DD.MM.YYYY. */
char *
gad_date_row_get_iso (AdwEntryRow *row)
{
  GDate date;

  if (!gad_text_parse_date (gtk_editable_get_text (GTK_EDITABLE (row)), &date))
    return NULL;
  return gad_text_iso_date (&date);
}

void
gad_date_row_set_iso (AdwEntryRow *row,
                      const char  *iso)
{
  g_autofree char *text = gad_text_format_date (iso);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

void
gad_row_set_error (gpointer row,
                   gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

void
gad_bind_escape_to_close (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Forms keep what the user typed after a failed save and say why above it. */
void
gad_show_error (GtkLabel   *label,
                const char *message)
{
  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

/* A view reading in the background says so: its "loading" property for
 * whoever binds to it, and the busy state for screen readers. */
void
gad_loading_changed (GtkWidget  *view,
                     gboolean    loading,
                     GParamSpec *pspec)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_STATE_BUSY, loading, -1);
  g_object_notify_by_pspec (G_OBJECT (view), pspec);
}

/* Catalogue names come from the database in both languages. */
const char *
gad_type_display_name (const GadTypeEntry *type)
{
  return gad_text_ui_is_latvian () ? type->name_lv : type->name_en;
}

char *
gad_money_for_entry (gint64 cents)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "%s%02d", cents / 100,
                          gad_text_ui_is_latvian () ? "," : ".", (int) (cents % 100));
}

GtkWidget *
gad_entry_row_new (const char *title,
                   const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  return row;
}

static void
name_buttons (GtkWidget  *widget,
              const char *label)
{
  if (GTK_IS_BUTTON (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    name_buttons (c, label);
}

/* libadwaita 1.2's password row has an eye button to show the text, with no
 * accessible name: a screen reader would say only "button". */
void
gad_password_row_name_peek (GtkWidget *row)
{
  g_return_if_fail (ADW_IS_PASSWORD_ENTRY_ROW (row));
  name_buttons (row, _("Show the password"));
}

static void
on_row_activated (GtkButton *save)
{
  if (gtk_widget_is_sensitive (GTK_WIDGET (save)))
    gtk_widget_activate (GTK_WIDGET (save));
}

static GtkWidget *
connect_rows (GtkWidget *widget,
              GtkButton *save,
              GtkWidget *first)
{
  if (ADW_IS_ENTRY_ROW (widget))
    {
      g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (on_row_activated), save);
      if (first == NULL)
        first = widget;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    first = connect_rows (c, save, first);
  return first;
}

/**
 * gad_dialog_use_keyboard:
 *
 * A dialog worked from the keyboard alone: it opens with the focus in its
 * first field (not on Cancel), and Enter in any field does what @save does,
 * once @save is enabled.
 */
void
gad_dialog_use_keyboard (GtkWindow *dialog,
                         GtkButton *save)
{
  GtkWidget *first = connect_rows (GTK_WIDGET (dialog), save, NULL);

  if (first)
    gtk_window_set_focus (dialog, first);
}

typedef struct
{
  GtkWidget *dialog;
  GtkWidget *button;
  GtkLabel *error_label;
  GadContext *context;
  GDestroyNotify result_free;
  GadSavedFunc done;
} Saving;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Saving *s = user_data;
  g_autoptr(GError) error = NULL;
  gpointer answer = gad_worker_run_finish (result, &error);

  /* On an error the dialog keeps what was typed, to be saved again. */
  if (error)
    gtk_widget_set_sensitive (s->button, TRUE);
  if (s->done)
    s->done (s->dialog, answer, error);
  else if (error)
    gad_show_error (s->error_label, error->message);
  else
    {
      /* Its opener hears it; a dialog nobody listens to tells every view. */
      if (g_signal_lookup ("saved", G_OBJECT_TYPE (s->dialog)))
        g_signal_emit_by_name (s->dialog, "saved");
      else
        gad_context_changed (s->context);
      gtk_window_destroy (GTK_WINDOW (s->dialog));
    }
  if (answer && s->result_free)
    s->result_free (answer);
  g_object_unref (s->dialog);
  g_object_unref (s->button);
  g_object_unref (s->error_label);
  g_object_unref (s->context);
  g_free (s);
}

/**
 * gad_dialog_save:
 * @button: the dialog's save button
 * @error_label: where a failed save says why
 * @func: the save, run on the context's worker thread with @data
 * @done: (nullable): called back in the window's thread when the save is
 *   over; without it, the dialog shows the error, or closes saying "saved"
 *   (or, if it has no such signal, telling @context that data changed)
 *
 * A dialog's save over a link a parish office away: the window goes on
 * drawing meanwhile, and the button waits for the save's end. What is saved
 * was copied from the dialog: typing on does not change it.
 */
void
gad_dialog_save (GtkWidget      *dialog,
                 GtkWidget      *button,
                 GtkLabel       *error_label,
                 GadContext     *context,
                 GadWorkerFunc   func,
                 gpointer        data,
                 GDestroyNotify  data_free,
                 GDestroyNotify  result_free,
                 GadSavedFunc    done)
{
  Saving *s = g_new0 (Saving, 1);

  s->dialog = g_object_ref (dialog);
  s->button = g_object_ref (button);
  s->error_label = g_object_ref (error_label);
  s->context = g_object_ref (context);
  s->result_free = result_free;
  s->done = done;
  gtk_widget_set_sensitive (button, FALSE);
  gad_worker_run (gad_context_get_worker (context), func, data, data_free, result_free, NULL,
                  on_saved, s);
}

void
gad_code_owner_free (GadCodeOwner *owner)
{
  g_free (owner->code);
  g_free (owner->name);
  g_free (owner);
}

static gpointer
read_code_owner (GadStore      *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GadCodeOwner *owner = g_new0 (GadCodeOwner, 1);

  owner->code = g_strdup (data);
  if ((owner->id = gad_store_find_person_by_code (store, owner->code)) != 0)
    {
      g_autoptr(GadPerson) person = gad_store_get_person (store, owner->id, NULL);

      owner->name = person ? gad_person_dup_full_name (person) : g_strdup ("?");
    }
  return owner;
}

/**
 * gad_find_code_owner:
 *
 * Looks up who has @code (now or before) on the worker's thread, as a
 * dialog's code is typed; the answer is a #GadCodeOwner
 * (gad_worker_run_finish()).
 */
void
gad_find_code_owner (GadContext          *context,
                     const char          *code,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  gad_worker_run (gad_context_get_worker (context), read_code_owner, g_strdup (code), g_free,
                  (GDestroyNotify) gad_code_owner_free, cancellable, callback, user_data);
}

typedef struct
{
  GtkProgressBar *bar;
  double fraction;
} Step;

static gboolean
show_step (gpointer data)
{
  Step *step = data;

  gtk_progress_bar_set_fraction (step->bar, step->fraction);
  g_object_unref (step->bar);
  g_free (step);
  return G_SOURCE_REMOVE;
}

/* From a worker's thread: @bar shows @fraction, on the main thread. */
void
gad_progress_bar_post (GtkProgressBar *bar,
                       double          fraction)
{
  Step *step = g_new (Step, 1);

  step->bar = g_object_ref (bar);
  step->fraction = fraction;
  g_main_context_invoke (NULL, show_step, step);
}
