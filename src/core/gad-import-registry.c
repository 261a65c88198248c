/* gad-import-registry.c — persons and households, as imported files hold them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry's rows: persons, checked as one registered by hand is, and
 * households gathered by the file's key and written at the end, each at its
 * first member's address. Rows refer to persons by personal code.
 */
#define G_LOG_DOMAIN "gad-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "gad-catalog.h"
#include "gad-import-private.h"
#include "gad-personal-code.h"
#include "gad-text.h"

/* ---- persons ---- */

enum { P_CODE, P_SURNAME, P_FIRST_NAME, P_GENDER, P_BIRTH_DATE, P_ADDRESS, P_PHONE, P_PARISH };

static const GadImportColumn person_columns[] = {
  [P_CODE] = { "personal_code", { "personas kods", "pk" }, TRUE, "161175-19997" },
  [P_SURNAME] = { "surname", { "uzvards", "last name" }, TRUE, "Bērziņš" },
  [P_FIRST_NAME] = { "first_name", { "vards" }, TRUE, "Jānis" },
  [P_GENDER] = { "gender", { "dzimums" }, FALSE, "V" },
  [P_BIRTH_DATE] = { "birth_date", { "dzimsanas datums" }, FALSE, "16.11.1975" },
  [P_ADDRESS] = { "address", { "adrese", "deklareta adrese" }, FALSE, "Skolas iela 1, Bauska" },
  [P_PHONE] = { "phone", { "talrunis", "telefons" }, FALSE, "+371 20000000" },
  [P_PARISH] = { "parish", { "pagasts", "teritorija" }, FALSE, "Codes pagasts" },
};

static const char * const genders[] = { "M|v|male|virietis", "F|s|female|sieviete", NULL };

static gint64
parish_id (GadImport  *imp,
           const char *name,
           GError    **error)
{
  g_autofree char *key = gad_text_fold (name);
  GHashTable *parishes = imp->kind_data;
  gpointer id;
  gint64 new_id;

  if (*key == '\0')
    return 0;
  if (parishes == NULL)
    {
      g_autoptr(GPtrArray) territories = gad_store_list_territories (imp->store);

      imp->kind_data = parishes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      imp->kind_data_free = (GDestroyNotify) g_hash_table_unref;
      for (guint i = 0; i < territories->len; i++)
        {
          GadTerritory *t = g_ptr_array_index (territories, i);
          g_hash_table_insert (parishes, gad_text_fold (t->name), GSIZE_TO_POINTER (t->id));
        }
    }
  if (g_hash_table_lookup_extended (parishes, key, NULL, &id))
    return GPOINTER_TO_SIZE (id);
  if ((new_id = gad_store_add_territory (imp->store, name, error)) == 0)
    return -1;
  g_ptr_array_add (imp->report->new_parishes, g_strdup (name));
  g_hash_table_insert (parishes, g_steal_pointer (&key), GSIZE_TO_POINTER (new_id));
  return new_id;
}

static gboolean
person_row (GadImport  *imp,
            GError    **error)
{
  g_autoptr(GadPerson) person = NULL;
  g_autoptr(GError) row_error = NULL;
  GHashTable *registry;
  const char *gender = NULL;
  char digits[12], birth[11];
  gint64 territory;
  gpointer owner;
  guint first;

  if ((registry = gad_import_codes (imp, error)) == NULL)
    return FALSE;
  if (!gad_personal_code_parse (gad_import_field (imp, P_CODE), digits, NULL, &row_error))
    {
      gad_import_problem (imp, P_CODE, row_error->message);
      return TRUE;
    }
  if ((first = gad_import_seen (imp, digits)) > 0)
    {
      g_autofree char *msg = g_strdup_printf (_("The same personal code is on line %u."), first);
      gad_import_problem (imp, P_CODE, msg);
      return TRUE;
    }
  if ((owner = g_hash_table_lookup (registry, digits)) != NULL)
    {
      g_autoptr(GadPerson) known = gad_store_get_person (imp->store, GPOINTER_TO_SIZE (owner),
                                                         NULL);
      g_autofree char *name = known ? gad_person_dup_full_name (known) : g_strdup ("?");
      g_autofree char *msg = g_strdup_printf (_("This personal code is registered already, to "
                                                "%s."), name);
      gad_import_problem (imp, P_CODE, msg);
      return TRUE;
    }
  if (*gad_import_field (imp, P_GENDER)
      && (gender = gad_import_choice (imp, P_GENDER, genders,
                                      _("Gender must be M or F (V or S)."))) == NULL)
    return TRUE;
  if (!gad_import_date (imp, P_BIRTH_DATE, birth))
    return TRUE;
  if (*gad_import_field (imp, P_SURNAME) == '\0')
    gad_import_problem (imp, P_SURNAME, _("Enter the surname."));
  if (*gad_import_field (imp, P_FIRST_NAME) == '\0')
    gad_import_problem (imp, P_FIRST_NAME, _("Enter the first name."));
  if (imp->bad)
    return TRUE;

  if ((territory = parish_id (imp, gad_import_field (imp, P_PARISH), error)) < 0)
    return FALSE;
  person = g_object_new (GAD_TYPE_PERSON,
                         "code", digits,
                         "last-name", gad_import_field (imp, P_SURNAME),
                         "first-name", gad_import_field (imp, P_FIRST_NAME),
                         "gender", gender,
                         "birth-date", birth,
                         "address", gad_import_field (imp, P_ADDRESS),
                         "phone", gad_import_field (imp, P_PHONE),
                         "territory-id", territory,
                         NULL);
  if (gad_store_import_person (imp->store, imp->import_id, person, &row_error))
    return TRUE;
  if (row_error->domain == GAD_STORE_ERROR && row_error->code == GAD_STORE_ERROR_FAILED)
    {
      g_propagate_error (error, g_steal_pointer (&row_error));
      return FALSE;
    }
  gad_import_problem (imp, P_CODE, row_error->message);
  return TRUE;
}

/* ---- households ---- */

enum { H_HOUSEHOLD, H_CODE, H_RELATION, H_FROM, H_TO };

static const GadImportColumn household_columns[] = {
  [H_HOUSEHOLD] = { "household", { "majsaimnieciba" }, TRUE, "17" },
  [H_CODE] = { "personal_code", { "personas kods", "pk" }, TRUE, "161175-19997" },
  [H_RELATION] = { "relation", { "radnieciba", "attieciba", "statuss" }, TRUE, "applicant" },
  [H_FROM] = { "from", { "no", "kops" }, FALSE, "01.01.2020" },
  [H_TO] = { "to", { "lidz" }, FALSE, "" },
};

static const char * const relations[] = {
  "applicant|iesniedzejs|iesniedzeja", "spouse|laulatais|laulata", "partner|partneris|partnere",
  "child|berns", "parent|vecaks|tevs|mate", "grandparent|vecvecaks|vectevs|vecmamma",
  "grandchild|mazberns", "sibling|bralis vai masa|bralis|masa", "guardian|aizbildnis|aizbilde",
  "other|cits|cita", NULL,
};

typedef struct
{
  guint line;
  gint64 person_id;
  const char *relation;
  char from[11];
  char to[11];
} Member;

/* The file's households, in the order their first rows come. */
typedef struct
{
  GHashTable *index;   /* key → GArray of Member */
  GPtrArray *order;    /* of GArray, the file's order */
  GHashTable *members; /* persons in a household now (gad_store_import_lookup()) */
} Households;

static void
households_free (Households *h)
{
  g_hash_table_unref (h->index);
  g_ptr_array_unref (h->order);
  g_clear_pointer (&h->members, g_hash_table_unref);
  g_free (h);
}

static gboolean
household_row (GadImport  *imp,
               GError    **error)
{
  Households *h = imp->kind_data;
  const char *key = gad_import_field (imp, H_HOUSEHOLD);
  Member m = { imp->line };
  g_autofree char *seen = NULL;
  GArray *members;
  guint first;

  if (h == NULL)
    {
      imp->kind_data = h = g_new0 (Households, 1);
      imp->kind_data_free = (GDestroyNotify) households_free;
      h->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      h->order = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      if ((h->members = gad_store_import_lookup (imp->store, GAD_IMPORT_LOOKUP_MEMBERS,
                                                 error)) == NULL)
        return FALSE;
    }
  if (*key == '\0')
    {
      gad_import_problem (imp, H_HOUSEHOLD, _("Enter the household’s key: the rows with the "
                                              "same key are one household."));
      return TRUE;
    }
  if ((m.person_id = gad_import_person (imp, H_CODE, error)) < 0)
    return FALSE;
  if (m.person_id == 0
      || (m.relation = gad_import_choice (imp, H_RELATION, relations,
                                          _("The relation is not one of the catalogue’s (such "
                                            "as applicant, spouse, child)."))) == NULL
      || !gad_import_date (imp, H_FROM, m.from) || !gad_import_date (imp, H_TO, m.to)
      || !gad_import_check_order (imp, H_TO, m.from, m.to))
    return TRUE;
  seen = g_strdup_printf ("%" G_GINT64_FORMAT, m.person_id);
  if (g_hash_table_contains (h->members, seen))
    {
      gad_import_problem (imp, H_CODE, _("This person is a member of a household already. "
                                         "Move them in their file, or leave the row out."));
      return TRUE;
    }
  /* One household at a time: a person's rows are their households one
   * after another, only the last without an end. */
  g_free (seen);
  seen = *m.to ? g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT, key, m.person_id)
               : g_strdup_printf ("\x1f%" G_GINT64_FORMAT, m.person_id);
  if ((first = gad_import_seen (imp, seen)) > 0)
    {
      g_autofree char *msg = g_strdup_printf (_("The same person is in a household without an "
                                                "end on line %u."), first);
      gad_import_problem (imp, H_CODE, msg);
      return TRUE;
    }
  if ((members = g_hash_table_lookup (h->index, key)) == NULL)
    {
      members = g_array_new (FALSE, FALSE, sizeof (Member));
      g_hash_table_insert (h->index, g_strdup (key), members);
      g_ptr_array_add (h->order, members);
    }
  g_array_append_val (members, m);
  return TRUE;
}

/* The gathered households, each at its first member's address and in their
 * parish, and their members. */
static gboolean
households_finish (GadImport  *imp,
                   GError    **error)
{
  Households *h = imp->kind_data;
  g_autofree gint64 *firsts = NULL;
  g_autofree gint64 *ids = NULL;
  guint n = h ? h->order->len : 0;

  if (n == 0)
    return TRUE;
  firsts = g_new (gint64, n);
  ids = g_new (gint64, n);
  for (guint i = 0; i < n; i++)
    firsts[i] = g_array_index ((GArray *) g_ptr_array_index (h->order, i), Member, 0).person_id;
  if (!gad_store_import_households (imp->store, imp->import_id, firsts, n, ids, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      GArray *members = g_ptr_array_index (h->order, i);

      for (guint k = 0; k < members->len; k++)
        {
          Member *m = &g_array_index (members, Member, k);

          if (!gad_store_import_member (imp->store, ids[i], m->person_id, m->relation,
                                        *m->from ? m->from : imp->today, m->to, error))
            return FALSE;
        }
    }
  return TRUE;
}

#define COLUMNS(a) a, G_N_ELEMENTS (a)

const GadImportKindInfo gad_import_persons = { "persons", N_("Persons"), COLUMNS (person_columns), person_row };
const GadImportKindInfo gad_import_households = { "households", N_("Households and their members"), COLUMNS (household_columns), household_row, households_finish };
