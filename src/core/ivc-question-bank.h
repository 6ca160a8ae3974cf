/* ivc-question-bank.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ivc-level.h"
#include "ivc-question.h"

G_BEGIN_DECLS

#define IVC_BANK_ERROR (ivc_bank_error_quark ())

typedef enum
{
  IVC_BANK_ERROR_READ,
  IVC_BANK_ERROR_EMPTY,
  IVC_BANK_ERROR_TOO_LARGE,
  IVC_BANK_ERROR_ENCODING,
  IVC_BANK_ERROR_SYNTAX,
  IVC_BANK_ERROR_TOO_DEEP,
  IVC_BANK_ERROR_UNSUPPORTED_FORMAT,
  IVC_BANK_ERROR_INVALID,
  IVC_BANK_ERROR_DUPLICATE_ID,
  IVC_BANK_ERROR_LIMIT,
} IvcBankError;

/* The limits a bank must stay within; docs/question-bank-format.md lists them. */
#define IVC_BANK_FORMAT            1
#define IVC_BANK_MAX_FILE_SIZE     (16 * 1024 * 1024)
#define IVC_BANK_MAX_DEPTH         64
#define IVC_BANK_MAX_LEVELS        100
#define IVC_BANK_MAX_QUESTIONS     100000
#define IVC_BANK_MAX_TAGS          64
#define IVC_BANK_MAX_TEXT_BYTES    65536
#define IVC_BANK_MAX_ID_CHARS      64
#define IVC_BANK_MAX_PROBLEMS      100

#define IVC_TYPE_QUESTION_BANK (ivc_question_bank_get_type ())

G_DECLARE_FINAL_TYPE (IvcQuestionBank, ivc_question_bank, IVC, QUESTION_BANK, GObject)

GQuark           ivc_bank_error_quark               (void);
gboolean         ivc_bank_id_is_valid               (const char           *id);
IvcQuestionBank *ivc_question_bank_new_from_bytes   (GBytes               *bytes,
                                                     const char           *display_name,
                                                     GPtrArray           **problems,
                                                     GError              **error);
IvcQuestionBank *ivc_question_bank_new_from_file    (GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GPtrArray           **problems,
                                                     GError              **error);
void             ivc_question_bank_load_async       (GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
IvcQuestionBank *ivc_question_bank_load_finish      (GAsyncResult         *result,
                                                     GError              **error);
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

G_END_DECLS
