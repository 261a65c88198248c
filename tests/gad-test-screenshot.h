/* gad-test-screenshot.h — what the UI tests share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean   gad_test_save_screenshot (GtkWidget  *widget,
                                     const char *name);
void       gad_test_wait            (guint       ms);
gboolean   gad_test_wait_until_false (GObject    *object,
                                      const char *property,
                                      guint       ms);
GtkWidget *gad_test_find_label      (GtkWidget  *root,
                                     const char *text);
guint      gad_test_count_text      (GtkWidget  *root,
                                     const char *prefix);
GtkWidget *gad_test_find_text       (GtkWidget  *root,
                                     const char *part);
GtkWidget *gad_test_find_widget     (GtkWidget  *root,
                                     GType       type);
GPtrArray *gad_test_unnamed_controls (GtkWidget *root);

G_END_DECLS
