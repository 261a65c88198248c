/* gad-rates-page.c — the published rates, each kind with its effective dates
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group a kind: its rates newest first, and rows to add one from a date.
 * Rates are published values; a new one starts on a date and the old ones
 * stay for the decisions made under them.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-rates-page.h"
#include "gad-text.h"

/* Per person: euro a month for the first and each other person; a
 * coefficient: one number; hourly: euro an hour. */
enum { PER_PERSON, COEFFICIENT, HOURLY };

static const struct { const char *kind; const char *title; int unit; } rate_kinds[] = {
  { "gmi", N_("Guaranteed minimum income level"), PER_PERSON },
  { "needy", N_("Needy household threshold"), PER_PERSON },
  { "low-income", N_("Municipal low-income threshold"), PER_PERSON },
  { "low-income-ceiling", N_("National low-income ceiling"), PER_PERSON },
  { "housing-k-alone", N_("Housing coefficient: pensioner or disabled person alone"), COEFFICIENT },
  { "housing-k-pensioners", N_("Housing coefficient: only pensioners or disabled"), COEFFICIENT },
  { "housing-k-other", N_("Housing coefficient: other households"), COEFFICIENT },
  { "home-care-hour", N_("Home-care co-payment"), HOURLY },
};

struct _GadRatesPage
{
  AdwPreferencesPage parent_instance;

  GadContext *context;
  GPtrArray *groups;   /* AdwPreferencesGroup, rebuilt after a change */
};

G_DEFINE_FINAL_TYPE (GadRatesPage, gad_rates_page, ADW_TYPE_PREFERENCES_PAGE)

/* Read all (@kind NULL), or add one and read all again. */
typedef struct
{
  GadRatesPage *self;
  const char *kind;
  char *from;
  gint64 first, other;
  GPtrArray *rates[G_N_ELEMENTS (rate_kinds)];
} Job;

static void
job_free (Job *j)
{
  g_object_unref (j->self);
  g_free (j->from);
  for (guint i = 0; i < G_N_ELEMENTS (rate_kinds); i++)
    g_clear_pointer (&j->rates[i], g_ptr_array_unref);
  g_free (j);
}

static gpointer
run_job (GadStore      *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *j = data;

  if (j->kind && !gad_store_set_rate (store, j->kind, j->from, j->first, j->other, error))
    return GINT_TO_POINTER (FALSE);
  for (guint k = 0; k < G_N_ELEMENTS (rate_kinds); k++)
    j->rates[k] = gad_store_list_rates (store, rate_kinds[k].kind);
  return GINT_TO_POINTER (TRUE);
}

static void on_job_done (GObject *source, GAsyncResult *result, gpointer user_data);

static void
run (GadRatesPage *self,
     Job          *j)
{
  j->self = g_object_ref (self);
  gad_worker_run (gad_context_get_worker (self->context), run_job, j, NULL, NULL, NULL,
                  on_job_done, j);
}

static char *
rate_text (gint64   value,
           gboolean coefficient)
{
  if (coefficient)
    return g_strdup_printf ("%" G_GINT64_FORMAT ",%02d", value / 100, (int) (value % 100));
  return gad_text_format_money (value);
}

static void
on_rate_add (GtkButton    *button,
             GadRatesPage *self)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_PREFERENCES_GROUP);
  AdwEntryRow *from_row = g_object_get_data (G_OBJECT (group), "from-row");
  AdwEntryRow *first_row = g_object_get_data (G_OBJECT (group), "first-row");
  AdwEntryRow *other_row = g_object_get_data (G_OBJECT (group), "other-row");
  g_autofree char *from = gad_date_row_get_iso (from_row);
  gint64 first = -1, other = 0;
  Job *j;

  gad_row_set_error (from_row, from == NULL);
  gad_row_set_error (first_row,
                     !gad_text_parse_money (gtk_editable_get_text (GTK_EDITABLE (first_row)),
                                            &first));
  if (other_row)
    gad_row_set_error (other_row,
                       !gad_text_parse_money (gtk_editable_get_text (GTK_EDITABLE (other_row)),
                                              &other));
  if (from == NULL || first < 0)
    return;
  j = g_new0 (Job, 1);
  j->kind = g_object_get_data (G_OBJECT (group), "kind");
  j->from = g_steal_pointer (&from);
  j->first = first;
  j->other = other;
  run (self, j);
}

/* One group a rate kind: its rows by effective date, newest first, and a row to add one. */
static void
build (GadRatesPage *self,
       Job          *j)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  for (guint k = 0; k < G_N_ELEMENTS (rate_kinds); k++)
    {
      GPtrArray *rates = j->rates[k];
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      gboolean coefficient = rate_kinds[k].unit == COEFFICIENT;
      gboolean per_person = rate_kinds[k].unit == PER_PERSON;
      GtkWidget *from_row, *first_row, *other_row = NULL, *button;

      adw_preferences_group_set_title (group, _(rate_kinds[k].title));
      if (per_person)
        adw_preferences_group_set_description (group, _("Euro a month: the first or only person "
                                                        "/ each other person"));
      else if (!coefficient)
        adw_preferences_group_set_description (group, _("Euro an hour; free for a needy household"));
      for (guint i = 0; i < rates->len; i++)
        {
          GadRate *r = g_ptr_array_index (rates, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *date = gad_text_format_date (r->valid_from);
          g_autofree char *first = rate_text (r->first, coefficient);
          g_autofree char *other = rate_text (r->other, coefficient);
          /* TRANSLATORS: a rate in force from a date */
          g_autofree char *title = g_strdup_printf (_("From %s"), date);
          g_autofree char *value = per_person ? g_strdup_printf ("%s / %s", first, other)
                                              : g_strdup (first);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
          adw_preferences_group_add (group, row);
        }
      from_row = gad_entry_row_new (_("New rate from (DD.MM.YYYY)"), NULL);
      first_row = gad_entry_row_new (coefficient ? _("Coefficient (e.g. 2,5)")
                                     : per_person ? _("First or only person (€)")
                                                  : _("An hour (€)"), NULL);
      adw_preferences_group_add (group, from_row);
      adw_preferences_group_add (group, first_row);
      if (per_person)
        {
          other_row = gad_entry_row_new (_("Each other person (€)"), NULL);
          adw_preferences_group_add (group, other_row);
        }
      button = gtk_button_new_with_mnemonic (_("_Add Rate"));
      gtk_widget_set_halign (button, GTK_ALIGN_END);
      gtk_widget_set_margin_top (button, 6);
      g_signal_connect (button, "clicked", G_CALLBACK (on_rate_add), self);
      adw_preferences_group_add (group, button);

      g_object_set_data (G_OBJECT (group), "kind", (gpointer) rate_kinds[k].kind);
      g_object_set_data (G_OBJECT (group), "from-row", from_row);
      g_object_set_data (G_OBJECT (group), "first-row", first_row);
      g_object_set_data (G_OBJECT (group), "other-row", other_row);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);
      g_ptr_array_add (self->groups, group);
    }
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *j = user_data;
  GadRatesPage *self = j->self;
  g_autoptr(GError) error = NULL;

  if (!gad_worker_run_finish (result, &error))
    {
      /* What was typed stays, to be put right. */
      if (self->context)
        gad_window_toast (GTK_WIDGET (self), error->message);
    }
  else if (self->context)
    {
      if (j->kind)
        gad_window_toast (GTK_WIDGET (self), _("Rate saved"));
      build (self, j);
    }
  job_free (j);
}

static void
gad_rates_page_dispose (GObject *object)
{
  GadRatesPage *self = GAD_RATES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_RATES_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (gad_rates_page_parent_class)->dispose (object);
}

static void
gad_rates_page_class_init (GadRatesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_rates_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-rates-page.ui");
}

static void
gad_rates_page_init (GadRatesPage *self)
{
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The rates come from the worker a moment later. */
GadRatesPage *
gad_rates_page_new (GadContext *context)
{
  GadRatesPage *self = g_object_new (GAD_TYPE_RATES_PAGE, NULL);

  self->context = g_object_ref (context);
  run (self, g_new0 (Job, 1));
  return self;
}
