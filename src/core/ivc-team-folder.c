/* ivc-team-folder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The team folder: checking the `team-folder` setting, and copying (or
 * moving) the candidates of one data folder into another, verified.
 */

#define G_LOG_DOMAIN "ivc-team-folder"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ivc-candidate.h"
#include "ivc-candidate-file.h"
#include "ivc-file-util.h"
#include "ivc-team-folder.h"

void
ivc_team_copy_result_free (IvcTeamCopyResult *result)
{
  g_clear_pointer (&result->skipped, g_ptr_array_unref);
  g_free (result);
}

/**
 * ivc_team_folder_resolve:
 * @setting: the `team-folder` setting
 * @error: an %IVC_STORE_ERROR_READ that names the setting's value and says
 *   what is wrong with it
 *
 * The team folder must be an absolute path to a folder that exists: a
 * folder that is missing may be a share not mounted yet, and making one in
 * its place would split the team's files in two.
 *
 * Returns: (transfer full) (nullable): the folder; %NULL without @error when
 *   @setting is empty (the private data folder), %NULL with @error when it
 *   cannot be used
 */
GFile *
ivc_team_folder_resolve (const char  *setting,
                         GError     **error)
{
  GStatBuf st;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (setting == NULL || *setting == '\0')
    return NULL;

  if (!g_path_is_absolute (setting))
    {
      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                   _("The team folder “%s” is not a full path (one that starts with “/”). "
                     "Candidates are kept in your private data folder until it is chosen "
                     "again in Preferences"),
                   setting);
      return NULL;
    }

  if (g_stat (setting, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                   _("The team folder “%s” cannot be used (%s). If it is on a network share "
                     "or a disk, connect it and start again. Candidates are kept in your "
                     "private data folder until then"),
                   setting, g_strerror (saved_errno));
      return NULL;
    }

  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                   _("The team folder “%s” is not a folder. Candidates are kept in your "
                     "private data folder until another is chosen in Preferences"),
                   setting);
      return NULL;
    }

  return g_file_new_for_path (setting);
}

/*
 * Copying.
 */

typedef struct
{
  char *from_root;
  char *to_root;
  /* Relative paths ("candidates/<id>/<name>") copied and verified. */
  GPtrArray *verified;
} CopyState;

static void
add_skipped (IvcTeamCopyResult *result,
             const char        *path,
             const char        *reason)
{
  g_ptr_array_add (result->skipped,
                   g_error_new (IVC_STORE_ERROR, IVC_STORE_ERROR_WRITE_FAILED,
                                /* Translators: a file's path, then why it was not copied */
                                _("%s: not copied (%s)"), path, reason));
}

static void
copy_one (CopyState         *state,
          const char        *relative_path,
          IvcTeamCopyResult *result,
          GCancellable      *cancellable)
{
  g_autofree char *from_path = g_build_filename (state->from_root, relative_path, NULL);
  g_autofree char *to_path = g_build_filename (state->to_root, relative_path, NULL);
  g_autoptr(GFile) from_file = g_file_new_for_path (from_path);
  g_autoptr(GFile) to_file = g_file_new_for_path (to_path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) there = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  bytes = ivc_file_util_read_bytes (from_file, IVC_CANDIDATE_MAX_FILE_SIZE, _("a candidate file"),
                                    cancellable, &error);
  if (bytes == NULL)
    {
      add_skipped (result, from_path, error->message);
      return;
    }

  /* Never over another file: a teammate's, or one copied before. */
  if (g_lstat (to_path, &st) == 0)
    {
      there = S_ISREG (st.st_mode)
        ? ivc_file_util_read_bytes (to_file, IVC_CANDIDATE_MAX_FILE_SIZE, _("a candidate file"),
                                    cancellable, NULL)
        : NULL;
      if (there != NULL && g_bytes_equal (there, bytes))
        {
          result->n_same++;
          g_ptr_array_add (state->verified, g_strdup (relative_path));
        }
      else
        add_skipped (result, from_path,
                     _("the team folder already has a different file of that name"));
      return;
    }

  if (!ivc_file_util_write_bytes_beneath (state->to_root, relative_path, bytes, cancellable, &error))
    {
      add_skipped (result, from_path, error->message);
      return;
    }

  /* Read back: only a copy known to be whole lets the original go. */
  there = ivc_file_util_read_bytes (to_file, IVC_CANDIDATE_MAX_FILE_SIZE, _("a candidate file"),
                                    cancellable, &error);
  if (there == NULL || !g_bytes_equal (there, bytes))
    {
      add_skipped (result, from_path,
                   there == NULL ? error->message : _("the copy reads back different"));
      return;
    }

  result->n_copied++;
  g_ptr_array_add (state->verified, g_strdup (relative_path));
}

/**
 * ivc_team_folder_copy:
 * @from_folder: the data folder the candidates are in now
 * @to_folder: the team folder
 * @move: whether to remove the originals once every copy is verified
 * @error: set when @from_folder's candidates cannot be listed, or on
 *   cancellation
 *
 * Copies every candidate file (regular files in the candidates' folders;
 * links and folders are left out) into @to_folder's candidates folder, and
 * reads each copy back to compare it. A file already in the team folder is
 * never replaced: with the same contents it counts as copied, with other
 * contents it is left out and reported. Nothing is removed unless @move and
 * every file was copied and verified; then the originals are removed and
 * their folders too, if empty.
 *
 * Returns: (transfer full) (nullable): what was done
 */
IvcTeamCopyResult *
ivc_team_folder_copy (GFile         *from_folder,
                      GFile         *to_folder,
                      gboolean       move,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(IvcTeamCopyResult) result = NULL;
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from_candidates = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  CopyState state = { 0 };
  const char *name;

  g_return_val_if_fail (G_IS_FILE (from_folder), NULL);
  g_return_val_if_fail (G_IS_FILE (to_folder), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = g_new0 (IvcTeamCopyResult, 1);
  result->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);

  if (g_file_equal (from_folder, to_folder))
    return g_steal_pointer (&result);

  state.from_root = g_file_get_path (from_folder);
  state.to_root = g_file_get_path (to_folder);
  state.verified = g_ptr_array_new_with_free_func (g_free);
  from_candidates = g_build_filename (state.from_root, "candidates", NULL);

  dir = g_dir_open (from_candidates, 0, &local_error);
  if (dir == NULL && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                   _("The candidates folder cannot be read: %s"), local_error->message);
      g_clear_pointer (&result, ivc_team_copy_result_free);
    }

  while (result != NULL && dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *folder_path = g_build_filename (from_candidates, name, NULL);
      g_autoptr(GDir) candidate_dir = NULL;
      const char *file_name;
      GStatBuf st;

      if (!ivc_candidate_id_is_valid (name) || g_lstat (folder_path, &st) != 0)
        continue;
      if (!S_ISDIR (st.st_mode))
        {
          add_skipped (result, folder_path, _("it is not a folder"));
          continue;
        }

      candidate_dir = g_dir_open (folder_path, 0, &local_error);
      if (candidate_dir == NULL)
        {
          add_skipped (result, folder_path, local_error->message);
          g_clear_error (&local_error);
          continue;
        }
      g_ptr_array_add (folders, g_strdup (folder_path));

      while ((file_name = g_dir_read_name (candidate_dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder_path, file_name, NULL);
          g_autofree char *relative_path = NULL;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              g_clear_pointer (&result, ivc_team_copy_result_free);
              break;
            }

          /* Temporary files of saves in progress are not candidates'. */
          if (file_name[0] == '.' || g_lstat (path, &st) != 0)
            continue;
          if (!S_ISREG (st.st_mode))
            {
              add_skipped (result, path, S_ISLNK (st.st_mode)
                           ? _("it is a link to another place")
                           : _("it is not a file"));
              continue;
            }

          relative_path = g_build_filename ("candidates", name, file_name, NULL);
          copy_one (&state, relative_path, result, cancellable);
        }
    }

  /* The originals go only when every one of them has a verified copy. */
  if (result != NULL && move && result->skipped->len == 0)
    {
      for (guint i = 0; i < state.verified->len; i++)
        {
          g_autoptr(GError) delete_error = NULL;

          if (ivc_file_util_delete_beneath (state.from_root, g_ptr_array_index (state.verified, i),
                                            &delete_error))
            result->n_removed++;
          else
            g_ptr_array_add (result->skipped, g_steal_pointer (&delete_error));
        }
      for (guint i = 0; i < folders->len; i++)
        g_rmdir (g_ptr_array_index (folders, i));
    }

  g_free (state.from_root);
  g_free (state.to_root);
  g_ptr_array_unref (state.verified);

  return g_steal_pointer (&result);
}

typedef struct
{
  GFile    *from_folder;
  GFile    *to_folder;
  gboolean  move;
} CopyData;

static void
copy_data_free (CopyData *data)
{
  g_clear_object (&data->from_folder);
  g_clear_object (&data->to_folder);
  g_free (data);
}

static void
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CopyData *data = task_data;
  GError *error = NULL;
  IvcTeamCopyResult *result;

  result = ivc_team_folder_copy (data->from_folder, data->to_folder, data->move,
                                 cancellable, &error);
  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify)ivc_team_copy_result_free);
  else
    g_task_return_error (task, error);
}

/**
 * ivc_team_folder_copy_async:
 *
 * Does ivc_team_folder_copy() in a worker thread.
 */
void
ivc_team_folder_copy_async (GFile               *from_folder,
                            GFile               *to_folder,
                            gboolean             move,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CopyData *data;

  g_return_if_fail (G_IS_FILE (from_folder));
  g_return_if_fail (G_IS_FILE (to_folder));

  data = g_new0 (CopyData, 1);
  data->from_folder = g_file_dup (from_folder);
  data->to_folder = g_file_dup (to_folder);
  data->move = move;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer)(guintptr)ivc_team_folder_copy_async);
  g_task_set_name (task, "[ivc] copy to team folder");
  g_task_set_task_data (task, data, (GDestroyNotify)copy_data_free);
  g_task_run_in_thread (task, copy_thread);
}

/**
 * ivc_team_folder_copy_finish:
 *
 * Returns: (transfer full) (nullable): what was done, or %NULL with @error
 */
IvcTeamCopyResult *
ivc_team_folder_copy_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
