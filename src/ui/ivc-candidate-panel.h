/* ivc-candidate-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IvcCandidatePanel: the side panel with the current candidate's scores,
 * red flags, notes and recommendation.
 */

#pragma once

#include <gtk/gtk.h>

#include "ivc-candidate-store.h"
#include "ivc-question-bank.h"

G_BEGIN_DECLS

#define IVC_TYPE_CANDIDATE_PANEL (ivc_candidate_panel_get_type ())

G_DECLARE_FINAL_TYPE (IvcCandidatePanel, ivc_candidate_panel, IVC, CANDIDATE_PANEL, GtkWidget)

void          ivc_candidate_panel_set_store     (IvcCandidatePanel *self,
                                                 IvcCandidateStore *store);
IvcCandidate *ivc_candidate_panel_get_candidate (IvcCandidatePanel *self);
void          ivc_candidate_panel_set_candidate (IvcCandidatePanel *self,
                                                 IvcCandidate      *candidate);
void          ivc_candidate_panel_set_question  (IvcCandidatePanel *self,
                                                 IvcQuestion       *question);
void          ivc_candidate_panel_focus_notes   (IvcCandidatePanel *self);
void          ivc_candidate_panel_set_bank      (IvcCandidatePanel *self,
                                                 IvcQuestionBank   *bank);
void          ivc_candidate_panel_set_candidate_bank_title (IvcCandidatePanel *self,
                                                 const char        *title);
void          ivc_candidate_panel_reload_teammates (IvcCandidatePanel *self);

G_END_DECLS
