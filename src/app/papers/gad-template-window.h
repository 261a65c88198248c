/* gad-template-window.h — editing a document template with its preview
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"
#include "gad-template.h"

G_BEGIN_DECLS

#define GAD_TYPE_TEMPLATE_WINDOW (gad_template_window_get_type ())
G_DECLARE_FINAL_TYPE (GadTemplateWindow, gad_template_window, GAD, TEMPLATE_WINDOW, AdwWindow)

GadTemplateWindow *gad_template_window_new (GtkWindow         *parent,
                                            GadContext        *context,
                                            const GadTemplate *template);

G_END_DECLS
