/* gad-client-case-file.c — a client's page: the cases, their records, plans and documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-case-dialog.h"
#include "gad-case-plan-window.h"
#include "gad-catalog.h"
#include "gad-client-case-file.h"
#include "gad-documents-window.h"
#include "gad-records-window.h"
#include "gad-text.h"

struct _GadClientCaseFile
{
  GadClientSection parent_instance;

  GtkListBox *cases_list;
};

G_DEFINE_FINAL_TYPE (GadClientCaseFile, gad_client_case_file, GAD_TYPE_CLIENT_SECTION)

static void
open_case_dialog (GadClientSection *self,
                  GadCase          *c,
                  GadCaseMode       mode)
{
  GadCaseDialog *dialog = gad_case_dialog_new (gad_client_section_get_window (self),
                                               gad_client_section_get_context (self),
                                               gad_client_section_get_file (self)->person_id,
                                               c, mode);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (gad_client_section_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GadCase *
case_of (GtkButton *button)
{
  return g_object_get_data (G_OBJECT (button), "case");
}

static void
on_edit_case (GtkButton        *button,
              GadClientSection *self)
{
  open_case_dialog (self, case_of (button), GAD_CASE_EDIT);
}

static void
on_close_case (GtkButton        *button,
               GadClientSection *self)
{
  open_case_dialog (self, case_of (button), GAD_CASE_CLOSE);
}

static void
on_reopen_case (GtkButton        *button,
                GadClientSection *self)
{
  open_case_dialog (self, case_of (button), GAD_CASE_REOPEN);
}

/* A case's records, its assessment and plan, and its documents: read by
 * whoever reads the file, written by its workers. */
static void
on_case_records (GtkButton        *button,
                 GadClientSection *self)
{
  g_autofree char *client = gad_client_section_dup_name (self);

  gtk_window_present (GTK_WINDOW (gad_records_window_new (
    gad_client_section_get_window (self), gad_client_section_get_context (self),
    case_of (button), client, gad_client_section_get_file (self)->writes)));
}

static void
on_case_plan (GtkButton        *button,
              GadClientSection *self)
{
  g_autofree char *client = gad_client_section_dup_name (self);

  gtk_window_present (GTK_WINDOW (gad_case_plan_window_new (
    gad_client_section_get_window (self), gad_client_section_get_context (self),
    case_of (button), client, gad_client_section_get_file (self)->writes)));
}

static void
on_case_documents (GtkButton        *button,
                   GadClientSection *self)
{
  g_autofree char *client = gad_client_section_dup_name (self);

  gtk_window_present (GTK_WINDOW (gad_documents_window_new (
    gad_client_section_get_window (self), gad_client_section_get_context (self),
    case_of (button), client, gad_client_section_get_file (self)->writes)));
}

static void
case_button (GtkWidget  *row,
             GadCase    *c,
             const char *label,
             GCallback   callback,
             gpointer    self)
{
  GtkWidget *button = gad_client_section_button (row, label, callback, self);

  /* The windows the buttons open outlive the file shown: they keep a copy. */
  g_object_set_data_full (G_OBJECT (button), "case", gad_case_copy (c),
                          (GDestroyNotify) gad_case_free);
}

static void
gad_client_case_file_show (GadClientSection *section)
{
  GadClientCaseFile *self = GAD_CLIENT_CASE_FILE (section);
  GadClientFile *file = gad_client_section_get_file (section);
  GPtrArray *cases = gad_client_section_rows (section, self->cases_list, GAD_FILE_CASES);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case-file.new-case", file->writes);
  for (guint i = 0; cases && i < cases->len; i++)
    {
      GadCase *c = g_ptr_array_index (cases, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *groups = gad_catalog_names (GAD_CATALOG_TARGET_GROUP, c->target_groups);
      g_autofree char *opened = gad_text_format_date (c->opened_on);
      g_autofree char *subtitle = NULL;
      g_autofree char *documents = NULL;

      if (c->closed_on)
        {
          g_autofree char *closed = gad_text_format_date (c->closed_on);
          /* TRANSLATORS: a closed case: worker · opened – closed · why */
          subtitle = g_strdup_printf (_("%s · %s – %s · %s"), c->worker, opened, closed,
                                      gad_catalog_name (GAD_CATALOG_CLOSING_REASON,
                                                        c->closing_reason));
          gtk_widget_add_css_class (row, "dim-label");
        }
      else
        /* TRANSLATORS: an open case: worker · since when */
        subtitle = g_strdup_printf (_("%s · open since %s"), c->worker, opened);
      /* TRANSLATORS: the button to a case's documents, with how many there are */
      documents = c->n_documents ? g_strdup_printf (_("_Documents (%u)…"), (guint) c->n_documents)
                                 : g_strdup (_("_Documents…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     *groups ? groups : _("No target group"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      case_button (row, c, _("_Records…"), G_CALLBACK (on_case_records), self);
      case_button (row, c, _("_Plan…"), G_CALLBACK (on_case_plan), self);
      case_button (row, c, documents, G_CALLBACK (on_case_documents), self);
      if (c->closed_on == NULL)
        {
          case_button (row, c, _("_Edit"), G_CALLBACK (on_edit_case), self);
          case_button (row, c, _("_Close Case…"), G_CALLBACK (on_close_case), self);
        }
      else if (file->writes)
        case_button (row, c, _("Re_open…"), G_CALLBACK (on_reopen_case), self);
      gtk_list_box_append (self->cases_list, row);
    }
  if (cases && cases->len == 0)
    gad_client_section_placeholder (self->cases_list, _("No cases"));
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  if (gad_client_section_get_file (GAD_CLIENT_SECTION (widget)))
    open_case_dialog (GAD_CLIENT_SECTION (widget), NULL, GAD_CASE_NEW);
}

static void
gad_client_case_file_class_init (GadClientCaseFileClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  GAD_CLIENT_SECTION_CLASS (klass)->show = gad_client_case_file_show;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-client-case-file.ui");
  gtk_widget_class_bind_template_child (widget_class, GadClientCaseFile, cases_list);
  gtk_widget_class_install_action (widget_class, "case-file.new-case", NULL, new_case_action);
}

static void
gad_client_case_file_init (GadClientCaseFile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
