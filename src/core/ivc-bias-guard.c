/* ivc-bias-guard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Independent scoring: an interviewer sees teammates' scores, red flags,
 * notes and verdicts for a candidate only after submitting their own
 * scorecard, unless the team turned the guard off.
 */

#define G_LOG_DOMAIN "ivc-bias-guard"

#include "config.h"

#include <glib/gi18n.h>

#include "ivc-bias-guard.h"

/*
 * Structured interviews keep each interviewer's judgement their own until
 * it is on record: seeing a colleague's "Strong no" first anchors one's
 * own. Every place that shows another interviewer's figures (the window,
 * the exports, the debrief, the command line) asks here first. What stays
 * visible before submitting is who the teammates are and how many have
 * submitted.
 */

G_DEFINE_QUARK (ivc-bias-guard-error-quark, ivc_bias_guard_error)

/**
 * ivc_bias_guard_may_see_teammates:
 * @own: (nullable): the interviewer's own scorecard for the candidate, or
 *   %NULL when they have none
 * @enabled: whether the guard is on (the `hide-scores-until-submitted`
 *   setting)
 *
 * Returns: whether teammates' figures for the candidate may be shown
 */
gboolean
ivc_bias_guard_may_see_teammates (IvcCandidate *own,
                                  gboolean      enabled)
{
  g_return_val_if_fail (own == NULL || IVC_IS_CANDIDATE (own), FALSE);

  if (!enabled)
    return TRUE;

  return own != NULL && ivc_candidate_is_submitted (own);
}

/**
 * ivc_bias_guard_count_submitted:
 * @scorecards: (element-type IvcCandidate): scorecards
 *
 * Returns: how many of @scorecards are submitted
 */
guint
ivc_bias_guard_count_submitted (GPtrArray *scorecards)
{
  guint n = 0;

  g_return_val_if_fail (scorecards != NULL, 0);

  for (guint i = 0; i < scorecards->len; i++)
    {
      if (ivc_candidate_is_submitted (g_ptr_array_index (scorecards, i)))
        n++;
    }

  return n;
}

/**
 * ivc_bias_guard_dup_teammates_text:
 *
 * What an interviewer may know of teammates before submitting, such as
 * “2 teammates have submitted”.
 *
 * Returns: (transfer full): the text
 */
char *
ivc_bias_guard_dup_teammates_text (guint n_submitted,
                                   guint n_teammates)
{
  if (n_teammates == 0)
    return g_strdup (_("No teammate has scored this candidate yet"));

  if (n_submitted == 0)
    return g_strdup (_("No teammate has submitted yet"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u teammate has submitted",
                                       "%u teammates have submitted",
                                       n_submitted),
                          n_submitted);
}

/**
 * ivc_bias_guard_dup_time:
 *
 * A time of submission or amendment as people read it, in UTC so that a
 * team across time zones reads the same: “2024-05-01 09:30 UTC”.
 *
 * Returns: (transfer full): the text
 */
char *
ivc_bias_guard_dup_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%d %H:%M UTC");
}

/**
 * ivc_bias_guard_dup_status:
 *
 * A scorecard's state, for the team to read: “Draft”, “Submitted
 * 2024-05-01 09:30 UTC”, or with “, amended after submission …”.
 *
 * Returns: (transfer full): the text
 */
char *
ivc_bias_guard_dup_status (IvcCandidate *scorecard)
{
  GDateTime *submitted, *amended;
  g_autofree char *submitted_text = NULL;
  g_autofree char *amended_text = NULL;

  g_return_val_if_fail (IVC_IS_CANDIDATE (scorecard), NULL);

  submitted = ivc_candidate_get_submitted (scorecard);
  amended = ivc_candidate_get_amended (scorecard);

  if (submitted == NULL)
    /* Translators: a scorecard not submitted yet */
    return g_strdup (_("Draft"));

  submitted_text = ivc_bias_guard_dup_time (submitted);
  if (amended == NULL)
    /* Translators: %s is a date and time */
    return g_strdup_printf (_("Submitted %s"), submitted_text);

  amended_text = ivc_bias_guard_dup_time (amended);
  /* Translators: both %s are dates and times */
  return g_strdup_printf (_("Submitted %s, amended after submission %s"),
                          submitted_text, amended_text);
}

/**
 * ivc_bias_guard_check:
 * @own: (nullable): the interviewer's own scorecard for the candidate
 * @shown: the scorecard about to be shown or exported
 * @enabled: whether the guard is on
 * @error: %IVC_BIAS_GUARD_ERROR_HIDDEN
 *
 * Whether @shown may be shown: one's own always, a teammate's once one
 * submitted (or with the guard off).
 *
 * Returns: %TRUE if it may, or %FALSE with @error set
 */
gboolean
ivc_bias_guard_check (IvcCandidate  *own,
                      IvcCandidate  *shown,
                      gboolean       enabled,
                      GError       **error)
{
  const char *who;

  g_return_val_if_fail (own == NULL || IVC_IS_CANDIDATE (own), FALSE);
  g_return_val_if_fail (IVC_IS_CANDIDATE (shown), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (shown == own || ivc_bias_guard_may_see_teammates (own, enabled))
    return TRUE;

  if (own != NULL &&
      g_strcmp0 (ivc_candidate_get_interviewer_id (own), ivc_candidate_get_interviewer_id (shown)) == 0)
    return TRUE;

  who = ivc_candidate_get_interviewer_name (shown);
  if (who == NULL || *who == '\0')
    who = ivc_candidate_get_interviewer_id (shown);
  if (who == NULL)
    who = _("A teammate");

  g_set_error (error, IVC_BIAS_GUARD_ERROR, IVC_BIAS_GUARD_ERROR_HIDDEN,
               _("%s’s scorecard for %s stays hidden until you submit your own "
                 "(Submit Scorecard, Ctrl+Return), so that each interviewer "
                 "scores independently. The setting “hide-scores-until-submitted” "
                 "turns this off"),
               who, ivc_candidate_get_name (shown));
  return FALSE;
}
