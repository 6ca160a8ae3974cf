/* ivc-candidate-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The candidates of one interviewer: the list, finding one, creating and
 * deleting, loading the folder and saving changes.
 */

#pragma once

#include <gio/gio.h>

#include "ivc-candidate.h"
#include "ivc-candidate-file.h"

G_BEGIN_DECLS

/* How long after a change it is on disk, and how often a failed save is
 * tried again. */
#define IVC_CANDIDATE_STORE_SAVE_DELAY_MS  1000
#define IVC_CANDIDATE_STORE_RETRY_SECONDS  5

/* How many folders deep erasing goes inside a candidate's folder; the app
 * makes none there, so anything deeper was put there by hand. */
#define IVC_CANDIDATE_ERASE_MAX_DEPTH 8

/* A candidate's files, as erasing lists them before and reports them
 * after (ivc-candidate-store-erase.c). */
typedef struct
{
  /* The candidate's folder. */
  char      *folder_path;
  /* Every file and link, then the folders, the candidate's own last. */
  GPtrArray *paths;
  /* Interviewers' files (<interviewer-id>.json), ours among them. */
  guint      n_scorecards;
  /* Files and links, scorecards included; folders are not counted. */
  guint      n_files;
} IvcCandidateFiles;

void               ivc_candidate_files_free                  (IvcCandidateFiles    *files);
char              *ivc_candidate_files_dup_summary           (IvcCandidateFiles    *files);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IvcCandidateFiles, ivc_candidate_files_free)

#define IVC_TYPE_CANDIDATE_STORE (ivc_candidate_store_get_type ())

G_DECLARE_FINAL_TYPE (IvcCandidateStore, ivc_candidate_store, IVC, CANDIDATE_STORE, GObject)

GFile             *ivc_candidate_store_dup_default_folder    (void);
IvcCandidateStore *ivc_candidate_store_new                   (GFile                *folder,
                                                              const char           *interviewer_id,
                                                              const char           *interviewer_name);
IvcCandidateStore *ivc_candidate_store_new_read_only         (GFile                *folder,
                                                              const char           *interviewer_id,
                                                              const char           *interviewer_name);
gboolean           ivc_candidate_store_get_read_only         (IvcCandidateStore    *self);
GFile             *ivc_candidate_store_get_folder            (IvcCandidateStore    *self);
const char        *ivc_candidate_store_get_interviewer_id    (IvcCandidateStore    *self);
const char        *ivc_candidate_store_get_interviewer_name  (IvcCandidateStore    *self);
void               ivc_candidate_store_set_interviewer_name  (IvcCandidateStore    *self,
                                                              const char           *interviewer_name);
gboolean           ivc_candidate_store_load                  (IvcCandidateStore    *self,
                                                              GCancellable         *cancellable,
                                                              GPtrArray           **problems,
                                                              GError              **error);
void               ivc_candidate_store_load_async            (IvcCandidateStore    *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean           ivc_candidate_store_load_finish           (IvcCandidateStore    *self,
                                                              GAsyncResult         *result,
                                                              GPtrArray           **problems,
                                                              GError              **error);
GListModel        *ivc_candidate_store_get_candidates        (IvcCandidateStore    *self);
IvcCandidate      *ivc_candidate_store_find                  (IvcCandidateStore    *self,
                                                              const char           *candidate_id);
IvcCandidate      *ivc_candidate_store_lookup                (IvcCandidateStore    *self,
                                                              const char           *id_or_name,
                                                              GError              **error);
IvcCandidate      *ivc_candidate_store_create                (IvcCandidateStore    *self,
                                                              const char           *name,
                                                              const char           *role,
                                                              const char           *interview_date,
                                                              const char           *bank_id);
IvcCandidate      *ivc_candidate_store_remove                (IvcCandidateStore    *self,
                                                              IvcCandidate         *candidate);
void               ivc_candidate_store_restore               (IvcCandidateStore    *self,
                                                              IvcCandidate         *candidate);
IvcCandidate      *ivc_candidate_store_choose_scorecard      (IvcCandidateStore    *self,
                                                              IvcCandidate         *candidate,
                                                              const char           *interviewer_id,
                                                              GError              **error);
GPtrArray         *ivc_candidate_store_read_other_scorecards (IvcCandidateStore    *self,
                                                              const char           *candidate_id,
                                                              GPtrArray           **problems);
gboolean           ivc_candidate_store_get_has_unsaved_changes (IvcCandidateStore  *self);
GPtrArray         *ivc_candidate_store_dup_unsaved           (IvcCandidateStore    *self);
gboolean           ivc_candidate_store_get_saving            (IvcCandidateStore    *self);
const GError      *ivc_candidate_store_get_save_error        (IvcCandidateStore    *self);
void               ivc_candidate_store_save_async            (IvcCandidateStore    *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean           ivc_candidate_store_save_finish           (IvcCandidateStore    *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
gboolean           ivc_candidate_store_flush                 (IvcCandidateStore    *self,
                                                              GError              **error);
char              *ivc_candidate_store_format_list           (IvcCandidateStore    *self);

IvcCandidateFiles *ivc_candidate_store_list_files            (IvcCandidateStore    *self,
                                                              const char           *candidate_id,
                                                              GError              **error);
gboolean           ivc_candidate_store_erase                 (IvcCandidateStore    *self,
                                                              const char           *candidate_id,
                                                              IvcCandidateFiles   **removed,
                                                              GError              **error);
void               ivc_candidate_store_watch_team            (IvcCandidateStore    *self);
gboolean           ivc_candidate_store_get_watching_team     (IvcCandidateStore    *self);
guint              ivc_candidate_store_get_n_teammates       (IvcCandidateStore    *self,
                                                              const char           *candidate_id);
gboolean           ivc_candidate_store_get_teammates_only    (IvcCandidateStore    *self,
                                                              const char           *candidate_id);

GPtrArray         *ivc_candidate_store_list_expired          (IvcCandidateStore    *self,
                                                              guint                 retention_days,
                                                              GDateTime            *now);

G_END_DECLS
