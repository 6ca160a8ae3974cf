/* fuzz-bank.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: any bytes as a question bank file. Reading one never
 * crashes, leaks or hangs; a refused bank comes with an error, a valid one
 * without; every message is valid UTF-8 (it is shown in a dialog); a bank
 * that was read holds what its counts say.
 */

#include "config.h"

#include <string.h>

#include "ivc-question-bank-loader.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_message (const char *message)
{
  fuzz_check (message != NULL && message[0] != '\0', "a problem without a message", NULL, 0);
  fuzz_check (g_utf8_validate (message, -1, NULL), "a message that is not valid UTF-8",
              message, strlen (message));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IvcQuestionBank) bank = NULL;
  guint n_questions = 0;
  GListModel *levels;

  bank = ivc_question_bank_new_from_bytes (bytes, "fuzz.json", &problems, &error);

  if (bank == NULL)
    {
      fuzz_check (error != NULL, "a bank refused without an error", NULL, 0);
      fuzz_check (error->domain == IVC_BANK_ERROR, "an error outside the bank error domain",
                  error->message, strlen (error->message));
      check_message (error->message);
      fuzz_check (problems != NULL, "a bank refused without its problems", NULL, 0);
      for (guint i = 0; i < problems->len; i++)
        check_message (((GError *) g_ptr_array_index (problems, i))->message);
      return 0;
    }

  fuzz_check (error == NULL, "a bank read with an error", error->message, strlen (error->message));
  fuzz_check (g_utf8_validate (ivc_question_bank_get_id (bank), -1, NULL), "an id that is not UTF-8", NULL, 0);
  fuzz_check (g_utf8_validate (ivc_question_bank_get_title (bank), -1, NULL), "a title that is not UTF-8", NULL, 0);

  levels = ivc_question_bank_get_levels (bank);
  fuzz_check (g_list_model_get_n_items (levels) == ivc_question_bank_get_n_levels (bank),
              "the levels and their count differ", NULL, 0);
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);
      GListModel *questions = ivc_level_get_questions (level);

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, j);
          const char *id = ivc_question_get_id (question);
          const char *text = ivc_question_get_question (question);

          fuzz_check (g_utf8_validate (text, -1, NULL), "a question that is not UTF-8", NULL, 0);
          fuzz_check (ivc_question_bank_find_question (bank, id) != NULL,
                      "a question that its own id does not find", id, strlen (id));
          n_questions++;
        }
    }
  fuzz_check (n_questions == ivc_question_bank_get_n_questions (bank),
              "the questions and their count differ", NULL, 0);

  return 0;
}
