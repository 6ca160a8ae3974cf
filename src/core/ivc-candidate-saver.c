/* ivc-candidate-saver.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving the store's candidates: change serials, the autosave delay,
 * batches written in a worker thread, and trying again after a failure.
 */

#define G_LOG_DOMAIN "ivc-candidate-saver"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "ivc-candidate-file.h"
#include "ivc-candidate-folder.h"
#include "ivc-candidate-merge.h"
#include "ivc-candidate-saver.h"
#include "ivc-candidate-store.h"
#include "ivc-file-stamp.h"
#include "ivc-file-util.h"

/*
 * Every change gives the candidate a new serial and arms a timer. When it
 * fires, the main thread takes each changed candidate's contents as an
 * immutable snapshot (ivc_candidate_snapshot_new(): cheap, the notes are
 * shared by reference, not copied), and a worker thread builds the file's
 * JSON from them, formats it and writes it with
 * ivc_file_util_write_bytes(). One
 * batch is in flight at a time; changes made meanwhile go in the next one.
 * A candidate is saved once the serial that was written catches up with
 * its current serial, so a failed write leaves it unsaved, in memory, to be
 * tried again.
 *
 * The worker gets the jobs and the write state, plain data and snapshots
 * that nothing changes: no GObject crosses to it, and the last reference to the store is always dropped on
 * the main thread.
 *
 * The saver belongs to its store (the owner) and tells it what changed by
 * notifying the owner's "saving", "has-unsaved-changes" and "save-error"
 * and emitting its "save-failed" and "notice".
 *
 * Never overwriting what was not read: the write state keeps a stamp of
 * each of our files as last read or written (IvcFileStamp). Right before
 * writing, the worker reads the file again; if someone else changed it (a
 * second copy of the app, the same interviewer on another computer, a sync
 * tool), it merges that version into ours against the stamp's contents
 * (ivc-candidate-merge.c) and writes the merge, and the main thread merges
 * it into the candidate in memory too. The write itself checks once more,
 * just before its rename, that the file is still what was merged; if not,
 * it starts again.
 */

/* How many times a save starts again when the file keeps changing under
 * it, before it gives up for now (and tries again later). */
#define MAX_MERGE_ATTEMPTS 5

/* One file to write or delete, prepared on the main thread. */
typedef struct
{
  char    *candidate_id;
  char    *display_name;
  /* The data folder, and our file below it: nothing is written through a
   * link below the data folder. */
  char    *root;
  char    *relative_path;
  /* What to write, taken on the main thread; the worker makes bytes from
   * it, before anything else uses them, and lets it go. */
  IvcCandidateSnapshot *snapshot;
  GBytes  *bytes;
  guint64  serial;
  /* The file is to be deleted: no snapshot, no bytes. */
  gboolean remove;
  GError  *error;

  /* Set by the worker when the file had changed underneath: what was
   * written instead of bytes, and what to tell the user. */
  GBytes  *merged;
  char    *notice;
} Job;

/* Shared by the worker and a flush; "written" maps a candidate id to the
 * newest serial on disk, so that a write that was overtaken by a flush does
 * not put older data back. */
typedef struct
{
  GMutex      mutex;
  GHashTable *written;
  /* Candidate id → IvcFileStamp: our file as last read or written. */
  GHashTable *stamps;
} WriteState;

/* The worker's task data. */
typedef struct
{
  GPtrArray  *jobs;
  WriteState *state;
} SaveBatch;

/* What the main thread needs when a batch is done. */
typedef struct
{
  GObject           *owner;
  IvcCandidateSaver *saver;
  GPtrArray         *waiters;
} SaveCall;

struct _IvcCandidateSaver
{
  /* Not a reference: the owner holds the saver. */
  GObject    *owner;
  /* The data folder, and the candidates folder's name in it. */
  char       *root;
  char       *candidates_name;
  char       *file_name;

  /* Candidate id → IvcCandidateSaverEntry; the key belongs to the
   * candidate. */
  GHashTable *entries;

  WriteState *state;

  /* Serials only grow, even across a candidate removed and restored. */
  guint64     last_serial;

  /* Tasks of ivc_candidate_store_save_async() waiting for the next batch. */
  GPtrArray  *waiters;

  GError     *save_error;
  guint       save_source;
  guint       retry_source;

  guint       saving : 1;
  guint       save_again : 1;
  guint       has_unsaved_changes : 1;
};

static void start_save (IvcCandidateSaver *self);

static void
entry_free (IvcCandidateSaverEntry *entry)
{
  g_clear_signal_handler (&entry->changed_id, entry->candidate);
  g_clear_object (&entry->candidate);
  g_free (entry);
}

static void
job_free (Job *job)
{
  g_free (job->candidate_id);
  g_free (job->display_name);
  g_free (job->root);
  g_free (job->relative_path);
  g_clear_pointer (&job->snapshot, ivc_candidate_snapshot_free);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->merged, g_bytes_unref);
  g_clear_pointer (&job->notice, g_free);
  g_clear_error (&job->error);
  g_free (job);
}

static void
write_state_clear (WriteState *state)
{
  g_clear_pointer (&state->written, g_hash_table_unref);
  g_clear_pointer (&state->stamps, g_hash_table_unref);
  g_mutex_clear (&state->mutex);
}

static WriteState *
write_state_new (void)
{
  WriteState *state = g_atomic_rc_box_new0 (WriteState);

  g_mutex_init (&state->mutex);
  state->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  state->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)ivc_file_stamp_unref);

  return state;
}

static void
write_state_unref (WriteState *state)
{
  g_atomic_rc_box_release_full (state, (GDestroyNotify)write_state_clear);
}

static void
save_batch_free (SaveBatch *batch)
{
  g_clear_pointer (&batch->jobs, g_ptr_array_unref);
  g_clear_pointer (&batch->state, write_state_unref);
  g_free (batch);
}

static void
save_call_free (SaveCall *call)
{
  g_clear_pointer (&call->waiters, g_ptr_array_unref);
  g_clear_object (&call->owner);
  g_free (call);
}

/*
 * Writing, in any thread, under the write state's mutex.
 */

/* No file of ours to merge: none, or a link in its place, which the write
 * replaces (what it points to is never touched). */
static gboolean
is_absent (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
}

/* The write's last look before its rename: the file is still what the
 * save read (or still not there). */
static gboolean
check_unchanged (int         dir_fd,
                 const char *name,
                 gpointer    user_data)
{
  IvcFileStamp *expected = user_data;
  g_autoptr(IvcFileStamp) now = NULL;
  g_autoptr(GError) error = NULL;

  now = ivc_file_stamp_read_at (dir_fd, name, IVC_CANDIDATE_MAX_FILE_SIZE, &error);
  if (now == NULL)
    return expected == NULL && is_absent (error);

  return expected != NULL && ivc_file_stamp_is_unchanged (expected, now);
}

static char *
dup_merge_label (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%Y-%m-%d %H:%M");

  /* Translators: names the version of a scorecard that another copy of the
   * app (or a sync tool) wrote, in the marker of texts kept from both;
   * %s is when this copy found it */
  return g_strdup_printf (_("another copy of this scorecard, found at %s"), time);
}

/* Our folder, opened without following a link, or -1 if it cannot be:
 * then the write fails too, and says why. */
static int
open_job_folder (Job *job)
{
  g_autofree char *relative_folder = g_path_get_dirname (job->relative_path);

  return ivc_file_util_open_folder_beneath (job->root, relative_folder, NULL);
}

/* Our file now, or NULL if there is none; FALSE if it cannot be read, and
 * so must not be written over. */
static gboolean
read_current (Job           *job,
              const char    *path,
              IvcFileStamp **current)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (job->relative_path);
  int dir_fd = open_job_folder (job);

  *current = NULL;
  if (dir_fd < 0)
    return TRUE;

  *current = ivc_file_stamp_read_at (dir_fd, name, IVC_CANDIDATE_MAX_FILE_SIZE, &error);
  close (dir_fd);
  if (*current != NULL || is_absent (error))
    return TRUE;

  g_set_error (&job->error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED,
               _("“%s” could not be saved: its file %s cannot be read (%s), so it was not "
                 "written over"),
               job->display_name, path, error->message);
  return FALSE;
}

/* Someone else changed our file since we last read or wrote it: their
 * version merged into ours, or NULL with job->error. A damaged file is
 * kept aside, as at start, and ours written in its place. */
static GBytes *
merge_current (Job          *job,
               IvcFileStamp *base,
               IvcFileStamp *current,
               const char   *path,
               gboolean     *moved_aside)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = dup_merge_label ();
  IvcMergeResult result;
  GBytes *merged;

  merged = ivc_candidate_merge_bytes (job->bytes, base ? base->bytes : NULL, current->bytes,
                                      path, label, &result, &error);
  if (merged != NULL)
    {
      g_clear_pointer (&job->notice, g_free);
      if (result.n_kept_both > 0)
        job->notice = g_strdup_printf (_("“%s” was also changed in another copy of Interview "
                                         "Companion. Both were merged; where both changed the "
                                         "same thing, both versions are kept in the notes"),
                                       job->display_name);
      else if (result.n_taken > 0)
        job->notice = g_strdup_printf (_("“%s” was also changed in another copy of Interview "
                                         "Companion. Both were merged"),
                                       job->display_name);
      return merged;
    }

  if (g_error_matches (error, IVC_STORE_ERROR, IVC_STORE_ERROR_CORRUPT))
    {
      g_autofree char *name = g_path_get_basename (job->relative_path);
      g_autofree char *kept_name = NULL;
      g_autoptr(GError) move_error = NULL;
      int dir_fd = open_job_folder (job);
      gboolean kept = FALSE;

      if (dir_fd >= 0)
        {
          kept = ivc_file_util_move_aside_at (dir_fd, name, "corrupt", &kept_name, &move_error);
          close (dir_fd);
        }
      else
        g_set_error_literal (&move_error, G_IO_ERROR, G_IO_ERROR_FAILED, path);

      if (kept)
        {
          *moved_aside = TRUE;
          g_clear_pointer (&job->notice, g_free);
          job->notice = g_strdup_printf (_("The file of “%s” was damaged by another program. It "
                                           "was kept as “%s”, and your scorecard saved again"),
                                         job->display_name, kept_name);
          return g_bytes_ref (job->bytes);
        }

      g_set_error (&job->error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED,
                   _("“%s” could not be saved: %s, and it could not be moved aside (%s), so it "
                     "was not written over"),
                   job->display_name, error->message, move_error->message);
      return NULL;
    }

  g_set_error (&job->error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED,
               _("“%s” could not be saved: its file was changed by another program and cannot "
                 "be merged (%s), so it was not written over"),
               job->display_name, error->message);
  return NULL;
}

static gboolean
write_job (WriteState *state,
           Job        *job)
{
  g_autofree char *path = g_build_filename (job->root, job->relative_path, NULL);
  IvcFileStamp *base = g_hash_table_lookup (state->stamps, job->candidate_id);

  for (guint attempt = 0; attempt < MAX_MERGE_ATTEMPTS; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IvcFileStamp) current = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gboolean moved_aside = FALSE;

      if (!read_current (job, path, &current))
        return FALSE;

      g_clear_pointer (&job->merged, g_bytes_unref);
      if (current != NULL &&
          (base == NULL || !ivc_file_stamp_is_unchanged (base, current)) &&
          !g_bytes_equal (current->bytes, job->bytes))
        {
          bytes = merge_current (job, base, current, path, &moved_aside);
          if (bytes == NULL)
            return FALSE;
          if (!g_bytes_equal (bytes, job->bytes))
            job->merged = g_bytes_ref (bytes);

          /* A damaged file moved aside: nothing is there now. */
          if (moved_aside)
            g_clear_pointer (&current, ivc_file_stamp_unref);
        }
      else
        bytes = g_bytes_ref (job->bytes);

      /* The limits of the fields keep a file within this, and the app would
       * refuse a larger one when it starts: it is not written at all, and
       * the notes stay in memory, unsaved, for the user to shorten or
       * export. */
      if (g_bytes_get_size (bytes) > IVC_CANDIDATE_MAX_FILE_SIZE)
        {
          g_autofree char *size = ivc_file_util_format_size (g_bytes_get_size (bytes));
          g_autofree char *limit = ivc_file_util_format_limit (IVC_CANDIDATE_MAX_FILE_SIZE);

          g_set_error (&job->error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED,
                       _("“%s” could not be saved: its notes would take %s, more than the %s a "
                         "candidate file may have. Shorten some notes"),
                       job->display_name, size, limit);
          return FALSE;
        }

      /* A new file is written next to the old one and renamed over it, so
       * that the old file stays whole until the new one is; just before,
       * the old one is checked once more. */
      if (ivc_file_util_write_bytes_beneath_checked (job->root, job->relative_path, bytes,
                                                     check_unchanged, current, NULL, &error))
        {
          g_hash_table_insert (state->stamps, g_strdup (job->candidate_id),
                               ivc_file_stamp_new (bytes, ivc_file_stamp_get_mtime_at (AT_FDCWD, path)));
          return TRUE;
        }

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          g_set_error (&job->error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED,
                       _("“%s” could not be saved: %s"), job->display_name, error->message);
          return FALSE;
        }
    }

  g_set_error (&job->error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED,
               _("“%s” could not be saved: another program keeps changing its file"),
               job->display_name);
  return FALSE;
}

static gboolean
delete_job (WriteState *state,
            Job        *job)
{
  g_autofree char *path = g_build_filename (job->root, job->relative_path, NULL);
  IvcFileStamp *base = g_hash_table_lookup (state->stamps, job->candidate_id);
  g_autoptr(IvcFileStamp) current = NULL;
  g_autoptr(GError) error = NULL;

  if (!read_current (job, path, &current))
    return FALSE;

  /* What someone else wrote since is not deleted unread: the file stays,
   * and the candidate is back at the next start. */
  if (current != NULL && (base == NULL || !ivc_file_stamp_is_unchanged (base, current)))
    {
      job->notice = g_strdup_printf (_("“%s” was not deleted: another copy of Interview Companion "
                                       "changed it meanwhile. It is shown again at the next start"),
                                     job->display_name);
      return TRUE;
    }

  /* The folder goes too if nothing else is in it: other interviewers'
   * files and copies kept aside stay, and so does their folder. */
  if (!ivc_file_util_delete_beneath (job->root, job->relative_path, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    {
      g_set_error (&job->error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED,
                   _("“%s” could not be deleted: %s"), job->display_name, error->message);
      return FALSE;
    }

  g_hash_table_remove (state->stamps, job->candidate_id);
  return TRUE;
}

static void
run_jobs (WriteState *state,
          GPtrArray  *jobs)
{
  g_mutex_lock (&state->mutex);

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);
      guint64 *on_disk = g_hash_table_lookup (state->written, job->candidate_id);
      gboolean done;

      if (on_disk != NULL && *on_disk >= job->serial)
        continue;

      /* Its snapshot is freed here too, not on the main thread. */
      if (!job->remove && job->bytes == NULL)
        {
          job->bytes = ivc_candidate_snapshot_to_bytes (job->snapshot);
          g_clear_pointer (&job->snapshot, ivc_candidate_snapshot_free);
        }

      done = !job->remove ? write_job (state, job) : delete_job (state, job);
      if (!done)
        continue;

      if (on_disk == NULL)
        {
          on_disk = g_new0 (guint64, 1);
          g_hash_table_insert (state->written, g_strdup (job->candidate_id), on_disk);
        }
      *on_disk = job->serial;
    }

  g_mutex_unlock (&state->mutex);
}

/*
 * The main thread's side.
 */

static void
set_saving (IvcCandidateSaver *self,
            gboolean           saving)
{
  if (self->saving == !!saving)
    return;

  self->saving = !!saving;
  g_object_notify (self->owner, "saving");
}

static void
set_save_error (IvcCandidateSaver *self,
                const GError      *error)
{
  if (self->save_error == NULL && error == NULL)
    return;

  if (self->save_error != NULL && error != NULL &&
      g_error_matches (self->save_error, error->domain, error->code) &&
      g_strcmp0 (self->save_error->message, error->message) == 0)
    return;

  g_clear_error (&self->save_error);
  if (error != NULL)
    self->save_error = g_error_copy (error);
  g_object_notify (self->owner, "save-error");
}

static void
update_has_unsaved_changes (IvcCandidateSaver *self)
{
  gboolean has_unsaved_changes = FALSE;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      IvcCandidateSaverEntry *entry = value;

      if (entry->serial != entry->saved_serial)
        {
          has_unsaved_changes = TRUE;
          break;
        }
    }

  if (self->has_unsaved_changes == has_unsaved_changes)
    return;

  self->has_unsaved_changes = has_unsaved_changes;
  g_object_notify (self->owner, "has-unsaved-changes");
}

static GPtrArray *
collect_jobs (IvcCandidateSaver *self)
{
  GPtrArray *jobs = g_ptr_array_new_with_free_func ((GDestroyNotify)job_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      IvcCandidateSaverEntry *entry = value;
      const char *name = ivc_candidate_get_name (entry->candidate);
      Job *job;

      if (entry->serial == entry->saved_serial)
        continue;

      job = g_new0 (Job, 1);
      job->candidate_id = g_strdup (key);
      job->display_name = g_strdup (*name ? name : key);
      job->root = g_strdup (self->root);
      job->relative_path = g_build_filename (self->candidates_name, key, self->file_name, NULL);
      job->remove = entry->removed;
      job->snapshot = entry->removed ? NULL : ivc_candidate_snapshot_new (entry->candidate);
      job->serial = entry->serial;
      g_ptr_array_add (jobs, job);
    }

  return jobs;
}

static gboolean
on_retry_cb (gpointer user_data)
{
  IvcCandidateSaver *self = user_data;

  self->retry_source = 0;
  start_save (self);

  return G_SOURCE_REMOVE;
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  IvcCandidateSaver *self = user_data;

  self->save_source = 0;
  start_save (self);

  return G_SOURCE_REMOVE;
}

/* Not restarted by further changes: a change is never more than the delay
 * away from the disk, however fast the typing. */
static void
schedule_save (IvcCandidateSaver *self)
{
  if (self->save_source != 0)
    return;

  self->save_source = g_timeout_add (IVC_CANDIDATE_STORE_SAVE_DELAY_MS, on_save_timeout_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->save_source),
                            "[ivc] autosave");
}

static void
schedule_retry (IvcCandidateSaver *self)
{
  if (self->retry_source != 0)
    return;

  self->retry_source = g_timeout_add_seconds (IVC_CANDIDATE_STORE_RETRY_SECONDS, on_retry_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->retry_source),
                            "[ivc] retry saving");
}

/* The worker merged another version into the file: the candidate in
 * memory takes it too, or the next save would write over it. Changes made
 * since the job was prepared are kept, as ours in a second merge. */
static void
apply_merged (IvcCandidateSaver      *self,
              IvcCandidateSaverEntry *entry,
              Job                    *job)
{
  g_autoptr(IvcCandidate) sent = NULL;
  g_autoptr(IvcCandidate) merged = NULL;
  g_autofree char *label = NULL;
  gboolean caught_up = entry->serial == job->serial;

  sent = ivc_candidate_new_from_bytes (job->bytes, job->display_name, NULL);
  merged = ivc_candidate_new_from_bytes (job->merged, job->display_name, NULL);
  if (sent == NULL || merged == NULL)
    return;

  /* What both kept is marked in the merged version already; the label is
   * for what changed here since. */
  label = dup_merge_label ();
  ivc_candidate_merge (entry->candidate, sent, merged, label, NULL);

  /* Nothing else changed: the candidate is what the file holds. */
  if (caught_up)
    entry->saved_serial = entry->serial;
}

/* Records what reached the disk. A failure only counts if nothing newer
 * was saved since, by a flush. */
static gboolean
apply_results (IvcCandidateSaver  *self,
               GPtrArray          *jobs,
               GError            **error)
{
  const GError *failure = NULL;

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);
      IvcCandidateSaverEntry *entry = g_hash_table_lookup (self->entries, job->candidate_id);

      if (entry == NULL || entry->saved_serial >= job->serial)
        continue;

      if (job->error != NULL)
        {
          if (failure == NULL)
            failure = job->error;
          continue;
        }

      entry->saved_serial = job->serial;

      if (job->merged != NULL && !entry->removed)
        apply_merged (self, entry, job);
      if (job->notice != NULL)
        {
          g_autofree char *title = NULL;

          /* Translators: a toast; %s is the candidate's name */
          title = g_strdup_printf (_("“%s” was changed elsewhere too"), job->display_name);
          g_signal_emit_by_name (self->owner, "notice", title, job->notice);
        }

      if (entry->removed && entry->saved_serial == entry->serial)
        g_hash_table_remove (self->entries, job->candidate_id);
    }

  update_has_unsaved_changes (self);

  if (failure != NULL)
    {
      set_save_error (self, failure);
      schedule_retry (self);
      g_signal_emit_by_name (self->owner, "save-failed", failure);

      if (error != NULL)
        *error = g_error_copy (failure);
      return FALSE;
    }

  set_save_error (self, NULL);
  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveBatch *batch = task_data;

  run_jobs (batch->state, batch->jobs);
  g_task_return_boolean (task, TRUE);
}

static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SaveCall *call = user_data;
  IvcCandidateSaver *self = call->saver;
  SaveBatch *batch = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  apply_results (self, batch->jobs, &error);
  set_saving (self, FALSE);

  for (guint i = 0; i < call->waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (call->waiters, i);

      if (error != NULL)
        g_task_return_error (waiter, g_error_copy (error));
      else
        g_task_return_boolean (waiter, TRUE);
    }

  if (self->save_again)
    {
      self->save_again = FALSE;
      start_save (self);
    }

  /* May drop the last reference to the store: here, on the main thread. */
  save_call_free (call);
}

static void
start_save (IvcCandidateSaver *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  SaveBatch *batch;
  SaveCall *call;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);

  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }

  jobs = collect_jobs (self);
  if (jobs->len == 0 && self->waiters->len == 0)
    return;

  batch = g_new0 (SaveBatch, 1);
  batch->jobs = g_steal_pointer (&jobs);
  batch->state = g_atomic_rc_box_acquire (self->state);

  /* The store stays alive until the batch is done, as the saver with it. */
  call = g_new0 (SaveCall, 1);
  call->owner = g_object_ref (self->owner);
  call->saver = self;
  call->waiters = g_steal_pointer (&self->waiters);
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);

  task = g_task_new (NULL, NULL, on_save_done_cb, call);
  g_task_set_name (task, "[ivc] save candidates");
  g_task_set_source_tag (task, (gpointer)(guintptr)start_save);
  g_task_set_task_data (task, batch, (GDestroyNotify)save_batch_free);

  set_saving (self, TRUE);
  g_task_run_in_thread (task, save_thread);
}

/*
 * The store's side.
 */

/**
 * ivc_candidate_saver_new:
 * @owner: the #IvcCandidateStore the saver belongs to, not referenced
 * @candidates_path: the "candidates" folder
 * @interviewer_id: whose files to write
 */
IvcCandidateSaver *
ivc_candidate_saver_new (GObject    *owner,
                         const char *candidates_path,
                         const char *interviewer_id)
{
  IvcCandidateSaver *self;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (candidates_path != NULL, NULL);
  g_return_val_if_fail (ivc_candidate_id_is_valid (interviewer_id), NULL);

  self = g_new0 (IvcCandidateSaver, 1);
  self->owner = owner;
  self->root = g_path_get_dirname (candidates_path);
  self->candidates_name = g_path_get_basename (candidates_path);
  self->file_name = ivc_candidate_folder_dup_file_name (interviewer_id);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)entry_free);
  self->state = write_state_new ();
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}

/**
 * ivc_candidate_saver_shutdown:
 *
 * For the owner's dispose: saves what is unsaved, in the calling thread,
 * and lets go of the candidates.
 */
void
ivc_candidate_saver_shutdown (IvcCandidateSaver *self)
{
  g_return_if_fail (self != NULL);

  /* The last chance not to lose anything; the application flushes at quit
   * and tells the user if that failed. */
  if (self->entries != NULL && self->has_unsaved_changes)
    {
      g_autoptr(GError) error = NULL;

      if (!ivc_candidate_saver_flush (self, &error))
        g_warning ("Unsaved changes to candidates are lost: %s", error->message);
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_pointer (&self->entries, g_hash_table_unref);
}

void
ivc_candidate_saver_free (IvcCandidateSaver *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->state, write_state_unref);
  g_clear_pointer (&self->waiters, g_ptr_array_unref);
  g_clear_pointer (&self->root, g_free);
  g_clear_pointer (&self->candidates_name, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_error (&self->save_error);
  g_free (self);
}

/**
 * ivc_candidate_saver_get_entries:
 *
 * Returns: (transfer none): candidate id → #IvcCandidateSaverEntry, for
 *   looking up and going through; add with ivc_candidate_saver_add()
 */
GHashTable *
ivc_candidate_saver_get_entries (IvcCandidateSaver *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->entries;
}

/**
 * ivc_candidate_saver_add:
 * @unsaved: whether the candidate is not on disk as it is
 *
 * Returns: (transfer none): the candidate's new entry
 */
IvcCandidateSaverEntry *
ivc_candidate_saver_add (IvcCandidateSaver *self,
                         IvcCandidate      *candidate,
                         gboolean           unsaved)
{
  IvcCandidateSaverEntry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (IVC_IS_CANDIDATE (candidate), NULL);

  entry = g_new0 (IvcCandidateSaverEntry, 1);
  entry->candidate = g_object_ref (candidate);
  entry->serial = unsaved ? ++self->last_serial : 0;
  g_hash_table_insert (self->entries, (char *)ivc_candidate_get_id (candidate), entry);

  return entry;
}

/**
 * ivc_candidate_saver_set_stamp:
 * @stamp: (transfer none): our file as it was read, for a candidate loaded
 *   from it
 *
 * Records what our file held when it was read: a later save checks the
 * file against it and merges what someone else changed since.
 */
void
ivc_candidate_saver_set_stamp (IvcCandidateSaver *self,
                               const char        *candidate_id,
                               IvcFileStamp      *stamp)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (candidate_id != NULL);
  g_return_if_fail (stamp != NULL);

  g_mutex_lock (&self->state->mutex);
  g_hash_table_insert (self->state->stamps, g_strdup (candidate_id), ivc_file_stamp_ref (stamp));
  g_mutex_unlock (&self->state->mutex);
}

/**
 * ivc_candidate_saver_bump:
 *
 * Marks a candidate as changed, or removed, or restored: it is to be
 * written (or deleted) again.
 */
void
ivc_candidate_saver_bump (IvcCandidateSaver      *self,
                          IvcCandidateSaverEntry *entry)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (entry != NULL);

  entry->serial = ++self->last_serial;
}

/**
 * ivc_candidate_saver_schedule:
 *
 * After changes: updates whether something is unsaved and arms the
 * autosave.
 */
void
ivc_candidate_saver_schedule (IvcCandidateSaver *self)
{
  g_return_if_fail (self != NULL);

  update_has_unsaved_changes (self);
  schedule_save (self);
}

gboolean
ivc_candidate_saver_get_has_unsaved_changes (IvcCandidateSaver *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->has_unsaved_changes;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  IvcCandidate *ca = *(IvcCandidate * const *)a;
  IvcCandidate *cb = *(IvcCandidate * const *)b;
  int order = g_utf8_collate (ivc_candidate_get_name (ca), ivc_candidate_get_name (cb));

  return order != 0 ? order : strcmp (ivc_candidate_get_id (ca), ivc_candidate_get_id (cb));
}

/**
 * ivc_candidate_saver_dup_unsaved:
 *
 * Returns: (transfer container) (element-type IvcCandidate): the
 *   candidates whose changes are not on disk, by name; a removed one is
 *   not among them (what is unsaved of it is only its deletion)
 */
GPtrArray *
ivc_candidate_saver_dup_unsaved (IvcCandidateSaver *self)
{
  GPtrArray *unsaved;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (self != NULL, NULL);

  unsaved = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      IvcCandidateSaverEntry *entry = value;

      if (entry->serial != entry->saved_serial && !entry->removed)
        g_ptr_array_add (unsaved, g_object_ref (entry->candidate));
    }
  g_ptr_array_sort (unsaved, compare_by_name);

  return unsaved;
}

gboolean
ivc_candidate_saver_get_saving (IvcCandidateSaver *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->saving;
}

const GError *
ivc_candidate_saver_get_save_error (IvcCandidateSaver *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->save_error;
}

/**
 * ivc_candidate_saver_save_now:
 * @waiter: (transfer full): a task to return once the next batch is done
 *
 * Starts saving without waiting for the autosave.
 */
void
ivc_candidate_saver_save_now (IvcCandidateSaver *self,
                              GTask             *waiter)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_TASK (waiter));

  g_ptr_array_add (self->waiters, waiter);
  start_save (self);
}

/**
 * ivc_candidate_saver_forget:
 *
 * Drops a candidate for good, for erasing: waits for a write in progress,
 * and nothing is written or deleted for them again, even by a batch that
 * is already on its way.
 */
void
ivc_candidate_saver_forget (IvcCandidateSaver *self,
                            const char        *candidate_id)
{
  g_autofree char *id = g_strdup (candidate_id);
  guint64 *never = g_new (guint64, 1);

  g_return_if_fail (self != NULL);
  g_return_if_fail (candidate_id != NULL);

  *never = G_MAXUINT64;
  g_mutex_lock (&self->state->mutex);
  g_hash_table_insert (self->state->written, g_strdup (id), never);
  g_mutex_unlock (&self->state->mutex);

  g_hash_table_remove (self->entries, id);
  update_has_unsaved_changes (self);
}

/**
 * ivc_candidate_saver_flush:
 *
 * Saves every change now, in the calling thread, after any save in
 * progress.
 *
 * Returns: %TRUE if nothing is left unsaved
 */
gboolean
ivc_candidate_saver_flush (IvcCandidateSaver  *self,
                           GError            **error)
{
  g_autoptr(GPtrArray) jobs = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);

  jobs = collect_jobs (self);
  if (jobs->len == 0)
    return TRUE;

  run_jobs (self->state, jobs);

  return apply_results (self, jobs, error);
}
