/* ivc-unsaved-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing the candidates that could not be saved into a folder of the
 * user's choice, one candidate file each, when the data folder refuses
 * them at quit.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-candidate.h"

G_BEGIN_DECLS

/* How many names "Ann Archer notes.json", "Ann Archer notes (2).json", …
 * are tried before giving up on a folder full of earlier exports. */
#define IVC_UNSAVED_EXPORT_MAX_NAMES 100

/* What happened to one candidate: written to @file, or not, for @error. */
typedef struct
{
  char   *name;
  GFile  *file;
  GError *error;
} IvcUnsavedExport;

char      *ivc_unsaved_export_dup_base_name (IvcCandidate     *candidate);
void       ivc_unsaved_export_async  (GPtrArray            *candidates,
                                      GFile                *folder,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
GPtrArray *ivc_unsaved_export_finish (GAsyncResult         *result,
                                      guint                *n_failed);

G_END_DECLS
