/* gad-password.h — staff passwords, hashed with Argon2id
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GAD_PASSWORD_MIN_LENGTH 10

gboolean  gad_password_check_strength (const char  *password,
                                       GError     **error);
char     *gad_password_hash           (const char  *password,
                                       GError     **error);
gboolean  gad_password_verify         (const char  *password,
                                       const char  *encoded);

char     *gad_random_hex              (gsize        bytes);

G_END_DECLS
