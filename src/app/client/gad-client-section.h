/* gad-client-section.h — what every section of a client's page has
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A client's page is a frame (GadClientPage) holding sections, one a
 * tab: the overview, the case file, applications and decisions, services
 * and schedule, the history. Each section is a widget of its own with its
 * own template; the frame reads the client's file once and hands it to
 * every section, which shows its part and offers what the role may do.
 */
#pragma once

#include <adwaita.h>

#include "gad-client-file.h"
#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_CLIENT_SECTION (gad_client_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (GadClientSection, gad_client_section, GAD, CLIENT_SECTION, AdwBin)

struct _GadClientSectionClass
{
  AdwBinClass parent_class;

  /* Shows the file just handed over (it lives until the next one). */
  void (*show) (GadClientSection *self);
};

void           gad_client_section_show        (GadClientSection *self,
                                               GadContext       *context,
                                               GadClientFile    *file);
GadClientFile *gad_client_section_get_file    (GadClientSection *self);
GadContext    *gad_client_section_get_context (GadClientSection *self);
GtkWindow     *gad_client_section_get_window  (GadClientSection *self);
char          *gad_client_section_dup_name    (GadClientSection *self);
void           gad_client_section_failed      (GadClientSection *self,
                                               const char       *message);
void           gad_client_section_saved       (GadClientSection *self);

GPtrArray     *gad_client_section_rows        (GadClientSection *self,
                                               GtkListBox       *list,
                                               GadFileSection    section);
void           gad_client_section_clear       (GtkListBox       *list);
void           gad_client_section_placeholder (GtkListBox       *list,
                                               const char       *text);
GtkWidget     *gad_client_section_button      (GtkWidget        *row,
                                               const char       *label,
                                               GCallback         callback,
                                               gpointer          self);

G_END_DECLS
