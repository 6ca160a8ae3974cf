/* ivc-test-util.h: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "ivc-candidate-store.h"
#include "ivc-test-files.h"

G_BEGIN_DECLS

gboolean   ivc_test_timeout_cb       (gpointer            data);

/* Runs the main loop until @condition holds or @ms milliseconds pass:
 * long enough for a loaded machine, never a measure of speed. */
#define wait_until_ms(condition, ms)                                        \
  G_STMT_START {                                                            \
    gboolean timed_out_ = FALSE;                                            \
    guint id_ = g_timeout_add ((ms), ivc_test_timeout_cb, &timed_out_);     \
    while (!(condition) && !timed_out_)                                     \
      g_main_context_iteration (NULL, TRUE);                                \
    if (!timed_out_)                                                        \
      g_source_remove (id_);                                                \
    g_assert_true (condition);                                              \
  } G_STMT_END

#define wait_until(condition) wait_until_ms (condition, 2000)

/* What is saved about a second after a change, and written by a worker
 * thread: on a busy machine, it can take a while. */
#define wait_until_saved(condition) wait_until_ms (condition, 15000)

void       flush_events              (void);
void       wait_ms                   (guint               ms);
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
void       wait_for_notes            (gpointer            window);

G_END_DECLS
