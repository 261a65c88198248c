/* gad-import-kinds.c — what each kind of imported file holds, row by row
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The English column names are fixed, so that other programs can write the
 * files; the Latvian ones are what offices' spreadsheets say. A row refers
 * to persons by personal code and to staff by name. Persons and households
 * are registered as by hand; the rest is the history of clients' files.
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


/* Where a later date must not come before an earlier one. */
static gboolean
check_order (GadImport  *imp,
             guint       column,
             const char *from,
             const char *to)
{
  if (*from && *to && strcmp (to, from) < 0)
    {
      gad_import_problem (imp, column, _("The end comes before the start."));
      return FALSE;
    }
  return TRUE;
}

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
      || !check_order (imp, H_TO, m.from, m.to))
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

/* ---- cases ---- */

enum { C_CODE, C_WORKER, C_GROUPS, C_OPENED, C_CLOSED, C_REASON };

static const GadImportColumn case_columns[] = {
  [C_CODE] = { "personal_code", { "personas kods", "pk" }, TRUE, "161175-19997" },
  [C_WORKER] = { "worker", { "socialais darbinieks", "atbildigais" }, TRUE, "Ieva Jansone" },
  [C_GROUPS] = { "target_groups", { "merkgrupas", "merka grupas" }, FALSE, "pensioner,disability" },
  [C_OPENED] = { "opened", { "atverta", "atverts", "sakta" }, TRUE, "03.02.2021" },
  [C_CLOSED] = { "closed", { "slegta", "slegts" }, FALSE, "" },
  [C_REASON] = { "closing_reason", { "slegsanas iemesls" }, FALSE, "" },
};

static gboolean
case_row (GadImport  *imp,
          GError    **error)
{
  g_auto(GStrv) groups = g_strsplit (gad_import_field (imp, C_GROUPS), ",", -1);
  g_autoptr(GString) codes = g_string_new (NULL);
  const char *reason = gad_import_field (imp, C_REASON);
  char opened[11], closed[11];
  GadCase c = { 0 };

  if ((c.person_id = gad_import_person (imp, C_CODE, error)) < 0)
    return FALSE;
  if (c.person_id == 0
      || (c.worker_id = gad_import_staff (imp, C_WORKER)) < 0
      || !gad_import_date (imp, C_OPENED, opened) || !gad_import_date (imp, C_CLOSED, closed)
      || !check_order (imp, C_CLOSED, opened, closed))
    return TRUE;
  for (guint i = 0; groups[i]; i++)
    {
      const char *g = g_strstrip (groups[i]);

      if (*g == '\0')
        continue;
      if (!gad_catalog_has (GAD_CATALOG_TARGET_GROUP, g))
        {
          g_autofree char *msg = g_strdup_printf (_("“%s” is not a target group of the "
                                                    "catalogue (README lists them)."), g);
          gad_import_problem (imp, C_GROUPS, msg);
          return TRUE;
        }
      g_string_append_printf (codes, "%s%s", codes->len ? "," : "", g);
    }
  if (*closed && !gad_catalog_has (GAD_CATALOG_CLOSING_REASON, reason))
    gad_import_problem (imp, C_REASON, _("A closed case needs its closing reason, one of the "
                                         "catalogue’s (such as goals-reached, moved-away)."));
  else if (!*closed && *reason)
    gad_import_problem (imp, C_CLOSED, _("A case with a closing reason needs its closing date."));
  if (imp->bad)
    return TRUE;
  c.target_groups = codes->str;
  c.opened_on = opened;
  c.closed_on = *closed ? closed : NULL;
  c.closing_reason = *closed ? (char *) reason : NULL;
  return gad_store_import_case (imp->store, imp->import_id, &c, error);
}

/* ---- services received ---- */

enum { S_CODE, S_SERVICE, S_FROM, S_TO, S_LEVEL, S_HOURS, S_STAFF };

static const GadImportColumn service_columns[] = {
  [S_CODE] = { "personal_code", { "personas kods", "pk" }, TRUE, "161175-19997" },
  [S_SERVICE] = { "service", { "pakalpojums" }, TRUE, "psychologist" },
  [S_FROM] = { "from", { "no" }, TRUE, "01.03.2024" },
  [S_TO] = { "to", { "lidz" }, FALSE, "31.05.2024" },
  [S_LEVEL] = { "level", { "limenis" }, FALSE, "" },
  [S_HOURS] = { "hours_per_week", { "stundas nedela" }, FALSE, "1,5" },
  [S_STAFF] = { "staff", { "darbinieks", "specialists" }, FALSE, "" },
};

static gboolean
service_row (GadImport  *imp,
             GError    **error)
{
  const char *level = gad_import_field (imp, S_LEVEL);
  char from[11], to[11];
  gint64 hundredths;
  guint64 n = 0;
  GadPastService s = { 0 };

  if ((s.person_id = gad_import_person (imp, S_CODE, error)) < 0)
    return FALSE;
  if (s.person_id == 0
      || (s.service_code = gad_import_type (imp, S_SERVICE, TRUE)) == NULL
      || !gad_import_date (imp, S_FROM, from) || !gad_import_date (imp, S_TO, to)
      || !check_order (imp, S_TO, from, to) || !gad_import_cents (imp, S_HOURS, &hundredths)
      || (s.staff_id = gad_import_staff (imp, S_STAFF)) < 0)
    return TRUE;
  if (*level && !g_ascii_string_to_unsigned (level, 10, 1, 9, &n, NULL))
    {
      gad_import_problem (imp, S_LEVEL, _("The level is a whole number from 1 to 9."));
      return TRUE;
    }
  if (hundredths == 0 || hundredths > 168 * 100)
    {
      gad_import_problem (imp, S_HOURS, _("Hours a week are more than 0 and at most 168."));
      return TRUE;
    }
  s.level = (gint64) n;
  s.minutes_per_week = hundredths > 0 ? (hundredths * 60 + 50) / 100 : 0;
  s.from = from;
  s.to = *to ? to : NULL;
  return gad_store_import_service (imp->store, imp->import_id, &s, error);
}

/* ---- past decisions ---- */

enum { D_NUMBER, D_DATE, D_CODE, D_BENEFIT, D_OUTCOME, D_AMOUNT, D_FROM, D_TO };

static const GadImportColumn decision_columns[] = {
  [D_NUMBER] = { "number", { "numurs", "nr", "lemuma nr" }, TRUE, "SD/2023/117" },
  [D_DATE] = { "date", { "datums", "lemuma datums" }, TRUE, "14.03.2023" },
  [D_CODE] = { "personal_code", { "personas kods", "pk" }, TRUE, "161175-19997" },
  [D_BENEFIT] = { "benefit", { "pabalsts" }, TRUE, "gmi" },
  [D_OUTCOME] = { "outcome", { "lemums", "rezultats" }, TRUE, "grant" },
  [D_AMOUNT] = { "monthly_amount", { "summa menesi", "summa" }, FALSE, "109,00" },
  [D_FROM] = { "from", { "no" }, FALSE, "01.03.2023" },
  [D_TO] = { "to", { "lidz" }, FALSE, "31.08.2023" },
};

static const char * const outcomes[] = {
  "grant|pieskirt|pieskirts|pieskirta", "partial|dalejs|daleji pieskirts|daleji",
  "refuse|atteikt|atteikts|atteikums", NULL,
};

static gboolean
decision_row (GadImport  *imp,
              GError    **error)
{
  const char *number = gad_import_field (imp, D_NUMBER);
  char date[11], from[11], to[11];
  GadPastDecision d = { number };
  guint first;

  if (*number == '\0')
    {
      gad_import_problem (imp, D_NUMBER, _("Enter the decision’s number."));
      return TRUE;
    }
  if ((first = gad_import_seen (imp, number)) > 0)
    {
      g_autofree char *msg = g_strdup_printf (_("The same number is on line %u."), first);
      gad_import_problem (imp, D_NUMBER, msg);
      return TRUE;
    }
  if (imp->kind_data == NULL)
    {
      if ((imp->kind_data = gad_store_import_lookup (imp->store, GAD_IMPORT_LOOKUP_DECISIONS,
                                                     error)) == NULL)
        return FALSE;
      imp->kind_data_free = (GDestroyNotify) g_hash_table_unref;
    }
  if (g_hash_table_contains (imp->kind_data, number))
    {
      gad_import_problem (imp, D_NUMBER, _("A decision with this number was imported already."));
      return TRUE;
    }
  if (!gad_import_date (imp, D_DATE, date))
    return TRUE;
  if ((d.person_id = gad_import_person (imp, D_CODE, error)) < 0)
    return FALSE;
  if (d.person_id == 0
      || (d.type_code = gad_import_type (imp, D_BENEFIT, FALSE)) == NULL
      || (d.outcome = gad_import_choice (imp, D_OUTCOME, outcomes,
                                         _("The outcome is grant, partial or refuse (piešķirt, "
                                           "daļēji, atteikt)."))) == NULL
      || !gad_import_cents (imp, D_AMOUNT, &d.amount_cents)
      || !gad_import_date (imp, D_FROM, from) || !gad_import_date (imp, D_TO, to)
      || !check_order (imp, D_TO, from, to))
    return TRUE;
  d.issued_on = date;
  d.amount_cents = MAX (d.amount_cents, 0);
  d.from = from;
  d.to = to;
  return gad_store_import_decision (imp->store, imp->import_id, &d, error);
}

/* ---- payments ---- */

enum { Y_CODE, Y_BENEFIT, Y_MONTH, Y_AMOUNT, Y_SOURCE };

static const GadImportColumn payment_columns[] = {
  [Y_CODE] = { "personal_code", { "personas kods", "pk" }, TRUE, "161175-19997" },
  [Y_BENEFIT] = { "benefit", { "pabalsts" }, TRUE, "gmi" },
  [Y_MONTH] = { "month", { "menesis" }, TRUE, "03.2023" },
  [Y_AMOUNT] = { "amount", { "summa" }, TRUE, "109,00" },
  [Y_SOURCE] = { "source", { "finansejuma avots", "avots" }, TRUE, "municipal" },
};

static const char * const sources[] = {
  "municipal|pasvaldiba|pasvaldibas budzets|pasvaldibas", "state|valsts|valsts budzets",
  "project|projekts|projekta", "client|klients|klienta", NULL,
};

/* "2023-03", "03.2023", "3/2023" or a date in the month. */
static gboolean
parse_month (const char *text,
             char        month[8])
{
  int y, m;
  char tail;
  GDate date;

  if (gad_text_parse_date (text, &date))
    {
      g_date_strftime (month, 8, "%Y-%m", &date);
      return TRUE;
    }
  if (sscanf (text, "%4d-%2d %c", &y, &m, &tail) != 2 && sscanf (text, "%2d.%4d %c", &m, &y, &tail) != 2
      && sscanf (text, "%2d/%4d %c", &m, &y, &tail) != 2)
    return FALSE;
  if (y < 1990 || y > 9999 || m < 1 || m > 12)
    return FALSE;
  g_snprintf (month, 8, "%04d-%02d", y, m);
  return TRUE;
}

static gboolean
payment_row (GadImport  *imp,
             GError    **error)
{
  char month[8];
  GadPastPayment p = { 0 };

  if ((p.person_id = gad_import_person (imp, Y_CODE, error)) < 0)
    return FALSE;
  if (p.person_id == 0
      || (p.type_code = gad_import_type (imp, Y_BENEFIT, FALSE)) == NULL)
    return TRUE;
  if (!parse_month (gad_import_field (imp, Y_MONTH), month))
    {
      gad_import_problem (imp, Y_MONTH, _("Write the month as MM.YYYY, such as 03.2023."));
      return TRUE;
    }
  if (!gad_import_cents (imp, Y_AMOUNT, &p.amount_cents)
      || (p.funding = gad_import_choice (imp, Y_SOURCE, sources,
                                         _("The source is municipal, state, project or client "
                                           "(pašvaldība, valsts, projekts, klients)."))) == NULL)
    return TRUE;
  p.month = month;
  return gad_store_import_payment (imp->store, imp->import_id, &p, error);
}

#define COLUMNS(a) a, G_N_ELEMENTS (a)

const GadImportKindInfo gad_import_kinds[GAD_IMPORT_N_KINDS] = {
  [GAD_IMPORT_PERSONS] = { "persons", N_("Persons"), COLUMNS (person_columns), person_row },
  [GAD_IMPORT_HOUSEHOLDS] = { "households", N_("Households and their members"),
                              COLUMNS (household_columns), household_row, households_finish },
  [GAD_IMPORT_CASES] = { "cases", N_("Cases"), COLUMNS (case_columns), case_row },
  [GAD_IMPORT_SERVICES] = { "services", N_("Services received"), COLUMNS (service_columns),
                            service_row },
  [GAD_IMPORT_DECISIONS] = { "decisions", N_("Past decisions"), COLUMNS (decision_columns),
                             decision_row },
  [GAD_IMPORT_PAYMENTS] = { "payments", N_("Payments"), COLUMNS (payment_columns), payment_row },
};
