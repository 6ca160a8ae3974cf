/* test-interview-timer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ivc-interview-timer.h"

static gint64 fake_now;

static gint64
fake_clock (void)
{
  return fake_now;
}

static void
advance (double seconds)
{
  fake_now += (gint64)(seconds * G_USEC_PER_SEC);
}

static guint64
question_seconds (IvcCandidate *candidate,
                  const char   *question_id)
{
  IvcEvaluation *evaluation = ivc_candidate_get_evaluation (candidate, question_id);

  return evaluation != NULL ? ivc_evaluation_get_seconds (evaluation) : 0;
}

static IvcInterviewTimer *
make_timer (void)
{
  IvcInterviewTimer *timer = ivc_interview_timer_new ();

  fake_now = 1000 * G_USEC_PER_SEC;
  _ivc_interview_timer_set_clock (timer, fake_clock);

  return timer;
}

static void
test_per_question (void)
{
  g_autoptr(IvcInterviewTimer) timer = make_timer ();
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("bo", "Bo");

  /* Without a candidate it does not start. */
  ivc_interview_timer_set_running (timer, TRUE);
  g_assert_false (ivc_interview_timer_get_running (timer));

  ivc_interview_timer_set_candidate (timer, candidate);
  ivc_interview_timer_set_question_id (timer, "saga");

  /* Time before the start does not count. */
  advance (30);
  ivc_interview_timer_set_running (timer, TRUE);
  g_assert_true (ivc_interview_timer_get_running (timer));
  advance (12.4);
  g_assert_cmpuint (ivc_interview_timer_get_elapsed (timer), ==, 12);
  g_assert_cmpuint (ivc_interview_timer_get_question_elapsed (timer, "saga"), ==, 12);

  /* Changing the question gives the time so far to the previous one. */
  ivc_interview_timer_set_question_id (timer, "cqrs");
  g_assert_cmpuint (question_seconds (candidate, "saga"), ==, 12);
  advance (5.8);
  ivc_interview_timer_set_question_id (timer, "saga");
  g_assert_cmpuint (question_seconds (candidate, "cqrs"), ==, 5);
  advance (3);

  /* Paused, nothing counts. */
  ivc_interview_timer_set_running (timer, FALSE);
  g_assert_cmpuint (question_seconds (candidate, "saga"), ==, 15);
  advance (100);
  g_assert_cmpuint (ivc_interview_timer_get_elapsed (timer), ==, 21);
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (candidate), ==, 21);

  /* Running again accumulates on top. */
  ivc_interview_timer_set_running (timer, TRUE);
  advance (4);
  ivc_interview_timer_commit (timer);
  g_assert_cmpuint (question_seconds (candidate, "saga"), ==, 19);
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (candidate), ==, 25);

  /* No question: only the interview counts. */
  ivc_interview_timer_set_question_id (timer, NULL);
  advance (2);
  ivc_interview_timer_commit (timer);
  g_assert_cmpuint (question_seconds (candidate, "saga"), ==, 19);
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (candidate), ==, 27);
}

static void
test_switch_candidate (void)
{
  g_autoptr(IvcInterviewTimer) timer = make_timer ();
  g_autoptr(IvcCandidate) ann = ivc_candidate_new ("ann", "Ann");
  g_autoptr(IvcCandidate) bo = ivc_candidate_new ("bo", "Bo");

  ivc_interview_timer_set_candidate (timer, ann);
  ivc_interview_timer_set_question_id (timer, "saga");
  ivc_interview_timer_set_running (timer, TRUE);
  advance (7);

  /* Another candidate is another interview: Ann keeps her time and the
   * timer pauses. */
  ivc_interview_timer_set_candidate (timer, bo);
  g_assert_false (ivc_interview_timer_get_running (timer));
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (ann), ==, 7);
  g_assert_cmpuint (question_seconds (ann, "saga"), ==, 7);
  advance (3);
  g_assert_cmpuint (ivc_interview_timer_get_elapsed (timer), ==, 0);

  ivc_interview_timer_set_running (timer, TRUE);
  advance (2);
  g_clear_object (&timer);

  /* Disposing the timer keeps what it counted. */
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (bo), ==, 2);
  g_assert_cmpuint (question_seconds (bo, "saga"), ==, 2);
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (ann), ==, 7);
}

static void
test_survives_save (void)
{
  g_autoptr(IvcInterviewTimer) timer = make_timer ();
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("bo", "Bo");
  g_autoptr(IvcCandidate) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect_swapped (candidate, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  ivc_interview_timer_set_candidate (timer, candidate);
  ivc_interview_timer_set_question_id (timer, "saga");
  ivc_interview_timer_set_running (timer, TRUE);
  advance (0.6);
  ivc_interview_timer_commit (timer);

  /* Less than a second is not a change worth saving. */
  g_assert_cmpuint (changed, ==, 0);
  advance (0.6);
  ivc_interview_timer_commit (timer);
  g_assert_cmpuint (changed, ==, 2);

  bytes = ivc_candidate_to_bytes (candidate);
  again = ivc_candidate_new_from_bytes (bytes, "bo.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (again), ==, 1);
  g_assert_cmpuint (question_seconds (again, "saga"), ==, 1);
}

static void
test_ticks (void)
{
  g_autoptr(IvcInterviewTimer) timer = ivc_interview_timer_new ();
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("bo", "Bo");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gulong handler;

  /* The real clock: "elapsed" is notified every second while running. */
  ivc_interview_timer_set_candidate (timer, candidate);
  ivc_interview_timer_set_running (timer, TRUE);
  handler = g_signal_connect_swapped (timer, "notify::elapsed", G_CALLBACK (g_main_loop_quit), loop);
  g_main_loop_run (loop);
  g_signal_handler_disconnect (timer, handler);
  g_assert_cmpuint (ivc_interview_timer_get_elapsed (timer), >=, 1);
}

static void
test_format_duration (void)
{
  struct { guint64 seconds; const char *text; } cases[] = {
    { 0, "0:00" }, { 59, "0:59" }, { 61, "1:01" }, { 3599, "59:59" },
    { 3600, "1:00:00" }, { 36061, "10:01:01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ivc_format_duration (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ivc/interview-timer/per-question", test_per_question);
  g_test_add_func ("/ivc/interview-timer/switch-candidate", test_switch_candidate);
  g_test_add_func ("/ivc/interview-timer/survives-save", test_survives_save);
  g_test_add_func ("/ivc/interview-timer/ticks", test_ticks);
  g_test_add_func ("/ivc/interview-timer/format-duration", test_format_duration);

  return g_test_run ();
}
