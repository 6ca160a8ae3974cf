/* test-bank-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Banks written back out: as JSON and as a Markdown guide, each read again
 * to the same bank; a guide imported into the library is kept as a bank
 * file that reads the same.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ivc-bank-library.h"
#include "ivc-bank-writer.h"
#include "ivc-guide-importer.h"
#include "ivc-question-bank.h"

#include "ivc-test-files.h"

static char *
source_path (const char *relative)
{
  const char *root = g_getenv ("IVC_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

static IvcQuestionBank *
load_source (const char *relative)
{
  g_autofree char *path = source_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank;

  bank = ivc_question_bank_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  return bank;
}

static IvcQuestionBank *
load_bytes (GBytes     *bytes,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank = ivc_question_bank_new_from_bytes (bytes, name, NULL, &error);

  if (error != NULL)
    g_test_message ("%.*s", (int)g_bytes_get_size (bytes), (const char *)g_bytes_get_data (bytes, NULL));
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  return bank;
}

static void
assert_same_bank (IvcQuestionBank *bank,
                  IvcQuestionBank *again)
{
  g_autofree char *difference = ivc_question_bank_describe_difference (bank, again);

  g_assert_cmpstr (difference, ==, NULL);
}

/* The format 2 example of the documentation, as a bank. */
static IvcQuestionBank *
load_docs_example (void)
{
  g_autofree char *path = source_path ("docs/question-bank-format.md");
  g_autofree char *doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *start, *end;

  g_assert_true (g_file_get_contents (path, &doc, NULL, NULL));
  start = strstr (doc, "## Complete example (format 2)");
  g_assert_nonnull (start);
  start = strstr (start, "```json\n") + strlen ("```json\n");
  end = strstr (start, "\n```\n");
  bytes = g_bytes_new (start, end - start);
  return load_bytes (bytes, "example.json");
}

static const char * const sources[] = {
  "data/questions.json",
  "tests/data/frontend.json",
  "tests/data/sql.json",
  "tests/data/people-management.json",
  "tests/data/microservices-interview-questions.md",
  NULL,   /* the documentation's format 2 example */
};

static IvcQuestionBank *
load_nth (guint i)
{
  return sources[i] ? load_source (sources[i]) : load_docs_example ();
}

/* A Markdown export imports again to the same bank: ids, texts, titles,
 * follow-ups, rubrics, tags. */
static void
test_markdown_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(IvcQuestionBank) bank = load_nth (i);
      g_autoptr(GBytes) markdown = ivc_bank_writer_to_markdown (bank);
      g_autoptr(IvcQuestionBank) again = load_bytes (markdown, "export.md");

      g_test_message ("%s", sources[i] ? sources[i] : "docs example");
      assert_same_bank (bank, again);
      g_assert_cmpuint (g_strv_length ((char **)ivc_question_bank_get_warnings (again)), ==, 0);
    }
}

/* So does a JSON export, which is format 1 when nothing needs format 2. */
static void
test_json_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(IvcQuestionBank) bank = load_nth (i);
      g_autoptr(GBytes) json = ivc_bank_writer_to_json (bank);
      g_autoptr(IvcQuestionBank) again = load_bytes (json, "export.json");
      g_autofree char *text = g_strndup (g_bytes_get_data (json, NULL), g_bytes_get_size (json));

      assert_same_bank (bank, again);
      if (i == 0)
        g_assert_nonnull (strstr (text, "\"format\" : 1"));
      if (sources[i] == NULL)
        g_assert_nonnull (strstr (text, "\"format\" : 2"));
    }
}

/* A difference is found and named. */
static void
test_difference (void)
{
  g_autoptr(IvcQuestionBank) bank = load_source ("tests/data/sql.json");
  g_autoptr(IvcQuestionBank) other = load_docs_example ();
  g_autoptr(GBytes) markdown = ivc_bank_writer_to_markdown (bank);
  g_autofree char *text = g_strndup (g_bytes_get_data (markdown, NULL), g_bytes_get_size (markdown));
  g_autofree char *changed_text = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(IvcQuestionBank) again = NULL;
  g_autofree char *difference = NULL;
  char *red_flag;

  difference = ivc_question_bank_describe_difference (bank, other);
  g_assert_nonnull (difference);
  g_clear_pointer (&difference, g_free);

  /* One word of one red flag. */
  red_flag = strstr (text, "Red flag\n\n");
  g_assert_nonnull (red_flag);
  changed_text = g_strdup (text);
  changed_text[red_flag - text + strlen ("Red flag\n\n")] ^= 0x20;
  changed = g_bytes_new (changed_text, strlen (changed_text));
  again = load_bytes (changed, "changed.md");
  difference = ivc_question_bank_describe_difference (bank, again);
  g_assert_cmpstr (difference, ==, "level 1, question 1: the red flag differs");
}

/* Control characters in a guide's text are escaped in its JSON (json-glib
 * 1.6 writes some raw). Found by fuzz-guide. */
static void
test_json_control_characters (void)
{
  static const char guide[] = "# T\n\n## L\n\n### Q\x1f\x01\x7f?\n\nStrong answer\n\nA\tb\x0b\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (guide, strlen (guide));
  g_autoptr(IvcQuestionBank) bank = load_bytes (bytes, "control.md");
  g_autoptr(GBytes) json = ivc_bank_writer_to_json (bank);
  g_autoptr(IvcQuestionBank) again = load_bytes (json, "control.json");

  assert_same_bank (bank, again);
}

static void
test_format_names (void)
{
  g_autoptr(GError) error = NULL;
  IvcBankFileFormat format = IVC_BANK_FILE_JSON;

  g_assert_true (ivc_bank_file_format_from_string ("md", &format, NULL));
  g_assert_cmpint (format, ==, IVC_BANK_FILE_MARKDOWN);
  g_assert_true (ivc_bank_file_format_from_string ("JSON", &format, NULL));
  g_assert_cmpint (format, ==, IVC_BANK_FILE_JSON);
  g_assert_false (ivc_bank_file_format_from_string ("csv", &format, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* A guide imported into the library is kept as a bank file: listed like
 * any bank, read again the same after a restart. */
static void
test_library_import_guide (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ivc-writer-XXXXXX", NULL);
  g_autofree char *folder_path = g_build_filename (tmp, "banks", NULL);
  g_autofree char *guide_path = source_path ("tests/data/microservices-interview-questions.md");
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) guide = g_file_new_for_path (guide_path);
  g_autoptr(IvcBankLibrary) library = ivc_bank_library_new (folder, NULL);
  g_autoptr(IvcBankLibrary) restarted = NULL;
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(IvcQuestionBank) stored = NULL;
  g_autoptr(IvcBankInfo) info = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored_path = NULL;
  g_autofree char *listing = NULL;
  IvcBankInfo *listed;

  g_assert_true (ivc_bank_library_load (library, NULL, NULL, &error));
  g_assert_no_error (error);

  bank = ivc_bank_library_import (library, guide, NULL, &info, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), ==, 24);

  stored_path = g_strconcat (folder_path, "/", ivc_question_bank_get_id (bank), ".json", NULL);
  listing = list_folder (folder_path);
  g_assert_true (g_file_test (stored_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (file_contains (stored_path, "\"format\" : 1"));

  restarted = ivc_bank_library_new (folder, NULL);
  g_assert_true (ivc_bank_library_load (restarted, NULL, NULL, &error));
  g_assert_no_error (error);
  listed = ivc_bank_library_lookup (restarted, ivc_question_bank_get_id (bank));
  g_assert_nonnull (listed);
  stored = ivc_question_bank_new_from_file (ivc_bank_info_get_file (listed), NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_bank (bank, stored);

  remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ivc/bank-writer/markdown-round-trip", test_markdown_round_trip);
  g_test_add_func ("/ivc/bank-writer/json-round-trip", test_json_round_trip);
  g_test_add_func ("/ivc/bank-writer/difference", test_difference);
  g_test_add_func ("/ivc/bank-writer/format-names", test_format_names);
  g_test_add_func ("/ivc/bank-writer/json-control-characters", test_json_control_characters);
  g_test_add_func ("/ivc/bank-writer/library-import-guide", test_library_import_guide);

  return g_test_run ();
}
