/* fuzz-template.c — arbitrary text as a document template
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the administrator imports: refused with a reason, or a template
 * that fills the preview's made-up data into a PDF (or names the field it
 * lacks), never a crash. The corpus starts from Gādība's own templates.
 */
#include "config.h"

#include "gad-template.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

guint gad_fuzz_reached;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GadTemplate) template = NULL;

  if (size > 65536)
    return 0;   /* a template is a few kilobytes */
  text = g_strndup ((const char *) data, size);
  gad_fuzz_reached++;
  template = gad_template_parse (text, &error);
  if (template == NULL)
    {
      g_assert (g_error_matches (error, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_INVALID));
      return 0;
    }
  for (guint e_signed = 0; e_signed < 2; e_signed++)
    {
      g_autoptr(GadFields) sample = gad_fields_sample (gad_template_kind (template),
                                                       gad_template_language (template));
      g_autoptr(GadLetter) letter = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) fill_error = NULL;
      g_autofree char *number = gad_template_number (template, 2026, 17);

      g_assert (number != NULL);
      sample->e_signed = e_signed;
      letter = gad_template_fill (template, sample, &fill_error);
      if (letter == NULL)
        {
          g_assert (g_error_matches (fill_error, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_MISSING));
          continue;
        }
      pdf = gad_letter_render (letter, NULL, &fill_error);
      g_assert (pdf != NULL || fill_error != NULL);
    }
  return 0;
}
