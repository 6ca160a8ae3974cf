/* ivc-candidate-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog that asks for a new candidate's name, role and interview
 * date, or renames one.
 */

#pragma once

#include <adwaita.h>

#include "ivc-alert.h"

#include "ivc-candidate.h"

G_BEGIN_DECLS

#define IVC_TYPE_CANDIDATE_DIALOG (ivc_candidate_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IvcCandidateDialog, ivc_candidate_dialog, IVC, CANDIDATE_DIALOG, IvcAlert)

IvcCandidateDialog *ivc_candidate_dialog_new          (GtkWindow          *parent,
                                                       IvcCandidate       *renaming);
IvcCandidate       *ivc_candidate_dialog_get_renaming (IvcCandidateDialog *self);
char               *ivc_candidate_dialog_dup_name     (IvcCandidateDialog *self);
char               *ivc_candidate_dialog_dup_role     (IvcCandidateDialog *self);
char               *ivc_candidate_dialog_dup_date     (IvcCandidateDialog *self);
void                ivc_candidate_dialog_present      (IvcCandidateDialog *self);

G_END_DECLS
