/* ivc-candidate-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The candidate file: its format version, its size limit and the error
 * domain of reading it (shared with the store). The reader and writer are
 * ivc_candidate_new_from_bytes() and ivc_candidate_to_bytes().
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The version of the candidate file format; docs/candidate-format.md. */
#define IVC_CANDIDATE_FORMAT             3

/* A larger file is refused unread. */
#define IVC_CANDIDATE_MAX_FILE_SIZE_MIB  16
#define IVC_CANDIDATE_MAX_FILE_SIZE      (IVC_CANDIDATE_MAX_FILE_SIZE_MIB * 1024 * 1024)

/* Deeper nesting is refused before parsing: the parser recurses, and the
 * format itself nests three levels. */
#define IVC_CANDIDATE_MAX_DEPTH          64

#define IVC_STORE_ERROR (ivc_store_error_quark ())

typedef enum
{
  IVC_STORE_ERROR_READ,
  IVC_STORE_ERROR_CORRUPT,
  IVC_STORE_ERROR_NEWER_FORMAT,
  IVC_STORE_ERROR_WRITE_FAILED,
  IVC_STORE_ERROR_NOT_FOUND,
  IVC_STORE_ERROR_AMBIGUOUS,
} IvcStoreError;

GQuark ivc_store_error_quark (void);

/* Saving in two steps (ivc-candidate-saver.c): the candidate's contents
 * taken on the main thread as an immutable snapshot, which is cheap (notes
 * are shared by reference, not copied), and turned into the file's bytes in
 * a worker thread, which is not. Together they give what
 * ivc_candidate_to_bytes() gives. */
struct _IvcCandidate;
typedef struct _IvcCandidateSnapshot IvcCandidateSnapshot;

IvcCandidateSnapshot *ivc_candidate_snapshot_new      (struct _IvcCandidate  *candidate);
GBytes               *ivc_candidate_snapshot_to_bytes (IvcCandidateSnapshot  *snapshot);
void                  ivc_candidate_snapshot_free     (IvcCandidateSnapshot  *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IvcCandidateSnapshot, ivc_candidate_snapshot_free)

G_END_DECLS
