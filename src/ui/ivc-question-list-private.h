/* ivc-question-list-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the question list's files share: ivc-question-list.c (models,
 * search, selection) and ivc-question-list-rows.c (rows and plan drag and
 * drop).
 */

#pragma once

#include "ivc-question-list.h"

G_BEGIN_DECLS

GtkListItemFactory *_ivc_question_list_new_row_factory (IvcQuestionList *self);

G_END_DECLS
