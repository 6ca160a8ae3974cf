/* ivc-candidate-folder.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the candidates folder: our candidate files, keeping damaged ones
 * aside, and other interviewers' files, which are never changed.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-candidate.h"
#include "ivc-file-stamp.h"

G_BEGIN_DECLS

typedef enum
{
  /* Loading for the window: our damaged files are moved aside, temporary
   * files of interrupted saves removed, our folders closed to others. */
  IVC_CANDIDATE_FOLDER_LOAD_NONE      = 0,
  /* Loading for the command line: nothing in the folder changes. */
  IVC_CANDIDATE_FOLDER_LOAD_READ_ONLY = 1 << 0,
} IvcCandidateFolderLoadFlags;

typedef struct
{
  /* IvcCandidate, in no order. */
  GPtrArray *candidates;
  /* GError, one per file that could not be read. */
  GPtrArray *problems;
  /* Candidate id → IvcFileStamp: our files as they were read (or as a
   * merge of a conflict copy wrote them). */
  GHashTable *stamps;
  /* About conflict copies that sync tools left, ours merged and a
   * teammate's reported: a title and details each, as a GStrv. */
  GPtrArray *notices;
} IvcCandidateFolderResult;

void                      ivc_candidate_folder_result_free   (IvcCandidateFolderResult  *result);
char                     *ivc_candidate_folder_dup_file_name (const char                *interviewer_id);
IvcCandidate             *ivc_candidate_folder_read_file     (const char                *path,
                                                              GError                   **error);
GPtrArray                *ivc_candidate_folder_read_others   (const char                *folder_path,
                                                              const char                *candidate_id,
                                                              const char                *interviewer_id,
                                                              GPtrArray                 *problems);
IvcCandidateFolderResult *ivc_candidate_folder_load          (const char                *candidates_path,
                                                              const char                *interviewer_id,
                                                              IvcCandidateFolderLoadFlags flags,
                                                              GCancellable              *cancellable,
                                                              GError                   **error);
void                      ivc_candidate_folder_load_async    (const char                *candidates_path,
                                                              const char                *interviewer_id,
                                                              IvcCandidateFolderLoadFlags flags,
                                                              GCancellable              *cancellable,
                                                              GAsyncReadyCallback        callback,
                                                              gpointer                   user_data);
IvcCandidateFolderResult *ivc_candidate_folder_load_finish   (GAsyncResult              *result,
                                                              GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IvcCandidateFolderResult, ivc_candidate_folder_result_free)

G_END_DECLS
