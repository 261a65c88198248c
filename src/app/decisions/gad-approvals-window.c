/* gad-approvals-window.c — the heads' list of decisions waiting for approval
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each request shows the client, the benefit, the total and who asked;
 * opened, it shows the drafted facts and reasoning the head approves, and a
 * reason to type when refusing.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-approvals-window.h"
#include "gad-text.h"

struct _GadApprovalsWindow
{
  AdwWindow parent_instance;

  GadContext *context;

  AdwWindowTitle *title;
  GtkListBox *approvals_list;
  GtkStack *stack;
  GCancellable *loading;
};

G_DEFINE_FINAL_TYPE (GadApprovalsWindow, gad_approvals_window, ADW_TYPE_WINDOW)

static void fill (GadApprovalsWindow *self);

/* A head's answer, saved on the worker's thread. */
typedef struct
{
  GadApprovalsWindow *self;
  GtkWidget *reason;
  gint64 id;
  gboolean approve;
  char *text;
} Answer;

static void
answer_free (Answer *a)
{
  g_object_unref (a->self);
  g_object_unref (a->reason);
  g_free (a->text);
  g_free (a);
}

static gpointer
save_answer (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Answer *a = data;

  return GINT_TO_POINTER (gad_store_decide_approval (store, a->id, a->approve, a->text, error));
}

static void
on_answer_saved (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Answer *a = user_data;
  g_autoptr(GError) error = NULL;

  if (gad_worker_run_finish (result, &error))
    gad_context_changed (a->self->context);   /* fills the list again too */
  else
    {
      adw_window_title_set_subtitle (a->self->title, error->message);
      gtk_widget_add_css_class (a->reason, "error");
    }
  answer_free (a);
}

static void
decide (GtkButton *button,
        gboolean   approve)
{
  GadApprovalsWindow *self = GAD_APPROVALS_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  Answer *a = g_new0 (Answer, 1);

  a->self = g_object_ref (self);
  a->reason = g_object_ref (g_object_get_data (G_OBJECT (button), "reason"));
  a->id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "approval-id"));
  a->approve = approve;
  a->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (a->reason)));
  gad_worker_run (gad_context_get_worker (self->context), save_answer, a, NULL, NULL, NULL,
                  on_answer_saved, a);
}

static void
on_approve (GtkButton *button)
{
  decide (button, TRUE);
}

static void
on_refuse (GtkButton *button)
{
  decide (button, FALSE);
}

static GtkWidget *
text_row (const char *title,
          const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text && *text ? text : "—");
  gtk_widget_add_css_class (row, "property");
  return row;
}

static GtkWidget *
approval_row (GadApproval *a)
{
  g_autoptr(GKeyFile) draft = g_key_file_new ();
  g_autofree char *amount = gad_text_format_money (a->amount_cents);
  g_autofree char *day = g_strndup (a->requested_at, 10);
  g_autofree char *asked = gad_text_format_date (day);
  g_autofree char *title = g_strdup_printf ("%s — %s", a->person, a->type_name);
  /* TRANSLATORS: an approval request: total · who asked, and when */
  g_autofree char *subtitle = g_strdup_printf (_("%s in all · asked by %s on %s"), amount,
                                               a->requester, asked);
  g_autofree char *facts = NULL, *reasoning = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *reason = adw_entry_row_new ();
  GtkWidget *actions = adw_action_row_new ();
  GtkWidget *approve = gtk_button_new_with_mnemonic (_("_Approve"));
  GtkWidget *refuse = gtk_button_new_with_mnemonic (_("_Refuse"));

  if (g_key_file_load_from_data (draft, a->draft ? a->draft : "", -1, G_KEY_FILE_NONE, NULL))
    {
      facts = g_key_file_get_string (draft, "decision", "facts", NULL);
      reasoning = g_key_file_get_string (draft, "decision", "reasoning", NULL);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (_("Facts"), facts));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (_("Reasoning"), reasoning));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), _("Reason, when refusing"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), reason);

  for (GtkWidget **b = (GtkWidget *[]) { approve, refuse, NULL }; *b; b++)
    {
      gtk_widget_set_valign (*b, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (*b), "approval-id", GSIZE_TO_POINTER (a->id));
      g_object_set_data (G_OBJECT (*b), "reason", reason);
      adw_action_row_add_suffix (ADW_ACTION_ROW (actions), *b);
    }
  gtk_widget_add_css_class (approve, "suggested-action");
  gtk_widget_add_css_class (refuse, "destructive-action");
  g_object_set_data (G_OBJECT (row), "approval-id", GSIZE_TO_POINTER (a->id));
  g_object_set_data (G_OBJECT (row), "reason", reason);
  g_signal_connect (approve, "clicked", G_CALLBACK (on_approve), NULL);
  g_signal_connect (refuse, "clicked", G_CALLBACK (on_refuse), NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), actions);
  return row;
}

/* Fills the list again — when opened, after a decision, and when a
 * colleague's save changes it — keeping which requests are open and any
 * reason being typed. */
static void
show_pending (GadApprovalsWindow *self,
              GPtrArray          *pending)
{
  g_autoptr(GHashTable) typed = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) open = g_hash_table_new (NULL, NULL);
  gboolean first = gtk_widget_get_first_child (GTK_WIDGET (self->approvals_list)) == NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->approvals_list))))
    {
      gpointer id = g_object_get_data (G_OBJECT (child), "approval-id");
      GtkEditable *reason = g_object_get_data (G_OBJECT (child), "reason");

      if (id && reason)
        {
          g_hash_table_insert (typed, id, g_strdup (gtk_editable_get_text (reason)));
          if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child)))
            g_hash_table_add (open, id);
        }
      gtk_list_box_remove (self->approvals_list, child);
    }
  for (guint i = 0; i < pending->len; i++)
    {
      GadApproval *a = g_ptr_array_index (pending, i);
      GtkWidget *row = approval_row (a);
      gpointer id = GSIZE_TO_POINTER (a->id);

      /* The newest request opens by itself: its facts and buttons at once. */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                     first ? i == 0 : g_hash_table_contains (open, id));
      if (g_hash_table_contains (typed, id))
        gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "reason"),
                               g_hash_table_lookup (typed, id));
      gtk_list_box_append (self->approvals_list, row);
    }
  gtk_stack_set_visible_child_name (self->stack, pending->len > 0 ? "list" : "empty");
  {
    g_autofree char *title = g_strdup_printf (ngettext ("%u Decision Waits for Approval",
                                                        "%u Decisions Wait for Approval",
                                                        pending->len),
                                              pending->len);
    adw_window_title_set_title (self->title, pending->len > 0 ? title : _("Approvals"));
    adw_window_title_set_subtitle (self->title, NULL);
  }
}

static gpointer
read_pending (GadStore      *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return gad_store_list_approvals (store, "pending", error);
}

static void
on_pending_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GadApprovalsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = gad_worker_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pending)
    show_pending (self, pending);
  else
    adw_window_title_set_subtitle (self->title, error->message);
}

/* Reads the list on the worker's thread; an answer to an earlier reading
 * still coming is dropped. */
static void
fill (GadApprovalsWindow *self)
{
  g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, g_cancellable_new ());
  gad_worker_run (gad_context_get_worker (self->context), read_pending, NULL, NULL,
                  (GDestroyNotify) g_ptr_array_unref, self->loading, on_pending_read,
                  g_object_ref (self));
}

static void
gad_approvals_window_dispose (GObject *object)
{
  GadApprovalsWindow *self = GAD_APPROVALS_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_APPROVALS_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_approvals_window_parent_class)->dispose (object);
}

static void
gad_approvals_window_class_init (GadApprovalsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_approvals_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-approvals-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadApprovalsWindow, title);
  gtk_widget_class_bind_template_child (widget_class, GadApprovalsWindow, approvals_list);
  gtk_widget_class_bind_template_child (widget_class, GadApprovalsWindow, stack);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gad_approvals_window_init (GadApprovalsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GadApprovalsWindow *
gad_approvals_window_new (GtkWindow  *parent,
                          GadContext *context)
{
  GadApprovalsWindow *self = g_object_new (GAD_TYPE_APPROVALS_WINDOW, "transient-for", parent,
                                           NULL);

  self->context = g_object_ref (context);
  fill (self);
  /* A colleague's request, or another head's answer, shows at once. */
  g_signal_connect_object (context, "changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  return self;
}
