/* gad-decision-dialog.c — draft and issue a decision on an application
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Amount and household status start from the assessment; the legal basis is
 * picked from the catalogue of the benefit; the appeal clause comes from the
 * municipality's settings and is not up to the drafter.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-decision.h"
#include "gad-decision-dialog.h"
#include "gad-text.h"

static const char *outcomes[] = { "grant", "partial", "refuse" };
static const char *statuses[] = { NULL, "needy", "low-income" };
static const char *fundings[] = { "municipal", "state", "project" };

struct _GadDecisionDialog
{
  AdwWindow parent_instance;

  GadContext *context;
  GadRequest *request;
  gint64 supersedes_id;
  GPtrArray *clause_checks;   /* GtkCheckButton, clause text as data */

  GtkButton *save_button;
  GtkButton *ask_button;
  GtkLabel *approval_label;
  GtkLabel *error_label;
  AdwComboRow *outcome_row;
  AdwEntryRow *amount_row;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  AdwComboRow *status_row;
  AdwComboRow *funding_row;
  GtkTextView *facts_view;
  GtkTextView *reasoning_view;
  GtkListBox *clauses_list;
  AdwEntryRow *duty_row;
  AdwEntryRow *duty_due_row;
};

G_DEFINE_FINAL_TYPE (GadDecisionDialog, gad_decision_dialog, ADW_TYPE_WINDOW)

enum { ISSUED, APPROVAL_ASKED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
validate (GadDecisionDialog *self)
{
  gboolean refuse = adw_combo_row_get_selected (self->outcome_row) == 2;
  const char *amount = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  g_autofree char *from = gad_date_row_get_iso (self->from_row);
  g_autofree char *to = gad_date_row_get_iso (self->to_row);
  const char *due = gtk_editable_get_text (GTK_EDITABLE (self->duty_due_row));
  g_autofree char *due_iso = gad_date_row_get_iso (self->duty_due_row);
  gint64 cents;
  gboolean amount_ok = refuse || *amount == '\0' || gad_text_parse_money (amount, &cents);
  /* No end date: a grant until further notice (four eyes count it by policy). */
  gboolean open_ended = *gtk_editable_get_text (GTK_EDITABLE (self->to_row)) == '\0';
  gboolean period_ok = refuse || (from && (open_ended || (to && strcmp (from, to) <= 0)));

  gad_row_set_error (self->amount_row, !amount_ok);
  gad_row_set_error (self->from_row, !refuse && from == NULL);
  gad_row_set_error (self->to_row, !refuse && !open_ended && (to == NULL || !period_ok));
  gad_row_set_error (self->duty_due_row, *due && due_iso == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->amount_row), !refuse);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), !refuse);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            amount_ok && period_ok && !(*due && due_iso == NULL));
}

static void
on_cancel (GadDecisionDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* What the form says, as a draft the core reads. */
typedef struct
{
  GadDecisionDraft d;
  GString *basis;
  GPtrArray *duties;
  GadDuty duty;
  char *facts, *reasoning, *from, *to, *due, *drafter;
  char *draft;    /* the form as text, asking for approval */
} Form;

static void
form_free (Form *f)
{
  g_string_free (f->basis, TRUE);
  g_ptr_array_unref (f->duties);
  g_free (f->duty.text);
  g_free (f->facts);
  g_free (f->reasoning);
  g_free (f->from);
  g_free (f->to);
  g_free (f->due);
  g_free (f->drafter);
  g_free (f->draft);
  g_free (f);
}

static void
read_form (GadDecisionDialog *self,
           Form              *f)
{
  f->basis = g_string_new (NULL);
  f->duties = g_ptr_array_new ();
  f->facts = text_of (self->facts_view);
  f->reasoning = text_of (self->reasoning_view);
  f->from = gad_date_row_get_iso (self->from_row);
  f->to = gad_date_row_get_iso (self->to_row);
  f->due = gad_date_row_get_iso (self->duty_due_row);
  for (guint i = 0; i < self->clause_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->clause_checks, i);
      if (gtk_check_button_get_active (check))
        g_string_append_printf (f->basis, "%s%s", f->basis->len ? "\n" : "",
                                (const char *) g_object_get_data (G_OBJECT (check), "clause"));
    }
  f->duty.text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->duty_row))));
  f->duty.due_on = f->due;
  if (*f->duty.text)
    g_ptr_array_add (f->duties, &f->duty);

  f->d.request_id = self->request->id;
  f->d.outcome = outcomes[adw_combo_row_get_selected (self->outcome_row)];
  gad_text_parse_money (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)),
                        &f->d.amount_cents);
  f->d.period_from = f->from;
  f->d.period_to = f->to;
  f->d.status_granted = statuses[adw_combo_row_get_selected (self->status_row)];
  f->d.facts = f->facts;
  f->d.legal_basis = f->basis->str;
  f->d.reasoning = f->reasoning;
  f->d.drafter = f->drafter = g_strdup (gad_store_actor_name (gad_context_get_store (self->context)));
  f->d.supersedes_id = self->supersedes_id;
  f->d.funding = fundings[adw_combo_row_get_selected (self->funding_row)];
  f->d.duties = f->duties;
}

/* The form as text, kept with a request for approval: the head reads it, and
 * the drafter finds it again when the approval is there. */
static char *
form_to_text (GadDecisionDialog *self)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *facts = text_of (self->facts_view);
  g_autofree char *reasoning = text_of (self->reasoning_view);
  g_autoptr(GArray) checked = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < self->clause_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->clause_checks, i)))
      g_array_append_val (checked, i);
  g_key_file_set_integer (file, "decision", "outcome",
                          (int) adw_combo_row_get_selected (self->outcome_row));
  g_key_file_set_string (file, "decision", "amount",
                         gtk_editable_get_text (GTK_EDITABLE (self->amount_row)));
  g_key_file_set_string (file, "decision", "from",
                         gtk_editable_get_text (GTK_EDITABLE (self->from_row)));
  g_key_file_set_string (file, "decision", "to",
                         gtk_editable_get_text (GTK_EDITABLE (self->to_row)));
  g_key_file_set_integer (file, "decision", "status",
                          (int) adw_combo_row_get_selected (self->status_row));
  g_key_file_set_integer (file, "decision", "funding",
                          (int) adw_combo_row_get_selected (self->funding_row));
  g_key_file_set_string (file, "decision", "facts", facts);
  g_key_file_set_string (file, "decision", "reasoning", reasoning);
  g_key_file_set_integer_list (file, "decision", "clauses", (int *) checked->data, checked->len);
  g_key_file_set_string (file, "decision", "duty",
                         gtk_editable_get_text (GTK_EDITABLE (self->duty_row)));
  g_key_file_set_string (file, "decision", "duty-due",
                         gtk_editable_get_text (GTK_EDITABLE (self->duty_due_row)));
  return g_key_file_to_data (file, NULL, NULL);
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
form_from_text (GadDecisionDialog *self,
                const char        *text)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree int *clauses = NULL;
  gsize n_clauses = 0;

  if (!g_key_file_load_from_data (file, text, -1, G_KEY_FILE_NONE, NULL))
    return;
#define STRING(key, editable) G_STMT_START {                                  \
    g_autofree char *v_ = g_key_file_get_string (file, "decision", key, NULL); \
    if (v_)                                                                   \
      gtk_editable_set_text (GTK_EDITABLE (editable), v_);                    \
  } G_STMT_END
  adw_combo_row_set_selected (self->outcome_row,
                              g_key_file_get_integer (file, "decision", "outcome", NULL));
  adw_combo_row_set_selected (self->status_row,
                              g_key_file_get_integer (file, "decision", "status", NULL));
  adw_combo_row_set_selected (self->funding_row,
                              g_key_file_get_integer (file, "decision", "funding", NULL));
  STRING ("amount", self->amount_row);
  STRING ("from", self->from_row);
  STRING ("to", self->to_row);
  STRING ("duty", self->duty_row);
  STRING ("duty-due", self->duty_due_row);
#undef STRING
  {
    g_autofree char *facts = g_key_file_get_string (file, "decision", "facts", NULL);
    g_autofree char *reasoning = g_key_file_get_string (file, "decision", "reasoning", NULL);

    set_text (self->facts_view, facts ? facts : "");
    set_text (self->reasoning_view, reasoning ? reasoning : "");
  }
  clauses = g_key_file_get_integer_list (file, "decision", "clauses", &n_clauses, NULL);
  for (guint i = 0; i < self->clause_checks->len; i++)
    {
      gboolean on = FALSE;

      for (gsize k = 0; k < n_clauses; k++)
        on = on || clauses[k] == (int) i;
      gtk_check_button_set_active (g_ptr_array_index (self->clause_checks, i), on);
    }
}

/* Issued on the worker's thread: the letter is drawn there too. */
static gpointer
issue (GadStore      *store,
       gpointer       data,
       GCancellable  *cancellable,
       GError       **error)
{
  gint64 id = gad_decision_issue (store, &((Form *) data)->d, error);

  return id ? GSIZE_TO_POINTER (id) : NULL;
}

static void
on_issued (GtkWidget    *dialog,
           gpointer      result,
           const GError *error)
{
  GadDecisionDialog *self = GAD_DECISION_DIALOG (dialog);

  if (error)
    {
      gad_show_error (self->error_label, error->message);
      /* Over the threshold: the way on is a head's approval. */
      if (g_error_matches (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NEEDS_APPROVAL))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->ask_button), TRUE);
          gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "suggested-action");
        }
      return;
    }
  g_signal_emit (self, signals[ISSUED], 0, (gint64) GPOINTER_TO_SIZE (result));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save (GadDecisionDialog *self)
{
  Form *form;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;
  form = g_new0 (Form, 1);
  read_form (self, form);
  gad_dialog_save (GTK_WIDGET (self), GTK_WIDGET (self->save_button), self->error_label,
                   self->context, issue, form, (GDestroyNotify) form_free, NULL, on_issued);
}

static gpointer
ask (GadStore      *store,
     gpointer       data,
     GCancellable  *cancellable,
     GError       **error)
{
  Form *form = data;

  return GINT_TO_POINTER (gad_store_request_approval (store, form->d.request_id,
                                                      gad_decision_application_total (store,
                                                                                      &form->d),
                                                      form->draft, error) != 0);
}

static void
on_asked (GtkWidget    *dialog,
          gpointer      result,
          const GError *error)
{
  GadDecisionDialog *self = GAD_DECISION_DIALOG (dialog);

  if (error)
    {
      gad_show_error (self->error_label, error->message);
      return;
    }
  g_signal_emit (self, signals[APPROVAL_ASKED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Sends the draft, with its total, to the heads; the dialog closes. */
static void
on_ask (GadDecisionDialog *self)
{
  Form *form = g_new0 (Form, 1);

  read_form (self, form);
  form->draft = form_to_text (self);
  gad_dialog_save (GTK_WIDGET (self), GTK_WIDGET (self->ask_button), self->error_label,
                   self->context, ask, form, (GDestroyNotify) form_free, NULL, on_asked);
}

/* A request for approval made earlier: its draft comes back, and its state
 * is said above the form. */
static void
show_approval (GadDecisionDialog *self,
               GadApproval       *a)
{
  g_autofree char *amount = NULL, *text = NULL;

  if (a == NULL || g_str_equal (self->request->status, "decided"))
    return;
  if (a->draft && *a->draft)
    form_from_text (self, a->draft);
  amount = gad_text_format_money (a->amount_cents);
  if (g_str_equal (a->status, "approved"))
    /* TRANSLATORS: a head's name, then the approved total */
    text = g_strdup_printf (_("%s approved this decision for up to %s in all."), a->decider, amount);
  else if (g_str_equal (a->status, "rejected"))
    /* TRANSLATORS: a head's name, then their reason */
    text = g_strdup_printf (_("%s refused the approval: %s"), a->decider, a->note);
  else
    /* TRANSLATORS: the total waiting for a head's approval */
    text = g_strdup_printf (_("Waiting for a head’s approval of %s in all."), amount);
  gtk_label_set_label (self->approval_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->approval_label), TRUE);
}

/* Start from what the assessment found, as a proposal the drafter can change. */
static void
propose (GadDecisionDialog  *self,
         GadAssessmentInput *input,
         char              **clauses)
{
  GDate from, to;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;

  gad_text_parse_date (self->request->received_on, &from);
  g_date_set_day (&from, 1);
  g_date_add_months (&from, 1);
  to = from;
  g_date_add_months (&to, 6);
  g_date_subtract_days (&to, 1);
  from_iso = gad_text_iso_date (&from);
  to_iso = gad_text_iso_date (&to);
  gad_date_row_set_iso (self->from_row, from_iso);
  gad_date_row_set_iso (self->to_row, to_iso);

  if (input)
    {
      GadAssessment r;
      gint64 amount = 0;

      gad_assess (input, &r);
      if (g_str_equal (self->request->type_code, "gmi"))
        amount = r.gmi_benefit_cents;
      else if (g_str_equal (self->request->type_code, "housing"))
        amount = r.housing_benefit_cents;
      if (amount > 0)
        {
          g_autofree char *text = gad_money_for_entry (amount);
          gtk_editable_set_text (GTK_EDITABLE (self->amount_row), text);
        }
      adw_combo_row_set_selected (self->status_row, r.status == GAD_HOUSEHOLD_NEEDY ? 1
                                                    : r.status == GAD_HOUSEHOLD_LOW_INCOME ? 2 : 0);
      /* The letter is Latvian, so is the proposed text of the facts. */
      {
        g_autofree char *income = gad_text_format_money_lv (r.income_cents);
        g_autofree char *costs = gad_text_format_money_lv (r.housing_costs_cents);
        g_autofree char *facts = g_strdup_printf ("Mājsaimniecībā ir %u %s; kopējie ienākumi "
                                                  "mēnesī ir %s, mājokļa izdevumi %s.",
                                                  r.n_members,
                                                  r.n_members == 1 ? "persona" : "personas",
                                                  income, costs);
        set_text (self->facts_view, facts);
        set_text (self->reasoning_view,
                  r.status == GAD_HOUSEHOLD_NEEDY
                    ? "Mājsaimniecības ienākumi nepārsniedz trūcīgas mājsaimniecības ienākumu "
                      "slieksni; pabalsta apmērs aprēķināts pēc normatīvajos aktos noteiktās "
                      "formulas."
                    : r.status == GAD_HOUSEHOLD_LOW_INCOME
                      ? "Mājsaimniecības ienākumi nepārsniedz pašvaldības noteikto "
                        "maznodrošinātas mājsaimniecības ienākumu slieksni."
                      : "Mājsaimniecības ienākumi pārsniedz noteiktos sliekšņus.");
      }
    }

  for (guint i = 0; clauses[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), clauses[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), i == 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      clauses[i], -1);
      g_object_set_data_full (G_OBJECT (check), "clause", g_strdup (clauses[i]), g_free);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->clauses_list, row);
      g_ptr_array_add (self->clause_checks, check);
    }
}

static void
gad_decision_dialog_dispose (GObject *object)
{
  GadDecisionDialog *self = GAD_DECISION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_DECISION_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->request, gad_request_free);
  g_clear_pointer (&self->clause_checks, g_ptr_array_unref);
  G_OBJECT_CLASS (gad_decision_dialog_parent_class)->dispose (object);
}

static void
gad_decision_dialog_class_init (GadDecisionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_decision_dialog_dispose;

  signals[ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[APPROVAL_ASKED] = g_signal_new ("approval-asked", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-decision-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, GadDecisionDialog, name)
  CHILD (save_button);
  CHILD (ask_button);
  CHILD (approval_label);
  CHILD (error_label);
  CHILD (outcome_row);
  CHILD (amount_row);
  CHILD (from_row);
  CHILD (to_row);
  CHILD (status_row);
  CHILD (funding_row);
  CHILD (facts_view);
  CHILD (reasoning_view);
  CHILD (clauses_list);
  CHILD (duty_row);
  CHILD (duty_due_row);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_ask);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_decision_dialog_init (GadDecisionDialog *self)
{
  self->clause_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gad_dialog_use_keyboard (GTK_WINDOW (self), self->save_button);
}

/* What the dialog starts from, read on the worker's thread. */
typedef struct
{
  GadRequest *request;
  GadAssessmentInput *input;   /* NULL before rates were stored */
  char **clauses;
  GadApproval *approval;       /* asked for earlier, or NULL */
} Start;

static void
start_free (Start *st)
{
  g_clear_pointer (&st->request, gad_request_free);
  g_clear_pointer (&st->input, gad_assessment_input_free);
  g_strfreev (st->clauses);
  g_clear_pointer (&st->approval, gad_approval_free);
  g_free (st);
}

static gpointer
read_start (GadStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Start *st = g_new0 (Start, 1);

  if ((st->request = gad_store_get_request (store, GPOINTER_TO_SIZE (data), error)) == NULL)
    {
      start_free (st);
      return NULL;
    }
  st->input = gad_store_load_assessment (store, st->request->person_id, st->request->id,
                                         st->request->received_on, NULL);
  st->clauses = gad_store_list_clauses (store, st->request->type_code);
  st->approval = gad_store_find_approval (store, st->request->id, NULL);
  return st;
}

static void
on_start_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Start *st = gad_worker_run_finish (result, &error);
  GtkWindow *parent = g_object_get_data (G_OBJECT (task), "parent");
  GadDecisionDialog *self;
  const char *outcome_names[] = { _("Grant"), _("Grant in part"), _("Refuse"), NULL };
  const char *status_names[] = { _("No status"), _("Needy"), _("Low-income"), NULL };
  const char *funding_names[] = { _("Municipal budget"), _("State budget"), _("Project"), NULL };
  g_autoptr(GtkStringList) outcome_model = gtk_string_list_new (outcome_names);
  g_autoptr(GtkStringList) status_model = gtk_string_list_new (status_names);
  g_autoptr(GtkStringList) funding_model = gtk_string_list_new (funding_names);

  if (st == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self = g_object_new (GAD_TYPE_DECISION_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (g_task_get_task_data (task));
  self->request = g_steal_pointer (&st->request);
  self->supersedes_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "supersedes"));
  adw_combo_row_set_model (self->outcome_row, G_LIST_MODEL (outcome_model));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (status_model));
  adw_combo_row_set_model (self->funding_row, G_LIST_MODEL (funding_model));
  propose (self, st->input, st->clauses);
  if (st->approval)
    show_approval (self, st->approval);
  if (self->supersedes_id > 0)
    gtk_window_set_title (GTK_WINDOW (self), _("Correcting Decision"));
  validate (self);
  start_free (st);
  /* GTK holds a window; one nobody takes is destroyed. */
  g_task_return_pointer (task, self, (GDestroyNotify) gtk_window_destroy);
}

/**
 * gad_decision_dialog_new_async:
 * @supersedes_id: the decision this one corrects, or 0
 *
 * Reads what the dialog starts from (the application, its assessment, the
 * legal clauses, an earlier request for approval) on the worker's thread,
 * then makes the dialog: gad_decision_dialog_new_finish() in @callback.
 */
void
gad_decision_dialog_new_async (GtkWindow           *parent,
                               GadContext          *context,
                               gint64               request_id,
                               gint64               supersedes_id,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, NULL, callback, user_data);

  g_task_set_task_data (task, g_object_ref (context), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "parent", parent ? g_object_ref (parent) : NULL,
                          g_object_unref);
  g_object_set_data (G_OBJECT (task), "supersedes", GSIZE_TO_POINTER (supersedes_id));
  gad_worker_run (gad_context_get_worker (context), read_start, GSIZE_TO_POINTER (request_id),
                  NULL, (GDestroyNotify) start_free, NULL, on_start_read, task);
}

/* Returns: (transfer none): the dialog, not yet shown */
GadDecisionDialog *
gad_decision_dialog_new_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
