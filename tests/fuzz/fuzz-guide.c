/* fuzz-guide.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: any bytes as a Markdown interview guide. Reading one
 * never crashes, leaks or hangs; a refused guide comes with an error, every
 * problem and warning is located UTF-8; a guide that was read gives a bank
 * whose texts are UTF-8, whose ids are valid and find their questions, and
 * which, written back as a bank file, loads again to the same bank.
 */

#include "config.h"

#include <string.h>

#include "ivc-bank-writer.h"
#include "ivc-guide-importer.h"
#include "ivc-markdown.h"

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
  fuzz_check (g_str_has_prefix (message, "fuzz.md"), "a message without its file",
              message, strlen (message));
}

static void
check_text (const char *text,
            const char *what)
{
  fuzz_check (text != NULL && g_utf8_validate (text, -1, NULL), what, NULL, 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IvcQuestionBank) bank = NULL;
  GListModel *levels;

  /* The same bytes as one text of a bank, for search. */
  if (g_utf8_validate_len ((const char *)data, size, NULL) && memchr (data, '\0', size) == NULL)
    {
      g_autofree char *plain = ivc_markdown_to_plain ((const char *)data, size);

      check_text (plain, "a plain text that is not UTF-8");
    }

  bank = ivc_guide_import_bytes (bytes, "fuzz.md", &problems, &error);

  if (bank == NULL)
    {
      fuzz_check (error != NULL, "a guide refused without an error", NULL, 0);
      fuzz_check (error->domain == IVC_BANK_ERROR, "an error outside the bank error domain",
                  error->message, strlen (error->message));
      fuzz_check (problems != NULL && problems->len > 0, "a guide refused without its problems", NULL, 0);
      for (guint i = 0; i < problems->len; i++)
        check_message (((GError *) g_ptr_array_index (problems, i))->message);
      return 0;
    }

  fuzz_check (error == NULL, "a guide read with an error", NULL, 0);
  for (const char * const *w = ivc_question_bank_get_warnings (bank); *w; w++)
    check_message (*w);

  fuzz_check (ivc_bank_id_is_valid (ivc_question_bank_get_id (bank)), "a bank id that is not valid", NULL, 0);
  check_text (ivc_question_bank_get_title (bank), "a title that is not UTF-8");
  check_text (ivc_question_bank_get_description (bank), "a description that is not UTF-8");

  levels = ivc_question_bank_get_levels (bank);
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);
      GListModel *questions = ivc_level_get_questions (level);

      fuzz_check (ivc_bank_id_is_valid (ivc_level_get_id (level)), "a level id that is not valid", NULL, 0);
      fuzz_check (g_list_model_get_n_items (questions) > 0, "a level without questions", NULL, 0);
      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, j);
          const char *id = ivc_question_get_id (question);

          fuzz_check (ivc_bank_id_is_valid (id), "a question id that is not valid", id, strlen (id));
          fuzz_check (ivc_question_bank_find_question (bank, id) == question,
                      "a question that its own id does not find", id, strlen (id));
          check_text (ivc_question_get_question (question), "a question that is not UTF-8");
          fuzz_check (*ivc_question_get_question (question) != '\0', "a question without text", NULL, 0);
          check_text (ivc_question_get_strong_answer (question), "a strong answer that is not UTF-8");
          check_text (ivc_question_get_red_flag (question), "a red flag that is not UTF-8");
        }
    }

  /* Written out and read again: JSON always gives the same bank. */
  {
    g_autoptr(GBytes) json = ivc_bank_writer_to_json (bank);
    g_autoptr(IvcQuestionBank) again = ivc_question_bank_new_from_bytes (json, "fuzz.json", NULL, NULL);
    g_autofree char *difference = NULL;

    fuzz_check (again != NULL, "a bank whose JSON does not load", g_bytes_get_data (json, NULL),
                g_bytes_get_size (json));
    difference = ivc_question_bank_describe_difference (bank, again);
    fuzz_check (difference == NULL, "a bank whose JSON loads to another bank",
                difference, difference ? strlen (difference) : 0);
  }

  /* A Markdown export is read again without harm. It imports to the same
   * bank when the texts allow (a text holding a “##” line does not), which
   * --export-bank checks and says; the tests check it on real banks. */
  {
    g_autoptr(GBytes) markdown = ivc_bank_writer_to_markdown (bank);
    g_autoptr(GPtrArray) again_problems = NULL;
    g_autoptr(GError) again_error = NULL;
    g_autoptr(IvcQuestionBank) again = ivc_guide_import_bytes (markdown, "fuzz.md", &again_problems, &again_error);

    fuzz_check (again != NULL || again_error != NULL, "a Markdown export neither read nor refused", NULL, 0);
    if (again != NULL)
      g_free (ivc_question_bank_describe_difference (bank, again));
  }

  return 0;
}
