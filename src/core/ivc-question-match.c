/* ivc-question-match.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ranking a search's matches: "saga" opens "What is the saga pattern?"
 * before a question that names sagas only in its strong answer.
 */

#define G_LOG_DOMAIN "ivc-question-match"

#include "config.h"

#include <string.h>

#include "ivc-question-match.h"
#include "ivc-text.h"

static gboolean
contains (const char *text,
          const char *word)
{
  g_autofree char *folded = ivc_text_fold (text, -1);

  return strstr (folded, word) != NULL;
}

static gboolean
tags_contain (IvcQuestion *question,
              const char  *word)
{
  const char * const *tags = ivc_question_get_tags (question);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (contains (tags[i], word))
        return TRUE;
    }

  return FALSE;
}

/**
 * ivc_question_match:
 * @words: folded words, as from ivc_text_search_words()
 * @where: (out) (optional): where the words were found
 *
 * Each word counts where it is found first: in the question, in the
 * tags, then in the strong answer or the red flag.
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
      if (contains (ivc_question_get_question (question), words[i]))
        {
          found |= IVC_QUESTION_MATCH_QUESTION;
          rank += IVC_QUESTION_MATCH_RANK_QUESTION;
        }
      else if (tags_contain (question, words[i]))
        {
          found |= IVC_QUESTION_MATCH_TAGS;
          rank += IVC_QUESTION_MATCH_RANK_TAGS;
        }
      else if (contains (ivc_question_get_strong_answer (question), words[i]))
        {
          found |= IVC_QUESTION_MATCH_STRONG_ANSWER;
          rank += IVC_QUESTION_MATCH_RANK_ANSWERS;
        }
      else if (contains (ivc_question_get_red_flag (question), words[i]))
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
