/* gad-paper-dialog.c — what a contract or a referral needs besides the
 * client: the service plan, or where and why
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-paper-dialog.h"
#include "gad-paper.h"
#include "gad-text.h"

struct _GadPaperDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  gint64 person_id;
  GadDocumentKind kind;
  GArray *plan_ids;

  AdwWindowTitle *title;
  GtkWidget *issue_button;
  GtkLabel *error_label;
  GtkWidget *contract_group;
  AdwComboRow *plan_row;
  GtkWidget *referral_group;
  AdwEntryRow *to_row;
  GtkWidget *reason_group;
  GtkTextView *reason_view;
};

G_DEFINE_FINAL_TYPE (GadPaperDialog, gad_paper_dialog, ADW_TYPE_WINDOW)

enum { ISSUED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_issued (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GadPaperDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadPaper) paper = gad_paper_finish (result, &error);

  /* Refused, what was typed stays to be mended. */
  gtk_widget_set_sensitive (self->issue_button, TRUE);
  if (paper == NULL)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  g_signal_emit (self, signals[ISSUED], 0, paper);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_issue (GadPaperDialog *self)
{
  g_autofree char *reason = NULL;
  GadDocumentDraft draft = { self->kind, self->person_id };
  GtkTextIter start, end;
  guint plan = adw_combo_row_get_selected (self->plan_row);

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->reason_view), &start, &end);
  reason = gtk_text_iter_get_text (&start, &end);
  if (self->kind == GAD_DOCUMENT_CONTRACT)
    draft.plan_id = plan < self->plan_ids->len ? g_array_index (self->plan_ids, gint64, plan) : 0;
  if (self->kind == GAD_DOCUMENT_REFERRAL
      && (*g_strstrip (reason) == '\0'
          || *gtk_editable_get_text (GTK_EDITABLE (self->to_row)) == '\0'))
    {
      gad_show_error (self->error_label, _("Write where the client is referred to, and why."));
      return;
    }
  draft.referral_to = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
  draft.referral_reason = reason;
  gtk_widget_set_sensitive (self->issue_button, FALSE);
  gad_paper_issue (self->context, &draft, on_issued, g_object_ref (self));
}

static void
gad_paper_dialog_dispose (GObject *object)
{
  GadPaperDialog *self = GAD_PAPER_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->plan_ids, g_array_unref);
  G_OBJECT_CLASS (gad_paper_dialog_parent_class)->dispose (object);
}

static void
gad_paper_dialog_class_init (GadPaperDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_paper_dialog_dispose;
  /* The document as issued (a GadPaper, alive during the emission). */
  signals[ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-paper-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GadPaperDialog, title);
  gtk_widget_class_bind_template_child (widget_class, GadPaperDialog, issue_button);
  gtk_widget_class_bind_template_child (widget_class, GadPaperDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GadPaperDialog, contract_group);
  gtk_widget_class_bind_template_child (widget_class, GadPaperDialog, plan_row);
  gtk_widget_class_bind_template_child (widget_class, GadPaperDialog, referral_group);
  gtk_widget_class_bind_template_child (widget_class, GadPaperDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, GadPaperDialog, reason_group);
  gtk_widget_class_bind_template_child (widget_class, GadPaperDialog, reason_view);
  gtk_widget_class_bind_template_callback (widget_class, on_issue);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_paper_dialog_init (GadPaperDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->plan_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * gad_paper_dialog_new:
 * @kind: %GAD_DOCUMENT_CONTRACT (a plan of the client's to choose) or
 *   %GAD_DOCUMENT_REFERRAL (where to and why)
 */
GadPaperDialog *
gad_paper_dialog_new (GtkWindow       *parent,
                      GadContext      *context,
                      GadClientFile   *file,
                      GadDocumentKind  kind)
{
  GadPaperDialog *self = g_object_new (GAD_TYPE_PAPER_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) plans = gtk_string_list_new (NULL);
  g_autofree char *name = gad_person_dup_full_name (file->person);
  GPtrArray *rows = file->rows[GAD_FILE_PLANS];

  self->context = g_object_ref (context);
  self->person_id = file->person_id;
  self->kind = kind;
  adw_window_title_set_title (self->title, gad_document_kind_name (kind));
  adw_window_title_set_subtitle (self->title, name);
  gtk_window_set_title (GTK_WINDOW (self), gad_document_kind_name (kind));
  gtk_widget_set_visible (self->contract_group, kind == GAD_DOCUMENT_CONTRACT);
  gtk_widget_set_visible (self->referral_group, kind == GAD_DOCUMENT_REFERRAL);
  gtk_widget_set_visible (self->reason_group, kind == GAD_DOCUMENT_REFERRAL);
  /* The plans newest first, as the client's page lists them. */
  for (guint i = 0; rows && i < rows->len; i++)
    {
      GadServicePlan *p = g_ptr_array_index (rows, i);
      g_autofree char *from = gad_text_format_date (p->period_from);
      g_autofree char *to = p->period_to ? gad_text_format_date (p->period_to) : g_strdup ("…");
      const char *service = p->service_code;
      g_autofree char *label = NULL;

      for (guint k = 0; file->types && k < file->types->len; k++)
        if (g_str_equal (((GadTypeEntry *) g_ptr_array_index (file->types, k))->code,
                         p->service_code))
          service = gad_type_display_name (g_ptr_array_index (file->types, k));
      /* TRANSLATORS: a service plan to choose: service, from – to */
      label = g_strdup_printf (_("%s, %s – %s"), service, from, to);
      gtk_string_list_append (plans, label);
      g_array_append_val (self->plan_ids, p->id);
    }
  adw_combo_row_set_model (self->plan_row, G_LIST_MODEL (plans));
  if (kind == GAD_DOCUMENT_CONTRACT && self->plan_ids->len == 0)
    {
      gad_show_error (self->error_label, _("The client has no service plan: plan the service "
                                           "on the Services and Schedule tab first."));
      gtk_widget_set_sensitive (self->issue_button, FALSE);
    }
  return self;
}
