/* ivc-candidate-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ivc-candidate-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ivc-candidate-store.h"
#include "ivc-text.h"

/*
 * The candidates of one interviewer, kept on disk as
 * <folder>/candidates/<candidate-id>/<interviewer-id>.json.
 *
 * One file per interviewer lets a hiring team share the folder through a
 * sync tool without write conflicts: the store writes and deletes its own
 * interviewer's files only, and never renames, rewrites or deletes anyone
 * else's.
 *
 * Saving: every change gives the candidate a new serial and arms a timer. When
 * it fires, the main thread turns each changed candidate into bytes (cheap)
 * and a worker thread writes them atomically. One batch is in flight at a
 * time; changes made meanwhile go in the next one. A candidate is saved once
 * the serial that was written catches up with its current serial, so a
 * failed write leaves it unsaved, in memory, to be tried again.
 */

typedef struct
{
  IvcCandidate *candidate;
  gulong        changed_id;

  /* Set from the store's counter on every change; saved_serial is the
   * newest one on disk. */
  guint64       serial;
  guint64       saved_serial;

  /* Removed from the list: our file is to be deleted. The entry stays until
   * it is, so that an undo can still bring it back. */
  guint         removed : 1;
} Entry;

/* One file to write or delete, prepared on the main thread. */
typedef struct
{
  char    *candidate_id;
  char    *display_name;
  char    *folder_path;
  char    *file_path;
  GBytes  *bytes;
  guint64  serial;
  GError  *error;
} Job;

typedef struct
{
  GPtrArray *jobs;
  GPtrArray *waiters;
} SaveBatch;

typedef struct
{
  GPtrArray *candidates;
  GPtrArray *problems;
} LoadResult;

typedef struct
{
  char *candidates_path;
  char *interviewer_id;
} LoadData;

struct _IvcCandidateStore
{
  GObject     parent_instance;

  GFile      *folder;
  char       *candidates_path;
  char       *interviewer_id;
  char       *interviewer_name;

  /* IvcCandidate, the most recently modified first. */
  GListStore *candidates;

  /* Candidate id → Entry; the key belongs to the candidate. */
  GHashTable *entries;

  /* Held while files are written, by the worker or by a flush; "written"
   * maps a candidate id to the newest serial on disk, so that a write that
   * was overtaken by a flush does not put older data back. */
  GMutex      write_mutex;
  GHashTable *written;

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

G_DEFINE_FINAL_TYPE (IvcCandidateStore, ivc_candidate_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (ivc-store-error-quark, ivc_store_error)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_INTERVIEWER_ID,
  PROP_INTERVIEWER_NAME,
  PROP_CANDIDATES,
  PROP_HAS_UNSAVED_CHANGES,
  PROP_SAVING,
  PROP_SAVE_ERROR,
  N_PROPS
};

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_save (IvcCandidateStore *self);

static void
entry_free (Entry *entry)
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
  g_free (job->folder_path);
  g_free (job->file_path);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static void
save_batch_free (SaveBatch *batch)
{
  g_clear_pointer (&batch->jobs, g_ptr_array_unref);
  g_clear_pointer (&batch->waiters, g_ptr_array_unref);
  g_free (batch);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->candidates, g_ptr_array_unref);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

static void
load_data_free (LoadData *data)
{
  g_free (data->candidates_path);
  g_free (data->interviewer_id);
  g_free (data);
}

static char *
dup_file_name (const char *interviewer_id)
{
  return g_strconcat (interviewer_id, ".json", NULL);
}

/*
 * Reading, in any thread: these functions touch no store.
 */

static IvcCandidate *
read_candidate_file (const char  *path,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize len = 0;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                   _("%s: the file cannot be read (%s)"), path, g_strerror (saved_errno));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                   _("%s: this is a folder or a device, not a candidate file"), path);
      return NULL;
    }

  if (st.st_size > IVC_CANDIDATE_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (st.st_size);

      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                   _("%s: the file is too large (%s; a candidate file may be at most 16 MiB)"),
                   path, size);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                   _("%s: the file cannot be read (%s)"), path, local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (contents, len);
  return ivc_candidate_new_from_bytes (bytes, path, error);
}

/* Renames a file that cannot be read to <name>.corrupt-<time>[-n], next to
 * it, never replacing anything. Its name no longer ends in ".json", so it is
 * not read again, and a new file can take its place. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");

  for (guint i = 1; i <= 1000; i++)
    {
      g_autofree char *target = NULL;
      GStatBuf st;

      if (i == 1)
        target = g_strdup_printf ("%s.corrupt-%s", path, stamp);
      else
        target = g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, i);

      if (g_lstat (target, &st) == 0)
        continue;

      if (errno != ENOENT || g_rename (path, target) != 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }

      return g_steal_pointer (&target);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("too many copies were already kept aside"));
  return NULL;
}

/* Our own file could not be read: keep it aside and report it. Returns
 * whether it was moved, and so whether a new file may be written. */
static gboolean
quarantine (const char   *path,
            const GError *problem,
            GPtrArray    *problems)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = move_aside (path, &error);

  if (target == NULL)
    {
      g_ptr_array_add (problems,
                       g_error_new (problem->domain, problem->code,
                                    _("%s. It could not be moved aside (%s), so it was left "
                                      "as it is and this candidate is not shown"),
                                    problem->message, error->message));
      return FALSE;
    }
  else
    {
      g_autofree char *kept_as = g_path_get_basename (target);

      g_ptr_array_add (problems,
                       g_error_new (problem->domain, problem->code,
                                    _("%s. The file was kept as “%s”"),
                                    problem->message, kept_as));
      return TRUE;
    }
}

static int
compare_interviewers (gconstpointer a,
                      gconstpointer b)
{
  IvcCandidate *ca = *(IvcCandidate * const *)a;
  IvcCandidate *cb = *(IvcCandidate * const *)b;
  const char *name_a = ivc_candidate_get_interviewer_name (ca);
  const char *name_b = ivc_candidate_get_interviewer_name (cb);
  int cmp;

  cmp = g_utf8_collate (name_a ? name_a : "", name_b ? name_b : "");
  if (cmp != 0)
    return cmp;

  return strcmp (ivc_candidate_get_interviewer_id (ca), ivc_candidate_get_interviewer_id (cb));
}

/* The scorecards other interviewers keep for one candidate, read-only: a
 * file that cannot be read is reported and left exactly as it is. */
static GPtrArray *
read_other_scorecards (const char *folder_path,
                       const char *candidate_id,
                       const char *interviewer_id,
                       GPtrArray  *problems)
{
  g_autoptr(GPtrArray) scorecards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (folder_path, 0, NULL);
  if (dir == NULL)
    return g_steal_pointer (&scorecards);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(IvcCandidate) scorecard = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *other_id = NULL;
      g_autofree char *path = NULL;

      /* Sync tools leave copies such as "ann.sync-conflict-….json"; only
       * files named after a valid interviewer id are scorecards. */
      if (!g_str_has_suffix (name, ".json"))
        continue;
      other_id = g_strndup (name, strlen (name) - strlen (".json"));
      if (!ivc_candidate_id_is_valid (other_id) || strcmp (other_id, interviewer_id) == 0)
        continue;

      path = g_build_filename (folder_path, name, NULL);
      scorecard = read_candidate_file (path, &error);
      if (scorecard == NULL)
        {
          g_ptr_array_add (problems,
                           g_error_new (error->domain, error->code,
                                        _("%s. This is another interviewer’s file; it was left "
                                          "as it is"),
                                        error->message));
          continue;
        }

      /* The folder and the file name are what count. */
      if (strcmp (ivc_candidate_get_id (scorecard), candidate_id) != 0)
        _ivc_candidate_set_id (scorecard, candidate_id);
      if (g_strcmp0 (ivc_candidate_get_interviewer_id (scorecard), other_id) != 0)
        ivc_candidate_set_interviewer (scorecard, other_id,
                                       ivc_candidate_get_interviewer_name (scorecard));

      g_ptr_array_add (scorecards, g_steal_pointer (&scorecard));
    }

  g_ptr_array_sort (scorecards, compare_interviewers);

  return g_steal_pointer (&scorecards);
}

/* Our scorecard for the candidate in folder_path: from our file, or a new
 * empty one when only other interviewers have a file there. */
static IvcCandidate *
load_candidate_folder (const char *folder_path,
                       const char *candidate_id,
                       const char *interviewer_id,
                       GPtrArray  *problems)
{
  g_autofree char *file_name = dup_file_name (interviewer_id);
  g_autofree char *path = g_build_filename (folder_path, file_name, NULL);
  g_autoptr(GPtrArray) others = NULL;
  IvcCandidate *newest = NULL;
  GStatBuf st;

  if (g_lstat (path, &st) == 0)
    {
      g_autoptr(IvcCandidate) candidate = NULL;
      g_autoptr(GError) error = NULL;

      candidate = read_candidate_file (path, &error);
      if (candidate != NULL)
        {
          if (strcmp (ivc_candidate_get_id (candidate), candidate_id) != 0)
            _ivc_candidate_set_id (candidate, candidate_id);
          return g_steal_pointer (&candidate);
        }

      if (!quarantine (path, error, problems))
        return NULL;
    }
  else if (errno != ENOENT)
    {
      int saved_errno = errno;

      g_ptr_array_add (problems,
                       g_error_new (IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                                    _("%s: the file cannot be read (%s)"),
                                    path, g_strerror (saved_errno)));
      return NULL;
    }

  others = read_other_scorecards (folder_path, candidate_id, interviewer_id, problems);
  for (guint i = 0; i < others->len; i++)
    {
      IvcCandidate *other = g_ptr_array_index (others, i);

      if (newest == NULL ||
          g_date_time_compare (ivc_candidate_get_modified (other),
                               ivc_candidate_get_modified (newest)) > 0)
        newest = other;
    }

  if (newest == NULL)
    return NULL;

  return ivc_candidate_new_for_interviewer (newest, interviewer_id, NULL);
}

static LoadResult *
load_folder (const char    *candidates_path,
             const char    *interviewer_id,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  LoadResult *result;
  const char *name;

  result = g_new0 (LoadResult, 1);
  result->candidates = g_ptr_array_new_with_free_func (g_object_unref);
  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);

  dir = g_dir_open (candidates_path, 0, &local_error);
  if (dir == NULL)
    {
      /* Nothing saved yet. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return result;

      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                   _("The candidates folder cannot be read: %s"), local_error->message);
      load_result_free (result);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *folder_path = NULL;
      IvcCandidate *candidate;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          load_result_free (result);
          return NULL;
        }

      /* Folders of sync tools, such as ".stversions", are not candidates. */
      if (!ivc_candidate_id_is_valid (name))
        continue;

      folder_path = g_build_filename (candidates_path, name, NULL);
      if (!g_file_test (folder_path, G_FILE_TEST_IS_DIR))
        continue;

      candidate = load_candidate_folder (folder_path, name, interviewer_id, result->problems);
      if (candidate != NULL)
        g_ptr_array_add (result->candidates, candidate);
    }

  return result;
}

/*
 * Writing, in any thread, under write_mutex.
 */

static gboolean
write_job (Job *job)
{
  g_autoptr(GError) error = NULL;
  gconstpointer data;
  gsize len;

  if (g_mkdir_with_parents (job->folder_path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (&job->error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED,
                   _("“%s” could not be saved: the folder %s cannot be created (%s)"),
                   job->display_name, job->folder_path, g_strerror (saved_errno));
      return FALSE;
    }

  data = g_bytes_get_data (job->bytes, &len);

  /* A new file is written next to the old one and renamed over it, so
   * that the old file stays whole until the new one is. */
  if (!g_file_set_contents_full (job->file_path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
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
  if (g_unlink (job->file_path) != 0 && errno != ENOENT && errno != ENOTDIR)
    {
      int saved_errno = errno;

      g_set_error (&job->error, IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED,
                   _("“%s” could not be deleted: %s: %s"),
                   job->display_name, job->file_path, g_strerror (saved_errno));
      return FALSE;
    }

  /* Only succeeds when empty: other interviewers' files and copies kept
   * aside stay, and so does their folder. */
  g_rmdir (job->folder_path);

  return TRUE;
}

static void
run_jobs (IvcCandidateStore *self,
          GPtrArray         *jobs)
{
  g_mutex_lock (&self->write_mutex);

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);
      guint64 *on_disk = g_hash_table_lookup (self->written, job->candidate_id);
      gboolean done;

      if (on_disk != NULL && *on_disk >= job->serial)
        continue;

      done = job->bytes != NULL ? write_job (job) : delete_job (job);
      if (!done)
        continue;

      if (on_disk == NULL)
        {
          on_disk = g_new0 (guint64, 1);
          g_hash_table_insert (self->written, g_strdup (job->candidate_id), on_disk);
        }
      *on_disk = job->serial;
    }

  g_mutex_unlock (&self->write_mutex);
}

/*
 * The main thread's side of saving.
 */

static void
set_saving (IvcCandidateStore *self,
            gboolean           saving)
{
  if (self->saving == !!saving)
    return;

  self->saving = !!saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static void
set_save_error (IvcCandidateStore *self,
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
}

static void
update_has_unsaved_changes (IvcCandidateStore *self)
{
  gboolean has_unsaved_changes = FALSE;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      if (entry->serial != entry->saved_serial)
        {
          has_unsaved_changes = TRUE;
          break;
        }
    }

  if (self->has_unsaved_changes == has_unsaved_changes)
    return;

  self->has_unsaved_changes = has_unsaved_changes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_UNSAVED_CHANGES]);
}

static GPtrArray *
collect_jobs (IvcCandidateStore *self)
{
  g_autofree char *file_name = dup_file_name (self->interviewer_id);
  GPtrArray *jobs = g_ptr_array_new_with_free_func ((GDestroyNotify)job_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entry *entry = value;
      const char *name = ivc_candidate_get_name (entry->candidate);
      Job *job;

      if (entry->serial == entry->saved_serial)
        continue;

      job = g_new0 (Job, 1);
      job->candidate_id = g_strdup (key);
      job->display_name = g_strdup (*name ? name : key);
      job->folder_path = g_build_filename (self->candidates_path, key, NULL);
      job->file_path = g_build_filename (job->folder_path, file_name, NULL);
      job->bytes = entry->removed ? NULL : ivc_candidate_to_bytes (entry->candidate);
      job->serial = entry->serial;
      g_ptr_array_add (jobs, job);
    }

  return jobs;
}

static gboolean
on_retry_cb (gpointer user_data)
{
  IvcCandidateStore *self = user_data;

  self->retry_source = 0;
  start_save (self);

  return G_SOURCE_REMOVE;
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  IvcCandidateStore *self = user_data;

  self->save_source = 0;
  start_save (self);

  return G_SOURCE_REMOVE;
}

/* Not restarted by further changes: a change is never more than the delay
 * away from the disk, however fast the typing. */
static void
schedule_save (IvcCandidateStore *self)
{
  if (self->save_source != 0)
    return;

  self->save_source = g_timeout_add (IVC_CANDIDATE_STORE_SAVE_DELAY_MS, on_save_timeout_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->save_source),
                            "[ivc] autosave");
}

static void
schedule_retry (IvcCandidateStore *self)
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
apply_results (IvcCandidateStore  *self,
               GPtrArray          *jobs,
               GError            **error)
{
  const GError *failure = NULL;

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);
      Entry *entry = g_hash_table_lookup (self->entries, job->candidate_id);

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
      g_signal_emit (self, signals[SAVE_FAILED], 0, failure);

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

  run_jobs (IVC_CANDIDATE_STORE (source_object), batch->jobs);
  g_task_return_boolean (task, TRUE);
}

static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  IvcCandidateStore *self = IVC_CANDIDATE_STORE (object);
  SaveBatch *batch = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  apply_results (self, batch->jobs, &error);
  set_saving (self, FALSE);

  for (guint i = 0; i < batch->waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (batch->waiters, i);

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
}

static void
start_save (IvcCandidateStore *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  SaveBatch *batch;

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
  batch->waiters = g_steal_pointer (&self->waiters);
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);

  task = g_task_new (self, NULL, on_save_done_cb, NULL);
  g_task_set_source_tag (task, start_save);
  g_task_set_name (task, "[ivc] save candidates");
  g_task_set_task_data (task, batch, (GDestroyNotify)save_batch_free);

  set_saving (self, TRUE);
  g_task_run_in_thread (task, save_thread);
}

/*
 * The list.
 */

static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  IvcCandidate *ca = (IvcCandidate *)a;
  IvcCandidate *cb = (IvcCandidate *)b;
  int cmp;

  /* The most recent first. */
  cmp = g_date_time_compare (ivc_candidate_get_modified (cb), ivc_candidate_get_modified (ca));
  if (cmp != 0)
    return cmp;

  return strcmp (ivc_candidate_get_id (ca), ivc_candidate_get_id (cb));
}

static int
compare_candidates_indirect (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  return compare_candidates (*(gconstpointer *)a, *(gconstpointer *)b, user_data);
}

/* Moves a changed candidate to its place with one "items-changed", so that
 * a selection model keeps it selected. */
static void
reposition (IvcCandidateStore *self,
            IvcCandidate      *candidate)
{
  GListModel *model = G_LIST_MODEL (self->candidates);
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (model);
  guint position, target = 0;

  if (!g_list_store_find (self->candidates, candidate, &position))
    return;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(IvcCandidate) other = g_list_model_get_item (model, i);

      if (i != position && compare_candidates (other, candidate, NULL) < 0)
        target++;
    }

  if (target == position)
    return;

  if (target < position)
    {
      g_ptr_array_add (moved, g_object_ref (candidate));
      for (guint i = target; i < position; i++)
        g_ptr_array_add (moved, g_list_model_get_item (model, i));
      g_list_store_splice (self->candidates, target, moved->len, moved->pdata, moved->len);
    }
  else
    {
      for (guint i = position + 1; i <= target; i++)
        g_ptr_array_add (moved, g_list_model_get_item (model, i));
      g_ptr_array_add (moved, g_object_ref (candidate));
      g_list_store_splice (self->candidates, position, moved->len, moved->pdata, moved->len);
    }
}

static void
on_candidate_changed_cb (IvcCandidate      *candidate,
                         IvcCandidateStore *self)
{
  Entry *entry = g_hash_table_lookup (self->entries, ivc_candidate_get_id (candidate));

  if (entry == NULL || entry->candidate != candidate || entry->removed)
    return;

  entry->serial = ++self->last_serial;
  reposition (self, candidate);
  update_has_unsaved_changes (self);
  schedule_save (self);
}

static Entry *
add_entry (IvcCandidateStore *self,
           IvcCandidate      *candidate,
           gboolean           unsaved)
{
  Entry *entry = g_new0 (Entry, 1);

  ivc_candidate_set_interviewer (candidate, self->interviewer_id, self->interviewer_name);

  entry->candidate = g_object_ref (candidate);
  entry->serial = unsaved ? ++self->last_serial : 0;
  entry->changed_id = g_signal_connect (candidate, "changed",
                                        G_CALLBACK (on_candidate_changed_cb), self);
  g_hash_table_insert (self->entries, (char *)ivc_candidate_get_id (candidate), entry);

  return entry;
}

static void
take_loaded (IvcCandidateStore *self,
             GPtrArray         *loaded)
{
  GListModel *model = G_LIST_MODEL (self->candidates);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (all, g_list_model_get_item (model, i));

  for (guint i = 0; i < loaded->len; i++)
    {
      IvcCandidate *candidate = g_ptr_array_index (loaded, i);

      /* Already there, if created or loaded before. */
      if (g_hash_table_contains (self->entries, ivc_candidate_get_id (candidate)))
        continue;

      add_entry (self, candidate, FALSE);
      g_ptr_array_add (all, g_object_ref (candidate));
    }

  g_ptr_array_sort_with_data (all, compare_candidates_indirect, NULL);
  g_list_store_splice (self->candidates, 0, n_items, all->pdata, all->len);
}

/*
 * The object.
 */

static void
ivc_candidate_store_constructed (GObject *object)
{
  IvcCandidateStore *self = (IvcCandidateStore *)object;
  g_autofree char *path = NULL;

  G_OBJECT_CLASS (ivc_candidate_store_parent_class)->constructed (object);

  if (self->folder == NULL)
    self->folder = ivc_candidate_store_dup_default_folder ();

  path = g_file_get_path (self->folder);
  g_assert (path != NULL);
  self->candidates_path = g_build_filename (path, "candidates", NULL);
}

static void
ivc_candidate_store_dispose (GObject *object)
{
  IvcCandidateStore *self = (IvcCandidateStore *)object;

  /* The last chance not to lose anything; the application flushes at quit
   * and tells the user if that failed. */
  if (self->entries != NULL && self->has_unsaved_changes)
    {
      g_autoptr(GError) error = NULL;

      if (!ivc_candidate_store_flush (self, &error))
        g_warning ("Unsaved changes to candidates are lost: %s", error->message);
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_object (&self->candidates);

  G_OBJECT_CLASS (ivc_candidate_store_parent_class)->dispose (object);
}

static void
ivc_candidate_store_finalize (GObject *object)
{
  IvcCandidateStore *self = (IvcCandidateStore *)object;

  g_clear_object (&self->folder);
  g_clear_pointer (&self->candidates_path, g_free);
  g_clear_pointer (&self->interviewer_id, g_free);
  g_clear_pointer (&self->interviewer_name, g_free);
  g_clear_pointer (&self->written, g_hash_table_unref);
  g_clear_pointer (&self->waiters, g_ptr_array_unref);
  g_clear_error (&self->save_error);
  g_mutex_clear (&self->write_mutex);

  G_OBJECT_CLASS (ivc_candidate_store_parent_class)->finalize (object);
}

static void
ivc_candidate_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IvcCandidateStore *self = IVC_CANDIDATE_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_INTERVIEWER_ID:
      g_value_set_string (value, self->interviewer_id);
      break;

    case PROP_INTERVIEWER_NAME:
      g_value_set_string (value, self->interviewer_name);
      break;

    case PROP_CANDIDATES:
      g_value_set_object (value, self->candidates);
      break;

    case PROP_HAS_UNSAVED_CHANGES:
      g_value_set_boolean (value, self->has_unsaved_changes);
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;

    case PROP_SAVE_ERROR:
      g_value_set_boxed (value, self->save_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_candidate_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  IvcCandidateStore *self = IVC_CANDIDATE_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      self->folder = g_value_dup_object (value);
      break;

    case PROP_INTERVIEWER_ID:
      self->interviewer_id = g_value_dup_string (value);
      break;

    case PROP_INTERVIEWER_NAME:
      ivc_candidate_store_set_interviewer_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ivc_candidate_store_class_init (IvcCandidateStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ivc_candidate_store_constructed;
  object_class->dispose = ivc_candidate_store_dispose;
  object_class->finalize = ivc_candidate_store_finalize;
  object_class->get_property = ivc_candidate_store_get_property;
  object_class->set_property = ivc_candidate_store_set_property;

  /**
   * IvcCandidateStore:folder:
   *
   * The data folder; candidates are in its "candidates" folder.
   */
  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERVIEWER_ID] =
    g_param_spec_string ("interviewer-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERVIEWER_NAME] =
    g_param_spec_string ("interviewer-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidateStore:candidates:
   *
   * The candidates, as a #GListModel of #IvcCandidate, the most recently
   * modified first.
   */
  properties[PROP_CANDIDATES] =
    g_param_spec_object ("candidates", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidateStore:has-unsaved-changes:
   *
   * Whether something is only in memory: a change not yet saved, or one
   * that could not be saved. At quit, the application offers to export.
   */
  properties[PROP_HAS_UNSAVED_CHANGES] =
    g_param_spec_boolean ("has-unsaved-changes", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IvcCandidateStore:save-error:
   *
   * Why the last save failed, or %NULL once saving works again.
   */
  properties[PROP_SAVE_ERROR] =
    g_param_spec_boxed ("save-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IvcCandidateStore::save-failed:
   * @error: why, an %IVC_STORE_ERROR_WRITE_FAILED
   *
   * Emitted each time saving fails. The changes stay in memory and saving
   * is tried again after a while and on the next change.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
ivc_candidate_store_init (IvcCandidateStore *self)
{
  self->candidates = g_list_store_new (IVC_TYPE_CANDIDATE);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)entry_free);
  self->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&self->write_mutex);
}

/**
 * ivc_candidate_store_dup_default_folder:
 *
 * Returns: (transfer full): the data folder, in the user's data folder
 *   ($XDG_DATA_HOME)
 */
GFile *
ivc_candidate_store_dup_default_folder (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "interview-companion", NULL);
}

/**
 * ivc_candidate_store_new:
 * @folder: (nullable): the data folder, a local one; %NULL for
 *   ivc_candidate_store_dup_default_folder()
 * @interviewer_id: whose candidate files to write, a valid id (see
 *   ivc_candidate_id_is_valid()) that stays the same for this interviewer
 * @interviewer_name: (nullable): the name written in those files
 *
 * Nothing is read until ivc_candidate_store_load().
 */
IvcCandidateStore *
ivc_candidate_store_new (GFile      *folder,
                         const char *interviewer_id,
                         const char *interviewer_name)
{
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);
  g_return_val_if_fail (folder == NULL || g_file_peek_path (folder) != NULL, NULL);
  g_return_val_if_fail (ivc_candidate_id_is_valid (interviewer_id), NULL);

  return g_object_new (IVC_TYPE_CANDIDATE_STORE,
                       "folder", folder,
                       "interviewer-id", interviewer_id,
                       "interviewer-name", interviewer_name,
                       NULL);
}

/**
 * ivc_candidate_store_get_folder:
 *
 * Returns: (transfer none): the data folder
 */
GFile *
ivc_candidate_store_get_folder (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  return self->folder;
}

const char *
ivc_candidate_store_get_interviewer_id (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  return self->interviewer_id;
}

const char *
ivc_candidate_store_get_interviewer_name (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  return self->interviewer_name;
}

/**
 * ivc_candidate_store_set_interviewer_name:
 *
 * The new name is written with the next change to each candidate.
 */
void
ivc_candidate_store_set_interviewer_name (IvcCandidateStore *self,
                                          const char        *interviewer_name)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (IVC_IS_CANDIDATE_STORE (self));

  if (g_strcmp0 (self->interviewer_name, interviewer_name) == 0)
    return;

  g_free (self->interviewer_name);
  self->interviewer_name = g_strdup (interviewer_name);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      ivc_candidate_set_interviewer (entry->candidate, self->interviewer_id, self->interviewer_name);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEWER_NAME]);
}

/**
 * ivc_candidate_store_load:
 * @problems: (out) (optional) (element-type GError): every file that could
 *   not be read, with why and what was done about it
 * @error: set when the candidates folder itself cannot be read
 *
 * Reads every candidate. A file of ours that cannot be read, is damaged or
 * has a newer format is moved aside, kept, and reported in @problems; the
 * other candidates still load. Candidates that only other interviewers have
 * a file for are listed with an empty scorecard of ours, which is written
 * once it changes.
 *
 * Reading a few hundred small files is quick, but see
 * ivc_candidate_store_load_async() for the main thread.
 *
 * Returns: %TRUE if the folder could be read (or does not exist yet)
 */
gboolean
ivc_candidate_store_load (IvcCandidateStore  *self,
                          GCancellable       *cancellable,
                          GPtrArray         **problems,
                          GError            **error)
{
  LoadResult *result;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result = load_folder (self->candidates_path, self->interviewer_id, cancellable, error);
  if (result == NULL)
    return FALSE;

  take_loaded (self, result->candidates);
  if (problems != NULL)
    *problems = g_ptr_array_ref (result->problems);
  load_result_free (result);

  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  LoadResult *result;

  result = load_folder (data->candidates_path, data->interviewer_id, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)load_result_free);
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  IvcCandidateStore *self = IVC_CANDIDATE_STORE (object);
  g_autoptr(GTask) task = user_data;
  LoadResult *loaded;
  GError *error = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (loaded == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  take_loaded (self, loaded->candidates);
  g_task_return_pointer (task, g_ptr_array_ref (loaded->problems), (GDestroyNotify)g_ptr_array_unref);
  load_result_free (loaded);
}

/**
 * ivc_candidate_store_load_async:
 *
 * Reads every candidate in a worker thread, as ivc_candidate_store_load()
 * does; they are in the list when @callback runs.
 */
void
ivc_candidate_store_load_async (IvcCandidateStore   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  LoadData *data;

  g_return_if_fail (IVC_IS_CANDIDATE_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ivc_candidate_store_load_async);

  data = g_new0 (LoadData, 1);
  data->candidates_path = g_strdup (self->candidates_path);
  data->interviewer_id = g_strdup (self->interviewer_id);

  worker = g_task_new (self, cancellable, on_load_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, load_thread);
  g_task_set_name (worker, "[ivc] load candidates");
  g_task_set_task_data (worker, data, (GDestroyNotify)load_data_free);
  g_task_run_in_thread (worker, load_thread);
}

/**
 * ivc_candidate_store_load_finish:
 * @problems: (out) (optional) (element-type GError): as for
 *   ivc_candidate_store_load()
 */
gboolean
ivc_candidate_store_load_finish (IvcCandidateStore  *self,
                                 GAsyncResult       *result,
                                 GPtrArray         **problems,
                                 GError            **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return FALSE;

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return TRUE;
}

/**
 * ivc_candidate_store_get_candidates:
 *
 * Returns: (transfer none): a #GListModel of #IvcCandidate, the most
 *   recently modified first
 */
GListModel *
ivc_candidate_store_get_candidates (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  return G_LIST_MODEL (self->candidates);
}

/**
 * ivc_candidate_store_find:
 *
 * Returns: (transfer none) (nullable): the candidate with that id
 */
IvcCandidate *
ivc_candidate_store_find (IvcCandidateStore *self,
                          const char        *candidate_id)
{
  Entry *entry;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  if (candidate_id == NULL)
    return NULL;

  entry = g_hash_table_lookup (self->entries, candidate_id);
  if (entry == NULL || entry->removed)
    return NULL;

  return entry->candidate;
}

/**
 * ivc_candidate_store_lookup:
 * @id_or_name: a candidate's id, or their name
 * @error: %IVC_STORE_ERROR_NOT_FOUND or %IVC_STORE_ERROR_AMBIGUOUS
 *
 * Finds a candidate the way a person names them: by id, or by name, with
 * case and accents ignored. A name that several candidates share is
 * refused, and the message lists their ids to choose from.
 *
 * Returns: (transfer none) (nullable): the candidate, or %NULL with @error
 */
IvcCandidate *
ivc_candidate_store_lookup (IvcCandidateStore  *self,
                            const char         *id_or_name,
                            GError            **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autofree char *wanted = NULL;
  IvcCandidate *candidate;
  guint n;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  candidate = ivc_candidate_store_find (self, id_or_name);
  if (candidate != NULL)
    return candidate;

  wanted = ivc_text_fold (id_or_name, -1);
  g_strstrip (wanted);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->candidates));
  for (guint i = 0; *wanted != '\0' && i < n; i++)
    {
      g_autoptr(IvcCandidate) other = g_list_model_get_item (G_LIST_MODEL (self->candidates), i);
      g_autofree char *name = ivc_text_fold (ivc_candidate_get_name (other), -1);

      if (g_str_equal (g_strstrip (name), wanted))
        g_ptr_array_add (matches, other);
    }

  if (matches->len == 1)
    return g_ptr_array_index (matches, 0);

  if (matches->len == 0)
    {
      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_NOT_FOUND,
                   _("No candidate has the id or name “%s”"), id_or_name);
      return NULL;
    }

  {
    g_autoptr(GString) ids = g_string_new (NULL);

    for (guint i = 0; i < matches->len; i++)
      g_string_append_printf (ids, "%s%s", i ? ", " : "",
                              ivc_candidate_get_id (g_ptr_array_index (matches, i)));
    g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_AMBIGUOUS,
                 _("%u candidates are called “%s”; name one by id: %s"),
                 matches->len, id_or_name, ids->str);
  }

  return NULL;
}

/**
 * ivc_candidate_store_create:
 * @name: the candidate's name
 * @role: (nullable): the role applied for
 * @interview_date: (nullable): “YYYY-MM-DD”
 * @bank_id: (nullable): the question bank used
 *
 * Adds a candidate at the top of the list; it is saved shortly.
 *
 * Returns: (transfer none): the new candidate
 */
IvcCandidate *
ivc_candidate_store_create (IvcCandidateStore *self,
                            const char        *name,
                            const char        *role,
                            const char        *interview_date,
                            const char        *bank_id)
{
  g_autoptr(IvcCandidate) candidate = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (interview_date == NULL || *interview_date == '\0' ||
                        ivc_candidate_date_is_valid (interview_date), NULL);

  /* A folder that is there but was not loaded (its file could not be
   * moved aside) is not reused either. */
  for (;;)
    {
      g_autofree char *folder_path = NULL;

      g_free (id);
      id = ivc_candidate_generate_id (name);
      folder_path = g_build_filename (self->candidates_path, id, NULL);
      if (!g_hash_table_contains (self->entries, id) &&
          !g_file_test (folder_path, G_FILE_TEST_EXISTS))
        break;
    }

  candidate = ivc_candidate_new (id, name);
  ivc_candidate_set_role (candidate, role);
  ivc_candidate_set_interview_date (candidate, interview_date);
  ivc_candidate_set_bank_id (candidate, bank_id);

  add_entry (self, candidate, TRUE);
  g_list_store_insert_sorted (self->candidates, candidate, compare_candidates, NULL);
  update_has_unsaved_changes (self);
  schedule_save (self);

  return candidate;
}

/**
 * ivc_candidate_store_remove:
 *
 * Takes a candidate out of the list and deletes our file for it shortly,
 * and its folder if nothing else is in it. Other interviewers' files stay.
 * Pass the candidate to ivc_candidate_store_restore() to undo.
 *
 * Returns: (transfer full): the candidate
 */
IvcCandidate *
ivc_candidate_store_remove (IvcCandidateStore *self,
                            IvcCandidate      *candidate)
{
  Entry *entry;
  guint position;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (IVC_IS_CANDIDATE (candidate), NULL);

  entry = g_hash_table_lookup (self->entries, ivc_candidate_get_id (candidate));
  g_return_val_if_fail (entry != NULL && entry->candidate == candidate && !entry->removed, NULL);

  g_object_ref (candidate);

  if (g_list_store_find (self->candidates, candidate, &position))
    g_list_store_remove (self->candidates, position);

  entry->removed = TRUE;
  entry->serial = ++self->last_serial;
  update_has_unsaved_changes (self);
  schedule_save (self);

  return candidate;
}

/**
 * ivc_candidate_store_restore:
 * @candidate: a candidate from ivc_candidate_store_remove()
 *
 * Puts a removed candidate back in its place and saves it again.
 */
void
ivc_candidate_store_restore (IvcCandidateStore *self,
                             IvcCandidate      *candidate)
{
  Entry *entry;

  g_return_if_fail (IVC_IS_CANDIDATE_STORE (self));
  g_return_if_fail (IVC_IS_CANDIDATE (candidate));

  entry = g_hash_table_lookup (self->entries, ivc_candidate_get_id (candidate));
  if (entry != NULL)
    {
      g_return_if_fail (entry->candidate == candidate && entry->removed);

      entry->removed = FALSE;
      entry->serial = ++self->last_serial;
    }
  else
    add_entry (self, candidate, TRUE);

  g_list_store_insert_sorted (self->candidates, candidate, compare_candidates, NULL);
  update_has_unsaved_changes (self);
  schedule_save (self);
}

/**
 * ivc_candidate_store_read_other_scorecards:
 * @problems: (out) (optional) (element-type GError): files that could not
 *   be read; they are left as they are
 *
 * Reads the scorecards that other interviewers keep for a candidate. They
 * are copies to look at: changing them changes nothing on disk.
 *
 * Returns: (transfer container) (element-type IvcCandidate): the scorecards,
 *   sorted by interviewer name
 */
GPtrArray *
ivc_candidate_store_read_other_scorecards (IvcCandidateStore  *self,
                                           const char         *candidate_id,
                                           GPtrArray         **problems)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *folder_path = NULL;
  GPtrArray *scorecards;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (ivc_candidate_id_is_valid (candidate_id), NULL);

  found = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  folder_path = g_build_filename (self->candidates_path, candidate_id, NULL);
  scorecards = read_other_scorecards (folder_path, candidate_id, self->interviewer_id, found);

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return scorecards;
}

/**
 * ivc_candidate_store_choose_scorecard:
 * @candidate: a candidate of the store
 * @interviewer_id: (nullable): whose scorecard, or %NULL to choose
 * @error: %IVC_STORE_ERROR_NOT_FOUND or %IVC_STORE_ERROR_AMBIGUOUS
 *
 * The scorecard to export of a candidate: the named interviewer's; or
 * one's own, if one took notes (has a file); otherwise the only other
 * interviewer's. Several others and none of one's own is ambiguous, and
 * the message lists their ids.
 *
 * Returns: (transfer full) (nullable): the scorecard, or %NULL with @error
 */
IvcCandidate *
ivc_candidate_store_choose_scorecard (IvcCandidateStore  *self,
                                      IvcCandidate       *candidate,
                                      const char         *interviewer_id,
                                      GError            **error)
{
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *own_path = NULL;
  g_autofree char *name = NULL;
  const char *own_id;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (IVC_IS_CANDIDATE (candidate), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  own_id = self->interviewer_id;
  name = dup_file_name (own_id);
  own_path = g_build_filename (self->candidates_path, ivc_candidate_get_id (candidate), name, NULL);

  if (interviewer_id == NULL && g_file_test (own_path, G_FILE_TEST_EXISTS))
    return g_object_ref (candidate);
  if (interviewer_id != NULL && g_str_equal (interviewer_id, own_id))
    return g_object_ref (candidate);

  others = ivc_candidate_store_read_other_scorecards (self, ivc_candidate_get_id (candidate), NULL);

  if (interviewer_id != NULL)
    {
      for (guint i = 0; i < others->len; i++)
        {
          IvcCandidate *other = g_ptr_array_index (others, i);

          if (g_strcmp0 (ivc_candidate_get_interviewer_id (other), interviewer_id) == 0)
            return g_object_ref (other);
        }

      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_NOT_FOUND,
                   _("%s has no scorecard by the interviewer “%s”"),
                   ivc_candidate_get_name (candidate), interviewer_id);
      return NULL;
    }

  if (others->len == 1)
    return g_object_ref (g_ptr_array_index (others, 0));

  if (others->len == 0)
    return g_object_ref (candidate);

  {
    g_autoptr(GString) ids = g_string_new (NULL);

    for (guint i = 0; i < others->len; i++)
      g_string_append_printf (ids, "%s%s", i ? ", " : "",
                              ivc_candidate_get_interviewer_id (g_ptr_array_index (others, i)));
    g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_AMBIGUOUS,
                 _("%s has scorecards by %u interviewers; choose one with --interviewer: %s"),
                 ivc_candidate_get_name (candidate), others->len, ids->str);
  }

  return NULL;
}

gboolean
ivc_candidate_store_get_has_unsaved_changes (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);

  return self->has_unsaved_changes;
}

gboolean
ivc_candidate_store_get_saving (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);

  return self->saving;
}

/**
 * ivc_candidate_store_get_save_error:
 *
 * Returns: (transfer none) (nullable): why the last save failed, or %NULL
 */
const GError *
ivc_candidate_store_get_save_error (IvcCandidateStore *self)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  return self->save_error;
}

/**
 * ivc_candidate_store_save_async:
 *
 * Saves every change now, without waiting for the autosave, in a worker
 * thread; for switching candidates.
 */
void
ivc_candidate_store_save_async (IvcCandidateStore   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IVC_IS_CANDIDATE_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ivc_candidate_store_save_async);
  g_ptr_array_add (self->waiters, task);

  start_save (self);
}

/**
 * ivc_candidate_store_save_finish:
 *
 * Returns: %TRUE if every change made before ivc_candidate_store_save_async()
 *   is on disk
 */
gboolean
ivc_candidate_store_save_finish (IvcCandidateStore  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ivc_candidate_store_flush:
 * @error: an %IVC_STORE_ERROR_WRITE_FAILED
 *
 * Saves every change now, in the calling thread, after any save in
 * progress; for quitting. On failure the changes stay in memory, as
 * #IvcCandidateStore:has-unsaved-changes says.
 *
 * Returns: %TRUE if nothing is left unsaved
 */
gboolean
ivc_candidate_store_flush (IvcCandidateStore  *self,
                           GError            **error)
{
  g_autoptr(GPtrArray) jobs = NULL;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);

  jobs = collect_jobs (self);
  if (jobs->len == 0)
    return TRUE;

  run_jobs (self, jobs);

  return apply_results (self, jobs, error);
}

/* One field of a tab-separated line: tabs and line breaks would break it. */
static void
append_field (GString    *out,
              const char *text)
{
  for (const char *p = text; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

/**
 * ivc_candidate_store_format_list:
 *
 * Lists the candidates for `--list-candidates`, the most recent first: a
 * header line, then one line per candidate, with tab-separated columns ID,
 * NAME, ROLE, DATE, SCORED (how many questions have a score) and
 * RECOMMENDATION (“none”, “strong-no”, “no”, “yes” or “strong-yes”).
 * Empty fields are empty.
 *
 * Returns: (transfer full): the text, ending with a newline
 */
char *
ivc_candidate_store_format_list (IvcCandidateStore *self)
{
  GListModel *model;
  GString *out;
  guint n_items;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);

  model = G_LIST_MODEL (self->candidates);
  n_items = g_list_model_get_n_items (model);
  out = g_string_new ("ID\tNAME\tROLE\tDATE\tSCORED\tRECOMMENDATION\n");

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(IvcCandidate) candidate = g_list_model_get_item (model, i);

      append_field (out, ivc_candidate_get_id (candidate));
      g_string_append_c (out, '\t');
      append_field (out, ivc_candidate_get_name (candidate));
      g_string_append_c (out, '\t');
      append_field (out, ivc_candidate_get_role (candidate));
      g_string_append_c (out, '\t');
      append_field (out, ivc_candidate_get_interview_date (candidate));
      g_string_append_printf (out, "\t%u\t%s\n",
                              ivc_candidate_get_n_scored (candidate),
                              ivc_recommendation_get_nick (ivc_candidate_get_recommendation (candidate)));
    }

  return g_string_free (out, FALSE);
}
