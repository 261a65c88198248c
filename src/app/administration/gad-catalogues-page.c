/* gad-catalogues-page.c — the administrator's catalogues: parishes,
 * departments, and benefit and service types
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the lists hold comes from the context (read with the staff); an
 * addition is saved on the worker's thread, and the lists are read again
 * for every window. Nothing is removed or renamed: records keep what they
 * were made with. The first set-up shows the parishes and departments only.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-catalogues-page.h"

struct _GadCataloguesPage
{
  AdwPreferencesPage parent_instance;

  GadContext *context;
  GPtrArray *listed;      /* the rows of what the lists hold, rebuilt */

  AdwPreferencesGroup *parishes_group;
  AdwEntryRow *parish_row;
  AdwPreferencesGroup *departments_group;
  AdwEntryRow *department_row;
  AdwPreferencesGroup *benefits_group;
  AdwExpanderRow *benefits_row;
  AdwEntryRow *benefit_code_row;
  AdwEntryRow *benefit_lv_row;
  AdwEntryRow *benefit_en_row;
  GtkSwitch *income_switch;
  AdwEntryRow *benefit_basis_row;
  AdwPreferencesGroup *services_group;
  AdwExpanderRow *services_row;
  AdwEntryRow *service_code_row;
  AdwEntryRow *service_lv_row;
  AdwEntryRow *service_en_row;
};

G_DEFINE_FINAL_TYPE (GadCataloguesPage, gad_catalogues_page, ADW_TYPE_PREFERENCES_PAGE)

typedef enum { PARISH, CENTRE, DEPARTMENT, TYPE } What;

typedef struct
{
  GadCataloguesPage *self;
  What what;
  char *name;             /* PARISH, DEPARTMENT */
  GadTypeEntry type;      /* TYPE */
  char *legal_basis;
  gint64 territory_id;    /* CENTRE */
  GadGeoPoint centre;
  GtkWidget *rows[5];     /* emptied once saved */
} Addition;

static void
addition_free (Addition *a)
{
  g_object_unref (a->self);
  g_free (a->name);
  g_free (a->type.code);
  g_free (a->type.name_lv);
  g_free (a->type.name_en);
  g_free (a->legal_basis);
  for (guint i = 0; i < G_N_ELEMENTS (a->rows); i++)
    g_clear_object (&a->rows[i]);
  g_free (a);
}

static gpointer
save (GadStore      *store,
      gpointer       data,
      GCancellable  *cancellable,
      GError       **error)
{
  Addition *a = data;

  switch (a->what)
    {
    case PARISH:
      return GINT_TO_POINTER (gad_store_add_territory (store, a->name, error) > 0);
    case CENTRE:
      return GINT_TO_POINTER (gad_store_set_parish_centre (store, a->territory_id, &a->centre,
                                                           error));
    case DEPARTMENT:
      return GINT_TO_POINTER (gad_store_add_department (store, a->name, error));
    case TYPE:
    default:
      return GINT_TO_POINTER (gad_store_add_type (store, &a->type, a->legal_basis, error));
    }
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Addition *a = user_data;
  GadCataloguesPage *self = a->self;
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    ;   /* closed meanwhile */
  else if (!gad_worker_run_finish (result, &error))
    gad_window_toast (GTK_WIDGET (self), error->message);   /* what was typed stays */
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (a->rows) && a->rows[i]; i++)
        gtk_editable_set_text (GTK_EDITABLE (a->rows[i]), "");
      gad_window_toast (GTK_WIDGET (self), a->what == PARISH ? _("Parish added")
                                           : a->what == CENTRE ? _("Parish centre saved")
                                           : a->what == DEPARTMENT ? _("Department added")
                                           : _("Added to the catalogue"));
      /* Every window's lists, and this page's, are read again. */
      gad_context_read_directory (self->context, NULL, NULL);
      gad_context_changed (self->context);
    }
  addition_free (a);
}

/* Takes @a; @rows (NULL-terminated) are what it was typed in. */
static void
add (GadCataloguesPage *self,
     Addition          *a,
     ...)
{
  va_list args;
  GtkWidget *row;
  guint n = 0;

  a->self = g_object_ref (self);
  va_start (args, a);
  while ((row = va_arg (args, GtkWidget *)) != NULL && n < G_N_ELEMENTS (a->rows))
    a->rows[n++] = g_object_ref (row);
  va_end (args);
  gad_worker_run (gad_context_get_worker (self->context), save, a, NULL, NULL, NULL, on_saved, a);
}

static char *
text_of (AdwEntryRow *row)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_parish_apply (GadCataloguesPage *self)
{
  Addition *a = g_new0 (Addition, 1);

  a->what = PARISH;
  a->name = g_strstrip (text_of (self->parish_row));
  add (self, a, self->parish_row, NULL);
}

static void
on_department_apply (GadCataloguesPage *self)
{
  Addition *a = g_new0 (Addition, 1);

  a->what = DEPARTMENT;
  a->name = text_of (self->department_row);
  add (self, a, self->department_row, NULL);
}

static void
on_benefit_add (GadCataloguesPage *self)
{
  Addition *a = g_new0 (Addition, 1);

  a->what = TYPE;
  a->type = (GadTypeEntry) { text_of (self->benefit_code_row), text_of (self->benefit_lv_row),
                             text_of (self->benefit_en_row), FALSE,
                             gtk_switch_get_active (self->income_switch) };
  a->legal_basis = text_of (self->benefit_basis_row);
  add (self, a, self->benefit_code_row, self->benefit_lv_row, self->benefit_en_row,
       self->benefit_basis_row, NULL);
}

static void
on_service_add (GadCataloguesPage *self)
{
  Addition *a = g_new0 (Addition, 1);

  a->what = TYPE;
  a->type = (GadTypeEntry) { text_of (self->service_code_row), text_of (self->service_lv_row),
                             text_of (self->service_en_row), TRUE, FALSE };
  add (self, a, self->service_code_row, self->service_lv_row, self->service_en_row, NULL);
}

/* A parish's centre typed: checked here, saved by the worker. */
static void
on_centre_apply (AdwEntryRow       *row,
                 GadCataloguesPage *self)
{
  g_autoptr(GError) error = NULL;
  Addition *a;
  GadGeoPoint centre;

  if (!gad_geo_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &centre, &error))
    {
      gad_row_set_error (row, TRUE);
      gad_window_toast (GTK_WIDGET (self), error->message);
      return;
    }
  gad_row_set_error (row, FALSE);
  a = g_new0 (Addition, 1);
  a->what = CENTRE;
  a->territory_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "territory"));
  a->centre = centre;
  add (self, a, NULL);
}

/* A parish, and where its centre is (the routes start there). */
static GtkWidget *
parish_row (GadTerritory      *t,
            GadCataloguesPage *self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t->name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  if (t->has_centre)
    {
      g_autofree char *text = g_strdup_printf ("%.6f, %.6f", t->centre.lat, t->centre.lon);

      gtk_editable_set_text (GTK_EDITABLE (row), text);
    }
  g_object_set_data (G_OBJECT (row), "territory", GSIZE_TO_POINTER ((gsize) t->id));
  g_signal_connect (row, "apply", G_CALLBACK (on_centre_apply), self);
  return row;
}

static GtkWidget *
listed_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* What the context read last: each list's rows, before the rows to add one. */
static void
show_lists (GadCataloguesPage *self)
{
  GPtrArray *parishes = gad_context_get_territories (self->context);
  GPtrArray *departments = gad_context_get_departments (self->context);
  GPtrArray *types = gad_context_get_types (self->context);
  guint n_benefits = 0, n_services = 0;

  for (guint i = 0; i < self->listed->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->listed, i);
      GtkWidget *parent = gtk_widget_get_ancestor (gtk_widget_get_parent (row),
                                                   ADW_TYPE_EXPANDER_ROW);

      if (parent)
        adw_expander_row_remove (ADW_EXPANDER_ROW (parent), row);
      else
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (
          gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->listed, 0);

  /* The rows to add one come last: the lists go before them. */
  adw_preferences_group_remove (self->parishes_group, GTK_WIDGET (self->parish_row));
  adw_preferences_group_remove (self->departments_group, GTK_WIDGET (self->department_row));
  for (guint i = 0; i < parishes->len; i++)
    {
      GtkWidget *row = parish_row (g_ptr_array_index (parishes, i), self);

      adw_preferences_group_add (self->parishes_group, row);
      g_ptr_array_add (self->listed, row);
    }
  for (guint i = 0; i < departments->len; i++)
    {
      GtkWidget *row = listed_row (g_ptr_array_index (departments, i), NULL);

      adw_preferences_group_add (self->departments_group, row);
      g_ptr_array_add (self->listed, row);
    }
  adw_preferences_group_add (self->parishes_group, GTK_WIDGET (self->parish_row));
  adw_preferences_group_add (self->departments_group, GTK_WIDGET (self->department_row));
  for (guint i = 0; i < types->len; i++)
    {
      GadTypeEntry *t = g_ptr_array_index (types, i);
      GtkWidget *row = listed_row (gad_type_display_name (t), t->code);

      adw_expander_row_add_row (t->is_service ? self->services_row : self->benefits_row, row);
      g_ptr_array_add (self->listed, row);
      if (t->is_service)
        n_services++;
      else
        n_benefits++;
    }
  {
    g_autofree char *benefits = g_strdup_printf (ngettext ("%u benefit type", "%u benefit types",
                                                           n_benefits), n_benefits);
    g_autofree char *services = g_strdup_printf (ngettext ("%u service type", "%u service types",
                                                           n_services), n_services);

    adw_expander_row_set_subtitle (self->benefits_row, benefits);
    adw_expander_row_set_subtitle (self->services_row, services);
  }
}

static void
gad_catalogues_page_dispose (GObject *object)
{
  GadCataloguesPage *self = GAD_CATALOGUES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GAD_TYPE_CATALOGUES_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->listed, g_ptr_array_unref);
  G_OBJECT_CLASS (gad_catalogues_page_parent_class)->dispose (object);
}

static void
gad_catalogues_page_class_init (GadCataloguesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gad_catalogues_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-catalogues-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, GadCataloguesPage, name)
  CHILD (parishes_group);
  CHILD (parish_row);
  CHILD (departments_group);
  CHILD (department_row);
  CHILD (benefits_group);
  CHILD (benefits_row);
  CHILD (benefit_code_row);
  CHILD (benefit_lv_row);
  CHILD (benefit_en_row);
  CHILD (income_switch);
  CHILD (benefit_basis_row);
  CHILD (services_group);
  CHILD (services_row);
  CHILD (service_code_row);
  CHILD (service_lv_row);
  CHILD (service_en_row);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_parish_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_department_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_benefit_add);
  gtk_widget_class_bind_template_callback (widget_class, on_service_add);
}

static void
gad_catalogues_page_init (GadCataloguesPage *self)
{
  self->listed = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gad_catalogues_page_new:
 * @places_only: the parishes and departments only (the first set-up)
 */
GadCataloguesPage *
gad_catalogues_page_new (GadContext *context,
                         gboolean    places_only)
{
  GadCataloguesPage *self = g_object_new (GAD_TYPE_CATALOGUES_PAGE, NULL);

  self->context = g_object_ref (context);
  gtk_widget_set_visible (GTK_WIDGET (self->benefits_group), !places_only);
  gtk_widget_set_visible (GTK_WIDGET (self->services_group), !places_only);
  show_lists (self);
  g_signal_connect_object (context, "directory-read", G_CALLBACK (show_lists), self,
                           G_CONNECT_SWAPPED);
  return self;
}
