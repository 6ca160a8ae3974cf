/* test-erase.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A candidate's data, from start to end: ids that carry no name, old ids
 * that still load, erasing every file of a candidate (from the store and
 * with --erase) and finding candidates past the retention period.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ivc-candidate-store.h"

#include "ivc-test-files.h"

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
  char  *data_home;
  GFile *folder;
  char  *candidates;
  /* Outside the data folder: what a planted link points at. */
  char  *outside;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp = g_dir_make_tmp ("ivc-erase-XXXXXX", &error);
  g_assert_no_error (error);

  /* Where the program looks by itself: $XDG_DATA_HOME/interview-companion. */
  fixture->data_home = g_build_filename (fixture->tmp, "data", NULL);
  fixture->folder = g_file_new_build_filename (fixture->data_home, "interview-companion", NULL);
  fixture->candidates = g_build_filename (fixture->data_home, "interview-companion", "candidates", NULL);
  fixture->outside = g_build_filename (fixture->tmp, "outside", NULL);
  write_file (fixture->outside, "not the app's\n");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
  g_clear_pointer (&fixture->data_home, g_free);
  g_clear_pointer (&fixture->candidates, g_free);
  g_clear_pointer (&fixture->outside, g_free);
  g_clear_object (&fixture->folder);
}

static char *
make_file (const char *candidate_id,
           const char *name,
           const char *interviewer_id,
           const char *date)
{
  return g_strdup_printf ("{\n"
                          "  \"format\": 2,\n"
                          "  \"candidate\": {\"id\": \"%s\", \"name\": \"%s\", \"interview_date\": \"%s\"},\n"
                          "  \"interviewer\": {\"id\": \"%s\", \"name\": \"%s\"},\n"
                          "  \"created\": \"2024-05-01T09:00:00Z\",\n"
                          "  \"modified\": \"2024-05-01T10:00:00Z\"\n"
                          "}\n",
                          candidate_id, name, date, interviewer_id, interviewer_id);
}

static char *
path_in (Fixture    *fixture,
         const char *candidate_id,
         const char *name)
{
  return g_build_filename (fixture->candidates, candidate_id, name, NULL);
}

static void
put_file (Fixture    *fixture,
          const char *candidate_id,
          const char *file_name,
          const char *contents)
{
  g_autofree char *path = path_in (fixture, candidate_id, file_name);

  write_file (path, contents);
}

static IvcCandidateStore *
load_store (Fixture *fixture)
{
  g_autoptr(IvcCandidateStore) store = ivc_candidate_store_new (fixture->folder, "tess", "Tess Tester");
  g_autoptr(GError) error = NULL;

  g_assert_true (ivc_candidate_store_load (store, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

/* Dana, interviewed by Tess (us) and by Bob, with what sync tools and
 * the app leave beside their files, and a link a sync peer planted to a
 * file outside the data folder. Another candidate, Eve, is next door. */
static void
make_dana (Fixture *fixture)
{
  g_autofree char *ours = make_file ("dana-kaur-e4eedea2", "Dana Kaur", "tess", "2024-05-01");
  g_autofree char *bobs = make_file ("dana-kaur-e4eedea2", "Dana Kaur", "bob", "2024-05-01");
  g_autofree char *eves = make_file ("c-0123456789abcdef0123456789abcdef", "Eve", "tess", "2024-05-02");
  g_autofree char *link = path_in (fixture, "dana-kaur-e4eedea2", "planted.json");

  put_file (fixture, "dana-kaur-e4eedea2", "tess.json", ours);
  put_file (fixture, "dana-kaur-e4eedea2", "bob.json", bobs);
  put_file (fixture, "dana-kaur-e4eedea2", "bob.sync-conflict-20240501-093000-ABCDEFG.json", bobs);
  put_file (fixture, "dana-kaur-e4eedea2", "tess.json.corrupt-20240501T093000Z", "{ damaged");
  put_file (fixture, "dana-kaur-e4eedea2", "tess.json.A1B2C3", "{ half-written");
  put_file (fixture, "c-0123456789abcdef0123456789abcdef", "tess.json", eves);
  g_assert_no_errno (symlink (fixture->outside, link));
}

static void
test_old_ids_load (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  IvcCandidate *dana;

  make_dana (fixture);
  store = load_store (fixture);

  dana = ivc_candidate_store_find (store, "dana-kaur-e4eedea2");
  g_assert_nonnull (dana);
  g_assert_cmpstr (ivc_candidate_get_name (dana), ==, "Dana Kaur");
  g_assert_nonnull (ivc_candidate_store_find (store, "c-0123456789abcdef0123456789abcdef"));
}

/* A new candidate's folder, and so every path a sync tool logs, carries
 * nothing of the name. */
static void
test_new_folder_has_no_name (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *lower = NULL;
  IvcCandidate *candidate;

  candidate = ivc_candidate_store_create (store, "Dana Kaur", "SRE", "2024-05-01", NULL);
  g_assert_true (ivc_candidate_store_flush (store, &error));
  g_assert_no_error (error);

  listing = list_folder (fixture->candidates);
  g_assert_cmpstr (listing, ==, ivc_candidate_get_id (candidate));
  lower = g_ascii_strdown (listing, -1);
  assert_not_contains (lower, "dana");
  assert_not_contains (lower, "kaur");
}

static void
test_store_erase (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(IvcCandidateFiles) listed = NULL;
  g_autoptr(IvcCandidateFiles) removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = path_in (fixture, "dana-kaur-e4eedea2", NULL);
  g_autofree char *eve = path_in (fixture, "c-0123456789abcdef0123456789abcdef", "tess.json");
  IvcCandidate *dana;

  make_dana (fixture);
  store = load_store (fixture);
  dana = ivc_candidate_store_find (store, "dana-kaur-e4eedea2");
  g_assert_nonnull (dana);

  /* Unsaved notes go too. */
  ivc_candidate_set_summary (dana, "Typed just before erasing");

  /* What the confirmation says: two scorecards (ours and Bob's), six
   * files with the copies and the link. */
  listed = ivc_candidate_store_list_files (store, "dana-kaur-e4eedea2", &error);
  g_assert_no_error (error);
  g_assert_nonnull (listed);
  g_assert_cmpuint (listed->n_scorecards, ==, 2);
  g_assert_cmpuint (listed->n_files, ==, 6);
  g_assert_cmpstr (listed->folder_path, ==, folder);

  g_assert_true (ivc_candidate_store_erase (store, "dana-kaur-e4eedea2", &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed->n_scorecards, ==, 2);
  g_assert_cmpuint (removed->n_files, ==, 6);
  /* Every file, then the folder itself. */
  g_assert_cmpuint (removed->paths->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (removed->paths, removed->paths->len - 1), ==, folder);

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_null (ivc_candidate_store_find (store, "dana-kaur-e4eedea2"));
  g_assert_false (ivc_candidate_store_get_has_unsaved_changes (store));

  /* Nothing else: the link's target and the other candidate stay. */
  assert_file_equals (fixture->outside, "not the app's\n");
  g_assert_true (g_file_test (eve, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (ivc_candidate_store_find (store, "c-0123456789abcdef0123456789abcdef"));

  /* Nothing brings the folder back, and a fresh start does not see Dana. */
  g_assert_true (ivc_candidate_store_flush (store, &error));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_object (&store);
  store = load_store (fixture);
  g_assert_null (ivc_candidate_store_find (store, "dana-kaur-e4eedea2"));
}

/* A candidate's folder that is a link (a sync peer can plant one): the link
 * goes, what it points to stays. */
static void
test_erase_linked_folder (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(IvcCandidateFiles) removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *elsewhere = g_build_filename (fixture->tmp, "elsewhere", NULL);
  g_autofree char *kept = g_build_filename (elsewhere, "bob.json", NULL);
  g_autofree char *link = path_in (fixture, "c-00000000000000000000000000000001", NULL);
  g_autofree char *contents = make_file ("c-00000000000000000000000000000001", "Linked", "bob", "");

  write_file (kept, contents);
  g_assert_no_errno (g_mkdir_with_parents (fixture->candidates, 0700));
  g_assert_no_errno (symlink (elsewhere, link));

  store = load_store (fixture);
  g_assert_true (ivc_candidate_store_erase (store, "c-00000000000000000000000000000001", &removed, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (removed->paths->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (removed->paths, 0), ==, link);
  g_assert_false (g_file_test (link, G_FILE_TEST_EXISTS));
  assert_file_equals (kept, contents);
}

static void
test_erase_unknown (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = load_store (fixture);
  g_autoptr(IvcCandidateFiles) removed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (ivc_candidate_store_erase (store, "c-ffffffffffffffffffffffffffffffff", &removed, &error));
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (removed->paths->len, ==, 0);
}

static gboolean
run_program (Fixture     *fixture,
             const char  *first_arg,
             ...) G_GNUC_NULL_TERMINATED;

/* The program, with no terminal on its standard input. */
static gboolean
run_program (Fixture    *fixture,
             const char *first_arg,
             ...)
{
  const char *program = g_getenv ("IVC_PROGRAM");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;
  int status;

  g_assert_nonnull (program);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", fixture->data_home, TRUE);

  g_ptr_array_add (argv, (char *)program);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);

  g_test_message ("stdout: %s\nstderr: %s", out, err);
  g_object_set_data_full (G_OBJECT (fixture->folder), "stdout", g_steal_pointer (&out), g_free);
  g_object_set_data_full (G_OBJECT (fixture->folder), "stderr", g_steal_pointer (&err), g_free);

  return g_spawn_check_wait_status (status, NULL);
}

static void
test_cli_erase (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *folder = path_in (fixture, "dana-kaur-e4eedea2", NULL);
  g_autofree char *bobs = path_in (fixture, "dana-kaur-e4eedea2", "bob.json");
  g_autofree char *corrupt = path_in (fixture, "dana-kaur-e4eedea2", "tess.json.corrupt-20240501T093000Z");
  g_autofree char *eve = path_in (fixture, "c-0123456789abcdef0123456789abcdef", "tess.json");
  const char *out;

  make_dana (fixture);

  /* By name, as a person would. */
  g_assert_true (run_program (fixture, "--erase", "dana kaur", "--yes", NULL));
  out = g_object_get_data (G_OBJECT (fixture->folder), "stdout");
  assert_contains (out, bobs);
  assert_contains (out, corrupt);
  assert_contains (out, folder);
  assert_contains (out, "Dana Kaur");

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (eve, G_FILE_TEST_IS_REGULAR));
  assert_file_equals (fixture->outside, "not the app's\n");
}

static void
test_cli_erase_needs_yes (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *folder = path_in (fixture, "dana-kaur-e4eedea2", NULL);
  const char *err;

  make_dana (fixture);
  before = list_folder (folder);

  /* No terminal to ask on: refused, and nothing removed. */
  g_assert_false (run_program (fixture, "--erase", "dana-kaur-e4eedea2", NULL));
  err = g_object_get_data (G_OBJECT (fixture->folder), "stderr");
  assert_contains (err, "--yes");

  after = list_folder (folder);
  g_assert_cmpstr (after, ==, before);

  /* Without a candidate of that name, nothing either. */
  g_assert_false (run_program (fixture, "--erase", "Nobody", "--yes", NULL));
  err = g_object_get_data (G_OBJECT (fixture->folder), "stderr");
  assert_contains (err, "Nobody");

  /* --yes alone is a mistake. */
  g_assert_false (run_program (fixture, "--yes", NULL));
}

static void
test_expired (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(GPtrArray) expired = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2024, 7, 1, 12, 0, 0);
  g_autofree char *old = make_file ("c-00000000000000000000000000000001", "Old", "tess", "2024-05-01");
  g_autofree char *edge = make_file ("c-00000000000000000000000000000002", "Edge", "tess", "2024-06-01");
  g_autofree char *recent = make_file ("c-00000000000000000000000000000003", "Recent", "tess", "2024-06-20");
  /* No interview date: the day it was created counts (2024-05-01). */
  g_autofree char *undated = make_file ("c-00000000000000000000000000000004", "Undated", "tess", "");

  put_file (fixture, "c-00000000000000000000000000000001", "tess.json", old);
  put_file (fixture, "c-00000000000000000000000000000002", "tess.json", edge);
  put_file (fixture, "c-00000000000000000000000000000003", "tess.json", recent);
  put_file (fixture, "c-00000000000000000000000000000004", "tess.json", undated);
  store = load_store (fixture);

  /* 0 keeps everything. */
  expired = ivc_candidate_store_list_expired (store, 0, now);
  g_assert_cmpuint (expired->len, ==, 0);
  g_clear_pointer (&expired, g_ptr_array_unref);

  /* 30 days before 1 July is 1 June: kept on the day, listed after. */
  expired = ivc_candidate_store_list_expired (store, 30, now);
  g_assert_cmpuint (expired->len, ==, 2);
  g_assert_cmpstr (ivc_candidate_get_name (g_ptr_array_index (expired, 0)), ==, "Old");
  g_assert_cmpstr (ivc_candidate_get_name (g_ptr_array_index (expired, 1)), ==, "Undated");
  g_clear_pointer (&expired, g_ptr_array_unref);

  expired = ivc_candidate_store_list_expired (store, 29, now);
  g_assert_cmpuint (expired->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ivc/erase/old-ids-load", test_old_ids_load);
  ADD ("/ivc/erase/new-folder-has-no-name", test_new_folder_has_no_name);
  ADD ("/ivc/erase/store-erase", test_store_erase);
  ADD ("/ivc/erase/linked-folder", test_erase_linked_folder);
  ADD ("/ivc/erase/unknown", test_erase_unknown);
  ADD ("/ivc/erase/cli", test_cli_erase);
  ADD ("/ivc/erase/cli-needs-yes", test_cli_erase_needs_yes);
  ADD ("/ivc/erase/expired", test_expired);

#undef ADD

  return g_test_run ();
}
