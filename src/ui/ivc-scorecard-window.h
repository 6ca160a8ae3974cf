/* ivc-scorecard-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcScorecardWindow: the Scorecards window, with the comparison of all
 * candidates and one candidate's scorecard; export and print.
 */

#pragma once

#include <adwaita.h>

#include "ivc-candidate-store.h"
#include "ivc-question-bank.h"
#include "ivc-scorecard.h"

G_BEGIN_DECLS

#define IVC_TYPE_SCORECARD_WINDOW (ivc_scorecard_window_get_type ())

G_DECLARE_FINAL_TYPE (IvcScorecardWindow, ivc_scorecard_window, IVC, SCORECARD_WINDOW, AdwWindow)

GtkWidget         *ivc_scorecard_window_new             (GtkWindow          *parent,
                                                         IvcCandidateStore  *store,
                                                         IvcQuestionBank    *bank,
                                                         GListModel         *banks);
IvcCandidateStore *ivc_scorecard_window_get_store       (IvcScorecardWindow *self);
IvcQuestionBank   *ivc_scorecard_window_get_bank        (IvcScorecardWindow *self);
void               ivc_scorecard_window_set_bank        (IvcScorecardWindow *self,
                                                         IvcQuestionBank    *bank);
IvcCandidate      *ivc_scorecard_window_get_candidate   (IvcScorecardWindow *self);
IvcScorecard      *ivc_scorecard_window_get_scorecard   (IvcScorecardWindow *self);
void               ivc_scorecard_window_show_candidate  (IvcScorecardWindow *self,
                                                         IvcCandidate       *candidate);
void               ivc_scorecard_window_show_comparison (IvcScorecardWindow *self);
void               ivc_scorecard_window_show_debrief    (IvcScorecardWindow *self);

G_END_DECLS
