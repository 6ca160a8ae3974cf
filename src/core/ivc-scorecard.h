/* ivc-scorecard.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcScorecard: a candidate's results against a bank: totals, coverage,
 * averages, red flags, score distribution and time per level, and the
 * notes on questions the bank no longer has.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-candidate.h"
#include "ivc-question-bank.h"

G_BEGIN_DECLS

/* What an average is when nothing was scored: any negative value means
 * "no average", so that a table can sort on it directly. */
#define IVC_SCORECARD_NO_AVERAGE (-1.0)

#define IVC_TYPE_SCORECARD (ivc_scorecard_get_type ())

G_DECLARE_FINAL_TYPE (IvcScorecard, ivc_scorecard, IVC, SCORECARD, GObject)

/**
 * IvcScorecardEntry:
 * @question_id: the id of the question
 * @question: (nullable): the question as the bank words it; %NULL when the
 *   bank no longer has it
 * @level_id: (nullable): the id of its level; %NULL when the bank no longer
 *   has it
 * @score: the score, %IVC_SCORE_NONE when not scored
 * @red_flag: whether the interviewer observed the red flag
 * @notes: the notes; "" when there are none
 * @seconds: how long the question was on screen during the interview
 * @rubric_anchor: what the bank's rubric says an answer worth @score looks
 *   like, or %NULL when it says nothing (or the question is not scored)
 *
 * One question of a scorecard. Owned by its scorecard; read-only.
 */
typedef struct
{
  char     *question_id;
  char     *question;
  char     *level_id;
  IvcScore  score;
  gboolean  red_flag;
  char     *notes;
  guint64   seconds;
  char     *rubric_anchor;
} IvcScorecardEntry;

/**
 * IvcScorecardLevel:
 * @id: the id of the level
 * @title: the title of the level, such as “Senior”
 * @n_questions: how many questions the level has
 * @n_scored: how many of them have a score
 * @average: the average of those scores, 1 to 4; %IVC_SCORECARD_NO_AVERAGE
 *   (negative) when @n_scored is 0
 * @n_red_flags: on how many questions the red flag was observed
 * @distribution: how many questions have each score, indexed by #IvcScore:
 *   `distribution[IVC_SCORE_NONE]` counts the unscored questions, so the
 *   five counts add up to @n_questions
 * @seconds: the time spent on the level's questions
 * @entries: (element-type IvcScorecardEntry): every question of the level,
 *   in bank order, whether evaluated or not
 *
 * The figures of one level of the bank. Owned by its scorecard; read-only.
 */
typedef struct
{
  char      *id;
  char      *title;
  guint      n_questions;
  guint      n_scored;
  double     average;
  guint      n_red_flags;
  guint      distribution[IVC_SCORE_MAX + 1];
  guint64    seconds;
  GPtrArray *entries;
} IvcScorecardLevel;

IvcScorecard            *ivc_scorecard_new                    (IvcCandidate    *candidate,
                                                               IvcQuestionBank *bank);
IvcCandidate            *ivc_scorecard_get_candidate          (IvcScorecard    *self);
IvcQuestionBank         *ivc_scorecard_get_bank               (IvcScorecard    *self);

const char              *ivc_scorecard_get_candidate_id       (IvcScorecard    *self);
const char              *ivc_scorecard_get_candidate_name     (IvcScorecard    *self);
const char              *ivc_scorecard_get_role               (IvcScorecard    *self);
const char              *ivc_scorecard_get_interview_date     (IvcScorecard    *self);
const char              *ivc_scorecard_get_interviewer_id     (IvcScorecard    *self);
const char              *ivc_scorecard_get_interviewer_name   (IvcScorecard    *self);
const char              *ivc_scorecard_get_bank_id            (IvcScorecard    *self);
const char              *ivc_scorecard_get_bank_title         (IvcScorecard    *self);
IvcRecommendation        ivc_scorecard_get_recommendation     (IvcScorecard    *self);
const char              *ivc_scorecard_get_summary            (IvcScorecard    *self);
guint64                  ivc_scorecard_get_interview_seconds  (IvcScorecard    *self);

guint                    ivc_scorecard_get_n_questions        (IvcScorecard    *self);
guint                    ivc_scorecard_get_n_scored           (IvcScorecard    *self);
double                   ivc_scorecard_get_coverage           (IvcScorecard    *self);
double                   ivc_scorecard_get_average            (IvcScorecard    *self);
gboolean                 ivc_scorecard_has_average            (IvcScorecard    *self);
guint                    ivc_scorecard_get_n_red_flags        (IvcScorecard    *self);
guint                    ivc_scorecard_get_n_with_score       (IvcScorecard    *self,
                                                               IvcScore         score);
guint64                  ivc_scorecard_get_question_seconds   (IvcScorecard    *self);

guint                    ivc_scorecard_get_n_levels           (IvcScorecard    *self);
const IvcScorecardLevel *ivc_scorecard_get_level              (IvcScorecard    *self,
                                                               guint            position);
const IvcScorecardLevel *ivc_scorecard_find_level             (IvcScorecard    *self,
                                                               const char      *level_id);
const IvcScorecardEntry *ivc_scorecard_find_entry             (IvcScorecard    *self,
                                                               const char      *question_id);

guint                    ivc_scorecard_get_n_removed          (IvcScorecard    *self);
const IvcScorecardEntry *ivc_scorecard_get_removed            (IvcScorecard    *self,
                                                               guint            position);

G_END_DECLS
