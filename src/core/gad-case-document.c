/* gad-case-document.c — a document in a client's case: kinds, checks, viewing
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a file is comes from its first bytes (PDF, PNG, JPEG) and otherwise
 * from its name; a PDF or a picture is opened once before it is kept, so a
 * damaged one is refused when it comes, not found out when it is needed.
 * A picture is viewed as a one-page PDF, so the same viewer pages, zooms
 * and prints every document.
 */
#define G_LOG_DOMAIN "gad-case-document"

#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

#include "gad-case-document.h"
#include "gad-pdf.h"
#include "gad-store.h"

#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.890
#define MARGIN 28.35

void
gad_case_document_free (GadCaseDocument *d)
{
  if (d == NULL)
    return;
  g_free (d->name);
  g_free (d->media_type);
  g_free (d->sha256);
  g_free (d->added_by);
  g_free (d->added_at);
  g_free (d);
}

static gboolean
starts_with (GBytes     *bytes,
             const char *magic,
             gsize       length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return size >= length && memcmp (data, magic, length) == 0;
}

/**
 * gad_case_document_sniff:
 *
 * Returns: the media type of @bytes: by its first bytes for what the
 *   viewer shows, else by @name ("application/octet-stream" when unknown)
 */
char *
gad_case_document_sniff (GBytes     *bytes,
                         const char *name)
{
  g_autofree char *type = NULL;

  if (starts_with (bytes, "%PDF-", 5))
    return g_strdup ("application/pdf");
  if (starts_with (bytes, "\x89PNG\r\n\x1a\n", 8))
    return g_strdup ("image/png");
  if (starts_with (bytes, "\xff\xd8\xff", 3))
    return g_strdup ("image/jpeg");
  type = g_content_type_guess (name, NULL, 0, NULL);
  return g_content_type_get_mime_type (type);
}

gboolean
gad_case_document_viewable (const char *media_type)
{
  return g_strcmp0 (media_type, "application/pdf") == 0
         || g_strcmp0 (media_type, "image/png") == 0 || g_strcmp0 (media_type, "image/jpeg") == 0;
}

static GdkPixbuf *
load_picture (GBytes  *bytes,
              GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  GdkPixbuf *picture;

  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, error) || !gdk_pixbuf_loader_close (loader, error))
    return NULL;
  picture = gdk_pixbuf_loader_get_pixbuf (loader);
  return picture ? g_object_ref (picture) : NULL;
}

/**
 * gad_case_document_check:
 *
 * Whether @bytes may be kept: not empty, at most 25 MB, and a PDF or a
 * picture that opens. Office files and others are kept as they are.
 */
gboolean
gad_case_document_check (GBytes      *bytes,
                         const char  *media_type,
                         GError     **error)
{
  gsize size = g_bytes_get_size (bytes);
  g_autoptr(GError) problem = NULL;

  if (size == 0)
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                           _("The file is empty."));
      return FALSE;
    }
  if (size > GAD_DOCUMENT_MAX_BYTES)
    {
      g_autofree char *shown = g_format_size (size);

      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   _("The file is %s; a document may be at most 25 MB. Scan it at a lower "
                     "resolution or in parts."), shown);
      return FALSE;
    }
  if (g_strcmp0 (media_type, "application/pdf") == 0)
    {
      PopplerDocument *pdf = poppler_document_new_from_bytes (bytes, NULL, &problem);
      int pages = pdf ? poppler_document_get_n_pages (pdf) : 0;

      g_clear_object (&pdf);
      if (pages == 0)
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                       _("The PDF is damaged or cannot be read (%s). Nothing was added."),
                       problem ? problem->message : _("no pages"));
          return FALSE;
        }
    }
  else if (g_str_has_prefix (media_type, "image/"))
    {
      g_autoptr(GdkPixbuf) picture = load_picture (bytes, &problem);

      if (picture == NULL)
        {
          g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                       _("The picture is damaged or cannot be read (%s). Nothing was added."),
                       problem ? problem->message : "—");
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * gad_case_document_to_pdf:
 *
 * Returns: @bytes for a PDF; a picture on an A4 page, fitted within its
 *   margins; %NULL with @error for what the viewer does not show
 */
GBytes *
gad_case_document_to_pdf (GBytes      *bytes,
                          const char  *media_type,
                          GError     **error)
{
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(GdkPixbuf) picture = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale, width, height;
  cairo_status_t status;

  if (g_strcmp0 (media_type, "application/pdf") == 0)
    return g_bytes_ref (bytes);
  if (!gad_case_document_viewable (media_type))
    {
      g_set_error_literal (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                           _("Gādība does not show this kind of file; open it with another "
                             "application."));
      return NULL;
    }
  if ((picture = load_picture (bytes, error)) == NULL)
    return NULL;
  width = gdk_pixbuf_get_width (picture);
  height = gdk_pixbuf_get_height (picture);
  scale = MIN ((PAGE_WIDTH - 2 * MARGIN) / width, (PAGE_HEIGHT - 2 * MARGIN) / height);
  out = g_byte_array_new ();
  surface = gad_pdf_surface_new (out, PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (surface);
  cairo_translate (cr, (PAGE_WIDTH - width * scale) / 2, MARGIN);
  cairo_scale (cr, scale, scale);
  {
    cairo_format_t format = gdk_pixbuf_get_has_alpha (picture) ? CAIRO_FORMAT_ARGB32
                                                               : CAIRO_FORMAT_RGB24;
    cairo_surface_t *image = cairo_image_surface_create (format, width, height);
    int stride = cairo_image_surface_get_stride (image);
    int channels = gdk_pixbuf_get_n_channels (picture);
    int row = gdk_pixbuf_get_rowstride (picture);
    const guint8 *pixels = gdk_pixbuf_read_pixels (picture);
    guint8 *data;

    cairo_surface_flush (image);
    data = cairo_image_surface_get_data (image);
    for (int y = 0; y < height; y++)
      for (int x = 0; x < width; x++)
        {
          const guint8 *p = pixels + y * row + x * channels;
          guint32 a = channels == 4 ? p[3] : 255;
          guint32 *q = (guint32 *) (data + y * stride) + x;

          *q = a << 24 | (p[0] * a / 255) << 16 | (p[1] * a / 255) << 8 | (p[2] * a / 255);
        }
    cairo_surface_mark_dirty (image);
    cairo_set_source_surface (cr, image, 0, 0);
    cairo_paint (cr);
    cairo_surface_destroy (image);
  }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("The document could not be made: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
