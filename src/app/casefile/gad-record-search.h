/* gad-record-search.h — searching the records of one's own cases
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_RECORD_SEARCH (gad_record_search_get_type ())
G_DECLARE_FINAL_TYPE (GadRecordSearch, gad_record_search, GAD, RECORD_SEARCH, AdwBin)

void     gad_record_search_set_context (GadRecordSearch *self,
                                        GadContext      *context);
gboolean gad_record_search_is_active   (GadRecordSearch *self);

G_END_DECLS
