/* gad-case-dialog.c — open, edit or close a case file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-case-dialog.h"
#include "gad-text.h"

struct _GadCaseDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  GadCase *existing;
  gint64 person_id;
  GadCaseMode mode;
  GArray *staff_ids;
  GPtrArray *group_checks; /* GtkCheckButton, in catalogue order */

  GtkButton *save_button;
  GtkLabel *error_label;
  AdwPreferencesGroup *case_group;
  AdwComboRow *worker_row;
  AdwEntryRow *opened_row;
  AdwEntryRow *notes_row;
  AdwPreferencesGroup *groups_group;
  GtkListBox *groups_list;
  AdwPreferencesGroup *close_group;
  AdwEntryRow *closed_row;
  AdwComboRow *reason_row;
  AdwEntryRow *transfer_row;
  AdwPreferencesGroup *reopen_group;
  AdwEntryRow *reopen_row;
};

G_DEFINE_FINAL_TYPE (GadCaseDialog, gad_case_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
validate (GadCaseDialog *self)
{
  g_autofree char *opened = gad_date_row_get_iso (self->opened_row);
  g_autofree char *closed = gad_date_row_get_iso (self->closed_row);
  gboolean worker_ok = adw_combo_row_get_selected (self->worker_row) > 0;
  gboolean ok = opened != NULL && worker_ok;

  gad_row_set_error (self->opened_row, opened == NULL);
  /* Another worker takes an open case on with the reason said. */
  if (self->mode == GAD_CASE_EDIT && self->existing && self->staff_ids->len > 0)
    {
      guint chosen = adw_combo_row_get_selected (self->worker_row);
      gboolean moves = chosen < self->staff_ids->len
                       && g_array_index (self->staff_ids, gint64, chosen)
                          != self->existing->worker_id;
      g_autofree char *why = g_strstrip (g_strdup (gtk_editable_get_text (
                                          GTK_EDITABLE (self->transfer_row))));

      gtk_widget_set_visible (GTK_WIDGET (self->transfer_row), moves);
      ok = ok && (!moves || why[0] != '\0');
    }
  if (self->mode == GAD_CASE_CLOSE)
    {
      gad_row_set_error (self->closed_row, closed == NULL);
      ok = ok && closed != NULL;
    }
  if (self->mode == GAD_CASE_REOPEN)
    {
      g_autofree char *why = g_strstrip (g_strdup (gtk_editable_get_text (
                                          GTK_EDITABLE (self->reopen_row))));
      ok = why[0] != '\0';
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ok);
}

static char *
selected_groups (GadCaseDialog *self)
{
  guint n;
  const GadCatalogEntry *entries = gad_catalog_entries (GAD_CATALOG_TARGET_GROUP, &n);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; i < n; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->group_checks, i)))
      g_strv_builder_add (codes, entries[i].code);
  list = g_strv_builder_end (codes);
  return g_strjoinv (",", list);
}

static void
on_cancel (GadCaseDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* What the dialog saves, copied from its rows. */
typedef struct
{
  GadCaseMode mode;
  GadCase c;
  char *closed;
  const char *reason;
} CaseSave;

static void
case_save_free (CaseSave *cs)
{
  g_free (cs->c.target_groups);
  g_free (cs->c.opened_on);
  g_free (cs->c.notes);
  g_free (cs->c.transfer_reason);
  g_free (cs->closed);
  g_free (cs);
}

static gpointer
save_case (GadStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  CaseSave *cs = data;
  gboolean ok;

  if (cs->mode == GAD_CASE_CLOSE)
    ok = gad_store_close_case (store, cs->c.id, cs->closed, cs->reason, error);
  else if (cs->mode == GAD_CASE_REOPEN)
    ok = gad_store_reopen_case (store, cs->c.id, cs->c.notes, error);
  else if (cs->mode == GAD_CASE_EDIT)
    ok = gad_store_update_case (store, &cs->c, error);
  else
    ok = gad_store_insert_case (store, &cs->c, error) != 0;
  return GINT_TO_POINTER (ok);
}

static void
on_save (GadCaseDialog *self)
{
  CaseSave *cs;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;

  cs = g_new0 (CaseSave, 1);
  cs->mode = self->mode;
  cs->c.id = self->existing ? self->existing->id : 0;
  if (self->mode == GAD_CASE_CLOSE)
    {
      guint n;
      const GadCatalogEntry *reasons = gad_catalog_entries (GAD_CATALOG_CLOSING_REASON, &n);

      cs->closed = gad_date_row_get_iso (self->closed_row);
      cs->reason = reasons[adw_combo_row_get_selected (self->reason_row)].code;
    }
  else if (self->mode == GAD_CASE_REOPEN)
    cs->c.notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reopen_row)));
  else
    {
      cs->c.version = self->existing ? self->existing->version : 0;
      cs->c.person_id = self->person_id;
      cs->c.worker_id = g_array_index (self->staff_ids, gint64,
                                       adw_combo_row_get_selected (self->worker_row));
      cs->c.target_groups = selected_groups (self);
      cs->c.opened_on = gad_date_row_get_iso (self->opened_row);
      cs->c.notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
      if (gtk_widget_get_visible (GTK_WIDGET (self->transfer_row)))
        cs->c.transfer_reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->transfer_row)));
    }
  gad_dialog_save (GTK_WIDGET (self), GTK_WIDGET (self->save_button), self->error_label,
                   self->context, save_case, cs, (GDestroyNotify) case_save_free, NULL, NULL);
}

static void
fill (GadCaseDialog *self)
{
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(GListModel) reasons = gad_catalog_model (GAD_CATALOG_CLOSING_REASON);
  g_autofree char *today = gad_text_today_iso ();
  g_auto(GStrv) chosen = NULL;
  guint n;
  const GadCatalogEntry *groups = gad_catalog_entries (GAD_CATALOG_TARGET_GROUP, &n);
  gboolean closing = self->mode == GAD_CASE_CLOSE;

  staff = gad_staff_model (self->context, _("Choose…"), self->staff_ids);
  adw_combo_row_set_model (self->worker_row, staff);
  adw_combo_row_set_model (self->reason_row, reasons);
  chosen = g_strsplit (self->existing ? self->existing->target_groups : "", ",", -1);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(groups[i].name));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_strv_contains ((const char * const *) chosen, groups[i].code));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(groups[i].name), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->groups_list, row);
      g_ptr_array_add (self->group_checks, check);
    }

  if (self->existing)
    {
      adw_combo_row_set_selected (self->worker_row,
                                  gad_ids_find (self->staff_ids, self->existing->worker_id));
      gad_date_row_set_iso (self->opened_row, self->existing->opened_on);
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row), self->existing->notes);
    }
  else
    {
      GadStore *store = gad_context_get_store (self->context);

      /* A social worker opening a case takes it on, unless they choose a colleague. */
      if (gad_store_get_role (store) == GAD_ROLE_SOCIAL_WORKER)
        adw_combo_row_set_selected (self->worker_row,
                                    gad_ids_find (self->staff_ids, gad_store_actor_id (store)));
      gad_date_row_set_iso (self->opened_row, today);
    }
  gad_date_row_set_iso (self->closed_row, today);

  gtk_widget_set_visible (GTK_WIDGET (self->close_group), closing);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_group), self->mode == GAD_CASE_REOPEN);
  gtk_widget_set_sensitive (GTK_WIDGET (self->case_group), !closing);
  gtk_widget_set_visible (GTK_WIDGET (self->case_group), self->mode != GAD_CASE_REOPEN);
  gtk_widget_set_visible (GTK_WIDGET (self->groups_group), !closing);
  if (self->mode == GAD_CASE_NEW)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Case"));
      gtk_button_set_label (self->save_button, _("_Open Case"));
    }
  else if (self->mode == GAD_CASE_EDIT)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Case"));
      gtk_button_set_label (self->save_button, _("_Save"));
    }
  else if (self->mode == GAD_CASE_REOPEN)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Reopen Case"));
      gtk_button_set_label (self->save_button, _("_Reopen Case"));
      gtk_widget_set_visible (GTK_WIDGET (self->groups_group), FALSE);
      gtk_window_set_default_size (GTK_WINDOW (self), 520, 320);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Close Case"));
      gtk_button_set_label (self->save_button, _("_Close Case"));
      gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "destructive-action");
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "suggested-action");
    }
  validate (self);
}

static void
gad_case_dialog_dispose (GObject *object)
{
  GadCaseDialog *self = GAD_CASE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_CASE_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->existing, gad_case_free);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->group_checks, g_ptr_array_unref);
  G_OBJECT_CLASS (gad_case_dialog_parent_class)->dispose (object);
}

static void
gad_case_dialog_class_init (GadCaseDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_case_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-case-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, GadCaseDialog, name)
  CHILD (save_button);
  CHILD (error_label);
  CHILD (case_group);
  CHILD (worker_row);
  CHILD (opened_row);
  CHILD (notes_row);
  CHILD (groups_group);
  CHILD (groups_list);
  CHILD (close_group);
  CHILD (closed_row);
  CHILD (reason_row);
  CHILD (transfer_row);
  CHILD (reopen_group);
  CHILD (reopen_row);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_case_dialog_init (GadCaseDialog *self)
{
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->group_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gad_dialog_use_keyboard (GTK_WINDOW (self), self->save_button);
}

/**
 * gad_case_dialog_new:
 * @existing: (nullable): the case to edit or close; %NULL with %GAD_CASE_NEW
 */
GadCaseDialog *
gad_case_dialog_new (GtkWindow     *parent,
                     GadContext    *context,
                     gint64         person_id,
                     const GadCase *existing,
                     GadCaseMode    mode)
{
  GadCaseDialog *self = g_object_new (GAD_TYPE_CASE_DIALOG, "transient-for", parent, NULL);

  g_return_val_if_fail ((existing == NULL) == (mode == GAD_CASE_NEW), self);

  self->context = g_object_ref (context);
  self->person_id = person_id;
  self->existing = existing ? gad_case_copy (existing) : NULL;
  self->mode = mode;
  fill (self);
  return self;
}
