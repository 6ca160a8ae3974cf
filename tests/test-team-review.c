/* test-team-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two interviewers on one data folder, as in a shared team folder: both
 * score the same candidate, each sees the other's scorecard only after
 * submitting their own, and the debrief holds both; from the stores and
 * from the command line (--debrief in each format, --include-drafts, and
 * its errors).
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ivc-bias-guard.h"
#include "ivc-candidate-store.h"
#include "ivc-debrief.h"
#include "ivc-test-files.h"

#define QUESTION_1 "what-are-microservices"
#define QUESTION_2 "tradeoffs-vs-monolith"

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

typedef struct
{
  char  *tmp;
  /* $XDG_DATA_HOME: the data folder is its interview-companion. */
  char  *data_home;
  GFile *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->tmp = g_dir_make_tmp ("ivc-team-review-XXXXXX", NULL);
  fixture->data_home = g_build_filename (fixture->tmp, "data", NULL);
  fixture->folder = g_file_new_build_filename (fixture->data_home, "interview-companion", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->tmp);
  g_clear_object (&fixture->folder);
  g_clear_pointer (&fixture->data_home, g_free);
  g_clear_pointer (&fixture->tmp, g_free);
}

static IvcCandidateStore *
open_store (Fixture    *fixture,
            const char *interviewer_id,
            const char *interviewer_name)
{
  g_autoptr(IvcCandidateStore) store = ivc_candidate_store_new (fixture->folder, interviewer_id, interviewer_name);
  g_autoptr(GError) error = NULL;

  g_assert_true (ivc_candidate_store_load (store, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static void
flush (IvcCandidateStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ivc_candidate_store_flush (store, &error));
  g_assert_no_error (error);
}

static void
score (IvcCandidate *candidate,
       const char   *question_id,
       IvcScore      value,
       const char   *notes)
{
  IvcEvaluation *evaluation = ivc_candidate_ensure_evaluation (candidate, question_id);

  ivc_evaluation_set_score (evaluation, value);
  ivc_evaluation_set_notes (evaluation, notes);
}

/* What the window and the exports may show Ann of her teammates: their
 * scorecards behind the guard. */
static guint
n_visible_teammates (IvcCandidateStore *store,
                     IvcCandidate      *own)
{
  g_autoptr(GPtrArray) scorecards = ivc_candidate_store_list_scorecards (store, own, NULL);
  guint n = 0;

  for (guint i = 0; i < scorecards->len; i++)
    {
      IvcCandidate *scorecard = g_ptr_array_index (scorecards, i);

      if (scorecard != own && ivc_bias_guard_check (own, scorecard, TRUE, NULL))
        n++;
    }

  return n;
}

static void
test_two_stores (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) ann_store = open_store (fixture, "ann", "Ann");
  g_autoptr(IvcCandidateStore) bob_store = NULL;
  g_autoptr(IvcDebrief) debrief = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GError) error = NULL;
  IvcCandidate *ann, *bob;
  const IvcDebriefQuestion *question;

  /* Ann interviews first and saves. */
  ann = ivc_candidate_store_create (ann_store, "Zoë Martin", "Backend", "2024-05-01", "microservices");
  score (ann, QUESTION_1, IVC_SCORE_STRONG, "Ann: explained bounded contexts.");
  ivc_candidate_set_recommendation (ann, IVC_RECOMMENDATION_STRONG_YES);
  flush (ann_store);

  /* Bob, on the same folder, finds the candidate and scores too. */
  bob_store = open_store (fixture, "bob", "Bob");
  bob = ivc_candidate_store_find (bob_store, ivc_candidate_get_id (ann));
  g_assert_nonnull (bob);
  g_assert_true (bob != ann);
  score (bob, QUESTION_1, IVC_SCORE_MIXED, "Bob: vague on data ownership.");
  ivc_candidate_set_recommendation (bob, IVC_RECOMMENDATION_NO);
  flush (bob_store);

  /* Neither sees the other before submitting, only how many submitted. */
  g_assert_cmpuint (n_visible_teammates (ann_store, ann), ==, 0);
  g_assert_cmpuint (n_visible_teammates (bob_store, bob), ==, 0);
  g_assert_null (ivc_candidate_store_make_debrief (ann_store, ann, NULL, FALSE, TRUE, &error));
  g_assert_error (error, IVC_BIAS_GUARD_ERROR, IVC_BIAS_GUARD_ERROR_HIDDEN);
  g_clear_error (&error);
  others = ivc_candidate_store_read_other_scorecards (ann_store, ivc_candidate_get_id (ann), NULL);
  g_assert_cmpuint (others->len, ==, 1);
  g_assert_cmpuint (ivc_bias_guard_count_submitted (others), ==, 0);
  g_clear_pointer (&others, g_ptr_array_unref);

  /* Ann submits: she sees Bob's draft is there but the debrief holds the
   * submitted scorecards only, hers. */
  g_assert_true (ivc_candidate_submit (ann));
  flush (ann_store);
  g_assert_cmpuint (n_visible_teammates (ann_store, ann), ==, 1);
  g_assert_cmpuint (n_visible_teammates (bob_store, bob), ==, 0);
  others = ivc_candidate_store_read_other_scorecards (bob_store, ivc_candidate_get_id (bob), NULL);
  g_assert_cmpuint (ivc_bias_guard_count_submitted (others), ==, 1);
  g_clear_pointer (&others, g_ptr_array_unref);
  debrief = ivc_candidate_store_make_debrief (ann_store, ann, NULL, FALSE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ivc_debrief_get_n_interviewers (debrief), ==, 1);
  g_assert_cmpuint (ivc_debrief_get_n_left_out (debrief), ==, 1);
  g_clear_object (&debrief);

  /* Bob submits: each sees the other, and the debrief holds both. */
  g_assert_true (ivc_candidate_submit (bob));
  flush (bob_store);
  g_assert_cmpuint (n_visible_teammates (bob_store, bob), ==, 1);
  for (guint i = 0; i < 2; i++)
    {
      IvcCandidateStore *store = i == 0 ? ann_store : bob_store;
      IvcCandidate *own = i == 0 ? ann : bob;

      debrief = ivc_candidate_store_make_debrief (store, own, NULL, FALSE, TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ivc_debrief_get_n_interviewers (debrief), ==, 2);
      question = ivc_debrief_find_question (debrief, QUESTION_1);
      g_assert_nonnull (question);
      g_assert_true (question->disagreement);
      g_assert_true (ivc_debrief_get_verdicts_disagree (debrief));
      g_assert_cmpstr (ivc_debrief_get_interviewer (debrief, 0)->name, ==, i == 0 ? "Ann" : "Bob");
      g_assert_cmpstr (ivc_debrief_get_interviewer (debrief, 1)->name, ==, i == 0 ? "Bob" : "Ann");
      g_clear_object (&debrief);
    }

  /* Ann amends: the team sees it. */
  score (ann, QUESTION_2, IVC_SCORE_GOOD, "Added after the debrief.");
  g_assert_nonnull (ivc_candidate_get_amended (ann));
  flush (ann_store);
  others = ivc_candidate_store_read_other_scorecards (bob_store, ivc_candidate_get_id (bob), NULL);
  g_assert_nonnull (ivc_candidate_get_amended (g_ptr_array_index (others, 0)));
}

/*
 * The command line.
 */

static int
run_debrief (Fixture     *fixture,
             const char  *interviewer_id,
             const char **arguments,
             char       **out,
             char       **err)
{
  const char *program = g_getenv ("IVC_PROGRAM");
  g_autofree char *config_home = g_build_filename (fixture->tmp, interviewer_id, NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", fixture->data_home, TRUE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  int status;

  g_assert_nonnull (program);
  /* "ann" is Ann, as in the files the stores wrote. */
  name = g_strdup_printf ("'%c%s'", g_ascii_toupper (interviewer_id[0]), interviewer_id + 1);
  envp = environ_as_interviewer (envp, config_home, interviewer_id, "interviewer-name", name, NULL);
  g_ptr_array_add (argv, (char *)program);
  g_ptr_array_add (argv, (char *)"--debrief");
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)arguments[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT,
                               NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("--debrief %s: %s", arguments[0], *err);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
write_scorecard (Fixture           *fixture,
                 const char        *interviewer_id,
                 const char        *name,
                 IvcScore           value,
                 const char        *notes,
                 IvcRecommendation  verdict,
                 gboolean           submit)
{
  g_autoptr(IvcCandidateStore) store = open_store (fixture, interviewer_id, name);
  IvcCandidate *candidate = ivc_candidate_store_lookup (store, "Zoë Martin", NULL);

  if (candidate == NULL)
    candidate = ivc_candidate_store_create (store, "Zoë Martin", "Backend", "2024-05-01", "microservices");
  score (candidate, QUESTION_1, value, notes);
  ivc_candidate_set_recommendation (candidate, verdict);
  if (submit)
    ivc_candidate_submit (candidate);
  flush (store);

  return g_strdup (ivc_candidate_get_id (candidate));
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autofree char *id = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *output = g_build_filename (fixture->tmp, "debrief.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  id = write_scorecard (fixture, "ann", "Ann", IVC_SCORE_STRONG, "=cmd|' /C calc'!A0",
                        IVC_RECOMMENDATION_YES, FALSE);
  g_free (write_scorecard (fixture, "bob", "Bob", IVC_SCORE_POOR, "Bob's notes", IVC_RECOMMENDATION_NO, FALSE));

  /* Unknown candidates, and none submitted. */
  g_assert_cmpint (run_debrief (fixture, "ann", (const char *[]) { "Nobody", NULL }, &out, &err), ==, 1);
  assert_contains (err, "No candidate has the id or name “Nobody”");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_debrief (fixture, "ann", (const char *[]) { "Zoë Martin", "--format", "pdf", NULL }, &out, &err), ==, 1);
  assert_contains (err, "“pdf” is not an export format; use md, csv or json");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Before Ann submits: Bob's scorecard stays hidden from her. */
  g_assert_cmpint (run_debrief (fixture, "ann", (const char *[]) { "zoe martin", NULL }, &out, &err), ==, 1);
  assert_contains (err, "stay hidden until you submit your own");
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Ann and Bob submit. */
  g_free (write_scorecard (fixture, "ann", "Ann", IVC_SCORE_STRONG, "=cmd|' /C calc'!A0", IVC_RECOMMENDATION_YES, TRUE));
  g_free (write_scorecard (fixture, "bob", "Bob", IVC_SCORE_POOR, "Bob's notes", IVC_RECOMMENDATION_NO, TRUE));

  /* Markdown, by name, to the standard output. */
  g_assert_cmpint (run_debrief (fixture, "ann", (const char *[]) { "zoe martin", NULL }, &out, &err), ==, 0);
  assert_contains (out, "# Debrief\\: Zoë Martin");
  assert_contains (out, "| Bob | Submitted ");
  assert_contains (out, "**Disagreement\\: scores 2 or more points apart**");
  assert_contains (out, "**Disagreement\\: verdicts on both sides of hire / no hire**");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* CSV, by id, from Bob's side: no formula. */
  g_assert_cmpint (run_debrief (fixture, "bob", (const char *[]) { id, "--format", "csv", NULL }, &out, &err), ==, 0);
  assert_contains (out, "\"'=cmd|' /C calc'!A0\"");
  assert_contains (out, "\"Bob's notes\"");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* JSON, to a file. */
  g_assert_cmpint (run_debrief (fixture, "ann", (const char *[]) { id, "--format", "json", "--output", output, NULL },
                                &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (json_parser_load_from_file (parser, output, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "interviewers")), ==, 2);
  g_assert_true (json_object_get_boolean_member (root, "verdicts_disagree"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A third interviewer's draft: left out, or marked with --include-drafts. */
  g_free (write_scorecard (fixture, "cy", "Cy", IVC_SCORE_GOOD, "Cy's draft", IVC_RECOMMENDATION_NONE, FALSE));
  g_assert_cmpint (run_debrief (fixture, "ann", (const char *[]) { id, NULL }, &out, &err), ==, 0);
  assert_not_contains (out, "Cy's draft");
  assert_contains (out, "1 draft scorecard is not shown");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_debrief (fixture, "ann", (const char *[]) { id, "--include-drafts", NULL }, &out, &err), ==, 0);
  assert_contains (out, "Cy's draft");
  assert_contains (out, "- **Cy \\(draft\\):** Good \\(3 of 4\\)");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Cy has not submitted: nothing of the others for Cy. */
  g_assert_cmpint (run_debrief (fixture, "cy", (const char *[]) { id, "--include-drafts", NULL }, &out, &err), ==, 1);
  assert_contains (err, "stay hidden until you submit your own");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

/* A name two candidates share is ambiguous; a candidate nobody submitted
 * says so. */
static void
test_cli_errors (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = open_store (fixture, "ann", "Ann");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  IvcCandidate *first, *second;

  first = ivc_candidate_store_create (store, "Sam Lee", NULL, NULL, "microservices");
  second = ivc_candidate_store_create (store, "Sam Lee", NULL, NULL, "microservices");
  score (first, QUESTION_1, IVC_SCORE_GOOD, NULL);
  score (second, QUESTION_1, IVC_SCORE_GOOD, NULL);
  flush (store);

  g_assert_cmpint (run_debrief (fixture, "ann", (const char *[]) { "Sam Lee", NULL }, &out, &err), ==, 1);
  assert_contains (err, "2 candidates are called “Sam Lee”; name one by id");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_debrief (fixture, "ann", (const char *[]) { ivc_candidate_get_id (first), NULL }, &out, &err), ==, 1);
  assert_contains (err, "No scorecard for Sam Lee is submitted yet (1 draft); --include-drafts shows drafts too");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_debrief (fixture, "ann", (const char *[]) { ivc_candidate_get_id (first), "--include-drafts", NULL },
                                &out, &err), ==, 0);
  assert_contains (out, "- **Ann \\(draft\\):** Good \\(3 of 4\\)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/team-review/two-stores", test_two_stores);
  ADD ("/team-review/cli", test_cli);
  ADD ("/team-review/cli-errors", test_cli_errors);

  return g_test_run ();
}
