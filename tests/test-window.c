/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window, in a real window under a (virtual) X server: levels and
 * questions listed, answers concealed until revealed through the actions
 * and the keyboard, search.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ivc-accel.h"
#include "ivc-candidate-panel.h"
#include "ivc-candidate-store.h"
#include "ivc-question-bank.h"
#include "ivc-markdown-view.h"
#include "ivc-question-list.h"
#include "ivc-text.h"
#include "ivc-window.h"

#include "ivc-row-slot.h"
#include "ivc-test-util.h"

typedef struct
{
  IvcWindow       *window;
  IvcQuestionView *view;
} Fixture;

/* A widget of the window's question list, by its name in the template. */
static GtkWidget *
list_child (Fixture    *fixture,
            const char *name)
{
  GtkWidget *list = template_child (fixture->window, IVC_TYPE_WINDOW, "question_list");

  return template_child (list, IVC_TYPE_QUESTION_LIST, name);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* Every test starts like a first run. */
  g_settings_reset (settings, "last-question");
  g_settings_reset (settings, "side-panel-visible");

  fixture->window = g_object_new (IVC_TYPE_WINDOW, NULL);
  g_object_ref_sink (fixture->window);
  fixture->view = ivc_window_get_question_view (fixture->window);
  ivc_window_load_bundled_bank (fixture->window);
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
}

/* What a person sees of the answer: is its text on screen? */
static gboolean
answer_on_screen (Fixture *fixture)
{
  return gtk_widget_get_mapped (template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "answer_view"));
}

static gboolean
red_flag_on_screen (Fixture *fixture)
{
  return gtk_widget_get_mapped (template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "red_flag_view"));
}

static GListModel *
list_rows (Fixture *fixture)
{
  GtkListView *list = GTK_LIST_VIEW (list_child (fixture, "list_view"));

  return G_LIST_MODEL (gtk_list_view_get_model (list));
}

static GObject *
dup_row_item (Fixture *fixture,
              guint    position)
{
  g_autoptr(IvcRowSlot) slot = g_list_model_get_item (list_rows (fixture), position);
  GObject *item = ivc_row_slot_get_item (slot);

  return item ? g_object_ref (item) : NULL;
}

static void
test_levels_and_questions (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *rows = list_rows (fixture);
  g_autoptr(GObject) first = NULL;
  const char *level_ids[] = { "junior", "mid-level", "senior" };
  guint n_levels = 0, n_questions = 0;

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3 + 24);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) item = dup_row_item (fixture, i);

      if (IVC_IS_LEVEL (item))
        {
          g_assert_cmpstr (ivc_level_get_id (IVC_LEVEL (item)), ==, level_ids[n_levels]);
          n_levels++;
        }
      else
        {
          g_assert_true (IVC_IS_QUESTION (item));
          /* Each question is listed under its own level. */
          g_assert_cmpstr (ivc_level_get_id (ivc_question_get_level (IVC_QUESTION (item))), ==,
                           level_ids[n_levels - 1]);
          n_questions++;
        }
    }

  g_assert_cmpuint (n_levels, ==, 3);
  g_assert_cmpuint (n_questions, ==, 24);
  g_assert_cmpuint (ivc_window_get_n_visible_questions (fixture->window), ==, 24);

  /* On a first start the first question is shown, concealed. */
  first = dup_row_item (fixture, 1);
  g_assert_true (ivc_window_get_selected_question (fixture->window) == IVC_QUESTION (first));
  g_assert_false (answer_on_screen (fixture));
  g_assert_false (red_flag_on_screen (fixture));
}

static void
test_reveal_through_actions (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  IvcMarkdownView *answer = IVC_MARKDOWN_VIEW (template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "answer_view"));

  g_assert_true (ivc_window_select_question (fixture->window, "what-is-the-saga-pattern"));
  flush_events ();
  g_assert_false (answer_on_screen (fixture));
  g_assert_false (red_flag_on_screen (fixture));

  /* Each section on its own. */
  gtk_widget_activate_action (window, "win.toggle-answer", NULL);
  wait_until (answer_on_screen (fixture));
  g_assert_false (red_flag_on_screen (fixture));
  g_assert_cmpstr (ivc_markdown_view_get_markdown (answer), ==,
                   ivc_question_get_strong_answer (ivc_window_get_selected_question (fixture->window)));

  gtk_widget_activate_action (window, "win.toggle-red-flag", NULL);
  wait_until (red_flag_on_screen (fixture));
  g_assert_true (answer_on_screen (fixture));

  /* Toggling again conceals. */
  gtk_widget_activate_action (window, "win.toggle-answer", NULL);
  wait_until (!answer_on_screen (fixture));
  g_assert_true (red_flag_on_screen (fixture));

  /* Escape's action conceals both. */
  gtk_widget_activate_action (window, "win.toggle-answer", NULL);
  wait_until (answer_on_screen (fixture));
  gtk_widget_activate_action (window, "win.conceal", NULL);
  wait_until (!answer_on_screen (fixture) && !red_flag_on_screen (fixture));

  /* The buttons reveal too. */
  g_signal_emit_by_name (template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "red_flag_button"), "clicked");
  wait_until (red_flag_on_screen (fixture));
  g_assert_false (answer_on_screen (fixture));
}

static void
test_moving_conceals (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  IvcQuestion *first, *second;

  g_assert_true (ivc_window_select_question (fixture->window, "what-are-microservices"));
  first = ivc_window_get_selected_question (fixture->window);
  gtk_widget_activate_action (window, "win.toggle-answer", NULL);
  gtk_widget_activate_action (window, "win.toggle-red-flag", NULL);
  wait_until (answer_on_screen (fixture) && red_flag_on_screen (fixture));

  gtk_widget_activate_action (window, "win.next-question", NULL);
  second = ivc_window_get_selected_question (fixture->window);
  g_assert_cmpstr (ivc_question_get_id (second), ==, "tradeoffs-vs-monolith");
  wait_until (!answer_on_screen (fixture) && !red_flag_on_screen (fixture));

  gtk_widget_activate_action (window, "win.previous-question", NULL);
  g_assert_true (ivc_window_get_selected_question (fixture->window) == first);

  /* From the last junior question, next skips the level heading. */
  g_assert_true (ivc_window_select_question (fixture->window, "why-distributed-systems-are-harder"));
  gtk_widget_activate_action (window, "win.next-question", NULL);
  g_assert_cmpstr (ivc_level_get_id (ivc_question_get_level (ivc_window_get_selected_question (fixture->window))),
                   ==, "mid-level");

  /* The last question stays put. */
  g_assert_true (ivc_window_select_question (fixture->window, "conways-law-and-microservices"));
  gtk_widget_activate_action (window, "win.next-question", NULL);
  g_assert_cmpstr (ivc_question_get_id (ivc_window_get_selected_question (fixture->window)), ==,
                   "conways-law-and-microservices");
}

/* An independent, plain reading of "every word occurs somewhere". */
static gboolean
plain_match (IvcQuestion *question,
             const char  *word)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *folded = NULL;
  g_autofree char *folded_word = g_utf8_casefold (word, -1);

  g_string_append_printf (all, "%s\n%s\n%s",
                          ivc_question_get_question (question),
                          ivc_question_get_strong_answer (question),
                          ivc_question_get_red_flag (question));
  for (const char * const *tag = ivc_question_get_tags (question); *tag; tag++)
    g_string_append_printf (all, "\n%s", *tag);

  folded = g_utf8_casefold (all->str, -1);
  return strstr (folded, folded_word) != NULL;
}

static guint
count_plain_matches (Fixture    *fixture,
                     const char *word)
{
  GListModel *levels = ivc_question_bank_get_levels (ivc_window_get_bank (fixture->window));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(IvcLevel) level = g_list_model_get_item (levels, i);
      GListModel *questions = ivc_level_get_questions (level);

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(IvcQuestion) question = g_list_model_get_item (questions, j);
          n += plain_match (question, word);
        }
    }

  return n;
}

static gboolean
row_shows_question (Fixture    *fixture,
                    const char *question_id)
{
  GListModel *rows = list_rows (fixture);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) item = dup_row_item (fixture, i);

      if (IVC_IS_QUESTION (item) && g_str_equal (ivc_question_get_id (IVC_QUESTION (item)), question_id))
        return TRUE;
    }

  return FALSE;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkStack *sidebar_stack = GTK_STACK (list_child (fixture, "stack"));
  GListModel *rows = list_rows (fixture);
  const char *words[] = { "saga", "timeout", "Gateway", "observability", "team" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      guint expected = count_plain_matches (fixture, words[i]);
      guint n_levels = 0;

      ivc_window_set_search_text (fixture->window, words[i]);
      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpuint (expected, <, 24);
      g_assert_cmpuint (ivc_window_get_n_visible_questions (fixture->window), ==, expected);

      /* Levels without a match are not listed. */
      for (guint j = 0; j < g_list_model_get_n_items (rows); j++)
        {
          g_autoptr(GObject) item = dup_row_item (fixture, j);
          n_levels += IVC_IS_LEVEL (item);
        }
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, expected + n_levels);
      g_assert_cmpuint (n_levels, >=, 1);
    }

  ivc_window_set_search_text (fixture->window, "saga");
  g_assert_true (row_shows_question (fixture, "what-is-the-saga-pattern"));
  g_assert_false (row_shows_question (fixture, "what-is-service-discovery"));

  /* All words must match; case and accents do not matter. */
  ivc_window_set_search_text (fixture->window, "SÁGA compensating");
  g_assert_true (row_shows_question (fixture, "what-is-the-saga-pattern"));
  g_assert_cmpuint (ivc_window_get_n_visible_questions (fixture->window), <=, count_plain_matches (fixture, "saga"));

  ivc_window_set_search_text (fixture->window, "zzqqxx");
  g_assert_cmpuint (ivc_window_get_n_visible_questions (fixture->window), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "no-results");

  ivc_window_set_search_text (fixture->window, "");
  g_assert_cmpuint (ivc_window_get_n_visible_questions (fixture->window), ==, 24);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 27);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "list");
}

static void
test_side_panel_and_size (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwFlap *flap = ADW_FLAP (template_child (fixture->window, IVC_TYPE_WINDOW, "flap"));
  gboolean before = adw_flap_get_reveal_flap (flap);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-side-panel", NULL);
  g_assert_cmpint (adw_flap_get_reveal_flap (flap), ==, !before);
  g_assert_cmpint (g_settings_get_boolean (settings, "side-panel-visible"), ==, !before);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-side-panel", NULL);
  g_assert_cmpint (adw_flap_get_reveal_flap (flap), ==, before);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 913, 677);
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 913);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 677);
}

static void
test_reopens_last_question (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(IvcWindow) second = NULL;

  g_assert_true (ivc_window_select_question (fixture->window, "decomposing-a-monolith"));

  second = g_object_ref_sink (g_object_new (IVC_TYPE_WINDOW, NULL));
  ivc_window_load_bundled_bank (second);
  g_assert_cmpstr (ivc_question_get_id (ivc_window_get_selected_question (second)), ==,
                   "decomposing-a-monolith");
  gtk_window_destroy (GTK_WINDOW (second));
}

#ifdef GDK_WINDOWING_X11
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (list_child (fixture, "search_entry"));

  if (!can_send_keys ())
    return;

  g_assert_true (ivc_window_select_question (fixture->window, "what-are-microservices"));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  flush_events ();

  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "alt+a", NULL));
  wait_until (answer_on_screen (fixture));
  g_assert_false (red_flag_on_screen (fixture));

  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "alt+r", NULL));
  wait_until (red_flag_on_screen (fixture));

  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "alt+a", NULL));
  wait_until (!answer_on_screen (fixture));

  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "alt+a", "Escape", NULL));
  wait_until (!answer_on_screen (fixture) && !red_flag_on_screen (fixture));

  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "alt+Down", NULL));
  wait_until (g_str_equal (ivc_question_get_id (ivc_window_get_selected_question (fixture->window)),
                           "tradeoffs-vs-monolith"));
  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "alt+Down", "alt+Down", "alt+Up", NULL));
  wait_until (g_str_equal (ivc_question_get_id (ivc_window_get_selected_question (fixture->window)),
                           "how-do-services-communicate"));

  /* Ctrl+F, then type: the list narrows. */
  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "ctrl+f", "s", "a", "g", "a", NULL));
  wait_until (g_str_equal (gtk_editable_get_text (entry), "saga"));
  wait_until (ivc_window_get_n_visible_questions (fixture->window) == count_plain_matches (fixture, "saga"));

  /* Alt+A works from the search field too, and types nothing there. */
  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "alt+a", NULL));
  wait_until (answer_on_screen (fixture));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "saga");
}

/* A person's interview, typed: Ctrl+N, a name, Enter; Alt+3; Alt+N and
 * notes. It is all in the candidate's file, saved by itself. */
static void
test_candidate_notes_saved (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *tmp = g_dir_make_tmp ("ivc-window-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (tmp);
  g_autoptr(IvcCandidateStore) store = ivc_candidate_store_new (folder, "tester-1", "Tester");
  IvcCandidate *candidate = NULL;

  if (!can_send_keys ())
    return;

  g_assert_true (ivc_candidate_store_load (store, NULL, NULL, NULL));
  ivc_window_set_store (fixture->window, store);
  ivc_window_candidates_loaded (fixture->window, NULL);
  g_assert_true (ivc_window_select_question (fixture->window, "what-is-the-saga-pattern"));

  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "ctrl+n", NULL));
  wait_for_dialog_entry ();
  g_assert_true (type_text ("Grace Hopper"));
  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "Return", NULL));
  wait_until (g_list_model_get_n_items (ivc_candidate_store_get_candidates (store)) == 1);

  candidate = g_list_model_get_item (ivc_candidate_store_get_candidates (store), 0);
  g_assert_cmpstr (ivc_candidate_get_name (candidate), ==, "Grace Hopper");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Grace Hopper — Interview Companion");

  /* The dialog is gone before the interview goes on in the window. */
  wait_until (!dialog_shown ());
  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "alt+3", "alt+n", NULL));

  /* In a window where the panel lies over the question, it slides in
   * first: type once it is in and the notes have the focus. */
  wait_for_notes (fixture->window);
  g_assert_true (type_text_into (GTK_WINDOW (fixture->window), "Knows compensations"));

  /* Saved by itself, without leaving the field or the candidate; how soon
   * is the store's tests' business (the autosave delay). */
  wait_until_saved (file_has (store, candidate, "Knows compensations"));
  g_assert_true (file_has (store, candidate, "\"score\" : 3"));
  g_assert_true (file_has (store, candidate, "what-is-the-saga-pattern"));
  g_assert_cmpuint (ivc_candidate_get_n_scored (candidate), ==, 1);

  /* Notes on a question the bank no longer has are shown, not dropped. */
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (candidate, "question-gone-from-bank"),
                            "Kept after a bank update");
  {
    IvcCandidatePanel *panel = IVC_CANDIDATE_PANEL (template_child (fixture->window, IVC_TYPE_WINDOW, "candidate_panel"));
    GtkWidget *orphans = template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "orphans_label");

    wait_until (gtk_widget_get_visible (orphans));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (orphans)), "Kept after a bank update"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (orphans)), "question-gone-from-bank"));
    g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (orphans)), "what-is-the-saga-pattern"));
  }

  g_object_unref (candidate);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  flush_events ();

  /* The store saves what is left as it goes: before its folder does. */
  g_assert_true (ivc_candidate_store_flush (store, NULL));
  g_clear_object (&store);
  remove_tree (tmp);
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
}
#endif

/* Does @window have a shortcut @accelerator for @action with @args? */
static gboolean
window_binds (GtkWidget  *window,
              const char *action,
              GVariant   *args,
              const char *accelerator)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);
          GVariant *shortcut_args = gtk_shortcut_get_arguments (shortcut);

          if (GTK_IS_NAMED_ACTION (shortcut_action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action)), action) &&
              ((args == NULL && shortcut_args == NULL) ||
               (args != NULL && shortcut_args != NULL && g_variant_equal (args, shortcut_args))) &&
              gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return TRUE;
        }
    }

  return FALSE;
}

/* Each button's tooltip names a shortcut that the window really binds
 * to what the button does (ivc-accel.c keeps the table). */
static void
check_tooltip_shortcuts (GtkWidget *window,
                         GtkWidget *widget,
                         guint     *n_checked)
{
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL &&
      g_object_get_data (G_OBJECT (widget), "ivc-accel-tooltip") != NULL)
    {
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
      g_autofree char *detailed = g_action_print_detailed_name (action, target);
      const char *accelerator = ivc_accel_for_action (detailed);
      g_autofree char *label = ivc_accel_get_label (accelerator);

      /* The side panel's actions are the window's, under their names. */
      if (g_str_equal (action, "panel.score"))
        action = "win.score";
      else if (g_str_equal (action, "panel.red-flag-observed"))
        action = "win.toggle-red-flag-observed";

      g_test_message ("%s: %s", detailed, accelerator);
      g_assert_true (window_binds (window, action, target, accelerator));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (widget), label));
      (*n_checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_tooltip_shortcuts (window, child, n_checked);
}

static void
test_tooltip_shortcuts (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("c-tooltips", "Ada");
  IvcCandidatePanel *panel = IVC_CANDIDATE_PANEL (template_child (fixture->window, IVC_TYPE_WINDOW, "candidate_panel"));
  guint n_checked = 0;

  /* The scores' buttons are on the candidate page, built once a
   * candidate is shown. */
  ivc_candidate_panel_set_candidate (panel, candidate);
  flush_events ();
  check_tooltip_shortcuts (GTK_WIDGET (fixture->window), GTK_WIDGET (fixture->window), &n_checked);
  ivc_candidate_panel_set_candidate (panel, NULL);
  /* New candidate, import, plan, side panel, planned, four scores, red flag. */
  g_assert_cmpuint (n_checked, >=, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      /* TAP's way to skip a whole file. */
      g_print ("1..0 # SKIP no display: widget tests need one (the README's test command starts Xvfb)\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ivc/window/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("levels-and-questions", test_levels_and_questions);
  ADD ("reveal-through-actions", test_reveal_through_actions);
  ADD ("moving-conceals", test_moving_conceals);
  ADD ("search", test_search);
  ADD ("side-panel-and-size", test_side_panel_and_size);
  ADD ("reopens-last-question", test_reopens_last_question);
  ADD ("tooltip-shortcuts", test_tooltip_shortcuts);
#ifdef GDK_WINDOWING_X11
  ADD ("keyboard", test_keyboard);
  ADD ("candidate-notes-saved", test_candidate_notes_saved);
#endif

  return g_test_run ();
}
