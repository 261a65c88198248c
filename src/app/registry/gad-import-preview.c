/* gad-import-preview.c — an import's file as it will be read, and its bad rows
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The start of the file under its header, the columns the import does not
 * read dimmed, how the file was read (encoding, separator), and below, every
 * bad row the check found.
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-import-preview.h"

#define SHOWN_PROBLEMS 200

struct _GadImportPreview
{
  GtkBox parent_instance;

  GtkBox *rows_box;
  GtkLabel *summary_label;
  GtkGrid *preview_grid;
  GtkListBox *problems_list;
};

G_DEFINE_FINAL_TYPE (GadImportPreview, gad_import_preview, GTK_TYPE_BOX)

/* The preview: the file's first rows under its header, the columns the
 * import does not read dimmed. */
void
gad_import_preview_show (GadImportPreview *self,
                         GadImportReport  *report)
{
  GtkWidget *child;
  g_autoptr(GString) ignored = g_string_new (NULL);
  g_autofree char *summary = NULL;
  const char *separator = report->separator == ';' ? _("semicolons") : _("commas");

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))))
    gtk_grid_remove (self->preview_grid, child);
  for (guint c = 0; report->header[c]; c++)
    {
      gboolean known = *report->recognised[c] != '\0';
      GtkWidget *label = gtk_label_new (report->header[c]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, known ? "heading" : "dim-label");
      gtk_grid_attach (self->preview_grid, label, c, 0, 1, 1);
      if (!known)
        g_string_append_printf (ignored, "%s“%s”", ignored->len ? ", " : "", report->header[c]);
      for (guint r = 0; r < report->preview->len; r++)
        {
          GStrv row = g_ptr_array_index (report->preview, r);
          GtkWidget *cell = gtk_label_new (c < g_strv_length (row) ? row[c] : "");

          gtk_label_set_xalign (GTK_LABEL (cell), 0);
          gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (cell), 28);
          if (!known)
            gtk_widget_add_css_class (cell, "dim-label");
          gtk_grid_attach (self->preview_grid, cell, c, r + 1, 1, 1);
        }
    }
  /* TRANSLATORS: "Read as UTF-8 text, its columns separated by semicolons." */
  summary = g_strdup_printf (_("Read as %s text, its columns separated by %s."),
                             report->encoding, separator);
  if (ignored->len > 0)
    {
      g_autofree char *more = g_strdup_printf (_("%s Not read (not a column of this kind): %s."),
                                               summary, ignored->str);
      g_free (summary);
      summary = g_steal_pointer (&more);
    }
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->rows_box), TRUE);
}

/* Every bad row, its line, column and reason (the first SHOWN of them). */
void
gad_import_preview_show_problems (GadImportPreview *self,
                                  GadImportReport  *report)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))))
    gtk_list_box_remove (self->problems_list, child);
  for (guint i = 0; i < MIN (report->problems->len, SHOWN_PROBLEMS); i++)
    {
      GadImportProblem *p = g_ptr_array_index (report->problems, i);
      /* TRANSLATORS: where a bad row is: "Line 5, column month" */
      g_autofree char *where = g_strdup_printf (_("Line %u, column %s"), p->line, p->column);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), where);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), p->message);
      gtk_list_box_append (self->problems_list, row);
    }
  if (report->problems->len > SHOWN_PROBLEMS)
    {
      guint more = report->problems->len - SHOWN_PROBLEMS;
      g_autofree char *text = g_strdup_printf (ngettext ("and %u more bad row",
                                                         "and %u more bad rows", more), more);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_append (self->problems_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), report->problems->len > 0);
}

void
gad_import_preview_clear (GadImportPreview *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->rows_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), FALSE);
}

void
gad_import_preview_hide_problems (GadImportPreview *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), FALSE);
}

static void
gad_import_preview_class_init (GadImportPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/lv/gadiba/Gadiba/gad-import-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, GadImportPreview, rows_box);
  gtk_widget_class_bind_template_child (widget_class, GadImportPreview, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GadImportPreview, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, GadImportPreview, problems_list);
}

static void
gad_import_preview_init (GadImportPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
