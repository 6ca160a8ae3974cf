/* ivc-question-bank-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the loader hands a validated bank over to IvcQuestionBank; not for
 * use outside src/core.
 */

#pragma once

#include "ivc-question-bank.h"

G_BEGIN_DECLS

IvcQuestionBank *ivc_question_bank_new_take_levels (const char *id,
                                                    const char *title,
                                                    const char *description,
                                                    const char *language,
                                                    GPtrArray  *levels,
                                                    guint       n_questions);
void             _ivc_question_bank_take_warnings  (IvcQuestionBank  *self,
                                                    char            **warnings);
void             _ivc_bank_problems_set_error      (GPtrArray        *found,
                                                    guint             n_problems,
                                                    const char       *display_name,
                                                    GError          **error);

G_END_DECLS
