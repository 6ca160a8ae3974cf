/* test-banks-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Question banks of one's own, in a real window: importing (and refusing
 * a bank with problems), the next start, updating a bank with notes on
 * it, removing one, and candidates that know their bank.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ivc-bank-library.h"
#include "ivc-bank-switcher.h"
#include "ivc-candidate-panel.h"
#include "ivc-candidate-store.h"
#include "ivc-scorecard.h"
#include "ivc-scorecard-window.h"
#include "ivc-comparison-view.h"
#include "ivc-window.h"

#include "ivc-test-util.h"

typedef struct
{
  char              *tmp;
  GFile             *banks;
  IvcBankLibrary    *library;
  IvcCandidateStore *store;
  IvcWindow         *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) candidates = NULL;

  g_settings_reset (settings, "last-question");
  g_settings_reset (settings, "last-candidate");
  g_settings_reset (settings, "last-bank");

  fixture->tmp = g_dir_make_tmp ("ivc-banks-ui-XXXXXX", NULL);
  fixture->banks = g_file_new_build_filename (fixture->tmp, "banks", NULL);
  candidates = g_file_new_build_filename (fixture->tmp, "data", NULL);

  fixture->library = ivc_bank_library_new (fixture->banks, NULL);
  g_assert_true (ivc_bank_library_load (fixture->library, NULL, NULL, NULL));
  fixture->store = ivc_candidate_store_new (candidates, "tester-1", "Tester");
  g_assert_true (ivc_candidate_store_load (fixture->store, NULL, NULL, NULL));

  fixture->window = g_object_ref_sink (g_object_new (IVC_TYPE_WINDOW, NULL));
  ivc_window_set_store (fixture->window, fixture->store);
  ivc_window_set_bank_library (fixture->window, fixture->library);
  ivc_window_bank_library_loaded (fixture->window);
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
  g_assert_finalize_object (fixture->window);
  flush_events ();
  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->banks);
  remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
}

static GFile *
test_bank (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_file_new_for_path (path);
}

/* The banks' switcher, made when its button first opens: opened (and
 * closed) if it has not been yet. */
static GtkWidget *
bank_switcher (Fixture *fixture)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (template_child (fixture->window, IVC_TYPE_WINDOW, "bank_button"));

  if (gtk_menu_button_get_popover (button) == NULL)
    {
      gtk_menu_button_popup (button);
      gtk_menu_button_popdown (button);
    }
  g_assert_nonnull (gtk_menu_button_get_popover (button));

  return gtk_popover_get_child (gtk_menu_button_get_popover (button));
}

static const char *
shown_bank_id (Fixture *fixture)
{
  IvcQuestionBank *bank = ivc_window_get_bank (fixture->window);

  return bank ? ivc_question_bank_get_id (bank) : NULL;
}

static guint
count_files (GFile *folder)
{
  g_autofree char *path = g_file_get_path (folder);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  /* Bank files: each has an image beside it (ivc-bank-image.c), which is
   * no bank. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      n++;

  return n;
}


/* A bank file written for the test, from a JSON text. */
static GFile *
write_bank (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->tmp, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static void
test_import_and_next_start (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = test_bank ("frontend.json");
  g_autoptr(IvcBankLibrary) next_start = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last_bank = NULL;

  g_assert_cmpstr (shown_bank_id (fixture), ==, "microservices");

  ivc_window_import_bank (fixture->window, file);
  wait_until (g_strcmp0 (shown_bank_id (fixture), "frontend") == 0);

  /* Its levels and questions are listed. */
  g_assert_cmpuint (ivc_window_get_n_visible_questions (fixture->window), ==, 15);
  g_assert_cmpuint (ivc_question_bank_get_n_levels (ivc_window_get_bank (fixture->window)), ==, 3);

  /* Copied into the library: listed now, and at the next start. */
  g_assert_nonnull (ivc_bank_library_lookup (fixture->library, "frontend"));
  next_start = ivc_bank_library_new (fixture->banks, NULL);
  g_assert_true (ivc_bank_library_load (next_start, NULL, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (next_start)), ==, 2);
  g_assert_nonnull (ivc_bank_library_lookup (next_start, "frontend"));

  /* And it is the one reopened. */
  last_bank = g_settings_get_string (settings, "last-bank");
  g_assert_cmpstr (last_bank, ==, "frontend");

  /* Ctrl+Shift+O's action opens the switcher, which lists both (the
   * built-in one in each of its languages). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-banks", NULL));
  wait_until (gtk_menu_button_get_popover (GTK_MENU_BUTTON (template_child (fixture->window, IVC_TYPE_WINDOW,
                                                                            "bank_button"))) != NULL);
  {
    GtkWidget *switcher = bank_switcher (fixture);
    GtkListBox *list = GTK_LIST_BOX (template_child (switcher, IVC_TYPE_BANK_SWITCHER, "list"));
    guint n_bundled = ivc_bank_library_get_n_bundled (fixture->library);

    wait_until (gtk_widget_get_mapped (switcher));
    g_assert_nonnull (gtk_list_box_get_row_at_index (list, n_bundled));
    g_assert_null (gtk_list_box_get_row_at_index (list, n_bundled + 1));
    gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (switcher, GTK_TYPE_POPOVER)));
  }

  /* The switcher goes back to the built-in bank. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-bank", "s", "microservices"));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "microservices") == 0);
}

static gboolean
filter_matches (GtkFileFilter *filter,
                const char    *name,
                const char    *content_type)
{
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  g_file_info_set_content_type (info, content_type);
  return gtk_filter_match (GTK_FILTER (filter), info);
}

static gboolean
chooser_has_file (GtkWindow *chooser,
                  GFile     *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return chosen != NULL && g_file_equal (chosen, file);
}

/* Ctrl+O, then the file chooser as a person uses it. GTK 4.10 and newer
 * take the GtkFileDialog path, GTK 4.8 the GtkFileChooserNative one: each
 * leg of CI runs one. */
static void
test_import_with_chooser (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = test_bank ("frontend.json");
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkWindow *chooser;

  g_assert_null (find_file_chooser ());
  if (can_send_keys ())
    g_assert_true (send_keys (GTK_WINDOW (fixture->window), "ctrl+o", NULL));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-bank", NULL));
  wait_until ((chooser = find_file_chooser ()) != NULL);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Import a Question Bank");
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_OPEN);

  /* The filter offers any .json and .md file, whatever its name says. */
  g_object_get (chooser, "filter", &filter, NULL);
  g_assert_nonnull (filter);
  {
    g_autoptr(GFileInfo) info = g_file_info_new ();

    g_assert_true (filter_matches (filter, "team-bank.json", "text/plain"));
    g_assert_true (filter_matches (filter, "Team Bank.JSON", "application/json"));
    g_assert_true (filter_matches (filter, "guide.md", "text/plain"));
    g_assert_true (filter_matches (filter, "frontend.interview-bank.json", "application/x-interview-bank+json"));
    g_assert_true (filter_matches (filter, "frontend.interview-guide.md", "text/x-interview-guide+markdown"));
    g_assert_false (filter_matches (filter, "notes.txt", "text/plain"));
  }

  wait_for_chooser (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  wait_for_chooser (chooser);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  wait_until (chooser_has_file (chooser, file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  wait_until (g_strcmp0 (shown_bank_id (fixture), "frontend") == 0);
  g_assert_nonnull (ivc_bank_library_lookup (fixture->library, "frontend"));
  wait_until (find_file_chooser () == NULL);
}

/* Files dropped on the window, as GTK hands them to its drop target. */
static gboolean
drop_files (Fixture    *fixture,
            const char *first_path,
            ...)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  g_autoptr(GSList) files = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  gboolean accepted = FALSE;
  va_list args;

  for (guint i = 0; target == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  va_start (args, first_path);
  for (const char *path = first_path; path != NULL; path = va_arg (args, const char *))
    files = g_slist_append (files, g_file_new_for_path (path));
  va_end (args);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free_full (g_steal_pointer (&files), g_object_unref);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);

  return accepted;
}

/* Dropped files: any .json or .md is taken, whatever its name says
 * besides; anything else is refused, with a word why. */
static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *frontend = g_test_build_filename (G_TEST_DIST, "data", "frontend.json", NULL);
  g_autofree char *upper = g_build_filename (fixture->tmp, "Frontend Bank.JSON", NULL);
  g_autofree char *text = g_build_filename (fixture->tmp, "notes.txt", NULL);
  g_autofree char *guide = g_build_filename (fixture->tmp, "guide.md", NULL);
  g_autofree char *contents = NULL;
  IvcAlert *alert;

  g_assert_true (g_file_get_contents (frontend, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (upper, contents, -1, NULL));
  g_assert_true (g_file_set_contents (text, "not a bank", -1, NULL));
  g_assert_true (g_file_set_contents (guide, "# Guide\n\n## Level\n\n### A question?\n", -1, NULL));

  g_assert_false (drop_files (fixture, text, NULL));
  g_assert_cmpstr (shown_bank_id (fixture), ==, "microservices");

  /* The first importable file of those dropped. */
  g_assert_true (drop_files (fixture, text, upper, NULL));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "frontend") == 0);

  /* A guide is taken too: imported where guides are read, or refused
   * with its problems in a dialog, never with "only banks". */
  g_assert_true (drop_files (fixture, guide, NULL));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "frontend") != 0 ||
              (alert = ivc_alert_find_shown ()) != NULL);
  alert = ivc_alert_find_shown ();
  if (alert != NULL)
    ivc_alert_close (alert);
}

static void
test_import_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = write_bank (fixture, "broken.json",
                                      "{\"format\": 1, \"id\": \"broken\", \"title\": \"Broken\",\n"
                                      " \"levels\": [{\"id\": \"a\", \"title\": \"A\", \"questions\": [\n"
                                      "  {\"id\": \"q\", \"question\": \"Q?\", \"strong_answer\": \"\"}]}]}\n");
  IvcAlert *dialog;
  GtkWidget *extra;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  ivc_window_import_bank (fixture->window, file);
  wait_until ((dialog = ivc_alert_find_shown ()) != NULL);

  /* The located problems are shown, nothing is written, nothing changes. */
  g_assert_cmpstr (ivc_alert_get_heading (dialog), ==, "Cannot Import “broken.json”");
  extra = ivc_alert_get_extra_child (dialog);
  g_assert_nonnull (extra);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (extra))));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "broken.json:3:"));
  g_assert_nonnull (strstr (text, "strong_answer"));

  g_assert_cmpuint (count_files (fixture->banks), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
  g_assert_cmpstr (shown_bank_id (fixture), ==, "microservices");

  ivc_alert_close (dialog);
}

/* The SQL bank, without one of its questions and with a changed title. */
static GFile *
write_sql_without (Fixture    *fixture,
                   const char *question_id)
{
  g_autoptr(GFile) original = test_bank ("sql.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *path = g_file_get_path (original);
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonArray *levels;

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "title", "SQL, second edition");
  levels = json_object_get_array_member (root, "levels");
  for (guint i = 0; i < json_array_get_length (levels); i++)
    {
      JsonArray *questions = json_object_get_array_member (json_array_get_object_element (levels, i), "questions");

      for (guint j = 0; j < json_array_get_length (questions); j++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (questions, j), "id"),
                         question_id))
          {
            json_array_remove_element (questions, j);
            break;
          }
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  return write_bank (fixture, "sql-v2.json", text);
}

static void
test_update_keeps_notes (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) v1 = test_bank ("sql.json");
  g_autoptr(GFile) v2 = write_sql_without (fixture, "deadlocks");
  g_autoptr(IvcScorecard) scorecard = NULL;
  IvcCandidatePanel *panel = IVC_CANDIDATE_PANEL (template_child (fixture->window, IVC_TYPE_WINDOW, "candidate_panel"));
  GtkLabel *orphans;
  IvcCandidate *candidate;
  IvcEvaluation *evaluation;

  ivc_window_import_bank (fixture->window, v1);
  wait_until (g_strcmp0 (shown_bank_id (fixture), "sql") == 0);

  candidate = ivc_candidate_store_create (fixture->store, "Edgar Codd", NULL, NULL, "sql");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-candidate", "s",
                                             ivc_candidate_get_id (candidate)));
  /* The candidate page is built once a candidate is shown. */
  wait_until (ivc_window_get_candidate (fixture->window) != NULL);
  orphans = GTK_LABEL (template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "orphans_label"));
  evaluation = ivc_candidate_ensure_evaluation (candidate, "deadlocks");
  ivc_evaluation_set_score (evaluation, IVC_SCORE_GOOD);
  ivc_evaluation_set_notes (evaluation, "Lock ordering, retries");
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (candidate, "keys"), "Natural vs surrogate");
  flush_events ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (orphans)));

  /* The newer version drops "deadlocks": one bank, updated, same id. */
  ivc_window_import_bank (fixture->window, v2);
  wait_until (g_strcmp0 (ivc_question_bank_get_title (ivc_window_get_bank (fixture->window)), "SQL, second edition") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 2);
  g_assert_cmpuint (count_files (fixture->banks), ==, 1);
  g_assert_cmpstr (ivc_candidate_get_bank_id (candidate), ==, "sql");

  /* Every note is kept by question id; the one on the removed question is
   * shown as no longer in the bank, in the panel and in the scorecard. */
  g_assert_cmpstr (ivc_evaluation_get_notes (ivc_candidate_get_evaluation (candidate, "keys")), ==, "Natural vs surrogate");
  wait_until (gtk_widget_get_visible (GTK_WIDGET (orphans)));
  g_assert_nonnull (strstr (gtk_label_get_text (orphans), "Lock ordering, retries"));

  scorecard = ivc_scorecard_new (candidate, ivc_window_get_bank (fixture->window));
  g_assert_cmpuint (ivc_scorecard_get_n_removed (scorecard), ==, 1);
  g_assert_cmpstr (ivc_scorecard_get_removed (scorecard, 0)->question_id, ==, "deadlocks");
  g_assert_cmpstr (ivc_scorecard_get_removed (scorecard, 0)->notes, ==, "Lock ordering, retries");
  g_assert_cmpint (ivc_scorecard_get_removed (scorecard, 0)->score, ==, IVC_SCORE_GOOD);
  g_assert_nonnull (ivc_scorecard_find_entry (scorecard, "keys"));
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) file = test_bank ("people-management.json");

  ivc_window_import_bank (fixture->window, file);
  wait_until (g_strcmp0 (shown_bank_id (fixture), "people-management") == 0);
  g_assert_cmpuint (count_files (fixture->banks), ==, 1);

  /* Removing the bank on screen goes back to the built-in one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-bank", "s",
                                             "people-management"));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "microservices") == 0);
  g_assert_null (ivc_bank_library_lookup (fixture->library, "people-management"));
  g_assert_cmpuint (count_files (fixture->banks), ==, 0);
  g_assert_true (ivc_bank_library_has_removed (fixture->library, "people-management"));

  /* The built-in bank cannot be removed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-bank", "s", "microservices"));
  flush_events ();
  g_assert_nonnull (ivc_bank_library_lookup (fixture->library, "microservices"));
}

static void
test_candidate_bank (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) sql = test_bank ("sql.json");
  IvcCandidate *ada, *bo;

  ivc_window_import_bank (fixture->window, sql);
  wait_until (g_strcmp0 (shown_bank_id (fixture), "sql") == 0);

  /* A new candidate records the bank on screen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-bank", "s", "microservices"));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "microservices") == 0);
  ada = ivc_candidate_store_create (fixture->store, "Ada", NULL, NULL, "sql");
  bo = ivc_candidate_store_create (fixture->store, "Bo", NULL, NULL, "microservices");
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (ada, "keys"), IVC_SCORE_STRONG);
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (bo, "what-are-microservices"), IVC_SCORE_POOR);

  /* Switching to a candidate switches to their bank, and back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-candidate", "s", ivc_candidate_get_id (ada)));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "sql") == 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-candidate", "s", ivc_candidate_get_id (bo)));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "microservices") == 0);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (template_child (fixture->window, IVC_TYPE_WINDOW,
                                                                               "bank_missing_revealer"))));
}

/* The row of the switcher whose title is @title. */
static GtkListBoxRow *
find_switcher_row (Fixture    *fixture,
                   const char *title)
{
  GtkWidget *switcher = bank_switcher (fixture);
  GtkListBox *list = GTK_LIST_BOX (template_child (switcher, IVC_TYPE_BANK_SWITCHER, "list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;

  return NULL;
}

static gboolean
row_is_ticked (GtkListBoxRow *row)
{
  return gtk_widget_get_opacity (g_object_get_data (G_OBJECT (row), "check")) > 0.5;
}

/* The built-in bank in French: a bank of its own in the switcher, the same
 * bank for a candidate scored in English, and the language kept for the
 * next start. */
static void
test_bundled_language (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *switcher = bank_switcher (fixture);
  GtkListBox *list = GTK_LIST_BOX (template_child (switcher, IVC_TYPE_BANK_SWITCHER, "list"));
  GtkRevealer *banner = GTK_REVEALER (template_child (fixture->window, IVC_TYPE_WINDOW, "bank_missing_revealer"));
  IvcCandidatePanel *panel = IVC_CANDIDATE_PANEL (template_child (fixture->window, IVC_TYPE_WINDOW, "candidate_panel"));
  GtkLabel *orphans;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(IvcScorecard) scorecard = NULL;
  g_autofree char *language = NULL;
  GtkListBoxRow *english, *french;
  IvcCandidate *ada;

  g_settings_reset (settings, "bundled-bank-language");
  g_assert_cmpstr (ivc_question_bank_get_language (ivc_window_get_bank (fixture->window)), ==, "en");

  /* Ada is interviewed with the English bank. */
  ada = ivc_candidate_store_create (fixture->store, "Ada", NULL, NULL, "microservices");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-candidate", "s",
                                             ivc_candidate_get_id (ada)));
  /* The candidate page is built once a candidate is shown. */
  wait_until (ivc_window_get_candidate (fixture->window) != NULL);
  orphans = GTK_LABEL (template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "orphans_label"));
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (ada, "what-is-the-saga-pattern"), IVC_SCORE_STRONG);
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (ada, "what-is-the-saga-pattern"), "Compensation, idempotency");
  flush_events ();

  /* Each version is a row of its own, named with its language. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-banks", NULL));
  wait_until (gtk_widget_get_mapped (switcher));
  english = find_switcher_row (fixture, "Microservices (English)");
  french = find_switcher_row (fixture, "Microservices (Français)");
  g_assert_nonnull (english);
  g_assert_nonnull (french);
  g_assert_true (row_is_ticked (english));
  g_assert_false (row_is_ticked (french));

  /* Her team switches to French. */
  g_signal_emit_by_name (list, "row-activated", french);
  wait_until (g_strcmp0 (ivc_question_bank_get_language (ivc_window_get_bank (fixture->window)), "fr") == 0);
  g_assert_cmpstr (ivc_question_bank_get_title (ivc_window_get_bank (fixture->window)), ==, "Microservices");
  g_assert_true (ivc_window_get_candidate (fixture->window) == ada);

  /* The same bank for her: her bank, scores and notes stay, nothing is
   * missing or no longer in the bank. */
  g_assert_cmpstr (ivc_candidate_get_bank_id (ada), ==, "microservices");
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (orphans)));
  scorecard = ivc_scorecard_new (ada, ivc_window_get_bank (fixture->window));
  g_assert_cmpuint (ivc_scorecard_get_n_removed (scorecard), ==, 0);
  g_assert_cmpint (ivc_scorecard_find_entry (scorecard, "what-is-the-saga-pattern")->score, ==, IVC_SCORE_STRONG);
  g_assert_cmpstr (ivc_scorecard_find_entry (scorecard, "what-is-the-saga-pattern")->notes, ==, "Compensation, idempotency");
  g_assert_cmpstr (ivc_scorecard_find_entry (scorecard, "what-is-the-saga-pattern")->question, ==,
                   "Qu’est-ce que le patron saga\u00a0?");

  /* The tick follows, and the language is kept for the next start. */
  english = find_switcher_row (fixture, "Microservices (English)");
  french = find_switcher_row (fixture, "Microservices (Français)");
  wait_until (row_is_ticked (french));
  g_assert_false (row_is_ticked (english));
  language = g_settings_get_string (settings, "bundled-bank-language");
  g_assert_cmpstr (language, ==, "fr");

  /* Switching back to her (or to the bank by id) keeps French. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-bank", "s", "microservices"));
  flush_events ();
  g_assert_cmpstr (ivc_question_bank_get_language (ivc_window_get_bank (fixture->window)), ==, "fr");

  /* And back to English. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-bundled-bank", "s", "en"));
  wait_until (g_strcmp0 (ivc_question_bank_get_language (ivc_window_get_bank (fixture->window)), "en") == 0);
  g_clear_pointer (&language, g_free);
  language = g_settings_get_string (settings, "bundled-bank-language");
  g_assert_cmpstr (language, ==, "en");
  g_settings_reset (settings, "bundled-bank-language");
}

static void
test_candidate_bank_missing (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkRevealer *banner = GTK_REVEALER (template_child (fixture->window, IVC_TYPE_WINDOW, "bank_missing_revealer"));
  GtkLabel *banner_label = GTK_LABEL (template_child (fixture->window, IVC_TYPE_WINDOW, "bank_missing_label"));
  IvcCandidatePanel *panel = IVC_CANDIDATE_PANEL (template_child (fixture->window, IVC_TYPE_WINDOW, "candidate_panel"));
  GtkLabel *orphans;
  IvcCandidate *grace;

  grace = ivc_candidate_store_create (fixture->store, "Grace", NULL, NULL, "compilers");
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (grace, "register-allocation"), "Knew graph colouring");

  /* She still opens, with a clear message and her notes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-candidate", "s", ivc_candidate_get_id (grace)));
  /* The candidate page is built once a candidate is shown. */
  wait_until (ivc_window_get_candidate (fixture->window) != NULL);
  orphans = GTK_LABEL (template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "orphans_label"));
  flush_events ();
  g_assert_true (ivc_window_get_candidate (fixture->window) == grace);
  g_assert_cmpstr (shown_bank_id (fixture), ==, "microservices");
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (strstr (gtk_label_get_text (banner_label), "“compilers”"));
  g_assert_nonnull (strstr (gtk_label_get_text (banner_label), "not installed"));
  wait_until (gtk_widget_get_visible (GTK_WIDGET (orphans)));
  g_assert_nonnull (strstr (gtk_label_get_text (orphans), "Knew graph colouring"));

  /* Her bank never changes behind her back. */
  g_assert_cmpstr (ivc_candidate_get_bank_id (grace), ==, "compilers");
}

/* A Markdown interview guide dropped on the window is imported like a bank
 * file: shown, and kept in the library as the bank it reads as. */
static void
test_drop_guide (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) guide = test_bank ("microservices-interview-questions.md");
  g_autoptr(GFile) text = write_bank (fixture, "notes.txt", "not a bank");
  g_autoptr(GFile) stored = g_file_get_child (fixture->banks, "microservices-interview-questions-2026.json");
  IvcQuestionBank *bank;

  g_autofree char *guide_path = g_file_get_path (guide);
  g_autofree char *text_path = g_file_get_path (text);

  g_assert_false (drop_files (fixture, text_path, NULL));
  g_assert_cmpuint (count_files (fixture->banks), ==, 0);

  g_assert_true (drop_files (fixture, guide_path, NULL));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "microservices-interview-questions-2026") == 0);

  bank = ivc_window_get_bank (fixture->window);
  g_assert_cmpuint (ivc_question_bank_get_n_levels (bank), ==, 3);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), ==, 24);
  g_assert_cmpuint (ivc_window_get_n_visible_questions (fixture->window), ==, 24);
  g_assert_true (g_file_query_exists (stored, NULL));
  g_assert_nonnull (ivc_bank_library_lookup (fixture->library, "microservices-interview-questions-2026"));
}

/* Nothing of a candidate's evaluation is taken under a bank that is not
 * theirs: not after switching banks, not after importing one. */
static void
assert_nothing_taken (Fixture      *fixture,
                      IvcCandidate *ada,
                      const char   *saved)
{
  IvcCandidatePanel *panel = IVC_CANDIDATE_PANEL (template_child (fixture->window, IVC_TYPE_WINDOW, "candidate_panel"));
  GtkWidget *other_bank = template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "other_bank_box");
  GtkWidget *orphans = template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "orphans_label");
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autofree char *after = NULL;

  g_assert_true (ivc_window_get_candidate (fixture->window) == ada);
  g_assert_cmpstr (ivc_candidate_get_bank_id (ada), ==, "sql");
  wait_until (gtk_widget_get_visible (other_bank));
  g_assert_false (gtk_widget_get_visible (orphans));

  /* Scores, red flags, notes and the plan, by key: all refused. */
  g_assert_true (gtk_widget_activate_action (window, "win.score", "i", 4));
  g_assert_true (gtk_widget_activate_action (window, "win.toggle-red-flag-observed", NULL));
  g_assert_true (gtk_widget_activate_action (window, "win.focus-notes", NULL));
  gtk_widget_activate_action (window, "win.toggle-planned", NULL);
  gtk_widget_activate_action (window, "win.show-plan", NULL);
  flush_events ();

  evaluations = ivc_candidate_list_evaluations (ada);
  g_assert_cmpuint (evaluations->len, ==, 1);
  g_assert_cmpstr (ivc_evaluation_get_question_id (g_ptr_array_index (evaluations, 0)), ==, "inner-vs-left-join");
  g_assert_cmpint (ivc_evaluation_get_score (g_ptr_array_index (evaluations, 0)), ==, IVC_SCORE_GOOD);
  g_assert_false (ivc_evaluation_get_red_flag_observed (g_ptr_array_index (evaluations, 0)));
  g_assert_null (ivc_candidate_get_plan (ada)[0]);

  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));
  after = dup_candidate_file (fixture->store, ada);
  g_assert_cmpstr (after, ==, saved);
}

static void
test_other_bank_writes_nothing (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GFile) sql = test_bank ("sql.json");
  g_autoptr(GFile) frontend = test_bank ("frontend.json");
  IvcCandidatePanel *panel = IVC_CANDIDATE_PANEL (template_child (fixture->window, IVC_TYPE_WINDOW, "candidate_panel"));
  GtkWidget *other_bank;
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autofree char *saved = NULL;
  IvcCandidate *ada;

  ivc_window_import_bank (fixture->window, sql);
  wait_until (g_strcmp0 (shown_bank_id (fixture), "sql") == 0);
  ada = ivc_candidate_store_create (fixture->store, "Ada", NULL, NULL, "sql");
  g_assert_true (gtk_widget_activate_action (window, "win.switch-candidate", "s", ivc_candidate_get_id (ada)));
  /* The candidate page is built once a candidate is shown. */
  wait_until (ivc_window_get_candidate (fixture->window) != NULL);
  other_bank = template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "other_bank_box");
  g_assert_true (ivc_window_select_question (fixture->window, "inner-vs-left-join"));
  g_assert_true (gtk_widget_activate_action (window, "win.score", "i", 3));
  g_assert_cmpint (ivc_evaluation_get_score (ivc_candidate_get_evaluation (ada, "inner-vs-left-join")), ==, IVC_SCORE_GOOD);
  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));
  saved = dup_candidate_file (fixture->store, ada);
  g_assert_nonnull (saved);

  /* Another bank chosen in the switcher... */
  g_assert_true (gtk_widget_activate_action (window, "win.switch-bank", "s", "microservices"));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "microservices") == 0);
  assert_nothing_taken (fixture, ada, saved);

  /* ...or imported. */
  ivc_window_import_bank (fixture->window, frontend);
  wait_until (g_strcmp0 (shown_bank_id (fixture), "frontend") == 0);
  assert_nothing_taken (fixture, ada, saved);

  /* Her own bank, offered in the panel, takes her scores again. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-candidate-bank", NULL));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "sql") == 0);
  g_assert_false (gtk_widget_get_visible (other_bank));
  g_assert_true (ivc_window_select_question (fixture->window, "equals-null"));
  g_assert_true (gtk_widget_activate_action (window, "win.score", "i", 4));
  g_assert_cmpint (ivc_evaluation_get_score (ivc_candidate_get_evaluation (ada, "equals-null")), ==, IVC_SCORE_STRONG);
}

static gboolean
compares_only (IvcComparisonView *view,
               IvcCandidate      *candidate)
{
  GListModel *rows = ivc_comparison_view_get_model (view);
  g_autoptr(IvcScorecard) row = g_list_model_get_item (rows, 0);

  return g_list_model_get_n_items (rows) == 1 && ivc_scorecard_get_candidate (row) == candidate;
}

/* The comparison shows the candidates of one bank, the current one unless
 * another is chosen: never zeros for questions they were not asked. */
static void
test_comparison_by_bank (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) sql = test_bank ("sql.json");
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *scorecards;
  IvcComparisonView *view;
  GtkDropDown *banks;
  GListModel *titles;
  IvcCandidate *ada, *bo;
  guint sql_position = GTK_INVALID_LIST_POSITION;

  ivc_window_import_bank (fixture->window, sql);
  wait_until (g_strcmp0 (shown_bank_id (fixture), "sql") == 0);
  ada = ivc_candidate_store_create (fixture->store, "Ada", NULL, NULL, "sql");
  bo = ivc_candidate_store_create (fixture->store, "Bo", NULL, NULL, "microservices");
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (ada, "equals-null"), IVC_SCORE_STRONG);
  ivc_candidate_set_recommendation (ada, IVC_RECOMMENDATION_YES);
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (bo, "what-are-microservices"), IVC_SCORE_POOR);

  g_assert_true (gtk_widget_activate_action (window, "win.switch-bank", "s", "microservices"));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "microservices") == 0);
  g_assert_true (gtk_widget_activate_action (window, "win.compare-candidates", NULL));
  flush_events ();
  scorecards = NULL;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (IVC_IS_SCORECARD_WINDOW (l->data))
      scorecards = l->data;
  g_assert_nonnull (scorecards);
  view = IVC_COMPARISON_VIEW (template_child (scorecards, IVC_TYPE_SCORECARD_WINDOW, "comparison_view"));
  banks = GTK_DROP_DOWN (template_child (scorecards, IVC_TYPE_SCORECARD_WINDOW, "bank_dropdown"));

  /* The current bank's candidates only, by default. */
  g_assert_true (compares_only (view, bo));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banks)));

  /* Another bank chosen: its candidates, with their own figures. */
  titles = gtk_drop_down_get_model (banks);
  for (guint i = 0; i < g_list_model_get_n_items (titles); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (titles), i), "SQL and relational databases"))
      sql_position = i;
  g_assert_cmpuint (sql_position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (banks, sql_position);
  wait_until (compares_only (view, ada));
  {
    g_autoptr(IvcScorecard) row = g_list_model_get_item (ivc_comparison_view_get_model (view), 0);

    g_assert_cmpuint (ivc_scorecard_get_n_scored (row), ==, 1);
    g_assert_cmpstr (ivc_question_bank_get_id (ivc_comparison_view_get_bank (view)), ==, "sql");
  }

  /* Following the main window to a bank again shows that bank's. */
  g_assert_true (gtk_widget_activate_action (window, "win.switch-bank", "s", "sql"));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "sql") == 0);
  g_assert_true (gtk_widget_activate_action (window, "win.switch-bank", "s", "microservices"));
  wait_until (g_strcmp0 (shown_bank_id (fixture), "microservices") == 0);
  wait_until (compares_only (view, bo));

  gtk_window_destroy (GTK_WINDOW (scorecards));
  flush_events ();
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
  g_test_add ("/ivc/banks-ui/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("import-and-next-start", test_import_and_next_start);
  ADD ("import-with-chooser", test_import_with_chooser);
  ADD ("drop", test_drop);
  ADD ("import-invalid", test_import_invalid);
  ADD ("update-keeps-notes", test_update_keeps_notes);
  ADD ("remove", test_remove);
  ADD ("candidate-bank", test_candidate_bank);
  ADD ("candidate-bank-missing", test_candidate_bank_missing);
  ADD ("bundled-language", test_bundled_language);
  ADD ("drop-guide", test_drop_guide);
  ADD ("other-bank-writes-nothing", test_other_bank_writes_nothing);
  ADD ("comparison-by-bank", test_comparison_by_bank);

  return g_test_run ();
}
