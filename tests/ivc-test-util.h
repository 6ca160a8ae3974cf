/* ivc-test-util.h: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the tests that open real windows: waiting, template
 * children, key presses through xdotool, the candidate's file.
 */

#pragma once

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "ivc-alert.h"
#include "ivc-candidate-store.h"
#include "ivc-test-files.h"

G_BEGIN_DECLS

/* Waits for @condition, running the main loop; the bound is only a guard
 * against a test that would hang (see IVC_TEST_WAIT_SECONDS). */
#define wait_until(condition) wait_for (condition)

/* What is saved about a second after a change and written by a worker
 * thread: the same guard, under the name the tests know. */
#define wait_until_saved(condition) wait_for (condition)

void       flush_events              (void);
void       wait_for_draw             (gpointer            widget);
GtkWidget *template_child            (gpointer            widget,
                                      GType               type,
                                      const char         *name);
char      *dup_candidate_file        (IvcCandidateStore  *store,
                                      IvcCandidate       *candidate);
gboolean   file_has                  (IvcCandidateStore  *store,
                                      IvcCandidate       *candidate,
                                      const char         *text);
gboolean   can_send_keys             (void);
gboolean   run_xdotool               (GtkWindow          *window,
                                      const char * const *command);
gboolean   send_keys                 (GtkWindow          *window,
                                      const char         *first_key,
                                      ...) G_GNUC_NULL_TERMINATED;
gboolean   type_text                 (const char         *text);
gboolean   type_text_into            (GtkWindow          *window,
                                      const char         *text);
gboolean   dialog_shown              (void);
void       alert_respond             (IvcAlert           *alert,
                                      const char         *response);
GtkWindow *wait_for_dialog_entry     (void);
GtkWindow *find_file_chooser         (void);
void       wait_for_chooser          (GtkWindow          *chooser);
void       wait_for_notes            (gpointer            window);

G_END_DECLS
