/* test-bank-translations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The language versions of the bundled bank: every data/questions.LANG.json
 * is bundled, valid, in its language and has exactly the ids of the
 * original; the version shown is chosen by the user's languages; and a
 * candidate scored with one version keeps their scores with another.
 */

#include "config.h"

#include <string.h>

#include "ivc-bank-library.h"
#include "ivc-question-bank-loader.h"
#include "ivc-scorecard.h"

static char *
data_path (const char *name)
{
  const char *root = g_getenv ("IVC_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", name, NULL);
}

/* The LANG of every data/questions.LANG.json in the source tree. */
static GPtrArray *
list_translation_files (void)
{
  g_autofree char *dir_path = data_path (NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *languages = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gsize len = strlen (name);

      if (g_str_has_prefix (name, "questions.") && g_str_has_suffix (name, ".json") &&
          len > strlen ("questions..json"))
        g_ptr_array_add (languages, g_strndup (name + strlen ("questions."),
                                               len - strlen ("questions..json")));
    }

  return languages;
}

static IvcQuestionBank *
load_data_file (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank;

  /* The rules of --check-bank. */
  bank = ivc_question_bank_new_from_file (file, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  return bank;
}

/* The ids of a bank, level by level and question by question, as text:
 * "bank-id\n  level-id\n    question-id\n...". */
static char *
dup_id_outline (IvcQuestionBank *bank)
{
  GString *out = g_string_new (ivc_question_bank_get_id (bank));
  GListModel *levels = ivc_question_bank_get_levels (bank);

  for (guint l = 0; l < g_list_model_get_n_items (levels); l++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, l);
      GListModel *questions = ivc_level_get_questions (level);

      g_string_append_printf (out, "\n  %s", ivc_level_get_id (level));
      for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, q);

          g_string_append_printf (out, "\n    %s", ivc_question_get_id (question));
        }
    }

  return g_string_free (out, FALSE);
}

static void
test_every_file_bundled (void)
{
  g_autoptr(GPtrArray) languages = list_translation_files ();
  g_autoptr(IvcBankLibrary) library = ivc_bank_library_new (NULL, NULL);
  g_autoptr(IvcQuestionBank) original = load_data_file ("questions.json");
  g_autofree char *original_ids = dup_id_outline (original);

  /* French at least; German and Spanish join by being dropped in. */
  g_assert_cmpuint (languages->len, >=, 1);
  g_assert_cmpuint (ivc_bank_library_get_n_bundled (library), ==, languages->len + 1);
  g_assert_cmpuint (g_list_model_get_n_items (ivc_bank_library_get_bundled_versions (library)), ==,
                    languages->len + 1);

  for (guint i = 0; i < languages->len; i++)
    {
      const char *language = g_ptr_array_index (languages, i);
      g_autofree char *name = g_strdup_printf ("questions.%s.json", language);
      g_autoptr(IvcQuestionBank) bank = load_data_file (name);
      g_autofree char *ids = dup_id_outline (bank);
      IvcBankInfo *info;

      g_test_message ("%s", name);

      /* In the language its name says, with the ids of the original. */
      g_assert_cmpstr (ivc_question_bank_get_language (bank), ==, language);
      g_assert_cmpstr (ids, ==, original_ids);
      g_assert_cmpstr (ivc_question_bank_get_title (bank), !=, "");

      /* Listed in the resource, as a version of the bundled bank. */
      info = ivc_bank_library_lookup_bundled (library, language);
      g_assert_nonnull (info);
      g_assert_cmpstr (ivc_bank_info_get_language (info), ==, language);
      g_assert_true (ivc_bank_info_get_is_bundled (info));
      g_assert_cmpstr (ivc_bank_info_get_id (info), ==, ivc_question_bank_get_id (original));
      g_assert_cmpuint (ivc_bank_info_get_n_questions (info), ==, ivc_question_bank_get_n_questions (original));
    }
}

static void
test_choose_language (void)
{
  g_autoptr(IvcBankLibrary) library = ivc_bank_library_new (NULL, NULL);
  const char *french[] = { "fr_FR.UTF-8", "fr_FR", "fr", "C", NULL };
  const char *canadian[] = { "fr-CA", NULL };
  const char *japanese_then_french[] = { "ja_JP.UTF-8", "ja_JP", "ja", "fr", "C", NULL };
  const char *japanese[] = { "ja_JP.UTF-8", "ja", "C", NULL };
  const char *c_only[] = { "C", NULL };
  const char *c_first[] = { "C", "fr", NULL };

  g_assert_cmpstr (ivc_bank_library_choose_language (library, french), ==, "fr");
  g_assert_cmpstr (ivc_bank_library_choose_language (library, canadian), ==, "fr");
  g_assert_cmpstr (ivc_bank_library_choose_language (library, japanese_then_french), ==, "fr");
  g_assert_cmpstr (ivc_bank_library_choose_language (library, japanese), ==, "en");
  g_assert_cmpstr (ivc_bank_library_choose_language (library, c_only), ==, "en");
  g_assert_cmpstr (ivc_bank_library_choose_language (library, c_first), ==, "en");
  g_assert_cmpstr (ivc_bank_library_choose_language (library, NULL), ==, "en");

  g_assert_null (ivc_bank_library_lookup_bundled (library, "ja"));
  g_assert_nonnull (ivc_bank_library_lookup_bundled (library, "fr_FR.UTF-8"));
  g_assert_false (ivc_bank_library_set_bundled_language (library, "ja"));
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u ", position, removed, added);
}

static void
test_switch_language (void)
{
  g_autoptr(IvcBankLibrary) library = ivc_bank_library_new (NULL, NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(IvcBankInfo) listed = NULL;
  IvcBankInfo *original = ivc_bank_library_get_bundled (library);
  IvcBankInfo *french;

  /* The original until told otherwise; one bank in the list, whatever the
   * number of its versions. */
  g_assert_cmpstr (ivc_bank_info_get_language (original), ==, "en");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  g_signal_connect (library, "items-changed", G_CALLBACK (on_items_changed_cb), log);

  g_assert_true (ivc_bank_library_set_bundled_language (library, "fr"));
  french = ivc_bank_library_get_bundled (library);
  g_assert_cmpstr (ivc_bank_info_get_language (french), ==, "fr");
  g_assert_cmpstr (ivc_question_bank_get_language (ivc_bank_library_get_bundled_bank (library)), ==, "fr");
  g_assert_cmpstr (ivc_question_bank_get_title (ivc_bank_library_get_bundled_bank (library)), ==, "Microservices");

  /* It takes the original's place in the list and for its id. */
  g_assert_cmpstr (log->str, ==, "0-1+1 ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  listed = g_list_model_get_item (G_LIST_MODEL (library), 0);
  g_assert_true (listed == french);
  g_assert_true (ivc_bank_library_lookup (library, "microservices") == french);

  /* The same language again changes nothing. */
  g_assert_true (ivc_bank_library_set_bundled_language (library, "fr-FR"));
  g_assert_cmpstr (log->str, ==, "0-1+1 ");

  g_assert_true (ivc_bank_library_set_bundled_language (library, "en"));
  g_assert_true (ivc_bank_library_get_bundled (library) == original);
  g_assert_cmpstr (log->str, ==, "0-1+1 0-1+1 ");
}

static void
on_bank_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  IvcQuestionBank **bank = user_data;
  g_autoptr(GError) error = NULL;

  *bank = ivc_bank_library_load_bank_finish (IVC_BANK_LIBRARY (source), result, &error);
  g_assert_no_error (error);
}

/* Scored with the English bank, read with the French one: every score,
 * red flag and note stays with its question. */
static void
test_candidate_keeps_scores (void)
{
  g_autoptr(IvcBankLibrary) library = ivc_bank_library_new (NULL, NULL);
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("ada-lovelace-00c0ffee", "Ada Lovelace");
  g_autoptr(IvcQuestionBank) french = NULL;
  g_autoptr(IvcScorecard) english_card = NULL;
  g_autoptr(IvcScorecard) french_card = NULL;
  IvcEvaluation *evaluation;
  const IvcScorecardEntry *entry;

  ivc_candidate_set_bank_id (candidate, "microservices");
  evaluation = ivc_candidate_ensure_evaluation (candidate, "what-is-the-saga-pattern");
  ivc_evaluation_set_score (evaluation, IVC_SCORE_GOOD);
  ivc_evaluation_set_notes (evaluation, "Compensating actions, clearly");
  evaluation = ivc_candidate_ensure_evaluation (candidate, "conways-law-and-microservices");
  ivc_evaluation_set_score (evaluation, IVC_SCORE_POOR);
  ivc_evaluation_set_red_flag_observed (evaluation, TRUE);
  english_card = ivc_scorecard_new (candidate, ivc_bank_library_get_bundled_bank (library));

  /* The French version, loaded as the window loads it. */
  ivc_bank_library_load_bank_async (library, ivc_bank_library_lookup_bundled (library, "fr"), NULL,
                                    on_bank_loaded_cb, &french);
  while (french == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (ivc_question_bank_get_language (french), ==, "fr");
  g_assert_cmpstr (ivc_question_bank_get_id (french), ==, ivc_candidate_get_bank_id (candidate));

  french_card = ivc_scorecard_new (candidate, french);
  g_assert_cmpuint (ivc_scorecard_get_n_removed (french_card), ==, 0);
  entry = ivc_scorecard_find_entry (french_card, "what-is-the-saga-pattern");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->score, ==, IVC_SCORE_GOOD);
  g_assert_cmpstr (entry->notes, ==, "Compensating actions, clearly");
  g_assert_cmpstr (entry->question, ==, "Qu’est-ce que le patron saga\u00a0?");
  g_assert_cmpstr (entry->level_id, ==, "mid-level");
  entry = ivc_scorecard_find_entry (french_card, "conways-law-and-microservices");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->score, ==, IVC_SCORE_POOR);
  g_assert_true (entry->red_flag);

  /* The same figures in either language. */
  g_assert_cmpuint (ivc_scorecard_get_n_removed (english_card), ==, 0);
  g_assert_cmpuint (ivc_scorecard_get_n_scored (french_card), ==, ivc_scorecard_get_n_scored (english_card));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ivc/bank-translations/every-file-bundled", test_every_file_bundled);
  g_test_add_func ("/ivc/bank-translations/choose-language", test_choose_language);
  g_test_add_func ("/ivc/bank-translations/switch-language", test_switch_language);
  g_test_add_func ("/ivc/bank-translations/candidate-keeps-scores", test_candidate_keeps_scores);

  return g_test_run ();
}
