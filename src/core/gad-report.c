/* gad-report.c — the yearly progress report for the municipal council, as PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A title page, the contents, then one page a section: the table in the form
 * municipalities publish (a row a category, a column a year, with the total)
 * and its chart, drawn by the same render functions as the screen. The report
 * is Latvian by default and English on request, whatever the UI language.
 */
#define G_LOG_DOMAIN "gad-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "gad-chart.h"
#include "gad-dashboard.h"
#include "gad-pdf.h"
#include "gad-report.h"
#include "gad-report-private.h"
#include "gad-stats.h"
#include "gad-survey-pdf.h"
#include "gad-text.h"

G_DEFINE_QUARK (gad-report-error-quark, gad_report_error)

#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.890
#define MARGIN 56.7
#define TEXT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define YEARS 3   /* the year and the two before, as the published tables have it */

/* The report's own words in its two languages: { English, Latvian }. */
enum { T_TITLE, T_CONTENTS, T_PAGE, T_HOME_CARE, T_PLACEMENTS, T_SPENDING,
       T_FUNDING, T_BUDGET, T_CASELOAD, T_MEN, T_WOMEN, T_TOTAL, T_MUNICIPAL, T_STATE,
       T_PROJECT, T_CLIENT, T_PLANNED, T_ACTUAL, T_CASES, T_WORKERS, T_PER_WORKER,
       T_SPENDING_CHART, T_SERVICES, T_BOYS, T_GIRLS, T_CHILDREN_NOTE, T_NO_SERVICES,
       T_REMOTE, T_REGISTERED, T_VISITED, T_NOT_HOME, T_REFUSED, T_HOME_CARE_PROPOSED,
       T_STRATEGY, T_GROUPS, T_GROUPS_HELD, T_SESSIONS, T_PARTICIPANTS, T_CLIENTS, T_OTHERS,
       T_AGE_0_17, T_AGE_18_24, T_AGE_25_44, T_AGE_45_64, T_AGE_65, T_FEEDBACK, T_GROUPS_NOTE,
       T_BY_AGE, N_WORDS };

static const char *words[N_WORDS][2] = {
  [T_TITLE] = { "Social service progress report", "Sociālā dienesta progresa pārskats" },
  [T_CONTENTS] = { "Contents", "Saturs" },
  [T_PAGE] = { "page", "lpp." },
  [T_HOME_CARE] = { "Home care recipients", "Aprūpes mājās saņēmēji" },
  [T_PLACEMENTS] = { "Adults placed in long-term care institutions",
                     "Ilgstošas sociālās aprūpes institūcijās ievietotās pilngadīgās personas" },
  [T_SPENDING] = { "Social assistance paid, euro", "Sociālās palīdzības izdevumi, euro" },
  [T_FUNDING] = { "Funding by source, euro", "Finansējums pēc avotiem, euro" },
  [T_BUDGET] = { "Planned budget by source, euro", "Plānotais budžets pēc avotiem, euro" },
  [T_CASELOAD] = { "Staff and caseload", "Darbinieki un noslodze" },
  [T_MEN] = { "Men", "Vīrieši" },
  [T_WOMEN] = { "Women", "Sievietes" },
  [T_TOTAL] = { "Total", "Kopā" },
  [T_MUNICIPAL] = { "Municipal budget", "Pašvaldības budžets" },
  [T_STATE] = { "State budget", "Valsts budžets" },
  [T_PROJECT] = { "Projects", "Projekti" },
  [T_CLIENT] = { "Client payments", "Maksas pakalpojumi" },
  [T_PLANNED] = { "Planned", "Plānots" },
  [T_ACTUAL] = { "Actual", "Faktiski" },
  [T_CASES] = { "Open cases at the end of the year", "Atvērtās lietas gada beigās" },
  [T_WORKERS] = { "Social workers with cases", "Sociālie darbinieki ar lietām" },
  [T_PER_WORKER] = { "Open cases per social worker (indicator 20–22)",
                     "Atvērtās lietas uz vienu sociālo darbinieku (rādītājs 20–22)" },
  [T_SPENDING_CHART] = { "Social assistance paid by benefit", "Sociālās palīdzības izdevumi pa pabalstu veidiem" },
  [T_SERVICES] = { "Recipients of services by gender and age", "Pakalpojumu saņēmēji pēc dzimuma un vecuma" },
  [T_BOYS] = { "Boys", "Zēni" },
  [T_GIRLS] = { "Girls", "Meitenes" },
  [T_CHILDREN_NOTE] = { "Boys and girls: under 18 on 31 December. A person who received a service more than once in the year is counted once.",
                        "Zēni un meitenes: jaunāki par 18 gadiem 31. decembrī. Persona, kas pakalpojumu gadā saņēmusi vairākkārt, skaitīta vienreiz." },
  [T_NO_SERVICES] = { "No service was received this year.", "Šajā gadā neviens pakalpojums nav saņemts." },
  [T_REMOTE] = { "Lone pensioners on remote farmsteads",
                 "Vientuļie pensionāri attālās viensētās" },
  [T_REGISTERED] = { "On the register at the end of the year", "Reģistrā gada beigās" },
  [T_VISITED] = { "Visited", "Apsekoti" },
  [T_NOT_HOME] = { "Not found at home", "Nav sastapti mājās" },
  [T_REFUSED] = { "Refused a visit", "Atteicās no apsekojuma" },
  [T_HOME_CARE_PROPOSED] = { "Proposed home care", "Piedāvāta aprūpe mājās" },
  [T_STRATEGY] = { "Progress on the strategy’s action plan",
                   "Stratēģijas rīcības plāna izpildes progress" },
  [T_GROUPS] = { "Group work", "Grupu darbs" },
  [T_GROUPS_HELD] = { "Groups that met", "Grupas, kas sanāca" },
  [T_SESSIONS] = { "Sessions held", "Notikušās nodarbības" },
  [T_PARTICIPANTS] = { "Participants", "Dalībnieki" },
  [T_CLIENTS] = { "of them clients", "tai skaitā klienti" },
  [T_OTHERS] = { "of them others, counted", "tai skaitā citi (skaitīti)" },
  [T_AGE_0_17] = { "Under 18", "Līdz 18 gadiem" },
  [T_AGE_18_24] = { "18–24", "18–24" },
  [T_AGE_25_44] = { "25–44", "25–44" },
  [T_AGE_45_64] = { "45–64", "45–64" },
  [T_AGE_65] = { "65 and over", "65 un vairāk" },
  [T_FEEDBACK] = { "Mean feedback after sessions (1–5)",
                   "Dalībnieku vidējais vērtējums pēc nodarbībām (1–5)" },
  [T_GROUPS_NOTE] = { "A participant is counted in each group they took part in; ages on 31 December. A group met when someone came to a session.",
                      "Dalībnieks skaitīts katrā grupā, kurā piedalījās; vecums 31. decembrī. Grupa sanākusi, ja uz nodarbību kāds atnāca." },
  [T_BY_AGE] = { "Participants by age group", "Dalībnieki pēc vecuma grupām" },
};

typedef struct
{
  cairo_t *cr;
  int lang;               /* 0 English, 1 Latvian */
  const char *code;       /* "en", "lv" */
  guint page;             /* 1-based, of the page being drawn */
  guint pages;
} Report;

static const char *
w (Report *r,
   int     word)
{
  return words[word][r->lang];
}

static double
text (Report     *r,
      const char *s,
      double      x,
      double      y,
      double      width,
      double      size,
      gboolean    bold,
      PangoAlignment align)
{
  return gad_pdf_text (r->cr, s, x, y, width, size, bold, align, TRUE);
}

static void finish_page (Report *r);

static void
next_page (gpointer data)
{
  finish_page (data);
}

/* The strategy's section title and year; its height. */
static double
strategy_title (Report   *r,
                int       year,
                gboolean  draw)
{
  g_autofree char *when = g_strdup_printf ("%d", year);
  double h = gad_pdf_text (r->cr, w (r, T_STRATEGY), MARGIN, MARGIN, TEXT_WIDTH, 15, TRUE,
                           PANGO_ALIGN_LEFT, draw) + 4;

  return h + gad_pdf_text (r->cr, when, MARGIN, MARGIN + h, TEXT_WIDTH, 11, FALSE,
                           PANGO_ALIGN_LEFT, draw) + 12;
}

static void
finish_page (Report *r)
{
  if (r->page > 1)
    {
      g_autofree char *number = g_strdup_printf ("%u (%u)", r->page, r->pages);
      text (r, number, MARGIN, PAGE_HEIGHT - MARGIN + 12, TEXT_WIDTH, 9, FALSE,
            PANGO_ALIGN_CENTER);
    }
  cairo_show_page (r->cr);
  r->page++;
}

static char *
value_text (Report  *r,
            gint64   value,
            gboolean money)
{
  /* Tables in whole euros, as published; counts as counts. */
  return money ? gad_text_format_number_in ((value + (value >= 0 ? 50 : -50)) / 100, r->code)
               : gad_text_format_number_in (value, r->code);
}

/* A row a category, a column a year, and a total row if @totalled:
 * returns its height. */
static double
table (Report       *r,
       GPtrArray    *stats,
       const char  **categories,
       const int    *labels,
       guint         n_categories,
       gboolean      money,
       gboolean      totalled,
       int           first_year,
       double        y)
{
  double label_width = TEXT_WIDTH - 90 * YEARS, row = 18, top = y;
  gint64 totals[YEARS] = { 0 };

  cairo_set_line_width (r->cr, 0.6);
  for (int c = 0; c < YEARS; c++)
    {
      g_autofree char *year = g_strdup_printf ("%d", first_year + c);
      text (r, year, MARGIN + label_width + 90 * c, y, 84, 10, TRUE, PANGO_ALIGN_RIGHT);
    }
  y += row;
  cairo_move_to (r->cr, MARGIN, y - 2);
  cairo_line_to (r->cr, MARGIN + TEXT_WIDTH, y - 2);
  cairo_stroke (r->cr);

  for (guint k = 0; k < n_categories; k++)
    {
      text (r, w (r, labels[k]), MARGIN, y, label_width - 6, 10, FALSE, PANGO_ALIGN_LEFT);
      for (guint i = 0; i < stats->len; i++)
        {
          GadStat *s = g_ptr_array_index (stats, i);
          int c = s->year - first_year;
          g_autofree char *value = NULL;

          if (c < 0 || c >= YEARS || g_strcmp0 (s->category, categories[k]) != 0)
            continue;
          value = value_text (r, s->value, money);
          totals[c] += s->value;
          text (r, value, MARGIN + label_width + 90 * c, y, 84, 10, FALSE, PANGO_ALIGN_RIGHT);
        }
      y += row;
    }
  if (totalled)
    {
      cairo_move_to (r->cr, MARGIN, y - 2);
      cairo_line_to (r->cr, MARGIN + TEXT_WIDTH, y - 2);
      cairo_stroke (r->cr);
      text (r, w (r, T_TOTAL), MARGIN, y, label_width - 6, 10, TRUE, PANGO_ALIGN_LEFT);
      for (int c = 0; c < YEARS; c++)
        {
          g_autofree char *value = value_text (r, totals[c], money);
          text (r, value, MARGIN + label_width + 90 * c, y, 84, 10, TRUE, PANGO_ALIGN_RIGHT);
        }
      y += row;
    }
  return y - top;
}

static void
chart (Report       *r,
       GadChartData *data,
       double        y)
{
  g_autoptr(GadChartLayout) layout = gad_chart_layout_new ();
  double height = MIN (330, PAGE_HEIGHT - MARGIN - 20 - y);

  data->language = r->code;
  cairo_save (r->cr);
  cairo_translate (r->cr, MARGIN, y);
  gad_chart_render (r->cr, data, TEXT_WIDTH, height, layout);
  cairo_restore (r->cr);
}

/* The register of remote farmsteads' figures, in the table's order. */
static const char *remote_codes[] = { "registered", "visited", "not_at_home", "refused",
                                      "home_care_proposed" };
static const int remote_labels[] = { T_REGISTERED, T_VISITED, T_NOT_HOME, T_REFUSED,
                                     T_HOME_CARE_PROPOSED };

/* Group work's figures in the table's order; its age groups the chart's. */
static const char *group_codes[] = { "groups", "sessions", "participants", "clients", "others",
                                     "male", "female", "age_0_17", "age_18_24", "age_25_44",
                                     "age_45_64", "age_65" };
static const int group_labels[] = { T_GROUPS_HELD, T_SESSIONS, T_PARTICIPANTS, T_CLIENTS,
                                    T_OTHERS, T_MEN, T_WOMEN, T_AGE_0_17, T_AGE_18_24,
                                    T_AGE_25_44, T_AGE_45_64, T_AGE_65 };
#define FIRST_AGE 7

static GHashTable *
names (Report *r)
{
  GHashTable *h = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (h, "male", (gpointer) w (r, T_MEN));
  g_hash_table_insert (h, "female", (gpointer) w (r, T_WOMEN));
  g_hash_table_insert (h, "municipal", (gpointer) w (r, T_MUNICIPAL));
  g_hash_table_insert (h, "state", (gpointer) w (r, T_STATE));
  g_hash_table_insert (h, "project", (gpointer) w (r, T_PROJECT));
  g_hash_table_insert (h, "client_payments", (gpointer) w (r, T_CLIENT));
  for (guint i = 0; i < G_N_ELEMENTS (remote_codes); i++)
    g_hash_table_insert (h, (gpointer) remote_codes[i], (gpointer) w (r, remote_labels[i]));
  for (guint i = FIRST_AGE; i < G_N_ELEMENTS (group_codes); i++)
    g_hash_table_insert (h, (gpointer) group_codes[i], (gpointer) w (r, group_labels[i]));
  return h;
}

typedef struct
{
  int title;
  const char *table;
  GadChartKind kind;
  gboolean money;
} Section;

static const Section sections[] = {
  { T_HOME_CARE, "home_care_recipients", GAD_CHART_GROUPED_BARS, FALSE },
  { T_PLACEMENTS, "institution_placements_adults", GAD_CHART_GROUPED_BARS, FALSE },
  { T_SPENDING, "social_assistance_spent_eur", GAD_CHART_GROUPED_BARS, TRUE },
  { T_FUNDING, "funding_eur", GAD_CHART_STACKED_BARS, TRUE },
  { T_BUDGET, "budget_planned_eur", GAD_CHART_GROUPED_BARS, TRUE },
  { T_CASELOAD, "caseload", GAD_CHART_GROUPED_BARS, FALSE },
  { T_SERVICES, "service_recipients", 0, FALSE },
  { T_REMOTE, "remote_farmsteads", GAD_CHART_GROUPED_BARS, FALSE },
  { T_GROUPS, "group_work", GAD_CHART_GROUPED_BARS, FALSE },
};

/* The year's recipients of each service of the catalogue that had any: a
 * row a service, columns by age group and gender, as the county strategy's
 * tables count psychologists' clients and camp participants. */
static gboolean
services_section (Report    *r,
                  GadStore  *store,
                  int        year,
                  GError   **error)
{
  static const char *codes[] = { "child_male", "child_female", "adult_male", "adult_female" };
  static const int labels[] = { T_BOYS, T_GIRLS, T_MEN, T_WOMEN, T_TOTAL };
  g_autoptr(GPtrArray) types = gad_store_list_types (store);
  double col = 62, label_width = TEXT_WIDTH - col * 5, y = MARGIN;
  guint shown = 0;

  y += text (r, w (r, T_SERVICES), MARGIN, y, TEXT_WIDTH, 15, TRUE, PANGO_ALIGN_LEFT) + 4;
  {
    g_autofree char *when = g_strdup_printf ("%d", year);
    y += text (r, when, MARGIN, y, TEXT_WIDTH, 11, FALSE, PANGO_ALIGN_LEFT) + 10;
  }
  for (guint c = 0; c < 5; c++)
    text (r, w (r, labels[c]), MARGIN + label_width + col * c, y, col - 6, 10, TRUE,
          PANGO_ALIGN_RIGHT);
  y += 18;
  cairo_set_line_width (r->cr, 0.6);
  cairo_move_to (r->cr, MARGIN, y - 2);
  cairo_line_to (r->cr, MARGIN + TEXT_WIDTH, y - 2);
  cairo_stroke (r->cr);

  for (guint i = 0; i < types->len; i++)
    {
      GadTypeEntry *t = g_ptr_array_index (types, i);
      GadStatsFilter filter = { .service = t->code };
      g_autoptr(GPtrArray) stats = NULL;
      gint64 values[5] = { 0 };
      double h;

      if (!t->is_service)
        continue;
      if ((stats = gad_stats_query_filtered (store, "service_recipients", year, year, &filter,
                                             error)) == NULL)
        return FALSE;
      for (guint k = 0; k < stats->len; k++)
        {
          GadStat *st = g_ptr_array_index (stats, k);

          for (guint c = 0; c < 4; c++)
            if (g_str_equal (st->category, codes[c]))
              {
                values[c] = st->value;
                values[4] += st->value;
              }
        }
      if (values[4] == 0)
        continue;
      h = text (r, r->lang ? t->name_lv : t->name_en, MARGIN, y, label_width - 6, 10, FALSE,
                PANGO_ALIGN_LEFT);
      for (guint c = 0; c < 5; c++)
        {
          g_autofree char *value = value_text (r, values[c], FALSE);
          text (r, value, MARGIN + label_width + col * c, y, col - 6, 10, c == 4,
                PANGO_ALIGN_RIGHT);
        }
      y += MAX (h, 12) + 6;
      shown++;
    }
  y += 10;
  text (r, w (r, shown ? T_CHILDREN_NOTE : T_NO_SERVICES), MARGIN, y, TEXT_WIDTH, 9, FALSE,
        PANGO_ALIGN_LEFT);
  return TRUE;
}

static const char *gender_codes[] = { "male", "female" };
static const int gender_labels[] = { T_MEN, T_WOMEN };
static const char *source_codes[] = { "municipal", "state", "project", "client_payments" };
static const int source_labels[] = { T_MUNICIPAL, T_STATE, T_PROJECT, T_CLIENT };

static gboolean
section (Report         *r,
         GadStore       *store,
         const Section  *s,
         int             year,
         GError        **error)
{
  int first = year - YEARS + 1;
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GHashTable) labels = NULL;
  g_autoptr(GadChartData) data = NULL;
  double y = MARGIN;

  if (s->title == T_SERVICES)
    return services_section (r, store, year, error);
  if ((stats = gad_stats_query (store, s->table, first, year, error)) == NULL)
    return FALSE;
  labels = names (r);
  y += text (r, w (r, s->title), MARGIN, y, TEXT_WIDTH, 15, TRUE, PANGO_ALIGN_LEFT) + 12;

  if (s->title == T_HOME_CARE || s->title == T_PLACEMENTS)
    y += table (r, stats, gender_codes, gender_labels, 2, FALSE, TRUE, first, y);
  else if (s->title == T_SPENDING)
    {
      const char *total[] = { "total" };
      const int label[] = { T_TOTAL };
      g_autoptr(GPtrArray) by_benefit = NULL;

      y += table (r, stats, total, label, 1, TRUE, FALSE, first, y);
      by_benefit = gad_stats_query (store, "spending_by_benefit", first, year, error);
      if (by_benefit == NULL)
        return FALSE;
      data = gad_dashboard_chart_by_year (by_benefit, GAD_CHART_STACKED_BARS,
                                          w (r, T_SPENDING_CHART), TRUE, first, year, NULL);
      /* Benefit names in the report's language. */
      {
        g_autoptr(GPtrArray) types = gad_store_list_types (store);
        for (guint i = 0; i < data->series->len; i++)
          {
            GadChartSeries *series = g_ptr_array_index (data->series, i);
            for (guint k = 0; k < types->len; k++)
              {
                GadTypeEntry *t = g_ptr_array_index (types, k);
                if (g_str_equal (t->code, series->name))
                  {
                    g_free (series->name);
                    series->name = g_strdup (r->lang ? t->name_lv : t->name_en);
                    break;
                  }
              }
          }
      }
    }
  else if (s->title == T_FUNDING || s->title == T_BUDGET)
    y += table (r, stats, source_codes, source_labels, 4, TRUE, TRUE, first, y);
  else if (s->title == T_GROUPS)
    {
      g_autoptr(GPtrArray) ages = g_ptr_array_new ();
      g_autoptr(GString) feedback = g_string_new (w (r, T_FEEDBACK));
      gint64 answers[YEARS] = { 0 }, points[YEARS] = { 0 };

      y += table (r, stats, group_codes, group_labels, G_N_ELEMENTS (group_codes), FALSE, FALSE,
                  first, y);
      for (guint i = 0; i < stats->len; i++)
        {
          GadStat *st = g_ptr_array_index (stats, i);

          if (g_str_has_prefix (st->category, "age_") && !g_str_equal (st->category, "age_unknown"))
            g_ptr_array_add (ages, st);
          if (g_str_equal (st->category, "feedback_answers"))
            answers[st->year - first] = st->value;
          if (g_str_equal (st->category, "feedback_points"))
            points[st->year - first] = st->value;
        }
      /* "Mean feedback (1–5): 2024 —, 2025 4,21, 2026 4,27" */
      for (int c = 0; c < YEARS; c++)
        {
          g_autofree char *mean = answers[c] ? gad_survey_format_mean ((double) points[c] / answers[c],
                                                                      r->code)
                                             : g_strdup ("—");

          g_string_append_printf (feedback, "%s %d %s", c ? "," : ":", first + c, mean);
        }
      y += 6 + text (r, feedback->str, MARGIN, y + 6, TEXT_WIDTH, 10, FALSE, PANGO_ALIGN_LEFT);
      y += 4 + text (r, w (r, T_GROUPS_NOTE), MARGIN, y + 4, TEXT_WIDTH, 9, FALSE,
                     PANGO_ALIGN_LEFT);
      data = gad_dashboard_chart_by_year (ages, s->kind, w (r, T_BY_AGE), FALSE, first, year,
                                          labels);
    }
  else if (s->title == T_REMOTE)
    {
      y += table (r, stats, remote_codes, remote_labels, G_N_ELEMENTS (remote_codes), FALSE, FALSE,
                  first, y);
      data = gad_dashboard_chart_by_year (stats, s->kind, w (r, s->title), FALSE, first, year,
                                          labels);
    }
  else
    {
      /* Staff and caseload: the year's figures, then caseload per worker. */
      g_autoptr(GPtrArray) year_stats = gad_stats_query (store, "caseload", year, year, error);
      gint64 cases = 0;
      g_autofree char *line = NULL;

      if (year_stats == NULL)
        return FALSE;
      for (guint i = 0; i < year_stats->len; i++)
        cases += ((GadStat *) g_ptr_array_index (year_stats, i))->value;
      line = g_strdup_printf ("%s: %" G_GINT64_FORMAT "\n%s: %u\n%s: %.1f", w (r, T_CASES), cases,
                              w (r, T_WORKERS), year_stats->len, w (r, T_PER_WORKER),
                              year_stats->len ? (double) cases / year_stats->len : 0);
      y += text (r, line, MARGIN, y, TEXT_WIDTH, 11, FALSE, PANGO_ALIGN_LEFT) + 8;
      data = gad_chart_data_new (GAD_CHART_GROUPED_BARS, w (r, T_CASES), FALSE);
      {
        GadChartSeries *series = gad_chart_data_add_series (data, w (r, T_CASES));
        for (guint i = 0; i < year_stats->len; i++)
          {
            GadStat *st = g_ptr_array_index (year_stats, i);
            gad_chart_data_add_category (data, st->category);
            gad_chart_series_set (series, i, st->value);
          }
      }
    }

  if (data == NULL)
    data = gad_dashboard_chart_by_year (stats, s->kind, w (r, s->title), s->money, first, year,
                                        labels);
  chart (r, data, y + 18);
  return TRUE;
}

/**
 * gad_report_render:
 * @lang: "lv" (the default when %NULL) or "en"
 *
 * Returns: (transfer full): the report as PDF, or %NULL with @error set
 */
GBytes *
gad_report_render (GadStore    *store,
                   int          year,
                   const char  *lang,
                   guint       *n_pages,
                   GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *institution = gad_store_get_setting (store, "institution");
  g_autofree char *today = gad_text_today_iso ();
  g_autofree char *today_text = gad_text_format_date (today);
  g_autofree char *subtitle = NULL;
  g_autofree char *prepared = NULL;
  g_autofree char *created = g_strdup_printf ("%04d-12-31T12:00:00", year);
  cairo_surface_t *surface;
  cairo_status_t status;
  g_autoptr(GPtrArray) tasks = NULL;
  Report r = { 0 };
  guint strategy_pages = 0, n_parts = G_N_ELEMENTS (sections);
  double y;

  if (lang == NULL)
    lang = "lv";
  if (!g_str_equal (lang, "lv") && !g_str_equal (lang, "en"))
    {
      g_set_error (error, GAD_REPORT_ERROR, GAD_REPORT_ERROR_LANGUAGE,
                   _("The report is written in Latvian (lv) or English (en)."));
      return NULL;
    }
  r.lang = g_str_equal (lang, "lv");
  r.code = lang;
  r.page = 1;
  if ((tasks = gad_store_strategy (store, year, error)) == NULL)
    return NULL;

  surface = gad_pdf_surface_new (bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, w (&r, T_TITLE));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gādība");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  r.cr = cairo_create (surface);
  /* The strategy's pages are counted first: the contents name them. */
  if (tasks->len)
    {
      strategy_pages = gad_report_strategy (r.cr, tasks, year, r.lang,
                                            strategy_title (&r, year, FALSE), FALSE, NULL, NULL);
      n_parts++;
    }
  r.pages = 2 + G_N_ELEMENTS (sections) + strategy_pages;

  /* Title page */
  subtitle = r.lang ? g_strdup_printf ("pašvaldības domei, %d. gads", year)
                    : g_strdup_printf ("for the municipal council, %d", year);
  prepared = r.lang ? g_strdup_printf ("Sagatavots ar Gādību %s", today_text)
                    : g_strdup_printf ("Prepared with Gādība on %s", today_text);
  y = PAGE_HEIGHT / 3;
  y += text (&r, institution, MARGIN, y, TEXT_WIDTH, 14, FALSE, PANGO_ALIGN_CENTER) + 24;
  y += text (&r, w (&r, T_TITLE), MARGIN, y, TEXT_WIDTH, 24, TRUE, PANGO_ALIGN_CENTER) + 12;
  text (&r, subtitle, MARGIN, y, TEXT_WIDTH, 16, FALSE, PANGO_ALIGN_CENTER);
  text (&r, prepared, MARGIN, PAGE_HEIGHT - MARGIN - 20, TEXT_WIDTH, 9, FALSE,
        PANGO_ALIGN_CENTER);
  finish_page (&r);

  /* Contents: a section a page, so its page number is known before it is drawn. */
  y = MARGIN;
  y += text (&r, w (&r, T_CONTENTS), MARGIN, y, TEXT_WIDTH, 18, TRUE, PANGO_ALIGN_LEFT) + 16;
  for (guint i = 0; i < n_parts; i++)
    {
      g_autofree char *number = g_strdup_printf ("%s %u", w (&r, T_PAGE), 3 + i);
      g_autofree char *entry = g_strdup_printf ("%u. %s", i + 1,
                                                w (&r, i < G_N_ELEMENTS (sections)
                                                       ? sections[i].title : T_STRATEGY));

      double h = text (&r, entry, MARGIN, y, TEXT_WIDTH - 70, 12, FALSE, PANGO_ALIGN_LEFT);

      h = MAX (h, text (&r, number, MARGIN + TEXT_WIDTH - 70, y, 70, 12, FALSE,
                        PANGO_ALIGN_RIGHT));
      y += h + 8;
    }
  finish_page (&r);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *link = g_strdup_printf ("page=%u", r.page);

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                     w (&r, sections[i].title), link, 0);
      if (!section (&r, store, &sections[i], year, error))
        {
          cairo_destroy (r.cr);
          cairo_surface_destroy (surface);
          return NULL;
        }
      finish_page (&r);
    }
  if (tasks->len)
    {
      g_autofree char *link = g_strdup_printf ("page=%u", r.page);

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, w (&r, T_STRATEGY), link, 0);
      gad_report_strategy (r.cr, tasks, year, r.lang, strategy_title (&r, year, TRUE), TRUE,
                           next_page, &r);
      finish_page (&r);
    }

  cairo_destroy (r.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GAD_REPORT_ERROR, GAD_REPORT_ERROR_RENDER,
                   _("The report could not be written: %s"), cairo_status_to_string (status));
      return NULL;
    }
  if (n_pages)
    *n_pages = r.pages;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
