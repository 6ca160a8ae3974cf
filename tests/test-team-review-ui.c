/* test-team-review-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Independent scoring in the window: Ctrl+Return submits (from the notes
 * too, without a line break), the panel shows teammates' scores only after
 * that; and the Debrief page of the Scorecards window, behind the same
 * guard, with the disagreement in words, and printed.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ivc-candidate-panel.h"
#include "ivc-comparison-view.h"
#include "ivc-candidate-store.h"
#include "ivc-debrief-printer.h"
#include "ivc-debrief-view.h"
#include "ivc-scorecard-window.h"
#include "ivc-window.h"

#include "ivc-test-util.h"

#define QUESTION "what-are-microservices"
#define BOBS_NOTES "Bob: vague on data ownership"

typedef struct
{
  char              *tmp;
  GFile             *folder;
  IvcCandidateStore *store;
  IvcCandidate      *ann;
  IvcWindow         *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(IvcCandidateStore) bob_store = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  IvcCandidate *bob;
  IvcEvaluation *evaluation;

  g_settings_reset (settings, "hide-scores-until-submitted");
  g_settings_reset (settings, "last-candidate");
  g_settings_reset (settings, "last-question");

  fixture->tmp = g_dir_make_tmp ("ivc-team-review-ui-XXXXXX", NULL);
  fixture->folder = g_file_new_for_path (fixture->tmp);

  /* Ann (this window) scored 4; Bob, on the same folder, 2 and submitted. */
  fixture->store = ivc_candidate_store_new (fixture->folder, "ann", "Ann");
  g_assert_true (ivc_candidate_store_load (fixture->store, NULL, NULL, NULL));
  fixture->ann = ivc_candidate_store_create (fixture->store, "Zoë Martin", "Backend", "2024-05-01", "microservices");
  evaluation = ivc_candidate_ensure_evaluation (fixture->ann, QUESTION);
  ivc_evaluation_set_score (evaluation, IVC_SCORE_STRONG);
  ivc_candidate_set_recommendation (fixture->ann, IVC_RECOMMENDATION_YES);
  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));

  bob_store = ivc_candidate_store_new (fixture->folder, "bob", "Bob");
  g_assert_true (ivc_candidate_store_load (bob_store, NULL, NULL, NULL));
  bob = ivc_candidate_store_find (bob_store, ivc_candidate_get_id (fixture->ann));
  evaluation = ivc_candidate_ensure_evaluation (bob, QUESTION);
  ivc_evaluation_set_score (evaluation, IVC_SCORE_MIXED);
  ivc_evaluation_set_notes (evaluation, BOBS_NOTES);
  ivc_candidate_set_recommendation (bob, IVC_RECOMMENDATION_NO);
  ivc_candidate_submit (bob);
  g_assert_true (ivc_candidate_store_flush (bob_store, NULL));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_assert_finalize_object (fixture->window);
      flush_events ();
    }
  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->folder);
  remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
}

/* Whether a label under @widget shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
      (g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

static GtkWidget *
panel_of (Fixture *fixture)
{
  return template_child (fixture->window, IVC_TYPE_WINDOW, "candidate_panel");
}

static void
open_window (Fixture *fixture)
{
  fixture->window = g_object_ref_sink (g_object_new (IVC_TYPE_WINDOW, NULL));
  ivc_window_set_store (fixture->window, fixture->store);
  ivc_window_load_bundled_bank (fixture->window);
  ivc_window_candidates_loaded (fixture->window, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-candidate", "s",
                              ivc_candidate_get_id (fixture->ann));
  wait_until (ivc_window_get_candidate (fixture->window) == fixture->ann);
  g_assert_true (ivc_window_select_question (fixture->window, QUESTION));
  g_object_set (fixture->window, "side-panel-visible", TRUE, NULL);
  flush_events ();
}

/* Ctrl+Return, typed in the notes: submitted, no line break; Bob's score
 * and notes show only then. */
static void
test_submit_keyboard (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *panel;

  if (!can_send_keys ())
    {
      g_test_skip ("cannot send keys to the window");
      return;
    }

  open_window (fixture);
  panel = panel_of (fixture);

  /* Before: how many submitted, nothing of what Bob noted. */
  wait_until (shows_text (panel, "1 teammate has submitted"));
  g_assert_false (shows_text (panel, BOBS_NOTES));
  g_assert_false (shows_text (panel, "Bob: Mixed"));
  g_assert_true (gtk_widget_get_visible (template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "submit_button")));

  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "alt+n", NULL));
  wait_for_notes (fixture->window);
  g_assert_true (type_text_into (GTK_WINDOW (fixture->window), "Ann's note"));
  wait_until (g_strcmp0 (ivc_evaluation_get_notes (ivc_candidate_get_evaluation (fixture->ann, QUESTION)),
                         "Ann's note") == 0);
  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "ctrl+Return", NULL));

  wait_until (ivc_candidate_is_submitted (fixture->ann));
  g_assert_cmpstr (ivc_evaluation_get_notes (ivc_candidate_get_evaluation (fixture->ann, QUESTION)), ==, "Ann's note");
  wait_until (file_has (fixture->store, fixture->ann, "\"submitted\" : \"20"));

  /* After: Bob's score, red flag and notes, his verdict; no Submit. */
  wait_until (shows_text (panel, BOBS_NOTES));
  g_assert_true (shows_text (panel, "Bob: Mixed (2 of 4)"));
  g_assert_true (shows_text (panel, "Bob — Submitted"));
  g_assert_false (gtk_widget_get_visible (template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "submit_button")));

  /* Ctrl+Return again says it is done; a change amends. */
  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "ctrl+Return", NULL));
  g_assert_true (send_keys (GTK_WINDOW (fixture->window), "alt+3", NULL));
  wait_until (ivc_candidate_get_amended (fixture->ann) != NULL);
  wait_until (shows_text (panel, "amended after submission"));
}

/* The guard off (the Preferences switch): teammates show at once. */
static void
test_guard_off (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  open_window (fixture);
  wait_until (shows_text (panel_of (fixture), "1 teammate has submitted"));
  g_settings_set_boolean (settings, "hide-scores-until-submitted", FALSE);
  wait_until (shows_text (panel_of (fixture), BOBS_NOTES));
  g_settings_reset (settings, "hide-scores-until-submitted");
  wait_until (!shows_text (panel_of (fixture), BOBS_NOTES));
}

static void
test_debrief_page (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window;
  IvcDebriefView *view;
  IvcDebrief *debrief;
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf info;

  window = ivc_scorecard_window_new (NULL, fixture->store, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (gtk_widget_get_mapped (window));
  ivc_scorecard_window_show_candidate (IVC_SCORECARD_WINDOW (window), fixture->ann);
  view = IVC_DEBRIEF_VIEW (template_child (window, IVC_TYPE_SCORECARD_WINDOW, "debrief_view"));

  /* The Debrief button's action; before Ann submits, the guard says why. */
  gtk_widget_activate_action (window, "scorecard.show-debrief", NULL);
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (view)));
  wait_until (shows_text (GTK_WIDGET (view), "Submit Your Scorecard First"));
  g_assert_null (ivc_debrief_view_get_debrief (view));
  g_assert_false (shows_text (GTK_WIDGET (view), BOBS_NOTES));

  /* Submitted: both side by side, the disagreement in words. */
  ivc_candidate_submit (fixture->ann);
  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));
  wait_until ((debrief = ivc_debrief_view_get_debrief (view)) != NULL);
  g_assert_cmpuint (ivc_debrief_get_n_interviewers (debrief), ==, 2);
  wait_until (shows_text (GTK_WIDGET (view), "Disagreement: scores 2 or more points apart"));
  g_assert_true (shows_text (GTK_WIDGET (view), "Disagreement: verdicts on both sides of hire / no hire"));
  g_assert_true (shows_text (GTK_WIDGET (view), BOBS_NOTES));
  g_assert_true (shows_text (GTK_WIDGET (view), "Questions Nobody Asked"));

  /* Back goes to the scorecard; printing writes a PDF. */
  pdf = g_build_filename (fixture->tmp, "debrief.pdf", NULL);
  g_assert_cmpint (ivc_debrief_print (debrief, GTK_WINDOW (window), GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (pdf, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 1000);

  gtk_widget_activate_action (window, "scorecard.back", NULL);
  wait_until (!gtk_widget_get_mapped (GTK_WIDGET (view)));
  /* The scorecard says it was submitted. */
  wait_until (shows_text (template_child (window, IVC_TYPE_SCORECARD_WINDOW, "scorecard_view"), "Submitted "));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

/* The comparison's team figures: hidden before submitting, the team's
 * average after, the verdicts split in words. */
static void
test_comparison_team (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *window = ivc_scorecard_window_new (NULL, fixture->store, NULL, NULL);
  IvcComparisonView *comparison = IVC_COMPARISON_VIEW (template_child (window, IVC_TYPE_SCORECARD_WINDOW,
                                                                       "comparison_view"));
  GtkWidget *team_button = template_child (window, IVC_TYPE_SCORECARD_WINDOW, "team_button");
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/questions.json", 0, NULL);

  bank = ivc_question_bank_new_from_bytes (bytes, "questions.json", NULL, NULL);
  ivc_scorecard_window_set_bank (IVC_SCORECARD_WINDOW (window), bank);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (gtk_widget_get_mapped (window));

  /* One's own figures: Ann's 4.00 and her verdict. */
  wait_until (shows_text (GTK_WIDGET (comparison), "4.00"));
  g_assert_false (shows_text (GTK_WIDGET (comparison), "Hidden"));

  /* The team's, before Ann submits: hidden. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (team_button), TRUE);
  g_assert_true (ivc_comparison_view_get_team (comparison));
  wait_until (shows_text (GTK_WIDGET (comparison), "Hidden"));
  g_assert_false (shows_text (GTK_WIDGET (comparison), "4.00"));

  /* After: (4 + 2) / 2, and both verdicts. */
  ivc_candidate_submit (fixture->ann);
  wait_until (shows_text (GTK_WIDGET (comparison), "3.00"));
  g_assert_true (shows_text (GTK_WIDGET (comparison), "Split: Yes, No"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (team_button), FALSE);
  wait_until (shows_text (GTK_WIDGET (comparison), "4.00"));

  gtk_window_destroy (GTK_WINDOW (window));
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
  /* Without page transitions: under LeakSanitizer, GTK 4.8 sometimes leaks
   * a render node of a leaflet page drawn mid-transition (1 run in 2 of
   * the debrief page's test, with no frame of ours in the stack). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add ("/ivc/team-review-ui/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("submit-keyboard", test_submit_keyboard);
  ADD ("guard-off", test_guard_off);
  ADD ("debrief-page", test_debrief_page);
  ADD ("comparison-team", test_comparison_team);

  return g_test_run ();
}
