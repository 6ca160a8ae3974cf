/* ivc-question-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcQuestionView: the detail pane: the question, and its strong answer and
 * red flag, each concealed until revealed.
 */

#pragma once

#include <gtk/gtk.h>

#include "ivc-question.h"

G_BEGIN_DECLS

#define IVC_TYPE_QUESTION_VIEW (ivc_question_view_get_type ())

G_DECLARE_FINAL_TYPE (IvcQuestionView, ivc_question_view, IVC, QUESTION_VIEW, GtkWidget)

IvcQuestion *ivc_question_view_get_question          (IvcQuestionView *self);
void         ivc_question_view_set_question          (IvcQuestionView *self,
                                                      IvcQuestion     *question);
gboolean     ivc_question_view_get_answer_revealed   (IvcQuestionView *self);
void         ivc_question_view_set_answer_revealed   (IvcQuestionView *self,
                                                      gboolean         revealed);
gboolean     ivc_question_view_get_red_flag_revealed (IvcQuestionView *self);
void         ivc_question_view_set_red_flag_revealed (IvcQuestionView *self,
                                                      gboolean         revealed);
void         ivc_question_view_set_answers_hidden    (IvcQuestionView *self,
                                                      gboolean         hidden);
void         ivc_question_view_conceal               (IvcQuestionView *self);

G_END_DECLS
