/* ivc-interview-timer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcInterviewTimer: the silent interview timer, counting the interview
 * and each question on the monotonic clock and committing whole seconds to
 * the candidate.
 */

#pragma once

#include "ivc-candidate.h"

G_BEGIN_DECLS

#define IVC_TYPE_INTERVIEW_TIMER (ivc_interview_timer_get_type ())

G_DECLARE_FINAL_TYPE (IvcInterviewTimer, ivc_interview_timer, IVC, INTERVIEW_TIMER, GObject)

/* Microseconds on a clock that only goes forward, like g_get_monotonic_time(). */
typedef gint64 (*IvcClockFunc) (void);

IvcInterviewTimer *ivc_interview_timer_new              (void);
IvcCandidate      *ivc_interview_timer_get_candidate    (IvcInterviewTimer *self);
void               ivc_interview_timer_set_candidate    (IvcInterviewTimer *self,
                                                         IvcCandidate      *candidate);
const char        *ivc_interview_timer_get_question_id  (IvcInterviewTimer *self);
void               ivc_interview_timer_set_question_id  (IvcInterviewTimer *self,
                                                         const char        *question_id);
gboolean           ivc_interview_timer_get_running      (IvcInterviewTimer *self);
void               ivc_interview_timer_set_running      (IvcInterviewTimer *self,
                                                         gboolean           running);
guint64            ivc_interview_timer_get_elapsed      (IvcInterviewTimer *self);
guint64            ivc_interview_timer_get_question_elapsed (IvcInterviewTimer *self,
                                                         const char        *question_id);
void               ivc_interview_timer_commit           (IvcInterviewTimer *self);
char              *ivc_format_duration                  (guint64            seconds);
void               _ivc_interview_timer_set_clock       (IvcInterviewTimer *self,
                                                         IvcClockFunc       clock);

G_END_DECLS
