/* gad-test-screenshot.c — what the UI tests share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gad-test-screenshot.h"

#include <adwaita.h>

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

/* Waits until the boolean @property of @object is FALSE, at most @ms;
 * %TRUE if it got there. */
gboolean
gad_test_wait_until_false (GObject    *object,
                           const char *property,
                           guint       ms)
{
  gboolean value = TRUE;

  for (guint waited = 0; waited <= ms; waited += 20)
    {
      g_object_get (object, property, &value, NULL);
      if (!value)
        return TRUE;
      gad_test_wait (20);
    }
  return FALSE;
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

static gboolean
has_own_text (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      const char *text = widget_text (c);

      if ((text && *text && gtk_widget_get_visible (c)) || has_own_text (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_control (GtkWidget *w)
{
  return GTK_IS_BUTTON (w) || GTK_IS_CHECK_BUTTON (w) || GTK_IS_DROP_DOWN (w)
         || GTK_IS_SPIN_BUTTON (w) || GTK_IS_ENTRY (w) || GTK_IS_SEARCH_ENTRY (w)
         || GTK_IS_SWITCH (w) || GTK_IS_SCALE (w);
}

/* A control a screen reader can name: its accessible label, its own
 * visible text, or the titled row it sits in. (GTK 4.8 buttons are always
 * "labelled by" their child, even an icon, so that relation proves nothing.) */
static gboolean
is_named (GtkWidget *w)
{
  GtkAccessible *a = GTK_ACCESSIBLE (w);

  /* A drop-down's text is its choice, not its name. */
  if (gtk_test_accessible_has_property (a, GTK_ACCESSIBLE_PROPERTY_LABEL)
      || (!GTK_IS_DROP_DOWN (w) && has_own_text (w)))
    return TRUE;
  /* GTK 4.8 keeps a menu button's name on the menu button, not on the
   * toggle inside it (that cannot be labelled without upsetting GTK). */
  if (GTK_IS_MENU_BUTTON (gtk_widget_get_parent (w)))
    return gtk_test_accessible_has_property (GTK_ACCESSIBLE (gtk_widget_get_parent (w)),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (GtkWidget *p = gtk_widget_get_parent (w); p; p = gtk_widget_get_parent (p))
    if (ADW_IS_PREFERENCES_ROW (p))
      return *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p)) != '\0';
  return FALSE;
}

static void
collect_unnamed (GtkWidget *root,
                 GPtrArray *out)
{
  /* libadwaita 1.2's toasts have an unnamed close button of their own. */
  if (!gtk_widget_get_mapped (root) || g_str_equal (G_OBJECT_TYPE_NAME (root), "AdwToastWidget"))
    return;
  if (is_control (root) && !is_named (root))
    g_ptr_array_add (out, root);
  /* The parts inside a control (an entry's text, a spin button's +/−) are its own. */
  if (is_control (root) && !GTK_IS_BUTTON (root))
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_unnamed (c, out);
}

/* The mapped controls under @root with no accessible name, for the test to
 * list and fail on. */
GPtrArray *
gad_test_unnamed_controls (GtkWidget *root)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_unnamed (root, out);
  return out;
}
