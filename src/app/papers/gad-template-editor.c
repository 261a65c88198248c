/* gad-template-editor.c — a document template's texts, each in a field of
 * its own, the template's JSON underneath
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The requisites first (the mark, the letterhead, the type, the number, the
 * title, the signature), then the parts in their order: a heading and a
 * text, or a table's column headings, and whether a line whose field has no
 * value is left out. Each change writes the JSON and says "changed"; the
 * window checks the template and draws the preview.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gad-template-editor.h"
#include "gad-template.h"

struct _GadTemplateEditor
{
  GtkBox parent_instance;

  JsonNode *root;
  GtkWidget *focused;     /* where a field is inserted: the last text typed in */
};

G_DEFINE_FINAL_TYPE (GadTemplateEditor, gad_template_editor, GTK_TYPE_BOX)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* A text written back where it came from; an empty one is no member. */
static void
store_text (GadTemplateEditor *self,
            GObject           *widget,
            const char        *text)
{
  JsonObject *object = g_object_get_data (widget, "object");
  const char *member = g_object_get_data (widget, "member");
  JsonArray *columns = g_object_get_data (widget, "columns");

  if (columns)
    {
      guint column = GPOINTER_TO_UINT (g_object_get_data (widget, "column"));
      JsonNode *node = json_array_get_element (columns, column);

      json_node_set_string (node, text);
    }
  else if (*text == '\0' && !g_str_equal (member, "text"))
    json_object_remove_member (object, member);
  else
    json_object_set_string_member (object, member, text);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_entry_changed (GtkEditable       *entry,
                  GadTemplateEditor *self)
{
  store_text (self, G_OBJECT (entry), gtk_editable_get_text (entry));
}

static void
on_buffer_changed (GtkTextBuffer     *buffer,
                   GadTemplateEditor *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  store_text (self, G_OBJECT (buffer), text);
}

static void
on_focus_enter (GtkEventControllerFocus *controller,
                GadTemplateEditor       *self)
{
  self->focused = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
}

static void
track_focus (GadTemplateEditor *self,
             GtkWidget         *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter), self);
  gtk_widget_add_controller (widget, focus);
}

static void
add_caption (GadTemplateEditor *self,
             const char        *caption,
             gboolean           heading)
{
  GtkWidget *label = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, heading ? 18 : 6);
  gtk_widget_add_css_class (label, heading ? "heading" : "caption");
  gtk_box_append (GTK_BOX (self), label);
}

static const char *
member_text (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

/* @text, @object's @member, under @caption, bound to it; named @name. */
static GtkWidget *
add_text (GadTemplateEditor *self,
          const char        *name,
          const char        *caption,
          JsonObject        *object,
          const char        *member,
          const char        *text,
          gboolean           lines)
{
  GtkWidget *widget;
  GObject *bound;

  add_caption (self, caption, FALSE);
  if (lines)
    {
      GtkWidget *frame = gtk_frame_new (NULL);

      widget = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (widget), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (widget), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (widget), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (widget), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (widget), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (widget), 6);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                                text ? text : "", -1);
      bound = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)));
      g_signal_connect (bound, "changed", G_CALLBACK (on_buffer_changed), self);
      gtk_frame_set_child (GTK_FRAME (frame), widget);
      gtk_box_append (GTK_BOX (self), frame);
    }
  else
    {
      widget = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
      bound = G_OBJECT (widget);
      g_signal_connect (bound, "changed", G_CALLBACK (on_entry_changed), self);
      gtk_box_append (GTK_BOX (self), widget);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  caption, -1);
  gtk_widget_set_name (widget, name);
  g_object_set_data (bound, "object", object);
  g_object_set_data (bound, "member", (gpointer) member);
  track_focus (self, widget);
  return widget;
}

static void
on_omit_toggled (GtkCheckButton    *check,
                 GadTemplateEditor *self)
{
  JsonObject *part = g_object_get_data (G_OBJECT (check), "object");

  if (gtk_check_button_get_active (check))
    json_object_set_string_member (part, "missing", "omit");
  else if (json_object_has_member (part, "missing"))
    json_object_remove_member (part, "missing");
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_part (GadTemplateEditor *self,
          JsonObject        *part,
          guint              n)
{
  g_autofree char *title = NULL;
  g_autofree char *heading = g_strdup_printf ("part-%u-heading", n);
  g_autofree char *text = g_strdup_printf ("part-%u-text", n);
  const char *table = member_text (part, "table");
  const char *missing = member_text (part, "missing");
  const GadTemplateField *field = table ? gad_template_find_field (table) : NULL;
  GtkWidget *omit;

  /* TRANSLATORS: a part of a document's text, numbered; a table's name may follow */
  title = field ? g_strdup_printf (_("Part %u: table “%s”"), n, _(field->label))
                : g_strdup_printf (_("Part %u"), n);
  add_caption (self, title, TRUE);
  add_text (self, heading, _("Heading"), part, "heading", member_text (part, "heading"), FALSE);
  if (table == NULL)
    add_text (self, text, _("Text"), part, "text", member_text (part, "text"), TRUE);
  else if (json_object_has_member (part, "columns")
           && JSON_NODE_HOLDS_ARRAY (json_object_get_member (part, "columns")))
    {
      JsonArray *columns = json_object_get_array_member (part, "columns");

      for (guint c = 0; c < json_array_get_length (columns); c++)
        {
          g_autofree char *caption = g_strdup_printf (_("Column %u heading"), c + 1);
          g_autofree char *name = g_strdup_printf ("part-%u-column-%u", n, c + 1);
          GtkWidget *entry = add_text (self, name, caption, part, "columns",
                                       json_array_get_string_element (columns, c), FALSE);

          g_object_set_data (G_OBJECT (entry), "columns", columns);
          g_object_set_data (G_OBJECT (entry), "column", GUINT_TO_POINTER (c));
        }
    }
  omit = gtk_check_button_new_with_label (table ? _("Leave the table out when it has no rows")
                                                : _("Leave out a line whose field has no value"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (omit), g_strcmp0 (missing, "omit") == 0);
  g_object_set_data (G_OBJECT (omit), "object", part);
  g_signal_connect (omit, "toggled", G_CALLBACK (on_omit_toggled), self);
  gtk_box_append (GTK_BOX (self), omit);
}

/**
 * gad_template_editor_set_json:
 *
 * Shows the template @json (checked or not: it is the window's to check).
 * Returns: whether it was a JSON object to show
 */
gboolean
gad_template_editor_set_json (GadTemplateEditor *self,
                              const char        *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GtkWidget *child;
  JsonObject *root;
  JsonArray *parts;
  GadDocumentKind kind = GAD_DOCUMENT_DECISION;

  if (!json_parser_load_from_data (parser, json, -1, NULL)
      || json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_box_remove (GTK_BOX (self), child);
  self->focused = NULL;
  g_clear_pointer (&self->root, json_node_unref);
  self->root = json_node_copy (json_parser_get_root (parser));
  root = json_node_get_object (self->root);
  gad_document_kind_parse (member_text (root, "kind"), &kind);

  add_caption (self, _("Requisites"), TRUE);
  for (const char *const *key = gad_template_keys (); *key; key++)
    if (!g_str_equal (*key, "number") || kind != GAD_DOCUMENT_DECISION)
      add_text (self, *key, gad_template_caption (*key), root, *key, member_text (root, *key),
                /* The letterhead and the addressee have lines. */
                g_str_equal (*key, "letterhead") || g_str_equal (*key, "addressee"));
  parts = json_object_has_member (root, "parts")
            && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "parts"))
          ? json_object_get_array_member (root, "parts") : NULL;
  for (guint i = 0; parts && i < json_array_get_length (parts); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (parts, i)))
      add_part (self, json_array_get_object_element (parts, i), i + 1);
  return TRUE;
}

char *
gad_template_editor_dup_json (GadTemplateEditor *self)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  if (self->root == NULL)
    return NULL;
  json_generator_set_root (generator, self->root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* @text where the cursor was in the last text typed in. */
void
gad_template_editor_insert (GadTemplateEditor *self,
                            const char        *text)
{
  if (GTK_IS_TEXT_VIEW (self->focused))
    gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->focused)),
                                      text, -1);
  else if (GTK_IS_EDITABLE (self->focused))
    {
      int position = gtk_editable_get_position (GTK_EDITABLE (self->focused));

      gtk_editable_insert_text (GTK_EDITABLE (self->focused), text, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (self->focused), position);
    }
  if (self->focused)
    gtk_widget_grab_focus (self->focused);
}

static void
gad_template_editor_dispose (GObject *object)
{
  GadTemplateEditor *self = GAD_TEMPLATE_EDITOR (object);

  g_clear_pointer (&self->root, json_node_unref);
  G_OBJECT_CLASS (gad_template_editor_parent_class)->dispose (object);
}

static void
gad_template_editor_class_init (GadTemplateEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gad_template_editor_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gad_template_editor_init (GadTemplateEditor *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
}
