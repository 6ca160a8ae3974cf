/* ivc-question.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcQuestion: one question of a bank, with its strong answer, red flag,
 * tags and (format 2) short title, follow-up questions and rubric anchors,
 * and its text folded once for search.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IVC_TYPE_QUESTION (ivc_question_get_type ())

G_DECLARE_FINAL_TYPE (IvcQuestion, ivc_question, IVC, QUESTION, GObject)

typedef struct _IvcLevel IvcLevel;

/* A rubric anchors the scores 1 to IVC_QUESTION_RUBRIC_SCORES
 * (IVC_SCORE_POOR to IVC_SCORE_STRONG). */
#define IVC_QUESTION_RUBRIC_SCORES 4

IvcQuestion        *ivc_question_new               (const char         *id,
                                                    const char         *question,
                                                    const char         *strong_answer,
                                                    const char         *red_flag,
                                                    const char * const *tags);
IvcQuestion        *ivc_question_new_full          (const char         *id,
                                                    const char         *question,
                                                    const char         *strong_answer,
                                                    const char         *red_flag,
                                                    const char * const *tags,
                                                    const char         *title,
                                                    const char * const *follow_ups,
                                                    const char * const *rubric);
const char         *ivc_question_get_id            (IvcQuestion        *self);
const char         *ivc_question_get_title         (IvcQuestion        *self);
const char         *ivc_question_get_question      (IvcQuestion        *self);
const char         *ivc_question_get_strong_answer (IvcQuestion        *self);
const char         *ivc_question_get_red_flag      (IvcQuestion        *self);
const char * const *ivc_question_get_tags          (IvcQuestion        *self);
const char * const *ivc_question_get_follow_ups    (IvcQuestion        *self);
const char         *ivc_question_get_rubric_anchor (IvcQuestion        *self,
                                                    guint               score);
gboolean            ivc_question_has_rubric        (IvcQuestion        *self);
char               *ivc_question_dup_tags_label    (IvcQuestion        *self);
IvcLevel           *ivc_question_get_level         (IvcQuestion        *self);
void                _ivc_question_set_level        (IvcQuestion        *self,
                                                    IvcLevel           *level);
/* The parts of a question that search tells apart, in the order that
 * ranks them. */
typedef enum
{
  IVC_QUESTION_PART_QUESTION,
  IVC_QUESTION_PART_TAGS,
  IVC_QUESTION_PART_STRONG_ANSWER,
  IVC_QUESTION_PART_RED_FLAG,
  /* Title, follow-ups and rubric. */
  IVC_QUESTION_PART_OTHER,
  IVC_QUESTION_N_PARTS
} IvcQuestionPart;

void                ivc_question_prepare_search    (GPtrArray          *questions);
gboolean            ivc_question_part_contains     (IvcQuestion        *self,
                                                    IvcQuestionPart     part,
                                                    const char         *word);
gboolean            ivc_question_matches           (IvcQuestion        *self,
                                                    const char * const *words);

G_END_DECLS
