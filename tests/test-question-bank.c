/* test-question-bank.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ivc-question-bank.h"
#include "ivc-question-match.h"
#include "ivc-text.h"

#include "ivc-test-files.h"

/* g_assert_cmpstr() prints both strings, which is what one wants to see
 * when a message does not say what it should. */
#define assert_has_prefix(str, prefix)                          \
  G_STMT_START {                                                \
    if (!g_str_has_prefix ((str), (prefix)))                    \
      g_assert_cmpstr ((str), ==, (prefix));                    \
  } G_STMT_END

#define assert_contains(str, part)                              \
  G_STMT_START {                                                \
    if (strstr ((str), (part)) == NULL)                         \
      g_assert_cmpstr ((str), ==, (part));                      \
  } G_STMT_END

/*
 * Helpers.
 */

static char *
source_path (const char *relative)
{
  const char *root = g_getenv ("IVC_SOURCE_ROOT");

  if (root == NULL)
    return g_test_build_filename (G_TEST_DIST, "..", relative, NULL);

  return g_build_filename (root, relative, NULL);
}

static GBytes *
read_source_file (const char *relative)
{
  g_autofree char *path = source_path (relative);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

/* Copies exactly @len bytes, without a terminating NUL, as a file read
 * from disk would be: a loader that reads past the end is caught. */
static IvcQuestionBank *
load_data (const char  *data,
           gssize       len,
           const char  *display_name,
           GPtrArray  **problems,
           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (len < 0)
    len = strlen (data);
  bytes = g_bytes_new (data, len);

  return ivc_question_bank_new_from_bytes (bytes, display_name, problems, error);
}

static gboolean
has_text (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return TRUE;
    }
  return FALSE;
}

static IvcQuestionBank *
load_valid (const char *json)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank;

  bank = load_data (json, -1, "bank.json", &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 0);

  return bank;
}

/* Loads @json as "bank.json" and checks that it is refused: %NULL, an
 * IVC_BANK_ERROR with @code, every problem named after the file, and the
 * first one starting with @location ("bank.json:12:11: level …: ") and
 * containing @fragment. Returns all the problems for further checks. */
static GPtrArray *
assert_refused (const char   *json,
                gssize        len,
                IvcBankError  code,
                const char   *location,
                const char   *fragment)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  IvcQuestionBank *bank;
  const GError *first;

  bank = load_data (json, len, "bank.json", &problems, &error);

  /* What a failed assertion below is about. */
  for (guint i = 0; problems != NULL && i < MIN (problems->len, 5); i++)
    g_test_message ("%s", ((GError *)g_ptr_array_index (problems, i))->message);

  g_assert_null (bank);
  g_assert_error (error, IVC_BANK_ERROR, (int)code);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_cmpuint (problems->len, <=, IVC_BANK_MAX_PROBLEMS + 1);

  first = g_ptr_array_index (problems, 0);
  g_assert_true (first->domain == IVC_BANK_ERROR);
  g_assert_cmpint (first->code, ==, code);
  if (location != NULL)
    assert_has_prefix (first->message, location);
  if (fragment != NULL)
    assert_contains (first->message, fragment);

  /* The error carries every problem, one a line, the first one first. */
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, problems->len);
  for (guint i = 0; i < problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (problems, i);

      g_assert_true (problem->domain == IVC_BANK_ERROR);
      g_assert_true (g_utf8_validate (problem->message, -1, NULL));
      assert_has_prefix (problem->message, "bank.json");
      g_assert_cmpstr (lines[i], ==, problem->message);
    }

  return g_steal_pointer (&problems);
}

static void
assert_refused_once (const char   *json,
                     IvcBankError  code,
                     const char   *location,
                     const char   *fragment)
{
  g_autoptr(GPtrArray) problems = assert_refused (json, -1, code, location, fragment);

  g_assert_cmpuint (problems->len, ==, 1);
}

/* A small valid bank, one member a line, so that a test can replace a line
 * and know where the loader must point:
 *
 *   members of the bank    lines 2–5, column 3
 *   the level              “{” on line 6, column 5; members lines 7–9, column 7
 *   the question           “{” on line 10, column 9; members lines 11–15, column 11
 */
static const char * const template_lines[] = {
  "{",
  "  \"format\": 1,",
  "  \"id\": \"git-basics\",",
  "  \"title\": \"Git basics\",",
  "  \"levels\": [",
  "    {",
  "      \"id\": \"junior\",",
  "      \"title\": \"Junior\",",
  "      \"questions\": [",
  "        {",
  "          \"id\": \"what-is-a-commit\",",
  "          \"question\": \"What is a commit?\",",
  "          \"strong_answer\": \"A snapshot of the tracked files.\",",
  "          \"red_flag\": \"Thinks a commit is a diff.\",",
  "          \"tags\": [\"basics\"]",
  "        }",
  "      ]",
  "    }",
  "  ]",
  "}",
  NULL
};

#define QUESTION_WHERE "level “junior”, question 1: "

/* The template with some lines replaced, given as pairs of a line number
 * and its new text and ending with 0. Replacing keeps the numbering. */
static char *
bank_with (guint line,
           ...)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  va_list args;

  for (guint i = 0; template_lines[i] != NULL; i++)
    g_ptr_array_add (lines, (gpointer)template_lines[i]);

  va_start (args, line);
  while (line != 0)
    {
      const char *text = va_arg (args, const char *);

      g_assert_cmpuint (line, <=, lines->len);
      g_ptr_array_index (lines, line - 1) = (gpointer)text;
      line = va_arg (args, guint);
    }
  va_end (args);

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **)lines->pdata);
}

static char *
bank_as_is (void)
{
  return bank_with (0);
}

/* A bank with @n_levels levels of @per_level questions, each question on a
 * line of its own and each level starting on a line of its own. */
static GString *
generate_bank (guint n_levels,
               guint per_level)
{
  GString *json = g_string_new ("{\"format\": 1, \"id\": \"big\", \"title\": \"Big\", \"levels\": [");
  guint k = 0;

  for (guint l = 0; l < n_levels; l++)
    {
      g_string_append_printf (json, "%s{\"id\": \"level-%u\", \"title\": \"Level %u\", \"questions\": [\n",
                              l > 0 ? "," : "", l, l);
      for (guint q = 0; q < per_level; q++, k++)
        g_string_append_printf (json,
                                "%s{\"id\": \"q%u\", \"question\": \"Q%u?\", "
                                "\"strong_answer\": \"A.\", \"red_flag\": \"R.\"}\n",
                                q > 0 ? "," : "", k, k);
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}\n");

  return json;
}

/*
 * The bank that ships with the app. (That its answers are written afresh
 * rather than copied from the reference is checked by hand: the reference
 * is not part of the source tree.)
 */

static void
assert_bundled_bank (IvcQuestionBank *bank)
{
  static const struct {
    const char *id;
    const char *title;
    const char *experience;
    const char *focus;
  } expected[] = {
    { "junior", "Junior", "0–2 years", "Fundamentals" },
    { "mid-level", "Mid-level", "2–5 years", "Data and communication" },
    { "senior", "Senior", "5+ years", "Architecture and operations" },
  };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *summary = NULL;
  GListModel *levels;
  guint total = 0;

  g_assert_cmpstr (ivc_question_bank_get_id (bank), ==, "microservices");
  g_assert_cmpstr (ivc_question_bank_get_title (bank), !=, "");
  g_assert_cmpuint (ivc_question_bank_get_n_levels (bank), ==, 3);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), ==, 24);

  levels = ivc_question_bank_get_levels (bank);
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);
      GListModel *questions = ivc_level_get_questions (level);

      g_assert_cmpstr (ivc_level_get_id (level), ==, expected[i].id);
      g_assert_cmpstr (ivc_level_get_title (level), ==, expected[i].title);
      g_assert_cmpstr (ivc_level_get_experience (level), ==, expected[i].experience);
      g_assert_cmpstr (ivc_level_get_focus (level), ==, expected[i].focus);
      g_assert_cmpuint (ivc_level_get_n_questions (level), ==, 8);
      g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 8);

      for (guint j = 0; j < 8; j++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, j);
          const char *id = ivc_question_get_id (question);
          const char * const *tags = ivc_question_get_tags (question);

          g_test_message ("checking question “%s”", id);
          g_assert_true (ivc_bank_id_is_valid (id));
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, (char *)id);

          g_assert_true (has_text (ivc_question_get_question (question)));
          g_assert_true (has_text (ivc_question_get_strong_answer (question)));
          g_assert_true (has_text (ivc_question_get_red_flag (question)));

          g_assert_nonnull (tags);
          g_assert_cmpuint (g_strv_length ((char **)tags), >=, 1);
          for (guint t = 0; tags[t] != NULL; t++)
            g_assert_cmpstr (tags[t], !=, "");

          g_assert_true (ivc_question_get_level (question) == level);
          g_assert_true (ivc_question_bank_find_question (bank, id) == question);
          total++;
        }
    }

  g_assert_cmpuint (total, ==, 24);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 24);
  g_assert_null (ivc_question_bank_find_question (bank, "no-such-question"));
  g_assert_null (ivc_question_bank_find_question (bank, NULL));

  summary = ivc_question_bank_dup_summary (bank);
  g_assert_cmpstr (summary, ==, "microservices: 3 levels, 24 questions");
}

static void
test_bundled_bank (void)
{
  g_autoptr(GBytes) bytes = read_source_file ("data/questions.json");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank;

  bank = ivc_question_bank_new_from_bytes (bytes, "questions.json", &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  g_assert_cmpuint (problems->len, ==, 0);

  assert_bundled_bank (bank);
  g_assert_finalize_object (bank);
}

static void
test_bundled_bank_from_file (void)
{
  g_autofree char *path = source_path ("data/questions.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank;

  bank = ivc_question_bank_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);

  assert_bundled_bank (bank);
  g_assert_finalize_object (bank);
}

static void
test_bundled_level_subtitle (void)
{
  g_autoptr(GBytes) bytes = read_source_file ("data/questions.json");
  g_autoptr(IvcLevel) level = NULL;
  g_autofree char *subtitle = NULL;
  IvcQuestionBank *bank;

  bank = ivc_question_bank_new_from_bytes (bytes, "questions.json", NULL, NULL);
  g_assert_nonnull (bank);

  level = g_list_model_get_item (ivc_question_bank_get_levels (bank), 0);
  subtitle = ivc_level_dup_subtitle (level);
  g_assert_cmpstr (subtitle, ==, "0–2 years · Fundamentals");

  g_clear_object (&level);
  g_assert_finalize_object (bank);
}

/* The example in the format documentation must be a bank that loads. */
static void
test_docs_example (void)
{
  g_autoptr(GBytes) bytes = read_source_file ("docs/question-bank-format.md");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *example = NULL;
  const char *start, *end;
  IvcQuestionBank *bank;

  start = strstr (doc, "```json\n");
  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "\n```");
  g_assert_nonnull (end);
  example = g_strndup (start, end - start);

  bank = load_data (example, -1, "question-bank-format.json", &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (ivc_bank_id_is_valid (ivc_question_bank_get_id (bank)));
  g_assert_cmpuint (ivc_question_bank_get_n_levels (bank), >=, 1);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), >=, 1);
  g_assert_finalize_object (bank);
}

static void
test_template_loads (void)
{
  g_autofree char *json = bank_as_is ();
  g_autofree char *summary = NULL;
  g_autoptr(IvcLevel) level = NULL;
  IvcQuestionBank *bank = load_valid (json);
  IvcQuestion *question;
  const char *basics[] = { "basics", NULL };

  /* Optional members left out come back empty, not NULL. */
  g_assert_cmpstr (ivc_question_bank_get_description (bank), ==, "");
  g_assert_cmpstr (ivc_question_bank_get_language (bank), ==, "");

  level = g_list_model_get_item (ivc_question_bank_get_levels (bank), 0);
  g_assert_cmpstr (ivc_level_get_experience (level), ==, "");
  g_assert_cmpstr (ivc_level_get_focus (level), ==, "");

  question = ivc_question_bank_find_question (bank, "what-is-a-commit");
  g_assert_nonnull (question);
  g_assert_cmpstr (ivc_question_get_question (question), ==, "What is a commit?");
  g_assert_cmpstrv (ivc_question_get_tags (question), basics);

  /* One of each: the summary speaks proper English. */
  summary = ivc_question_bank_dup_summary (bank);
  g_assert_cmpstr (summary, ==, "git-basics: 1 level, 1 question");

  g_clear_object (&level);
  g_assert_finalize_object (bank);
}

/*
 * What is wrong with the file as a whole.
 */

static void
test_error_empty (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) nothing = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;

  assert_refused_once ("", IVC_BANK_ERROR_EMPTY, "bank.json: ", "empty");

  g_assert_null (ivc_question_bank_new_from_bytes (nothing, "bank.json", &problems, &error));
  g_assert_error (error, IVC_BANK_ERROR, IVC_BANK_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==,
                   "bank.json: the file is empty; a question bank is a JSON document");
}

static void
test_error_whitespace (void)
{
  assert_refused_once (" \n\t\r\n  ", IVC_BANK_ERROR_EMPTY, "bank.json: ", "empty");
  assert_refused_once ("\n", IVC_BANK_ERROR_EMPTY, "bank.json: ", "empty");
  assert_refused_once ("\xEF\xBB\xBF", IVC_BANK_ERROR_EMPTY, "bank.json: ", "empty");
  assert_refused_once ("\xEF\xBB\xBF \n ", IVC_BANK_ERROR_EMPTY, "bank.json: ", "empty");
}

/* json-glib reports a token by one of its characters; accept any. */
static void
assert_syntax_error (const char *json,
                     guint       line,
                     guint       first_column,
                     guint       last_column)
{
  g_autoptr(GPtrArray) problems = NULL;
  const GError *problem;
  guint found_line = 0, found_column = 0;

  problems = assert_refused (json, -1, IVC_BANK_ERROR_SYNTAX, "bank.json:", "not valid JSON");
  g_assert_cmpuint (problems->len, ==, 1);

  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (sscanf (problem->message, "bank.json:%u:%u: ", &found_line, &found_column), ==, 2);
  g_assert_cmpuint (found_line, ==, line);
  g_assert_cmpuint (found_column, >=, first_column);
  g_assert_cmpuint (found_column, <=, last_column);
}

static void
test_error_syntax (void)
{
  g_autofree char *missing_comma = bank_with (3, "  \"id\": \"git-basics\"", 0);
  g_autofree char *stray_bracket = bank_with (12, "          \"question\": ],", 0);
  g_autofree char *bare_word = bank_with (8, "      \"title\": Junior,", 0);

  assert_syntax_error ("{\n  \"format\": 1,\n  \"id\": ]\n}", 3, 9, 9);
  assert_syntax_error ("hello", 1, 1, 5);
  assert_syntax_error ("{\n  \"format\": 1,\n  \"id\": tru\n}", 3, 9, 11);
  assert_syntax_error ("{\n  \"format\": 1,\n  \"id\": \"x\" \"y\"\n}", 3, 3, 14);
  /* json-glib points at the end of the token before the missing comma. */
  assert_syntax_error (missing_comma, 3, 9, 20);
  assert_syntax_error (stray_bracket, 12, 23, 23);
  assert_syntax_error (bare_word, 8, 16, 21);

  /* Columns count characters, as an editor does, not bytes: the “]” is the
   * 22nd character of the line but its 23rd byte. */
  assert_syntax_error ("{\n  \"title\": \"é\", \"x\": ]\n}", 2, 22, 22);
  assert_syntax_error ("\xEF\xBB\xBF{\"format\": [\"éé\", x]}", 1, 19, 19);
}

/* Only JSON is read. json-glib 1.6 also takes comments (even “/x/”), single
 * quotes and hex numbers, wraps numbers too large to hold and decodes lone
 * surrogates into bytes that are not UTF-8: each is refused at its place. */
static void
test_error_strict (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *hex = bank_with (2, "  \"format\": 0x1,", 0);
  g_autofree char *huge = bank_with (2, "  \"format\": 99999999999999999999,", 0);
  g_autofree char *wrapped = bank_with (2, "  \"format\": -18446744073709551615,", 0);
  g_autofree char *surrogate = bank_with (12, "          \"question\": \"What is \\ud800?\",", 0);
  g_autofree char *low = bank_with (12, "          \"question\": \"What is \\udc00\\ud800?\",", 0);
  g_autofree char *nul = bank_with (12, "          \"question\": \"What is \\u0000?\",", 0);
  g_autofree char *pair = bank_with (12, "          \"question\": \"What is \\ud83d\\ude00?\",", 0);
  g_autofree char *quoted = bank_with (3, "  \"id\": \"Ab\\u00e9\\ud800\",", 0);
  g_autoptr(IvcQuestionBank) bank = NULL;

  /* json-glib takes “/"/” for a comment; a depth count that does not know
   * that misses every bracket after it. */
  g_string_append (deep, "[/\"/");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_refused_once (deep->str, IVC_BANK_ERROR_SYNTAX, "bank.json:1:2: ", "comments");

  /* A file of comments only is not empty, and not JSON. */
  assert_refused_once ("/* nothing here */\n", IVC_BANK_ERROR_SYNTAX, "bank.json:1:1: ", "comments");
  assert_refused_once ("// nothing here\n", IVC_BANK_ERROR_SYNTAX, "bank.json:1:1: ", "comments");

  /* Numbers as JSON writes them, and only those that fit. */
  assert_refused_once (hex, IVC_BANK_ERROR_SYNTAX, "bank.json:2:13: ", "not a number");
  assert_refused_once (huge, IVC_BANK_ERROR_INVALID, "bank.json:2:13: ", "out of range");
  assert_refused_once (wrapped, IVC_BANK_ERROR_INVALID, "bank.json:2:13: ", "out of range");

  /* Decoded texts are UTF-8 without NUL. */
  assert_refused_once (surrogate, IVC_BANK_ERROR_ENCODING, "bank.json:12:32: ", "\\ud800");
  assert_refused_once (low, IVC_BANK_ERROR_ENCODING, "bank.json:12:32: ", "\\udc00");
  assert_refused_once (nul, IVC_BANK_ERROR_ENCODING, "bank.json:12:32: ", "\\u0000");
  bank = load_valid (pair);
  g_assert_cmpstr (ivc_question_get_question (ivc_question_bank_find_question (bank, "what-is-a-commit")),
                   ==, "What is 😀?");

  /* json-glib quoted what it had decoded, invalid UTF-8 and all. */
  assert_refused_once (quoted, IVC_BANK_ERROR_ENCODING, "bank.json:3:18: ", "\\ud800");
}

static void
test_error_encoding (void)
{
  static const char nul[] = "{\n  \"ti\0tle\": 1\n}";
  static const char nul_first[] = "\0{}";
  g_autoptr(GPtrArray) problems = NULL;

  assert_refused_once ("{\n  \"title\": \"ab\xFF\"\n}", IVC_BANK_ERROR_ENCODING,
                       "bank.json:2:15: ", "UTF-8");
  /* A cut-off character after a two-byte one: columns count characters. */
  assert_refused_once ("{\n  \"title\": \"é\xC3\"\n}", IVC_BANK_ERROR_ENCODING,
                       "bank.json:2:14: ", "UTF-8");
  /* A UTF-16 surrogate and Latin-1 text are not UTF-8 either. */
  assert_refused_once ("{\"a\": \"\xED\xA0\x80\"}", IVC_BANK_ERROR_ENCODING,
                       "bank.json:1:8: ", "UTF-8");
  assert_refused_once ("{\n\n  \"title\": \"Caf\xE9\"\n}", IVC_BANK_ERROR_ENCODING,
                       "bank.json:3:16: ", "UTF-8");
  /* Bad bytes are found before anything else is wrong. */
  assert_refused_once ("\xFF", IVC_BANK_ERROR_ENCODING, "bank.json:1:1: ", "UTF-8");

  problems = assert_refused (nul, sizeof nul - 1, IVC_BANK_ERROR_ENCODING,
                             "bank.json:2:6: ", "NUL byte");
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = assert_refused (nul_first, sizeof nul_first - 1, IVC_BANK_ERROR_ENCODING,
                             "bank.json:1:1: ", "NUL byte");
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_error_not_object (void)
{
  static const char * const documents[] = { "[1, 2]", "\"a bank\"", "42", "null", "true", "[]" };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    assert_refused_once (documents[i], IVC_BANK_ERROR_INVALID, "bank.json:1:1: ",
                         "must be a JSON object");
}

static void
test_error_format (void)
{
  static const char * const not_integers[] = { "\"1\"", "1.0", "true", "null", "[1]", "{}" };
  g_autofree char *missing = bank_with (2, "", 0);
  g_autofree char *zero = bank_with (2, "  \"format\": 0,", 0);
  g_autofree char *negative = bank_with (2, "  \"format\": -1,", 0);

  assert_refused_once (missing, IVC_BANK_ERROR_INVALID, "bank.json:1:1: ", "“format” is missing");
  assert_refused_once (zero, IVC_BANK_ERROR_INVALID, "bank.json:2:3: ", "“format” must be 1 or 2, not 0");
  assert_refused_once (negative, IVC_BANK_ERROR_INVALID, "bank.json:2:3: ", "not -1");

  for (guint i = 0; i < G_N_ELEMENTS (not_integers); i++)
    {
      g_autofree char *line = g_strdup_printf ("  \"format\": %s,", not_integers[i]);
      g_autofree char *json = bank_with (2, line, 0);

      assert_refused_once (json, IVC_BANK_ERROR_INVALID, "bank.json:2:3: ",
                           "“format” must be a whole number");
    }
}

/* A newer format may mean anything: say only that, once. */
static void
test_error_format_newer (void)
{
  g_autofree char *newer = bank_with (2, "  \"format\": 3,", 0);
  g_autofree char *newer_and_broken = bank_with (2, "  \"format\": 1000,",
                                                 3, "  \"id\": \"Not An Id\",",
                                                 4, "  \"title\": \"\",",
                                                 14, "          \"red_flag\": 5,",
                                                 0);
  g_autoptr(GPtrArray) problems = NULL;
  const GError *problem;

  assert_refused_once (newer, IVC_BANK_ERROR_UNSUPPORTED_FORMAT, "bank.json:2:3: ", "newer");

  problems = assert_refused (newer_and_broken, -1, IVC_BANK_ERROR_UNSUPPORTED_FORMAT,
                             "bank.json:2:3: ", "format 1000");
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  assert_contains (problem->message, "newer");
}

/* Each of @values in place of a required string on @line, at column 11 of a
 * question or @column elsewhere. */
static const char * const not_strings[] = {
  "42", "4.5", "true", "null", "[]", "[\"text\"]", "{}", "{\"text\": \"x\"}", "\"\"", "\" \\t\\n \"",
};

static void
assert_not_string_refused (guint       line,
                           const char *indent,
                           const char *name,
                           const char *location,
                           const char *after)
{
  for (guint i = 0; i < G_N_ELEMENTS (not_strings); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\"%s\": %s%s", indent, name, not_strings[i], after);
      g_autofree char *json = bank_with (line, text, 0);
      g_autofree char *fragment = g_strdup_printf ("“%s” must be a non-empty string", name);

      g_test_message ("%s", text);
      assert_refused_once (json, IVC_BANK_ERROR_INVALID, location, fragment);
    }
}

static void
test_error_bank_title (void)
{
  g_autofree char *missing = bank_with (4, "", 0);

  assert_refused_once (missing, IVC_BANK_ERROR_INVALID, "bank.json:1:1: ", "“title” is missing");
  assert_not_string_refused (4, "  ", "title", "bank.json:4:3: ", ",");
}

static void
test_error_optional_texts (void)
{
  g_autofree char *description = bank_with (4, "  \"description\": 7, \"title\": \"Git basics\",", 0);
  g_autofree char *language = bank_with (4, "  \"language\": [\"en\"], \"title\": \"Git basics\",", 0);
  g_autofree char *experience = bank_with (8, "      \"experience\": 5, \"title\": \"Junior\",", 0);
  g_autofree char *focus = bank_with (8, "      \"focus\": null, \"title\": \"Junior\",", 0);

  assert_refused_once (description, IVC_BANK_ERROR_INVALID, "bank.json:4:3: ",
                       "“description” must be a string");
  assert_refused_once (language, IVC_BANK_ERROR_INVALID, "bank.json:4:3: ",
                       "“language” must be a string");
  assert_refused_once (experience, IVC_BANK_ERROR_INVALID, "bank.json:8:7: level “junior”: ",
                       "“experience” must be a string");
  assert_refused_once (focus, IVC_BANK_ERROR_INVALID, "bank.json:8:7: level “junior”: ",
                       "“focus” must be a string");
}

static void
test_error_bad_ids (void)
{
  static const char * const bad[] = {
    "Git-Basics", "git basics", "-git", "git_basics", "git.basics", "gït",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", /* 65 */
  };
  g_autofree char *empty = bank_with (3, "  \"id\": \"\",", 0);
  g_autofree char *missing = bank_with (3, "", 0);
  g_autofree char *level_missing = bank_with (7, "", 0);
  g_autofree char *level_bad = bank_with (7, "      \"id\": \"Junior\",", 0);
  g_autofree char *question_bad = bank_with (11, "          \"id\": \"What is a commit?\",", 0);
  g_autofree char *longest = bank_with (3, "  \"id\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",", 0);
  g_autoptr(GPtrArray) problems = NULL;
  const GError *problem;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *line = g_strdup_printf ("  \"id\": \"%s\",", bad[i]);
      g_autofree char *json = bank_with (3, line, 0);

      g_test_message ("%s", line);
      assert_refused_once (json, IVC_BANK_ERROR_INVALID, "bank.json:3:3: ",
                           "“id” must be 1 to 64 lowercase letters, digits and hyphens");
    }

  /* Long ids are quoted cut short, short ones whole. */
  problems = assert_refused (level_bad, -1, IVC_BANK_ERROR_INVALID,
                             "bank.json:7:7: level 1: ", "(found \"Junior\")");
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  {
    g_autofree char *line = g_strdup_printf ("  \"id\": \"%s\",", bad[G_N_ELEMENTS (bad) - 1]);
    g_autofree char *json = bank_with (3, line, 0);

    problems = assert_refused (json, -1, IVC_BANK_ERROR_INVALID, "bank.json:3:3: ", "…\")");
    problem = g_ptr_array_index (problems, 0);
    g_assert_cmpuint (g_utf8_strlen (problem->message, -1), <, 200);
    g_clear_pointer (&problems, g_ptr_array_unref);
  }

  assert_refused_once (empty, IVC_BANK_ERROR_INVALID, "bank.json:3:3: ", "“id” must be a non-empty string");
  assert_refused_once (missing, IVC_BANK_ERROR_INVALID, "bank.json:1:1: ", "“id” is missing");
  assert_refused_once (level_missing, IVC_BANK_ERROR_INVALID, "bank.json:6:5: level 1: ", "“id” is missing");
  assert_refused_once (question_bad, IVC_BANK_ERROR_INVALID, "bank.json:11:11: " QUESTION_WHERE,
                       "(found \"What is a commit?\")");

  /* Objects and arrays where a level's id should be: refused, no critical. */
  assert_not_string_refused (7, "      ", "id", "bank.json:7:7: level 1: ", ",");

  g_assert_finalize_object (load_valid (longest));
}

static void
test_id_is_valid (void)
{
  static const char * const valid[] = {
    "a", "0", "junior", "mid-level", "service-discovery", "a-", "a--b", "2fa", "http2",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", /* 64 */
  };
  static const char * const invalid[] = {
    "", "-", "-a", "A", "Junior", "a b", " a", "a ", "a_b", "a.b", "a/b", "é", "a\n",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", /* 65 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_test_message ("valid: “%s”", valid[i]);
      g_assert_true (ivc_bank_id_is_valid (valid[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("invalid: “%s”", invalid[i]);
      g_assert_false (ivc_bank_id_is_valid (invalid[i]));
    }

  g_assert_false (ivc_bank_id_is_valid (NULL));
}

static void
test_error_levels (void)
{
  static const char * const not_lists[] = { "{}", "\"junior\"", "null", "1", "[]" };
  g_autofree char *missing = bank_with (4, "  \"title\": \"Git basics\"",
                                        5, "", 6, "", 7, "", 8, "", 9, "", 10, "", 11, "", 12, "",
                                        13, "", 14, "", 15, "", 16, "", 17, "", 18, "", 19, "", 0);
  g_autofree char *not_objects = bank_with (5, "  \"levels\": [1, \"junior\", null, []]",
                                            6, "", 7, "", 8, "", 9, "", 10, "", 11, "", 12, "",
                                            13, "", 14, "", 15, "", 16, "", 17, "", 18, "", 19, "", 0);
  g_autoptr(GPtrArray) problems = NULL;
  static const char * const expected[] = {
    "bank.json:5:14: level 1: a level must be an object",
    "bank.json:5:17: level 2: a level must be an object",
    "bank.json:5:27: level 3: a level must be an object",
    "bank.json:5:33: level 4: a level must be an object",
  };

  assert_refused_once (missing, IVC_BANK_ERROR_INVALID, "bank.json:1:1: ", "“levels” is missing");

  for (guint i = 0; i < G_N_ELEMENTS (not_lists); i++)
    {
      g_autofree char *line = g_strdup_printf ("  \"levels\": %s", not_lists[i]);
      g_autofree char *json = bank_with (5, line, 6, "", 7, "", 8, "", 9, "", 10, "", 11, "", 12, "",
                                         13, "", 14, "", 15, "", 16, "", 17, "", 18, "", 19, "", 0);

      g_test_message ("%s", line);
      assert_refused_once (json, IVC_BANK_ERROR_INVALID, "bank.json:5:3: ",
                           "“levels” must be a non-empty list");
    }

  problems = assert_refused (not_objects, -1, IVC_BANK_ERROR_INVALID, NULL, NULL);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_has_prefix (((GError *)g_ptr_array_index (problems, i))->message, expected[i]);
}

static void
test_error_level_fields (void)
{
  g_autofree char *missing_title = bank_with (8, "", 0);
  g_autofree char *missing_questions = bank_with (8, "      \"title\": \"Junior\"",
                                                  9, "", 10, "", 11, "", 12, "", 13, "",
                                                  14, "", 15, "", 16, "", 17, "", 0);
  g_autofree char *empty_questions = bank_with (9, "      \"questions\": []",
                                                10, "", 11, "", 12, "", 13, "",
                                                14, "", 15, "", 16, "", 17, "", 0);
  g_autofree char *questions_object = bank_with (9, "      \"questions\": {\"id\": \"x\"}",
                                                 10, "", 11, "", 12, "", 13, "",
                                                 14, "", 15, "", 16, "", 17, "", 0);
  g_autofree char *question_not_object = bank_with (9, "      \"questions\": [\"What is a commit?\"]",
                                                    10, "", 11, "", 12, "", 13, "",
                                                    14, "", 15, "", 16, "", 17, "", 0);

  assert_refused_once (missing_title, IVC_BANK_ERROR_INVALID, "bank.json:6:5: level “junior”: ",
                       "“title” is missing");
  assert_not_string_refused (8, "      ", "title", "bank.json:8:7: level “junior”: ", ",");

  assert_refused_once (missing_questions, IVC_BANK_ERROR_INVALID,
                       "bank.json:6:5: level “junior”: ", "“questions” is missing");
  assert_refused_once (empty_questions, IVC_BANK_ERROR_INVALID,
                       "bank.json:9:7: level “junior”: ", "“questions” must be a non-empty list");
  assert_refused_once (questions_object, IVC_BANK_ERROR_INVALID,
                       "bank.json:9:7: level “junior”: ", "“questions” must be a non-empty list");
  assert_refused_once (question_not_object, IVC_BANK_ERROR_INVALID,
                       "bank.json:9:21: " QUESTION_WHERE, "a question must be an object");
}

static void
test_error_question_fields (void)
{
  static const struct {
    const char *name;
    guint line;
  } fields[] = {
    { "id", 11 },
    { "question", 12 },
    { "strong_answer", 13 },
    { "red_flag", 14 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *missing = bank_with (fields[i].line, "", 0);
      g_autofree char *fragment = g_strdup_printf ("“%s” is missing", fields[i].name);
      g_autofree char *location = g_strdup_printf ("bank.json:%u:11: " QUESTION_WHERE, fields[i].line);

      assert_refused_once (missing, IVC_BANK_ERROR_INVALID, "bank.json:10:9: " QUESTION_WHERE, fragment);
      assert_not_string_refused (fields[i].line, "          ", fields[i].name, location, ",");
    }
}

#define DUPLICATES \
  "{\n" \
  "  \"format\": 1,\n" \
  "  \"id\": \"dupes\",\n" \
  "  \"title\": \"Duplicates\",\n" \
  "  \"levels\": [\n" \
  "    {\n" \
  "      \"id\": \"junior\",\n" \
  "      \"title\": \"Junior\",\n" \
  "      \"questions\": [\n" \
  "        { \"id\": \"same\", \"question\": \"Q1?\", \"strong_answer\": \"A1.\", \"red_flag\": \"R1.\" },\n" \
  "        { \"id\": \"%s\", \"question\": \"Q2?\", \"strong_answer\": \"A2.\", \"red_flag\": \"R2.\" }\n" \
  "      ]\n" \
  "    },\n" \
  "    {\n" \
  "      \"id\": \"%s\",\n" \
  "      \"title\": \"Senior\",\n" \
  "      \"questions\": [\n" \
  "        { \"id\": \"%s\", \"question\": \"Q3?\", \"strong_answer\": \"A3.\", \"red_flag\": \"R3.\" }\n" \
  "      ]\n" \
  "    }\n" \
  "  ]\n" \
  "}\n"

static void
test_error_duplicate_ids (void)
{
  g_autofree char *unique = g_strdup_printf (DUPLICATES, "other", "senior", "third");
  g_autofree char *same_level = g_strdup_printf (DUPLICATES, "same", "senior", "third");
  g_autofree char *across_levels = g_strdup_printf (DUPLICATES, "other", "senior", "same");
  g_autofree char *level_twice = g_strdup_printf (DUPLICATES, "other", "junior", "third");

  g_assert_finalize_object (load_valid (unique));

  assert_refused_once (same_level, IVC_BANK_ERROR_DUPLICATE_ID,
                       "bank.json:11:11: level “junior”, question 2: ",
                       "the question id “same” is already used by level “junior”, question 1");
  assert_refused_once (across_levels, IVC_BANK_ERROR_DUPLICATE_ID,
                       "bank.json:18:11: level “senior”, question 1: ",
                       "the question id “same” is already used by level “junior”, question 1");
  assert_refused_once (level_twice, IVC_BANK_ERROR_DUPLICATE_ID,
                       "bank.json:15:7: level “junior”: ", "the level id “junior” is used twice");
}

static guint
count_tags (IvcQuestionBank *bank,
            const char      *question_id)
{
  IvcQuestion *question = ivc_question_bank_find_question (bank, question_id);

  g_assert_nonnull (question);
  return g_strv_length ((char **)ivc_question_get_tags (question));
}

static void
test_error_tags (void)
{
  static const char * const not_lists[] = { "\"basics\"", "5", "{}", "null", "true" };
  static const struct {
    const char *tags;
    const char *location;
  } bad_tags[] = {
    { "[\"\"]", "bank.json:15:20: " QUESTION_WHERE "tag 1 must be a non-empty string" },
    { "[\" \"]", "bank.json:15:20: " QUESTION_WHERE "tag 1 must be a non-empty string" },
    { "[\"a\", 3]", "bank.json:15:25: " QUESTION_WHERE "tag 2 must be a non-empty string" },
    { "[\"a\", null]", "bank.json:15:25: " QUESTION_WHERE "tag 2 must be a non-empty string" },
    { "[[\"a\"]]", "bank.json:15:20: " QUESTION_WHERE "tag 1 must be a non-empty string" },
    { "[{}]", "bank.json:15:20: " QUESTION_WHERE "tag 1 must be a non-empty string" },
  };
  g_autoptr(GString) many = g_string_new ("          \"tags\": [");
  g_autoptr(GString) long_tag = g_string_new ("          \"tags\": [\"");
  g_autofree char *no_tags = bank_with (14, "          \"red_flag\": \"Thinks a commit is a diff.\"", 15, "", 0);
  g_autofree char *empty_tags = bank_with (15, "          \"tags\": []", 0);
  g_autofree char *json = NULL;
  IvcQuestionBank *bank;

  for (guint i = 0; i < G_N_ELEMENTS (not_lists); i++)
    {
      g_autofree char *line = g_strdup_printf ("          \"tags\": %s", not_lists[i]);
      g_autofree char *doc = bank_with (15, line, 0);

      assert_refused_once (doc, IVC_BANK_ERROR_INVALID, "bank.json:15:11: " QUESTION_WHERE,
                           "“tags” must be a list");
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_tags); i++)
    {
      g_autofree char *line = g_strdup_printf ("          \"tags\": %s", bad_tags[i].tags);
      g_autofree char *doc = bank_with (15, line, 0);

      assert_refused_once (doc, IVC_BANK_ERROR_INVALID, bad_tags[i].location, NULL);
    }

  /* Tags are optional, and an empty list is no tags. */
  bank = load_valid (no_tags);
  g_assert_cmpuint (count_tags (bank, "what-is-a-commit"), ==, 0);
  g_assert_finalize_object (bank);
  bank = load_valid (empty_tags);
  g_assert_cmpuint (count_tags (bank, "what-is-a-commit"), ==, 0);
  g_assert_finalize_object (bank);

  /* At most 64 tags. */
  for (guint i = 0; i < IVC_BANK_MAX_TAGS; i++)
    g_string_append_printf (many, "%s\"tag-%u\"", i > 0 ? ", " : "", i);
  g_string_append (many, "]");
  json = bank_with (15, many->str, 0);
  bank = load_valid (json);
  g_assert_cmpuint (count_tags (bank, "what-is-a-commit"), ==, 64);
  g_assert_finalize_object (bank);

  g_string_truncate (many, many->len - 1);
  g_string_append (many, ", \"one-too-many\"]");
  g_free (json);
  json = bank_with (15, many->str, 0);
  assert_refused_once (json, IVC_BANK_ERROR_LIMIT, "bank.json:15:11: " QUESTION_WHERE,
                       "“tags” has 65 entries; at most 64 are allowed");

  /* At most 64 characters a tag, however many bytes they take. */
  for (guint i = 0; i < IVC_BANK_MAX_ID_CHARS; i++)
    g_string_append (long_tag, "é");
  g_string_append (long_tag, "\"]");
  g_free (json);
  json = bank_with (15, long_tag->str, 0);
  g_assert_finalize_object (load_valid (json));

  g_string_insert (long_tag, strlen ("          \"tags\": [\""), "x");
  g_free (json);
  json = bank_with (15, long_tag->str, 0);
  assert_refused_once (json, IVC_BANK_ERROR_LIMIT, "bank.json:15:20: " QUESTION_WHERE,
                       "tag 1 is longer than 64 characters");
}

static void
test_error_text_too_long (void)
{
  g_autoptr(GString) line = g_string_new ("          \"strong_answer\": \"");
  g_autoptr(GString) accented = g_string_new ("          \"red_flag\": \"");
  g_autoptr(GString) title = g_string_new ("  \"title\": \"");
  g_autofree char *json = NULL;
  IvcQuestionBank *bank;
  IvcQuestion *question;

  /* 64 KiB exactly is fine, and nothing is lost. */
  for (guint i = 0; i < IVC_BANK_MAX_TEXT_BYTES; i++)
    g_string_append_c (line, 'x');
  g_string_append (line, "\",");
  json = bank_with (13, line->str, 0);
  bank = load_valid (json);
  question = ivc_question_bank_find_question (bank, "what-is-a-commit");
  g_assert_cmpuint (strlen (ivc_question_get_strong_answer (question)), ==, IVC_BANK_MAX_TEXT_BYTES);
  g_assert_finalize_object (bank);

  g_string_insert_c (line, strlen ("          \"strong_answer\": \""), 'x');
  g_free (json);
  json = bank_with (13, line->str, 0);
  assert_refused_once (json, IVC_BANK_ERROR_LIMIT, "bank.json:13:11: " QUESTION_WHERE,
                       "“strong_answer” is too long");

  /* The limit is in bytes: 32768 two-byte characters fill it. */
  for (guint i = 0; i < IVC_BANK_MAX_TEXT_BYTES / 2; i++)
    g_string_append (accented, "é");
  g_string_append (accented, "\",");
  g_free (json);
  json = bank_with (14, accented->str, 0);
  g_assert_finalize_object (load_valid (json));

  g_string_insert_c (accented, strlen ("          \"red_flag\": \""), 'x');
  g_free (json);
  json = bank_with (14, accented->str, 0);
  assert_refused_once (json, IVC_BANK_ERROR_LIMIT, "bank.json:14:11: " QUESTION_WHERE,
                       "“red_flag” is too long");

  for (guint i = 0; i <= IVC_BANK_MAX_TEXT_BYTES; i++)
    g_string_append_c (title, 'T');
  g_string_append (title, "\",");
  g_free (json);
  json = bank_with (4, title->str, 0);
  assert_refused_once (json, IVC_BANK_ERROR_LIMIT, "bank.json:4:3: ", "“title” is too long");
}

static void
test_error_too_many_levels (void)
{
  for (guint n = IVC_BANK_MAX_LEVELS; n <= IVC_BANK_MAX_LEVELS + 1; n++)
    {
      g_autoptr(GString) json = g_string_new ("{\"format\": 1, \"id\": \"many\", \"title\": \"Many\",\n \"levels\": [");

      for (guint i = 0; i < n; i++)
        g_string_append_printf (json,
                                "%s{\"id\": \"l%u\", \"title\": \"L%u\", \"questions\": "
                                "[{\"id\": \"q%u\", \"question\": \"Q?\", \"strong_answer\": \"A.\", "
                                "\"red_flag\": \"R.\"}]}",
                                i > 0 ? ", " : "", i, i, i);
      g_string_append (json, "]}");

      if (n <= IVC_BANK_MAX_LEVELS)
        {
          IvcQuestionBank *bank = load_valid (json->str);

          g_assert_cmpuint (ivc_question_bank_get_n_levels (bank), ==, n);
          g_assert_finalize_object (bank);
        }
      else
        assert_refused_once (json->str, IVC_BANK_ERROR_LIMIT, "bank.json:2:2: ",
                             "the bank has 101 levels; at most 100 are allowed");
    }
}

static void
test_error_too_many_questions (void)
{
  g_autoptr(GString) json = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 start = g_get_monotonic_time ();

  /* The limit is for the whole bank: two levels of 50,000 questions fill
   * it, and one more question in the second level is one too many. The
   * message points at that question, the 100,001st, on line 100,003 (the
   * levels start on lines 1 and 50,002): this pins the limit to exactly
   * 100,000 without loading a second bank that large. */
  json = generate_bank (2, IVC_BANK_MAX_QUESTIONS / 2);
  g_string_truncate (json, json->len - strlen ("]}]}\n"));
  g_string_append (json, ",{\"id\": \"one-more\", \"question\": \"Q?\", "
                         "\"strong_answer\": \"A.\", \"red_flag\": \"R.\"}]}]}\n");
  problems = assert_refused (json->str, json->len, IVC_BANK_ERROR_LIMIT,
                             "bank.json:100003:2: level “level-1”: ",
                             "more than 100000 questions");
  g_assert_cmpuint (problems->len, ==, 1);

  g_test_message ("%.1f s for 100,001 questions", (g_get_monotonic_time () - start) / 1e6);
}

static void
test_error_too_deep (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) nested = g_string_new (NULL);
  g_autoptr(GString) brackets = g_string_new ("          \"question\": \"Say \\\"");
  g_autofree char *json = NULL;

  /* 64 levels in all are allowed, the bank's own object included. */
  g_string_append (nested, "  \"format\": 1, \"x-extra\": ");
  for (guint i = 1; i < IVC_BANK_MAX_DEPTH; i++)
    g_string_append_c (nested, '[');
  for (guint i = 1; i < IVC_BANK_MAX_DEPTH; i++)
    g_string_append_c (nested, ']');
  g_string_append_c (nested, ',');
  json = bank_with (2, nested->str, 0);
  g_assert_finalize_object (load_valid (json));

  g_string_insert (nested, strlen ("  \"format\": 1, \"x-extra\": "), "{\"a\": ");
  g_string_insert_c (nested, nested->len - 1, '}');
  g_free (json);
  json = bank_with (2, nested->str, 0);
  assert_refused_once (json, IVC_BANK_ERROR_TOO_DEEP, "bank.json:2:95: ",
                       "nested more than 64 levels deep");

  /* 65 brackets: the 65th is where it goes wrong. */
  for (guint i = 0; i < IVC_BANK_MAX_DEPTH + 1; i++)
    g_string_append_c (deep, '[');
  assert_refused_once (deep->str, IVC_BANK_ERROR_TOO_DEEP, "bank.json:1:65: ", "64 levels");

  /* Far too deep, open or balanced, arrays or objects: no crash. */
  g_string_truncate (deep, 0);
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_refused_once (deep->str, IVC_BANK_ERROR_TOO_DEEP, "bank.json:1:65: ", "64 levels");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  assert_refused_once (deep->str, IVC_BANK_ERROR_TOO_DEEP, "bank.json:1:65: ", "64 levels");

  g_string_truncate (deep, 0);
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "{\"a\":");
  assert_refused_once (deep->str, IVC_BANK_ERROR_TOO_DEEP, "bank.json:1:321: ", "64 levels");

  /* json-glib also reads 'single-quoted' strings and comments, where a
   * quote could hide the brackets after it: neither is JSON, and neither
   * gets that far. */
  g_string_truncate (deep, 0);
  g_string_append (deep, "['\"', ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_refused_once (deep->str, IVC_BANK_ERROR_SYNTAX, "bank.json:1:2: ", "double quotes");

  g_string_truncate (deep, 0);
  g_string_append (deep, "[/* \" */ ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_refused_once (deep->str, IVC_BANK_ERROR_SYNTAX, "bank.json:1:2: ", "comments");

  /* Brackets in texts are text, escaped quotes or not. */
  for (guint i = 0; i < 200; i++)
    g_string_append (brackets, "[{");
  g_string_append (brackets, "\\\" twice?\",");
  g_free (json);
  json = bank_with (12, brackets->str, 0);
  g_assert_finalize_object (load_valid (json));
}

/*
 * Files.
 */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ivc-test-bank-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  remove_tree (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_free (fixture->dir);
}

static GFile *
fixture_write (Fixture    *fixture,
               const char *name,
               const char *contents,
               gssize      len)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
test_file_names_in_messages (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *json = bank_with (14, "          \"red_flag\": \"\",", 0);
  g_autoptr(GFile) file = fixture_write (fixture, "my bank.json", json, -1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (ivc_question_bank_new_from_file (file, NULL, &problems, &error));
  g_assert_error (error, IVC_BANK_ERROR, IVC_BANK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "my bank.json:14:11: level “junior”, question 1: "
                   "“red_flag” must be a non-empty string");
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_file_too_large (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GBytes) bundled = read_source_file ("data/questions.json");
  g_autoptr(GByteArray) contents = g_byte_array_sized_new (IVC_BANK_MAX_FILE_SIZE + 1);
  g_autoptr(GFile) largest = NULL;
  g_autoptr(GFile) too_large = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank;

  /* The bundled bank, padded with spaces to 16 MiB: still fine. */
  g_byte_array_append (contents, g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled));
  g_byte_array_set_size (contents, IVC_BANK_MAX_FILE_SIZE);
  memset (contents->data + g_bytes_get_size (bundled), ' ',
          IVC_BANK_MAX_FILE_SIZE - g_bytes_get_size (bundled));
  largest = fixture_write (fixture, "largest.json", (char *)contents->data, contents->len);

  bank = ivc_question_bank_new_from_file (largest, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), ==, 24);
  g_assert_finalize_object (bank);

  /* One byte more is refused before it is parsed, whichever way it comes. */
  g_byte_array_append (contents, (const guint8 *)" ", 1);
  too_large = fixture_write (fixture, "too-large.json", (char *)contents->data, contents->len);

  g_assert_null (ivc_question_bank_new_from_file (too_large, NULL, &problems, &error));
  g_assert_error (error, IVC_BANK_ERROR, IVC_BANK_ERROR_TOO_LARGE);
  assert_has_prefix (error->message, "too-large.json: ");
  assert_contains (error->message, "16 MiB");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_error ((GError *)g_ptr_array_index (problems, 0), IVC_BANK_ERROR, IVC_BANK_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&contents));
  g_assert_null (ivc_question_bank_new_from_bytes (bytes, "too-large.json", &problems, &error));
  g_assert_error (error, IVC_BANK_ERROR, IVC_BANK_ERROR_TOO_LARGE);
  assert_has_prefix (error->message, "too-large.json: ");
  assert_contains (error->message, "16 MiB");
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
assert_read_error (GFile      *file,
                   const char *prefix)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (ivc_question_bank_new_from_file (file, NULL, &problems, &error));
  g_assert_error (error, IVC_BANK_ERROR, IVC_BANK_ERROR_READ);
  assert_has_prefix (error->message, prefix);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((GError *)g_ptr_array_index (problems, 0))->message, ==, error->message);
}

static void
test_file_missing (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  assert_read_error (file, "missing.json: cannot be read: ");
}

static void
test_file_directory (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "folder.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  assert_read_error (file, "folder.json: cannot be read: ");
}

static void
test_file_unreadable (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *json = bank_as_is ();
  g_autoptr(GFile) file = fixture_write (fixture, "locked.json", json, -1);
  g_autofree char *path = g_file_get_path (file);

  /* Permissions do not stop root: as root, this runs as an ordinary user. */
  become_ordinary_user (fixture->dir);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  g_assert_cmpint (g_open (path, O_RDONLY, 0), ==, -1);

  assert_read_error (file, "locked.json: cannot be read: ");
  become_root_again ();
}

/*
 * What the loader does with every problem.
 */

static void
test_problems_all_reported (void)
{
  g_autofree char *json = bank_with (4, "  \"title\": \"\",",
                                     8, "      \"title\": 5,",
                                     14, "          \"red_flag\": [],",
                                     0);
  g_autoptr(GPtrArray) problems = assert_refused (json, -1, IVC_BANK_ERROR_INVALID, NULL, NULL);
  static const char * const expected[] = {
    "bank.json:4:3: “title” must be a non-empty string",
    "bank.json:8:7: level “junior”: “title” must be a non-empty string; found a number",
    "bank.json:14:11: level “junior”, question 1: “red_flag” must be a non-empty string; found a list",
  };

  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((GError *)g_ptr_array_index (problems, i))->message, ==, expected[i]);
}

static GString *
bank_with_bad_questions (guint n)
{
  GString *json = g_string_new ("{\"format\": 1, \"id\": \"bad\", \"title\": \"Bad\", \"levels\": [\n"
                                "{\"id\": \"all\", \"title\": \"All\", \"questions\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"q%u\", \"question\": \"Q?\", \"strong_answer\": \"A.\"}\n",
                            i > 0 ? "," : "", i);
  g_string_append (json, "]}]}\n");

  return json;
}

static void
test_problems_capped (void)
{
  g_autoptr(GString) many = bank_with_bad_questions (150);
  g_autoptr(GString) one_more = bank_with_bad_questions (IVC_BANK_MAX_PROBLEMS + 1);
  g_autoptr(GString) exactly = bank_with_bad_questions (IVC_BANK_MAX_PROBLEMS);
  g_autoptr(GPtrArray) problems = NULL;
  const GError *last;

  problems = assert_refused (many->str, -1, IVC_BANK_ERROR_INVALID, "bank.json:3:1: level “all”, question 1: ",
                             "“red_flag” is missing");
  g_assert_cmpuint (problems->len, ==, IVC_BANK_MAX_PROBLEMS + 1);
  last = g_ptr_array_index (problems, IVC_BANK_MAX_PROBLEMS - 1);
  assert_has_prefix (last->message, "bank.json:102:2: level “all”, question 100: ");
  last = g_ptr_array_index (problems, IVC_BANK_MAX_PROBLEMS);
  g_assert_cmpstr (last->message, ==, "bank.json: … and 50 more problems");
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = assert_refused (one_more->str, -1, IVC_BANK_ERROR_INVALID, NULL, NULL);
  g_assert_cmpuint (problems->len, ==, IVC_BANK_MAX_PROBLEMS + 1);
  last = g_ptr_array_index (problems, IVC_BANK_MAX_PROBLEMS);
  g_assert_cmpstr (last->message, ==, "bank.json: … and 1 more problem");
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = assert_refused (exactly->str, -1, IVC_BANK_ERROR_INVALID, NULL, NULL);
  g_assert_cmpuint (problems->len, ==, IVC_BANK_MAX_PROBLEMS);
  last = g_ptr_array_index (problems, IVC_BANK_MAX_PROBLEMS - 1);
  assert_contains (last->message, "“red_flag” is missing");
}

static void
test_unknown_keys (void)
{
  g_autofree char *json = bank_with (2, "  \"format\": 1, \"x-editor\": {\"name\": \"vim\", \"list\": [1, 2.5, {\"deep\": null}]},",
                                     8, "      \"title\": \"Junior\", \"colour\": \"blue\",",
                                     15, "          \"tags\": [\"basics\"], \"x-notes\": [\"a\"], \"weight\": 3",
                                     0);
  g_autoptr(IvcLevel) level = NULL;
  IvcQuestionBank *bank = load_valid (json);
  IvcQuestion *question;
  const char *basics[] = { "basics", NULL };

  level = g_list_model_get_item (ivc_question_bank_get_levels (bank), 0);
  g_assert_cmpstr (ivc_level_get_title (level), ==, "Junior");
  question = ivc_question_bank_find_question (bank, "what-is-a-commit");
  g_assert_nonnull (question);
  g_assert_cmpstrv (ivc_question_get_tags (question), basics);

  g_clear_object (&level);
  g_assert_finalize_object (bank);
}

static void
test_byte_order_mark (void)
{
  g_autofree char *plain = bank_as_is ();
  g_autofree char *json = g_strconcat ("\xEF\xBB\xBF", plain, NULL);
  IvcQuestionBank *bank = load_valid (json);

  g_assert_cmpstr (ivc_question_bank_get_id (bank), ==, "git-basics");
  g_assert_finalize_object (bank);

  /* Columns on the first line do not count the mark: editors hide it. */
  assert_refused_once ("\xEF\xBB\xBF{\"format\": \"one\", \"id\": \"x\", \"title\": \"X\", \"levels\": "
                       "[{\"id\": \"a\", \"title\": \"A\", \"questions\": [{\"id\": \"q\", "
                       "\"question\": \"Q\", \"strong_answer\": \"S\", \"red_flag\": \"R\"}]}]}",
                       IVC_BANK_ERROR_INVALID,
                       "bank.json:1:2: ", "“format” must be a whole number");
  assert_refused_once ("\xEF\xBB\xBF[1]", IVC_BANK_ERROR_INVALID, "bank.json:1:1: ", NULL);
  assert_refused_once ("\xEF\xBB\xBF{\"a\xFF\": 1}", IVC_BANK_ERROR_ENCODING, "bank.json:1:4: ", NULL);
  assert_refused_once ("\xEF\xBB\xBF[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
                       IVC_BANK_ERROR_TOO_DEEP, "bank.json:1:65: ", NULL);
}

static void
test_markup_is_literal (void)
{
  g_autofree char *json = bank_with (12, "          \"question\": \"What does <b>git add</b> &amp; *stage* do?\",",
                                     13, "          \"strong_answer\": \"Line one\\nLine two\\t<i>tab</i>\",",
                                     14, "          \"red_flag\": \"caf\\u00e9 & <span foreground=\\\"red\\\">\",",
                                     0);
  IvcQuestionBank *bank = load_valid (json);
  IvcQuestion *question = ivc_question_bank_find_question (bank, "what-is-a-commit");

  g_assert_cmpstr (ivc_question_get_question (question), ==, "What does <b>git add</b> &amp; *stage* do?");
  g_assert_cmpstr (ivc_question_get_strong_answer (question), ==, "Line one\nLine two\t<i>tab</i>");
  g_assert_cmpstr (ivc_question_get_red_flag (question), ==, "café & <span foreground=\"red\">");
  g_assert_finalize_object (bank);
}

/*
 * Nothing in a file can make the loader crash, hang or complain on the
 * terminal: take the bundled bank and break it in many ways.
 */

static void
byte_array_insert (GByteArray   *array,
                   guint         at,
                   const guint8 *data,
                   guint         len)
{
  guint old_len = array->len;

  g_byte_array_set_size (array, old_len + len);
  memmove (array->data + at + len, array->data + at, old_len - at);
  memcpy (array->data + at, data, len);
}

static void
mutate (GByteArray *data,
        GRand      *rng)
{
  static const char inserts[] = "{}[]\",:'\\/*";
  guint len = data->len;
  guint at = len > 0 ? g_rand_int_range (rng, 0, len) : 0;

  switch (g_rand_int_range (rng, 0, 5))
    {
    case 0: /* Truncate. */
      g_byte_array_set_size (data, at);
      break;

    case 1: /* Flip a byte. */
      if (len > 0)
        data->data[at] ^= (guint8)g_rand_int_range (rng, 1, 256);
      break;

    case 2: /* Delete a range. */
      if (len > 0)
        g_byte_array_remove_range (data, at, g_rand_int_range (rng, 1, MIN (len - at, 200) + 1));
      break;

    case 3: /* Duplicate a range. */
      if (len > 0)
        {
          guint n = g_rand_int_range (rng, 1, MIN (len - at, 500) + 1);
          g_autofree guint8 *copy = g_memdup2 (data->data + at, n);

          byte_array_insert (data, g_rand_int_range (rng, 0, len + 1), copy, n);
        }
      break;

    case 4: /* Insert something structural, a NUL or a byte that is never UTF-8. */
      {
        guint8 c;
        guint kind = g_rand_int_range (rng, 0, 10);

        if (kind == 0)
          c = '\0';
        else if (kind == 1)
          c = 0xFF;
        else
          c = inserts[g_rand_int_range (rng, 0, sizeof inserts - 1)];
        byte_array_insert (data, at, &c, 1);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_robustness (void)
{
  g_autoptr(GBytes) bundled = read_source_file ("data/questions.json");
  g_autoptr(GRand) rng = g_rand_new_with_seed (20261128);
  guint n_loaded = 0;
  guint by_code[IVC_BANK_ERROR_LIMIT + 1] = { 0 };
  guint n_codes = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(GByteArray) data = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      IvcQuestionBank *bank;
      guint n_mutations = g_rand_int_range (rng, 1, 4);

      g_byte_array_append (data, g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled));
      for (guint m = 0; m < n_mutations; m++)
        mutate (data, rng);
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));

      bank = ivc_question_bank_new_from_bytes (bytes, "mutant.json", &problems, &error);
      g_assert_nonnull (problems);

      if (bank != NULL)
        {
          g_autofree char *summary = ivc_question_bank_dup_summary (bank);

          g_assert_no_error (error);
          g_assert_cmpuint (problems->len, ==, 0);
          g_assert_cmpuint (ivc_question_bank_get_n_levels (bank), >=, 1);
          g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), >=, 1);
          assert_has_prefix (summary, ivc_question_bank_get_id (bank));
          g_assert_finalize_object (bank);
          n_loaded++;
          continue;
        }

      g_assert_nonnull (error);
      g_assert_true (error->domain == IVC_BANK_ERROR);
      g_assert_cmpint (error->code, >=, IVC_BANK_ERROR_READ);
      g_assert_cmpint (error->code, <=, IVC_BANK_ERROR_LIMIT);
      assert_has_prefix (error->message, "mutant.json");
      g_assert_cmpuint (strlen (error->message), >, strlen ("mutant.json: "));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));

      g_assert_cmpuint (problems->len, >=, 1);
      g_assert_cmpuint (problems->len, <=, IVC_BANK_MAX_PROBLEMS + 1);
      g_assert_cmpint (((GError *)g_ptr_array_index (problems, 0))->code, ==, error->code);
      for (guint p = 0; p < problems->len; p++)
        assert_has_prefix (((GError *)g_ptr_array_index (problems, p))->message, "mutant.json:");

      if (by_code[error->code]++ == 0)
        n_codes++;
    }

  g_test_message ("%u mutants loaded, %u refused, with %u kinds of error",
                  n_loaded, 3000 - n_loaded, n_codes);

  /* The mutations reach well past the syntax check. */
  g_assert_cmpuint (by_code[IVC_BANK_ERROR_SYNTAX], >, 0);
  g_assert_cmpuint (by_code[IVC_BANK_ERROR_ENCODING], >, 0);
  g_assert_cmpuint (by_code[IVC_BANK_ERROR_INVALID] + by_code[IVC_BANK_ERROR_DUPLICATE_ID], >, 0);
  g_assert_cmpuint (n_loaded, >, 0);
}

/*
 * Loading in a worker thread.
 */

typedef struct
{
  GMainLoop       *loop;
  IvcQuestionBank *bank;
  GError          *error;
} AsyncResult;

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncResult *async = user_data;

  g_assert_null (source);
  async->bank = ivc_question_bank_load_finish (result, &async->error);
  g_main_loop_quit (async->loop);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_error ("The bank did not load within 30 seconds");
  return G_SOURCE_REMOVE;
}

static void
load_async (GFile       *file,
            AsyncResult *async)
{
  guint timeout_id = g_timeout_add_seconds (30, on_timeout_cb, NULL);

  async->loop = g_main_loop_new (NULL, FALSE);
  ivc_question_bank_load_async (file, NULL, on_loaded_cb, async);
  g_main_loop_run (async->loop);
  g_clear_pointer (&async->loop, g_main_loop_unref);
  g_source_remove (timeout_id);
}

static void
test_async_valid (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GBytes) bundled = read_source_file ("data/questions.json");
  g_autoptr(GFile) file = fixture_write (fixture, "questions.json", g_bytes_get_data (bundled, NULL),
                                         g_bytes_get_size (bundled));
  AsyncResult async = { 0 };

  load_async (file, &async);
  g_assert_no_error (async.error);
  g_assert_nonnull (async.bank);
  assert_bundled_bank (async.bank);
  g_assert_finalize_object (async.bank);
}

static void
test_async_invalid (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GFile) file = fixture_write (fixture, "broken.json", "{\n  \"format\": 1,\n  \"id\": ]\n}", -1);
  g_autofree char *path = g_build_filename (fixture->dir, "missing.json", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (path);
  AsyncResult async = { 0 };

  load_async (file, &async);
  g_assert_null (async.bank);
  g_assert_error (async.error, IVC_BANK_ERROR, IVC_BANK_ERROR_SYNTAX);
  assert_has_prefix (async.error->message, "broken.json:3:9: ");
  g_clear_error (&async.error);

  load_async (missing, &async);
  g_assert_null (async.bank);
  g_assert_error (async.error, IVC_BANK_ERROR, IVC_BANK_ERROR_READ);
  assert_has_prefix (async.error->message, "missing.json: ");
  g_clear_error (&async.error);
}

/*
 * Searching.
 */

static void
test_search_words (void)
{
  static const char * const expected[] = { "resume", "circuit", "breaker", NULL };
  static const char * const none[] = { NULL };
  static const char * const folded[] = { "ecole", "strasse", NULL };
  g_auto(GStrv) words = NULL;

  words = ivc_text_search_words ("  Résumé   CIRCUIT\tbreaker\n");
  g_assert_cmpstrv (words, expected);
  g_clear_pointer (&words, g_strfreev);

  words = ivc_text_search_words ("ÉCOLE Straße");
  g_assert_cmpstrv (words, folded);
  g_clear_pointer (&words, g_strfreev);

  words = ivc_text_search_words ("");
  g_assert_cmpstrv (words, none);
  g_clear_pointer (&words, g_strfreev);

  words = ivc_text_search_words (" \t\n ");
  g_assert_cmpstrv (words, none);
  g_clear_pointer (&words, g_strfreev);

  words = ivc_text_search_words (NULL);
  g_assert_cmpstrv (words, none);
}

static gboolean
matches (IvcQuestion *question,
         const char  *query)
{
  g_auto(GStrv) words = ivc_text_search_words (query);

  return ivc_question_matches (question, (const char * const *)words);
}

static void
test_search_matches (void)
{
  const char *tags[] = { "resilience", "api-design", NULL };
  const char *no_words[] = { NULL };
  IvcQuestion *question;

  question = ivc_question_new ("parser", "How would you parse a Résumé upload?",
                               "Mentions the Circuit Breaker pattern and retries.",
                               "Ignores idempotency entirely.", tags);

  /* Case and accents do not matter, either way round. */
  g_assert_true (matches (question, "resume"));
  g_assert_true (matches (question, "RÉSUMÉ"));
  g_assert_true (matches (question, "Resume"));
  g_assert_true (matches (question, "circuit"));
  g_assert_true (matches (question, "CIRCUIT breaker"));

  /* Every field is searched: answer, red flag, tags. */
  g_assert_true (matches (question, "retries"));
  g_assert_true (matches (question, "idempotency"));
  g_assert_true (matches (question, "resilience"));
  g_assert_true (matches (question, "api-design"));
  g_assert_true (matches (question, "resume idempotency resilience"));

  /* Every word must match. */
  g_assert_false (matches (question, "kubernetes"));
  g_assert_false (matches (question, "circuit kubernetes"));
  g_assert_false (matches (question, "resume   kubernetes"));

  /* No words: everything matches. */
  g_assert_true (matches (question, ""));
  g_assert_true (matches (question, "   "));
  g_assert_true (ivc_question_matches (question, no_words));
  g_assert_true (ivc_question_matches (question, NULL));

  g_assert_finalize_object (question);
}

static guint
match (IvcQuestion      *question,
       const char       *query,
       IvcQuestionMatch *where)
{
  g_auto(GStrv) words = ivc_text_search_words (query);

  return ivc_question_match (question, (const char * const *)words, where);
}

/* The question's own words rank first, then its tags, then its answers;
 * and the match says where it was found. */
static void
test_search_rank (void)
{
  const char *saga_tags[] = { "transactions", NULL };
  const char *other_tags[] = { "data", "saga-tag", NULL };
  IvcQuestion *saga, *consistency;
  IvcQuestionMatch where;

  saga = ivc_question_new ("saga", "What is the saga pattern?", "Local transactions with compensation.",
                           "Thinks a saga is a distributed lock.", saga_tags);
  consistency = ivc_question_new ("consistency", "How do you handle data consistency across services?",
                                  "Eventual consistency, sagas, outbox.", "Shares one database.", other_tags);

  g_assert_cmpuint (match (saga, "saga", &where), >, match (consistency, "saga", NULL));
  g_assert_cmpint (where, ==, IVC_QUESTION_MATCH_QUESTION);
  g_assert_cmpuint (match (consistency, "saga", &where), >, 0);
  g_assert_cmpint (where, ==, IVC_QUESTION_MATCH_TAGS);
  g_assert_cmpuint (match (consistency, "outbox", &where), ==, IVC_QUESTION_MATCH_RANK_ANSWERS);
  g_assert_cmpint (where, ==, IVC_QUESTION_MATCH_STRONG_ANSWER);
  g_assert_cmpuint (match (saga, "lock", &where), >, 0);
  g_assert_cmpint (where, ==, IVC_QUESTION_MATCH_RED_FLAG);

  /* A tag outranks answers; two words in the question, one. */
  g_assert_cmpuint (match (consistency, "data", NULL), >, match (saga, "compensation", NULL));
  g_assert_cmpuint (match (saga, "saga pattern", NULL), >, match (saga, "saga", NULL));
  g_assert_cmpuint (match (saga, "pattern compensation", &where), >, match (consistency, "saga", NULL));
  g_assert_cmpint (where, ==, IVC_QUESTION_MATCH_QUESTION | IVC_QUESTION_MATCH_STRONG_ANSWER);

  /* No match, and no words. */
  g_assert_cmpuint (match (saga, "kubernetes", &where), ==, 0);
  g_assert_cmpint (where, ==, IVC_QUESTION_MATCH_NONE);
  g_assert_cmpuint (match (saga, "saga kubernetes", NULL), ==, 0);
  g_assert_cmpuint (match (saga, "", NULL), ==, 1);

  g_assert_finalize_object (saga);
  g_assert_finalize_object (consistency);
}

static void
test_search_bundled_bank (void)
{
  g_autoptr(GBytes) bytes = read_source_file ("data/questions.json");
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_auto(GStrv) saga = ivc_text_search_words ("SAGA");
  g_auto(GStrv) nothing = ivc_text_search_words ("");
  g_auto(GStrv) nonsense = ivc_text_search_words ("saga xylophone");
  GListModel *levels;
  guint n_saga = 0, n_all = 0, n_nonsense = 0;

  bank = ivc_question_bank_new_from_bytes (bytes, "questions.json", NULL, NULL);
  g_assert_nonnull (bank);
  g_assert_true (ivc_question_matches (ivc_question_bank_find_question (bank, "what-is-the-saga-pattern"),
                                       (const char * const *)saga));

  levels = ivc_question_bank_get_levels (bank);
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);
      GListModel *questions = ivc_level_get_questions (level);

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, j);

          n_saga += ivc_question_matches (question, (const char * const *)saga);
          n_all += ivc_question_matches (question, (const char * const *)nothing);
          n_nonsense += ivc_question_matches (question, (const char * const *)nonsense);
        }
    }

  g_assert_cmpuint (n_saga, >=, 1);
  g_assert_cmpuint (n_saga, <, 24);
  g_assert_cmpuint (n_all, ==, 24);
  g_assert_cmpuint (n_nonsense, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ivc/bank/bundled/load", test_bundled_bank);
  g_test_add_func ("/ivc/bank/bundled/from-file", test_bundled_bank_from_file);
  g_test_add_func ("/ivc/bank/bundled/level-subtitle", test_bundled_level_subtitle);
  g_test_add_func ("/ivc/bank/docs-example", test_docs_example);
  g_test_add_func ("/ivc/bank/minimal", test_template_loads);

  g_test_add_func ("/ivc/bank/error/empty", test_error_empty);
  g_test_add_func ("/ivc/bank/error/whitespace", test_error_whitespace);
  g_test_add_func ("/ivc/bank/error/syntax", test_error_syntax);
  g_test_add_func ("/ivc/bank/error/encoding", test_error_encoding);
  g_test_add_func ("/ivc/bank/error/strict", test_error_strict);
  g_test_add_func ("/ivc/bank/error/not-object", test_error_not_object);
  g_test_add_func ("/ivc/bank/error/format", test_error_format);
  g_test_add_func ("/ivc/bank/error/format-newer", test_error_format_newer);
  g_test_add_func ("/ivc/bank/error/bank-title", test_error_bank_title);
  g_test_add_func ("/ivc/bank/error/optional-texts", test_error_optional_texts);
  g_test_add_func ("/ivc/bank/error/bad-ids", test_error_bad_ids);
  g_test_add_func ("/ivc/bank/error/levels", test_error_levels);
  g_test_add_func ("/ivc/bank/error/level-fields", test_error_level_fields);
  g_test_add_func ("/ivc/bank/error/question-fields", test_error_question_fields);
  g_test_add_func ("/ivc/bank/error/duplicate-ids", test_error_duplicate_ids);
  g_test_add_func ("/ivc/bank/error/tags", test_error_tags);
  g_test_add_func ("/ivc/bank/error/text-too-long", test_error_text_too_long);
  g_test_add_func ("/ivc/bank/error/too-many-levels", test_error_too_many_levels);
  g_test_add_func ("/ivc/bank/error/too-many-questions", test_error_too_many_questions);
  g_test_add_func ("/ivc/bank/error/too-deep", test_error_too_deep);

  g_test_add ("/ivc/bank/file/names-in-messages", Fixture, NULL,
              fixture_setup, test_file_names_in_messages, fixture_teardown);
  g_test_add ("/ivc/bank/file/too-large", Fixture, NULL,
              fixture_setup, test_file_too_large, fixture_teardown);
  g_test_add ("/ivc/bank/file/missing", Fixture, NULL,
              fixture_setup, test_file_missing, fixture_teardown);
  g_test_add ("/ivc/bank/file/directory", Fixture, NULL,
              fixture_setup, test_file_directory, fixture_teardown);
  g_test_add ("/ivc/bank/file/unreadable", Fixture, NULL,
              fixture_setup, test_file_unreadable, fixture_teardown);

  g_test_add_func ("/ivc/bank/problems/all-reported", test_problems_all_reported);
  g_test_add_func ("/ivc/bank/problems/capped", test_problems_capped);
  g_test_add_func ("/ivc/bank/unknown-keys", test_unknown_keys);
  g_test_add_func ("/ivc/bank/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/ivc/bank/markup-is-literal", test_markup_is_literal);
  g_test_add_func ("/ivc/bank/id-is-valid", test_id_is_valid);
  g_test_add_func ("/ivc/bank/robustness", test_robustness);

  g_test_add ("/ivc/bank/async/valid", Fixture, NULL,
              fixture_setup, test_async_valid, fixture_teardown);
  g_test_add ("/ivc/bank/async/invalid", Fixture, NULL,
              fixture_setup, test_async_invalid, fixture_teardown);

  g_test_add_func ("/ivc/bank/search/words", test_search_words);
  g_test_add_func ("/ivc/bank/search/matches", test_search_matches);
  g_test_add_func ("/ivc/bank/search/rank", test_search_rank);
  g_test_add_func ("/ivc/bank/search/bundled-bank", test_search_bundled_bank);

  return g_test_run ();
}
