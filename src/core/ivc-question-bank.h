/* ivc-question-bank.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A question bank: its levels and their questions, looked up by id.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-level.h"
#include "ivc-question.h"

G_BEGIN_DECLS

#define IVC_TYPE_QUESTION_BANK (ivc_question_bank_get_type ())

G_DECLARE_FINAL_TYPE (IvcQuestionBank, ivc_question_bank, IVC, QUESTION_BANK, GObject)

gboolean         ivc_bank_id_is_valid               (const char           *id);
const char      *ivc_question_bank_get_id           (IvcQuestionBank      *self);
const char      *ivc_question_bank_get_title        (IvcQuestionBank      *self);
const char      *ivc_question_bank_get_description  (IvcQuestionBank      *self);
const char      *ivc_question_bank_get_language     (IvcQuestionBank      *self);
GListModel      *ivc_question_bank_get_levels       (IvcQuestionBank      *self);
guint            ivc_question_bank_get_n_levels     (IvcQuestionBank      *self);
guint            ivc_question_bank_get_n_questions  (IvcQuestionBank      *self);
IvcQuestion     *ivc_question_bank_find_question    (IvcQuestionBank      *self,
                                                     const char           *question_id);
char            *ivc_question_bank_dup_summary      (IvcQuestionBank      *self);
const char * const *ivc_question_bank_get_warnings  (IvcQuestionBank      *self);

G_END_DECLS

/* Banks are made by reading files: the loader, its errors and limits. It
 * includes this header in turn, which #pragma once makes harmless. */
#include "ivc-question-bank-loader.h"
