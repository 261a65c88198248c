/* fuzz-letter.c — arbitrary UTF-8 text in every field of a decision letter
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is split at NUL bytes into the letter's fields in turn, then
 * its parts (paragraphs, amounts and rows by turns); whatever the text, the
 * renderer gives a PDF or an error, never a crash.
 */
#include "config.h"

#include "gad-letter.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

guint gad_fuzz_reached;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GadLetter) letter = gad_letter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char **fields[] = { &letter->mark, &letter->institution, &letter->letterhead, &letter->type,
                      &letter->place, &letter->date, &letter->dated, &letter->addressee,
                      &letter->title, &letter->signer_position, &letter->signature,
                      &letter->e_signed_note, &letter->drafter };
  gsize start = 0;
  guint n_pages = 0;

  if (size > 20000)
    return 0;   /* long enough to page; longer only slows the search */
  for (gsize i = 0; i <= size; i++)
    if (i == size || data[i] == '\0')
      {
        g_autofree char *raw = g_strndup ((const char *) data + start, i - start);

        g_ptr_array_add (parts, g_utf8_make_valid (raw, -1));
        start = i + 1;
      }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_free (*fields[i]);
      *fields[i] = g_strdup (i < parts->len ? g_ptr_array_index (parts, i) : "");
    }
  for (guint i = G_N_ELEMENTS (fields); i + 1 < parts->len; i += 2)
    {
      const char *a = g_ptr_array_index (parts, i);
      const char *b = g_ptr_array_index (parts, i + 1);
      GadLetterPart *part;

      switch (i % 3)
        {
        case 0:
          gad_letter_add_paragraph (letter, a, b, i % 2);
          break;
        default:
          part = gad_letter_add_table (letter, i % 3 == 1 ? GAD_LETTER_AMOUNTS : GAD_LETTER_ROWS,
                                       i % 3 == 1 ? 2 : 1 + i % 4);
          g_ptr_array_add (part->cells, g_strdup (a));
          g_ptr_array_add (part->cells, g_strdup (b));
          break;
        }
    }
  if (size % 2 == 0)
    g_clear_pointer (&letter->e_signed_note, g_free);

  pdf = gad_letter_render (letter, &n_pages, &error);
  g_assert (pdf ? n_pages >= 1 && g_bytes_get_size (pdf) > 0 : error != NULL);
  gad_fuzz_reached++;
  return 0;
}
