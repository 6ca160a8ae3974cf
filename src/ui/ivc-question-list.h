/* ivc-question-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's list of questions: search, levels or the candidate's plan,
 * selection, and reordering the plan by drag and drop.
 */

#pragma once

#include <gtk/gtk.h>

#include "ivc-candidate.h"
#include "ivc-question-bank.h"

G_BEGIN_DECLS

#define IVC_TYPE_QUESTION_LIST (ivc_question_list_get_type ())

G_DECLARE_FINAL_TYPE (IvcQuestionList, ivc_question_list, IVC, QUESTION_LIST, GtkWidget)

void             ivc_question_list_set_bank                (IvcQuestionList *self,
                                                            IvcQuestionBank *bank);
void             ivc_question_list_set_candidate           (IvcQuestionList *self,
                                                            IvcCandidate    *candidate);
IvcCandidate    *ivc_question_list_get_candidate           (IvcQuestionList *self);
void             ivc_question_list_set_question            (IvcQuestionList *self,
                                                            IvcQuestion     *question);
gboolean         ivc_question_list_get_plan_mode           (IvcQuestionList *self);
void             ivc_question_list_set_plan_mode           (IvcQuestionList *self,
                                                            gboolean         plan_mode);
guint            ivc_question_list_get_n_planned           (IvcQuestionList *self);
void             ivc_question_list_set_search_text         (IvcQuestionList *self,
                                                            const char      *text);
guint            ivc_question_list_get_n_visible_questions (IvcQuestionList *self);
void             ivc_question_list_start_search            (IvcQuestionList *self);
void             ivc_question_list_set_key_capture_widget  (IvcQuestionList *self,
                                                            GtkWidget       *widget);
guint            ivc_question_list_find_position           (IvcQuestionList *self,
                                                            IvcQuestion     *question);
gboolean         ivc_question_list_select_question         (IvcQuestionList *self,
                                                            IvcQuestion     *question);
IvcQuestion     *ivc_question_list_select_next             (IvcQuestionList *self,
                                                            int              direction);

G_END_DECLS
