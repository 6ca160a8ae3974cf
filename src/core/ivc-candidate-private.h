/* ivc-candidate-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The insides of IvcCandidate, shared with the candidate file reader and
 * writer (ivc-candidate-file.c) and nobody else.
 */

#pragma once

#include "ivc-candidate.h"

G_BEGIN_DECLS

/*
 * One interviewer's scorecard for one candidate: who the candidate is, a
 * score and notes per question, and the overall verdict. It is what one
 * candidate file holds; see docs/candidate-format.md.
 */
struct _IvcCandidate
{
  GObject            parent_instance;

  char              *id;
  char              *name;
  char              *role;
  char              *interview_date;
  char              *bank_id;
  char              *summary;
  char              *interviewer_id;
  char              *interviewer_name;
  GDateTime         *created;
  GDateTime         *modified;
  /* When the scorecard was submitted (NULL: a draft), and when it last
   * changed after that (NULL: not amended). */
  GDateTime         *submitted;
  GDateTime         *amended;

  /* Question id → IvcEvaluation, including ids that no bank knows. */
  GHashTable        *evaluations;

  /* The questions to ask, in order: a NULL-terminated list of ids. */
  char             **plan;
  guint64            interview_seconds;

  /* Folded name, role and date, built on the first search. */
  char              *haystack;

  IvcRecommendation  recommendation;
  guint              n_scored;
};

gboolean       _ivc_candidate_set_string      (char          **field,
                                               const char     *value);
IvcEvaluation *_ivc_candidate_add_evaluation  (IvcCandidate   *self,
                                               IvcEvaluation  *evaluation);
void           _ivc_candidate_update_n_scored (IvcCandidate   *self);
void           _ivc_candidate_set_submission  (IvcCandidate   *self,
                                               GDateTime      *submitted,
                                               GDateTime      *amended);

G_END_DECLS
