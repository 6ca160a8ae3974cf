/* ivc-question.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcQuestion: one question of a bank, with its strong answer, red flag and
 * tags, and its text folded once for search.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IVC_TYPE_QUESTION (ivc_question_get_type ())

G_DECLARE_FINAL_TYPE (IvcQuestion, ivc_question, IVC, QUESTION, GObject)

typedef struct _IvcLevel IvcLevel;

IvcQuestion        *ivc_question_new               (const char         *id,
                                                    const char         *question,
                                                    const char         *strong_answer,
                                                    const char         *red_flag,
                                                    const char * const *tags);
const char         *ivc_question_get_id            (IvcQuestion        *self);
const char         *ivc_question_get_question      (IvcQuestion        *self);
const char         *ivc_question_get_strong_answer (IvcQuestion        *self);
const char         *ivc_question_get_red_flag      (IvcQuestion        *self);
const char * const *ivc_question_get_tags          (IvcQuestion        *self);
char               *ivc_question_dup_tags_label    (IvcQuestion        *self);
IvcLevel           *ivc_question_get_level         (IvcQuestion        *self);
void                _ivc_question_set_level        (IvcQuestion        *self,
                                                    IvcLevel           *level);
gboolean            ivc_question_matches           (IvcQuestion        *self,
                                                    const char * const *words);

G_END_DECLS
