/* ivc-question-bank-loader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a question bank file: the limits it must stay within, the errors
 * it can have, and the functions that read and validate it.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-id.h"
#include "ivc-question-bank.h"

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

/* The limits a bank must stay within; docs/question-bank-format.md lists
 * them. The checks and their messages both use these. */
#define IVC_BANK_FORMAT            2
#define IVC_BANK_MAX_FILE_SIZE     (16 * 1024 * 1024)
#define IVC_BANK_MAX_DEPTH         64
#define IVC_BANK_MAX_LEVELS        100
#define IVC_BANK_MAX_QUESTIONS     100000
#define IVC_BANK_MAX_TAGS          64
#define IVC_BANK_MAX_TAG_CHARS     64
#define IVC_BANK_MAX_FOLLOW_UPS    64
#define IVC_BANK_MAX_TEXT_BYTES    65536
#define IVC_BANK_MAX_ID_CHARS      IVC_ID_MAX_CHARS
#define IVC_BANK_MAX_PROBLEMS      100

GQuark           ivc_bank_error_quark               (void);
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

/* For the bank folder, which words its own messages around the reason. */
GBytes          *ivc_bank_read_bytes                (GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
GError          *ivc_bank_read_problem_new          (const char           *display_name,
                                                     const GError         *read_error);

G_END_DECLS
