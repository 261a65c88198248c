/* gad-template-editor.h — a document template's texts, each in a field of
 * its own, the template's JSON underneath
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GAD_TYPE_TEMPLATE_EDITOR (gad_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (GadTemplateEditor, gad_template_editor, GAD, TEMPLATE_EDITOR, GtkBox)

gboolean gad_template_editor_set_json (GadTemplateEditor *self,
                                       const char        *json);
char    *gad_template_editor_dup_json (GadTemplateEditor *self);
void     gad_template_editor_insert   (GadTemplateEditor *self,
                                       const char        *text);

G_END_DECLS
