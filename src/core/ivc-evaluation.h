/* ivc-evaluation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcEvaluation: one candidate's evaluation of one question: the score,
 * whether a red flag was observed, the notes and the time spent on it.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The 4-point scale an interviewer scores an answer on. */
typedef enum
{
  IVC_SCORE_NONE,
  IVC_SCORE_POOR,
  IVC_SCORE_MIXED,
  IVC_SCORE_GOOD,
  IVC_SCORE_STRONG,
} IvcScore;

#define IVC_SCORE_MAX IVC_SCORE_STRONG

/* A year: more than any interview, small enough to add up safely. */
#define IVC_EVALUATION_MAX_SECONDS (G_GUINT64_CONSTANT (366) * 24 * 60 * 60)

/* The notes on one question, in characters: some four pages, more than an
 * interview leaves time to type. Chosen with the candidate's limits so that
 * a file at every limit can be read again (ivc-candidate.h). */
#define IVC_EVALUATION_MAX_NOTES_CHARS 10000

#define IVC_TYPE_SCORE      (ivc_score_get_type ())
#define IVC_TYPE_EVALUATION (ivc_evaluation_get_type ())

GType ivc_score_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (IvcEvaluation, ivc_evaluation, IVC, EVALUATION, GObject)

const char    *ivc_score_get_label                   (IvcScore       score);
IvcEvaluation *ivc_evaluation_new                    (const char    *question_id);
const char    *ivc_evaluation_get_question_id        (IvcEvaluation *self);
IvcScore       ivc_evaluation_get_score              (IvcEvaluation *self);
void           ivc_evaluation_set_score              (IvcEvaluation *self,
                                                      IvcScore       score);
gboolean       ivc_evaluation_get_red_flag_observed  (IvcEvaluation *self);
void           ivc_evaluation_set_red_flag_observed  (IvcEvaluation *self,
                                                      gboolean       red_flag_observed);
const char    *ivc_evaluation_get_notes              (IvcEvaluation *self);
void           ivc_evaluation_set_notes              (IvcEvaluation *self,
                                                      const char    *notes);
guint64        ivc_evaluation_get_seconds            (IvcEvaluation *self);
void           ivc_evaluation_set_seconds            (IvcEvaluation *self,
                                                      guint64        seconds);
void           _ivc_evaluation_set_saved_notes       (IvcEvaluation *self,
                                                      const char    *notes);
char          *_ivc_evaluation_ref_question_id       (IvcEvaluation *self);
char          *_ivc_evaluation_ref_notes             (IvcEvaluation *self);
gboolean       ivc_evaluation_is_empty               (IvcEvaluation *self);

G_END_DECLS
