/* test-second-screen.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window beside a video call, in a real window: at 800 pixels the
 * question and the notes side by side with the list folded away (and
 * Shift+F9 to bring it back), the list's width fixed, and Ctrl+Shift+H
 * hiding everything about the evaluation and the answers.
 */

#include "config.h"

#include "ivc-candidate-store.h"
#include "ivc-question-view.h"
#include "ivc-sidebar-row.h"
#include "ivc-window.h"
#include "ivc-window-private.h"

#include "ivc-test-util.h"

typedef struct
{
  IvcWindow         *window;
  IvcQuestionView   *view;
  IvcCandidateStore *store;
  char              *folder;
  GSettings         *settings;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;
  const char *keys[] = { "last-question", "last-candidate", "side-panel-visible",
                         "conceal-on-focus-loss", "window-width", "window-height",
                         "window-maximized" };

  fixture->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);

  fixture->folder = g_dir_make_tmp ("ivc-second-screen-XXXXXX", NULL);
  folder = g_file_new_for_path (fixture->folder);
  fixture->store = ivc_candidate_store_new (folder, "tester-1", "Tester");
  g_assert_true (ivc_candidate_store_load (fixture->store, NULL, NULL, NULL));

  fixture->window = g_object_new (IVC_TYPE_WINDOW, NULL);
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), GPOINTER_TO_INT (data), 700);
  fixture->view = ivc_window_get_question_view (fixture->window);
  ivc_window_load_bundled_bank (fixture->window);
  ivc_window_set_store (fixture->window, fixture->store);
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
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_object (&fixture->settings);
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_autoptr(GVariant) owned = parameter ? g_variant_ref_sink (parameter) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action, owned));
  flush_events ();
}

/* A scored candidate with a red flag on the question on screen. */
static IvcCandidate *
start_scored_candidate (Fixture *fixture)
{
  IvcCandidate *candidate = ivc_candidate_store_create (fixture->store, "Ada", "", "", "microservices");

  activate (fixture, "win.switch-candidate", g_variant_new_string (ivc_candidate_get_id (candidate)));
  g_assert_true (ivc_window_get_candidate (fixture->window) == candidate);
  g_assert_nonnull (ivc_window_get_selected_question (fixture->window));
  activate (fixture, "win.score", g_variant_new_int32 (3));
  activate (fixture, "win.toggle-red-flag-observed", NULL);
  return candidate;
}

/* The widget's place in the window, after the frame it was laid out in. */
static graphene_rect_t
bounds_of (Fixture   *fixture,
           GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (fixture->window), &bounds));
  return bounds;
}

static GtkWidget *
window_child (Fixture    *fixture,
              const char *name)
{
  return template_child (fixture->window, IVC_TYPE_WINDOW, name);
}

static gboolean
list_beside (Fixture *fixture)
{
  return gtk_widget_get_mapped (window_child (fixture, "question_list"));
}

/* Half a laptop screen: the list folds away, the question and the notes
 * are side by side, nothing covers the Reveal buttons; Shift+F9 brings the
 * list back and hides it again. */
static void
test_folds_list_at_800 (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *panel = window_child (fixture, "candidate_panel");
  GtkWidget *answer_button = template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "answer_button");
  graphene_rect_t question, notes;

  start_scored_candidate (fixture);
  wait_until (!list_beside (fixture) && gtk_widget_get_mapped (panel) &&
              gtk_widget_get_mapped (answer_button));
  wait_for_draw (fixture->window);

  g_assert_false (adw_flap_get_folded (ADW_FLAP (window_child (fixture, "flap"))));
  question = bounds_of (fixture, GTK_WIDGET (fixture->view));
  notes = bounds_of (fixture, panel);
  g_assert_cmpfloat (question.origin.x + question.size.width, <=, notes.origin.x);
  g_assert_cmpfloat (question.size.width, >=, 300);
  /* The Reveal button is in the question's part, not under the panel. */
  g_assert_cmpfloat (bounds_of (fixture, answer_button).origin.x + bounds_of (fixture, answer_button).size.width,
                     <=, notes.origin.x);

  activate (fixture, "win.toggle-list", NULL);
  wait_until (list_beside (fixture));
  activate (fixture, "win.toggle-list", NULL);
  wait_until (!list_beside (fixture));

#ifdef GDK_WINDOWING_X11
  /* The keys, as listed in the shortcuts window. */
  if (can_send_keys ())
    {
      g_assert_true (send_keys (GTK_WINDOW (fixture->window), "shift+F9", NULL));
      wait_until (list_beside (fixture));
      g_assert_true (send_keys (GTK_WINDOW (fixture->window), "shift+F9", NULL));
      wait_until (!list_beside (fixture));
    }
#endif
}

/* A wide window: the list is there, a column of its own width (not the
 * 40 % it took before), and revealing a long answer does not move the divider. */
static void
test_list_width_fixed (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *list = window_child (fixture, "sidebar");
  graphene_rect_t before, after;

  start_scored_candidate (fixture);
  wait_until (list_beside (fixture));
  wait_for_draw (fixture->window);
  before = bounds_of (fixture, list);
  g_assert_cmpfloat (before.size.width, <, 0.25 * gtk_widget_get_width (GTK_WIDGET (fixture->window)));

  activate (fixture, "win.toggle-answer", NULL);
  activate (fixture, "win.toggle-red-flag", NULL);
  wait_until (ivc_question_view_get_answer_revealed (fixture->view));
  wait_for_draw (fixture->window);
  after = bounds_of (fixture, list);
  g_assert_cmpfloat (before.size.width, ==, after.size.width);
  g_assert_cmpfloat (before.origin.x, ==, after.origin.x);

  /* Narrower than list, question and notes need: the list folds away. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 700);
  wait_until (!list_beside (fixture));
}

static GtkWidget *
find_row (GtkWidget   *widget,
          IvcQuestion *question)
{
  if (IVC_IS_SIDEBAR_ROW (widget) && ivc_sidebar_row_get_item (IVC_SIDEBAR_ROW (widget)) == G_OBJECT (question))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row (child, question);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static gboolean
row_shows_marks (Fixture *fixture)
{
  GtkWidget *row = find_row (window_child (fixture, "question_list"),
                             ivc_window_get_selected_question (fixture->window));

  g_assert_nonnull (row);
  return gtk_widget_get_visible (template_child (row, IVC_TYPE_SIDEBAR_ROW, "score_label")) ||
         gtk_widget_get_visible (template_child (row, IVC_TYPE_SIDEBAR_ROW, "red_flag_icon"));
}

static gboolean
evaluation_hidden (Fixture *fixture)
{
  gboolean hidden;

  g_object_get (fixture->window, "evaluation-hidden", &hidden, NULL);
  return hidden;
}

static guint
n_toplevels (void)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      n += gtk_widget_get_visible (window);
    }
  return n;
}

/* Ctrl+Shift+H: no score, red flag mark, note, verdict, answer or score
 * toast on screen, nothing revealed meanwhile; the same keys show it all
 * again, the answers still concealed. */
static void
test_hide_evaluation (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *panel = window_child (fixture, "candidate_panel");
  GtkWidget *hidden_page = window_child (fixture, "evaluation_hidden_page");
  GtkWidget *answer_section = template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "answer_section");
  GtkWidget *red_flag_section = template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "red_flag_section");
  IvcCandidate *candidate = start_scored_candidate (fixture);
  const char *question_id = ivc_question_get_id (ivc_window_get_selected_question (fixture->window));
  guint n_windows;

  activate (fixture, "win.toggle-answer", NULL);
  wait_until (ivc_question_view_get_answer_revealed (fixture->view));
  activate (fixture, "win.show-scorecard", NULL);
  wait_until (fixture->window->scorecards != NULL && gtk_widget_get_mapped (fixture->window->scorecards));
  wait_until (row_shows_marks (fixture) && gtk_widget_get_mapped (panel));
  n_windows = n_toplevels ();

#ifdef GDK_WINDOWING_X11
  if (can_send_keys ())
    g_assert_true (send_keys (GTK_WINDOW (fixture->window), "ctrl+shift+h", NULL));
  else
#endif
    activate (fixture, "win.hide-evaluation", NULL);
  wait_until (evaluation_hidden (fixture));

  wait_until (!gtk_widget_get_mapped (panel) && gtk_widget_get_mapped (hidden_page));
  g_assert_false (row_shows_marks (fixture));
  g_assert_false (ivc_question_view_get_answer_revealed (fixture->view));
  g_assert_false (gtk_widget_get_visible (answer_section));
  g_assert_false (gtk_widget_get_visible (red_flag_section));
  wait_until (fixture->window->scorecards == NULL && n_toplevels () == n_windows - 1);

  /* Nothing comes back while hidden. */
  activate (fixture, "win.toggle-answer", NULL);
  g_assert_false (ivc_question_view_get_answer_revealed (fixture->view));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-scorecard", NULL);
  flush_events ();
  g_assert_null (fixture->window->scorecards);

  /* A score typed meanwhile is taken, and its toast does not say it. */
  activate (fixture, "win.score", g_variant_new_int32 (4));
  g_assert_cmpint (ivc_evaluation_get_score (ivc_candidate_get_evaluation (candidate, question_id)), ==, 4);
  g_assert_nonnull (fixture->window->noted_toast);
  g_assert_cmpstr (adw_toast_get_title (fixture->window->noted_toast), ==, "Score saved");
  g_assert_false (row_shows_marks (fixture));

  activate (fixture, "win.hide-evaluation", NULL);
  wait_until (!evaluation_hidden (fixture));
  wait_until (gtk_widget_get_mapped (panel) && !gtk_widget_get_mapped (hidden_page));
  wait_until (row_shows_marks (fixture));
  g_assert_true (gtk_widget_get_mapped (answer_section));
  g_assert_false (ivc_question_view_get_answer_revealed (fixture->view));
  activate (fixture, "win.toggle-answer", NULL);
  g_assert_true (ivc_question_view_get_answer_revealed (fixture->view));
}

#ifdef GDK_WINDOWING_X11
/* "Conceal When Switching Windows" hides the evaluation too, until
 * Ctrl+Shift+H. */
static void
test_focus_loss_hides_evaluation (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  GtkWindow *call;

  if (!can_send_keys ())
    return;

  start_scored_candidate (fixture);
  call = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (call, "Video call");
  gtk_window_present (call);
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (call)));

  /* Off: nothing changes. */
  g_assert_true (send_keys (window, "shift", NULL));
  wait_until (gtk_window_is_active (window));
  g_assert_true (send_keys (call, "shift", NULL));
  wait_until (!gtk_window_is_active (window));
  g_assert_false (evaluation_hidden (fixture));

  g_settings_set_boolean (fixture->settings, "conceal-on-focus-loss", TRUE);
  g_assert_true (send_keys (window, "shift", NULL));
  wait_until (gtk_window_is_active (window));
  g_assert_true (send_keys (call, "shift", NULL));
  wait_until (evaluation_hidden (fixture));
  g_assert_false (row_shows_marks (fixture));

  /* Back in the window, it stays hidden until asked for. */
  g_assert_true (send_keys (window, "shift", NULL));
  wait_until (gtk_window_is_active (window));
  g_assert_true (evaluation_hidden (fixture));
  g_assert_true (send_keys (window, "ctrl+shift+h", NULL));
  wait_until (!evaluation_hidden (fixture) && row_shows_marks (fixture));

  gtk_window_destroy (call);
}
#endif

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

#define ADD(path, width, func) \
  g_test_add ("/ivc/second-screen/" path, Fixture, GINT_TO_POINTER (width), fixture_setup, func, fixture_teardown)

  ADD ("folds-list-at-800", 800, test_folds_list_at_800);
  /* As wide as the test screen (1280 pixels) allows. */
  ADD ("list-width-fixed", 1260, test_list_width_fixed);
  ADD ("hide-evaluation", 1280, test_hide_evaluation);
#ifdef GDK_WINDOWING_X11
  ADD ("focus-loss-hides-evaluation", 1280, test_focus_loss_hides_evaluation);
#endif

  return g_test_run ();
}
