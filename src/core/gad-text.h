/* gad-text.h — Latvian text folding, sort keys and formats
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *gad_text_fold          (const char *text);
char *gad_text_search_words  (const char *text);
char *gad_text_sort_key      (const char *text);
char *gad_text_format_date   (const char *iso_date);
char *gad_text_local_time    (const char *iso_utc,
                              const char *format);
char *gad_text_format_money  (gint64      cents);
char *gad_text_format_money_lv (gint64     cents);
char *gad_text_format_euros  (gint64      cents);
char *gad_text_format_number (gint64      n);
char *gad_text_format_decimal (double     value,
                               guint      digits);
char *gad_text_format_euros_in (gint64     cents,
                                const char *lang);
char *gad_text_format_number_in (gint64    n,
                                 const char *lang);
gboolean gad_text_parse_date (const char *text,
                              GDate      *date);
gboolean gad_text_parse_money (const char *text,
                               gint64     *cents);
char *gad_text_iso_date      (const GDate *date);
char *gad_text_today_iso     (void);
char *gad_text_iso_add_years (const char *iso_date,
                              int         years);
gboolean gad_text_ui_is_latvian (void);

G_END_DECLS
