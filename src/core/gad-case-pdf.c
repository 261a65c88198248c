/* gad-case-pdf.c — a case's documents as PDF: the plan to sign, the summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In Latvian whatever the screen's language, as the service's letters are,
 * and marked as restricted information on every page.
 */
#define G_LOG_DOMAIN "gad-case-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gad-case-pdf.h"
#include "gad-pdf.h"
#include "gad-personal-code.h"
#include "gad-text.h"

#include <string.h>

#define MARK "Ierobežotas pieejamības informācija"

/* The catalogues' names as the document says them. */
static const char *
area_lv (const char *area)
{
  static const char *const names[][2] = {
    { "housing", "Mājoklis" }, { "income", "Ienākumi" }, { "health", "Veselība" },
    { "children", "Bērnu aprūpe" }, { "employment", "Nodarbinātība" },
    { "social-skills", "Sociālās prasmes" }, { "safety", "Drošība" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i][0], area))
      return names[i][1];
  return area;
}

static const char *
kind_lv (const char *kind)
{
  static const char *const names[][2] = {
    { "home-visit", "Mājas vizīte" }, { "office-visit", "Apmeklējums dienestā" },
    { "phone-call", "Telefonsaruna" }, { "institution-meeting", "Tikšanās ar citu iestādi" },
    { "letter", "E-pasts vai vēstule" }, { "other", "Cits ieraksts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i][0], kind))
      return names[i][1];
  return kind;
}

static char *
doer_lv (const GadPlanTask *t)
{
  if (g_str_equal (t->doer, "client"))
    return g_strdup ("Klients");
  if (g_str_equal (t->doer, "worker"))
    return g_strdup ("Sociālais darbinieks");
  return g_strdup (t->institution);
}

static const char *
status_lv (const char *status)
{
  return g_str_equal (status, "fulfilled") ? "Izpildīts"
         : g_str_equal (status, "failed") ? "Nav izpildīts" : "Jāizpilda";
}

typedef struct
{
  GadPerson *person;
  GadCase *c;
  char *institution;
  char *address;
} Subject;

static void
subject_clear (Subject *s)
{
  g_clear_object (&s->person);
  g_clear_pointer (&s->c, gad_case_free);
  g_free (s->institution);
  g_free (s->address);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Subject, subject_clear)

/* The client, the case and the service the document speaks of. */
static gboolean
read_subject (GadStore  *store,
              gint64     person_id,
              gint64     case_id,
              Subject   *s,
              GError   **error)
{
  g_autoptr(GPtrArray) cases = NULL;

  if ((s->person = gad_store_get_person (store, person_id, error)) == NULL
      || (cases = gad_store_list_cases (store, person_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < cases->len && s->c == NULL; i++)
    if (((GadCase *) g_ptr_array_index (cases, i))->id == case_id)
      s->c = gad_case_copy (g_ptr_array_index (cases, i));
  if (s->c == NULL)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                           _("This case is not in the client’s file."));
      return FALSE;
    }
  s->institution = gad_store_get_setting (store, "institution");
  s->address = gad_store_get_setting (store, "institution_address");
  return TRUE;
}

static void
head (GadPdfFlow *flow,
      Subject    *s,
      const char *title)
{
  g_autofree char *name = gad_person_dup_full_name (s->person);
  g_autofree char *code = gad_person_dup_code_display (s->person);
  g_autofree char *opened = gad_text_format_date (s->c->opened_on);
  g_autofree char *who = g_strdup_printf ("Klients: %s, personas kods %s", name, code);
  g_autofree char *where = g_strdup_printf ("Adrese: %s", gad_person_get_address (s->person));
  g_autofree char *which = g_strdup_printf ("Lieta atvērta %s; sociālais darbinieks: %s", opened,
                                            s->c->worker ? s->c->worker : "—");

  gad_pdf_flow_text (flow, s->institution ? s->institution : "", 11, TRUE, 0);
  gad_pdf_flow_text (flow, s->address ? s->address : "", 9, FALSE, 24);
  gad_pdf_flow_text (flow, title, 15, TRUE, 14);
  gad_pdf_flow_text (flow, who, 10, FALSE, 2);
  if (*gad_person_get_address (s->person))
    gad_pdf_flow_text (flow, where, 10, FALSE, 2);
  gad_pdf_flow_text (flow, which, 10, FALSE, 16);
}

/* The assessment's findings, the goals with their tasks, and the review. */
static void
plan_body (GadPdfFlow        *flow,
           const GadCasePlan *p)
{
  static const double need_widths[] = { 0.25, 0.75 };
  static const double task_widths[] = { 0.46, 0.22, 0.14, 0.18 };
  static const char *const task_head[] = { "Uzdevums", "Izpildītājs", "Termiņš", "Izpilde" };
  g_autofree char *assessed_on = NULL, *review_on = NULL, *assessed = NULL, *review = NULL;

  assessed_on = gad_text_format_date (p->assessed_on);
  assessed = g_strdup_printf ("Vajadzību izvērtējums, %s", assessed_on);
  gad_pdf_flow_text (flow, assessed, 12, TRUE, 6);
  for (guint i = 0; i < p->needs->len; i++)
    {
      GadNeed *n = g_ptr_array_index (p->needs, i);
      const char *cells[] = { area_lv (n->area), n->finding };

      gad_pdf_flow_row (flow, cells, need_widths, 2, FALSE);
    }
  gad_pdf_flow_text (flow, "", 6, FALSE, 12);
  gad_pdf_flow_text (flow, "Mērķi un uzdevumi", 12, TRUE, 6);
  for (guint i = 0; i < p->goals->len; i++)
    {
      GadPlanGoal *g = g_ptr_array_index (p->goals, i);
      g_autofree char *goal = g_strdup_printf ("%u. mērķis: %s", i + 1, g->text);

      gad_pdf_flow_text (flow, goal, 10, TRUE, 4);
      gad_pdf_flow_row (flow, task_head, task_widths, 4, TRUE);
      for (guint k = 0; k < g->tasks->len; k++)
        {
          GadPlanTask *t = g_ptr_array_index (g->tasks, k);
          g_autofree char *doer = doer_lv (t);
          g_autofree char *due = gad_text_format_date (t->due_on);
          const char *cells[] = { t->text, doer, due, status_lv (t->status) };

          gad_pdf_flow_row (flow, cells, task_widths, 4, FALSE);
        }
      gad_pdf_flow_text (flow, "", 6, FALSE, 8);
    }
  review_on = gad_text_format_date (p->review_on);
  review = g_strdup_printf ("Plāns tiks pārskatīts %s. Klienta uzdevumi ir līdzdarbības "
                            "pienākumi; to nepildīšana var būt pamats atteikumam piešķirt "
                            "sociālo palīdzību.", review_on);
  gad_pdf_flow_text (flow, review, 10, FALSE, 28);
}

/**
 * gad_case_plan_pdf:
 *
 * The case's assessment and rehabilitation plan as the client signs it.
 * Returns: the PDF, or %NULL with @error (also when the case has no plan)
 */
GBytes *
gad_case_plan_pdf (GadStore  *store,
                   gint64     case_id,
                   guint     *n_pages,
                   GError   **error)
{
  g_autoptr(GadCasePlan) p = NULL;
  g_auto(Subject) s = { 0 };
  g_autofree char *worker = NULL;
  GadPdfFlow *flow;

  p = gad_store_get_case_plan (store, case_id, error);
  if (p == NULL)
    {
      if (error && *error == NULL)
        g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                             _("The case has no plan yet. Draw it up and save it first."));
      return NULL;
    }
  if (!read_subject (store, p->person_id, case_id, &s, error))
    return NULL;
  flow = gad_pdf_flow_new (MARK);
  head (flow, &s, "Sociālās rehabilitācijas plāns");

  plan_body (flow, p);
  worker = g_strdup_printf ("Sociālais darbinieks: %s  ____________________",
                            s.c->worker ? s.c->worker : "");
  gad_pdf_flow_need (flow, 90);
  gad_pdf_flow_text (flow, "Ar plānu iepazinos un tam piekrītu.", 10, FALSE, 18);
  gad_pdf_flow_text (flow, "Klients:  ____________________    Datums:  ______________", 10, FALSE,
                     24);
  gad_pdf_flow_text (flow, worker, 10, FALSE, 0);
  return gad_pdf_flow_finish (flow, n_pages, error);
}

static void
household (GadPdfFlow *flow,
           GadStore   *store,
           gint64      person_id)
{
  static const double widths[] = { 0.45, 0.25, 0.30 };
  static const char *const heads[] = { "Vārds, uzvārds", "Personas kods", "Mājsaimniecībā kopš" };
  g_autoptr(GPtrArray) members = gad_store_list_household (store, person_id, NULL);

  gad_pdf_flow_text (flow, "Mājsaimniecība", 12, TRUE, 6);
  if (members == NULL || members->len == 0)
    {
      gad_pdf_flow_text (flow, "Nav reģistrēta.", 10, FALSE, 12);
      return;
    }
  gad_pdf_flow_row (flow, heads, widths, 3, TRUE);
  for (guint i = 0; i < members->len; i++)
    {
      GadMember *m = g_ptr_array_index (members, i);
      g_autofree char *from = gad_text_format_date (m->from_date);
      g_autofree char *code = gad_personal_code_format (m->person_code);
      const char *cells[] = { m->person_name, code, from };

      if (m->to_date == NULL)
        gad_pdf_flow_row (flow, cells, widths, 3, FALSE);
    }
  gad_pdf_flow_text (flow, "", 6, FALSE, 12);
}

static gboolean
one_case (GadPdfFlow  *flow,
          GadStore    *store,
          GadCase     *c,
          const char  *from,
          const char  *to,
          GError     **error)
{
  static const double record_widths[] = { 0.14, 0.2, 0.66 };
  static const double document_widths[] = { 0.44, 0.16, 0.14, 0.26 };
  static const char *const document_head[] = { "Dokuments", "Pievienots", "Lielums", "Pievienoja" };
  g_autoptr(GPtrArray) records = gad_store_list_records (store, c->id, NULL, error);
  g_autoptr(GPtrArray) documents = records ? gad_store_list_documents (store, c->id, error) : NULL;
  g_autoptr(GadCasePlan) plan = NULL;
  g_autofree char *opened = gad_text_format_date (c->opened_on);
  g_autofree char *closed = c->closed_on ? gad_text_format_date (c->closed_on) : NULL;
  g_autofree char *title = closed ? g_strdup_printf ("Lieta %s–%s, %s", opened, closed, c->worker)
                                  : g_strdup_printf ("Lieta kopš %s, %s", opened, c->worker);
  guint shown = 0;

  if (documents == NULL)
    return FALSE;
  {
    g_autoptr(GError) problem = NULL;

    plan = gad_store_get_case_plan (store, c->id, &problem);
    if (problem)
      {
        g_propagate_error (error, g_steal_pointer (&problem));
        return FALSE;
      }
  }
  gad_pdf_flow_text (flow, title, 13, TRUE, 8);
  gad_pdf_flow_text (flow, "Ieraksti", 11, TRUE, 4);
  /* The oldest first, as a file is read. */
  for (guint i = records->len; i-- > 0;)
    {
      GadCaseRecord *r = g_ptr_array_index (records, i);
      g_autofree char *day = NULL, *text = NULL;

      if ((from && strcmp (r->occurred_on, from) < 0) || (to && strcmp (r->occurred_on, to) > 0))
        continue;
      day = gad_text_format_date (r->occurred_on);
      text = *r->participants ? g_strdup_printf ("%s\nDalībnieki: %s. Rakstīja %s.", r->text,
                                                 r->participants, r->author)
                              : g_strdup_printf ("%s\nRakstīja %s.", r->text, r->author);
      {
        const char *cells[] = { day, kind_lv (r->kind), text };

        gad_pdf_flow_row (flow, cells, record_widths, 3, FALSE);
      }
      shown++;
    }
  if (shown == 0)
    gad_pdf_flow_text (flow, "Šajā laikā ierakstu nav.", 10, FALSE, 0);
  gad_pdf_flow_text (flow, "", 6, FALSE, 10);
  if (plan)
    {
      gad_pdf_flow_text (flow, "Sociālās rehabilitācijas plāns", 11, TRUE, 4);
      plan_body (flow, plan);
    }
  gad_pdf_flow_text (flow, "Dokumenti", 11, TRUE, 4);
  if (documents->len == 0)
    gad_pdf_flow_text (flow, "Nav.", 10, FALSE, 0);
  else
    gad_pdf_flow_row (flow, document_head, document_widths, 4, TRUE);
  for (guint i = 0; i < documents->len; i++)
    {
      GadCaseDocument *d = g_ptr_array_index (documents, i);
      g_autofree char *added = gad_text_format_date (d->added_at);
      g_autofree char *size = g_format_size (d->size);
      const char *cells[] = { d->name, added, size, d->added_by };

      gad_pdf_flow_row (flow, cells, document_widths, 4, FALSE);
    }
  gad_pdf_flow_text (flow, "", 6, FALSE, 18);
  return TRUE;
}

/**
 * gad_case_summary_pdf:
 * @from: (nullable): the first day of the records shown (ISO 8601)
 * @to: (nullable): the last
 *
 * A client's file for the file, a court or another institution: the
 * person, the household, and each case with its records in the period, its
 * plan and its documents' list. What left Gādība is in the audit log.
 * Returns: the PDF, or %NULL with @error
 */
GBytes *
gad_case_summary_pdf (GadStore    *store,
                      gint64       person_id,
                      const char  *from,
                      const char  *to,
                      guint       *n_pages,
                      GError     **error)
{
  g_autoptr(GPtrArray) cases = gad_store_list_cases (store, person_id, error);
  g_auto(Subject) s = { 0 };
  g_autofree char *period = NULL, *first = NULL, *last = NULL, *what = NULL;
  GadPdfFlow *flow;
  GBytes *pdf;

  if (cases == NULL)
    return NULL;
  if (cases->len == 0)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                           _("The client has no case to summarise."));
      return NULL;
    }
  if (!read_subject (store, person_id, ((GadCase *) g_ptr_array_index (cases, 0))->id, &s, error))
    return NULL;
  first = from ? gad_text_format_date (from) : g_strdup ("…");
  last = to ? gad_text_format_date (to) : g_strdup ("…");
  period = g_strdup_printf ("Ieraksti no %s līdz %s", first, last);
  flow = gad_pdf_flow_new (MARK);
  head (flow, &s, "Klienta lietas kopsavilkums");
  gad_pdf_flow_text (flow, period, 10, FALSE, 14);
  household (flow, store, person_id);
  for (guint i = 0; i < cases->len; i++)
    if (!one_case (flow, store, g_ptr_array_index (cases, i), from, to, error))
      {
        g_bytes_unref (gad_pdf_flow_finish (flow, NULL, NULL));
        return NULL;
      }
  if ((pdf = gad_pdf_flow_finish (flow, n_pages, error)) == NULL)
    return NULL;
  what = g_strdup_printf ("case summary %s–%s", from ? from : "", to ? to : "");
  if (!gad_store_record_read (store, person_id, what, 1, error))
    g_clear_pointer (&pdf, g_bytes_unref);
  return pdf;
}
