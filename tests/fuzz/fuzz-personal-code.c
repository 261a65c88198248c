/* fuzz-personal-code.c — arbitrary text as a Latvian personal code
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gad-personal-code.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

guint gad_fuzz_reached;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  char digits[12];
  GDate birth;
  GadCodeKind kind = gad_personal_code_parse (text, digits, &birth, &error);

  if (kind == 0)
    g_assert (error != NULL && error->message[0] != '\0');
  else
    {
      /* An accepted code reads back the same from its display form. */
      g_autofree char *shown = gad_personal_code_format (digits);
      char again[12];
      GDate birth_again;

      g_assert (strlen (digits) == 11);
      g_assert (gad_personal_code_parse (shown, again, &birth_again, NULL) == kind);
      g_assert (strcmp (digits, again) == 0);
    }
  gad_personal_code_is_partial (text);
  gad_fuzz_reached++;
  return 0;
}
