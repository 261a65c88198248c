/* gad-registry-view.c — search the registry and open client pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-client-page.h"
#include "gad-person-dialog.h"
#include "gad-person-list.h"
#include "gad-registry-view.h"
#include "gad-sql-sorter.h"
#include "gad-text.h"

struct _GadRegistryView
{
  AdwBin parent_instance;

  GadContext *context;
  GadPersonList *persons;
  char *searched;          /* the text the list was last searched for */
  gboolean open_first;     /* Enter was pressed before the search was answered */

  GtkStack *pages;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkStack *results_stack;
  GtkColumnView *column_view;
  GtkSingleSelection *selection;
  AdwStatusPage *empty_page;
  GadClientPage *client_page;    /* made when a client is first opened */
  GtkColumnViewColumn *columns[6];
};

/* The columns, in the order of the .ui file. */
typedef enum
{
  CELL_NAME,
  CELL_CODE,
  CELL_BIRTH,
  CELL_PARISH,
  CELL_WORKER,
  CELL_CASES,
  N_CELLS
} Cell;

G_DEFINE_FINAL_TYPE (GadRegistryView, gad_registry_view, ADW_TYPE_BIN)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
update_results (GadRegistryView *self)
{
  guint n = gad_person_list_get_n_found (self->persons);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *count = g_strdup_printf (ngettext ("%u client", "%u clients", n), n);

  gtk_label_set_label (self->count_label, count);
  if (n > 0)
    gtk_stack_set_visible_child_name (self->results_stack, "results");
  else
    {
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
      if (*text)
        {
          adw_status_page_set_title (self->empty_page, _("No Clients Found"));
          adw_status_page_set_description (self->empty_page,
                                           _("Check the spelling, or search by personal code."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Clients Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Add the first client, or import a list with "
                                             "“gadiba-cli import persons”."));
        }
    }
}

static void on_search_activate (GadRegistryView *self);

static void
run_query (GadRegistryView *self)
{
  gboolean descending;
  GadSort sort;

  if (self->persons == NULL)
    return;
  sort = gad_sql_sorter_read_primary (gtk_column_view_get_sorter (self->column_view), &descending);
  g_free (self->searched);
  self->searched = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gad_person_list_search (self->persons, self->searched, sort, descending);
}

static void
on_searched (GadRegistryView *self,
             const GError    *error)
{
  if (error)
    g_warning ("Search failed: %s", error->message);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->persons)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  update_results (self);
  if (self->open_first)
    {
      self->open_first = FALSE;
      on_search_activate (self);
    }
}

/* The entry also says "search-changed" once the window is shown, its text
 * as it was: the list is not searched again for the same text. */
static void
on_search_changed (GadRegistryView *self)
{
  if (g_strcmp0 (self->searched, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    run_query (self);
}

/* Enter in the search field opens the first result (when the search for
 * what was typed is answered). */
static void
on_search_activate (GadRegistryView *self)
{
  gint64 first;

  if (gad_person_list_is_searching (self->persons)
      || g_strcmp0 (self->searched, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    {
      self->open_first = TRUE;
      on_search_changed (self);
      return;
    }
  if ((first = gad_person_list_get_id (self->persons, 0)) > 0)
    gad_registry_view_show_person (self, first);
}

static void
on_row_activate (GadRegistryView *self,
                 guint            position)
{
  gint64 id = gad_person_list_get_id (self->persons, position);

  if (id > 0)
    gad_registry_view_show_person (self, id);
}


static void
on_back (GadRegistryView *self)
{
  gad_registry_view_show_list (self);
}

/* Cells are a bare GtkInscription made once per row widget; bind only sets its text. */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  if (GPOINTER_TO_INT (data) == CELL_CASES)
    gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1.0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 10);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GadPerson *person = gtk_list_item_get_item (item);
  GtkInscription *label = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch ((Cell) GPOINTER_TO_INT (data))
    {
    case CELL_NAME:
      text = gad_person_dup_full_name (person);
      break;
    case CELL_CODE:
      text = gad_person_dup_code_display (person);
      break;
    case CELL_BIRTH:
      text = gad_text_format_date (gad_person_get_birth_date (person));
      break;
    case CELL_PARISH:
      gtk_inscription_set_text (label, gad_person_get_territory (person));
      return;
    case CELL_WORKER:
      gtk_inscription_set_text (label, gad_person_get_worker (person));
      return;
    case CELL_CASES:
      if (gad_person_get_open_cases (person))
        text = g_strdup_printf ("%u", gad_person_get_open_cases (person));
      break;
    case N_CELLS:
    default:
      g_assert_not_reached ();
    }
  gtk_inscription_set_text (label, text);
}

static void
set_context (GadRegistryView *self,
             GadContext      *context)
{
  if (self->context == context || context == NULL)
    return;
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->persons = gad_person_list_new (gad_context_get_store (context));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->persons));
  g_signal_connect_object (self->persons, "searched", G_CALLBACK (on_searched), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "changed", G_CALLBACK (run_query), self, G_CONNECT_SWAPPED);
  run_query (self);
}

static void
gad_registry_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, GAD_REGISTRY_VIEW (object)->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_registry_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (GAD_REGISTRY_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_registry_view_dispose (GObject *object)
{
  GadRegistryView *self = GAD_REGISTRY_VIEW (object);

  g_clear_object (&self->persons);
  g_clear_object (&self->context);
  g_clear_pointer (&self->searched, g_free);
  G_OBJECT_CLASS (gad_registry_view_parent_class)->dispose (object);
}

static void
gad_registry_view_class_init (GadRegistryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gad_registry_view_dispose;
  object_class->get_property = gad_registry_view_get_property;
  object_class->set_property = gad_registry_view_set_property;

  /* Set once, usually through a binding from the window. */
  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, GAD_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GAD_TYPE_SQL_SORTER);
  g_type_ensure (GAD_TYPE_PERSON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-registry-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GadRegistryView, pages);
  gtk_widget_class_bind_template_child (widget_class, GadRegistryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GadRegistryView, count_label);
  gtk_widget_class_bind_template_child (widget_class, GadRegistryView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, GadRegistryView, column_view);
  gtk_widget_class_bind_template_child (widget_class, GadRegistryView, selection);
  gtk_widget_class_bind_template_child (widget_class, GadRegistryView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE,
                                             G_STRUCT_OFFSET (GadRegistryView, columns[CELL_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "code_column", FALSE,
                                             G_STRUCT_OFFSET (GadRegistryView, columns[CELL_CODE]));
  gtk_widget_class_bind_template_child_full (widget_class, "birth_column", FALSE,
                                             G_STRUCT_OFFSET (GadRegistryView, columns[CELL_BIRTH]));
  gtk_widget_class_bind_template_child_full (widget_class, "parish_column", FALSE,
                                             G_STRUCT_OFFSET (GadRegistryView,
                                                              columns[CELL_PARISH]));
  gtk_widget_class_bind_template_child_full (widget_class, "worker_column", FALSE,
                                             G_STRUCT_OFFSET (GadRegistryView,
                                                              columns[CELL_WORKER]));
  gtk_widget_class_bind_template_child_full (widget_class, "cases_column", FALSE,
                                             G_STRUCT_OFFSET (GadRegistryView, columns[CELL_CASES]));
}

static void
gad_registry_view_init (GadRegistryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (Cell c = 0; c < N_CELLS; c++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (c));
      gtk_column_view_column_set_factory (self->columns[c], factory);
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (run_query), self, G_CONNECT_SWAPPED);
}

void
gad_registry_view_focus_search (GadRegistryView *self)
{
  g_return_if_fail (GAD_IS_REGISTRY_VIEW (self));

  gad_registry_view_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_person_saved (GadRegistryView *self,
                 gint64           person_id)
{
  gad_context_changed (self->context);
  gad_registry_view_show_person (self, person_id);
}

void
gad_registry_view_new_client (GadRegistryView *self)
{
  GadPersonDialog *dialog;

  g_return_if_fail (GAD_IS_REGISTRY_VIEW (self));

  dialog = gad_person_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  self->context, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_person_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
gad_registry_view_show_person (GadRegistryView *self,
                               gint64           person_id)
{
  g_return_if_fail (GAD_IS_REGISTRY_VIEW (self));

  /* The client page (its five sections) is built when first needed: the
   * window shows sooner, and many a session opens no client. */
  if (self->client_page == NULL)
    {
      self->client_page = g_object_new (GAD_TYPE_CLIENT_PAGE, "context", self->context, NULL);
      g_signal_connect_object (self->client_page, "back", G_CALLBACK (on_back), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->pages, GTK_WIDGET (self->client_page), "client");
    }
  gad_client_page_set_person_id (self->client_page, person_id);
  gtk_stack_set_visible_child_name (self->pages, "client");
}

void
gad_registry_view_show_list (GadRegistryView *self)
{
  g_return_if_fail (GAD_IS_REGISTRY_VIEW (self));
  gtk_stack_set_visible_child_name (self->pages, "list");
}

GListModel *
gad_registry_view_get_results (GadRegistryView *self)
{
  g_return_val_if_fail (GAD_IS_REGISTRY_VIEW (self), NULL);
  return G_LIST_MODEL (self->persons);
}

GtkWidget *
gad_registry_view_get_search_entry (GadRegistryView *self)
{
  g_return_val_if_fail (GAD_IS_REGISTRY_VIEW (self), NULL);
  return GTK_WIDGET (self->search_entry);
}
