/* gad-import-history.c — the history of clients' files, as imported files hold it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cases, services received, past decisions and payments: each row names a
 * registered person by code, staff by name and the catalogue by its codes or
 * Latvian names, and is written with the import's id.
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
gboolean
gad_import_check_order (GadImport  *imp,
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
      || !gad_import_check_order (imp, C_CLOSED, opened, closed))
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
      || !gad_import_check_order (imp, S_TO, from, to) || !gad_import_cents (imp, S_HOURS, &hundredths)
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
      || !gad_import_check_order (imp, D_TO, from, to))
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

const GadImportKindInfo gad_import_cases = { "cases", N_("Cases"), COLUMNS (case_columns), case_row };
const GadImportKindInfo gad_import_services = { "services", N_("Services received"), COLUMNS (service_columns), service_row };
const GadImportKindInfo gad_import_decisions = { "decisions", N_("Past decisions"), COLUMNS (decision_columns), decision_row };
const GadImportKindInfo gad_import_payments = { "payments", N_("Payments"), COLUMNS (payment_columns), payment_row };
