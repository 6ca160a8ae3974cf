/* bench.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmarks (meson test --benchmark), each a median over repeated runs:
 * loading the bundled bank and a generated 10,000-question bank, a search
 * keystroke on 10,000 questions, importing the bank and switching to it in
 * the window. Start-up and memory are bench-startup.c's.
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

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *generated_path = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *bundled_path = NULL;
  g_autoptr(GFile) bundled = NULL;
  g_autoptr(GFile) generated_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IvcQuestionBank) bank = NULL;
  IvcWindow *window;
  double load_bundled, load_generated, keystroke;

  if (argc != 2)
    g_error ("usage: %s SOURCE-ROOT", argv[0]);

  bundled_path = g_build_filename (argv[1], "data", "questions.json", NULL);

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

  /* Issue 6: the same bank imported and switched to. */
  {
    g_autofree char *data_home = g_build_filename (tmpdir, "data", NULL);
    g_autofree char *banks_path = g_build_filename (data_home, "interview-companion", "banks", NULL);
    g_autoptr(GFile) banks = g_file_new_for_path (banks_path);
    g_autoptr(IvcBankLibrary) library = ivc_bank_library_new (banks, NULL);
    g_autoptr(IvcQuestionBank) imported = NULL;
    g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
    double import_ms, switch_ms;

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

    g_print ("\n  import %u-question bank (validate, copy): %6.1f ms\n", N_GENERATED, import_ms);
    g_print ("  switch to it in the window, to a frame:   %6.1f ms\n", switch_ms);
  }

  g_clear_object (&bank);
  bench_remove_tree (tmpdir);

  return 0;
}
