/* gad-personal-code.h — Latvian personal codes (personas kods)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GAD_CODE_ERROR (gad_code_error_quark ())

typedef enum
{
  GAD_CODE_ERROR_FORMAT,
  GAD_CODE_ERROR_DATE,
  GAD_CODE_ERROR_CHECK_DIGIT,
} GadCodeError;

typedef enum
{
  GAD_CODE_OLD = 1, /* DDMMYY-CNNNZ, carries the birth date */
  GAD_CODE_NEW = 2, /* 32…–39…, random, since 1 July 2017 */
} GadCodeKind;

GQuark       gad_code_error_quark   (void);
GadCodeKind  gad_personal_code_parse (const char  *text,
                                      char         digits[12],
                                      GDate       *birth_date,
                                      GError     **error);
char        *gad_personal_code_format (const char *digits);
gboolean     gad_personal_code_is_partial (const char *text);

G_END_DECLS
