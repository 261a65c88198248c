/* gad-app-util.h — small helpers the dialogs share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-catalog.h"
#include "gad-context.h"
#include "gad-store.h"

G_BEGIN_DECLS

GListModel *gad_staff_model      (GadContext   *context,
                                  const char   *none,
                                  GArray       *ids);
GListModel *gad_territory_model  (GadContext   *context,
                                  GArray       *ids);
GListModel *gad_department_model (GadContext   *context,
                                  GPtrArray    *names);
void        gad_window_toast     (GtkWidget    *widget,
                                  const char   *message);
GtkFileChooserNative *gad_save_chooser_show (GtkWindow  *parent,
                                             const char *title,
                                             const char *accept,
                                             const char *name,
                                             GCallback   on_response,
                                             gpointer    data);
GListModel *gad_catalog_model    (GadCatalog    catalog);
guint       gad_ids_find         (GArray       *ids,
                                  gint64        id);
char       *gad_date_row_get_iso (AdwEntryRow  *row);
void        gad_date_row_set_iso (AdwEntryRow  *row,
                                  const char   *iso);
void        gad_row_set_error    (gpointer      row,
                                  gboolean      error);
void        gad_bind_escape_to_close (GtkWidgetClass *widget_class);
void        gad_progress_bar_post (GtkProgressBar *bar,
                                   double          fraction);
void        gad_show_error       (GtkLabel     *label,
                                  const char   *message);
void        gad_loading_changed  (GtkWidget    *view,
                                  gboolean      loading,
                                  GParamSpec   *pspec);
const char *gad_type_display_name (const GadTypeEntry *type);
char       *gad_money_for_entry  (gint64        cents);
GtkWidget  *gad_entry_row_new    (const char   *title,
                                  const char   *text);
void        gad_password_row_name_peek (GtkWidget *row);
void        gad_dialog_use_keyboard (GtkWindow *dialog,
                                     GtkButton *save);

/* Who has a personal code: id 0 and no name for nobody. */
typedef struct
{
  char *code;
  gint64 id;
  char *name;
} GadCodeOwner;

void        gad_code_owner_free  (GadCodeOwner   *owner);
void        gad_find_code_owner  (GadContext     *context,
                                  const char     *code,
                                  GCancellable   *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer        user_data);

/* How a dialog hears its save's end: @result is the job's (NULL with @error). */
typedef void (*GadSavedFunc) (GtkWidget    *dialog,
                              gpointer      result,
                              const GError *error);
void        gad_dialog_save      (GtkWidget      *dialog,
                                  GtkWidget      *button,
                                  GtkLabel       *error_label,
                                  GadContext     *context,
                                  GadWorkerFunc   func,
                                  gpointer        data,
                                  GDestroyNotify  data_free,
                                  GDestroyNotify  result_free,
                                  GadSavedFunc    done);

G_END_DECLS
