/* ivc-question-match.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a search matched a question, and how well: the question's own
 * text before its tags, its tags before its answers.
 */

#pragma once

#include "ivc-question.h"

G_BEGIN_DECLS

typedef enum
{
  IVC_QUESTION_MATCH_NONE          = 0,
  IVC_QUESTION_MATCH_QUESTION      = 1 << 0,
  IVC_QUESTION_MATCH_TAGS          = 1 << 1,
  IVC_QUESTION_MATCH_STRONG_ANSWER = 1 << 2,
  IVC_QUESTION_MATCH_RED_FLAG      = 1 << 3,
  /* Elsewhere in what ivc_question_matches() searches. */
  IVC_QUESTION_MATCH_OTHER         = 1 << 4,
} IvcQuestionMatch;

/* What one word found in each place adds to a match's rank: a word in the
 * question outweighs any number of words found elsewhere. */
#define IVC_QUESTION_MATCH_RANK_QUESTION 10000
#define IVC_QUESTION_MATCH_RANK_TAGS     100
#define IVC_QUESTION_MATCH_RANK_ANSWERS  1

guint ivc_question_match (IvcQuestion        *question,
                          const char * const *words,
                          IvcQuestionMatch   *where);

G_END_DECLS
