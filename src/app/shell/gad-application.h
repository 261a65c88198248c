/* gad-application.h — the Gādība application
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GAD_TYPE_APPLICATION (gad_application_get_type ())
G_DECLARE_FINAL_TYPE (GadApplication, gad_application, GAD, APPLICATION, AdwApplication)

GadApplication *gad_application_new (void);

G_END_DECLS
