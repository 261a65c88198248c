/* gad-store-export.c — everything stored about one person, for that person
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One list of sections, each a query of the person's rows, gives both the
 * JSON file (column names as keys, numbers as numbers) and the PDF in
 * Latvian for the person (labelled lines, dates and amounts as people read
 * them). Other persons' data stays out: a household shows the address and
 * the person's own membership, not the other members. The export itself is
 * written to the audit log.
 */
#define G_LOG_DOMAIN "gad-store"

#include "config.h"

#include <json-glib/json-glib.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "gad-pdf.h"
#include "gad-personal-code.h"
#include "gad-store-private.h"
#include "gad-text.h"

/* The Latvian name of a benefit or service type, beside its code. */
#define TYPE_NAME \
  "(SELECT name_lv FROM benefit_types WHERE code = type_code" \
  " UNION ALL SELECT name_lv FROM service_types WHERE code = type_code) AS type_name"

static const struct
{
  const char *key;
  const char *title;     /* in the PDF, Latvian */
  const char *sql;       /* ?1 is the person */
} sections[] = {
  { "person", "Personas dati",
    "SELECT p.code, p.first_name, p.last_name, p.gender, p.birth_date, p.disability_group,"
    " p.address, p.phone, p.lat, p.lon, p.place_source, t.name AS parish FROM persons p"
    " LEFT JOIN territories t ON t.id = p.territory_id WHERE p.id = ?1" },
  { "personal_codes", "Personas kodi",
    "SELECT code, valid_to FROM person_codes WHERE person_id = ?1 ORDER BY valid_to IS NULL, valid_to" },
  { "households", "Mājsaimniecības",
    "SELECT h.address, m.relation, m.from_date, m.to_date FROM household_members m"
    " JOIN households h ON h.id = m.household_id WHERE m.person_id = ?1 ORDER BY m.from_date" },
  { "cases", "Sociālā gadījuma lietas",
    "SELECT c.opened_on, c.closed_on, c.closing_reason, c.target_groups, s.name AS worker,"
    " c.notes FROM cases c JOIN staff s ON s.id = c.worker_id WHERE c.person_id = ?1"
    " ORDER BY c.opened_on" },
  { "applications", "Iesniegumi",
    "SELECT type_code, " TYPE_NAME ", received_on, incoming_no, status"
    " FROM applications WHERE person_id = ?1"
    " ORDER BY received_on" },
  { "incomes", "Ienākumi",
    "SELECT a.received_on AS application_received_on, i.kind, i.monthly_cents FROM incomes i"
    " JOIN applications a ON a.id = i.application_id WHERE i.person_id = ?1 ORDER BY a.received_on" },
  { "decisions", "Lēmumi",
    "SELECT number, issued_on, outcome, type_code, " TYPE_NAME ","
    " amount_cents, period_from, period_to,"
    " status_granted, facts, legal_basis, reasoning, decision_text, pdf_sha256 FROM decisions"
    " WHERE person_id = ?1 ORDER BY issued_on, number" },
  { "issued_documents", "Izziņas, līgumi, nosūtījumi un vienošanās",
    "SELECT d.number, d.issued_on, d.kind AS document_kind, d.subject, d.pdf_sha256,"
    " s.name AS issued_by FROM issued_documents d LEFT JOIN staff s ON s.id = d.issued_by"
    " WHERE d.person_id = ?1 ORDER BY d.issued_on, d.id" },
  { "payments", "Izmaksas",
    "SELECT month, type_code, amount_cents, funding FROM payments WHERE person_id = ?1"
    " ORDER BY month" },
  { "duties", "Līdzdarbības pienākumi",
    "SELECT text, due_on, status, recorded_on FROM duties WHERE person_id = ?1 ORDER BY due_on" },
  { "records", "Ieraksti lietā",
    "SELECT r.occurred_on, r.kind, r.participants, r.text AS record_text, s.name AS author,"
    " r.written_at, r.corrects_id FROM case_records r JOIN staff s ON s.id = r.author_id"
    " WHERE r.person_id = ?1 ORDER BY r.occurred_on, r.id" },
  { "needs", "Vajadzību izvērtējums",
    "SELECT p.assessed_on, n.area, n.finding FROM plan_needs n"
    " JOIN case_plans p ON p.id = n.plan_id WHERE n.person_id = ?1 ORDER BY p.assessed_on, n.area" },
  { "documents", "Dokumenti lietā",
    "SELECT d.added_at, d.name, d.media_type, d.size, d.sha256, s.name AS added_by"
    " FROM case_documents d JOIN staff s ON s.id = d.added_by WHERE d.person_id = ?1"
    " ORDER BY d.added_at, d.id" },
  { "transfers", "Lietas nodošana citam darbiniekam",
    "SELECT t.moved_on, f.name AS from_worker, w.name AS to_worker, t.reason"
    " FROM case_transfers t LEFT JOIN staff f ON f.id = t.from_worker"
    " LEFT JOIN staff w ON w.id = t.to_worker WHERE t.person_id = ?1 ORDER BY t.moved_on, t.id" },
  { "plan", "Sociālās rehabilitācijas plāns",
    "SELECT p.review_on, g.text AS goal, t.text AS task, t.doer, t.institution, t.due_on,"
    " t.status, t.recorded_on FROM plan_tasks t JOIN plan_goals g ON g.id = t.goal_id"
    " JOIN case_plans p ON p.id = g.plan_id WHERE t.person_id = ?1"
    " ORDER BY p.id, g.position, t.position" },
  { "services", "Pakalpojumi",
    "SELECT sp.service_code, (SELECT name_lv FROM service_types WHERE code = sp.service_code)"
    " AS service_name, sp.level, sp.client_group, sp.period_from, sp.period_to,"
    " s.name AS staff FROM service_plans sp LEFT JOIN staff s ON s.id = sp.staff_id"
    " WHERE sp.person_id = ?1 ORDER BY sp.period_from" },
  { "schedule", "Vizītes un pieraksti",
    "SELECT e.kind, e.start_date, e.start_time, e.minutes, e.weekdays, e.until_date, e.note,"
    " s.name AS staff FROM schedule_entries e JOIN staff s ON s.id = e.staff_id"
    " WHERE e.person_id = ?1 ORDER BY e.start_date" },
  { "visits", "Vizīšu atzīmes",
    "SELECT o.date, o.status, o.actual_minutes, o.reason FROM schedule_occurrences o"
    " JOIN schedule_entries e ON e.id = o.entry_id WHERE e.person_id = ?1 ORDER BY o.date" },
  { "groups", "Grupu nodarbības",
    "SELECT e.title, a.date, a.present FROM group_participants g"
    " JOIN schedule_entries e ON e.id = g.entry_id LEFT JOIN group_attendance a"
    " ON a.entry_id = g.entry_id AND a.person_id = g.person_id WHERE g.person_id = ?1"
    " ORDER BY e.title, a.date" },
  { "remote_register", "Attālo viensētu reģistrs",
    "SELECT added_on, reason, interval_months, last_visit, last_outcome, next_due, risks,"
    " home_care_proposed, ended_on FROM remote_register WHERE person_id = ?1" },
  { "remote_visits", "Viensētas apsekojumi",
    "SELECT v.visited_on, v.outcome, v.risks, v.home_care_proposed, s.name AS staff"
    " FROM remote_visits v LEFT JOIN staff s ON s.id = v.staff_id WHERE v.person_id = ?1"
    " ORDER BY v.visited_on, v.id" },
  { "co_payments", "Līdzmaksājumi",
    "SELECT month, minutes, free_minutes, amount_cents FROM client_payments WHERE person_id = ?1"
    " ORDER BY month" },
  { "history", "Kas un kad mainīja datus",
    "SELECT l.at, l.actor, l.entity, l.action FROM audit_log l WHERE l.person_id = ?1"
    " ORDER BY l.id" },
};

/* Column labels in the person's PDF. */
static const struct { const char *column; const char *label; } labels[] = {
  { "code", "Personas kods" }, { "first_name", "Vārds" }, { "last_name", "Uzvārds" },
  { "gender", "Dzimums" }, { "birth_date", "Dzimšanas datums" },
  { "disability_group", "Invaliditātes grupa" }, { "address", "Adrese" },
  { "phone", "Tālrunis" }, { "parish", "Pagasts" }, { "valid_to", "Derīgs līdz" },
  { "relation", "Radniecība" }, { "from_date", "No" }, { "to_date", "Līdz" },
  { "opened_on", "Atvērta" }, { "closed_on", "Slēgta" }, { "closing_reason", "Slēgšanas iemesls" },
  { "target_groups", "Mērķgrupas" }, { "worker", "Sociālais darbinieks" },
  { "notes", "Piezīmes" }, { "type_code", "Veids" }, { "received_on", "Saņemts" },
  { "incoming_no", "Ienākošais numurs" }, { "status", "Statuss" },
  { "application_received_on", "Iesniegums saņemts" }, { "kind", "Veids" },
  { "monthly_cents", "Mēnesī" }, { "number", "Numurs" }, { "issued_on", "Pieņemts" },
  { "outcome", "Lēmums" }, { "amount_cents", "Summa" }, { "period_from", "No" },
  { "period_to", "Līdz" }, { "status_granted", "Piešķirtais statuss" },
  { "facts", "Faktiskie apstākļi" }, { "legal_basis", "Tiesiskais pamatojums" },
  { "reasoning", "Pamatojums" }, { "decision_text", "Nolemj" },
  { "pdf_sha256", "PDF kontrolsumma (SHA-256)" }, { "document_kind", "Dokuments" },
  { "subject", "Par ko" }, { "issued_by", "Izsniedza" }, { "month", "Mēnesis" },
  { "funding", "Finansējuma avots" }, { "text", "Pienākums" }, { "due_on", "Termiņš" },
  { "recorded_on", "Atzīmēts" }, { "service_code", "Pakalpojums" },
  { "level", "Aprūpes līmenis" }, { "client_group", "Klientu grupa" },
  { "staff", "Darbinieks" }, { "start_date", "Pirmā diena" }, { "start_time", "Sākums" },
  { "minutes", "Minūtes" }, { "weekdays", "Nedēļas dienas" }, { "until_date", "Pēdējā diena" },
  { "note", "Piezīme" }, { "date", "Diena" }, { "actual_minutes", "Patērētās minūtes" },
  { "reason", "Iemesls" }, { "title", "Grupa" }, { "present", "Piedalījās" },
  { "free_minutes", "Bez maksas, minūtes" }, { "type_name", "Nosaukums" },
  { "service_name", "Nosaukums" }, { "at", "Kad" }, { "actor", "Kas" },
  { "entity", "Ko" }, { "action", "Darbība" }, { "occurred_on", "Datums" },
  { "participants", "Dalībnieki" }, { "record_text", "Ieraksts" }, { "author", "Autors" },
  { "written_at", "Ierakstīts" }, { "corrects_id", "Labo ierakstu" },
};

static const char *
label (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].column, column))
      return labels[i].label;
  return column;
}

/* A stored value as the person reads it: dates DD.MM.YYYY, cents as euros. */
static char *
readable (const char *column,
          const char *value)
{
  if (g_str_equal (column, "code"))
    return gad_personal_code_format (value);
  if (g_str_has_suffix (column, "_cents"))
    return gad_text_format_money_lv (g_ascii_strtoll (value, NULL, 10));
  if (g_str_has_suffix (column, "_on") || g_str_has_suffix (column, "_date")
      || g_str_equal (column, "date") || g_str_has_prefix (column, "period_")
      || g_str_equal (column, "valid_to"))
    return gad_text_format_date (value);
  if (g_str_equal (column, "at"))
    {
      g_autofree char *day = g_strndup (value, 10);
      g_autofree char *text = gad_text_format_date (day);

      return g_strdup_printf ("%s %.5s", text, strlen (value) > 11 ? value + 11 : "");
    }
  return g_strdup (value);
}

typedef struct
{
  cairo_t *cr;
  double y;
  guint page;
} Doc;

#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.890
#define MARGIN 56.7
#define TEXT_WIDTH (PAGE_WIDTH - 2 * MARGIN)

static void
doc_line (Doc        *d,
          const char *text,
          double      size,
          gboolean    bold,
          double      indent,
          double      after)
{
  double h = gad_pdf_text (d->cr, text, MARGIN + indent, d->y, TEXT_WIDTH - indent, size, bold,
                           PANGO_ALIGN_LEFT, FALSE);

  if (d->y + h > PAGE_HEIGHT - MARGIN)
    {
      g_autofree char *number = g_strdup_printf ("%u", d->page++);

      gad_pdf_text (d->cr, number, MARGIN, PAGE_HEIGHT - MARGIN + 12, TEXT_WIDTH, 9, FALSE,
                    PANGO_ALIGN_CENTER, TRUE);
      cairo_show_page (d->cr);
      d->y = MARGIN;
    }
  d->y += gad_pdf_text (d->cr, text, MARGIN + indent, d->y, TEXT_WIDTH - indent, size, bold,
                        PANGO_ALIGN_LEFT, TRUE) + after;
}

/**
 * gad_store_export_person:
 * @json: (out): everything stored about the person, as JSON
 * @pdf: (out): the same for the person to read, in Latvian
 *
 * Records the export in the audit log.
 */
static gboolean
export_person (GadStore    *self,
               gint64       person_id,
               char       **json,
               GBytes     **pdf,
               GError     **error)
{
  if (!gad_store_require (self, GAD_RIGHT_READ_CLIENT, person_id, error))
    return FALSE;
  g_autoptr(JsonBuilder) out = json_builder_new ();
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *now = gad_store_now ();
  g_autofree char *today = gad_text_today_iso ();
  g_autofree char *today_text = gad_text_format_date (today);
  g_autofree char *institution = gad_store_get_setting (self, "institution");
  cairo_surface_t *surface;
  cairo_status_t status;
  GArray *changes;
  Doc d = { 0 };
  int found = 0;

  if (!gad_store_begin (self, error))
    return FALSE;
  surface = gad_pdf_surface_new (bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Jūsu dati Gādībā");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gādība");
  d.cr = cairo_create (surface);
  d.y = MARGIN;
  d.page = 1;
  doc_line (&d, institution ? institution : "", 11, FALSE, 0, 4);
  doc_line (&d, "Jūsu dati Gādībā", 18, TRUE, 0, 4);
  {
    g_autofree char *line = g_strdup_printf ("Izraksts sagatavots %s. Tajā ir viss, kas par jums "
                                             "glabājas sociālā dienesta datubāzē.", today_text);
    doc_line (&d, line, 10, FALSE, 0, 12);
  }

  json_builder_begin_object (out);
  json_builder_set_member_name (out, "exported_at");
  json_builder_add_string_value (out, now);
  json_builder_set_member_name (out, "institution");
  json_builder_add_string_value (out, institution ? institution : "");
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      GadStmt *stmt = gad_store_statement (self, sections[s].sql, error);
      int rc, rows = 0;

      if (stmt == NULL)
        goto fail;
      gad_stmt_bind_int64 (stmt, 1, person_id);
      json_builder_set_member_name (out, sections[s].key);
      json_builder_begin_array (out);
      doc_line (&d, sections[s].title, 13, TRUE, 0, 4);
      while ((rc = gad_stmt_step (stmt)) == GAD_DB_ROW)
        {
          json_builder_begin_object (out);
          for (int c = 0; c < gad_stmt_column_count (stmt); c++)
            {
              const char *column = gad_stmt_column_name (stmt, c);
              const char *text = gad_stmt_column_text (stmt, c);
              gboolean null = gad_stmt_column_is_null (stmt, c);

              json_builder_set_member_name (out, column);
              if (null)
                json_builder_add_null_value (out);
              else if (gad_stmt_column_type (stmt, c) == GAD_DB_INTEGER)
                json_builder_add_int_value (out, g_ascii_strtoll (text, NULL, 10));
              else if (gad_stmt_column_type (stmt, c) == GAD_DB_FLOAT)
                json_builder_add_double_value (out, g_ascii_strtod (text, NULL));
              else
                json_builder_add_string_value (out, text);
              if (!null && *text)
                {
                  g_autofree char *value = readable (column, text);
                  g_autofree char *line = g_strdup_printf ("%s: %s", label (column), value);

                  doc_line (&d, line, 10, FALSE, 12, 1);
                }
            }
          json_builder_end_object (out);
          doc_line (&d, "", 4, FALSE, 0, 0);
          rows++;
        }
      gad_stmt_reset (stmt);
      if (rc != GAD_DB_DONE)
        {
          gad_store_fail (self, error);
          goto fail;
        }
      if (s == 0)
        found = rows;
      if (rows == 0)
        doc_line (&d, "Nav ierakstu.", 10, FALSE, 12, 6);
      json_builder_end_array (out);
    }
  json_builder_end_object (out);
  if (found == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("The client was not found. They may have been removed in another window."));
      goto fail;
    }
  {
    g_autofree char *number = g_strdup_printf ("%u", d.page);

    gad_pdf_text (d.cr, number, MARGIN, PAGE_HEIGHT - MARGIN + 12, TEXT_WIDTH, 9, FALSE,
                  PANGO_ALIGN_CENTER, TRUE);
  }
  cairo_show_page (d.cr);
  cairo_destroy (d.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("The export could not be drawn (%s)."), cairo_status_to_string (status));
      gad_store_rollback (self);
      return FALSE;
    }

  changes = gad_field_changes_new ();
  gad_field_changes_add (changes, "export", NULL, "json, pdf");
  if (!gad_store_audit (self, "person", person_id, person_id, "export", changes, error))
    {
      gad_store_rollback (self);
      return FALSE;
    }
  if (!gad_store_commit (self, error))
    return FALSE;
  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(JsonNode) root = json_builder_get_root (out);

    json_generator_set_root (generator, root);
    json_generator_set_pretty (generator, TRUE);
    json_generator_set_indent (generator, 2);
    *json = json_generator_to_data (generator, NULL);
  }
  *pdf = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
  return TRUE;

fail:
  cairo_destroy (d.cr);
  cairo_surface_destroy (surface);
  gad_store_rollback (self);
  return FALSE;
}

gboolean
gad_store_export_person (GadStore    *self,
                         gint64       person_id,
                         char       **json,
                         GBytes     **pdf,
                         GError     **error)
{
  gboolean ok;

  GAD_STORE_RETRYING (self, error, ok, export_person (self, person_id, json, pdf, error));
  return ok;
}
