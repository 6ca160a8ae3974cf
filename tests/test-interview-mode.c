/* test-interview-mode.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Second-screen interview mode, in a real window: the interview timer, the
 * interview plan, privacy, text size, and a whole interview typed on the
 * keyboard alone.
 */

#include "config.h"

#include <string.h>

#include <stdlib.h>

#include <glib/gstdio.h>

#include "ivc-candidate-store.h"
#include "ivc-interview-timer.h"
#include "ivc-question-list.h"
#include "ivc-question-view.h"
#include "ivc-sidebar-row.h"
#include "ivc-window.h"

#include "ivc-row-slot.h"
#include "ivc-test-util.h"

/* The window's interview timer counts on a clock the tests move by hand:
 * what it shows and saves does not depend on how fast the machine is. */
static gint64 fake_now = 1000 * G_USEC_PER_SEC;
static void (*timer_constructed) (GObject *object);

static gint64
fake_clock (void)
{
  return fake_now;
}

static void
advance_clock (double seconds)
{
  fake_now += (gint64)(seconds * G_USEC_PER_SEC);
}

static void
on_timer_constructed (GObject *object)
{
  if (timer_constructed != NULL)
    timer_constructed (object);
  _ivc_interview_timer_set_clock (IVC_INTERVIEW_TIMER (object), fake_clock);
}

/* Every timer made from now on, the window's included, uses fake_clock(). */
static void
use_fake_clock (void)
{
  GObjectClass *timer_class = g_type_class_ref (IVC_TYPE_INTERVIEW_TIMER);

  timer_constructed = timer_class->constructed;
  timer_class->constructed = on_timer_constructed;
}

typedef struct
{
  IvcWindow         *window;
  IvcQuestionView   *view;
  IvcCandidateStore *store;
  char              *folder;
  GSettings         *settings;
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
  g_autoptr(GFile) folder = NULL;
  const char *keys[] = { "last-question", "last-candidate", "side-panel-visible",
                         "reveal-while-held", "conceal-on-focus-loss", "text-zoom" };

  fixture->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);

  fixture->folder = g_dir_make_tmp ("ivc-interview-XXXXXX", NULL);
  folder = g_file_new_for_path (fixture->folder);
  fixture->store = ivc_candidate_store_new (folder, "tester-1", "Tester");
  g_assert_true (ivc_candidate_store_load (fixture->store, NULL, NULL, NULL));

  fixture->window = g_object_new (IVC_TYPE_WINDOW, NULL);
  g_object_ref_sink (fixture->window);
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

/* Takes @parameter, floating or not. */
static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_autoptr(GVariant) owned = parameter ? g_variant_ref_sink (parameter) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action, owned));
  flush_events ();
}

static IvcCandidate *
start_candidate (Fixture    *fixture,
                 const char *name)
{
  IvcCandidate *candidate = ivc_candidate_store_create (fixture->store, name, "", "", "microservices");

  activate (fixture, "win.switch-candidate", g_variant_new_string (ivc_candidate_get_id (candidate)));
  g_assert_true (ivc_window_get_candidate (fixture->window) == candidate);
  return candidate;
}

static const char *
selected_id (Fixture *fixture)
{
  IvcQuestion *question = ivc_window_get_selected_question (fixture->window);

  return question ? ivc_question_get_id (question) : NULL;
}

static guint64
question_seconds (IvcCandidate *candidate,
                  const char   *question_id)
{
  IvcEvaluation *evaluation = ivc_candidate_get_evaluation (candidate, question_id);

  return evaluation ? ivc_evaluation_get_seconds (evaluation) : 0;
}

static gboolean
timer_running (Fixture *fixture)
{
  gboolean running;

  g_object_get (fixture->window, "timer-running", &running, NULL);
  return running;
}

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

/* The ids the question list shows, in order, without level headings. */
static char *
dup_listed_ids (Fixture *fixture)
{
  GtkListView *list = GTK_LIST_VIEW (list_child (fixture, "list_view"));
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(IvcRowSlot) slot = g_list_model_get_item (rows, i);
      GObject *item = ivc_row_slot_get_item (slot);

      if (IVC_IS_QUESTION (item))
        g_string_append_printf (ids, "%s%s", ids->len ? " " : "", ivc_question_get_id (IVC_QUESTION (item)));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static IvcCandidateStore *
reload_store (Fixture *fixture)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder);
  IvcCandidateStore *again = ivc_candidate_store_new (folder, "tester-1", "Tester");

  g_assert_true (ivc_candidate_store_flush (fixture->store, NULL));
  g_assert_true (ivc_candidate_store_load (again, NULL, NULL, NULL));
  return again;
}

static void
test_timer (Fixture       *fixture,
            gconstpointer  data)
{
  GtkLabel *label = GTK_LABEL (template_child (fixture->window, IVC_TYPE_WINDOW, "timer_label"));
  g_autoptr(IvcCandidateStore) again = NULL;
  IvcCandidate *candidate, *reloaded;
  gboolean running;

  /* Without a candidate there is nothing to time. */
  g_assert_false (gtk_widget_is_sensitive (template_child (fixture->window, IVC_TYPE_WINDOW, "timer_button")));

  candidate = start_candidate (fixture, "Ada");
  g_assert_true (ivc_window_select_question (fixture->window, "what-are-microservices"));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "0:00");

  activate (fixture, "win.toggle-timer", NULL);
  g_object_get (fixture->window, "timer-running", &running, NULL);
  g_assert_true (running);

  /* The label follows the clock by itself, second by second. */
  advance_clock (2.1);
  wait_until (g_str_equal (gtk_label_get_text (label), "0:02"));

  /* The time goes to the question on screen. */
  g_assert_true (ivc_window_select_question (fixture->window, "what-is-the-saga-pattern"));
  g_assert_cmpuint (question_seconds (candidate, "what-are-microservices"), ==, 2);
  advance_clock (1.1);
  activate (fixture, "win.toggle-timer", NULL);
  g_object_get (fixture->window, "timer-running", &running, NULL);
  g_assert_false (running);
  g_assert_cmpuint (question_seconds (candidate, "what-is-the-saga-pattern"), ==, 1);
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (candidate), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "0:03");

  /* Paused: nothing more counts, even on another question. */
  g_assert_true (ivc_window_select_question (fixture->window, "what-are-microservices"));
  advance_clock (100);
  g_assert_true (ivc_window_select_question (fixture->window, "what-is-the-saga-pattern"));
  g_assert_cmpuint (question_seconds (candidate, "what-are-microservices"), ==, 2);
  g_assert_cmpuint (question_seconds (candidate, "what-is-the-saga-pattern"), ==, 1);
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (candidate), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "0:03");

  /* It is saved with the candidate. */
  again = reload_store (fixture);
  reloaded = ivc_candidate_store_find (again, ivc_candidate_get_id (candidate));
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (reloaded), ==, 3);
  g_assert_cmpuint (question_seconds (reloaded, "what-are-microservices"), ==, 2);
  g_assert_cmpuint (question_seconds (reloaded, "what-is-the-saga-pattern"), ==, 1);

  /* Another candidate is another interview: the timer pauses and shows
   * their time. */
  activate (fixture, "win.toggle-timer", NULL);
  start_candidate (fixture, "Bo");
  g_object_get (fixture->window, "timer-running", &running, NULL);
  g_assert_false (running);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "0:00");
}

static void
test_plan (Fixture       *fixture,
           gconstpointer  data)
{
  GtkLabel *progress = GTK_LABEL (list_child (fixture, "plan_progress_label"));
  const char *ids[] = { "what-is-the-saga-pattern", "what-are-microservices", "preventing-cascading-failures" };
  g_autoptr(IvcCandidateStore) again = NULL;
  g_autofree char *listed = NULL;
  IvcCandidate *candidate;
  gboolean planned;

  candidate = start_candidate (fixture, "Ada");

  /* Planned from any level, in the order added. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_true (ivc_window_select_question (fixture->window, ids[i]));
      activate (fixture, "win.toggle-planned", NULL);
      g_object_get (fixture->window, "question-planned", &planned, NULL);
      g_assert_true (planned);
    }
  g_assert_cmpuint (g_strv_length ((char **)ivc_candidate_get_plan (candidate)), ==, 3);

  /* Reordered with the keyboard's action: the circuit breaker first. */
  activate (fixture, "win.move-in-plan", g_variant_new_int32 (-1));
  activate (fixture, "win.move-in-plan", g_variant_new_int32 (-1));
  g_assert_cmpstr (ivc_candidate_get_plan (candidate)[0], ==, "preventing-cascading-failures");
  g_assert_cmpstr (ivc_candidate_get_plan (candidate)[1], ==, "what-is-the-saga-pattern");

  /* The filter: only the plan, in plan order, with progress. */
  activate (fixture, "win.show-plan", NULL);
  listed = dup_listed_ids (fixture);
  g_assert_cmpstr (listed, ==, "preventing-cascading-failures what-is-the-saga-pattern what-are-microservices");
  g_assert_cmpstr (gtk_label_get_text (progress), ==, "Interview plan · 0 of 3 scored");

  activate (fixture, "win.score", g_variant_new_int32 (3));
  g_assert_cmpstr (gtk_label_get_text (progress), ==, "Interview plan · 1 of 3 scored");

  /* Alt+Down / Alt+Up follow the plan, whatever the levels. */
  g_assert_cmpstr (selected_id (fixture), ==, "preventing-cascading-failures");
  activate (fixture, "win.next-question", NULL);
  g_assert_cmpstr (selected_id (fixture), ==, "what-is-the-saga-pattern");
  activate (fixture, "win.next-question", NULL);
  g_assert_cmpstr (selected_id (fixture), ==, "what-are-microservices");
  activate (fixture, "win.previous-question", NULL);
  activate (fixture, "win.previous-question", NULL);
  g_assert_cmpstr (selected_id (fixture), ==, "preventing-cascading-failures");

  /* Taken out of the plan, it leaves the filtered list. */
  activate (fixture, "win.toggle-planned", NULL);
  g_clear_pointer (&listed, g_free);
  listed = dup_listed_ids (fixture);
  g_assert_cmpstr (listed, ==, "what-is-the-saga-pattern what-are-microservices");
  g_assert_cmpstr (gtk_label_get_text (progress), ==, "Interview plan · 0 of 2 scored");

  /* The whole bank again without the filter. */
  activate (fixture, "win.show-plan", NULL);
  g_assert_cmpuint (ivc_window_get_n_visible_questions (fixture->window), ==, 24);

  /* The plan is saved with the candidate. */
  again = reload_store (fixture);
  g_assert_true (g_strv_equal (ivc_candidate_get_plan (ivc_candidate_store_find (again, ivc_candidate_get_id (candidate))),
                               (const char *[]) { "what-is-the-saga-pattern", "what-are-microservices", NULL }));

  /* Without a candidate there is no plan to show. */
  activate (fixture, "win.show-plan", NULL);
  activate (fixture, "win.delete-candidate", NULL);
  g_assert_null (ivc_window_get_candidate (fixture->window));
  g_assert_cmpuint (ivc_window_get_n_visible_questions (fixture->window), ==, 24);
}

static void
test_conceals_on_changes (Fixture       *fixture,
                          gconstpointer  data)
{
  IvcCandidate *bo;

  start_candidate (fixture, "Ada");
  bo = ivc_candidate_store_create (fixture->store, "Bo", "", "", "microservices");

  activate (fixture, "win.toggle-answer", NULL);
  activate (fixture, "win.toggle-red-flag", NULL);
  wait_until (answer_on_screen (fixture) && red_flag_on_screen (fixture));

  /* Another question. */
  activate (fixture, "win.next-question", NULL);
  wait_until (!answer_on_screen (fixture) && !red_flag_on_screen (fixture));

  /* Another candidate, same question. */
  activate (fixture, "win.toggle-answer", NULL);
  wait_until (answer_on_screen (fixture));
  activate (fixture, "win.switch-candidate", g_variant_new_string (ivc_candidate_get_id (bo)));
  wait_until (!answer_on_screen (fixture));

}

#ifdef GDK_WINDOWING_X11
/* Another window (the video call) gets the focus: with the setting, what
 * was revealed is concealed; without it, it stays. */
static void
test_conceal_on_focus_loss (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  GtkWindow *call;

  if (!can_send_keys ())
    return;

  call = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (call, "Video call");
  gtk_window_present (call);
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (call)));

  /* Off: the answer stays. */
  g_assert_true (send_keys (window, "alt+a", NULL));
  wait_until (answer_on_screen (fixture) && gtk_window_is_active (window));
  g_assert_true (send_keys (call, "shift", NULL));
  wait_until (!gtk_window_is_active (window));
  /* The window conceals as it loses the focus, or not at all. */
  g_assert_true (ivc_question_view_get_answer_revealed (fixture->view));
  wait_for_draw (window);
  g_assert_true (answer_on_screen (fixture));

  /* On: it goes as soon as the focus does. */
  g_settings_set_boolean (fixture->settings, "conceal-on-focus-loss", TRUE);
  g_assert_true (send_keys (window, "shift", NULL));
  wait_until (gtk_window_is_active (window));
  g_assert_true (answer_on_screen (fixture));
  g_assert_true (send_keys (call, "shift", NULL));
  wait_until (!gtk_window_is_active (window));
  wait_until (!answer_on_screen (fixture));

  gtk_window_destroy (call);
}
#endif

static void
test_zoom_persists (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(IvcWindow) second = NULL;
  double zoom;

  activate (fixture, "win.zoom", g_variant_new_int32 (1));
  activate (fixture, "win.zoom", g_variant_new_int32 (1));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "text-zoom"), 1.2, 0.001);

  /* Text is bigger: a label asks for more room. */
  {
    GtkWidget *label = template_child (fixture->view, IVC_TYPE_QUESTION_VIEW, "question_text");
    int before, after;

    /* Styles apply on the next frame. */
    activate (fixture, "win.zoom", g_variant_new_int32 (0));
    wait_for_draw (label);
    gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 300, NULL, &before, NULL, NULL);
    activate (fixture, "win.zoom", g_variant_new_int32 (1));
    activate (fixture, "win.zoom", g_variant_new_int32 (1));
    wait_for_draw (label);
    gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 300, NULL, &after, NULL, NULL);
    g_assert_cmpint (after, >, before);
  }

  /* The next window, as at the next start, has the same size. */
  second = g_object_ref_sink (g_object_new (IVC_TYPE_WINDOW, NULL));
  g_object_get (second, "text-zoom", &zoom, NULL);
  g_assert_cmpfloat_with_epsilon (zoom, 1.2, 0.001);
  gtk_window_destroy (GTK_WINDOW (second));

  /* Bounded on both sides. */
  for (guint i = 0; i < 40; i++)
    activate (fixture, "win.zoom", g_variant_new_int32 (1));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "text-zoom"), 3.0, 0.001);
  for (guint i = 0; i < 40; i++)
    activate (fixture, "win.zoom", g_variant_new_int32 (-1));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "text-zoom"), 0.5, 0.001);
  activate (fixture, "win.zoom", g_variant_new_int32 (0));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "text-zoom"), 1.0, 0.001);
}

#ifdef GDK_WINDOWING_X11
/* The row of the list that shows @question_id, or NULL. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *question_id)
{
  /* Rows the list keeps for reuse are not on screen: only a mapped row is
   * the one a person sees and drags. */
  if (!gtk_widget_get_mapped (widget))
    return NULL;

  if (IVC_IS_SIDEBAR_ROW (widget))
    {
      GObject *item = ivc_sidebar_row_get_item (IVC_SIDEBAR_ROW (widget));

      if (IVC_IS_QUESTION (item) && g_str_equal (ivc_question_get_id (IVC_QUESTION (item)), question_id))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, question_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
row_center (Fixture    *fixture,
            const char *question_id,
            char      **x,
            char      **y)
{
  GtkWidget *row = find_row (GTK_WIDGET (fixture->window), question_id);
  graphene_point_t point;
  double surface_x, surface_y;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_point (row, GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (row) / 2.f,
                                                                 gtk_widget_get_height (row) / 2.f),
                                           &point));
  /* xdotool places the pointer in the X window, which is larger than the
   * GTK window by what GTK draws around it (shadows, resize borders; none
   * in GTK 4.8 without a compositor, some in GTK 4.18). */
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &surface_x, &surface_y);
  *x = g_strdup_printf ("%d", (int)(point.x + surface_x));
  *y = g_strdup_printf ("%d", (int)(point.y + surface_y));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = NULL;

  g_assert_nonnull (widget);
  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
  return NULL;
}

static gboolean
row_on_screen (Fixture    *fixture,
               const char *question_id)
{
  GtkWidget *row = find_row (GTK_WIDGET (fixture->window), question_id);

  return row != NULL && gtk_widget_get_mapped (row);
}

static void
on_xdotool_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  gboolean *ok = user_data;

  ok[1] = g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, NULL);
  ok[0] = TRUE;
}

static gboolean
run_xdotool_while_running (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
  gboolean ok[2] = { FALSE, FALSE };

  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, on_xdotool_done_cb, ok);
  wait_until (ok[0]);

  return ok[1];
}

/* 8 steps of 2 pixels: past GTK's drag threshold (8 pixels), within the
 * row. */
#define DRAG_STEPS 8

/* Drag and drop orders the plan: the last planned question, dropped on
 * the first, takes its place. */
/* How often the pointer is moved again over the target before the drag
 * test gives up, waiting up to a second each time for the answer. */
#define MAX_DRAG_NUDGES 10

static gboolean
on_drag_wait_over_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Until the drop target's answer to the last position has come back, or a
 * second has gone by; the caller then moves the pointer again. */
static void
wait_briefly_for_action (GdkDrag *drag)
{
  gboolean over = FALSE;
  guint timeout = g_timeout_add_seconds (1, on_drag_wait_over_cb, &over);

  g_object_add_weak_pointer (G_OBJECT (drag), (gpointer *)&drag);
  while (drag != NULL && gdk_drag_get_selected_action (drag) == 0 && !over)
    g_main_context_iteration (NULL, TRUE);
  if (drag != NULL)
    g_object_remove_weak_pointer (G_OBJECT (drag), (gpointer *)&drag);
  if (!over)
    g_source_remove (timeout);
}

static void
test_plan_drag_and_drop (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *ids[] = { "what-are-microservices", "what-is-the-saga-pattern", "decomposing-a-monolith" };
  g_autofree char *xid = NULL;
  g_autofree char *from_x = NULL, *from_y = NULL, *to_x = NULL, *to_y = NULL;
  g_autofree char *to_y_moved = NULL;
  GtkDragSource *source;
  GdkDrag *drag;
  guint n_moves;
  IvcCandidate *candidate;

  if (!can_send_keys ())
    return;

  candidate = start_candidate (fixture, "Ada");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_true (ivc_window_select_question (fixture->window, ids[i]));
      activate (fixture, "win.toggle-planned", NULL);
    }
  activate (fixture, "win.show-plan", NULL);
  wait_until (ivc_window_get_n_visible_questions (fixture->window) == G_N_ELEMENTS (ids));
  wait_until (row_on_screen (fixture, ids[0]) && row_on_screen (fixture, ids[2]));
  wait_for_draw (fixture->window);

  row_center (fixture, ids[2], &from_x, &from_y);
  row_center (fixture, ids[0], &to_x, &to_y);
  to_y_moved = g_strdup_printf ("%d", atoi (to_y) + 2);
  xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (fixture->window))));

  source = GTK_DRAG_SOURCE (find_controller (find_row (GTK_WIDGET (fixture->window), ids[2]), GTK_TYPE_DRAG_SOURCE));

  /* The main loop runs while the mouse moves: a drag is a conversation
   * between the window and the X server (XDND). Each step waits for the
   * one before to be handled and drawn, and the button is let go only once
   * the target row holds the drag. */
  g_assert_true (run_xdotool_while_running ((const char *[]) { "xdotool",
                                                 "mousemove", "--window", xid, from_x, from_y,
                                                 "mousedown", "1", NULL }));
  wait_for_draw (fixture->window);
  /* Up past the drag threshold in small steps, as a hand moves: GTK 4.18
   * does not begin the drag on a single jump of the pointer. */
  for (guint step = 0; step < DRAG_STEPS; step++)
    {
      g_assert_true (run_xdotool_while_running ((const char *[]) { "xdotool",
                                                 "mousemove_relative", "--", "0", "-2", NULL }));
      wait_for_draw (fixture->window);
    }
  wait_until (gtk_drag_source_get_drag (source) != NULL);
  g_assert_true (run_xdotool_while_running ((const char *[]) { "xdotool",
                                                 "mousemove", "--window", xid, to_x, to_y_moved, NULL }));
  wait_for_draw (fixture->window);
  drag = gtk_drag_source_get_drag (source);
  g_assert_nonnull (drag);
  g_object_add_weak_pointer (G_OBJECT (drag), (gpointer *)&drag);

  /* Let go only once the target has answered the pointer's last position
   * with the action it takes (XDND's status): only then does letting go
   * drop. A position the X server has not passed on yet is sent again by
   * moving the pointer a pixel, and so on until it is taken. */
  for (n_moves = 0; drag != NULL && gdk_drag_get_selected_action (drag) == 0 && n_moves < MAX_DRAG_NUDGES; n_moves++)
    {
      guint i = n_moves;
      g_autofree char *y = g_strdup_printf ("%d", atoi (to_y) + (int)(i % 2));

      g_assert_true (run_xdotool_while_running ((const char *[]) { "xdotool",
                                                     "mousemove", "--window", xid, to_x, y, NULL }));
      wait_for_draw (fixture->window);
      wait_briefly_for_action (drag);
    }
  g_test_message ("the drop target answered after %u pointer moves", n_moves);
  g_assert_nonnull (drag);
  g_assert_cmpint (gdk_drag_get_selected_action (drag), ==, GDK_ACTION_MOVE);
  g_object_remove_weak_pointer (G_OBJECT (drag), (gpointer *)&drag);
  g_assert_true (run_xdotool_while_running ((const char *[]) { "xdotool", "mouseup", "1", NULL }));

  wait_until (g_strcmp0 (ivc_candidate_get_plan (candidate)[0], ids[2]) == 0);
  g_assert_cmpstr (ivc_candidate_get_plan (candidate)[1], ==, ids[0]);
  g_assert_cmpstr (ivc_candidate_get_plan (candidate)[2], ==, ids[1]);
}

static void
test_reveal_while_held (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);

  if (!can_send_keys ())
    return;

  g_settings_set_boolean (fixture->settings, "reveal-while-held", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));

  /* Shown while Alt+A is down, concealed as soon as A is let go. */
  g_assert_true (run_xdotool (window, (const char *[]) { "keydown", "alt+a", NULL }));
  wait_until (answer_on_screen (fixture));
  g_assert_false (red_flag_on_screen (fixture));
  g_assert_true (run_xdotool (window, (const char *[]) { "keyup", "a", NULL }));
  wait_until (!answer_on_screen (fixture));

  /* The same for the red flag, let go with Alt first. */
  g_assert_true (run_xdotool (window, (const char *[]) { "keydown", "r", NULL }));
  wait_until (red_flag_on_screen (fixture));
  g_assert_true (run_xdotool (window, (const char *[]) { "keyup", "alt", NULL }));
  wait_until (!red_flag_on_screen (fixture));
  g_assert_true (run_xdotool (window, (const char *[]) { "keyup", "r", NULL }));
  flush_events ();
  g_assert_false (red_flag_on_screen (fixture));

  /* Without the setting, Alt+A toggles. */
  g_settings_set_boolean (fixture->settings, "reveal-while-held", FALSE);
  g_assert_true (send_keys (window, "alt+a", NULL));
  wait_until (answer_on_screen (fixture));
  /* Letting go of the keys (handled once the X server is caught up with)
   * leaves it on screen. */
  wait_for_draw (window);
  g_assert_true (ivc_question_view_get_answer_revealed (fixture->view));
  g_assert_true (answer_on_screen (fixture));
}

static gboolean
notes_are (IvcCandidate *candidate,
           const char   *question_id,
           const char   *notes)
{
  IvcEvaluation *evaluation = ivc_candidate_get_evaluation (candidate, question_id);

  return evaluation != NULL && g_strcmp0 (ivc_evaluation_get_notes (evaluation), notes) == 0;
}

/* A whole interview without the mouse: a new candidate, a plan of three
 * questions, a score and notes on each, the timer, and everything in the
 * candidate's file. */
static void
test_keyboard_only_interview (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  g_autoptr(IvcCandidate) candidate = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(IvcCandidate) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *notes[] = { "First answer notes", "Second answer notes", "Third answer notes" };

  if (!can_send_keys ())
    return;

  g_assert_true (ivc_window_select_question (fixture->window, "what-are-microservices"));
  gtk_widget_grab_focus (list_child (fixture, "list_view"));

  /* Ctrl+N, a name, Enter. */
  g_assert_true (send_keys (window, "ctrl+n", NULL));
  wait_for_dialog_entry ();
  g_assert_true (type_text ("Katherine Johnson"));
  g_assert_true (send_keys (NULL, "Return", NULL));
  wait_until (g_list_model_get_n_items (ivc_candidate_store_get_candidates (fixture->store)) == 1);
  candidate = g_list_model_get_item (ivc_candidate_store_get_candidates (fixture->store), 0);
  wait_until (ivc_window_get_candidate (fixture->window) == candidate);
  wait_until (!dialog_shown ());

  /* The plan: questions 1, 3 and 6, then the last one first. */
  g_assert_true (send_keys (window, "ctrl+d", "alt+Down", "alt+Down", "ctrl+d",
                            "alt+Down", "alt+Down", "alt+Down", "ctrl+d", NULL));
  wait_until (g_strv_length ((char **)ivc_candidate_get_plan (candidate)) == 3);
  g_assert_true (send_keys (window, "alt+shift+Up", "alt+shift+Up", NULL));
  wait_until (g_strcmp0 (ivc_candidate_get_plan (candidate)[0], selected_id (fixture)) == 0);

  /* Only the plan, the timer on, and on each question a score and notes. */
  g_assert_true (send_keys (window, "alt+p", "ctrl+t", NULL));
  wait_until (ivc_window_get_n_visible_questions (fixture->window) == 3);
  wait_until (timer_running (fixture));

  g_assert_true (send_keys (window, "alt+Up", "alt+Up", "alt+Up", NULL));
  for (guint i = 0; i < 3; i++)
    {
      const char *score_key = i == 0 ? "alt+4" : i == 1 ? "alt+2" : "alt+3";

      if (i > 0)
        g_assert_true (send_keys (window, "alt+Down", NULL));
      wait_until (g_strcmp0 (selected_id (fixture), ivc_candidate_get_plan (candidate)[i]) == 0);
      g_assert_true (send_keys (window, score_key, "alt+n", NULL));
      wait_for_notes (fixture->window);
      g_assert_true (type_text_into (window, notes[i]));
      wait_until (notes_are (candidate, selected_id (fixture), notes[i]));
    }
  g_assert_true (send_keys (window, "alt+x", NULL));
  advance_clock (1.5);

  /* Pause. */
  g_assert_true (send_keys (window, "ctrl+t", NULL));
  wait_until (!timer_running (fixture));

  /* All of it in the file, within the autosave delay: the time the pause
   * committed may come in a save of its own, after the notes. */
  wait_until_saved (file_has (fixture->store, candidate, notes[2]) &&
                    file_has (fixture->store, candidate, "\"red_flag\" : true") &&
                    file_has (fixture->store, candidate, "\"interview_seconds\" : 1"));
  contents = dup_candidate_file (fixture->store, candidate);
  bytes = g_bytes_new (contents, strlen (contents));
  saved = ivc_candidate_new_from_bytes (bytes, "saved.json", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (ivc_candidate_get_name (saved), ==, "Katherine Johnson");
  g_assert_true (g_strv_equal (ivc_candidate_get_plan (saved), ivc_candidate_get_plan (candidate)));
  g_assert_cmpstr (ivc_candidate_get_plan (saved)[0], ==, "what-is-service-discovery");
  g_assert_cmpstr (ivc_candidate_get_plan (saved)[1], ==, "what-are-microservices");
  g_assert_cmpstr (ivc_candidate_get_plan (saved)[2], ==, "how-do-services-communicate");
  for (guint i = 0; i < 3; i++)
    {
      IvcEvaluation *evaluation = ivc_candidate_get_evaluation (saved, ivc_candidate_get_plan (saved)[i]);

      g_assert_nonnull (evaluation);
      g_assert_cmpint (ivc_evaluation_get_score (evaluation), ==, i == 0 ? 4 : i == 1 ? 2 : 3);
      g_assert_cmpstr (ivc_evaluation_get_notes (evaluation), ==, notes[i]);
    }
  g_assert_true (ivc_evaluation_get_red_flag_observed (ivc_candidate_get_evaluation (saved, ivc_candidate_get_plan (saved)[2])));
  g_assert_cmpuint (ivc_candidate_get_interview_seconds (saved), ==, 1);
  g_assert_cmpuint (ivc_candidate_get_n_scored (saved), ==, 3);
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
  use_fake_clock ();

#define ADD(path, func) \
  g_test_add ("/ivc/interview-mode/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("timer", test_timer);
  ADD ("plan", test_plan);
  ADD ("conceals-on-changes", test_conceals_on_changes);
  ADD ("zoom-persists", test_zoom_persists);
#ifdef GDK_WINDOWING_X11
  ADD ("reveal-while-held", test_reveal_while_held);
  ADD ("conceal-on-focus-loss", test_conceal_on_focus_loss);
  ADD ("plan-drag-and-drop", test_plan_drag_and_drop);
  ADD ("keyboard-only-interview", test_keyboard_only_interview);
#endif

  return g_test_run ();
}
