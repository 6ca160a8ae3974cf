/* test-debrief.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Independent scoring and the debrief: a scorecard's submission in the
 * candidate file, the bias guard, the debrief's figures and its exports.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ivc-bias-guard.h"
#include "ivc-debrief.h"
#include "ivc-export.h"
#include "ivc-test-bank.h"

#define assert_contains(str, part)                              \
  G_STMT_START {                                                \
    if (strstr ((str), (part)) == NULL)                         \
      g_assert_cmpstr ((str), ==, (part));                      \
  } G_STMT_END

#define assert_not_contains(str, part)                          \
  G_STMT_START {                                                \
    if (strstr ((str), (part)) != NULL)                         \
      g_assert_cmpstr ((str), !=, (str));                       \
  } G_STMT_END

static const BankItem bank_items[] = {
  { "junior", NULL, "Junior" },
  { NULL, "q1", "What is a **circuit breaker**?" },
  { NULL, "q2", "What is a saga?" },
  { NULL, "q3", "What is idempotency?" },
  { "senior", NULL, "Senior" },
  { NULL, "q4", "Shared database?" },
  { NULL, "q5", "Event sourcing?" },
};

static IvcQuestionBank *
bank_new (void)
{
  return make_bank ("microservices", "Microservices", bank_items, G_N_ELEMENTS (bank_items));
}

static IvcCandidate *
reload (IvcCandidate *candidate)
{
  g_autoptr(GBytes) bytes = ivc_candidate_to_bytes (candidate);
  g_autoptr(GError) error = NULL;
  IvcCandidate *copy = ivc_candidate_new_from_bytes (bytes, "copy.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

static IvcCandidate *
scorecard_of (const char *interviewer_id,
              const char *interviewer_name)
{
  IvcCandidate *candidate = ivc_candidate_new ("c-1", "Zoë Martin");

  ivc_candidate_set_bank_id (candidate, "microservices");
  ivc_candidate_set_interviewer (candidate, interviewer_id, interviewer_name);
  return candidate;
}

static void
score (IvcCandidate *candidate,
       const char   *question_id,
       IvcScore      value,
       gboolean      red_flag,
       const char   *notes)
{
  IvcEvaluation *evaluation = ivc_candidate_ensure_evaluation (candidate, question_id);

  ivc_evaluation_set_score (evaluation, value);
  ivc_evaluation_set_red_flag_observed (evaluation, red_flag);
  if (notes != NULL)
    ivc_evaluation_set_notes (evaluation, notes);
}

/*
 * The candidate file.
 */

static void
test_file_submission (void)
{
  g_autoptr(IvcCandidate) ann = scorecard_of ("ann", "Ann");
  g_autoptr(IvcCandidate) copy = NULL;
  g_autoptr(IvcCandidate) amended_copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) submitted = NULL;
  const char *text;

  score (ann, "q1", IVC_SCORE_GOOD, FALSE, NULL);
  g_assert_false (ivc_candidate_is_submitted (ann));
  g_assert_null (ivc_candidate_get_amended (ann));

  /* A draft is written as one, in format 3. */
  bytes = ivc_candidate_to_bytes (ann);
  text = g_bytes_get_data (bytes, NULL);
  assert_contains (text, "\"format\" : 3");
  assert_contains (text, "\"submitted\" : null");
  copy = reload (ann);
  g_assert_false (ivc_candidate_is_submitted (copy));
  g_clear_object (&copy);

  g_assert_true (ivc_candidate_submit (ann));
  g_assert_false (ivc_candidate_submit (ann));
  g_assert_nonnull (ivc_candidate_get_submitted (ann));
  g_assert_null (ivc_candidate_get_amended (ann));
  submitted = g_date_time_ref (ivc_candidate_get_submitted (ann));

  copy = reload (ann);
  g_assert_true (ivc_candidate_is_submitted (copy));
  g_assert_true (g_date_time_equal (ivc_candidate_get_submitted (copy), submitted));
  g_assert_null (ivc_candidate_get_amended (copy));

  /* The time on a question is no amendment; a score, note, red flag,
   * verdict or summary is. */
  ivc_evaluation_set_seconds (ivc_candidate_ensure_evaluation (ann, "q1"), 30);
  g_assert_null (ivc_candidate_get_amended (ann));
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (ann, "q1"), "On second thought");
  g_assert_nonnull (ivc_candidate_get_amended (ann));
  g_assert_cmpint (g_date_time_compare (ivc_candidate_get_amended (ann), submitted), >, 0);
  g_assert_true (g_date_time_equal (ivc_candidate_get_submitted (ann), submitted));

  amended_copy = reload (ann);
  g_assert_true (g_date_time_equal (ivc_candidate_get_amended (amended_copy),
                                    ivc_candidate_get_amended (ann)));
}

/* A file written before format 3 is a draft; format 3 is read and a
 * damaged time refused. */
static void
test_file_older (void)
{
  const char *old = "{\"format\": 2, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, "
                    "\"evaluations\": {\"q1\": {\"score\": 3}}}";
  const char *three = "{\"format\": 3, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, "
                      "\"submitted\": \"2024-05-01T09:30:00Z\", \"amended\": \"2024-05-02T10:00:00Z\"}";
  const char *orphan = "{\"format\": 3, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, "
                       "\"submitted\": null, \"amended\": \"2024-05-02T10:00:00Z\"}";
  const char *bad = "{\"format\": 3, \"candidate\": {\"id\": \"bo\", \"name\": \"Bo\"}, "
                    "\"submitted\": \"yesterday\"}";
  g_autoptr(GBytes) old_bytes = g_bytes_new_static (old, strlen (old));
  g_autoptr(GBytes) three_bytes = g_bytes_new_static (three, strlen (three));
  g_autoptr(GBytes) orphan_bytes = g_bytes_new_static (orphan, strlen (orphan));
  g_autoptr(GBytes) bad_bytes = g_bytes_new_static (bad, strlen (bad));
  g_autoptr(IvcCandidate) candidate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  candidate = ivc_candidate_new_from_bytes (old_bytes, "old.json", &error);
  g_assert_no_error (error);
  g_assert_false (ivc_candidate_is_submitted (candidate));
  g_clear_object (&candidate);

  candidate = ivc_candidate_new_from_bytes (three_bytes, "three.json", &error);
  g_assert_no_error (error);
  g_assert_true (ivc_candidate_is_submitted (candidate));
  status = ivc_bias_guard_dup_status (candidate);
  g_assert_cmpstr (status, ==, "Submitted 2024-05-01 09:30 UTC, amended after submission 2024-05-02 10:00 UTC");
  g_clear_object (&candidate);

  candidate = ivc_candidate_new_from_bytes (orphan_bytes, "orphan.json", &error);
  g_assert_no_error (error);
  g_assert_false (ivc_candidate_is_submitted (candidate));
  g_assert_null (ivc_candidate_get_amended (candidate));
  g_clear_object (&candidate);

  candidate = ivc_candidate_new_from_bytes (bad_bytes, "bad.json", &error);
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_CORRUPT);
  assert_contains (error->message, "“submitted” must be a date and time");
  g_assert_null (candidate);
}

/*
 * The bias guard.
 */

static void
test_guard (void)
{
  g_autoptr(IvcCandidate) ann = scorecard_of ("ann", "Ann");
  g_autoptr(IvcCandidate) bob = scorecard_of ("bob", "Bob");
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;
  g_autofree char *zero = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  /* Before submitting: one's own only. */
  g_assert_false (ivc_bias_guard_may_see_teammates (ann, TRUE));
  g_assert_false (ivc_bias_guard_may_see_teammates (NULL, TRUE));
  g_assert_true (ivc_bias_guard_check (ann, ann, TRUE, NULL));
  g_assert_false (ivc_bias_guard_check (ann, bob, TRUE, &error));
  g_assert_error (error, IVC_BIAS_GUARD_ERROR, IVC_BIAS_GUARD_ERROR_HIDDEN);
  assert_contains (error->message, "Bob’s scorecard for Zoë Martin stays hidden until you submit your own");
  g_clear_error (&error);
  g_assert_false (ivc_bias_guard_check (NULL, bob, TRUE, NULL));

  /* Even when the teammate submitted. */
  ivc_candidate_submit (bob);
  g_assert_false (ivc_bias_guard_check (ann, bob, TRUE, NULL));

  /* The guard off: everything. */
  g_assert_true (ivc_bias_guard_may_see_teammates (ann, FALSE));
  g_assert_true (ivc_bias_guard_check (NULL, bob, FALSE, NULL));

  /* After submitting. */
  ivc_candidate_submit (ann);
  g_assert_true (ivc_bias_guard_may_see_teammates (ann, TRUE));
  g_assert_true (ivc_bias_guard_check (ann, bob, TRUE, &error));
  g_assert_no_error (error);

  g_ptr_array_add (others, bob);
  g_assert_cmpuint (ivc_bias_guard_count_submitted (others), ==, 1);

  none = ivc_bias_guard_dup_teammates_text (0, 0);
  zero = ivc_bias_guard_dup_teammates_text (0, 2);
  one = ivc_bias_guard_dup_teammates_text (1, 2);
  two = ivc_bias_guard_dup_teammates_text (2, 2);
  g_assert_cmpstr (none, ==, "No teammate has scored this candidate yet");
  g_assert_cmpstr (zero, ==, "No teammate has submitted yet");
  g_assert_cmpstr (one, ==, "1 teammate has submitted");
  g_assert_cmpstr (two, ==, "2 teammates have submitted");
}

/* The scorecard exports say whether the scorecard is a draft, submitted
 * or amended, so the team sees an amendment wherever it goes. */
static void
test_export_status (void)
{
  g_autoptr(IvcQuestionBank) bank = bank_new ();
  g_autoptr(IvcCandidate) ann = scorecard_of ("ann", "Ann");
  g_autoptr(IvcScorecard) draft = NULL;
  g_autoptr(IvcScorecard) amended = NULL;
  g_autoptr(GBytes) md = NULL;
  g_autoptr(GBytes) json = NULL;

  score (ann, "q1", IVC_SCORE_GOOD, FALSE, NULL);
  draft = ivc_scorecard_new (ann, bank);
  md = ivc_export_to_bytes (draft, IVC_EXPORT_FORMAT_MARKDOWN);
  json = ivc_export_to_bytes (draft, IVC_EXPORT_FORMAT_JSON);
  assert_contains (g_bytes_get_data (md, NULL), "- **Scorecard:** Draft\n");
  assert_contains (g_bytes_get_data (json, NULL), "\"submitted\" : null");
  g_clear_pointer (&md, g_bytes_unref);
  g_clear_pointer (&json, g_bytes_unref);

  ivc_candidate_submit (ann);
  score (ann, "q1", IVC_SCORE_STRONG, FALSE, NULL);
  amended = ivc_scorecard_new (ann, bank);
  md = ivc_export_to_bytes (amended, IVC_EXPORT_FORMAT_MARKDOWN);
  json = ivc_export_to_bytes (amended, IVC_EXPORT_FORMAT_JSON);
  assert_contains (g_bytes_get_data (md, NULL), "amended after submission");
  assert_not_contains (g_bytes_get_data (json, NULL), "\"submitted\" : null");
  assert_not_contains (g_bytes_get_data (json, NULL), "\"amended\" : null");
}

/*
 * The debrief.
 */

/* Ann and Bob submitted, Cy has a draft: Ann and Bob are two points apart
 * on q1 and disagree on the verdict; nobody asked q3 and q5. */
static GPtrArray *
make_team (void)
{
  GPtrArray *team = g_ptr_array_new_with_free_func (g_object_unref);
  IvcCandidate *ann = scorecard_of ("ann", "Ann");
  IvcCandidate *bob = scorecard_of ("bob", "Bob");
  IvcCandidate *cy = scorecard_of ("cy", NULL);

  score (ann, "q1", IVC_SCORE_STRONG, FALSE, "Explained the half-open state.");
  score (ann, "q2", IVC_SCORE_GOOD, FALSE, NULL);
  score (ann, "q4", IVC_SCORE_GOOD, FALSE, NULL);
  ivc_candidate_set_recommendation (ann, IVC_RECOMMENDATION_YES);
  ivc_candidate_submit (ann);

  score (bob, "q1", IVC_SCORE_MIXED, TRUE, "=HYPERLINK(\"http://x\") | pipes");
  score (bob, "q2", IVC_SCORE_GOOD, FALSE, NULL);
  score (bob, "gone", IVC_SCORE_POOR, FALSE, "A question the bank lost.");
  ivc_candidate_set_recommendation (bob, IVC_RECOMMENDATION_STRONG_NO);
  ivc_candidate_submit (bob);

  score (cy, "q3", IVC_SCORE_POOR, FALSE, "Draft notes");
  ivc_candidate_set_recommendation (cy, IVC_RECOMMENDATION_NO);

  g_ptr_array_add (team, ann);
  g_ptr_array_add (team, bob);
  g_ptr_array_add (team, cy);
  return team;
}

static void
test_debrief_figures (void)
{
  g_autoptr(IvcQuestionBank) bank = bank_new ();
  g_autoptr(GPtrArray) team = make_team ();
  g_autoptr(IvcDebrief) debrief = ivc_debrief_new (bank, team, FALSE);
  g_autoptr(GPtrArray) unasked = NULL;
  const IvcDebriefLevel *junior, *senior, *removed;
  const IvcDebriefQuestion *q1, *q2, *gone;

  /* Submitted scorecards only; the draft is counted as left out. */
  g_assert_cmpuint (ivc_debrief_get_n_interviewers (debrief), ==, 2);
  g_assert_cmpuint (ivc_debrief_get_n_left_out (debrief), ==, 1);
  g_assert_cmpstr (ivc_debrief_get_interviewer (debrief, 0)->name, ==, "Ann");
  g_assert_cmpstr (ivc_debrief_get_interviewer (debrief, 1)->name, ==, "Bob");
  g_assert_cmpstr (ivc_debrief_get_candidate_name (debrief), ==, "Zoë Martin");

  /* Per question: each one's marks side by side, the disagreement. */
  q1 = ivc_debrief_find_question (debrief, "q1");
  g_assert_cmpint (q1->entries[0]->score, ==, IVC_SCORE_STRONG);
  g_assert_cmpint (q1->entries[1]->score, ==, IVC_SCORE_MIXED);
  g_assert_true (q1->entries[1]->red_flag);
  g_assert_cmpuint (q1->n_red_flags, ==, 1);
  g_assert_true (q1->disagreement);
  g_assert_cmpfloat_with_epsilon (q1->team_average, 3.0, 1e-9);
  q2 = ivc_debrief_find_question (debrief, "q2");
  g_assert_false (q2->disagreement);
  g_assert_cmpuint (ivc_debrief_get_n_disagreements (debrief), ==, 1);

  /* Per level: each one's average and the team's (every score once). */
  g_assert_cmpuint (ivc_debrief_get_n_levels (debrief), ==, 3);
  junior = ivc_debrief_get_level (debrief, 0);
  senior = ivc_debrief_get_level (debrief, 1);
  removed = ivc_debrief_get_level (debrief, 2);
  g_assert_cmpstr (junior->id, ==, "junior");
  g_assert_cmpfloat_with_epsilon (junior->averages[0], 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (junior->averages[1], 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (junior->team_average, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (senior->averages[0], 3.0, 1e-9);
  g_assert_cmpfloat (senior->averages[1], <, 0);
  g_assert_cmpfloat_with_epsilon (senior->team_average, 3.0, 1e-9);

  /* A question the bank lost is shown, not dropped, and counts in the
   * interviewer's group of its own but not their bank average. */
  g_assert_null (removed->id);
  gone = ivc_debrief_find_question (debrief, "gone");
  g_assert_nonnull (gone);
  g_assert_null (gone->entries[0]);
  g_assert_cmpint (gone->entries[1]->score, ==, IVC_SCORE_POOR);

  /* Overall. */
  g_assert_cmpfloat_with_epsilon (ivc_debrief_get_average (debrief, 0), 10.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (ivc_debrief_get_average (debrief, 1), 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (ivc_debrief_get_team_average (debrief), (4 + 3 + 3 + 2 + 3 + 1) / 6.0, 1e-9);
  g_assert_true (ivc_debrief_get_verdicts_disagree (debrief));

  /* Questions nobody asked: q3 (only in the draft) and q5. */
  unasked = ivc_debrief_list_unasked (debrief);
  g_assert_cmpuint (unasked->len, ==, 2);
  g_assert_cmpstr (((IvcDebriefQuestion *)g_ptr_array_index (unasked, 0))->question_id, ==, "q3");
  g_assert_cmpstr (((IvcDebriefQuestion *)g_ptr_array_index (unasked, 1))->question_id, ==, "q5");
}

static void
test_debrief_drafts (void)
{
  g_autoptr(IvcQuestionBank) bank = bank_new ();
  g_autoptr(GPtrArray) team = make_team ();
  g_autoptr(IvcDebrief) debrief = ivc_debrief_new (bank, team, TRUE);
  g_autoptr(GPtrArray) unasked = NULL;
  const IvcDebriefInterviewer *cy;

  g_assert_cmpuint (ivc_debrief_get_n_interviewers (debrief), ==, 3);
  g_assert_cmpuint (ivc_debrief_get_n_left_out (debrief), ==, 0);
  cy = ivc_debrief_get_interviewer (debrief, 2);
  g_assert_true (cy->draft);
  g_assert_cmpstr (cy->name, ==, "cy");
  g_assert_cmpstr (cy->status, ==, "Draft");
  g_assert_false (ivc_debrief_get_interviewer (debrief, 0)->draft);

  unasked = ivc_debrief_list_unasked (debrief);
  g_assert_cmpuint (unasked->len, ==, 1);
}

/* Verdicts on one side of hire / no hire are no disagreement; scores one
 * point apart neither. */
static void
test_debrief_agreement (void)
{
  g_autoptr(IvcQuestionBank) bank = bank_new ();
  g_autoptr(GPtrArray) team = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IvcDebrief) debrief = NULL;
  IvcCandidate *ann = scorecard_of ("ann", "Ann");
  IvcCandidate *bob = scorecard_of ("bob", "Bob");

  score (ann, "q1", IVC_SCORE_STRONG, FALSE, NULL);
  score (bob, "q1", IVC_SCORE_GOOD, FALSE, NULL);
  ivc_candidate_set_recommendation (ann, IVC_RECOMMENDATION_STRONG_YES);
  ivc_candidate_set_recommendation (bob, IVC_RECOMMENDATION_YES);
  ivc_candidate_submit (ann);
  ivc_candidate_submit (bob);
  g_ptr_array_add (team, ann);
  g_ptr_array_add (team, bob);

  debrief = ivc_debrief_new (bank, team, FALSE);
  g_assert_false (ivc_debrief_get_verdicts_disagree (debrief));
  g_assert_cmpuint (ivc_debrief_get_n_disagreements (debrief), ==, 0);
  g_assert_false (ivc_debrief_find_question (debrief, "q1")->disagreement);

  /* Nobody submitted: nobody to show. */
  {
    g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(IvcDebrief) empty = NULL;

    g_ptr_array_add (drafts, scorecard_of ("cy", "Cy"));
    empty = ivc_debrief_new (bank, drafts, FALSE);
    g_assert_cmpuint (ivc_debrief_get_n_interviewers (empty), ==, 0);
    g_assert_cmpuint (ivc_debrief_get_n_left_out (empty), ==, 1);
  }
}

static char *
debrief_string (IvcDebrief      *debrief,
                IvcExportFormat  format)
{
  g_autoptr(GBytes) bytes = ivc_debrief_to_bytes (debrief, format);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_true (g_utf8_validate (data, len, NULL));
  return g_strndup (data, len);
}

static void
test_debrief_exports (void)
{
  g_autoptr(IvcQuestionBank) bank = bank_new ();
  g_autoptr(GPtrArray) team = make_team ();
  g_autoptr(IvcDebrief) debrief = ivc_debrief_new (bank, team, FALSE);
  g_autoptr(IvcDebrief) with_drafts = ivc_debrief_new (bank, team, TRUE);
  g_autofree char *md = debrief_string (debrief, IVC_EXPORT_FORMAT_MARKDOWN);
  g_autofree char *md_drafts = debrief_string (with_drafts, IVC_EXPORT_FORMAT_MARKDOWN);
  g_autofree char *csv = debrief_string (debrief, IVC_EXPORT_FORMAT_CSV);
  g_autofree char *json = debrief_string (debrief, IVC_EXPORT_FORMAT_JSON);
  g_autofree char *file_name = ivc_debrief_dup_file_name (debrief, IVC_EXPORT_FORMAT_CSV);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *levels, *interviewers;

  /* Markdown: escaped as the scorecard export is, disagreements in words. */
  assert_contains (md, "# Debrief\\: Zoë Martin\n");
  assert_contains (md, "| Ann | Submitted ");
  assert_contains (md, "**Disagreement\\: verdicts on both sides of hire / no hire**");
  assert_contains (md, "**Disagreement\\: scores 2 or more points apart**");
  assert_contains (md, "#### What is a circuit breaker?");
  assert_contains (md, "- **Bob:** Mixed \\(2 of 4\\), red flag observed\n");
  assert_contains (md, "\\=HYPERLINK\\(\"http\\://x\"\\) \\| pipes");
  assert_contains (md, "## Questions Nobody Asked\n\n- What is idempotency?\n- Event sourcing?\n");
  assert_contains (md, "1 draft scorecard is not shown");
  assert_not_contains (md, "Draft notes");
  assert_contains (md_drafts, "- **cy \\(draft\\):** Poor \\(1 of 4\\)");
  assert_contains (md_drafts, "Draft notes");

  /* CSV: no formula, every field quoted. */
  assert_contains (csv, "\"kind\",\"candidate_id\",");
  assert_contains (csv, "\"'=HYPERLINK(\"\"http://x\"\") | pipes\"");
  assert_not_contains (csv, "\"=HYPERLINK");
  assert_contains (csv, "\"unasked\",\"c-1\",\"Zoë Martin\",\"junior\",\"Junior\",\"q3\",");
  /* Once each. */
  g_assert_null (strstr (strstr (strstr (csv, "\"unasked\",\"c-1\",\"Zoë Martin\",\"junior\",\"Junior\",\"q3\","),
                                 "\r\n"),
                         "\"q3\""));
  assert_contains (csv, "\"overall\",\"c-1\",\"Zoë Martin\",\"\",\"\",\"\",\"\",\"\",\"team\",\"\",\"\",\"\",\"\",\"\",\"2.67\",\"true\"\r\n");
  g_assert_cmpstr (file_name, ==, "Zoë Martin debrief.csv");

  /* JSON. */
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "debrief");
  g_assert_true (json_object_get_boolean_member (root, "verdicts_disagree"));
  g_assert_cmpint (json_object_get_int_member (root, "disagreements"), ==, 1);
  interviewers = json_object_get_array_member (root, "interviewers");
  g_assert_cmpuint (json_array_get_length (interviewers), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (interviewers, 1), "verdict"), ==, "strong-no");
  levels = json_object_get_array_member (root, "levels");
  g_assert_cmpuint (json_array_get_length (levels), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "unasked")), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/file/submission", test_file_submission);
  g_test_add_func ("/debrief/file/older", test_file_older);
  g_test_add_func ("/debrief/guard", test_guard);
  g_test_add_func ("/debrief/guard/export-status", test_export_status);
  g_test_add_func ("/debrief/figures", test_debrief_figures);
  g_test_add_func ("/debrief/drafts", test_debrief_drafts);
  g_test_add_func ("/debrief/agreement", test_debrief_agreement);
  g_test_add_func ("/debrief/exports", test_debrief_exports);

  return g_test_run ();
}
