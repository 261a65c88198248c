/* gad-person-dialog.c — register a client or edit their details
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks as the user types: the personal code says what is wrong with it
 * (date, check digit) or whom it already belongs to, and an old-format code
 * fills in the birth date. A failed save leaves everything as typed.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-person-dialog.h"
#include "gad-personal-code.h"
#include "gad-text.h"

struct _GadPersonDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  GadPerson *person;      /* a copy of the person being edited, NULL for a new one */
  GArray *territory_ids;
  gboolean validating;    /* setting the birth date from the code must not re-enter */
  GadCodeOwner *owner;    /* of the code as last looked up */
  GCancellable *looking;  /* while a code's owner is looked up */
  char *asked;            /* the code looked up */

  GtkButton *save_button;
  GtkLabel *error_label;
  AdwEntryRow *code_row;
  GtkLabel *code_hint;
  AdwEntryRow *surname_row;
  AdwEntryRow *first_name_row;
  AdwComboRow *gender_row;
  AdwComboRow *disability_row;
  AdwEntryRow *birth_row;
  AdwEntryRow *address_row;
  AdwEntryRow *phone_row;
  AdwComboRow *parish_row;
};

G_DEFINE_FINAL_TYPE (GadPersonDialog, gad_person_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *genders[] = { "", "M", "F" };

static void
set_hint (GadPersonDialog *self,
          const char      *text,
          gboolean         error)
{
  gtk_label_set_label (self->code_hint, text);
  gtk_widget_set_visible (GTK_WIDGET (self->code_hint), text != NULL && *text);
  if (error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->code_hint), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->code_hint), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->code_hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->code_hint), "dim-label");
    }
  gad_row_set_error (self->code_row, error);
}

static gboolean
is_blank (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  return *text == '\0';
}

static void validate (GadPersonDialog *self);

static void
on_owner_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GadPersonDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GadCodeOwner *owner = gad_worker_run_finish (result, &error);

  if (owner == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_hint (self, error->message, TRUE);
      return;
    }
  g_clear_pointer (&self->owner, gad_code_owner_free);
  self->owner = owner;
  validate (self);
}

static void
validate (GadPersonDialog *self)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  g_autoptr(GError) error = NULL;
  gboolean code_ok = FALSE;
  char digits[12];
  GDate birth;
  GadCodeKind kind;

  if (self->validating)
    return;
  self->validating = TRUE;
  if (*code == '\0')
    set_hint (self, _("11 digits, e.g. 161175-19997."), FALSE);
  else if ((kind = gad_personal_code_parse (code, digits, &birth, &error)) == 0)
    set_hint (self, error->message, TRUE);
  else if (self->owner == NULL || g_strcmp0 (self->owner->code, code) != 0)
    {
      /* Whose it is comes in a moment; until then it cannot be saved. */
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
  else
    {
      gint64 owner = self->owner->id;

      if (owner != 0 && (self->person == NULL || owner != gad_person_get_id (self->person)))
        {
          g_autofree char *text = g_strdup_printf (_("This code already belongs to %s."),
                                                   self->owner->name);

          set_hint (self, text, TRUE);
        }
      else if (kind == GAD_CODE_OLD)
        {
          g_autofree char *iso = gad_text_iso_date (&birth);
          g_autofree char *date = gad_text_format_date (iso);
          g_autofree char *text = g_strdup_printf (_("Born %s."), date);

          set_hint (self, text, FALSE);
          if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->birth_row)), date))
            gtk_editable_set_text (GTK_EDITABLE (self->birth_row), date);
          code_ok = TRUE;
        }
      else
        {
          set_hint (self, _("A new-format code: it does not tell the birth date, so enter it "
                            "below if it is known."), FALSE);
          code_ok = TRUE;
        }
      gtk_widget_set_sensitive (GTK_WIDGET (self->birth_row), kind == GAD_CODE_NEW);
    }

  {
    gboolean birth_ok = is_blank (self->birth_row);
    g_autofree char *iso = birth_ok ? NULL : gad_date_row_get_iso (self->birth_row);

    birth_ok = birth_ok || iso != NULL;
    gad_row_set_error (self->birth_row, !birth_ok);
    gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                              code_ok && birth_ok && !is_blank (self->surname_row)
                              && !is_blank (self->first_name_row));
  }
  self->validating = FALSE;
}

static void
on_cancel (GadPersonDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gpointer
save_person (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  GadPerson *person = data;
  gboolean new = gad_person_get_id (person) == 0;
  gboolean ok = !new ? gad_store_update_person (store, person, error)
                     : gad_store_insert_person (store, person, error) != 0;

  /* A new client who looks registered already is said so once saved. */
  if (ok && new)
    {
      g_autoptr(GPtrArray) pairs = gad_store_find_duplicates (store, gad_person_get_id (person),
                                                              NULL);

      if (pairs && pairs->len > 0)
        g_object_set_data_full (G_OBJECT (person), "look-alike",
                                g_ptr_array_steal_index (pairs, 0),
                                (GDestroyNotify) gad_duplicate_free);
    }
  return ok ? g_object_ref (person) : NULL;
}

static void
on_person_saved (GtkWidget    *dialog,
                 gpointer      result,
                 const GError *error)
{
  GadPersonDialog *self = GAD_PERSON_DIALOG (dialog);
  GadDuplicate *look_alike;

  if (error)
    {
      /* Keep the dialog and what was typed; say what to fix. */
      gad_show_error (self->error_label, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, gad_person_get_id (result));
  look_alike = g_object_get_data (G_OBJECT (result), "look-alike");
  if (look_alike != NULL)
    {
      g_autofree char *code = gad_personal_code_format (look_alike->code[1]);
      g_autofree char *text = g_strdup_printf (look_alike->same_birth_date
                                                 ? _("%s may be registered twice: %s (%s) has the "
                                                     "same name and birth date. A head or an "
                                                     "administrator sees them in Possible "
                                                     "Duplicates.")
                                                 : _("%s may be registered twice: %s (%s) has the "
                                                     "same name and address. A head or an "
                                                     "administrator sees them in Possible "
                                                     "Duplicates."),
                                               look_alike->name[0], look_alike->name[1], code);

      gad_window_toast (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))), text);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save (GadPersonDialog *self)
{
  GadPerson *person = self->person ? gad_person_copy (self->person) : gad_person_new ();
  g_autofree char *birth = gad_date_row_get_iso (self->birth_row);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    {
      g_object_unref (person);
      return;
    }

  g_object_set (person,
                "code", gtk_editable_get_text (GTK_EDITABLE (self->code_row)),
                "last-name", gtk_editable_get_text (GTK_EDITABLE (self->surname_row)),
                "first-name", gtk_editable_get_text (GTK_EDITABLE (self->first_name_row)),
                "gender", genders[adw_combo_row_get_selected (self->gender_row)],
                "disability-group", adw_combo_row_get_selected (self->disability_row),
                "birth-date", birth,
                "address", gtk_editable_get_text (GTK_EDITABLE (self->address_row)),
                "phone", gtk_editable_get_text (GTK_EDITABLE (self->phone_row)),
                "territory-id", g_array_index (self->territory_ids, gint64,
                                               adw_combo_row_get_selected (self->parish_row)),
                NULL);
  gad_dialog_save (GTK_WIDGET (self), GTK_WIDGET (self->save_button), self->error_label,
                   self->context, save_person, person, g_object_unref, g_object_unref,
                   on_person_saved);
}

static void
fill (GadPersonDialog *self)
{
  g_autoptr(GListModel) parishes = gad_territory_model (self->context, self->territory_ids);
  g_autoptr(GtkStringList) gender_names = gtk_string_list_new (NULL);

  gtk_string_list_append (gender_names, _("Not given"));
  gtk_string_list_append (gender_names, _("Male"));
  gtk_string_list_append (gender_names, _("Female"));
  adw_combo_row_set_model (self->gender_row, G_LIST_MODEL (gender_names));
  adw_combo_row_set_model (self->parish_row, parishes);

  if (self->person)
    {
      const char *gender = gad_person_get_gender (self->person);
      g_autofree char *code = gad_person_dup_code_display (self->person);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Client"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), code);
      gtk_editable_set_text (GTK_EDITABLE (self->surname_row),
                             gad_person_get_last_name (self->person));
      gtk_editable_set_text (GTK_EDITABLE (self->first_name_row),
                             gad_person_get_first_name (self->person));
      adw_combo_row_set_selected (self->gender_row,
                                  g_str_equal (gender, "M") ? 1 : g_str_equal (gender, "F") ? 2 : 0);
      gad_date_row_set_iso (self->birth_row, gad_person_get_birth_date (self->person));
      adw_combo_row_set_selected (self->disability_row,
                                  gad_person_get_disability_group (self->person));
      gtk_editable_set_text (GTK_EDITABLE (self->address_row),
                             gad_person_get_address (self->person));
      gtk_editable_set_text (GTK_EDITABLE (self->phone_row), gad_person_get_phone (self->person));
      adw_combo_row_set_selected (self->parish_row,
                                  gad_ids_find (self->territory_ids,
                                                gad_person_get_territory_id (self->person)));
    }
  validate (self);
}

static void
gad_person_dialog_dispose (GObject *object)
{
  GadPersonDialog *self = GAD_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_PERSON_DIALOG);
  g_cancellable_cancel (self->looking);
  g_clear_object (&self->looking);
  g_clear_pointer (&self->owner, gad_code_owner_free);
  g_clear_pointer (&self->asked, g_free);
  g_clear_object (&self->context);
  g_clear_object (&self->person);
  g_clear_pointer (&self->territory_ids, g_array_unref);
  G_OBJECT_CLASS (gad_person_dialog_parent_class)->dispose (object);
}

static void
gad_person_dialog_class_init (GadPersonDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_person_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-person-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, GadPersonDialog, name)
  CHILD (save_button);
  CHILD (error_label);
  CHILD (code_row);
  CHILD (code_hint);
  CHILD (surname_row);
  CHILD (first_name_row);
  CHILD (gender_row);
  CHILD (disability_row);
  CHILD (birth_row);
  CHILD (address_row);
  CHILD (phone_row);
  CHILD (parish_row);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_person_dialog_init (GadPersonDialog *self)
{
  self->territory_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  gad_dialog_use_keyboard (GTK_WINDOW (self), self->save_button);
}

/**
 * gad_person_dialog_new:
 * @person: (nullable): the client to edit, or %NULL to register a new one
 */
GadPersonDialog *
gad_person_dialog_new (GtkWindow  *parent,
                       GadContext *context,
                       GadPerson  *person)
{
  GadPersonDialog *self = g_object_new (GAD_TYPE_PERSON_DIALOG, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  self->person = person ? gad_person_copy (person) : NULL;
  fill (self);
  return self;
}
