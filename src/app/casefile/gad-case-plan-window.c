/* gad-case-plan-window.c — a case's needs assessment and rehabilitation plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The assessment's findings an area a row, the review date, and the goals
 * (GadGoalEditor) with their tasks. A case without a plan starts with one
 * empty goal, assessed today and reviewed in three months. The whole plan
 * is saved at once on the worker's thread; a refusal is shown above the
 * form, which keeps what was typed. "Plan for Signing" shows the saved plan
 * as the PDF the client signs.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-case-pdf.h"
#include "gad-case-plan-window.h"
#include "gad-catalog.h"
#include "gad-goal-editor.h"
#include "gad-pdf-window.h"
#include "gad-text.h"

#define REVIEW_MONTHS 3

struct _GadCasePlanWindow
{
  AdwWindow parent_instance;

  GadContext *context;
  gint64 case_id;
  gboolean writes;               /* an open case the reader may write in */
  gint64 plan_id;                /* as read; 0 before the first save */
  gint64 version;
  char *client;
  GPtrArray *need_rows;          /* AdwEntryRow *, in the catalogue's order */
  GCancellable *reading;

  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkWidget *print_button;
  GtkWidget *add_goal_button;
  GtkLabel *error_label;
  AdwPreferencesGroup *needs_group;
  AdwEntryRow *assessed_row;
  AdwEntryRow *review_row;
  GtkBox *goals_box;
};

G_DEFINE_FINAL_TYPE (GadCasePlanWindow, gad_case_plan_window, ADW_TYPE_WINDOW)

static void load (GadCasePlanWindow *self);

static void
renumber (GadCasePlanWindow *self)
{
  guint n = 1;

  for (GtkWidget *g = gtk_widget_get_first_child (GTK_WIDGET (self->goals_box)); g;
       g = gtk_widget_get_next_sibling (g))
    gad_goal_editor_set_number (GAD_GOAL_EDITOR (g), n++);
}

static void
on_goal_remove (GtkWidget         *goal,
                GadCasePlanWindow *self)
{
  gtk_box_remove (self->goals_box, goal);
  renumber (self);
}

static void
add_goal (GadCasePlanWindow *self,
          const GadPlanGoal *goal)
{
  GtkWidget *editor = gad_goal_editor_new (goal, self->writes);

  g_signal_connect (editor, "remove", G_CALLBACK (on_goal_remove), self);
  gtk_box_append (self->goals_box, editor);
  renumber (self);
}

static void
on_add_goal (GadCasePlanWindow *self)
{
  add_goal (self, NULL);
}

/* The form shows @p, or a new plan's start for %NULL. */
static void
show_plan (GadCasePlanWindow *self,
           GadCasePlan       *p)
{
  g_autofree char *today = gad_text_today_iso ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_months (now, REVIEW_MONTHS);
  g_autofree char *review = g_date_time_format (later, "%Y-%m-%d");
  GtkWidget *child;
  guint n;
  const GadCatalogEntry *areas = gad_catalog_entries (GAD_CATALOG_NEED_AREA, &n);

  self->plan_id = p ? p->id : 0;
  self->version = p ? p->version : 0;
  gad_date_row_set_iso (self->assessed_row, p ? p->assessed_on : today);
  gad_date_row_set_iso (self->review_row, p ? p->review_on : review);
  for (guint i = 0; i < n; i++)
    {
      const char *finding = "";

      for (guint k = 0; p && k < p->needs->len; k++)
        if (g_str_equal (((GadNeed *) g_ptr_array_index (p->needs, k))->area, areas[i].code))
          finding = ((GadNeed *) g_ptr_array_index (p->needs, k))->finding;
      gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (self->need_rows, i)), finding);
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->goals_box))))
    gtk_box_remove (self->goals_box, child);
  for (guint i = 0; p && i < p->goals->len; i++)
    add_goal (self, g_ptr_array_index (p->goals, i));
  if (p == NULL)
    add_goal (self, NULL);
  if (p && p->author)
    {
      g_autofree char *when = gad_text_local_time (p->written_at, "%d.%m.%Y");
      /* TRANSLATORS: the plan's client · who last wrote the plan, and when */
      g_autofree char *about = g_strdup_printf (_("%s · written by %s on %s"), self->client,
                                                p->author, when);

      adw_window_title_set_subtitle (self->window_title, about);
    }
  gtk_widget_set_sensitive (self->print_button, p != NULL);
}

/* The plan as typed; a date that is not one is NULL and its row marked. */
static GadCasePlan *
typed_plan (GadCasePlanWindow *self)
{
  GadCasePlan *p = gad_case_plan_new ();
  guint n;
  const GadCatalogEntry *areas = gad_catalog_entries (GAD_CATALOG_NEED_AREA, &n);

  p->id = self->plan_id;
  p->version = self->version;
  p->case_id = self->case_id;
  p->assessed_on = gad_date_row_get_iso (self->assessed_row);
  p->review_on = gad_date_row_get_iso (self->review_row);
  gad_row_set_error (self->assessed_row, p->assessed_on == NULL);
  gad_row_set_error (self->review_row, p->review_on == NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *finding = g_strstrip (g_strdup (gtk_editable_get_text (
                                   GTK_EDITABLE (g_ptr_array_index (self->need_rows, i)))));

      if (*finding)
        gad_case_plan_add_need (p, areas[i].code, finding);
    }
  for (GtkWidget *g = gtk_widget_get_first_child (GTK_WIDGET (self->goals_box)); g;
       g = gtk_widget_get_next_sibling (g))
    g_ptr_array_add (p->goals, gad_goal_editor_get_goal (GAD_GOAL_EDITOR (g)));
  return p;
}

static gpointer
save_plan (GadStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return GSIZE_TO_POINTER (gad_store_save_case_plan (store, data, error));
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GadCasePlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;
  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (gad_worker_run_finish (result, &error) == NULL)
    {
      gad_show_error (self->error_label, error->message);   /* what was typed stays */
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gad_window_toast (GTK_WIDGET (self->goals_box), _("Plan saved"));
  gad_context_changed (self->context);
  load (self);
}

static void
on_save (GadCasePlanWindow *self)
{
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gad_worker_run (gad_context_get_worker (self->context), save_plan, typed_plan (self),
                  (GDestroyNotify) gad_case_plan_free, NULL, NULL, on_saved,
                  g_object_ref (self));
}

static gpointer
render_plan (GadStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return gad_case_plan_pdf (store, GPOINTER_TO_SIZE (data), NULL, error);
}

static void
on_rendered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GadCasePlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = gad_worker_run_finish (result, &error);

  if (self->context == NULL)
    return;
  gtk_widget_set_sensitive (self->print_button, TRUE);
  if (pdf == NULL)
    gad_show_error (self->error_label, error->message);
  else
    gtk_window_present (GTK_WINDOW (gad_pdf_window_new (
      GTK_WINDOW (self), _("Plan for Signing"), self->client, pdf, _("plan.pdf"))));
}

static void
on_print (GadCasePlanWindow *self)
{
  gtk_widget_set_sensitive (self->print_button, FALSE);
  gad_worker_run (gad_context_get_worker (self->context), render_plan,
                  GSIZE_TO_POINTER (self->case_id), NULL, (GDestroyNotify) g_bytes_unref, NULL,
                  on_rendered, g_object_ref (self));
}

static gpointer
read_plan (GadStore      *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  GadCasePlan *p = gad_store_get_case_plan (store, GPOINTER_TO_SIZE (data), error);

  /* No plan yet is an answer too: an empty one stands for it. */
  return p ? p : (error && *error ? NULL : gad_case_plan_new ());
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GadCasePlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadCasePlan) p = gad_worker_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    return;
  if (p == NULL)
    gad_show_error (self->error_label, error->message);
  else
    show_plan (self, p->id ? p : NULL);
}

static void
load (GadCasePlanWindow *self)
{
  g_cancellable_cancel (self->reading);
  g_set_object (&self->reading, g_cancellable_new ());
  gad_worker_run (gad_context_get_worker (self->context), read_plan,
                  GSIZE_TO_POINTER (self->case_id), NULL, (GDestroyNotify) gad_case_plan_free,
                  self->reading, on_read, g_object_ref (self));
}

static void
gad_case_plan_window_dispose (GObject *object)
{
  GadCasePlanWindow *self = GAD_CASE_PLAN_WINDOW (object);

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_CASE_PLAN_WINDOW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->need_rows, g_ptr_array_unref);
  g_clear_pointer (&self->client, g_free);
  G_OBJECT_CLASS (gad_case_plan_window_parent_class)->dispose (object);
}

static void
gad_case_plan_window_class_init (GadCasePlanWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_case_plan_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-case-plan-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, GadCasePlanWindow, name)
  CHILD (window_title);
  CHILD (save_button);
  CHILD (print_button);
  CHILD (add_goal_button);
  CHILD (error_label);
  CHILD (needs_group);
  CHILD (assessed_row);
  CHILD (review_row);
  CHILD (goals_box);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_save);
  gtk_widget_class_bind_template_callback (widget_class, on_print);
  gtk_widget_class_bind_template_callback (widget_class, on_add_goal);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_case_plan_window_init (GadCasePlanWindow *self)
{
  guint n;
  const GadCatalogEntry *areas = gad_catalog_entries (GAD_CATALOG_NEED_AREA, &n);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->need_rows = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = gad_entry_row_new (_(areas[i].name), NULL);

      g_ptr_array_add (self->need_rows, row);
      adw_preferences_group_add (self->needs_group, row);
    }
}

/**
 * gad_case_plan_window_new:
 * @client: the client's name, for the title
 * @writes: whether the reader writes in this case (an open case of theirs)
 */
GadCasePlanWindow *
gad_case_plan_window_new (GtkWindow     *parent,
                          GadContext    *context,
                          const GadCase *c,
                          const char    *client,
                          gboolean       writes)
{
  GadCasePlanWindow *self = g_object_new (GAD_TYPE_CASE_PLAN_WINDOW, "transient-for", parent,
                                          NULL);

  self->context = g_object_ref (context);
  self->case_id = c->id;
  self->writes = writes && c->closed_on == NULL;
  self->client = g_strdup (client);
  adw_window_title_set_subtitle (self->window_title, client);
  gtk_widget_set_visible (self->save_button, self->writes);
  gtk_widget_set_visible (self->add_goal_button, self->writes);
  gtk_widget_set_sensitive (GTK_WIDGET (self->needs_group), self->writes);
  gtk_widget_set_sensitive (GTK_WIDGET (self->review_row), self->writes);
  gtk_widget_set_sensitive (self->print_button, FALSE);
  load (self);
  return self;
}
