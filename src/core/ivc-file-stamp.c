/* ivc-file-stamp.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a file held when it was last read or written: its contents, size,
 * modification time and a hash of the contents, to tell whether someone
 * else changed it since.
 */

#define G_LOG_DOMAIN "ivc-file-stamp"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "ivc-file-stamp.h"

static void
ivc_file_stamp_clear (IvcFileStamp *self)
{
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->sha256, g_free);
}

/**
 * ivc_file_stamp_new:
 * @bytes: the contents read or written
 * @mtime_usec: the file's modification time then, in microseconds since
 *   1970
 *
 * Returns: (transfer full): a stamp, shared between threads by reference
 */
IvcFileStamp *
ivc_file_stamp_new (GBytes *bytes,
                    gint64  mtime_usec)
{
  IvcFileStamp *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_atomic_rc_box_new0 (IvcFileStamp);
  self->bytes = g_bytes_ref (bytes);
  self->size = g_bytes_get_size (bytes);
  self->mtime_usec = mtime_usec;
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return self;
}

IvcFileStamp *
ivc_file_stamp_ref (IvcFileStamp *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
ivc_file_stamp_unref (IvcFileStamp *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify)ivc_file_stamp_clear);
}

/**
 * ivc_file_stamp_is_unchanged:
 * @now: the file as it is now
 *
 * Whether the file still holds what @self recorded. The same size and
 * modification time are not enough, since sync tools set a file's time to
 * the other computer's: the contents' hash decides. A new time over the
 * same contents (a file touched, or copied back) is no change.
 */
gboolean
ivc_file_stamp_is_unchanged (IvcFileStamp *self,
                             IvcFileStamp *now)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->size != now->size)
    return FALSE;

  return g_str_equal (self->sha256, now->sha256);
}

static gint64
stat_mtime_usec (const struct stat *st)
{
  return (gint64)st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

/**
 * ivc_file_stamp_get_mtime_at:
 *
 * Returns: the modification time of @name in @dir_fd (or a path, with
 *   %AT_FDCWD), not following a link; 0 if there is no such file
 */
gint64
ivc_file_stamp_get_mtime_at (int         dir_fd,
                             const char *name)
{
  struct stat st;

  if (fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
    return 0;

  return stat_mtime_usec (&st);
}

/**
 * ivc_file_stamp_read_at:
 * @dir_fd: a folder, or %AT_FDCWD for a path
 * @name: the file in it; a link is not followed
 * @max_size: a larger file is refused
 * @error: %G_IO_ERROR_NOT_FOUND when there is no file, or another
 *   #G_IO_ERROR with the system's reason
 *
 * Reads a file and stamps it, in any thread.
 *
 * Returns: (transfer full) (nullable): the stamp, or %NULL with @error
 */
IvcFileStamp *
ivc_file_stamp_read_at (int          dir_fd,
                        const char  *name,
                        gsize        max_size,
                        GError     **error)
{
  g_autoptr(GByteArray) contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fd = openat (dir_fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ELOOP)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                             _("the file is a link to another place"));
      else
        g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                             g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode) || (guint64)st.st_size > max_size)
    {
      if (!S_ISREG (st.st_mode))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                             _("this is not a regular file"));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                             _("the file is too large"));
      close (fd);
      return NULL;
    }

  contents = g_byte_array_sized_new (st.st_size);
  for (;;)
    {
      guint8 buffer[8192];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      if (contents->len + (gsize)n > max_size)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, _("the file is too large"));
          close (fd);
          return NULL;
        }
      g_byte_array_append (contents, buffer, n);
    }

  close (fd);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&contents));

  return ivc_file_stamp_new (bytes, stat_mtime_usec (&st));
}
