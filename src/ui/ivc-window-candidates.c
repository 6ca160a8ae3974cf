/* ivc-window-candidates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's candidates: the current one, creating, renaming, switching
 * and deleting with undo, and saving their notes, with its errors and
 * retries.
 */

#define G_LOG_DOMAIN "ivc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-alert.h"
#include "ivc-candidate-dialog.h"
#include "ivc-settings.h"
#include "ivc-toast.h"
#include "ivc-window-private.h"

static void
update_window_title (IvcWindow *self)
{
  g_autofree char *title = NULL;

  if (self->candidate != NULL)
    /* Translators: the window title, with the current candidate's name */
    title = g_strdup_printf (_("%s — Interview Companion"), ivc_candidate_get_name (self->candidate));
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Interview Companion"));
}

/* A rename shows at once in the title bars. The question list follows the
 * candidate too, and must have seen the change first: it was given the
 * candidate before this window's group, so its handler runs first. */
static void
on_candidate_changed_cb (IvcWindow *self)
{
  update_window_title (self);
  _ivc_window_update_content_title (self);
  _ivc_window_notify (self, IVC_WINDOW_PROP_QUESTION_PLANNED);
}

void
_ivc_window_set_candidate (IvcWindow    *self,
                           IvcCandidate *candidate)
{
  if (self->candidate == candidate)
    return;

  /* Another candidate, another interview: nothing stays revealed, and the
   * time counted so far is the last candidate's. */
  ivc_question_view_conceal (self->question_view);
  ivc_interview_timer_set_candidate (self->timer, candidate);

  /* What was typed for the last candidate goes to disk now. */
  if (self->store != NULL)
    ivc_candidate_store_save_async (self->store, NULL, NULL, NULL);

  g_set_object (&self->candidate, candidate);
  /* Their marks and plan show in the list only with their own bank. */
  _ivc_window_update_candidate_bank (self);
  g_signal_group_set_target (self->candidate_signals, candidate);

  ivc_candidate_panel_set_candidate (self->candidate_panel, candidate);
  ivc_settings_set_string (self->settings, "last-candidate",
                           candidate ? ivc_candidate_get_id (candidate) : "");

  update_window_title (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-candidate", candidate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-candidate", candidate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.erase-candidate", candidate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-timer", candidate != NULL);

  _ivc_window_show_candidate_bank (self);
  _ivc_window_notify (self, IVC_WINDOW_PROP_QUESTION_PLANNED);
  _ivc_window_update_timer (self);

  _ivc_window_update_content_title (self);
  _ivc_window_notify (self, IVC_WINDOW_PROP_CANDIDATE);
}

static void
on_save_error_changed_cb (IvcWindow *self)
{
  const GError *error = ivc_candidate_store_get_save_error (self->store);

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Notes cannot be saved: %s. They are kept "
                                                 "open here and saving is retried."),
                                               error->message);
      gtk_label_set_text (self->save_error_label, text);
    }

  gtk_revealer_set_reveal_child (self->save_error_revealer, error != NULL);
}

static void
on_candidate_dialog_response_cb (IvcCandidateDialog *dialog,
                                 const char         *response,
                                 IvcWindow          *self)
{
  IvcCandidate *renaming = ivc_candidate_dialog_get_renaming (dialog);
  g_autofree char *name = ivc_candidate_dialog_dup_name (dialog);
  g_autofree char *role = ivc_candidate_dialog_dup_role (dialog);
  g_autofree char *date = ivc_candidate_dialog_dup_date (dialog);

  /* The response is enabled only for a name and a valid date (or none). */
  if (!g_str_equal (response, "save") || self->store == NULL)
    return;

  if (renaming != NULL)
    {
      ivc_candidate_set_name (renaming, name);
      ivc_candidate_set_role (renaming, role);
      ivc_candidate_set_interview_date (renaming, date);
    }
  else
    {
      IvcCandidate *candidate = ivc_candidate_store_create (self->store, name, role, date,
                                                            self->bank ? ivc_question_bank_get_id (self->bank) : "");
      _ivc_window_set_candidate (self, candidate);
      if (!adw_flap_get_folded (self->flap))
        g_object_set (self, "side-panel-visible", TRUE, NULL);
    }
}

/**
 * _ivc_window_show_candidate_dialog:
 * @renaming: (nullable): the candidate to rename, or %NULL for a new one
 */
void
_ivc_window_show_candidate_dialog (IvcWindow    *self,
                                   IvcCandidate *renaming)
{
  IvcCandidateDialog *dialog = ivc_candidate_dialog_new (GTK_WINDOW (self), renaming);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_candidate_dialog_response_cb), self, 0);
  ivc_candidate_dialog_present (dialog);
}

void
_ivc_window_switch_candidate (IvcWindow  *self,
                              const char *candidate_id)
{
  IvcCandidate *candidate;

  if (self->store == NULL)
    return;

  candidate = ivc_candidate_store_find (self->store, candidate_id);
  if (candidate != NULL)
    _ivc_window_set_candidate (self, candidate);
}

static void
on_undo_delete_cb (AdwToast     *toast,
                   IvcCandidate *candidate)
{
  IvcWindow *self = g_object_get_data (G_OBJECT (toast), "window");

  if (self == NULL || self->store == NULL)
    return;

  ivc_candidate_store_restore (self->store, candidate);
  _ivc_window_set_candidate (self, candidate);
}

/* Deleting a candidate can be undone for as long as its toast shows. */
void
_ivc_window_delete_candidate (IvcWindow *self)
{
  g_autoptr(IvcCandidate) removed = NULL;
  g_autoptr(IvcCandidate) next = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->candidate == NULL || self->store == NULL)
    return;

  removed = ivc_candidate_store_remove (self->store, self->candidate);
  next = g_list_model_get_item (ivc_candidate_store_get_candidates (self->store), 0);
  _ivc_window_set_candidate (self, next);

  /* Translators: a toast after deleting a candidate */
  title = g_strdup_printf (_("“%s” deleted"), ivc_candidate_get_name (removed));
  toast = ivc_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "window", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb),
                         g_object_ref (removed), (GClosureNotify)g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_notice_details_cb (AdwToast   *toast,
                      const char *details)
{
  IvcWindow *self = g_object_get_data (G_OBJECT (toast), "window");
  IvcAlert *dialog;

  if (self == NULL)
    return;

  dialog = ivc_alert_new (g_object_get_data (G_OBJECT (toast), "heading"), details);
  ivc_alert_add_response (dialog, "close", _("_Close"));
  ivc_alert_present (dialog, GTK_WIDGET (self));
}

/* Our file was changed elsewhere and merged, or a sync tool left a
 * conflict copy: nothing was lost, and the details are a click away. */
static void
on_store_notice_cb (IvcWindow  *self,
                    const char *title,
                    const char *details)
{
  AdwToast *toast = ivc_toast_new (title);

  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data (G_OBJECT (toast), "window", self);
  g_object_set_data_full (G_OBJECT (toast), "heading", g_strdup (title), g_free);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_notice_details_cb),
                         g_strdup (details), (GClosureNotify)g_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * ivc_window_set_store:
 *
 * The candidates the window takes notes for.
 */
void
ivc_window_set_store (IvcWindow         *self,
                      IvcCandidateStore *store)
{
  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (IVC_IS_CANDIDATE_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  ivc_candidate_panel_set_store (self->candidate_panel, store);
  g_signal_group_set_target (self->store_signals, store);
  on_save_error_changed_cb (self);
}

/**
 * ivc_window_get_candidate:
 *
 * Returns: (transfer none) (nullable): the candidate notes are taken for
 */
IvcCandidate *
ivc_window_get_candidate (IvcWindow *self)
{
  g_return_val_if_fail (IVC_IS_WINDOW (self), NULL);

  return self->candidate;
}

/**
 * ivc_window_candidates_loaded:
 * @problems: (element-type GError): candidate files that could not be read
 *
 * Reopens the last candidate, and says which files were set aside.
 */
void
ivc_window_candidates_loaded (IvcWindow *self,
                              GPtrArray *problems)
{
  g_autofree char *last = NULL;

  g_return_if_fail (IVC_IS_WINDOW (self));
  g_return_if_fail (self->store != NULL);

  last = g_settings_get_string (self->settings, "last-candidate");
  if (self->candidate == NULL && *last != '\0')
    _ivc_window_set_candidate (self, ivc_candidate_store_find (self->store, last));

  _ivc_window_update_retention (self);

  if (problems != NULL && problems->len > 0)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      IvcAlert *dialog;

      for (guint i = 0; i < problems->len; i++)
        {
          const GError *problem = g_ptr_array_index (problems, i);
          g_string_append_printf (body, "%s%s", i ? "\n\n" : "", problem->message);
        }

      dialog = ivc_alert_new (g_dngettext (GETTEXT_PACKAGE,
                                           "A Candidate File Could Not Be Read",
                                           "Some Candidate Files Could Not Be Read",
                                           problems->len),
                              body->str);
      ivc_alert_add_response (dialog, "close", _("_Close"));
      ivc_alert_present (dialog, GTK_WIDGET (self));
    }
}

/**
 * _ivc_window_candidates_init:
 *
 * Follows the current candidate and the store's save errors.
 */
void
_ivc_window_candidates_init (IvcWindow *self)
{
  self->candidate_signals = g_signal_group_new (IVC_TYPE_CANDIDATE);
  g_signal_group_connect_object (self->candidate_signals, "changed",
                                 G_CALLBACK (on_candidate_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->candidate_signals, "notify::bank-id",
                                 G_CALLBACK (_ivc_window_update_candidate_bank), self, G_CONNECT_SWAPPED);

  self->store_signals = g_signal_group_new (IVC_TYPE_CANDIDATE_STORE);
  g_signal_group_connect_object (self->store_signals, "notify::save-error",
                                 G_CALLBACK (on_save_error_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->store_signals, "notice",
                                 G_CALLBACK (on_store_notice_cb), self, G_CONNECT_SWAPPED);
}
