/* gad-my-work-view.h — My Work: what is due for the signed-in staff member
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gad-context.h"

G_BEGIN_DECLS

#define GAD_TYPE_MY_WORK_VIEW (gad_my_work_view_get_type ())
G_DECLARE_FINAL_TYPE (GadMyWorkView, gad_my_work_view, GAD, MY_WORK_VIEW, AdwBin)

G_END_DECLS
