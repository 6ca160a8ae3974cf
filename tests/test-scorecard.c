/* test-scorecard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ivc-export.h"
#include "ivc-scorecard.h"

#include "ivc-test-bank.h"

/*
 * Helpers.
 */


static const BankItem demo_items[] = {
  { "junior", NULL, "Junior" },
  { NULL, "q1", "First question?" },
  { NULL, "q2", "Second question?" },
  { NULL, "q3", "Third question?" },
  { "senior", NULL, "Senior" },
  { NULL, "q4", "Fourth question?" },
  { NULL, "q5", "Fifth question?" },
  { "staff", NULL, "Staff" },
  { NULL, "q6", "Sixth question?" },
};

static IvcQuestionBank *
make_demo_bank (void)
{
  return make_bank ("demo", "Demo bank", demo_items, G_N_ELEMENTS (demo_items));
}

static void
evaluate (IvcCandidate *candidate,
          const char   *question_id,
          IvcScore      score,
          gboolean      red_flag,
          const char   *notes,
          guint64       seconds)
{
  IvcEvaluation *evaluation = ivc_candidate_ensure_evaluation (candidate, question_id);

  ivc_evaluation_set_score (evaluation, score);
  ivc_evaluation_set_red_flag_observed (evaluation, red_flag);
  ivc_evaluation_set_notes (evaluation, notes);
  ivc_evaluation_set_seconds (evaluation, seconds);
}

/* q1 Strong, q2 Mixed with a red flag, q3 notes only; q4 Poor with a red
 * flag, q5 untouched; q6 Good. "gone" is no longer in the bank. */
static IvcCandidate *
make_demo_candidate (void)
{
  IvcCandidate *candidate = ivc_candidate_new ("zoe-martin-0badcafe", "Zoë Martin");

  ivc_candidate_set_role (candidate, "Backend engineer");
  ivc_candidate_set_interview_date (candidate, "2024-05-01");
  ivc_candidate_set_bank_id (candidate, "demo");
  ivc_candidate_set_recommendation (candidate, IVC_RECOMMENDATION_YES);
  ivc_candidate_set_summary (candidate, "Solid.");
  ivc_candidate_set_interviewer (candidate, "ann", "Ann Lee");
  ivc_candidate_set_interview_seconds (candidate, 3725);

  evaluate (candidate, "q1", IVC_SCORE_STRONG, FALSE, "Great answer.", 120);
  evaluate (candidate, "q2", IVC_SCORE_MIXED, TRUE, "", 300);
  evaluate (candidate, "q3", IVC_SCORE_NONE, FALSE, "Ran out of time.", 15);
  evaluate (candidate, "q4", IVC_SCORE_POOR, TRUE, "", 600);
  evaluate (candidate, "q6", IVC_SCORE_GOOD, FALSE, "", 0);
  evaluate (candidate, "gone", IVC_SCORE_GOOD, TRUE, "Asked in an older bank.", 42);

  /* Looked at, nothing noted: counts as untouched. */
  ivc_candidate_ensure_evaluation (candidate, "q5");
  ivc_candidate_ensure_evaluation (candidate, "never-asked");

  return candidate;
}

/*
 * Tests.
 */

static void
test_overall (void)
{
  g_autoptr(IvcQuestionBank) bank = make_demo_bank ();
  g_autoptr(IvcCandidate) candidate = make_demo_candidate ();
  g_autoptr(IvcScorecard) scorecard = ivc_scorecard_new (candidate, bank);

  g_assert_true (ivc_scorecard_get_candidate (scorecard) == candidate);
  g_assert_true (ivc_scorecard_get_bank (scorecard) == bank);

  g_assert_cmpstr (ivc_scorecard_get_candidate_id (scorecard), ==, "zoe-martin-0badcafe");
  g_assert_cmpstr (ivc_scorecard_get_candidate_name (scorecard), ==, "Zoë Martin");
  g_assert_cmpstr (ivc_scorecard_get_role (scorecard), ==, "Backend engineer");
  g_assert_cmpstr (ivc_scorecard_get_interview_date (scorecard), ==, "2024-05-01");
  g_assert_cmpstr (ivc_scorecard_get_interviewer_id (scorecard), ==, "ann");
  g_assert_cmpstr (ivc_scorecard_get_interviewer_name (scorecard), ==, "Ann Lee");
  g_assert_cmpstr (ivc_scorecard_get_bank_id (scorecard), ==, "demo");
  g_assert_cmpstr (ivc_scorecard_get_bank_title (scorecard), ==, "Demo bank");
  g_assert_cmpint (ivc_scorecard_get_recommendation (scorecard), ==, IVC_RECOMMENDATION_YES);
  g_assert_cmpstr (ivc_scorecard_get_summary (scorecard), ==, "Solid.");
  g_assert_cmpuint (ivc_scorecard_get_interview_seconds (scorecard), ==, 3725);

  /* Scored: q1 (4), q2 (2), q4 (1), q6 (3); "gone" is not in the bank. */
  g_assert_cmpuint (ivc_scorecard_get_n_questions (scorecard), ==, 6);
  g_assert_cmpuint (ivc_scorecard_get_n_scored (scorecard), ==, 4);
  g_assert_cmpfloat_with_epsilon (ivc_scorecard_get_coverage (scorecard), 4.0 / 6.0, 1e-9);
  g_assert_true (ivc_scorecard_has_average (scorecard));
  g_assert_cmpfloat_with_epsilon (ivc_scorecard_get_average (scorecard), 10.0 / 4.0, 1e-9);
  g_assert_cmpuint (ivc_scorecard_get_n_red_flags (scorecard), ==, 2);
  g_assert_cmpuint (ivc_scorecard_get_question_seconds (scorecard), ==, 120 + 300 + 15 + 600);

  g_assert_cmpuint (ivc_scorecard_get_n_with_score (scorecard, IVC_SCORE_NONE), ==, 2);
  g_assert_cmpuint (ivc_scorecard_get_n_with_score (scorecard, IVC_SCORE_POOR), ==, 1);
  g_assert_cmpuint (ivc_scorecard_get_n_with_score (scorecard, IVC_SCORE_MIXED), ==, 1);
  g_assert_cmpuint (ivc_scorecard_get_n_with_score (scorecard, IVC_SCORE_GOOD), ==, 1);
  g_assert_cmpuint (ivc_scorecard_get_n_with_score (scorecard, IVC_SCORE_STRONG), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&scorecard));
  g_assert_finalize_object (g_steal_pointer (&candidate));
  g_assert_finalize_object (g_steal_pointer (&bank));
}

static void
test_levels (void)
{
  g_autoptr(IvcQuestionBank) bank = make_demo_bank ();
  g_autoptr(IvcCandidate) candidate = make_demo_candidate ();
  g_autoptr(IvcScorecard) scorecard = ivc_scorecard_new (candidate, bank);
  const IvcScorecardLevel *level;
  const IvcScorecardEntry *entry;

  g_assert_cmpuint (ivc_scorecard_get_n_levels (scorecard), ==, 3);

  level = ivc_scorecard_get_level (scorecard, 0);
  g_assert_cmpstr (level->id, ==, "junior");
  g_assert_cmpstr (level->title, ==, "Junior");
  g_assert_cmpuint (level->n_questions, ==, 3);
  g_assert_cmpuint (level->n_scored, ==, 2);
  g_assert_cmpfloat_with_epsilon (level->average, 3.0, 1e-9);
  g_assert_cmpuint (level->n_red_flags, ==, 1);
  g_assert_cmpuint (level->distribution[IVC_SCORE_NONE], ==, 1);
  g_assert_cmpuint (level->distribution[IVC_SCORE_POOR], ==, 0);
  g_assert_cmpuint (level->distribution[IVC_SCORE_MIXED], ==, 1);
  g_assert_cmpuint (level->distribution[IVC_SCORE_GOOD], ==, 0);
  g_assert_cmpuint (level->distribution[IVC_SCORE_STRONG], ==, 1);
  g_assert_cmpuint (level->seconds, ==, 435);
  g_assert_cmpuint (level->entries->len, ==, 3);

  /* In bank order, whether evaluated or not. */
  entry = g_ptr_array_index (level->entries, 0);
  g_assert_cmpstr (entry->question_id, ==, "q1");
  g_assert_cmpstr (entry->question, ==, "First question?");
  g_assert_cmpstr (entry->level_id, ==, "junior");
  g_assert_cmpint (entry->score, ==, IVC_SCORE_STRONG);
  g_assert_false (entry->red_flag);
  g_assert_cmpstr (entry->notes, ==, "Great answer.");
  g_assert_cmpuint (entry->seconds, ==, 120);
  entry = g_ptr_array_index (level->entries, 1);
  g_assert_cmpstr (entry->question_id, ==, "q2");
  g_assert_true (entry->red_flag);
  entry = g_ptr_array_index (level->entries, 2);
  g_assert_cmpstr (entry->question_id, ==, "q3");
  g_assert_cmpint (entry->score, ==, IVC_SCORE_NONE);
  g_assert_cmpstr (entry->notes, ==, "Ran out of time.");

  level = ivc_scorecard_get_level (scorecard, 1);
  g_assert_cmpstr (level->id, ==, "senior");
  g_assert_cmpuint (level->n_questions, ==, 2);
  g_assert_cmpuint (level->n_scored, ==, 1);
  g_assert_cmpfloat_with_epsilon (level->average, 1.0, 1e-9);
  g_assert_cmpuint (level->n_red_flags, ==, 1);
  g_assert_cmpuint (level->distribution[IVC_SCORE_NONE], ==, 1);
  g_assert_cmpuint (level->distribution[IVC_SCORE_POOR], ==, 1);
  g_assert_cmpuint (level->seconds, ==, 600);
  entry = g_ptr_array_index (level->entries, 1);
  g_assert_cmpstr (entry->question_id, ==, "q5");
  g_assert_cmpint (entry->score, ==, IVC_SCORE_NONE);
  g_assert_false (entry->red_flag);
  g_assert_cmpstr (entry->notes, ==, "");
  g_assert_cmpuint (entry->seconds, ==, 0);

  level = ivc_scorecard_get_level (scorecard, 2);
  g_assert_cmpstr (level->id, ==, "staff");
  g_assert_cmpuint (level->n_scored, ==, 1);
  g_assert_cmpfloat_with_epsilon (level->average, 3.0, 1e-9);
  g_assert_cmpuint (level->n_red_flags, ==, 0);
  g_assert_cmpuint (level->seconds, ==, 0);

  /* The levels add up to the totals. */
  for (guint s = 0; s <= IVC_SCORE_MAX; s++)
    {
      guint sum = 0;

      for (guint i = 0; i < ivc_scorecard_get_n_levels (scorecard); i++)
        sum += ivc_scorecard_get_level (scorecard, i)->distribution[s];
      g_assert_cmpuint (sum, ==, ivc_scorecard_get_n_with_score (scorecard, s));
    }

  /* As a table comparing candidates looks them up. */
  g_assert_true (ivc_scorecard_find_level (scorecard, "senior") == ivc_scorecard_get_level (scorecard, 1));
  g_assert_null (ivc_scorecard_find_level (scorecard, "principal"));
  g_assert_null (ivc_scorecard_find_level (scorecard, NULL));

  entry = ivc_scorecard_find_entry (scorecard, "q4");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->level_id, ==, "senior");
  g_assert_cmpuint (entry->seconds, ==, 600);
  entry = ivc_scorecard_find_entry (scorecard, "gone");
  g_assert_nonnull (entry);
  g_assert_null (entry->level_id);
  g_assert_null (ivc_scorecard_find_entry (scorecard, "never-asked"));
  g_assert_null (ivc_scorecard_find_entry (scorecard, NULL));

  g_assert_finalize_object (g_steal_pointer (&scorecard));
  g_assert_finalize_object (g_steal_pointer (&candidate));
  g_assert_finalize_object (g_steal_pointer (&bank));
}

static void
test_removed (void)
{
  g_autoptr(IvcQuestionBank) bank = make_demo_bank ();
  g_autoptr(IvcCandidate) candidate = make_demo_candidate ();
  g_autoptr(IvcScorecard) scorecard = NULL;
  const IvcScorecardEntry *entry;

  /* Evaluations of ids the bank does not have, sorted by id; untouched
   * ones ("never-asked") are not listed. */
  evaluate (candidate, "also-gone", IVC_SCORE_NONE, FALSE, "", 7);
  evaluate (candidate, "zz-gone", IVC_SCORE_NONE, FALSE, "Notes only", 0);
  scorecard = ivc_scorecard_new (candidate, bank);

  g_assert_cmpuint (ivc_scorecard_get_n_removed (scorecard), ==, 3);

  entry = ivc_scorecard_get_removed (scorecard, 0);
  g_assert_cmpstr (entry->question_id, ==, "also-gone");
  g_assert_null (entry->question);
  g_assert_null (entry->level_id);
  g_assert_cmpuint (entry->seconds, ==, 7);

  entry = ivc_scorecard_get_removed (scorecard, 1);
  g_assert_cmpstr (entry->question_id, ==, "gone");
  g_assert_cmpint (entry->score, ==, IVC_SCORE_GOOD);
  g_assert_true (entry->red_flag);
  g_assert_cmpstr (entry->notes, ==, "Asked in an older bank.");
  g_assert_cmpuint (entry->seconds, ==, 42);

  entry = ivc_scorecard_get_removed (scorecard, 2);
  g_assert_cmpstr (entry->question_id, ==, "zz-gone");
  g_assert_cmpstr (entry->notes, ==, "Notes only");

  g_assert_finalize_object (g_steal_pointer (&scorecard));
  g_assert_finalize_object (g_steal_pointer (&candidate));
  g_assert_finalize_object (g_steal_pointer (&bank));
}

/* A question leaves the bank between interviews: its notes stay visible. */
static void
test_bank_version (void)
{
  static const BankItem v2_items[] = {
    { "junior", NULL, "Junior" },
    { NULL, "q1", "First question?" },
    { NULL, "q3", "Third question?" },
    { "senior", NULL, "Senior" },
    { NULL, "q4", "Fourth question?" },
    { NULL, "q5", "Fifth question?" },
    { "staff", NULL, "Staff" },
    { NULL, "q6", "Sixth question?" },
  };
  g_autoptr(IvcQuestionBank) v1 = make_demo_bank ();
  g_autoptr(IvcQuestionBank) v2 = make_bank ("demo", "Demo bank", v2_items, G_N_ELEMENTS (v2_items));
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("bo-12345678", "Bo");
  g_autoptr(IvcScorecard) before = NULL;
  g_autoptr(IvcScorecard) after = NULL;
  const IvcScorecardEntry *entry;

  evaluate (candidate, "q1", IVC_SCORE_GOOD, FALSE, "", 60);
  evaluate (candidate, "q2", IVC_SCORE_POOR, TRUE, "Would share one database between services.", 90);

  before = ivc_scorecard_new (candidate, v1);
  g_assert_cmpuint (ivc_scorecard_get_n_removed (before), ==, 0);
  g_assert_cmpuint (ivc_scorecard_get_n_scored (before), ==, 2);
  g_assert_cmpuint (ivc_scorecard_get_n_red_flags (before), ==, 1);
  g_assert_cmpfloat_with_epsilon (ivc_scorecard_get_average (before), 2.0, 1e-9);

  after = ivc_scorecard_new (candidate, v2);
  g_assert_cmpuint (ivc_scorecard_get_n_questions (after), ==, 5);
  g_assert_cmpuint (ivc_scorecard_get_level (after, 0)->n_questions, ==, 2);
  g_assert_cmpuint (ivc_scorecard_get_n_removed (after), ==, 1);
  entry = ivc_scorecard_get_removed (after, 0);
  g_assert_cmpstr (entry->question_id, ==, "q2");
  g_assert_cmpint (entry->score, ==, IVC_SCORE_POOR);
  g_assert_true (entry->red_flag);
  g_assert_cmpstr (entry->notes, ==, "Would share one database between services.");
  g_assert_cmpuint (entry->seconds, ==, 90);

  /* Totals are over the bank's questions only. */
  g_assert_cmpuint (ivc_scorecard_get_n_scored (after), ==, 1);
  g_assert_cmpuint (ivc_scorecard_get_n_red_flags (after), ==, 0);
  g_assert_cmpfloat_with_epsilon (ivc_scorecard_get_average (after), 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ivc_scorecard_get_coverage (after), 1.0 / 5.0, 1e-9);
  g_assert_cmpuint (ivc_scorecard_get_question_seconds (after), ==, 60);

  g_assert_finalize_object (g_steal_pointer (&before));
  g_assert_finalize_object (g_steal_pointer (&after));
  g_assert_finalize_object (g_steal_pointer (&candidate));
  g_assert_finalize_object (g_steal_pointer (&v1));
  g_assert_finalize_object (g_steal_pointer (&v2));
}

static void
test_empty_candidate (void)
{
  g_autoptr(IvcQuestionBank) bank = make_demo_bank ();
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("new-12345678", "");
  g_autoptr(IvcScorecard) scorecard = ivc_scorecard_new (candidate, bank);

  g_assert_cmpstr (ivc_scorecard_get_candidate_name (scorecard), ==, "");
  g_assert_null (ivc_scorecard_get_interviewer_id (scorecard));
  g_assert_null (ivc_scorecard_get_interviewer_name (scorecard));
  g_assert_cmpint (ivc_scorecard_get_recommendation (scorecard), ==, IVC_RECOMMENDATION_NONE);
  g_assert_cmpuint (ivc_scorecard_get_interview_seconds (scorecard), ==, 0);

  g_assert_cmpuint (ivc_scorecard_get_n_questions (scorecard), ==, 6);
  g_assert_cmpuint (ivc_scorecard_get_n_scored (scorecard), ==, 0);
  g_assert_cmpfloat (ivc_scorecard_get_coverage (scorecard), ==, 0.0);
  g_assert_false (ivc_scorecard_has_average (scorecard));
  g_assert_cmpfloat (ivc_scorecard_get_average (scorecard), <, 0.0);
  g_assert_cmpfloat (ivc_scorecard_get_average (scorecard), ==, IVC_SCORECARD_NO_AVERAGE);
  g_assert_cmpuint (ivc_scorecard_get_n_red_flags (scorecard), ==, 0);
  g_assert_cmpuint (ivc_scorecard_get_n_with_score (scorecard, IVC_SCORE_NONE), ==, 6);
  g_assert_cmpuint (ivc_scorecard_get_question_seconds (scorecard), ==, 0);
  g_assert_cmpuint (ivc_scorecard_get_n_removed (scorecard), ==, 0);

  for (guint i = 0; i < ivc_scorecard_get_n_levels (scorecard); i++)
    {
      const IvcScorecardLevel *level = ivc_scorecard_get_level (scorecard, i);

      g_assert_cmpuint (level->n_scored, ==, 0);
      g_assert_cmpfloat (level->average, ==, IVC_SCORECARD_NO_AVERAGE);
      g_assert_cmpuint (level->distribution[IVC_SCORE_NONE], ==, level->n_questions);
      g_assert_cmpuint (level->entries->len, ==, level->n_questions);
    }

  g_assert_finalize_object (g_steal_pointer (&scorecard));
  g_assert_finalize_object (g_steal_pointer (&candidate));
  g_assert_finalize_object (g_steal_pointer (&bank));
}

/* The candidate's bank is missing: everything noted is still there. */
static void
test_no_bank (void)
{
  g_autoptr(IvcCandidate) candidate = make_demo_candidate ();
  g_autoptr(IvcScorecard) scorecard = ivc_scorecard_new (candidate, NULL);
  const char *expected[] = { "gone", "q1", "q2", "q3", "q4", "q6" };

  g_assert_null (ivc_scorecard_get_bank (scorecard));
  g_assert_cmpstr (ivc_scorecard_get_bank_id (scorecard), ==, "demo");
  g_assert_null (ivc_scorecard_get_bank_title (scorecard));
  g_assert_cmpuint (ivc_scorecard_get_n_levels (scorecard), ==, 0);
  g_assert_cmpuint (ivc_scorecard_get_n_questions (scorecard), ==, 0);
  g_assert_cmpuint (ivc_scorecard_get_n_scored (scorecard), ==, 0);
  g_assert_cmpfloat (ivc_scorecard_get_coverage (scorecard), ==, 0.0);
  g_assert_false (ivc_scorecard_has_average (scorecard));
  g_assert_cmpuint (ivc_scorecard_get_interview_seconds (scorecard), ==, 3725);

  g_assert_cmpuint (ivc_scorecard_get_n_removed (scorecard), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const IvcScorecardEntry *entry = ivc_scorecard_get_removed (scorecard, i);

      g_assert_cmpstr (entry->question_id, ==, expected[i]);
      g_assert_null (entry->question);
      g_assert_null (entry->level_id);
    }
  g_assert_cmpstr (ivc_scorecard_find_entry (scorecard, "q1")->notes, ==, "Great answer.");
  g_assert_cmpint (ivc_scorecard_find_entry (scorecard, "q4")->score, ==, IVC_SCORE_POOR);

  g_assert_finalize_object (g_steal_pointer (&scorecard));
  g_assert_finalize_object (g_steal_pointer (&candidate));
}

/* A scorecard does not follow later changes: export and display agree on
 * one moment. */
static void
test_snapshot (void)
{
  g_autoptr(IvcQuestionBank) bank = make_demo_bank ();
  g_autoptr(IvcCandidate) candidate = make_demo_candidate ();
  g_autoptr(IvcScorecard) scorecard = ivc_scorecard_new (candidate, bank);

  ivc_candidate_set_name (candidate, "Someone else");
  evaluate (candidate, "q5", IVC_SCORE_STRONG, TRUE, "Later", 5);
  ivc_evaluation_set_notes (ivc_candidate_get_evaluation (candidate, "q1"), "Changed");

  g_assert_cmpstr (ivc_scorecard_get_candidate_name (scorecard), ==, "Zoë Martin");
  g_assert_cmpuint (ivc_scorecard_get_n_scored (scorecard), ==, 4);
  g_assert_cmpstr (ivc_scorecard_find_entry (scorecard, "q1")->notes, ==, "Great answer.");
  g_assert_cmpint (ivc_scorecard_find_entry (scorecard, "q5")->score, ==, IVC_SCORE_NONE);

  /* The scorecard keeps what it needs alive. */
  g_clear_object (&candidate);
  g_clear_object (&bank);
  g_assert_cmpstr (ivc_candidate_get_name (ivc_scorecard_get_candidate (scorecard)), ==,
                   "Someone else");

  g_assert_finalize_object (g_steal_pointer (&scorecard));
}

/* The rubric's anchor for the score given (bank format 2), in the
 * scorecard and its Markdown and JSON exports. */
static void
test_rubric_anchor (void)
{
  static const char json[] =
    "{\"format\": 2, \"id\": \"demo\", \"title\": \"Demo\", \"levels\": [{\"id\": \"l\", \"title\": \"L\",\n"
    " \"questions\": [{\"id\": \"a\", \"question\": \"A?\", \"rubric\": {\"1\": \"Nothing.\", \"4\": \"Weighs both *sides*.\"}},\n"
    "                {\"id\": \"b\", \"question\": \"B?\"}, {\"id\": \"c\", \"question\": \"C?\", \"rubric\": {\"2\": \"x\"}}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(IvcQuestionBank) bank = ivc_question_bank_new_from_bytes (bytes, "demo.json", NULL, NULL);
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("zoe-0badcafe", "Zoë");
  g_autoptr(IvcScorecard) scorecard = NULL;
  g_autoptr(GBytes) markdown = NULL;
  g_autoptr(GBytes) exported_json = NULL;
  g_autofree char *md_text = NULL;
  g_autofree char *json_text = NULL;
  const IvcScorecardLevel *level;

  g_assert_nonnull (bank);
  ivc_candidate_set_bank_id (candidate, "demo");
  evaluate (candidate, "a", IVC_SCORE_STRONG, FALSE, "", 0);
  evaluate (candidate, "b", IVC_SCORE_GOOD, FALSE, "", 0);
  evaluate (candidate, "c", IVC_SCORE_NONE, FALSE, "Notes.", 0);
  scorecard = ivc_scorecard_new (candidate, bank);

  level = ivc_scorecard_get_level (scorecard, 0);
  g_assert_cmpstr (((IvcScorecardEntry *)g_ptr_array_index (level->entries, 0))->rubric_anchor, ==,
                   "Weighs both *sides*.");
  g_assert_null (((IvcScorecardEntry *)g_ptr_array_index (level->entries, 1))->rubric_anchor);
  g_assert_null (((IvcScorecardEntry *)g_ptr_array_index (level->entries, 2))->rubric_anchor);

  markdown = ivc_export_to_bytes (scorecard, IVC_EXPORT_FORMAT_MARKDOWN);
  md_text = g_strndup (g_bytes_get_data (markdown, NULL), g_bytes_get_size (markdown));
  g_assert_nonnull (strstr (md_text, "**Rubric for this score:** Weighs both"));
  exported_json = ivc_export_to_bytes (scorecard, IVC_EXPORT_FORMAT_JSON);
  json_text = g_strndup (g_bytes_get_data (exported_json, NULL), g_bytes_get_size (exported_json));
  g_assert_nonnull (strstr (json_text, "\"rubric_anchor\" : \"Weighs both *sides*.\""));
  g_assert_null (strstr (strstr (json_text, "\"rubric_anchor\"") + 1, "\"rubric_anchor\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ivc/scorecard/overall", test_overall);
  g_test_add_func ("/ivc/scorecard/levels", test_levels);
  g_test_add_func ("/ivc/scorecard/removed", test_removed);
  g_test_add_func ("/ivc/scorecard/bank-version", test_bank_version);
  g_test_add_func ("/ivc/scorecard/empty-candidate", test_empty_candidate);
  g_test_add_func ("/ivc/scorecard/no-bank", test_no_bank);
  g_test_add_func ("/ivc/scorecard/snapshot", test_snapshot);
  g_test_add_func ("/ivc/scorecard/rubric-anchor", test_rubric_anchor);

  return g_test_run ();
}
