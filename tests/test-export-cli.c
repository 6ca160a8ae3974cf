/* test-export-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A candidate interviewed in the window, exported from the window (Ctrl+E
 * and the file chooser) and from the command line (--export): the same
 * bytes, in each format.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ivc-candidate-store.h"
#include "ivc-export.h"
#include "ivc-window.h"

#include "ivc-test-util.h"

typedef struct
{
  char              *tmp;
  char              *data_home;
  IvcCandidateStore *store;
  IvcWindow         *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) folder = NULL;

  g_settings_reset (settings, "last-question");
  g_settings_reset (settings, "last-candidate");

  /* Where the program looks by itself: $XDG_DATA_HOME/interview-companion. */
  fixture->tmp = g_dir_make_tmp ("ivc-export-cli-XXXXXX", NULL);
  fixture->data_home = g_build_filename (fixture->tmp, "data", NULL);
  folder = g_file_new_build_filename (fixture->data_home, "interview-companion", NULL);
  fixture->store = ivc_candidate_store_new (folder, "tester-1", "Tess Tester");
  g_assert_true (ivc_candidate_store_load (fixture->store, NULL, NULL, NULL));

  fixture->window = g_object_ref_sink (g_object_new (IVC_TYPE_WINDOW, NULL));
  ivc_window_set_store (fixture->window, fixture->store);
  ivc_window_load_bundled_bank (fixture->window);
  ivc_window_candidates_loaded (fixture->window, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  flush_events ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* An export holds the window until its file is closed, a moment after
   * the file is whole. */
  wait_until (g_atomic_int_get (&G_OBJECT (fixture->window)->ref_count) == 1);
  g_assert_finalize_object (fixture->window);
  flush_events ();
  g_clear_object (&fixture->store);
  remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
  g_clear_pointer (&fixture->data_home, g_free);
}

static GtkWindow *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

/* Ctrl+E, then the file chooser as a person uses it: a name, Save. */
static char *
export_from_window (Fixture    *fixture,
                    const char *name,
                    const char *expected)
{
  g_autofree char *path = g_build_filename (fixture->tmp, name, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->tmp);
  g_autoptr(GFile) current = NULL;
  GtkWindow *chooser;
  char *contents = NULL;

  wait_until (find_chooser () == NULL);
  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "ctrl+e", NULL));
  wait_until ((chooser = find_chooser ()) != NULL);

  /* GTK 4.8's chooser complains when a folder stops loading half-way. */
  wait_for_chooser (chooser);
  current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  if (current == NULL || !g_file_equal (current, folder))
    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  wait_for_chooser (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  /* A new file is written in place: wait until it is whole, which is
   * when it holds what is expected, or fail showing what it holds. */
  contents = wait_for_file_contents (path, expected);
  g_assert_nonnull (contents);
  return contents;
}

static char *
export_from_command_line (Fixture    *fixture,
                          const char *candidate,
                          const char *format)
{
  const char *program = g_getenv ("IVC_PROGRAM");
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *config_home = g_build_filename (fixture->tmp, "config", NULL);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_nonnull (program);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", fixture->data_home, TRUE);
  /* The same interviewer as in the window: their own scorecard. */
  envp = environ_as_interviewer (envp, config_home, "tester-1", "interviewer-name", "'Tess Tester'", NULL);

  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *)program, (char *)"--export", (char *)candidate,
                                                  (char *)"--format", (char *)format, NULL },
                               envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("--export %s --format %s failed: %s", candidate, format, err);

  return out;
}

static void
test_same_export (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *formats[][2] = { { "md", "scorecard.md" }, { "csv", "scorecard.csv" }, { "json", "scorecard.json" } };
  g_autoptr(IvcCandidate) candidate = NULL;
  const char *program = g_getenv ("IVC_PROGRAM");

  if (!can_send_keys ())
    return;

  /* An interview, typed: a name, a score, notes that a spreadsheet or a
   * Markdown viewer would take for something else. */
  g_assert_true (ivc_window_select_question (fixture->window, "what-is-the-saga-pattern"));
  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "ctrl+n", NULL));
  wait_for_dialog_entry ();
  g_assert_true (type_text ("Ada Lovelace"));
  g_assert_true (send_keys (NULL, "Return", NULL));
  wait_until (g_list_model_get_n_items (ivc_candidate_store_get_candidates (fixture->store)) == 1);
  candidate = g_list_model_get_item (ivc_candidate_store_get_candidates (fixture->store), 0);
  wait_until (!dialog_shown ());

  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "alt+3", "alt+x", "alt+n", NULL));
  wait_for_notes (fixture->window);
  g_assert_true (type_text_into (GTK_WINDOW (fixture->window), "=SUM(A1) # not a heading, \"quoted\"; done"));
  wait_until (ivc_candidate_get_evaluation (candidate, "what-is-the-saga-pattern") != NULL &&
              g_str_has_suffix (ivc_evaluation_get_notes (ivc_candidate_get_evaluation (candidate, "what-is-the-saga-pattern")),
                                "done"));

  /* Text xdotool cannot type, as the recommendation panel would set it. */
  ivc_candidate_set_summary (candidate, "Café — 中文, @mention\nsecond line");
  ivc_candidate_set_recommendation (candidate, IVC_RECOMMENDATION_YES);
  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));

  g_assert_nonnull (program);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *by_name = export_from_command_line (fixture, "ada lovelace", formats[i][0]);
      g_autofree char *by_id = export_from_command_line (fixture, ivc_candidate_get_id (candidate), formats[i][0]);
      g_autofree char *from_window = export_from_window (fixture, formats[i][1], by_name);

      g_test_message ("%s: %zu bytes", formats[i][0], strlen (from_window));
      g_assert_cmpstr (by_name, ==, from_window);
      g_assert_cmpstr (by_id, ==, from_window);
      g_assert_nonnull (strstr (from_window, "Ada Lovelace"));
    }
}

static void
test_unknown_candidate (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *program = g_getenv ("IVC_PROGRAM");
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", fixture->data_home, TRUE);
  g_autofree char *err = NULL;
  int status;

  ivc_candidate_store_create (fixture->store, "Bo", NULL, NULL, NULL);
  ivc_candidate_store_create (fixture->store, "Bo", NULL, NULL, NULL);
  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));

  /* Unknown: a clear error and exit status 1. */
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *)program, (char *)"--export", (char *)"Nobody", NULL },
                               envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "No candidate has the id or name “Nobody”"));
  g_clear_pointer (&err, g_free);

  /* Ambiguous: the same, with the ids to choose from. */
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *)program, (char *)"--export", (char *)"bo", NULL },
                               envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, NULL));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "2 candidates are called “bo”"));
  g_clear_pointer (&err, g_free);

  /* A format that does not exist. */
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *)program, (char *)"--export", (char *)"Bo",
                                                  (char *)"--format", (char *)"xlsx", NULL },
                               envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, NULL));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "xlsx"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display: widget tests need one (the README's test command starts Xvfb)\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ivc/export-cli/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("same-export", test_same_export);
  ADD ("unknown-candidate", test_unknown_candidate);

  return g_test_run ();
}
