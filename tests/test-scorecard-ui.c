/* test-scorecard-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scorecards on screen and on paper: one candidate's scorecard, the table
 * that compares candidates, the window that holds both, and the printed
 * scorecard, written as a PDF.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ivc-bank-library.h"
#include "ivc-candidate-store.h"
#include "ivc-comparison-view.h"
#include "ivc-export.h"
#include "ivc-export-dialog.h"
#include "ivc-question-bank.h"
#include "ivc-score-chart.h"
#include "ivc-scorecard-printer.h"
#include "ivc-scorecard-view.h"
#include "ivc-scorecard-window.h"
#include "ivc-text.h"

#include "ivc-test-util.h"

#define RETIRED_NOTES "Asked about <b>SOAP</b> & \"WSDL\" — kept\nsecond line"

typedef struct
{
  IvcCandidateStore *store;
  IvcQuestionBank   *bank;
  char              *folder;
  IvcCandidate      *ada;
  IvcCandidate      *grace;
  IvcCandidate      *zed;
  GtkWindow         *window;
} Fixture;

static const char *
question_id (IvcQuestionBank *bank,
             guint            level,
             guint            position)
{
  g_autoptr(IvcLevel) item = g_list_model_get_item (ivc_question_bank_get_levels (bank), level);
  g_autoptr(IvcQuestion) question = g_list_model_get_item (ivc_level_get_questions (item), position);

  /* The bank keeps the question alive. */
  return ivc_question_get_id (question);
}

static void
evaluate (IvcCandidate *candidate,
          const char   *id,
          IvcScore      score,
          gboolean      red_flag,
          const char   *notes,
          guint64       seconds)
{
  IvcEvaluation *evaluation = ivc_candidate_ensure_evaluation (candidate, id);

  ivc_evaluation_set_score (evaluation, score);
  ivc_evaluation_set_red_flag_observed (evaluation, red_flag);
  ivc_evaluation_set_notes (evaluation, notes);
  ivc_evaluation_set_seconds (evaluation, seconds);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank;

  bytes = g_resources_lookup_data (RESOURCE_BASE "/questions.json", 0, &error);
  g_assert_no_error (error);
  fixture->bank = bank = ivc_question_bank_new_from_bytes (bytes, "questions.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ivc_question_bank_get_n_levels (bank), ==, 3);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), ==, 24);

  fixture->folder = g_dir_make_tmp ("ivc-scorecard-ui-XXXXXX", NULL);
  folder = g_file_new_for_path (fixture->folder);
  fixture->store = ivc_candidate_store_new (folder, "tester-1", "Tester");
  g_assert_true (ivc_candidate_store_load (fixture->store, NULL, NULL, NULL));

  /* Ada: three scored in the first level, one in the second, a red flag,
   * and notes on a question the bank no longer has. */
  fixture->ada = ivc_candidate_store_create (fixture->store, "Ada Lovelace", "Backend Engineer",
                                             "2026-11-20", ivc_question_bank_get_id (bank));
  ivc_candidate_set_recommendation (fixture->ada, IVC_RECOMMENDATION_STRONG_YES);
  ivc_candidate_set_summary (fixture->ada, "Clear thinker. <i>Would hire</i> & onboard fast.");
  ivc_candidate_set_interview_seconds (fixture->ada, 45 * 60 + 10);
  evaluate (fixture->ada, question_id (bank, 0, 0), IVC_SCORE_STRONG, FALSE, "Knew it cold.", 125);
  evaluate (fixture->ada, question_id (bank, 0, 1), IVC_SCORE_GOOD, FALSE, "", 60);
  evaluate (fixture->ada, question_id (bank, 0, 2), IVC_SCORE_MIXED, TRUE, "Hand-waved the\nretries.", 90);
  evaluate (fixture->ada, question_id (bank, 1, 0), IVC_SCORE_STRONG, FALSE, "", 30);
  evaluate (fixture->ada, "retired-question", IVC_SCORE_GOOD, FALSE, RETIRED_NOTES, 0);

  /* Grace: one poor answer, two red flags. */
  fixture->grace = ivc_candidate_store_create (fixture->store, "grace Hopper", "Platform Engineer",
                                               "2026-11-21", ivc_question_bank_get_id (bank));
  ivc_candidate_set_recommendation (fixture->grace, IVC_RECOMMENDATION_NO);
  evaluate (fixture->grace, question_id (bank, 0, 0), IVC_SCORE_POOR, TRUE, "", 0);
  evaluate (fixture->grace, question_id (bank, 2, 0), IVC_SCORE_GOOD, TRUE, "", 0);

  /* Zed: nothing yet. */
  fixture->zed = ivc_candidate_store_create (fixture->store, "Zed", "", "",
                                             ivc_question_bank_get_id (bank));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (fixture->window);
      g_assert_finalize_object (fixture->window);
      flush_events ();
    }
  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->bank);
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->folder, g_free);
}

/* A plain window around @child, on screen at @width. */
static void
show_in_window (Fixture   *fixture,
                GtkWidget *child,
                int        width)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, width, 700);
  gtk_window_set_child (fixture->window, child);
  gtk_window_present (fixture->window);
  wait_until (gtk_widget_get_mapped (child));
  flush_events ();
}

static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* Every text the widget shows, one label a line. */
static char *
dup_texts (gpointer widget)
{
  GString *texts = g_string_new (NULL);

  collect_texts (GTK_WIDGET (widget), texts);
  return g_string_free (texts, FALSE);
}

static void
collect_charts (GtkWidget *widget,
                GPtrArray *charts)
{
  if (IVC_IS_SCORE_CHART (widget))
    g_ptr_array_add (charts, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_charts (child, charts);
}

static const char *
label_text (gpointer    view,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (template_child (view, IVC_TYPE_SCORECARD_VIEW, name)));
}

static void
test_view_figures (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(IvcScorecard) scorecard = ivc_scorecard_new (fixture->ada, fixture->bank);
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autofree char *texts = NULL;
  g_autofree char *description = NULL;
  GtkWidget *view = ivc_scorecard_view_new ();
  int minimum;

  show_in_window (fixture, view, 800);
  ivc_scorecard_view_set_scorecard (IVC_SCORECARD_VIEW (view), scorecard);
  g_assert_true (ivc_scorecard_view_get_scorecard (IVC_SCORECARD_VIEW (view)) == scorecard);

  /* The header: who, the verdict, the figures. */
  g_assert_cmpstr (label_text (view, "name_label"), ==, "Ada Lovelace");
  g_assert_nonnull (strstr (label_text (view, "details_label"), "Backend Engineer"));
  /* The date as the locale writes it; the file keeps it in ISO 8601. */
  {
    g_autofree char *date = ivc_text_format_date ("2026-11-20");

    g_assert_cmpstr (date, !=, "2026-11-20");
    g_assert_nonnull (strstr (label_text (view, "details_label"), date));
  }
  g_assert_nonnull (strstr (label_text (view, "details_label"), "Tester"));
  g_assert_nonnull (strstr (label_text (view, "details_label"), ivc_question_bank_get_title (fixture->bank)));
  g_assert_cmpstr (label_text (view, "recommendation_label"), ==, "Strong yes");
  g_assert_cmpstr (label_text (view, "coverage_label"), ==, "4 of 24");
  g_assert_cmpstr (label_text (view, "average_label"), ==, "3.25");
  g_assert_cmpstr (label_text (view, "red_flags_label"), ==, "1");
  g_assert_cmpstr (label_text (view, "time_label"), ==, "45:10");
  /* What the user typed is shown as typed, not as markup. */
  g_assert_cmpstr (label_text (view, "summary_label"), ==, "Clear thinker. <i>Would hire</i> & onboard fast.");
  g_assert_false (gtk_widget_get_visible (template_child (view, IVC_TYPE_SCORECARD_VIEW, "nothing_scored_label")));

  /* Each level: a chart of its scores and its questions. */
  collect_charts (view, charts);
  g_assert_cmpuint (charts->len, ==, 3);
  g_assert_cmpuint (ivc_score_chart_get_count (charts->pdata[0], IVC_SCORE_STRONG), ==, 1);
  g_assert_cmpuint (ivc_score_chart_get_count (charts->pdata[0], IVC_SCORE_GOOD), ==, 1);
  g_assert_cmpuint (ivc_score_chart_get_count (charts->pdata[0], IVC_SCORE_MIXED), ==, 1);
  g_assert_cmpuint (ivc_score_chart_get_count (charts->pdata[0], IVC_SCORE_NONE), ==, 5);
  description = ivc_score_chart_dup_description (charts->pdata[0]);
  g_assert_cmpstr (description, ==, "Poor: 0, Mixed: 1, Good: 1, Strong: 1, not scored: 5");
  g_assert_null (gtk_test_accessible_check_property (charts->pdata[0], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                     description));

  texts = dup_texts (view);
  g_assert_nonnull (strstr (texts, "3 of 8 scored · average 3.00 · 1 red flag"));
  g_assert_nonnull (strstr (texts, "1 of 8 scored · average 4.00"));
  g_assert_nonnull (strstr (texts, "0 of 8 scored"));
  g_assert_nonnull (strstr (texts, "Knew it cold."));
  g_assert_nonnull (strstr (texts, "Hand-waved the\nretries."));
  g_assert_nonnull (strstr (texts, "Red flag observed"));
  g_assert_nonnull (strstr (texts, "4 Strong"));
  g_assert_nonnull (strstr (texts, "2:05 on this question"));

  /* Notes on a question the bank no longer has are kept, shown as typed. */
  g_assert_true (gtk_widget_get_visible (template_child (view, IVC_TYPE_SCORECARD_VIEW, "removed_group")));
  g_assert_nonnull (strstr (texts, "No Longer in the Bank"));
  g_assert_nonnull (strstr (texts, "retired-question"));
  g_assert_nonnull (strstr (texts, RETIRED_NOTES));

  /* It fits a phone: nothing needs more than 360 pixels. */
  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* None at all. */
  ivc_scorecard_view_set_scorecard (IVC_SCORECARD_VIEW (view), NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (view, IVC_TYPE_SCORECARD_VIEW, "stack"))),
                   ==, "empty");
}

static void
test_view_empty_candidate (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(IvcScorecard) scorecard = ivc_scorecard_new (fixture->zed, fixture->bank);
  g_autoptr(IvcScorecard) without_bank = NULL;
  g_autofree char *texts = NULL;
  GtkWidget *view = ivc_scorecard_view_new ();

  show_in_window (fixture, view, 360);
  ivc_scorecard_view_set_scorecard (IVC_SCORECARD_VIEW (view), scorecard);

  g_assert_cmpstr (label_text (view, "name_label"), ==, "Zed");
  g_assert_cmpstr (label_text (view, "coverage_label"), ==, "0 of 24");
  g_assert_cmpstr (label_text (view, "average_label"), ==, "—");
  g_assert_cmpstr (label_text (view, "red_flags_label"), ==, "0");
  g_assert_cmpstr (label_text (view, "recommendation_label"), ==, "No recommendation yet");
  g_assert_true (gtk_widget_get_visible (template_child (view, IVC_TYPE_SCORECARD_VIEW, "nothing_scored_label")));
  g_assert_false (gtk_widget_get_visible (template_child (view, IVC_TYPE_SCORECARD_VIEW, "removed_group")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (view, IVC_TYPE_SCORECARD_VIEW, "stack"))),
                   ==, "scorecard");

  /* Without the bank, every evaluation is listed by its question's id. */
  without_bank = ivc_scorecard_new (fixture->ada, NULL);
  ivc_scorecard_view_set_scorecard (IVC_SCORECARD_VIEW (view), without_bank);
  texts = dup_texts (view);
  g_assert_true (gtk_widget_get_visible (template_child (view, IVC_TYPE_SCORECARD_VIEW, "removed_group")));
  g_assert_nonnull (strstr (texts, "Evaluated Questions"));
  g_assert_nonnull (strstr (texts, question_id (fixture->bank, 0, 0)));
  g_assert_nonnull (strstr (texts, "retired-question"));
}

static GtkColumnView *
column_view_of (IvcComparisonView *view)
{
  return GTK_COLUMN_VIEW (template_child (view, IVC_TYPE_COMPARISON_VIEW, "column_view"));
}

static GtkColumnViewColumn *
column_titled (IvcComparisonView *view,
               const char        *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view_of (view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
}

/* The names down the table, as shown. */
static char *
dup_order (IvcComparisonView *view)
{
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (column_view_of (view)));
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_true (rows != NULL);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(IvcScorecard) scorecard = g_list_model_get_item (rows, i);

      g_string_append_printf (names, "%s%s", names->len ? ", " : "", ivc_scorecard_get_candidate_name (scorecard));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
assert_sorted (IvcComparisonView *view,
               const char        *title,
               GtkSortType        direction,
               const char        *expected)
{
  g_autofree char *order = NULL;

  gtk_column_view_sort_by_column (column_view_of (view), column_titled (view, title), direction);
  order = dup_order (view);
  g_assert_cmpstr (order, ==, expected);
}

static void
on_candidate_activated_cb (IvcComparisonView  *view,
                           IvcCandidate       *candidate,
                           IvcCandidate      **activated)
{
  *activated = candidate;
}

static void
test_comparison (Fixture       *fixture,
                 gconstpointer  data)
{
  IvcComparisonView *view = IVC_COMPARISON_VIEW (ivc_comparison_view_new ());
  g_autoptr(IvcCandidateStore) empty_store = NULL;
  g_autoptr(GFile) empty_folder = NULL;
  g_autofree char *empty_path = NULL;
  GtkStack *stack;
  IvcCandidate *activated = NULL;
  GListModel *rows;

  show_in_window (fixture, GTK_WIDGET (view), 900);
  stack = GTK_STACK (template_child (view, IVC_TYPE_COMPARISON_VIEW, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  ivc_comparison_view_set_bank (view, fixture->bank);
  ivc_comparison_view_set_store (view, fixture->store);
  g_assert_true (ivc_comparison_view_get_store (view) == fixture->store);
  g_assert_true (ivc_comparison_view_get_bank (view) == fixture->bank);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "candidates");

  /* All candidates; a column for each level, between the name and the
   * red flags. */
  rows = ivc_comparison_view_get_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view_of (view))), ==, 4 + 3);
  column_titled (view, "Junior");
  column_titled (view, "Senior");

  /* Every column sorts, both ways; names ignore case, and put equal
   * figures in order. */
  assert_sorted (view, "Name", GTK_SORT_ASCENDING, "Ada Lovelace, grace Hopper, Zed");
  assert_sorted (view, "Name", GTK_SORT_DESCENDING, "Zed, grace Hopper, Ada Lovelace");
  assert_sorted (view, "Junior", GTK_SORT_DESCENDING, "Ada Lovelace, grace Hopper, Zed");
  assert_sorted (view, "Senior", GTK_SORT_DESCENDING, "grace Hopper, Zed, Ada Lovelace");
  assert_sorted (view, "Senior", GTK_SORT_ASCENDING, "Ada Lovelace, Zed, grace Hopper");
  assert_sorted (view, "Red Flags", GTK_SORT_DESCENDING, "grace Hopper, Ada Lovelace, Zed");
  assert_sorted (view, "Scored", GTK_SORT_ASCENDING, "Zed, grace Hopper, Ada Lovelace");
  assert_sorted (view, "Recommendation", GTK_SORT_DESCENDING, "Ada Lovelace, grace Hopper, Zed");

  /* A change to a candidate shows at once, in the sorted place. */
  assert_sorted (view, "Scored", GTK_SORT_DESCENDING, "Ada Lovelace, grace Hopper, Zed");
  for (guint i = 0; i < 6; i++)
    evaluate (fixture->zed, question_id (fixture->bank, 1, i), IVC_SCORE_GOOD, FALSE, "", 0);
  {
    g_autofree char *order = dup_order (view);

    g_assert_cmpstr (order, ==, "Zed, Ada Lovelace, grace Hopper");
  }

  /* Enter, or a double click, on a row opens its candidate. */
  g_signal_connect (view, "candidate-activated", G_CALLBACK (on_candidate_activated_cb), &activated);
  g_signal_emit_by_name (column_view_of (view), "activate", 1);
  g_assert_true (activated == fixture->ada);

  /* New candidates appear, removed ones go. */
  ivc_candidate_store_create (fixture->store, "Bea", "", "", ivc_question_bank_get_id (fixture->bank));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  g_object_unref (ivc_candidate_store_remove (fixture->store, fixture->grace));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);

  /* Another bank, other columns; none, none. */
  ivc_comparison_view_set_bank (view, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view_of (view))), ==, 4);
  ivc_comparison_view_set_bank (view, fixture->bank);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view_of (view))), ==, 4 + 3);

  /* No candidates: a status page says so. */
  empty_path = g_build_filename (fixture->folder, "empty", NULL);
  empty_folder = g_file_new_for_path (empty_path);
  empty_store = ivc_candidate_store_new (empty_folder, "tester-1", "Tester");
  g_assert_true (ivc_candidate_store_load (empty_store, NULL, NULL, NULL));
  ivc_comparison_view_set_store (view, empty_store);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  ivc_comparison_view_set_store (view, NULL);
}

/* Enter on a row, with the keyboard alone. */
static void
test_comparison_keyboard (Fixture       *fixture,
                          gconstpointer  data)
{
  IvcComparisonView *view = IVC_COMPARISON_VIEW (ivc_comparison_view_new ());
  IvcCandidate *activated = NULL;

  if (!can_send_keys ())
    return;

  show_in_window (fixture, GTK_WIDGET (view), 900);
  ivc_comparison_view_set_bank (view, fixture->bank);
  ivc_comparison_view_set_store (view, fixture->store);
  gtk_column_view_sort_by_column (column_view_of (view), column_titled (view, "Name"), GTK_SORT_ASCENDING);
  g_signal_connect (view, "candidate-activated", G_CALLBACK (on_candidate_activated_cb), &activated);
  flush_events ();

  /* The focus follows its row when the table is sorted: start at the top. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (column_view_of (view))));
  g_assert_true (send_keys (fixture->window, "Home", "Return", NULL));
  wait_until (activated != NULL);
  g_assert_true (activated == fixture->ada);

  activated = NULL;
  g_assert_true (send_keys (fixture->window, "Down", "Return", NULL));
  wait_until (activated != NULL);
  g_assert_true (activated == fixture->grace);
}

static GtkWidget *
visible_page (IvcScorecardWindow *window)
{
  return adw_leaflet_get_visible_child (ADW_LEAFLET (template_child (window, IVC_TYPE_SCORECARD_WINDOW, "leaflet")));
}

static void
test_window (Fixture       *fixture,
             gconstpointer  data)
{
  IvcScorecardWindow *window;
  IvcScorecardView *view;
  IvcComparisonView *comparison;
  GtkWidget *comparison_page, *scorecard_page, *export_button, *print_button;

  window = IVC_SCORECARD_WINDOW (ivc_scorecard_window_new (NULL, fixture->store, fixture->bank, NULL));
  fixture->window = g_object_ref_sink (GTK_WINDOW (window));
  gtk_window_present (fixture->window);
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  g_assert_cmpstr (gtk_window_get_title (fixture->window), ==, "Scorecards");
  g_assert_false (gtk_window_get_modal (fixture->window));
  view = IVC_SCORECARD_VIEW (template_child (window, IVC_TYPE_SCORECARD_WINDOW, "scorecard_view"));
  comparison = IVC_COMPARISON_VIEW (template_child (window, IVC_TYPE_SCORECARD_WINDOW, "comparison_view"));
  comparison_page = template_child (window, IVC_TYPE_SCORECARD_WINDOW, "comparison_page");
  scorecard_page = template_child (window, IVC_TYPE_SCORECARD_WINDOW, "scorecard_page");
  export_button = template_child (window, IVC_TYPE_SCORECARD_WINDOW, "export_button");
  print_button = template_child (window, IVC_TYPE_SCORECARD_WINDOW, "print_button");

  /* It opens on the comparison, where there is nothing to export. */
  g_assert_true (visible_page (window) == comparison_page);
  g_assert_cmpuint (g_list_model_get_n_items (ivc_comparison_view_get_model (comparison)), ==, 3);
  g_assert_false (gtk_widget_get_sensitive (export_button));
  g_assert_false (gtk_widget_get_sensitive (print_button));

  /* A row opens that candidate's scorecard. */
  g_signal_emit_by_name (comparison, "candidate-activated", fixture->grace);
  g_assert_true (visible_page (window) == scorecard_page);
  g_assert_true (ivc_scorecard_window_get_candidate (window) == fixture->grace);
  g_assert_true (ivc_scorecard_get_candidate (ivc_scorecard_view_get_scorecard (view)) == fixture->grace);
  g_assert_cmpstr (label_text (view, "name_label"), ==, "grace Hopper");
  g_assert_cmpstr (label_text (view, "red_flags_label"), ==, "2");
  g_assert_true (gtk_widget_get_sensitive (export_button));
  g_assert_true (gtk_widget_get_sensitive (print_button));

  /* Back, and straight to a candidate. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "scorecard.back", NULL));
  g_assert_true (visible_page (window) == comparison_page);
  ivc_scorecard_window_show_candidate (window, fixture->ada);
  g_assert_true (visible_page (window) == scorecard_page);
  g_assert_cmpstr (label_text (view, "name_label"), ==, "Ada Lovelace");
  g_assert_true (ivc_scorecard_window_get_scorecard (window) == ivc_scorecard_view_get_scorecard (view));

  /* It follows the candidate's changes. */
  ivc_candidate_set_recommendation (fixture->ada, IVC_RECOMMENDATION_NO);
  wait_until (g_strcmp0 (label_text (view, "recommendation_label"), "No") == 0);

  /* A candidate deleted elsewhere is no longer shown. */
  g_object_unref (ivc_candidate_store_remove (fixture->store, fixture->ada));
  g_assert_true (visible_page (window) == comparison_page);
  g_assert_null (ivc_scorecard_window_get_candidate (window));
  g_assert_cmpuint (g_list_model_get_n_items (ivc_comparison_view_get_model (comparison)), ==, 2);

  ivc_scorecard_window_show_candidate (window, fixture->zed);
  ivc_scorecard_window_show_comparison (window);
  g_assert_true (visible_page (window) == comparison_page);
}

/* A candidate interviewed with another bank of the library is scored
 * against that bank, loaded when needed. */
static void
test_window_other_bank (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *library_path = g_build_filename (fixture->folder, "banks", NULL);
  g_autofree char *source_path = g_test_build_filename (G_TEST_DIST, "data", "frontend.json", NULL);
  g_autoptr(GFile) library_folder = g_file_new_for_path (library_path);
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(IvcBankLibrary) library = ivc_bank_library_new (library_folder, NULL);
  g_autoptr(IvcQuestionBank) imported = NULL;
  g_autoptr(GError) error = NULL;
  IvcScorecardWindow *window;
  IvcScorecardView *view;
  IvcCandidate *candidate;

  g_assert_true (ivc_bank_library_load (library, NULL, NULL, &error));
  g_assert_no_error (error);
  imported = ivc_bank_library_import (library, source, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ivc_question_bank_get_id (imported), ==, "frontend");

  candidate = ivc_candidate_store_create (fixture->store, "Fran", "", "", "frontend");
  evaluate (candidate, "no-such-question", IVC_SCORE_GOOD, FALSE, "Kept", 0);

  window = IVC_SCORECARD_WINDOW (ivc_scorecard_window_new (NULL, fixture->store, fixture->bank,
                                                           G_LIST_MODEL (library)));
  fixture->window = g_object_ref_sink (GTK_WINDOW (window));
  gtk_window_present (fixture->window);
  view = IVC_SCORECARD_VIEW (template_child (window, IVC_TYPE_SCORECARD_WINDOW, "scorecard_view"));

  ivc_scorecard_window_show_candidate (window, candidate);
  wait_until (ivc_scorecard_get_bank (ivc_scorecard_window_get_scorecard (window)) != NULL);
  g_assert_cmpstr (ivc_scorecard_get_bank_id (ivc_scorecard_window_get_scorecard (window)), ==, "frontend");
  g_assert_cmpstr (label_text (view, "coverage_label"), ==, "0 of 15");
  g_assert_cmpuint (ivc_scorecard_get_n_removed (ivc_scorecard_window_get_scorecard (window)), ==, 1);

  /* A bank that is nowhere: the notes are listed by question id. */
  ivc_candidate_set_bank_id (candidate, "gone");
  wait_until (ivc_scorecard_get_bank (ivc_scorecard_window_get_scorecard (window)) == NULL &&
              g_strcmp0 (ivc_scorecard_get_bank_id (ivc_scorecard_window_get_scorecard (window)), "gone") == 0);
  g_assert_true (gtk_widget_get_visible (template_child (view, IVC_TYPE_SCORECARD_VIEW, "removed_group")));
}

/* Where @needle is in the first @length bytes of @data, which may have
 * zeros in them (compressed streams). */
static const char *
find_bytes (const char *data,
            gsize       length,
            const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (data + i, needle, needle_length) == 0)
      return data + i;

  return NULL;
}

/* Appends the inflated bytes of one stream, when it is compressed with
 * zlib (FlateDecode); anything else (an image, say) adds nothing. */
static void
append_inflated (GString    *text,
                 const char *data,
                 gsize       length)
{
  g_autoptr(GConverter) inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  g_autoptr(GString) inflated = g_string_new (NULL);
  gsize offset = 0;
  char buffer[4096];

  for (;;)
    {
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (inflater, data + offset, length - offset, buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written, NULL);
      if (result == G_CONVERTER_ERROR)
        return;
      offset += bytes_read;
      g_string_append_len (inflated, buffer, bytes_written);
      if (result == G_CONVERTER_FINISHED || (bytes_read == 0 && bytes_written == 0))
        break;
    }

  g_string_append_len (text, inflated->str, inflated->len);
}

/* A PDF's text with its streams inflated. Which objects are written plain
 * and which inside compressed object streams is the writer's choice: cairo
 * 1.18 (GTK 4.18's platform) puts the page tree in object streams, cairo
 * 1.16 (Debian 12) does not. */
static GString *
pdf_text (const char *contents,
          gsize       length)
{
  GString *text = g_string_new_len (contents, length);
  const char *end = contents + length;
  const char *p = contents;

  while ((p = find_bytes (p, end - p, "stream")) != NULL)
    {
      const char *data = p + strlen ("stream");
      const char *stop;

      if (data < end && *data == '\r')
        data++;
      if (data < end && *data == '\n')
        data++;
      if ((stop = find_bytes (data, end - data, "endstream")) == NULL)
        break;
      append_inflated (text, data, stop - data);
      p = stop + strlen ("endstream");
    }

  return text;
}

/* The pages of a PDF, from its page tree; checked against the page
 * objects. */
static guint
count_pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  const char *page_type = "/Type /Page";
  gsize length = 0;
  guint objects = 0;
  const char *found;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);
  text = pdf_text (contents, length);

  for (const char *p = text->str;
       (found = find_bytes (p, text->len - (p - text->str), page_type)) != NULL;
       p = found + strlen (page_type))
    if (found[strlen (page_type)] != 's')
      objects++;

  found = find_bytes (text->str, text->len, "/Count ");
  g_assert_nonnull (found);
  g_assert_cmpuint (objects, ==, (guint) g_ascii_strtoull (found + strlen ("/Count "), NULL, 10));

  return objects;
}

static guint
print_to_pdf (Fixture      *fixture,
              IvcCandidate *candidate,
              const char   *name)
{
  g_autoptr(IvcScorecard) scorecard = ivc_scorecard_new (candidate, fixture->bank);
  g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  result = ivc_scorecard_print (scorecard, NULL, GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return count_pdf_pages (path);
}

static void
test_print_pdf (Fixture       *fixture,
                gconstpointer  data)
{
  guint ada_pages = print_to_pdf (fixture, fixture->ada, "ada.pdf");

  /* A usual interview (a few questions of each level, with notes) fits
   * on one or two pages: questions not asked share a paragraph. */
  g_test_message ("ada: %u pages", ada_pages);
  g_assert_cmpuint (ada_pages, >=, 1);
  g_assert_cmpuint (ada_pages, <=, 2);
  g_assert_cmpuint (print_to_pdf (fixture, fixture->zed, "zed.pdf"), ==, 1);
}

/* A question in Markdown prints formatted, as on screen: its code in a
 * monospace font, its emphasis in italics, never its Markdown signs nor
 * anything read as markup. */
static void
test_print_markdown (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char bank_json[] =
    "{\"format\": 2, \"id\": \"md-bank\", \"title\": \"Markdown\", \"levels\": [{\"id\": \"l\", \"title\": \"Level\", "
    "\"questions\": [{\"id\": \"q\", \"question\": \"Why is *this* <b>slow</b>?\\n\\n"
    "- call `sort()` on it\\n- then **read** it\\n\\n```\\nfor (;;)\\n  wait ();\\n```\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (bank_json, strlen (bank_json));
  g_autoptr(GError) error = NULL;
  g_autoptr(IvcQuestionBank) bank = ivc_question_bank_new_from_bytes (bytes, "md.json", NULL, &error);
  g_autoptr(IvcScorecard) scorecard = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "markdown.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  IvcCandidate *candidate;
  gsize length;

  g_assert_no_error (error);
  candidate = ivc_candidate_store_create (fixture->store, "Mark Down", "", "", "md-bank");
  evaluate (candidate, "q", IVC_SCORE_GOOD, FALSE, "", 0);
  scorecard = ivc_scorecard_new (candidate, bank);
  g_assert_cmpint (ivc_scorecard_print (scorecard, NULL, GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  text = pdf_text (contents, length);
  /* The fonts the page uses: the question's code and emphasis are set in
   * a monospace and an italic (oblique) face of their own. */
  g_assert_nonnull (find_bytes (text->str, text->len, "Mono"));
  g_assert_true (find_bytes (text->str, text->len, "Oblique") != NULL ||
                 find_bytes (text->str, text->len, "Italic") != NULL);
}

/* Two kilobytes of notes on each of the 24 questions: many pages, every
 * one numbered. */
static void
test_print_long (Fixture       *fixture,
                 gconstpointer  data)
{
  IvcCandidate *long_one = ivc_candidate_store_create (fixture->store, "Long Notes", "Engineer", "2026-11-22",
                                                       ivc_question_bank_get_id (fixture->bank));
  g_autoptr(GString) notes = g_string_new (NULL);
  guint short_pages, long_pages;

  while (notes->len < 2048)
    g_string_append (notes, notes->len % 700 < 80 ? "Paragraph.\n" : "The candidate explained the trade-offs at length. ");

  for (guint level = 0; level < 3; level++)
    for (guint i = 0; i < 8; i++)
      evaluate (long_one, question_id (fixture->bank, level, i), 1 + (i % 4), i % 3 == 0, notes->str, 61 * i);

  short_pages = print_to_pdf (fixture, fixture->ada, "short.pdf");
  long_pages = print_to_pdf (fixture, long_one, "long.pdf");
  g_test_message ("short: %u pages, long: %u pages", short_pages, long_pages);
  g_assert_cmpuint (long_pages, >, short_pages);
  g_assert_cmpuint (long_pages, >=, 8);
}

static void
test_export_format (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct {
    const char      *name;
    IvcExportFormat  fallback;
    IvcExportFormat  expected;
  } cases[] = {
    { "a.md", IVC_EXPORT_FORMAT_JSON, IVC_EXPORT_FORMAT_MARKDOWN },
    { "a.MARKDOWN", IVC_EXPORT_FORMAT_CSV, IVC_EXPORT_FORMAT_MARKDOWN },
    { "a.csv", IVC_EXPORT_FORMAT_MARKDOWN, IVC_EXPORT_FORMAT_CSV },
    { "a.Json", IVC_EXPORT_FORMAT_MARKDOWN, IVC_EXPORT_FORMAT_JSON },
    { "scorecard", IVC_EXPORT_FORMAT_CSV, IVC_EXPORT_FORMAT_CSV },
    { "scorecard.txt", IVC_EXPORT_FORMAT_JSON, IVC_EXPORT_FORMAT_JSON },
    { "my.csv.folder", IVC_EXPORT_FORMAT_MARKDOWN, IVC_EXPORT_FORMAT_MARKDOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_build_filename (fixture->folder, cases[i].name, NULL);

      g_assert_cmpint (ivc_export_dialog_format_for_file (file, cases[i].fallback), ==, cases[i].expected);
    }
}

typedef struct
{
  gboolean  done;
  GError   *error;
  GFile    *file;
} ExportResult;

static void
export_done_cb (const GError *error,
                GFile        *file,
                gpointer      user_data)
{
  ExportResult *result = user_data;

  g_assert_false (result->done);
  result->done = TRUE;
  result->error = error ? g_error_copy (error) : NULL;
  result->file = file ? g_object_ref (file) : NULL;
}

static void
export_result_clear (ExportResult *result)
{
  g_clear_error (&result->error);
  g_clear_object (&result->file);
  result->done = FALSE;
}

/* The first window of @type on screen, if any. */
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

/* What is on screen, for a failure message. */
static void
print_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      g_autofree char *text = NULL;
      g_autofree char *secondary = NULL;

      if (GTK_IS_MESSAGE_DIALOG (window))
        g_object_get (window, "text", &text, "secondary-text", &secondary, NULL);
      g_printerr ("# window %s%s: %s %s\n", G_OBJECT_TYPE_NAME (window),
                  gtk_widget_get_visible (GTK_WIDGET (window)) ? "" : " (hidden)",
                  text ? text : "", secondary ? secondary : "");
    }
}

/* Runs the export dialog and answers it as a user would: @name in
 * @folder_path, or Cancel when it is %NULL. */
static void
export_as (Fixture      *fixture,
           IvcScorecard *scorecard,
           const char   *folder_path,
           const char   *name,
           ExportResult *result)
{
  g_autofree char *suggested = NULL;
  GtkWindow *chooser;

  /* The last one is gone. */
  wait_until (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);

  ivc_export_dialog_run (fixture->window, scorecard, export_done_cb, result);
  wait_until (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  /* A name is suggested, and a filter offered for each format. */
  suggested = ivc_export_dup_file_name (scorecard, IVC_EXPORT_FORMAT_MARKDOWN);
  {
    g_autofree char *current = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (current, ==, suggested);
  }
  g_assert_cmpuint (g_list_model_get_n_items (gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser))), ==, 3);

  /* GTK 4.8's own chooser shows an error when a folder stops loading
   * half-way, as when it is closed at once: let it load, as a user
   * would, and change only what needs to. */
  wait_for_chooser (chooser);

  if (name != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
      g_autoptr(GFile) current = NULL;

      current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
      if (current == NULL || !g_file_equal (current, folder))
        g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
      /* The new folder loads. */
      wait_for_chooser (chooser);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    }
  else
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);

  /* Should the answer never come, what is on screen tells why. */
  {
    gboolean timed_out = FALSE;
    guint deadline = g_timeout_add_seconds (IVC_TEST_WAIT_SECONDS, ivc_test_deadline_cb, &timed_out);

    while (!result->done && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    if (!timed_out)
      g_source_remove (deadline);
  }
  if (!result->done)
    print_toplevels ();
  g_assert_true (result->done);
}

static void
test_export_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(IvcScorecard) scorecard = ivc_scorecard_new (fixture->ada, fixture->bank);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  ExportResult result = { 0, };
  IvcAlert *dialog;

  /* The parent is what the app's export has: an AdwWindow (the scorecard
   * window), over which libadwaita 1.5 and newer show the alert. */
  fixture->window = GTK_WINDOW (adw_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 800, 700);
  adw_window_set_content (ADW_WINDOW (fixture->window), gtk_label_new ("Parent"));
  gtk_window_present (fixture->window);
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  flush_events ();

  /* GTK's chooser opens in the current folder: that is the fixture's, so
   * that it has no large folder to load (and stop loading). */
  g_assert_cmpint (g_chdir (fixture->folder), ==, 0);

  /* The format follows the name the user typed. */
  export_as (fixture, scorecard, fixture->folder, "ada.csv", &result);
  g_assert_no_error (result.error);
  g_assert_nonnull (result.file);
  path = g_file_get_path (result.file);
  g_assert_true (g_str_has_suffix (path, "ada.csv"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Ada Lovelace"));
  g_assert_false (contents[0] == '#' || contents[0] == '{');
  export_result_clear (&result);

  /* Cancelled: nothing written, nothing shown. */
  export_as (fixture, scorecard, NULL, NULL, &result);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result.file);
  g_assert_null (ivc_alert_find_shown ());
  export_result_clear (&result);

  /* A place that cannot be written, even by root: the user is told, in
   * a dialog. */
  if (g_file_test ("/sys", G_FILE_TEST_IS_DIR))
    {
      export_as (fixture, scorecard, "/sys", "ada.md", &result);
      g_assert_nonnull (result.error);
      g_assert_false (g_error_matches (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
      wait_until ((dialog = ivc_alert_find_shown ()) != NULL);
      g_assert_cmpstr (ivc_alert_get_heading (dialog), ==, "Could Not Export the Scorecard");
      g_assert_nonnull (strstr (ivc_alert_get_body (dialog), "/sys/ada.md"));
      g_test_message ("%s", ivc_alert_get_body (dialog));
      ivc_alert_close (dialog);
      export_result_clear (&result);
    }
  else
    g_test_message ("No /sys here: the failure dialog is not tested");

  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

/* The colour of @chart's bar at @x, halfway down, as GTK draws it. */
static guint32
chart_pixel (GtkWidget *chart,
             int        x)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GdkPaintable *paintable = gtk_widget_paintable_new (chart);
  int width = gtk_widget_get_width (chart);
  int height = gtk_widget_get_height (chart);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = g_new0 (guint32, width * height);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (chart)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, (guchar *)pixels, width * sizeof (guint32));
  g_object_unref (paintable);

  return pixels[(height / 2) * width + x];
}

/* The chart reads from the worst score to the best in the reading
 * direction: mirrored in a right-to-left language. */
static void
test_chart_mirrored (Fixture       *fixture,
                     gconstpointer  data)
{
  guint distribution[IVC_SCORE_MAX + 1] = { 0 };
  GtkWidget *chart = ivc_score_chart_new ();
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();
  guint32 ltr_start, ltr_end, rtl_start, rtl_end;
  int width;

  /* The application's style sheet gives each score its colour. */
  gtk_css_provider_load_from_resource (style, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  distribution[IVC_SCORE_POOR] = 1;
  distribution[IVC_SCORE_NONE] = 9;
  ivc_score_chart_set_distribution (IVC_SCORE_CHART (chart), distribution);
  gtk_widget_set_valign (chart, GTK_ALIGN_CENTER);
  show_in_window (fixture, chart, 300);
  wait_for_draw (chart);
  width = gtk_widget_get_width (chart);
  g_assert_cmpint (width, >, 100);

  ltr_start = chart_pixel (chart, 4);
  ltr_end = chart_pixel (chart, width - 5);
  g_assert_cmpuint (ltr_start, !=, ltr_end);

  gtk_widget_set_direction (chart, GTK_TEXT_DIR_RTL);
  wait_for_draw (chart);
  rtl_start = chart_pixel (chart, width - 5);
  rtl_end = chart_pixel (chart, 4);
  g_assert_cmpuint (rtl_start, ==, ltr_start);
  g_assert_cmpuint (rtl_end, ==, ltr_end);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* GTK's test accessibility backend keeps what widgets tell assistive
   * technologies, for the test to check, and needs no session bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display: widget tests need one (the README's test command starts Xvfb)\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ivc/scorecard-ui/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("view-figures", test_view_figures);
  ADD ("view-empty-candidate", test_view_empty_candidate);
  ADD ("chart-mirrored", test_chart_mirrored);
  ADD ("comparison", test_comparison);
#ifdef GDK_WINDOWING_X11
  ADD ("comparison-keyboard", test_comparison_keyboard);
#endif
  ADD ("window", test_window);
  ADD ("window-other-bank", test_window_other_bank);
  ADD ("print-pdf", test_print_pdf);
  ADD ("print-long", test_print_long);
  ADD ("print-markdown", test_print_markdown);
  ADD ("export-format", test_export_format);
  ADD ("export-dialog", test_export_dialog);

  return g_test_run ();
}
