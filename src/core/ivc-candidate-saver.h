/* ivc-candidate-saver.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving the store's candidates: change serials, the autosave delay,
 * batches written in a worker thread, and trying again after a failure.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-candidate.h"
#include "ivc-file-stamp.h"

G_BEGIN_DECLS

/* What the store knows of one candidate, for saving it. */
typedef struct
{
  IvcCandidate *candidate;

  /* The store's handler of "changed"; disconnected when the entry goes. */
  gulong        changed_id;

  /* Set from the saver's counter on every change; saved_serial is the
   * newest one on disk. */
  guint64       serial;
  guint64       saved_serial;

  /* Removed from the list: our file is to be deleted. The entry stays until
   * it is, so that an undo can still bring it back. */
  guint         removed : 1;
} IvcCandidateSaverEntry;

typedef struct _IvcCandidateSaver IvcCandidateSaver;

IvcCandidateSaver      *ivc_candidate_saver_new                 (GObject            *owner,
                                                                 const char         *candidates_path,
                                                                 const char         *interviewer_id);
void                    ivc_candidate_saver_free                (IvcCandidateSaver  *self);
void                    ivc_candidate_saver_shutdown            (IvcCandidateSaver  *self);
GHashTable             *ivc_candidate_saver_get_entries         (IvcCandidateSaver  *self);
IvcCandidateSaverEntry *ivc_candidate_saver_add                 (IvcCandidateSaver  *self,
                                                                 IvcCandidate       *candidate,
                                                                 gboolean            unsaved);
void                    ivc_candidate_saver_set_stamp           (IvcCandidateSaver  *self,
                                                                 const char         *candidate_id,
                                                                 IvcFileStamp       *stamp);
void                    ivc_candidate_saver_bump                (IvcCandidateSaver  *self,
                                                                 IvcCandidateSaverEntry *entry);
void                    ivc_candidate_saver_schedule            (IvcCandidateSaver  *self);
gboolean                ivc_candidate_saver_get_has_unsaved_changes (IvcCandidateSaver *self);
GPtrArray              *ivc_candidate_saver_dup_unsaved         (IvcCandidateSaver  *self);
gboolean                ivc_candidate_saver_get_saving          (IvcCandidateSaver  *self);
const GError           *ivc_candidate_saver_get_save_error      (IvcCandidateSaver  *self);
void                    ivc_candidate_saver_save_now            (IvcCandidateSaver  *self,
                                                                 GTask              *waiter);
void                    ivc_candidate_saver_forget              (IvcCandidateSaver  *self,
                                                                 const char         *candidate_id);
gboolean                ivc_candidate_saver_flush               (IvcCandidateSaver  *self,
                                                                 GError            **error);

G_END_DECLS
