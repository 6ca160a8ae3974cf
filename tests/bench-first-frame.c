/* bench-first-frame.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The start-up benchmark's copy of the program: interview-companion as
 * main.c builds it, plus a hook that leaves as soon as the first frame that
 * shows a question bank is painted. The hook lives here so that the program
 * users run has no benchmark switch.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <unistd.h>

#include "bench-util.h"

#include "ivc-application.h"
#include "ivc-window.h"

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  bench_record_peak_memory ();
  _exit (0);
}

/* The frame painted after the window is given its bank shows its questions. */
static void
on_bank_changed_cb (IvcWindow  *window,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  if (ivc_window_get_bank (window) == NULL)
    return;

  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (window));
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    gpointer        user_data)
{
  if (IVC_IS_WINDOW (window))
    g_signal_connect (window, "notify::bank", G_CALLBACK (on_bank_changed_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IvcApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ivc_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
