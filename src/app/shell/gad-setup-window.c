/* gad-setup-window.c — the first set-up: a new database's administrator
 * led through what the service needs before its first client
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Six steps, each one the part of Preferences it needs: the letterhead,
 * parishes and departments, the appeal clause and signature, staff and
 * their accounts, the rates, and what comes next. Each step saves as it is
 * filled in; going on saves the step reached, so an assistant closed half
 * way opens there at the next sign-in (and from the main menu).
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-accounts-page.h"
#include "gad-app-util.h"
#include "gad-catalogues-page.h"
#include "gad-rates-page.h"
#include "gad-settings-page.h"
#include "gad-setup-window.h"

static const struct
{
  const char *title;
  const char *intro;
} steps[] = {
  { N_("Letterhead"),
    N_("Every letter and certificate prints the service’s name, registration number and "
       "contacts. A new database holds a sample county’s: type your own as they should appear. "
       "Each is saved when you go on.") },
  { N_("Parishes and Departments"),
    N_("Add the parishes the service works in and its departments. Press Enter after each "
       "name to add it.") },
  { N_("Appeal Clause and Signature"),
    N_("A decision says where it can be contested and who signs it; the law requires both. "
       "Replace the sample county’s with your own.") },
  { N_("Staff and Accounts"),
    N_("Give each colleague an account with a role and a first password, which they change "
       "when they first sign in.") },
  { N_("Rates"),
    N_("The published thresholds and levels, each from the date it takes effect. Gādība comes "
       "with those in force; add the municipality’s own.") },
  { N_("Ready"), NULL },
};

struct _GadSetupWindow
{
  AdwWindow parent_instance;

  GadContext *context;
  guint step;
  GtkWidget *page;        /* the step's own page */

  AdwWindowTitle *window_title;
  GtkButton *back_button;
  GtkButton *next_button;
  GtkLabel *intro_label;
  AdwBin *step_bin;
};

G_DEFINE_FINAL_TYPE (GadSetupWindow, gad_setup_window, ADW_TYPE_WINDOW)

#define LAST (G_N_ELEMENTS (steps) - 1)

static GtkWidget *
ready_page (void)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Gādība Is Set Up"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Bring in the clients, households and history the service "
                                     "keeps elsewhere with Import… in the main menu. Everything "
                                     "set here can be changed later in Preferences."));
  return status;
}

/* A step's page is made when it is shown, so it shows what the steps
 * before it added. */
static void
show_step (GadSetupWindow *self,
           guint           step)
{
  static const char *letterhead[] = { "Letterhead", NULL };
  static const char *appeal[] = { "Appeal Clause", "Signature", NULL };
  /* TRANSLATORS: the first set-up's subtitle */
  g_autofree char *counted = g_strdup_printf (_("Step %u of %u"), step + 1,
                                              (guint) G_N_ELEMENTS (steps));

  self->step = MIN (step, LAST);
  switch (self->step)
    {
    case 0:
      self->page = GTK_WIDGET (gad_settings_page_new (self->context, letterhead));
      break;
    case 1:
      self->page = GTK_WIDGET (gad_catalogues_page_new (self->context, TRUE));
      break;
    case 2:
      self->page = GTK_WIDGET (gad_settings_page_new (self->context, appeal));
      break;
    case 3:
      self->page = GTK_WIDGET (gad_accounts_page_new (self->context));
      break;
    case 4:
      self->page = GTK_WIDGET (gad_rates_page_new (self->context));
      break;
    default:
      self->page = ready_page ();
      break;
    }
  adw_bin_set_child (self->step_bin, self->page);
  adw_window_title_set_title (self->window_title, _(steps[self->step].title));
  adw_window_title_set_subtitle (self->window_title, counted);
  gtk_label_set_label (self->intro_label, steps[self->step].intro ? _(steps[self->step].intro)
                                                                  : "");
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), steps[self->step].intro != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), self->step > 0);
  gtk_button_set_label (self->next_button, self->step == LAST ? _("_Finish") : _("_Next"));
}

typedef struct
{
  GadSetupWindow *self;
  char *value;
} Progress;

static gpointer
save_progress (GadStore      *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Progress *p = data;

  return GINT_TO_POINTER (gad_store_set_setting (store, "setup_step", p->value, error));
}

static void
on_progress_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Progress *p = user_data;
  GadSetupWindow *self = p->self;
  g_autoptr(GError) error = NULL;

  if (!gad_worker_run_finish (result, &error))
    {
      if (self->context)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_window_get_content (ADW_WINDOW (self))),
                                     adw_toast_new (error->message));
    }
  else if (self->context)
    {
      gad_context_read_directory (self->context, NULL, NULL);
      if (g_str_equal (p->value, "done"))
        gtk_window_destroy (GTK_WINDOW (self));
    }
  g_object_unref (p->self);
  g_free (p->value);
  g_free (p);
}

static void
on_next (GadSetupWindow *self)
{
  Progress *p = g_new0 (Progress, 1);

  /* What was typed and not applied is saved first (the worker keeps the order). */
  if (GAD_IS_SETTINGS_PAGE (self->page))
    gad_settings_page_save_typed (GAD_SETTINGS_PAGE (self->page));
  p->self = g_object_ref (self);
  p->value = self->step == LAST ? g_strdup ("done") : g_strdup_printf ("%u", self->step + 1);
  gad_worker_run (gad_context_get_worker (self->context), save_progress, p, NULL, NULL, NULL,
                  on_progress_saved, p);
  if (self->step < LAST)
    show_step (self, self->step + 1);
}

static void
on_back (GadSetupWindow *self)
{
  if (GAD_IS_SETTINGS_PAGE (self->page))
    gad_settings_page_save_typed (GAD_SETTINGS_PAGE (self->page));
  if (self->step > 0)
    show_step (self, self->step - 1);
}

/* The step shown now, from 0. */
guint
gad_setup_window_get_step (GadSetupWindow *self)
{
  g_return_val_if_fail (GAD_IS_SETUP_WINDOW (self), 0);
  return self->step;
}

static void
gad_setup_window_dispose (GObject *object)
{
  GadSetupWindow *self = GAD_SETUP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_SETUP_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_setup_window_parent_class)->dispose (object);
}

static void
gad_setup_window_class_init (GadSetupWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_setup_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-setup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GadSetupWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GadSetupWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, GadSetupWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, GadSetupWindow, intro_label);
  gtk_widget_class_bind_template_child (widget_class, GadSetupWindow, step_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_next);
  gtk_widget_class_bind_template_callback (widget_class, on_back);
  gad_bind_escape_to_close (widget_class);
}

static void
gad_setup_window_init (GadSetupWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gad_setup_window_new:
 * @step: the step to show first: where the set-up was left
 */
GadSetupWindow *
gad_setup_window_new (GtkWindow  *parent,
                      GadContext *context,
                      guint       step)
{
  GadSetupWindow *self = g_object_new (GAD_TYPE_SETUP_WINDOW, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  show_step (self, step);
  return self;
}
