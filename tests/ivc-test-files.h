/* ivc-test-files.h: files and folders, as the tests make and check them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every test shares, with GLib alone (the core tests link no GTK):
 * files and folders, waiting for a condition, and faults root cannot
 * bypass.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long a test waits for something that should happen before it fails:
 * long enough for a loaded machine, never a measure of speed. */
#define IVC_TEST_WAIT_SECONDS 15

gboolean ivc_test_deadline_cb (gpointer data);
gboolean ivc_test_poll_cb     (gpointer data);

/* Runs the main loop until @condition holds, and fails the test, saying
 * which condition it was, if it does not hold within @seconds. The main
 * loop also wakes now and then, for what changes on another thread. */
#define wait_for_seconds(condition, seconds)                                  \
  G_STMT_START {                                                              \
    gboolean timed_out_ = FALSE;                                              \
    guint deadline_ = g_timeout_add_seconds ((seconds), ivc_test_deadline_cb, \
                                             &timed_out_);                    \
    guint poll_ = g_timeout_add (10, ivc_test_poll_cb, NULL);                 \
    while (!(condition) && !timed_out_)                                       \
      g_main_context_iteration (NULL, TRUE);                                  \
    g_source_remove (poll_);                                                  \
    if (!timed_out_)                                                          \
      g_source_remove (deadline_);                                            \
    if (!(condition))                                                         \
      {                                                                       \
        char *message_ = g_strdup_printf ("still not true after %u s: %s",    \
                                          (guint)(seconds), #condition);      \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,     \
                             message_);                                       \
        g_free (message_);                                                    \
      }                                                                       \
  } G_STMT_END

#define wait_for(condition) wait_for_seconds (condition, IVC_TEST_WAIT_SECONDS)

gboolean file_contains   (const char *path,
                          const char *text);
char    *wait_for_file_contents (const char *path,
                                 const char *expected);

void  remove_tree        (const char *path);
void  write_file         (const char *path,
                          const char *contents);
char *read_file          (const char *path);
void  assert_file_equals (const char *path,
                          const char *expected);
char *list_folder        (const char *path);
char *describe_tree      (const char *path);

/* The environment of a program run by a test, in which it is the
 * interviewer @interviewer_id: its settings in a key file under
 * @config_home, with the keys and values given in @settings ("key", "GVariant
 * text", …, NULL). */
char **environ_as_interviewer (char       **envp,
                               const char  *config_home,
                               const char  *interviewer_id,
                               ...) G_GNUC_NULL_TERMINATED;
void  become_ordinary_user  (const char *path);
void  become_root_again     (void);

G_END_DECLS
