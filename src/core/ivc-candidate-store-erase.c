/* ivc-candidate-store-erase.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The end of a candidate's data: erasing every file of a candidate, every
 * interviewer's and every copy, and finding the candidates whose interview
 * is past the retention period.
 */

#define G_LOG_DOMAIN "ivc-candidate-store"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "ivc-candidate-store.h"
#include "ivc-candidate-store-private.h"

/*
 * Delete takes out our own file only: teammates' files, the conflict
 * copies sync tools leave and the copies kept aside as damaged stay, and so
 * the candidate's data stays on every computer that shares the folder.
 * Erasing removes everything in the candidate's folder, and the folder.
 *
 * The folder is walked through file descriptors, never following a link:
 * a link (even the candidate's folder itself, planted by a sync peer) is
 * removed, never what it points to, so nothing outside the data folder is
 * touched.
 */

typedef struct
{
  IvcCandidateFiles *files;
  gboolean           erase;
  GString           *failures;
  guint              n_failures;
} Walk;

void
ivc_candidate_files_free (IvcCandidateFiles *files)
{
  if (files == NULL)
    return;

  g_clear_pointer (&files->folder_path, g_free);
  g_clear_pointer (&files->paths, g_ptr_array_unref);
  g_free (files);
}

/**
 * ivc_candidate_files_dup_summary:
 *
 * Returns: (transfer full): how many scorecards and files, such as
 *   “2 scorecards and 6 files in all”
 */
char *
ivc_candidate_files_dup_summary (IvcCandidateFiles *files)
{
  g_autofree char *scorecards = NULL;
  g_autofree char *all = NULL;

  g_return_val_if_fail (files != NULL, NULL);

  scorecards = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u scorecard", "%u scorecards",
                                             files->n_scorecards),
                                files->n_scorecards);
  all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file in all", "%u files in all",
                                      files->n_files),
                         files->n_files);

  /* Translators: "2 scorecards and 6 files in all" */
  return g_strdup_printf (_("%s and %s"), scorecards, all);
}

static IvcCandidateFiles *
files_new (const char *folder_path)
{
  IvcCandidateFiles *files = g_new0 (IvcCandidateFiles, 1);

  files->folder_path = g_strdup (folder_path);
  files->paths = g_ptr_array_new_with_free_func (g_free);

  return files;
}

static void
add_failure (Walk       *walk,
             const char *path,
             const char *reason)
{
  walk->n_failures++;
  /* Translators: a file that could not be erased, and why */
  g_string_append_printf (walk->failures, _("\n%s: %s"), path, reason);
}

/* An interviewer's file: named after a valid id. Sync tools' conflict
 * copies and the copies kept aside are not. */
static gboolean
is_scorecard (const char *name)
{
  g_autofree char *stem = NULL;

  if (!g_str_has_suffix (name, ".json"))
    return FALSE;

  stem = g_strndup (name, strlen (name) - strlen (".json"));
  return ivc_candidate_id_is_valid (stem);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Lists (and removes) what is in the folder open as @fd, which it closes:
 * files and links first, then each folder after its contents. */
static void
walk_folder (Walk       *walk,
             int         fd,
             const char *path,
             guint       depth)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  struct dirent *entry;
  DIR *dir;

  dir = fdopendir (fd);
  if (dir == NULL)
    {
      add_failure (walk, path, g_strerror (errno));
      close (fd);
      return;
    }

  /* Read it all before removing anything: entries removed while reading
   * may make the reader skip others. */
  while ((entry = readdir (dir)) != NULL)
    if (strcmp (entry->d_name, ".") != 0 && strcmp (entry->d_name, "..") != 0)
      g_ptr_array_add (names, g_strdup (entry->d_name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *child_path = g_build_filename (path, name, NULL);
      struct stat st;

      if (fstatat (dirfd (dir), name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        {
          add_failure (walk, child_path, g_strerror (errno));
          continue;
        }

      if (S_ISDIR (st.st_mode))
        {
          int child;

          if (depth >= IVC_CANDIDATE_ERASE_MAX_DEPTH)
            {
              add_failure (walk, child_path,
                           _("the folders go too deep to be gone through"));
              continue;
            }

          child = openat (dirfd (dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
          if (child < 0)
            {
              add_failure (walk, child_path, g_strerror (errno));
              continue;
            }

          walk_folder (walk, child, child_path, depth + 1);
          if (walk->erase && unlinkat (dirfd (dir), name, AT_REMOVEDIR) != 0)
            {
              add_failure (walk, child_path, g_strerror (errno));
              continue;
            }
        }
      else
        {
          if (walk->erase && unlinkat (dirfd (dir), name, 0) != 0)
            {
              add_failure (walk, child_path, g_strerror (errno));
              continue;
            }

          walk->files->n_files++;
          if (S_ISREG (st.st_mode) && is_scorecard (name))
            walk->files->n_scorecards++;
        }

      g_ptr_array_add (walk->files->paths, g_steal_pointer (&child_path));
    }

  closedir (dir);
}

/* Lists, or removes, every file of a candidate. *out always gets what was
 * found (or removed), even when some of it failed. */
static gboolean
walk_candidate (const char         *candidates_path,
                const char         *candidate_id,
                gboolean            erase,
                gboolean            known,
                IvcCandidateFiles **out,
                GError            **error)
{
  g_autoptr(IvcCandidateFiles) files = NULL;
  g_autofree char *folder_path = g_build_filename (candidates_path, candidate_id, NULL);
  g_autoptr(GString) failures = g_string_new (NULL);
  Walk walk = { NULL, erase, failures, 0 };
  gboolean found = FALSE;
  struct stat st;
  int parent;

  files = files_new (folder_path);
  walk.files = files;

  parent = open (candidates_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (parent >= 0 && fstatat (parent, candidate_id, &st, AT_SYMLINK_NOFOLLOW) == 0)
    {
      if (S_ISLNK (st.st_mode))
        {
          /* The link, not where it points. */
          found = TRUE;
          if (erase && unlinkat (parent, candidate_id, 0) != 0)
            add_failure (&walk, folder_path, g_strerror (errno));
          else
            {
              files->n_files++;
              g_ptr_array_add (files->paths, g_strdup (folder_path));
            }
        }
      else if (S_ISDIR (st.st_mode))
        {
          int fd = openat (parent, candidate_id, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

          found = TRUE;
          if (fd < 0)
            add_failure (&walk, folder_path, g_strerror (errno));
          else
            {
              walk_folder (&walk, fd, folder_path, 0);
              if (erase && unlinkat (parent, candidate_id, AT_REMOVEDIR) != 0)
                add_failure (&walk, folder_path, g_strerror (errno));
              else
                g_ptr_array_add (files->paths, g_strdup (folder_path));
            }
        }
    }
  else if (errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ,
                   _("The candidate’s folder %s cannot be read: %s"),
                   folder_path, g_strerror (saved_errno));
      if (parent >= 0)
        close (parent);
      if (out != NULL)
        *out = g_steal_pointer (&files);
      return FALSE;
    }

  if (parent >= 0)
    close (parent);

  if (out != NULL)
    *out = g_steal_pointer (&files);

  /* A candidate that was never saved has no folder, and that is fine. */
  if (!found && !known)
    {
      g_set_error (error, IVC_STORE_ERROR, IVC_STORE_ERROR_NOT_FOUND,
                   _("No candidate has the id “%s”: there is no folder %s"),
                   candidate_id, folder_path);
      return FALSE;
    }

  if (walk.n_failures > 0)
    {
      g_set_error (error, IVC_STORE_ERROR, erase ? IVC_STORE_ERROR_WRITE_FAILED : IVC_STORE_ERROR_READ,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u file of the candidate could not be removed:%s",
                                "%u files of the candidate could not be removed:%s",
                                walk.n_failures),
                   walk.n_failures, failures->str);
      return FALSE;
    }

  return TRUE;
}

/**
 * ivc_candidate_store_list_files:
 * @candidate_id: a valid id
 * @error: %IVC_STORE_ERROR_NOT_FOUND when the candidate has no folder
 *
 * What ivc_candidate_store_erase() would remove, for a confirmation.
 *
 * Returns: (transfer full) (nullable): the files, or %NULL with @error
 */
IvcCandidateFiles *
ivc_candidate_store_list_files (IvcCandidateStore  *self,
                                const char         *candidate_id,
                                GError            **error)
{
  IvcCandidateFiles *files = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (ivc_candidate_id_is_valid (candidate_id), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Entries that cannot be looked at now are counted when erasing. */
  if (!walk_candidate (_ivc_candidate_store_get_candidates_path (self), candidate_id, FALSE,
                       ivc_candidate_store_find (self, candidate_id) != NULL, &files, &local_error) &&
      !g_error_matches (local_error, IVC_STORE_ERROR, IVC_STORE_ERROR_READ))
    {
      ivc_candidate_files_free (files);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return files;
}

/**
 * ivc_candidate_store_erase:
 * @candidate_id: a valid id
 * @removed: (out) (optional) (transfer full): what was removed, set even
 *   when some of it could not be
 * @error: %IVC_STORE_ERROR_NOT_FOUND when the store knows no such candidate
 *   and there is no folder; %IVC_STORE_ERROR_WRITE_FAILED, listing each
 *   file and why, when some could not be removed
 *
 * Erases a candidate for good, with no undo: takes them out of the list
 * and removes every file in their folder (every interviewer's scorecard,
 * sync tools' conflict copies, copies kept aside as damaged, unfinished
 * saves), then the folder. Links are removed, never followed.
 *
 * Returns: %TRUE if everything was removed
 */
gboolean
ivc_candidate_store_erase (IvcCandidateStore  *self,
                           const char         *candidate_id,
                           IvcCandidateFiles **removed,
                           GError            **error)
{
  g_autofree char *id = NULL;
  gboolean known;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), FALSE);
  g_return_val_if_fail (ivc_candidate_id_is_valid (candidate_id), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The candidate, and so the id, may go with the store's reference. */
  id = g_strdup (candidate_id);
  known = _ivc_candidate_store_forget (self, id);

  return walk_candidate (_ivc_candidate_store_get_candidates_path (self), id, TRUE,
                         known, removed, error);
}

/* The day the interview took place; without a date, the day the
 * candidate was created. */
static GDate *
dup_interview_day (IvcCandidate *candidate)
{
  const char *date = ivc_candidate_get_interview_date (candidate);
  GDateTime *created = ivc_candidate_get_created (candidate);
  GDate *day = g_date_new ();

  if (ivc_candidate_date_is_valid (date))
    g_date_set_parse (day, date);

  if (!g_date_valid (day) && created != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (created);
      int year, month, mday;

      g_date_time_get_ymd (local, &year, &month, &mday);
      g_date_set_dmy (day, mday, month, year);
    }

  if (!g_date_valid (day))
    g_clear_pointer (&day, g_date_free);

  return day;
}

typedef struct
{
  IvcCandidate *candidate;
  GDate        *day;
} Dated;

static int
compare_dated (gconstpointer a,
               gconstpointer b)
{
  const Dated *da = a;
  const Dated *db = b;
  int cmp = g_date_compare (da->day, db->day);

  if (cmp != 0)
    return cmp;

  return g_utf8_collate (ivc_candidate_get_name (da->candidate), ivc_candidate_get_name (db->candidate));
}

/**
 * ivc_candidate_store_list_expired:
 * @retention_days: how many days after the interview a candidate is kept;
 *   0 keeps them for ever
 * @now: the time to count from
 *
 * The candidates interviewed more than @retention_days days before @now's
 * day (or, without an interview date, created then).
 *
 * Returns: (transfer container) (element-type IvcCandidate): the
 *   candidates, the longest past first
 */
GPtrArray *
ivc_candidate_store_list_expired (IvcCandidateStore *self,
                                  guint              retention_days,
                                  GDateTime         *now)
{
  GListModel *model;
  g_autoptr(GArray) dated = g_array_new (FALSE, FALSE, sizeof (Dated));
  GPtrArray *expired = g_ptr_array_new_with_free_func (g_object_unref);
  int year, month, mday;
  GDate today;

  g_return_val_if_fail (IVC_IS_CANDIDATE_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (retention_days == 0)
    return expired;

  g_date_time_get_ymd (now, &year, &month, &mday);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, mday, month, year);

  model = ivc_candidate_store_get_candidates (self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IvcCandidate) candidate = g_list_model_get_item (model, i);
      GDate *day = dup_interview_day (candidate);

      if (day != NULL && g_date_days_between (day, &today) > (gint64)retention_days)
        {
          Dated item = { candidate, day };
          g_array_append_val (dated, item);
        }
      else if (day != NULL)
        g_date_free (day);
    }

  g_array_sort (dated, compare_dated);
  for (guint i = 0; i < dated->len; i++)
    {
      Dated *item = &g_array_index (dated, Dated, i);

      g_ptr_array_add (expired, g_object_ref (item->candidate));
      g_date_free (item->day);
    }

  return expired;
}
