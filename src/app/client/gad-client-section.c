/* gad-client-section.c — what every section of a client's page has
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include "gad-client-section.h"

typedef struct
{
  GadContext *context;
  GadClientFile *file;   /* the frame's; the rows' widgets point into it */
} GadClientSectionPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GadClientSection, gad_client_section, ADW_TYPE_BIN)

enum { FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
gad_client_section_dispose (GObject *object)
{
  GadClientSectionPrivate *priv =
    gad_client_section_get_instance_private (GAD_CLIENT_SECTION (object));

  priv->file = NULL;
  g_clear_object (&priv->context);
  G_OBJECT_CLASS (gad_client_section_parent_class)->dispose (object);
}

static void
gad_client_section_class_init (GadClientSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gad_client_section_dispose;

  /* A change the section asked for was refused: the frame says why. */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
gad_client_section_init (GadClientSection *self)
{
}

void
gad_client_section_show (GadClientSection *self,
                         GadContext       *context,
                         GadClientFile    *file)
{
  GadClientSectionPrivate *priv = gad_client_section_get_instance_private (self);

  g_return_if_fail (GAD_IS_CLIENT_SECTION (self));
  g_return_if_fail (file != NULL);

  g_set_object (&priv->context, context);
  priv->file = file;
  GAD_CLIENT_SECTION_GET_CLASS (self)->show (self);
}

GadClientFile *
gad_client_section_get_file (GadClientSection *self)
{
  GadClientSectionPrivate *priv = gad_client_section_get_instance_private (self);

  return priv->file;
}

GadContext *
gad_client_section_get_context (GadClientSection *self)
{
  GadClientSectionPrivate *priv = gad_client_section_get_instance_private (self);

  return priv->context;
}

GtkWindow *
gad_client_section_get_window (GadClientSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The client's name as the letters write it, "Surname First". */
char *
gad_client_section_dup_name (GadClientSection *self)
{
  GadClientSectionPrivate *priv = gad_client_section_get_instance_private (self);

  return priv->file ? gad_person_dup_full_name (priv->file->person) : g_strdup ("");
}

void
gad_client_section_failed (GadClientSection *self,
                           const char       *message)
{
  g_signal_emit (self, signals[FAILED], 0, message);
}

/* Something the section changed was saved: every view reads again, this
 * page too. */
void
gad_client_section_saved (GadClientSection *self)
{
  GadClientSectionPrivate *priv = gad_client_section_get_instance_private (self);

  if (priv->context)
    gad_context_changed (priv->context);
}

void
gad_client_section_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

void
gad_client_section_placeholder (GtkListBox *list,
                                const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

/* @list emptied for the rows of @section of the file shown, or the error
 * that kept them in their place (then %NULL). */
GPtrArray *
gad_client_section_rows (GadClientSection *self,
                         GtkListBox       *list,
                         GadFileSection    section)
{
  GadClientSectionPrivate *priv = gad_client_section_get_instance_private (self);

  gad_client_section_clear (list);
  if (priv->file->rows[section] == NULL)
    gad_client_section_placeholder (list, priv->file->errors[section]
                                          ? priv->file->errors[section]->message : "");
  return priv->file->rows[section];
}

GtkWidget *
gad_client_section_button (GtkWidget  *row,
                           const char *label,
                           GCallback   callback,
                           gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}
