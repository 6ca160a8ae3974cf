/* test-quit-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Notes that are not lost, in a real window: quitting when they cannot be
 * saved (the dialog names every candidate with unsaved notes, and its
 * "Export…" writes every one of them into the folder chosen, as files the
 * app reads back), and the limit of notes, said while typing.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ivc-candidate-panel.h"
#include "ivc-candidate-store.h"
#include "ivc-question.h"
#include "ivc-window.h"

#include "ivc-test-util.h"

typedef struct
{
  char              *tmp;
  char              *candidates;
  char              *exports;
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
  g_settings_reset (settings, "side-panel-visible");

  fixture->tmp = g_dir_make_tmp ("ivc-quit-ui-XXXXXX", NULL);
  fixture->candidates = g_build_filename (fixture->tmp, "data", "candidates", NULL);
  fixture->exports = g_build_filename (fixture->tmp, "exports", NULL);
  g_assert_no_errno (g_mkdir (fixture->exports, 0700));

  folder = g_file_new_build_filename (fixture->tmp, "data", NULL);
  fixture->store = ivc_candidate_store_new (folder, "tester-1", "Tester");
  g_assert_true (ivc_candidate_store_load (fixture->store, NULL, NULL, NULL));

  fixture->window = g_object_ref_sink (g_object_new (IVC_TYPE_WINDOW, NULL));
  ivc_window_set_store (fixture->window, fixture->store);
  ivc_window_load_bundled_bank (fixture->window);
  ivc_window_candidates_loaded (fixture->window, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  flush_events ();

  /* GTK's chooser opens in the current folder: a small one. */
  g_assert_no_errno (g_chdir (fixture->exports));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  flush_events ();

  /* The disk is back: nothing is left unsaved, and nothing warns. */
  if (g_file_test (fixture->candidates, G_FILE_TEST_IS_REGULAR))
    g_assert_no_errno (g_unlink (fixture->candidates));
  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));
  /* A retry may have started on a worker just before: it holds the
   * store until its answer reaches the main loop. */
  wait_until (!ivc_candidate_store_get_saving (fixture->store) &&
              g_atomic_int_get (&G_OBJECT (fixture->store)->ref_count) == 1);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  g_assert_no_errno (g_chdir (g_get_tmp_dir ()));
  remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
  g_clear_pointer (&fixture->candidates, g_free);
  g_clear_pointer (&fixture->exports, g_free);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* The disk refuses every save, whoever runs the test (root included): the
 * candidates folder is a file. */
static void
break_saving (Fixture *fixture)
{
  remove_tree (fixture->candidates);
  write_file (fixture->candidates, "not a folder");
}

/* Types @text as the notes of the question on screen, for @candidate. */
static void
type_notes (Fixture      *fixture,
            IvcCandidate *candidate,
            const char   *text)
{
  GtkWidget *panel = template_child (fixture->window, IVC_TYPE_WINDOW, "candidate_panel");
  GtkWidget *notes;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-candidate", "s",
                                             ivc_candidate_get_id (candidate)));
  /* The candidate page is built once a candidate is shown. */
  wait_until (ivc_window_get_candidate (fixture->window) != NULL);
  notes = template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "notes_view");
  wait_until (ivc_window_get_candidate (fixture->window) == candidate);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)), text, -1);
  flush_events ();
}

/* The candidate written in the exports folder whose notes hold @notes,
 * read back as the app reads its own files. */
static IvcCandidate *
find_export (Fixture    *fixture,
             const char *notes)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->exports, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->exports, name, NULL);
      g_autofree char *contents = read_file (path);

      if (strstr (contents, notes) != NULL)
        {
          g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), strlen (contents));
          g_autoptr(GError) error = NULL;
          IvcCandidate *candidate;

          candidate = ivc_candidate_new_from_bytes (bytes, path, &error);
          g_assert_no_error (error);
          return candidate;
        }
    }

  return NULL;
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* Goes to @folder in the chooser and waits until it has loaded it. A
 * folder chooser starts in GTK's "startup-mode" setting, which may be
 * Recent: with no recent files, that view never gets a list to load. */
static void
choose_folder (GtkWindow *chooser,
               GFile     *folder)
{
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  wait_for_chooser (chooser);
}

/* Quits, answers the dialog with "Export…" and chooses @folder; returns
 * the dialog's body text. */
static char *
quit_and_export (Fixture    *fixture,
                 const char *folder_path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *body = NULL;
  IvcAlert *dialog;
  GtkWindow *chooser;

  gtk_window_close (GTK_WINDOW (fixture->window));
  wait_until (ivc_alert_find_shown () != NULL);
  dialog = ivc_alert_find_shown ();
  body = g_strdup (ivc_alert_get_body (dialog));
  alert_respond (dialog, "export");

  wait_until (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  choose_folder (chooser, folder);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  return g_steal_pointer (&body);
}

/* The dialog that says what the export did: its body, after answering it
 * with @response. */
static char *
answer_result (Fixture    *fixture,
               const char *heading,
               const char *response)
{
  IvcAlert *dialog;
  g_autofree char *body = NULL;

  wait_until (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL &&
              ivc_alert_find_shown () != NULL &&
              g_strcmp0 (ivc_alert_get_heading (ivc_alert_find_shown ()),
                         heading) == 0);
  dialog = ivc_alert_find_shown ();
  body = g_strdup (ivc_alert_get_body (dialog));
  alert_respond (dialog, response);

  return g_steal_pointer (&body);
}

static void
test_export_every_unsaved (Fixture       *fixture,
                           gconstpointer  data)
{
  IvcCandidate *ann = ivc_candidate_store_create (fixture->store, "Ann Archer", "", "", "");
  IvcCandidate *bob = ivc_candidate_store_create (fixture->store, "Bob Baker", "", "", "");
  g_autoptr(IvcCandidate) ann_export = NULL;
  g_autoptr(IvcCandidate) bob_export = NULL;
  g_autofree char *body = NULL;
  g_autofree char *exports = NULL;

  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));
  break_saving (fixture);

  /* Notes for Ann, then for Bob: Bob is the current candidate at quit. */
  type_notes (fixture, ann, "Ann explained sagas well");
  type_notes (fixture, bob, "Bob knew his queues");

  body = quit_and_export (fixture, fixture->exports);

  /* Every unsaved candidate is written, the app says where, and the
   * window closes after. */
  wait_until (!gtk_widget_get_visible (GTK_WIDGET (fixture->window)) ||
              count_files (fixture->exports) >= 2);
  if (gtk_widget_get_visible (GTK_WIDGET (fixture->window)))
    {
      g_autofree char *result = answer_result (fixture, "Notes Exported", "quit");

      g_assert_nonnull (strstr (result, fixture->exports));
      g_assert_nonnull (strstr (result, "Ann Archer: "));
      g_assert_nonnull (strstr (result, "Bob Baker: "));
    }
  wait_until (!gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  exports = list_folder (fixture->exports);
  ann_export = find_export (fixture, "Ann explained sagas well");
  bob_export = find_export (fixture, "Bob knew his queues");
  if (ann_export == NULL || bob_export == NULL)
    g_printerr ("# exported: %s\n", exports);
  g_assert_nonnull (ann_export);
  g_assert_nonnull (bob_export);
  g_assert_cmpstr (ivc_candidate_get_name (ann_export), ==, "Ann Archer");
  g_assert_cmpstr (ivc_candidate_get_id (ann_export), ==, ivc_candidate_get_id (ann));
  g_assert_cmpstr (ivc_candidate_get_name (bob_export), ==, "Bob Baker");

  /* The dialog said whose notes were not saved: both. */
  g_assert_nonnull (strstr (body, "Ann Archer"));
  g_assert_nonnull (strstr (body, "Bob Baker"));
}

/* An export never replaces a file already there, such as the one of an
 * earlier attempt: a second export of the same notes sits beside it. */
static void
test_export_keeps_existing (Fixture       *fixture,
                            gconstpointer  data)
{
  IvcCandidate *ann = ivc_candidate_store_create (fixture->store, "Ann Archer", "", "", "");
  g_autofree char *body = NULL;
  g_autofree char *taken = NULL;

  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));
  break_saving (fixture);
  type_notes (fixture, ann, "Ann explained sagas well");

  taken = g_strdup_printf ("%s/Ann Archer notes.json", fixture->exports);
  write_file (taken, "someone else's file");

  body = quit_and_export (fixture, fixture->exports);
  wait_until (count_files (fixture->exports) == 2);
  if (gtk_widget_get_visible (GTK_WIDGET (fixture->window)))
    g_free (answer_result (fixture, "Notes Exported", "quit"));
  wait_until (!gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  assert_file_equals (taken, "someone else's file");
  g_assert_cmpuint (count_files (fixture->exports), ==, 2);
  g_assert_nonnull (strstr (body, "Ann Archer"));
  {
    g_autoptr(IvcCandidate) ann_export = find_export (fixture, "Ann explained sagas well");

    g_assert_nonnull (ann_export);
  }
}

/* A failed export says so, and the window stays open with the notes. */
static void
test_export_failure_keeps_window (Fixture       *fixture,
                                  gconstpointer  data)
{
  IvcCandidate *ann = ivc_candidate_store_create (fixture->store, "Ann Archer", "", "", "");
  g_autofree char *body = NULL;
  g_autofree char *gone = g_build_filename (fixture->exports, "gone", NULL);

  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));
  break_saving (fixture);
  type_notes (fixture, ann, "Ann explained sagas well");

  /* The folder chosen disappears before the files are written. */
  g_assert_no_errno (g_mkdir (gone, 0700));
  gtk_window_close (GTK_WINDOW (fixture->window));
  {
    IvcAlert *dialog;
    GtkWindow *chooser;
    g_autoptr(GFile) folder = g_file_new_for_path (gone);

    wait_until (ivc_alert_find_shown () != NULL);
    dialog = ivc_alert_find_shown ();
    alert_respond (dialog, "export");
    wait_until (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
    chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
    choose_folder (chooser, folder);
    g_assert_no_errno (g_rmdir (gone));
    write_file (gone, "not a folder");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  }

  /* What failed is said in a dialog, which names the candidate, and the
   * window stays open. */
  body = answer_result (fixture, "Notes Could Not Be Exported", "keep");
  g_assert_nonnull (strstr (body, "Ann Archer: "));
  flush_events ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
}

/* Typing stops at the limit of notes, and a notice under them says so
 * as the limit nears. */
static void
test_notes_limit (Fixture       *fixture,
                  gconstpointer  data)
{
  IvcCandidate *ann = ivc_candidate_store_create (fixture->store, "Ann Archer", "", "", "");
  GtkWidget *panel = template_child (fixture->window, IVC_TYPE_WINDOW, "candidate_panel");
  GtkTextView *notes;
  GtkWidget *notice;
  GtkTextBuffer *buffer;
  g_autofree char *most = g_strnfill (IVC_EVALUATION_MAX_NOTES_CHARS - 5, 'a');
  g_autofree char *limit = g_strdup_printf ("%d", IVC_EVALUATION_MAX_NOTES_CHARS);
  IvcEvaluation *evaluation;

  type_notes (fixture, ann, "Short notes");
  /* On the candidate page, built once a candidate is shown. */
  notes = GTK_TEXT_VIEW (template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "notes_view"));
  notice = template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "notes_limit_label");
  buffer = gtk_text_view_get_buffer (notes);
  g_assert_false (gtk_widget_get_visible (notice));

  /* Near the limit: how much room is left. */
  gtk_text_buffer_set_text (buffer, most, -1);
  flush_events ();
  g_assert_true (gtk_widget_get_mapped (notice));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (notice)), limit));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (notice)), "5 left"));
  g_assert_false (gtk_widget_has_css_class (notice, "warning"));

  /* Typed (or pasted) past it: what fits goes in, in the notes and in
   * the model alike. */
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    gtk_text_buffer_place_cursor (buffer, &start);
  }
  g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (buffer, "0123456789", -1, TRUE));
  flush_events ();
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, IVC_EVALUATION_MAX_NOTES_CHARS);
  evaluation = ivc_candidate_get_evaluation (ann, ivc_question_get_id (ivc_window_get_selected_question (fixture->window)));
  g_assert_true (g_str_has_prefix (ivc_evaluation_get_notes (evaluation), "01234a"));
  g_assert_cmpuint (strlen (ivc_evaluation_get_notes (evaluation)), ==, IVC_EVALUATION_MAX_NOTES_CHARS);
  g_assert_true (gtk_widget_get_mapped (notice));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (notice)), "no more can be added"));
  g_assert_true (gtk_widget_has_css_class (notice, "warning"));

  /* Shorter again: the notice goes. */
  gtk_text_buffer_set_text (buffer, "Short again", -1);
  flush_events ();
  g_assert_false (gtk_widget_get_visible (notice));
  g_assert_cmpstr (ivc_evaluation_get_notes (evaluation), ==, "Short again");
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

  g_test_add ("/ivc/quit/export-every-unsaved", Fixture, NULL,
              fixture_setup, test_export_every_unsaved, fixture_teardown);
  g_test_add ("/ivc/quit/export-keeps-existing", Fixture, NULL,
              fixture_setup, test_export_keeps_existing, fixture_teardown);
  g_test_add ("/ivc/quit/export-failure-keeps-window", Fixture, NULL,
              fixture_setup, test_export_failure_keeps_window, fixture_teardown);
  g_test_add ("/ivc/panel/notes-limit", Fixture, NULL,
              fixture_setup, test_notes_limit, fixture_teardown);

  return g_test_run ();
}
