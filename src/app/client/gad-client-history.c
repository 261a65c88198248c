/* gad-client-history.c — a client's page: every change, and the audit log
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-audit-text.h"
#include "gad-audit-window.h"
#include "gad-client-history.h"
#include "gad-text.h"

struct _GadClientHistory
{
  GadClientSection parent_instance;

  GtkListBox *history_list;
  GtkWidget *audit_button;
};

G_DEFINE_FINAL_TYPE (GadClientHistory, gad_client_history, GAD_TYPE_CLIENT_SECTION)

/* Each change a row, its fields (old → new) inside. */
static void
gad_client_history_show (GadClientSection *section)
{
  GadClientHistory *self = GAD_CLIENT_HISTORY (section);
  GadClientFile *file = gad_client_section_get_file (section);
  GPtrArray *entries = gad_client_section_rows (section, self->history_list, GAD_FILE_HISTORY);

  gtk_widget_set_visible (self->audit_button, file->audits);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.audit", file->audits);
  for (guint i = 0; entries && i < entries->len; i++)
    {
      GadAuditEntry *e = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *when = gad_text_local_time (e->at, "%d.%m.%Y %H:%M");
      /* TRANSLATORS: when a change was made, and by whom */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), when, e->actor);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gad_audit_describe (e));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      for (guint k = 0; k < e->changes->len; k++)
        {
          GadAuditChange *c = g_ptr_array_index (e->changes, k);
          GtkWidget *change = adw_action_row_new ();
          g_autofree char *old_value = gad_audit_value (c->field, c->old_value);
          g_autofree char *new_value = gad_audit_value (c->field, c->new_value);
          /* TRANSLATORS: a changed field: the old value, then the new one */
          g_autofree char *text = g_strdup_printf (_("%s → %s"), old_value, new_value);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (change),
                                         gad_audit_field_label (c->field));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (change), text);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), change);
        }
      gtk_widget_set_sensitive (row, e->changes->len > 0);
      gtk_list_box_append (self->history_list, row);
    }
  if (entries && entries->len == 0)
    gad_client_section_placeholder (self->history_list, _("No changes recorded"));
}

/* Every entry about the client in the audit log, openings of the file too. */
static void
audit_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GadClientSection *self = GAD_CLIENT_SECTION (widget);
  GadClientFile *file = gad_client_section_get_file (self);
  g_autofree char *name = NULL;
  GadAuditWindow *window;

  if (file == NULL)
    return;
  name = gad_client_section_dup_name (self);
  window = gad_audit_window_new (gad_client_section_get_window (self),
                                 gad_client_section_get_context (self));
  gad_audit_window_set_client (window, file->person_id, name);
  gtk_window_present (GTK_WINDOW (window));
}

static void
gad_client_history_class_init (GadClientHistoryClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  GAD_CLIENT_SECTION_CLASS (klass)->show = gad_client_history_show;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-client-history.ui");
  gtk_widget_class_bind_template_child (widget_class, GadClientHistory, history_list);
  gtk_widget_class_bind_template_child (widget_class, GadClientHistory, audit_button);
  gtk_widget_class_install_action (widget_class, "history.audit", NULL, audit_action);
}

static void
gad_client_history_init (GadClientHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
