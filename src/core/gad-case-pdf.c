/* gad-case-pdf.c — a case's documents as PDF: the plan for the client to sign
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
#include "gad-text.h"

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
  static const double need_widths[] = { 0.25, 0.75 };
  static const double task_widths[] = { 0.46, 0.22, 0.14, 0.18 };
  static const char *const task_head[] = { "Uzdevums", "Izpildītājs", "Termiņš", "Izpilde" };
  g_autoptr(GadCasePlan) p = NULL;
  g_auto(Subject) s = { 0 };
  g_autofree char *assessed_on = NULL, *review_on = NULL;
  g_autofree char *assessed = NULL, *review = NULL, *worker = NULL;
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
  worker = g_strdup_printf ("Sociālais darbinieks: %s  ____________________",
                            s.c->worker ? s.c->worker : "");
  gad_pdf_flow_need (flow, 90);
  gad_pdf_flow_text (flow, "Ar plānu iepazinos un tam piekrītu.", 10, FALSE, 18);
  gad_pdf_flow_text (flow, "Klients:  ____________________    Datums:  ______________", 10, FALSE,
                     24);
  gad_pdf_flow_text (flow, worker, 10, FALSE, 0);
  return gad_pdf_flow_finish (flow, n_pages, error);
}
