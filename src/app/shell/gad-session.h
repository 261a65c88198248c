/* gad-session.h — who is signed in to the windows: sign-in, idle lock, sign-out
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_SESSION (gad_session_get_type ())
G_DECLARE_FINAL_TYPE (GadSession, gad_session, GAD, SESSION, GObject)

GadSession *gad_session_new      (GtkApplication *app,
                                  GadContext     *context);
void        gad_session_present  (GadSession     *self);
void        gad_session_lock     (GadSession     *self);
void        gad_session_sign_out (GadSession     *self);

G_END_DECLS
