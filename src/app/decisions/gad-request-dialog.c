/* gad-request-dialog.c — register an application for a benefit or service
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-request-dialog.h"
#include "gad-text.h"

struct _GadRequestDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  GadPerson *person;
  GPtrArray *types;       /* GadTypeEntry, in the combo's order */
  GPtrArray *documents;   /* GadDocument */

  GtkButton *save_button;
  GtkLabel *error_label;
  AdwComboRow *type_row;
  AdwEntryRow *received_row;
  AdwEntryRow *number_row;
  AdwEntryRow *document_row;
  AdwEntryRow *document_date_row;
  GtkListBox *documents_list;
};

G_DEFINE_FINAL_TYPE (GadRequestDialog, gad_request_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
validate (GadRequestDialog *self)
{
  g_autofree char *received = gad_date_row_get_iso (self->received_row);
  const char *doc_date = gtk_editable_get_text (GTK_EDITABLE (self->document_date_row));
  g_autofree char *doc_iso = gad_date_row_get_iso (self->document_date_row);

  gad_row_set_error (self->received_row, received == NULL);
  gad_row_set_error (self->document_date_row, *doc_date && doc_iso == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), received != NULL);
}

static void
fill_documents (GadRequestDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list))))
    gtk_list_box_remove (self->documents_list, child);
  for (guint i = 0; i < self->documents->len; i++)
    {
      GadDocument *d = g_ptr_array_index (self->documents, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = gad_text_format_date (d->dated);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      gtk_list_box_append (self->documents_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->documents_list), self->documents->len > 0);
}

static void
on_add_document (GadRequestDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (
                                                                  self->document_row))));
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->document_date_row));
  g_autofree char *iso = gad_date_row_get_iso (self->document_date_row);
  GadDocument *d;

  if (*name == '\0' || (*date && iso == NULL))
    return;
  d = g_new0 (GadDocument, 1);
  d->name = g_steal_pointer (&name);
  d->dated = g_steal_pointer (&iso);
  g_ptr_array_add (self->documents, d);
  gtk_editable_set_text (GTK_EDITABLE (self->document_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->document_date_row), "");
  fill_documents (self);
}

static void
on_cancel (GadRequestDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

typedef struct
{
  GadRequest r;
  char *type_code;
} RequestSave;

static void
request_save_free (RequestSave *rs)
{
  g_free (rs->type_code);
  g_free (rs->r.received_on);
  g_free (rs->r.incoming_no);
  g_clear_pointer (&rs->r.documents, g_ptr_array_unref);
  g_free (rs);
}

static gpointer
save_request (GadStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  RequestSave *rs = data;

  rs->r.type_code = rs->type_code;
  return GINT_TO_POINTER (gad_store_insert_request (store, &rs->r, error) != 0);
}

static void
on_save (GadRequestDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);
  GadTypeEntry *type = selected < self->types->len ? g_ptr_array_index (self->types, selected)
                                                   : NULL;
  RequestSave *rs;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;
  /* A document typed but not added yet is meant to be added. */
  on_add_document (self);

  rs = g_new0 (RequestSave, 1);
  rs->r.person_id = gad_person_get_id (self->person);
  rs->type_code = g_strdup (type ? type->code : "");
  rs->r.received_on = gad_date_row_get_iso (self->received_row);
  rs->r.incoming_no = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_row)));
  /* The documents as listed now (the dialog only adds to its list, and
   * owns them); a failed save keeps the list for the next try. */
  rs->r.documents = g_ptr_array_copy (self->documents, NULL, NULL);
  g_ptr_array_set_free_func (rs->r.documents, NULL);
  gad_dialog_save (GTK_WIDGET (self), GTK_WIDGET (self->save_button), self->error_label,
                   self->context, save_request, rs, (GDestroyNotify) request_save_free, NULL, NULL);
}

static void
gad_request_dialog_dispose (GObject *object)
{
  GadRequestDialog *self = GAD_REQUEST_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_REQUEST_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->person);
  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  G_OBJECT_CLASS (gad_request_dialog_parent_class)->dispose (object);
}

static void
gad_request_dialog_class_init (GadRequestDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_request_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-request-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, GadRequestDialog, name)
  CHILD (save_button);
  CHILD (error_label);
  CHILD (type_row);
  CHILD (received_row);
  CHILD (number_row);
  CHILD (document_row);
  CHILD (document_date_row);
  CHILD (documents_list);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel);
  gtk_widget_class_bind_template_callback (widget_class, on_add_document);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_request_dialog_init (GadRequestDialog *self)
{
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_document_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gad_dialog_use_keyboard (GTK_WINDOW (self), self->save_button);
}

GadRequestDialog *
gad_request_dialog_new (GtkWindow  *parent,
                        GadContext *context,
                        GadPerson  *person)
{
  GadRequestDialog *self = g_object_new (GAD_TYPE_REQUEST_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *today = gad_text_today_iso ();

  self->context = g_object_ref (context);
  self->person = g_object_ref (person);
  self->types = g_ptr_array_ref (gad_context_get_types (context));
  for (guint i = 0; i < self->types->len; i++)
    gtk_string_list_append (names, gad_type_display_name (g_ptr_array_index (self->types, i)));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->type_row, 0);
  gad_date_row_set_iso (self->received_row, today);
  fill_documents (self);
  validate (self);
  return self;
}
