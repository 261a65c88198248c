/* gad-duplicates-window.c — persons who look registered twice
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Main menu → Possible Duplicates, for a head or an administrator: each
 * pair with what makes it look like one person, the two records, "Merge…"
 * (gad-merge-dialog.c) and "Not the Same Person", which the store
 * remembers. The registry
 * is read on the worker's thread: on a large one that takes a moment.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-duplicates-window.h"
#include "gad-merge-dialog.h"
#include "gad-personal-code.h"
#include "gad-text.h"

struct _GadDuplicatesWindow
{
  AdwWindow parent_instance;

  GadContext *context;

  AdwWindowTitle *title;
  GtkStack *stack;
  GtkListBox *pairs_list;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (GadDuplicatesWindow, gad_duplicates_window, ADW_TYPE_WINDOW)

static void fill (GadDuplicatesWindow *self);

/* One record of a pair: "161175-19997 · born 16.11.1975 · Skolas iela 1". */
static char *
record_line (const GadDuplicate *d,
             guint               i)
{
  g_autofree char *code = gad_personal_code_format (d->code[i]);
  g_autofree char *born = gad_text_format_date (d->birth_date[i]);
  GString *line = g_string_new (code);

  if (*born)
    /* TRANSLATORS: a record in the list of possible duplicates: its birth date */
    g_string_append_printf (line, " · %s", born);
  if (*d->address[i])
    g_string_append_printf (line, " · %s", d->address[i]);
  return g_string_free (line, FALSE);
}

typedef struct
{
  gint64 a, b;
} Pair;

static gpointer
set_apart (GadStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Pair *p = data;

  return gad_store_set_apart (store, p->a, p->b, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
on_set_apart (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GadDuplicatesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (gad_worker_run_finish (result, &error) == NULL && error != NULL)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  gad_context_changed (self->context);
  fill (self);
}

static void
on_not_same (GtkButton           *button,
             GadDuplicatesWindow *self)
{
  Pair *p = g_new (Pair, 1);

  p->a = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "a"));
  p->b = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "b"));
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  gad_worker_run (gad_context_get_worker (self->context), set_apart, p, g_free, NULL, NULL,
                  on_set_apart, g_object_ref (self));
}

static void
on_merged (GadDuplicatesWindow *self)
{
  gad_context_changed (self->context);
  gad_window_toast (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                    _("The two records are one now."));
  fill (self);
}

static void
on_merge (GtkButton           *button,
          GadDuplicatesWindow *self)
{
  GadMergeDialog *dialog = gad_merge_dialog_new (
    GTK_WINDOW (self), self->context,
    GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "a")),
    GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "b")));

  g_signal_connect_swapped (dialog, "merged", G_CALLBACK (on_merged), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
pair_row (GadDuplicatesWindow *self,
          const GadDuplicate  *d)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Not the Same Person"));
  GtkWidget *merge;
  g_autofree char *title = g_strdup_printf ("%s — %s", d->name[0], d->name[1]);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 d->same_birth_date ? _("The same name and birth date")
                                                    : _("The same name and address"));
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *record = adw_action_row_new ();
      g_autofree char *line = record_line (d, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (record), d->name[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (record), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (record), line);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), record);
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("The two records are two people: do not list them "
                                         "again"));
  g_object_set_data (G_OBJECT (button), "a", GSIZE_TO_POINTER (d->person_id[0]));
  g_object_set_data (G_OBJECT (button), "b", GSIZE_TO_POINTER (d->person_id[1]));
  g_signal_connect (button, "clicked", G_CALLBACK (on_not_same), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
  merge = gtk_button_new_with_mnemonic (_("_Merge…"));
  gtk_widget_set_valign (merge, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (merge, _("The two records are one person: make them one"));
  g_object_set_data (G_OBJECT (merge), "a", GSIZE_TO_POINTER (d->person_id[0]));
  g_object_set_data (G_OBJECT (merge), "b", GSIZE_TO_POINTER (d->person_id[1]));
  g_signal_connect (merge, "clicked", G_CALLBACK (on_merge), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), merge);
  return row;
}

static gpointer
find (GadStore      *store,
      gpointer       data,
      GCancellable  *cancellable,
      GError       **error)
{
  return gad_store_find_duplicates (store, 0, error);
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GadDuplicatesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = gad_worker_run_finish (result, &error);
  g_autofree char *subtitle = NULL;
  GtkWidget *child;

  if (pairs == NULL)
    {
      adw_window_title_set_subtitle (self->title, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pairs_list))))
    gtk_list_box_remove (self->pairs_list, child);
  for (guint i = 0; i < pairs->len; i++)
    gtk_list_box_append (self->pairs_list, pair_row (self, g_ptr_array_index (pairs, i)));
  subtitle = g_strdup_printf (ngettext ("%u pair", "%u pairs", pairs->len), pairs->len);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, pairs->len > 0 ? "list" : "empty");
}

static void
fill (GadDuplicatesWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gad_worker_run (gad_context_get_worker (self->context), find, NULL, NULL,
                  (GDestroyNotify) g_ptr_array_unref, NULL, on_found, g_object_ref (self));
}

static void
gad_duplicates_window_dispose (GObject *object)
{
  GadDuplicatesWindow *self = GAD_DUPLICATES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_DUPLICATES_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_duplicates_window_parent_class)->dispose (object);
}

static void
gad_duplicates_window_class_init (GadDuplicatesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_duplicates_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-duplicates-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadDuplicatesWindow, title);
  gtk_widget_class_bind_template_child (widget_class, GadDuplicatesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GadDuplicatesWindow, pairs_list);
  gtk_widget_class_bind_template_child (widget_class, GadDuplicatesWindow, error_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gad_duplicates_window_init (GadDuplicatesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GadDuplicatesWindow *
gad_duplicates_window_new (GtkWindow  *parent,
                           GadContext *context)
{
  GadDuplicatesWindow *self = g_object_new (GAD_TYPE_DUPLICATES_WINDOW, "transient-for", parent,
                                            NULL);

  self->context = g_object_ref (context);
  fill (self);
  return self;
}
