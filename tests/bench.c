/* bench.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmarks (meson test --benchmark), each a median over repeated runs:
 * loading the bundled bank and a generated 10,000-question bank, a search
 * keystroke on 10,000 questions, and the time from process start to the
 * first frame of the window beside an empty AdwApplicationWindow.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "ivc-bank-library.h"

#include "bench-util.h"
#include "ivc-question-bank.h"
#include "ivc-window.h"


static double
time_load (GFile *file,
           guint  runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IvcQuestionBank) bank = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      bank = ivc_question_bank_new_from_file (file, NULL, NULL, &error);
      g_assert_no_error (error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }

  return median (samples);
}

/* Typing a word letter by letter and deleting it again, as a person does. */
static double
time_search_keystrokes (IvcWindow *window,
                        guint      rounds)
{
  static const char *typed[] = { "c", "ci", "cir", "circ", "circu", "circui", "circuit",
                                 "circui", "circu", "circ", "cir", "ci", "c", "" };
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < rounds; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
        {
          gint64 start = g_get_monotonic_time ();
          double ms;

          ivc_window_set_search_text (window, typed[i]);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (samples, ms);

          while (g_main_context_pending (NULL))
            g_main_context_iteration (NULL, FALSE);
        }
    }

  return median (samples);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Switching banks in the window: from the switcher's action to the first
 * frame that shows the new bank, read in a worker thread. */
static double
time_switch (IvcWindow  *window,
             const char *bank_id,
             const char *back_id,
             guint       runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-bank", "s", bank_id);
      while (g_strcmp0 (ivc_question_bank_get_id (ivc_window_get_bank (window)), bank_id) != 0)
        g_main_context_iteration (NULL, TRUE);
      painted = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (window));
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-bank", "s", back_id);
      while (g_strcmp0 (ivc_question_bank_get_id (ivc_window_get_bank (window)), back_id) != 0)
        g_main_context_iteration (NULL, TRUE);
    }

  g_signal_handler_disconnect (clock, handler);
  return median (samples);
}

/* From exec to the first painted frame, as a separate process each time. */
static double
time_first_frame_env (const char * const *argv,
                      const char * const *extra_env,
                      guint               runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) envp = g_get_environ ();

  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i += 2)
    envp = g_environ_setenv (envp, extra_env[i], extra_env[i + 1], TRUE);

  for (guint i = 0; i < runs + 1; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      int status;
      double ms;

      if (!g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                         NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("%s: %s", argv[0], error->message);

      ms = (g_get_monotonic_time () - start) / 1000.0;
      /* The first run warms the disk cache and is not counted. */
      if (i > 0)
        g_array_append_val (samples, ms);
    }

  return median (samples);
}

static double
time_first_frame (const char * const *argv,
                  guint               runs)
{
  return time_first_frame_env (argv, NULL, runs);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *generated_path = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *bundled_path = NULL;
  g_autofree char *app_path = NULL;
  g_autofree char *floor_path = NULL;
  g_autoptr(GFile) bundled = NULL;
  g_autoptr(GFile) generated_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IvcQuestionBank) bank = NULL;
  IvcWindow *window;
  double load_bundled, load_generated, keystroke;
  double floor_ms, app_ms, app_generated_ms;
  guint runs = 15;

  if (argc != 4)
    g_error ("usage: %s SOURCE-ROOT BENCH-FIRST-FRAME EMPTY-WINDOW", argv[0]);

  bundled_path = g_build_filename (argv[1], "data", "questions.json", NULL);
  app_path = g_canonicalize_filename (argv[2], NULL);
  floor_path = g_canonicalize_filename (argv[3], NULL);

  tmpdir = g_dir_make_tmp ("ivc-bench-XXXXXX", &error);
  g_assert_no_error (error);
  generated_path = g_build_filename (tmpdir, "generated.json", NULL);
  generated = generate_bank ();
  g_file_set_contents (generated_path, generated, -1, &error);
  g_assert_no_error (error);

  bundled = g_file_new_for_path (bundled_path);
  generated_file = g_file_new_for_path (generated_path);

  g_print ("Interview Companion benchmarks (median of repeated runs)\n\n");

  load_bundled = time_load (bundled, 51);
  g_print ("  load bundled bank (24 questions):        %8.2f ms\n", load_bundled);
  load_generated = time_load (generated_file, 11);
  g_print ("  load generated bank (%u questions, %.1f MB): %6.2f ms\n",
           N_GENERATED, strlen (generated) / 1e6, load_generated);

  if (!gtk_init_check ())
    g_error ("The benchmarks need a display; build-aux/dev.sh benchmark provides one");
  adw_init ();

  bank = ivc_question_bank_new_from_file (generated_file, NULL, NULL, &error);
  g_assert_no_error (error);
  window = g_object_new (IVC_TYPE_WINDOW, NULL);
  ivc_window_set_bank (window, bank);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  keystroke = time_search_keystrokes (window, 10);
  g_print ("  search keystroke, %u questions:        %8.3f ms   (target ≤ 4 ms)\n",
           N_GENERATED, keystroke);
  gtk_window_destroy (GTK_WINDOW (window));

  floor_ms = time_first_frame ((const char *[]) { floor_path, NULL }, runs);
  app_ms = time_first_frame ((const char *[]) { app_path, NULL }, runs);
  app_generated_ms = time_first_frame ((const char *[]) { app_path, generated_path, NULL }, runs);

  g_print ("\n  first frame, empty AdwApplicationWindow: %8.1f ms   (floor, 1.00×)\n", floor_ms);
  g_print ("  first frame, bundled bank:               %8.1f ms   %.2f× (target ≤ 1.15×)\n",
           app_ms, app_ms / floor_ms);
  g_print ("  first frame, %u-question bank:        %8.1f ms   %.2f× (target ≤ 1.30×)\n",
           N_GENERATED, app_generated_ms, app_generated_ms / floor_ms);

  /* Issue 6: the same bank imported, switched to, and reopened at start. */
  {
    g_autofree char *data_home = g_build_filename (tmpdir, "data", NULL);
    g_autofree char *config_home = g_build_filename (tmpdir, "config", NULL);
    g_autofree char *keyfile_dir = g_build_filename (config_home, "glib-2.0", "settings", NULL);
    g_autofree char *keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
    g_autofree char *banks_path = g_build_filename (data_home, "interview-companion", "banks", NULL);
    g_autofree char *imported_path = g_build_filename (banks_path, "generated.json", NULL);
    g_autoptr(GFile) banks = g_file_new_for_path (banks_path);
    g_autoptr(IvcBankLibrary) library = ivc_bank_library_new (banks, NULL);
    g_autoptr(IvcQuestionBank) imported = NULL;
    g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
    double import_ms, switch_ms, reopen_ms;

    for (guint i = 0; i < 5; i++)
      {
        gint64 start = g_get_monotonic_time ();
        double ms;

        g_clear_object (&imported);
        imported = ivc_bank_library_import (library, generated_file, NULL, NULL, NULL, NULL, &error);
        g_assert_no_error (error);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (samples, ms);
      }
    import_ms = median (samples);

    window = g_object_new (IVC_TYPE_WINDOW, NULL);
    ivc_window_set_bank_library (window, library);
    ivc_window_load_bundled_bank (window);
    gtk_window_present (GTK_WINDOW (window));
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
    switch_ms = time_switch (window, "generated", "microservices", 7);
    gtk_window_destroy (GTK_WINDOW (window));

    g_mkdir_with_parents (keyfile_dir, 0700);
    g_file_set_contents (keyfile, "[io/github/interviewcompanion/InterviewCompanion]\nlast-bank='generated'\n",
                         -1, &error);
    g_assert_no_error (error);
    reopen_ms = time_first_frame_env ((const char *[]) { app_path, NULL },
                                      (const char *[]) { "GSETTINGS_BACKEND", "keyfile",
                                                         "XDG_CONFIG_HOME", config_home,
                                                         "XDG_DATA_HOME", data_home, NULL },
                                      runs);

    g_print ("\n  import %u-question bank (validate, copy): %6.1f ms\n", N_GENERATED, import_ms);
    g_print ("  switch to it in the window, to a frame:   %6.1f ms\n", switch_ms);
    g_print ("  first frame, reopening it at start:      %6.1f ms   %.2f× (target ≤ 1.30×)\n",
             reopen_ms, reopen_ms / floor_ms);

    g_unlink (keyfile);
    g_unlink (imported_path);
    g_rmdir (banks_path);
    for (const char *const *dir = (const char *[]) { "data/interview-companion", "data",
                                                     "config/glib-2.0/settings", "config/glib-2.0",
                                                     "config", NULL };
         *dir != NULL; dir++)
      {
        g_autofree char *path = g_build_filename (tmpdir, *dir, NULL);
        g_rmdir (path);
      }
  }

  g_unlink (generated_path);
  g_rmdir (tmpdir);

  return 0;
}
