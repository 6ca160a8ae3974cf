/* test-candidate-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two writers of one scorecard: two stores on one data folder (as two
 * running copies of the app), files changed underneath a store, and the
 * conflict copies sync tools leave.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
  char      *tmp;
  GFile     *folder;
  char      *candidates;
  GPtrArray *notices;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  fixture->tmp = g_dir_make_tmp ("ivc-sync-XXXXXX", &error);
  g_assert_no_error (error);

  data = g_build_filename (fixture->tmp, "data", NULL);
  fixture->folder = g_file_new_for_path (data);
  fixture->candidates = g_build_filename (data, "candidates", NULL);
  fixture->notices = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
  g_clear_pointer (&fixture->candidates, g_free);
  g_clear_pointer (&fixture->notices, g_ptr_array_unref);
  g_clear_object (&fixture->folder);
}

static void
on_notice_cb (IvcCandidateStore *store,
              const char        *title,
              const char        *details,
              Fixture           *fixture)
{
  g_assert_nonnull (title);
  g_assert_null (strchr (title, '/'));
  g_ptr_array_add (fixture->notices, g_strconcat (title, "\n", details, NULL));
}

static IvcCandidateStore *
open_store (Fixture    *fixture,
            const char *interviewer_id,
            gboolean    read_only)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (read_only)
    store = ivc_candidate_store_new_read_only (fixture->folder, interviewer_id, "Ann Lee");
  else
    store = ivc_candidate_store_new (fixture->folder, interviewer_id, "Ann Lee");
  g_signal_connect (store, "notice", G_CALLBACK (on_notice_cb), fixture);
  g_assert_true (ivc_candidate_store_load (store, NULL, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  return g_steal_pointer (&store);
}

static void
flush (IvcCandidateStore *store)
{
  g_autoptr(GError) error = NULL;

  ivc_candidate_store_flush (store, &error);
  g_assert_no_error (error);
  g_assert_false (ivc_candidate_store_get_has_unsaved_changes (store));
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ivc_candidate_store_save_finish (IVC_CANDIDATE_STORE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Saves in the worker thread, as the autosave does. */
static void
save_in_worker (IvcCandidateStore *store)
{
  gboolean done = FALSE;

  ivc_candidate_store_save_async (store, NULL, on_saved_cb, &done);
  wait_for (done);
}

static void
finalize_store (IvcCandidateStore *store)
{
  wait_for (!ivc_candidate_store_get_saving (store));
  wait_for (g_atomic_int_get (&G_OBJECT (store)->ref_count) == 1);

  g_assert_finalize_object (store);
}

static void
set_notes (IvcCandidate *candidate,
           const char   *question_id,
           const char   *notes)
{
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (candidate, question_id), notes);
}

static const char *
get_notes (IvcCandidate *candidate,
           const char   *question_id)
{
  IvcEvaluation *evaluation = ivc_candidate_get_evaluation (candidate, question_id);

  return evaluation ? ivc_evaluation_get_notes (evaluation) : "";
}

static char *
our_file (Fixture    *fixture,
          const char *candidate_id)
{
  return g_build_filename (fixture->candidates, candidate_id, "ann.json", NULL);
}

static IvcCandidate *
read_back (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  IvcCandidate *candidate;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  candidate = ivc_candidate_new_from_bytes (bytes, path, &error);
  g_assert_no_error (error);

  return candidate;
}

/* Two running copies of the app, the same interviewer, one candidate:
 * each saves in turn, and no note of either is lost. */
static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) first = open_store (fixture, "ann", FALSE);
  g_autoptr(IvcCandidateStore) second = NULL;
  g_autoptr(IvcCandidate) on_disk = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  IvcCandidate *mine, *theirs;

  mine = ivc_candidate_store_create (first, "Zoë Martin", "SRE", "2024-05-01", NULL);
  id = g_strdup (ivc_candidate_get_id (mine));
  path = our_file (fixture, id);
  set_notes (mine, "q1", "Common start.");
  flush (first);

  second = open_store (fixture, "ann", FALSE);
  theirs = ivc_candidate_store_find (second, id);
  g_assert_nonnull (theirs);

  /* Both change the same candidate before either saves. */
  set_notes (mine, "q2", "First copy's note.");
  set_notes (mine, "q1", "Common start. First adds.");
  set_notes (theirs, "q3", "Second copy's note.");
  set_notes (theirs, "q1", "Common start. Second adds.");
  ivc_candidate_set_recommendation (theirs, IVC_RECOMMENDATION_STRONG_YES);

  /* The first saves; the second saves over it, in its worker. */
  save_in_worker (first);
  g_assert_cmpuint (fixture->notices->len, ==, 0);
  save_in_worker (second);
  g_assert_cmpuint (fixture->notices->len, ==, 1);
  assert_contains (g_ptr_array_index (fixture->notices, 0), "Zoë Martin");
  assert_contains (g_ptr_array_index (fixture->notices, 0), "both versions are kept");
  g_assert_false (ivc_candidate_store_get_has_unsaved_changes (second));

  on_disk = read_back (path);
  g_assert_cmpstr (get_notes (on_disk, "q2"), ==, "First copy's note.");
  g_assert_cmpstr (get_notes (on_disk, "q3"), ==, "Second copy's note.");
  assert_contains (get_notes (on_disk, "q1"), "Common start. Second adds.");
  assert_contains (get_notes (on_disk, "q1"), "First adds.");
  g_assert_cmpint (ivc_candidate_get_recommendation (on_disk), ==, IVC_RECOMMENDATION_STRONG_YES);

  /* The second copy shows the first's notes too, and its next save keeps
   * them. */
  g_assert_cmpstr (get_notes (theirs, "q2"), ==, "First copy's note.");
  g_assert_cmpstr (get_notes (theirs, "q1"), ==, get_notes (on_disk, "q1"));

  /* Now the first, which has not seen the second's save, changes again
   * and saves: the second's notes stay. */
  set_notes (mine, "q4", "First again.");
  flush (first);
  g_assert_cmpuint (fixture->notices->len, ==, 2);
  g_clear_object (&on_disk);
  on_disk = read_back (path);
  g_assert_cmpstr (get_notes (on_disk, "q2"), ==, "First copy's note.");
  g_assert_cmpstr (get_notes (on_disk, "q3"), ==, "Second copy's note.");
  g_assert_cmpstr (get_notes (on_disk, "q4"), ==, "First again.");
  assert_contains (get_notes (on_disk, "q1"), "Second adds.");
  assert_contains (get_notes (on_disk, "q1"), "First adds.");
  g_assert_cmpint (ivc_candidate_get_recommendation (on_disk), ==, IVC_RECOMMENDATION_STRONG_YES);
  g_assert_cmpstr (get_notes (mine, "q3"), ==, "Second copy's note.");

  /* Nothing new on either side: saving again changes nothing and says
   * nothing. */
  set_notes (theirs, "q4", "First again.");
  flush (second);
  g_clear_object (&on_disk);
  on_disk = read_back (path);
  g_assert_cmpstr (get_notes (on_disk, "q3"), ==, "Second copy's note.");
  g_assert_cmpstr (get_notes (on_disk, "q1"), ==, get_notes (mine, "q1"));

  finalize_store (g_steal_pointer (&first));
  finalize_store (g_steal_pointer (&second));
}

/* Typing goes on while the worker merges: what was typed meanwhile stays,
 * and the other copy's notes arrive too. */
static void
test_typing_during_merge (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) first = open_store (fixture, "ann", FALSE);
  g_autoptr(IvcCandidateStore) second = NULL;
  g_autoptr(IvcCandidate) on_disk = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  IvcCandidate *mine, *theirs;
  gboolean done = FALSE;

  mine = ivc_candidate_store_create (first, "Zoë", NULL, NULL, NULL);
  id = g_strdup (ivc_candidate_get_id (mine));
  path = our_file (fixture, id);
  flush (first);
  second = open_store (fixture, "ann", FALSE);
  theirs = ivc_candidate_store_find (second, id);

  set_notes (mine, "q1", "From the first copy.");
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (mine, "q3"), IVC_SCORE_GOOD);
  flush (first);

  /* The second copy's save starts with "Second"; more is typed, and a
   * score given, before the worker is done. */
  set_notes (theirs, "q2", "Second");
  ivc_candidate_store_save_async (second, NULL, on_saved_cb, &done);
  set_notes (theirs, "q2", "Second, typed on.");
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (theirs, "q3"), IVC_SCORE_POOR);
  wait_for (done);

  g_assert_cmpstr (get_notes (theirs, "q1"), ==, "From the first copy.");
  g_assert_cmpstr (get_notes (theirs, "q2"), ==, "Second, typed on.");
  g_assert_cmpint (ivc_evaluation_get_score (ivc_candidate_get_evaluation (theirs, "q3")), ==, IVC_SCORE_POOR);
  g_assert_true (ivc_candidate_store_get_has_unsaved_changes (second));

  flush (second);
  on_disk = read_back (path);
  g_assert_cmpstr (get_notes (on_disk, "q1"), ==, "From the first copy.");
  g_assert_cmpstr (get_notes (on_disk, "q2"), ==, "Second, typed on.");
  g_assert_cmpint (ivc_evaluation_get_score (ivc_candidate_get_evaluation (on_disk, "q3")), ==, IVC_SCORE_POOR);

  finalize_store (g_steal_pointer (&first));
  finalize_store (g_steal_pointer (&second));
}

/* Our file was not touched by anyone else: saving does not merge. */
static void
test_own_saves (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = open_store (fixture, "ann", FALSE);
  IvcCandidate *candidate = ivc_candidate_store_create (store, "Zoë", NULL, NULL, NULL);

  set_notes (candidate, "q1", "One.");
  flush (store);
  set_notes (candidate, "q1", "");
  save_in_worker (store);
  set_notes (candidate, "q1", "Two.");
  flush (store);

  g_assert_cmpuint (fixture->notices->len, ==, 0);
  g_assert_cmpstr (get_notes (candidate, "q1"), ==, "Two.");

  /* Loaded again: the stamp comes from the file read. */
  finalize_store (g_steal_pointer (&store));
  store = open_store (fixture, "ann", FALSE);
  candidate = g_list_model_get_item (ivc_candidate_store_get_candidates (store), 0);
  g_object_unref (candidate);
  set_notes (candidate, "q1", "Three.");
  flush (store);
  g_assert_cmpuint (fixture->notices->len, ==, 0);
  g_assert_cmpstr (get_notes (candidate, "q1"), ==, "Three.");

  finalize_store (g_steal_pointer (&store));
}

/* What cannot be merged is never written over. */
static void
test_newer_underneath (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = open_store (fixture, "ann", FALSE);
  IvcCandidate *candidate = ivc_candidate_store_create (store, "Zoë", NULL, NULL, NULL);
  g_autofree char *path = our_file (fixture, ivc_candidate_get_id (candidate));
  const char *newer = "{\"format\": 99, \"candidate\": {\"id\": \"x\", \"name\": \"Zoë\"}}";
  g_autoptr(GError) error = NULL;

  flush (store);
  write_file (path, newer);

  set_notes (candidate, "q1", "Kept in memory.");
  g_assert_false (ivc_candidate_store_flush (store, &error));
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED);
  assert_contains (error->message, "not written over");
  g_assert_true (ivc_candidate_store_get_has_unsaved_changes (store));
  g_assert_true (file_contains (path, newer));

  /* The other program's file goes: ours is written again. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  flush (store);
  g_assert_true (file_contains (path, "Kept in memory."));

  finalize_store (g_steal_pointer (&store));
}

/* A link that took our file's place is replaced, and what it points to
 * left alone. */
static void
test_link_underneath (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = open_store (fixture, "ann", FALSE);
  IvcCandidate *candidate = ivc_candidate_store_create (store, "Zoë", NULL, NULL, NULL);
  g_autofree char *path = our_file (fixture, ivc_candidate_get_id (candidate));
  g_autofree char *elsewhere = g_build_filename (fixture->tmp, "elsewhere.json", NULL);

  flush (store);
  write_file (elsewhere, "not ours");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (symlink (elsewhere, path), ==, 0);

  set_notes (candidate, "q1", "Ours.");
  flush (store);

  g_assert_false (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (file_contains (path, "Ours."));
  g_assert_true (file_contains (elsewhere, "not ours"));
  g_assert_cmpuint (fixture->notices->len, ==, 0);

  finalize_store (g_steal_pointer (&store));
}

/* A damaged file found when saving is kept aside, as at start. */
static void
test_damaged_underneath (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = open_store (fixture, "ann", FALSE);
  IvcCandidate *candidate = ivc_candidate_store_create (store, "Zoë", NULL, NULL, NULL);
  g_autofree char *folder = NULL;
  g_autofree char *path = our_file (fixture, ivc_candidate_get_id (candidate));
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean kept = FALSE;

  flush (store);
  write_file (path, "{ damaged");
  set_notes (candidate, "q1", "Ours.");
  flush (store);

  g_assert_true (file_contains (path, "Ours."));
  g_assert_cmpuint (fixture->notices->len, ==, 1);
  assert_contains (g_ptr_array_index (fixture->notices, 0), "ann.json.corrupt-");

  folder = g_path_get_dirname (path);
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "ann.json.corrupt-"))
        {
          g_autofree char *kept_path = g_build_filename (folder, name, NULL);

          g_assert_true (file_contains (kept_path, "{ damaged"));
          kept = TRUE;
        }
    }
  g_assert_true (kept);

  finalize_store (g_steal_pointer (&store));
}

/* Deleting a candidate does not delete what another copy wrote since. */
static void
test_delete_changed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) first = open_store (fixture, "ann", FALSE);
  g_autoptr(IvcCandidateStore) second = NULL;
  g_autoptr(IvcCandidate) removed = NULL;
  IvcCandidate *candidate = ivc_candidate_store_create (first, "Zoë", NULL, NULL, NULL);
  g_autofree char *id = g_strdup (ivc_candidate_get_id (candidate));
  g_autofree char *path = our_file (fixture, id);

  flush (first);
  second = open_store (fixture, "ann", FALSE);
  set_notes (ivc_candidate_store_find (second, id), "q1", "Written meanwhile.");
  flush (second);

  removed = ivc_candidate_store_remove (first, candidate);
  flush (first);

  g_assert_true (file_contains (path, "Written meanwhile."));
  g_assert_cmpuint (fixture->notices->len, ==, 1);
  assert_contains (g_ptr_array_index (fixture->notices, 0), "was not deleted");

  /* Unchanged since: deleted. */
  finalize_store (g_steal_pointer (&first));
  first = open_store (fixture, "ann", FALSE);
  g_clear_object (&removed);
  removed = ivc_candidate_store_remove (first, ivc_candidate_store_find (first, id));
  flush (first);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  finalize_store (g_steal_pointer (&first));
  finalize_store (g_steal_pointer (&second));
}

static char *
make_file (const char *interviewer_id,
           const char *summary,
           const char *evaluations)
{
  return g_strdup_printf ("{\n"
                          "  \"format\": 2,\n"
                          "  \"candidate\": {\"id\": \"zoe-1\", \"name\": \"Zoë\"},\n"
                          "  \"interviewer\": {\"id\": \"%s\", \"name\": \"%s\"},\n"
                          "  \"recommendation\": \"yes\",\n"
                          "  \"summary\": \"%s\",\n"
                          "  \"modified\": \"2024-05-01T10:00:00Z\",\n"
                          "  \"evaluations\": {%s}\n"
                          "}\n",
                          interviewer_id, interviewer_id, summary, evaluations);
}

static char *
in_folder (Fixture    *fixture,
           const char *name)
{
  return g_build_filename (fixture->candidates, "zoe-1", name, NULL);
}

static guint
count_names (Fixture    *fixture,
             const char *prefix)
{
  g_autofree char *folder = g_build_filename (fixture->candidates, "zoe-1", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, prefix);

  return n;
}

static void
test_conflict_copies (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autofree char *ours = make_file ("ann", "Ours.", "\"q1\": {\"score\": 3, \"notes\": \"Our note.\"}");
  g_autofree char *syncthing = make_file ("ann", "Ours.",
                                          "\"q1\": {\"score\": 3, \"notes\": \"Syncthing's note.\"},"
                                          "\"q2\": {\"score\": 4}");
  g_autofree char *nextcloud = make_file ("ann", "From Nextcloud.", "");
  g_autofree char *bobs_copy = make_file ("bob", "Bob's copy.", "");
  g_autofree char *ours_path = in_folder (fixture, "ann.json");
  g_autofree char *syncthing_path = in_folder (fixture, "ann.sync-conflict-20240501-093000-ABCDEFG.json");
  g_autofree char *nextcloud_path = in_folder (fixture, "ann (conflicted copy 2024-05-01 093000).json");
  g_autofree char *dropbox_path = in_folder (fixture, "bob (Bob's conflicted copy 2024-05-01).json");
  g_autofree char *saved = NULL;
  IvcCandidate *candidate;

  write_file (ours_path, ours);
  write_file (syncthing_path, syncthing);
  write_file (nextcloud_path, nextcloud);
  write_file (dropbox_path, bobs_copy);

  /* The command line only reports. */
  store = open_store (fixture, "ann", TRUE);
  g_assert_cmpuint (fixture->notices->len, ==, 3);
  g_assert_true (file_contains (syncthing_path, "Syncthing's note."));
  g_assert_true (file_contains (ours_path, ours));
  g_clear_object (&store);
  g_ptr_array_set_size (fixture->notices, 0);

  store = open_store (fixture, "ann", FALSE);
  candidate = ivc_candidate_store_find (store, "zoe-1");
  g_assert_nonnull (candidate);

  /* Both of ours merged, nothing lost, and kept aside, not deleted. */
  assert_contains (get_notes (candidate, "q1"), "Our note.");
  assert_contains (get_notes (candidate, "q1"), "Syncthing's note.");
  g_assert_cmpint (ivc_evaluation_get_score (ivc_candidate_get_evaluation (candidate, "q2")), ==, 4);
  assert_contains (ivc_candidate_get_summary (candidate), "Ours.");
  assert_contains (ivc_candidate_get_summary (candidate), "From Nextcloud.");
  g_assert_true (file_contains (ours_path, "Syncthing's note."));
  g_assert_true (file_contains (ours_path, "From Nextcloud."));
  g_assert_false (g_file_test (syncthing_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (nextcloud_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_names (fixture, "ann.sync-conflict-20240501-093000-ABCDEFG.json.merged-"), ==, 1);
  g_assert_cmpuint (count_names (fixture, "ann (conflicted copy 2024-05-01 093000).json.merged-"), ==, 1);

  /* Bob's is reported and left exactly as it is. */
  g_assert_true (file_contains (dropbox_path, bobs_copy));
  g_assert_cmpuint (fixture->notices->len, ==, 3);
  for (guint i = 0; i < fixture->notices->len; i++)
    {
      const char *notice = g_ptr_array_index (fixture->notices, i);

      if (strstr (notice, "Dropbox") != NULL)
        assert_contains (notice, "another interviewer’s scorecard. It was left as it is");
      else
        assert_contains (notice, "merged into your scorecard and kept as");
    }

  /* The merge is what the store last wrote: saving again merges nothing. */
  set_notes (candidate, "q3", "Later.");
  flush (store);
  g_assert_cmpuint (fixture->notices->len, ==, 3);
  saved = g_strdup (get_notes (candidate, "q1"));
  finalize_store (g_steal_pointer (&store));

  /* Nothing is merged twice. */
  g_ptr_array_set_size (fixture->notices, 0);
  store = open_store (fixture, "ann", FALSE);
  g_assert_cmpuint (fixture->notices->len, ==, 1);
  g_assert_cmpstr (get_notes (ivc_candidate_store_find (store, "zoe-1"), "q1"), ==, saved);
  finalize_store (g_steal_pointer (&store));
}

/* Only a conflict copy of ours: it becomes our scorecard. */
static void
test_conflict_copy_only (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autofree char *copy = make_file ("ann", "Only in the copy.", "");
  g_autofree char *copy_path = in_folder (fixture, "ann (Ann's conflicted copy 2024-05-01 (1)).json");
  g_autofree char *ours_path = in_folder (fixture, "ann.json");

  write_file (copy_path, copy);
  store = open_store (fixture, "ann", FALSE);

  g_assert_nonnull (ivc_candidate_store_find (store, "zoe-1"));
  g_assert_true (file_contains (ours_path, "Only in the copy."));
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (fixture->notices->len, ==, 1);

  finalize_store (g_steal_pointer (&store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sync/two-writers", test_two_writers);
  ADD ("/sync/typing-during-merge", test_typing_during_merge);
  ADD ("/sync/own-saves", test_own_saves);
  ADD ("/sync/newer-underneath", test_newer_underneath);
  ADD ("/sync/damaged-underneath", test_damaged_underneath);
  ADD ("/sync/link-underneath", test_link_underneath);
  ADD ("/sync/delete-changed", test_delete_changed);
  ADD ("/sync/conflict-copies", test_conflict_copies);
  ADD ("/sync/conflict-copy-only", test_conflict_copy_only);

  return g_test_run ();
}
