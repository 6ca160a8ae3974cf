/* test-bank-format-2.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format 2 of the question bank: optional strong answers, red flags and
 * ids (derived from the text), titles, follow-ups and rubrics.
 */

#include "config.h"

#include <string.h>

#include "ivc-markdown.h"
#include "ivc-question-bank.h"
#include "ivc-text.h"

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

static const char * const *
load_warnings (const char       *json,
               IvcQuestionBank **bank)
{
  *bank = load_valid (json);
  return ivc_question_bank_get_warnings (*bank);
}

/* Keys it does not know are ignored, but said, with what was meant. */
static void
test_warnings (void)
{
  IvcQuestionBank *bank;
  const char * const *warnings;

  warnings = load_warnings ("{\"format\": 2, \"id\": \"b\", \"title\": \"B\", \"langauge\": \"en\",\n"
                            " \"levels\": [{\"title\": \"L\", \"questions\": [\n"
                            " {\"question\": \"Q\", \"tag\": [\"x\"], \"redflag\": \"r\", \"x-mine\": 1}]}]}",
                            &bank);
  g_assert_cmpuint (g_strv_length ((char **)warnings), ==, 4);
  g_assert_cmpstr (warnings[0], ==, "bank.json:1:40: the key “langauge” is not known and is ignored; "
                                    "did you mean “language”?");
  g_assert_cmpstr (warnings[1], ==, "bank.json:3:20: level 1, question 1: the key “tag” is not known and is "
                                    "ignored; did you mean “tags”?");
  g_assert_cmpstr (warnings[2], ==, "bank.json:3:34: level 1, question 1: the key “redflag” is not known and is "
                                    "ignored; did you mean “red_flag”?");
  g_assert_cmpstr (warnings[3], ==, "bank.json:3:50: level 1, question 1: the key “x-mine” is not known and is ignored");
  g_assert_finalize_object (bank);

  /* Format 2 keys in a format 1 bank, and a language that is no tag. */
  warnings = load_warnings ("{\"format\": 1, \"id\": \"b\", \"title\": \"B\", \"language\": \"English\",\n"
                            " \"levels\": [{\"id\": \"l\", \"title\": \"L\", \"questions\": [\n"
                            " {\"id\": \"q\", \"question\": \"Q\", \"strong_answer\": \"s\", \"red_flag\": \"r\",\n"
                            "  \"rubric\": {\"1\": \"x\"}}]}]}",
                            &bank);
  g_assert_cmpuint (g_strv_length ((char **)warnings), ==, 2);
  assert_contains (warnings[0], "bank.json:1:40: “language” should be a language tag such as “en”");
  assert_contains (warnings[1], "bank.json:4:3: level “l”, question 1: “rubric” is read in banks of format 2 only");
  g_assert_null (ivc_question_get_rubric_anchor (question_at (bank, 0, 0), 1));
  g_assert_finalize_object (bank);

  /* None for a bank that uses only what it should. */
  bank = load_valid ("{\"format\": 2, \"id\": \"b\", \"title\": \"B\", \"language\": \"zh-Hans-CN\","
                     " \"levels\": [{\"title\": \"L\", \"questions\": [{\"question\": \"Q\"}]}]}");
  g_assert_cmpuint (g_strv_length ((char **)ivc_question_bank_get_warnings (bank)), ==, 0);
  g_assert_finalize_object (bank);
}

static void
test_language_tags (void)
{
  static const char * const valid[] = {
    "en", "de-CH", "zh-Hans-CN", "sr-Latn", "es-419", "x-klingon", "de-DE-1901", "en-US-x-twain",
    "zh-yue-HK", "fr-u-ca-gregory", "EN-gb",
  };
  static const char * const invalid[] = {
    "", "e", "english", "en_US", "en-", "-en", "en--US", "de-CH-", "en-x", "1234", "en-US-u",
    "abcdefghi", "en US", "ñ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (ivc_language_tag_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("%s", invalid[i]);
      g_assert_false (ivc_language_tag_is_valid (invalid[i]));
    }

  /* In format 2 a bad tag is an error. */
  assert_refused ("{\"format\": 2, \"id\": \"b\", \"title\": \"B\", \"language\": \"en_US\", \"levels\": ["
                  "{\"title\": \"L\", \"questions\": [{\"question\": \"Q\"}]}]}",
                  "bank.json:1:40: “language” must be a language tag such as “en” or “de-CH” (BCP 47); "
                  "found \"en_US\"");
}

/* A type error says what the file has. */
static void
test_type_errors (void)
{
  assert_refused (BANK_START "{\"question\": 42}" BANK_END, "“question” must be a non-empty string; found a number");
  assert_refused (BANK_START "{\"question\": \"Q\", \"tags\": {}}" BANK_END, "“tags” must be a list; found an object");
  assert_refused (BANK_START "{\"question\": \"Q\", \"title\": true}" BANK_END, "“title” must be a string; found true");
  assert_refused (BANK_START "{\"question\": \"Q\", \"follow_ups\": [null]}" BANK_END,
                  "follow-up question 1 must be a non-empty string; found null");
  assert_refused (BANK_START "\"Q\"" BANK_END, "a question must be an object with at least “question”; found a text");
}

static gboolean
matches (IvcQuestion *question,
         const char  *query)
{
  g_auto(GStrv) words = ivc_text_search_words (query);

  return ivc_question_matches (question, (const char * const *)words);
}

/* Search matches what a reader sees, not the Markdown around it. */
static void
test_search_markdown (void)
{
  const char *rubric[] = { NULL, NULL, NULL, "Mentions the __outbox__ pattern.", NULL };
  const char *follow_ups[] = { "What about `SELECT … FOR UPDATE`?", NULL };
  g_autoptr(IvcQuestion) question = NULL;
  g_autofree char *plain = NULL;

  question = ivc_question_new_full ("q", "What does **idempotent** mean?",
                                    "Keys like `retry_after`; see [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110).\n\n"
                                    "| Method | Safe |\n| --- | --- |\n| PUT | ~~yes~~ no |\n\n"
                                    "Caf&eacute; &amp; cr&#232;me, <b>bold</b>",
                                    NULL, NULL, "*Idem*potency", follow_ups, rubric);

  g_assert_true (matches (question, "idempotent"));
  g_assert_true (matches (question, "idempotency"));
  g_assert_true (matches (question, "retry_after"));
  g_assert_true (matches (question, "RFC 9110"));
  g_assert_true (matches (question, "put no"));
  g_assert_true (matches (question, "crème"));
  g_assert_true (matches (question, "<b>bold</b>"));
  g_assert_true (matches (question, "select"));
  g_assert_true (matches (question, "outbox pattern"));
  /* Not the syntax, nor a link's address. */
  g_assert_false (matches (question, "**idempotent**"));
  g_assert_false (matches (question, "rfc-editor"));
  g_assert_false (matches (question, "~~yes"));

  plain = ivc_markdown_to_plain ("# Title\n\n- *one*\n- two\n\n```\ncode  line\n```\n\n1 &lt; 2", -1);
  g_assert_cmpstr (plain, ==, "Title\none\ntwo\ncode  line\n1 < 2");
  g_assert_false (ivc_markdown_has_syntax ("Plain text, with commas: and colons."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ivc/bank-format-2/docs-example", test_docs_example);
  g_test_add_func ("/ivc/bank-format-2/minimal-question", test_minimal_question);
  g_test_add_func ("/ivc/bank-format-2/format-1-unchanged", test_format_1_unchanged);
  g_test_add_func ("/ivc/bank-format-2/derived-ids", test_derived_ids);
  g_test_add_func ("/ivc/bank-format-2/errors", test_errors);
  g_test_add_func ("/ivc/bank-format-2/warnings", test_warnings);
  g_test_add_func ("/ivc/bank-format-2/language-tags", test_language_tags);
  g_test_add_func ("/ivc/bank-format-2/type-errors", test_type_errors);
  g_test_add_func ("/ivc/bank-format-2/search-markdown", test_search_markdown);

  return g_test_run ();
}
