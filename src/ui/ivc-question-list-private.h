/* ivc-question-list-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the question list's files share: ivc-question-list.c (models,
 * search, selection), ivc-question-list-rows.c (rows and plan drag and
 * drop) and ivc-question-list-keys.c (browsing with the keyboard).
 */

#pragma once

#include "ivc-question-list.h"

G_BEGIN_DECLS

GtkListItemFactory *_ivc_question_list_new_row_factory (IvcQuestionList *self);

/* ivc-question-list.c: the keyboard's cursor */
guint               _ivc_question_list_get_n_rows      (IvcQuestionList *self);
IvcQuestion        *_ivc_question_list_dup_question_at (IvcQuestionList *self,
                                                        guint            position);
guint               _ivc_question_list_get_cursor      (IvcQuestionList *self);
void                _ivc_question_list_move_cursor     (IvcQuestionList *self,
                                                        guint            position);
void                _ivc_question_list_focus_cursor    (IvcQuestionList *self);
void                _ivc_question_list_activate_cursor (IvcQuestionList *self);
char               *_ivc_question_list_dup_match_hint  (IvcQuestionList *self,
                                                        IvcQuestion     *question);

/* ivc-question-list-keys.c */
void                _ivc_question_list_keys_init       (IvcQuestionList *self,
                                                        GtkWidget       *list_view);

G_END_DECLS
