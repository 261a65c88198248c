/* test-scanner.c — scanning into a client's case, with SANE's virtual scanner
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SANE's "test" backend (tests/data/sane) makes pages of 80 × 100 mm without
 * hardware; tests/data/sane-gone is one that fails while its page is read.
 */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "gad-case-document.h"
#include "gad-scanner.h"
#include "gad-test-util.h"

static void
use_sane (const char *folder)
{
  g_autofree char *dir = g_build_filename (g_getenv ("GADIBA_TEST_DATA"), folder, NULL);

  g_setenv ("SANE_CONFIG_DIR", dir, TRUE);
}

typedef struct
{
  guint last_page;
  double last_fraction;
  guint calls;
} Progress;

static void
on_progress (guint page, double fraction, gpointer data)
{
  Progress *p = data;

  g_assert_cmpuint (page, >=, p->last_page);
  p->last_page = page;
  p->last_fraction = fraction;
  p->calls++;
}

static PopplerDocument *
read_pdf (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* The virtual scanners are found by name; one page from the glass comes at
 * 150 dpi as a PDF page of the scanned size (80 × 100 mm). */
static void
test_glass (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scanners = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *doc;
  Progress progress = { 0 };
  double width, height;
  gboolean found = FALSE;

  use_sane ("sane");
  scanners = gad_scanner_list (&error);
  g_assert_no_error (error);
  for (guint i = 0; i < scanners->len; i++)
    found |= g_str_equal (((GadScanner *) g_ptr_array_index (scanners, i))->name, "test:0");
  g_assert_true (found);

  pages = gad_scanner_scan ("test:0", FALSE, on_progress, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 1);
  {
    GadScanPage *page = g_ptr_array_index (pages, 0);

    g_assert_cmpfloat (page->dpi, ==, 150);
    g_assert_cmpint (page->width, ==, 472);     /* 80 mm at 150 dpi */
    g_assert_cmpint (page->height, ==, 590);
    g_assert_cmpuint (g_bytes_get_size (page->rgb), ==, 472 * 590 * 3);
  }
  g_assert_cmpuint (progress.last_page, ==, 1);
  g_assert_cmpfloat (progress.last_fraction, ==, 1.0);
  g_assert_cmpuint (progress.calls, >, 1);

  pdf = gad_scan_pages_to_pdf (pages, &error);
  g_assert_no_error (error);
  doc = read_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  {
    PopplerPage *page = poppler_document_get_page (doc, 0);

    poppler_page_get_size (page, &width, &height);
    g_object_unref (page);
    g_assert_cmpfloat_with_epsilon (width, 80 / 25.4 * 72, 1);
    g_assert_cmpfloat_with_epsilon (height, 100 / 25.4 * 72, 1);
  }
  /* As JPEG: far smaller than the pixels. */
  g_assert_cmpuint (g_bytes_get_size (pdf), <, 472 * 590 * 3 / 4);
  g_assert_true (gad_case_document_check (pdf, "application/pdf", &error));
  g_object_unref (doc);
}

/* The feeder gives every page in it (SANE's virtual one holds ten). */
static void
test_feeder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *doc;
  Progress progress = { 0 };

  use_sane ("sane");
  pages = gad_scanner_scan ("test:1", TRUE, on_progress, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 10);
  g_assert_cmpuint (progress.last_page, ==, 10);
  pdf = gad_scan_pages_to_pdf (pages, &error);
  g_assert_no_error (error);
  doc = read_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 10);
  g_object_unref (doc);
}

/* A scanner that stops answering as its page is read: a clear error and no
 * pages. (SANE reads its configuration once a process: a process of its own.) */
static void
test_gone (void)
{
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      /* SANE's test backend cancels its reader thread asynchronously: now and
       * then that leaves a lock of glibc's allocator held, and its own cancel
       * waits for the reader for ever (backtraces of stops 34 and 35). Not
       * Gādība's doing: a scan that hangs is run again, up to five times more
       * (a scan that does not hang takes well under a second; under load,
       * stop 37 saw three hangs in a row). */
      for (guint attempt = 0; attempt < 6; attempt++)
        {
          g_test_trap_subprocess (NULL, 15 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
          if (!g_test_trap_reached_timeout ())
            break;
          g_test_message ("SANE's test backend hung cancelling its reader: once more");
        }
      g_assert_false (g_test_trap_reached_timeout ());
      g_test_trap_assert_passed ();
      return;
    }
  use_sane ("sane-gone");
  g_assert_null (gad_scanner_scan ("test:0", FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED);
  g_assert_nonnull (strstr (error->message, "Error during device I/O"));
}

/* A scanner that is not there, and a scan the person cancels. */
static void
test_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  use_sane ("sane");
  g_assert_null (gad_scanner_scan ("test:7", FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_null (gad_scanner_scan ("test:0", FALSE, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A social worker scans into her client's case (on either engine): the PDF
 * comes back as kept, its checksum checked. */
static void
test_into_case (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GadStore) worker = gad_test_store_as (GAD_ROLE_SOCIAL_WORKER, &path);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GadCaseDocument) about = NULL;
  GadCase c = { 0 };
  gint64 id;

  c.person_id = gad_test_person (worker, "161175-19997", "Bērziņš", "Jānis");
  c.worker_id = gad_store_actor_id (worker);
  c.target_groups = (char *) "pensioner";
  c.opened_on = (char *) "2026-01-05";
  c.id = gad_store_insert_case (worker, &c, &error);
  g_assert_no_error (error);

  use_sane ("sane");
  pages = gad_scanner_scan ("test:0", TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  pdf = gad_scan_pages_to_pdf (pages, &error);
  g_assert_no_error (error);
  id = gad_store_attach_document (worker, c.id, "Skenējums.pdf", pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  back = gad_store_open_document (worker, id, &about, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf));
  g_assert_cmpstr (about->media_type, ==, "application/pdf");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scanner/glass", test_glass);
  g_test_add_func ("/scanner/feeder", test_feeder);
  g_test_add_func ("/scanner/gone", test_gone);
  g_test_add_func ("/scanner/refused", test_refused);
  g_test_add_func ("/scanner/into-case", test_into_case);
  return g_test_run ();
}
