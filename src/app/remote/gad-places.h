/* gad-places.h — where a person on the register lives: typed in, their
 * parish's centre, or imported for everyone from the state address register
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"
#include "gad-remote.h"

G_BEGIN_DECLS

void gad_places_edit        (GtkWindow             *parent,
                             GadContext            *context,
                             const GadRemotePerson *person);
void gad_places_import      (GtkWindow             *parent,
                             GadContext            *context);
void gad_places_import_file (GtkWindow             *parent,
                             GadContext            *context,
                             GFile                 *file);

G_END_DECLS
