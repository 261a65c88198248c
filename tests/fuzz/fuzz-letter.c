/* fuzz-letter.c — arbitrary UTF-8 text in every field of a decision letter
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is split at NUL bytes into the letter's fields in turn; whatever
 * the text, the renderer gives a PDF or an error, never a crash.
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
  char **fields[] = { &letter->institution, &letter->reg_no, &letter->address, &letter->phone,
                      &letter->email, &letter->e_address, &letter->place, &letter->date,
                      &letter->number, &letter->addressee_name, &letter->addressee_address,
                      &letter->title, &letter->reference, &letter->decision, &letter->appeal,
                      &letter->annex, &letter->signer_position, &letter->signer_name,
                      &letter->drafter };
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
  for (guint i = G_N_ELEMENTS (fields); i < parts->len; i++)
    g_ptr_array_add (i % 2 ? letter->amounts : letter->sections,
                     g_strdup (g_ptr_array_index (parts, i)));
  /* Sections and amounts come in pairs. */
  if (letter->sections->len % 2)
    g_ptr_array_add (letter->sections, g_strdup (""));
  if (letter->amounts->len % 2)
    g_ptr_array_add (letter->amounts, g_strdup ("0"));
  letter->e_signed = size % 2;

  pdf = gad_letter_render (letter, &n_pages, &error);
  g_assert (pdf ? n_pages >= 1 && g_bytes_get_size (pdf) > 0 : error != NULL);
  gad_fuzz_reached++;
  return 0;
}
