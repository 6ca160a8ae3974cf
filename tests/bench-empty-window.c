/* bench-empty-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor for start-up: an empty AdwApplicationWindow, built in the same
 * tree with the same flags, that leaves as soon as its first frame is
 * painted.
 */

#include "config.h"

#include <adwaita.h>
#include <unistd.h>

#include "bench-util.h"

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  bench_record_peak_memory ();
  _exit (0);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new (APP_ID ".EmptyWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
