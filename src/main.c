/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program: sets up translations and runs IvcApplication.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ivc-application.h"

/* Where the translations are: installed, or, for the build of the program
 * that runs from the build folder (src/meson.build), in the build folder. */
#ifndef IVC_LOCALEDIR
#define IVC_LOCALEDIR LOCALEDIR
#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IvcApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, IVC_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ivc_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
