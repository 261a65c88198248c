/* gad-sign-in-window.h — the first administrator, signing in, and unlocking
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

typedef enum
{
  GAD_SIGN_IN_FIRST_RUN, /* no account yet: create the administrator */
  GAD_SIGN_IN_SIGN_IN,
  GAD_SIGN_IN_UNLOCK,    /* the same staff member, after the idle lock */
} GadSignInMode;

#define GAD_TYPE_SIGN_IN_WINDOW (gad_sign_in_window_get_type ())
G_DECLARE_FINAL_TYPE (GadSignInWindow, gad_sign_in_window, GAD, SIGN_IN_WINDOW,
                      AdwApplicationWindow)

GadSignInWindow *gad_sign_in_window_new      (GtkApplication  *app,
                                              GadContext      *context,
                                              GadSignInMode    mode);
void             gad_sign_in_window_set_mode (GadSignInWindow *self,
                                              GadSignInMode    mode);
void             gad_sign_in_window_show_message (GadSignInWindow *self,
                                                  const char      *message);
void             gad_sign_in_window_sign_in  (GadSignInWindow *self,
                                              const char      *login,
                                              const char      *password);

G_END_DECLS
