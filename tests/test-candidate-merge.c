/* test-candidate-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge rules of two versions of one scorecard, field by field, and
 * the names of the conflict copies sync tools leave.
 */

#include "config.h"

#include <string.h>

#include "ivc-candidate-merge.h"
#include "ivc-conflict-copy.h"

#define LABEL "the other copy"
#define MARKER "——— From the other copy ———"

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

/* The common version: two questions scored, a plan, a verdict. */
static IvcCandidate *
make_base (void)
{
  IvcCandidate *base = ivc_candidate_new ("c-1", "Zoë Martin");
  const char *plan[] = { "q1", "q2", "q3", NULL };
  IvcEvaluation *evaluation;

  ivc_candidate_set_role (base, "Backend engineer");
  ivc_candidate_set_interview_date (base, "2024-05-01");
  ivc_candidate_set_bank_id (base, "microservices");
  ivc_candidate_set_recommendation (base, IVC_RECOMMENDATION_YES);
  ivc_candidate_set_summary (base, "Solid.");
  ivc_candidate_set_plan (base, plan);
  ivc_candidate_set_interview_seconds (base, 600);

  evaluation = ivc_candidate_ensure_evaluation (base, "q1");
  ivc_evaluation_set_score (evaluation, IVC_SCORE_GOOD);
  ivc_evaluation_set_notes (evaluation, "Knew the half-open state.");
  ivc_evaluation_set_seconds (evaluation, 100);

  evaluation = ivc_candidate_ensure_evaluation (base, "q2");
  ivc_evaluation_set_score (evaluation, IVC_SCORE_MIXED);
  ivc_evaluation_set_red_flag_observed (evaluation, TRUE);
  ivc_evaluation_set_notes (evaluation, "Shared tables.");

  return base;
}

static IvcCandidate *
copy_of (IvcCandidate *candidate)
{
  g_autoptr(GBytes) bytes = ivc_candidate_to_bytes (candidate);
  g_autoptr(GError) error = NULL;
  IvcCandidate *copy = ivc_candidate_new_from_bytes (bytes, "copy", &error);

  g_assert_no_error (error);
  return copy;
}

static IvcEvaluation *
eval (IvcCandidate *candidate,
      const char   *question_id)
{
  return ivc_candidate_ensure_evaluation (candidate, question_id);
}

static const char *
notes (IvcCandidate *candidate,
       const char   *question_id)
{
  IvcEvaluation *evaluation = ivc_candidate_get_evaluation (candidate, question_id);

  return evaluation ? ivc_evaluation_get_notes (evaluation) : "";
}

static IvcScore
score (IvcCandidate *candidate,
       const char   *question_id)
{
  IvcEvaluation *evaluation = ivc_candidate_get_evaluation (candidate, question_id);

  return evaluation ? ivc_evaluation_get_score (evaluation) : IVC_SCORE_NONE;
}

typedef struct
{
  IvcCandidate   *base;
  IvcCandidate   *ours;
  IvcCandidate   *theirs;
  IvcMergeResult  result;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->base = make_base ();
  fixture->ours = copy_of (fixture->base);
  fixture->theirs = copy_of (fixture->base);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->base);
  g_clear_object (&fixture->ours);
  g_clear_object (&fixture->theirs);
}

static void
merge (Fixture *fixture)
{
  ivc_candidate_merge (fixture->ours, fixture->base, fixture->theirs, LABEL, &fixture->result);
}

static void
test_nothing_changed (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GBytes) before = ivc_candidate_to_bytes (fixture->ours);
  g_autoptr(GBytes) after = NULL;

  merge (fixture);
  after = ivc_candidate_to_bytes (fixture->ours);

  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (fixture->result.n_taken, ==, 0);
  g_assert_cmpuint (fixture->result.n_kept_both, ==, 0);
}

static void
test_scores (Fixture       *fixture,
             gconstpointer  user_data)
{
  /* q1: only theirs changed; q2: both, differently; q3: both, the same;
   * q4: only ours, new. */
  ivc_evaluation_set_score (eval (fixture->theirs, "q1"), IVC_SCORE_STRONG);
  ivc_evaluation_set_score (eval (fixture->ours, "q2"), IVC_SCORE_POOR);
  ivc_evaluation_set_score (eval (fixture->theirs, "q2"), IVC_SCORE_GOOD);
  ivc_evaluation_set_score (eval (fixture->ours, "q3"), IVC_SCORE_GOOD);
  ivc_evaluation_set_score (eval (fixture->theirs, "q3"), IVC_SCORE_GOOD);
  ivc_evaluation_set_score (eval (fixture->ours, "q4"), IVC_SCORE_STRONG);

  merge (fixture);

  g_assert_cmpint (score (fixture->ours, "q1"), ==, IVC_SCORE_STRONG);
  g_assert_cmpint (score (fixture->ours, "q2"), ==, IVC_SCORE_POOR);
  g_assert_cmpint (score (fixture->ours, "q3"), ==, IVC_SCORE_GOOD);
  g_assert_cmpint (score (fixture->ours, "q4"), ==, IVC_SCORE_STRONG);

  /* Theirs is kept, marked, in the notes of q2, below ours. */
  g_assert_cmpstr (notes (fixture->ours, "q2"), ==,
                   "Shared tables.\n\n" MARKER "\nScore: Good");
  g_assert_cmpstr (notes (fixture->ours, "q1"), ==, "Knew the half-open state.");
  g_assert_cmpuint (fixture->result.n_kept_both, ==, 1);
}

static void
test_score_cleared (Fixture       *fixture,
                    gconstpointer  user_data)
{
  /* Cleared on one side, changed on the other: the change stays. */
  ivc_evaluation_set_score (eval (fixture->ours, "q1"), IVC_SCORE_NONE);
  ivc_evaluation_set_score (eval (fixture->theirs, "q1"), IVC_SCORE_STRONG);
  ivc_evaluation_set_score (eval (fixture->ours, "q2"), IVC_SCORE_STRONG);
  ivc_evaluation_set_score (eval (fixture->theirs, "q2"), IVC_SCORE_NONE);

  merge (fixture);

  g_assert_cmpint (score (fixture->ours, "q1"), ==, IVC_SCORE_STRONG);
  g_assert_cmpint (score (fixture->ours, "q2"), ==, IVC_SCORE_STRONG);
  g_assert_cmpuint (fixture->result.n_kept_both, ==, 0);

  /* Cleared on one side only: cleared. */
  g_clear_object (&fixture->ours);
  g_clear_object (&fixture->theirs);
  fixture->ours = copy_of (fixture->base);
  fixture->theirs = copy_of (fixture->base);
  ivc_evaluation_set_score (eval (fixture->theirs, "q1"), IVC_SCORE_NONE);

  merge (fixture);

  g_assert_cmpint (score (fixture->ours, "q1"), ==, IVC_SCORE_NONE);
}

static void
test_red_flags (Fixture       *fixture,
                gconstpointer  user_data)
{
  ivc_evaluation_set_red_flag_observed (eval (fixture->theirs, "q1"), TRUE);
  ivc_evaluation_set_red_flag_observed (eval (fixture->theirs, "q2"), FALSE);
  ivc_evaluation_set_red_flag_observed (eval (fixture->ours, "q3"), TRUE);
  ivc_evaluation_set_red_flag_observed (eval (fixture->theirs, "q3"), TRUE);

  merge (fixture);

  g_assert_true (ivc_evaluation_get_red_flag_observed (eval (fixture->ours, "q1")));
  g_assert_false (ivc_evaluation_get_red_flag_observed (eval (fixture->ours, "q2")));
  g_assert_true (ivc_evaluation_get_red_flag_observed (eval (fixture->ours, "q3")));
  g_assert_cmpuint (fixture->result.n_kept_both, ==, 0);
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  user_data)
{
  /* q1: both added to the common text; q2: both rewrote it; q3: only
   * theirs wrote; q4: the same new text on both sides. */
  ivc_evaluation_set_notes (eval (fixture->ours, "q1"), "Knew the half-open state. Ours.");
  ivc_evaluation_set_notes (eval (fixture->theirs, "q1"), "Knew the half-open state.\nTheirs, ünïcode.");
  ivc_evaluation_set_notes (eval (fixture->ours, "q2"), "Would share tables.");
  ivc_evaluation_set_notes (eval (fixture->theirs, "q2"), "Two services, one table.");
  ivc_evaluation_set_notes (eval (fixture->theirs, "q3"), "Only theirs.");
  ivc_evaluation_set_notes (eval (fixture->ours, "q4"), "Same.");
  ivc_evaluation_set_notes (eval (fixture->theirs, "q4"), "Same.");

  merge (fixture);

  g_assert_cmpstr (notes (fixture->ours, "q1"), ==,
                   "Knew the half-open state. Ours.\n\n" MARKER "\nTheirs, ünïcode.");
  g_assert_cmpstr (notes (fixture->ours, "q2"), ==,
                   "Would share tables.\n\n" MARKER "\nTwo services, one table.");
  g_assert_cmpstr (notes (fixture->ours, "q3"), ==, "Only theirs.");
  g_assert_cmpstr (notes (fixture->ours, "q4"), ==, "Same.");
  g_assert_cmpuint (fixture->result.n_kept_both, ==, 2);
}

static void
test_notes_one_side (Fixture       *fixture,
                     gconstpointer  user_data)
{
  /* Only ours changed q1, only theirs q2: no marker anywhere. */
  ivc_evaluation_set_notes (eval (fixture->ours, "q1"), "Ours only.");
  ivc_evaluation_set_notes (eval (fixture->theirs, "q2"), "Theirs only.");

  merge (fixture);

  g_assert_cmpstr (notes (fixture->ours, "q1"), ==, "Ours only.");
  g_assert_cmpstr (notes (fixture->ours, "q2"), ==, "Theirs only.");
  g_assert_cmpuint (fixture->result.n_kept_both, ==, 0);
  g_assert_cmpuint (fixture->result.n_taken, ==, 1);
}

static void
test_deletions (Fixture       *fixture,
                gconstpointer  user_data)
{
  /* Theirs deleted q1's notes and q2 entirely (unchanged here); ours
   * deleted q2's notes, theirs edited them: the edit stays. */
  ivc_evaluation_set_notes (eval (fixture->theirs, "q1"), "");
  ivc_evaluation_set_score (eval (fixture->theirs, "q1"), IVC_SCORE_NONE);
  ivc_evaluation_set_notes (eval (fixture->ours, "q2"), "");
  ivc_evaluation_set_notes (eval (fixture->theirs, "q2"), "Shared tables, and worse.");

  merge (fixture);

  g_assert_cmpstr (notes (fixture->ours, "q1"), ==, "");
  g_assert_cmpint (score (fixture->ours, "q1"), ==, IVC_SCORE_NONE);
  g_assert_cmpstr (notes (fixture->ours, "q2"), ==, "Shared tables, and worse.");

  /* Deleted on our side, unchanged on theirs: deleted. */
  g_clear_object (&fixture->ours);
  g_clear_object (&fixture->theirs);
  fixture->ours = copy_of (fixture->base);
  fixture->theirs = copy_of (fixture->base);
  ivc_evaluation_set_notes (eval (fixture->ours, "q2"), "");
  ivc_evaluation_set_score (eval (fixture->ours, "q2"), IVC_SCORE_NONE);
  ivc_evaluation_set_red_flag_observed (eval (fixture->ours, "q2"), FALSE);

  merge (fixture);

  g_assert_true (ivc_evaluation_is_empty (eval (fixture->ours, "q2")));
}

static void
test_verdict (Fixture       *fixture,
              gconstpointer  user_data)
{
  ivc_candidate_set_recommendation (fixture->theirs, IVC_RECOMMENDATION_STRONG_YES);

  merge (fixture);

  g_assert_cmpint (ivc_candidate_get_recommendation (fixture->ours), ==, IVC_RECOMMENDATION_STRONG_YES);

  /* Both changed: ours, and theirs in the summary. */
  ivc_candidate_set_recommendation (fixture->ours, IVC_RECOMMENDATION_NO);
  g_object_unref (fixture->base);
  fixture->base = make_base ();

  merge (fixture);

  g_assert_cmpint (ivc_candidate_get_recommendation (fixture->ours), ==, IVC_RECOMMENDATION_NO);
  g_assert_cmpstr (ivc_candidate_get_summary (fixture->ours), ==, "Solid.\n\n" MARKER "\nVerdict: Strong yes");
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  user_data)
{
  ivc_candidate_set_summary (fixture->ours, "Solid. Hire.");
  ivc_candidate_set_summary (fixture->theirs, "Solid.\nAsk about data ownership.");
  ivc_candidate_set_recommendation (fixture->ours, IVC_RECOMMENDATION_STRONG_YES);
  ivc_candidate_set_recommendation (fixture->theirs, IVC_RECOMMENDATION_NO);

  merge (fixture);

  /* One marker for everything kept from theirs. */
  g_assert_cmpstr (ivc_candidate_get_summary (fixture->ours), ==,
                   "Solid. Hire.\n\n" MARKER "\nVerdict: No\nAsk about data ownership.");
}

static void
test_plan (Fixture       *fixture,
           gconstpointer  user_data)
{
  const char *ours[] = { "q3", "q1", "q4", NULL };   /* q2 out, q4 in, reordered */
  const char *theirs[] = { "q1", "q2", "q5", NULL }; /* q3 out, q5 in */
  const char *expected[] = { "q1", "q4", "q5", NULL };
  const char *only_theirs[] = { "q2", "q1", NULL };

  ivc_candidate_set_plan (fixture->ours, ours);
  ivc_candidate_set_plan (fixture->theirs, theirs);

  merge (fixture);

  g_assert_true (g_strv_equal (ivc_candidate_get_plan (fixture->ours), expected));

  g_clear_object (&fixture->ours);
  fixture->ours = copy_of (fixture->base);
  ivc_candidate_set_plan (fixture->theirs, only_theirs);

  merge (fixture);

  g_assert_true (g_strv_equal (ivc_candidate_get_plan (fixture->ours), only_theirs));
}

static void
test_interview_time (Fixture       *fixture,
                     gconstpointer  user_data)
{
  ivc_candidate_set_interview_seconds (fixture->theirs, 900);
  ivc_evaluation_set_seconds (eval (fixture->ours, "q1"), 160);
  ivc_evaluation_set_seconds (eval (fixture->theirs, "q1"), 130);
  ivc_evaluation_set_seconds (eval (fixture->theirs, "q2"), 40);

  merge (fixture);

  g_assert_cmpuint (ivc_candidate_get_interview_seconds (fixture->ours), ==, 900);
  /* Both timed the same interview: the longer count. */
  g_assert_cmpuint (ivc_evaluation_get_seconds (eval (fixture->ours, "q1")), ==, 160);
  g_assert_cmpuint (ivc_evaluation_get_seconds (eval (fixture->ours, "q2")), ==, 40);

  ivc_candidate_set_interview_seconds (fixture->ours, 700);
  ivc_candidate_set_interview_seconds (fixture->theirs, 1200);
  merge (fixture);
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (fixture->ours), ==, 1200);
}

static void
test_name_role (Fixture       *fixture,
                gconstpointer  user_data)
{
  ivc_candidate_set_name (fixture->theirs, "Zoë Martin-Lee");
  ivc_candidate_set_role (fixture->ours, "Platform engineer");
  ivc_candidate_set_role (fixture->theirs, "SRE");
  ivc_candidate_set_interview_date (fixture->theirs, "");

  merge (fixture);

  g_assert_cmpstr (ivc_candidate_get_name (fixture->ours), ==, "Zoë Martin-Lee");
  g_assert_cmpstr (ivc_candidate_get_role (fixture->ours), ==, "Platform engineer");
  g_assert_cmpstr (ivc_candidate_get_interview_date (fixture->ours), ==, "");
  g_assert_cmpstr (ivc_candidate_get_summary (fixture->ours), ==, "Solid.\n\n" MARKER "\nRole: SRE");
}

/* A conflict copy has no common version: what differs is kept from both,
 * and merging the same copy again changes nothing. */
static void
test_no_base (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GBytes) once = NULL;
  g_autoptr(GBytes) twice = NULL;

  ivc_evaluation_set_notes (eval (fixture->ours, "q1"), "Ours.");
  ivc_evaluation_set_notes (eval (fixture->theirs, "q1"), "Theirs.");
  ivc_evaluation_set_score (eval (fixture->theirs, "q2"), IVC_SCORE_STRONG);
  ivc_evaluation_set_notes (eval (fixture->theirs, "q5"), "Only in the copy.");

  ivc_candidate_merge (fixture->ours, NULL, fixture->theirs, LABEL, &fixture->result);

  g_assert_cmpstr (notes (fixture->ours, "q1"), ==, "Ours.\n\n" MARKER "\nTheirs.");
  g_assert_cmpint (score (fixture->ours, "q2"), ==, IVC_SCORE_MIXED);
  g_assert_cmpstr (notes (fixture->ours, "q2"), ==, "Shared tables.\n\n" MARKER "\nScore: Strong");
  g_assert_cmpstr (notes (fixture->ours, "q5"), ==, "Only in the copy.");
  g_assert_cmpstr (ivc_candidate_get_summary (fixture->ours), ==, "Solid.");

  once = ivc_candidate_to_bytes (fixture->ours);
  ivc_candidate_merge (fixture->ours, NULL, fixture->theirs, LABEL, NULL);
  twice = ivc_candidate_to_bytes (fixture->ours);
  g_assert_cmpstr (g_bytes_get_data (twice, NULL), ==, g_bytes_get_data (once, NULL));
}

static void
test_bytes (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GBytes) base = ivc_candidate_to_bytes (fixture->base);
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) merged = NULL;
  g_autoptr(GBytes) broken = g_bytes_new_static ("{ broken", 8);
  g_autoptr(IvcCandidate) result = NULL;
  g_autoptr(GError) error = NULL;

  ivc_evaluation_set_notes (eval (fixture->ours, "q1"), "Ours.");
  ivc_evaluation_set_score (eval (fixture->theirs, "q2"), IVC_SCORE_STRONG);
  ours = ivc_candidate_to_bytes (fixture->ours);
  theirs = ivc_candidate_to_bytes (fixture->theirs);

  merged = ivc_candidate_merge_bytes (ours, base, theirs, "x.json", LABEL, &fixture->result, &error);
  g_assert_no_error (error);
  result = ivc_candidate_new_from_bytes (merged, "merged", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (notes (result, "q1"), ==, "Ours.");
  g_assert_cmpint (score (result, "q2"), ==, IVC_SCORE_STRONG);
  g_assert_cmpuint (fixture->result.n_taken, ==, 1);

  /* What cannot be read is not merged. */
  g_clear_pointer (&merged, g_bytes_unref);
  merged = ivc_candidate_merge_bytes (ours, base, broken, "x.json", LABEL, NULL, &error);
  g_assert_null (merged);
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_CORRUPT);
}

static void
test_conflict_copy_names (void)
{
  static const struct {
    const char  *name;
    IvcSyncTool  tool;
    const char  *original;
  } cases[] = {
    { "ann.sync-conflict-20240501-093000-ABCDEFG.json", IVC_SYNC_TOOL_SYNCTHING, "ann.json" },
    { "c-3f9a01c2.sync-conflict-20261201-235959-7QXZ2MA.json", IVC_SYNC_TOOL_SYNCTHING, "c-3f9a01c2.json" },
    { "ann (conflicted copy 2024-05-01 093000).json", IVC_SYNC_TOOL_NEXTCLOUD, "ann.json" },
    { "ann (Conflicted copy 2024-05-01 093000).json", IVC_SYNC_TOOL_NEXTCLOUD, "ann.json" },
    { "ann (conflicted copy bob 2024-05-01 093000).json", IVC_SYNC_TOOL_NEXTCLOUD, "ann.json" },
    { "ann (Bob's conflicted copy 2024-05-01).json", IVC_SYNC_TOOL_DROPBOX, "ann.json" },
    { "ann (Bob’s MacBook’s conflicted copy 2024-05-01 (1)).json", IVC_SYNC_TOOL_DROPBOX, "ann.json" },
    /* Not conflict copies. */
    { "ann.json", IVC_SYNC_TOOL_NONE, NULL },
    { "ann (copy).json", IVC_SYNC_TOOL_NONE, NULL },
    { "ann.json.corrupt-20240501T093000Z", IVC_SYNC_TOOL_NONE, NULL },
    { "ann.sync-conflict-20240501-093000-ABCDEFG.json.merged-20240501T093000Z", IVC_SYNC_TOOL_NONE, NULL },
    { "ann.sync-conflict-20240501-093000-ABCDEFG.txt", IVC_SYNC_TOOL_NONE, NULL },
    { "ann.sync-conflict-20240502-ABC.json", IVC_SYNC_TOOL_NONE, NULL },
    { "ann.sync-conflict-2024050-093000-ABCDEFG.json", IVC_SYNC_TOOL_NONE, NULL },
    { ".sync-conflict-20240501-093000-ABCDEFG.json", IVC_SYNC_TOOL_NONE, NULL },
    { " (conflicted copy 2024-05-01 093000).json", IVC_SYNC_TOOL_NONE, NULL },
    { "ann (conflicted copy 2024-05-01 093000).txt", IVC_SYNC_TOOL_NONE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *original = NULL;

      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (ivc_conflict_copy_parse (cases[i].name, &original), ==, cases[i].tool);
      g_assert_cmpstr (original, ==, cases[i].original);
    }

  g_assert_cmpstr (ivc_sync_tool_get_name (IVC_SYNC_TOOL_SYNCTHING), ==, "Syncthing");
  g_assert_cmpstr (ivc_sync_tool_get_name (IVC_SYNC_TOOL_NEXTCLOUD), ==, "Nextcloud");
  g_assert_cmpstr (ivc_sync_tool_get_name (IVC_SYNC_TOOL_DROPBOX), ==, "Dropbox");
}

/* The submission (format 3): submitted wins over a draft, the earlier
 * submission is kept and the later amendment; a merge itself amends
 * nothing. */
static void
test_submission (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(IvcCandidate) base = make_base ();
  g_autoptr(IvcCandidate) ours = copy_of (base);
  g_autoptr(IvcCandidate) theirs = copy_of (base);
  g_autoptr(IvcCandidate) again = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) amended = NULL;

  /* Theirs submitted, ours a draft with a new note: submitted. */
  ivc_candidate_submit (theirs);
  first = g_date_time_ref (ivc_candidate_get_submitted (theirs));
  ivc_evaluation_set_notes (eval (ours, "q3"), "Ours, typed as a draft.");
  ivc_candidate_merge (ours, base, theirs, LABEL, NULL);
  g_assert_true (ivc_candidate_is_submitted (ours));
  g_assert_true (g_date_time_equal (ivc_candidate_get_submitted (ours), first));
  g_assert_null (ivc_candidate_get_amended (ours));
  g_assert_cmpstr (notes (ours, "q3"), ==, "Ours, typed as a draft.");

  /* Both submitted, theirs later and amended: the earlier submission,
   * the later amendment. */
  g_clear_object (&theirs);
  theirs = copy_of (base);
  ivc_candidate_submit (theirs);
  ivc_evaluation_set_score (eval (theirs, "q1"), IVC_SCORE_STRONG);
  g_assert_nonnull (ivc_candidate_get_amended (theirs));
  amended = g_date_time_ref (ivc_candidate_get_amended (theirs));
  ivc_candidate_merge (ours, base, theirs, LABEL, NULL);
  g_assert_true (g_date_time_equal (ivc_candidate_get_submitted (ours), first));
  g_assert_true (g_date_time_equal (ivc_candidate_get_amended (ours), amended));
  g_assert_cmpint (ivc_evaluation_get_score (eval (ours, "q1")), ==, IVC_SCORE_STRONG);

  /* A draft merged into a submitted scorecard leaves it submitted, and
   * through the file too. */
  again = copy_of (base);
  ivc_candidate_merge (again, base, ours, LABEL, NULL);
  ivc_candidate_merge (ours, base, base, LABEL, NULL);
  g_assert_true (ivc_candidate_is_submitted (ours));
  g_assert_true (g_date_time_equal (ivc_candidate_get_submitted (again), first));
  g_assert_true (g_date_time_equal (ivc_candidate_get_amended (again), amended));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/merge/nothing-changed", test_nothing_changed);
  ADD ("/merge/scores", test_scores);
  ADD ("/merge/score-cleared", test_score_cleared);
  ADD ("/merge/red-flags", test_red_flags);
  ADD ("/merge/notes", test_notes);
  ADD ("/merge/notes-one-side", test_notes_one_side);
  ADD ("/merge/deletions", test_deletions);
  ADD ("/merge/verdict", test_verdict);
  ADD ("/merge/summary", test_summary);
  ADD ("/merge/plan", test_plan);
  ADD ("/merge/interview-time", test_interview_time);
  ADD ("/merge/name-role", test_name_role);
  ADD ("/merge/no-base", test_no_base);
  ADD ("/merge/bytes", test_bytes);
  ADD ("/merge/submission", test_submission);
  g_test_add_func ("/conflict-copy/names", test_conflict_copy_names);

  return g_test_run ();
}
