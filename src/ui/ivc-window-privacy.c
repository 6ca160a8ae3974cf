/* ivc-window-privacy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ctrl+Shift+H: everything about the candidate's evaluation (scores, red
 * flag marks, notes, the verdict, the Scorecards window) and the answers
 * off screen at once, for a screen shared during the call; shown again
 * with the same keys. "Conceal When Switching Windows" hides it too.
 */

#define G_LOG_DOMAIN "ivc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-accel.h"
#include "ivc-question-view.h"
#include "ivc-window-private.h"

/* What shows the evaluation in another way: nothing of it while hidden. */
static const char * const evaluation_actions[] = {
  "win.show-scorecard",
  "win.compare-candidates",
  "win.export",
  "win.print",
};

gboolean
_ivc_window_get_evaluation_hidden (IvcWindow *self)
{
  return self->evaluation_hidden;
}

void
_ivc_window_set_evaluation_hidden (IvcWindow *self,
                                   gboolean   hidden)
{
  hidden = !!hidden;
  if (self->evaluation_hidden == hidden)
    return;

  self->evaluation_hidden = hidden;

  ivc_question_view_set_answers_hidden (self->question_view, hidden);
  g_object_set (self->question_list, "evaluation-hidden", hidden, NULL);

  /* The panel's place says what happened and how to undo it; a focus in
   * the notes would otherwise type into a hidden box. */
  if (hidden && gtk_widget_get_focus_child (GTK_WIDGET (self->candidate_panel)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->question_list));
  gtk_widget_set_visible (GTK_WIDGET (self->candidate_panel), !hidden);
  gtk_widget_set_visible (self->evaluation_hidden_page, hidden);

  if (self->noted_toast != NULL)
    adw_toast_dismiss (self->noted_toast);

  if (hidden && self->scorecards != NULL)
    gtk_window_close (GTK_WINDOW (self->scorecards));

  for (guint i = 0; i < G_N_ELEMENTS (evaluation_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), evaluation_actions[i], !hidden);

  _ivc_window_notify (self, IVC_WINDOW_PROP_EVALUATION_HIDDEN);
}

void
_ivc_window_privacy_init (IvcWindow *self)
{
  g_autofree char *keys = ivc_accel_get_label ("<Control><Shift>h");
  g_autofree char *description = NULL;

  /* Translators: %s is a keyboard shortcut, such as “Ctrl+Shift+H”. */
  description = g_strdup_printf (_("Scores, red flags, notes, the recommendation and the answers are off "
                                   "screen. Press %s to show them again."), keys);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->evaluation_hidden_page), description);
}
