/* test-candidate-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "ivc-candidate-store.h"

#include "ivc-test-files.h"

#define assert_contains(str, part)                              \
  G_STMT_START {                                                \
    if (strstr ((str), (part)) == NULL)                         \
      g_assert_cmpstr ((str), ==, (part));                      \
  } G_STMT_END

typedef struct
{
  char  *tmp;
  GFile *folder;
  char  *candidates;
} Fixture;

/*
 * Helpers.
 */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  fixture->tmp = g_dir_make_tmp ("ivc-store-XXXXXX", &error);
  g_assert_no_error (error);

  data = g_build_filename (fixture->tmp, "data", NULL);
  fixture->folder = g_file_new_for_path (data);
  fixture->candidates = g_build_filename (data, "candidates", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
  g_clear_pointer (&fixture->candidates, g_free);
  g_clear_object (&fixture->folder);
}

static char *
candidate_path (Fixture    *fixture,
                const char *candidate_id,
                const char *interviewer_id)
{
  g_autofree char *file_name = NULL;

  if (interviewer_id == NULL)
    return g_build_filename (fixture->candidates, candidate_id, NULL);

  file_name = g_strconcat (interviewer_id, ".json", NULL);
  return g_build_filename (fixture->candidates, candidate_id, file_name, NULL);
}

/* Any file in a candidate's folder, by its whole name. */
static char *
file_in_folder (Fixture    *fixture,
                const char *candidate_id,
                const char *name)
{
  return g_build_filename (fixture->candidates, candidate_id, name, NULL);
}

/* A candidate file as another copy of the app, or another interviewer's,
 * would have written it. */
static char *
make_file (const char *candidate_id,
           const char *name,
           const char *interviewer_id,
           const char *modified,
           const char *evaluations)
{
  return g_strdup_printf ("{\n"
                          "  \"format\": 1,\n"
                          "  \"candidate\": {\"id\": \"%s\", \"name\": \"%s\", \"role\": \"SRE\", \"interview_date\": \"2024-05-01\"},\n"
                          "  \"interviewer\": {\"id\": \"%s\", \"name\": \"%s\"},\n"
                          "  \"bank_id\": \"microservices\",\n"
                          "  \"recommendation\": \"yes\",\n"
                          "  \"summary\": \"Fine\",\n"
                          "  \"created\": \"2024-05-01T09:00:00Z\",\n"
                          "  \"modified\": \"%s\",\n"
                          "  \"evaluations\": {%s}\n"
                          "}\n",
                          candidate_id, name, interviewer_id, interviewer_id, modified,
                          evaluations ? evaluations : "");
}

static IvcCandidateStore *
load_store (Fixture     *fixture,
            const char  *interviewer_id,
            GPtrArray  **problems)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  store = ivc_candidate_store_new (fixture->folder, interviewer_id, "Ann Lee");
  g_assert_true (ivc_candidate_store_load (store, NULL, &found, &error));
  g_assert_no_error (error);
  g_assert_nonnull (found);

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  else
    g_assert_cmpuint (found->len, ==, 0);

  g_assert_false (ivc_candidate_store_get_has_unsaved_changes (store));

  return g_steal_pointer (&store);
}

static IvcCandidate *
get_candidate (IvcCandidateStore *store,
               guint              position)
{
  g_autoptr(IvcCandidate) candidate = NULL;

  candidate = g_list_model_get_item (ivc_candidate_store_get_candidates (store), position);
  g_assert_nonnull (candidate);

  /* The store holds it. */
  return candidate;
}

static guint
n_candidates (IvcCandidateStore *store)
{
  return g_list_model_get_n_items (ivc_candidate_store_get_candidates (store));
}

static void
flush (IvcCandidateStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ivc_candidate_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_false (ivc_candidate_store_get_has_unsaved_changes (store));
}

static gboolean
is_saved (IvcCandidateStore *store)
{
  return !ivc_candidate_store_get_has_unsaved_changes (store) &&
         !ivc_candidate_store_get_saving (store);
}

static gboolean
has_save_error (IvcCandidateStore *store)
{
  return ivc_candidate_store_get_save_error (store) != NULL &&
         !ivc_candidate_store_get_saving (store);
}

/* Runs the main loop, as the application does, until @done holds; the
 * test fails if it never does. */
#define spin_until(store, done) wait_for (done (store))

/* A save in flight holds a reference until its worker thread lets go. */
static void
finalize_store (IvcCandidateStore *store)
{
  wait_for (!ivc_candidate_store_get_saving (store));
  wait_for (g_atomic_int_get (&G_OBJECT (store)->ref_count) == 1);

  g_assert_finalize_object (store);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
on_saving_cb (IvcCandidateStore *store,
              GParamSpec        *pspec,
              guint             *n_saves)
{
  if (ivc_candidate_store_get_saving (store))
    (*n_saves)++;
}

static void
on_save_failed_cb (IvcCandidateStore *store,
                   const GError      *error,
                   guint             *count)
{
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED);
  (*count)++;
}

/* Turns a candidate's folder into a file: nothing can be written in it,
 * even by root, for whom permissions do not count. */
static void
block_folder (Fixture    *fixture,
              const char *candidate_id)
{
  g_autofree char *folder = candidate_path (fixture, candidate_id, NULL);

  remove_tree (folder);
  write_file (folder, "in the way");
}

static void
unblock_folder (Fixture    *fixture,
                const char *candidate_id)
{
  g_autofree char *folder = candidate_path (fixture, candidate_id, NULL);

  g_assert_no_errno (g_unlink (folder));
}

/*
 * Tests.
 */

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autofree char *list = NULL;

  g_assert_cmpuint (n_candidates (store), ==, 0);
  g_assert_null (ivc_candidate_store_find (store, "nobody"));
  g_assert_null (ivc_candidate_store_get_save_error (store));

  list = ivc_candidate_store_format_list (store);
  g_assert_cmpstr (list, ==, "ID\tNAME\tROLE\tDATE\tSCORED\tRECOMMENDATION\n");

  /* Reading creates nothing. */
  flush (store);
  g_assert_false (g_file_query_exists (fixture->folder, NULL));

  finalize_store (g_steal_pointer (&store));
}

static void
test_default_folder (void)
{
  g_autoptr(IvcCandidateStore) store = ivc_candidate_store_new (NULL, "ann", "Ann");
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "interview-companion", NULL);
  g_autofree char *path = g_file_get_path (ivc_candidate_store_get_folder (store));

  /* main() points XDG_DATA_HOME at a temporary folder. */
  g_assert_cmpstr (g_getenv ("XDG_DATA_HOME"), ==, g_get_user_data_dir ());
  g_assert_cmpstr (path, ==, expected);

  finalize_store (g_steal_pointer (&store));
}

static void
test_save_load (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autoptr(IvcCandidateStore) again = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *data = g_file_get_path (fixture->folder);
  IvcCandidate *candidate, *loaded;
  IvcEvaluation *evaluation;
  GStatBuf st;

  candidate = ivc_candidate_store_create (store, "Zoë Martin 王", "Backend “platform” engineer",
                                          "2024-02-29", "microservices");
  g_assert_true (ivc_candidate_store_get_has_unsaved_changes (store));
  g_assert_true (get_candidate (store, 0) == candidate);
  id = g_strdup (ivc_candidate_get_id (candidate));
  g_assert_true (ivc_candidate_store_find (store, id) == candidate);
  g_assert_cmpstr (ivc_candidate_get_interviewer_id (candidate), ==, "ann");

  ivc_candidate_set_recommendation (candidate, IVC_RECOMMENDATION_STRONG_NO);
  ivc_candidate_set_summary (candidate, "Two\nlines 🎉");
  evaluation = ivc_candidate_ensure_evaluation (candidate, "saga");
  ivc_evaluation_set_score (evaluation, IVC_SCORE_MIXED);
  ivc_evaluation_set_red_flag_observed (evaluation, TRUE);
  ivc_evaluation_set_notes (evaluation, "Пример\n\tindented");

  flush (store);

  /* The layout, and who may read it. */
  path = candidate_path (fixture, id, "ann");
  folder = candidate_path (fixture, id, NULL);
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_no_errno (g_stat (folder, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_no_errno (g_stat (fixture->candidates, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_no_errno (g_stat (data, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  again = load_store (fixture, "ann", NULL);
  g_assert_cmpuint (n_candidates (again), ==, 1);
  loaded = ivc_candidate_store_find (again, id);
  g_assert_nonnull (loaded);
  g_assert_true (loaded != candidate);
  g_assert_cmpstr (ivc_candidate_get_name (loaded), ==, "Zoë Martin 王");
  g_assert_cmpstr (ivc_candidate_get_role (loaded), ==, "Backend “platform” engineer");
  g_assert_cmpstr (ivc_candidate_get_interview_date (loaded), ==, "2024-02-29");
  g_assert_cmpstr (ivc_candidate_get_bank_id (loaded), ==, "microservices");
  g_assert_cmpint (ivc_candidate_get_recommendation (loaded), ==, IVC_RECOMMENDATION_STRONG_NO);
  g_assert_cmpstr (ivc_candidate_get_summary (loaded), ==, "Two\nlines 🎉");
  g_assert_cmpstr (ivc_candidate_get_interviewer_name (loaded), ==, "Ann Lee");
  g_assert_true (g_date_time_equal (ivc_candidate_get_modified (loaded),
                                    ivc_candidate_get_modified (candidate)));
  g_assert_cmpuint (ivc_candidate_get_n_scored (loaded), ==, 1);
  evaluation = ivc_candidate_get_evaluation (loaded, "saga");
  g_assert_cmpint (ivc_evaluation_get_score (evaluation), ==, IVC_SCORE_MIXED);
  g_assert_true (ivc_evaluation_get_red_flag_observed (evaluation));
  g_assert_cmpstr (ivc_evaluation_get_notes (evaluation), ==, "Пример\n\tindented");

  finalize_store (g_steal_pointer (&again));
  finalize_store (g_steal_pointer (&store));
}

static void
test_load_async_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GPtrArray **problems = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ivc_candidate_store_load_finish (IVC_CANDIDATE_STORE (object), result, problems, &error));
  g_assert_no_error (error);
}

static void
test_load_async (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = ivc_candidate_store_new (fixture->folder, "ann", "Ann");
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *good = make_file ("good-1", "Good", "ann", "2024-05-01T10:00:00Z", NULL);
  g_autofree char *good_path = candidate_path (fixture, "good-1", "ann");
  g_autofree char *bad_path = candidate_path (fixture, "bad-1", "ann");

  write_file (good_path, good);
  write_file (bad_path, "{");

  ivc_candidate_store_load_async (store, NULL, test_load_async_cb, &problems);
  wait_for (problems != NULL);

  g_assert_cmpuint (n_candidates (store), ==, 1);
  g_assert_cmpstr (ivc_candidate_get_name (get_candidate (store, 0)), ==, "Good");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_error ((GError *)problems->pdata[0], IVC_STORE_ERROR, IVC_STORE_ERROR_CORRUPT);

  finalize_store (g_steal_pointer (&store));
}

static void
test_load_unreadable_folder (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = ivc_candidate_store_new (fixture->folder, "ann", "Ann");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  write_file (fixture->candidates, "not a folder");

  g_assert_false (ivc_candidate_store_load (store, NULL, &problems, &error));
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ);
  g_assert_null (problems);
  assert_file_equals (fixture->candidates, "not a folder");

  finalize_store (g_steal_pointer (&store));
}

/* Every change is on disk a moment after it is made (how long belongs in
 * a benchmark), and quick changes are written together. */
static void
test_autosave (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autoptr(IvcCandidate) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  IvcCandidate *candidate;
  IvcEvaluation *evaluation;
  gint64 typing_started;
  gboolean typed_within_delay;
  guint n_saves = 0, n_saves_typing;

  g_signal_connect (store, "notify::saving", G_CALLBACK (on_saving_cb), &n_saves);

  candidate = ivc_candidate_store_create (store, "Ann", NULL, NULL, NULL);
  path = candidate_path (fixture, ivc_candidate_get_id (candidate), "ann");
  evaluation = ivc_candidate_ensure_evaluation (candidate, "q1");

  /* Typing, a letter at a time. */
  typing_started = g_get_monotonic_time ();
  for (guint i = 1; i <= strlen ("Knows the saga pattern"); i++)
    {
      g_autofree char *notes = g_strndup ("Knows the saga pattern", i);

      ivc_evaluation_set_notes (evaluation, notes);
      g_main_context_iteration (NULL, FALSE);
    }

  /* Not written at once, although the main loop ran after every letter:
   * the store waits IVC_CANDIDATE_STORE_SAVE_DELAY_MS, which is what saves
   * the disk while typing. Only checked when the typing took less than
   * that delay: a machine that stalls the test for longer rightly saves in
   * between, and the test must not fail for it. */
  typed_within_delay = g_get_monotonic_time () - typing_started <
                       IVC_CANDIDATE_STORE_SAVE_DELAY_MS * G_TIME_SPAN_MILLISECOND;
  if (typed_within_delay)
    {
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (n_saves, ==, 0);
      g_assert_true (ivc_candidate_store_get_has_unsaved_changes (store));
    }
  else
    g_test_message ("typing took longer than the save delay: not checking that nothing was saved yet");

  /* Then written by itself, once, with the last of the typing. */
  spin_until (store, is_saved);
  g_assert_cmpuint (n_saves, >=, 1);
  if (typed_within_delay)
    g_assert_cmpuint (n_saves, ==, 1);
  n_saves_typing = n_saves;

  contents = read_file (path);
  bytes = g_bytes_new (contents, strlen (contents));
  loaded = ivc_candidate_new_from_bytes (bytes, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ivc_evaluation_get_notes (ivc_candidate_get_evaluation (loaded, "q1")), ==,
                   "Knows the saga pattern");

  /* A change after that is saved the same way. */
  ivc_evaluation_set_score (evaluation, IVC_SCORE_GOOD);
  g_assert_true (ivc_candidate_store_get_has_unsaved_changes (store));
  wait_for (file_contains (path, "\"score\" : 3"));
  spin_until (store, is_saved);
  g_assert_cmpuint (n_saves, ==, n_saves_typing + 1);

  finalize_store (g_steal_pointer (&store));
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok;

  ok = ivc_candidate_store_save_finish (IVC_CANDIDATE_STORE (object), result, error);
  g_assert_true (ok == (*error == NULL));
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "done");
}

/* A change made while a save is being written is saved after it. */
static void
test_save_async (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  IvcCandidate *candidate;

  candidate = ivc_candidate_store_create (store, "Ann", NULL, NULL, NULL);
  path = candidate_path (fixture, ivc_candidate_get_id (candidate), "ann");

  ivc_candidate_store_save_async (store, NULL, on_saved_cb, &error);
  g_assert_true (ivc_candidate_store_get_saving (store));

  /* In flight: this one waits for the next batch. */
  ivc_candidate_set_summary (candidate, "written second");
  ivc_candidate_store_save_async (store, NULL, on_saved_cb, &error);

  wait_for (error != NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NONE);
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  wait_for (error != NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NONE);
  g_clear_error (&error);
  g_assert_true (is_saved (store));
  contents = read_file (path);
  assert_contains (contents, "written second");

  /* And a failure is reported to the caller. */
  block_folder (fixture, ivc_candidate_get_id (candidate));
  ivc_candidate_set_summary (candidate, "blocked");
  ivc_candidate_store_save_async (store, NULL, on_saved_cb, &error);
  wait_for (error != NULL);
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED);
  g_assert_true (ivc_candidate_store_get_has_unsaved_changes (store));

  unblock_folder (fixture, ivc_candidate_get_id (candidate));
  flush (store);

  finalize_store (g_steal_pointer (&store));
}

/* The autosave writes the candidate as it was when the save started, byte
 * for byte what ivc_candidate_to_bytes() gave then, however it changes
 * while a worker writes it; the change is saved next. */
static void
test_save_snapshot (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  IvcCandidate *candidate;

  candidate = ivc_candidate_store_create (store, "Zoë Ødegård", "Engineer", "2026-12-01", NULL);
  path = candidate_path (fixture, ivc_candidate_get_id (candidate), "ann");
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("question-%02u", 49 - i);
      g_autofree char *notes = g_strdup_printf ("Notes %u: “outbox”, naïve retry\n\tthen \"idempotency\" \\ 王", i);
      IvcEvaluation *evaluation = ivc_candidate_ensure_evaluation (candidate, id);

      ivc_evaluation_set_notes (evaluation, notes);
      ivc_evaluation_set_score (evaluation, i % 5);
      ivc_evaluation_set_red_flag_observed (evaluation, i % 7 == 0);
      ivc_evaluation_set_seconds (evaluation, i * 13);
    }
  ivc_candidate_set_summary (candidate, "Summary\nwith lines");
  g_assert_true (ivc_candidate_submit (candidate));
  before = ivc_candidate_to_bytes (candidate);

  ivc_candidate_store_save_async (store, NULL, on_saved_cb, &error);
  g_assert_true (ivc_candidate_store_get_saving (store));

  /* In flight: none of this is in the file being written. */
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (candidate, "question-07"), "changed in flight");
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (candidate, "question-00"), "");
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (candidate, "question-00"), IVC_SCORE_NONE);
  ivc_evaluation_set_red_flag_observed (ivc_candidate_ensure_evaluation (candidate, "question-00"), FALSE);
  ivc_evaluation_set_seconds (ivc_candidate_ensure_evaluation (candidate, "question-00"), 0);
  ivc_candidate_set_summary (candidate, "changed in flight");

  wait_for (error != NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NONE);
  contents = read_file (path);
  g_assert_cmpmem (contents, strlen (contents), g_bytes_get_data (before, NULL), g_bytes_get_size (before));
  g_assert_true (ivc_candidate_store_get_has_unsaved_changes (store));

  flush (store);
  g_clear_pointer (&contents, g_free);
  contents = read_file (path);
  after = ivc_candidate_to_bytes (candidate);
  g_assert_cmpmem (contents, strlen (contents), g_bytes_get_data (after, NULL), g_bytes_get_size (after));
  assert_contains (contents, "\"amended\" : \"");
  assert_contains (contents, "changed in flight");

  finalize_store (g_steal_pointer (&store));
}

static void
test_write_failure (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autoptr(IvcCandidateStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  IvcCandidate *candidate;
  guint n_failed = 0;
  guint n_error_notified = 0;

  candidate = ivc_candidate_store_create (store, "Ann", NULL, NULL, NULL);
  id = g_strdup (ivc_candidate_get_id (candidate));
  path = candidate_path (fixture, id, "ann");
  flush (store);

  g_signal_connect (store, "save-failed", G_CALLBACK (on_save_failed_cb), &n_failed);
  g_signal_connect (store, "notify::save-error", G_CALLBACK (notify_count_cb), &n_error_notified);

  block_folder (fixture, id);
  ivc_candidate_set_summary (candidate, "Not lost");

  g_assert_false (ivc_candidate_store_flush (store, &error));
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED);
  assert_contains (error->message, "“Ann” could not be saved");
  g_assert_cmpuint (n_failed, ==, 1);
  g_assert_cmpuint (n_error_notified, ==, 1);
  g_assert_error (ivc_candidate_store_get_save_error (store), IVC_STORE_ERROR,
                  IVC_STORE_ERROR_WRITE_FAILED);
  g_assert_true (ivc_candidate_store_get_has_unsaved_changes (store));

  /* Still there, in memory. */
  g_assert_cmpstr (ivc_candidate_get_summary (candidate), ==, "Not lost");
  g_assert_true (ivc_candidate_store_find (store, id) == candidate);

  /* Failing the same way again tells again, but the error is the same. */
  g_clear_error (&error);
  g_assert_false (ivc_candidate_store_flush (store, &error));
  g_assert_cmpuint (n_failed, ==, 2);
  g_assert_cmpuint (n_error_notified, ==, 1);

  unblock_folder (fixture, id);
  flush (store);
  g_assert_null (ivc_candidate_store_get_save_error (store));
  g_assert_cmpuint (n_error_notified, ==, 2);

  again = load_store (fixture, "ann", NULL);
  g_assert_cmpstr (ivc_candidate_get_summary (ivc_candidate_store_find (again, id)), ==, "Not lost");

  finalize_store (g_steal_pointer (&again));
  finalize_store (g_steal_pointer (&store));
}

/* The whole data folder went away: it is made again. */
static void
test_folder_removed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autofree char *data = g_file_get_path (fixture->folder);
  g_autofree char *path = NULL;
  IvcCandidate *candidate;

  candidate = ivc_candidate_store_create (store, "Ann", NULL, NULL, NULL);
  path = candidate_path (fixture, ivc_candidate_get_id (candidate), "ann");
  flush (store);

  remove_tree (data);
  ivc_candidate_set_role (candidate, "SRE");
  flush (store);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  finalize_store (g_steal_pointer (&store));
}

/* A failed autosave is tried again on the next change... */
static void
test_retry_on_change (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  IvcCandidate *candidate;
  guint n_failed = 0;

  candidate = ivc_candidate_store_create (store, "Ann", NULL, NULL, NULL);
  id = g_strdup (ivc_candidate_get_id (candidate));
  path = candidate_path (fixture, id, "ann");
  g_signal_connect (store, "save-failed", G_CALLBACK (on_save_failed_cb), &n_failed);

  block_folder (fixture, id);
  spin_until (store, has_save_error);
  g_assert_cmpuint (n_failed, ==, 1);
  g_assert_true (ivc_candidate_store_get_has_unsaved_changes (store));

  unblock_folder (fixture, id);
  ivc_candidate_set_summary (candidate, "typed after the failure");
  spin_until (store, is_saved);
  g_assert_null (ivc_candidate_store_get_save_error (store));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  finalize_store (g_steal_pointer (&store));
}

/* ...and after a while, without one. */
static void
test_retry_timer (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  IvcCandidate *candidate;

  candidate = ivc_candidate_store_create (store, "Ann", NULL, NULL, NULL);
  id = g_strdup (ivc_candidate_get_id (candidate));
  path = candidate_path (fixture, id, "ann");

  block_folder (fixture, id);
  spin_until (store, has_save_error);

  unblock_folder (fixture, id);
  /* Nothing changes: only the retry timer can save it. */
  wait_for_seconds (is_saved (store), IVC_CANDIDATE_STORE_RETRY_SECONDS + IVC_TEST_WAIT_SECONDS);
  g_assert_null (ivc_candidate_store_get_save_error (store));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  finalize_store (g_steal_pointer (&store));
}

/* A save that fails half-way leaves the previous file whole, and no
 * half-written file anywhere. */
static void
test_atomic (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *before = NULL;
  g_autofree char *names = NULL;
  g_autofree char *long_notes = NULL;
  IvcCandidate *candidate;
  struct rlimit saved, limited;
  void (*saved_handler) (int);

  candidate = ivc_candidate_store_create (store, "Ann", NULL, NULL, NULL);
  id = g_strdup (ivc_candidate_get_id (candidate));
  path = candidate_path (fixture, id, "ann");
  folder = candidate_path (fixture, id, NULL);
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (candidate, "q1"), "Short notes");
  flush (store);
  before = read_file (path);

  /* The disk fills up while the new file is written: files may not grow
   * past 4 KiB, even for root. */
  long_notes = g_strnfill (2 * 4096, 'x');
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (candidate, "q1"), long_notes);

  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &saved));
  limited = saved;
  limited.rlim_cur = 4096;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limited));

  g_assert_false (ivc_candidate_store_flush (store, &error));

  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &saved));
  signal (SIGXFSZ, saved_handler);

  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED);
  assert_file_equals (path, before);
  names = list_folder (folder);
  g_assert_cmpstr (names, ==, "ann.json");
  g_assert_true (ivc_candidate_store_get_has_unsaved_changes (store));

  flush (store);
  g_free (names);
  names = list_folder (folder);
  g_assert_cmpstr (names, ==, "ann.json");
  {
    g_autofree char *after = read_file (path);
    assert_contains (after, long_notes);
  }

  finalize_store (g_steal_pointer (&store));
}

/* Damaged files are moved aside, kept as they were, and reported; the
 * other candidates load. */
static void
test_quarantine (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(IvcCandidateStore) again = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *good = make_file ("good-1", "Good", "ann", "2024-05-01T10:00:00Z", NULL);
  g_autofree char *truncated = g_strndup (good, strlen (good) / 2);
  g_autofree char *bob = make_file ("future-1", "Future", "bob", "2024-05-01T09:00:00Z", NULL);
  g_autofree char *bob_path = candidate_path (fixture, "future-1", "bob");
  g_autofree char *dir_path = candidate_path (fixture, "folder-1", "ann");
  struct {
    const char *id;
    const char *contents;
    int code;
  } cases[] = {
    { "corrupt-1", "{ not json", IVC_STORE_ERROR_CORRUPT },
    { "truncated-1", truncated, IVC_STORE_ERROR_CORRUPT },
    { "empty-1", "", IVC_STORE_ERROR_CORRUPT },
    { "wrong-type-1", "{\"format\": 1, \"candidate\": {\"id\": \"wrong-type-1\", \"name\": \"W\"}, \"evaluations\": []}", IVC_STORE_ERROR_CORRUPT },
    { "future-1", "{\"format\": 2, \"everything\": \"different\"}", IVC_STORE_ERROR_CORRUPT },
  };
  IvcCandidate *future;

  {
    g_autofree char *path = candidate_path (fixture, "good-1", "ann");
    write_file (path, good);
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = candidate_path (fixture, cases[i].id, "ann");
      write_file (path, cases[i].contents);
    }
  write_file (bob_path, bob);
  g_assert_no_errno (g_mkdir_with_parents (dir_path, 0700));

  store = load_store (fixture, "ann", &problems);

  /* Good, and future-1 from Bob's file; ours for it is new. */
  g_assert_cmpuint (n_candidates (store), ==, 2);
  g_assert_cmpstr (ivc_candidate_get_id (get_candidate (store, 0)), ==, "good-1");
  future = get_candidate (store, 1);
  g_assert_cmpstr (ivc_candidate_get_id (future), ==, "future-1");
  g_assert_cmpstr (ivc_candidate_get_name (future), ==, "Future");
  g_assert_cmpuint (ivc_candidate_get_n_scored (future), ==, 0);

  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (cases) + 1);
  g_assert_true (g_file_test (dir_path, G_FILE_TEST_IS_DIR));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = candidate_path (fixture, cases[i].id, "ann");
      g_autofree char *folder = candidate_path (fixture, cases[i].id, NULL);
      g_autofree char *names = list_folder (folder);
      g_auto(GStrv) parts = g_strsplit (names, " ", -1);
      g_autofree char *kept = NULL;
      const GError *problem = NULL;

      for (guint j = 0; j < problems->len; j++)
        {
          const GError *p = problems->pdata[j];

          if (g_str_has_prefix (p->message, path))
            problem = p;
        }

      g_test_message ("%s: %s", cases[i].id, problem ? problem->message : "(no problem)");
      g_assert_nonnull (problem);
      g_assert_error ((GError *)problem, IVC_STORE_ERROR, cases[i].code);
      assert_contains (problem->message, "The file was kept as “ann.json.corrupt-");

      /* Moved, not copied: it is not read again. */
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      kept = g_build_filename (folder, g_str_has_prefix (parts[0], "ann.json.corrupt-") ? parts[0] : parts[1], NULL);
      g_assert_true (g_str_has_prefix (kept + strlen (folder) + 1, "ann.json.corrupt-"));
      assert_contains (problem->message, kept + strlen (folder) + 1);
      assert_file_equals (kept, cases[i].contents);
    }

  /* A folder where our file should be is not damaged content: it is
   * reported and left where it is. */
  g_assert_true (g_file_test (dir_path, G_FILE_TEST_IS_DIR));
  {
    g_autofree char *folder = candidate_path (fixture, "folder-1", NULL);
    g_autofree char *names = list_folder (folder);
    const GError *problem = NULL;

    g_assert_cmpstr (names, ==, "ann.json");
    for (guint j = 0; j < problems->len; j++)
      if (g_str_has_prefix (((GError *)problems->pdata[j])->message, dir_path))
        problem = problems->pdata[j];
    g_assert_nonnull (problem);
    g_assert_error ((GError *)problem, IVC_STORE_ERROR, IVC_STORE_ERROR_READ);
    assert_contains (problem->message, "left as it is");
  }

  /* Scoring the candidate whose file was refused writes a new file next
   * to the copy kept aside, which stays as it was. */
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (future, "q1"), IVC_SCORE_GOOD);
  flush (store);
  {
    g_autofree char *folder = candidate_path (fixture, "future-1", NULL);
    g_autofree char *names = list_folder (folder);
    g_auto(GStrv) parts = g_strsplit (names, " ", -1);
    g_autofree char *kept = g_build_filename (folder, parts[1], NULL);

    g_assert_cmpuint (g_strv_length (parts), ==, 3);
    g_assert_cmpstr (parts[0], ==, "ann.json");
    g_assert_true (g_str_has_prefix (parts[1], "ann.json.corrupt-"));
    g_assert_cmpstr (parts[2], ==, "bob.json");
    assert_file_equals (kept, cases[4].contents);
    assert_file_equals (bob_path, bob);
  }

  /* Loading again finds no new problems and loses nothing; the folder in
   * the way is still there, and said again. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  again = load_store (fixture, "ann", &problems);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_contains (((GError *)problems->pdata[0])->message, dir_path);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_no_errno (g_rmdir (dir_path));
  g_assert_cmpuint (n_candidates (again), ==, 2);
  g_assert_cmpuint (ivc_candidate_get_n_scored (ivc_candidate_store_find (again, "future-1")), ==, 1);
  finalize_store (g_steal_pointer (&again));

  /* A second bad file in the same second does not replace the first one
   * kept aside. */
  {
    g_autofree char *path = candidate_path (fixture, "corrupt-1", "ann");
    g_autofree char *folder = candidate_path (fixture, "corrupt-1", NULL);
    g_autofree char *names = NULL;
    g_auto(GStrv) parts = NULL;

    write_file (path, "second bad file");
    again = load_store (fixture, "ann", &problems);
    g_assert_cmpuint (problems->len, ==, 1);
    names = list_folder (folder);
    parts = g_strsplit (names, " ", -1);
    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *kept = g_build_filename (folder, parts[i], NULL);
        g_autofree char *contents = read_file (kept);

        g_assert_true (g_str_equal (contents, "{ not json") || g_str_equal (contents, "second bad file"));
      }
    finalize_store (g_steal_pointer (&again));
  }

  finalize_store (g_steal_pointer (&store));
}

/* Finds the problem about @path, or fails. */
static const GError *
find_problem (GPtrArray  *problems,
              const char *path)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const GError *problem = problems->pdata[i];

      if (strstr (problem->message, path) != NULL)
        return problem;
    }

  g_assert_not_reached ();
}

/* A file that cannot be read (no permission) is not damaged: it is
 * reported and left where it is, and nothing is written in its place, not
 * even when other interviewers have a file for the candidate. */
static void
test_unreadable_left (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *ours = make_file ("locked-1", "Lee", "ann", "2024-05-01T10:00:00Z",
                                     "\"q1\": {\"score\": 2}");
  g_autofree char *bobs = make_file ("locked-1", "Lee", "bob", "2024-05-01T11:00:00Z", NULL);
  g_autofree char *ours_path = candidate_path (fixture, "locked-1", "ann");
  g_autofree char *bobs_path = candidate_path (fixture, "locked-1", "bob");
  g_autofree char *folder = candidate_path (fixture, "locked-1", NULL);
  g_autofree char *names = NULL;
  const GError *problem;

  write_file (ours_path, ours);
  write_file (bobs_path, bobs);
  g_assert_no_errno (g_chmod (ours_path, 0));
  become_ordinary_user (fixture->tmp);

  store = load_store (fixture, "ann", &problems);

  g_assert_cmpuint (problems->len, ==, 1);
  problem = find_problem (problems, ours_path);
  g_test_message ("%s", problem->message);
  g_assert_error ((GError *)problem, IVC_STORE_ERROR, IVC_STORE_ERROR_READ);
  assert_contains (problem->message, "Permission denied");
  assert_contains (problem->message, "left as it is");

  /* Not shown: an empty scorecard of ours would be written over it. */
  g_assert_cmpuint (n_candidates (store), ==, 0);
  g_assert_null (ivc_candidate_store_find (store, "locked-1"));
  ivc_candidate_store_create (store, "Lee", NULL, NULL, NULL);
  flush (store);

  names = list_folder (folder);
  g_assert_cmpstr (names, ==, "ann.json bob.json");
  finalize_store (g_steal_pointer (&store));

  become_root_again ();
  assert_file_equals (ours_path, ours);
  assert_file_equals (bobs_path, bobs);
}

/* A file of a newer format (the app was downgraded) stays where it is,
 * whole, for the newer version to find again; it is never written over. */
static void
test_newer_format_left (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(IvcCandidateStore) again = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *newer = "{\"format\": 4, \"candidate\": {\"id\": \"future-1\", \"name\": \"Future\"}}";
  g_autofree char *bobs = make_file ("future-1", "Future", "bob", "2024-05-01T11:00:00Z", NULL);
  g_autofree char *ours_path = candidate_path (fixture, "future-1", "ann");
  g_autofree char *bobs_path = candidate_path (fixture, "future-1", "bob");
  g_autofree char *folder = candidate_path (fixture, "future-1", NULL);
  g_autofree char *names = NULL;
  const GError *problem;

  write_file (ours_path, newer);
  write_file (bobs_path, bobs);

  store = load_store (fixture, "ann", &problems);

  g_assert_cmpuint (problems->len, ==, 1);
  problem = find_problem (problems, ours_path);
  g_test_message ("%s", problem->message);
  g_assert_error ((GError *)problem, IVC_STORE_ERROR, IVC_STORE_ERROR_NEWER_FORMAT);
  assert_contains (problem->message, "newer version");
  assert_contains (problem->message, "left as it is");
  g_assert_null (ivc_candidate_store_find (store, "future-1"));

  ivc_candidate_store_create (store, "Future", NULL, NULL, NULL);
  flush (store);
  names = list_folder (folder);
  g_assert_cmpstr (names, ==, "ann.json bob.json");
  assert_file_equals (ours_path, newer);

  /* Every start says so again, and changes nothing. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  again = load_store (fixture, "ann", &problems);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_file_equals (ours_path, newer);

  finalize_store (g_steal_pointer (&again));
  finalize_store (g_steal_pointer (&store));
}

/* A data folder as loading might find it: damaged, newer and unreadable
 * files, a stale temporary file, folders anyone may read. */
static void
make_untidy_folder (Fixture *fixture)
{
  g_autofree char *good = make_file ("good-1", "Good", "ann", "2024-05-01T10:00:00Z", NULL);
  g_autofree char *bobs = make_file ("only-bob-1", "Dave", "bob", "2024-05-01T10:00:00Z", NULL);
  g_autofree char *good_path = candidate_path (fixture, "good-1", "ann");
  g_autofree char *damaged_path = candidate_path (fixture, "damaged-1", "ann");
  g_autofree char *newer_path = candidate_path (fixture, "newer-1", "ann");
  g_autofree char *bobs_path = candidate_path (fixture, "only-bob-1", "bob");
  g_autofree char *stale_path = file_in_folder (fixture, "good-1", "ann.json.Ab3dE9");
  g_autofree char *in_the_way = file_in_folder (fixture, "in-the-way-1", "ann.json");
  g_autofree char *data = g_file_get_path (fixture->folder);
  g_autofree char *good_folder = candidate_path (fixture, "good-1", NULL);
  struct utimbuf long_ago = { 1000000000, 1000000000 };

  write_file (good_path, good);
  write_file (damaged_path, "{ damaged");
  write_file (newer_path, "{\"format\": 99}");
  write_file (bobs_path, bobs);
  write_file (stale_path, "{ half a save");
  g_assert_no_errno (g_utime (stale_path, &long_ago));
  g_assert_no_errno (g_mkdir_with_parents (in_the_way, 0700));
  g_assert_no_errno (g_chmod (data, 0755));
  g_assert_no_errno (g_chmod (fixture->candidates, 0755));
  g_assert_no_errno (g_chmod (good_folder, 0755));
}

/* The read-only store of the command line changes nothing in the data
 * folder: no file moved aside, cleaned up or written, no mode changed, no
 * folder made. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_file_get_path (fixture->folder);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *damaged_path = candidate_path (fixture, "damaged-1", "ann");

  /* Nothing there: nothing made. */
  store = ivc_candidate_store_new_read_only (fixture->folder, "ann", "Ann");
  g_assert_true (ivc_candidate_store_get_read_only (store));
  g_assert_true (ivc_candidate_store_load (store, NULL, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_false (g_file_test (data, G_FILE_TEST_EXISTS));
  finalize_store (g_steal_pointer (&store));
  g_clear_pointer (&problems, g_ptr_array_unref);

  make_untidy_folder (fixture);
  before = describe_tree (fixture->tmp);

  store = ivc_candidate_store_new_read_only (fixture->folder, "ann", "Ann");
  g_assert_true (ivc_candidate_store_load (store, NULL, &problems, &error));
  g_assert_no_error (error);

  /* The damaged, the newer and the folder in the way, each left as it is. */
  g_assert_cmpuint (problems->len, ==, 3);
  for (guint i = 0; i < problems->len; i++)
    assert_contains (((GError *)problems->pdata[i])->message, "left as it is");
  g_assert_error ((GError *)find_problem (problems, damaged_path), IVC_STORE_ERROR, IVC_STORE_ERROR_CORRUPT);

  g_assert_cmpuint (n_candidates (store), ==, 2);
  g_assert_nonnull (ivc_candidate_store_find (store, "good-1"));
  g_assert_nonnull (ivc_candidate_store_find (store, "only-bob-1"));
  g_assert_false (ivc_candidate_store_get_has_unsaved_changes (store));
  finalize_store (g_steal_pointer (&store));

  after = describe_tree (fixture->tmp);
  g_assert_cmpstr (after, ==, before);
}

/* Loading for the window tidies up: damaged files aside, a temporary file
 * an interrupted save left removed (only ours, only old ones), folders
 * closed to others. */
static void
test_load_tidies (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *data = g_file_get_path (fixture->folder);
  g_autofree char *good_folder = candidate_path (fixture, "good-1", NULL);
  g_autofree char *fresh_path = file_in_folder (fixture, "good-1", "ann.json.Zz9Yy8");
  g_autofree char *bobs_temp = file_in_folder (fixture, "good-1", "bob.json.Ab3dE9");
  g_autofree char *too_long = file_in_folder (fixture, "good-1", "ann.json.Ab3dE9x");
  g_autofree char *link_path = file_in_folder (fixture, "good-1", "ann.json.Lnk123");
  g_autofree char *outside = g_build_filename (fixture->tmp, "outside.txt", NULL);
  g_autofree char *names = NULL;
  struct utimbuf long_ago = { 1000000000, 1000000000 };
  struct timespec long_ago_ts[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
  GStatBuf st;

  make_untidy_folder (fixture);
  write_file (fresh_path, "{ a save in progress");
  write_file (bobs_temp, "{ Bob's app is saving");
  g_assert_no_errno (g_utime (bobs_temp, &long_ago));
  write_file (too_long, "not ours");
  g_assert_no_errno (g_utime (too_long, &long_ago));
  write_file (outside, "outside");
  g_assert_no_errno (symlink (outside, link_path));
  g_assert_no_errno (utimensat (AT_FDCWD, link_path, long_ago_ts, AT_SYMLINK_NOFOLLOW));

  store = load_store (fixture, "ann", &problems);

  names = list_folder (good_folder);
  g_assert_cmpstr (names, ==, "ann.json ann.json.Ab3dE9x ann.json.Lnk123 ann.json.Zz9Yy8 bob.json.Ab3dE9");
  assert_file_equals (outside, "outside");

  g_assert_no_errno (g_stat (data, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_no_errno (g_stat (fixture->candidates, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_no_errno (g_stat (good_folder, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* The damaged file, the newer one and the folder in the way. */
  g_assert_cmpuint (problems->len, ==, 3);

  finalize_store (g_steal_pointer (&store));
}

/* A candidate folder that is a link (a sync tool can bring one) is not
 * followed: not read, and nothing is written through it. */
static void
test_linked_folder (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *outside = g_build_filename (fixture->tmp, "outside", NULL);
  g_autofree char *planted = make_file ("planted-1", "Planted", "ann", "2024-05-01T10:00:00Z", NULL);
  g_autofree char *planted_file = g_build_filename (outside, "ann.json", NULL);
  g_autofree char *link_path = candidate_path (fixture, "planted-1", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const GError *problem;

  write_file (planted_file, planted);
  g_assert_no_errno (g_mkdir_with_parents (fixture->candidates, 0700));
  g_assert_no_errno (symlink (outside, link_path));
  before = describe_tree (outside);

  store = load_store (fixture, "ann", &problems);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = find_problem (problems, link_path);
  g_test_message ("%s", problem->message);
  assert_contains (problem->message, "link");
  g_assert_null (ivc_candidate_store_find (store, "planted-1"));
  ivc_candidate_store_create (store, "Someone", NULL, NULL, NULL);
  flush (store);
  finalize_store (g_steal_pointer (&store));

  after = describe_tree (outside);
  g_assert_cmpstr (after, ==, before);
}

/* A candidate's folder replaced by a link after loading: saving and
 * deleting refuse to go through it, with a message that says why. */
static void
test_linked_folder_write (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *outside = g_build_filename (fixture->tmp, "outside", NULL);
  g_autofree char *outside_file = g_build_filename (outside, "ann.json", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  IvcCandidate *candidate;

  candidate = ivc_candidate_store_create (store, "Ann", NULL, NULL, NULL);
  folder = candidate_path (fixture, ivc_candidate_get_id (candidate), NULL);
  flush (store);

  write_file (outside_file, "someone else's");
  remove_tree (folder);
  g_assert_no_errno (symlink (outside, folder));
  before = describe_tree (outside);

  ivc_candidate_set_summary (candidate, "Stays here");
  g_assert_false (ivc_candidate_store_flush (store, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED);
  assert_contains (error->message, folder);
  assert_contains (error->message, "link");
  g_clear_error (&error);

  g_object_unref (ivc_candidate_store_remove (store, candidate));
  g_assert_false (ivc_candidate_store_flush (store, &error));
  assert_contains (error->message, "link");

  after = describe_tree (outside);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_SYMLINK));

  /* The same for the candidates folder. */
  g_clear_error (&error);
  g_assert_no_errno (g_unlink (folder));
  ivc_candidate_store_restore (store, candidate);
  remove_tree (fixture->candidates);
  g_assert_no_errno (symlink (outside, fixture->candidates));
  g_assert_false (ivc_candidate_store_flush (store, &error));
  assert_contains (error->message, "link");
  g_clear_pointer (&after, g_free);
  after = describe_tree (outside);
  g_assert_cmpstr (after, ==, before);

  /* Once it is a folder again, the notes are saved. */
  g_assert_no_errno (g_unlink (fixture->candidates));
  flush (store);

  finalize_store (g_steal_pointer (&store));
}

static void
test_unknown_questions (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(IvcCandidateStore) again = NULL;
  g_autofree char *path = candidate_path (fixture, "ann-1", "ann");
  g_autofree char *file = make_file ("ann-1", "Ann", "ann", "2024-05-01T10:00:00Z",
                                     "\"removed-from-bank\": {\"score\": 4, \"red_flag\": true, \"notes\": \"Kept\\nsafe\"},"
                                     "\"q1\": {\"score\": 1}");
  IvcEvaluation *evaluation;

  write_file (path, file);
  store = load_store (fixture, "ann", NULL);
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (ivc_candidate_store_find (store, "ann-1"), "q1"),
                            IVC_SCORE_MIXED);
  flush (store);

  again = load_store (fixture, "ann", NULL);
  evaluation = ivc_candidate_get_evaluation (ivc_candidate_store_find (again, "ann-1"), "removed-from-bank");
  g_assert_nonnull (evaluation);
  g_assert_cmpint (ivc_evaluation_get_score (evaluation), ==, IVC_SCORE_STRONG);
  g_assert_true (ivc_evaluation_get_red_flag_observed (evaluation));
  g_assert_cmpstr (ivc_evaluation_get_notes (evaluation), ==, "Kept\nsafe");
  evaluation = ivc_candidate_get_evaluation (ivc_candidate_store_find (again, "ann-1"), "q1");
  g_assert_cmpint (ivc_evaluation_get_score (evaluation), ==, IVC_SCORE_MIXED);

  finalize_store (g_steal_pointer (&again));
  finalize_store (g_steal_pointer (&store));
}

static void
test_other_interviewers (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) scorecards = NULL;
  g_autofree char *ours = make_file ("shared-1", "Carol", "ann", "2024-05-02T10:00:00Z",
                                     "\"q1\": {\"score\": 2}");
  g_autofree char *bobs = make_file ("shared-1", "Carol", "bob", "2024-05-02T11:00:00Z",
                                     "\"q1\": {\"score\": 4, \"notes\": \"Bob's notes\"}");
  g_autofree char *only_bob = make_file ("only-bob-1", "Dave", "bob", "2024-05-03T10:00:00Z",
                                         "\"q1\": {\"score\": 3}");
  g_autofree char *only_cy = make_file ("only-bob-1", "Dave (old name)", "cy", "2024-05-01T10:00:00Z", NULL);
  const char *conflict = "{ what a sync tool left";
  g_autofree char *ours_path = candidate_path (fixture, "shared-1", "ann");
  g_autofree char *bobs_path = candidate_path (fixture, "shared-1", "bob");
  g_autofree char *conflict_path = candidate_path (fixture, "shared-1", "bob.sync-conflict-20240502-ABC");
  g_autofree char *only_bob_path = candidate_path (fixture, "only-bob-1", "bob");
  g_autofree char *only_cy_path = candidate_path (fixture, "only-bob-1", "cy");
  g_autofree char *our_new_path = candidate_path (fixture, "only-bob-1", "ann");
  g_autofree char *broken_path = candidate_path (fixture, "broken-1", "bob");
  g_autofree char *names = NULL;
  IvcCandidate *shared, *dave, *other;

  write_file (ours_path, ours);
  write_file (bobs_path, bobs);
  write_file (conflict_path, conflict);
  write_file (only_bob_path, only_bob);
  write_file (only_cy_path, only_cy);
  write_file (broken_path, "{ broken");

  store = load_store (fixture, "ann", &problems);

  /* Bob's broken file is reported, and left exactly where it is. */
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_error ((GError *)problems->pdata[0], IVC_STORE_ERROR, IVC_STORE_ERROR_CORRUPT);
  assert_contains (((GError *)problems->pdata[0])->message, broken_path);
  assert_contains (((GError *)problems->pdata[0])->message, "another interviewer’s file; it was left as it is");
  assert_file_equals (broken_path, "{ broken");

  g_assert_cmpuint (n_candidates (store), ==, 2);
  dave = get_candidate (store, 0);
  shared = get_candidate (store, 1);
  g_assert_cmpstr (ivc_candidate_get_id (dave), ==, "only-bob-1");
  g_assert_cmpstr (ivc_candidate_get_id (shared), ==, "shared-1");

  /* Ours is ours, not Bob's. */
  g_assert_cmpint (ivc_evaluation_get_score (ivc_candidate_get_evaluation (shared, "q1")), ==, IVC_SCORE_MIXED);

  /* Only others have a file for Dave: the newest tells who he is, and our
   * scorecard starts empty. */
  g_assert_cmpstr (ivc_candidate_get_name (dave), ==, "Dave");
  g_assert_cmpstr (ivc_candidate_get_role (dave), ==, "SRE");
  g_assert_cmpstr (ivc_candidate_get_interviewer_id (dave), ==, "ann");
  g_assert_cmpuint (ivc_candidate_get_n_scored (dave), ==, 0);
  g_assert_null (ivc_candidate_get_evaluation (dave, "q1"));

  /* Nothing is written until we change something. */
  flush (store);
  g_assert_false (g_file_test (our_new_path, G_FILE_TEST_EXISTS));

  scorecards = ivc_candidate_store_read_other_scorecards (store, "shared-1", NULL);
  g_assert_cmpuint (scorecards->len, ==, 1);
  other = scorecards->pdata[0];
  g_assert_cmpstr (ivc_candidate_get_interviewer_id (other), ==, "bob");
  g_assert_cmpint (ivc_evaluation_get_score (ivc_candidate_get_evaluation (other, "q1")), ==, IVC_SCORE_STRONG);
  g_assert_cmpstr (ivc_evaluation_get_notes (ivc_candidate_get_evaluation (other, "q1")), ==, "Bob's notes");
  g_clear_pointer (&scorecards, g_ptr_array_unref);

  scorecards = ivc_candidate_store_read_other_scorecards (store, "only-bob-1", NULL);
  g_assert_cmpuint (scorecards->len, ==, 2);
  g_assert_cmpstr (ivc_candidate_get_interviewer_id (scorecards->pdata[0]), ==, "bob");
  g_assert_cmpstr (ivc_candidate_get_interviewer_id (scorecards->pdata[1]), ==, "cy");
  g_clear_pointer (&scorecards, g_ptr_array_unref);

  g_clear_pointer (&problems, g_ptr_array_unref);
  scorecards = ivc_candidate_store_read_other_scorecards (store, "broken-1", &problems);
  g_assert_cmpuint (scorecards->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_pointer (&scorecards, g_ptr_array_unref);

  /* Our changes write our files only. */
  ivc_candidate_set_summary (shared, "Ours");
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (dave, "q1"), IVC_SCORE_POOR);
  flush (store);

  g_assert_true (g_file_test (our_new_path, G_FILE_TEST_IS_REGULAR));
  assert_file_equals (bobs_path, bobs);
  assert_file_equals (conflict_path, conflict);
  assert_file_equals (only_bob_path, only_bob);
  assert_file_equals (only_cy_path, only_cy);
  assert_file_equals (broken_path, "{ broken");

  /* Deleting Dave deletes our file; theirs and the folder stay. */
  g_object_unref (ivc_candidate_store_remove (store, dave));
  flush (store);
  g_assert_false (g_file_test (our_new_path, G_FILE_TEST_EXISTS));
  assert_file_equals (only_bob_path, only_bob);
  assert_file_equals (only_cy_path, only_cy);
  {
    g_autofree char *folder = candidate_path (fixture, "only-bob-1", NULL);
    names = list_folder (folder);
    g_assert_cmpstr (names, ==, "bob.json cy.json");
  }

  finalize_store (g_steal_pointer (&store));
}

static void
test_remove_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autoptr(IvcCandidateStore) again = NULL;
  g_autoptr(IvcCandidate) removed = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *before = NULL;
  IvcCandidate *first, *second;

  first = ivc_candidate_store_create (store, "First", NULL, NULL, NULL);
  second = ivc_candidate_store_create (store, "Second", NULL, NULL, NULL);
  id = g_strdup (ivc_candidate_get_id (first));
  path = candidate_path (fixture, id, "ann");
  folder = candidate_path (fixture, id, NULL);
  ivc_candidate_set_summary (first, "Remember me");
  ivc_candidate_set_summary (second, "Second");
  flush (store);
  before = read_file (path);
  g_assert_true (get_candidate (store, 0) == second);

  /* Undone at once: the file never goes. */
  removed = ivc_candidate_store_remove (store, first);
  g_assert_true (removed == first);
  g_assert_cmpuint (n_candidates (store), ==, 1);
  g_assert_null (ivc_candidate_store_find (store, id));
  ivc_candidate_store_restore (store, g_steal_pointer (&removed));
  g_assert_cmpuint (n_candidates (store), ==, 2);
  g_assert_true (get_candidate (store, 1) == first);
  flush (store);
  assert_file_equals (path, before);

  /* Undone after it was deleted: it is written again. */
  removed = ivc_candidate_store_remove (store, first);
  g_assert_true (ivc_candidate_store_get_has_unsaved_changes (store));
  flush (store);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  again = load_store (fixture, "ann", NULL);
  g_assert_cmpuint (n_candidates (again), ==, 1);
  finalize_store (g_steal_pointer (&again));

  ivc_candidate_store_restore (store, g_steal_pointer (&removed));
  g_assert_true (ivc_candidate_store_find (store, id) == first);
  g_assert_true (get_candidate (store, 1) == first);
  flush (store);
  assert_file_equals (path, before);

  /* Still part of the store: its changes are saved. */
  ivc_candidate_set_summary (first, "Changed after undo");
  flush (store);
  {
    g_autofree char *after = read_file (path);
    assert_contains (after, "Changed after undo");
  }

  finalize_store (g_steal_pointer (&store));
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
test_order (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autoptr(IvcCandidateStore) again = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  IvcCandidate *a, *b, *c;

  a = ivc_candidate_store_create (store, "A", NULL, NULL, NULL);
  b = ivc_candidate_store_create (store, "B", NULL, NULL, NULL);
  c = ivc_candidate_store_create (store, "C", NULL, NULL, NULL);
  g_assert_true (get_candidate (store, 0) == c);
  g_assert_true (get_candidate (store, 1) == b);
  g_assert_true (get_candidate (store, 2) == a);

  /* The candidate being edited goes to the top in one step, so that a
   * selection follows it. */
  g_signal_connect (ivc_candidate_store_get_candidates (store), "items-changed",
                    G_CALLBACK (on_items_changed_cb), log);
  ivc_candidate_set_role (a, "SRE");
  g_assert_cmpstr (log->str, ==, "0-3+3 ");
  g_assert_true (get_candidate (store, 0) == a);
  g_assert_true (get_candidate (store, 1) == c);
  g_assert_true (get_candidate (store, 2) == b);

  /* Already at the top: nothing moves. */
  ivc_candidate_set_role (a, "Manager");
  g_assert_cmpstr (log->str, ==, "0-3+3 ");

  flush (store);
  again = load_store (fixture, "ann", NULL);
  g_assert_cmpstr (ivc_candidate_get_name (get_candidate (again, 0)), ==, "A");
  g_assert_cmpstr (ivc_candidate_get_name (get_candidate (again, 1)), ==, "C");
  g_assert_cmpstr (ivc_candidate_get_name (get_candidate (again, 2)), ==, "B");

  finalize_store (g_steal_pointer (&again));
  finalize_store (g_steal_pointer (&store));
}

static void
test_format_list (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autoptr(IvcCandidateStore) again = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *list = NULL;
  IvcCandidate *ann, *bo;

  ann = ivc_candidate_store_create (store, "Ann\tLee", "Backend\nengineer", "2024-05-01", "microservices");
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (ann, "q1"), IVC_SCORE_GOOD);
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (ann, "q2"), IVC_SCORE_POOR);
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (ann, "q3"), "notes only");
  ivc_candidate_set_recommendation (ann, IVC_RECOMMENDATION_STRONG_YES);
  bo = ivc_candidate_store_create (store, "Bo", NULL, NULL, NULL);

  expected = g_strdup_printf ("ID\tNAME\tROLE\tDATE\tSCORED\tRECOMMENDATION\n"
                              "%s\tBo\t\t\t0\tnone\n"
                              "%s\tAnn Lee\tBackend engineer\t2024-05-01\t2\tstrong-yes\n",
                              ivc_candidate_get_id (bo), ivc_candidate_get_id (ann));
  list = ivc_candidate_store_format_list (store);
  g_assert_cmpstr (list, ==, expected);

  /* The same from disk, as --list-candidates sees it. */
  flush (store);
  again = load_store (fixture, "ann", NULL);
  g_free (list);
  list = ivc_candidate_store_format_list (again);
  g_assert_cmpstr (list, ==, expected);

  finalize_store (g_steal_pointer (&again));
  finalize_store (g_steal_pointer (&store));
}

/* 80,000 levels of nesting in 160 KB: the parser would overflow the stack. */
static char *
make_deep_file (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"format\": 2, \"candidate\": {\"id\": \"deep-1\", \"name\": \"Deep\"}, \"x\": ");

  for (guint i = 0; i < 80000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 80000; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "}\n");

  return g_string_free (g_steal_pointer (&deep), FALSE);
}

/* A teammate's file nested far too deep, as a sync tool could bring it: the
 * others load, and the problem names the file. */
static void
test_too_deep (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *deep_path = candidate_path (fixture, "deep-1", "bo");
  g_autofree char *good_path = candidate_path (fixture, "good-1", "ann");
  g_autofree char *deep = make_deep_file ();
  g_autofree char *good = make_file ("good-1", "Good", "ann", "2024-05-01T10:00:00Z", NULL);
  const GError *problem;

  write_file (deep_path, deep);
  write_file (good_path, good);

  store = load_store (fixture, "ann", &problems);
  g_assert_cmpuint (n_candidates (store), ==, 1);
  g_assert_cmpstr (ivc_candidate_get_id (get_candidate (store, 0)), ==, "good-1");

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_test_message ("%s", problem->message);
  assert_contains (problem->message, "deep-1");
  assert_contains (problem->message, "nested more than");
  g_assert_true (g_utf8_validate (problem->message, -1, NULL));

  finalize_store (g_steal_pointer (&store));
}

/* The same from the command line, which read every file before listing or
 * exporting one. */
static void
run_program (Fixture     *fixture,
             const char  *data_home,
             const char  *deep_path,
             const char  *deep,
             const char **argv,
             char       **out,
             char       **err)
{
  const char *program = g_getenv ("IVC_PROGRAM");
  g_autofree char *config_home = g_build_filename (data_home, "config", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data_home, TRUE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  /* The program is Ann, whose scorecard it exports. */
  envp = environ_as_interviewer (envp, config_home, "ann", NULL);
  g_assert_nonnull (program);
  g_ptr_array_add (args, (char *)program);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *)argv[i]);
  g_ptr_array_add (args, NULL);

  /* Each run meets the file, wherever an earlier run left it. */
  write_file (deep_path, deep);

  g_assert_true (g_spawn_sync (NULL, (char **)args->pdata, envp, G_SPAWN_DEFAULT,
                               NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s: %s", argv[0], *err);
  if (WIFSIGNALED (status))
    g_error ("%s was killed by signal %d (%s)", argv[0], WTERMSIG (status), g_strsignal (WTERMSIG (status)));
  g_assert_true (WIFEXITED (status));
  /* --list-candidates says with 2 that some files could not be read. */
  if (g_str_equal (argv[0], "--list-candidates"))
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  else
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_too_deep_cli (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *data_home = g_build_filename (fixture->tmp, "xdg", NULL);
  g_autofree char *candidates = g_build_filename (data_home, "interview-companion", "candidates", NULL);
  g_autofree char *deep_path = g_build_filename (candidates, "deep-1", "bo.json", NULL);
  g_autofree char *good_path = g_build_filename (candidates, "good-1", "ann.json", NULL);
  g_autofree char *deep = make_deep_file ();
  g_autofree char *good = make_file ("good-1", "Good", "ann", "2024-05-01T10:00:00Z", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_file (good_path, good);

  run_program (fixture, data_home, deep_path, deep, (const char *[]) { "--list-candidates", NULL }, &out, &err);
  assert_contains (out, "good-1\tGood\t");
  g_assert_null (strstr (out, "deep-1"));
  assert_contains (err, "deep-1");
  assert_contains (err, "nested more than");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  run_program (fixture, data_home, deep_path, deep,
               (const char *[]) { "--export", "good-1", "--format", "json", NULL }, &out, &err);
  assert_contains (out, "\"Good\"");
}

static void
test_folder_name_wins (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autofree char *path = candidate_path (fixture, "copy-1", "ann");
  g_autofree char *file = make_file ("original-1", "Copied", "ann", "2024-05-01T10:00:00Z", NULL);

  /* Someone copied a candidate's folder to start another. */
  write_file (path, file);
  store = load_store (fixture, "ann", NULL);
  g_assert_cmpstr (ivc_candidate_get_id (get_candidate (store, 0)), ==, "copy-1");
  g_assert_nonnull (ivc_candidate_store_find (store, "copy-1"));

  ivc_candidate_set_role (get_candidate (store, 0), "Changed");
  flush (store);
  {
    g_autofree char *contents = read_file (path);
    assert_contains (contents, "\"id\" : \"copy-1\"");
  }

  finalize_store (g_steal_pointer (&store));
}

static void
test_interviewer_name (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture, "ann", NULL);
  g_autofree char *path = NULL;
  IvcCandidate *candidate;

  candidate = ivc_candidate_store_create (store, "Bo", NULL, NULL, NULL);
  path = candidate_path (fixture, ivc_candidate_get_id (candidate), "ann");
  ivc_candidate_store_set_interviewer_name (store, "Ann Lee-Smith");
  g_assert_cmpstr (ivc_candidate_get_interviewer_name (candidate), ==, "Ann Lee-Smith");
  flush (store);
  {
    g_autofree char *contents = read_file (path);
    assert_contains (contents, "\"name\" : \"Ann Lee-Smith\"");
  }

  finalize_store (g_steal_pointer (&store));
}

/* The last line of defence: what was not saved is saved when the store
 * goes. */
static void
test_dispose_saves (Fixture       *fixture,
                    gconstpointer  user_data)
{
  IvcCandidateStore *store = load_store (fixture, "ann", NULL);
  g_autofree char *path = NULL;
  IvcCandidate *candidate;
  guint changed = 0;

  candidate = ivc_candidate_store_create (store, "Bo", NULL, NULL, NULL);
  path = candidate_path (fixture, ivc_candidate_get_id (candidate), "ann");
  g_signal_connect (candidate, "changed", G_CALLBACK (count_cb), &changed);
  ivc_candidate_set_summary (candidate, "Saved on the way out");
  g_assert_cmpuint (changed, ==, 1);

  finalize_store (store);

  {
    g_autofree char *contents = read_file (path);
    assert_contains (contents, "Saved on the way out");
  }
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  g_assert_no_errno (g_stat (path, &st));
  return st.st_size;
}

/* Notes larger than a candidate file may be: what is saved is read back,
 * and the candidate is still there at the next start. */
static void
test_oversized_notes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  IvcCandidateStore *store = load_store (fixture, "ann", NULL);
  g_autoptr(IvcCandidateStore) again = NULL;
  g_autofree char *notes = g_malloc (IVC_CANDIDATE_MAX_FILE_SIZE + 2);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  IvcCandidate *candidate, *loaded;
  const char *loaded_notes;

  memset (notes, 'a', IVC_CANDIDATE_MAX_FILE_SIZE + 1);
  notes[IVC_CANDIDATE_MAX_FILE_SIZE + 1] = '\0';

  candidate = ivc_candidate_store_create (store, "Bo", NULL, NULL, NULL);
  path = candidate_path (fixture, ivc_candidate_get_id (candidate), "ann");
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (candidate, "q1"), notes);
  ivc_candidate_store_flush (store, &error);
  g_assert_no_error (error);
  finalize_store (store);

  g_assert_cmpint (file_size (path), <=, IVC_CANDIDATE_MAX_FILE_SIZE);
  again = load_store (fixture, "ann", NULL);
  g_assert_cmpuint (n_candidates (again), ==, 1);
  loaded = get_candidate (again, 0);
  loaded_notes = ivc_evaluation_get_notes (ivc_candidate_get_evaluation (loaded, "q1"));
  g_assert_true (g_str_has_prefix (notes, loaded_notes));
  g_assert_cmpuint (strlen (loaded_notes), >, 0);
}

/* A string of @n_chars characters that json-glib writes at the most bytes
 * a character can take ("\u0001"), as long as @n_chars plus @extra. */
static char *
worst_text (gsize n_chars,
            gsize extra)
{
  char *text = g_malloc (n_chars + extra + 1);

  memset (text, '\x01', n_chars + extra);
  text[n_chars + extra] = '\0';
  return text;
}

/* A 64-character question id, different for each @i. */
static char *
long_id (guint i)
{
  return g_strdup_printf ("%s-%05u", "q-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", i);
}

/* Every text field at its limit (and past it), written at the most bytes
 * a character takes: the file fits, and reads back as it was. */
static void
test_maximal_fields (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *long_name = worst_text (IVC_CANDIDATE_MAX_NAME_CHARS, 10);
  g_autofree char *long_role = worst_text (IVC_CANDIDATE_MAX_ROLE_CHARS, 10);
  g_autofree char *long_summary = worst_text (IVC_CANDIDATE_MAX_SUMMARY_CHARS, 10);
  g_autofree char *long_notes = worst_text (IVC_EVALUATION_MAX_NOTES_CHARS, 10);
  g_autoptr(GStrvBuilder) plan_builder = g_strv_builder_new ();
  g_auto(GStrv) plan = NULL;
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(IvcCandidateStore) again = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *path = NULL;
  IvcCandidate *candidate;

  store = ivc_candidate_store_new (fixture->folder, "ann", long_name);
  g_assert_true (ivc_candidate_store_load (store, NULL, NULL, NULL));

  candidate = ivc_candidate_store_create (store, long_name, long_role, "2024-05-01", "microservices");
  path = candidate_path (fixture, ivc_candidate_get_id (candidate), "ann");
  ivc_candidate_set_summary (candidate, long_summary);
  ivc_candidate_set_recommendation (candidate, IVC_RECOMMENDATION_STRONG_YES);
  ivc_candidate_set_interview_seconds (candidate, IVC_EVALUATION_MAX_SECONDS);

  for (guint i = 0; i < IVC_CANDIDATE_MAX_PLAN + 10; i++)
    {
      g_autofree char *id = long_id (i);

      g_strv_builder_add (plan_builder, id);
    }
  plan = g_strv_builder_end (plan_builder);
  ivc_candidate_set_plan (candidate, (const char * const *)plan);

  for (guint i = 0; i < IVC_CANDIDATE_MAX_FULL_EVALUATIONS; i++)
    {
      g_autofree char *id = long_id (i);
      IvcEvaluation *evaluation = ivc_candidate_ensure_evaluation (candidate, id);

      ivc_evaluation_set_score (evaluation, IVC_SCORE_STRONG);
      ivc_evaluation_set_red_flag_observed (evaluation, TRUE);
      ivc_evaluation_set_seconds (evaluation, IVC_EVALUATION_MAX_SECONDS);
      ivc_evaluation_set_notes (evaluation, long_notes);
    }

  /* Each field is cut at its limit. */
  g_assert_cmpuint (strlen (ivc_candidate_get_name (candidate)), ==, IVC_CANDIDATE_MAX_NAME_CHARS);
  g_assert_cmpuint (strlen (ivc_candidate_get_role (candidate)), ==, IVC_CANDIDATE_MAX_ROLE_CHARS);
  g_assert_cmpuint (strlen (ivc_candidate_get_summary (candidate)), ==, IVC_CANDIDATE_MAX_SUMMARY_CHARS);
  g_assert_cmpuint (strlen (ivc_candidate_get_interviewer_name (candidate)), ==, IVC_CANDIDATE_MAX_NAME_CHARS);
  g_assert_cmpuint (g_strv_length ((GStrv)ivc_candidate_get_plan (candidate)), ==, IVC_CANDIDATE_MAX_PLAN);

  flush (store);
  g_assert_cmpint (file_size (path), <=, IVC_CANDIDATE_MAX_FILE_SIZE);

  again = ivc_candidate_store_new (fixture->folder, "ann", long_name);
  g_assert_true (ivc_candidate_store_load (again, NULL, NULL, NULL));
  g_assert_cmpuint (n_candidates (again), ==, 1);
  before = ivc_candidate_to_bytes (candidate);
  after = ivc_candidate_to_bytes (get_candidate (again, 0));
  g_assert_true (g_bytes_equal (before, after));
}

/* More than the limits allow for (notes at their longest on more
 * questions than a file holds): the store says so and writes nothing it
 * could not read back; the last file saved stays. */
static void
test_never_writes_too_large (Fixture       *fixture,
                             gconstpointer  user_data)
{
  IvcCandidateStore *store = load_store (fixture, "ann", NULL);
  g_autofree char *long_notes = worst_text (IVC_EVALUATION_MAX_NOTES_CHARS, 0);
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  IvcCandidate *candidate;
  guint i;

  candidate = ivc_candidate_store_create (store, "Bo", NULL, NULL, NULL);
  path = candidate_path (fixture, ivc_candidate_get_id (candidate), "ann");
  ivc_candidate_set_summary (candidate, "Saved before");
  flush (store);
  saved = read_file (path);

  for (i = 0; i < 2 * IVC_CANDIDATE_MAX_FULL_EVALUATIONS; i++)
    {
      g_autofree char *id = long_id (i);

      ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (candidate, id), long_notes);
    }

  g_assert_false (ivc_candidate_store_flush (store, &error));
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED);
  assert_contains (error->message, "“Bo”");
  assert_contains (error->message, "16 MiB");
  g_assert_true (ivc_candidate_store_get_has_unsaved_changes (store));
  assert_file_equals (path, saved);

  /* Shorter again, it is saved. */
  for (i = 0; i < 2 * IVC_CANDIDATE_MAX_FULL_EVALUATIONS; i++)
    {
      g_autofree char *id = long_id (i);

      ivc_evaluation_set_notes (ivc_candidate_get_evaluation (candidate, id), NULL);
    }
  flush (store);
  finalize_store (store);
}

/* How a person names a candidate on the command line. */
static void
test_lookup (Fixture       *fixture,
             gconstpointer  user_data)
{
  IvcCandidateStore *store = load_store (fixture, "ann", NULL);
  IvcCandidate *zoe, *bo1, *bo2;
  g_autoptr(GError) error = NULL;

  zoe = ivc_candidate_store_create (store, "Zoë Martin", NULL, NULL, NULL);
  bo1 = ivc_candidate_store_create (store, "Bo", NULL, NULL, NULL);
  bo2 = ivc_candidate_store_create (store, "bo ", NULL, NULL, NULL);

  g_assert_true (ivc_candidate_store_lookup (store, ivc_candidate_get_id (zoe), &error) == zoe);
  g_assert_true (ivc_candidate_store_lookup (store, "zoe martin", &error) == zoe);
  g_assert_true (ivc_candidate_store_lookup (store, "ZOË MARTIN", &error) == zoe);
  g_assert_true (ivc_candidate_store_lookup (store, ivc_candidate_get_id (bo2), &error) == bo2);
  g_assert_no_error (error);

  /* Two called Bo: their ids are offered. */
  g_assert_null (ivc_candidate_store_lookup (store, "Bo", &error));
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_AMBIGUOUS);
  assert_contains (error->message, ivc_candidate_get_id (bo1));
  assert_contains (error->message, ivc_candidate_get_id (bo2));
  g_clear_error (&error);

  /* A part of a name is not a name. */
  g_assert_null (ivc_candidate_store_lookup (store, "Zoë", &error));
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_NOT_FOUND);
  assert_contains (error->message, "“Zoë”");
  g_clear_error (&error);

  g_assert_null (ivc_candidate_store_lookup (store, "", &error));
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_NOT_FOUND);

  finalize_store (store);
}

/* Whose scorecard --export writes. */
static void
test_choose_scorecard (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(IvcCandidate) chosen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours = make_file ("shared-1", "Carol", "ann", "2024-05-02T10:00:00Z", "\"q1\": {\"score\": 2}");
  g_autofree char *bobs = make_file ("shared-1", "Carol", "bob", "2024-05-02T11:00:00Z", "\"q1\": {\"score\": 4}");
  g_autofree char *only_bob = make_file ("only-bob-1", "Dave", "bob", "2024-05-03T10:00:00Z", "\"q1\": {\"score\": 3}");
  g_autofree char *two_a = make_file ("two-1", "Eve", "bob", "2024-05-03T10:00:00Z", NULL);
  g_autofree char *two_b = make_file ("two-1", "Eve", "cy", "2024-05-03T10:00:00Z", NULL);
  g_autofree char *ours_path = candidate_path (fixture, "shared-1", "ann");
  g_autofree char *bobs_path = candidate_path (fixture, "shared-1", "bob");
  g_autofree char *only_bob_path = candidate_path (fixture, "only-bob-1", "bob");
  g_autofree char *two_a_path = candidate_path (fixture, "two-1", "bob");
  g_autofree char *two_b_path = candidate_path (fixture, "two-1", "cy");

  write_file (ours_path, ours);
  write_file (bobs_path, bobs);
  write_file (only_bob_path, only_bob);
  write_file (two_a_path, two_a);
  write_file (two_b_path, two_b);
  store = load_store (fixture, "ann", NULL);

  /* One's own, when one took notes; or the interviewer named. */
  chosen = ivc_candidate_store_choose_scorecard (store, ivc_candidate_store_find (store, "shared-1"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ivc_candidate_get_interviewer_id (chosen), ==, "ann");
  g_clear_object (&chosen);
  chosen = ivc_candidate_store_choose_scorecard (store, ivc_candidate_store_find (store, "shared-1"), "bob", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ivc_evaluation_get_score (ivc_candidate_get_evaluation (chosen, "q1")), ==, 4);
  g_clear_object (&chosen);

  /* Only another interviewer's: that one. */
  chosen = ivc_candidate_store_choose_scorecard (store, ivc_candidate_store_find (store, "only-bob-1"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ivc_candidate_get_interviewer_id (chosen), ==, "bob");
  g_clear_object (&chosen);

  /* Two others and none of one's own: say whose, with their ids. */
  g_assert_null (ivc_candidate_store_choose_scorecard (store, ivc_candidate_store_find (store, "two-1"), NULL, &error));
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_AMBIGUOUS);
  assert_contains (error->message, "bob");
  assert_contains (error->message, "cy");
  g_clear_error (&error);
  g_assert_null (ivc_candidate_store_choose_scorecard (store, ivc_candidate_store_find (store, "two-1"), "dan", &error));
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int ret;

  /* Before anything asks for it. */
  data_home = g_dir_make_tmp ("ivc-data-home-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ivc/store/empty", test_empty);
  g_test_add_func ("/ivc/store/default-folder", test_default_folder);
  ADD ("/ivc/store/save-load", test_save_load);
  ADD ("/ivc/store/load-async", test_load_async);
  ADD ("/ivc/store/load-unreadable-folder", test_load_unreadable_folder);
  ADD ("/ivc/store/autosave", test_autosave);
  ADD ("/ivc/store/save-async", test_save_async);
  ADD ("/ivc/store/save-snapshot", test_save_snapshot);
  ADD ("/ivc/store/write-failure", test_write_failure);
  ADD ("/ivc/store/folder-removed", test_folder_removed);
  ADD ("/ivc/store/retry-on-change", test_retry_on_change);
  ADD ("/ivc/store/retry-timer", test_retry_timer);
  ADD ("/ivc/store/atomic", test_atomic);
  ADD ("/ivc/store/quarantine", test_quarantine);
  ADD ("/ivc/store/unreadable-left", test_unreadable_left);
  ADD ("/ivc/store/newer-format-left", test_newer_format_left);
  ADD ("/ivc/store/read-only", test_read_only);
  ADD ("/ivc/store/load-tidies", test_load_tidies);
  ADD ("/ivc/store/linked-folder", test_linked_folder);
  ADD ("/ivc/store/linked-folder-write", test_linked_folder_write);
  ADD ("/ivc/store/unknown-questions", test_unknown_questions);
  ADD ("/ivc/store/other-interviewers", test_other_interviewers);
  ADD ("/ivc/store/remove-undo", test_remove_undo);
  ADD ("/ivc/store/order", test_order);
  ADD ("/ivc/store/format-list", test_format_list);
  ADD ("/ivc/store/too-deep", test_too_deep);
  ADD ("/ivc/store/too-deep-cli", test_too_deep_cli);
  ADD ("/ivc/store/folder-name-wins", test_folder_name_wins);
  ADD ("/ivc/store/interviewer-name", test_interviewer_name);
  ADD ("/ivc/store/dispose-saves", test_dispose_saves);
  ADD ("/ivc/store/oversized-notes", test_oversized_notes);
  ADD ("/ivc/store/maximal-fields", test_maximal_fields);
  ADD ("/ivc/store/never-writes-too-large", test_never_writes_too_large);
  ADD ("/ivc/store/lookup", test_lookup);
  ADD ("/ivc/store/choose-scorecard", test_choose_scorecard);

#undef ADD

  ret = g_test_run ();

  remove_tree (data_home);

  return ret;
}
