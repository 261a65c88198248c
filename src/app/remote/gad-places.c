/* gad-places.c — where a person on the register lives: typed in, their
 * parish's centre, or imported for everyone from the state address register
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The place is typed as latitude and longitude or as LKS-92 x and y; what
 * is typed is checked as it is typed (outside Latvia, swapped), and saving
 * waits until it is right. The import reads the register's open data on
 * the worker's thread, shows its progress and can be cancelled; a file
 * with bad rows places nobody and names them.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-app-util.h"
#include "gad-places.h"
#include "gad-progress-dialog.h"

typedef struct
{
  GtkWidget *parent;
  GadContext *context;
  gint64 person_id;
  GadGeoPoint point;
  const char *source;
  GadGeoPoint centre;
} Place;

static void
place_free (Place *p)
{
  g_object_unref (p->parent);
  g_object_unref (p->context);
  g_free (p);
}

static gpointer
save_place (GadStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Place *p = data;

  return GINT_TO_POINTER (gad_store_set_place (store, p->person_id, &p->point, p->source, error));
}

static void
on_place_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Place *p = user_data;
  g_autoptr(GError) error = NULL;

  if (gad_worker_run_finish (result, &error))
    gad_context_changed (p->context);
  else
    gad_window_toast (p->parent, error->message);
  place_free (p);
}

static void
on_text_changed (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  GadGeoPoint point;
  gboolean ok = gad_geo_parse (gtk_editable_get_text (entry), &point, &error);

  adw_message_dialog_set_response_enabled (dialog, "save", ok);
  gad_row_set_error (entry, !ok && *gtk_editable_get_text (entry));
  adw_message_dialog_set_body (dialog, ok || !*gtk_editable_get_text (entry)
                                       ? _("Latitude and longitude in degrees, or LKS-92 x and y "
                                           "in metres as the state address register gives them.")
                                       : error->message);
}

static void
on_place_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Place            *p)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "save") && gad_geo_parse (gtk_editable_get_text (entry), &p->point,
                                                       NULL))
    p->source = "typed";
  else if (g_str_equal (response, "parish"))
    {
      p->point = p->centre;
      p->source = "estimate";
    }
  else
    {
      place_free (p);
      return;
    }
  gad_worker_run (gad_context_get_worker (p->context), save_place, p, NULL, NULL, NULL,
                  on_place_saved, p);
}

/**
 * gad_places_edit:
 *
 * Asks where @person lives, and saves it.
 */
void
gad_places_edit (GtkWindow             *parent,
                 GadContext            *context,
                 const GadRemotePerson *person)
{
  Place *p = g_new0 (Place, 1);
  GtkWidget *dialog = adw_message_dialog_new (parent, person->name, NULL);
  GtkWidget *entry = gtk_entry_new ();

  p->parent = g_object_ref (GTK_WIDGET (parent));
  p->context = g_object_ref (context);
  p->person_id = person->person_id;
  p->centre = person->parish_centre;
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "56.4123, 24.3012");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Where they live"), -1);
  if (person->place_source && !g_str_equal (person->place_source, "estimate"))
    {
      g_autofree char *text = g_strdup_printf ("%.6f, %.6f", person->place.lat,
                                               person->place.lon);

      gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "parish", _("Use the _Parish Centre"), "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "parish",
                                           person->has_parish_centre);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_text_changed), dialog);
  on_text_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_place_response), p);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GtkWindow *parent;
  GadContext *context;
  GBytes *data;
  guint n_places;
} Import;

static void
import_free (Import *im)
{
  g_object_unref (im->parent);
  g_object_unref (im->context);
  g_clear_pointer (&im->data, g_bytes_unref);
  g_free (im);
}

static gpointer
import_places (GadStore          *store,
               gpointer           data,
               GadStoreProgress   progress,
               gpointer           progress_data,
               GCancellable      *cancellable,
               GError           **error)
{
  Import *im = data;
  gsize length;
  const char *bytes = g_bytes_get_data (im->data, &length);
  g_autoptr(GPtrArray) places = gad_route_stops_parse (bytes, length, error);
  guint n;

  if (places == NULL)
    return NULL;
  im->n_places = places->len;
  n = gad_store_import_places (store, places, progress, progress_data, cancellable, error);
  return n == G_MAXUINT ? NULL : GUINT_TO_POINTER (n + 1);
}

static void
on_imported (GtkWindow    *parent,
             gpointer      result,
             const GError *error,
             gpointer      data)
{
  Import *im = data;
  guint n = GPOINTER_TO_UINT (result);
  g_autofree char *text = NULL;

  if (n == 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person placed from %u addresses",
                                       "%u persons placed from %u addresses", n - 1),
                          n - 1, im->n_places);
  gad_window_toast (GTK_WIDGET (parent), text);
  gad_context_changed (im->context);
}

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Import *im = user_data;
  GtkWindow *parent = im->parent;
  g_autoptr(GError) error = NULL;

  im->data = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (im->data == NULL)
    {
      gad_window_toast (GTK_WIDGET (parent), error->message);
      import_free (im);
      return;
    }
  gad_progress_dialog_run (parent, im->context, _("Importing Addresses"),
                           _("Each person whose address is in the file is placed there, unless "
                             "their place was typed in."), _("The Addresses Were Not Imported"),
                           import_places, im, (GDestroyNotify) import_free, on_imported);
}

/**
 * gad_places_import_file:
 *
 * Places everyone whose address @file (the state address register's open
 * data, or a CSV of address with lat and lon or x and y) has.
 */
void
gad_places_import_file (GtkWindow  *parent,
                        GadContext *context,
                        GFile      *file)
{
  Import *im = g_new0 (Import, 1);

  im->parent = g_object_ref (parent);
  im->context = g_object_ref (context);
  g_file_load_bytes_async (file, NULL, on_file_loaded, im);
}

static void
on_chosen (GtkNativeDialog *chooser,
           int              response,
           GadContext      *context)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file)
    gad_places_import_file (gtk_native_dialog_get_transient_for (chooser), context, file);
  g_object_unref (context);
  g_object_unref (chooser);
}

void
gad_places_import (GtkWindow  *parent,
                   GadContext *context)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import Addresses"), parent,
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Import"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Addresses with coordinates (CSV)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chosen), g_object_ref (context));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
