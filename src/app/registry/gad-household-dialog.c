/* gad-household-dialog.c — put a client into a household
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-household-dialog.h"
#include "gad-text.h"

struct _GadHouseholdDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  GadPerson *person;
  gint64 with_id;
  GadCodeOwner *owner;    /* of the code as last looked up */
  GCancellable *looking;  /* while a code's owner is looked up */
  char *asked;            /* the code looked up */

  GtkButton *save_button;
  GtkLabel *error_label;
  AdwEntryRow *with_row;
  GtkLabel *with_hint;
  AdwEntryRow *address_row;
  AdwComboRow *relation_row;
  AdwEntryRow *from_row;
};

G_DEFINE_FINAL_TYPE (GadHouseholdDialog, gad_household_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void validate (GadHouseholdDialog *self);

static void
on_owner_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GadHouseholdDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GadCodeOwner *owner = gad_worker_run_finish (result, &error);

  if (owner == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->with_hint, error->message);
      return;
    }
  g_clear_pointer (&self->owner, gad_code_owner_free);
  self->owner = owner;
  validate (self);
}

static void
validate (GadHouseholdDialog *self)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->with_row));
  g_autofree char *from = gad_date_row_get_iso (self->from_row);
  gboolean with_ok = TRUE;

  self->with_id = 0;
  if (*code == '\0')
    gtk_label_set_label (self->with_hint, _("A new household will be created."));
  else if (self->owner == NULL || g_strcmp0 (self->owner->code, code) != 0)
    {
      /* Whose it is comes in a moment (on the worker's thread). */
      with_ok = FALSE;
      if (g_strcmp0 (self->asked, code) != 0)
        {
          g_free (self->asked);
          self->asked = g_strdup (code);
          g_cancellable_cancel (self->looking);
          g_set_object (&self->looking, g_cancellable_new ());
          gad_find_code_owner (self->context, code, self->looking, on_owner_found,
                               g_object_ref (self));
        }
    }
  else if (self->owner->id == 0 || self->owner->id == gad_person_get_id (self->person))
    {
      gtk_label_set_label (self->with_hint, _("No other client has this personal code."));
      with_ok = FALSE;
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("Joins the household of %s."),
                                               self->owner->name);

      self->with_id = self->owner->id;
      gtk_label_set_label (self->with_hint, text);
    }
  gad_row_set_error (self->with_row, !with_ok);
  gad_row_set_error (self->from_row, from == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_row), *code == '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), with_ok && from != NULL);
}

static void
on_cancel (GadHouseholdDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

typedef struct
{
  gint64 person_id;
  gint64 with_id;
  const char *relation;
  char *from;
  char *address;
  gint64 territory_id;
} Placing;

static void
placing_free (Placing *p)
{
  g_free (p->from);
  g_free (p->address);
  g_free (p);
}

static gpointer
place (GadStore      *store,
       gpointer       data,
       GCancellable  *cancellable,
       GError       **error)
{
  Placing *p = data;

  return GINT_TO_POINTER (gad_store_place_in_household (store, p->person_id, p->with_id,
                                                        p->relation, p->from, p->address,
                                                        p->territory_id, error) != 0);
}

static void
on_save (GadHouseholdDialog *self)
{
  guint n;
  const GadCatalogEntry *relations = gad_catalog_entries (GAD_CATALOG_RELATION, &n);
  Placing *p;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;
  p = g_new0 (Placing, 1);
  p->person_id = gad_person_get_id (self->person);
  p->with_id = self->with_id;
  p->relation = relations[adw_combo_row_get_selected (self->relation_row)].code;
  p->from = gad_date_row_get_iso (self->from_row);
  p->address = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
  p->territory_id = gad_person_get_territory_id (self->person);
  gad_dialog_save (GTK_WIDGET (self), GTK_WIDGET (self->save_button), self->error_label,
                   self->context, place, p, (GDestroyNotify) placing_free, NULL, NULL);
}

static void
gad_household_dialog_dispose (GObject *object)
{
  GadHouseholdDialog *self = GAD_HOUSEHOLD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_HOUSEHOLD_DIALOG);
  g_cancellable_cancel (self->looking);
  g_clear_object (&self->looking);
  g_clear_pointer (&self->owner, gad_code_owner_free);
  g_clear_pointer (&self->asked, g_free);
  g_clear_object (&self->context);
  g_clear_object (&self->person);
  G_OBJECT_CLASS (gad_household_dialog_parent_class)->dispose (object);
}

static void
gad_household_dialog_class_init (GadHouseholdDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_household_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-household-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, GadHouseholdDialog, name)
  CHILD (save_button);
  CHILD (error_label);
  CHILD (with_row);
  CHILD (with_hint);
  CHILD (address_row);
  CHILD (relation_row);
  CHILD (from_row);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_household_dialog_init (GadHouseholdDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gad_dialog_use_keyboard (GTK_WINDOW (self), self->save_button);
}

GadHouseholdDialog *
gad_household_dialog_new (GtkWindow  *parent,
                          GadContext *context,
                          GadPerson  *person)
{
  GadHouseholdDialog *self = g_object_new (GAD_TYPE_HOUSEHOLD_DIALOG, "transient-for", parent,
                                           NULL);
  g_autoptr(GListModel) relations = gad_catalog_model (GAD_CATALOG_RELATION);
  g_autofree char *today = gad_text_today_iso ();

  self->context = g_object_ref (context);
  self->person = g_object_ref (person);
  adw_combo_row_set_model (self->relation_row, relations);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), gad_person_get_address (person));
  gad_date_row_set_iso (self->from_row, today);
  gtk_button_set_label (self->save_button, _("_Add to Household"));
  validate (self);
  return self;
}
