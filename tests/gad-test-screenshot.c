/* gad-test-screenshot.c — what the UI tests share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gad-test-screenshot.h"

#include <string.h>

/* Renders what @widget shows now into $BUILD/tests/screenshots/NAME.png. */
gboolean
gad_test_save_screenshot (GtkWidget  *widget,
                          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("GADIBA_SCREENSHOTS") ?: ".", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* On a busy machine the first frame may not be drawn yet: give it time. */
  for (guint i = 0; node == NULL && i < 20; i++)
    {
      gad_test_wait (100);
      snapshot = gtk_snapshot_new ();
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  g_test_message ("screenshot: %s", path);
  return gdk_texture_save_to_png (texture, path);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run (searches, redraws) for @ms milliseconds. */
void
gad_test_wait (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop, loop);
  g_main_loop_run (loop);
}

static const char *
widget_text (GtkWidget *w)
{
  if (GTK_IS_LABEL (w))
    return gtk_label_get_label (GTK_LABEL (w));
  if (GTK_IS_INSCRIPTION (w))
    return gtk_inscription_get_text (GTK_INSCRIPTION (w));
  return NULL;
}

/* The first mapped label whose text is @text. */
GtkWidget *
gad_test_find_label (GtkWidget  *root,
                     const char *text)
{
  const char *own = widget_text (root);

  if (own && g_str_equal (own, text) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = gad_test_find_label (c, text);
      if (found)
        return found;
    }
  return NULL;
}

/* How many mapped labels and list cells start with @prefix: the rows a person sees. */
guint
gad_test_count_text (GtkWidget  *root,
                     const char *prefix)
{
  const char *own = widget_text (root);
  guint n = own && g_str_has_prefix (own, prefix) && gtk_widget_get_mapped (root) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    n += gad_test_count_text (c, prefix);
  return n;
}

/* The first mapped label with @part somewhere in its text. */
GtkWidget *
gad_test_find_text (GtkWidget  *root,
                    const char *part)
{
  const char *own = widget_text (root);

  if (own && strstr (own, part) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = gad_test_find_text (c, part);
      if (found)
        return found;
    }
  return NULL;
}

/* The first mapped widget of @type under @root. */
GtkWidget *
gad_test_find_widget (GtkWidget *root,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = gad_test_find_widget (c, type);
      if (found)
        return found;
    }
  return NULL;
}
