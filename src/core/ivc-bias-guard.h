/* ivc-bias-guard.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Independent scoring: an interviewer sees teammates' scores, red flags,
 * notes and verdicts for a candidate only after submitting their own
 * scorecard, unless the team turned the guard off.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-candidate.h"

G_BEGIN_DECLS

#define IVC_BIAS_GUARD_ERROR (ivc_bias_guard_error_quark ())

typedef enum
{
  /* Teammates' figures asked for before submitting one's own. */
  IVC_BIAS_GUARD_ERROR_HIDDEN,
  /* A debrief with no submitted scorecard to show. */
  IVC_BIAS_GUARD_ERROR_NONE_SUBMITTED,
} IvcBiasGuardError;

GQuark    ivc_bias_guard_error_quark        (void);
gboolean  ivc_bias_guard_may_see_teammates  (IvcCandidate  *own,
                                             gboolean       enabled);
guint     ivc_bias_guard_count_submitted    (GPtrArray     *scorecards);
char     *ivc_bias_guard_dup_teammates_text (guint          n_submitted,
                                             guint          n_teammates);
char     *ivc_bias_guard_dup_status         (IvcCandidate  *scorecard);
char     *ivc_bias_guard_dup_time           (GDateTime     *time);
gboolean  ivc_bias_guard_check              (IvcCandidate  *own,
                                             IvcCandidate  *shown,
                                             gboolean       enabled,
                                             GError       **error);

G_END_DECLS
