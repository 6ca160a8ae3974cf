/* ivc-candidate-store-debrief.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the team review asks of the candidate store: every interviewer's
 * scorecard for a candidate, and the debrief made of them behind the bias
 * guard.
 */

#define G_LOG_DOMAIN "ivc-candidate-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-bias-guard.h"
#include "ivc-candidate-folder.h"
#include "ivc-candidate-store-private.h"
#include "ivc-debrief.h"

/* Whether our scorecard says anything: a file, or something noted that is
 * not saved yet. A candidate only teammates interviewed has an empty one
 * of ours in the store, which is no one's scorecard. */
static gboolean
own_scorecard_exists (IvcCandidateStore *self,
                      IvcCandidate      *candidate)
{
  g_autofree char *name = ivc_candidate_folder_dup_file_name (ivc_candidate_store_get_interviewer_id (self));
  g_autofree char *path = g_build_filename (_ivc_candidate_store_get_candidates_path (self),
                                            ivc_candidate_get_id (candidate), name, NULL);

  return ivc_candidate_is_started (candidate) || ivc_candidate_is_submitted (candidate) ||
         ivc_candidate_get_recommendation (candidate) != IVC_RECOMMENDATION_NONE ||
         *ivc_candidate_get_summary (candidate) != '\0' ||
         g_file_test (path, G_FILE_TEST_EXISTS);
}

/**
 * ivc_candidate_store_list_scorecards:
 * @candidate: a candidate of the store (our scorecard)
 * @problems: (out) (optional) (element-type GError): teammates' files that
 *   could not be read; they are left as they are
 *
 * Every interviewer's scorecard for @candidate: ours first, if we have
 * one, then the teammates', sorted by name. Teammates' are copies read
 * now; nothing here says whether they may be shown (ivc-bias-guard.h).
 *
 * Returns: (transfer container) (element-type IvcCandidate): the scorecards
 */
GPtrArray *
ivc_candidate_store_list_scorecards (IvcCandidateStore  *self,
                                     IvcCandidate       *candidate,
                                     GPtrArray         **problems)
{
  g_autoptr(GPtrArray) others = NULL;
  GPtrArray *scorecards;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (IVC_IS_CANDIDATE (candidate), NULL);

  scorecards = g_ptr_array_new_with_free_func (g_object_unref);
  if (own_scorecard_exists (self, candidate))
    g_ptr_array_add (scorecards, g_object_ref (candidate));

  others = ivc_candidate_store_read_other_scorecards (self, ivc_candidate_get_id (candidate), problems);
  for (guint i = 0; i < others->len; i++)
    g_ptr_array_add (scorecards, g_object_ref (g_ptr_array_index (others, i)));

  return scorecards;
}

/**
 * ivc_candidate_store_make_debrief:
 * @candidate: a candidate of the store (our scorecard)
 * @bank: (nullable): the candidate's bank, %NULL when it is missing
 * @include_drafts: whether scorecards not submitted count too
 * @guard: whether the bias guard is on
 * @error: an %IVC_BIAS_GUARD_ERROR: %IVC_BIAS_GUARD_ERROR_HIDDEN while
 *   the guard hides teammates' scorecards, or
 *   %IVC_BIAS_GUARD_ERROR_NONE_SUBMITTED
 *
 * The debrief of @candidate from every interviewer's scorecard.
 *
 * Returns: (transfer full) (nullable): the debrief, or %NULL with @error
 */
IvcDebrief *
ivc_candidate_store_make_debrief (IvcCandidateStore  *self,
                                  IvcCandidate       *candidate,
                                  IvcQuestionBank    *bank,
                                  gboolean            include_drafts,
                                  gboolean            guard,
                                  GError            **error)
{
  g_autoptr(GPtrArray) scorecards = NULL;
  g_autoptr(IvcDebrief) debrief = NULL;
  const char *name;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (IVC_IS_CANDIDATE (candidate), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = ivc_candidate_get_name (candidate);
  scorecards = ivc_candidate_store_list_scorecards (self, candidate, NULL);

  if (!ivc_bias_guard_may_see_teammates (candidate, guard) &&
      (scorecards->len > 1 || (scorecards->len == 1 && g_ptr_array_index (scorecards, 0) != candidate)))
    {
      g_set_error (error, IVC_BIAS_GUARD_ERROR, IVC_BIAS_GUARD_ERROR_HIDDEN,
                   _("Teammates’ scorecards for %s stay hidden until you submit your own "
                     "(Submit Scorecard, Ctrl+Return), so that each interviewer scores "
                     "independently; the setting “hide-scores-until-submitted” turns this off"),
                   name);
      return NULL;
    }

  if (scorecards->len > 0)
    debrief = ivc_debrief_new (bank, scorecards, include_drafts);

  if (debrief == NULL || ivc_debrief_get_n_interviewers (debrief) == 0)
    {
      if (scorecards->len == 0)
        g_set_error (error, IVC_BIAS_GUARD_ERROR, IVC_BIAS_GUARD_ERROR_NONE_SUBMITTED,
                     _("Nobody has scored %s yet"), name);
      else
        g_set_error (error, IVC_BIAS_GUARD_ERROR, IVC_BIAS_GUARD_ERROR_NONE_SUBMITTED,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "No scorecard for %s is submitted yet (%u draft); "
                                  "--include-drafts shows drafts too",
                                  "No scorecard for %s is submitted yet (%u drafts); "
                                  "--include-drafts shows drafts too",
                                  scorecards->len),
                     name, scorecards->len);
      return NULL;
    }

  return g_steal_pointer (&debrief);
}
