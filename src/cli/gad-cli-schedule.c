/* gad-cli-schedule.c — gadiba-cli schedule, conflicts, copayments and reception
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gad-cli.h"
#include "gad-schedule-export.h"
#include "gad-text.h"

static gboolean
write_out (const char  *out,
           const char  *data,
           gsize        length,
           GError     **error)
{
  if (out == NULL || g_str_equal (out, "-"))
    {
      fwrite (data, 1, length, stdout);
      return TRUE;
    }
  /* It names clients, their addresses and phones: the owner's alone. */
  return g_file_set_contents_full (out, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                   error);
}

static gboolean
write_in (GPtrArray   *occurrences,
          const char  *format,
          const char  *title,
          const char  *subtitle,
          const char  *out,
          GError     **error)
{
  if (format == NULL || g_str_equal (format, "text"))
    {
      g_autofree char *heading = g_strdup_printf ("%s\n%s", title, subtitle);
      g_autofree char *text = gad_schedule_to_text (occurrences, heading);

      return write_out (out, text, strlen (text), error);
    }
  if (g_str_equal (format, "ics"))
    {
      g_autofree char *ics = gad_schedule_to_ics (occurrences);

      return write_out (out, ics, strlen (ics), error);
    }
  if (g_str_equal (format, "pdf"))
    {
      g_autoptr(GBytes) pdf = gad_schedule_to_pdf (occurrences, title, subtitle, error);
      gsize size;
      const char *data;

      if (pdf == NULL)
        return FALSE;
      if (out == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("A PDF needs a file: add --out FILE."));
          return FALSE;
        }
      data = g_bytes_get_data (pdf, &size);
      return write_out (out, data, size, error);
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("The format is text, ics or pdf."));
  return FALSE;
}

/* Writes the schedule and records in the audit log that it left with the
 * data of so many clients. */
static gboolean
emit (GadStore    *store,
      GPtrArray   *occurrences,
      const char  *format,
      const char  *title,
      const char  *subtitle,
      const char  *out,
      GError     **error)
{
  g_autoptr(GHashTable) clients = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *what = NULL;

  if (!write_in (occurrences, format, title, subtitle, out, error))
    return FALSE;
  for (guint i = 0; i < occurrences->len; i++)
    {
      GadOccurrence *o = g_ptr_array_index (occurrences, i);

      if (o->person_id > 0)
        g_hash_table_add (clients, &o->person_id);
    }
  if (g_hash_table_size (clients) == 0)
    return TRUE;
  what = g_strdup_printf ("%s, %s (%s)", title, subtitle, format ? format : "text");
  return gad_store_record_read (store, 0, what, g_hash_table_size (clients), error);
}

static char *
staff_name (GadStore *store,
            gint64    id)
{
  g_autoptr(GPtrArray) staff = gad_store_list_staff (store);

  for (guint i = 0; i < staff->len; i++)
    {
      GadStaff *s = g_ptr_array_index (staff, i);

      if (s->id == id)
        return g_strdup (s->name);
    }
  return NULL;
}

int
gad_cli_schedule (int      argc,
                  char   **argv,
                  GError **error)
{
  gint64 staff_id = 0, client_id = 0, office_id = 0;
  g_autofree char *team = NULL, *week = NULL, *format = NULL, *out = NULL;
  g_autofree char *from = NULL, *to = NULL, *title = NULL, *subtitle = NULL;
  g_autofree char *first = NULL, *last = NULL;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_INT64, &staff_id, N_("A staff member’s schedule"), "ID" },
    { "client", 0, 0, G_OPTION_ARG_INT64, &client_id, N_("A client’s schedule"), "ID" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("A department’s schedule"), N_("NAME") },
    { "office", 0, 0, G_OPTION_ARG_INT64, &office_id, N_("An office’s schedule"), "ID" },
    { "week", 0, 0, G_OPTION_ARG_STRING, &week, N_("The ISO week, e.g. 2026-W10"), N_("WEEK") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default), ics or pdf"),
      N_("FORMAT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write to this file"), N_("FILE") },
    { NULL }
  };
  GadScheduleFilter filter = { 0 };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;

  if (!gad_cli_parse (entries, NULL, _("Print a week’s schedule as text, iCalendar or PDF."),
                      &argc, &argv, error))
    return 2;
  if ((from = gad_iso_week_monday (week)) == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Give the week as YYYY-Www, for example --week 2026-W10."));
      return 2;
    }
  if ((store = gad_cli_open_store (error)) == NULL)
    return 1;
  to = gad_date_add_days (from, 6);
  filter.staff_id = staff_id;
  filter.person_id = client_id;
  filter.territory_id = office_id;
  filter.department = team;
  filter.with_cancelled = TRUE;
  occurrences = gad_store_list_occurrences (store, &filter, from, to, error);
  if (occurrences == NULL)
    return 1;

  first = gad_text_format_date (from);
  last = gad_text_format_date (to);
  if (staff_id)
    {
      g_autofree char *name = staff_name (store, staff_id);

      if (name == NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, staff_id);

          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("There is no staff member with id %s."), id);
          return 1;
        }
      title = g_strdup_printf (_("Weekly round: %s"), name);
    }
  else
    title = g_strdup (_("Schedule"));
  subtitle = g_strdup_printf (_("Week %s: %s–%s"), week + 6, first, last);
  return emit (store, occurrences, format, title, subtitle, out, error) ? 0 : 1;
}

int
gad_cli_conflicts (int      argc,
                   char   **argv,
                   GError **error)
{
  g_autofree char *from = NULL, *to = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  GDate a, b;
  g_autofree char *first = NULL, *last = NULL;

  if (!gad_cli_parse (entries, NULL, _("List every schedule conflict of a period, one a line."),
                      &argc, &argv, error))
    return 2;
  if (!gad_text_parse_date (from, &a) || !gad_text_parse_date (to, &b))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Give the period as --from DATE --to DATE (YYYY-MM-DD or DD.MM.YYYY)."));
      return 2;
    }
  first = gad_text_iso_date (&a);
  last = gad_text_iso_date (&b);
  if ((store = gad_cli_open_store (error)) == NULL
      || (conflicts = gad_store_find_conflicts (store, first, last, error)) == NULL)
    return 1;
  for (guint i = 0; i < conflicts->len; i++)
    {
      GadConflict *c = g_ptr_array_index (conflicts, i);

      if (c->override_reason)
        g_print (_("%s %s (overruled: %s)\n"), c->date, c->message, c->override_reason);
      else
        g_print ("%s %s\n", c->date, c->message);
    }
  return 0;
}

int
gad_cli_copayments (int      argc,
                    char   **argv,
                    GError **error)
{
  g_autofree char *month = NULL;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month, YYYY-MM"), N_("MONTH") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  gint64 total = 0;

  if (!gad_cli_parse (entries, NULL,
                      _("Compute and record each client’s home-care co-payment for a month."),
                      &argc, &argv, error))
    return 2;
  if ((store = gad_cli_open_store (error)) == NULL
      || (payments = gad_store_compute_copayments (store, month, error)) == NULL)
    return 1;
  g_print ("person_id;name;minutes;free_minutes;amount_eur\n");
  for (guint i = 0; i < payments->len; i++)
    {
      GadCopayment *c = g_ptr_array_index (payments, i);

      g_print ("%" G_GINT64_FORMAT ";%s;%d;%d;%" G_GINT64_FORMAT ".%02d\n", c->person_id,
               c->name, c->minutes, c->free_minutes, c->amount_cents / 100,
               (int) (c->amount_cents % 100));
      total += c->amount_cents;
    }
  {
    g_autofree char *sum = gad_text_format_money (total);

    g_printerr (ngettext ("%u client, %s in all\n", "%u clients, %s in all\n", payments->len),
                payments->len, sum);
  }
  return 0;
}

int
gad_cli_reception (int      argc,
                   char   **argv,
                   GError **error)
{
  gint64 office_id = 0;
  g_autofree char *date = NULL, *format = NULL, *out = NULL;
  GOptionEntry entries[] = {
    { "office", 0, 0, G_OPTION_ARG_INT64, &office_id, N_("The office (territory id)"), "ID" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day"), N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or pdf"), N_("FORMAT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write to this file"), N_("FILE") },
    { NULL }
  };
  GadScheduleFilter filter = { 0 };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GPtrArray) day = NULL, slots = NULL;
  g_autofree char *iso = NULL, *title = NULL, *subtitle = NULL;
  GDate d;

  if (!gad_cli_parse (entries, NULL,
                      _("Print an office’s day list of appointments and its free slots."),
                      &argc, &argv, error))
    return 2;
  if (office_id == 0 || !gad_text_parse_date (date, &d))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Give the office and the day: --office ID --date DATE."));
      return 2;
    }
  iso = gad_text_iso_date (&d);
  filter.territory_id = office_id;
  if ((store = gad_cli_open_store (error)) == NULL
      || (day = gad_store_list_occurrences (store, &filter, iso, iso, error)) == NULL
      || (slots = gad_store_free_slots (store, office_id, iso, error)) == NULL)
    return 1;
  title = g_strdup (_("Day list"));
  subtitle = gad_schedule_day_heading (iso);
  if (!emit (store, day, format, title, subtitle, out, error))
    return 1;
  if (format == NULL || g_str_equal (format, "text"))
    {
      g_print ("\n%s\n", _("Free slots"));
      for (guint i = 0; i < slots->len; i++)
        {
          GadOccurrence *s = g_ptr_array_index (slots, i);
          g_autofree char *start = gad_minute_format (s->start_minute);

          g_print ("  %s  %s\n", start, s->staff_name);
        }
    }
  return 0;
}
