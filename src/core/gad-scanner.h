/* gad-scanner.h — pages from a scanner, through SANE, into one PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A scanner SANE found: its device name and what a person calls it. */
typedef struct
{
  char *name;           /* "genesys:libusb:001:004", "test:0" */
  char *label;          /* "Canon LiDE 220" */
} GadScanner;

/* One page as scanned: 8-bit RGB rows and the resolution it was read at. */
typedef struct
{
  GBytes *rgb;
  int width;
  int height;
  double dpi;
} GadScanPage;

/* Called on the scanning thread: page @page (from 1) is @fraction read. */
typedef void (*GadScanProgress) (guint    page,
                                 double   fraction,
                                 gpointer user_data);

void       gad_scanner_free       (GadScanner       *scanner);
void       gad_scan_page_free     (GadScanPage      *page);
GPtrArray *gad_scanner_list       (GError          **error);
GPtrArray *gad_scanner_scan       (const char       *device,
                                   gboolean          feeder,
                                   GadScanProgress   progress,
                                   gpointer          user_data,
                                   GCancellable     *cancellable,
                                   GError          **error);
GBytes    *gad_scan_pages_to_pdf  (GPtrArray        *pages,
                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadScanner, gad_scanner_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GadScanPage, gad_scan_page_free)

G_END_DECLS
