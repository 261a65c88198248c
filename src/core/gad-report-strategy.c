/* gad-report-strategy.c — the yearly report's progress on the strategy's action plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A summary first — how many tasks are on track, behind, done or not
 * measured, and each task's status in a line — then a section a task: what
 * was planned (the aim, who is responsible, the years), each indicator
 * against its target, the status, and the head's comment. Laid out once
 * without drawing to count its pages (the contents page comes before it),
 * then drawn.
 */
#define G_LOG_DOMAIN "gad-report"

#include "config.h"

#include <string.h>

#include "gad-pdf.h"
#include "gad-report-private.h"
#include "gad-text.h"

#define PAGE_HEIGHT 841.890
#define MARGIN 56.7
#define TEXT_WIDTH (595.276 - 2 * MARGIN)
#define BOTTOM (PAGE_HEIGHT - MARGIN - 24)

enum { S_SUMMARY, S_ON_TRACK, S_BEHIND, S_DONE, S_NOT_MEASURED, S_TASKS, S_AIM, S_RESPONSIBLE,
       S_PERIOD, S_INDICATOR, S_TARGET, S_VALUE, S_SOURCE, S_STATUS, S_COMMENT, S_BY_HAND,
       S_COMPUTED, S_NONE, N_WORDS };

static const char *words[N_WORDS][2] = {
  [S_SUMMARY] = { "The year at a glance", "Gada kopsavilkums" },
  [S_ON_TRACK] = { "On track", "Atbilst plānam" },
  [S_BEHIND] = { "Behind", "Atpaliek" },
  [S_DONE] = { "Done", "Izpildīts" },
  [S_NOT_MEASURED] = { "Not measured", "Nav novērtēts" },
  [S_TASKS] = { "Tasks", "Uzdevumi" },
  [S_AIM] = { "Aim", "Mērķis" },
  [S_RESPONSIBLE] = { "Responsible", "Atbildīgais" },
  [S_PERIOD] = { "Period", "Periods" },
  [S_INDICATOR] = { "Result indicator", "Rezultatīvais rādītājs" },
  [S_TARGET] = { "Target", "Plānots" },
  [S_VALUE] = { "Achieved", "Sasniegts" },
  [S_SOURCE] = { "Source", "Avots" },
  [S_STATUS] = { "Status", "Statuss" },
  [S_COMMENT] = { "Comment", "Komentārs" },
  [S_BY_HAND] = { "entered", "ievadīts" },
  [S_COMPUTED] = { "Gādība", "Gādība" },
  [S_NONE] = { "—", "—" },
};

static const int status_words[] = {
  [GAD_TASK_NOT_MEASURED] = S_NOT_MEASURED, [GAD_TASK_ON_TRACK] = S_ON_TRACK,
  [GAD_TASK_BEHIND] = S_BEHIND, [GAD_TASK_DONE] = S_DONE,
};

typedef struct
{
  cairo_t *cr;
  int lang;
  const char *code;
  gboolean draw;
  GadReportNextPage next_page;
  gpointer data;
  guint pages;
  double y;
} Flow;

static double
put (Flow       *f,
     const char *s,
     double      x,
     double      width,
     double      size,
     gboolean    bold,
     PangoAlignment align)
{
  return gad_pdf_text (f->cr, s, x, f->y, width, size, bold, align, f->draw);
}

/* A new page unless @height fits on this one. */
static void
need (Flow   *f,
      double  height)
{
  if (f->y + height <= BOTTOM || f->y <= MARGIN)
    return;
  if (f->draw)
    f->next_page (f->data);
  f->pages++;
  f->y = MARGIN;
}

static char *
number (Flow     *f,
        gboolean  has,
        double    value)
{
  g_autofree char *text = NULL;

  if (!has)
    return g_strdup (words[S_NONE][f->lang]);
  text = g_strdup_printf ("%.2f", value);
  /* Whole numbers as whole; the decimal point as the language writes it. */
  if (g_str_has_suffix (text, ".00"))
    text[strlen (text) - 3] = '\0';
  if (f->lang)
    g_strdelimit (text, ".", ',');
  return g_steal_pointer (&text);
}

/* A table row: cells at the fractions @widths of the text's width. */
static void
row (Flow              *f,
     const char *const *cells,
     const double      *widths,
     guint              n,
     gboolean           bold)
{
  double h = 0, x = MARGIN;

  for (guint c = 0; c < n; c++)
    h = MAX (h, gad_pdf_text (f->cr, cells[c], 0, 0, widths[c] * TEXT_WIDTH - 6, 9, bold,
                              PANGO_ALIGN_LEFT, FALSE));
  need (f, h + 6);
  for (guint c = 0; c < n; c++)
    {
      put (f, cells[c], x, widths[c] * TEXT_WIDTH - 6, 9, bold, PANGO_ALIGN_LEFT);
      x += widths[c] * TEXT_WIDTH;
    }
  f->y += h + 6;
}

static void
summary (Flow      *f,
         GPtrArray *tasks,
         int        year)
{
  static const double widths[] = { 0.12, 0.66, 0.22 };
  guint counts[GAD_TASK_DONE + 1] = { 0 };
  g_autoptr(GString) line = g_string_new (NULL);
  const char *head[] = { "", words[S_TASKS][f->lang], words[S_STATUS][f->lang] };

  for (guint i = 0; i < tasks->len; i++)
    counts[gad_strategy_task_status (tasks->pdata[i], year)]++;
  f->y += put (f, words[S_SUMMARY][f->lang], MARGIN, TEXT_WIDTH, 12, TRUE, PANGO_ALIGN_LEFT) + 6;
  for (int s = GAD_TASK_ON_TRACK; s <= GAD_TASK_DONE; s++)
    g_string_append_printf (line, "%s: %u    ", words[status_words[s]][f->lang], counts[s]);
  g_string_append_printf (line, "%s: %u", words[S_NOT_MEASURED][f->lang],
                          counts[GAD_TASK_NOT_MEASURED]);
  f->y += put (f, line->str, MARGIN, TEXT_WIDTH, 11, FALSE, PANGO_ALIGN_LEFT) + 12;
  row (f, head, widths, 3, TRUE);
  for (guint i = 0; i < tasks->len; i++)
    {
      GadStrategyTask *t = g_ptr_array_index (tasks, i);
      const char *cells[] = { t->code, t->text,
                              words[status_words[gad_strategy_task_status (t, year)]][f->lang] };

      row (f, cells, widths, 3, FALSE);
    }
}

static void
task_section (Flow            *f,
              GadStrategyTask *t,
              int              year)
{
  static const double widths[] = { 0.46, 0.14, 0.14, 0.14, 0.12 };
  const char *head[] = { words[S_INDICATOR][f->lang], words[S_TARGET][f->lang],
                         words[S_VALUE][f->lang], words[S_SOURCE][f->lang], "" };
  g_autofree char *title = g_strdup_printf ("%s %s", t->code, t->text);
  g_autofree char *about = g_strdup_printf ("%s: %s\n%s: %s\n%s: %d–%d", words[S_AIM][f->lang],
                                            t->aim, words[S_RESPONSIBLE][f->lang],
                                            *t->responsible ? t->responsible : "—",
                                            words[S_PERIOD][f->lang], t->year_from, t->year_to);
  g_autofree char *status = g_strdup_printf ("%s: %s", words[S_STATUS][f->lang],
                                             words[status_words[gad_strategy_task_status (
                                               t, year)]][f->lang]);
  double h = gad_pdf_text (f->cr, title, 0, 0, TEXT_WIDTH, 11, TRUE, PANGO_ALIGN_LEFT, FALSE);

  need (f, h + 90);
  f->y += put (f, title, MARGIN, TEXT_WIDTH, 11, TRUE, PANGO_ALIGN_LEFT) + 4;
  f->y += put (f, about, MARGIN, TEXT_WIDTH, 9, FALSE, PANGO_ALIGN_LEFT) + 6;
  row (f, head, widths, 5, TRUE);
  for (guint i = 0; i < t->indicators->len; i++)
    {
      GadIndicator *ind = g_ptr_array_index (t->indicators, i);
      g_autofree char *target = number (f, ind->has_target, ind->target);
      g_autofree char *value = number (f, ind->has_value, ind->value);
      gboolean manual = g_str_equal (ind->source, "manual");
      const char *mark = ind->has_target && ind->has_value
                         ? (gad_indicator_met (ind) ? "✓" : "✗") : "";
      const char *cells[] = { ind->text, target, value,
                              words[manual ? S_BY_HAND : S_COMPUTED][f->lang], mark };

      row (f, cells, widths, 5, FALSE);
    }
  need (f, 14);
  f->y += put (f, status, MARGIN, TEXT_WIDTH, 10, TRUE, PANGO_ALIGN_LEFT) + 2;
  if (t->comment && *t->comment)
    {
      g_autofree char *comment = g_strdup_printf ("%s: %s", words[S_COMMENT][f->lang], t->comment);

      need (f, gad_pdf_text (f->cr, comment, 0, 0, TEXT_WIDTH, 10, FALSE, PANGO_ALIGN_LEFT,
                             FALSE));
      f->y += put (f, comment, MARGIN, TEXT_WIDTH, 10, FALSE, PANGO_ALIGN_LEFT);
    }
  f->y += 16;
}

/**
 * gad_report_strategy:
 * @title_height: where the section's first page begins below its title
 * @draw: %FALSE only counts the pages it takes
 * @next_page: ends a page and begins the next, when drawing
 *
 * Returns: the pages it takes (the last one left for the caller to end)
 */
guint
gad_report_strategy (cairo_t           *cr,
                     GPtrArray         *tasks,
                     int                year,
                     gboolean           latvian,
                     double             title_height,
                     gboolean           draw,
                     GadReportNextPage  next_page,
                     gpointer           data)
{
  Flow f = { cr, latvian ? 1 : 0, latvian ? "lv" : "en", draw, next_page, data, 1,
             MARGIN + title_height };

  summary (&f, tasks, year);
  for (guint i = 0; i < tasks->len; i++)
    task_section (&f, tasks->pdata[i], year);
  return f.pages;
}
