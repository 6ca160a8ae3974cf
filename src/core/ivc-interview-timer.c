/* ivc-interview-timer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcInterviewTimer: the silent interview timer, counting the interview
 * and each question on the monotonic clock and committing whole seconds to
 * the candidate.
 */

#define G_LOG_DOMAIN "ivc-interview-timer"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-interview-timer.h"

/* How often the running time is written into the candidate, so that a crash
 * loses at most this much; the store saves it a second later. */
#define COMMIT_INTERVAL_SECONDS 15

/*
 * The interview timer: while it runs, time accumulates for the candidate's
 * interview and for the question on screen. Time is counted in microseconds
 * on the monotonic clock and moved into the candidate in whole seconds: when
 * the timer pauses, the question or candidate changes, and every
 * COMMIT_INTERVAL_SECONDS while it runs. It makes no sound and shows nothing
 * by itself.
 */
struct _IvcInterviewTimer
{
  GObject       parent_instance;

  IvcCandidate *candidate;
  char         *question_id;
  IvcClockFunc  clock;

  /* When the time until now was last counted. */
  gint64        counted_until;
  /* Counted but not yet in the candidate. */
  gint64        pending_interview;
  gint64        pending_question;

  guint         tick_source;
  guint         ticks;
  guint         running : 1;
};

G_DEFINE_FINAL_TYPE (IvcInterviewTimer, ivc_interview_timer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CANDIDATE,
  PROP_QUESTION_ID,
  PROP_RUNNING,
  PROP_ELAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ivc_format_duration:
 *
 * Returns: (transfer full): @seconds as “m:ss”, or “h:mm:ss” from an hour
 */
char *
ivc_format_duration (guint64 seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%" G_GUINT64_FORMAT ":%02u:%02u",
                            seconds / 3600, (guint)(seconds / 60 % 60), (guint)(seconds % 60));

  return g_strdup_printf ("%u:%02u", (guint)(seconds / 60), (guint)(seconds % 60));
}

static void
count_time (IvcInterviewTimer *self)
{
  gint64 now = self->clock ();

  if (self->running && now > self->counted_until)
    {
      self->pending_interview += now - self->counted_until;
      if (self->question_id != NULL)
        self->pending_question += now - self->counted_until;
    }

  self->counted_until = now;
}

/**
 * ivc_interview_timer_commit:
 *
 * Moves the whole seconds counted so far into the candidate and its
 * evaluation of the current question; the fractions stay for later.
 */
void
ivc_interview_timer_commit (IvcInterviewTimer *self)
{
  gint64 seconds;

  g_return_if_fail (IVC_IS_INTERVIEW_TIMER (self));

  count_time (self);

  if (self->candidate == NULL)
    {
      self->pending_interview = self->pending_question = 0;
      return;
    }

  seconds = self->pending_interview / G_USEC_PER_SEC;
  if (seconds > 0)
    {
      self->pending_interview -= seconds * G_USEC_PER_SEC;
      ivc_candidate_set_interview_seconds (self->candidate,
                                           ivc_candidate_get_interview_seconds (self->candidate) + seconds);
    }

  seconds = self->pending_question / G_USEC_PER_SEC;
  if (seconds > 0 && self->question_id != NULL)
    {
      IvcEvaluation *evaluation = ivc_candidate_ensure_evaluation (self->candidate, self->question_id);

      self->pending_question -= seconds * G_USEC_PER_SEC;
      ivc_evaluation_set_seconds (evaluation, ivc_evaluation_get_seconds (evaluation) + seconds);
    }
}

static gint64 pending_with_now (IvcInterviewTimer *self,
                                gint64             pending);
static gboolean tick_cb (gpointer data);

/* The next tick comes when the shown time changes to the next second. */
static void
schedule_tick (IvcInterviewTimer *self)
{
  gint64 into_second = pending_with_now (self, self->pending_interview) % G_USEC_PER_SEC;
  guint ms = (G_USEC_PER_SEC - into_second) / 1000 + 1;

  self->tick_source = g_timeout_add_full (G_PRIORITY_DEFAULT, ms, tick_cb, self, NULL);
  g_source_set_name_by_id (self->tick_source, "[ivc] interview timer");
}

static gboolean
tick_cb (gpointer data)
{
  IvcInterviewTimer *self = data;

  if (++self->ticks % COMMIT_INTERVAL_SECONDS == 0)
    ivc_interview_timer_commit (self);

  schedule_tick (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELAPSED]);

  return G_SOURCE_REMOVE;
}

static void
ivc_interview_timer_dispose (GObject *object)
{
  IvcInterviewTimer *self = (IvcInterviewTimer *)object;

  if (self->candidate != NULL)
    ivc_interview_timer_commit (self);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_clear_object (&self->candidate);

  G_OBJECT_CLASS (ivc_interview_timer_parent_class)->dispose (object);
}

static void
ivc_interview_timer_finalize (GObject *object)
{
  IvcInterviewTimer *self = (IvcInterviewTimer *)object;

  g_clear_pointer (&self->question_id, g_free);

  G_OBJECT_CLASS (ivc_interview_timer_parent_class)->finalize (object);
}

static void
ivc_interview_timer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IvcInterviewTimer *self = IVC_INTERVIEW_TIMER (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE:
      g_value_set_object (value, self->candidate);
      break;

    case PROP_QUESTION_ID:
      g_value_set_string (value, self->question_id);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_ELAPSED:
      g_value_set_uint64 (value, ivc_interview_timer_get_elapsed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_interview_timer_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IvcInterviewTimer *self = IVC_INTERVIEW_TIMER (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE:
      ivc_interview_timer_set_candidate (self, g_value_get_object (value));
      break;

    case PROP_QUESTION_ID:
      ivc_interview_timer_set_question_id (self, g_value_get_string (value));
      break;

    case PROP_RUNNING:
      ivc_interview_timer_set_running (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_interview_timer_class_init (IvcInterviewTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ivc_interview_timer_dispose;
  object_class->finalize = ivc_interview_timer_finalize;
  object_class->get_property = ivc_interview_timer_get_property;
  object_class->set_property = ivc_interview_timer_set_property;

  properties[PROP_CANDIDATE] =
    g_param_spec_object ("candidate", NULL, NULL, IVC_TYPE_CANDIDATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION_ID] =
    g_param_spec_string ("question-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcInterviewTimer:running:
   *
   * Whether time is counted. It can only run for a candidate, and it
   * pauses when the candidate changes.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcInterviewTimer:elapsed:
   *
   * The candidate's interview time in whole seconds, notified every second
   * while the timer runs.
   */
  properties[PROP_ELAPSED] =
    g_param_spec_uint64 ("elapsed", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ivc_interview_timer_init (IvcInterviewTimer *self)
{
  self->clock = g_get_monotonic_time;
  self->counted_until = self->clock ();
}

IvcInterviewTimer *
ivc_interview_timer_new (void)
{
  return g_object_new (IVC_TYPE_INTERVIEW_TIMER, NULL);
}

IvcCandidate *
ivc_interview_timer_get_candidate (IvcInterviewTimer *self)
{
  g_return_val_if_fail (IVC_IS_INTERVIEW_TIMER (self), NULL);

  return self->candidate;
}

/**
 * ivc_interview_timer_set_candidate:
 *
 * Saves the time counted for the previous candidate and pauses: another
 * candidate is another interview.
 */
void
ivc_interview_timer_set_candidate (IvcInterviewTimer *self,
                                   IvcCandidate      *candidate)
{
  g_return_if_fail (IVC_IS_INTERVIEW_TIMER (self));
  g_return_if_fail (candidate == NULL || IVC_IS_CANDIDATE (candidate));

  if (self->candidate == candidate)
    return;

  ivc_interview_timer_set_running (self, FALSE);
  ivc_interview_timer_commit (self);
  self->pending_interview = self->pending_question = 0;

  g_set_object (&self->candidate, candidate);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANDIDATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELAPSED]);
}

const char *
ivc_interview_timer_get_question_id (IvcInterviewTimer *self)
{
  g_return_val_if_fail (IVC_IS_INTERVIEW_TIMER (self), NULL);

  return self->question_id;
}

/**
 * ivc_interview_timer_set_question_id:
 * @question_id: (nullable): the question now on screen
 *
 * The time until now goes to the previous question; less than a second
 * left over from it is dropped.
 */
void
ivc_interview_timer_set_question_id (IvcInterviewTimer *self,
                                     const char        *question_id)
{
  g_return_if_fail (IVC_IS_INTERVIEW_TIMER (self));

  if (g_strcmp0 (self->question_id, question_id) == 0)
    return;

  ivc_interview_timer_commit (self);
  self->pending_question = 0;

  g_free (self->question_id);
  self->question_id = g_strdup (question_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION_ID]);
}

gboolean
ivc_interview_timer_get_running (IvcInterviewTimer *self)
{
  g_return_val_if_fail (IVC_IS_INTERVIEW_TIMER (self), FALSE);

  return self->running;
}

/**
 * ivc_interview_timer_set_running:
 *
 * Starts or pauses the timer. Without a candidate it does not start.
 */
void
ivc_interview_timer_set_running (IvcInterviewTimer *self,
                                 gboolean           running)
{
  g_return_if_fail (IVC_IS_INTERVIEW_TIMER (self));

  running = !!running && self->candidate != NULL;
  if (self->running == running)
    return;

  count_time (self);
  self->running = running;

  if (running)
    {
      self->ticks = 0;
      schedule_tick (self);
    }
  else
    {
      g_clear_handle_id (&self->tick_source, g_source_remove);
      ivc_interview_timer_commit (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELAPSED]);
}

static gint64
pending_with_now (IvcInterviewTimer *self,
                  gint64             pending)
{
  gint64 now = self->clock ();

  if (self->running && now > self->counted_until)
    pending += now - self->counted_until;

  return pending;
}

/**
 * ivc_interview_timer_get_elapsed:
 *
 * Returns: the candidate's interview time in whole seconds, including what
 *   is not committed yet; 0 without a candidate
 */
guint64
ivc_interview_timer_get_elapsed (IvcInterviewTimer *self)
{
  g_return_val_if_fail (IVC_IS_INTERVIEW_TIMER (self), 0);

  if (self->candidate == NULL)
    return 0;

  return ivc_candidate_get_interview_seconds (self->candidate) +
         pending_with_now (self, self->pending_interview) / G_USEC_PER_SEC;
}

/**
 * ivc_interview_timer_get_question_elapsed:
 *
 * Returns: the time spent on @question_id in whole seconds, including what
 *   is not committed yet
 */
guint64
ivc_interview_timer_get_question_elapsed (IvcInterviewTimer *self,
                                          const char        *question_id)
{
  IvcEvaluation *evaluation;
  guint64 seconds = 0;

  g_return_val_if_fail (IVC_IS_INTERVIEW_TIMER (self), 0);
  g_return_val_if_fail (question_id != NULL, 0);

  if (self->candidate == NULL)
    return 0;

  evaluation = ivc_candidate_get_evaluation (self->candidate, question_id);
  if (evaluation != NULL)
    seconds = ivc_evaluation_get_seconds (evaluation);

  if (g_strcmp0 (question_id, self->question_id) == 0)
    seconds += pending_with_now (self, self->pending_question) / G_USEC_PER_SEC;

  return seconds;
}

/* For tests: a clock they move by hand. */
void
_ivc_interview_timer_set_clock (IvcInterviewTimer *self,
                                IvcClockFunc       clock)
{
  g_return_if_fail (IVC_IS_INTERVIEW_TIMER (self));
  g_return_if_fail (clock != NULL);

  count_time (self);
  self->clock = clock;
  self->counted_until = clock ();
}
