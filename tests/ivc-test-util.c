/* ivc-test-util.c: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the tests that open real windows.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ivc-candidate-panel.h"
#include "ivc-window.h"

#include "ivc-test-util.h"

void
flush_events (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Waits until what was sent to the X server so far (key presses too) has
 * been handled and @widget has drawn a frame showing it, then lets the X
 * server catch up, as GNOME Console's tests do. */
void
wait_for_draw (gpointer widget)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (widget));

  gdk_display_sync (display);
  flush_events ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (widget));
  gdk_display_sync (display);
  flush_events ();
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      gboolean named = g_strcmp0 (gtk_widget_get_name (child), name) == 0 ||
                       g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), name) == 0;
      GtkWidget *found = named ? child : find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A child of a template, of a widget built in code that names its parts
 * (gtk_widget_set_name()), as the question list's rows do, or of a part
 * built from a file of its own with GtkBuilder (by its id), as the
 * candidate panel's candidate page. */
GtkWidget *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  if (child == NULL)
    child = G_OBJECT (find_named (GTK_WIDGET (widget), name));

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

char *
dup_candidate_file (IvcCandidateStore *store,
                    IvcCandidate      *candidate)
{
  g_autofree char *folder = g_file_get_path (ivc_candidate_store_get_folder (store));
  g_autofree char *name = g_strdup_printf ("%s.json", ivc_candidate_store_get_interviewer_id (store));
  g_autofree char *path = g_build_filename (folder, "candidates", ivc_candidate_get_id (candidate), name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

gboolean
file_has (IvcCandidateStore *store,
          IvcCandidate      *candidate,
          const char        *text)
{
  g_autofree char *contents = candidate ? dup_candidate_file (store, candidate) : NULL;

  return contents != NULL && strstr (contents, text) != NULL;
}

/* Keyboard tests need an X11 display, and xdotool, which the README's
 * test command installs: missing, it is a failure, not a skip. */
gboolean
can_send_keys (void)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = NULL;

  if (GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      xdotool = g_find_program_in_path ("xdotool");
      if (xdotool == NULL)
        {
          g_test_fail_printf ("xdotool is not installed; the README's test command installs it");
          return FALSE;
        }

      return TRUE;
    }
#endif

  g_test_skip ("Key presses are sent with xdotool, which needs an X11 display");
  return FALSE;
}

static gboolean
spawn_xdotool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_test_message ("xdotool failed: %s", error->message);
      return FALSE;
    }

  return TRUE;
}

#ifdef GDK_WINDOWING_X11
/* Gives @window the X focus and waits until GTK says it has it. Not
 * xdotool's "windowfocus --sync": asked while the X server has not yet
 * mapped the window, the focus request is refused and --sync then waits
 * for ever. Here the request is made again until it takes. */
static gboolean
focus_window (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (surface));
  const char *argv[] = { "xdotool", "windowfocus", xid, NULL };
  gint64 deadline = g_get_monotonic_time () + IVC_TEST_WAIT_SECONDS * G_USEC_PER_SEC;

  while (!gtk_window_is_active (window) && g_get_monotonic_time () < deadline)
    {
      gint64 retry = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

      spawn_xdotool (argv);
      while (!gtk_window_is_active (window) && g_get_monotonic_time () < retry)
        {
          guint poll = g_timeout_add (10, ivc_test_poll_cb, NULL);

          g_main_context_iteration (NULL, TRUE);
          g_source_remove (poll);
        }
    }

  if (!gtk_window_is_active (window))
    g_test_message ("%s never got the keyboard focus", gtk_window_get_title (window));
  return gtk_window_is_active (window);
}
#endif

/* Runs xdotool: real key presses through the X server. With @window, it
 * gets the focus first; without, they go to whatever has it (a dialog,
 * say). */
gboolean
run_xdotool (GtkWindow          *window,
             const char * const *command)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

#ifdef GDK_WINDOWING_X11
  if (window != NULL && !focus_window (window))
    return FALSE;
#endif

  g_ptr_array_add (argv, (char *)"xdotool");
  for (guint i = 0; command[i]; i++)
    g_ptr_array_add (argv, (char *)command[i]);
  g_ptr_array_add (argv, NULL);

  return spawn_xdotool ((const char * const *)argv->pdata);
}

gboolean
send_keys (GtkWindow  *window,
           const char *first_key,
           ...)
{
  g_autoptr(GPtrArray) command = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (command, (char *)"key");
  g_ptr_array_add (command, (char *)"--delay");
  g_ptr_array_add (command, (char *)"30");
  va_start (args, first_key);
  for (const char *key = first_key; key; key = va_arg (args, const char *))
    g_ptr_array_add (command, (char *)key);
  va_end (args);
  g_ptr_array_add (command, NULL);

  return run_xdotool (window, (const char * const *)command->pdata);
}

/* Types into the focused widget, wherever it is. */
gboolean
type_text (const char *text)
{
  return run_xdotool (NULL, (const char *[]) { "type", "--delay", "20", text, NULL });
}


/* Types into @window's focused widget, giving @window the keyboard first:
 * a dialog that closed a moment ago may have taken the X focus with it. */
gboolean
type_text_into (GtkWindow  *window,
                const char *text)
{
  return run_xdotool (window, (const char *[]) { "type", "--clearmodifiers", "--delay", "20", text, NULL });
}

/* Whether a dialog of the app's is still on screen: an alert (over its
 * window, or in one of its own) or a window such as a file chooser. */
gboolean
dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (ivc_alert_find_shown () != NULL)
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (window)) && gtk_window_get_transient_for (window) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Answers @alert as a click on one of its buttons does: the response,
 * then the alert closes. */
void
alert_respond (IvcAlert   *alert,
               const char *response)
{
  g_autoptr(IvcAlert) kept = g_object_ref (alert);

  g_signal_emit_by_name (alert, "response", response);
  ivc_alert_close (alert);
}

/* The text field of a shown alert that has the keyboard, or %NULL. */
static GtkWidget *
alert_entry_with_focus (GtkWindow **window)
{
  IvcAlert *alert = ivc_alert_find_shown ();
  GtkWidget *focus;

  if (alert == NULL)
    return NULL;

  *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (alert)));
  focus = gtk_window_get_focus (*window);
  if (!gtk_window_is_active (*window) || !GTK_IS_EDITABLE (focus) ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (alert)))
    return NULL;

  return focus;
}

/* Waits for an alert to have the keyboard, in a text field: what is typed
 * next goes there. Returns the window it is in (its own with libadwaita
 * 1.2, the one it is shown over with 1.5 and newer). */
GtkWindow *
wait_for_dialog_entry (void)
{
  GtkWindow *window = NULL;

  wait_until (alert_entry_with_focus (&window) != NULL);
  wait_for_draw (window);
  return window;
}

/* The chooser's list of files: a GtkTreeView up to GTK 4.8, a
 * GtkColumnView from 4.10 on. */
static GtkWidget *
find_file_list (GtkWidget *widget)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  if (GTK_IS_COLUMN_VIEW (widget))
    return widget;
#else
  if (GTK_IS_TREE_VIEW (widget))
    return widget;
#endif

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_file_list (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether GTK's file chooser has finished loading its folder: its list
 * has a model, and the busy cursor it shows while loading is gone. */
static gboolean
chooser_loaded (GtkWindow *chooser)
{
  GtkWidget *files = find_file_list (GTK_WIDGET (chooser));
  GdkCursor *cursor = gtk_widget_get_cursor (GTK_WIDGET (chooser));

  if (files == NULL)
    return FALSE;
#if GTK_CHECK_VERSION (4, 10, 0)
  if (gtk_column_view_get_model (GTK_COLUMN_VIEW (files)) == NULL)
    return FALSE;
#else
  if (gtk_tree_view_get_model (GTK_TREE_VIEW (files)) == NULL)
    return FALSE;
#endif

  return cursor == NULL || g_strcmp0 (gdk_cursor_get_name (cursor), "progress") != 0;
}

/* GTK's file chooser, shown in a window of its own: for a
 * GtkFileChooserNative, and for a GtkFileDialog (GTK 4.10 and newer),
 * when there is no portal. */
GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* GTK 4.8's chooser shows an error when a folder stops loading half-way
 * (as when it is answered at once): wait until it has loaded, as a user
 * would, and shown it. */
void
wait_for_chooser (GtkWindow *chooser)
{
  wait_until (chooser_loaded (chooser));
  wait_for_draw (chooser);
}

/* After Alt+N: the notes panel may slide in over the question first; the
 * notes have the keyboard once it is in. */
void
wait_for_notes (gpointer window)
{
  AdwFlap *flap = ADW_FLAP (template_child (window, IVC_TYPE_WINDOW, "flap"));
  GtkWidget *panel = template_child (window, IVC_TYPE_WINDOW, "candidate_panel");
  GtkWidget *notes = template_child (panel, IVC_TYPE_CANDIDATE_PANEL, "notes_view");

  wait_until (adw_flap_get_reveal_progress (flap) >= 1.0 && gtk_widget_has_focus (notes));
}
