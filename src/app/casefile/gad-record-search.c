/* gad-record-search.c — searching the records of one's own cases
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At the top of My Work: the words typed (diacritics folded, each the start
 * of a word) find the records of the signed-in worker's cases, newest
 * first, searched on the worker's thread as the typing pauses; an answer to
 * words no longer typed is dropped. A row opens its client.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-catalog.h"
#include "gad-record-search.h"
#include "gad-text.h"
#include "gad-window.h"

#define MOST 50

struct _GadRecordSearch
{
  AdwBin parent_instance;

  GadContext *context;
  guint asked;                   /* the last search asked for */
  gboolean active;               /* words are typed */

  GtkSearchEntry *entry;
  GtkLabel *status;
  GtkListBox *hits_list;
};

G_DEFINE_FINAL_TYPE (GadRecordSearch, gad_record_search, ADW_TYPE_BIN)

enum { PROP_0, PROP_ACTIVE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
on_row_activated (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  GadRecordSearch *self)
{
  GtkRoot *window = gtk_widget_get_root (GTK_WIDGET (self));
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));

  if (GAD_IS_WINDOW (window))
    gad_window_show_client (GAD_WINDOW (window), person);
}

static GtkWidget *
hit_row (GadCaseRecord *r)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = gad_text_format_date (r->occurred_on);
  /* TRANSLATORS: a record found: client · kind of record · its day */
  g_autofree char *title = g_strdup_printf (_("%s · %s · %s"), r->client,
                                            gad_catalog_name (GAD_CATALOG_RECORD_KIND, r->kind),
                                            day);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), r->text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "person-id", GSIZE_TO_POINTER (r->person_id));
  return row;
}

typedef struct
{
  GadRecordSearch *self;
  guint asked;
} Asked;

static gpointer
search (GadStore      *store,
        gpointer       data,
        GCancellable  *cancellable,
        GError       **error)
{
  return gad_store_search_records (store, data, MOST, error);
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Asked *asked = user_data;
  g_autoptr(GadRecordSearch) self = asked->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = gad_worker_run_finish (result, &error);
  g_autofree char *status = NULL;
  GtkWidget *child;

  if (asked->asked != self->asked || self->context == NULL)
    {
      g_free (asked);
      return;
    }
  g_free (asked);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hits_list))))
    gtk_list_box_remove (self->hits_list, child);
  if (hits == NULL)
    status = g_strdup (error->message);
  else if (hits->len == 0)
    status = g_strdup (_("No record of your cases has these words."));
  else if (hits->len == MOST)
    status = g_strdup_printf (_("The newest %u records with these words"), MOST);
  else
    status = g_strdup_printf (ngettext ("%u record with these words",
                                        "%u records with these words", hits->len), hits->len);
  for (guint i = 0; hits && i < hits->len; i++)
    gtk_list_box_append (self->hits_list, hit_row (g_ptr_array_index (hits, i)));
  gtk_label_set_label (self->status, status);
  gtk_widget_set_visible (GTK_WIDGET (self->status), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->hits_list), hits && hits->len > 0);
}

static void
on_search_changed (GadRecordSearch *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *words = gad_text_search_words (text);
  Asked *asked;

  self->asked++;
  if (words[0] == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->hits_list), FALSE);
    }
  else if (self->context)
    {
      asked = g_new0 (Asked, 1);
      asked->self = g_object_ref (self);
      asked->asked = self->asked;
      gad_worker_run (gad_context_get_worker (self->context), search, g_strdup (text), g_free,
                      (GDestroyNotify) g_ptr_array_unref, NULL, on_found, asked);
    }
  if (self->active != (words[0] != '\0'))
    {
      self->active = words[0] != '\0';
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
}

/**
 * gad_record_search_is_active:
 *
 * Returns: whether words are typed (and the answer is shown in place of
 *   what the view shows otherwise)
 */
gboolean
gad_record_search_is_active (GadRecordSearch *self)
{
  return self->active;
}

void
gad_record_search_set_context (GadRecordSearch *self,
                               GadContext      *context)
{
  g_set_object (&self->context, context);
}

static void
gad_record_search_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, gad_record_search_is_active (GAD_RECORD_SEARCH (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gad_record_search_dispose (GObject *object)
{
  GadRecordSearch *self = GAD_RECORD_SEARCH (object);

  g_clear_object (&self->context);
  G_OBJECT_CLASS (gad_record_search_parent_class)->dispose (object);
}

static void
gad_record_search_class_init (GadRecordSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gad_record_search_dispose;
  object_class->get_property = gad_record_search_get_property;
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-record-search.ui");
  gtk_widget_class_bind_template_child (widget_class, GadRecordSearch, entry);
  gtk_widget_class_bind_template_child (widget_class, GadRecordSearch, status);
  gtk_widget_class_bind_template_child (widget_class, GadRecordSearch, hits_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
gad_record_search_init (GadRecordSearch *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
