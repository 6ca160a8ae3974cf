/* ivc-candidate-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What ivc-candidate-store.c shares with the store's other files,
 * ivc-candidate-store-erase.c and ivc-candidate-store-lookup.c.
 */

#pragma once

#include "ivc-candidate-store.h"

G_BEGIN_DECLS

const char *_ivc_candidate_store_get_candidates_path (IvcCandidateStore *self);
gboolean    _ivc_candidate_store_forget              (IvcCandidateStore *self,
                                                      const char        *candidate_id);

G_END_DECLS
