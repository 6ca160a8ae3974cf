/* ivc-candidate-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What ivc-candidate-store.c shares with the store's other files,
 * ivc-candidate-store-erase.c and ivc-candidate-store-lookup.c.
 */

#pragma once

#include "ivc-candidate-store.h"
#include "ivc-file-stamp.h"

G_BEGIN_DECLS

const char *_ivc_candidate_store_get_candidates_path (IvcCandidateStore *self);
gboolean    _ivc_candidate_store_forget              (IvcCandidateStore *self,
                                                      const char        *candidate_id);

/* ivc-candidate-store-team.c: what the team monitor found. */
typedef struct _IvcCandidateStoreTeam IvcCandidateStoreTeam;

IvcCandidateStoreTeam *_ivc_candidate_store_team_new      (void);
void                   _ivc_candidate_store_team_free     (IvcCandidateStoreTeam *team);
IvcCandidateStoreTeam *_ivc_candidate_store_get_team      (IvcCandidateStore     *self);
void                   _ivc_candidate_store_team_reported (IvcCandidateStore     *self,
                                                           GPtrArray             *problems,
                                                           GPtrArray             *notices);
void                   _ivc_candidate_store_add_found     (IvcCandidateStore     *self,
                                                           IvcCandidate          *candidate,
                                                           IvcFileStamp          *stamp);
gboolean               _ivc_candidate_store_set_listed    (IvcCandidateStore     *self,
                                                           const char            *candidate_id,
                                                           gboolean               listed);
void                   _ivc_candidate_store_emit_notice   (IvcCandidateStore     *self,
                                                           const char            *title,
                                                           const char            *details);
void                   _ivc_candidate_store_emit_team_changed (IvcCandidateStore *self,
                                                               const char        *candidate_id);

G_END_DECLS
