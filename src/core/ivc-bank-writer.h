/* ivc-bank-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing a question bank back out: as a JSON bank file (format 1 when it
 * fits, else 2) or as a Markdown interview guide that imports again to the
 * same bank.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-question-bank.h"

G_BEGIN_DECLS

typedef enum
{
  IVC_BANK_FILE_JSON,
  IVC_BANK_FILE_MARKDOWN,
} IvcBankFileFormat;

gboolean  ivc_bank_file_format_from_string     (const char         *name,
                                                IvcBankFileFormat  *format,
                                                GError            **error);
GBytes   *ivc_bank_writer_to_json              (IvcQuestionBank    *bank);
GBytes   *ivc_bank_writer_to_markdown          (IvcQuestionBank    *bank);
GBytes   *ivc_bank_writer_to_bytes             (IvcQuestionBank    *bank,
                                                IvcBankFileFormat   format);
char     *ivc_question_bank_describe_difference (IvcQuestionBank   *bank,
                                                IvcQuestionBank    *other);

G_END_DECLS
