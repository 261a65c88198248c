/* main.c — start Gādība
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sys/stat.h>

#include "gad-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GadApplication) app = NULL;

  /* Letters, exports and printed rounds hold client data: the owner's alone. */
  umask (077);
  setlocale (LC_ALL, "");
  /* GADIBA_LOCALEDIR: the translations of a build not installed yet (tests). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GADIBA_LOCALEDIR") ? g_getenv ("GADIBA_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = gad_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
