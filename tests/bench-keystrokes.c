/* bench-keystrokes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark (meson test --benchmark): what a person feels when typing,
 * from the key event to the frame that shows its effect, with a generated
 * 10,000-question bank.
 *
 * - a search keystroke that changes the list, the session's first one
 *   included;
 * - a character typed in the notes of a candidate with 500 notes, to the
 *   frame that shows it.
 *
 * The keys are real key presses sent through the X server by xdotool. A
 * key's time starts when GTK receives it (a capture-phase key controller
 * on the window) and ends with the frame clock's "after-paint" of the first
 * frame painted after its effect: both hooks live here, not in the program.
 */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "bench-util.h"
#include "ivc-candidate-panel.h"
#include "ivc-candidate-store.h"
#include "ivc-question-bank.h"
#include "ivc-question-list.h"
#include "ivc-window.h"

#define SEARCH_GOAL_MS 16.0
#define NOTES_GOAL_MS  16.0
#define N_NOTES        500

typedef struct
{
  gint64   key_time;     /* when GTK received the key, 0 before */
  gboolean effect;       /* the key's effect happened */
  gint64   painted_time; /* the first frame after it was painted */
} Stroke;

static Stroke stroke;

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   gpointer               user_data)
{
  if (stroke.key_time == 0)
    stroke.key_time = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

static void
on_effect_cb (void)
{
  if (stroke.key_time != 0)
    stroke.effect = TRUE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  if (stroke.effect && stroke.painted_time == 0)
    stroke.painted_time = g_get_monotonic_time ();
}

/* xdotool runs in a small helper started before anything else: forking
 * this process for every key would make the next writes to its memory
 * fault page by page (copy on write), a cost the program does not have. */
static int xdotool_input = -1;

static void
start_xdotool (void)
{
  const char *argv[] = { "sh", "-c", "while read -r line; do xdotool $line; done", NULL };
  g_autoptr(GError) error = NULL;

  if (!g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, &xdotool_input, NULL, NULL, &error))
    g_error ("xdotool: %s", error->message);
}

static void
run_xdotool (const char *command)
{
  g_autofree char *line = g_strconcat (command, "\n", NULL);

  if (write (xdotool_input, line, strlen (line)) != (gssize)strlen (line))
    g_error ("xdotool: %s", g_strerror (errno));
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until nothing is pending for a while: the previous
 * key's work, and any timeout it started, are done. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
focus_window (GtkWindow *window)
{
  g_autofree char *command = g_strdup_printf ("windowfocus %lu", (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!gtk_window_is_active (window))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The window never got the keyboard focus");
      run_xdotool (command);
      settle (200);
    }
}

/* One key, to the frame that shows it. */
static double
time_key (GtkWidget  *window,
          const char *key)
{
  g_autofree char *command = g_strdup_printf ("key %s", key);
  gint64 deadline;

  memset (&stroke, 0, sizeof stroke);
  run_xdotool (command);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (stroke.painted_time == 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Key %s: no effect painted (received: %s, effect: %s)", key,
                 stroke.key_time ? "yes" : "no", stroke.effect ? "yes" : "no");
      /* Something must be drawn for the frame to come: the effect queues
       * its own drawing, but a key without a visible effect would not. */
      if (stroke.effect)
        gtk_widget_queue_draw (window);
      g_main_context_iteration (NULL, TRUE);
    }

  return (stroke.painted_time - stroke.key_time) / 1000.0;
}

static void
print_target (const char *name,
              double      measured,
              double      goal)
{
  g_print ("target %s: %.1f ms (goal %.0f ms) %s\n", name, measured, goal,
           measured <= goal ? "met" : "not met");
}

static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), id) == 0
                         ? child : find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *bank_path = NULL;
  g_autofree char *bank_text = NULL;
  g_autofree char *candidates_path = NULL;
  g_autoptr(GFile) bank_file = NULL;
  g_autoptr(GFile) candidates = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IvcQuestionBank) bank = NULL;
  g_autoptr(IvcCandidateStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GArray) search = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (double));
  GtkEventController *keys;
  IvcCandidate *candidate;
  GtkWidget *window, *list, *entry, *panel, *notes_view;
  double first_search;
  guint rounds = 3;

  start_xdotool ();
  if (!gtk_init_check () || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    g_error ("The benchmark needs an X11 display; build-aux/dev.sh benchmark provides one");
  adw_init ();

  tmpdir = g_dir_make_tmp ("ivc-bench-keys-XXXXXX", &error);
  g_assert_no_error (error);
  bank_path = g_build_filename (tmpdir, "generated.json", NULL);
  bank_text = generate_bank ();
  g_file_set_contents (bank_path, bank_text, -1, &error);
  g_assert_no_error (error);
  bank_file = g_file_new_for_path (bank_path);
  bank = ivc_question_bank_new_from_file (bank_file, NULL, NULL, &error);
  g_assert_no_error (error);

  /* A candidate with 500 notes of 500 characters, reopened as the last. */
  candidates_path = g_build_filename (tmpdir, "candidates", NULL);
  g_mkdir (candidates_path, 0700);
  candidates = g_file_new_for_path (candidates_path);
  store = ivc_candidate_store_new (candidates, "bench", "Bench");
  g_assert_true (ivc_candidate_store_load (store, NULL, NULL, &error));
  candidate = ivc_candidate_store_create (store, "Grace Hopper", "Engineer", "",
                                          ivc_question_bank_get_id (bank));
  for (guint i = 0; i < N_NOTES; i++)
    {
      g_autofree char *id = g_strdup_printf ("question-%u", i * (N_GENERATED / N_NOTES));
      g_autoptr(GString) text = g_string_new (NULL);
      IvcEvaluation *evaluation = ivc_candidate_ensure_evaluation (candidate, id);

      while (text->len < 500)
        g_string_append (text, "Explained retries with backoff and a circuit breaker. ");
      g_string_truncate (text, 500);
      ivc_evaluation_set_notes (evaluation, text->str);
      if (i % 3 == 0)
        ivc_evaluation_set_score (evaluation, 1 + i % 4);
    }
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "last-candidate", ivc_candidate_get_id (candidate));

  window = g_object_new (IVC_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  ivc_window_set_bank (IVC_WINDOW (window), bank);
  ivc_window_set_store (IVC_WINDOW (window), store);
  ivc_window_candidates_loaded (IVC_WINDOW (window), NULL);
  gtk_window_present (GTK_WINDOW (window));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), NULL);
  gtk_widget_add_controller (window, keys);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), NULL);

  list = GTK_WIDGET (gtk_widget_get_template_child (window, IVC_TYPE_WINDOW, "question_list"));
  entry = GTK_WIDGET (gtk_widget_get_template_child (list, IVC_TYPE_QUESTION_LIST, "search_entry"));
  panel = GTK_WIDGET (gtk_widget_get_template_child (window, IVC_TYPE_WINDOW, "candidate_panel"));
  /* On the candidate page, built from a file of its own once a candidate
   * is shown. */
  notes_view = find_by_id (panel, "notes_view");
  g_assert_nonnull (notes_view);
  /* The list filters on "changed", at once. */
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_effect_cb), NULL);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes_view)), "changed",
                            G_CALLBACK (on_effect_cb), NULL);

  focus_window (GTK_WINDOW (window));
  settle (500);

  g_print ("Keystrokes, key event to painted frame (%u questions, GSK_RENDERER=%s)\n\n",
           N_GENERATED, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

  /* Search: typing a word letter by letter and erasing it again; every
   * key changes the list. */
  ivc_question_list_start_search (IVC_QUESTION_LIST (list));
  settle (300);
  for (guint round = 0; round < rounds; round++)
    {
      static const char *typed[] = { "c", "i", "r", "c", "u", "i", "t",
                                     "BackSpace", "BackSpace", "BackSpace", "BackSpace",
                                     "BackSpace", "BackSpace", "BackSpace" };

      for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
        {
          double ms = time_key (window, typed[i]);

          g_array_append_val (search, ms);
          settle (250);
        }
    }
  first_search = g_array_index (search, double, 0);
  g_print ("  search keystroke, first of the session: %7.1f ms\n", first_search);
  g_print ("  search keystroke, median of %u:         %7.1f ms\n", search->len, median (search));

  /* Notes: the current question's notes of the 500-note candidate. */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_BAR)), FALSE);
  g_assert_true (ivc_window_select_question (IVC_WINDOW (window), "question-20"));
  gtk_widget_activate_action (window, "win.focus-notes", NULL);
  settle (500);
  gtk_widget_grab_focus (notes_view);
  settle (300);
  if (!gtk_widget_has_focus (notes_view))
    g_error ("The notes field could not take the keyboard");
  for (guint i = 0; i < 31; i++)
    {
      double ms = time_key (window, i % 6 == 5 ? "space" : "a");

      g_array_append_val (notes, ms);
      settle (60);
    }
  g_print ("  notes keystroke, median of %u:          %7.1f ms\n\n", notes->len, median (notes));

  print_target ("search-keystroke", median (search), SEARCH_GOAL_MS);
  print_target ("notes-keystroke", median (notes), NOTES_GOAL_MS);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
