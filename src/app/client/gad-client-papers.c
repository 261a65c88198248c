/* gad-client-papers.c — a client's page: certificates, contracts, referrals
 * and co-operation agreements issued, and issuing one
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-client-papers.h"
#include "gad-paper-dialog.h"
#include "gad-paper.h"
#include "gad-text.h"

struct _GadClientPapers
{
  GadClientSection parent_instance;

  GtkListBox *papers_list;
  GtkWidget *issue_button;
};

G_DEFINE_FINAL_TYPE (GadClientPapers, gad_client_papers, GAD_TYPE_CLIENT_SECTION)

static void
on_paper_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GadClientSection) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadPaper) paper = gad_paper_finish (result, &error);
  GtkWindow *window = gad_client_section_get_window (self);

  if (paper == NULL)
    gad_client_section_failed (self, error->message);
  else if (window)
    gad_paper_show (window, paper);
}

static void
on_paper_activated (AdwActionRow     *row,
                    GadClientSection *self)
{
  gad_paper_read (gad_client_section_get_context (self),
                  GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "paper-id")),
                  on_paper_read, g_object_ref (self));
}

/* Issued: the list gains it, and it opens to be printed or handed over. */
static void
on_dialog_issued (GadClientSection *self,
                  GadPaper         *paper)
{
  GtkWindow *window = gad_client_section_get_window (self);

  gad_client_section_saved (self);
  if (window)
    gad_paper_show (window, paper);
}

static void
on_issued (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GadClientSection) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadPaper) paper = gad_paper_finish (result, &error);
  GtkWindow *window = gad_client_section_get_window (self);
  GtkWidget *message;

  if (paper)
    {
      on_dialog_issued (self, paper);
      return;
    }
  if (window == NULL)
    return;
  /* A lapsed status, no duties to agree on: the reason, and nothing issued. */
  message = adw_message_dialog_new (window, _("Cannot Issue the Document"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GadClientSection *self = GAD_CLIENT_SECTION (widget);
  GadClientFile *file = gad_client_section_get_file (self);
  GadDocumentDraft draft = { 0 };
  GadPaperDialog *dialog;

  if (file == NULL || !gad_document_kind_parse (g_variant_get_string (param, NULL), &draft.kind))
    return;
  draft.person_id = file->person_id;
  if (draft.kind == GAD_DOCUMENT_CERTIFICATE || draft.kind == GAD_DOCUMENT_AGREEMENT)
    {
      gad_paper_issue (gad_client_section_get_context (self), &draft, on_issued,
                       g_object_ref (self));
      return;
    }
  dialog = gad_paper_dialog_new (gad_client_section_get_window (self),
                                 gad_client_section_get_context (self), file, draft.kind);
  g_signal_connect_object (dialog, "issued", G_CALLBACK (on_dialog_issued), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gad_client_papers_show (GadClientSection *section)
{
  GadClientPapers *self = GAD_CLIENT_PAPERS (section);
  GadClientFile *file = gad_client_section_get_file (section);
  GPtrArray *papers = gad_client_section_rows (section, self->papers_list, GAD_FILE_DOCUMENTS);

  gtk_widget_set_visible (self->issue_button, file->writes);
  for (guint i = 0; papers && i < papers->len; i++)
    {
      GadIssuedDocument *d = g_ptr_array_index (papers, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *issued = gad_text_format_date (d->issued_on);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GadDocumentKind kind = GAD_DOCUMENT_CERTIFICATE;

      gad_document_kind_parse (d->kind, &kind);
      /* TRANSLATORS: an issued document in a list: kind · number · date */
      title = g_strdup_printf (_("%s · %s · %s"), gad_document_kind_name (kind), d->number, issued);
      /* TRANSLATORS: what a document is about · who issued it */
      subtitle = g_strdup_printf (_("%s · %s"), d->subject, *d->issued_by ? d->issued_by : "—");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (row), "paper-id", GSIZE_TO_POINTER (d->id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_paper_activated), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->papers_list, row);
    }
  if (papers && papers->len == 0)
    gad_client_section_placeholder (self->papers_list, _("No documents issued"));
}

static void
gad_client_papers_class_init (GadClientPapersClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  GAD_CLIENT_SECTION_CLASS (klass)->show = gad_client_papers_show;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-client-papers.ui");
  gtk_widget_class_bind_template_child (widget_class, GadClientPapers, papers_list);
  gtk_widget_class_bind_template_child (widget_class, GadClientPapers, issue_button);
  gtk_widget_class_install_action (widget_class, "papers.issue", "s", issue_action);
}

static void
gad_client_papers_init (GadClientPapers *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
