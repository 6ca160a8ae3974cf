/* ivc-scorecard-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcScorecardView: the Scorecards window's page for one candidate: figures,
 * summary, a chart per level, every question with its notes and time.
 */

#pragma once

#include <adwaita.h>

#include "ivc-scorecard.h"

G_BEGIN_DECLS

#define IVC_TYPE_SCORECARD_VIEW (ivc_scorecard_view_get_type ())

G_DECLARE_FINAL_TYPE (IvcScorecardView, ivc_scorecard_view, IVC, SCORECARD_VIEW, GtkWidget)

GtkWidget    *ivc_scorecard_view_new           (void);
IvcScorecard *ivc_scorecard_view_get_scorecard (IvcScorecardView *self);
void          ivc_scorecard_view_set_scorecard (IvcScorecardView *self,
                                                IvcScorecard     *scorecard);

G_END_DECLS
