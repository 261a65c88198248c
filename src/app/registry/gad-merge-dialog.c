/* gad-merge-dialog.c — two records of one person, made one
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two records side by side; where they differ, the head or the
 * administrator picks the value to keep, the left one's by default. The
 * records are read and the merge written on the worker's thread.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-merge-dialog.h"
#include "gad-personal-code.h"
#include "gad-text.h"

enum { F_CODE, F_SURNAME, F_FIRST_NAME, F_GENDER, F_BIRTH_DATE, F_ADDRESS, F_PHONE, F_PARISH,
       N_FIELDS };

static const struct
{
  const char *label;
  const char *property;
} fields[N_FIELDS] = {
  [F_CODE] = { N_("Personal code"), "code" },
  [F_SURNAME] = { N_("Surname"), "last-name" },
  [F_FIRST_NAME] = { N_("First name"), "first-name" },
  [F_GENDER] = { N_("Gender"), "gender" },
  [F_BIRTH_DATE] = { N_("Birth date"), "birth-date" },
  [F_ADDRESS] = { N_("Address"), "address" },
  [F_PHONE] = { N_("Phone"), "phone" },
  [F_PARISH] = { N_("Parish"), "territory-id" },
};

struct _GadMergeDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  gint64 ids[2];
  GadPerson *records[2];
  GtkCheckButton *right[N_FIELDS];   /* chosen: the right record's value; NULL where equal */

  GtkButton *merge_button;
  GtkLabel *error_label;
  GtkGrid *fields_grid;
};

G_DEFINE_FINAL_TYPE (GadMergeDialog, gad_merge_dialog, ADW_TYPE_WINDOW)

enum { MERGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* A field's value as shown. */
static char *
shown (GadPerson *p,
       guint      field)
{
  switch (field)
    {
    case F_CODE: return gad_personal_code_format (gad_person_get_code (p));
    case F_SURNAME: return g_strdup (gad_person_get_last_name (p));
    case F_FIRST_NAME: return g_strdup (gad_person_get_first_name (p));
    case F_GENDER:
      return g_strdup (g_str_equal (gad_person_get_gender (p), "M") ? _("Male")
                       : g_str_equal (gad_person_get_gender (p), "F") ? _("Female") : "");
    case F_BIRTH_DATE: return gad_text_format_date (gad_person_get_birth_date (p));
    case F_ADDRESS: return g_strdup (gad_person_get_address (p));
    case F_PHONE: return g_strdup (gad_person_get_phone (p));
    case F_PARISH: return g_strdup (gad_person_get_territory (p));
    default: g_return_val_if_reached (NULL);
    }
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (*text ? text : "—");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

static void
show_records (GadMergeDialog *self)
{
  for (guint r = 0; r < 2; r++)
    {
      GtkWidget *head = gtk_label_new (r == 0 ? _("Kept record") : _("Merged into it"));

      gtk_label_set_xalign (GTK_LABEL (head), 0);
      gtk_widget_add_css_class (head, "heading");
      gtk_grid_attach (self->fields_grid, head, 1 + r, 0, 1, 1);
    }
  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *left = shown (self->records[0], f);
      g_autofree char *right = shown (self->records[1], f);
      GtkWidget *name = gtk_label_new (_(fields[f].label));

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_add_css_class (name, "dim-label");
      gtk_grid_attach (self->fields_grid, name, 0, f + 1, 1, 1);
      if (g_strcmp0 (left, right) == 0)
        {
          gtk_grid_attach (self->fields_grid, value_label (left), 1, f + 1, 2, 1);
          continue;
        }
      {
        GtkWidget *a = gtk_check_button_new_with_label (*left ? left : "—");
        GtkWidget *b = gtk_check_button_new_with_label (*right ? right : "—");

        gtk_check_button_set_group (GTK_CHECK_BUTTON (b), GTK_CHECK_BUTTON (a));
        gtk_check_button_set_active (GTK_CHECK_BUTTON (a), TRUE);
        gtk_grid_attach (self->fields_grid, a, 1, f + 1, 1, 1);
        gtk_grid_attach (self->fields_grid, b, 2, f + 1, 1, 1);
        self->right[f] = GTK_CHECK_BUTTON (b);
      }
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_button), TRUE);
}

static gpointer
read_records (GadStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  gint64 *ids = data;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint r = 0; r < 2; r++)
    {
      GadPerson *p = gad_store_get_person (store, ids[r], error);

      if (p == NULL)
        return NULL;
      g_ptr_array_add (records, p);
    }
  return g_steal_pointer (&records);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GadMergeDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = gad_worker_run_finish (result, &error);

  if (records == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  for (guint r = 0; r < 2; r++)
    self->records[r] = g_object_ref (g_ptr_array_index (records, r));
  show_records (self);
}

static gpointer
merge (GadStore      *store,
       gpointer       data,
       GCancellable  *cancellable,
       GError       **error)
{
  GadPerson *chosen = data;
  gint64 drop = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chosen), "drop"));

  return gad_store_merge_persons (store, gad_person_get_id (chosen), drop, chosen, error)
           ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
on_merged (GtkWidget    *dialog,
           gpointer      result,
           const GError *error)
{
  GadMergeDialog *self = GAD_MERGE_DIALOG (dialog);

  if (error)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  g_signal_emit (self, signals[MERGED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_merge (GadMergeDialog *self)
{
  GadPerson *chosen = gad_person_copy (self->records[0]);

  for (guint f = 0; f < N_FIELDS; f++)
    if (self->right[f] && gtk_check_button_get_active (self->right[f]))
      {
        GValue value = G_VALUE_INIT;

        g_object_get_property (G_OBJECT (self->records[1]), fields[f].property, &value);
        g_object_set_property (G_OBJECT (chosen), fields[f].property, &value);
        g_value_unset (&value);
      }
  g_object_set_data (G_OBJECT (chosen), "drop", GSIZE_TO_POINTER (self->ids[1]));
  gad_dialog_save (GTK_WIDGET (self), GTK_WIDGET (self->merge_button), self->error_label,
                   self->context, merge, chosen, g_object_unref, NULL, on_merged);
}

static void
gad_merge_dialog_dispose (GObject *object)
{
  GadMergeDialog *self = GAD_MERGE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_MERGE_DIALOG);
  for (guint r = 0; r < 2; r++)
    g_clear_object (&self->records[r]);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_merge_dialog_parent_class)->dispose (object);
}

static void
gad_merge_dialog_class_init (GadMergeDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_merge_dialog_dispose;
  /* The two are one now: the caller shows the list again. */
  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GadMergeDialog, merge_button);
  gtk_widget_class_bind_template_child (widget_class, GadMergeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadMergeDialog, fields_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_merge);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_destroy);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_merge_dialog_init (GadMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GadMergeDialog *
gad_merge_dialog_new (GtkWindow  *parent,
                      GadContext *context,
                      gint64      keep,
                      gint64      drop)
{
  GadMergeDialog *self = g_object_new (GAD_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  gint64 *ids = g_new (gint64, 2);

  self->context = g_object_ref (context);
  self->ids[0] = ids[0] = keep;
  self->ids[1] = ids[1] = drop;
  gad_worker_run (gad_context_get_worker (context), read_records, ids, g_free,
                  (GDestroyNotify) g_ptr_array_unref, NULL, on_read, g_object_ref (self));
  return self;
}
