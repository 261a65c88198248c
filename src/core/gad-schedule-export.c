/* gad-schedule-export.c — a schedule as text, iCalendar or a printed round
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A carer's round is printed in visit order, a day a section, with what a
 * carer needs at the door: time, client, address, phone and notes. The
 * iCalendar file gives each occurrence as its own event in UTC, so any
 * calendar shows it at the right Riga time on both sides of a clock change.
 */
#define G_LOG_DOMAIN "gad-schedule"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "gad-pdf.h"
#include "gad-schedule.h"
#include "gad-schedule-export.h"
#include "gad-text.h"

static const char *weekdays[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
  N_("Saturday"), N_("Sunday"),
};

/* "Monday, 02.03.2026" */
char *
gad_schedule_day_heading (const char *iso_date)
{
  g_autofree char *day = gad_text_format_date (iso_date);
  int weekday = gad_date_weekday (iso_date);

  if (weekday == 0)
    return g_strdup ("");
  /* TRANSLATORS: a weekday and a date */
  return g_strdup_printf (C_("day heading", "%s, %s"), _(weekdays[weekday - 1]), day);
}

/* What an occurrence is, in a few words: the client and service, or the title. */
static char *
what (const GadOccurrence *o)
{
  if (g_strcmp0 (o->kind, "visit") == 0)
    return g_strdup_printf ("%s — %s", o->person_name ? o->person_name : "",
                            o->service_name ? o->service_name : "");
  if (g_strcmp0 (o->kind, "appointment") == 0)
    return g_strdup_printf (_("Appointment: %s"), o->person_name ? o->person_name : "");
  if (g_strcmp0 (o->kind, "reception") == 0)
    return g_strdup_printf (_("Reception hours, %s"), o->office ? o->office : "");
  return g_strdup_printf (_("Group session: %s"), o->title ? o->title : "");
}

static const char *
status_text (const GadOccurrence *o)
{
  if (g_strcmp0 (o->status, "cancelled") == 0)
    return _("cancelled");
  if (g_strcmp0 (o->status, "done") == 0)
    return _("done");
  if (g_strcmp0 (o->status, "missed") == 0)
    return _("missed");
  return NULL;
}

char *
gad_schedule_to_text (GPtrArray  *occurrences,
                      const char *title)
{
  GString *out = g_string_new (NULL);
  const char *day = NULL;

  if (title)
    g_string_append_printf (out, "%s\n", title);
  for (guint i = 0; i < occurrences->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (occurrences, i);
      g_autofree char *start = gad_minute_format (o->start_minute);
      g_autofree char *end = gad_minute_format (o->start_minute + o->minutes);
      g_autofree char *label = what (o);
      const char *status = status_text (o);

      if (g_strcmp0 (day, o->date) != 0)
        {
          g_autofree char *heading = gad_schedule_day_heading (o->date);

          g_string_append_printf (out, "\n%s\n", heading);
          day = o->date;
        }
      g_string_append_printf (out, "  %s–%s  %s", start, end, label);
      if (o->staff_name)
        g_string_append_printf (out, "  · %s", o->staff_name);
      if (o->address && *o->address)
        g_string_append_printf (out, "  · %s", o->address);
      if (o->phone && *o->phone)
        g_string_append_printf (out, "  · %s", o->phone);
      if (status)
        g_string_append_printf (out, "  [%s]", status);
      if (o->note && *o->note)
        g_string_append_printf (out, "\n      %s", o->note);
      g_string_append_c (out, '\n');
    }
  if (occurrences->len == 0)
    g_string_append_printf (out, "%s\n", _("Nothing is planned."));
  return g_string_free (out, FALSE);
}

/* iCalendar */

static void
ics_text (GString    *line,
          const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (line, "\\\\"); break;
      case ';': g_string_append (line, "\\;"); break;
      case ',': g_string_append (line, "\\,"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\r': break;
      default: g_string_append_c (line, *p);
      }
}

/* Lines of at most 75 octets, folded between characters (RFC 5545 3.1). */
static void
ics_line (GString    *out,
          const char *line)
{
  gsize width = 0;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gsize n = g_utf8_next_char (p) - p;

      if (width + n > 75)
        {
          g_string_append (out, "\r\n ");
          width = 1;
        }
      g_string_append_len (out, p, n);
      width += n;
    }
  g_string_append (out, "\r\n");
}

static char *
ics_time (gint64 unix_time)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (t, "%Y%m%dT%H%M%SZ");
}

char *
gad_schedule_to_ics (GPtrArray *occurrences)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");

  ics_line (out, "BEGIN:VCALENDAR");
  ics_line (out, "VERSION:2.0");
  ics_line (out, "PRODID:-//Gadiba//Gadiba " PACKAGE_VERSION "//LV");
  ics_line (out, "CALSCALE:GREGORIAN");
  for (guint i = 0; i < occurrences->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (occurrences, i);
      g_autofree char *start = ics_time (o->start);
      g_autofree char *end = ics_time (o->start + o->minutes * 60);
      g_autofree char *label = what (o);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(GString) description = g_string_new (NULL);

      ics_line (out, "BEGIN:VEVENT");
      g_string_printf (line, "UID:%" G_GINT64_FORMAT "-%s@gadiba.lv", o->entry_id, o->rule_date);
      ics_line (out, line->str);
      g_string_printf (line, "DTSTAMP:%s", stamp);
      ics_line (out, line->str);
      g_string_printf (line, "DTSTART:%s", start);
      ics_line (out, line->str);
      g_string_printf (line, "DTEND:%s", end);
      ics_line (out, line->str);
      g_string_assign (line, "SUMMARY:");
      ics_text (line, label);
      ics_line (out, line->str);
      if (o->address && *o->address)
        {
          g_string_assign (line, "LOCATION:");
          ics_text (line, o->address);
          ics_line (out, line->str);
        }
      else if (o->office)
        {
          g_string_assign (line, "LOCATION:");
          ics_text (line, o->office);
          ics_line (out, line->str);
        }
      if (o->staff_name)
        g_string_append_printf (description, "%s\n", o->staff_name);
      if (o->phone && *o->phone)
        g_string_append_printf (description, "%s\n", o->phone);
      if (o->note && *o->note)
        g_string_append_printf (description, "%s\n", o->note);
      if (description->len)
        {
          g_string_truncate (description, description->len - 1);
          g_string_assign (line, "DESCRIPTION:");
          ics_text (line, description->str);
          ics_line (out, line->str);
        }
      ics_line (out, g_strcmp0 (o->status, "cancelled") == 0 ? "STATUS:CANCELLED"
                                                              : "STATUS:CONFIRMED");
      ics_line (out, "END:VEVENT");
    }
  ics_line (out, "END:VCALENDAR");
  return g_string_free (out, FALSE);
}

/* The printed round */

/* A4 landscape: a row a visit, wide enough not to wrap names and addresses. */
#define PAGE_WIDTH 841.890
#define PAGE_HEIGHT 595.276
#define MARGIN 42.0
#define TEXT_WIDTH (PAGE_WIDTH - 2 * MARGIN)

typedef struct
{
  cairo_t *cr;
  double y;
  guint page;
} Round;

static double
show (Round      *r,
      const char *s,
      double      x,
      double      width,
      double      size,
      gboolean    bold,
      gboolean    draw)
{
  return gad_pdf_text (r->cr, s, x, r->y, width, size, bold, PANGO_ALIGN_LEFT, draw);
}

static void
next_page (Round *r)
{
  g_autofree char *number = g_strdup_printf ("%u", r->page);

  r->y = PAGE_HEIGHT - MARGIN + 8;
  show (r, number, PAGE_WIDTH / 2 - 20, 40, 8, FALSE, TRUE);
  cairo_show_page (r->cr);
  r->page++;
  r->y = MARGIN;
}

static void
need (Round  *r,
      double  height)
{
  if (r->y + height > PAGE_HEIGHT - MARGIN)
    next_page (r);
}

/* Columns: time, client and service, address, phone, notes. */
static const double columns[] = { 0, 76, 290, 490, 590 };
static const double widths[] = { 72, 208, 194, 94, TEXT_WIDTH - 590 };

static double
row (Round       *r,
     const char **cells,
     gboolean     bold,
     gboolean     draw)
{
  double h = 0;

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    h = MAX (h, show (r, cells[c], MARGIN + columns[c], widths[c], 9, bold, draw));
  return h;
}

GBytes *
gad_schedule_to_pdf (GPtrArray   *occurrences,
                     const char  *title,
                     const char  *subtitle,
                     GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  const char *head[] = { _("Time"), _("Client and service"), _("Address"), _("Phone"),
                         _("Notes") };
  cairo_surface_t *surface;
  cairo_status_t status;
  const char *day = NULL;
  Round r = { 0 };

  surface = gad_pdf_surface_new (bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gādība");
  r.cr = cairo_create (surface);
  r.page = 1;
  r.y = MARGIN;
  cairo_set_source_rgb (r.cr, 0, 0, 0);
  r.y += show (&r, title, MARGIN, TEXT_WIDTH, 16, TRUE, TRUE) + 4;
  if (subtitle)
    r.y += show (&r, subtitle, MARGIN, TEXT_WIDTH, 11, FALSE, TRUE) + 12;

  for (guint i = 0; i < occurrences->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (occurrences, i);
      g_autofree char *start = gad_minute_format (o->start_minute);
      g_autofree char *end = gad_minute_format (o->start_minute + o->minutes);
      g_autofree char *time = g_strdup_printf ("%s–%s", start, end);
      g_autofree char *label = what (o);
      g_autofree char *notes = NULL;
      const char *mark = status_text (o);
      const char *cells[5];
      double h;

      notes = mark ? g_strdup_printf ("%s%s%s", mark, o->note && *o->note ? "; " : "",
                                        o->note ? o->note : "")
                     : g_strdup (o->note);
      cells[0] = time;
      cells[1] = label;
      cells[2] = o->address && *o->address ? o->address : o->office;
      cells[3] = o->phone;
      cells[4] = notes;
      h = row (&r, cells, FALSE, FALSE);
      if (g_strcmp0 (day, o->date) != 0)
        {
          g_autofree char *heading = gad_schedule_day_heading (o->date);

          need (&r, 40 + h);
          r.y += 8;
          r.y += show (&r, heading, MARGIN, TEXT_WIDTH, 11, TRUE, TRUE) + 2;
          r.y += row (&r, head, TRUE, TRUE) + 2;
          cairo_set_line_width (r.cr, 0.5);
          cairo_move_to (r.cr, MARGIN, r.y);
          cairo_line_to (r.cr, MARGIN + TEXT_WIDTH, r.y);
          cairo_stroke (r.cr);
          r.y += 3;
          day = o->date;
        }
      need (&r, h + 4);
      row (&r, cells, FALSE, TRUE);
      if (g_strcmp0 (o->status, "cancelled") == 0)
        {
          cairo_move_to (r.cr, MARGIN, r.y + 6);
          cairo_line_to (r.cr, MARGIN + columns[2] - 6, r.y + 6);
          cairo_stroke (r.cr);
        }
      r.y += h + 4;
    }
  if (occurrences->len == 0)
    show (&r, _("Nothing is planned."), MARGIN, TEXT_WIDTH, 11, FALSE, TRUE);
  next_page (&r);

  cairo_destroy (r.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The schedule could not be drawn (%s)."), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
