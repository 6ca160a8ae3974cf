/* ivc-candidate-merge.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Merging two versions of one interviewer's scorecard field by field,
 * against the version both started from, so that nothing either side
 * typed is lost.
 */

#pragma once

#include "ivc-candidate.h"

G_BEGIN_DECLS

/* What a merge did. */
typedef struct
{
  /* Fields taken from the other version: only it changed them. */
  guint n_taken;
  /* Fields both versions changed differently: ours is kept and theirs is
   * written, marked, into the notes (or the summary). */
  guint n_kept_both;
} IvcMergeResult;

void    ivc_candidate_merge       (IvcCandidate    *ours,
                                   IvcCandidate    *base,
                                   IvcCandidate    *theirs,
                                   const char      *label,
                                   IvcMergeResult  *result);
GBytes *ivc_candidate_merge_bytes (GBytes          *ours,
                                   GBytes          *base,
                                   GBytes          *theirs,
                                   const char      *display_name,
                                   const char      *label,
                                   IvcMergeResult  *result,
                                   GError         **error);
char   *ivc_candidate_merge_dup_marker (const char *label);

G_END_DECLS
