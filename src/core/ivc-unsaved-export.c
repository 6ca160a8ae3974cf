/* ivc-unsaved-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing the candidates that could not be saved into a folder of the
 * user's choice, one candidate file each, when the data folder refuses
 * them at quit.
 */

#define G_LOG_DOMAIN "ivc-unsaved-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ivc-candidate.h"
#include "ivc-export.h"
#include "ivc-file-util.h"
#include "ivc-unsaved-export.h"

/*
 * The candidates are turned into bytes on the main thread, exactly as the
 * store saves them, so that each export is a candidate file the app opens
 * again; a worker thread writes them. Each file's name is taken first by
 * creating it empty, exclusively, so that nothing already in the folder
 * (an earlier export, someone else's file) is ever replaced, and the
 * contents then replace that empty file in one rename.
 */

typedef struct
{
  char   *base;
  GBytes *bytes;
} Job;

typedef struct
{
  GFile     *folder;
  GPtrArray *jobs;
  GPtrArray *results;
} ExportData;

static void
job_free (Job *job)
{
  g_free (job->base);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
result_free (IvcUnsavedExport *result)
{
  g_free (result->name);
  g_clear_object (&result->file);
  g_clear_error (&result->error);
  g_free (result);
}

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->folder);
  g_clear_pointer (&data->jobs, g_ptr_array_unref);
  g_clear_pointer (&data->results, g_ptr_array_unref);
  g_free (data);
}

/**
 * ivc_unsaved_export_dup_base_name:
 *
 * The name, without “.json”, of the file that keeps @candidate's unsaved
 * notes: the candidate's name as the user knows them, such as “Ann Archer
 * notes”, made safe for any file system (ivc_export_make_file_name()).
 *
 * Returns: (transfer full): a file name without its extension
 */
char *
ivc_unsaved_export_dup_base_name (IvcCandidate *candidate)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (IVC_IS_CANDIDATE (candidate), NULL);

  name = ivc_export_make_file_name (ivc_candidate_get_name (candidate), _("notes"), "json");
  g_assert (g_str_has_suffix (name, ".json"));
  name[strlen (name) - strlen (".json")] = '\0';

  return g_steal_pointer (&name);
}

/* Takes a free name in @folder: "Ann Archer notes.json", else
 * "Ann Archer notes (2).json", … */
static GFile *
reserve_file (GFile       *folder,
              const char  *base,
              GError     **error)
{
  for (guint n = 1; n <= IVC_UNSAVED_EXPORT_MAX_NAMES; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.json", base)
                                     : g_strdup_printf ("%s (%u).json", base, n);
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autofree char *path = g_file_get_path (file);
      int fd, saved_errno;

      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd >= 0)
        {
          g_close (fd, NULL);
          return g_steal_pointer (&file);
        }

      saved_errno = errno;
      if (saved_errno != EEXIST)
        {
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("%u files of this candidate are there already"), IVC_UNSAVED_EXPORT_MAX_NAMES);
  return NULL;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;

  for (guint i = 0; i < data->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (data->jobs, i);
      IvcUnsavedExport *result = g_ptr_array_index (data->results, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;

      file = reserve_file (data->folder, job->base, &error);
      if (file != NULL &&
          !ivc_file_util_write_bytes (file, job->bytes, IVC_FILE_UTIL_WRITE_REASON_ONLY, cancellable, &error))
        {
          /* The empty file that held the name goes too. */
          g_file_delete (file, NULL, NULL);
          g_clear_object (&file);
        }

      if (file != NULL)
        result->file = g_steal_pointer (&file);
      else
        result->error = g_steal_pointer (&error);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * ivc_unsaved_export_async:
 * @candidates: (element-type IvcCandidate): the candidates to write
 * @folder: where to write them
 *
 * Writes each candidate as a candidate file (as the store saves it) into
 * @folder, under a name of its own that replaces no file there. Each
 * candidate is tried, whatever happened to the others.
 */
void
ivc_unsaved_export_async (GPtrArray           *candidates,
                          GFile               *folder,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (candidates != NULL);
  g_return_if_fail (G_IS_FILE (folder));
  for (guint i = 0; i < candidates->len; i++)
    g_return_if_fail (IVC_IS_CANDIDATE (g_ptr_array_index (candidates, i)));

  data = g_new0 (ExportData, 1);
  data->folder = g_object_ref (folder);
  data->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify)job_free);
  data->results = g_ptr_array_new_with_free_func ((GDestroyNotify)result_free);

  for (guint i = 0; i < candidates->len; i++)
    {
      IvcCandidate *candidate = g_ptr_array_index (candidates, i);
      IvcUnsavedExport *result = g_new0 (IvcUnsavedExport, 1);
      Job *job = g_new0 (Job, 1);

      job->base = ivc_unsaved_export_dup_base_name (candidate);
      job->bytes = ivc_candidate_to_bytes (candidate);
      g_ptr_array_add (data->jobs, job);

      result->name = g_strdup (*ivc_candidate_get_name (candidate) ? ivc_candidate_get_name (candidate)
                                                                   : ivc_candidate_get_id (candidate));
      g_ptr_array_add (data->results, result);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_name (task, "[ivc] export unsaved candidates");
  g_task_set_source_tag (task, (gpointer)(guintptr)ivc_unsaved_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify)export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * ivc_unsaved_export_finish:
 * @n_failed: (out) (optional): how many candidates were not written
 *
 * Returns: (transfer container) (element-type IvcUnsavedExport): what
 *   happened to each candidate, in the order given
 */
GPtrArray *
ivc_unsaved_export_finish (GAsyncResult *result,
                           guint        *n_failed)
{
  ExportData *data;
  guint failed = 0;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == (gpointer)(guintptr)ivc_unsaved_export_async,
                        NULL);

  data = g_task_get_task_data (G_TASK (result));
  for (guint i = 0; i < data->results->len; i++)
    {
      IvcUnsavedExport *export = g_ptr_array_index (data->results, i);

      if (export->error != NULL)
        failed++;
    }

  if (n_failed != NULL)
    *n_failed = failed;

  return g_ptr_array_ref (data->results);
}
