/* test-bank-format-2.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format 2 of the question bank: optional strong answers, red flags and
 * ids (derived from the text), titles, follow-ups and rubrics.
 */

#include "config.h"

#include <string.h>

#include "ivc-question-bank.h"

#include "ivc-test-files.h"

#define assert_contains(str, part)                              \
  G_STMT_START {                                                \
    if (strstr ((str), (part)) == NULL)                         \
      g_assert_cmpstr ((str), ==, (part));                      \
  } G_STMT_END

static IvcQuestionBank *
load_json (const char  *json,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return ivc_question_bank_new_from_bytes (bytes, "bank.json", NULL, error);
}

static IvcQuestionBank *
load_valid (const char *json)
{
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank = load_json (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bank);

  return bank;
}

static IvcQuestion *
question_at (IvcQuestionBank *bank,
             guint            level_index,
             guint            question_index)
{
  g_autoptr(IvcLevel) level = g_list_model_get_item (ivc_question_bank_get_levels (bank), level_index);
  g_autoptr(IvcQuestion) question = g_list_model_get_item (ivc_level_get_questions (level),
                                                           question_index);

  /* The bank keeps them alive. */
  return question;
}

static IvcLevel *
level_at (IvcQuestionBank *bank,
          guint            level_index)
{
  g_autoptr(IvcLevel) level = g_list_model_get_item (ivc_question_bank_get_levels (bank), level_index);

  return level;
}

static char *
read_source (const char *relative)
{
  const char *root = g_getenv ("IVC_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_nonnull (root);
  path = g_build_filename (root, relative, NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* The format 2 example of the documentation loads, and says what it says. */
static void
test_docs_example (void)
{
  g_autofree char *doc = read_source ("docs/question-bank-format.md");
  g_autofree char *example = NULL;
  const char *start, *end;
  IvcQuestionBank *bank;
  IvcQuestion *question;

  start = strstr (doc, "## Complete example (format 2)");
  g_assert_nonnull (start);
  start = strstr (start, "```json\n");
  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "\n```\n");
  g_assert_nonnull (end);
  example = g_strndup (start, end - start);

  bank = load_valid (example);
  g_assert_cmpuint (ivc_question_bank_get_n_levels (bank), ==, 2);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), ==, 3);
  g_assert_cmpstr (ivc_level_get_id (level_at (bank, 0)), ==, "junior");
  g_assert_cmpstr (ivc_level_get_id (level_at (bank, 1)), ==, "senior");

  question = question_at (bank, 0, 0);
  g_assert_cmpstr (ivc_question_get_id (question), ==, "what-is-a-commit");
  g_assert_null (ivc_question_get_title (question));
  g_assert_cmpuint (g_strv_length ((char **)ivc_question_get_follow_ups (question)), ==, 2);
  g_assert_cmpstr (ivc_question_get_follow_ups (question)[0], ==, "What does `git show HEAD` print?");
  g_assert_cmpstr (ivc_question_get_rubric_anchor (question, 1), ==, "Cannot say what a commit contains.");
  g_assert_cmpstr (ivc_question_get_rubric_anchor (question, 4), ==,
                   "Also explains how parents make the history a graph.");
  assert_contains (ivc_question_get_strong_answer (question), "- a message\n");

  question = question_at (bank, 0, 1);
  g_assert_cmpstr (ivc_question_get_id (question), ==, "merge-vs-rebase");
  g_assert_cmpstr (ivc_question_get_title (question), ==, "Merge or rebase");
  g_assert_null (ivc_question_get_rubric_anchor (question, 1));
  g_assert_null (ivc_question_get_rubric_anchor (question, 3));
  g_assert_nonnull (ivc_question_get_rubric_anchor (question, 4));
  g_assert_true (ivc_question_has_rubric (question));

  question = question_at (bank, 1, 0);
  g_assert_cmpstr (ivc_question_get_id (question), ==, "how-do-you-recover-a-commit-that-seems");
  g_assert_cmpstr (ivc_question_get_red_flag (question), ==, "");
  g_assert_nonnull (ivc_question_get_follow_ups (question));
  g_assert_null (ivc_question_get_follow_ups (question)[0]);
  g_assert_false (ivc_question_has_rubric (question));
  g_assert_true (ivc_question_bank_find_question (bank, "how-do-you-recover-a-commit-that-seems") == question);

  g_assert_finalize_object (bank);
}

/* Only "question" is required in format 2. */
static void
test_minimal_question (void)
{
  IvcQuestionBank *bank = load_valid ("{\"format\": 2, \"id\": \"b\", \"title\": \"B\", \"levels\": ["
                                      "{\"title\": \"L\", \"questions\": [{\"question\": \"Why?\"}]}]}");
  IvcQuestion *question = question_at (bank, 0, 0);

  g_assert_cmpstr (ivc_question_get_id (question), ==, "why");
  g_assert_cmpstr (ivc_question_get_question (question), ==, "Why?");
  g_assert_cmpstr (ivc_question_get_strong_answer (question), ==, "");
  g_assert_cmpstr (ivc_question_get_red_flag (question), ==, "");
  g_assert_null (ivc_question_get_title (question));
  g_assert_cmpstr (ivc_level_get_id (level_at (bank, 0)), ==, "l");
  for (guint score = 0; score <= IVC_QUESTION_RUBRIC_SCORES + 1; score++)
    g_assert_null (ivc_question_get_rubric_anchor (question, score));

  g_assert_finalize_object (bank);
}

/* Format 1 keeps its rules: what format 2 makes optional is still required. */
static void
test_format_1_unchanged (void)
{
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank;

  bank = load_json ("{\"format\": 1, \"id\": \"b\", \"title\": \"B\", \"levels\": ["
                    "{\"id\": \"l\", \"title\": \"L\", \"questions\": [{\"question\": \"Why?\"}]}]}",
                    &error);
  g_assert_null (bank);
  g_assert_error (error, IVC_BANK_ERROR, IVC_BANK_ERROR_INVALID);
  assert_contains (error->message, "“id” is missing");
  assert_contains (error->message, "“strong_answer” is missing");
  assert_contains (error->message, "“red_flag” is missing");
}

/* Derived ids: stable, unique, valid for any text; a given id wins. */
static void
test_derived_ids (void)
{
  IvcQuestionBank *bank;
  g_autofree char *chinese = ivc_id_derive ("什么是微服务？");
  g_autofree char *chinese_again = ivc_id_derive ("什么是微服务？");
  g_autofree char *other_chinese = ivc_id_derive ("什么是服务网格？");
  g_autofree char *mixed = ivc_id_derive ("什么是 Docker？");
  g_autofree char *accents = ivc_id_derive ("Qu’est-ce qu’un résumé ?");
  g_autofree char *symbols = ivc_id_derive ("?!…");
  g_autofree char *long_text = ivc_id_derive ("How do you handle data consistency across services and teams?");

  g_assert_true (ivc_id_is_valid (chinese));
  /* What docs/question-bank-format.md promises. */
  g_assert_cmpstr (chinese, ==, "f32456f7");
  g_assert_cmpstr (chinese, ==, chinese_again);
  g_assert_cmpstr (chinese, !=, other_chinese);
  g_assert_true (ivc_id_is_valid (other_chinese));
  g_assert_true (g_str_has_prefix (mixed, "docker-"));
  g_assert_cmpstr (accents, ==, "qu-est-ce-qu-un-resume");
  g_assert_true (ivc_id_is_valid (symbols));
  g_assert_cmpstr (long_text, ==, "how-do-you-handle-data-consistency");
  g_assert_cmpuint (strlen (long_text), <=, IVC_ID_DERIVED_MAX_CHARS);

  bank = load_valid ("{\"format\": 2, \"id\": \"b\", \"title\": \"B\", \"levels\": ["
                     "{\"title\": \"级别\", \"questions\": ["
                     "  {\"question\": \"Why?\"},"
                     "  {\"question\": \"Why?\"},"
                     "  {\"question\": \"什么是微服务？\"},"
                     "  {\"question\": \"什么是服务网格？\"}]},"
                     "{\"title\": \"级别\", \"questions\": ["
                     "  {\"question\": \"Why not?\"},"
                     "  {\"id\": \"why-2\", \"question\": \"Given.\"}]}]}");
  /* The given id "why-2" is kept for its question; the derived one skips it. */
  g_assert_cmpstr (ivc_question_get_id (question_at (bank, 0, 0)), ==, "why");
  g_assert_cmpstr (ivc_question_get_id (question_at (bank, 0, 1)), ==, "why-3");
  g_assert_cmpstr (ivc_question_get_id (question_at (bank, 0, 2)), ==, chinese);
  g_assert_cmpstr (ivc_question_get_id (question_at (bank, 0, 3)), ==, other_chinese);
  g_assert_cmpstr (ivc_question_get_id (question_at (bank, 1, 0)), ==, "why-not");
  g_assert_cmpstr (ivc_question_get_id (question_at (bank, 1, 1)), ==, "why-2");
  g_assert_cmpstr (ivc_level_get_id (level_at (bank, 0)), !=, ivc_level_get_id (level_at (bank, 1)));
  g_assert_true (ivc_id_is_valid (ivc_level_get_id (level_at (bank, 1))));
  g_assert_finalize_object (bank);
}

static void
assert_refused (const char *json,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank = load_json (json, &error);

  g_assert_null (bank);
  g_assert_error (error, IVC_BANK_ERROR, IVC_BANK_ERROR_INVALID);
  assert_contains (error->message, fragment);
}

#define BANK_START "{\"format\": 2, \"id\": \"b\", \"title\": \"B\", \"levels\": [{\"title\": \"L\", \"questions\": [\n"
#define BANK_END "]}]}"

static void
test_errors (void)
{
  assert_refused (BANK_START "{\"question\": \"Q\", \"rubric\": {\"5\": \"x\"}}" BANK_END,
                  "bank.json:2:30: level 1, question 1, rubric: \"5\" is not a score");
  assert_refused (BANK_START "{\"question\": \"Q\", \"rubric\": {\"0\": \"x\"}}" BANK_END,
                  "is not a score");
  assert_refused (BANK_START "{\"question\": \"Q\", \"rubric\": {\"1\": \"\"}}" BANK_END,
                  "“1” must be a non-empty string");
  assert_refused (BANK_START "{\"question\": \"Q\", \"rubric\": [\"a\"]}" BANK_END,
                  "“rubric” must be an object");
  assert_refused (BANK_START "{\"question\": \"Q\", \"follow_ups\": [\"a\", \"\"]}" BANK_END,
                  "follow-up question 2 must be a non-empty string");
  assert_refused (BANK_START "{\"question\": \"Q\", \"follow_ups\": \"a\"}" BANK_END,
                  "“follow_ups” must be a list");
  assert_refused (BANK_START "{\"question\": \" \"}" BANK_END,
                  "“question” must be a non-empty string");
  assert_refused (BANK_START "{\"question\": \"Q\", \"id\": \"Not An Id\"}" BANK_END,
                  "“id” must be 1 to 64");
  assert_refused (BANK_START "{\"question\": \"Q\", \"title\": 3}" BANK_END,
                  "“title” must be a string");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ivc/bank-format-2/docs-example", test_docs_example);
  g_test_add_func ("/ivc/bank-format-2/minimal-question", test_minimal_question);
  g_test_add_func ("/ivc/bank-format-2/format-1-unchanged", test_format_1_unchanged);
  g_test_add_func ("/ivc/bank-format-2/derived-ids", test_derived_ids);
  g_test_add_func ("/ivc/bank-format-2/errors", test_errors);

  return g_test_run ();
}
