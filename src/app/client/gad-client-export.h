/* gad-client-export.h — everything stored about a client, for them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

void gad_client_export_data (GtkWindow  *parent,
                             GadContext *context,
                             GadPerson  *person);

G_END_DECLS
