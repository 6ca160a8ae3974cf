/* ivc-file-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way the application writes and reads its files: atomic writes,
 * reads with a size limit, and keeping a damaged file aside.
 */

#define G_LOG_DOMAIN "ivc-file-util"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ivc-file-util.h"

/*
 * Everything here may run in any thread and touches no GObject but the
 * GFile, GBytes and GCancellable it is given, which are thread-safe. The
 * _async variants run the synchronous function in a worker thread: the
 * caller serialises on the main thread and hands over bytes.
 */

G_DEFINE_QUARK (ivc-file-util-error-quark, ivc_file_util_error)

/* The size of the pieces in which a file without a local path is read. */
#define READ_CHUNK_SIZE (64 * 1024)

typedef struct
{
  GFile                 *file;
  GBytes                *bytes;
  IvcFileUtilWriteFlags  flags;
  gsize                  max_size;
  char                  *kind;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->kind);
  g_free (data);
}

static char *
dup_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path != NULL ? g_strdup (path) : g_file_get_parse_name (file);
}

/* The system's reason at the end of a GLib or GIO message, such as “File
 * too large” in “Failed to write file “…”: write() failed: File too
 * large”: their messages end in “: ” and the reason. */
static const char *
peek_system_reason (const char *message)
{
  const char *colon = g_strrstr (message, ": ");

  return colon != NULL && colon[2] != '\0' ? colon + 2 : message;
}

/* A read error: “PATH: REASON”, or only the reason if so asked. */
G_GNUC_PRINTF (5, 6)
static void
set_read_error (GError               **error,
                IvcFileUtilReadFlags   flags,
                const char            *display_name,
                int                    code,
                const char            *format,
                ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if ((flags & IVC_FILE_UTIL_READ_REASON_ONLY) != 0)
    g_set_error_literal (error, IVC_FILE_UTIL_ERROR, code, reason);
  else
    g_set_error (error, IVC_FILE_UTIL_ERROR, code, "%s: %s", display_name, reason);
}

/* The file cannot be read for the system's reason @why. */
static void
set_cannot_read_error (GError               **error,
                       IvcFileUtilReadFlags   flags,
                       const char            *display_name,
                       const char            *why)
{
  if ((flags & IVC_FILE_UTIL_READ_REASON_ONLY) != 0)
    g_set_error_literal (error, IVC_FILE_UTIL_ERROR, IVC_FILE_UTIL_ERROR_READ,
                         peek_system_reason (why));
  else
    g_set_error (error, IVC_FILE_UTIL_ERROR, IVC_FILE_UTIL_ERROR_READ,
                 _("%s: the file cannot be read (%s)"), display_name, why);
}

/**
 * ivc_file_util_format_limit:
 * @limit: a size in bytes
 *
 * Returns: (transfer full): the size for a message, such as “16 MiB”
 */
char *
ivc_file_util_format_limit (gsize limit)
{
  const gsize kib = 1024;
  const gsize mib = 1024 * kib;

  if (limit >= mib && limit % mib == 0)
    return g_strdup_printf (_("%u MiB"), (guint)(limit / mib));

  if (limit >= kib && limit % kib == 0)
    return g_strdup_printf (_("%u KiB"), (guint)(limit / kib));

  return g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);
}

/**
 * ivc_file_util_format_size:
 * @size: a size in bytes
 *
 * A size found, in the unit of the limits: messages say “20.1 MiB; at most
 * 16 MiB”, never “21.1 MB; at most 16 MiB”.
 *
 * Returns: (transfer full): the size for a message, such as “20.1 MiB”
 */
char *
ivc_file_util_format_size (guint64 size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
}

/**
 * ivc_file_util_write_bytes:
 * @file: the file to replace
 * @bytes: its new contents
 * @flags: whether the folder may be created, and whether the message is
 *   only the system's reason
 * @error: a #G_IO_ERROR whose message names the file or folder, or with
 *   %IVC_FILE_UTIL_WRITE_REASON_ONLY is only the system's reason
 *
 * Replaces @file with @bytes: creates its folder (mode 0700) if needed and
 * asked to, writes a new file next to it, flushes it to the disk and renames it over
 * the old one, so that a full disk or a crash leaves the old file whole or
 * the new one, never a mixture. The file gets mode 0600. The temporary
 * file's name does not end like @file's, so a folder scan skips it. A file
 * with no local path is written through GIO's g_file_replace_contents().
 *
 * Returns: %TRUE if the new contents are on disk
 */
gboolean
ivc_file_util_write_bytes (GFile                  *file,
                           GBytes                 *bytes,
                           IvcFileUtilWriteFlags   flags,
                           GCancellable           *cancellable,
                           GError                **error)
{
  g_autofree char *folder_path = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *path;
  gconstpointer data;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* A place with no local path (an export to a remote folder the file
   * chooser offered): GIO's own replace, which also writes a temporary
   * file and renames it where the backend can. */
  path = g_file_peek_path (file);
  if (path == NULL)
    {
      if (g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                   NULL, cancellable, &local_error))
        return TRUE;

      if ((flags & IVC_FILE_UTIL_WRITE_REASON_ONLY) != 0 &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error_literal (error, G_IO_ERROR, local_error->code,
                             peek_system_reason (local_error->message));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  folder_path = g_path_get_dirname (path);

  if ((flags & IVC_FILE_UTIL_WRITE_CREATE_FOLDER) != 0 &&
      g_mkdir_with_parents (folder_path, IVC_FILE_UTIL_FOLDER_MODE) != 0)
    {
      int saved_errno = errno;

      if ((flags & IVC_FILE_UTIL_WRITE_REASON_ONLY) != 0)
        g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                             g_strerror (saved_errno));
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("the folder %s cannot be created (%s)"),
                     folder_path, g_strerror (saved_errno));
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &len);

  if (!g_file_set_contents_full (path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 IVC_FILE_UTIL_FILE_MODE, &local_error))
    {
      /* One error domain, whichever way the file was written. */
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                           (flags & IVC_FILE_UTIL_WRITE_REASON_ONLY) != 0
                             ? peek_system_reason (local_error->message)
                             : local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;

  if (ivc_file_util_write_bytes (data->file, data->bytes, data->flags, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ivc_file_util_write_bytes_async:
 *
 * Does ivc_file_util_write_bytes() in a worker thread.
 */
void
ivc_file_util_write_bytes_async (GFile                 *file,
                                 GBytes                *bytes,
                                 IvcFileUtilWriteFlags  flags,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (bytes != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (TaskData, 1);
  data->file = g_object_ref (file);
  data->bytes = g_bytes_ref (bytes);
  data->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  /* Through an integer: ISO C has no cast from a function to a data pointer. */
  g_task_set_source_tag (task, (gpointer)(guintptr)ivc_file_util_write_bytes_async);
  g_task_set_name (task, "[ivc] write file");
  g_task_set_task_data (task, data, (GDestroyNotify)task_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
ivc_file_util_write_bytes_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                          (gpointer)(guintptr)ivc_file_util_write_bytes_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* A file without a local path, or a device, is read in pieces, so that a
 * huge one is refused without reading all of it. */
static GBytes *
read_stream (GFile                 *file,
             gsize                  max_size,
             const char            *kind,
             IvcFileUtilReadFlags   flags,
             GCancellable          *cancellable,
             GError               **error)
{
  g_autofree char *display_name = dup_display_name (file);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) contents = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *buffer = g_malloc (READ_CHUNK_SIZE);

  stream = g_file_read (file, cancellable, &local_error);

  while (stream != NULL)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, READ_CHUNK_SIZE,
                                      cancellable, &local_error);

      if (n < 0)
        break;

      if (n == 0)
        return g_byte_array_free_to_bytes (g_steal_pointer (&contents));

      if (contents->len + (gsize)n > max_size)
        {
          g_autofree char *limit = ivc_file_util_format_limit (max_size);
          g_autofree char *size = ivc_file_util_format_size (contents->len + n);

          set_read_error (error, flags, display_name, IVC_FILE_UTIL_ERROR_TOO_LARGE,
                          /* Translators: “the file is too large (20.1 MB; a candidate file may be at most 16 MiB)” */
                          _("the file is too large (%s; %s may be at most %s)"),
                          size, kind, limit);
          return NULL;
        }

      g_byte_array_append (contents, buffer, n);
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  set_cannot_read_error (error, flags, display_name, local_error->message);
  return NULL;
}

static GBytes *
read_local (GFile                 *file,
            gsize                  max_size,
            const char            *kind,
            IvcFileUtilReadFlags   flags,
            GCancellable          *cancellable,
            GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *path = g_file_peek_path (file);
  char *contents = NULL;
  gsize len = 0;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      set_cannot_read_error (error, flags, path, g_strerror (saved_errno));
      return NULL;
    }

  if (!S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode) &&
      (flags & IVC_FILE_UTIL_READ_DEVICES) != 0)
    return read_stream (file, max_size, kind, flags, cancellable, error);

  if (!S_ISREG (st.st_mode))
    {
      set_read_error (error, flags, path, IVC_FILE_UTIL_ERROR_NOT_REGULAR,
                      /* Translators: %s is the kind of file, such as “a candidate file” */
                      _("this is a folder or a device, not %s"), kind);
      return NULL;
    }

  if ((guint64)st.st_size > max_size)
    {
      g_autofree char *size = ivc_file_util_format_size (st.st_size);
      g_autofree char *limit = ivc_file_util_format_limit (max_size);

      set_read_error (error, flags, path, IVC_FILE_UTIL_ERROR_TOO_LARGE,
                      _("the file is too large (%s; %s may be at most %s)"),
                      size, kind, limit);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      set_cannot_read_error (error, flags, path, local_error->message);
      return NULL;
    }

  return g_bytes_new_take (contents, len);
}

/**
 * ivc_file_util_read_bytes_full:
 * @max_size: the largest file to read, in bytes
 * @kind: what the file should be, with its article, for messages: “a
 *   question bank”
 * @flags: whether a device may be read, and whether the message names the
 *   file
 * @error: an %IVC_FILE_UTIL_ERROR whose message names the file (its path,
 *   unless %IVC_FILE_UTIL_READ_REASON_ONLY) and, for
 *   %IVC_FILE_UTIL_ERROR_TOO_LARGE, the limit; or %G_IO_ERROR_CANCELLED
 *
 * Reads a whole file, refusing a folder, a device (unless
 * %IVC_FILE_UTIL_READ_DEVICES), or a file larger than @max_size.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error
 */
GBytes *
ivc_file_util_read_bytes_full (GFile                 *file,
                               gsize                  max_size,
                               const char            *kind,
                               IvcFileUtilReadFlags   flags,
                               GCancellable          *cancellable,
                               GError               **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (g_file_peek_path (file) != NULL)
    return read_local (file, max_size, kind, flags, cancellable, error);

  return read_stream (file, max_size, kind, flags, cancellable, error);
}

/**
 * ivc_file_util_read_bytes:
 * @max_size: the largest file to read, in bytes
 * @kind: what the file should be, with its article, for messages: “a
 *   candidate file”
 * @error: an %IVC_FILE_UTIL_ERROR whose message names the file (its path)
 *   and, for %IVC_FILE_UTIL_ERROR_TOO_LARGE, the limit; or
 *   %G_IO_ERROR_CANCELLED
 *
 * Reads a whole file, refusing a folder, a device, or a file larger than
 * @max_size.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error
 */
GBytes *
ivc_file_util_read_bytes (GFile         *file,
                          gsize          max_size,
                          const char    *kind,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return ivc_file_util_read_bytes_full (file, max_size, kind, IVC_FILE_UTIL_READ_NONE,
                                        cancellable, error);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  GBytes *bytes;

  bytes = ivc_file_util_read_bytes (data->file, data->max_size, data->kind, cancellable, &error);
  if (bytes != NULL)
    g_task_return_pointer (task, bytes, (GDestroyNotify)g_bytes_unref);
  else
    g_task_return_error (task, error);
}

/**
 * ivc_file_util_read_bytes_async:
 *
 * Does ivc_file_util_read_bytes() in a worker thread.
 */
void
ivc_file_util_read_bytes_async (GFile               *file,
                                gsize                max_size,
                                const char          *kind,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (TaskData, 1);
  data->file = g_object_ref (file);
  data->max_size = max_size;
  data->kind = g_strdup (kind);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer)(guintptr)ivc_file_util_read_bytes_async);
  g_task_set_name (task, "[ivc] read file");
  g_task_set_task_data (task, data, (GDestroyNotify)task_data_free);
  g_task_run_in_thread (task, read_thread);
}

/**
 * ivc_file_util_read_bytes_finish:
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error
 */
GBytes *
ivc_file_util_read_bytes_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        (gpointer)(guintptr)ivc_file_util_read_bytes_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ivc_file_util_move_aside:
 * @file: a local file that cannot be read
 * @tag: what to call the copy, such as “corrupt”
 * @error: a #G_IO_ERROR whose message is the system's reason
 *
 * Renames @file to `NAME.TAG-YYYYMMDDTHHMMSSZ`, or with `-2`, `-3`… after
 * it, next to it, never replacing anything. Its name no longer ends as it
 * did (in “.json”), so it is not read again, and a new file can take its
 * place.
 *
 * Returns: (transfer full) (nullable): where the file is now, or %NULL with
 *   @error
 */
GFile *
ivc_file_util_move_aside (GFile       *file,
                          const char  *tag,
                          GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (g_file_peek_path (file) != NULL, NULL);
  g_return_val_if_fail (tag != NULL && *tag != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_peek_path (file);

  for (guint i = 1; i <= IVC_FILE_UTIL_MAX_KEPT_ASIDE; i++)
    {
      g_autofree char *target = NULL;
      GStatBuf st;

      if (i == 1)
        target = g_strdup_printf ("%s.%s-%s", path, tag, stamp);
      else
        target = g_strdup_printf ("%s.%s-%s-%u", path, tag, stamp, i);

      if (g_lstat (target, &st) == 0)
        continue;

      if (errno != ENOENT || g_rename (path, target) != 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }

      return g_file_new_for_path (target);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("too many copies were already kept aside"));
  return NULL;
}
