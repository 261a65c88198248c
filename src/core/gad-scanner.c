/* gad-scanner.c — pages from a scanner, through SANE, into one PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SANE is not made for threads: one scan or listing at a time in the
 * process, each between its own sane_init() and sane_exit() (so a scanner
 * plugged in later is found). Callers run these on a thread of their own.
 * A page is read in colour at 150 dpi where the scanner allows it (enough
 * to read a certificate; a page is then some 300 KB as JPEG in the PDF).
 */
#define G_LOG_DOMAIN "gad-scanner"

#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <sane/sane.h>
#include <sane/saneopts.h>
#include <string.h>

#include "gad-pdf.h"
#include "gad-scanner.h"

#define SCAN_DPI 150
#define MAX_FEEDER_PAGES 100
#define JPEG_QUALITY "85"

static GMutex sane_lock;

void
gad_scanner_free (GadScanner *scanner)
{
  if (scanner == NULL)
    return;
  g_free (scanner->name);
  g_free (scanner->label);
  g_free (scanner);
}

void
gad_scan_page_free (GadScanPage *page)
{
  if (page == NULL)
    return;
  g_bytes_unref (page->rgb);
  g_free (page);
}

/* What went wrong, said by SANE's status code, as the person can act on it. */
static void
set_sane_error (GError     **error,
                SANE_Status  status)
{
  switch (status)
    {
    case SANE_STATUS_CANCELLED:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The scan was cancelled."));
      break;
    case SANE_STATUS_NO_DOCS:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The scanner has no paper in its feeder: put the pages in and "
                             "scan again."));
      break;
    case SANE_STATUS_JAMMED:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The paper is jammed in the scanner: clear it and scan again."));
      break;
    case SANE_STATUS_COVER_OPEN:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The scanner's cover is open: close it and scan again."));
      break;
    case SANE_STATUS_DEVICE_BUSY:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The scanner is busy with another program: wait a moment and "
                             "scan again."));
      break;
    case SANE_STATUS_ACCESS_DENIED:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("This computer may not use the scanner: ask the administrator "
                             "for access."));
      break;
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                   _("The scanner stopped answering (%s): check that it is on and connected, "
                     "and scan again. Nothing was attached."), sane_strstatus (status));
      break;
    }
}

static gboolean
start_sane (GError **error)
{
  SANE_Int version;
  SANE_Status status = sane_init (&version, NULL);

  if (status != SANE_STATUS_GOOD)
    {
      set_sane_error (error, status);
      return FALSE;
    }
  return TRUE;
}

/**
 * gad_scanner_list:
 *
 * Returns: (transfer full) (element-type GadScanner): the scanners this
 *   computer reaches (possibly none); %NULL with @error if SANE fails
 */
GPtrArray *
gad_scanner_list (GError **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&sane_lock);
  GPtrArray *found;
  const SANE_Device **devices = NULL;
  SANE_Status status;

  if (!start_sane (error))
    return NULL;
  status = sane_get_devices (&devices, SANE_FALSE);
  if (status != SANE_STATUS_GOOD)
    {
      set_sane_error (error, status);
      sane_exit ();
      return NULL;
    }
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_scanner_free);
  for (guint i = 0; devices[i]; i++)
    {
      GadScanner *s = g_new0 (GadScanner, 1);

      s->name = g_strdup (devices[i]->name);
      s->label = g_strstrip (g_strdup_printf ("%s %s", devices[i]->vendor ? devices[i]->vendor : "",
                                              devices[i]->model ? devices[i]->model : ""));
      g_ptr_array_add (found, s);
    }
  sane_exit ();
  return found;
}

static int
find_option (SANE_Handle handle,
             const char *name)
{
  for (int i = 1;; i++)
    {
      const SANE_Option_Descriptor *o = sane_get_option_descriptor (handle, i);

      if (o == NULL)
        return -1;
      if (o->name && g_str_equal (o->name, name) && SANE_OPTION_IS_SETTABLE (o->cap)
          && SANE_OPTION_IS_ACTIVE (o->cap))
        return i;
    }
}

/* Sets the string option @name to the first of its values that @wanted
 * names (a part of it, case-folded); FALSE if it has none. */
static gboolean
choose_value (SANE_Handle  handle,
              const char  *name,
              const char **wanted)
{
  int n = find_option (handle, name);
  const SANE_Option_Descriptor *o = n > 0 ? sane_get_option_descriptor (handle, n) : NULL;

  if (o == NULL || o->type != SANE_TYPE_STRING
      || o->constraint_type != SANE_CONSTRAINT_STRING_LIST)
    return FALSE;
  for (const char **w = wanted; *w; w++)
    for (const SANE_String_Const *v = o->constraint.string_list; *v; v++)
      {
        g_autofree char *folded = g_ascii_strdown (*v, -1);

        if (strstr (folded, *w))
          return sane_control_option (handle, n, SANE_ACTION_SET_VALUE, (void *) *v, NULL)
                 == SANE_STATUS_GOOD;
      }
  return FALSE;
}

/* Asks for SCAN_DPI and says what the scanner will read at. */
static double
set_resolution (SANE_Handle handle)
{
  int n = find_option (handle, SANE_NAME_SCAN_RESOLUTION);
  const SANE_Option_Descriptor *o = n > 0 ? sane_get_option_descriptor (handle, n) : NULL;
  SANE_Word value;

  if (o == NULL || (o->type != SANE_TYPE_INT && o->type != SANE_TYPE_FIXED))
    return SCAN_DPI;
  value = o->type == SANE_TYPE_INT ? SCAN_DPI : SANE_FIX (SCAN_DPI);
  sane_control_option (handle, n, SANE_ACTION_SET_VALUE, &value, NULL);
  if (sane_control_option (handle, n, SANE_ACTION_GET_VALUE, &value, NULL) != SANE_STATUS_GOOD)
    return SCAN_DPI;
  return o->type == SANE_TYPE_INT ? value : SANE_UNFIX (value);
}

/* One value of a sample, 0–255. */
static guint8
sample (const guint8 *row,
        int           index,
        int           depth)
{
  if (depth == 1)       /* line art: a set bit is black */
    return (row[index / 8] & (0x80 >> (index % 8))) ? 0 : 255;
  if (depth == 16)
    return ((const guint16 *) row)[index] >> 8;
  return row[index];
}

/* Reads the page started; NULL with @error (the scan is then cancelled). */
static GadScanPage *
read_page (SANE_Handle      handle,
           guint            number,
           double           dpi,
           GadScanProgress  progress,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(GByteArray) raw = g_byte_array_new ();
  SANE_Parameters p;
  SANE_Status status;
  guint8 buffer[64 * 1024];
  GadScanPage *page;
  guint8 *rgb;
  int channels;

  if ((status = sane_get_parameters (handle, &p)) != SANE_STATUS_GOOD)
    {
      set_sane_error (error, status);
      return NULL;
    }
  if ((p.format != SANE_FRAME_GRAY && p.format != SANE_FRAME_RGB) || p.bytes_per_line <= 0
      || (p.depth != 1 && p.depth != 8 && p.depth != 16))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This scanner sends its pages in a form Gādība does not read: "
                             "choose another scanner."));
      return NULL;
    }
  for (;;)
    {
      SANE_Int len = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      status = sane_read (handle, buffer, sizeof buffer, &len);
      if (status == SANE_STATUS_EOF)
        break;
      if (status != SANE_STATUS_GOOD)
        {
          set_sane_error (error, status);
          return NULL;
        }
      g_byte_array_append (raw, buffer, len);
      if (progress && p.lines > 0)
        progress (number, MIN (1.0, raw->len / ((double) p.bytes_per_line * p.lines)), user_data);
    }
  page = g_new0 (GadScanPage, 1);
  page->width = p.pixels_per_line;
  page->height = raw->len / p.bytes_per_line;   /* a hand scanner says its height at the end */
  page->dpi = dpi;
  channels = p.format == SANE_FRAME_RGB ? 3 : 1;
  rgb = g_malloc ((gsize) page->width * page->height * 3);
  for (int y = 0; y < page->height; y++)
    for (int x = 0; x < page->width; x++)
      for (int c = 0; c < 3; c++)
        rgb[((gsize) y * page->width + x) * 3 + c] =
          sample (raw->data + (gsize) y * p.bytes_per_line, x * channels + (channels == 3 ? c : 0),
                  p.depth);
  page->rgb = g_bytes_new_take (rgb, (gsize) page->width * page->height * 3);
  return page;
}

/**
 * gad_scanner_scan:
 * @device: a #GadScanner's name
 * @feeder: take every page in the scanner's document feeder, if it has one
 *   (otherwise one page from the glass)
 * @progress: (nullable): told how far each page is, on this thread
 *
 * Scans, blocking: call it on a thread of its own.
 *
 * Returns: (transfer full) (element-type GadScanPage): the pages, at least
 *   one; %NULL with @error (the scanner gone, jammed, cancelled…)
 */
GPtrArray *
gad_scanner_scan (const char       *device,
                  gboolean          feeder,
                  GadScanProgress   progress,
                  gpointer          user_data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  static const char *colours[] = { "color", "colour", NULL };
  static const char *feeders[] = { "adf", "feeder", NULL };
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&sane_lock);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) gad_scan_page_free);
  SANE_Handle handle;
  SANE_Status status;
  gboolean from_feeder;
  double dpi;

  g_return_val_if_fail (device != NULL, NULL);
  if (!start_sane (error))
    return NULL;
  if ((status = sane_open (device, &handle)) != SANE_STATUS_GOOD)
    {
      if (status == SANE_STATUS_DEVICE_BUSY || status == SANE_STATUS_ACCESS_DENIED)
        set_sane_error (error, status);
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("The scanner is not connected any more: check its cable and "
                               "power, and choose it again."));
      sane_exit ();
      return NULL;
    }
  choose_value (handle, SANE_NAME_SCAN_MODE, colours);
  from_feeder = feeder && choose_value (handle, SANE_NAME_SCAN_SOURCE, feeders);
  dpi = set_resolution (handle);
  while (pages->len < (from_feeder ? MAX_FEEDER_PAGES : 1))
    {
      GadScanPage *page;

      /* Cancelled: no page is started. (A page is cancelled while it is read
       * too, but SANE's own reader threads are best left to finish.) */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      status = sane_start (handle);
      if (status == SANE_STATUS_NO_DOCS && pages->len > 0)
        break;          /* the feeder is empty: every page is in */
      if (status != SANE_STATUS_GOOD)
        {
          set_sane_error (error, status);
          break;
        }
      page = read_page (handle, pages->len + 1, dpi, progress, user_data, cancellable, error);
      if (page == NULL)
        break;
      g_ptr_array_add (pages, page);
    }
  sane_cancel (handle);
  sane_close (handle);
  sane_exit ();
  if (error && *error)
    return NULL;
  return g_steal_pointer (&pages);
}

/**
 * gad_scan_pages_to_pdf:
 * @pages: (element-type GadScanPage): at least one
 *
 * Returns: (transfer full): one PDF, a page each, at the size scanned; the
 *   pictures in it as JPEG
 */
GBytes *
gad_scan_pages_to_pdf (GPtrArray  *pages,
                       GError    **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (pages != NULL && pages->len > 0, NULL);
  surface = gad_pdf_surface_new (out, 1, 1);
  cr = cairo_create (surface);
  for (guint i = 0; i < pages->len; i++)
    {
      GadScanPage *page = g_ptr_array_index (pages, i);
      double scale = 72.0 / page->dpi;
      g_autoptr(GdkPixbuf) picture = gdk_pixbuf_new_from_bytes (page->rgb, GDK_COLORSPACE_RGB,
                                                                FALSE, 8, page->width,
                                                                page->height, page->width * 3);
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, page->width,
                                                           page->height);
      const guint8 *rgb = g_bytes_get_data (page->rgb, NULL);
      int stride = cairo_image_surface_get_stride (image);
      guint8 *data;
      gchar *jpeg = NULL;
      gsize jpeg_len = 0;

      cairo_surface_flush (image);
      data = cairo_image_surface_get_data (image);
      for (int y = 0; y < page->height; y++)
        for (int x = 0; x < page->width; x++)
          {
            const guint8 *s = rgb + ((gsize) y * page->width + x) * 3;

            ((guint32 *) (data + (gsize) y * stride))[x] = 0xff000000u | s[0] << 16 | s[1] << 8 | s[2];
          }
      cairo_surface_mark_dirty (image);
      /* The PDF keeps the page as JPEG, not as the pixels drawn. */
      if (gdk_pixbuf_save_to_buffer (picture, &jpeg, &jpeg_len, "jpeg", NULL,
                                     "quality", JPEG_QUALITY, NULL))
        cairo_surface_set_mime_data (image, CAIRO_MIME_TYPE_JPEG, (guint8 *) jpeg, jpeg_len,
                                     g_free, jpeg);
      cairo_pdf_surface_set_size (surface, page->width * scale, page->height * scale);
      cairo_save (cr);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_show_page (cr);
      cairo_surface_destroy (image);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The scanned pages could not be made into a PDF (%s)."),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
