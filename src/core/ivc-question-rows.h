/* ivc-question-rows.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The question list's rows as one flat model: each level's heading and its
 * questions that match the search, best first, or the candidate's plan in
 * plan order.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-question-bank.h"

G_BEGIN_DECLS

#define IVC_TYPE_QUESTION_ROWS (ivc_question_rows_get_type ())

G_DECLARE_FINAL_TYPE (IvcQuestionRows, ivc_question_rows, IVC, QUESTION_ROWS, GObject)

IvcQuestionRows *ivc_question_rows_new              (void);
void             ivc_question_rows_set_bank         (IvcQuestionRows    *self,
                                                     IvcQuestionBank    *bank);
void             ivc_question_rows_set_plan         (IvcQuestionRows    *self,
                                                     GPtrArray          *questions);
void             ivc_question_rows_set_plan_mode    (IvcQuestionRows    *self,
                                                     gboolean            plan_mode);
void             ivc_question_rows_set_search_words (IvcQuestionRows    *self,
                                                     const char * const *words);
guint            ivc_question_rows_get_n_questions  (IvcQuestionRows    *self);
GObject         *ivc_question_rows_peek_item        (IvcQuestionRows    *self,
                                                     guint               position);
guint            ivc_question_rows_get_rank         (IvcQuestionRows    *self,
                                                     guint               position);
guint            ivc_question_rows_find             (IvcQuestionRows    *self,
                                                     gpointer            item);

G_END_DECLS
