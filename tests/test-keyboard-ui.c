/* test-keyboard-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window with the keyboard alone, real keys sent through the X server:
 * browsing the question list across levels from a fresh start, the verdict
 * chosen in its drop-down, and every control of the Scorecards window
 * reached with Tab and Shift+Tab.
 */

#include "config.h"

#include <string.h>

#include "ivc-candidate-panel.h"
#include "ivc-candidate-store.h"
#include "ivc-question-list.h"
#include "ivc-comparison-view.h"
#include "ivc-question-view.h"
#include "ivc-scorecard.h"
#include "ivc-scorecard-view.h"
#include "ivc-scorecard-window.h"
#include "ivc-sidebar-row.h"
#include "ivc-window.h"

#include "ivc-test-util.h"

typedef struct
{
  IvcWindow         *window;
  IvcCandidateStore *store;
  char              *folder;
  GSettings         *settings;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;
  const char *keys[] = { "last-question", "last-candidate", "side-panel-visible" };

  fixture->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);

  fixture->folder = g_dir_make_tmp ("ivc-keyboard-XXXXXX", NULL);
  folder = g_file_new_for_path (fixture->folder);
  fixture->store = ivc_candidate_store_new (folder, "tester-1", "Tester");
  g_assert_true (ivc_candidate_store_load (fixture->store, NULL, NULL, NULL));

  fixture->window = g_object_ref_sink (g_object_new (IVC_TYPE_WINDOW, NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
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

static GtkWidget *
panel_child (Fixture    *fixture,
             const char *name)
{
  GtkWidget *panel = template_child (fixture->window, IVC_TYPE_WINDOW, "candidate_panel");

  return template_child (panel, IVC_TYPE_CANDIDATE_PANEL, name);
}

static GtkWidget *
find_popover (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;

  return NULL;
}

/* The verdict picked with the keyboard is the one saved: the drop-down's
 * list starts on the verdict checked, not where the focus was left for the
 * last candidate. */
static void
test_verdict_by_keyboard (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  GtkWidget *dropdown, *popover;
  IvcCandidate *ann, *bo;

  if (!can_send_keys ())
    return;

  ann = ivc_candidate_store_create (fixture->store, "Ann", NULL, NULL, "microservices");
  bo = ivc_candidate_store_create (fixture->store, "Bo", NULL, NULL, "microservices");
  ivc_candidate_set_recommendation (bo, IVC_RECOMMENDATION_STRONG_NO);

  /* Ann: "Strong yes", four down from "No recommendation yet". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-candidate", "s", ivc_candidate_get_id (ann)));
  flush_events ();
  /* On the candidate page, built once a candidate is shown. */
  dropdown = panel_child (fixture, "recommendation_dropdown");
  popover = find_popover (dropdown);
  gtk_widget_grab_focus (dropdown);
  g_assert_true (send_keys (window, "space", NULL));
  wait_until (gtk_widget_get_mapped (popover));
  g_assert_true (send_keys (window, "Down", "Down", "Down", "Down", "Return", NULL));
  wait_until (!gtk_widget_get_mapped (popover));
  wait_until (ivc_candidate_get_recommendation (ann) == IVC_RECOMMENDATION_STRONG_YES);

  /* Bo has "Strong no": one down from it is "No". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-candidate", "s", ivc_candidate_get_id (bo)));
  flush_events ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, IVC_RECOMMENDATION_STRONG_NO);
  gtk_widget_grab_focus (dropdown);
  g_assert_true (send_keys (window, "space", NULL));
  wait_until (gtk_widget_get_mapped (popover));
  flush_events ();
  g_assert_true (send_keys (window, "Down", "Return", NULL));
  wait_until (!gtk_widget_get_mapped (popover));
  flush_events ();
  g_assert_cmpint (ivc_candidate_get_recommendation (bo), ==, IVC_RECOMMENDATION_NO);
  g_assert_cmpint (ivc_candidate_get_recommendation (ann), ==, IVC_RECOMMENDATION_STRONG_YES);
  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));
  g_assert_true (file_has (fixture->store, bo, "\"recommendation\" : \"no\""));
}

static IvcQuestion *
shown_question (Fixture *fixture)
{
  return ivc_question_view_get_question (ivc_window_get_question_view (fixture->window));
}

static const char *
shown_question_id (Fixture *fixture)
{
  IvcQuestion *question = shown_question (fixture);

  return question ? ivc_question_get_id (question) : NULL;
}

/* The row widget that has the focus shows @question_id. */
static gboolean
focus_on_row (Fixture    *fixture,
              const char *question_id)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *row = focus ? gtk_widget_get_first_child (focus) : NULL;
  GObject *item;

  if (row == NULL || !IVC_IS_SIDEBAR_ROW (row))
    return FALSE;

  item = ivc_sidebar_row_get_item (IVC_SIDEBAR_ROW (row));
  return IVC_IS_QUESTION (item) && g_str_equal (ivc_question_get_id (IVC_QUESTION (item)), question_id) &&
         gtk_widget_get_mapped (focus);
}

/* From a fresh start, the list takes ↓, ↑, Home, End, Page Up, Page Down
 * and Enter across the levels, with the focus on a question's row. */
static void
test_browse_list (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  GtkWidget *list = template_child (fixture->window, IVC_TYPE_WINDOW, "question_list");
  const char *junior_last = "why-distributed-systems-are-harder";
  const char *mid_first = "data-consistency-across-services";

  if (!can_send_keys ())
    return;

  /* The first question is on screen, and the list has the keyboard. */
  g_assert_cmpstr (shown_question_id (fixture), ==, "what-are-microservices");
  wait_until (focus_on_row (fixture, "what-are-microservices"));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));

  /* ↓ goes on from the last question of a level to the next level's
   * first, over its heading; ↑ comes back. */
  g_assert_true (ivc_window_select_question (fixture->window, junior_last));
  gtk_widget_grab_focus (list);
  wait_until (focus_on_row (fixture, junior_last));
  g_assert_true (send_keys (window, "Down", NULL));
  wait_until (g_strcmp0 (shown_question_id (fixture), mid_first) == 0);
  wait_until (focus_on_row (fixture, mid_first));
  g_assert_true (send_keys (window, "Up", NULL));
  wait_until (g_strcmp0 (shown_question_id (fixture), junior_last) == 0);
  wait_until (focus_on_row (fixture, junior_last));

  /* End and Home: the last and first questions of the bank. */
  g_assert_true (send_keys (window, "End", NULL));
  wait_until (g_strcmp0 (shown_question_id (fixture), "conways-law-and-microservices") == 0);
  wait_until (focus_on_row (fixture, "conways-law-and-microservices"));
  g_assert_true (send_keys (window, "Home", NULL));
  wait_until (g_strcmp0 (shown_question_id (fixture), "what-are-microservices") == 0);
  wait_until (focus_on_row (fixture, "what-are-microservices"));

  /* Tab leaves the list in one step, Shift+Tab comes back to the row. */
  g_assert_true (send_keys (window, "Tab", NULL));
  wait_until (!gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));
  g_assert_true (send_keys (window, "shift+Tab", NULL));
  wait_until (focus_on_row (fixture, "what-are-microservices"));

  /* Page Down goes further than one row, and Page Up back to the top. */
  g_assert_true (send_keys (window, "Page_Down", NULL));
  wait_until (g_strcmp0 (shown_question_id (fixture), "what-are-microservices") != 0 &&
              g_strcmp0 (shown_question_id (fixture), "tradeoffs-vs-monolith") != 0);
  wait_until (focus_on_row (fixture, shown_question_id (fixture)));
  g_assert_true (send_keys (window, "Page_Up", "Page_Up", "Page_Up", NULL));
  wait_until (g_strcmp0 (shown_question_id (fixture), "what-are-microservices") == 0);

  /* Enter opens the question: in a narrow window, it goes to it. */
  gtk_window_set_default_size (window, 360, 700);
  wait_until (adw_leaflet_get_folded (ADW_LEAFLET (template_child (fixture->window, IVC_TYPE_WINDOW, "leaflet"))));
  gtk_widget_grab_focus (list);
  wait_until (focus_on_row (fixture, "what-are-microservices"));
  g_assert_true (send_keys (window, "Down", NULL));
  wait_until (g_strcmp0 (shown_question_id (fixture), "tradeoffs-vs-monolith") == 0);
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (template_child (fixture->window, IVC_TYPE_WINDOW, "leaflet"))) ==
                 template_child (fixture->window, IVC_TYPE_WINDOW, "sidebar_clamp"));
  g_assert_true (send_keys (window, "Return", NULL));
  wait_until (adw_leaflet_get_visible_child (ADW_LEAFLET (template_child (fixture->window, IVC_TYPE_WINDOW, "leaflet"))) ==
              template_child (fixture->window, IVC_TYPE_WINDOW, "content"));
}

/* The hint under the row of @question_id, if it is on screen. */
static const char *
row_hint (Fixture    *fixture,
          const char *question_id)
{
  GtkWidget *list = template_child (fixture->window, IVC_TYPE_WINDOW, "question_list");
  GtkWidget *list_view = template_child (list, IVC_TYPE_QUESTION_LIST, "list_view");

  for (GtkWidget *child = gtk_widget_get_first_child (list_view); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      GObject *item = IVC_IS_SIDEBAR_ROW (row) ? ivc_sidebar_row_get_item (IVC_SIDEBAR_ROW (row)) : NULL;

      if (IVC_IS_QUESTION (item) && g_str_equal (ivc_question_get_id (IVC_QUESTION (item)), question_id))
        {
          GtkWidget *hint = template_child (row, IVC_TYPE_SIDEBAR_ROW, "match_label");

          return gtk_widget_get_visible (hint) ? gtk_label_get_text (GTK_LABEL (hint)) : "";
        }
    }

  return NULL;
}

/* Enter opens the best match, not the first in the bank; a row says
 * where its question matched; Escape comes back to the list. */
static void
test_search_ranking (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  GtkWidget *list = template_child (fixture->window, IVC_TYPE_WINDOW, "question_list");

  if (!can_send_keys ())
    return;

  g_assert_true (send_keys (window, "ctrl+f", NULL));
  g_assert_true (type_text_into (window, "saga"));
  wait_until (ivc_window_get_n_visible_questions (fixture->window) >= 2);
  /* Each letter filters at once: wait for the last one. */
  wait_until (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (template_child (list, IVC_TYPE_QUESTION_LIST, "search_entry"))),
                         "saga") == 0);
  wait_until (row_hint (fixture, "data-consistency-across-services") != NULL &&
              strstr (row_hint (fixture, "data-consistency-across-services"), "strong answer") != NULL);
  g_assert_cmpstr (row_hint (fixture, "what-is-the-saga-pattern"), ==, "");

  g_assert_true (send_keys (window, "Return", NULL));
  wait_until (g_strcmp0 (shown_question_id (fixture), "what-is-the-saga-pattern") == 0);

  /* Closed, the search leaves every question listed, this one in view
   * with the keyboard on it. */
  g_assert_true (send_keys (window, "ctrl+f", NULL));
  g_assert_true (send_keys (window, "Escape", NULL));
  wait_until (ivc_window_get_n_visible_questions (fixture->window) == 24);
  wait_until (focus_on_row (fixture, "what-is-the-saga-pattern"));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));
}

static GtkWindow *
find_scorecards (void)
{
  GtkWindow *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (IVC_IS_SCORECARD_WINDOW (l->data))
      found = l->data;

  return found;
}

/* Each widget that takes the focus in @window going round with @key,
 * until the focus comes back where it started: a trap never does. */
static GPtrArray *
tab_round (GtkWindow  *window,
           const char *key)
{
  GPtrArray *reached = g_ptr_array_new ();
  GtkWidget *start = NULL;

  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus;

      g_assert_true (send_keys (window, key, NULL));
      flush_events ();
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL)
        continue;
      if (focus == start)
        return reached;
      if (start == NULL)
        start = focus;
      g_ptr_array_add (reached, focus);
    }

  g_assert_not_reached ();
}

static gboolean
reached_within (GPtrArray *reached,
                GtkWidget *widget)
{
  for (guint i = 0; i < reached->len; i++)
    {
      GtkWidget *focus = g_ptr_array_index (reached, i);

      if (focus == widget || gtk_widget_is_ancestor (focus, widget))
        return TRUE;
    }

  return FALSE;
}

static gboolean
first_is (IvcComparisonView *view,
          const char        *name)
{
  g_autoptr(IvcScorecard) row = g_list_model_get_item (ivc_comparison_view_get_model (view), 0);

  return row != NULL && g_strcmp0 (ivc_scorecard_get_candidate_name (row), name) == 0;
}

/* Every control of the Scorecards window takes the focus with Tab and
 * Shift+Tab, none keeps it, and the table sorts from the keyboard. */
static void
test_scorecards_tab (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  const char *keys[] = { "Tab", "shift+Tab" };
  GtkWindow *scorecards;
  IvcComparisonView *view;
  GtkWidget *table, *sort_button, *summary;
  IvcCandidate *ann, *bo;

  if (!can_send_keys ())
    return;

  ann = ivc_candidate_store_create (fixture->store, "Ann", NULL, NULL, "microservices");
  bo = ivc_candidate_store_create (fixture->store, "Bo", NULL, NULL, "microservices");
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (ann, "what-are-microservices"), IVC_SCORE_GOOD);
  ivc_evaluation_set_notes (ivc_candidate_ensure_evaluation (ann, "what-are-microservices"), "Clear on bounded contexts");
  ivc_evaluation_set_score (ivc_candidate_ensure_evaluation (bo, "what-are-microservices"), IVC_SCORE_POOR);
  ivc_candidate_set_summary (ann, "Hire");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-candidate", "s", ivc_candidate_get_id (ann)));

  /* The comparison: the table and the sort menu, round and back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-candidates", NULL));
  scorecards = find_scorecards ();
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (scorecards)));
  view = IVC_COMPARISON_VIEW (template_child (scorecards, IVC_TYPE_SCORECARD_WINDOW, "comparison_view"));
  table = template_child (view, IVC_TYPE_COMPARISON_VIEW, "column_view");
  sort_button = template_child (scorecards, IVC_TYPE_SCORECARD_WINDOW, "sort_button");
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autoptr(GPtrArray) reached = tab_round (scorecards, keys[k]);

      g_assert_true (reached_within (reached, table));
      g_assert_true (reached_within (reached, sort_button));
    }

  /* Sorting: the menu's first column, Name, one way and the other. */
  gtk_widget_grab_focus (sort_button);
  g_assert_true (send_keys (scorecards, "space", NULL));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (sort_button)))));
  g_assert_true (send_keys (NULL, "Return", NULL));
  wait_until (!gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (sort_button)))));
  wait_until (first_is (view, "Ann"));
  gtk_widget_grab_focus (sort_button);
  g_assert_true (send_keys (scorecards, "space", NULL));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (sort_button)))));
  g_assert_true (send_keys (NULL, "Return", NULL));
  wait_until (first_is (view, "Bo"));

  /* A scorecard: its buttons, the name, the summary and the notes. */
  ivc_scorecard_window_show_candidate (IVC_SCORECARD_WINDOW (scorecards), ann);
  flush_events ();
  summary = template_child (template_child (scorecards, IVC_TYPE_SCORECARD_WINDOW, "scorecard_view"),
                            IVC_TYPE_SCORECARD_VIEW, "summary_label");
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autoptr(GPtrArray) reached = tab_round (scorecards, keys[k]);

      g_assert_true (reached_within (reached, template_child (scorecards, IVC_TYPE_SCORECARD_WINDOW, "back_button")));
      g_assert_true (reached_within (reached, template_child (scorecards, IVC_TYPE_SCORECARD_WINDOW, "export_button")));
      g_assert_true (reached_within (reached, template_child (scorecards, IVC_TYPE_SCORECARD_WINDOW, "print_button")));
      g_assert_true (reached_within (reached, summary));
      /* The questions' list, with their notes: one stop, ↓ and ↑ within. */
      g_assert_true (reached_within (reached, template_child (template_child (scorecards, IVC_TYPE_SCORECARD_WINDOW, "scorecard_view"),
                                                              IVC_TYPE_SCORECARD_VIEW, "levels_box")));
    }

  gtk_window_destroy (scorecards);
  flush_events ();
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The candidate switcher: the current candidate's count as it is now,
 * marked as current; Escape from its search field closes it. */
static void
test_candidate_switcher (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  GtkWidget *popover, *search, *list;
  GtkWidget *ann_row, *bo_row;
  IvcCandidate *ann;

  if (!can_send_keys ())
    return;

  ivc_candidate_store_create (fixture->store, "Bo", "Backend developer", NULL, "microservices");
  ann = ivc_candidate_store_create (fixture->store, "Ann", NULL, NULL, "microservices");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-candidate", "s", ivc_candidate_get_id (ann)));
  /* On the candidate page, built once a candidate is shown. */
  popover = panel_child (fixture, "switch_popover");
  search = panel_child (fixture, "candidate_search");
  list = panel_child (fixture, "candidate_list");

  /* Seen once with nothing scored, then scored. */
  gtk_popover_popup (GTK_POPOVER (popover));
  wait_until (gtk_widget_get_mapped (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  wait_until (!gtk_widget_get_mapped (popover));
  g_assert_true (ivc_window_select_question (fixture->window, "what-are-microservices"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.score", "i", 3));
  g_assert_true (ivc_window_select_question (fixture->window, "tradeoffs-vs-monolith"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.score", "i", 2));

  gtk_popover_popup (GTK_POPOVER (popover));
  wait_until (gtk_widget_get_mapped (popover));
  wait_until (gtk_widget_has_focus (search) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), search));
  ann_row = gtk_widget_get_parent (gtk_widget_get_parent (find_label (list, "Ann")));
  bo_row = gtk_widget_get_parent (gtk_widget_get_parent (find_label (list, "Bo")));
  g_assert_nonnull (find_label (ann_row, "2 questions scored"));
  g_assert_nonnull (find_label (bo_row, "Backend developer · 0 questions scored"));

  /* Ann is marked as the current candidate; Bo is not. */
  g_assert_cmpfloat (gtk_widget_get_opacity (gtk_widget_get_last_child (ann_row)), ==, 1.0);
  g_assert_cmpfloat (gtk_widget_get_opacity (gtk_widget_get_last_child (bo_row)), ==, 0.0);

  g_assert_true (send_keys (window, "Escape", NULL));
  wait_until (!gtk_widget_get_mapped (popover));
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
  g_test_add ("/ivc/keyboard-ui/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("browse-list", test_browse_list);
  ADD ("search-ranking", test_search_ranking);
  ADD ("verdict", test_verdict_by_keyboard);
  ADD ("scorecards-tab", test_scorecards_tab);
  ADD ("candidate-switcher", test_candidate_switcher);

  return g_test_run ();
}
