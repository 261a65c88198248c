/* gad-test-notifications.h — a desktop's notification server, in the test
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        gad_test_notifications_start (void);
const char *gad_test_notifications_last  (void);

G_END_DECLS
