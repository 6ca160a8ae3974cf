/* test-question-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The detail pane with real content: a card with nothing in it says so,
 * revealing a long answer brings it into view, and the keyboard scrolls
 * the pane without the mouse and without selecting text.
 */

#include "config.h"

#include <adwaita.h>

#include "ivc-candidate-panel.h"
#include "ivc-markdown-view.h"
#include "ivc-question-view.h"

#include "ivc-test-util.h"

typedef struct
{
  GtkWindow       *window;
  IvcQuestionView *view;
  IvcQuestion     *question;
} Fixture;

static char *
long_answer (void)
{
  GString *text = g_string_new ("A strong answer covers:\n\n");

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "- point %u, with `code` and **weight**\n", i + 1);
  g_string_append (text, "\n```js\nconst last = true;\n```\n\nThe end of the answer.");

  return g_string_free (text, FALSE);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *answer = long_answer ();
  const char *follow_ups[] = { "And *then*?", "Why `that`?", NULL };
  const char *rubric[] = { "Nothing", NULL, "Most of it", "All of it", NULL };

  fixture->question = ivc_question_new_full ("q", "What is **this** <b>about</b>?\n\nSecond paragraph.",
                                             answer, NULL, NULL, "A title", follow_ups, rubric);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 600, 360);
  fixture->view = IVC_QUESTION_VIEW (g_object_new (IVC_TYPE_QUESTION_VIEW, NULL));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  ivc_question_view_set_question (fixture->view, fixture->question);
  gtk_window_present (fixture->window);
  wait_for_draw (fixture->view);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  flush_events ();
  g_clear_object (&fixture->question);
}

static GtkAdjustment *
vadjustment (Fixture *fixture)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "scroller")));
}

/* Whether the top of @widget is in the scrolled view. */
static gboolean
top_in_view (Fixture   *fixture,
             GtkWidget *widget)
{
  GtkWidget *scroller = template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "scroller");
  graphene_point_t top;

  if (!gtk_widget_compute_point (widget, scroller, &GRAPHENE_POINT_INIT (0, 0), &top))
    return FALSE;

  return top.y >= 0 && top.y < gtk_widget_get_height (scroller);
}

static void
test_absent_red_flag (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "red_flag_stack"));
  GtkWidget *button = template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "red_flag_button");
  GtkWidget *absent = gtk_stack_get_visible_child (stack);

  /* The card says there is none; there is nothing to reveal. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "absent");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (absent)), ==, "No red flag given");
  g_assert_false (gtk_widget_get_visible (button));
  ivc_question_view_set_red_flag_revealed (fixture->view, TRUE);
  g_assert_false (ivc_question_view_get_red_flag_revealed (fixture->view));
}

static void
test_title_and_follow_ups (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *title = template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "title_label");
  GtkWidget *text = template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "question_text");
  GtkWidget *follow_ups = template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "follow_ups_box");
  guint n = 0;

  g_assert_true (gtk_widget_get_visible (title));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "A title");
  g_assert_cmpstr (ivc_markdown_view_get_markdown (IVC_MARKDOWN_VIEW (text)), ==,
                   ivc_question_get_question (fixture->question));
  g_assert_true (gtk_widget_get_visible (template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "follow_ups_section")));
  for (GtkWidget *row = gtk_widget_get_first_child (follow_ups); row; row = gtk_widget_get_next_sibling (row))
    n++;
  g_assert_cmpuint (n, ==, 2);
}

static void
test_reveal_scrolls_into_view (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *section = template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "answer_section");
  GtkAdjustment *adjustment = vadjustment (fixture);

  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  ivc_question_view_set_answer_revealed (fixture->view, TRUE);
  wait_until (gtk_adjustment_get_value (adjustment) > 0 && top_in_view (fixture, section));
  wait_for_draw (fixture->view);
  g_assert_true (top_in_view (fixture, section));
}

/* A concealed section is not drawn at all until revealed: showing a
 * question costs only what is seen, and hidden text is nowhere to read. */
static void
test_concealed_not_drawn (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *answer = template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "answer_view");

  g_assert_null (gtk_widget_get_first_child (answer));
  g_assert_null (ivc_markdown_view_get_markdown (IVC_MARKDOWN_VIEW (answer)));

  ivc_question_view_set_answer_revealed (fixture->view, TRUE);
  g_assert_nonnull (gtk_widget_get_first_child (answer));
  g_assert_cmpstr (ivc_markdown_view_get_markdown (IVC_MARKDOWN_VIEW (answer)), ==,
                   ivc_question_get_strong_answer (fixture->question));

  ivc_question_view_set_answer_revealed (fixture->view, FALSE);
  g_assert_null (gtk_widget_get_first_child (answer));
}

static void
test_page_keys (Fixture       *fixture,
                gconstpointer  data)
{
  GtkAdjustment *adjustment = vadjustment (fixture);
  GtkWidget *answer = template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "answer_view");
  double before;

  ivc_question_view_set_answer_revealed (fixture->view, TRUE);
  /* Once the answer is in view, back to the top. */
  wait_until (gtk_adjustment_get_value (adjustment) > 0);
  for (guint i = 0; i < 6; i++)
    wait_for_draw (fixture->view);
  gtk_adjustment_set_value (adjustment, 0);
  wait_for_draw (fixture->view);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "question.scroll-page", "i", 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "question.scroll-page", "i", -1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  if (!can_send_keys ())
    return;

  /* Real key presses, the focus in the answer's text: the pane scrolls and
   * nothing is selected. */
  gtk_widget_grab_focus (gtk_widget_get_first_child (answer));
  before = gtk_adjustment_get_value (adjustment);
  g_assert_true (send_keys (fixture->window, "Next", NULL));
  wait_until (gtk_adjustment_get_value (adjustment) > before);
  before = gtk_adjustment_get_value (adjustment);
  g_assert_true (send_keys (fixture->window, "alt+Next", NULL));
  wait_until (gtk_adjustment_get_value (adjustment) > before);
  before = gtk_adjustment_get_value (adjustment);
  g_assert_true (send_keys (fixture->window, "alt+Prior", NULL));
  wait_until (gtk_adjustment_get_value (adjustment) < before);

  for (GtkWidget *child = gtk_widget_get_first_child (answer); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TEXT_VIEW (child))
        g_assert_false (gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child))));
    }
}

/* The rubric beside the score buttons, and as their accessible
 * description; without one, the row of four as before. */
static void
test_rubric_beside_scores (void)
{
  const char *rubric[] = { "Nothing", NULL, "Most of **it**", "All of it", NULL };
  g_autoptr(IvcQuestion) with = ivc_question_new_full ("a", "With?", NULL, NULL, NULL, NULL, NULL, rubric);
  g_autoptr(IvcQuestion) without = ivc_question_new ("b", "Without?", "", "", NULL);
  g_autoptr(IvcCandidate) candidate = ivc_candidate_new ("c", "C");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  IvcCandidatePanel *panel = IVC_CANDIDATE_PANEL (g_object_new (IVC_TYPE_CANDIDATE_PANEL, NULL));
  GtkWidget *buttons;
  GtkWidget *anchor;

  gtk_window_set_child (window, GTK_WIDGET (panel));
  ivc_candidate_panel_set_candidate (panel, candidate);
  /* The candidate page is built once a candidate is shown. */
  buttons = template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "score_buttons");
  ivc_candidate_panel_set_question (panel, with);
  gtk_window_present (window);
  wait_for_draw (panel);

  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (buttons)), ==, GTK_ORIENTATION_VERTICAL);
  anchor = template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "score_anchor_3");
  g_assert_true (gtk_widget_get_mapped (anchor));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (anchor)), ==, "Most of it");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (anchor)));
  g_assert_false (gtk_widget_get_visible (template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "score_anchor_2")));

  ivc_candidate_panel_set_question (panel, without);
  wait_for_draw (panel);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (buttons)), ==, GTK_ORIENTATION_HORIZONTAL);
  g_assert_false (gtk_widget_get_visible (anchor));

  gtk_window_destroy (window);
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
  g_test_add ("/ivc/question-view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("absent-red-flag", test_absent_red_flag);
  ADD ("title-and-follow-ups", test_title_and_follow_ups);
  ADD ("reveal-scrolls-into-view", test_reveal_scrolls_into_view);
  ADD ("page-keys", test_page_keys);
  ADD ("concealed-not-drawn", test_concealed_not_drawn);
  g_test_add_func ("/ivc/question-view/rubric-beside-scores", test_rubric_beside_scores);

  return g_test_run ();
}
