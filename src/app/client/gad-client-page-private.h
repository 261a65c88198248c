/* gad-client-page-private.h — what the client page's files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is one class in four files, by concern: gad-client-page.c reads
 * the file and shows the person; -sections.c the household, history and
 * duties and the rows' helpers; -care.c cases, services and co-payments;
 * -applications.c applications, decisions and their letters; -actions.c
 * what the header's buttons do.
 */
#pragma once

#include "gad-client-file.h"
#include "gad-client-page.h"

G_BEGIN_DECLS

struct _GadClientPage
{
  AdwBin parent_instance;

  GadContext *context;
  GadPerson *person;
  gint64 person_id;
  GadClientFile *file;     /* shown; the list rows point into it */
  GCancellable *loading;   /* while it is read */

  GtkLabel *name_label;
  GtkLabel *code_label;
  GtkLabel *error_label;
  GtkLabel *basic_label;
  GtkWidget *file_child;
  GtkWidget *duties_group;
  GtkWidget *audit_button;
  GtkLabel *code_value;
  GtkLabel *birth_value;
  GtkLabel *gender_value;
  GtkLabel *disability_value;
  GtkLabel *address_value;
  GtkLabel *phone_value;
  GtkLabel *parish_value;
  GtkLabel *worker_value;
  GtkLabel *status_value;
  GtkListBox *household_list;
  GtkListBox *duties_list;
  GtkListBox *requests_list;
  GtkListBox *decisions_list;
  GtkListBox *cases_list;
  GtkListBox *plans_list;
  GtkFileChooserNative *chooser;
  AdwPreferencesGroup *copayments_group;
  GtkListBox *copayments_list;
  GtkListBox *history_list;
};

/* gad-client-page.c */
void       gad_client_page_saved            (GadClientPage  *self);

/* gad-client-page-sections.c */
void       gad_client_page_clear_list       (GtkListBox     *list);
void       gad_client_page_add_placeholder  (GtkListBox     *list,
                                             const char     *text);
GPtrArray *gad_client_page_section_rows     (GadClientPage  *self,
                                             GtkListBox     *list,
                                             GadFileSection  section);
void       gad_client_page_set_value        (GtkLabel       *label,
                                             const char     *value);
GtkWidget *gad_client_page_suffix_button    (GtkWidget      *row,
                                             const char     *label,
                                             GCallback       callback,
                                             gpointer        self);
void       gad_client_page_fill_history     (GadClientPage  *self);
void       gad_client_page_fill_household   (GadClientPage  *self);
void       gad_client_page_fill_duties      (GadClientPage  *self);

/* gad-client-page-care.c */
void       gad_client_page_fill_cases       (GadClientPage  *self);
void       gad_client_page_fill_plans       (GadClientPage  *self);
void       gad_client_page_fill_copayments  (GadClientPage  *self);

/* gad-client-page-applications.c */
void       gad_client_page_fill_requests    (GadClientPage  *self);
void       gad_client_page_fill_decisions   (GadClientPage  *self);

/* gad-client-page-actions.c */
void       gad_client_page_install_actions  (GtkWidgetClass *widget_class);

G_END_DECLS
