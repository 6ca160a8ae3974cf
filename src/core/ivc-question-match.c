/* ivc-question-match.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ranking a search's matches: "saga" opens "What is the saga pattern?"
 * before a question that names sagas only in its strong answer.
 */

#define G_LOG_DOMAIN "ivc-question-match"

#include "config.h"

#include "ivc-question-match.h"

/**
 * ivc_question_match:
 * @words: folded words, as from ivc_text_search_words()
 * @where: (out) (optional): where the words were found
 *
 * Each word counts where it is found first: in the question, in the
 * tags, then in the strong answer or the red flag; in the text a reader
 * sees, as ivc_question_matches() looks at it, folded once per question.
 *
 * Returns: the match's rank, higher for a better match; 0 when some word
 *   is not found (every question matches no words, with rank 1)
 */
guint
ivc_question_match (IvcQuestion        *question,
                    const char * const *words,
                    IvcQuestionMatch   *where)
{
  IvcQuestionMatch found = IVC_QUESTION_MATCH_NONE;
  guint rank = 0;

  g_return_val_if_fail (IVC_IS_QUESTION (question), 0);

  if (where != NULL)
    *where = IVC_QUESTION_MATCH_NONE;

  if (words == NULL || words[0] == NULL)
    return 1;

  if (!ivc_question_matches (question, words))
    return 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (ivc_question_part_contains (question, IVC_QUESTION_PART_QUESTION, words[i]))
        {
          found |= IVC_QUESTION_MATCH_QUESTION;
          rank += IVC_QUESTION_MATCH_RANK_QUESTION;
        }
      else if (ivc_question_part_contains (question, IVC_QUESTION_PART_TAGS, words[i]))
        {
          found |= IVC_QUESTION_MATCH_TAGS;
          rank += IVC_QUESTION_MATCH_RANK_TAGS;
        }
      else if (ivc_question_part_contains (question, IVC_QUESTION_PART_STRONG_ANSWER, words[i]))
        {
          found |= IVC_QUESTION_MATCH_STRONG_ANSWER;
          rank += IVC_QUESTION_MATCH_RANK_ANSWERS;
        }
      else if (ivc_question_part_contains (question, IVC_QUESTION_PART_RED_FLAG, words[i]))
        {
          found |= IVC_QUESTION_MATCH_RED_FLAG;
          rank += IVC_QUESTION_MATCH_RANK_ANSWERS;
        }
      else
        {
          found |= IVC_QUESTION_MATCH_OTHER;
          rank += IVC_QUESTION_MATCH_RANK_ANSWERS;
        }
    }

  if (where != NULL)
    *where = found;

  return rank;
}
