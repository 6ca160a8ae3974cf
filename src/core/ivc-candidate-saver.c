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
#include <string.h>

#include <glib/gi18n.h>

#include "ivc-candidate-file.h"
#include "ivc-candidate-folder.h"
#include "ivc-candidate-saver.h"
#include "ivc-candidate-store.h"
#include "ivc-file-util.h"

/*
 * Every change gives the candidate a new serial and arms a timer. When it
 * fires, the main thread turns each changed candidate into bytes (cheap)
 * and a worker thread writes them with ivc_file_util_write_bytes(). One
 * batch is in flight at a time; changes made meanwhile go in the next one.
 * A candidate is saved once the serial that was written catches up with
 * its current serial, so a failed write leaves it unsaved, in memory, to be
 * tried again.
 *
 * The worker gets the jobs and the write state, plain data: no GObject
 * crosses to it, and the last reference to the store is always dropped on
 * the main thread.
 *
 * The saver belongs to its store (the owner) and tells it what changed by
 * notifying the owner's "saving", "has-unsaved-changes" and "save-error"
 * and emitting its "save-failed".
 */

/* One file to write or delete, prepared on the main thread. */
typedef struct
{
  char    *candidate_id;
  char    *display_name;
  /* The data folder, and our file below it: nothing is written through a
   * link below the data folder. */
  char    *root;
  char    *relative_path;
  GBytes  *bytes;
  guint64  serial;
  GError  *error;
} Job;

/* Shared by the worker and a flush; "written" maps a candidate id to the
 * newest serial on disk, so that a write that was overtaken by a flush does
 * not put older data back. */
typedef struct
{
  GMutex      mutex;
  GHashTable *written;
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
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static void
write_state_clear (WriteState *state)
{
  g_clear_pointer (&state->written, g_hash_table_unref);
  g_mutex_clear (&state->mutex);
}

static WriteState *
write_state_new (void)
{
  WriteState *state = g_atomic_rc_box_new0 (WriteState);

  g_mutex_init (&state->mutex);
  state->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

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

static gboolean
write_job (Job *job)
{
  g_autoptr(GError) error = NULL;

  /* The limits of the fields keep a file within this, and the app would
   * refuse a larger one when it starts: it is not written at all, and
   * the notes stay in memory, unsaved, for the user to shorten or
   * export. */
  if (g_bytes_get_size (job->bytes) > IVC_CANDIDATE_MAX_FILE_SIZE)
    {
      g_autofree char *size = ivc_file_util_format_size (g_bytes_get_size (job->bytes));
      g_autofree char *limit = ivc_file_util_format_limit (IVC_CANDIDATE_MAX_FILE_SIZE);

      g_set_error (&job->error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED,
                   _("“%s” could not be saved: its notes would take %s, more than the %s a "
                     "candidate file may have. Shorten some notes"),
                   job->display_name, size, limit);
      return FALSE;
    }

  /* A new file is written next to the old one and renamed over it, so
   * that the old file stays whole until the new one is. */
  if (!ivc_file_util_write_bytes_beneath (job->root, job->relative_path, job->bytes, NULL, &error))
    {
      g_set_error (&job->error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED,
                   _("“%s” could not be saved: %s"), job->display_name, error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
delete_job (Job *job)
{
  g_autoptr(GError) error = NULL;

  /* The folder goes too if nothing else is in it: other interviewers'
   * files and copies kept aside stay, and so does their folder. */
  if (!ivc_file_util_delete_beneath (job->root, job->relative_path, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    {
      g_set_error (&job->error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED,
                   _("“%s” could not be deleted: %s"), job->display_name, error->message);
      return FALSE;
    }

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

      done = job->bytes != NULL ? write_job (job) : delete_job (job);
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
      job->bytes = entry->removed ? NULL : ivc_candidate_to_bytes (entry->candidate);
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
