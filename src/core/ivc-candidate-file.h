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

G_END_DECLS
