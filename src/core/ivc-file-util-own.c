/* ivc-file-util-own.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application's own folders: writing and deleting files in them
 * without following links, removing what interrupted saves left, and
 * keeping the folders private.
 */

#define G_LOG_DOMAIN "ivc-file-util"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ivc-file-util.h"

/*
 * The application's own folders: writing and deleting without following
 * links, and tidying up.
 *
 * A sync tool can bring a link into a shared folder, and a link to another
 * place would have the app write, rename or delete there. Below the data
 * folder (which the user may have made a link, on purpose), every folder is
 * opened with O_NOFOLLOW, one after the other, and the file is created,
 * renamed and deleted relative to the last one: a link put in the way
 * between a check and the write cannot redirect it.
 */

/* The letters of a temporary file's suffix, as g_mkstemp() uses them. */
#define TEMPORARY_LETTERS \
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
#define TEMPORARY_SUFFIX_LENGTH 6
#define TEMPORARY_ATTEMPTS 100

static void
set_link_error (GError     **error,
                const char  *path)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
               _("“%s” is a link to another place; to keep notes from being written "
                 "elsewhere, Interview Companion does not write through links in its "
                 "data folder"),
               path);
}

/* The format says what failed, with the path and the system's reason:
 * "the folder %s cannot be opened (%s)". */
G_GNUC_PRINTF (3, 4)
static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), message);
}

/* Closes the folder to others if it is ours and open to them. */
static void
tighten_fd (int fd)
{
  struct stat st;

  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode) && st.st_uid == geteuid () &&
      (st.st_mode & 0077) != 0 &&
      fchmod (fd, IVC_FILE_UTIL_FOLDER_MODE) != 0)
    g_debug ("Could not make a folder private: %s", g_strerror (errno));
}

/* Whether @name in @dir_fd is a link, not followed. */
static gboolean
is_link_at (int         dir_fd,
            const char *name)
{
  struct stat st;

  return fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK (st.st_mode);
}

/* Opens @root (followed if a link: the user's choice), then each folder of
 * @relative_folder below it without following links, making the missing
 * ones (mode 0700) if @create, and closing each to others. Returns the
 * last one's descriptor, or -1 with @error. */
static int
open_folder_beneath (const char  *root,
                     const char  *relative_folder,
                     gboolean     create,
                     GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (relative_folder, G_DIR_SEPARATOR_S, -1);
  g_autofree char *path = g_strdup (root);
  int fd;

  fd = open (root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT && create)
    {
      if (g_mkdir_with_parents (root, IVC_FILE_UTIL_FOLDER_MODE) != 0)
        {
          set_errno_error (error, errno, _("the folder %s cannot be created (%s)"), root, g_strerror (errno));
          return -1;
        }
      fd = open (root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }
  if (fd < 0)
    {
      set_errno_error (error, errno, _("the folder %s cannot be opened (%s)"), root, g_strerror (errno));
      return -1;
    }
  /* Where a data folder that is a link leads is the user's own
   * arrangement: its mode stays as they made it. */
  if (create && !ivc_file_util_is_link (root))
    tighten_fd (fd);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *next_path;
      int next;

      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        continue;
      g_assert (!g_str_equal (parts[i], ".."));

      next_path = g_build_filename (path, parts[i], NULL);
      g_free (path);
      path = next_path;

      next = openat (fd, parts[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (next < 0 && errno == ENOENT && create)
        {
          if (mkdirat (fd, parts[i], IVC_FILE_UTIL_FOLDER_MODE) != 0 && errno != EEXIST)
            {
              set_errno_error (error, errno, _("the folder %s cannot be created (%s)"), path, g_strerror (errno));
              close (fd);
              return -1;
            }
          next = openat (fd, parts[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }

      if (next < 0)
        {
          int saved_errno = errno;

          if (saved_errno == ELOOP || is_link_at (fd, parts[i]))
            set_link_error (error, path);
          else
            set_errno_error (error, saved_errno, _("the folder %s cannot be opened (%s)"), path, g_strerror (saved_errno));
          close (fd);
          return -1;
        }

      close (fd);
      fd = next;
      if (create)
        tighten_fd (fd);
    }

  return fd;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, MIN (len, G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;

      data += n;
      len -= n;
    }

  return TRUE;
}

/**
 * ivc_file_util_write_bytes_beneath:
 * @root: the application's data folder
 * @relative_path: the file to replace, below @root, with no “..”
 * @bytes: its new contents
 * @error: a #G_IO_ERROR whose message names the file or folder;
 *   %G_IO_ERROR_TOO_MANY_LINKS when a folder below @root is a link
 *
 * Replaces a file of the application's own as ivc_file_util_write_bytes()
 * does (a temporary `NAME.XXXXXX` flushed to the disk and renamed over it,
 * mode 0600), without following links: the folders below @root must be
 * folders, not links, and are made (mode 0700) if missing; folders of ours
 * open to others are closed to them. A link in the file's own place is
 * replaced, never written through.
 *
 * Returns: %TRUE if the new contents are on disk
 */
gboolean
ivc_file_util_write_bytes_beneath (const char    *root,
                                   const char    *relative_path,
                                   GBytes        *bytes,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  return ivc_file_util_write_bytes_beneath_checked (root, relative_path, bytes, NULL, NULL,
                                                    cancellable, error);
}

/**
 * ivc_file_util_write_bytes_beneath_checked:
 * @check: (nullable) (scope call): called with the file's folder and name
 *   once the new contents are on disk and just before they replace the
 *   file; %FALSE leaves the file as it is
 * @error: as for ivc_file_util_write_bytes_beneath(), or
 *   %G_IO_ERROR_WRONG_ETAG when @check said no
 *
 * ivc_file_util_write_bytes_beneath(), for a file others may change too:
 * @check says whether it still holds what the caller last saw, as late as
 * can be.
 *
 * Returns: %TRUE if the new contents are on disk
 */
gboolean
ivc_file_util_write_bytes_beneath_checked (const char            *root,
                                           const char            *relative_path,
                                           GBytes                *bytes,
                                           IvcFileUtilCheckFunc   check,
                                           gpointer               user_data,
                                           GCancellable          *cancellable,
                                           GError               **error)
{
  g_autofree char *relative_folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *temporary = NULL;
  gconstpointer data;
  gsize len;
  int dir_fd, fd = -1;
  int saved_errno = 0;

  g_return_val_if_fail (root != NULL && g_path_is_absolute (root), FALSE);
  g_return_val_if_fail (relative_path != NULL && !g_path_is_absolute (relative_path), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  relative_folder = g_path_get_dirname (relative_path);
  name = g_path_get_basename (relative_path);
  path = g_build_filename (root, relative_path, NULL);

  dir_fd = open_folder_beneath (root, relative_folder, TRUE, error);
  if (dir_fd < 0)
    return FALSE;

  for (guint attempt = 0; attempt < TEMPORARY_ATTEMPTS && fd < 0; attempt++)
    {
      char suffix[TEMPORARY_SUFFIX_LENGTH + 1];

      for (guint i = 0; i < TEMPORARY_SUFFIX_LENGTH; i++)
        suffix[i] = TEMPORARY_LETTERS[g_random_int_range (0, sizeof TEMPORARY_LETTERS - 1)];
      suffix[TEMPORARY_SUFFIX_LENGTH] = '\0';

      g_free (temporary);
      temporary = g_strconcat (name, ".", suffix, NULL);
      fd = openat (dir_fd, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                   IVC_FILE_UTIL_FILE_MODE);
      if (fd < 0 && errno != EEXIST)
        break;
    }

  if (fd < 0)
    {
      set_errno_error (error, errno, _("the file %s cannot be created (%s)"), path, g_strerror (errno));
      close (dir_fd);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &len);
  if (!write_all (fd, data, len) || fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;

  if (saved_errno == 0 && check != NULL && !check (dir_fd, name, user_data))
    {
      unlinkat (dir_fd, temporary, 0);
      close (dir_fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   _("the file %s was changed by someone else while it was being saved"), path);
      return FALSE;
    }

  if (saved_errno == 0 && renameat (dir_fd, temporary, dir_fd, name) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      unlinkat (dir_fd, temporary, 0);
      close (dir_fd);
      set_errno_error (error, saved_errno, _("the file %s cannot be written (%s)"), path, g_strerror (saved_errno));
      return FALSE;
    }

  /* The rename itself reaches the disk with the folder. */
  fsync (dir_fd);
  close (dir_fd);

  return TRUE;
}

/**
 * ivc_file_util_open_folder_beneath:
 * @root: the application's data folder
 * @relative_folder: a folder below it, with no “..”
 * @error: as for ivc_file_util_write_bytes_beneath()
 *
 * Opens a folder of the application's own without following links below
 * @root, and without making or changing anything.
 *
 * Returns: a descriptor to close, or -1 with @error
 */
int
ivc_file_util_open_folder_beneath (const char  *root,
                                   const char  *relative_folder,
                                   GError     **error)
{
  g_return_val_if_fail (root != NULL && g_path_is_absolute (root), -1);
  g_return_val_if_fail (relative_folder != NULL, -1);

  return open_folder_beneath (root, relative_folder, FALSE, error);
}

/**
 * ivc_file_util_move_aside_at:
 * @dir_fd: the file's folder
 * @name: the file; a link is moved, not followed
 * @tag: as for ivc_file_util_move_aside()
 * @new_name: (out) (transfer full): its name now
 *
 * ivc_file_util_move_aside() within a folder opened without following
 * links.
 *
 * Returns: %TRUE if the file was moved
 */
gboolean
ivc_file_util_move_aside_at (int          dir_fd,
                             const char  *name,
                             const char  *tag,
                             char       **new_name,
                             GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (tag != NULL && *tag != '\0', FALSE);

  for (guint i = 1; i <= IVC_FILE_UTIL_MAX_KEPT_ASIDE; i++)
    {
      g_autofree char *target = NULL;
      struct stat st;

      if (i == 1)
        target = g_strdup_printf ("%s.%s-%s", name, tag, stamp);
      else
        target = g_strdup_printf ("%s.%s-%s-%u", name, tag, stamp, i);

      if (fstatat (dir_fd, target, &st, AT_SYMLINK_NOFOLLOW) == 0)
        continue;

      if (errno != ENOENT || renameat (dir_fd, name, dir_fd, target) != 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return FALSE;
        }

      *new_name = g_steal_pointer (&target);
      return TRUE;
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("too many copies are already kept aside"));
  return FALSE;
}

/**
 * ivc_file_util_delete_beneath:
 * @root: the application's data folder
 * @relative_path: the file to delete, below @root, with no “..”
 * @error: a #G_IO_ERROR whose message names the file or folder;
 *   %G_IO_ERROR_TOO_MANY_LINKS when a folder below @root is a link
 *
 * Deletes a file of the application's own without following links, then
 * its folder if nothing else is in it. A file that is not there is fine.
 *
 * Returns: %TRUE if the file is gone
 */
gboolean
ivc_file_util_delete_beneath (const char  *root,
                              const char  *relative_path,
                              GError     **error)
{
  g_autofree char *relative_folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  int dir_fd, parent_fd;

  g_return_val_if_fail (root != NULL && g_path_is_absolute (root), FALSE);
  g_return_val_if_fail (relative_path != NULL && !g_path_is_absolute (relative_path), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  relative_folder = g_path_get_dirname (relative_path);
  name = g_path_get_basename (relative_path);
  path = g_build_filename (root, relative_path, NULL);

  dir_fd = open_folder_beneath (root, relative_folder, FALSE, &local_error);
  if (dir_fd < 0)
    {
      /* Already gone, with its folder. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (unlinkat (dir_fd, name, 0) != 0 && errno != ENOENT)
    {
      set_errno_error (error, errno, _("the file %s cannot be deleted (%s)"), path, g_strerror (errno));
      close (dir_fd);
      return FALSE;
    }
  close (dir_fd);

  /* Only succeeds when empty: other interviewers' files and copies kept
   * aside stay, and so does their folder. */
  if (!g_str_equal (relative_folder, "."))
    {
      g_autofree char *grandparent = g_path_get_dirname (relative_folder);
      g_autofree char *folder_name = g_path_get_basename (relative_folder);

      parent_fd = open_folder_beneath (root, grandparent, FALSE, NULL);
      if (parent_fd >= 0)
        {
          unlinkat (parent_fd, folder_name, AT_REMOVEDIR);
          close (parent_fd);
        }
    }

  return TRUE;
}

/**
 * ivc_file_util_is_link:
 *
 * Returns: whether @path itself is a symbolic link
 */
gboolean
ivc_file_util_is_link (const char *path)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  return g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode);
}

/**
 * ivc_file_util_tighten_folder:
 * @path: a folder of the application's own
 *
 * Closes the folder to others (mode 0700) if it is the user's and open to
 * them; a link is not followed. Nothing is said if that fails: the folder
 * is still used.
 */
void
ivc_file_util_tighten_folder (const char *path)
{
  int fd;

  g_return_if_fail (path != NULL);

  fd = open (path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return;

  tighten_fd (fd);
  close (fd);
}

/* Whether @entry is @file_name, a dot and six letters or digits: the name
 * of a temporary file of a save of @file_name. */
static gboolean
is_temporary_name (const char *entry,
                   const char *file_name)
{
  gsize len = strlen (file_name);

  if (strncmp (entry, file_name, len) != 0 || entry[len] != '.' ||
      strlen (entry + len + 1) != TEMPORARY_SUFFIX_LENGTH)
    return FALSE;

  for (const char *p = entry + len + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/**
 * ivc_file_util_remove_stale_temporary_files:
 * @folder_path: a folder of the application's own; a link is not followed
 * @file_name: the file whose temporary files to look for, such as
 *   “ann.json”
 *
 * Removes what interrupted saves of @file_name left: regular files named
 * `FILE_NAME.XXXXXX` (six letters or digits), as ivc_file_util_write_bytes()
 * and ivc_file_util_write_bytes_beneath() name them, last changed more than
 * %IVC_FILE_UTIL_STALE_TEMPORARY_SECONDS ago, so that a save in progress
 * is left alone. Links and anything else are left as they are.
 *
 * Returns: how many were removed
 */
guint
ivc_file_util_remove_stale_temporary_files (const char *folder_path,
                                            const char *file_name)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  struct dirent *entry;
  guint n_removed = 0;
  DIR *dir;
  int fd;

  g_return_val_if_fail (folder_path != NULL, 0);
  g_return_val_if_fail (file_name != NULL && *file_name != '\0', 0);

  fd = open (folder_path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return 0;

  dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return 0;
    }

  while ((entry = readdir (dir)) != NULL)
    {
      struct stat st;

      if (!is_temporary_name (entry->d_name, file_name) ||
          fstatat (fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
          !S_ISREG (st.st_mode) ||
          now - (gint64)st.st_mtime <= IVC_FILE_UTIL_STALE_TEMPORARY_SECONDS)
        continue;

      if (unlinkat (fd, entry->d_name, 0) == 0)
        n_removed++;
    }

  closedir (dir);

  return n_removed;
}
