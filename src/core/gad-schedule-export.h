/* gad-schedule-export.h — a schedule as text, iCalendar or a printed round
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *gad_schedule_to_text (GPtrArray   *occurrences,
                              const char  *title);
char   *gad_schedule_to_ics  (GPtrArray   *occurrences);
GBytes *gad_schedule_to_pdf  (GPtrArray   *occurrences,
                              const char  *title,
                              const char  *subtitle,
                              GError     **error);
char   *gad_schedule_day_heading (const char *iso_date);

G_END_DECLS
