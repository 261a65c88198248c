/* gad-group-others.c — those in a group who are not clients, by gender and age group
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of counts for men and one for women, a column an age group, each
 * named for a screen reader as "Women, 18–24".
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>

#include "gad-catalog.h"
#include "gad-group-others.h"

struct _GadGroupOthers
{
  GtkGrid parent_instance;

  GtkSpinButton *counts[2][GAD_GROUP_AGE_GROUPS];
};

G_DEFINE_FINAL_TYPE (GadGroupOthers, gad_group_others, GTK_TYPE_GRID)

void
gad_group_others_set (GadGroupOthers *self,
                      const int       counts[2][GAD_GROUP_AGE_GROUPS])
{
  for (int s = 0; s < 2; s++)
    for (int a = 0; a < GAD_GROUP_AGE_GROUPS; a++)
      gtk_spin_button_set_value (self->counts[s][a], counts[s][a]);
}

/* The counts as typed, a half-typed one taken too. */
void
gad_group_others_get (GadGroupOthers *self,
                      int             counts[2][GAD_GROUP_AGE_GROUPS])
{
  for (int s = 0; s < 2; s++)
    for (int a = 0; a < GAD_GROUP_AGE_GROUPS; a++)
      {
        gtk_spin_button_update (self->counts[s][a]);
        counts[s][a] = gtk_spin_button_get_value_as_int (self->counts[s][a]);
      }
}

static void
gad_group_others_class_init (GadGroupOthersClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/lv/gadiba/Gadiba/gad-group-others.ui");
}

static void
gad_group_others_init (GadGroupOthers *self)
{
  guint n;
  const GadCatalogEntry *ages = gad_catalog_entries (GAD_CATALOG_AGE_GROUP, &n);
  const char *genders[] = { N_("Men"), N_("Women") };

  gtk_widget_init_template (GTK_WIDGET (self));
  g_return_if_fail (n == GAD_GROUP_AGE_GROUPS);
  for (guint a = 0; a < n; a++)
    {
      GtkWidget *label = gtk_label_new (_(ages[a].name));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (self), label, a + 1, 0, 1, 1);
    }
  for (int s = 0; s < 2; s++)
    {
      GtkWidget *label = gtk_label_new (_(genders[s]));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (GTK_GRID (self), label, 0, s + 1, 1, 1);
      for (guint a = 0; a < n; a++)
        {
          GtkWidget *spin = gtk_spin_button_new_with_range (0, GAD_GROUP_MAX_OTHERS, 1);
          g_autofree char *name = g_strdup_printf ("%s, %s", _(genders[s]), _(ages[a].name));

          gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          gtk_grid_attach (GTK_GRID (self), spin, a + 1, s + 1, 1, 1);
          self->counts[s][a] = GTK_SPIN_BUTTON (spin);
        }
    }
}
