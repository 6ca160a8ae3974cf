/* bench-autosave.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The autosave's cost to the main thread (meson test --benchmark): a
 * candidate with 500 notes of 500 characters, one note changed, saved.
 * What is measured is the main thread's own processor time from the start
 * of the save to its end (preparing the batch, and taking in the result),
 * not the worker's: that is what could delay a frame. Median of repeated
 * runs; the last line is the target's.
 */

#include "config.h"

#include <time.h>

#include <glib/gstdio.h>

#include "ivc-candidate-store.h"

#include "bench-util.h"

#define N_NOTES    500
#define NOTE_CHARS 500
#define N_RUNS     31
#define GOAL_MS    1.0

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  ivc_candidate_store_save_finish (IVC_CANDIDATE_STORE (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("ivc-bench-autosave-XXXXXX", &error);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) note = g_string_new (NULL);
  IvcCandidate *candidate;
  double ms;

  g_assert_no_error (error);
  folder = g_file_new_for_path (tmpdir);
  store = ivc_candidate_store_new (folder, "i-0123456789abcdef0123456789abcdef", "Bench");
  ivc_candidate_store_load (store, NULL, NULL, &error);
  g_assert_no_error (error);

  candidate = ivc_candidate_store_create (store, "Ada Lovelace", "Engineer", "2026-12-01", "generated");
  /* Words, lines, quotes and letters beyond ASCII, as notes have. */
  while (g_utf8_strlen (note->str, -1) < NOTE_CHARS)
    g_string_append (note, "Explained the “outbox” pattern; naïve retry at first.\n");
  g_string_truncate (note, g_utf8_offset_to_pointer (note->str, NOTE_CHARS) - note->str);
  for (guint i = 0; i < N_NOTES; i++)
    {
      g_autofree char *id = g_strdup_printf ("question-%u", i);
      IvcEvaluation *evaluation = ivc_candidate_ensure_evaluation (candidate, id);

      ivc_evaluation_set_notes (evaluation, note->str);
      ivc_evaluation_set_score (evaluation, 1 + i % 4);
    }

  for (guint run = 0; run < N_RUNS + 1; run++)
    {
      g_autofree char *changed = g_strdup_printf ("%s %u", note->str, run);
      gboolean done = FALSE;
      double start;

      ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (candidate, "question-7"), changed);

      start = thread_cpu_ms ();
      ivc_candidate_store_save_async (store, NULL, on_saved_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      ms = thread_cpu_ms () - start;

      /* The first save creates the folders: not counted. */
      if (run > 0)
        g_array_append_val (samples, ms);
    }

  ms = median (samples);
  g_print ("  autosave, %u notes of %u characters, main thread: %6.3f ms\n",
           N_NOTES, NOTE_CHARS, ms);
  bench_print_target ("autosave-main-thread", ms, "ms", GOAL_MS, ms <= GOAL_MS);

  g_clear_object (&store);
  bench_remove_tree (tmpdir);

  return 0;
}
