/* test-team-folder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The team folder: teammates' files arriving, changing and going while a
 * store watches, our own saves not taken for a teammate's change, hostile
 * files that never hurt and are reported once, the team-folder setting's
 * checks, and copying candidates into a team folder.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ivc-candidate-store.h"
#include "ivc-team-folder.h"

#include "ivc-test-files.h"

/* The promise: a teammate's change shows within 2 seconds. Under
 * the sanitizers everything runs several times slower (build-aux/dev.sh
 * sanitize gives every test 4 times as long), and so may this. */
#define TEAM_SECONDS (g_getenv ("ASAN_OPTIONS") != NULL ? 8 : 2)

typedef struct
{
  char       *tmp;
  GFile      *folder;
  char       *candidates;
  GPtrArray  *notices;
  GHashTable *changed;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  fixture->tmp = g_dir_make_tmp ("ivc-team-XXXXXX", &error);
  g_assert_no_error (error);

  data = g_build_filename (fixture->tmp, "team", NULL);
  g_assert_no_errno (g_mkdir (data, 0700));
  fixture->folder = g_file_new_for_path (data);
  fixture->candidates = g_build_filename (data, "candidates", NULL);
  fixture->notices = g_ptr_array_new_with_free_func (g_free);
  fixture->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  become_root_again ();
  remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
  g_clear_pointer (&fixture->candidates, g_free);
  g_clear_pointer (&fixture->notices, g_ptr_array_unref);
  g_clear_pointer (&fixture->changed, g_hash_table_unref);
  g_clear_object (&fixture->folder);
}

static void
on_notice_cb (IvcCandidateStore *store,
              const char        *title,
              const char        *details,
              Fixture           *fixture)
{
  g_ptr_array_add (fixture->notices, g_strconcat (title, "\n", details, NULL));
}

static void
on_team_changed_cb (IvcCandidateStore *store,
                    const char        *candidate_id,
                    Fixture           *fixture)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->changed, candidate_id));

  g_hash_table_insert (fixture->changed, g_strdup (candidate_id), GUINT_TO_POINTER (n + 1));
}

static guint
n_changed (Fixture    *fixture,
           const char *candidate_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->changed, candidate_id));
}

static IvcCandidateStore *
open_store (Fixture    *fixture,
            const char *interviewer_id,
            const char *name,
            gboolean    watch)
{
  g_autoptr(IvcCandidateStore) store = ivc_candidate_store_new (fixture->folder, interviewer_id, name);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (watch)
    {
      g_signal_connect (store, "notice", G_CALLBACK (on_notice_cb), fixture);
      g_signal_connect (store, "team-changed", G_CALLBACK (on_team_changed_cb), fixture);
    }
  g_assert_true (ivc_candidate_store_load (store, NULL, &problems, &error));
  g_assert_no_error (error);
  if (watch)
    ivc_candidate_store_watch_team (store);

  return g_steal_pointer (&store);
}

static void
flush (IvcCandidateStore *store)
{
  g_autoptr(GError) error = NULL;

  ivc_candidate_store_flush (store, &error);
  g_assert_no_error (error);
}

static void
finalize_store (IvcCandidateStore *store)
{
  wait_for (!ivc_candidate_store_get_saving (store));
  wait_for (g_atomic_int_get (&G_OBJECT (store)->ref_count) == 1);
  g_assert_finalize_object (store);
}

/* A teammate's file, as their app writes it. */
static char *
teammate_file (const char *candidate_id,
               const char *interviewer_id,
               const char *name,
               const char *summary)
{
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new (candidate_id, name);
  g_autoptr(GBytes) bytes = NULL;

  ivc_candidate_set_interviewer (candidate, interviewer_id, "Bob Marsh");
  if (summary != NULL)
    ivc_candidate_set_summary (candidate, summary);
  bytes = ivc_candidate_to_bytes (candidate);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static const char *
summary_of (IvcCandidateStore *store,
            const char        *candidate_id)
{
  IvcCandidate *candidate = ivc_candidate_store_find (store, candidate_id);

  return candidate ? ivc_candidate_get_summary (candidate) : NULL;
}

/* Bob writes, Ann's watching store sees it arrive, change and go. */
static void
test_teammate_arrives_changes_goes (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) ann = open_store (fixture, "ann", "Ann Lee", TRUE);
  g_autoptr(IvcCandidateStore) bob = open_store (fixture, "bob", "Bob Marsh", FALSE);
  g_autofree char *id = NULL;
  g_autofree char *bob_file = NULL;
  g_autofree char *bob_folder = NULL;
  IvcCandidate *candidate;
  guint before;

  g_assert_cmpuint (g_list_model_get_n_items (ivc_candidate_store_get_candidates (ann)), ==, 0);

  candidate = ivc_candidate_store_create (bob, "Zoë Ångström", "Backend Engineer", "2026-03-02", NULL);
  ivc_candidate_set_summary (candidate, "Strong on Go.");
  id = g_strdup (ivc_candidate_get_id (candidate));
  flush (bob);

  /* Arrives: listed, as a candidate only a teammate has interviewed. */
  wait_for_seconds (ivc_candidate_store_find (ann, id) != NULL &&
                    ivc_candidate_store_get_teammates_only (ann, id), TEAM_SECONDS);
  g_assert_cmpstr (ivc_candidate_get_name (ivc_candidate_store_find (ann, id)), ==, "Zoë Ångström");
  g_assert_cmpuint (ivc_candidate_store_get_n_teammates (ann, id), ==, 1);
  /* Nothing of ours is written for it until Ann scores. */
  g_assert_false (g_file_test (bob_file = g_build_filename (fixture->candidates, id, "ann.json", NULL),
                               G_FILE_TEST_EXISTS));
  g_clear_pointer (&bob_file, g_free);

  /* Changes. */
  before = n_changed (fixture, id);
  ivc_candidate_set_summary (candidate, "Strong on Go; weak on SQL.");
  flush (bob);
  wait_for_seconds (n_changed (fixture, id) > before, TEAM_SECONDS);

  /* Ann starts her own scorecard: no longer teammates only. */
  ivc_candidate_set_summary (ivc_candidate_store_find (ann, id), "Ann's view.");
  flush (ann);
  wait_for_seconds (!ivc_candidate_store_get_teammates_only (ann, id), TEAM_SECONDS);
  g_assert_cmpstr (summary_of (ann, id), ==, "Ann's view.");

  /* Bob's file goes: Ann's candidate stays, hers is written. */
  before = n_changed (fixture, id);
  bob_file = g_build_filename (fixture->candidates, id, "bob.json", NULL);
  g_assert_no_errno (g_unlink (bob_file));
  wait_for_seconds (n_changed (fixture, id) > before, TEAM_SECONDS);
  g_assert_cmpuint (ivc_candidate_store_get_n_teammates (ann, id), ==, 0);
  g_assert_nonnull (ivc_candidate_store_find (ann, id));

  g_assert_cmpuint (fixture->notices->len, ==, 0);
  finalize_store (g_steal_pointer (&bob));
  finalize_store (g_steal_pointer (&ann));
  (void)bob_folder;
}

static gboolean
listed (IvcCandidateStore *store,
        IvcCandidate      *candidate)
{
  return g_list_store_find (G_LIST_STORE (ivc_candidate_store_get_candidates (store)), candidate, NULL);
}

/* A candidate only teammates had goes from the list when their files go;
 * what is typed for them then is kept. */
static void
test_teammate_only_goes (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) ann = open_store (fixture, "ann", "Ann Lee", TRUE);
  g_autofree char *folder = g_build_filename (fixture->candidates, "c-cafe", NULL);
  g_autofree char *file = g_build_filename (folder, "bob.json", NULL);
  g_autofree char *temp = g_build_filename (folder, ".syncthing.bob.json.tmp", NULL);
  g_autofree char *contents = teammate_file ("c-cafe", "bob", "Ola Nordmann", NULL);
  g_autofree char *own = g_build_filename (folder, "ann.json", NULL);
  g_autoptr(IvcCandidate) candidate = NULL;

  /* As a sync tool writes: a temporary file, then a rename. */
  write_file (temp, contents);
  g_assert_no_errno (g_rename (temp, file));
  wait_for_seconds (ivc_candidate_store_find (ann, "c-cafe") != NULL, TEAM_SECONDS);
  g_assert_true (ivc_candidate_store_get_teammates_only (ann, "c-cafe"));

  /* Ann has it open, but has typed nothing yet. */
  candidate = g_object_ref (ivc_candidate_store_find (ann, "c-cafe"));

  g_assert_no_errno (g_unlink (file));
  g_assert_no_errno (g_rmdir (folder));
  wait_for_seconds (!listed (ann, candidate), TEAM_SECONDS);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  /* She types: nothing is lost, the candidate is hers now. */
  ivc_candidate_set_summary (candidate, "Typed after Bob's file went.");
  g_assert_true (listed (ann, candidate));
  flush (ann);
  g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));
  g_assert_true (ivc_candidate_store_find (ann, "c-cafe") == candidate);

  /* Bob's file comes again: one candidate, listed once. */
  write_file (temp, contents);
  g_assert_no_errno (g_rename (temp, file));
  wait_for_seconds (ivc_candidate_store_get_n_teammates (ann, "c-cafe") == 1, TEAM_SECONDS);
  g_assert_true (listed (ann, candidate));
  g_assert_cmpuint (g_list_model_get_n_items (ivc_candidate_store_get_candidates (ann)), ==, 1);

  finalize_store (g_steal_pointer (&ann));
}

/* Our own saves are not a teammate's change. */
static void
test_own_writes_do_not_echo (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) ann = open_store (fixture, "ann", "Ann Lee", TRUE);
  g_autofree char *other = g_build_filename (fixture->candidates, "c-beef", "bob.json", NULL);
  g_autofree char *contents = teammate_file ("c-beef", "bob", "Ola Nordmann", NULL);
  IvcCandidate *candidate;
  g_autofree char *id = NULL;

  candidate = ivc_candidate_store_create (ann, "Kim Park", NULL, NULL, NULL);
  id = g_strdup (ivc_candidate_get_id (candidate));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Take %u", i);

      ivc_candidate_set_summary (candidate, summary);
      flush (ann);
    }

  /* A teammate's file after ours: once it is seen, ours were read too. */
  write_file (other, contents);
  wait_for_seconds (ivc_candidate_store_find (ann, "c-beef") != NULL, TEAM_SECONDS);
  g_assert_cmpuint (n_changed (fixture, id), ==, 0);
  g_assert_false (ivc_candidate_store_get_teammates_only (ann, id));

  finalize_store (g_steal_pointer (&ann));
}

typedef struct
{
  const char *name;
  const char *reason;
} Hostile;

/* Whatever a teammate's sync brings: never a crash, nothing written
 * outside, reported once each with path and reason, left as it is. */
static void
test_hostile_files (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(IvcCandidateStore) ann = open_store (fixture, "ann", "Ann Lee", TRUE);
  g_autofree char *folder = g_build_filename (fixture->candidates, "c-bad", NULL);
  g_autofree char *good = g_build_filename (folder, "bob.json", NULL);
  g_autofree char *ours = g_build_filename (folder, "ann.json", NULL);
  g_autofree char *outside = g_build_filename (fixture->tmp, "secret.json", NULL);
  g_autofree char *outside_before = NULL;
  g_autofree char *good_contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"format\": 1, \"name\": \"X\", \"notes\": ");
  g_autoptr(GString) all = g_string_new (NULL);
  gboolean root = geteuid () == 0;
  guint n_changes;
  static const Hostile hostile[] = {
    { "malformed.json", NULL },
    { "huge.json", "too large" },
    { "deep.json", NULL },
    { "newer.json", NULL },
    { "link.json", "a link to another place" },
    { "locked.json", NULL },
    { "folder.json", "folder" },
  };

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  {
    /* A good file: only refusing the link keeps it out. */
    g_autofree char *secret = teammate_file ("c-bad", "link", "Not in the team folder", NULL);

    write_file (outside, secret);
  }

  /* Each file is made aside and renamed in, as a sync tool does. */
  {
    g_autofree char *path = g_build_filename (folder, ".tmp", NULL);
    g_autofree char *target = NULL;
    g_autoptr(GError) error = NULL;
    char *huge;

    write_file (path, "{\"format\": 1, \"name\": ");
    g_rename (path, target = g_build_filename (folder, "malformed.json", NULL));
    g_clear_pointer (&target, g_free);

    huge = g_malloc (IVC_CANDIDATE_MAX_FILE_SIZE + 2);
    memset (huge, ' ', IVC_CANDIDATE_MAX_FILE_SIZE + 1);
    huge[IVC_CANDIDATE_MAX_FILE_SIZE + 1] = '\0';
    huge[0] = '{';
    huge[IVC_CANDIDATE_MAX_FILE_SIZE] = '}';
    g_assert_true (g_file_set_contents (path, huge, -1, &error));
    g_free (huge);
    g_rename (path, target = g_build_filename (folder, "huge.json", NULL));
    g_clear_pointer (&target, g_free);

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, '[');
    write_file (path, deep->str);
    g_rename (path, target = g_build_filename (folder, "deep.json", NULL));
    g_clear_pointer (&target, g_free);

    {
      g_autofree char *future = teammate_file ("c-bad", "newer", "From the future", NULL);
      char *format = strstr (future, "\"format\"");

      g_assert_nonnull (format);
      format = strchr (format, ':') + 1;
      while (*format == ' ')
        format++;
      *format = '9';
      write_file (path, future);
    }
    g_rename (path, target = g_build_filename (folder, "newer.json", NULL));
    g_clear_pointer (&target, g_free);

    target = g_build_filename (folder, "link.json", NULL);
    g_assert_no_errno (symlink (outside, target));
    g_clear_pointer (&target, g_free);

    {
      g_autofree char *locked = teammate_file ("c-bad", "locked", "Locked", NULL);

      write_file (path, locked);
    }
    g_assert_no_errno (g_chmod (path, 0));
    g_rename (path, target = g_build_filename (folder, "locked.json", NULL));
    g_clear_pointer (&target, g_free);

    target = g_build_filename (folder, "folder.json", NULL);
    g_assert_no_errno (g_mkdir (target, 0700));
    g_clear_pointer (&target, g_free);
  }

  before = describe_tree (folder);
  good_contents = teammate_file ("c-bad", "bob", "Ola Nordmann", NULL);
  write_file (good, good_contents);

  outside_before = describe_tree (outside);

  /* As an ordinary user, a file with no permissions cannot be read; root
   * reads it anyway, and then it is a good file, not a problem. */
  become_ordinary_user (fixture->tmp);

  wait_for_seconds (ivc_candidate_store_find (ann, "c-bad") != NULL, TEAM_SECONDS);
  wait_for (fixture->notices->len > 0);

  /* More changes in the folder: nothing is said again. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Take %u", i);
      g_autofree char *contents = teammate_file ("c-bad", "bob", "Ola Nordmann", summary);

      n_changes = n_changed (fixture, "c-bad");
      write_file (good, contents);
      wait_for_seconds (n_changed (fixture, "c-bad") > n_changes, TEAM_SECONDS);
    }

  for (guint i = 0; i < fixture->notices->len; i++)
    g_string_append_printf (all, "%s\n", (char *)g_ptr_array_index (fixture->notices, i));

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_build_filename (folder, hostile[i].name, NULL);
      g_auto(GStrv) lines = g_strsplit (all->str, "\n", -1);
      const char *found = NULL;
      guint n_lines = 0;

      /* One line per problem, which starts with the path. */
      for (guint j = 0; lines[j] != NULL; j++)
        if (g_str_has_prefix (lines[j], path))
          {
            n_lines++;
            found = strstr (all->str, lines[j]);
          }

      if (strcmp (hostile[i].name, "locked.json") == 0 && root && getuid () == 0 && geteuid () == 0)
        continue;

      if (found == NULL)
        g_error ("%s was not reported:\n%s", path, all->str);
      /* Once. */
      if (n_lines > 1)
        g_error ("%s was reported more than once:\n%s", path, all->str);
      if (hostile[i].reason != NULL && strstr (found + strlen (path), hostile[i].reason) == NULL)
        g_error ("%s was reported without “%s”:\n%s", path, hostile[i].reason, all->str);
    }

  become_root_again ();

  /* Left exactly as they were (contents, modes, times, link targets);
   * nothing written outside. */
  g_assert_no_errno (g_unlink (good));
  after = describe_tree (folder);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  after = describe_tree (outside);
  g_assert_cmpstr (after, ==, outside_before);
  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));

  finalize_store (g_steal_pointer (&ann));
}

static void
test_resolve (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("ivc-team-XXXXXX", NULL);
  g_autofree char *regular = g_build_filename (tmp, "file", NULL);
  g_autofree char *missing = g_build_filename (tmp, "missing", NULL);

  g_assert_null (ivc_team_folder_resolve ("", &error));
  g_assert_no_error (error);

  g_assert_null (ivc_team_folder_resolve ("Sync/team", &error));
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "“Sync/team”"));
  g_clear_error (&error);

  g_assert_null (ivc_team_folder_resolve (missing, &error));
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  write_file (regular, "x");
  g_assert_null (ivc_team_folder_resolve (regular, &error));
  g_assert_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ);
  g_clear_error (&error);

  file = ivc_team_folder_resolve (tmp, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_file_peek_path (file), ==, tmp);

  remove_tree (tmp);
}

/* Copying into the team folder: every file copied and verified; the
 * originals removed only when moving and only when all were. */
static void
test_copy (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *private = g_build_filename (fixture->tmp, "private", NULL);
  g_autofree char *a = g_build_filename (private, "candidates", "c-1", "ann.json", NULL);
  g_autofree char *b = g_build_filename (private, "candidates", "c-2", "ann.json", NULL);
  g_autofree char *clash = g_build_filename (fixture->candidates, "c-2", "ann.json", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (private);
  g_autoptr(IvcTeamCopyResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *copy = NULL;

  write_file (a, "{\"format\": 1, \"name\": \"Ada\"}");
  write_file (b, "{\"format\": 1, \"name\": \"Bea\"}");
  write_file (clash, "{\"format\": 1, \"name\": \"Bea, other\"}");
  before = describe_tree (private);

  /* A clash: nothing is removed, even when moving. */
  result = ivc_team_folder_copy (from, fixture->folder, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_copied, ==, 1);
  g_assert_cmpuint (result->skipped->len, ==, 1);
  g_assert_cmpuint (result->n_removed, ==, 0);
  g_assert_nonnull (strstr (((GError *)result->skipped->pdata[0])->message, b));
  assert_file_equals (clash, "{\"format\": 1, \"name\": \"Bea, other\"}");
  g_assert_true (g_file_test (a, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (b, G_FILE_TEST_EXISTS));
  g_clear_pointer (&result, ivc_team_copy_result_free);

  /* A copy (the default) leaves the originals. */
  g_assert_no_errno (g_unlink (clash));
  result = ivc_team_folder_copy (from, fixture->folder, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_copied, ==, 1);
  g_assert_cmpuint (result->n_same, ==, 1);
  g_assert_cmpuint (result->skipped->len, ==, 0);
  g_assert_cmpuint (result->n_removed, ==, 0);
  copy = describe_tree (private);
  g_assert_cmpstr (copy, ==, before);
  assert_file_equals (clash, "{\"format\": 1, \"name\": \"Bea\"}");
  g_clear_pointer (&result, ivc_team_copy_result_free);

  /* Moving, all verified: the originals go. */
  result = ivc_team_folder_copy (from, fixture->folder, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_same, ==, 2);
  g_assert_cmpuint (result->n_removed, ==, 2);
  g_assert_false (g_file_test (a, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (b, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (clash, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/team/arrives-changes-goes", test_teammate_arrives_changes_goes);
  ADD ("/team/teammate-only-goes", test_teammate_only_goes);
  ADD ("/team/own-writes-do-not-echo", test_own_writes_do_not_echo);
  ADD ("/team/hostile-files", test_hostile_files);
  ADD ("/team/copy", test_copy);
  g_test_add_func ("/team/resolve", test_resolve);

  return g_test_run ();
}
