/* ivc-candidate-folder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the candidates folder: our candidate files, keeping damaged ones
 * aside, and other interviewers' files, which are never changed.
 */

#define G_LOG_DOMAIN "ivc-candidate-folder"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ivc-candidate-file.h"
#include "ivc-candidate-folder.h"
#include "ivc-candidate-merge.h"
#include "ivc-conflict-copy.h"
#include "ivc-file-util.h"

/*
 * Candidates are kept as <folder>/candidates/<candidate-id>/<interviewer-id>.json.
 * Everything here runs in any thread: it touches no store, only files and
 * the candidates it makes.
 */

void
ivc_candidate_folder_result_free (IvcCandidateFolderResult *result)
{
  g_clear_pointer (&result->candidates, g_ptr_array_unref);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_pointer (&result->stamps, g_hash_table_unref);
  g_clear_pointer (&result->notices, g_ptr_array_unref);
  g_free (result);
}

/**
 * ivc_candidate_folder_dup_file_name:
 *
 * Returns: (transfer full): the name of an interviewer's file in a
 *   candidate's folder
 */
char *
ivc_candidate_folder_dup_file_name (const char *interviewer_id)
{
  return g_strconcat (interviewer_id, ".json", NULL);
}

/**
 * ivc_candidate_folder_read_file:
 * @path: a candidate file
 * @error: an %IVC_STORE_ERROR whose message starts with @path
 *
 * Reads one candidate file, in any thread.
 *
 * Returns: (transfer full) (nullable): the candidate, or %NULL with @error
 */
IvcCandidate *
ivc_candidate_folder_read_file (const char  *path,
                                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = ivc_file_util_read_bytes (file, IVC_CANDIDATE_MAX_FILE_SIZE, _("a candidate file"),
                                    NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error_literal (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ, local_error->message);
      return NULL;
    }

  return ivc_candidate_new_from_bytes (bytes, path, error);
}

/* Our own file, with a stamp of what it held, for the saver's check. */
static IvcCandidate *
read_own_file (const char    *path,
               IvcFileStamp **stamp,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  IvcCandidate *candidate;

  bytes = ivc_file_util_read_bytes (file, IVC_CANDIDATE_MAX_FILE_SIZE, _("a candidate file"),
                                    NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error_literal (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ, local_error->message);
      return NULL;
    }

  candidate = ivc_candidate_new_from_bytes (bytes, path, error);
  if (candidate != NULL)
    *stamp = ivc_file_stamp_new (bytes, ivc_file_stamp_get_mtime_at (AT_FDCWD, path));

  return candidate;
}

/* Our own file is damaged: keep it aside, renamed to
 * <name>.corrupt-<time>[-n], and report it. Returns whether it was moved,
 * and so whether a new file may be written. */
static gboolean
quarantine (const char   *path,
            const GError *problem,
            GPtrArray    *problems)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = ivc_file_util_move_aside (file, "corrupt", &error);

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
      g_autofree char *kept_as = g_file_get_basename (target);

      g_ptr_array_add (problems,
                       g_error_new (problem->domain, problem->code,
                                    _("%s. The file was kept as “%s”"),
                                    problem->message, kept_as));
      return TRUE;
    }
}

/* Our own file cannot be used, but is not known to be damaged: it cannot
 * be read now, or a newer version wrote it. It stays where it is, whole,
 * and the candidate is not shown, so that nothing is written over it. */
static void
leave_in_place (const GError *problem,
                GPtrArray    *problems)
{
  if (g_error_matches (problem, IVC_STORE_ERROR, IVC_STORE_ERROR_NEWER_FORMAT))
    g_ptr_array_add (problems,
                     g_error_new (problem->domain, problem->code,
                                  _("%s. The file was left as it is, and this candidate is not "
                                    "shown by this version"),
                                  problem->message));
  else
    g_ptr_array_add (problems,
                     g_error_new (problem->domain, problem->code,
                                  _("%s. The file was left as it is, and this candidate is not "
                                    "shown until it can be read"),
                                  problem->message));
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

/**
 * ivc_candidate_folder_read_others:
 * @folder_path: the candidate's folder
 * @interviewer_id: our id, whose file is left out
 * @problems: (element-type GError): where to add files that cannot be read
 *
 * Reads the scorecards other interviewers keep for one candidate, read-only:
 * a file that cannot be read is reported and left exactly as it is.
 *
 * Returns: (transfer container) (element-type IvcCandidate): the
 *   scorecards, sorted by interviewer name
 */
GPtrArray *
ivc_candidate_folder_read_others (const char *folder_path,
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

      /* A teammate's link could lead anywhere: it is not followed. */
      if (ivc_file_util_is_link (path))
        error = g_error_new (IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                             _("%s: the file is a link to another place, which Interview "
                               "Companion does not follow in its data folder"),
                             path);
      else
        scorecard = ivc_candidate_folder_read_file (path, &error);
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
load_own_scorecard (const char                  *folder_path,
                    const char                  *candidate_id,
                    const char                  *interviewer_id,
                    IvcCandidateFolderLoadFlags  flags,
                    GPtrArray                   *problems,
                    IvcFileStamp               **stamp,
                    gboolean                    *blocked)
{
  g_autofree char *file_name = ivc_candidate_folder_dup_file_name (interviewer_id);
  g_autofree char *path = g_build_filename (folder_path, file_name, NULL);
  g_autoptr(GPtrArray) others = NULL;
  IvcCandidate *newest = NULL;
  GStatBuf st;

  if ((flags & IVC_CANDIDATE_FOLDER_LOAD_READ_ONLY) == 0)
    ivc_file_util_remove_stale_temporary_files (folder_path, file_name);

  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      g_autoptr(GError) error = g_error_new (IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                                             _("%s: the file is a link to another place, which "
                                               "Interview Companion does not follow in its data "
                                               "folder"),
                                             path);
      leave_in_place (error, problems);
      *blocked = TRUE;
      return NULL;
    }
  else if (g_lstat (path, &st) == 0)
    {
      g_autoptr(IvcCandidate) candidate = NULL;
      g_autoptr(GError) error = NULL;

      candidate = read_own_file (path, stamp, &error);
      if (candidate != NULL)
        {
          if (strcmp (ivc_candidate_get_id (candidate), candidate_id) != 0)
            _ivc_candidate_set_id (candidate, candidate_id);
          return g_steal_pointer (&candidate);
        }

      /* Only what is damaged is moved aside; what cannot be read now or is
       * newer stays where it is, for later or for the newer version. */
      if (!g_error_matches (error, IVC_STORE_ERROR, IVC_STORE_ERROR_CORRUPT))
        {
          leave_in_place (error, problems);
          *blocked = TRUE;
          return NULL;
        }

      if ((flags & IVC_CANDIDATE_FOLDER_LOAD_READ_ONLY) != 0)
        g_ptr_array_add (problems,
                         g_error_new (error->domain, error->code,
                                      _("%s. The file was left as it is"), error->message));
      else if (!quarantine (path, error, problems))
        {
          *blocked = TRUE;
          return NULL;
        }
    }
  else if (errno != ENOENT)
    {
      int saved_errno = errno;
      g_autoptr(GError) error = g_error_new (IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                                             _("%s: the file cannot be read (%s)"),
                                             path, g_strerror (saved_errno));

      leave_in_place (error, problems);
      *blocked = TRUE;
      return NULL;
    }

  others = ivc_candidate_folder_read_others (folder_path, candidate_id, interviewer_id, problems);
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

/* Writes our scorecard after merging a conflict copy into it. */
static IvcFileStamp *
write_own_scorecard (const char    *folder_path,
                     const char    *candidate_id,
                     const char    *file_name,
                     IvcCandidate  *ours,
                     GError       **error)
{
  g_autofree char *candidates_path = g_path_get_dirname (folder_path);
  g_autofree char *root = g_path_get_dirname (candidates_path);
  g_autofree char *candidates_name = g_path_get_basename (candidates_path);
  g_autofree char *relative_path = g_build_filename (candidates_name, candidate_id, file_name, NULL);
  g_autofree char *path = g_build_filename (folder_path, file_name, NULL);
  g_autoptr(GBytes) bytes = ivc_candidate_to_bytes (ours);

  if (!ivc_file_util_write_bytes_beneath (root, relative_path, bytes, NULL, error))
    return NULL;

  return ivc_file_stamp_new (bytes, ivc_file_stamp_get_mtime_at (AT_FDCWD, path));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* A notice takes the details' ownership. */
static void
add_notice (GPtrArray  *notices,
            const char *candidate_name,
            char       *details)
{
  char **notice = g_new0 (char *, 3);

  /* Translators: a toast; %s is the candidate's name */
  notice[0] = g_strdup_printf (_("Conflict copy found for “%s”"), candidate_name);
  notice[1] = details;
  g_ptr_array_add (notices, notice);
}

/* Conflict copies that sync tools left in a candidate's folder. Ours are
 * merged into our scorecard (unless read-only, or our file cannot be used)
 * and then moved aside, kept; a teammate's are only reported. */
static IvcCandidate *
take_conflict_copies (const char                  *folder_path,
                      const char                  *candidate_id,
                      const char                  *interviewer_id,
                      IvcCandidateFolderLoadFlags  flags,
                      IvcCandidate                *ours,
                      gboolean                     blocked,
                      IvcFileStamp               **stamp,
                      GPtrArray                   *notices)
{
  g_autofree char *file_name = ivc_candidate_folder_dup_file_name (interviewer_id);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder_path, 0, NULL);
  const char *candidate_name = candidate_id;
  const char *name;

  if (dir == NULL)
    return ours;
  if (ours != NULL && *ivc_candidate_get_name (ours) != '\0')
    candidate_name = ivc_candidate_get_name (ours);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (ivc_conflict_copy_parse (name, NULL) != IVC_SYNC_TOOL_NONE)
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *copy_name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder_path, copy_name, NULL);
      g_autofree char *original = NULL;
      g_autofree char *owner = NULL;
      g_autofree char *label = NULL;
      g_autoptr(IvcCandidate) copy = NULL;
      g_autoptr(IvcFileStamp) written = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) copy_file = NULL;
      g_autoptr(GFile) kept = NULL;
      IvcSyncTool tool = ivc_conflict_copy_parse (copy_name, &original);
      const char *tool_name = ivc_sync_tool_get_name (tool);
      GStatBuf st;

      owner = g_strndup (original, strlen (original) - strlen (".json"));
      if (!ivc_candidate_id_is_valid (owner))
        continue;

      if (strcmp (owner, interviewer_id) != 0)
        {
          /* Translators: %s are the file's path and a sync tool's name */
          add_notice (notices, candidate_name,
                      g_strdup_printf (_("%s: %s left a conflict copy of another interviewer’s "
                                         "scorecard. It was left as it is"),
                                       path, tool_name));
          continue;
        }

      if ((flags & IVC_CANDIDATE_FOLDER_LOAD_READ_ONLY) != 0 || blocked)
        {
          add_notice (notices, candidate_name,
                      g_strdup_printf (_("%s: %s left a conflict copy of your scorecard. It "
                                         "was left as it is for now"),
                                       path, tool_name));
          continue;
        }

      /* Only a plain file of ours is read and moved. */
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      copy = ivc_candidate_folder_read_file (path, &error);
      if (copy == NULL)
        {
          add_notice (notices, candidate_name,
                      g_strdup_printf (_("%s. This conflict copy of your scorecard cannot be "
                                         "merged; it was left as it is"),
                                       error->message));
          continue;
        }

      if (ours == NULL)
        {
          /* Nothing of ours but the copy: it becomes our scorecard. */
          ours = g_steal_pointer (&copy);
          _ivc_candidate_set_id (ours, candidate_id);
        }
      else
        {
          /* Translators: names a sync tool's conflict copy in the marker of
           * texts kept from both versions; %s is its file name */
          label = g_strdup_printf (_("the conflict copy “%s”"), copy_name);
          ivc_candidate_merge (ours, NULL, copy, label, NULL);
        }

      written = write_own_scorecard (folder_path, candidate_id, file_name, ours, &error);
      if (written == NULL)
        {
          add_notice (notices, candidate_name,
                      g_strdup_printf (_("%s: this conflict copy of your scorecard could not be "
                                         "merged (%s); it was left as it is"),
                                       path, error->message));
          continue;
        }
      g_clear_pointer (stamp, ivc_file_stamp_unref);
      *stamp = g_steal_pointer (&written);

      copy_file = g_file_new_for_path (path);
      kept = ivc_file_util_move_aside (copy_file, "merged", &error);
      if (kept == NULL)
        add_notice (notices, candidate_name,
                    g_strdup_printf (_("%s: %s left a conflict copy of your scorecard. It was "
                                       "merged into your scorecard, but could not be moved "
                                       "aside (%s)"),
                                     path, tool_name, error->message));
      else
        {
          g_autofree char *kept_name = g_file_get_basename (kept);

          add_notice (notices, candidate_name,
                      g_strdup_printf (_("%s: %s left a conflict copy of your scorecard. It was "
                                         "merged into your scorecard and kept as “%s”"),
                                       path, tool_name, kept_name));
        }
    }

  return ours;
}

static IvcCandidate *
load_candidate_folder (const char                  *folder_path,
                       const char                  *candidate_id,
                       const char                  *interviewer_id,
                       IvcCandidateFolderLoadFlags  flags,
                       IvcCandidateFolderResult    *result)
{
  g_autoptr(IvcFileStamp) stamp = NULL;
  gboolean blocked = FALSE;
  IvcCandidate *ours;

  ours = load_own_scorecard (folder_path, candidate_id, interviewer_id, flags,
                             result->problems, &stamp, &blocked);
  ours = take_conflict_copies (folder_path, candidate_id, interviewer_id, flags, ours, blocked,
                               &stamp, result->notices);
  if (ours != NULL && stamp != NULL)
    g_hash_table_insert (result->stamps, g_strdup (candidate_id), g_steal_pointer (&stamp));

  return ours;
}

/**
 * ivc_candidate_folder_load:
 * @candidates_path: the "candidates" folder
 * @interviewer_id: whose files are ours
 * @flags: whether the folder may be tidied (see #IvcCandidateFolderLoadFlags)
 * @error: set when the folder itself cannot be read, or on cancellation
 *
 * Reads every candidate, in any thread. Our damaged files are moved aside
 * (unless read-only) and reported in the result's problems; our files that
 * cannot be read now or have a newer format, and candidate folders that are
 * links, are reported and left as they are, and those candidates are not
 * listed, so that nothing is written over them. Candidates that only other
 * interviewers have a file for get an empty scorecard of ours.
 *
 * Returns: (transfer full) (nullable): the candidates and the problems
 */
IvcCandidateFolderResult *
ivc_candidate_folder_load (const char                   *candidates_path,
                           const char                   *interviewer_id,
                           IvcCandidateFolderLoadFlags   flags,
                           GCancellable                 *cancellable,
                           GError                      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  IvcCandidateFolderResult *result;
  const char *name;

  result = g_new0 (IvcCandidateFolderResult, 1);
  result->candidates = g_ptr_array_new_with_free_func (g_object_unref);
  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  result->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)ivc_file_stamp_unref);
  result->notices = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  /* Nothing is saved through it, so nothing is read through it either. */
  if (ivc_file_util_is_link (candidates_path))
    {
      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                   _("The candidates folder “%s” is a link to another place, which Interview "
                     "Companion does not follow in its data folder"),
                   candidates_path);
      ivc_candidate_folder_result_free (result);
      return NULL;
    }

  /* The data folder, unless it is a link: where that leads is the user's
   * own arrangement. */
  if ((flags & IVC_CANDIDATE_FOLDER_LOAD_READ_ONLY) == 0)
    {
      g_autofree char *data_path = g_path_get_dirname (candidates_path);

      ivc_file_util_tighten_folder (data_path);
      ivc_file_util_tighten_folder (candidates_path);
    }

  dir = g_dir_open (candidates_path, 0, &local_error);
  if (dir == NULL)
    {
      /* Nothing saved yet. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return result;

      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                   _("The candidates folder cannot be read: %s"), local_error->message);
      ivc_candidate_folder_result_free (result);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *folder_path = NULL;
      IvcCandidate *candidate;
      GStatBuf st;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ivc_candidate_folder_result_free (result);
          return NULL;
        }

      /* Folders of sync tools, such as ".stversions", are not candidates. */
      if (!ivc_candidate_id_is_valid (name))
        continue;

      folder_path = g_build_filename (candidates_path, name, NULL);
      if (g_lstat (folder_path, &st) != 0)
        continue;

      /* A sync tool can bring a link to another place: it is not followed,
       * for reading or for writing. */
      if (S_ISLNK (st.st_mode))
        {
          g_ptr_array_add (result->problems,
                           g_error_new (IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                                        _("%s: this candidate’s folder is a link to another place, "
                                          "which Interview Companion does not follow in its data "
                                          "folder. It was left as it is, and this candidate is "
                                          "not shown"),
                                        folder_path));
          continue;
        }

      if (!S_ISDIR (st.st_mode))
        continue;

      if ((flags & IVC_CANDIDATE_FOLDER_LOAD_READ_ONLY) == 0)
        ivc_file_util_tighten_folder (folder_path);

      candidate = load_candidate_folder (folder_path, name, interviewer_id, flags, result);
      if (candidate != NULL)
        g_ptr_array_add (result->candidates, candidate);
    }

  return result;
}

typedef struct
{
  char                        *candidates_path;
  char                        *interviewer_id;
  IvcCandidateFolderLoadFlags  flags;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->candidates_path);
  g_free (data->interviewer_id);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  IvcCandidateFolderResult *result;

  result = ivc_candidate_folder_load (data->candidates_path, data->interviewer_id, data->flags,
                                      cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)ivc_candidate_folder_result_free);
}

/**
 * ivc_candidate_folder_load_async:
 *
 * Does ivc_candidate_folder_load() in a worker thread.
 */
void
ivc_candidate_folder_load_async (const char                  *candidates_path,
                                 const char                  *interviewer_id,
                                 IvcCandidateFolderLoadFlags  flags,
                                 GCancellable                *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (candidates_path != NULL);
  g_return_if_fail (interviewer_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->candidates_path = g_strdup (candidates_path);
  data->interviewer_id = g_strdup (interviewer_id);
  data->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_name (task, "[ivc] load candidates");
  g_task_set_source_tag (task, (gpointer)(guintptr)ivc_candidate_folder_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * ivc_candidate_folder_load_finish:
 *
 * Returns: (transfer full) (nullable): as ivc_candidate_folder_load()
 */
IvcCandidateFolderResult *
ivc_candidate_folder_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == (gpointer)(guintptr)ivc_candidate_folder_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
