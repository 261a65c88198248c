/* gad-catalog.c — fixed lists: target groups, household relations, closing reasons, record kinds,
 * need areas, task doers, group forms, age groups
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codes are what the store keeps; the names are translated at display
 * time so one database serves Latvian and English screens alike.
 */
#define G_LOG_DOMAIN "gad-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-catalog.h"

static const GadCatalogEntry target_groups[] = {
  { "families-with-children", N_("Family with children") },
  { "large-family", N_("Large family") },
  { "social-risk-family", N_("Social-risk family") },
  { "pensioner", N_("Pensioner") },
  { "disability", N_("Person with disability") },
  { "mental-disorder", N_("Person with mental disorder") },
  { "unemployed", N_("Unemployed") },
  { "youth-after-care", N_("Youth after out-of-family care") },
  { "homeless", N_("Homeless") },
  { "released-from-prison", N_("Released from prison") },
  { "violence-victim", N_("Victim of violence") },
  { "addiction", N_("Person with addiction") },
  { "orphan", N_("Orphan") },
};

static const GadCatalogEntry relations[] = {
  { "applicant", N_("Applicant") },
  { "spouse", N_("Spouse") },
  { "partner", N_("Partner") },
  { "child", N_("Child") },
  { "parent", N_("Parent") },
  { "grandparent", N_("Grandparent") },
  { "grandchild", N_("Grandchild") },
  { "sibling", N_("Brother or sister") },
  { "guardian", N_("Guardian") },
  { "other", N_("Other relation") },
};

static const GadCatalogEntry closing_reasons[] = {
  { "goals-reached", N_("Goals reached") },
  { "client-refused", N_("Client refused co-operation") },
  { "moved-away", N_("Moved to another municipality") },
  { "deceased", N_("Deceased") },
  { "transferred", N_("Transferred to another service") },
  { "other", N_("Other reason") },
};

/* What a case record tells of (the store's CHECK lists the same codes). */
static const GadCatalogEntry record_kinds[] = {
  { "home-visit", N_("Home visit") },
  { "office-visit", N_("Visit at the office") },
  { "phone-call", N_("Phone call") },
  { "institution-meeting", N_("Meeting with another institution") },
  { "letter", N_("E-mail or letter") },
  { "other", N_("Other record") },
};

/* The needs assessment's areas, in the plan's order (the store's CHECK). */
static const GadCatalogEntry need_areas[] = {
  { "housing", N_("Housing") },
  { "income", N_("Income") },
  { "health", N_("Health") },
  { "children", N_("Care of children") },
  { "employment", N_("Employment") },
  { "social-skills", N_("Social skills") },
  { "safety", N_("Safety") },
};

/* Who does a plan's task. */
static const GadCatalogEntry task_doers[] = {
  { "client", N_("The client") },
  { "worker", N_("The social worker") },
  { "institution", N_("Another institution") },
};

/* Group work's kinds of group (the store's CHECK lists the same codes). */
static const GadCatalogEntry group_forms[] = {
  { "support-group", N_("Support group") },
  { "parents-school", N_("Parents’ school") },
  { "social-skills", N_("Social skills group") },
  { "camp", N_("Camp") },
  { "other", N_("Other group") },
};

/* Age groups of those counted in a group (the store's CHECK); a client's is
 * their age on the year's last day. */
static const GadCatalogEntry age_groups[] = {
  { "0-17", N_("Under 18") },
  { "18-24", N_("18–24") },
  { "25-44", N_("25–44") },
  { "45-64", N_("45–64") },
  { "65+", N_("65 and over") },
};

const GadCatalogEntry *
gad_catalog_entries (GadCatalog  catalog,
                     guint      *n_entries)
{
  switch (catalog)
    {
    case GAD_CATALOG_TARGET_GROUP:
      *n_entries = G_N_ELEMENTS (target_groups);
      return target_groups;
    case GAD_CATALOG_RELATION:
      *n_entries = G_N_ELEMENTS (relations);
      return relations;
    case GAD_CATALOG_CLOSING_REASON:
      *n_entries = G_N_ELEMENTS (closing_reasons);
      return closing_reasons;
    case GAD_CATALOG_RECORD_KIND:
      *n_entries = G_N_ELEMENTS (record_kinds);
      return record_kinds;
    case GAD_CATALOG_NEED_AREA:
      *n_entries = G_N_ELEMENTS (need_areas);
      return need_areas;
    case GAD_CATALOG_TASK_DOER:
      *n_entries = G_N_ELEMENTS (task_doers);
      return task_doers;
    case GAD_CATALOG_GROUP_FORM:
      *n_entries = G_N_ELEMENTS (group_forms);
      return group_forms;
    case GAD_CATALOG_AGE_GROUP:
      *n_entries = G_N_ELEMENTS (age_groups);
      return age_groups;
    default:
      g_return_val_if_reached (NULL);
    }
}

static const GadCatalogEntry *
lookup (GadCatalog  catalog,
        const char *code)
{
  guint n;
  const GadCatalogEntry *entries = gad_catalog_entries (catalog, &n);

  for (guint i = 0; code && i < n; i++)
    if (g_str_equal (entries[i].code, code))
      return &entries[i];
  return NULL;
}

gboolean
gad_catalog_has (GadCatalog  catalog,
                 const char *code)
{
  return lookup (catalog, code) != NULL;
}

/* The translated name, or the code itself if a newer version stored one we do not know. */
const char *
gad_catalog_name (GadCatalog  catalog,
                  const char *code)
{
  const GadCatalogEntry *entry = lookup (catalog, code);

  return entry ? _(entry->name) : code;
}

/* "pensioner,disability" → "Pensioner, Person with disability" */
char *
gad_catalog_names (GadCatalog  catalog,
                   const char *codes)
{
  g_auto(GStrv) parts = g_strsplit (codes ? codes : "", ",", -1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; parts[i]; i++)
    if (*parts[i])
      g_strv_builder_add (names, gad_catalog_name (catalog, parts[i]));
  result = g_strv_builder_end (names);
  return g_strjoinv (", ", result);
}
